// The call monitor and tracker against the sandbox: calls followed to the end, then silence.
#include "sandboxseeds.h"
#include "calls/callhistory.h"
#include "calls/callmonitor.h"
#include "calls/pollers.h"
#include "calls/calltracker.h"
#include "sandboxserver.h"
#include "accounts/session.h"
#include "support/await.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace vc;
using namespace vc::sandbox;

namespace {
const QString kService = QString::fromLatin1(vc::sandbox::seeds::kReminderServiceId);
const MonitorOptions kFast{{50, 100, 200}, 800, 4, 1};
} // namespace

class TestCallMonitor : public QObject
{
    Q_OBJECT
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<Session> m_session;

    void startServer(double speed, int callTimeout = 60)
    {
        SandboxOptions o;
        o.callSpeed = speed;
        o.callTimeoutSec = callTimeout;
        m_server = std::make_unique<SandboxServer>(o);
        QVERIFY(m_server->start(0));
        m_session = std::make_unique<Session>();
        Profile p;
        p.id = QStringLiteral("test-profile");
        p.name = QStringLiteral("Test");
        p.apiUrl = QUrl(m_server->baseUrl());
        m_session->activate(p, m_server->apiKey());
    }

    QString place(const QString &destination)
    {
        const auto r = test::await<QString>([&](auto done) {
            m_session->exolve()->makeVoiceMessage({QStringLiteral("74959999999"), destination, kService}, this, done);
        });
        return r && r->ok() ? r->value() : QString();
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { m_dir = std::make_unique<QTemporaryDir>(); }
    void cleanup()
    {
        m_session.reset();
        m_server.reset();
    }

    void callIsFollowedToCompletedThenPollingStops()
    {
        startServer(10);
        CallMonitor monitor(exolvePoller(m_session->exolve()));
        monitor.setOptions(kFast);
        QVERIFY(monitor.isIdle());
        QSignalSpy updated(&monitor, &CallMonitor::updated);
        QSignalSpy finished(&monitor, &CallMonitor::finished);
        const QString id = place(QStringLiteral("79261234567"));
        QVERIFY(!id.isEmpty());
        monitor.watch(id);
        QVERIFY(!monitor.isIdle());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        const CallInfo last = finished.at(0).at(0).value<CallInfo>();
        QCOMPARE(last.status, QStringLiteral("completed"));
        QVERIFY(updated.count() >= 2);
        QCOMPARE(updated.at(0).at(0).value<CallInfo>().status, QStringLiteral("ringing"));
        QVERIFY(monitor.isIdle());
        const int requests = m_server->requestCount(QStringLiteral("call/v1/GetInfo"));
        QCOMPARE(qint64(requests), monitor.requestsMade());
        QTest::qWait(600);
        QCOMPARE(m_server->requestCount(QStringLiteral("call/v1/GetInfo")), requests); // nothing more once final
    }

    void busyEndsTheCallToo()
    {
        startServer(10);
        CallMonitor monitor(exolvePoller(m_session->exolve()));
        monitor.setOptions(kFast);
        QSignalSpy finished(&monitor, &CallMonitor::finished);
        monitor.watch(place(QStringLiteral("79261234500")));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QCOMPARE(finished.at(0).at(0).value<CallInfo>().status, QStringLiteral("busy"));
    }

    void unknownStatusIsToleratedUntilTheCallGoesStale()
    {
        startServer(10, 1); // answer timeout 1 s; the monitor's margin is 1 s
        CallMonitor monitor(exolvePoller(m_session->exolve()));
        monitor.setOptions(kFast);
        QSignalSpy updated(&monitor, &CallMonitor::updated);
        QSignalSpy stale(&monitor, &CallMonitor::stale);
        QSignalSpy finished(&monitor, &CallMonitor::finished);
        const QString id = place(QStringLiteral("79261234503"));
        monitor.watch(id);
        QTRY_COMPARE_WITH_TIMEOUT(stale.count(), 1, 10000);
        QCOMPARE(stale.at(0).at(0).toString(), id);
        QCOMPARE(stale.at(0).at(1).value<CallInfo>().status, QStringLiteral("play_audio_stop"));
        bool sawUnknown = false;
        for (const auto &args : updated)
            sawUnknown |= args.at(0).value<CallInfo>().status == QLatin1String("play_audio_stop");
        QVERIFY(sawUnknown); // kept verbatim, polling went on
        QCOMPARE(finished.count(), 0);
        QVERIFY(monitor.isIdle());
    }

    void requestsInFlightStayBounded()
    {
        startServer(10);
        CallMonitor monitor(exolvePoller(m_session->exolve()));
        MonitorOptions o = kFast;
        o.maxInFlight = 3;
        monitor.setOptions(o);
        int maxInFlight = 0;
        connect(m_session->transport(), &HttpTransport::activityChanged, this,
                [&maxInFlight](int n) { maxInFlight = std::max(maxInFlight, n); });
        QStringList ids;
        for (int i = 0; i < 12; ++i)
            ids << place(QStringLiteral("7926123456%1").arg(i % 10)); // endings 60-69: all complete
        maxInFlight = 0;
        QSignalSpy finished(&monitor, &CallMonitor::finished);
        for (const QString &id : ids)
            monitor.watch(id);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 12, 20000);
        QVERIFY2(maxInFlight <= 3, qPrintable(QString::number(maxInFlight)));
        QVERIFY(maxInFlight >= 1);
        QVERIFY(monitor.isIdle());
    }

    void failingPollsBackOffAndRecover()
    {
        startServer(2);
        CallMonitor monitor(exolvePoller(m_session->exolve()));
        monitor.setOptions(kFast);
        TransportOptions t;
        t.maxAttempts = 1; // let the monitor see each failure
        m_session->transport()->setOptions(t);
        FaultRule rule;
        rule.endpoint = QStringLiteral("call/v1/GetInfo");
        rule.remaining = 3;
        rule.fault.status = 503;
        m_server->addFault(rule);
        QSignalSpy failed(&monitor, &CallMonitor::pollFailed);
        QSignalSpy finished(&monitor, &CallMonitor::finished);
        monitor.watch(place(QStringLiteral("79261234567")));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 15000);
        QCOMPARE(failed.count(), 3);
    }

    void trackerRecordsSendsAndResumesAfterRestart()
    {
        startServer(3);
        const QString db = m_dir->filePath(QStringLiteral("history.sqlite"));
        QString id;
        {
            CallHistory history;
            QVERIFY(history.open(db));
            CallTracker tracker(m_session.get(), &history);
            tracker.monitor()->setOptions(kFast);
            const auto r = vc::test::await<vc::CallRecord>([&](auto done) {
                tracker.send({QStringLiteral("74959999999"), QStringLiteral("79261234567"), kService},
                             QStringLiteral("Напоминание"), this, done);
            });
            QVERIFY(r && r->ok());
            id = r->value().callId;
            QCOMPARE(history.find(id)->serviceName, QStringLiteral("Напоминание"));
            QVERIFY(!history.find(id)->final);
        } // the app quits before the call ends
        CallHistory history;
        QVERIFY(history.open(db));
        QCOMPARE(history.unfinished(QStringLiteral("test-profile")).size(), 1);
        CallTracker tracker(m_session.get(), &history);
        tracker.monitor()->setOptions(kFast);
        QSignalSpy ended(&tracker, &CallTracker::callEnded);
        m_session->activate(m_session->profile(), m_server->apiKey()); // as at start-up
        QVERIFY(tracker.monitor()->isWatching(id));
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 15000);
        const auto record = history.find(id);
        QCOMPARE(record->status, QStringLiteral("completed"));
        QVERIFY(record->final);
        QVERIFY(record->ended.isValid());
        QVERIFY(history.timeline(id).size() >= 3); // sent, ringing, talk, completed
        QCOMPARE(history.timeline(id).constLast().status, QStringLiteral("completed"));
        QVERIFY(tracker.monitor()->isIdle());
    }

    void unknownOutcomeIsRecordedAndNotResent()
    {
        startServer(3);
        FaultRule rule;
        rule.endpoint = QStringLiteral("call/v1/MakeVoiceMessage");
        rule.fault.kind = Fault::Kind::PlaceThen500;
        m_server->addFault(rule);
        CallHistory history;
        QVERIFY(history.open(m_dir->filePath(QStringLiteral("h.sqlite"))));
        CallTracker tracker(m_session.get(), &history);
        const auto r = vc::test::await<vc::CallRecord>([&](auto done) {
            tracker.send({QStringLiteral("74959999999"), QStringLiteral("79261234567"), kService}, QStringLiteral("S"), this, done);
        });
        QVERIFY(r && !r->ok());
        QVERIFY(r->error().outcomeUnknown);
        QTest::qWait(300);
        QCOMPARE(m_server->callsPlaced(), 1);
        QCOMPARE(m_server->requestCount(QStringLiteral("call/v1/MakeVoiceMessage")), 1);
        const auto records = history.search({});
        QCOMPARE(records.size(), 1);
        QCOMPARE(records.at(0).status, vc::CallRecord::unknownOutcomeStatus());
        QVERIFY(records.at(0).outcomeUnknown);
        QCOMPARE(records.at(0).destination, QStringLiteral("79261234567"));
        QVERIFY(tracker.monitor()->isIdle()); // nothing to poll without a call id
    }

    void watchingACallSentElsewhere()
    {
        startServer(10);
        CallHistory history;
        QVERIFY(history.open(m_dir->filePath(QStringLiteral("w.sqlite"))));
        CallTracker tracker(m_session.get(), &history);
        tracker.monitor()->setOptions(kFast);
        const QString id = place(QStringLiteral("79261234501"));
        QSignalSpy ended(&tracker, &CallTracker::callEnded);
        tracker.watch(id);
        QCOMPARE(history.find(id)->origin, vc::CallRecord::Origin::Watched);
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 10000);
        QCOMPARE(history.find(id)->status, QStringLiteral("no_answer"));
        QCOMPARE(history.find(id)->destination, QStringLiteral("79261234501"));
    }
};

QTEST_GUILESS_MAIN(TestCallMonitor)
#include "tst_callmonitor.moc"
