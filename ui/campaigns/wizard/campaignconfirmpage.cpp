// The new-campaign wizard, page 4: the question, with the real counts.
#include "ui/campaigns/wizard/campaignconfirmpage.h"
#include "ui_campaignconfirmpage.h"

#include "accounts/session.h"
#include "campaigns/campaignplanner.h"
#include "common/timeformats.h"
#include "ui/campaigns/wizard/campaigncheckpage.h"
#include "ui/campaigns/wizard/campaignsettingspage.h"
#include "ui/campaigns/wizard/campaignwizard.h"
#include "ui/widgets/stylepalette.h"
#include "ui/widgets/accessibility.h"
#include "campaigns/campaigntestcall.h"
#include "common/validation.h"

#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTimeZone>

namespace vc::ui {

CampaignConfirmPage::CampaignConfirmPage(CampaignWizard *wizard) : m_ui(std::make_unique<Ui::CampaignConfirmPage>()), m_wizard(wizard)
{
    m_ui->setupUi(this);
    connect(m_ui->testCallButton, &QPushButton::clicked, this, &CampaignConfirmPage::placeTestCall);
    connect(m_ui->testNumberEdit, &QLineEdit::returnPressed, this, &CampaignConfirmPage::placeTestCall);
    connect(m_ui->testNumberEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_ui->testCallButton->setEnabled(!m_test && Validation::phoneNumber(text).ok());
    });
    m_ui->testCallButton->setEnabled(false);
    retranslate();
}

bool CampaignConfirmPage::isComplete() const
{
    return !m_test;
}

void CampaignConfirmPage::placeTestCall()
{
    const auto number = Validation::phoneNumber(m_ui->testNumberEdit->text());
    if (!number || m_test)
        return;
    // One call of the campaign's message to the operator's own number, under the caps, followed to its end.
    m_test = new CampaignTestCall(m_wizard->session()->exolve(), m_wizard->session()->legacy(), this);
    m_ui->testCallButton->setEnabled(false);
    style::showHint(m_ui->testResult, tr("Calling %1…").arg(number.value()), false);
    connect(m_test, &CampaignTestCall::statusChanged, this, [this, n = number.value()](const QString &status) {
        style::showHint(m_ui->testResult, tr("Test call to %1: %2…").arg(n, status), false);
    });
    connect(m_test, &CampaignTestCall::finished, this,
            [this, n = number.value()](bool delivered, const QString &status, const QString &error, const ApiError &) {
                m_test->deleteLater();
                m_test = nullptr;
                m_ui->testCallButton->setEnabled(Validation::phoneNumber(m_ui->testNumberEdit->text()).ok());
                if (delivered)
                    style::showHint(m_ui->testResult, tr("The test call to %1 was delivered (%2): the message plays as it should.").arg(n, status), false);
                else if (status.isEmpty())
                    style::showHint(m_ui->testResult, tr("The test call was not placed: %1").arg(error), true);
                else
                    style::showHint(m_ui->testResult, tr("The test call to %1 ended \"%2\": check the message before you start.").arg(n, status), true);
                Q_EMIT completeChanged();
            });
    Q_EMIT completeChanged();
    m_test->start(m_wizard->settingsPage()->settings(), number.value(), &m_ledger,
                  ContactPolicy::loadShared().caps);
}

CampaignConfirmPage::~CampaignConfirmPage() = default;

void CampaignConfirmPage::retranslate()
{
    setTitle(tr("Start the campaign"));
    // Nothing is called before this button.
    setButtonText(QWizard::FinishButton, tr("&Start Calling"));
    m_ui->testLabel->setText(tr("&Test call to:"));
    m_ui->testNumberEdit->setPlaceholderText(tr("your own number, e.g. +7 926 123-45-67"));
    m_ui->testCallButton->setText(tr("&Place Test Call"));
    a11y::name(m_ui->testNumberEdit, tr("Test call to"));
    a11y::name(m_ui->testCallButton, tr("Place Test Call"));
    if (m_wizard->currentId() == CampaignWizard::ConfirmPageId)
        updateDetails();
}

void CampaignConfirmPage::initializePage()
{
    m_balance.clear();
    updateDetails();
    if (m_wizard->isLegacy()) {
        m_wizard->session()->legacy()->balance(this, [this](const Result<double> &r) {
            m_balance = r.ok() ? tr("Balance: %1").arg(QLocale().toString(r.value(), 'f', 2))
                               : tr("The balance is unavailable: %1").arg(r.error().toDisplayString());
            updateDetails();
        });
    }
}

void CampaignConfirmPage::updateDetails()
{
    const CampaignSettings s = m_wizard->settingsPage()->settings();
    const CampaignCounts &n = m_wizard->checkPage()->counts();
    const QString count = QLocale().toString(n.ready);
    const QString what = m_wizard->isLegacy() ? tr("audio file %1").arg(s.fileId.isEmpty() ? tr("named by each row") : s.fileId)
                                              : tr("service «%1»").arg(s.serviceId.isEmpty() ? tr("named by each row")
                                                                                              : m_wizard->settingsPage()->serviceName());
    const QString work = s.window.section(u'/', 0, 0);
    const QString rest = s.window.section(u'/', 1, 1);
    QString question = s.window.isEmpty() ? tr("Call %1 number(s) from %2 with %3?").arg(count, s.source, what)
                       : rest.isEmpty()
                           ? tr("Call %1 number(s) from %2 with %3 between %4 and %5 in each recipient's time?")
                                 .arg(count, s.source, what, work.section(u'-', 0, 0), work.section(u'-', 1, 1))
                           : tr("Call %1 number(s) from %2 with %3, %4 on working days and %5 on weekends and holidays, in "
                                "each recipient's time?")
                                 .arg(count, s.source, what, work, rest);
    m_ui->questionLabel->setText(QStringLiteral("<h3>%1</h3>").arg(question.toHtmlEscaped()));
    const auto window = SendingWindow::parse(s.window);
    const QTimeZone zone = SendingWindow::zone(s.defaultZone).value_or(QTimeZone::systemTimeZone());
    const qint64 seconds = CampaignPlanner::estimateSeconds(n.ready, s.rate, window.value_or(SendingWindow()), zone);
    QString details = tr("%1 call(s) per second, at most %2 at once. Not called: %3 invalid, %4 duplicate, %5 on the "
                         "do-not-call list. Nobody is called twice; a call whose outcome is unknown is never sent "
                         "again without your say.")
                          .arg(QLocale().toString(s.rate, 'g', 4)).arg(s.concurrency).arg(n.invalid).arg(n.duplicate)
                          .arg(n.suppressed);
    if (n.capped > 0)
        details += u' ' + tr("%n more over the contact policy's caps.", nullptr, int(std::min<qint64>(n.capped, INT_MAX)));
    if (n.noConsent > 0)
        details += u' ' + tr("%n more without consent.", nullptr, int(std::min<qint64>(n.noConsent, INT_MAX)));
    details += u'\n' + tr("Estimated duration: %1 for %n call(s).", nullptr, int(std::min<qint64>(n.ready, INT_MAX)))
                           .arg(time::duration(seconds));
    if (!m_balance.isEmpty())
        details += u' ' + m_balance;
    details += u'\n' + tr("Purpose: %1.").arg(CampaignSettings::purposeTitle(s.purpose));
    if (s.window.isEmpty())
        details += u' ' + tr("No sending window: at any hour of the day in the recipient's time.");
    if (s.startAt.isValid())
        details += u'\n' + tr("Scheduled: confirmed now, the first call waits until %1.")
                               .arg(QLocale().toString(s.startAt.toLocalTime(), QLocale::ShortFormat));
    m_ui->detailsLabel->setText(details);
    const bool sandbox = m_wizard->session()->profile().sandbox;
    m_ui->sandboxLabel->setVisible(sandbox);
    style::showHint(m_ui->sandboxLabel, tr("This is the built-in sandbox: no real call is made and nothing costs money."), false);
}

void CampaignConfirmPage::showError(const QString &message)
{
    m_ui->sandboxLabel->setVisible(true);
    style::showHint(m_ui->sandboxLabel, message, true);
}

} // namespace vc::ui
