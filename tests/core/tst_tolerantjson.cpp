#include "legacy/legacyclient.h"
#include "legacy/legacycodec.h"
#include "legacy/tolerantjson.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

using namespace vc;

class TestTolerantJson : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void documentedAnswersAreRead()
    {
        QCOMPARE(json::parseTolerant("{'messageId': 126399}")->toObject().value(QStringLiteral("messageId")).toInteger(), 126399);
        const QJsonObject state = json::parseTolerant("{'state': 1, 'desc': 'Отправлено'}")->toObject();
        QCOMPARE(state.value(QStringLiteral("state")).toInt(), 1);
        QCOMPARE(state.value(QStringLiteral("desc")).toString(), QStringLiteral("Отправлено"));
        const QJsonObject error = json::parseTolerant("{ Code: 4, Desc: \"SessionID expired\" }")->toObject();
        QCOMPARE(error.value(QStringLiteral("Code")).toInt(), 4);
        QCOMPARE(error.value(QStringLiteral("Desc")).toString(), QStringLiteral("SessionID expired"));
        QCOMPARE(json::parseTolerant("\"Z5CYSZEKDL1DPICU37WEHQVOYKP0T1GSLHX1\"")->toString(), QStringLiteral("Z5CYSZEKDL1DPICU37WEHQVOYKP0T1GSLHX1"));
        QCOMPARE(json::parseTolerant("20015.3")->toDouble(), 20015.3);
        QCOMPARE(json::parseTolerant(" \r\n 42 \n")->toInteger(), 42);
    }

    void realJsonStillWorks()
    {
        const QJsonObject o = json::parseTolerant(R"({"a": [1, 2.5, true, false, null, "x"], "b": {"c": "d"}})")->toObject();
        QCOMPARE(o.value(QStringLiteral("a")).toArray().size(), 6);
        QVERIFY(o.value(QStringLiteral("a")).toArray().at(4).isNull());
        QCOMPARE(o.value(QStringLiteral("b")).toObject().value(QStringLiteral("c")).toString(), QStringLiteral("d"));
    }

    void quotesInsideValues()
    {
        const QJsonObject o = json::parseTolerant(R"({'desc': 'It\'s "sent"', "other": "a 'b' c", 'slash': 'a\\b', 'u': '\u0416'})")->toObject();
        QCOMPARE(o.value(QStringLiteral("desc")).toString(), QStringLiteral("It's \"sent\""));
        QCOMPARE(o.value(QStringLiteral("other")).toString(), QStringLiteral("a 'b' c"));
        QCOMPARE(o.value(QStringLiteral("slash")).toString(), QStringLiteral("a\\b"));
        QCOMPARE(o.value(QStringLiteral("u")).toString(), QStringLiteral("Ж"));
    }

    void largeIdsKeepEveryDigit()
    {
        const QJsonValue v = json::parseTolerant("{'messageId': 18446744073709551615}")->toObject().value(QStringLiteral("messageId"));
        QCOMPARE(v.toString(), QStringLiteral("18446744073709551615"));
    }

    void malformedInputIsRejected_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("html") << QByteArray("<html>502</html>");
        QTest::newRow("unterminated string") << QByteArray("{'a': 'b}");
        QTest::newRow("missing colon") << QByteArray("{'a' 1}");
        QTest::newRow("trailing junk") << QByteArray("{'a': 1} x");
        QTest::newRow("unclosed object") << QByteArray("{'a': 1");
        QTest::newRow("unknown word") << QByteArray("{a: yes}");
        QTest::newRow("deep nesting") << QByteArray(200, '[');
        QTest::newRow("bad escape") << QByteArray("'\\u12'");
    }
    void malformedInputIsRejected()
    {
        QFETCH(QByteArray, text);
        QString why;
        QVERIFY(!json::parseTolerant(text, &why));
        QVERIFY(!why.isEmpty());
    }

    void sendDateIsUtcPlus3_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QDateTime>("local");
        QTest::addColumn<QString>("expected");
        const auto at = [](const char *zone, int y, int mo, int d, int h, int mi) {
            return QDateTime(QDate(y, mo, d), QTime(h, mi), QTimeZone(zone));
        };
        QTest::newRow("UTC") << "UTC" << at("UTC", 2026, 12, 1, 13, 0) << "2026-12-01T16:00:00";
        QTest::newRow("Moscow") << "Europe/Moscow" << at("Europe/Moscow", 2026, 12, 1, 16, 0) << "2026-12-01T16:00:00";
        QTest::newRow("Kaliningrad") << "Europe/Kaliningrad" << at("Europe/Kaliningrad", 2026, 12, 1, 15, 0) << "2026-12-01T16:00:00";
        QTest::newRow("Vladivostok") << "Asia/Vladivostok" << at("Asia/Vladivostok", 2026, 12, 1, 23, 0) << "2026-12-01T16:00:00";
        QTest::newRow("UTC across midnight") << "UTC" << at("UTC", 2026, 12, 31, 22, 30) << "2027-01-01T01:30:00";
        QTest::newRow("Vladivostok across midnight backwards") << "Asia/Vladivostok" << at("Asia/Vladivostok", 2026, 12, 2, 5, 15)
                                                               << "2026-12-01T22:15:00";
        QTest::newRow("Kaliningrad across midnight") << "Europe/Kaliningrad" << at("Europe/Kaliningrad", 2026, 12, 1, 23, 45)
                                                     << "2026-12-02T00:45:00";
    }
    void sendDateIsUtcPlus3()
    {
        QFETCH(QDateTime, local);
        QFETCH(QString, expected);
        QVERIFY(local.isValid());
        QCOMPARE(legacycodec::encodeSendDate(local), expected);
    }
};

QTEST_GUILESS_MAIN(TestTolerantJson)
#include "tst_tolerantjson.moc"
