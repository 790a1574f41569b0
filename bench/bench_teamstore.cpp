// The cost a team store adds to each call of a campaign: the ledger's reservation (do-not-call check,
// caps counted, the call recorded, in one transaction) and its outcome, on this computer's SQLite file
// and on PostgreSQL over loopback, one after the other in the same run. Run it beside a throwaway
// cluster with durable commits, as a real server has them:
//   VC_PG_FSYNC=on ./scripts/with-postgres.sh build/bench/bench_teamstore [CALLS]
#include "policy/contactledger.h"
#include "store/teamstore.h"
#include "support/throwawaypostgres.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace vc;

namespace {
struct Figures
{
    double meanMs = 0;
    double p99Ms = 0;
};

Figures measure(ContactLedger &ledger, int calls, const QString &prefix)
{
    const QTimeZone zone("Europe/Moscow");
    const ContactCaps caps{2, 4, 16}; // 230-FZ: every reservation counts day, week and month
    QList<double> each;
    each.reserve(calls);
    for (int i = 0; i < calls; ++i) {
        QElapsedTimer t;
        t.start();
        const auto r = ledger.reserve({prefix + QStringLiteral("%1").arg(i % 1000, 4, 10, QLatin1Char('0')), zone,
                                       QStringLiteral("bench"), QStringLiteral("exolve"), {}},
                                      caps);
        if (!r) {
            std::fprintf(stderr, "reserve failed: %s\n", qPrintable(r.error().message));
            std::exit(1);
        }
        if (r.value().id > 0)
            (void)ledger.setOutcome(r.value().id, QStringLiteral("placed"), QStringLiteral("bench-%1").arg(i));
        each.append(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(each.begin(), each.end());
    Figures f;
    for (double v : each)
        f.meanMs += v;
    f.meanMs /= std::max(1, calls);
    f.p99Ms = each.value(int(each.size() * 0.99));
    return f;
}
// The floor: one durable commit of one row, `n` times, on an open connection (the disk's flush and a
// round trip are what any ledger must pay per call).
double durableCommitMs(QSqlDatabase db, bool postgres, int n)
{
    QSqlQuery q(db);
    if (postgres)
        (void)q.exec(QStringLiteral("SET synchronous_commit = on"));
    else
        (void)q.exec(QStringLiteral("PRAGMA journal_mode=WAL")), (void)q.exec(QStringLiteral("PRAGMA synchronous=FULL"));
    (void)q.exec(QStringLiteral("DROP TABLE IF EXISTS bench_floor"));
    if (!q.exec(QStringLiteral("CREATE TABLE bench_floor(x BIGINT)"))) {
        std::fprintf(stderr, "floor table: %s\n", qPrintable(q.lastError().text()));
        return -1;
    }
    q.prepare(QStringLiteral("INSERT INTO bench_floor(x) VALUES(?)"));
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < n; ++i) {
        q.addBindValue(i);
        (void)q.exec();
    }
    const double ms = double(t.nsecsElapsed()) / 1e6 / n;
    (void)q.exec(QStringLiteral("DROP TABLE bench_floor"));
    return ms;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int calls = argc > 1 ? std::max(100, QString::fromLocal8Bit(argv[1]).toInt()) : 3000;
    const QString prefix = QStringLiteral("7998%1").arg(QRandomGenerator::global()->bounded(10000, 99999));
    QTemporaryDir dir;
    ContactLedger local(dir.filePath(QStringLiteral("contacts.sqlite")), ContactLedger::LocalFile{});
    if (!local.open()) {
        std::fprintf(stderr, "the local ledger cannot be opened\n");
        return 1;
    }
    (void)measure(local, 50, prefix); // warm
    const Figures l = measure(local, calls, prefix);
    double localFloor = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("floor-local"));
        db.setDatabaseName(dir.filePath(QStringLiteral("floor.sqlite")));
        db.open();
        localFloor = durableCommitMs(db, false, 500);
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("floor-local"));
    std::printf("ledger per call (reserve + outcome), %d calls, 230-FZ caps\n", calls);
    std::printf("  local SQLite (WAL, synchronous=FULL): mean %.3f ms, p99 %.3f ms; one durable commit alone: %.3f ms\n", l.meanMs,
                l.p99Ms, localFloor);
    const auto op = vc::test::throwawayTeamStore();
    if (!op) {
        std::printf("  team store: no PostgreSQL here; run ./scripts/with-postgres.sh build/bench/bench_teamstore\n");
        return 0;
    }
    ContactLedger team(op->address, op->password);
    if (auto r = team.open(); !r) {
        std::fprintf(stderr, "%s\n", qPrintable(r.error().message));
        return 1;
    }
    (void)measure(team, 50, prefix + QStringLiteral("9"));
    const Figures t = measure(team, calls, prefix + QStringLiteral("9"));
    double teamFloor = 0;
    if (TeamStore::connect(QStringLiteral("floor-team"), op->address, op->password))
        teamFloor = durableCommitMs(QSqlDatabase::database(QStringLiteral("floor-team"), false), true, 500);
    QSqlDatabase::database(QStringLiteral("floor-team"), false).close();
    std::printf("  team store, PostgreSQL on loopback:  mean %.3f ms, p99 %.3f ms; one durable commit alone: %.3f ms\n", t.meanMs,
                t.p99Ms, teamFloor);
    std::printf("  added per call: %+.3f ms (goal: under 2 ms; a campaign dispatches on its own thread, never the window's)\n",
                t.meanMs - l.meanMs);
    return 0;
}
