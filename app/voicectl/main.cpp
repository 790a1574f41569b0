// voicectl: the command-line client on the same core as Voice Console.
#include "cli.h"

#include <QCoreApplication>
#include <QLoggingCategory>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("VoiceConsole"));
    QCoreApplication::setApplicationName(QStringLiteral("voicectl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VC_VERSION));
    // The request log is printed by --verbose; the category output would only repeat it.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("vc.*.info=false"));
    vc::cli::Cli cli;
    QObject::connect(&cli, &vc::cli::Cli::finished, &app, [](int code) { QCoreApplication::exit(code); });
    cli.start(QCoreApplication::arguments());
    return app.exec();
}
