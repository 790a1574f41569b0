// How fast a large campaign outside its sending window answers (figures only, no pass or fail). Run:
//   build/bench/bench_campaignstart [ROWS]     (default 1,000,000)
// voicectl and voice-sandbox as separate processes; the window opens in three hours, so no row can be
// called now. Printed, from the moment the run begins (its journal says "started"):
//   - how much longer `--no-wait` takes than a dry run of the same file (the start of the run);
//   - how long a SIGINT takes to end a waiting run (exit 130 expected).
// The goal (Performance III): each within 1 s.
#include "campaigns/campaignjournal.h"
#include "sandboxseeds.h"
#include "support/processes.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#include <csignal>
#include <sys/types.h>

namespace {

bool started(const QString &journal)
{
    QTest::qWait(200); // asked five times a second
    vc::CampaignJournal j;
    return QFile::exists(journal) && j.openReadOnly(journal) && j.meta(QStringLiteral("state")) == QLatin1String("started");
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int rows = app.arguments().size() > 1 ? app.arguments().at(1).toInt() : 1000000;
    QTextStream out(stdout);
    QTemporaryDir dir(QDir::currentPath() + QStringLiteral("/bench-start-XXXXXX"));
    const QString file = dir.filePath(QStringLiteral("rows.csv"));
    {
        QFile f(file);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(file));
        f.write("phone\n");
        for (int i = 0; i < rows; ++i)
            f.write("79" + QByteArray::number(100000000 + i) + '\n'); // 79100000000 and on: all different
    }
    QProcess sandbox;
    const QString url = vc::test::startSandboxProcess(sandbox, QStringLiteral(VOICE_SANDBOX_PATH),
                                                      {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--key"), QStringLiteral("k")});
    if (url.isEmpty())
        qFatal("voice-sandbox did not start");
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("VOICE_API_URL"), url);
    env.insert(QStringLiteral("VOICE_API_KEY"), QStringLiteral("k"));
    env.insert(QStringLiteral("VOICE_CONSOLE_DATA_DIR"), dir.filePath(QStringLiteral("data")));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString window = now.addSecs(3 * 3600).toString(QStringLiteral("HH:00")) + u'-' + now.addSecs(4 * 3600).toString(QStringLiteral("HH:00"));
    const auto args = [&](const QString &journal) {
        return QStringList{QStringLiteral("campaign"), QStringLiteral("run"), file, QStringLiteral("--service"),
                           QString::fromLatin1(vc::sandbox::seeds::kReminderServiceId), QStringLiteral("--source"),
                           QStringLiteral("74951234567"), QStringLiteral("--journal"), journal, QStringLiteral("--window"), window,
                           QStringLiteral("--tz"), QStringLiteral("UTC"), QStringLiteral("--yes")};
    };
    out << QStringLiteral("A campaign of %1 rows outside its window:\n").arg(rows);

    // --no-wait: its whole run beside a dry run of the same file (the same preview, no run): the
    // difference is what starting the run costs.
    {
        const auto timed = [&](const QStringList &extra, int *code) {
            QProcess p;
            p.setProcessEnvironment(env);
            p.setStandardOutputFile(QProcess::nullDevice());
            p.setStandardErrorFile(QProcess::nullDevice());
            QElapsedTimer clock;
            clock.start();
            p.start(QStringLiteral(VOICECTL_PATH), extra);
            (void)QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 3600 * 1000);
            *code = p.exitCode();
            return clock.elapsed() / 1000.0;
        };
        int dryCode = 0, code = 0;
        const double dry = timed(args(dir.filePath(QStringLiteral("dry.journal"))) << QStringLiteral("--dry-run"), &dryCode);
        const double noWait = timed(args(dir.filePath(QStringLiteral("nowait.journal"))) << QStringLiteral("--no-wait"), &code);
        out << QStringLiteral("  --dry-run (the preview alone): %1 s (exit %2)\n").arg(dry, 0, 'f', 2).arg(dryCode);
        out << QStringLiteral("  --no-wait (preview and start): %1 s (exit %2): the start costs %3 s\n")
                   .arg(noWait, 0, 'f', 2).arg(code).arg(noWait - dry, 0, 'f', 2);
        out.flush();
    }
    // SIGINT one second into the run.
    {
        const QString journal = dir.filePath(QStringLiteral("sigint.journal"));
        QProcess p;
        p.setProcessEnvironment(env);
        p.setStandardOutputFile(QProcess::nullDevice());
        p.setStandardErrorFile(QProcess::nullDevice());
        p.start(QStringLiteral(VOICECTL_PATH), args(journal));
        (void)QTest::qWaitFor([&] { return started(journal) || p.state() == QProcess::NotRunning; }, 3600 * 1000);
        QTest::qWait(1000);
        QElapsedTimer clock;
        clock.start();
        ::kill(pid_t(p.processId()), SIGINT);
        (void)QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 3600 * 1000);
        out << QStringLiteral("  SIGINT 1 s into the run: ended %1 s later (exit %2)\n").arg(clock.elapsed() / 1000.0, 0, 'f', 2).arg(p.exitCode());
    }
    sandbox.kill();
    sandbox.waitForFinished();
    return 0;
}
