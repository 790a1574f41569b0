#include "net/requestlog.h"

#include <QSignalSpy>
#include <QTest>

using namespace vc;

class TestRequestLog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void secretsAreRedactedEverywhere()
    {
        const QString key = QStringLiteral("eyJhbGciOiJSUzI1NiJ9.canary-key-7f3a.signature");
        RequestLog log;
        log.addSecret(key);
        QSignalSpy spy(&log, &RequestLog::entryAdded);
        RequestLogEntry e;
        e.verb = "POST";
        e.endpoint = QStringLiteral("sip/v1/GetAttributes");
        e.url = QStringLiteral("https://api.exolve.ru/sip/v1/GetAttributes?echo=") + key;
        e.requestHeaders = {{"Authorization", "Bearer " + key.toUtf8()}, {"Accept", "application/json"}};
        e.requestBody = R"({"sip_resource_id":"5202"})";
        e.responseBody = QByteArray("{\"attributes\":{\"login\":\"l\",\"password\":\"canary-sip-pass\"},\"note\":\"") +
                         key.toUtf8() + "\"}";
        log.record(e);
        QCOMPARE(spy.count(), 1);
        const RequestLogEntry stored = log.entries().constFirst();
        const QByteArray all = stored.url.toUtf8() + stored.requestHeaders.at(0).second + stored.requestBody + stored.responseBody;
        QVERIFY(!all.contains(key.toUtf8()));
        QVERIFY(!all.contains("canary-sip-pass"));
        QCOMPARE(stored.requestHeaders.at(0).second, QByteArray("Bearer ***"));
        QCOMPARE(stored.requestHeaders.at(1).second, QByteArray("application/json"));
        QVERIFY(stored.responseBody.contains(R"("login":"l")"));
    }

    void formBodiesAndQueriesAreRedacted()
    {
        QCOMPARE(RequestLog::redactBody("login=op&password=p%40ss&sessionId=ABC"), QByteArray("login=op&password=***&sessionId=***"));
        const QString url = RequestLog::redactUrl(QUrl(QStringLiteral("https://integrationapi.net/rest/User/SessionId?login=op&password=hunter2")));
        QVERIFY(!url.contains(QStringLiteral("hunter2")));
        QVERIFY(url.contains(QStringLiteral("login=op")));
    }

    void capacityDropsTheOldest()
    {
        RequestLog log;
        log.setCapacity(3);
        for (int i = 1; i <= 5; ++i) {
            RequestLogEntry e;
            e.attempt = i;
            log.record(e);
        }
        QCOMPARE(log.entries().size(), 3);
        QCOMPARE(log.entries().constFirst().attempt, 3);
    }
};

QTEST_GUILESS_MAIN(TestRequestLog)
#include "tst_requestlog.moc"
