#include "calls/callhistory.h"
#include "common/csv.h"
#include "exolve/exolvetypes.h"

#include <QBuffer>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace vc;

namespace {
CallRecord make(const QString &id, const QString &destination, const QString &status, const QDateTime &created)
{
    CallRecord r;
    r.callId = id;
    r.profileId = QStringLiteral("p1");
    r.source = QStringLiteral("74959999999");
    r.destination = destination;
    r.serviceId = QStringLiteral("svc");
    r.serviceName = QStringLiteral("Напоминание");
    r.status = status;
    r.created = created;
    r.final = status == QLatin1String("completed") || status == QLatin1String("busy");
    return r;
}
} // namespace

class TestCallHistory : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void survivesReopeningAndKeepsTheTimeline()
    {
        const QString path = m_dir.filePath(QStringLiteral("a.sqlite"));
        const QDateTime t(QDate(2026, 11, 30), QTime(10, 0), Qt::UTC);
        {
            CallHistory h;
            QVERIFY(h.open(path));
            CallRecord r = make(QStringLiteral("c1"), QStringLiteral("79261234567"), QStringLiteral("sent"), t);
            QVERIFY(h.save(r));
            r.status = QStringLiteral("ringing");
            QVERIFY(h.save(r));
            QVERIFY(h.save(r)); // same status: no new event
            r.status = QStringLiteral("completed");
            r.final = true;
            r.duration = 9;
            QVERIFY(h.save(r));
        }
        CallHistory h;
        QVERIFY(h.open(path));
        const auto r = h.find(QStringLiteral("c1"));
        QVERIFY(r);
        QCOMPARE(r->status, QStringLiteral("completed"));
        QCOMPARE(r->duration, 9);
        QCOMPARE(r->created, t);
        QCOMPARE(r->serviceName, QStringLiteral("Напоминание"));
        const auto events = h.timeline(QStringLiteral("c1"));
        QCOMPARE(events.size(), 3);
        QCOMPARE(events.at(0).status, QStringLiteral("sent"));
        QCOMPARE(events.at(2).status, QStringLiteral("completed"));
        QVERIFY(h.unfinished(QStringLiteral("p1")).isEmpty());
    }

    // A file that is not a database used to leave the history empty and every later call unrecorded,
    // with only a line on stderr.
    void damagedFileIsMovedAsideAndANewHistoryStarts()
    {
        const QString path = m_dir.filePath(QStringLiteral("damaged.sqlite"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(8192, 'Z')); // what a disk error or a stray copy leaves behind
        }
        CallHistory h;
        QVERIFY(h.open(path));
        QVERIFY(h.isOpen());
        QVERIFY(h.recoveredTo().startsWith(path + QStringLiteral(".corrupt-")));
        // The product's words, not SQLite's ("file is not a database", "Unable to fetch row").
        QVERIFY2(h.recoveryReason().contains(QStringLiteral("damaged")), qPrintable(h.recoveryReason()));
        QVERIFY(!h.recoveryReason().contains(QStringLiteral("Unable to")));
        QFile kept(h.recoveredTo());
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), QByteArray(8192, 'Z')); // moved, never deleted
        QVERIFY(h.save(make(QStringLiteral("after"), QStringLiteral("79261234567"), QStringLiteral("sent"), QDateTime::currentDateTimeUtc())));
        QVERIFY(h.find(QStringLiteral("after")));
    }

    void healthyFileIsLeftAlone()
    {
        const QString path = m_dir.filePath(QStringLiteral("healthy.sqlite"));
        {
            CallHistory h;
            QVERIFY(h.open(path));
            QVERIFY(h.save(make(QStringLiteral("c9"), QStringLiteral("79261234567"), QStringLiteral("sent"), QDateTime::currentDateTimeUtc())));
        }
        CallHistory h;
        QVERIFY(h.open(path));
        QVERIFY(h.recoveredTo().isEmpty());
        QVERIFY(h.find(QStringLiteral("c9")));
    }

    void failedWriteIsSignalled()
    {
        CallHistory h; // never opened: every write fails
        QSignalSpy spy(&h, &CallHistory::writeFailed);
        QVERIFY(!h.save(make(QStringLiteral("lost"), QStringLiteral("79261234567"), QStringLiteral("sent"), QDateTime::currentDateTimeUtc())));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("lost"));
        QVERIFY(!spy.at(0).at(1).toString().isEmpty());
    }

    // Written behind: queued records are found at once, reach the disk together a few milliseconds of
    // work per turn of the event loop, keep every status in the timeline, and are never lost (a query
    // or the end of the history writes them first).
    void writtenBehindRecordsAreSeenAtOnceAndNeverLost()
    {
        const QString path = m_dir.filePath(QStringLiteral("behind.sqlite"));
        const QDateTime t(QDate(2026, 11, 30), QTime(10, 0), Qt::UTC);
        {
            CallHistory h;
            QVERIFY(h.open(path));
            for (int i = 0; i < 2000; ++i)
                h.saveSoon(make(QStringLiteral("b%1").arg(i), QStringLiteral("79261234567"), QStringLiteral("sent"), t));
            CallRecord r = make(QStringLiteral("b7"), QStringLiteral("79261234567"), QStringLiteral("ringing"), t);
            h.saveSoon(r);
            QCOMPARE(h.find(QStringLiteral("b7"))->status, QStringLiteral("ringing")); // before any write
            QCOMPARE(h.search({}).size(), 2000); // a query writes the queue first
            QCOMPARE(h.timeline(QStringLiteral("b7")).size(), 2);
            for (int i = 0; i < 500; ++i)
                h.saveSoon(make(QStringLiteral("late%1").arg(i), QStringLiteral("79261234567"), QStringLiteral("sent"), t));
            r.status = QStringLiteral("completed");
            r.final = true;
            h.saveSoon(r);
        } // destroyed with 501 records still queued
        CallHistory h;
        QVERIFY(h.open(path));
        QCOMPARE(h.search({}).size(), 2500);
        QCOMPARE(h.find(QStringLiteral("b7"))->status, QStringLiteral("completed"));
        QCOMPARE(h.timeline(QStringLiteral("b7")).size(), 3);
        QCOMPARE(h.unfinished(QStringLiteral("p1")).size(), 2499);
    }

    void writtenBehindRecordsGoOutInTurns()
    {
        CallHistory h;
        QVERIFY(h.open(m_dir.filePath(QStringLiteral("turns.sqlite"))));
        const QDateTime t = QDateTime::currentDateTimeUtc();
        for (int i = 0; i < 3000; ++i)
            h.saveSoon(make(QStringLiteral("t%1").arg(i), QStringLiteral("79261234567"), QStringLiteral("sent"), t));
        // A second connection sees only what reached the disk: nothing before the event loop ran,
        // everything after it ran for a while.
        CallHistory reader;
        QVERIFY(reader.open(h.path()));
        QCOMPARE(reader.search({}).size(), 0);
        QTRY_COMPARE(reader.search({}).size(), 3000);
    }

    void failedWriteBehindIsSignalled()
    {
        CallHistory h; // never opened
        QSignalSpy spy(&h, &CallHistory::writeFailed);
        h.saveSoon(make(QStringLiteral("lost"), QStringLiteral("79261234567"), QStringLiteral("sent"), QDateTime::currentDateTimeUtc()));
        QCOMPARE(spy.count(), 0); // not yet: it is written behind
        QTRY_COMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("lost"));
    }

    void searchFiltersByDateStatusAndNumber()
    {
        CallHistory h;
        QVERIFY(h.open(m_dir.filePath(QStringLiteral("b.sqlite"))));
        const QDateTime day1(QDate(2026, 11, 1), QTime(12, 0), Qt::LocalTime);
        const QDateTime day2(QDate(2026, 11, 15), QTime(12, 0), Qt::LocalTime);
        QVERIFY(h.save(make(QStringLiteral("a"), QStringLiteral("79261110000"), QStringLiteral("completed"), day1.toUTC())).ok());
        QVERIFY(h.save(make(QStringLiteral("b"), QStringLiteral("79262220000"), QStringLiteral("busy"), day2.toUTC())).ok());
        QVERIFY(h.save(make(QStringLiteral("c"), QStringLiteral("79263330000"), QStringLiteral("talk"), day2.toUTC())).ok());
        QCOMPARE(h.search({}).size(), 3);
        QCOMPARE(h.search({}).at(0).created, h.search({}).at(1).created); // newest first
        CallFilter byDate;
        byDate.from = QDate(2026, 11, 10);
        QCOMPARE(h.search(byDate).size(), 2);
        byDate.to = QDate(2026, 11, 14);
        QCOMPARE(h.search(byDate).size(), 0);
        CallFilter byStatus;
        byStatus.status = QStringLiteral("busy");
        QCOMPARE(h.search(byStatus).constFirst().callId, QStringLiteral("b"));
        CallFilter byNumber;
        byNumber.number = QStringLiteral("+7 926 333");
        QCOMPARE(h.search(byNumber).size(), 1);
        QCOMPARE(h.search(byNumber).constFirst().callId, QStringLiteral("c"));
        QCOMPARE(h.unfinished(QStringLiteral("p1")).size(), 1);
        QVERIFY(h.statuses().contains(QStringLiteral("busy")));
    }

    void csvNeutralisesFormulas()
    {
        QCOMPARE(csvCell(QStringLiteral("=HYPERLINK(\"http://x\")")), QStringLiteral("\"'=HYPERLINK(\"\"http://x\"\")\""));
        QCOMPARE(csvCell(QStringLiteral("+79261234567")), QStringLiteral("'+79261234567"));
        QCOMPARE(csvCell(QStringLiteral("-1")), QStringLiteral("'-1"));
        QCOMPARE(csvCell(QStringLiteral("@SUM(A1)")), QStringLiteral("'@SUM(A1)"));
        QCOMPARE(csvCell(QStringLiteral("plain")), QStringLiteral("plain"));
        QCOMPARE(csvCell(QStringLiteral("a,b")), QStringLiteral("\"a,b\""));

        CallHistory h;
        QVERIFY(h.open(m_dir.filePath(QStringLiteral("c.sqlite"))));
        CallRecord r = make(QStringLiteral("x1"), QStringLiteral("79261234567"), QStringLiteral("completed"),
                            QDateTime::currentDateTimeUtc());
        r.serviceName = QStringLiteral("=cmd|' /C calc'!A0");
        QVERIFY(h.save(r).ok());
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(h.exportCsv({}, &buffer));
        const QString csv = QString::fromUtf8(buffer.data());
        const QStringList lines = csv.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines.at(0).startsWith(QStringLiteral("call_id,source,destination")));
        QVERIFY(lines.at(1).contains(QStringLiteral(",'=cmd|' /C calc'!A0,")));
        QVERIFY(!lines.at(1).contains(QStringLiteral(",=cmd")));
    }
};

QTEST_GUILESS_MAIN(TestCallHistory)
#include "tst_callhistory.moc"
