#include "common/timeformats.h"

#include <QTest>

using namespace vc;

class TestTimeFormats : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rfc3339Parses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("expected");
        const QDateTime base(QDate(2022, 12, 22), QTime(11, 19, 36, 567), Qt::UTC);
        QTest::newRow("doc sample") << QStringLiteral("2022-12-22T11:19:36.567Z") << base;
        QTest::newRow("no fraction") << QStringLiteral("2022-12-22T11:19:36Z") << base.addMSecs(-567);
        QTest::newRow("offset") << QStringLiteral("2022-12-22T14:19:36.567+03:00") << base;
        QTest::newRow("nanoseconds") << QStringLiteral("2022-12-22T11:19:36.567891234Z") << base;
        QTest::newRow("lower z") << QStringLiteral("2022-12-22t11:19:36.567z") << base;
    }
    void rfc3339Parses()
    {
        QFETCH(QString, text);
        QFETCH(QDateTime, expected);
        const auto parsed = time::parseRfc3339(text);
        QVERIFY(parsed);
        QCOMPARE(*parsed, expected);
        QCOMPARE(parsed->timeSpec(), Qt::UTC);
    }

    void rfc3339RejectsOtherShapes()
    {
        QVERIFY(!time::parseRfc3339(QStringLiteral("2022-12-22")));
        QCOMPARE(*time::parseRfc3339(QStringLiteral("2022-12-22T11:19:36")), QDateTime(QDate(2022, 12, 22), QTime(11, 19, 36), Qt::UTC));
        QVERIFY(!time::parseRfc3339(QStringLiteral("Wed, 29 Mar 2023 10:32:45 +0000")));
        QVERIFY(!time::parseRfc3339(QStringLiteral("2022-13-40T11:19:36Z")));
        QVERIFY(!time::parseRfc3339(QString()));
    }

    void rfc2822Parses()
    {
        const auto parsed = time::parseRfc2822(QStringLiteral("Wed, 29 Mar 2023 10:32:45 +0000"));
        QVERIFY(parsed);
        QCOMPARE(*parsed, QDateTime(QDate(2023, 3, 29), QTime(10, 32, 45), Qt::UTC));
        const auto offset = time::parseRfc2822(QStringLiteral("Wed, 29 Mar 2023 13:32:45 +0300"));
        QVERIFY(offset);
        QCOMPARE(*offset, *parsed);
    }

    // Issue 23.4: the zone names RFC 2822 allows (obs-zone), as HTTP dates and older servers write them.
    void rfc2822ReadsZoneNames_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("utc");
        const QDateTime base(QDate(2026, 12, 6), QTime(1, 7, 31), Qt::UTC);
        QTest::newRow("GMT") << QStringLiteral("Sun, 06 Dec 2026 01:07:31 GMT") << base;
        QTest::newRow("UT") << QStringLiteral("Sun, 06 Dec 2026 01:07:31 UT") << base;
        QTest::newRow("UTC") << QStringLiteral("Sun, 06 Dec 2026 01:07:31 UTC") << base;
        QTest::newRow("Z") << QStringLiteral("Sun, 06 Dec 2026 01:07:31 Z") << base;
        QTest::newRow("gmt lower case") << QStringLiteral("Sun, 06 Dec 2026 01:07:31 gmt") << base;
        QTest::newRow("EST") << QStringLiteral("Sat, 05 Dec 2026 20:07:31 EST") << base;
        QTest::newRow("EDT") << QStringLiteral("Sat, 05 Dec 2026 21:07:31 EDT") << base;
        QTest::newRow("CST") << QStringLiteral("Sat, 05 Dec 2026 19:07:31 CST") << base;
        QTest::newRow("MDT") << QStringLiteral("Sat, 05 Dec 2026 19:07:31 MDT") << base;
        QTest::newRow("PST") << QStringLiteral("Sat, 05 Dec 2026 17:07:31 PST") << base;
        QTest::newRow("military letter") << QStringLiteral("Sun, 06 Dec 2026 01:07:31 A") << base; // RFC 2822: as -0000
        QTest::newRow("no weekday") << QStringLiteral("06 Dec 2026 01:07:31 GMT") << base;
    }
    void rfc2822ReadsZoneNames()
    {
        QFETCH(QString, text);
        QFETCH(QDateTime, utc);
        const auto parsed = time::parseRfc2822(text);
        QVERIFY2(parsed, qPrintable(text));
        QCOMPARE(*parsed, utc);
        QCOMPARE(*time::parseAny(text), utc);
    }

    void rfc2822RejectsJunk()
    {
        QVERIFY(!time::parseRfc2822(QStringLiteral("2023-03-29T10:32:45Z")));
        QVERIFY(!time::parseRfc2822(QStringLiteral("yesterday")));
        QVERIFY(!time::parseRfc2822(QString()));
        QVERIFY(!time::parseRfc2822(QStringLiteral("Sun, 06 Dec 2026 01:07:31 MSK"))); // not a name RFC 2822 knows
        QVERIFY(!time::parseRfc2822(QStringLiteral("Sun, 06 Dec 2026 01:07:31 J")));
        QVERIFY(!time::parseRfc2822(QStringLiteral("GMT")));
    }

    void writersRoundTrip()
    {
        const QDateTime dt(QDate(2023, 3, 29), QTime(10, 32, 45), Qt::UTC);
        QCOMPARE(time::toRfc2822(dt), QStringLiteral("Wed, 29 Mar 2023 10:32:45 +0000"));
        QCOMPARE(*time::parseRfc2822(time::toRfc2822(dt)), dt);
        QCOMPARE(*time::parseRfc3339(time::toRfc3339(dt.addMSecs(5))), dt.addMSecs(5));
    }
};

QTEST_GUILESS_MAIN(TestTimeFormats)
#include "tst_timeformats.moc"
