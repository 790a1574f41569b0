#pragma once

#include "accounts/profilemanager.h"
#include "accounts/session.h"
#include "ui/shell/appcontext.h"
#include "calls/callhistory.h"
#include "calls/calltracker.h"
#include "ui/shell/mainwindow.h"
#include "sandboxserver.h"
#include "support/memorysecretbackend.h"

#include <QSettings>
#include <QTemporaryDir>

namespace vc::test {

// The desktop app as the tests and the screenshot driver run it: the app's own wiring (AppContext)
// against a sandbox on a loopback port, with settings and history in a temporary folder and the memory
// keychain. The window is not shown; the sandbox profile is not chosen (each test decides).
class AppFixture final
{
public:
    // `beforeStart` may lay files in the folder (a damaged history, say) before the app opens them.
    explicit AppFixture(const sandbox::SandboxOptions &sandboxOptions = {},
                        const std::function<void(const QString &folder)> &beforeStart = {})
        : m_server(std::make_unique<sandbox::SandboxServer>(sandboxOptions))
    {
        m_server->start(0);
        // Campaign journals and the do-not-call list live in the folder too.
        qputenv("VOICE_CONSOLE_DATA_DIR", m_dir.filePath(QStringLiteral("data")).toLocal8Bit());
        if (beforeStart)
            beforeStart(m_dir.path());
        m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        reopenApp();
    }
    // Starts the app again on the same folder and sandbox (after closeApp(): a closed and reopened window).
    // The keychain starts empty, as after a reboot with a session-only key; built-in profiles need none.
    void reopenApp()
    {
        m_app.reset();
        auto backend = std::make_unique<MemoryBackend>();
        m_backend = backend.get();
        ui::AppContext::Options options;
        options.settings = m_settings.get();
        options.secrets = std::move(backend);
        options.sandboxUrl = [this] { return QUrl(m_server->baseUrl()); };
        options.historyPath = historyPath();
        m_app = std::make_unique<ui::AppContext>(std::move(options));
    }
    ~AppFixture()
    {
        m_app.reset(); // before the sandbox and the folder it uses
    }

    // Ends the app as the real one ends (window first, then the tracker and the history, whose
    // database is then wholly on disk), keeping the folder and the sandbox for a look afterwards.
    void closeApp() { m_app.reset(); }
    QString folder() const { return m_dir.path(); }

    // Where the history lives: a test may put a damaged file there before the fixture is made.
    static QString historyFileName() { return QStringLiteral("history.sqlite"); }
    QString historyPath() const { return m_dir.filePath(historyFileName()); }
    QString path(const QString &name) const { return m_dir.filePath(name); }

    sandbox::SandboxServer *server() const { return m_server.get(); }
    QSettings *settings() const { return m_settings.get(); }
    MemoryBackend *keychain() const { return m_backend; }
    Session *session() const { return m_app->session(); }
    ProfileStore *store() const { return m_app->store(); }
    SecretStore *secrets() const { return m_app->secrets(); }
    ProfileManager *profiles() const { return m_app->profiles(); }
    CallHistory *history() const { return m_app->history(); }
    CallTracker *tracker() const { return m_app->tracker(); }
    ui::MainWindow *window() const { return m_app->window(); }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<sandbox::SandboxServer> m_server;
    std::unique_ptr<QSettings> m_settings;
    MemoryBackend *m_backend = nullptr;
    std::unique_ptr<ui::AppContext> m_app;
};

} // namespace vc::test
