// 1,000 calls followed at once by the real window's call tracker, against voice-sandbox in its own
// process. Prints the longest stall of the UI event loop and the number of requests made. Figures only.
#include "sandboxseeds.h"
#include "calls/callhistory.h"
#include "calls/calltracker.h"
#include "ui/shell/mainwindow.h"
#include "accounts/profilemanager.h"
#include "accounts/secretstore.h"
#include "support/memorysecretbackend.h"
#include "support/must.h"
#include "accounts/session.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#include "support/processes.h"

#include <algorithm>
#include <functional>

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTextStream out(stdout);
    const int count = argc > 1 ? QByteArray(argv[1]).toInt() : 1000;

    QProcess sandbox;
    const QString url = vc::test::startSandboxProcess(sandbox, QStringLiteral(VOICE_SANDBOX_PATH), {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--call-speed"), QStringLiteral("1")});
    if (url.isEmpty())
        qFatal("voice-sandbox did not start");

    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    vc::Session session;
    vc::ProfileStore store(&settings);
    vc::SecretStore secrets(std::make_unique<vc::test::MemoryBackend>());
    vc::ProfileManager profiles(&store, &secrets, &session, {});
    vc::CallHistory history;
    vc::test::must(history.open(dir.filePath(QStringLiteral("history.sqlite"))));
    vc::CallTracker tracker(&session, &history);
    vc::ui::MainWindow window(&session, &profiles, &tracker, &settings);
    profiles.useEnvironment(QUrl(url), QStringLiteral("sandbox-key"));
    window.setCurrentPage(vc::ui::MainWindow::CallsPageIndex);
    window.show();

    // Place the calls first (not measured), as if sent over the last seconds from elsewhere.
    QStringList ids;
    int pending = count;
    for (int i = 0; i < count; ++i) {
        session.exolve()->makeVoiceMessage({QStringLiteral("74959999999"), QStringLiteral("7926%1").arg(i, 5, 10, QLatin1Char('0')) + QStringLiteral("67"), // rings, talks, completes
                                            QString::fromLatin1(vc::sandbox::seeds::kReminderServiceId)},
                                           &app, [&](const vc::Result<QString> &r) {
                                               if (r)
                                                   ids << r.value();
                                               --pending;
                                           });
    }
    (void)QTest::qWaitFor([&] { return pending == 0; }, 120000);
    out << "calls placed: " << ids.size() << "\n";

    // A heartbeat every 5 ms: how late it fires is how long the event loop was busy elsewhere.
    QList<qint64> stalls;
    QElapsedTimer beat;
    QTimer heartbeat;
    heartbeat.setTimerType(Qt::PreciseTimer);
    QObject::connect(&heartbeat, &QTimer::timeout, &app, [&] {
        stalls.append(std::max<qint64>(0, beat.nsecsElapsed() / 1000000 - 5));
        beat.restart();
    });
    const qint64 requestsBefore = tracker.monitor()->requestsMade();
    QElapsedTimer total;
    total.start();
    beat.start();
    heartbeat.start(5);
    // All calls handed over at once; the heartbeat runs from before, so the burst is measured too.
    tracker.watch(ids);
    const qint64 watchCallMs = total.elapsed();
    // Waiting runs the real event loop (QTest::qWaitFor would sleep 10 ms between its turns, which the
    // heartbeat would count as stalls of the application's own).
    const auto runUntil = [&app](const std::function<bool()> &done) {
        QEventLoop loop;
        QTimer check;
        QObject::connect(&check, &QTimer::timeout, &app, [&] {
            if (done())
                loop.quit();
        });
        check.start(1);
        loop.exec();
    };
    runUntil([&] { return tracker.monitor()->isWatching(ids.constLast()); });
    const qint64 watchMs = total.elapsed();
    runUntil([&] { return tracker.monitor()->isIdle(); });
    const qint64 followMs = total.elapsed();
    heartbeat.stop();
    std::sort(stalls.begin(), stalls.end());
    const qint64 requests = tracker.monitor()->requestsMade() - requestsBefore;
    out << "watch(all " << ids.size() << " ids) returned after:   " << watchCallMs << " ms (the first slice)\n";
    out << "all calls being watched after:   " << watchMs << " ms\n";
    out << "all calls final after:           " << QString::number(followMs / 1000.0, 'f', 1) << " s\n";
    out << "GetInfo requests:                " << requests << " (" << QString::number(double(requests) / ids.size(), 'f', 2) << " per call)\n";
    out << "from the hand-over to the last final status (burst included):\n";
    out << "longest event-loop stall:        " << (stalls.isEmpty() ? 0 : stalls.last()) << " ms\n";
    out << "99th percentile stall:           " << (stalls.isEmpty() ? 0 : stalls.at(stalls.size() * 99 / 100)) << " ms\n";
    out << "median stall:                    " << (stalls.isEmpty() ? 0 : stalls.at(stalls.size() / 2)) << " ms\n";
    sandbox.kill();
    sandbox.waitForFinished();
    return 0;
}
