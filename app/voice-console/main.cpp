// voice-console: the desktop application.
#include "accounts/settings.h"
#include "common/paths.h"
#include "ui/shell/appcontext.h"
#include "ui/widgets/appstyle.h"
#include "common/language.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/messagebanner.h"
#include "accounts/profilemanager.h"
#include "sandboxserver.h"
#include "accounts/secretstore.h"
#include "ui/shell/startupprobe.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>

#include <memory>

namespace {
// --version and --help answer without a display (an installer's smoke test, a packaging check over ssh):
// QApplication would first need a screen.
bool onlyAsksForText(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--version" || arg == "-v" || arg == "--help" || arg == "-h" || arg == "--help-all" || arg == "-?")
            return true;
    }
    return false;
}

void addOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QStringLiteral("Voice Console: voice-message services, calls and SIP accounts."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {QStringLiteral("sandbox"), QStringLiteral("Work in the built-in sandbox (no real calls).")},
        {QStringLiteral("api-url"), QStringLiteral("Use this API address with the key in VOICE_API_KEY (no keychain)."), QStringLiteral("URL")},
        {QStringLiteral("lang"), QStringLiteral("Language: ru or en."), QStringLiteral("LANG")},
    });
}
} // namespace

int main(int argc, char *argv[])
{
    vc::ui::startupMark("main");
    if (onlyAsksForText(argc, argv)) {
        QCoreApplication textOnly(argc, argv);
        QCoreApplication::setApplicationName(QLatin1String(vc::paths::kApplication));
        QCoreApplication::setApplicationVersion(QStringLiteral(VC_VERSION));
        QCommandLineParser parser;
        addOptions(parser);
        parser.process(textOnly); // prints and exits for --version and --help
        return 0;
    }
    QApplication app(argc, argv);
    QApplication::setStyle(new vc::ui::AppStyle);
    vc::ui::startupMark("QApplication");
    QCoreApplication::setOrganizationName(QLatin1String(vc::paths::kOrganization));
    QCoreApplication::setApplicationName(QLatin1String(vc::paths::kApplication));
    QCoreApplication::setApplicationVersion(QStringLiteral(VC_VERSION));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Voice Console"));
    QGuiApplication::setDesktopFileName(QStringLiteral("voice-console"));

    QCommandLineParser parser;
    addOptions(parser);
    parser.process(app);

    const auto sharedSettings = vc::Settings::openShared();
    QSettings &settings = *sharedSettings;
    const QString requestedLanguage = parser.value(QStringLiteral("lang"));
    if (parser.isSet(QStringLiteral("lang")) && !vc::Language::isSupported(requestedLanguage)) {
        qWarning("voice-console: the language \"%s\" is not supported (use ru or en); following the system's",
                 qPrintable(requestedLanguage.left(64)));
    }
    vc::Language::install(vc::Language::resolve(parser.isSet(QStringLiteral("lang"))
                                                    ? requestedLanguage
                                                    : vc::Settings(&settings).language().get()));

    vc::ui::startupMark("settings and language");
    std::unique_ptr<vc::sandbox::SandboxServer> sandbox;
    vc::ui::AppContext::Options options;
    options.settings = &settings;
    options.secrets = std::make_unique<vc::KeychainBackend>();
    options.openHistoryLater = true;
    options.sandboxUrl = [&sandbox]() -> QUrl {
        if (!sandbox) {
            sandbox = std::make_unique<vc::sandbox::SandboxServer>();
            if (!sandbox->start(0))
                return {};
        }
        return QUrl(sandbox->baseUrl());
    };
    vc::ui::AppContext context(std::move(options));
    vc::ui::startupMark("window built");
    vc::ui::MainWindow &window = *context.window();
    vc::ProfileManager &profiles = *context.profiles();
    vc::ProfileStore &store = *context.store();

    const QString envKey = qEnvironmentVariable("VOICE_API_KEY");
    if (parser.isSet(QStringLiteral("api-url")) && envKey.isEmpty()) {
        const QString message = QCoreApplication::translate("main", "--api-url needs the API key in VOICE_API_KEY; "
                                                                    "it was not set, so a saved profile or the sandbox is used.");
        qWarning("%s", qPrintable(message));
        window.banner()->showMessage(vc::ui::MessageBanner::Level::Warning, message);
    }
    // The call history, then the profile (and with it the embedded sandbox, or the keychain read of a real
    // account's key) are taken up right after the window's first frame: the window appears first, then fills.
    const auto chooseProfile = [&] {
        context.openHistory();
        vc::ui::startupMark("history open");
        if (parser.isSet(QStringLiteral("api-url")) && !envKey.isEmpty()) {
            profiles.useEnvironment(QUrl::fromUserInput(parser.value(QStringLiteral("api-url"))), envKey);
        } else if (parser.isSet(QStringLiteral("sandbox")) || store.profiles().isEmpty()) {
            profiles.switchTo(QLatin1String(vc::ProfileManager::kSandboxId));
        } else {
            const QString last = store.lastProfileId();
            profiles.switchTo(store.find(last) || vc::ProfileManager::isBuiltIn(last) ? last : store.profiles().constFirst().id);
        }
        vc::ui::startupMark("profile chosen");
    };
    vc::ui::StartupProbe::afterFirstFrame(&window, chooseProfile);
    vc::ui::StartupProbe::install(&window); // after: the last filter installed sees the expose first
    window.show();
    vc::ui::startupMark("shown");
    return app.exec();
}
