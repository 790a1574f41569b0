// The contact policy against voice-sandbox: voicectl policy set; three campaigns over the same numbers
// running at once in three voicectl processes (never more calls to a number than the cap allows,
// whatever the timing); the preview's capped class; a single send refused over the cap unless overridden
// with a reason; an advertising campaign refused before anything is sent; a scheduled campaign that places
// nothing before its time and starts on time when resumed by a new process; a test call that comes first.
#include "campaigncliharness.h"

using namespace vc::test;

class TestContactCaps : public CampaignCliHarness
{
    Q_OBJECT

private slots:
    void initTestCase() { startSandbox(); }
    void cleanupTestCase() { stopSandbox(); }
    void cleanup() { resetSandbox(); }

    void policyIsSetAndShown()
    {
        Run r = voicectl({QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("--preset"), QStringLiteral("230-fz")});
        QCOMPARE(r.code, 0);
        r = voicectl({QStringLiteral("policy"), QStringLiteral("show"), QStringLiteral("-o"), QStringLiteral("json")});
        QCOMPARE(r.code, 0);
        const QJsonObject o = json(r.out);
        QCOMPARE(o.value(QStringLiteral("preset")).toString(), QStringLiteral("230-fz"));
        QCOMPARE(o.value(QStringLiteral("per_day")).toInt(), 2);
        QCOMPARE(o.value(QStringLiteral("per_week")).toInt(), 4);
        QCOMPARE(o.value(QStringLiteral("per_month")).toInt(), 16);
        r = voicectl({QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("--per-week"), QStringLiteral("-1")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QLatin1String("--per-week")), qPrintable(r.err));
    }

    // Three campaigns over the same eight numbers, started at once: without the ledger each number would
    // get three calls; the cap is two a day, and two it is, exactly.
    void campaignsInThreeProcessesNeverExceedTheCap()
    {
        QCOMPARE(voicectl({QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("--preset"), QStringLiteral("230-fz")}).code, 0);
        const QStringList list = numbers(8, 700);
        const QString file = write(QStringLiteral("overlap.csv"), "phone\n" + list.join(u'\n').toUtf8() + '\n');
        const int before = callsPlaced();
        QList<QProcess *> runs;
        for (int i = 0; i < 3; ++i) {
            auto *p = new QProcess(this);
            p->setProcessEnvironment(environment());
            p->start(QStringLiteral(VOICECTL_PATH),
                     runArgs(file, m_dir.filePath(QStringLiteral("overlap-%1.journal").arg(i))) +
                         QStringList{QStringLiteral("--yes"), QStringLiteral("--no-wait"), QStringLiteral("--rate"), QStringLiteral("50"),
                                     QStringLiteral("--window"), QStringLiteral("00:00-23:59")});
            runs << p;
        }
        for (QProcess *p : runs) {
            QVERIFY(QTest::qWaitFor([p] { return p->state() == QProcess::NotRunning; }, 120000));
            QVERIFY2(p->exitCode() == 0 || p->exitCode() == 4,
                     qPrintable(QStringLiteral("exit %1: %2 %3").arg(p->exitCode()).arg(QString::fromUtf8(p->readAllStandardError()), QString::fromUtf8(p->readAllStandardOutput()))));
        }
        const QJsonObject to = callsTo();
        for (const QString &n : list)
            QCOMPARE(to.value(n).toInt(), 2);
        QCOMPARE(callsPlaced() - before, 16);
        // The rows a cap held back wait for their next possible time (capped at dispatch), or were classed
        // capped by a preview that came after the others' calls: eight in all, whatever the timing.
        int heldBack = 0;
        for (int i = 0; i < 3; ++i) {
            Run status = voicectl({QStringLiteral("campaign"), QStringLiteral("status"), m_dir.filePath(QStringLiteral("overlap-%1.journal").arg(i)),
                                   QStringLiteral("-o"), QStringLiteral("json")});
            QCOMPARE(status.code, 0);
            heldBack += json(status.out).value(QStringLiteral("waiting")).toInt() + json(status.out).value(QStringLiteral("capped")).toInt();
        }
        QCOMPARE(heldBack, 8);
        // A fourth campaign's preview classes every number capped, and says until when.
        Run preview = voicectl(runArgs(file, m_dir.filePath(QStringLiteral("fourth.journal"))) +
                               QStringList{QStringLiteral("--dry-run"), QStringLiteral("-o"), QStringLiteral("json")});
        QCOMPARE(preview.code, 0);
        const QJsonObject p = json(preview.out);
        QCOMPARE(p.value(QStringLiteral("capped")).toInt(), 8);
        QCOMPARE(p.value(QStringLiteral("ready")).toInt(), 0);
        const QString reason = p.value(QStringLiteral("problems")).toArray().at(0).toObject().value(QStringLiteral("reason")).toString();
        QVERIFY2(reason.contains(QLatin1String("today already")) && reason.contains(QLatin1String("next possible")), qPrintable(reason));
    }

    // The policy's hours by day type are a new campaign's window; none is said in words; the holiday
    // calendar lists the built-in years and takes an imported one.
    void windowsByDayTypeAndHolidays()
    {
        QCOMPARE(voicectl({QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("--preset"), QStringLiteral("230-fz")}).code, 0);
        Run r = voicectl({QStringLiteral("policy"), QStringLiteral("show"), QStringLiteral("-o"), QStringLiteral("json")});
        QJsonObject o = json(r.out);
        QCOMPARE(o.value(QStringLiteral("workdays_window")).toString(), QStringLiteral("08:00-22:00"));
        QCOMPARE(o.value(QStringLiteral("weekends_window")).toString(), QStringLiteral("09:00-20:00"));
        QVERIFY(o.value(QStringLiteral("holiday_years")).toArray().contains(2026));
        const QString file = write(QStringLiteral("window.csv"), "phone\n" + numbers(1, 800).join(u'\n').toUtf8() + '\n');
        const QStringList dry = {QStringLiteral("campaign"), QStringLiteral("run"), file, QStringLiteral("--dry-run")};
        r = voicectl(dry);
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QLatin1String("window 08:00-22:00/09:00-20:00")), qPrintable(r.out));
        r = voicectl(dry + QStringList{QStringLiteral("--window"), QStringLiteral("none")});
        QVERIFY2(r.out.contains(QLatin1String("at any hour of the day")), qPrintable(r.out));
        QCOMPARE(voicectl({QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("--preset"), QStringLiteral("none")}).code, 0);
        r = voicectl(dry);
        QVERIFY2(r.out.contains(QLatin1String("window 09:00-20:00 ")), qPrintable(r.out)); // on by default
        QCOMPARE(voicectl({QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("--workdays"), QStringLiteral("10:00-10:00")}).code, 2);

        r = voicectl({QStringLiteral("holidays"), QStringLiteral("list"), QStringLiteral("--year"), QStringLiteral("2026"), QStringLiteral("-o"), QStringLiteral("json")});
        QCOMPARE(r.code, 0);
        QVERIFY(QJsonDocument::fromJson(r.out.toUtf8()).array().contains(QJsonObject{{QStringLiteral("date"), QStringLiteral("2026-01-09")},
                                                                                       {QStringLiteral("working"), false}}));
        const QString calendar = write(QStringLiteral("calendar.txt"), "working 2027-11-13\n2027-11-05\n");
        QCOMPARE(voicectl({QStringLiteral("holidays"), QStringLiteral("import"), calendar}).code, 0);
        r = voicectl({QStringLiteral("holidays"), QStringLiteral("list"), QStringLiteral("--year"), QStringLiteral("2027"), QStringLiteral("-o"), QStringLiteral("json")});
        const QJsonArray days = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QVERIFY(days.contains(QJsonObject{{QStringLiteral("date"), QStringLiteral("2027-11-13")}, {QStringLiteral("working"), true}}));
        QVERIFY(days.contains(QJsonObject{{QStringLiteral("date"), QStringLiteral("2027-11-05")}, {QStringLiteral("working"), false}}));
        const QString bad = write(QStringLiteral("bad-calendar.txt"), "2027-02-30\n");
        r = voicectl({QStringLiteral("holidays"), QStringLiteral("import"), bad});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QLatin1String("Line 1")), qPrintable(r.err));
    }

    // Put on the do-not-call list while two campaigns over the same numbers run in two processes: neither
    // calls it afterwards (each checks the list in the same transaction that records the call).
    void doNotCallMidCampaignStopsBoth()
    {
        QCOMPARE(voicectl({QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("--preset"), QStringLiteral("none")}).code, 0);
        const QStringList list = numbers(8, 840);
        const QString file = write(QStringLiteral("midway.csv"), "phone\n" + list.join(u'\n').toUtf8() + '\n');
        QList<QProcess *> runs;
        for (int i = 0; i < 2; ++i) {
            auto *p = new QProcess(this);
            p->setProcessEnvironment(environment());
            p->start(QStringLiteral(VOICECTL_PATH), runArgs(file, m_dir.filePath(QStringLiteral("midway-%1.journal").arg(i))) +
                                                        QStringList{QStringLiteral("--yes"), QStringLiteral("--rate"), QStringLiteral("2"),
                                                                    QStringLiteral("--concurrency"), QStringLiteral("1")});
            runs << p;
        }
        // The last number is reached after about 3.5 s: it goes on the list after the first calls.
        QVERIFY(QTest::qWaitFor([&] { return callsTo().value(list.at(0)).toInt() >= 2; }, 20000));
        const QString refused = list.last();
        QCOMPARE(voicectl({QStringLiteral("dnc"), QStringLiteral("add"), refused, QStringLiteral("--reason"), QStringLiteral("subscriber")}).code, 0);
        for (QProcess *p : runs)
            QVERIFY(QTest::qWaitFor([p] { return p->state() == QProcess::NotRunning; }, 60000));
        QCOMPARE(callsTo().value(refused).toInt(), 0);
        for (int i = 0; i < list.size() - 1; ++i)
            QCOMPARE(callsTo().value(list.at(i)).toInt(), 2);
        // Each journal says why: suppressed, added after the preview.
        for (int i = 0; i < 2; ++i) {
            const Run status = voicectl({QStringLiteral("campaign"), QStringLiteral("status"), m_dir.filePath(QStringLiteral("midway-%1.journal").arg(i)),
                                         QStringLiteral("-o"), QStringLiteral("json")});
            QCOMPARE(json(status.out).value(QStringLiteral("suppressed")).toInt(), 1);
        }
        // And a single send to it is refused.
        const Run send = voicectl({QStringLiteral("call"), QStringLiteral("send"), QStringLiteral("--source"), kSource, QStringLiteral("--destination"),
                                   refused, QStringLiteral("--service"), kService, QStringLiteral("--override-cap"), QStringLiteral("no")});
        QCOMPARE(send.code, 2);
        QVERIFY2(send.err.contains(QLatin1String("do-not-call")), qPrintable(send.err));
    }

    void advertisingIsRefusedBeforeAnything()
    {
        const QString file = write(QStringLiteral("ads.csv"), "phone\n" + numbers(2, 780).join(u'\n').toUtf8() + '\n');
        const QString journal = m_dir.filePath(QStringLiteral("ads.journal"));
        const int before = callsPlaced();
        const Run r = voicectl(runArgs(file, journal) + QStringList{QStringLiteral("--purpose"), QStringLiteral("advertising"), QStringLiteral("--yes")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QLatin1String("38-FZ")) && r.err.contains(QLatin1String("art. 18 part 2")), qPrintable(r.err));
        QCOMPARE(callsPlaced(), before);
        QVERIFY(!QFile::exists(journal));
        QCOMPARE(voicectl(runArgs(file, journal) + QStringList{QStringLiteral("--purpose"), QStringLiteral("spam")}).code, 2);
    }

    // Confirmed now, called at its time: nothing before it, and a new process (a restart) honours it.
    void scheduledCampaignWaitsForItsTime()
    {
        QCOMPARE(voicectl({QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("--preset"), QStringLiteral("none")}).code, 0);
        const QStringList list = numbers(2, 790);
        const QString file = write(QStringLiteral("scheduled.csv"), "phone\n" + list.join(u'\n').toUtf8() + '\n');
        const QString journal = m_dir.filePath(QStringLiteral("scheduled.journal"));
        const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(8);
        const int before = callsPlaced();
        Run r = voicectl(runArgs(file, journal) + QStringList{QStringLiteral("--start-at"), start.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                                                             QStringLiteral("--tz"), QStringLiteral("UTC"), QStringLiteral("--yes"),
                                                             QStringLiteral("--no-wait"), QStringLiteral("--window"), QStringLiteral("00:00-23:59")});
        QCOMPARE(r.code, 4); // confirmed, every row still waiting
        QCOMPARE(callsPlaced(), before);
        r = voicectl({QStringLiteral("campaign"), QStringLiteral("status"), journal, QStringLiteral("-o"), QStringLiteral("json")});
        QCOMPARE(json(r.out).value(QStringLiteral("scheduled_at")).toString(), start.toString(Qt::ISODate));
        // A new process resumes it before its time: it waits, then calls.
        QProcess resume;
        resume.setProcessEnvironment(environment());
        resume.start(QStringLiteral(VOICECTL_PATH), {QStringLiteral("campaign"), QStringLiteral("resume"), journal});
        QVERIFY(QTest::qWaitFor([&] { return QDateTime::currentDateTimeUtc() >= start.addMSecs(-1500); }, 15000));
        QCOMPARE(callsPlaced(), before); // a second and a half before its time: nothing yet
        QVERIFY(QTest::qWaitFor([&] { return resume.state() == QProcess::NotRunning; }, 60000));
        QCOMPARE(resume.exitCode(), 0);
        QCOMPARE(callsPlaced() - before, 2);
        QVERIFY(QDateTime::currentDateTimeUtc() >= start);
    }

    // --test-to: one call of the campaign's message to the operator's number first, followed to its end;
    // not delivered: nothing else is sent; delivered: the campaign follows.
    void testCallComesFirst()
    {
        QCOMPARE(voicectl({QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("--preset"), QStringLiteral("none")}).code, 0);
        const QStringList list = numbers(3, 820);
        const QString file = write(QStringLiteral("tested.csv"), "phone\n" + list.join(u'\n').toUtf8() + '\n');
        const QString busy = QStringLiteral("79001008201"); // the sandbox ends numbers in 01 busy
        int before = callsPlaced();
        Run r = voicectl(runArgs(file, m_dir.filePath(QStringLiteral("tested-busy.journal"))) +
                         QStringList{QStringLiteral("--test-to"), busy, QStringLiteral("--yes")});
        QCOMPARE(r.code, 4);
        QVERIFY2(r.err.contains(QLatin1String("the campaign was not started")), qPrintable(r.err));
        QCOMPARE(callsPlaced() - before, 1);
        QCOMPARE(callsTo().value(busy).toInt(), 1);
        for (const QString &n : list)
            QCOMPARE(callsTo().value(n).toInt(), 0);
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("tested-busy.journal"))));

        const QString mine = QStringLiteral("79001009995"); // not on the list
        before = callsPlaced();
        r = voicectl(runArgs(file, m_dir.filePath(QStringLiteral("tested.journal"))) +
                     QStringList{QStringLiteral("--test-to"), mine, QStringLiteral("--yes"), QStringLiteral("--rate"), QStringLiteral("20")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.err.contains(QLatin1String("was delivered")), qPrintable(r.err));
        QCOMPARE(callsPlaced() - before, 4);
        QCOMPARE(callsTo().value(mine).toInt(), 1);
        // A dry run places no call, so it takes no test call.
        QCOMPARE(voicectl(runArgs(file, m_dir.filePath(QStringLiteral("tested-dry.journal"))) +
                          QStringList{QStringLiteral("--test-to"), mine, QStringLiteral("--dry-run")}).code, 2);
    }

    // "Require consent": rows without a date or source in the consent column (found by name, or named with
    // --consent-column) are classed no_consent and never called; the export carries each row's consent.
    void consentIsRequiredWhenThePolicySaysSo()
    {
        QCOMPARE(voicectl({QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("--preset"), QStringLiteral("none"),
                           QStringLiteral("--require-consent"), QStringLiteral("yes")}).code, 0);
        Run r = voicectl({QStringLiteral("policy"), QStringLiteral("show"), QStringLiteral("-o"), QStringLiteral("json")});
        QCOMPARE(json(r.out).value(QStringLiteral("require_consent")).toBool(), true);
        QCOMPARE(voicectl({QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("--require-consent"), QStringLiteral("maybe")}).code, 2);
        const QStringList list = numbers(4, 870);
        const QString file = write(QStringLiteral("consent.csv"), "phone,opt_in\n" + list.at(0).toUtf8() + ",2026-01-15\n" +
                                                                      list.at(1).toUtf8() + ",\n" + list.at(2).toUtf8() + ",no\n" +
                                                                      list.at(3).toUtf8() + ",web form\n");
        // The column is not named consent: without --consent-column no row has consent.
        r = voicectl(runArgs(file, m_dir.filePath(QStringLiteral("consent-dry.journal"))) + QStringList{QStringLiteral("--dry-run"), QStringLiteral("-o"), QStringLiteral("json")});
        QCOMPARE(r.code, 0);
        QCOMPARE(json(r.out).value(QStringLiteral("no_consent")).toInt(), 4);
        QCOMPARE(voicectl(runArgs(file, m_dir.filePath(QStringLiteral("consent-bad.journal"))) +
                          QStringList{QStringLiteral("--consent-column"), QStringLiteral("agreed"), QStringLiteral("--dry-run")}).code, 2);
        const QString journal = m_dir.filePath(QStringLiteral("consent.journal"));
        const int before = callsPlaced();
        r = voicectl(runArgs(file, journal) + QStringList{QStringLiteral("--consent-column"), QStringLiteral("opt_in"), QStringLiteral("--yes"),
                                                         QStringLiteral("--rate"), QStringLiteral("20")});
        QCOMPARE(r.code, 0);
        QCOMPARE(callsPlaced() - before, 2);
        QCOMPARE(callsTo().value(list.at(0)).toInt(), 1);
        QCOMPARE(callsTo().value(list.at(1)).toInt(), 0);
        QCOMPARE(callsTo().value(list.at(2)).toInt(), 0);
        QCOMPARE(callsTo().value(list.at(3)).toInt(), 1);
        r = voicectl({QStringLiteral("campaign"), QStringLiteral("status"), journal, QStringLiteral("-o"), QStringLiteral("json")});
        QCOMPARE(json(r.out).value(QStringLiteral("no_consent")).toInt(), 2);
        r = voicectl({QStringLiteral("campaign"), QStringLiteral("export"), journal});
        QCOMPARE(r.code, 0);
        const QStringList lines = r.out.split(QStringLiteral("\r\n"));
        QVERIFY(lines.at(0).endsWith(QLatin1String(",consent")));
        QVERIFY2(lines.at(1).endsWith(QLatin1String(",2026-01-15")), qPrintable(lines.at(1)));
        QVERIFY2(lines.at(3).contains(QLatin1String(",no_consent,")) && lines.at(3).endsWith(QLatin1String(",no")), qPrintable(lines.at(3)));
        QVERIFY(lines.at(4).endsWith(QLatin1String(",web form")));
        QCOMPARE(voicectl({QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("--require-consent"), QStringLiteral("no")}).code, 0);
    }

    // Re-dials per outcome are checked before anything is read or sent, and kept in the journal.
    void redialPerOutcomeOptions()
    {
        const QString file = write(QStringLiteral("redial.csv"), "phone\n" + numbers(1, 860).join(u'\n').toUtf8() + '\n');
        const QString journal = m_dir.filePath(QStringLiteral("redial.journal"));
        QCOMPARE(voicectl(runArgs(file, journal) + QStringList{QStringLiteral("--redial-busy"), QStringLiteral("2"), QStringLiteral("--yes")}).code, 2);
        QCOMPARE(voicectl(runArgs(file, journal) + QStringList{QStringLiteral("--redial-busy"), QStringLiteral("2"), QStringLiteral("--redial-busy-gap"),
                                                              QStringLiteral("0"), QStringLiteral("--yes")}).code, 2);
        QCOMPARE(voicectl(runArgs(file, journal) + QStringList{QStringLiteral("--redial-no-answer"), QStringLiteral("11"),
                                                              QStringLiteral("--redial-no-answer-gap"), QStringLiteral("5"), QStringLiteral("--yes")}).code, 2);
        const Run r = voicectl(runArgs(file, journal) + QStringList{QStringLiteral("--redial-busy"), QStringLiteral("3"), QStringLiteral("--redial-busy-gap"),
                                                                   QStringLiteral("15"), QStringLiteral("--redial-no-answer"), QStringLiteral("1"),
                                                                   QStringLiteral("--redial-no-answer-gap"), QStringLiteral("60"), QStringLiteral("--yes"),
                                                                   QStringLiteral("--no-wait")});
        QCOMPARE(r.code, 0);
        vc::CampaignJournal j;
        QVERIFY(j.openReadOnly(journal));
        QCOMPARE(j.settings().redialBusy, 3);
        QCOMPARE(j.settings().redialBusyGapMin, 15);
        QCOMPARE(j.settings().redialNoAnswer, 1);
        QCOMPARE(j.settings().redialNoAnswerGapMin, 60);
    }

    void singleSendOverTheCapNeedsAReason()
    {
        QCOMPARE(voicectl({QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("--per-day"), QStringLiteral("1"),
                           QStringLiteral("--per-week"), QStringLiteral("0"), QStringLiteral("--per-month"), QStringLiteral("0")}).code, 0);
        const QString to = numbers(1, 760).first();
        const QStringList send = {QStringLiteral("call"), QStringLiteral("send"), QStringLiteral("--source"), kSource,
                                  QStringLiteral("--destination"), to, QStringLiteral("--service"), kService};
        const int before = callsPlaced();
        QCOMPARE(voicectl(send).code, 0);
        Run refused = voicectl(send);
        QCOMPARE(refused.code, 2);
        QVERIFY2(refused.err.contains(QLatin1String("--override-cap")) && refused.err.contains(QLatin1String("next possible")),
                 qPrintable(refused.err));
        QCOMPARE(callsPlaced() - before, 1);
        Run overridden = voicectl(send + QStringList{QStringLiteral("--override-cap"), QStringLiteral("the subscriber asked")});
        QCOMPARE(overridden.code, 0);
        QCOMPARE(callsPlaced() - before, 2);
        // The override and its reason are in the ledger.
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("ledger"));
        db.setDatabaseName(m_dir.filePath(QStringLiteral("data/contacts.sqlite")));
        QVERIFY(db.open());
        {
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT count(*), max(override_reason) FROM contacts WHERE number = '%1' AND outcome = 'placed'").arg(to)));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), 2);
            QCOMPARE(q.value(1).toString(), QStringLiteral("the subscriber asked"));
        }
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("ledger"));
    }
};

QTEST_GUILESS_MAIN(TestContactCaps)
#include "tst_contactcaps.moc"
