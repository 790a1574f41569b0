#include "sendpage.h"

#include "accounts/settings.h"
#include "stylepalette.h"

#include "calls/calltracker.h"
#include "messagebanner.h"
#include "sendfailure.h"
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
    : QWidget(parent), m_session(session), m_tracker(tracker), m_banner(banner), m_settings(settings),
      m_intro(new QLabel(this)), m_sourceLabel(new QLabel(this)), m_destinationLabel(new QLabel(this)),
      m_serviceLabel(new QLabel(this)), m_source(new QComboBox(this)), m_sourceHint(new QLabel(this)),
      m_destination(new QLineEdit(this)), m_destinationHint(new QLabel(this)), m_service(new QComboBox(this)),
      m_serviceHint(new QLabel(this)), m_reloadServices(new QPushButton(this)), m_send(new QPushButton(this)),
      m_result(new QLabel(this))
{
    setObjectName(QStringLiteral("sendPage"));
    m_source->setObjectName(QStringLiteral("sourceCombo"));
    m_destination->setObjectName(QStringLiteral("destinationEdit"));
    m_service->setObjectName(QStringLiteral("serviceCombo"));
    m_send->setObjectName(QStringLiteral("sendButton"));
    m_reloadServices->setObjectName(QStringLiteral("reloadServices"));
    m_sourceHint->setObjectName(QStringLiteral("sourceHint"));
    m_destinationHint->setObjectName(QStringLiteral("destinationHint"));
    m_result->setObjectName(QStringLiteral("sendResult"));

    m_source->setEditable(true);
    m_source->setInsertPolicy(QComboBox::NoInsert);
    m_source->addItems(Settings(m_settings).recentSources());
    m_source->setCurrentIndex(m_source->count() ? 0 : -1);
    // A searchable picker: type part of a name or an id.
    m_service->setEditable(true);
    m_service->setInsertPolicy(QComboBox::NoInsert);
    m_service->completer()->setFilterMode(Qt::MatchContains);
    m_service->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_service->setMinimumContentsLength(40);
    m_reloadServices->setIcon(QIcon(QStringLiteral(":/icons/refresh.svg")));
    m_send->setIcon(QIcon(QStringLiteral(":/icons/send.svg")));
    m_send->setDefault(true);
    m_intro->setWordWrap(true);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    for (QLabel *l : {m_sourceHint, m_destinationHint, m_serviceHint})
        l->setWordWrap(true);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto *sourceBox = new QVBoxLayout;
    sourceBox->setSpacing(2);
    sourceBox->addWidget(m_source);
    sourceBox->addWidget(m_sourceHint);
    form->addRow(m_sourceLabel, sourceBox);
    auto *destinationBox = new QVBoxLayout;
    destinationBox->setSpacing(2);
    destinationBox->addWidget(m_destination);
    destinationBox->addWidget(m_destinationHint);
    form->addRow(m_destinationLabel, destinationBox);
    auto *serviceRow = new QHBoxLayout;
    serviceRow->addWidget(m_service, 1);
    serviceRow->addWidget(m_reloadServices);
    auto *serviceBox = new QVBoxLayout;
    serviceBox->setSpacing(2);
    serviceBox->addLayout(serviceRow);
    serviceBox->addWidget(m_serviceHint);
    form->addRow(m_serviceLabel, serviceBox);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_send);
    auto *column = new QVBoxLayout;
    column->addWidget(m_intro);
    column->addSpacing(8);
    column->addLayout(form);
    column->addLayout(buttons);
    column->addWidget(m_result);
    column->addStretch();
    auto *outer = new QHBoxLayout(this);
    outer->addLayout(column, 3);
    outer->addStretch(1);

    connect(m_source, &QComboBox::editTextChanged, this, &SendPage::revalidate);
    connect(m_destination, &QLineEdit::textChanged, this, &SendPage::revalidate);
    connect(m_service, &QComboBox::currentIndexChanged, this, &SendPage::revalidate);
    connect(m_service, &QComboBox::editTextChanged, this, &SendPage::revalidate);
    connect(m_reloadServices, &QPushButton::clicked, this, &SendPage::reloadServices);
    connect(m_send, &QPushButton::clicked, this, &SendPage::confirmAndSend);
    connect(m_session, &Session::profileChanged, this, [this] {
        m_servicesLoaded = false;
        m_service->clear();
        if (m_pageActive)
            reloadServices();
    });
    retranslate();
}

void SendPage::setPageActive(bool active)
{
    m_pageActive = active;
    if (active && !m_servicesLoaded)
        reloadServices();
}

void SendPage::retranslate()
{
    m_intro->setText(tr("Send a voice message: the destination is called and hears the service's audio file. "
                        "Each call is charged by the provider."));
    m_sourceLabel->setText(tr("&From:"));
    m_sourceLabel->setBuddy(m_source);
    m_destinationLabel->setText(tr("&To:"));
    m_destinationLabel->setBuddy(m_destination);
    m_serviceLabel->setText(tr("&Service:"));
    m_serviceLabel->setBuddy(m_service);
    m_source->lineEdit()->setPlaceholderText(tr("caller number, e.g. +7 495 999-99-99"));
    m_destination->setPlaceholderText(tr("number to call, e.g. +7 926 999-99-99"));
    m_service->lineEdit()->setPlaceholderText(tr("type to search by name or id"));
    m_reloadServices->setToolTip(tr("Reload the services"));
    m_send->setText(m_sending ? tr("Sending…") : tr("Send…"));
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
    style::showHint(m_serviceHint, tr("Loading services…"), false);
    m_session->exolve()->listServices(this, [this](const Result<QList<VoiceService>> &r) {
        if (!r) {
            style::showHint(m_serviceHint, tr("The services could not be loaded: %1").arg(r.error().explanation), true);
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
        style::showHint(m_sourceHint, {}, false);
    else
        style::showHint(m_sourceHint, source.ok() ? tr("Will be sent as %1").arg(source.value()) : source.message(), !source.ok());
    if (destinationText.trimmed().isEmpty())
        style::showHint(m_destinationHint, {}, false);
    else
        style::showHint(m_destinationHint, destination.ok() ? tr("Will be sent as %1").arg(destination.value()) : destination.message(),
             !destination.ok());
    const bool serviceChosen = m_service->currentIndex() >= 0 && m_service->itemText(m_service->currentIndex()) == m_service->currentText();
    if (m_servicesLoaded) {
        if (m_service->count() == 0)
            style::showHint(m_serviceHint, tr("There are no services yet: create one on the Services page."), true);
        else
            style::showHint(m_serviceHint, serviceChosen ? QString() : tr("Pick a service from the list."), !serviceChosen);
    }
    m_send->setEnabled(!m_sending && m_session->isActive() && source.ok() && destination.ok() && serviceChosen);
}

void SendPage::confirmAndSend()
{
    const auto source = Validation::phoneNumber(m_source->currentText());
    const auto destination = Validation::phoneNumber(m_destination->text());
    const QString serviceId = m_service->currentData().toString();
    if (!source.ok() || !destination.ok() || serviceId.isEmpty() || m_sending)
        return;
    const QString serviceName = m_service->currentData(ServiceNameRole).toString();
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
        m_tracker->send(request, serviceName, this, [this, request](const Result<CallRecord> &r) {
            m_sending = false;
            retranslate();
            if (r.ok()) {
                rememberSource(request.source);
                m_result->setText(tr("Call placed: %1. It is followed on the Calls page.").arg(r.value().callId));
                m_banner->showMessage(MessageBanner::Level::Info, tr("Call to %1 placed.").arg(request.destination));
                Q_EMIT callPlaced(r.value().callId);
                return;
            }
            SendFailure::report(r.error(),
                                tr("Outcome unknown: the call to %1 may have been placed. It was recorded in the "
                                   "history as \"outcome unknown\" and was not sent again.")
                                    .arg(request.destination),
                                m_result, m_banner);
        });
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

} // namespace vc::ui
