#include "common/jsoncodec.h"

#include <QJsonObject>
#include <QTest>

using namespace vc;

class TestJsonCodec : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void uint64AcceptsStringAndNumber_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<quint64>("expected");
        QTest::newRow("zero string") << QByteArray(R"({"v":"0"})") << quint64(0);
        QTest::newRow("zero number") << QByteArray(R"({"v":0})") << quint64(0);
        QTest::newRow("2^53+1 string") << QByteArray(R"({"v":"9007199254740993"})") << Q_UINT64_C(9007199254740993);
        QTest::newRow("2^53+1 number") << QByteArray(R"({"v":9007199254740993})") << Q_UINT64_C(9007199254740993);
        QTest::newRow("2^64-1 string") << QByteArray(R"({"v":"18446744073709551615"})") << Q_UINT64_C(18446744073709551615);
        QTest::newRow("2^64-1 number") << QByteArray(R"({"v":18446744073709551615})") << Q_UINT64_C(18446744073709551615);
        QTest::newRow("2^63 number") << QByteArray(R"({"v":9223372036854775808})") << Q_UINT64_C(9223372036854775808);
        QTest::newRow("integral exponent, as protobuf accepts") << QByteArray(R"({"v":1e3})") << quint64(1000);
        QTest::newRow("doc sample") << QByteArray(R"({"v":1979})") << quint64(1979);
        QTest::newRow("nested in array") << QByteArray(R"({"a":[1,{"v":18446744073709551614}],"v":"5"})") << quint64(5);
    }
    void uint64AcceptsStringAndNumber()
    {
        QFETCH(QByteArray, json);
        QFETCH(quint64, expected);
        const auto doc = json::parse(json);
        QVERIFY(doc);
        const auto value = json::toUInt64(doc->object().value(QStringLiteral("v")));
        QVERIFY(value);
        QCOMPARE(*value, expected);
    }

    void uint64RejectsNegativesAndJunk_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("negative number") << QByteArray(R"({"v":-1})");
        QTest::newRow("negative string") << QByteArray(R"({"v":"-1"})");
        QTest::newRow("big negative") << QByteArray(R"({"v":-18446744073709551615})");
        QTest::newRow("2^64 string") << QByteArray(R"({"v":"18446744073709551616"})");
        QTest::newRow("2^64 number") << QByteArray(R"({"v":18446744073709551616})");
        QTest::newRow("fraction") << QByteArray(R"({"v":1.5})");
        QTest::newRow("fractional exponent") << QByteArray(R"({"v":15e-1})");
        QTest::newRow("junk string") << QByteArray(R"({"v":"12a"})");
        QTest::newRow("plus sign") << QByteArray(R"({"v":"+12"})");
        QTest::newRow("spaces") << QByteArray(R"({"v":" 12"})");
        QTest::newRow("empty string") << QByteArray(R"({"v":""})");
        QTest::newRow("bool") << QByteArray(R"({"v":true})");
        QTest::newRow("null") << QByteArray(R"({"v":null})");
        QTest::newRow("object") << QByteArray(R"({"v":{}})");
    }
    void uint64RejectsNegativesAndJunk()
    {
        QFETCH(QByteArray, json);
        const auto doc = json::parse(json);
        QVERIFY(doc);
        QVERIFY(!json::toUInt64(doc->object().value(QStringLiteral("v"))));
    }

    void quotingLeavesStringsAndSmallNumbersAlone()
    {
        const QByteArray raw = "{\"s\":\"12345678901234567890 \\\"9999999999999999\\\"\",\"n\":123,\"f\":1.25,\"big\":12345678901234567}";
        const QByteArray quoted = json::quoteLargeIntegers(raw);
        QCOMPARE(quoted, QByteArray("{\"s\":\"12345678901234567890 \\\"9999999999999999\\\"\",\"n\":123,\"f\":1.25,\"big\":\"12345678901234567\"}"));
        QCOMPARE(json::quoteLargeIntegers(QByteArray(R"({"a":1})")), QByteArray(R"({"a":1})"));
    }

    void parseRejectsNonJson()
    {
        QString why;
        QVERIFY(!json::parse("<html>", &why));
        QVERIFY(!why.isEmpty());
        QVERIFY(!json::parse(""));
        QVERIFY(!json::parse(R"({"a":)"));
    }

    void int32AcceptsNumberOrString()
    {
        QCOMPARE(json::toInt32(QJsonValue(9)).value(), 9);
        QCOMPARE(json::toInt32(QJsonValue(QStringLiteral("60"))).value(), 60);
        QCOMPARE(json::toInt32(QJsonValue(QStringLiteral("-5"))).value(), -5);
        QVERIFY(!json::toInt32(QJsonValue(2147483648.0)));
        QVERIFY(!json::toInt32(QJsonValue(QStringLiteral("x"))));
        QVERIFY(!json::toInt32(QJsonValue(1.5)));
    }

    void uint64WrittenAsString()
    {
        QCOMPARE(json::uint64ToString(Q_UINT64_C(18446744073709551615)), QStringLiteral("18446744073709551615"));
        QCOMPARE(json::uint64ToString(0), QStringLiteral("0"));
    }
};

QTEST_GUILESS_MAIN(TestJsonCodec)
#include "tst_jsoncodec.moc"
