#pragma once

#include <QMainWindow>

class QActionGroup;
class QComboBox;
class QLabel;
class QListWidget;
class QMenu;
class QSettings;
class QStackedWidget;

namespace vc {
class ProfileManager;
class Session;
struct Profile;
} // namespace vc

namespace vc::ui {

class MessageBanner;
class ProfilesDialog;
class ServicesPage;

// The window: page navigation (Services, Send, Calls, SIP), the profile switcher, the status bar with
// profile, endpoint and request activity, and the inline message banner. Pages do the work.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    enum Page { ServicesPageIndex, SendPageIndex, CallsPageIndex, SipPageIndex, PageCount };

    MainWindow(Session *session, ProfileManager *profiles, QSettings *settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    ServicesPage *servicesPage() const { return m_services; }
    MessageBanner *banner() const { return m_banner; }
    void setCurrentPage(int page);
    int currentPage() const;
    ProfilesDialog *openProfilesDialog();

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

    Session *m_session;
    ProfileManager *m_profiles;
    QSettings *m_settings;
    MessageBanner *m_banner;
    MessageBanner *m_sandboxBanner;
    QListWidget *m_nav;
    QStackedWidget *m_pages;
    ServicesPage *m_services;
    QComboBox *m_profileCombo;
    QLabel *m_profileCaption;
    QLabel *m_profileStatus;
    QLabel *m_endpointStatus;
    QLabel *m_activityStatus;
    QAction *m_profilesAction;
    QAction *m_quitAction;
    QAction *m_aboutAction;
    QActionGroup *m_languageGroup;
    QMenu *m_fileMenu;
    QMenu *m_editMenu;
    QMenu *m_servicesMenu;
    QMenu *m_viewMenu;
    QMenu *m_languageMenu;
    QMenu *m_helpMenu;
    QToolBar *m_toolbar;
};

} // namespace vc::ui
