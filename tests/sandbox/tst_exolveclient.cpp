// Every Exolve method and every documented error, against the real sandbox on a loopback port.
#include "sandboxseeds.h"
#include "exolve/exolveclient.h"
#include "sandboxserver.h"
#include "support/await.h"

#include <QTest>

using namespace vc;
using namespace vc::sandbox;
using vc::test::await;

namespace {
const QString kServiceId = QString::fromLatin1(vc::sandbox::seeds::kReminderServiceId);
}

class TestExolveClient : public QObject
{
    Q_OBJECT
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<HttpTransport> m_transport;
    std::unique_ptr<ExolveClient> m_client;

    template <typename T>
    Result<T> run(const std::function<void(Callback<T>)> &start)
    {
        auto r = await<T>(start);
        if (!r)
            qFatal("no answer in time");
        return *r;
    }

private Q_SLOTS:
    void init()
    {
        SandboxOptions options;
        options.apiKey = QStringLiteral("test-key-0123456789");
        options.callSpeed = 20;
        m_server = std::make_unique<SandboxServer>(options);
        QVERIFY(m_server->start(0));
        m_transport = std::make_unique<HttpTransport>();
        TransportOptions t;
        t.backoffInitialMs = 50;
        t.backoffMaxMs = 200;
        m_transport->setOptions(t);
        m_client = std::make_unique<ExolveClient>(m_transport.get());
        m_client->setBaseUrl(QUrl(m_server->baseUrl()));
        m_client->setApiKey(options.apiKey);
    }

    // statistics/call-history/v1/GetList: both shapes of the answer, both kinds of id (a uint64 above 2^63
    // keeps every digit), paging over several pages until a short one, and a 429 in the middle of it that is
    // waited out (Retry-After) without losing or repeating a page.
    void callHistoryPagesInBothShapes_data()
    {
        QTest::addColumn<QString>("shape");
        QTest::addColumn<bool>("numeric");
        QTest::newRow("calls, voice ids") << QStringLiteral("calls") << false;
        QTest::newRow("call_history, numeric ids") << QStringLiteral("call_history") << true;
    }
    void callHistoryPagesInBothShapes()
    {
        QFETCH(QString, shape);
        QFETCH(bool, numeric);
        SandboxOptions options;
        options.apiKey = QStringLiteral("history-key");
        options.historyShape = shape;
        options.historyNumericIds = numeric;
        m_server = std::make_unique<SandboxServer>(options);
        QVERIFY(m_server->start(0));
        m_client->setBaseUrl(QUrl(m_server->baseUrl()));
        m_client->setApiKey(options.apiKey);
        QStringList ids;
        for (int i = 0; i < 250; ++i)
            ids << m_server->state().placeCall(QStringLiteral("74951234567"), QStringLiteral("79001234567"), kServiceId);
        m_server->state().placeCall(QStringLiteral("74951234567"), QStringLiteral("79007654321"), kServiceId); // another number
        FaultRule tooFast;
        tooFast.endpoint = QStringLiteral("statistics/call-history/v1/GetList");
        tooFast.after = 1; // the second page
        tooFast.remaining = 1;
        tooFast.fault.status = 429;
        tooFast.fault.retryAfterSec = 1;
        m_server->addFault(tooFast);
        CallHistoryQuery q;
        q.sipId = QStringLiteral("79001234567");
        q.from = QDateTime::currentDateTimeUtc().addSecs(-60);
        q.to = QDateTime::currentDateTimeUtc().addSecs(60);
        q.limit = 100;
        const auto r = run<QList<CallHistoryEntry>>([&](auto done) { m_client->callHistory(q, this, done); });
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toDisplayString()));
        QCOMPARE(r.value().size(), 250);
        QCOMPARE(m_server->requestCount(QStringLiteral("statistics/call-history/v1/GetList")), 4); // 3 pages and the 429
        for (int i = 0; i < 250; ++i) {
            const CallHistoryEntry &e = r.value().at(i);
            QCOMPARE(e.numericId, numeric);
            QCOMPARE(e.callId, numeric ? QString::number(SandboxState::historyId(quint64(i + 1))) : ids.at(i));
            QVERIFY(e.duration.has_value());
            // The fields the documents do not name are kept as the server wrote them.
            QVERIFY2(e.extra.contains(QStringLiteral("\"number_b\":\"79001234567\"")), qPrintable(e.extra));
        }
        if (numeric)
            QCOMPARE(r.value().constFirst().callId, QStringLiteral("18000000000000000001"));
        // A period with no call: an empty list (protobuf leaves the list out).
        q.from = QDateTime::currentDateTimeUtc().addDays(-2);
        q.to = QDateTime::currentDateTimeUtc().addDays(-1);
        const auto none = run<QList<CallHistoryEntry>>([&](auto done) { m_client->callHistory(q, this, done); });
        QVERIFY(none.ok());
        QVERIFY(none.value().isEmpty());
        // Invalid input goes nowhere.
        q.sipId.clear();
        const auto refused = run<QList<CallHistoryEntry>>([&](auto done) { m_client->callHistory(q, this, done); });
        QCOMPARE(refused.error().kind, ApiError::Kind::Validation);
    }

    void listsSeededServices()
    {
        const auto r = run<QList<VoiceService>>([&](auto done) { m_client->listServices(this, done); });
        QVERIFY(r.ok());
        QCOMPARE(r.value().size(), 4);
        QCOMPARE(r.value().constFirst().name, QStringLiteral("Напоминание о записи к врачу"));
        QVERIFY(r.value().constFirst().createdAt.isValid());
    }

    void createShowDeleteRoundTrip()
    {
        const NewVoiceService service{QStringLiteral("Round trip"), Q_UINT64_C(18446744073709551615), 7,
                                      QStringLiteral("+7 926 999-99-99")};
        const auto created = run<QString>([&](auto done) { m_client->createService(service, this, done); });
        QVERIFY(created.ok());
        const auto info = run<VoiceServiceDetails>([&](auto done) { m_client->serviceInfo(created.value(), this, done); });
        QVERIFY(info.ok());
        QCOMPARE(info.value().name, QStringLiteral("Round trip"));
        QCOMPARE(info.value().mediaId, Q_UINT64_C(18446744073709551615)); // sent back as a bare number
        QCOMPARE(info.value().digit, 7u);
        QCOMPARE(info.value().redirectNumber, QStringLiteral("79269999999"));
        const auto list = run<QList<VoiceService>>([&](auto done) { m_client->listServices(this, done); });
        QCOMPARE(list.value().size(), 5);
        const auto deleted = run<Empty>([&](auto done) { m_client->deleteService(created.value(), this, done); });
        QVERIFY(deleted.ok());
        const auto gone = run<VoiceServiceDetails>([&](auto done) { m_client->serviceInfo(created.value(), this, done); });
        QVERIFY(!gone.ok());
        QCOMPARE(gone.error().httpStatus, 404);
    }

    void invalidFieldsSendNothing()
    {
        const NewVoiceService bad{QStringLiteral("x"), 1967, 3, QStringLiteral("12345678")};
        const auto r = run<QString>([&](auto done) { m_client->createService(bad, this, done); });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ApiError::Kind::Validation);
        QCOMPARE(r.error().field, QStringLiteral("redirect_number"));
        const auto call = run<QString>([&](auto done) {
            m_client->makeVoiceMessage({QStringLiteral("123"), QStringLiteral("79261234567"), kServiceId}, this, done);
        });
        QCOMPARE(call.error().kind, ApiError::Kind::Validation);
        QCOMPARE(call.error().field, QStringLiteral("source"));
        QCOMPARE(m_server->requestCount(QStringLiteral("voice-message/v1/Create")), 0);
        QCOMPARE(m_server->requestCount(QStringLiteral("call/v1/MakeVoiceMessage")), 0);
    }

    void callProgressesToCompleted()
    {
        const auto placed = run<QString>([&](auto done) {
            m_client->makeVoiceMessage({QStringLiteral("+7 495 999-99-99"), QStringLiteral("8 926 123 45 67"), kServiceId},
                                       this, done);
        });
        QVERIFY(placed.ok());
        QVERIFY(placed.value().startsWith(QStringLiteral("cal")));
        QCOMPARE(m_server->callsPlaced(), 1);
        QStringList seen;
        CallInfo last;
        QTRY_VERIFY_WITH_TIMEOUT(([&] {
            const auto info = run<CallInfo>([&](auto done) { m_client->callInfo(placed.value(), this, done); });
            if (!info.ok())
                return false;
            last = info.value();
            if (seen.isEmpty() || seen.constLast() != last.status)
                seen.append(last.status);
            return last.isFinal();
        }()), 10000);
        QCOMPARE(last.status, QStringLiteral("completed"));
        QCOMPARE(last.source, QStringLiteral("74959999999"));
        QCOMPARE(last.destination, QStringLiteral("79261234567"));
        QVERIFY(last.ended.isValid());
        QVERIFY(last.started.isValid());
        QCOMPARE(seen.constFirst(), QStringLiteral("ringing"));
    }

    void sipAttributesKeepLargeIds()
    {
        const auto r = run<SipAttributes>([&](auto done) { m_client->sipAttributes(Q_UINT64_C(9007199254740993), this, done); });
        QVERIFY(r.ok());
        QCOMPARE(r.value().sipResourceId, Q_UINT64_C(9007199254740993));
        QCOMPARE(r.value().password, QStringLiteral("S3cr3t!pbx"));
        QCOMPARE(r.value().installFee.value(), 1500.5);
        for (const RequestLogEntry &e : m_transport->log()->entries())
            QVERIFY(!e.responseBody.contains("S3cr3t!pbx"));
    }

    void documentedErrors_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("serverMessage");
        QTest::newRow("bad token on voice-message") << "badToken" << 400 << "failed to parse token";
        QTest::newRow("bad JWT claims") << "badClaims" << 401 << "error getting JWT Token claims";
        QTest::newRow("bad token on call") << "badTokenCall" << 401 << "malformed token";
        QTest::newRow("blocked account") << "blocked" << 403 << "Customer is not in correct status";
        QTest::newRow("account unreachable") << "unreachable" << 500 << "error getting customer status";
        QTest::newRow("media not found") << "noMedia" << 404 << "error getting media resource";
        QTest::newRow("scenario not found") << "noScenario" << 404 << "Scenario not found";
        QTest::newRow("delete unknown") << "deleteUnknown" << 404 << "error getting application";
        QTest::newRow("call unknown") << "callUnknown" << 404 << "Not Found";
        QTest::newRow("trial period") << "trial" << 400 << "the client can only call to his own confirmed number";
        QTest::newRow("call validation") << "callValidation" << 400 << "Validation error. Please enter valid parameter values.";
        QTest::newRow("sip not owned") << "sipNotOwned" << 500 << "ERROR: Application [d25b1d5a-6879-44a2-95fd-c9487bc4a1f4] does not own resource [77]";
    }
    void documentedErrors()
    {
        QFETCH(QString, what);
        QFETCH(int, status);
        QFETCH(QString, serverMessage);
        std::optional<Result<Empty>> r;
        const auto keep = [&r](const auto &result) {
            r.emplace(result.ok() ? Result<Empty>(Empty{}) : Result<Empty>(result.error()));
        };
        const auto wait = [&] { QTRY_VERIFY_WITH_TIMEOUT(r.has_value(), 15000); };
        const NewVoiceService svc{QStringLiteral("n"), 1967, 0, QStringLiteral("79269999999")};
        if (what == QLatin1String("badToken") || what == QLatin1String("badClaims") || what == QLatin1String("badTokenCall"))
            m_client->setApiKey(what == QLatin1String("badClaims") ? QStringLiteral("aaa.bbb.ccc") : QStringLiteral("nope-nope"));
        if (what == QLatin1String("blocked"))
            m_server->state().setAccount(SandboxState::Account::Blocked);
        if (what == QLatin1String("unreachable"))
            m_server->state().setAccount(SandboxState::Account::Unreachable);
        if (what == QLatin1String("trial"))
            m_server->state().setAccount(SandboxState::Account::Trial);

        if (what == QLatin1String("badTokenCall") || what == QLatin1String("trial"))
            m_client->makeVoiceMessage({QStringLiteral("74959999999"), QStringLiteral("79261234567"), kServiceId}, this, keep);
        else if (what == QLatin1String("callValidation"))
            m_client->makeVoiceMessage({QStringLiteral("74959999999"), QStringLiteral("79261234567"), QStringLiteral("no-such")}, this, keep);
        else if (what == QLatin1String("noMedia"))
            m_client->createService({QStringLiteral("n"), 31337, 0, QStringLiteral("79269999999")}, this, keep);
        else if (what == QLatin1String("noScenario"))
            m_client->serviceInfo(QStringLiteral("no-such-service"), this, keep);
        else if (what == QLatin1String("deleteUnknown"))
            m_client->deleteService(QStringLiteral("no-such-service"), this, keep);
        else if (what == QLatin1String("callUnknown"))
            m_client->callInfo(QStringLiteral("cal-unknown"), this, keep);
        else if (what == QLatin1String("sipNotOwned"))
            m_client->sipAttributes(77, this, keep);
        else
            m_client->createService(svc, this, keep);
        wait();
        QVERIFY(!r->ok());
        const ApiError &e = r->error();
        QCOMPARE(e.kind, ApiError::Kind::Http);
        QCOMPARE(e.httpStatus, status);
        QCOMPARE(e.serverMessage, serverMessage);
        QVERIFY(!e.explanation.isEmpty());
        QVERIFY(e.explanation != serverMessage);
        QCOMPARE(m_server->callsPlaced(), 0);
        QVERIFY(!e.outcomeUnknown || status >= 500);
    }

    void unknownPathIsAnExplained404()
    {
        m_client->setBaseUrl(QUrl(m_server->baseUrl() + QStringLiteral("/wrong-prefix")));
        const auto r = run<QList<VoiceService>>([&](auto done) { m_client->listServices(this, done); });
        QCOMPARE(r.error().kind, ApiError::Kind::Http);
        QCOMPARE(r.error().httpStatus, 404);
        QVERIFY(r.error().serverMessage.isEmpty());
        QVERIFY(r.error().explanation.contains(QStringLiteral("API address")));
    }

    void plainHttpOnlyToLoopback()
    {
        m_client->setBaseUrl(QUrl(QStringLiteral("http://api.exolve.ru")));
        const auto r = run<QList<VoiceService>>([&](auto done) { m_client->listServices(this, done); });
        QCOMPARE(r.error().kind, ApiError::Kind::Configuration);
        QVERIFY(HttpTransport::isAllowedUrl(QUrl(QStringLiteral("http://127.0.0.1:8080"))));
        QVERIFY(HttpTransport::isAllowedUrl(QUrl(QStringLiteral("http://[::1]:8080"))));
        QVERIFY(HttpTransport::isAllowedUrl(QUrl(QStringLiteral("http://localhost"))));
        QVERIFY(!HttpTransport::isAllowedUrl(QUrl(QStringLiteral("http://10.0.0.1"))));
        QVERIFY(!HttpTransport::isAllowedUrl(QUrl(QStringLiteral("ftp://127.0.0.1"))));
        QVERIFY(HttpTransport::isAllowedUrl(QUrl(QStringLiteral("https://api.exolve.ru"))));
    }

    void requestsCarryTheDocumentedHeaders()
    {
        const auto r = run<QList<VoiceService>>([&](auto done) { m_client->listServices(this, done); });
        QVERIFY(r.ok());
        const RequestLogEntry e = m_transport->log()->entries().constLast();
        QCOMPARE(e.verb, QByteArray("POST"));
        QCOMPARE(e.requestBody, QByteArray("{}"));
        bool sawAuth = false, sawAgent = false;
        for (const auto &[name, value] : e.requestHeaders) {
            if (name == "Authorization") {
                sawAuth = true;
                QCOMPARE(value, QByteArray("Bearer ***"));
            }
            if (name == "User-Agent")
                sawAgent = value.startsWith("VoiceConsole/");
        }
        QVERIFY(sawAuth);
        QVERIFY(sawAgent);
    }
};

QTEST_GUILESS_MAIN(TestExolveClient)
#include "tst_exolveclient.moc"
