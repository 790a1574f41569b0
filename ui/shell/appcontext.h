#pragma once

#include <QUrl>

#include <functional>
#include <memory>

class QSettings;

namespace vc {
class CallHistory;
class CallTracker;
class NetworkSetup;
class ProfileManager;
class ProfileStore;
class SecretBackend;
class SecretStore;
class Session;
class TeamStoreService;
} // namespace vc

namespace vc::ui {

class MainWindow;

// The desktop app wired together once: the session, profiles and their keychain, the call history and
// tracker, and the window. The app's main() and the GUI tests (tests/support/appfixture.h) build the
// same thing; only what they pass in differs.
class AppContext final
{
public:
    struct Options
    {
        QSettings *settings = nullptr;
        std::unique_ptr<SecretBackend> secrets;
        std::function<QUrl()> sandboxUrl; // starts the built-in sandbox when first needed
        QString historyPath;              // empty: the user's data folder
        // The app opens the history after the window's first frame (openHistory()); tests at once.
        bool openHistoryLater = false;
    };

    explicit AppContext(Options options);
    // Opens the call history (once; what failed shows in the window). Before it, nothing is placed: the
    // profile is chosen after it.
    void openHistory();
    // The window goes first: it listens to the tracker and the session.
    ~AppContext();

    Session *session() const { return m_session.get(); }
    ProfileStore *store() const { return m_store.get(); }
    SecretStore *secrets() const { return m_secrets.get(); }
    ProfileManager *profiles() const { return m_profiles.get(); }
    CallHistory *history() const { return m_history.get(); }
    CallTracker *tracker() const { return m_tracker.get(); }
    MainWindow *window() const { return m_window.get(); }
    QSettings *settings() const { return m_settings; }

private:
    QSettings *m_settings;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<ProfileStore> m_store;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<ProfileManager> m_profiles;
    std::unique_ptr<CallHistory> m_history;
    std::unique_ptr<NetworkSetup> m_network;
    std::unique_ptr<CallTracker> m_tracker;
    std::unique_ptr<TeamStoreService> m_teamStore;
    std::unique_ptr<MainWindow> m_window;
    void chooseStore();
    QString m_historyPath;
};

} // namespace vc::ui
