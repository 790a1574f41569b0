// The campaign engine against the sandbox in this process: concurrency, rate, 429, re-dials, refusals,
// a dead network, the window, the history tag and integrationapi.net.
#include "sandboxseeds.h"
#include "calls/pollers.h"
#include "campaigns/campaignrunner.h"
#include "exolve/exolveclient.h"
#include "legacy/legacyclient.h"
#include "legacy/legacytypes.h"
#include "net/httptransport.h"
#include "sandboxserver.h"

#include <QBuffer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace vc;
using namespace vc::sandbox;

namespace {
const QString kService = QString::fromLatin1(vc::sandbox::seeds::kReminderServiceId);
const MonitorOptions kFastMonitor{{30, 60, 120}, 400, 6, 1};
} // namespace

class TestCampaignRunner : public QObject
{
    Q_OBJECT
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<HttpTransport> m_transport;
    std::unique_ptr<ExolveClient> m_client;
    std::unique_ptr<CampaignJournal> m_journal;

    void startServer(SandboxOptions o = {})
    {
        o.callSpeed = 200;
        o.legacy.speed = 200;
        m_server = std::make_unique<SandboxServer>(o);
        QVERIFY(m_server->start(0));
        m_transport = std::make_unique<HttpTransport>();
        m_client = std::make_unique<ExolveClient>(m_transport.get());
        m_client->setBaseUrl(QUrl(m_server->baseUrl()));
        m_client->setApiKey(m_server->apiKey());
    }

    // A journal with these numbers, one per line.
    void makeJournal(const QStringList &numbers)
    {
        m_journal = std::make_unique<CampaignJournal>();
        QVERIFY(m_journal->create(m_dir->filePath(QStringLiteral("run.journal")), {}));
        QBuffer in;
        in.setData((numbers.join(u'\n') + u'\n').toLatin1());
        in.open(QIODevice::ReadOnly);
        QVERIFY(CampaignPlanner::plan(&in, {}, m_journal.get()));
        QCOMPARE(m_journal->meta(QStringLiteral("state")), QStringLiteral("preview"));
    }

    std::unique_ptr<CampaignRunner> runner(RunnerOptions o)
    {
        o.monitor = kFastMonitor;
        auto dispatch = [this](const CampaignRow &row, QObject *context, std::function<void(const Result<QString> &)> done) {
            m_client->makeVoiceMessage({QStringLiteral("74951234567"), row.number, kService}, context, std::move(done));
        };
        return std::make_unique<CampaignRunner>(m_journal.get(), dispatch, exolvePoller(m_client.get()), o);
    }

    static CampaignRunner::Outcome runToEnd(CampaignRunner *r, int timeoutMs = 30000)
    {
        QSignalSpy finished(r, &CampaignRunner::finished);
        r->start();
        if (!finished.wait(timeoutMs))
            qFatal("the campaign did not finish");
        return finished.first().first().value<CampaignRunner::Outcome>();
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { m_dir = std::make_unique<QTemporaryDir>(); }
    void cleanup()
    {
        m_journal.reset();
        m_client.reset();
        m_transport.reset();
        m_server.reset();
    }

    // Never more requests in flight than asked, and the concurrency is used.
    void concurrency()
    {
        startServer();
        FaultRule slow;
        slow.endpoint = QStringLiteral("call/v1/MakeVoiceMessage");
        slow.fault.kind = Fault::Kind::Delay;
        slow.fault.delayMs = 150;
        m_server->addFault(slow);
        QStringList numbers;
        for (int i = 0; i < 12; ++i)
            numbers << QStringLiteral("7900555%1").arg(1010 + i * 10);
        makeJournal(numbers);
        RunnerOptions o;
        o.rate = 1000;
        o.concurrency = 3;
        o.waitForCalls = false;
        auto r = runner(o);
        int inFlight = 0;
        int most = 0;
        QString stateAtFirstRequest;
        connect(r.get(), &CampaignRunner::rowDispatched, this, [&] {
            if (stateAtFirstRequest.isNull())
                stateAtFirstRequest = m_journal->meta(QStringLiteral("state"));
            most = std::max(most, ++inFlight);
        });
        connect(r.get(), &CampaignRunner::rowPlaced, this, [&] { --inFlight; });
        QCOMPARE(runToEnd(r.get()), CampaignRunner::Outcome::Finished);
        // The preview became a started campaign before its first request. It is not finished: its calls
        // were not followed to their end (waitForCalls is off), so a resume follows them.
        QCOMPARE(stateAtFirstRequest, QStringLiteral("started"));
        QCOMPARE(m_journal->meta(QStringLiteral("state")), QStringLiteral("started"));
        QCOMPARE(most, 3);
        QCOMPARE(m_server->callsPlaced(), 12);
    }

    // Issue 23.3: when the last rows all end unknown, everything was dispatched: the campaign ends (with
    // unknown rows) instead of stopping "for a resume" that would have nothing to do. With rows left,
    // five unknown outcomes in a row still stop it.
    void unknownStreakStopsOnlyWhileRowsRemain_data()
    {
        QTest::addColumn<int>("rows");
        QTest::addColumn<CampaignRunner::Outcome>("outcome");
        QTest::addColumn<int>("placed");
        QTest::newRow("the last five") << 5 << CampaignRunner::Outcome::Finished << 5;
        QTest::newRow("three of them") << 3 << CampaignRunner::Outcome::Finished << 3;
        QTest::newRow("rows remain") << 8 << CampaignRunner::Outcome::NetworkStopped << 5;
    }
    void unknownStreakStopsOnlyWhileRowsRemain()
    {
        QFETCH(int, rows);
        QFETCH(CampaignRunner::Outcome, outcome);
        QFETCH(int, placed);
        startServer();
        FaultRule lost;
        lost.endpoint = QStringLiteral("call/v1/MakeVoiceMessage");
        lost.fault.kind = Fault::Kind::PlaceThen500;
        m_server->addFault(lost);
        QStringList numbers;
        for (int i = 0; i < rows; ++i)
            numbers << QStringLiteral("7900555%1").arg(2010 + i * 10);
        makeJournal(numbers);
        RunnerOptions o;
        o.rate = 1000;
        o.concurrency = 1;
        o.waitForCalls = false;
        auto r = runner(o);
        QCOMPARE(runToEnd(r.get()), outcome);
        QCOMPARE(m_server->callsPlaced(), placed);
        QCOMPARE(m_journal->counts().unknown, placed);
    }

    // The rate spaces the calls: 6 calls at 5 per second take at least a second from first to last.
    void rate()
    {
        startServer();
        makeJournal({QStringLiteral("79005551015"), QStringLiteral("79005551025"), QStringLiteral("79005551035"),
                     QStringLiteral("79005551045"), QStringLiteral("79005551055"), QStringLiteral("79005551065")});
        RunnerOptions o;
        o.rate = 5;
        o.waitForCalls = false;
        auto r = runner(o);
        QElapsedTimer clock;
        qint64 first = -1, last = -1;
        connect(r.get(), &CampaignRunner::rowDispatched, this, [&] {
            if (first < 0)
                first = clock.elapsed();
            last = clock.elapsed();
        });
        clock.start();
        QCOMPARE(runToEnd(r.get()), CampaignRunner::Outcome::Finished);
        QVERIFY2(last - first >= 950, qPrintable(QString::number(last - first)));
    }

    // 429 with Retry-After pauses the whole campaign for that long; nothing is placed twice.
    void tooManyRequests()
    {
        SandboxOptions so;
        so.rateLimit = 2;
        startServer(so);
        QStringList numbers;
        for (int i = 0; i < 6; ++i)
            numbers << QStringLiteral("7900555%1").arg(2010 + i * 10);
        makeJournal(numbers);
        RunnerOptions o;
        o.rate = 100;
        o.waitForCalls = false;
        auto r = runner(o);
        QSignalSpy limited(r.get(), &CampaignRunner::rateLimited);
        QCOMPARE(runToEnd(r.get()), CampaignRunner::Outcome::Finished);
        QVERIFY(limited.count() > 0);
        QCOMPARE(limited.first().first().toLongLong(), 1000); // Retry-After: 1
        for (const QString &n : numbers)
            QCOMPARE(m_server->callsTo().value(n), 1);
        QCOMPARE(m_journal->counts().placed, 6);
    }

    // Busy and unanswered numbers are called again, at most N more times; completed ones never.
    void redial()
    {
        startServer();
        makeJournal({QStringLiteral("79005553000"), QStringLiteral("79005553001"), QStringLiteral("79005553015")});
        RunnerOptions o;
        o.rate = 100;
        o.redial = 2;
        o.redialGapMs = 50;
        auto r = runner(o);
        QCOMPARE(runToEnd(r.get()), CampaignRunner::Outcome::Finished);
        QCOMPARE(m_server->callsTo().value(QStringLiteral("79005553000")), 3); // busy
        QCOMPARE(m_server->callsTo().value(QStringLiteral("79005553001")), 3); // no_answer
        QCOMPARE(m_server->callsTo().value(QStringLiteral("79005553015")), 1); // completed
        // Every call followed to its end: the campaign is finished.
        QCOMPARE(m_journal->meta(QStringLiteral("state")), QStringLiteral("finished"));
        QCOMPARE(m_journal->row(1)->attempts, 3);
        const CampaignCounts c = m_journal->counts();
        QCOMPARE(c.completed, 1);
        QCOMPARE(c.notDelivered, 2);
        QCOMPARE(c.notDeliveredByStatus.value(QStringLiteral("busy")), 1);
    }

    // Busy and unanswered each with their own count and gap.
    void redialPerOutcome()
    {
        startServer();
        makeJournal({QStringLiteral("79005553100"), QStringLiteral("79005553101")});
        RunnerOptions o;
        o.rate = 100;
        o.redialBusy = 3;
        o.redialBusyGapMs = 30;
        o.redialNoAnswer = 1;
        o.redialNoAnswerGapMs = 60;
        auto r = runner(o);
        QCOMPARE(runToEnd(r.get()), CampaignRunner::Outcome::Finished);
        QCOMPARE(m_server->callsTo().value(QStringLiteral("79005553100")), 4); // busy: three more
        QCOMPARE(m_server->callsTo().value(QStringLiteral("79005553101")), 2); // no_answer: one more
        // One export row per call: each attempt with its call id and its own final status.
        QBuffer csv;
        QVERIFY(csv.open(QIODevice::ReadWrite));
        QVERIFY(m_journal->exportAttemptsCsv(&csv));
        const QList<QByteArray> lines = csv.data().split('\n');
        QCOMPARE(lines.value(0).trimmed(), QByteArray("line,number,attempt,placed_at,call_id,final_status,duration_s"));
        QCOMPARE(csv.data().count("'+79005553100,"), 4);
        QCOMPARE(csv.data().count("'+79005553101,"), 2);
        QVERIFY(lines.value(1).startsWith("1,'+79005553100,1,"));
        QVERIFY(lines.value(4).startsWith("1,'+79005553100,4,"));
        QVERIFY2(lines.value(4).contains(",busy,"), lines.value(4).constData());
        QVERIFY2(lines.value(6).contains(",no_answer,"), lines.value(6).constData());
    }

    // A wrong key: the campaign stops before any call, every row still waits.
    void refusedAsAWhole()
    {
        startServer();
        m_client->setApiKey(QStringLiteral("wrong-key"));
        makeJournal({QStringLiteral("79005554015"), QStringLiteral("79005554025")});
        auto r = runner({});
        QCOMPARE(runToEnd(r.get()), CampaignRunner::Outcome::Refused);
        QCOMPARE(r->lastError().httpStatus, 401);
        QCOMPARE(m_server->callsPlaced(), 0);
        QCOMPARE(m_journal->counts().waiting, 2);
    }

    // Nothing listening: the request never reached a server, so the row waits for a resume.
    void networkDown()
    {
        startServer();
        m_client->setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:1")));
        makeJournal({QStringLiteral("79005555015")});
        auto r = runner({});
        QCOMPARE(runToEnd(r.get()), CampaignRunner::Outcome::NetworkStopped);
        QCOMPARE(m_journal->counts().waiting, 1);
        QCOMPARE(m_journal->row(1)->attempts, 0);
    }

    // The window is closed in the row's zone: no request at all, and the time it opens is announced.
    void windowClosed()
    {
        startServer();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QString window = now.addSecs(3 * 3600).toString(QStringLiteral("HH:00")) + u'-' +
                               now.addSecs(4 * 3600).toString(QStringLiteral("HH:00"));
        makeJournal({QStringLiteral("79005556015")});
        RunnerOptions o;
        o.window = *SendingWindow::parse(window);
        o.defaultZone = QTimeZone::utc();
        o.waitForCalls = false;
        auto r = runner(o);
        QSignalSpy waiting(r.get(), &CampaignRunner::waiting);
        QCOMPARE(runToEnd(r.get()), CampaignRunner::Outcome::Finished);
        QCOMPARE(m_server->requestCount(QStringLiteral("call/v1/MakeVoiceMessage")), 0);
        QCOMPARE(waiting.count(), 1);
        QCOMPARE(waiting.first().at(0).toDateTime(), o.window.nextOpening(now, QTimeZone::utc()).addSecs(0));
        QCOMPARE(waiting.first().at(1).toLongLong(), 1);
    }

    // Rows of a zone whose window is closed are neither called nor rewritten while they wait (a million of
    // them used to cost a synchronous write each before the run answered); rows of an open zone go.
    void closedZonesWaitUntouched()
    {
        startServer();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QString window = now.addSecs(3 * 3600).toString(QStringLiteral("HH:00")) + u'-' +
                               now.addSecs(4 * 3600).toString(QStringLiteral("HH:00"));
        m_journal = std::make_unique<CampaignJournal>();
        QVERIFY(m_journal->create(m_dir->filePath(QStringLiteral("zones.journal")), {}));
        QBuffer in;
        in.setData("phone,tz\n79005556101,\n79005556102,UTC+03:00\n79005556103,\n79005556104,UTC+03:00\n79005556105,\n");
        in.open(QIODevice::ReadOnly);
        QVERIFY(CampaignPlanner::plan(&in, {}, m_journal.get()));
        RunnerOptions o;
        o.window = *SendingWindow::parse(window);
        o.defaultZone = QTimeZone::utc(); // closed there; three hours ahead it is open
        o.waitForCalls = false;
        auto r = runner(o);
        QSignalSpy waiting(r.get(), &CampaignRunner::waiting);
        QCOMPARE(runToEnd(r.get()), CampaignRunner::Outcome::Finished);
        QCOMPARE(m_server->requestCount(QStringLiteral("call/v1/MakeVoiceMessage")), 2);
        for (qint64 line : {3, 5})
            QCOMPARE(m_journal->row(line)->state, RowState::Placed);
        for (qint64 line : {2, 4, 6}) {
            const auto row = m_journal->row(line);
            QCOMPARE(row->state, RowState::Pending);
            QCOMPARE(row->notBeforeMs, 0); // never written
            QCOMPARE(row->attempts, 0);
        }
        QCOMPARE(waiting.count(), 1);
        QCOMPARE(waiting.first().at(0).toDateTime(), o.window.nextOpening(now, QTimeZone::utc()));
        QCOMPARE(waiting.first().at(1).toLongLong(), 3);
    }

    // Calls go to the history tagged with the campaign, final status included.
    void historyTag()
    {
        startServer();
        makeJournal({QStringLiteral("79005557015"), QStringLiteral("79005557000")});
        CallHistory history;
        QVERIFY(history.open(m_dir->filePath(QStringLiteral("history.sqlite"))));
        auto r = runner({});
        CallRecord base;
        base.profileId = QStringLiteral("sandbox");
        base.source = QStringLiteral("74951234567");
        r->setHistory(&history, QStringLiteral("reminders"), base);
        QCOMPARE(runToEnd(r.get()), CampaignRunner::Outcome::Finished);
        CallFilter f;
        f.campaign = QStringLiteral("reminders");
        const QList<CallRecord> calls = history.search(f);
        QCOMPARE(calls.size(), 2);
        QStringList statuses;
        for (const CallRecord &c : calls) {
            QVERIFY(c.final);
            statuses << c.status;
        }
        statuses.sort();
        QCOMPARE(statuses, (QStringList{QStringLiteral("busy"), QStringLiteral("completed")}));
        QCOMPARE(history.campaigns(), QStringList{QStringLiteral("reminders")});
    }

    // integrationapi.net: Voice/Send per row, Voice/State to the end; "listened" is delivered.
    void legacy()
    {
        startServer();
        LegacyClient legacy(m_transport.get());
        legacy.setBaseUrl(QUrl(m_server->baseUrl() + QStringLiteral("/rest/")));
        legacy.setCredentials(QStringLiteral("sandbox"), QStringLiteral("sandbox-password"));
        legacy.setMinIntervalMs(0);
        makeJournal({QStringLiteral("79005558015"), QStringLiteral("79005558013")});
        RunnerOptions o;
        o.rate = 100;
        o.monitor = kFastMonitor;
        auto dispatch = [&legacy](const CampaignRow &row, QObject *context, std::function<void(const Result<QString> &)> done) {
            LegacySendRequest request;
            request.source = QStringLiteral("74951234567");
            request.destination = row.number;
            request.fileId = 42;
            legacy.send(request, context, [done](const Result<quint64> &r) {
                if (r)
                    done(QString::number(r.value()));
                else
                    done(r.error());
            });
        };
        CampaignRunner r(m_journal.get(), dispatch, legacyPoller(&legacy, [](CallInfo &i) { i.timeout = 3600; }), o);
        r.setDeliveredTest([](const QString &s) { return LegacyState::fromStatusName(s) == 2; });
        QCOMPARE(runToEnd(&r), CampaignRunner::Outcome::Finished);
        QCOMPARE(m_server->legacy().sentTo().value(QStringLiteral("79005558015")), 1);
        QCOMPARE(m_server->legacy().sentTo().value(QStringLiteral("79005558013")), 1);
        const CampaignCounts c = m_journal->counts();
        QCOMPARE(c.completed, 1);
        QCOMPARE(c.notDeliveredByStatus.value(QStringLiteral("not_listened")), 1);
    }
};

QTEST_GUILESS_MAIN(TestCampaignRunner)
#include "tst_campaignrunner.moc"
