// The campaign's pieces without a network: the CSV reader, the sending window and zones, the column
// map, the preview into a journal, the journal's crash rule and the estimate.
#include "campaigns/campaignjournal.h"
#include "campaigns/campaignreconciler.h"
#include "calls/historycomparison.h"
#include "campaigns/campaignplanner.h"
#include "common/csv.h"
#include "campaigns/donotcall.h"
#include "campaigns/sendingwindow.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace vc;

namespace {
QList<CsvRecord> readAll(const QByteArray &bytes, const CsvOptions &options = {})
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer, options);
    QList<CsvRecord> records;
    while (auto r = reader.next())
        records.append(*r);
    return records;
}
} // namespace

class TestCampaignCore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void rfc4180()
    {
        const auto records = readAll("a,\"b,c\",\"d \"\"q\"\" e\"\r\n\"multi\nline\",x\r\n\r\nlast,\"\"\n");
        QCOMPARE(records.size(), 3);
        QCOMPARE(records.at(0).fields, (QStringList{QStringLiteral("a"), QStringLiteral("b,c"), QStringLiteral("d \"q\" e")}));
        QCOMPARE(records.at(0).line, 1);
        QCOMPARE(records.at(1).fields, (QStringList{QStringLiteral("multi\nline"), QStringLiteral("x")}));
        QCOMPARE(records.at(1).line, 2);
        // The blank line 4 is skipped; the record starts on line 5.
        QCOMPARE(records.at(2).fields, (QStringList{QStringLiteral("last"), QString()}));
        QCOMPARE(records.at(2).line, 5);
    }

    void lineEndsAndUnclosedQuote()
    {
        auto records = readAll("a\rb\r\nc\n\"open,to the end\nstill");
        QCOMPARE(records.size(), 4);
        QCOMPARE(records.at(1).fields.first(), QStringLiteral("b"));
        QCOMPARE(records.at(1).line, 2);
        QCOMPARE(records.at(3).fields.first(), QStringLiteral("open,to the end\nstill"));
        records = readAll("x");
        QCOMPARE(records.size(), 1);
        QCOMPARE(readAll("").size(), 0);
        QCOMPARE(readAll("\n\n\r\n").size(), 0);
    }

    void encodings()
    {
        // "Телефон;Имя" in Windows-1251, as Excel in Russian saves it.
        const QByteArray cp = "\xD2\xE5\xEB\xE5\xF4\xEE\xED;\xC8\xEC\xFF\n+7 900 000-00-01;\xB8\xEB\xEA\xE0\n";
        QBuffer buffer;
        buffer.setData(cp);
        buffer.open(QIODevice::ReadOnly);
        CsvReader reader(&buffer);
        QCOMPARE(reader.encoding(), CsvEncoding::Cp1251);
        QCOMPARE(reader.separator(), QChar(u';'));
        QCOMPARE(reader.next()->fields, (QStringList{QStringLiteral("Телефон"), QStringLiteral("Имя")}));
        QCOMPARE(reader.next()->fields.at(1), QStringLiteral("ёлка"));

        const QByteArray bom = "\xEF\xBB\xBF" + QStringLiteral("Телефон,Имя\n+7 900 000-00-01,ёлка\n").toUtf8();
        QBuffer b2;
        b2.setData(bom);
        b2.open(QIODevice::ReadOnly);
        CsvReader utf(&b2);
        QCOMPARE(utf.encoding(), CsvEncoding::Utf8);
        QVERIFY(utf.hadByteOrderMark());
        QCOMPARE(utf.separator(), QChar(u','));
        QCOMPARE(utf.next()->fields.first(), QStringLiteral("Телефон"));
        QCOMPARE(utf.next()->fields.at(1), QStringLiteral("ёлка"));

        // The operator's choice wins over detection.
        CsvOptions forced;
        forced.encoding = CsvEncoding::Utf8;
        forced.separator = u',';
        const auto records = readAll(cp, forced);
        QCOMPARE(records.first().fields.size(), 1);
        QVERIFY(records.first().fields.first().contains(QChar(0xFFFD)));
    }

    // Issue 23.4: Excel's "Unicode text" is UTF-16 LE with a BOM and tabs; UTF-16 BE and BOM-less files
    // are read too. Before, every one of them came out as Windows-1251 noise.
    void utf16Files_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<CsvEncoding>("encoding");
        QTest::addColumn<bool>("bom");
        const QString text = QStringLiteral("Телефон\tИмя\r\n+7 900 000-00-01\tёлка\r\n79000000002\tЖанна\r\n");
        QByteArray le, be;
        for (const QChar c : text) {
            le.append(char(c.unicode() & 0xff)).append(char(c.unicode() >> 8));
            be.append(char(c.unicode() >> 8)).append(char(c.unicode() & 0xff));
        }
        QTest::newRow("LE with BOM (Excel)") << QByteArray("\xFF\xFE") + le << CsvEncoding::Utf16Le << true;
        QTest::newRow("BE with BOM") << QByteArray("\xFE\xFF") + be << CsvEncoding::Utf16Be << true;
        QTest::newRow("LE without BOM") << le << CsvEncoding::Utf16Le << false;
        QTest::newRow("BE without BOM") << be << CsvEncoding::Utf16Be << false;
    }
    void utf16Files()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(CsvEncoding, encoding);
        QFETCH(bool, bom);
        QBuffer buffer;
        buffer.setData(bytes);
        buffer.open(QIODevice::ReadOnly);
        CsvReader reader(&buffer);
        QCOMPARE(reader.encoding(), encoding);
        QCOMPARE(reader.hadByteOrderMark(), bom);
        QCOMPARE(reader.separator(), QChar(u'\t'));
        QCOMPARE(reader.next()->fields, (QStringList{QStringLiteral("Телефон"), QStringLiteral("Имя")}));
        QCOMPARE(reader.next()->fields, (QStringList{QStringLiteral("+7 900 000-00-01"), QStringLiteral("ёлка")}));
        QCOMPARE(reader.next()->fields.at(1), QStringLiteral("Жанна"));
        QVERIFY(!reader.next());
        QCOMPARE(CsvReader::encodingFromName(CsvReader::encodingName(encoding)), std::optional<CsvEncoding>(encoding));
    }

    // Issue 23.4: a row with too many columns says so, not "the row is too long".
    void tooManyColumnsIsSaid()
    {
        QTemporaryDir dir;
        CampaignJournal journal;
        QVERIFY(journal.create(dir.filePath(QStringLiteral("wide.journal")), {}));
        QBuffer in;
        in.setData("79000000001\n79000000002" + QByteArray(300, ',') + "\n");
        in.open(QIODevice::ReadOnly);
        QVERIFY(CampaignPlanner::plan(&in, {}, &journal));
        const auto row = journal.row(2);
        QVERIFY(row);
        QCOMPARE(row->rowClass, RowClass::Invalid);
        QCOMPARE(row->reason, QStringLiteral("too many columns (301, at most 256)"));
        QCOMPARE(journal.row(1)->rowClass, RowClass::Ready);
    }

    void separatorDetection()
    {
        QCOMPARE(CsvReader::detectSeparator(QStringLiteral("a\tb\tc\n1\t2\t3\n")), QChar(u'\t'));
        QCOMPARE(CsvReader::detectSeparator(QStringLiteral("phone\n+7 900 1\n")), QChar(u','));
        // Commas inside a name, semicolons between fields.
        QCOMPARE(CsvReader::detectSeparator(QStringLiteral("name;phone\nIvanov, Ivan;1\nPetrov, Petr;2\n")), QChar(u';'));
        // A separator inside quotes does not count.
        QCOMPARE(CsvReader::detectSeparator(QStringLiteral("\"a;b\",c\n\"d;e\",f\n")), QChar(u','));
    }

    // A multi-byte character split across the reader's 64 KiB chunks, and UTF-8 found after the sample.
    void chunkBoundaries()
    {
        QByteArray bytes;
        const QByteArray row = QStringLiteral("Ж,+79000000001\n").toUtf8();
        while (bytes.size() < 200 * 1024)
            bytes += row;
        const auto records = readAll(bytes);
        QCOMPARE(records.size(), bytes.size() / row.size());
        for (const CsvRecord &r : records)
            QCOMPARE(r.fields.first(), QStringLiteral("Ж"));
        QCOMPARE(records.last().line, records.size());
    }

    // A record longer than the limit is cut and flagged, never held whole.
    void boundedRecords()
    {
        CsvOptions o;
        o.maxRecordChars = 100;
        o.maxFields = 4;
        const auto records = readAll("\"" + QByteArray(10000, 'x') + "\"\nshort\n" + QByteArray(20, ',') + "\n", o);
        QCOMPARE(records.size(), 3);
        QVERIFY(records.at(0).tooLong);
        QVERIFY(records.at(0).fields.first().size() <= 100);
        QVERIFY(!records.at(1).tooLong);
        QVERIFY(records.at(2).tooLong);
        QCOMPARE(records.at(2).fields.size(), 4);
    }

    void windowAndZones()
    {
        const auto w = SendingWindow::parse(QStringLiteral("09:00-20:00"));
        QVERIFY(w);
        QVERIFY(!SendingWindow::parse(QStringLiteral("9-20")));
        QVERIFY(!SendingWindow::parse(QStringLiteral("25:00-26:00")));
        // Issue 23.4: equal ends once meant "the whole day", silently.
        QString why;
        QVERIFY(!SendingWindow::parse(QStringLiteral("09:00-09:00"), &why));
        QVERIFY2(why.contains(QStringLiteral("same time")), qPrintable(why));
        QVERIFY(SendingWindow::parse(QStringLiteral("00:00-24:00")));
        QVERIFY(!SendingWindow::parse(QStringLiteral("00:00-24:00"))->isSet()); // any hour, said explicitly
        QVERIFY(!SendingWindow::parse(QStringLiteral("00:00-00:00")));
        const QTimeZone novosibirsk = *SendingWindow::zone(QStringLiteral("Asia/Novosibirsk")); // UTC+7
        const QTimeZone moscow = *SendingWindow::zone(QStringLiteral("UTC+03:00"));
        QCOMPARE(moscow.offsetFromUtc(QDateTime::currentDateTimeUtc()), 3 * 3600);
        QVERIFY(!SendingWindow::zone(QStringLiteral("Mars/Olympus")));
        QVERIFY(!SendingWindow::zone(QStringLiteral("UTC+25")));
        // 03:00 UTC: 10:00 in Novosibirsk (open), 06:00 in Moscow (closed until 09:00 = 06:00 UTC).
        const QDateTime t(QDate(2026, 12, 1), QTime(3, 0), QTimeZone::utc());
        QVERIFY(w->isOpen(t, novosibirsk));
        QVERIFY(!w->isOpen(t, moscow));
        QCOMPARE(w->nextOpening(t, moscow), QDateTime(QDate(2026, 12, 1), QTime(6, 0), QTimeZone::utc()));
        // 14:00 UTC: 21:00 in Novosibirsk, closed until tomorrow 09:00 local = 02:00 UTC.
        const QDateTime evening(QDate(2026, 12, 1), QTime(14, 0), QTimeZone::utc());
        QCOMPARE(w->nextOpening(evening, novosibirsk), QDateTime(QDate(2026, 12, 2), QTime(2, 0), QTimeZone::utc()));
        // The end is exclusive; a window across midnight.
        QVERIFY(!w->isOpen(QDateTime(QDate(2026, 12, 1), QTime(17, 0), QTimeZone::utc()), moscow));
        const auto night = SendingWindow::parse(QStringLiteral("22:00-02:00"));
        QVERIFY(night->isOpen(QDateTime(QDate(2026, 12, 1), QTime(1, 0), QTimeZone::utc()), QTimeZone::utc()));
        QVERIFY(!night->isOpen(QDateTime(QDate(2026, 12, 1), QTime(12, 0), QTimeZone::utc()), QTimeZone::utc()));
        QCOMPARE(night->openSecondsPerDay(), 4 * 3600);
    }

    void estimate()
    {
        // No window: ready / rate.
        QCOMPARE(CampaignPlanner::estimateSeconds(100, 2.0, {}, QTimeZone::utc()), 50);
        // A one-hour window opening in an hour: 3,600 calls at 1/s fit the first window; 3,601 need tomorrow's.
        const QDateTime now(QDate(2026, 12, 1), QTime(8, 0), QTimeZone::utc());
        const auto w = SendingWindow::parse(QStringLiteral("09:00-10:00"));
        QCOMPARE(CampaignPlanner::estimateSeconds(1800, 1.0, *w, QTimeZone::utc(), now), 3600 + 1800);
        QCOMPARE(CampaignPlanner::estimateSeconds(3601, 1.0, *w, QTimeZone::utc(), now), 25 * 3600 + 1);
    }

    void columns()
    {
        auto map = ColumnMap::detect({QStringLiteral("Имя"), QStringLiteral("ТЕЛЕФОН"), QStringLiteral("tz")}, {});
        QVERIFY(map);
        QVERIFY(map.value().header);
        QCOMPARE(map.value().number, 1);
        QCOMPARE(map.value().tz, 2);
        map = ColumnMap::detect({QStringLiteral("+79000000001"), QStringLiteral("x")}, {});
        QVERIFY(!map.value().header);
        QCOMPARE(map.value().number, 0);
        map = ColumnMap::detect({QStringLiteral("a"), QStringLiteral("+79000000001")}, QStringLiteral("2"));
        QCOMPARE(map.value().number, 1);
        QVERIFY(!map.value().header);
        map = ColumnMap::detect({QStringLiteral("client"), QStringLiteral("mobile")}, QStringLiteral("Mobile"));
        QVERIFY(map.value().header);
        QCOMPARE(map.value().number, 1);
        QVERIFY(!ColumnMap::detect({QStringLiteral("a")}, QStringLiteral("phone")));
        QVERIFY(!ColumnMap::detect({QStringLiteral("a")}, QStringLiteral("0")));
        // The consent column: by its name in either language, or named by the operator.
        map = ColumnMap::detect({QStringLiteral("phone"), QStringLiteral("Согласие")}, {});
        QCOMPARE(map.value().consent, 1);
        map = ColumnMap::detect({QStringLiteral("phone"), QStringLiteral("name")}, {});
        QCOMPARE(map.value().consent, -1);
        map = ColumnMap::detect({QStringLiteral("a"), QStringLiteral("opt_in"), QStringLiteral("phone")}, {}, QStringLiteral("Opt_In"));
        QVERIFY(map.value().header);
        QCOMPARE(map.value().consent, 1);
        QCOMPARE(map.value().number, 2);
        const auto missing = ColumnMap::detect({QStringLiteral("phone")}, {}, QStringLiteral("opt_in"));
        QVERIFY(!missing);
        QVERIFY(missing.error().contains(QStringLiteral("opt_in")));
        QVERIFY(givesConsent(QStringLiteral("2026-03-01")));
        QVERIFY(givesConsent(QStringLiteral("web form #12")));
        for (const char *no : {"", " ", "no", "NO", "нет", "Нет", "false", "0", "-"})
            QVERIFY2(!givesConsent(QString::fromUtf8(no)), no);
    }

    // With the policy's "require consent", a row without consent is classed no_consent and never called;
    // without it, the column is only carried. Either way the export keeps each row's consent.
    void consentColumn()
    {
        for (const bool required : {false, true}) {
            QTemporaryDir dir;
            CampaignJournal journal;
            QVERIFY(journal.create(dir.filePath(QStringLiteral("c.journal")), {}));
            QBuffer in;
            in.setData(QStringLiteral("phone,согласие\n+79000000001,2026-03-01\n+79000000002,\n+79000000003,нет\n"
                                      "+79000000002,call centre 12.05.2026\nabc,2026-01-01\n").toUtf8());
            in.open(QIODevice::ReadOnly);
            PlanOptions o;
            o.requireConsent = required;
            const auto plan = CampaignPlanner::plan(&in, o, &journal);
            QVERIFY(plan);
            QCOMPARE(plan.value().columns.consent, 1);
            const CampaignCounts c = plan.value().counts;
            QCOMPARE(c.invalid, 1);
            if (required) {
                QCOMPARE(c.noConsent, 2);
                QCOMPARE(c.ready, 2); // line 5: the number without consent on line 3 was not a copy that is called
                QCOMPARE(c.duplicate, 0);
                QCOMPARE(journal.row(3)->rowClass, RowClass::NoConsent);
                QCOMPARE(journal.row(4)->rowClass, RowClass::NoConsent);
                QCOMPARE(journal.row(5)->rowClass, RowClass::Ready);
                QCOMPARE(journal.counts().noConsent, 2);
            } else {
                QCOMPARE(c.noConsent, 0);
                QCOMPARE(c.ready, 3);
                QCOMPARE(c.duplicate, 1);
            }
            QBuffer out;
            out.open(QIODevice::WriteOnly);
            QVERIFY(journal.exportCsv(&out));
            const QList<QByteArray> lines = out.data().split('\n');
            QVERIFY(lines.at(0).trimmed().endsWith(",consent"));
            QVERIFY(lines.at(1).trimmed().endsWith(",2026-03-01"));
            QVERIFY(lines.at(2).trimmed().endsWith(","));
            QVERIFY(lines.at(3).trimmed().endsWith(QStringLiteral(",нет").toUtf8()));
            QVERIFY(lines.at(4).trimmed().endsWith(",call centre 12.05.2026"));
            QCOMPARE(lines.at(3).split(',').at(3), QByteArray(required ? "no_consent" : "ready"));
        }
        // Required, and the file has no consent column: no row is called, and each says why.
        QTemporaryDir dir;
        CampaignJournal journal;
        QVERIFY(journal.create(dir.filePath(QStringLiteral("n.journal")), {}));
        QBuffer in;
        in.setData("phone\n+79000000001\n");
        in.open(QIODevice::ReadOnly);
        PlanOptions o;
        o.requireConsent = true;
        const auto plan = CampaignPlanner::plan(&in, o, &journal);
        QCOMPARE(plan.value().counts.ready, 0);
        QCOMPARE(plan.value().counts.noConsent, 1);
        QVERIFY(journal.row(2)->reason.contains(QStringLiteral("no consent column")));
    }

    // The preview: every class, duplicates by normalised number, problem lines, the do-not-call lists.
    void planIntoJournal()
    {
        QTemporaryDir dir;
        DoNotCallList dnc;
        QVERIFY(dnc.load(dir.filePath(QStringLiteral("dnc.txt"))));
        QVERIFY(dnc.add({QStringLiteral("+7 900 000-00-05")}));
        CampaignJournal journal;
        QVERIFY(journal.create(dir.filePath(QStringLiteral("j.journal")), {}));
        QBuffer in;
        in.setData("phone,tz,service_id\n+7 900 000-00-01,,\n89000000001,,\nabc,,\n+79000000005,,\n"
                   "+79000000006,Mars/Base,\n+79000000007,,bad id\n,,\n+79000000008,UTC+7,\n");
        in.open(QIODevice::ReadOnly);
        PlanOptions o;
        o.doNotCall = &dnc;
        const auto plan = CampaignPlanner::plan(&in, o, &journal);
        QVERIFY(plan);
        const CampaignCounts c = plan.value().counts;
        QCOMPARE(c.total, 7); // the blank row is skipped
        QCOMPARE(c.ready, 2);
        QCOMPARE(c.duplicate, 1);
        QCOMPARE(c.suppressed, 1);
        QCOMPARE(c.invalid, 3);
        QCOMPARE(journal.counts().waiting, 2);
        const auto dup = journal.row(3);
        QVERIFY(dup);
        QCOMPARE(dup->rowClass, RowClass::Duplicate);
        QCOMPARE(dup->duplicateOf, 2);
        QCOMPARE(journal.row(6)->rowClass, RowClass::Invalid);
        QVERIFY(journal.row(6)->reason.contains(QStringLiteral("Mars/Base")));
        QCOMPARE(journal.row(7)->rowClass, RowClass::Invalid);
        QCOMPARE(journal.row(9)->tz, QStringLiteral("UTC+7"));
    }

    // A journal is a preview from the moment it has its name: one killed before its campaign was confirmed
    // can never look started (and be resumed), and a journal's name never holds a file without its tables.
    void newJournalIsAPreview()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("new.journal"));
        {
            CampaignJournal journal;
            QVERIFY(journal.create(path, {}));
            QCOMPARE(journal.meta(QStringLiteral("state")), QStringLiteral("preview"));
        }
        {
            CampaignJournal reader;
            QVERIFY(reader.openReadOnly(path));
            QCOMPARE(reader.meta(QStringLiteral("state")), QStringLiteral("preview"));
        }
        // Made whole under another name, then renamed: nothing of the making is left beside it.
        QVERIFY(!QFile::exists(path + QStringLiteral(".part")));
        // The part file a creation killed half-way leaves is replaced by the next attempt.
        const QString again = dir.filePath(QStringLiteral("again.journal"));
        {
            QFile part(again + QStringLiteral(".part"));
            QVERIFY(part.open(QIODevice::WriteOnly));
            part.write(QByteArray(4096, 'z'));
        }
        {
            CampaignJournal journal;
            QVERIFY(journal.create(again, {}));
            QCOMPARE(journal.meta(QStringLiteral("state")), QStringLiteral("preview"));
            QCOMPARE(journal.integrityCheck(), QStringLiteral("ok"));
        }
        QVERIFY(!QFile::exists(again + QStringLiteral(".part")));
        // A journal that cannot be made leaves nothing at its name (here its part file cannot be written).
        const QString blocked = dir.filePath(QStringLiteral("blocked.journal"));
        QVERIFY(QDir().mkpath(blocked + QStringLiteral(".part/x")));
        {
            CampaignJournal journal;
            const auto r = journal.create(blocked, {});
            QVERIFY(!r);
            QVERIFY2(r.error().message.contains(QStringLiteral("cannot be made")), qPrintable(r.error().message));
        }
        QVERIFY(!QFile::exists(blocked));
        // The tables and the state were committed together: no table without the state.
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        {
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM meta WHERE key = 'state'")) && q.next());
            QCOMPARE(q.value(0).toInt(), 1);
        }
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("peek"));
    }

    // The duplicate search asks a filter of the import's ready numbers before the journal: numbers a
    // second import into the same journal meets again are still found, with their lines.
    void duplicatesAcrossImports()
    {
        QTemporaryDir dir;
        CampaignJournal journal;
        QVERIFY(journal.create(dir.filePath(QStringLiteral("twice.journal")), {}));
        const auto import = [&journal](int first, const QStringList &numbers) {
            if (!journal.beginImport())
                return false;
            for (int i = 0; i < numbers.size(); ++i) {
                CampaignRow row;
                row.line = first + i;
                row.number = numbers.at(i);
                if (!journal.readyLineOf(row.number) && !journal.addRow(row))
                    return false;
            }
            return bool(journal.endImport());
        };
        QVERIFY(import(2, {QStringLiteral("79000000001"), QStringLiteral("79000000002")}));
        QVERIFY(journal.beginImport());
        QCOMPARE(journal.readyLineOf(QStringLiteral("79000000002")), std::optional<qint64>(3));
        QCOMPARE(journal.readyLineOf(QStringLiteral("79000000003")), std::nullopt);
        CampaignRow row;
        row.line = 10;
        row.number = QStringLiteral("79000000003");
        QVERIFY(journal.addRow(row));
        QCOMPARE(journal.readyLineOf(QStringLiteral("79000000003")), std::optional<qint64>(10));
        QCOMPARE(journal.readyLineOf(QStringLiteral("79000000001")), std::optional<qint64>(2));
        QVERIFY(journal.endImport());
    }

    // A row caught in `dispatching` (the process died mid-request) becomes unknown on open, and is never
    // pending again unless the operator says so.
    void crashRule()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("crash.journal"));
        {
            CampaignJournal journal;
            QVERIFY(journal.create(path, {}));
            QVERIFY(journal.beginImport());
            for (int line = 1; line <= 3; ++line) {
                CampaignRow row;
                row.line = line;
                row.number = QStringLiteral("7900000000%1").arg(line);
                QVERIFY(journal.addRow(row));
            }
            QVERIFY(journal.endImport());
            QVERIFY(journal.markDispatching(1));
            QVERIFY(journal.markDispatching(2));
            QVERIFY(journal.markPlaced(2, QStringLiteral("call-2"), QDateTime::currentDateTimeUtc()));
            // Not pending any more: a second dispatch of the same row is refused.
            QVERIFY(!journal.markDispatching(2));
            // A second program cannot open a journal in use.
            CampaignJournal other;
            QVERIFY(!other.open(path));
        }
        CampaignJournal journal;
        QVERIFY(journal.open(path));
        QCOMPARE(journal.interruptedRows(), 1);
        QCOMPARE(journal.row(1)->state, RowState::Unknown);
        const auto pending = journal.nextPending(QDateTime::currentMSecsSinceEpoch(), 10, journal.pendingZones());
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending.first().line, 3);
        QCOMPARE(journal.following().size(), 1);
        QCOMPARE(journal.resendUnknown().value(), 1);
        QCOMPARE(journal.nextPending(QDateTime::currentMSecsSinceEpoch(), 10, journal.pendingZones()).size(), 2);
        QCOMPARE(journal.integrityCheck(), QStringLiteral("ok"));
    }

    // The counts come from a tally the triggers keep; after every kind of change they equal a count of
    // the rows themselves, and a journal without a tally gets one when opened.
    void tallyMatchesTheRows()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("tally.journal"));
        const auto grouped = [&path] {
            QMap<QString, qint64> m;
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tally-check"));
            db.setDatabaseName(path);
            db.open();
            {
                QSqlQuery q(db);
                q.exec(QStringLiteral("SELECT class || '/' || state || '/' || final || '/' || delivered, count(*) FROM rows GROUP BY 1"));
                while (q.next())
                    m.insert(q.value(0).toString(), q.value(1).toLongLong());
            }
            db.close();
            db = {};
            QSqlDatabase::removeDatabase(QStringLiteral("tally-check"));
            return m;
        };
        const auto fromCounts = [](const CampaignCounts &c) {
            return QList<qint64>{c.total, c.ready, c.invalid, c.waiting, c.placed, c.completed, c.notDelivered, c.following, c.rejected, c.unknown, c.dispatching};
        };
        {
            CampaignJournal j;
            QVERIFY(j.create(path, {}));
            QBuffer in;
            in.setData("phone\n+79000000001\n+79000000002\n+79000000003\n+79000000004\n+79000000005\nabc\n+79000000001\n");
            in.open(QIODevice::ReadOnly);
            QVERIFY(CampaignPlanner::plan(&in, {}, &j));
            const QDateTime now = QDateTime::currentDateTimeUtc();
            QVERIFY(j.markDispatching(2) && j.markPlaced(2, QStringLiteral("c2"), now) && j.markFinal(2, QStringLiteral("completed"), true, false, now));
            QVERIFY(j.markDispatching(3) && j.markPlaced(3, QStringLiteral("c3"), now) && j.markFinal(3, QStringLiteral("busy"), false, false, now));
            QVERIFY(j.scheduleRedial(3, 0));
            QVERIFY(j.markDispatching(4) && j.markRejected(4, QStringLiteral("no")));
            QVERIFY(j.markDispatching(5) && j.markUnknown(5, QStringLiteral("lost")));
            QVERIFY(j.markDispatching(6) && j.markPendingAgain(6, QStringLiteral("429")));
            QVERIFY(j.markDispatching(6)); // left mid-request
            const CampaignCounts c = j.counts();
            QCOMPARE(c.total, 7);
            QCOMPARE(c.completed, 1);
            QCOMPARE(c.waiting, 1);
            QCOMPARE(c.rejected, 1);
            QCOMPARE(c.unknown, 1);
            QCOMPARE(c.dispatching, 1);
            qint64 sum = 0;
            for (qint64 n : grouped())
                sum += n;
            QCOMPARE(sum, 7);
        }
        CampaignJournal reopened;
        QVERIFY(reopened.open(path)); // recovery: the row mid-request becomes unknown
        const CampaignCounts after = reopened.counts();
        QCOMPARE(after.unknown, 2);
        QCOMPARE(after.dispatching, 0);
        QCOMPARE(reopened.resendUnknown().value(), 2);
        QCOMPARE(reopened.counts().waiting, 3);
        const QList<qint64> withTally = fromCounts(reopened.counts());
        reopened.close();
        // An older journal, without the tally: it is built when the journal is opened.
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("drop-tally"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            for (const char *sql : {"DROP TRIGGER rows_tally_insert", "DROP TRIGGER rows_tally_update", "DROP TRIGGER rows_tally_delete",
                                    "DROP TABLE tally"})
                QVERIFY(q.exec(QLatin1String(sql)));
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("drop-tally"));
        CampaignJournal older;
        QVERIFY(older.openReadOnly(path)); // read-only: counted from the rows
        QCOMPARE(fromCounts(older.counts()), withTally);
        older.close();
        QVERIFY(older.open(path));
        QCOMPARE(fromCounts(older.counts()), withTally);
    }

    void notAJournal()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("garbage.journal"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'z'));
        f.close();
        CampaignJournal journal;
        const auto r = journal.open(path);
        QVERIFY(!r);
        QVERIFY2(r.error().message.contains(QStringLiteral("is not a campaign journal")), qPrintable(r.error().message));
        QVERIFY(QFile::exists(path)); // never removed or replaced
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray(4096, 'z')); // nor written to
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
    }

    // A lock file left by a program killed while it wrote it (empty), or while it removed an older stale lock
    // (a ".rmlock" beside it), does not keep the journal "in use" for ever; a live holder still does.
    void abandonedLockIsReplaced()
    {
#ifndef Q_OS_UNIX
        QSKIP("the operating-system lock test is Unix only; Windows keeps Qt's rule");
#else
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("locked.journal"));
        {
            CampaignJournal journal;
            QVERIFY(journal.create(path, {}));
        }
        const auto leave = [&](const QString &name, const QByteArray &content) {
            QFile f(name);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(content);
        };
        leave(path + QStringLiteral(".lock"), {});
        QVERIFY(!CampaignJournal::isInUse(path));
        {
            CampaignJournal journal;
            const auto r = journal.open(path);
            QVERIFY2(r, r ? "" : qPrintable(r.error().message));
            // Held now, by a live program: another cannot have it, and is told who has it.
            QVERIFY(CampaignJournal::isInUse(path));
            CampaignJournal other;
            const auto refused = other.open(path);
            QVERIFY(!refused);
            QVERIFY2(refused.error().message.contains(QString::number(QCoreApplication::applicationPid())),
                     qPrintable(refused.error().message));
        }
        QVERIFY(!QFile::exists(path + QStringLiteral(".lock")));
        // A dead holder's id in the lock, and an empty .rmlock: the way Qt itself gets stuck.
        leave(path + QStringLiteral(".lock"), "999999999\nvoicectl\n" + QSysInfo::machineHostName().toUtf8() + "\n");
        leave(path + QStringLiteral(".lock.rmlock"), {});
        {
            CampaignJournal journal;
            const auto r = journal.open(path);
            QVERIFY2(r, r ? "" : qPrintable(r.error().message));
        }
        QVERIFY(!QFile::exists(path + QStringLiteral(".lock.rmlock")));
#endif
    }

    // What the call history's entries make of an unknown row: never a guess.
    void reconcileVerdicts()
    {
        using K = ReconcileVerdict::Kind;
        ReconcileOptions o;
        CampaignJournal::UnknownRow row;
        row.line = 7;
        row.number = QStringLiteral("79001234567");
        row.requestedAt = QDateTime(QDate(2026, 12, 6), QTime(10, 0), Qt::UTC);
        const auto entry = [](const char *id, bool numeric, int duration) {
            CallHistoryEntry e;
            e.callId = QString::fromLatin1(id);
            e.numericId = numeric;
            e.duration = quint32(duration);
            return e;
        };
        const QDateTime soon = row.requestedAt.addSecs(60), late = row.requestedAt.addSecs(11 * 60);
        // The period asked: from two minutes before the request to now, at most fifteen minutes after it.
        QCOMPARE(CampaignReconciler::queryFor(row, soon, o).from, row.requestedAt.addSecs(-120));
        QCOMPARE(CampaignReconciler::queryFor(row, soon, o).to, soon);
        QCOMPARE(CampaignReconciler::queryFor(row, row.requestedAt.addDays(1), o).to, row.requestedAt.addSecs(15 * 60));
        // One call: placed with its id, of either kind.
        ReconcileVerdict v = CampaignReconciler::judge(row, {entry("cal1", false, 5)}, {}, soon, o);
        QCOMPARE(v.kind, K::Placed);
        QCOMPARE(v.callId, QStringLiteral("cal1"));
        QVERIFY(!v.historyId);
        v = CampaignReconciler::judge(row, {entry("18446744073709551615", true, 0)}, {}, soon, o);
        QCOMPARE(v.kind, K::Placed);
        QVERIFY(v.historyId);
        QVERIFY(v.why.contains(QStringLiteral("not answered")));
        // The campaign's own other calls are not candidates; two others are one too many.
        v = CampaignReconciler::judge(row, {entry("cal0", false, 3), entry("cal1", false, 5)}, {QStringLiteral("cal0")}, soon, o);
        QCOMPARE(v.kind, K::Placed);
        QCOMPARE(v.callId, QStringLiteral("cal1"));
        v = CampaignReconciler::judge(row, {entry("cal2", false, 3), entry("cal1", false, 5)}, {}, late, o);
        QCOMPARE(v.kind, K::StillUnknown);
        QCOMPARE(v.candidates, 2);
        // None: unknown within the settle time, not placed after it (0 = at once).
        QCOMPARE(CampaignReconciler::judge(row, {}, {}, soon, o).kind, K::StillUnknown);
        QCOMPARE(CampaignReconciler::judge(row, {}, {}, late, o).kind, K::NotPlaced);
        o.settleMin = 0;
        QCOMPARE(CampaignReconciler::judge(row, {}, {}, row.requestedAt, o).kind, K::NotPlaced);
        // A journal that does not say when: nothing to ask.
        row.requestedAt = {};
        QCOMPARE(CampaignReconciler::judge(row, {entry("cal1", false, 5)}, {}, late, o).kind, K::StillUnknown);
    }

    // Pairing this computer's calls with the provider's for one number.
    void comparisonPairs()
    {
        const auto local = [](const char *id, int duration, int minute) {
            CallRecord r;
            r.callId = QString::fromLatin1(id);
            r.duration = duration;
            r.created = QDateTime(QDate(2026, 12, 6), QTime(10, minute), Qt::UTC);
            return r;
        };
        const auto remote = [](const char *id, bool numeric, int duration) {
            CallHistoryEntry e;
            e.callId = QString::fromLatin1(id);
            e.numericId = numeric;
            e.duration = quint32(duration);
            return e;
        };
        using K = ComparisonRow::Kind;
        auto rows = HistoryComparer::match(QStringLiteral("79001234567"), {local("a", 10, 1), local("b", 10, 2), local("c", -1, 3)},
                                           {remote("b", false, 14), remote("a", false, 11), remote("z", false, 5)});
        QCOMPARE(rows.size(), 4);
        QCOMPARE(rows.at(0).kind, K::Both); // 10 s and 11 s: within a second
        QCOMPARE(rows.at(1).kind, K::DurationMismatch);
        QCOMPARE(rows.at(2).kind, K::OnlyLocal);
        QCOMPARE(rows.at(3).kind, K::OnlyProvider);
        // The history's own ids, as many as ours: paired in time order, and said so.
        rows = HistoryComparer::match(QStringLiteral("79001234567"), {local("b", 5, 2), local("a", 3, 1)},
                                      {remote("101", true, 3), remote("102", true, 5)});
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).localCallId, QStringLiteral("a"));
        QCOMPARE(rows.at(0).providerCallId, QStringLiteral("101"));
        QVERIFY(rows.at(0).pairedByOrder);
        QCOMPARE(rows.at(1).kind, K::Both);
        // Not as many: no pairing is guessed.
        rows = HistoryComparer::match(QStringLiteral("79001234567"), {local("a", 3, 1)}, {remote("101", true, 3), remote("102", true, 5)});
        QCOMPARE(rows.size(), 3);
        HistoryComparison c;
        c.from = QDateTime(QDate(2026, 12, 6), QTime(9, 0), Qt::UTC);
        c.to = c.from.addSecs(3600);
        c.made = c.to;
        c.rows = rows;
        const auto back = HistoryComparison::fromJson(c.toJson());
        QVERIFY(back);
        QCOMPARE(back->rows.size(), 3);
        QCOMPARE(back->totals().onlyProvider, 2);
        QCOMPARE(back->totals().onlyLocal, 1);
    }

    void exportNeutralisesFormulas()
    {
        QTemporaryDir dir;
        CampaignJournal journal;
        QVERIFY(journal.create(dir.filePath(QStringLiteral("x.journal")), {}));
        QBuffer in;
        in.setData("phone\n=HYPERLINK(\"x\")\n+79000000001\n");
        in.open(QIODevice::ReadOnly);
        QVERIFY(CampaignPlanner::plan(&in, {}, &journal));
        QBuffer out;
        out.open(QIODevice::WriteOnly);
        QVERIFY(journal.exportCsv(&out));
        const QList<QByteArray> lines = out.data().split('\n');
        QVERIFY(lines.at(1).startsWith("2,\"'=HYPERLINK"));
        QVERIFY(lines.at(2).startsWith("3,'+79000000001,79000000001,ready,pending"));
    }
};

QTEST_GUILESS_MAIN(TestCampaignCore)
#include "tst_campaigncore.moc"
