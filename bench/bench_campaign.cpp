// Campaign figures, in one run (figures only, no pass or fail):
//  1. 10,000 rows through `voicectl campaign run --no-wait` against voice-sandbox in its own process,
//     beside `xargs -P 6 curl` posting the same 10,000 MakeVoiceMessage requests to the same sandbox:
//     wall time of each and their ratio.
//  2. Peak memory of the preview (voicectl campaign run --dry-run) of 100,000 and 1,000,000 rows: it
//     must not grow with the file.
//  3. What the journal costs per row: the state changes of one call (dispatching, placed, final), each
//     its own synchronous transaction, on this disk.
// Run: build/bench/bench_campaign [ROWS]
#include "support/must.h"
#include "sandboxseeds.h"
#include "campaigns/campaignjournal.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#include "support/processes.h"

#include <sys/resource.h>

namespace {

QTextStream out(stdout);

QString number(int i)
{
    return QStringLiteral("7926%1").arg(i, 5, 10, QLatin1Char('0')) + QStringLiteral("67");
}

QString writeRows(const QString &path, int rows)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    f.write("phone\n");
    for (int i = 0; i < rows; ++i)
        f.write((QStringLiteral("+7 (9%1) %2-%3-%4\n")
                     .arg(i / 10000000 % 100, 2, 10, QLatin1Char('0'))
                     .arg(i / 10000 % 1000, 3, 10, QLatin1Char('0'))
                     .arg(i / 100 % 100, 2, 10, QLatin1Char('0'))
                     .arg(i % 100, 2, 10, QLatin1Char('0')))
                    .toLatin1());
    return path;
}

// Runs a command to its end; returns the wall time in ms (-1 when it failed).
qint64 run(const QString &program, const QStringList &args, const QProcessEnvironment &env, QByteArray *stdoutData = nullptr)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.setStandardErrorFile(QProcess::nullDevice());
    QElapsedTimer clock;
    clock.start();
    p.start(program, args);
    if (!p.waitForStarted(10000) || !QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 600000))
        return -1;
    const qint64 ms = clock.elapsed();
    if (stdoutData)
        *stdoutData = p.readAllStandardOutput();
    return p.exitStatus() == QProcess::NormalExit && (p.exitCode() == 0 || p.exitCode() == 4) ? ms : -1;
}

// The peak resident memory of a preview, read by the child itself at its end.
qint64 previewPeakKb(const QString &file, const QProcessEnvironment &env)
{
    QByteArray text;
    if (run(QCoreApplication::applicationFilePath(), {QStringLiteral("--peak-of"), file}, env, &text) < 0)
        return -1;
    return text.trimmed().toLongLong();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.value(1) == QLatin1String("--peak-of")) {
        // Child mode: run the preview through voicectl's own code path, then report VmHWM.
        QProcess p;
        p.setStandardOutputFile(QProcess::nullDevice());
        p.setStandardErrorFile(QProcess::nullDevice());
        p.start(QStringLiteral(VOICECTL_PATH), {QStringLiteral("campaign"), QStringLiteral("run"), args.value(2), QStringLiteral("--dry-run")});
        (void)QTest::qWaitFor([&p] { return p.state() == QProcess::NotRunning; }, 3600 * 1000);
        // The preview ran in voicectl; its peak is the largest waited-for child's.
        struct rusage usage
        {
        };
        getrusage(RUSAGE_CHILDREN, &usage);
        QTextStream(stdout) << usage.ru_maxrss << '\n';
        return 0;
    }
    if (args.value(1) == QLatin1String("integrity")) {
        // What the check before every resume costs: SQLite's full integrity_check of a journal of a million
        // rows, on its own read-only connection (the file cold and warm in the page cache).
        QTemporaryDir dir(QDir::currentPath() + QStringLiteral("/bench-integrity-XXXXXX"));
        const QString path = dir.filePath(QStringLiteral("million.journal"));
        {
            vc::CampaignJournal journal;
            vc::test::must(journal.create(path, {}));
            vc::test::must(journal.beginImport());
            for (int i = 1; i <= 1000000; ++i) {
                vc::CampaignRow row;
                row.line = i;
                row.given = number(i);
                row.number = number(i);
                vc::test::must(journal.addRow(row));
            }
            vc::test::must(journal.endImport());
        }
        QTextStream out(stdout);
        out << QStringLiteral("Journal of 1,000,000 rows: %1 MB\n").arg(QFileInfo(path).size() / 1e6, 0, 'f', 1);
        for (int run = 1; run <= 3; ++run) {
            QElapsedTimer clock;
            clock.start();
            const bool ok = vc::CampaignJournal::checkIntegrity(path).ok();
            out << QStringLiteral("  integrity_check %1: %2 s (%3)\n").arg(run).arg(clock.elapsed() / 1000.0, 0, 'f', 2)
                       .arg(ok ? QStringLiteral("ok") : QStringLiteral("FAILED"));
            out.flush();
        }
        return 0;
    }
    const int rows = args.size() > 1 ? args.at(1).toInt() : 10000;
    QTemporaryDir dir(QDir::currentPath() + QStringLiteral("/bench-campaign-XXXXXX")); // on disk, not tmpfs
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("VOICE_CONSOLE_DATA_DIR"), dir.filePath(QStringLiteral("data")));

    // 2. Preview memory (before the sandbox starts, so that no other child counts).
    out << "Preview peak memory (voicectl campaign run --dry-run):\n";
    for (int n : {100000, 1000000}) {
        const QString file = writeRows(dir.filePath(QStringLiteral("rows-%1.csv").arg(n)), n);
        QElapsedTimer clock;
        clock.start();
        const qint64 kb = previewPeakKb(file, env);
        out << QStringLiteral("  %1 rows (%2 MB): peak RSS %3 MB, %4 s\n")
                   .arg(n, 9).arg(QFileInfo(file).size() / 1e6, 0, 'f', 1).arg(kb / 1024.0, 0, 'f', 1)
                   .arg(clock.elapsed() / 1000.0, 0, 'f', 1);
        out.flush();
    }

    // 3. The journal's cost per row.
    {
        vc::CampaignJournal journal;
        vc::test::must(journal.create(dir.filePath(QStringLiteral("cost.journal")), {}));
        const int n = 2000;
        vc::test::must(journal.beginImport());
        for (int i = 1; i <= n; ++i) {
            vc::CampaignRow row;
            row.line = i;
            row.number = number(i);
            vc::test::must(journal.addRow(row));
        }
        vc::test::must(journal.endImport());
        QElapsedTimer clock;
        clock.start();
        for (int i = 1; i <= n; ++i) {
            vc::test::must(journal.markDispatching(i));
            vc::test::must(journal.markPlaced(i, QStringLiteral("call-%1").arg(i), QDateTime::currentDateTimeUtc()));
            vc::test::must(journal.markFinal(i, QStringLiteral("completed"), true, false, QDateTime::currentDateTimeUtc()));
        }
        out << QStringLiteral("Journal cost per row (dispatching + placed + final, each committed with synchronous=FULL): %1 ms\n")
                   .arg(clock.elapsed() / double(n), 0, 'f', 3);
        out.flush();
    }

    // 1. voicectl against xargs -P 6 curl, same sandbox, same requests.
    QProcess sandbox;
    const QString url = vc::test::startSandboxProcess(sandbox, QStringLiteral(VOICE_SANDBOX_PATH), {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--call-speed"), QStringLiteral("100")});
    if (url.isEmpty())
        qFatal("voice-sandbox did not start");
    const QString service = QString::fromLatin1(vc::sandbox::seeds::kReminderServiceId);
    env.insert(QStringLiteral("VOICE_API_URL"), url);
    env.insert(QStringLiteral("VOICE_API_KEY"), QStringLiteral("sandbox-key"));

    QFile list(dir.filePath(QStringLiteral("campaign.csv")));
    QFile bodies(dir.filePath(QStringLiteral("numbers.txt")));
    list.open(QIODevice::WriteOnly);
    bodies.open(QIODevice::WriteOnly);
    list.write("phone\n");
    for (int i = 0; i < rows; ++i) {
        list.write(number(i).toLatin1() + '\n');
        bodies.write(number(rows + i).toLatin1() + '\n');
    }
    list.close();
    bodies.close();

    out << QStringLiteral("%1 MakeVoiceMessage requests to voice-sandbox (own process, no rate limit):\n").arg(rows);
    const qint64 ctl = run(QStringLiteral(VOICECTL_PATH),
                           {QStringLiteral("campaign"), QStringLiteral("run"), list.fileName(), QStringLiteral("--service"), service,
                            QStringLiteral("--source"), QStringLiteral("74951234567"), QStringLiteral("--rate"), QStringLiteral("10000"),
                            QStringLiteral("--concurrency"), QStringLiteral("6"), QStringLiteral("--no-wait"), QStringLiteral("--yes"),
                            QStringLiteral("--window"), QStringLiteral("none"),
                            QStringLiteral("--journal"), dir.filePath(QStringLiteral("campaign.journal"))},
                           env);
    out << QStringLiteral("  voicectl campaign run --concurrency 6 (journal on disk, preview included): %1 s\n").arg(ctl / 1000.0, 0, 'f', 2);
    out.flush();
    const QString curl = QStandardPaths::findExecutable(QStringLiteral("curl"));
    if (curl.isEmpty()) {
        out << "  curl not found: no comparison\n";
    } else {
        const QString script =
            QStringLiteral("xargs -P 6 -I{} %1 -s -o /dev/null -X POST %2/call/v1/MakeVoiceMessage -H 'Authorization: Bearer sandbox-key' "
                           "-H 'Content-Type: application/json' -d '{\"source\":\"74951234567\",\"destination\":\"{}\",\"service_id\":\"%3\"}' < %4")
                .arg(curl, url, service, bodies.fileName());
        const qint64 xc = run(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), script}, env);
        out << QStringLiteral("  xargs -P 6 curl (one process per request, no journal):                 %1 s\n").arg(xc / 1000.0, 0, 'f', 2);
        if (ctl > 0 && xc > 0)
            out << QStringLiteral("  ratio voicectl / curl: %1\n").arg(double(ctl) / double(xc), 0, 'f', 2);
    }
    sandbox.kill();
    sandbox.waitForFinished();
    return 0;
}
