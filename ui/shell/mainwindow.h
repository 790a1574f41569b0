#pragma once

#include "common/result.h"

#include <QMainWindow>

class QActionGroup;
class QComboBox;
class QLabel;
class QListWidget;
class QMenu;
class QSettings;
class QStackedWidget;

class QSystemTrayIcon;

namespace vc {
class CallTracker;
class TeamStoreService;
class NetworkSetup;
class CampaignRegistry;
class ProfileManager;
class Session;
struct Profile;
} // namespace vc

namespace vc::ui {

class CallsPage;
class CampaignActions;
class CampaignsPage;
class LegacySendPage;
class MessageBanner;
class NetworkLogDock;
class ProfilesDialog;
class SendPage;
class ServicesPage;
class SipPage;

// The window: page navigation (Services, Send, Calls, SIP), the profile switcher, the status bar with
// profile, endpoint and request activity, and the inline message banner. Pages do the work.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    enum Page { ServicesPageIndex, SendPageIndex, CallsPageIndex, SipPageIndex, CampaignsPageIndex, PageCount };

    MainWindow(Session *session, ProfileManager *profiles, CallTracker *tracker, QSettings *settings,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    ServicesPage *servicesPage() const { return m_services; }
    // The other pages are built the first time they are shown or asked for: a start pays only for the
    // page it shows (the Calls and Campaigns pages' charts alone cost more than a bare window).
    SendPage *sendPage();
    CallsPage *callsPage();
    SipPage *sipPage();
    CampaignsPage *campaignsPage();
    LegacySendPage *legacySendPage();
    // Where campaign threads write their calls (the call history file).
    void setCampaignHistoryPath(const QString &path);
    // The call history was opened (after the first frame): says when it could not be, fills the Calls page.
    void historyOpened();
    // Built the first time it is shown or asked for.
    NetworkLogDock *networkLog();
    MessageBanner *banner() const { return m_banner; }
    void setCurrentPage(int page);
    int currentPage() const;
    ProfilesDialog *openProfilesDialog();

public:
    // The app's network choice (the proxy): the Profiles dialog edits it, a proxy's 407 asks for its
    // password once per session, the status bar says which proxy requests take.
    void setNetworkSetup(NetworkSetup *network);
    // mainwindowstore.cpp: the store in use (this computer's or the team's) and its health in the status
    // bar; Profiles → Team Store.
    void setTeamStore(TeamStoreService *service);
    void openTeamStoreDialog();

Q_SIGNALS:
    // A desktop notification was shown (or would have been, without a tray): its title and text.
    void notified(const QString &title, const QString &text);

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void buildMenus();
    void retranslate();
    void reloadProfiles();
    void onProfileChanged();
    void restoreState();
    void saveState();
    void setLanguage(const QString &language);
    void notifyCallEnded(const QString &title, const QString &text);
    QWidget *pageFor(int row);
    static void enableDeferredClearButtons(QWidget *root);
    // A page built on first use joins the stack.
    void adoptPage(QWidget *page);
    QLabel *standIn(QLabel *&label, const char *name);
    void retranslateStandIns();
    void showPage(int row);
    void offerInterruptedCampaigns();
    void showProfile();
    void showBalance();
    void refreshBalance();

    Session *m_session;
    ProfileManager *m_profiles;
    NetworkSetup *m_network = nullptr;
    TeamStoreService *m_teamStore = nullptr;
    QLabel *m_storeStatus = nullptr;
    QAction *m_teamStoreAction = nullptr;
    void showStoreStatus();
    CallTracker *m_tracker;
    QSettings *m_settings;
    QWidget *m_central; // made first: the widgets in it are born there (moving a built tree re-polishes it)
    MessageBanner *m_banner;
    MessageBanner *m_sandboxBanner;
    QListWidget *m_nav;
    QStackedWidget *m_pages;
    ServicesPage *m_services;
    SendPage *m_send = nullptr;
    CallsPage *m_calls = nullptr;
    SipPage *m_sip = nullptr;
    CampaignsPage *m_campaignsPage = nullptr;
    LegacySendPage *m_legacySend = nullptr;
    CampaignActions *m_campaignActions = nullptr;
    CampaignRegistry *m_campaignRegistry = nullptr; // the campaigns this window runs, whether the page is built or not
    QString m_campaignHistoryPath;
    bool m_startupDone = false;
    NetworkLogDock *m_networkLog = nullptr;
    QAction *m_networkLogAction = nullptr;
    QSystemTrayIcon *m_tray = nullptr;
    QAction *m_notifyAction;
    QAction *m_servicesSeparator = nullptr;
    QComboBox *m_profileCombo;
    QLabel *m_profileCaption;
    QLabel *m_profileStatus;
    QLabel *m_endpointStatus;
    QLabel *m_activityStatus;
    QLabel *m_noServices = nullptr;
    QLabel *m_noSip = nullptr;
    QLabel *m_balanceStatus;
    QList<QAction *> m_pageActions; // View > the pages, Ctrl+1 ... Ctrl+N
    std::optional<Result<double>> m_balance; // the last answer; none while it is asked for
    QAction *m_profilesAction;
    QAction *m_quitAction;
    QAction *m_aboutAction;
    QAction *m_policyAction;
    QAction *m_aboutQtAction;
    QActionGroup *m_languageGroup;
    QMenu *m_fileMenu;
    QMenu *m_editMenu;
    QMenu *m_servicesMenu;
    QMenu *m_viewMenu;
    QMenu *m_languageMenu;
    QMenu *m_helpMenu;
    QMenu *m_campaignsMenu;
    QMenu *m_toolsMenu;
    QToolBar *m_toolbar;
};

} // namespace vc::ui
