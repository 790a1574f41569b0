#include "campaignwizard.h"
#include "ui_campaignconfirmpage.h"

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

// ---- 4. Confirm ------------------------------------------------------------------------------------

CampaignConfirmPage::CampaignConfirmPage(CampaignWizard *wizard) : m_ui(std::make_unique<Ui::CampaignConfirmPage>()), m_wizard(wizard)
{
    m_ui->setupUi(this);
    retranslate();
}

CampaignConfirmPage::~CampaignConfirmPage() = default;

void CampaignConfirmPage::retranslate()
{
    setTitle(tr("Start the campaign"));
    // Nothing is called before this button.
    setButtonText(QWizard::FinishButton, tr("&Start Calling"));
    if (m_wizard->currentId() == CampaignWizard::ConfirmPageId)
        initializePage();
}

void CampaignConfirmPage::initializePage()
{
    const CampaignSettings s = m_wizard->settingsPage()->settings();
    const qint64 ready = m_wizard->checkPage()->counts().ready;
    const QString count = QLocale().toString(ready);
    const QString what = m_wizard->isLegacy() ? tr("audio file %1").arg(s.fileId.isEmpty() ? tr("named by each row") : s.fileId)
                                              : tr("service «%1»").arg(s.serviceId.isEmpty() ? tr("named by each row")
                                                                                              : m_wizard->settingsPage()->serviceName());
    QString question = s.window.isEmpty()
                           ? tr("Call %1 number(s) from %2 with %3?").arg(count, s.source, what)
                           : tr("Call %1 number(s) from %2 with %3 between %4 and %5 in each recipient's time?")
                                 .arg(count, s.source, what, s.window.section(u'-', 0, 0), s.window.section(u'-', 1, 1));
    m_ui->questionLabel->setText(QStringLiteral("<h3>%1</h3>").arg(question.toHtmlEscaped()));
    const CampaignCounts &n = m_wizard->checkPage()->counts();
    m_ui->detailsLabel->setText(tr("%1 call(s) per second, at most %2 at once. Not called: %3 invalid, %4 duplicate, %5 on the "
                                   "do-not-call list. Nobody is called twice; a call whose outcome is unknown is never sent "
                                   "again without your say.")
                                    .arg(QLocale().toString(s.rate, 'g', 4)).arg(s.concurrency).arg(n.invalid).arg(n.duplicate)
                                    .arg(n.suppressed));
    const bool sandbox = m_wizard->session()->profile().sandbox;
    m_ui->sandboxLabel->setVisible(sandbox);
    style::showHint(m_ui->sandboxLabel, tr("This is the built-in sandbox: no real call is made and nothing costs money."), false);
}

// ---- The wizard ------------------------------------------------------------------------------------

CampaignWizard::CampaignWizard(Session *session, const QString &folder, QWidget *parent)
    : QWizard(parent), m_session(session), m_folder(folder)
{
    setObjectName(QStringLiteral("campaignWizard"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnLastPage, false);
    m_file = new CampaignFilePage(this);
    m_check = new CampaignCheckPage(this);
    m_settings = new CampaignSettingsPage(this);
    m_confirm = new CampaignConfirmPage(this);
    setPage(FilePageId, m_file);
    setPage(CheckPageId, m_check);
    setPage(SettingsPageId, m_settings);
    setPage(ConfirmPageId, m_confirm);
    resize(860, 620);
    retranslate();
}

CampaignWizard::~CampaignWizard() = default;

bool CampaignWizard::isLegacy() const
{
    return m_session->isLegacy();
}

void CampaignWizard::retranslate()
{
    setWindowTitle(tr("New Campaign"));
    m_file->retranslate();
    m_check->retranslate();
    m_settings->retranslate();
    m_confirm->retranslate();
}

void CampaignWizard::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizard::changeEvent(event);
}

void CampaignWizard::discardJournal()
{
    if (m_journalPath.isEmpty())
        return;
    m_check->model()->open({});
    CampaignJournal::removeFiles(m_journalPath);
    m_journalPath.clear();
}

void CampaignWizard::accept()
{
    // The settings go into the journal; the campaigns page starts it.
    CampaignJournal journal;
    m_check->model()->open({});
    if (auto r = journal.open(m_journalPath); !r) {
        style::showHint(m_confirm->findChild<QLabel *>(QStringLiteral("detailsLabel")), r.error().message, true);
        return;
    }
    CampaignSettings s = m_settings->settings();
    const CampaignSettings planned = journal.settings();
    s.inputFile = planned.inputFile;
    s.created = planned.created;
    s.numberColumn = planned.numberColumn;
    s.encoding = journal.meta(QStringLiteral("encoding"));
    s.apiUrl = m_session->endpoint().toString();
    s.profile = m_session->profile().id;
    journal.saveSettings(s);
    journal.setMeta(QStringLiteral("profile_name"), m_session->profile().name);
    journal.setMeta(QStringLiteral("state"), QStringLiteral("started")); // confirmed: from now on it may call
    journal.close();
    const QString path = m_journalPath;
    m_journalPath.clear(); // kept: it is the campaign now
    QWizard::accept();
    Q_EMIT campaignReady(path);
}

void CampaignWizard::reject()
{
    m_check->cleanupPage();
    discardJournal(); // nothing was called: the preview goes
    QWizard::reject();
}

} // namespace vc::ui
