// The latency of one API POST, ours beside curl's, against voice-sandbox in its own process on loopback
// (Linux acknowledges late on loopback too, so a request split into segments would wait for it):
//  - reads (GetList) on a kept-alive connection, as the app's list, details and call status use them;
//  - a request that must never be resent (the paid-call path): a fresh connection of its own each time;
//  - curl doing the same POST N times on one kept-alive connection, and N times on fresh ones.
// Medians of N requests each, alternating rounds. Figures only: no pass or fail.
#include "net/httptransport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLoggingCategory>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>
#include <QTextStream>

#include "support/processes.h"

#include <algorithm>

namespace {
const QByteArray kKey = QByteArrayLiteral("bench-key");

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

// N requests one after another through the transport; each one's time from send() to its callback.
QList<double> viaTransport(vc::HttpTransport &transport, const QUrl &url, int n, bool retriable)
{
    QList<double> times;
    for (int i = 0; i < n; ++i) {
        vc::HttpCall call;
        call.url = url;
        call.body = "{}";
        call.headers = {{QByteArrayLiteral("Authorization"), "Bearer " + kKey}};
        call.retriable = retriable;
        call.logName = QStringLiteral("GetList");
        int status = 0;
        QEventLoop loop; // woken by the answer itself: a polling wait would add its own sleep
        QElapsedTimer t;
        t.start();
        transport.send(call, &transport, [&](const vc::HttpOutcome &o) {
            status = o.last.status;
            loop.quit();
        });
        loop.exec();
        if (status != 200)
            qFatal("request %d failed (status %d)", i, status);
        times.append(t.nsecsElapsed() / 1e6);
    }
    return times;
}

// curl: N POSTs in one invocation share one kept-alive connection; `fresh` runs curl once per request.
QList<double> viaCurl(const QString &curl, const QUrl &url, int n, bool fresh)
{
    QStringList common{QStringLiteral("-s"), QStringLiteral("-X"), QStringLiteral("POST"), QStringLiteral("-H"),
                       QStringLiteral("Authorization: Bearer ") + QString::fromLatin1(kKey), QStringLiteral("-H"),
                       QStringLiteral("Content-Type: application/json"), QStringLiteral("--data"), QStringLiteral("{}"),
                       QStringLiteral("-w"), QStringLiteral("%{time_total}\\n")};
    QList<double> times;
    const auto run = [&](int count) {
        QStringList args = common;
        for (int i = 0; i < count; ++i)
            args << QStringLiteral("-o") << QStringLiteral("/dev/null") << url.toString();
        QProcess p;
        p.start(curl, args);
        if (!p.waitForFinished(60000) || p.exitCode() != 0)
            qFatal("curl failed");
        const QList<QByteArray> lines = p.readAllStandardOutput().split('\n');
        for (const QByteArray &line : lines) {
            if (!line.trimmed().isEmpty())
                times.append(line.trimmed().toDouble() * 1000.0);
        }
    };
    if (fresh) {
        for (int i = 0; i < n; ++i)
            run(1);
    } else {
        run(n);
    }
    return times;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("vc.api=false")); // the request log's lines, not figures
    QTextStream out(stdout);
    const int n = argc > 1 ? QByteArray(argv[1]).toInt() : 200;
    const QString curl = QStandardPaths::findExecutable(QStringLiteral("curl"));
    if (curl.isEmpty())
        qFatal("curl is not installed");
    QProcess sandbox;
    const QString base = vc::test::startSandboxProcess(sandbox, QStringLiteral(VOICE_SANDBOX_PATH),
                                                       {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--key"),
                                                        QString::fromLatin1(kKey)});
    if (base.isEmpty())
        qFatal("voice-sandbox did not start");
    const QUrl url(base + QStringLiteral("/voice-message/v1/GetList"));

    vc::HttpTransport transport;
    QList<double> ours, oursFresh, curlKept, curlFresh;
    for (int round = 0; round < 4; ++round) {
        ours += viaTransport(transport, url, n / 4, true);
        curlKept += viaCurl(curl, url, n / 4, false);
        oursFresh += viaTransport(transport, url, n / 4, false);
        curlFresh += viaCurl(curl, url, std::max(1, n / 20), true);
    }
    const auto ms = [](double v) { return QString::number(v, 'f', 2); };
    out << "POST voice-message/v1/GetList to voice-sandbox on loopback, medians of " << n << " requests\n";
    out << "  curl, one kept-alive connection:        " << ms(median(curlKept)) << " ms\n";
    out << "  ours, reads on a kept-alive connection: " << ms(median(ours)) << " ms (" << ms(median(ours) - median(curlKept))
        << " ms from curl)\n";
    out << "  curl, a new connection each time:       " << ms(median(curlFresh)) << " ms (process start not counted)\n";
    out << "  ours, never-resent path (own connection): " << ms(median(oursFresh)) << " ms\n";
    sandbox.kill();
    sandbox.waitForFinished();
    return 0;
}
