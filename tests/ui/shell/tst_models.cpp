// Every model of the UI under QAbstractItemModelTester, and the network log's bound.
#include "ui/calls/callhistorymodel.h"
#include "ui/shell/networklogdock.h"
#include "net/requestlog.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace vc;
using namespace vc::ui;

namespace {
CallRecord record(const QString &id, const QString &status)
{
    CallRecord r;
    r.callId = id;
    r.source = QStringLiteral("74959999999");
    r.destination = QStringLiteral("79261234567");
    r.status = status;
    r.created = QDateTime(QDate(2026, 11, 30), QTime(10, 0), Qt::UTC);
    return r;
}

RequestLogEntry entry(int attempt)
{
    RequestLogEntry e;
    e.time = QDateTime::currentDateTimeUtc();
    e.verb = "POST";
    e.endpoint = QStringLiteral("voice-message/v1/GetList");
    e.status = 200;
    e.attempt = attempt;
    return e;
}
} // namespace

class TestModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void callHistoryModelPassesTheTester()
    {
        CallHistoryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRecords({record(QStringLiteral("c1"), QStringLiteral("completed")), record(QStringLiteral("c2"), QStringLiteral("ringing"))});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(CallHistoryModel::ColumnCount));
        QVERIFY(model.updateRecord(record(QStringLiteral("c2"), QStringLiteral("busy"))));
        QCOMPARE(model.at(1).status, QStringLiteral("busy"));
        QVERIFY(!model.updateRecord(record(QStringLiteral("c3"), QStringLiteral("busy"))));
        QCOMPARE(model.data(model.index(0, CallHistoryModel::StatusColumn), CallHistoryModel::StatusRole).toString(),
                 QStringLiteral("completed"));
        model.retranslate();
        model.setRecords({});
        QCOMPARE(model.rowCount(), 0);
    }

    void networkLogModelPassesTheTester()
    {
        RequestLog log;
        NetworkLogModel model(&log);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        log.record(entry(1));
        log.record(entry(2));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.at(1).attempt, 2);
        model.retranslate();
    }

    // It used to grow without bound and ignore clear() while the log itself kept 5,000.
    void networkLogModelKeepsWhatTheLogKeeps()
    {
        RequestLog log;
        log.setCapacity(3);
        NetworkLogModel model(&log);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (int i = 1; i <= 5; ++i)
            log.record(entry(i));
        QCOMPARE(log.entries().size(), 3);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.at(0).attempt, 3); // the oldest went first
        QCOMPARE(model.at(2).attempt, 5);
        log.clear();
        QCOMPARE(model.rowCount(), 0);
        log.record(entry(6));
        QCOMPARE(model.rowCount(), 1);
    }
};

QTEST_MAIN(TestModels)
#include "tst_models.moc"
