#include "ui/campaigns/wizard/campaignwizard.h"

#include "accounts/session.h"
#include "campaigns/campaigndraft.h"
#include "ui/campaigns/campaignmodels.h"
#include "ui/campaigns/wizard/campaigncheckpage.h"
#include "ui/campaigns/wizard/campaignconfirmpage.h"
#include "ui/campaigns/wizard/campaignfilepage.h"
#include "ui/campaigns/wizard/campaignsettingspage.h"

namespace vc::ui {

// ---- The wizard ------------------------------------------------------------------------------------

CampaignWizard::CampaignWizard(Session *session, QWidget *parent) : QWizard(parent), m_session(session)
{
    setObjectName(QStringLiteral("campaignWizard"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnLastPage, false);
    // The settings come before the check, as voicectl's options come before its preview: the preview then
    // classes every row by the campaign's real rules (a row that names no service with no default is invalid).
    m_file = new CampaignFilePage(this);
    m_settings = new CampaignSettingsPage(this);
    m_check = new CampaignCheckPage(this);
    m_confirm = new CampaignConfirmPage(this);
    setPage(FilePageId, m_file);
    setPage(SettingsPageId, m_settings);
    setPage(CheckPageId, m_check);
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
    m_check->model()->close();
    CampaignJournal::removeFiles(m_journalPath);
    m_journalPath.clear();
}

void CampaignWizard::accept()
{
    // The journal holds the settings since the preview; confirming writes the state "started" (and the
    // profile's name) in one transaction. Only then is the campaign announced, and the page starts it.
    m_check->model()->close();
    CampaignJournal journal;
    StorageResult r = journal.open(m_journalPath);
    if (r)
        r = CampaignDraft::confirm(journal, journal.settings(), {{QStringLiteral("profile_name"), m_session->profile().name}});
    if (!r) {
        journal.close();
        (void)m_check->model()->open(m_journalPath); // shown again as it was; a failure here shows no rows
        m_confirm->showError(tr("The campaign could not be started: %1. Nothing was called.").arg(r.error().message));
        return;
    }
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
