// The preview classes every row exactly as it always did: a generated file (valid numbers in several
// written forms, invalid ones, duplicates, do-not-call entries, zones, too-long and short rows) is
// planned and compared row for row with the classes the sequential planner gave before the preview was
// made concurrent (tests/core/data/preview-golden.txt, written by that planner).
// VC_WRITE_GOLDEN=1 writes the file instead of comparing (only ever with a planner known to be right).
#include "campaigns/campaignplanner.h"
#include "campaigns/donotcall.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace vc;

namespace {

// The same bytes on every run: a fixed seed.
QByteArray generatedFile(int rows)
{
    QRandomGenerator random(20261206);
    QByteArray csv = "phone;tz;name\n";
    QList<QByteArray> earlier;
    for (int i = 0; i < rows; ++i) {
        const int kind = random.bounded(100);
        const QByteArray digits = QByteArray::number(9000000000LL + random.bounded(99999999));
        QByteArray number;
        if (kind < 10 && !earlier.isEmpty()) {
            number = earlier.at(random.bounded(earlier.size())); // a duplicate, perhaps written otherwise
        } else if (kind < 15) {
            number = "12-" + QByteArray::number(random.bounded(1000)); // invalid
        } else if (kind < 18) {
            number = "";
        } else if (kind < 40) {
            number = "+7 " + digits.left(3) + ' ' + digits.mid(3, 3) + '-' + digits.mid(6, 2) + '-' + digits.mid(8);
        } else if (kind < 60) {
            number = "8 (" + digits.left(3) + ") " + digits.mid(3);
        } else if (kind < 70) {
            number = "+1 212 555 " + QByteArray::number(1000 + random.bounded(9000)); // a US number
        } else {
            number = "7" + digits;
        }
        if (!number.isEmpty() && kind >= 15)
            earlier.append(number);
        QByteArray tz;
        if (kind % 7 == 0)
            tz = "Asia/Novosibirsk";
        else if (kind % 11 == 0)
            tz = "Mars/Olympus"; // unknown
        csv += '"' + number + "\";" + tz + ";Name " + QByteArray::number(i) + '\n';
    }
    csv += "\"+7 926 555-00-01\";;\"" + QByteArray(70000, 'x') + "\"\n"; // too long
    for (int i = 0; i < 5; ++i) // on the do-not-call list, written two ways
        csv += "\"+7 926 555-77-0" + QByteArray::number(i) + "\";;\n8 926 555770" + QByteArray::number(i) + ";;\n";
    return csv;
}

QString digest(CampaignJournal &journal)
{
    QStringList lines;
    (void)journal.forEachRow([&lines](const CampaignRow &r) {
        lines << QStringLiteral("%1|%2|%3|%4|%5|%6").arg(r.line).arg(rowClassName(r.rowClass), r.number, r.reason)
                     .arg(r.duplicateOf).arg(r.tz);
    });
    return lines.join(u'\n') + u'\n';
}

} // namespace

class TestCampaignPreview : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void sameClassesRowForRow()
    {
        QTemporaryDir dir;
        DoNotCallList dnc;
        QVERIFY(dnc.load(dir.filePath(QStringLiteral("dnc.txt"))));
        QStringList blocked;
        for (int i = 0; i < 5; ++i)
            blocked << QStringLiteral("7926555770%1").arg(i);
        QVERIFY(dnc.add(blocked));
        QBuffer input;
        input.setData(generatedFile(20000));
        input.open(QIODevice::ReadOnly);
        PlanOptions options;
        options.doNotCall = &dnc;
        CampaignJournal journal;
        QVERIFY(journal.create(dir.filePath(QStringLiteral("p.journal")), {}));
        const auto plan = CampaignPlanner::plan(&input, options, &journal);
        QVERIFY2(plan, plan ? "" : qPrintable(plan.error()));
        const QString got = digest(journal);
        const QString golden = QFINDTESTDATA("data/preview-golden.txt");
        if (qEnvironmentVariableIsSet("VC_WRITE_GOLDEN")) {
            QFile out(QStringLiteral(VC_TESTS_CORE_DIR "/data/preview-golden.txt"));
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(got.toUtf8());
            QSKIP("golden file written");
        }
        QFile in(golden);
        QVERIFY2(in.open(QIODevice::ReadOnly), qPrintable(golden));
        const QStringList expected = QString::fromUtf8(in.readAll()).split(u'\n');
        const QStringList actual = got.split(u'\n');
        QCOMPARE(actual.size(), expected.size());
        for (int i = 0; i < actual.size(); ++i)
            QCOMPARE(actual.at(i), expected.at(i));
        // The file has every kind of row.
        const CampaignCounts &n = plan.value().counts;
        QVERIFY(n.ready > 0 && n.invalid > 0 && n.duplicate > 0 && n.suppressed > 0);
    }
};

QTEST_GUILESS_MAIN(TestCampaignPreview)
#include "tst_campaignpreview.moc"
