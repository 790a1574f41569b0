// The new-campaign wizard, page 3: the settings.
#include "campaignwizard.h"
#include "ui_campaignsettingspage.h"

#include "accessibility.h"
#include "common/timeformats.h"
#include "accounts/session.h"
#include "campaignmodels.h"
#include "campaigns/donotcall.h"
#include "common/validation.h"
#include "exolve/exolvevalidation.h"
#include "legacy/legacyvalidation.h"
#include "statusbadgedelegate.h"
#include "stylepalette.h"

#include <QCompleter>
#include <QDir>
#include <QDragEnterEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLocale>
#include <QMimeData>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QThread>
#include <QTimeZone>
#include <QTimer>

namespace vc::ui {

// ---- 3. Settings -----------------------------------------------------------------------------------

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
    m_ui->windowStart->setTime(QTime(9, 0));
    m_ui->windowEnd->setTime(QTime(20, 0));
    m_ui->windowCheck->setChecked(true);
    connect(m_ui->serviceCombo, &QComboBox::currentTextChanged, this, &CampaignSettingsPage::revalidate);
    connect(m_ui->fileIdEdit, &QLineEdit::textChanged, this, &CampaignSettingsPage::revalidate);
    connect(m_ui->sourceEdit, &QLineEdit::textChanged, this, &CampaignSettingsPage::revalidate);
    connect(m_ui->zoneCombo, &QComboBox::currentTextChanged, this, &CampaignSettingsPage::revalidate);
    connect(m_ui->windowCheck, &QCheckBox::toggled, this, [this](bool on) {
        m_ui->windowStart->setEnabled(on);
        m_ui->windowEnd->setEnabled(on);
        revalidate();
    });
    for (QTimeEdit *t : {m_ui->windowStart, m_ui->windowEnd})
        connect(t, &QTimeEdit::timeChanged, this, &CampaignSettingsPage::revalidate);
    connect(m_ui->rateSpin, &QDoubleSpinBox::valueChanged, this, &CampaignSettingsPage::updateEstimate);
    connect(m_ui->redialSpin, &QSpinBox::valueChanged, this, [this](int n) { m_ui->redialGapSpin->setEnabled(n > 0); });
    m_ui->redialGapSpin->setEnabled(false);
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
    m_ui->zoneLabel->setText(tr("Time &zone:"));
    m_ui->zoneCombo->setItemText(0, tr("This computer's zone (%1)").arg(QString::fromLatin1(QTimeZone::systemTimeZoneId())));
    m_ui->redialLabel->setText(tr("Call &busy or unanswered again:"));
    m_ui->redialSpin->setSuffix(tr(" more time(s)"));
    m_ui->redialSpin->setSpecialValueText(tr("never"));
    m_ui->redialGapLabel->setText(tr("after"));
    m_ui->redialGapSpin->setSuffix(tr(" min"));
    m_ui->dncCaption->setText(tr("Do not call:"));
    m_ui->sourceEdit->setPlaceholderText(tr("e.g. +7 495 123-45-67"));
    m_ui->fileIdEdit->setPlaceholderText(tr("The id of an uploaded audio file"));
    a11y::nameFromLabels(this);
    a11y::name(m_ui->windowStart, tr("Sending window start"));
    a11y::name(m_ui->windowEnd, tr("Sending window end"));
    a11y::name(m_ui->redialGapSpin, tr("Minutes between calls to the same number"));
    revalidate();
}

void CampaignSettingsPage::initializePage()
{
    const bool legacy = m_wizard->isLegacy();
    const bool serviceColumn = m_wizard->checkPage()->hasServiceColumn();
    for (QWidget *w : {static_cast<QWidget *>(m_ui->serviceCombo), static_cast<QWidget *>(m_ui->serviceLabel)})
        w->setVisible(!legacy);
    for (QWidget *w : {static_cast<QWidget *>(m_ui->fileIdEdit), static_cast<QWidget *>(m_ui->fileIdLabel)})
        w->setVisible(legacy);
    m_ui->serviceCombo->lineEdit()->setPlaceholderText(serviceColumn ? tr("Optional: rows name their own service")
                                                                     : tr("Type to search the services"));
    Session *session = m_wizard->session();
    if (!legacy && !m_servicesLoaded) {
        m_servicesLoaded = true;
        session->exolve()->listServices(this, [this](const Result<QList<VoiceService>> &r) {
            if (!r) {
                style::showHint(m_ui->estimateLabel, tr("The services could not be loaded: %1").arg(r.error().toDisplayString()), true);
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
    if (legacy) {
        session->legacy()->balance(this, [this](const Result<double> &r) {
            m_balance = r.ok() ? tr("Balance: %1").arg(QLocale().toString(r.value(), 'f', 2))
                               : tr("The balance is unavailable: %1").arg(r.error().toDisplayString());
            updateEstimate();
        });
    }
    DoNotCallList dnc;
    dnc.load(DoNotCallList::defaultPath());
    m_ui->dncLabel->setText(tr("%n number(s) on the shared do-not-call list (Tools → Do-Not-Call List…); rows with them "
                               "were found on the previous page.", nullptr, int(dnc.size())));
    revalidate();
}

void CampaignSettingsPage::revalidate()
{
    const QString source = m_ui->sourceEdit->text().trimmed();
    if (source.isEmpty()) {
        m_ui->sourceHint->clear();
        m_ui->sourceEdit->setStyleSheet({});
    } else {
        const auto checked = Validation::phoneNumber(source, QStringLiteral("source"));
        m_ui->sourceEdit->setStyleSheet(checked.ok() ? QString() : style::invalidLineEdit());
        style::showHint(m_ui->sourceHint, checked.ok() ? tr("Calls come from %1").arg(checked.value()) : checked.error().explanation,
                        !checked.ok());
    }
    const bool zoneOk = m_ui->zoneCombo->currentText().isEmpty() || m_ui->zoneCombo->currentIndex() == 0 ||
                        SendingWindow::zone(m_ui->zoneCombo->currentText().trimmed()).has_value();
    QString zoneHint = zoneOk ? QString() : tr("Unknown time zone: pick one from the list, or type UTC+03:00.");
    if (zoneOk && m_wizard->filePage()->columns().tz >= 0)
        zoneHint = tr("Rows with their own time zone use it; this zone is for the others.");
    QString windowError;
    if (m_ui->windowCheck->isChecked())
        SendingWindow::parse(SendingWindow(m_ui->windowStart->time(), m_ui->windowEnd->time()).toString(), &windowError);
    style::showHint(m_ui->zoneHint, windowError.isEmpty() ? zoneHint : windowError, !zoneOk || !windowError.isEmpty());
    updateEstimate();
    Q_EMIT completeChanged();
}

CampaignSettings CampaignSettingsPage::settings() const
{
    CampaignSettings s;
    s.provider = m_wizard->isLegacy() ? CampaignSettings::Provider::IntegrationApi : CampaignSettings::Provider::Exolve;
    const auto source = Validation::phoneNumber(m_ui->sourceEdit->text(), QStringLiteral("source"));
    s.source = source.ok() ? source.value() : QString();
    if (!m_wizard->isLegacy()) {
        const int at = m_ui->serviceCombo->findText(m_ui->serviceCombo->currentText());
        QString id = at >= 0 ? m_ui->serviceCombo->itemData(at).toString() : m_ui->serviceCombo->currentText().trimmed();
        if (const auto checked = ExolveValidation::serviceId(id); checked.ok())
            s.serviceId = checked.value();
    } else if (const auto f = LegacyValidation::fileId(m_ui->fileIdEdit->text()); f.ok()) {
        s.fileId = QString::number(f.value());
    }
    s.rate = m_ui->rateSpin->value();
    s.concurrency = m_ui->concurrencySpin->value();
    if (m_ui->windowCheck->isChecked())
        s.window = SendingWindow(m_ui->windowStart->time(), m_ui->windowEnd->time()).toString();
    if (m_ui->zoneCombo->currentIndex() != 0 && !m_ui->zoneCombo->currentText().trimmed().isEmpty())
        s.defaultZone = m_ui->zoneCombo->currentText().trimmed();
    s.redial = m_ui->redialSpin->value();
    s.redialGapMin = m_ui->redialGapSpin->value();
    return s;
}

QString CampaignSettingsPage::serviceName() const
{
    const int at = m_ui->serviceCombo->findText(m_ui->serviceCombo->currentText());
    return at >= 0 ? m_ui->serviceCombo->itemText(at) : m_ui->serviceCombo->currentText();
}

void CampaignSettingsPage::updateEstimate()
{
    const CampaignSettings s = settings();
    const auto window = SendingWindow::parse(s.window);
    const QTimeZone zone = s.defaultZone.isEmpty() ? QTimeZone::systemTimeZone() : SendingWindow::zone(s.defaultZone).value_or(QTimeZone::systemTimeZone());
    const qint64 seconds = CampaignPlanner::estimateSeconds(m_wizard->checkPage()->counts().ready, s.rate, window.value_or(SendingWindow()), zone);
    QString text = tr("Estimated duration: %1 for %n call(s).", nullptr, int(m_wizard->checkPage()->counts().ready)).arg(time::duration(seconds));
    if (!m_balance.isEmpty())
        text += u' ' + m_balance;
    m_ui->estimateLabel->setText(text);
}

bool CampaignSettingsPage::isComplete() const
{
    const CampaignSettings s = settings();
    if (s.source.isEmpty())
        return false;
    if (m_wizard->isLegacy())
        return !s.fileId.isEmpty() || m_wizard->checkPage()->hasFileColumn();
    const bool zoneOk = m_ui->zoneCombo->currentIndex() == 0 || m_ui->zoneCombo->currentText().trimmed().isEmpty() ||
                        SendingWindow::zone(m_ui->zoneCombo->currentText().trimmed()).has_value();
    if (!s.window.isEmpty() && !SendingWindow::parse(s.window))
        return false;
    return zoneOk && (!s.serviceId.isEmpty() || m_wizard->checkPage()->hasServiceColumn());
}

} // namespace vc::ui
