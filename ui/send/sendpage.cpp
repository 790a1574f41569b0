#include "ui/send/sendpage.h"
#include "ui/widgets/accessibility.h"
#include "ui_sendpage.h"

#include "accounts/settings.h"
#include "ui/widgets/stylepalette.h"

#include "calls/calltracker.h"
#include "campaigns/campaignreconciler.h"
#include "ui/shell/messagebanner.h"
#include "ui/send/sendfailure.h"
#include "ui/send/capoverride.h"
#include "accounts/session.h"
#include "common/validation.h"

#include <QComboBox>
#include <QCompleter>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace vc::ui {

namespace {
// The service's own name beside its id in the picker: a name may itself contain " — ".
constexpr int ServiceNameRole = Qt::UserRole + 1;
} // namespace

namespace {

} // namespace

SendPage::SendPage(Session *session, CallTracker *tracker, MessageBanner *banner, QSettings *settings, QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::SendPage>()), m_session(session), m_tracker(tracker), m_banner(banner),
      m_settings(settings)
{
    m_ui->setupUi(this);
    m_source = m_ui->sourceCombo;
    m_destination = m_ui->destinationEdit;
    m_service = m_ui->serviceCombo;
    m_source->addItems(Settings(m_settings).recentSources());
    m_source->setCurrentIndex(m_source->count() ? 0 : -1);
    // A searchable picker: type part of a name or an id.
    m_service->completer()->setFilterMode(Qt::MatchContains);
    m_service->completer()->setCompletionMode(QCompleter::PopupCompletion);

    connect(m_source, &QComboBox::editTextChanged, this, &SendPage::revalidate);
    connect(m_destination, &QLineEdit::textChanged, this, &SendPage::revalidate);
    connect(m_service, &QComboBox::currentIndexChanged, this, &SendPage::revalidate);
    connect(m_service, &QComboBox::editTextChanged, this, &SendPage::revalidate);
    connect(m_ui->reloadServices, &QPushButton::clicked, this, &SendPage::reloadServices);
    connect(m_ui->sendButton, &QPushButton::clicked, this, &SendPage::confirmAndSend);
    // Enter in a field sends, behind the same confirmation as the button.
    for (QLineEdit *field : {m_source->lineEdit(), m_destination, m_service->lineEdit()}) {
        connect(field, &QLineEdit::returnPressed, this, [this] {
            if (m_ui->sendButton->isEnabled())
                confirmAndSend();
        });
    }
    connect(m_session, &Session::profileChanged, this, [this] {
        m_servicesLoaded = false;
        m_servicesRequest = 0;
        m_service->clear();
        loadServicesSoon();
    });
    retranslate();
}

SendPage::~SendPage() = default;

void SendPage::setPageActive(bool active)
{
    m_pageActive = active;
    if (active)
        loadServicesSoon();
}

void SendPage::loadServicesSoon()
{
    // Once per profile. A profile switch both shows the page again (the window's slot) and tells the
    // page itself, in either order: both ask here, and one request goes out on the next turn.
    if (m_loadQueued)
        return;
    m_loadQueued = true;
    QMetaObject::invokeMethod(this, [this] {
        m_loadQueued = false;
        if (m_pageActive && !m_servicesLoaded && !m_servicesRequest)
            reloadServices();
    }, Qt::QueuedConnection);
}

void SendPage::retranslate()
{
    m_ui->retranslateUi(this);
    a11y::nameFromLabels(this);
    // An editable combo box's own line edit is not in the form file.
    m_source->lineEdit()->setPlaceholderText(tr("caller number, e.g. +7 495 999-99-99"));
    m_service->lineEdit()->setPlaceholderText(tr("type to search by name or id"));
    a11y::name(m_ui->reloadServices, tr("Reload the services"));
    m_ui->sendButton->setText(m_sending ? tr("Sending…") : tr("Send…"));
    revalidate();
}

void SendPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void SendPage::reloadServices()
{
    if (!m_session->isActive() || m_session->isLegacy())
        return;
    style::showHint(m_ui->serviceHint, tr("Loading services…"), false);
    static quint64 requests = 0;
    const quint64 request = m_servicesRequest = ++requests;
    m_session->exolve()->listServices(this, [this, request](const Result<QList<VoiceService>> &r) {
        if (request != m_servicesRequest)
            return; // the profile changed, or a newer reload was asked for
        m_servicesRequest = 0;
        if (!r) {
            style::showHint(m_ui->serviceHint, tr("The services could not be loaded: %1").arg(r.error().explanation), true);
            return;
        }
        m_servicesLoaded = true;
        const QString current = m_service->currentData().toString();
        m_service->clear();
        for (const VoiceService &s : r.value())
        {
            m_service->addItem(tr("%1 — %2").arg(s.name, s.id), s.id);
            m_service->setItemData(m_service->count() - 1, s.name, ServiceNameRole);
        }
        const int index = m_service->findData(current);
        m_service->setCurrentIndex(index >= 0 ? index : (m_service->count() ? 0 : -1));
        revalidate();
    });
}

void SendPage::revalidate()
{
    const QString sourceText = m_source->currentText();
    const QString destinationText = m_destination->text();
    const auto source = Validation::phoneNumber(sourceText);
    const auto destination = Validation::phoneNumber(destinationText);
    if (sourceText.trimmed().isEmpty())
        style::showHint(m_ui->sourceHint, {}, false);
    else
        style::showHint(m_ui->sourceHint, source.ok() ? tr("Will be sent as %1").arg(source.value()) : source.message(), !source.ok());
    if (destinationText.trimmed().isEmpty())
        style::showHint(m_ui->destinationHint, {}, false);
    else
        style::showHint(m_ui->destinationHint, destination.ok() ? tr("Will be sent as %1").arg(destination.value()) : destination.message(),
             !destination.ok());
    const bool serviceChosen = m_service->currentIndex() >= 0 && m_service->itemText(m_service->currentIndex()) == m_service->currentText();
    if (m_servicesLoaded) {
        if (m_service->count() == 0)
            style::showHint(m_ui->serviceHint, tr("There are no services yet: create one on the Services page."), true);
        else
            style::showHint(m_ui->serviceHint, serviceChosen ? QString() : tr("Pick a service from the list."), !serviceChosen);
    }
    m_ui->sendButton->setEnabled(!m_sending && m_session->isActive() && source.ok() && destination.ok() && serviceChosen);
}

void SendPage::confirmAndSend()
{
    const auto source = Validation::phoneNumber(m_source->currentText());
    const auto destination = Validation::phoneNumber(m_destination->text());
    const QString serviceId = m_service->currentData().toString();
    if (!source.ok() || !destination.ok() || serviceId.isEmpty() || m_sending)
        return;
    const QString serviceName = m_service->currentData(ServiceNameRole).toString();
    // Over the contact policy's cap: said first, and sent only with the operator's reason, recorded.
    if (!passCapGate(m_cap, m_tracker, this, destination.value(), [this] { confirmAndSend(); }))
        return;
    const QString overrideReason = std::exchange(m_cap.overrideReason, QString());
    auto *box = new QMessageBox(QMessageBox::Question, tr("Send voice message"),
                                tr("Call %1 from %2 with service «%3»?").arg(destination.value(), source.value(), serviceName),
                                QMessageBox::Yes | QMessageBox::Cancel, window());
    box->setObjectName(QStringLiteral("sendConfirmation"));
    box->setInformativeText(m_session->profile().sandbox ? tr("This is the sandbox: no real call is made.")
                                                         : tr("The call is placed now and charged by the provider."));
    box->button(QMessageBox::Yes)->setText(tr("Call"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [=, this](int) {
        if (box->clickedButton() != box->button(QMessageBox::Yes))
            return;
        m_sending = true; // one request at a time: a second click must not place a second call
        retranslate();
        const VoiceCallRequest request{source.value(), destination.value(), serviceId};
        m_tracker->send(
            request, serviceName, this, [this, request](const Result<CallRecord> &r) {
            m_sending = false;
            retranslate();
            if (r.ok()) {
                rememberSource(request.source);
                m_ui->sendResult->setText(tr("Call placed: %1. It is followed on the Calls page.").arg(r.value().callId));
                m_banner->showMessage(MessageBanner::Level::Info, tr("Call to %1 placed.").arg(request.destination));
                Q_EMIT callPlaced(r.value().callId);
                return;
            }
            SendFailure::report(r.error(),
                                tr("Outcome unknown: the call to %1 may have been placed. It was recorded in the "
                                   "history as \"outcome unknown\" and was not sent again.")
                                    .arg(request.destination),
                                m_ui->sendResult, m_banner);
            if (r.error().outcomeUnknown) // the provider's own call history can tell: offered, not done for the operator
                m_banner->showMessage(MessageBanner::Level::Warning, r.error().explanation, r.error().serverMessage, tr("Ask Exolve"),
                                      [this, destination = request.destination] { askExolve(destination); });
            },
            overrideReason);
    });
    box->open();
}

void SendPage::rememberSource(const QString &number)
{
    QStringList sources = Settings(m_settings).recentSources();
    sources.removeAll(number);
    sources.prepend(number);
    while (sources.size() > 10)
        sources.removeLast();
    Settings(m_settings).recentSources() = sources;
    const QString typed = m_source->currentText();
    QSignalBlocker block(m_source);
    m_source->clear();
    m_source->addItems(sources);
    m_source->setEditText(typed);
}

void SendPage::askExolve(const QString &destination)
{
    CallHistory *history = m_tracker->history();
    if (!history || !history->isOpen())
        return;
    CallFilter filter;
    filter.number = destination;
    std::optional<CallRecord> unknown;
    for (const CallRecord &r : history->search(filter)) {
        if (r.outcomeUnknown && r.campaign.isEmpty() && r.destination == destination && (!unknown || r.created > unknown->created))
            unknown = r;
    }
    if (!unknown)
        return;
    m_ui->sendResult->setText(tr("Asking Exolve's call history about the call to %1…").arg(destination));
    CampaignReconciler::resolveSend(*unknown, m_session->exolve(), history, this,
                                    [this, destination](const ReconcileVerdict &v, const QString &error) {
        if (!error.isEmpty()) {
            m_ui->sendResult->setText(tr("Exolve's call history could not be read: %1").arg(error));
            m_banner->showMessage(MessageBanner::Level::Error, tr("Exolve's call history could not be read: %1").arg(error));
            return;
        }
        if (v.kind == ReconcileVerdict::Kind::Placed) {
            if (!v.historyId)
                m_tracker->watch(v.callId); // followed like any call placed; a history id is final already
            m_ui->sendResult->setText(tr("The call to %1 was placed: %2").arg(destination, v.why));
            m_banner->showMessage(MessageBanner::Level::Info, tr("Exolve has the call to %1: it is followed on the Calls page.").arg(destination));
        } else if (v.kind == ReconcileVerdict::Kind::NotPlaced) {
            m_ui->sendResult->setText(v.why);
            m_banner->showMessage(MessageBanner::Level::Info, tr("Exolve has no call to %1: it was not placed. Send it again if you wish.").arg(destination));
        } else {
            m_ui->sendResult->setText(v.why);
            m_banner->showMessage(MessageBanner::Level::Warning, v.why, {}, tr("Ask Exolve"), [this, destination] { askExolve(destination); });
        }
    });
}

} // namespace vc::ui
