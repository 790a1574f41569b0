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

    void rfc2822RejectsJunk()
    {
        QVERIFY(!time::parseRfc2822(QStringLiteral("2023-03-29T10:32:45Z")));
        QVERIFY(!time::parseRfc2822(QStringLiteral("yesterday")));
        QVERIFY(!time::parseRfc2822(QString()));
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
