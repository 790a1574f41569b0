// The new-campaign wizard, page 2: the settings.
#include "ui/campaigns/wizard/campaignsettingspage.h"

#include "common/offthread.h"
#include "store/teamstore.h"
#include "ui_campaignsettingspage.h"

#include "accounts/session.h"
#include "policy/contactpolicy.h"
#include "campaigns/donotcall.h"
#include "campaigns/sendingwindow.h"
#include "common/validation.h"
#include "ui/campaigns/wizard/campaignfilepage.h"
#include "ui/campaigns/wizard/campaignwizard.h"
#include "ui/widgets/accessibility.h"
#include "ui/widgets/stylepalette.h"

#include <QCompleter>
#include <QLineEdit>
#include <QTimeZone>

namespace vc::ui {

CampaignSettingsPage::CampaignSettingsPage(CampaignWizard *wizard)
    : m_ui(std::make_unique<Ui::CampaignSettingsPage>()), m_wizard(wizard)
{
    m_ui->setupUi(this);
    m_ui->serviceCombo->setInsertPolicy(QComboBox::NoInsert);
    m_ui->serviceCombo->completer()->setFilterMode(Qt::MatchContains);
    m_ui->serviceCombo->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_ui->zoneCombo->setInsertPolicy(QComboBox::NoInsert);
    m_ui->zoneCombo->addItem(QString(), QString()); // this computer's zone
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        m_ui->zoneCombo->addItem(QString::fromLatin1(id), QString::fromLatin1(id));
    m_ui->zoneCombo->completer()->setFilterMode(Qt::MatchContains);
    m_ui->zoneCombo->completer()->setCompletionMode(QCompleter::PopupCompletion);
    // On by default: the contact policy's hours (working days, and weekends and holidays), else 09:00-20:00.
    const auto policy = SendingWindow::parse(ContactPolicy::sharedAsLastRead().campaignWindow());
    const SendingWindow window = policy && policy->isSet() ? *policy : SendingWindow(QTime(9, 0), QTime(20, 0));
    m_ui->windowStart->setTime(window.workdays().start);
    m_ui->windowEnd->setTime(window.workdays().end);
    m_ui->restStart->setTime(window.restDays().start);
    m_ui->restEnd->setTime(window.restDays().end);
    m_ui->windowCheck->setChecked(true);
    connect(m_ui->serviceCombo, &QComboBox::currentTextChanged, this, &CampaignSettingsPage::revalidate);
    connect(m_ui->fileIdEdit, &QLineEdit::textChanged, this, &CampaignSettingsPage::revalidate);
    connect(m_ui->sourceEdit, &QLineEdit::textChanged, this, &CampaignSettingsPage::revalidate);
    connect(m_ui->zoneCombo, &QComboBox::currentTextChanged, this, &CampaignSettingsPage::revalidate);
    connect(m_ui->windowCheck, &QCheckBox::toggled, this, [this](bool on) {
        for (QTimeEdit *t : {m_ui->windowStart, m_ui->windowEnd, m_ui->restStart, m_ui->restEnd})
            t->setEnabled(on);
        revalidate();
    });
    for (QTimeEdit *t : {m_ui->windowStart, m_ui->windowEnd, m_ui->restStart, m_ui->restEnd})
        connect(t, &QTimeEdit::timeChanged, this, &CampaignSettingsPage::revalidate);
    // Re-dials: Exolve's per outcome (busy, no answer), each with its own gap; integrationapi.net redials by
    // itself (retryCount and gap), one pair for every way a call is not reached.
    for (auto [count, gap] : {std::pair{m_ui->redialSpin, m_ui->redialGapSpin}, std::pair{m_ui->busySpin, m_ui->busyGapSpin},
                              std::pair{m_ui->noAnswerSpin, m_ui->noAnswerGapSpin}}) {
        gap->setEnabled(false);
        connect(count, &QSpinBox::valueChanged, this, [this, gap](int n) {
            gap->setEnabled(n > 0);
            revalidate();
        });
        connect(gap, &QSpinBox::valueChanged, this, &CampaignSettingsPage::revalidate);
    }
    m_ui->purposeCombo->addItem(QString(), CampaignSettings::purposeName(CampaignSettings::Purpose::Informational));
    m_ui->purposeCombo->addItem(QString(), CampaignSettings::purposeName(CampaignSettings::Purpose::Advertising));
    connect(m_ui->purposeCombo, &QComboBox::currentIndexChanged, this, &CampaignSettingsPage::revalidate);
    // A scheduled start: the campaign is confirmed now and its first call waits (this computer's time).
    m_ui->startEdit->setDateTime(QDateTime::currentDateTime().addSecs(3600));
    m_ui->startEdit->setEnabled(false);
    connect(m_ui->startCheck, &QCheckBox::toggled, this, [this](bool on) {
        m_ui->startEdit->setEnabled(on);
        revalidate();
    });
    connect(m_ui->startEdit, &QDateTimeEdit::dateTimeChanged, this, &CampaignSettingsPage::revalidate);
    retranslate();
}

CampaignSettingsPage::~CampaignSettingsPage() = default;

void CampaignSettingsPage::retranslate()
{
    setTitle(tr("Settings"));
    setSubTitle(tr("What to send, from which number, how fast and when. Times are the recipient's local time."));
    m_ui->serviceLabel->setText(tr("&Service:"));
    m_ui->fileIdLabel->setText(tr("Audio &file id:"));
    m_ui->sourceLabel->setText(tr("&Caller number:"));
    m_ui->rateLabel->setText(tr("&Calls per second:"));
    m_ui->concurrencyLabel->setText(tr("at most &at once:"));
    m_ui->windowCheck->setText(tr("Call only &between"));
    m_ui->restLabel->setText(tr("working days; weekends and &holidays"));
    m_ui->zoneLabel->setText(tr("Time &zone:"));
    m_ui->zoneCombo->setItemText(0, tr("This computer's zone (%1)").arg(QString::fromLatin1(QTimeZone::systemTimeZoneId())));
    m_ui->redialLabel->setText(tr("Call again when &not reached:"));
    m_ui->busyLabel->setText(tr("Call &busy numbers again:"));
    m_ui->noAnswerLabel->setText(tr("Call &unanswered numbers again:"));
    for (QSpinBox *count : {m_ui->redialSpin, m_ui->busySpin, m_ui->noAnswerSpin}) {
        count->setSuffix(tr(" more time(s)"));
        count->setSpecialValueText(tr("never"));
    }
    for (QLabel *after : {m_ui->redialGapLabel, m_ui->busyGapLabel, m_ui->noAnswerGapLabel})
        after->setText(tr("after"));
    for (QSpinBox *gap : {m_ui->redialGapSpin, m_ui->busyGapSpin, m_ui->noAnswerGapSpin})
        gap->setSuffix(tr(" min"));
    m_ui->dncCaption->setText(tr("Do not call:"));
    m_ui->purposeLabel->setText(tr("&Purpose:"));
    m_ui->purposeCombo->setItemText(0, CampaignSettings::purposeTitle(CampaignSettings::Purpose::Informational));
    m_ui->purposeCombo->setItemText(1, CampaignSettings::purposeTitle(CampaignSettings::Purpose::Advertising));
    m_ui->startCheck->setText(tr("S&tart at"));
    m_ui->sourceEdit->setPlaceholderText(tr("e.g. +7 495 123-45-67"));
    m_ui->fileIdEdit->setPlaceholderText(tr("The id of an uploaded audio file"));
    a11y::nameFromLabels(this);
    a11y::name(m_ui->windowStart, tr("Sending window start, working days"));
    a11y::name(m_ui->windowEnd, tr("Sending window end, working days"));
    a11y::name(m_ui->restStart, tr("Sending window start, weekends and holidays"));
    a11y::name(m_ui->restEnd, tr("Sending window end, weekends and holidays"));
    a11y::name(m_ui->redialGapSpin, tr("Minutes between calls to the same number"));
    a11y::name(m_ui->busyGapSpin, tr("Minutes before calling a busy number again"));
    a11y::name(m_ui->noAnswerGapSpin, tr("Minutes before calling an unanswered number again"));
    a11y::name(m_ui->startEdit, tr("Scheduled start, this computer's time"));
    revalidate();
}

void CampaignSettingsPage::initializePage()
{
    const bool legacy = m_wizard->isLegacy();
    const bool serviceColumn = m_wizard->filePage()->columns().serviceId >= 0;
    for (QWidget *w : {static_cast<QWidget *>(m_ui->serviceCombo), static_cast<QWidget *>(m_ui->serviceLabel)})
        w->setVisible(!legacy);
    for (QWidget *w : {static_cast<QWidget *>(m_ui->fileIdEdit), static_cast<QWidget *>(m_ui->fileIdLabel)})
        w->setVisible(legacy);
    m_ui->form->setRowVisible(m_ui->redialLabel, legacy);
    m_ui->form->setRowVisible(m_ui->busyLabel, !legacy);
    m_ui->form->setRowVisible(m_ui->noAnswerLabel, !legacy);
    m_ui->serviceCombo->lineEdit()->setPlaceholderText(serviceColumn ? tr("Optional: rows name their own service")
                                                                     : tr("Type to search the services"));
    Session *session = m_wizard->session();
    if (!legacy && !m_servicesLoaded) {
        m_servicesLoaded = true;
        session->exolve()->listServices(this, [this](const Result<QList<VoiceService>> &r) {
            if (!r) {
                style::showHint(m_ui->messageLabel, tr("The services could not be loaded: %1").arg(r.error().toDisplayString()), true);
                return;
            }
            const QString typed = m_ui->serviceCombo->currentText();
            m_ui->serviceCombo->clear();
            for (const VoiceService &s : r.value())
                m_ui->serviceCombo->addItem(QStringLiteral("%1 — %2").arg(s.name, s.id), s.id);
            m_ui->serviceCombo->setCurrentIndex(typed.isEmpty() && m_ui->serviceCombo->count() == 1 ? 0 : -1);
            if (!typed.isEmpty())
                m_ui->serviceCombo->setEditText(typed);
            revalidate();
        });
    }
    // On a team store the list is counted on a worker thread: the window never waits for the server.
    using Count = Result<qsizetype, StorageError>;
    runOffThread<Count>(
        this,
        []() -> Count {
            DoNotCallList dnc;
            if (auto r = dnc.load(DoNotCallList::defaultPath()); !r)
                return r.error();
            return dnc.size();
        },
        [this](const Count &count) {
            if (!count)
                style::showHint(m_ui->dncLabel, count.error().message, true); // the check page stops on it too
            else
                m_ui->dncLabel->setText(tr("%n number(s) on the shared do-not-call list (Tools → Do-Not-Call List…): rows with them "
                                           "are found on the next page and never called.", nullptr, int(count.value())));
        },
        TeamStore::selected().has_value());
    revalidate();
}

SettingsScope CampaignSettingsPage::scope() const
{
    const ColumnMap columns = m_wizard->filePage()->columns();
    SettingsScope scope;
    scope.rowsNameService = columns.serviceId >= 0;
    scope.rowsNameFile = columns.fileId >= 0;
    return scope;
}

CampaignSettings CampaignSettingsPage::typed() const
{
    CampaignSettings s;
    s.provider = m_wizard->isLegacy() ? CampaignSettings::Provider::IntegrationApi : CampaignSettings::Provider::Exolve;
    s.source = m_ui->sourceEdit->text();
    if (!m_wizard->isLegacy()) {
        const int at = m_ui->serviceCombo->findText(m_ui->serviceCombo->currentText());
        s.serviceId = at >= 0 ? m_ui->serviceCombo->itemData(at).toString() : m_ui->serviceCombo->currentText();
    } else {
        s.fileId = m_ui->fileIdEdit->text();
    }
    s.rate = m_ui->rateSpin->value();
    s.concurrency = m_ui->concurrencySpin->value();
    if (m_ui->windowCheck->isChecked()) {
        // Equal times are refused by validate() with its message; each range is checked as typed.
        const QString work = m_ui->windowStart->time().toString(QStringLiteral("HH:mm")) + u'-' +
                             m_ui->windowEnd->time().toString(QStringLiteral("HH:mm"));
        const QString rest = m_ui->restStart->time().toString(QStringLiteral("HH:mm")) + u'-' + m_ui->restEnd->time().toString(QStringLiteral("HH:mm"));
        s.window = work == rest ? work : work + u'/' + rest;
    }
    // What the box shows, typed or picked: its first item is this computer's zone (no default).
    const QString zone = m_ui->zoneCombo->currentText().trimmed();
    if (zone != m_ui->zoneCombo->itemText(0).trimmed())
        s.defaultZone = zone;
    if (m_wizard->isLegacy()) {
        s.redial = m_ui->redialSpin->value();
        s.redialGapMin = m_ui->redialGapSpin->value();
    } else {
        s.redialBusy = m_ui->busySpin->value();
        s.redialBusyGapMin = m_ui->busyGapSpin->value();
        s.redialNoAnswer = m_ui->noAnswerSpin->value();
        s.redialNoAnswerGapMin = m_ui->noAnswerGapSpin->value();
    }
    s.purpose = CampaignSettings::purposeNamed(m_ui->purposeCombo->currentData().toString()).value_or(CampaignSettings::Purpose::Informational);
    if (m_ui->startCheck->isChecked())
        s.startAt = m_ui->startEdit->dateTime().toUTC();
    return s;
}

CampaignSettings CampaignSettingsPage::settings() const
{
    const CampaignSettings s = typed();
    const auto checked = s.validate(scope());
    return checked ? checked.value() : s;
}

bool CampaignSettingsPage::isComplete() const
{
    return typed().validate(scope()).ok();
}

void CampaignSettingsPage::revalidate()
{
    using Field = SettingProblem::Field;
    const CampaignSettings s = typed();
    const auto checked = s.validate(scope());
    const auto problem = [&checked](std::initializer_list<Field> fields) -> std::optional<QString> {
        if (checked)
            return std::nullopt;
        for (const SettingProblem &p : checked.error()) {
            if (std::find(fields.begin(), fields.end(), p.field) != fields.end())
                return p.message;
        }
        return std::nullopt;
    };
    // The caller number: said when typed, flagged when wrong.
    const auto source = problem({Field::Source});
    const bool sourceTyped = !s.source.trimmed().isEmpty();
    m_ui->sourceEdit->setStyleSheet(sourceTyped && source ? style::invalidLineEdit() : QString());
    if (!sourceTyped)
        m_ui->sourceHint->clear();
    else
        style::showHint(m_ui->sourceHint, source ? *source : tr("Calls come from %1").arg(Validation::phoneNumber(s.source).value()),
                        source.has_value());
    // The zone and the window share a line.
    const auto zone = problem({Field::Zone, Field::Window});
    QString zoneHint;
    if (!zone && m_wizard->filePage()->columns().tz >= 0)
        zoneHint = tr("Rows with their own time zone use it; this zone is for the others.");
    style::showHint(m_ui->zoneHint, zone.value_or(zoneHint), zone.has_value());
    // The service or audio file: needed unless the rows name their own.
    const auto id = problem({Field::Service, Field::FileId});
    const bool idTyped = !(m_wizard->isLegacy() ? s.fileId : s.serviceId).trimmed().isEmpty();
    QString idHint;
    if (!id && !idTyped)
        idHint = m_wizard->isLegacy() ? tr("Rows without a file_id of their own will be invalid on the next page.")
                                      : tr("Rows without a service_id of their own will be invalid on the next page.");
    style::showHint(m_ui->messageLabel, id.value_or(idHint), id.has_value() && idTyped);
    // The purpose: advertising is refused here, with the law named, before anything is read or sent.
    const auto purpose = problem({Field::Purpose});
    style::showHint(m_ui->purposeHint, purpose.value_or(QString()), purpose.has_value());
    if (const auto start = problem({Field::StartAt}))
        style::showHint(m_ui->messageLabel, *start, true);
    Q_EMIT completeChanged();
}

QString CampaignSettingsPage::serviceName() const
{
    const int at = m_ui->serviceCombo->findText(m_ui->serviceCombo->currentText());
    return at >= 0 ? m_ui->serviceCombo->itemText(at) : m_ui->serviceCombo->currentText();
}

} // namespace vc::ui
