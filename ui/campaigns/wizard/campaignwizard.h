#pragma once

#include <QWizard>

namespace vc {
class Session;
}

namespace vc::ui {

class CampaignFilePage;
class CampaignCheckPage;
class CampaignSettingsPage;
class CampaignConfirmPage;

class CampaignWizard final : public QWizard
{
    Q_OBJECT
public:
    enum PageId { FilePageId, SettingsPageId, CheckPageId, ConfirmPageId };

    CampaignWizard(Session *session, QWidget *parent = nullptr);
    ~CampaignWizard() override;

    Session *session() const { return m_session; }
    QString journalPath() const { return m_journalPath; }
    void setJournalPath(const QString &path) { m_journalPath = path; }
    void discardJournal();
    CampaignFilePage *filePage() const { return m_file; }
    CampaignCheckPage *checkPage() const { return m_check; }
    CampaignSettingsPage *settingsPage() const { return m_settings; }
    CampaignConfirmPage *confirmPage() const { return m_confirm; }
    bool isLegacy() const;

    void accept() override;
    void reject() override;

Q_SIGNALS:
    // The campaign is confirmed in its journal (state "started"): the page starts it.
    void campaignReady(const QString &journalPath);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    Session *m_session;
    QString m_journalPath;
    CampaignFilePage *m_file;
    CampaignCheckPage *m_check;
    CampaignSettingsPage *m_settings;
    CampaignConfirmPage *m_confirm;
};

} // namespace vc::ui
