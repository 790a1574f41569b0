// The contact policy's arithmetic (calendar day, week and month in the recipient's zone; which cap ends
// last), the ledger's promise (a cap is never exceeded, by one process or by several at once), the
// production calendar (transferred days off and working days) and the sending window by day type.
#include "accounts/settings.h"
#include "policy/contactledger.h"
#include "policy/contactpolicy.h"
#include "policy/holidaycalendar.h"
#include "campaigns/sendingwindow.h"
#include "support/must.h"

#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace vc;

namespace {

QDateTime utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toUTC();
}

const QTimeZone vladivostok("Asia/Vladivostok"); // UTC+10, no daylight saving
const QTimeZone moscow("Europe/Moscow");         // UTC+3
const QTimeZone berlin("Europe/Berlin");         // daylight saving

// Helper mode: reserve `tries` calls to one number under a 2-a-day cap; prints how many were allowed.
int reserveLoop(const QString &path, int tries)
{
    ContactLedger ledger(path);
    int allowed = 0;
    for (int i = 0; i < tries; ++i) {
        const auto r = ledger.reserve({QStringLiteral("79990000001"), moscow, QStringLiteral("c"), QStringLiteral("exolve"), {}},
                                      ContactCaps{2, 0, 0});
        if (!r)
            return 3;
        allowed += r.value().id > 0;
    }
    printf("%d\n", allowed);
    return 0;
}

} // namespace

class TestContactPolicy : public QObject
{
    Q_OBJECT

private slots:
    void periodsInTheRecipientsZone()
    {
        // 15:00 UTC on Sunday 6 December is already 01:00 on Monday 7 December in Vladivostok: a new day,
        // a new week there, while the computer (UTC) is still in Sunday.
        const auto p = ContactPeriods::around(utc("2026-12-06T15:00:00Z"), vladivostok);
        QCOMPARE(p.dayStart, utc("2026-12-06T14:00:00Z"));
        QCOMPARE(p.dayEnd, utc("2026-12-07T14:00:00Z"));
        QCOMPARE(p.weekStart, utc("2026-12-06T14:00:00Z"));
        QCOMPARE(p.weekEnd, utc("2026-12-13T14:00:00Z"));
        QCOMPARE(p.monthStart, utc("2026-11-30T14:00:00Z"));
        QCOMPARE(p.monthEnd, utc("2026-12-31T14:00:00Z"));
        // The same moment in Moscow is Sunday 18:00: the week that began on Monday 30 November.
        const auto m = ContactPeriods::around(utc("2026-12-06T15:00:00Z"), moscow);
        QCOMPARE(m.dayStart, utc("2026-12-05T21:00:00Z"));
        QCOMPARE(m.weekStart, utc("2026-11-29T21:00:00Z"));
        QCOMPARE(m.weekEnd, utc("2026-12-06T21:00:00Z"));
        // A day of 23 hours: Berlin's spring change.
        const auto b = ContactPeriods::around(utc("2026-03-29T10:00:00Z"), berlin);
        QCOMPARE(b.dayStart, utc("2026-03-28T23:00:00Z"));
        QCOMPARE(b.dayEnd, utc("2026-03-29T22:00:00Z"));
    }

    void theLatestReachedCapDecides()
    {
        const ContactCaps law = ContactPolicy::fromPreset(ContactPolicy::Preset::DebtCollection).caps;
        QCOMPARE(law, (ContactCaps{2, 4, 16}));
        const auto p = ContactPeriods::around(utc("2026-12-09T09:00:00Z"), moscow); // Wednesday
        QVERIFY(judgeCaps(law, {1, 3, 15}, p, moscow).allowed);
        auto v = judgeCaps(law, {2, 2, 2}, p, moscow);
        QVERIFY(!v.allowed);
        QCOMPARE(v.nextPossible, p.dayEnd);
        QVERIFY2(v.reason.contains(QLatin1String("2026-12-10 00:00")), qPrintable(v.reason));
        v = judgeCaps(law, {1, 4, 4}, p, moscow);
        QCOMPARE(v.nextPossible, p.weekEnd);
        v = judgeCaps(law, {2, 4, 5}, p, moscow); // the day's and the week's: the week ends later
        QCOMPARE(v.nextPossible, p.weekEnd);
        v = judgeCaps(law, {0, 0, 16}, p, moscow);
        QCOMPARE(v.nextPossible, utc("2026-12-31T21:00:00Z"));
        QVERIFY(judgeCaps(ContactCaps{}, {100, 100, 100}, p, moscow).allowed);
    }

    void ledgerCountsInTheRecipientsDay()
    {
        QTemporaryDir dir;
        ContactLedger ledger(dir.filePath(QStringLiteral("contacts.sqlite")));
        const ContactCaps caps{2, 4, 0};
        const ContactLedger::Call call{QStringLiteral("79261234567"), vladivostok, QStringLiteral("debts"), QStringLiteral("exolve"), {}};
        // Two calls late on Monday evening in Vladivostok.
        auto r = ledger.reserve(call, caps, utc("2026-12-07T12:00:00Z"));
        QVERIFY(r && r.value().id > 0);
        r = ledger.reserve(call, caps, utc("2026-12-07T13:00:00Z"));
        QVERIFY(r && r.value().id > 0);
        // A third on the same local day: refused, next possible at Vladivostok's midnight.
        r = ledger.reserve(call, caps, utc("2026-12-07T13:30:00Z"));
        QVERIFY(r);
        QCOMPARE(r.value().id, 0);
        QCOMPARE(r.value().verdict.nextPossible, utc("2026-12-07T14:00:00Z"));
        QCOMPARE(r.value().verdict.counts.day, 2);
        // Ten minutes past that midnight it is Tuesday there (still Monday at the computer in UTC).
        r = ledger.reserve(call, caps, utc("2026-12-07T14:10:00Z"));
        QVERIFY(r && r.value().id > 0);
        // A request the API refused placed no call: not counted.
        QVERIFY(ledger.setOutcome(r.value().id, ContactLedger::notPlaced()));
        r = ledger.reserve(call, caps, utc("2026-12-07T14:20:00Z"));
        QVERIFY(r && r.value().id > 0);
        QVERIFY(ledger.setOutcome(r.value().id, QStringLiteral("unknown"))); // may have rung: counted
        r = ledger.reserve(call, caps, utc("2026-12-07T14:30:00Z"));
        QVERIFY(r && r.value().id > 0);
        QCOMPARE(r.value().verdict.counts.day, 1); // the unknown one; the refused request is not counted
        r = ledger.reserve(call, caps, utc("2026-12-07T14:35:00Z"));
        QVERIFY(r);
        QCOMPARE(r.value().id, 0);
        QCOMPARE(r.value().verdict.counts.day, 2);
        QCOMPARE(r.value().verdict.counts.week, 4); // Monday's two, Tuesday's two: the week's cap too
        QCOMPARE(r.value().verdict.nextPossible, utc("2026-12-13T14:00:00Z"));
        // Overridden with a reason: recorded, and counted from then on.
        ContactLedger::Call over = call;
        over.overrideReason = QStringLiteral("the subscriber asked to be called back");
        r = ledger.reserve(over, caps, utc("2026-12-07T14:40:00Z"));
        QVERIFY(r && r.value().id > 0);
        QVERIFY(!r.value().verdict.allowed);
        const auto checked = ledger.check(call.number, vladivostok, caps, utc("2026-12-07T14:50:00Z"));
        QVERIFY(checked);
        QCOMPARE(checked.value().counts.day, 3);
        // Another number is not affected.
        QVERIFY(ledger.check(QStringLiteral("79261234568"), vladivostok, caps, utc("2026-12-07T14:50:00Z")).value().allowed);
        QCOMPARE(ledger.total().value(), 6);
    }

    // Two processes reserving for the same number at once: together never more than the cap.
    void twoProcessesNeverExceedACap()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("contacts.sqlite"));
        ContactLedger ledger(path);
        vc::test::must(ledger.open());
        QList<QProcess *> processes;
        for (int i = 0; i < 2; ++i) {
            auto *p = new QProcess(this);
            p->start(QCoreApplication::applicationFilePath(), {QStringLiteral("--reserve-loop"), path, QStringLiteral("20")});
            processes << p;
        }
        int allowed = 0;
        for (QProcess *p : processes) {
            QVERIFY(p->waitForFinished(60000));
            QCOMPARE(p->exitCode(), 0);
            allowed += p->readAllStandardOutput().trimmed().toInt();
        }
        QCOMPARE(allowed, 2);
        QCOMPARE(ledger.total().value(), 2);
    }

    void productionCalendar()
    {
        const HolidayCalendar ru = HolidayCalendar::builtIn();
        // 2026: 3 and 4 January (a weekend) were moved to Friday 9 January and Thursday 31 December.
        QVERIFY(!ru.isWorkingDay(QDate(2026, 1, 9)));
        QVERIFY(!ru.isWorkingDay(QDate(2026, 12, 31)));
        QVERIFY(ru.isWorkingDay(QDate(2026, 1, 12)));
        QVERIFY(ru.isWorkingDay(QDate(2026, 12, 30)));
        // 8 March 2026 is a Sunday: the day off moves to Monday 9 March (Labour Code art. 112 part 2).
        QVERIFY(!ru.isWorkingDay(QDate(2026, 3, 9)));
        QVERIFY(!ru.isWorkingDay(QDate(2026, 3, 7))); // a Saturday
        QVERIFY(!ru.isWorkingDay(QDate(2027, 5, 10)));   // 9 May 2027 is a Sunday
        QCOMPARE(ru.years(), (QList<int>{2026, 2027}));
        QCOMPARE(ru.holidays(2026).size(), 14);
        // Another calendar adds to it: a transferred working Saturday is a working day.
        QString error;
        const auto other = HolidayCalendar::parse("# transfers\nworking 2027-11-13\n2027-11-05 # a day off\n", &error);
        QVERIFY2(other, qPrintable(error));
        HolidayCalendar merged = ru;
        merged.merge(*other);
        QVERIFY(merged.isWorkingDay(QDate(2027, 11, 13)));
        QVERIFY(!merged.isWorkingDay(QDate(2027, 11, 5)));
        QVERIFY(HolidayCalendar::parse(merged.toText(), &error)->isWorkingDay(QDate(2027, 11, 13)));
        // A line that is not a date says which line.
        QVERIFY(!HolidayCalendar::parse("2027-01-01\n2027-13-01\n", &error));
        QVERIFY2(error.contains(QLatin1String("2")), qPrintable(error));
        // iCalendar: every event's date.
        const auto ics = HolidayCalendar::parse("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20270704\nEND:VEVENT\nEND:VCALENDAR\n", &error);
        QVERIFY(ics && ics->isHoliday(QDate(2027, 7, 4)) && ics->isWorkingDay(QDate(2027, 7, 5)));
    }

    void windowByDayType()
    {
        const auto w = SendingWindow::parse(QStringLiteral("08:00-22:00/09:00-20:00"));
        QVERIFY(w && w->byDayType());
        QCOMPARE(w->toString(), QStringLiteral("08:00-22:00/09:00-20:00"));
        QCOMPARE(SendingWindow::parse(QStringLiteral("09:00-20:00/09:00-20:00"))->toString(), QStringLiteral("09:00-20:00"));
        QVERIFY(!SendingWindow::parse(QStringLiteral("08:00-22:00/09:00-09:00")));
        QVERIFY(!SendingWindow::parse(QStringLiteral("08:00-22:00/09:00-20:00/10:00-11:00")));
        const auto local = [](int y, int m, int d, int h, int min) { return QDateTime(QDate(y, m, d), QTime(h, min), moscow).toUTC(); };
        // Friday 9 January 2026 is a holiday: the weekend hours, from 09:00.
        QVERIFY(!w->isOpen(local(2026, 1, 9, 8, 30), moscow));
        QCOMPARE(w->nextOpening(local(2026, 1, 9, 8, 30), moscow), local(2026, 1, 9, 9, 0));
        QVERIFY(w->isOpen(local(2026, 1, 12, 8, 30), moscow));  // Monday: working hours from 08:00
        QVERIFY(w->isOpen(local(2026, 1, 16, 21, 30), moscow)); // Friday evening: until 22:00
        QVERIFY(!w->isOpen(local(2026, 1, 17, 20, 30), moscow)); // Saturday: until 20:00
        // Saturday evening: Sunday's 09:00; Sunday evening: Monday's 08:00.
        QCOMPARE(w->nextOpening(local(2026, 1, 17, 20, 30), moscow), local(2026, 1, 18, 9, 0));
        QCOMPARE(w->nextOpening(local(2026, 1, 18, 20, 0), moscow), local(2026, 1, 19, 8, 0));
        // A zone ten hours ahead: its own day and its own day type.
        QVERIFY(w->isOpen(utc("2026-01-08T23:30:00Z"), vladivostok));   // 09:30 on the holiday Friday there
        QVERIFY(!w->isOpen(utc("2026-01-08T22:30:00Z"), vladivostok));  // 08:30 there: holidays open at 09:00
        QVERIFY(!w->isOpen(utc("2026-01-08T23:30:00Z"), moscow));        // 02:30 in Moscow
        // A working Saturday from another calendar opens at the working days' hour.
        QString error;
        HolidayCalendar c = HolidayCalendar::builtIn();
        c.merge(*HolidayCalendar::parse("working 2027-11-13\n", &error));
        const SendingWindow custom({QTime(8, 0), QTime(22, 0)}, {QTime(9, 0), QTime(20, 0)}, std::make_shared<const HolidayCalendar>(c));
        QVERIFY(custom.isOpen(local(2027, 11, 13, 8, 30), moscow));
        QVERIFY(!w->isOpen(local(2027, 11, 13, 8, 30), moscow));
    }

    void policyIsStoredAndPresetsNamed()
    {
        QTemporaryDir dir;
        QSettings store(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        Settings settings(&store);
        QCOMPARE(ContactPolicy::load(settings).preset, ContactPolicy::Preset::None);
        QVERIFY(!ContactPolicy::load(settings).caps.any());
        ContactPolicy::fromPreset(ContactPolicy::Preset::DebtCollection).save(settings);
        QCOMPARE(ContactPolicy::load(settings).caps, (ContactCaps{2, 4, 16}));
        QCOMPARE(ContactPolicy::load(settings).preset, ContactPolicy::Preset::DebtCollection);
        settings.policyPerDay().set(3); // edited by hand: no longer the law's figures
        QCOMPARE(ContactPolicy::load(settings).preset, ContactPolicy::Preset::Custom);
        QCOMPARE(ContactPolicy::presetNamed(QStringLiteral("230-FZ")), ContactPolicy::Preset::DebtCollection);
        QCOMPARE(ContactPolicy::presetNamed(QStringLiteral("sometimes")), std::nullopt);
    }
};

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc == 4 && qstrcmp(argv[1], "--reserve-loop") == 0)
        return reserveLoop(QString::fromLocal8Bit(argv[2]), atoi(argv[3]));
    TestContactPolicy test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_contactpolicy.moc"
