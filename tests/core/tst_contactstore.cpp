// One set of checks for both stores of what operators share -- this computer's SQLite file and the team
// store on PostgreSQL: the do-not-call list and its history, the ledger's caps across callers (threads with
// connections of their own, two database roles), a refusal taken by one caller stopping the other's next
// call, the upload of a local store (once), and the schema's version. The team rows run against the
// throwaway cluster scripts/with-postgres.sh starts (VC_TEST_PG_*); without one they are reported as
// skipped, with the reason.
#include "policy/contactledger.h"
#include "store/teamstore.h"
#include "support/must.h"
#include "support/throwawaypostgres.h"

#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

using namespace vc;

namespace {

// The value of a step that must succeed; a failure ends the run with the store's own message.
template <typename R>
auto must(R &&result)
{
    if (!result)
        qFatal("store step failed: %s", qPrintable(errorMessage(result.error())));
    return std::move(result.value());
}

QString skipReason()
{
    return vc::test::noThrowawayTeamStore();
}

// The row's store; a team row without a server is skipped with the reason.
#define BACKEND(b)                                                                                                                 \
    QFETCH(bool, team);                                                                                                            \
    if (team && !vc::test::throwawayTeamStore())                                                                                   \
        QSKIP(qPrintable(skipReason()));                                                                                           \
    const Backend b = backendFor(team)

const QTimeZone moscow("Europe/Moscow");

struct Backend
{
    bool team = false;
    QString localPath; // the local store's file
};

std::optional<TeamStoreAddress> teamAddress(int who, QString *password)
{
    const auto op = vc::test::throwawayTeamStore(who);
    if (!op)
        return std::nullopt;
    *password = op->password;
    return op->address;
}

} // namespace

class TestContactStore : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_prefix; // numbers of this run: the team database outlives it

    // The store as operator `who` (1 or 2) sees it: the same file, or the same database as another role.
    std::unique_ptr<ContactLedger> open(const Backend &b, int who)
    {
        if (!b.team) {
            TeamStore::selectLocal();
            return std::make_unique<ContactLedger>(b.localPath);
        }
        QString password;
        const auto address = teamAddress(who, &password);
        return std::make_unique<ContactLedger>(*address, password);
    }
    QString number(int n) const { return m_prefix + QStringLiteral("%1").arg(n, 3, 10, QLatin1Char('0')); }

    Backend backendFor(bool team)
    {
        Backend b;
        b.team = team;
        b.localPath = m_dir.filePath(QStringLiteral("contacts-%1.sqlite").arg(QString::fromLatin1(QTest::currentTestFunction())));
        return b;
    }
    void backends()
    {
        QTest::addColumn<bool>("team");
        QTest::newRow("local SQLite") << false;
        QTest::newRow("team PostgreSQL") << true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("XDG_DATA_HOME", m_dir.filePath(QStringLiteral("data")).toUtf8());
        // +7 999 NNN NN NN: a random middle part per run, so runs against one database never meet.
        m_prefix = QStringLiteral("7999%1").arg(QRandomGenerator::global()->bounded(100000, 999999));
        if (!vc::test::throwawayTeamStore())
            qInfo("team store rows are skipped: %s", qPrintable(vc::test::noThrowawayTeamStore()));
    }

    void doNotCallAndItsHistory_data() { backends(); }
    void doNotCallAndItsHistory()
    {
        BACKEND(b);
        auto op1 = open(b, 1);
        auto op2 = open(b, 2);
        QCOMPARE(must(op1->changeDoNotCall(true, {number(1), number(2)}, {QStringLiteral("subscriber"), QStringLiteral("manual"), QStringLiteral("asked twice"), {}})), 2);
        // Already there: nothing changes, nothing is recorded.
        QCOMPARE(must(op2->changeDoNotCall(true, {number(1)}, {QStringLiteral("complaint"), QStringLiteral("manual"), {}, {}})), 0);
        QCOMPARE(must(op2->changeDoNotCall(false, {number(2)}, {QStringLiteral("entered by mistake"), QStringLiteral("manual"), {}, {}})), 1);
        QSet<QString> numbers;
        must(op1->loadDoNotCall(&numbers));
        QVERIFY(numbers.contains(number(1)));
        QVERIFY(!numbers.contains(number(2)));
        QList<ContactLedger::DoNotCallEvent> mine;
        for (const auto &e : must(op1->doNotCallHistory())) {
            if (e.number.startsWith(m_prefix))
                mine.append(e);
        }
        QCOMPARE(mine.size(), 3);
        QCOMPARE(mine.at(2).action, QStringLiteral("remove"));
        QCOMPARE(mine.at(2).reason, QStringLiteral("entered by mistake"));
        if (b.team) { // every operator is a database role, and the history says which
            QCOMPARE(mine.at(0).operatorName, qEnvironmentVariable("VC_TEST_PG_USER"));
            QCOMPARE(mine.at(2).operatorName, qEnvironmentVariable("VC_TEST_PG_USER2"));
        }
    }

    void historyCannotBeChanged_data() { backends(); }
    void historyCannotBeChanged()
    {
        BACKEND(b);
        auto op = open(b, 1);
        QCOMPARE(must(op->changeDoNotCall(true, {number(10)}, {QStringLiteral("other"), QStringLiteral("manual"), {}, {}})), 1);
        // Straight at the tables, as a careless script would: refused by the store itself.
        QSqlDatabase db;
        const QString name = QStringLiteral("raw-%1").arg(QString::fromLatin1(QTest::currentDataTag()));
        if (b.team) {
            QString password;
            const auto a = teamAddress(1, &password);
            must(TeamStore::connect(name, *a, password));
            db = QSqlDatabase::database(name, false);
        } else {
            db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(b.localPath);
            QVERIFY(db.open());
        }
        {
            QSqlQuery q(db);
            QVERIFY(!q.exec(QStringLiteral("UPDATE dnc_log SET reason = 'x' WHERE number = '%1'").arg(number(10))));
            QVERIFY(q.lastError().text().contains(QLatin1String("cannot be changed")));
            QVERIFY(!q.exec(QStringLiteral("DELETE FROM dnc_log WHERE number = '%1'").arg(number(10))));
        }
        db.close();
        db = {};
        QSqlDatabase::removeDatabase(name);
    }

    // Two callers (two roles on the team store), one cap: at most the cap, whoever asks.
    void capIsTheStoresNotTheCallers_data() { backends(); }
    void capIsTheStoresNotTheCallers()
    {
        BACKEND(b);
        auto op1 = open(b, 1);
        auto op2 = open(b, 2);
        const ContactCaps caps{2, 0, 0};
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const ContactLedger::Call call{number(20), moscow, QStringLiteral("c1"), QStringLiteral("exolve"), {}};
        const auto first = must(op1->reserve(call, caps, now));
        QVERIFY(first.id > 0);
        must(op1->setOutcome(first.id, QStringLiteral("placed"), QStringLiteral("call-%1").arg(number(20))));
        QVERIFY(must(op2->reserve(call, caps, now)).id > 0);
        const auto third = must(op1->reserve(call, caps, now));
        QCOMPARE(third.id, 0);
        QVERIFY(!third.verdict.allowed);
        QCOMPARE(must(op2->reserve(call, caps, now)).id, 0);
        QVERIFY(!must(op2->check(call.number, moscow, caps, now)).allowed);
        // A call the API refused is not counted: one more is allowed again.
        QVERIFY(must(op1->check(number(21), moscow, caps, now)).allowed);
    }

    // Many callers at the same instant on one number: the reservations are serialised per number, so
    // exactly the cap is taken -- never more.
    void simultaneousCallersNeverExceedTheCap_data() { backends(); }
    void simultaneousCallersNeverExceedTheCap()
    {
        BACKEND(b);
        must(open(b, 1)->open()); // the schema exists before the race
        const ContactCaps caps{20, 0, 0};
        const QString target = number(30);
        std::atomic<int> allowed{0}, errors{0};
        std::atomic<bool> go{false};
        QList<QThread *> threads;
        for (int t = 0; t < 4; ++t) {
            // Each thread opens its own connection (as a campaign's thread does), as one of the two roles.
            auto ledger = std::shared_ptr<ContactLedger>(open(b, 1 + t % 2).release());
            threads.append(QThread::create([ledger, &allowed, &errors, &go, caps, target]() mutable {
                if (!ledger->open())
                    ++errors;
                while (!go)
                    QThread::yieldCurrentThread();
                for (int i = 0; i < 25; ++i) {
                    const auto r = ledger->reserve({target, moscow, QStringLiteral("race"), QStringLiteral("exolve"), {}}, caps);
                    if (!r)
                        ++errors;
                    else if (r.value().id > 0)
                        ++allowed;
                }
                ledger.reset(); // closed in the thread that used it
            }));
        }
        for (QThread *t : threads)
            t->start();
        go = true;
        for (QThread *t : threads) {
            QVERIFY(t->wait(60000));
            delete t;
        }
        QCOMPARE(errors.load(), 0);
        QCOMPARE(allowed.load(), 20);
    }

    // A number one caller put on the list a moment ago is refused to the other at once.
    void aRefusalStopsTheOthersNextCall_data() { backends(); }
    void aRefusalStopsTheOthersNextCall()
    {
        BACKEND(b);
        auto op1 = open(b, 1);
        auto op2 = open(b, 2);
        const ContactLedger::Call call{number(40), moscow, {}, QStringLiteral("exolve"), {}};
        QVERIFY(must(op2->reserve(call, {}, QDateTime::currentDateTimeUtc())).id > 0);
        must(op1->changeDoNotCall(true, {number(40)}, {QStringLiteral("subscriber"), QStringLiteral("manual"), {}, {}}));
        const auto refused = must(op2->reserve(call, {}, QDateTime::currentDateTimeUtc()));
        QCOMPARE(refused.id, 0);
        QVERIFY(refused.doNotCall);
        // Not even with a cap override.
        auto overriding = call;
        overriding.overrideReason = QStringLiteral("the manager said so");
        QVERIFY(must(op2->reserve(overriding, {1, 0, 0}, QDateTime::currentDateTimeUtc())).doNotCall);
    }

    // Moving to a shared store: this computer's list, history and ledger go up once; the file is kept.
    void uploadMergesOnce_data() { backends(); }
    void uploadMergesOnce()
    {
        BACKEND(b);
        const QString mine = m_dir.filePath(QStringLiteral("mine-%1.sqlite").arg(b.team));
        ContactLedger local(mine, ContactLedger::LocalFile{});
        must(local.changeDoNotCall(true, {number(50), number(51)}, {QStringLiteral("complaint"), QStringLiteral("manual"), {}, {}}));
        const QDateTime t = QDateTime::currentDateTimeUtc().addSecs(-60);
        const auto placed = must(local.reserve({number(52), moscow, QStringLiteral("old"), QStringLiteral("exolve"), {}}, {}, t));
        must(local.setOutcome(placed.id, QStringLiteral("placed"), QStringLiteral("up-%1").arg(number(52))));
        const auto unknown = must(local.reserve({number(53), moscow, QStringLiteral("old"), QStringLiteral("exolve"), {}}, {}, t));
        must(local.setOutcome(unknown.id, QStringLiteral("unknown")));
        const qint64 localCalls = must(local.total());

        auto shared = open(b, 1);
        must(shared->changeDoNotCall(true, {number(51)}, {QStringLiteral("subscriber"), QStringLiteral("manual"), {}, {}}));
        const auto up = must(shared->upload(local));
        QCOMPARE(up.doNotCall, 1); // 51 was on it already
        QCOMPARE(up.history, 2);   // both additions here are entries of their own
        QCOMPARE(up.calls, 2);
        const auto again = must(shared->upload(local));
        QCOMPARE(again.doNotCall, 0);
        QCOMPARE(again.history, 0);
        QCOMPARE(again.calls, 0);
        // Counted by the shared store's caps now, the unknown one too (it may have rung).
        QVERIFY(!must(shared->check(number(53), moscow, {1, 0, 0})).allowed);
        QCOMPARE(must(local.total()), localCalls); // the local store is untouched
    }

    // The store's schema: made once, kept; a newer one is refused with a clear word, nothing changed.
    void newerSchemaIsRefused()
    {
        QString password;
        const auto a = teamAddress(1, &password);
        if (!a)
            QSKIP(qPrintable(skipReason()));
        must(TeamStore::connect(QStringLiteral("schema"), *a, password));
        {
            QSqlDatabase db = QSqlDatabase::database(QStringLiteral("schema"), false);
            QCOMPARE(must(TeamStore::migrate(db)), TeamStore::kSchemaVersion);
            QCOMPARE(must(TeamStore::schemaVersion(db)), TeamStore::kSchemaVersion);
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("INSERT INTO schema_version(version) VALUES(%1)").arg(TeamStore::kSchemaVersion + 1)));
            const auto refused = TeamStore::migrate(db);
            (void)q.exec(QStringLiteral("DELETE FROM schema_version WHERE version > %1").arg(TeamStore::kSchemaVersion));
            QVERIFY(!refused);
            QVERIFY2(refused.error().message.contains(QLatin1String("newer")), qPrintable(refused.error().message));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("schema"));
    }

    // A server that is not there: said so, marked as unreachable (a campaign waits for it), no password.
    void anAbsentServerIsSaid()
    {
        TeamStoreAddress a = must(TeamStoreAddress::parse(QStringLiteral("postgresql://op1@127.0.0.1:1/voice_console")));
        ContactLedger ledger(a, QStringLiteral("s3cret-pw"));
        const auto r = ledger.open();
        QVERIFY(!r);
        QVERIFY(r.error().unreachable);
        QVERIFY(!r.error().message.contains(QLatin1String("s3cret-pw")));
        QVERIFY2(r.error().message.contains(QLatin1String("cannot be reached")), qPrintable(r.error().message));
    }

    // The shared store follows the process's choice: a ledger made before the team store was chosen
    // (the window's, at start-up) uses the team's afterwards, and this computer's again when it is
    // switched back -- never the wrong one.
    void theSharedStoreFollowsTheChoice()
    {
        QString password;
        const auto a = teamAddress(1, &password);
        if (!a)
            QSKIP(qPrintable(skipReason()));
        TeamStore::selectLocal();
        ContactLedger shared(ContactLedger::defaultPath());
        QVERIFY(!shared.isTeam());
        must(shared.open());
        TeamStore::select(*a, password);
        must(shared.changeDoNotCall(true, {number(60)}, {QStringLiteral("other"), QStringLiteral("manual"), {}, {}}));
        QVERIFY(shared.isTeam());
        QSet<QString> team;
        must(ContactLedger(*a, password).loadDoNotCall(&team));
        QVERIFY(team.contains(number(60)));
        TeamStore::selectLocal();
        QSet<QString> local;
        must(shared.loadDoNotCall(&local));
        QVERIFY(!shared.isTeam());
        QVERIFY(!local.contains(number(60)));
    }

    // The team's policy: saved once, read by every operator; remembered for the window's forms, which
    // never wait on the server (sharedAsLastRead()).
    void theTeamsPolicy()
    {
        QString password;
        const auto a = teamAddress(1, &password);
        if (!a)
            QSKIP(qPrintable(skipReason()));
        ContactPolicy law = ContactPolicy::fromPreset(ContactPolicy::Preset::DebtCollection);
        law.requireConsent = true;
        must(ContactLedger(*a, password).savePolicy(law));
        QString password2;
        const auto b = teamAddress(2, &password2);
        ContactPolicy::rememberTeamPolicy(std::nullopt);
        const auto read = must(ContactLedger(*b, password2).loadPolicy());
        QVERIFY(read.has_value());
        QCOMPARE(read->caps, (ContactCaps{2, 4, 16}));
        QVERIFY(read->requireConsent);
        QCOMPARE(read->preset, ContactPolicy::Preset::DebtCollection);
        TeamStore::select(*b, password2);
        QCOMPARE(ContactPolicy::sharedAsLastRead().caps, (ContactCaps{2, 4, 16}));
        bool fromTeam = false;
        QCOMPARE(ContactPolicy::loadShared(&fromTeam).caps, (ContactCaps{2, 4, 16}));
        QVERIFY(fromTeam);
        TeamStore::selectLocal();
        must(ContactLedger(*a, password).savePolicy(ContactPolicy())); // the shared cluster's other tests start from none
        // A damaged row is not a policy: windows that are not windows are dropped, caps kept in range.
        const ContactPolicy odd = ContactPolicy::fromJson(R"({"per_day": 99999, "workdays": "25:00-26:00", "weekends": "09:00-20:00"})");
        QCOMPARE(odd.caps.perDay, 1000);
        QVERIFY(odd.workdaysWindow.isEmpty());
        QCOMPARE(odd.weekendsWindow, QStringLiteral("09:00-20:00"));
    }

    void addresses()
    {
        const auto a = must(TeamStoreAddress::parse(QStringLiteral("postgresql://op1@db.example.ru:6432/vc?sslmode=verify-ca&sslrootcert=/etc/ca.pem")));
        QCOMPARE(a.host, QStringLiteral("db.example.ru"));
        QCOMPARE(a.port, 6432);
        QCOMPARE(a.database, QStringLiteral("vc"));
        QCOMPARE(a.user, QStringLiteral("op1"));
        QCOMPARE(a.effectiveSslMode(), QStringLiteral("verify-ca"));
        QCOMPARE(a.sslRootCert, QStringLiteral("/etc/ca.pem"));
        QCOMPARE(must(TeamStoreAddress::parse(a.display())), a);
        // verify-full unless the server is this computer.
        QCOMPARE(must(TeamStoreAddress::parse(QStringLiteral("postgresql://op1@db.example.ru/vc"))).effectiveSslMode(), QStringLiteral("verify-full"));
        QCOMPARE(must(TeamStoreAddress::parse(QStringLiteral("postgres://op1@127.0.0.1/vc"))).effectiveSslMode(), QStringLiteral("prefer"));
        for (const char *bad : {"postgresql://op1:pw@db/vc", "mysql://op1@db/vc", "postgresql://db/vc", "postgresql://op1@db/",
                                "postgresql://op1@db/vc?sslmode=maybe", "postgresql://op1@db/vc?password=x", "op1@db/vc"}) {
            const auto r = TeamStoreAddress::parse(QString::fromLatin1(bad));
            QVERIFY2(!r, bad);
            QVERIFY(!r.error().isEmpty());
        }
    }
};

QTEST_GUILESS_MAIN(TestContactStore)
#include "tst_contactstore.moc"
