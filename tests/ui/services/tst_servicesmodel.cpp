#include "ui/services/servicefilterproxy.h"
#include "ui/services/servicelistmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace vc;
using namespace vc::ui;

namespace {
QList<VoiceService> sample()
{
    const QDateTime t(QDate(2025, 1, 1), QTime(9, 0), Qt::UTC);
    return {{QStringLiteral("14b8d7b3-aaaa"), QStringLiteral("Напоминание о записи"), t.addDays(3)},
            {QStringLiteral("40d781c9-bbbb"), QStringLiteral("Delivery notification"), t.addDays(1)},
            {QStringLiteral("7c0e2f55-cccc"), QStringLiteral("оплата просрочена"), t.addDays(2)},
            {QStringLiteral("a3f5e9d1-dddd"), QStringLiteral("Survey"), QDateTime()}};
}
} // namespace

class TestServicesModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void modelPassesTheTester()
    {
        ServiceListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setServices(sample());
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.columnCount(), int(ServiceListModel::ColumnCount));
        QCOMPARE(model.data(model.index(1, ServiceListModel::NameColumn)).toString(), QStringLiteral("Delivery notification"));
        QCOMPARE(model.data(model.index(1, ServiceListModel::IdColumn)).toString(), QStringLiteral("40d781c9-bbbb"));
        QVERIFY(!model.data(model.index(0, ServiceListModel::CreatedColumn)).toString().isEmpty());
        QVERIFY(model.data(model.index(3, ServiceListModel::CreatedColumn)).toString().isEmpty());
        QCOMPARE(model.rowOf(QStringLiteral("7c0e2f55-cccc")), 2);
        model.setServices({});
        QCOMPARE(model.rowCount(), 0);
    }

    void proxyFiltersByNameOrIdIgnoringCase()
    {
        ServiceListModel model;
        ServiceFilterProxy proxy(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setServices(sample());
        proxy.setFilterText(QStringLiteral("ОПЛАТА"));
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("оплата просрочена"));
        proxy.setFilterText(QStringLiteral("40D781"));
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, ServiceListModel::IdColumn).data().toString(), QStringLiteral("40d781c9-bbbb"));
        proxy.setFilterText(QStringLiteral("e")); // two names, and one more only by its id
        QCOMPARE(proxy.rowCount(), 3);
        proxy.setFilterText(QStringLiteral("zzz"));
        QCOMPARE(proxy.rowCount(), 0);
        proxy.setFilterText(QString());
        QCOMPARE(proxy.rowCount(), 4);
    }

    void proxySortsByNameAndCreationTime()
    {
        ServiceListModel model;
        ServiceFilterProxy proxy(&model);
        model.setServices(sample());
        proxy.sort(ServiceListModel::NameColumn, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("Delivery notification"));
        proxy.sort(ServiceListModel::CreatedColumn, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("Напоминание о записи"));
        QCOMPARE(proxy.index(3, 0).data().toString(), QStringLiteral("Survey")); // no time sorts last
    }
};

QTEST_MAIN(TestServicesModel)
#include "tst_servicesmodel.moc"
