// Two operators on two computers, one team store: voicectl processes with data folders and settings of
// their own, the same PostgreSQL (the throwaway cluster of scripts/with-postgres.sh) and voice-sandbox.
// Per number never more calls than the team's cap; a number put on the do-not-call list by a third
// process mid-run is not called afterwards by either; a campaign running on one cannot be started on the
// other until its process is gone; the server stopped for 10 s mid-run pauses both, and both finish
// afterwards with nothing called twice. Without PostgreSQL the test says so and is skipped.
#include "campaigncliharness.h"
#include "support/throwawaypostgres.h"

#include <QSqlError>

using namespace vc::test;

class TestTeamStore : public CampaignCliHarness
{
    Q_OBJECT

    int m_first = 0; // numbers of this run: the team database is shared by the whole suite

    // "Computer" A or B: its own data folder and settings; operator op1 or op2 of the team store.
    QProcessEnvironment computer(char name, int op = 1) const
    {
        QProcessEnvironment e = environment();
        e.insert(QStringLiteral("VOICE_CONSOLE_DATA_DIR"), m_dir.filePath(QStringLiteral("data-%1").arg(QLatin1Char(name))));
        e.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config-%1").arg(QLatin1Char(name))));
        const auto store = *vc::test::throwawayTeamStore(op);
        e.insert(QStringLiteral("VOICE_TEAM_STORE"), store.address.display());
        e.insert(QStringLiteral("VOICE_TEAM_STORE_PASSWORD"), store.password);
        return e;
    }
    Run on(char name, const QStringList &args, int op = 1)
    {
        return vc::test::runProcess(QStringLiteral(VOICECTL_PATH), args, computer(name, op), {}, 60000);
    }
    QProcess *start(char name, const QStringList &args, int op = 1)
    {
        auto *p = new QProcess(this);
        p->setProcessEnvironment(computer(name, op));
        p->start(QStringLiteral(VOICECTL_PATH), args);
        return p;
    }
    static bool finish(QProcess *p, int timeoutMs = 120000)
    {
        return QTest::qWaitFor([p] { return p->state() == QProcess::NotRunning; }, timeoutMs);
    }
    static QString report(QProcess *p)
    {
        return QStringLiteral("exit %1: %2 %3")
            .arg(p->exitCode())
            .arg(QString::fromUtf8(p->readAllStandardError()), QString::fromUtf8(p->readAllStandardOutput()));
    }
    QStringList fresh(int count)
    {
        const QStringList list = numbers(count, m_first);
        m_first += count;
        return list;
    }
    QStringList campaign(const QString &file, const QString &journal, const QString &rate)
    {
        return runArgs(file, journal) + QStringList{QStringLiteral("--yes"), QStringLiteral("--rate"), rate};
    }
    bool serverControl(const char *verb)
    {
        const QString ctl = qEnvironmentVariable("VC_TEST_PG_CTL");
        return QProcess::execute(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), ctl + u' ' + QLatin1String(verb) + QStringLiteral(" -w >/dev/null 2>&1")}) == 0;
    }

private slots:
    void initTestCase()
    {
        if (!vc::test::throwawayTeamStore())
            QSKIP(qPrintable(vc::test::noThrowawayTeamStore()));
        startSandbox();
        m_first = QRandomGenerator::global()->bounded(10000, 90000) * 10;
        Run init = on('A', {QStringLiteral("team-store"), QStringLiteral("init")});
        QVERIFY2(init.code == 0, qPrintable(init.err));
        // The team's policy, set on A, is B's too: 2 calls a day to one number.
        Run set = on('A', {QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("--preset"), QStringLiteral("230-fz"),
                           QStringLiteral("--require-consent"), QStringLiteral("no")});
        QVERIFY2(set.code == 0, qPrintable(set.err));
        Run shown = on('B', {QStringLiteral("policy"), QStringLiteral("show"), QStringLiteral("-o"), QStringLiteral("json")}, 2);
        QCOMPARE(shown.code, 0);
        QCOMPARE(json(shown.out).value(QStringLiteral("per_day")).toInt(), 2);
        QVERIFY(json(shown.out).value(QStringLiteral("store")).toString().startsWith(QLatin1String("postgresql://")));
    }
    void cleanupTestCase()
    {
        if (m_sandbox.state() != QProcess::NotRunning)
            stopSandbox();
    }

    // Three campaigns over the same numbers on two computers at once: the cap is the team's.
    void theCapIsTheTeams()
    {
        const QStringList list = fresh(8);
        const QString file = write(QStringLiteral("overlap.csv"), "phone\n" + list.join(u'\n').toUtf8() + '\n');
        QList<QProcess *> runs;
        // --no-wait: the rows the cap holds back wait for tomorrow.
        const QStringList noWait{QStringLiteral("--no-wait")};
        runs << start('A', campaign(file, m_dir.filePath(QStringLiteral("a1.journal")), QStringLiteral("50")) + noWait)
             << start('B', campaign(file, m_dir.filePath(QStringLiteral("b1.journal")), QStringLiteral("50")) + noWait, 2)
             << start('B', campaign(file, m_dir.filePath(QStringLiteral("b2.journal")), QStringLiteral("50")) + noWait, 2);
        for (QProcess *p : runs) {
            QVERIFY(finish(p));
            QVERIFY2(p->exitCode() == 0 || p->exitCode() == 4, qPrintable(report(p)));
        }
        const QJsonObject to = callsTo();
        for (const QString &n : list)
            QCOMPARE(to.value(n).toInt(), 2);
        // Every campaign of the team is listed, with who ran it.
        Run listed = on('A', {QStringLiteral("campaign"), QStringLiteral("list"), QStringLiteral("-o"), QStringLiteral("json")});
        QCOMPARE(listed.code, 0);
        QStringList operators;
        for (const QJsonValue &v : QJsonDocument::fromJson(listed.out.toUtf8()).array()) {
            const QJsonObject o = v.toObject();
            if (o.value(QStringLiteral("journal")).toString().startsWith(m_dir.path()) &&
                (o.value(QStringLiteral("name")).toString() == QLatin1String("a1") || o.value(QStringLiteral("name")).toString() == QLatin1String("b1"))) {
                operators << o.value(QStringLiteral("operator")).toString();
                QVERIFY(o.contains(QStringLiteral("placed")) && o.contains(QStringLiteral("waiting")));
                QVERIFY(!o.value(QStringLiteral("host")).toString().isEmpty());
            }
        }
        operators.sort();
        QCOMPARE(operators, (QStringList{qEnvironmentVariable("VC_TEST_PG_USER"), qEnvironmentVariable("VC_TEST_PG_USER2")}));
    }

    // A refusal taken on a third computer mid-run: neither running campaign calls the number afterwards.
    void aRefusalReachesEveryComputer()
    {
        const QStringList list = fresh(16);
        const QString last = list.constLast();
        const QString file = write(QStringLiteral("refusal.csv"), "phone\n" + list.join(u'\n').toUtf8() + '\n');
        QProcess *a = start('A', campaign(file, m_dir.filePath(QStringLiteral("a2.journal")), QStringLiteral("4")));
        QProcess *b = start('B', campaign(file, m_dir.filePath(QStringLiteral("b3.journal")), QStringLiteral("4")), 2);
        // The last row is reached after ~4 s at 4 calls a second; the refusal comes once calls are under way.
        QVERIFY(QTest::qWaitFor([&] { return callsTo().value(list.first()).toInt() >= 1; }, 20000));
        Run added = on('C', {QStringLiteral("dnc"), QStringLiteral("add"), last, QStringLiteral("--reason"), QStringLiteral("subscriber")}, 2);
        QVERIFY2(added.code == 0, qPrintable(added.err));
        QVERIFY(finish(a));
        QVERIFY(finish(b));
        QVERIFY2(a->exitCode() == 0 || a->exitCode() == 4, qPrintable(report(a)));
        QVERIFY2(b->exitCode() == 0 || b->exitCode() == 4, qPrintable(report(b)));
        const QJsonObject to = callsTo();
        QCOMPARE(to.value(last).toInt(), 0);
        QCOMPARE(to.value(list.first()).toInt(), 2);
    }

    // One computer at a time: B cannot start the campaign A runs; once A's process is gone, it can.
    void aCampaignRunsOnOneComputerAtATime()
    {
        const QStringList list = fresh(40);
        const QString file = write(QStringLiteral("lease.csv"), "phone\n" + list.join(u'\n').toUtf8() + '\n');
        const QString journal = m_dir.filePath(QStringLiteral("lease.journal"));
        QProcess *a = start('A', campaign(file, journal, QStringLiteral("2")));
        QVERIFY(QTest::qWaitFor([&] { return callsTo().value(list.first()).toInt() >= 1; }, 20000));
        // B has the same journal (a shared folder where file locks cannot be trusted): a consistent copy.
        const QString copy = m_dir.filePath(QStringLiteral("lease-b.journal"));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("copy"));
            db.setDatabaseName(journal);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY2(q.exec(QStringLiteral("VACUUM INTO '%1'").arg(copy)), qPrintable(q.lastError().text()));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("copy"));
        Run refused = on('B', {QStringLiteral("campaign"), QStringLiteral("resume"), copy, QStringLiteral("--no-wait")}, 2);
        QCOMPARE(refused.code, 2);
        QVERIFY2(refused.err.contains(QLatin1String("running on")) && refused.err.contains(qEnvironmentVariable("VC_TEST_PG_USER")),
                 qPrintable(refused.err));
        Run listed = on('B', {QStringLiteral("campaign"), QStringLiteral("list"), QStringLiteral("-o"), QStringLiteral("json")}, 2);
        bool running = false;
        for (const QJsonValue &v : QJsonDocument::fromJson(listed.out.toUtf8()).array())
            running |= v.toObject().value(QStringLiteral("journal")).toString() == journal &&
                       v.toObject().value(QStringLiteral("state")).toString() == QLatin1String("running");
        QVERIFY2(running, qPrintable(listed.out));
        // A's computer dies: its session ends, and the lease with it.
        a->kill();
        QVERIFY(finish(a));
        Run resumed;
        QVERIFY(QTest::qWaitFor([&] {
            resumed = on('B', {QStringLiteral("campaign"), QStringLiteral("resume"), copy, QStringLiteral("--no-wait"), QStringLiteral("--rate"), QStringLiteral("50")}, 2);
            return resumed.code != 2;
        }, 30000));
        QVERIFY2(resumed.code == 0 || resumed.code == 4, qPrintable(resumed.err));
        // The rows A had called before the copy was made were still pending in B's copy: the team's ledger
        // holds them to the cap (2), never more, whichever computer asks.
        const QJsonObject to = callsTo();
        for (const QString &n : list)
            QVERIFY2(to.value(n).toInt() <= 2, qPrintable(n));
    }

    // The server goes away for 10 s mid-run: both pause (no call without a cap check) and both finish
    // by themselves afterwards, every number called exactly as often as the cap allows.
    void theServerGoesAwayAndComesBack()
    {
        if (qEnvironmentVariableIsEmpty("VC_TEST_PG_CTL"))
            QSKIP("the throwaway cluster cannot be stopped from here");
        const QStringList list = fresh(24);
        const QString file = write(QStringLiteral("away.csv"), "phone\n" + list.join(u'\n').toUtf8() + '\n');
        QProcess *a = start('A', campaign(file, m_dir.filePath(QStringLiteral("a4.journal")), QStringLiteral("3")));
        QProcess *b = start('B', campaign(file, m_dir.filePath(QStringLiteral("b4.journal")), QStringLiteral("3")), 2);
        QVERIFY(QTest::qWaitFor([&] { return callsTo().value(list.first()).toInt() >= 1; }, 20000));
        QVERIFY(serverControl("stop -m immediate"));
        const int before = callsPlaced();
        QTest::qWait(10000);
        const int during = callsPlaced() - before;
        QVERIFY(serverControl("start"));
        QVERIFY(finish(a, 180000));
        QVERIFY(finish(b, 180000));
        const QString errA = QString::fromUtf8(a->readAllStandardError());
        QVERIFY2(a->exitCode() == 0 || a->exitCode() == 4, qPrintable(errA));
        QVERIFY2(b->exitCode() == 0 || b->exitCode() == 4, qPrintable(report(b)));
        QVERIFY2(errA.contains(QLatin1String("Team store unreachable since")), qPrintable(errA));
        // At most the requests already under way when the server stopped were placed meanwhile.
        QVERIFY2(during <= 8, qPrintable(QString::number(during)));
        const QJsonObject to = callsTo();
        for (const QString &n : list)
            QCOMPARE(to.value(n).toInt(), 2);
    }
};

QTEST_MAIN(TestTeamStore)
#include "tst_teamstore.moc"
