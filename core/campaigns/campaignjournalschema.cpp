// How a journal is laid out on disk and how it comes to be: the rows table and its indexes, made whole
// before the file takes the journal's name, and the tally the triggers keep.
#include "campaigns/campaignjournal.h"
#include "common/sqlerror.h"
#include "campaigns/campaignjournal_p.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace vc {

StorageResult CampaignJournal::makeFile()
{
    const char *schema[] = {
        "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT)",
        "CREATE TABLE rows(line INTEGER PRIMARY KEY, given TEXT, number TEXT, class TEXT NOT NULL, reason TEXT,"
        " duplicate_of INTEGER, service_id TEXT, file_id TEXT, tz TEXT, name TEXT,"
        " state TEXT NOT NULL DEFAULT 'pending', call_id TEXT, status TEXT, final INTEGER NOT NULL DEFAULT 0,"
        " delivered INTEGER NOT NULL DEFAULT 0, stale INTEGER NOT NULL DEFAULT 0, attempts INTEGER NOT NULL DEFAULT 0,"
        " error TEXT, placed_at TEXT, ended_at TEXT, not_before INTEGER NOT NULL DEFAULT 0, duration INTEGER, seq INTEGER,"
        " requested_at INTEGER)",
        journal::kSequenceIndex,
        "CREATE INDEX rows_ready_number ON rows(number) WHERE class = 'ready'",
        journal::kPendingIndex,
        journal::kPendingZoneIndex,
        "CREATE INDEX rows_following ON rows(line) WHERE state = 'placed' AND final = 0",
        "CREATE INDEX rows_not_delivered ON rows(status) WHERE state = 'placed' AND final = 1 AND delivered = 0",
        journal::kAttemptsTable,
        journal::kConsentsTable,
    };
    // Made under another name and renamed when complete: a journal killed while it was being made leaves
    // only that part file (replaced by the next attempt, under the same lock), never a file at the journal's
    // name without its tables, which could not be told from a journal whose WAL file was lost.
    const QString part = m_path + QStringLiteral(".part");
    const auto removePart = [&part] {
        for (const char *suffix : {"", "-journal", "-wal", "-shm"})
            QFile::remove(part + QLatin1String(suffix));
    };
    removePart();
    const QString name = m_connection + QStringLiteral("-make");
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(part);
        if (!db.open()) {
            error = storage::message(db.lastError());
        } else {
            QSqlQuery q(db);
            const auto run = [&](const QString &sql) {
                if (error.isEmpty() && !q.exec(sql))
                    error = storage::message(q.lastError());
            };
            run(QStringLiteral("PRAGMA synchronous=FULL"));
            run(QStringLiteral("BEGIN"));
            for (const char *sql : schema)
                run(QLatin1String(sql));
            // Born a preview: only a confirmation (or the runner it starts) makes it a campaign to resume.
            run(QStringLiteral("INSERT INTO meta(key, value) VALUES('state', 'preview')"));
            run(QStringLiteral("COMMIT"));
            q.finish();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    if (error.isEmpty() && !QFile::rename(part, m_path))
        error = tr("cannot rename %1").arg(part);
    if (!error.isEmpty()) {
        removePart();
        return fail(tr("The journal %1 cannot be made: %2").arg(m_path, error));
    }
    return Empty{};
}

StorageResult CampaignJournal::ensureTally()
{
    // The counts by class and state, kept by triggers as rows change: reading them costs nothing even
    // for a million rows (a GROUP BY over the rows takes about a second there).
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    // Counted afresh when there is no tally yet (an older journal), or when an import left it without
    // its insert trigger (the import counts once at its end; a crash may have come first).
    const bool existed = q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE (type = 'table' AND name = 'tally')"
                                               " OR (type = 'trigger' AND name = 'rows_tally_insert')")) &&
                         q.next() && q.value(0).toInt() == 2;
    q.finish();
    const char *tally[] = {
        "CREATE TABLE IF NOT EXISTS tally(class TEXT, state TEXT, final INTEGER, delivered INTEGER, n INTEGER NOT NULL,"
        " PRIMARY KEY(class, state, final, delivered)) WITHOUT ROWID",
        "CREATE TRIGGER IF NOT EXISTS rows_tally_insert AFTER INSERT ON rows BEGIN"
        " INSERT INTO tally VALUES(NEW.class, NEW.state, NEW.final, NEW.delivered, 1)"
        " ON CONFLICT(class, state, final, delivered) DO UPDATE SET n = n + 1; END",
        "CREATE TRIGGER IF NOT EXISTS rows_tally_update AFTER UPDATE OF class, state, final, delivered ON rows"
        " WHEN OLD.class IS NOT NEW.class OR OLD.state IS NOT NEW.state OR OLD.final IS NOT NEW.final"
        " OR OLD.delivered IS NOT NEW.delivered BEGIN"
        " UPDATE tally SET n = n - 1 WHERE class = OLD.class AND state = OLD.state AND final = OLD.final"
        " AND delivered = OLD.delivered;"
        " INSERT INTO tally VALUES(NEW.class, NEW.state, NEW.final, NEW.delivered, 1)"
        " ON CONFLICT(class, state, final, delivered) DO UPDATE SET n = n + 1; END",
        "CREATE TRIGGER IF NOT EXISTS rows_tally_delete AFTER DELETE ON rows BEGIN"
        " UPDATE tally SET n = n - 1 WHERE class = OLD.class AND state = OLD.state AND final = OLD.final"
        " AND delivered = OLD.delivered; END",
    };
    if (auto r = exec(QStringLiteral("BEGIN")); !r)
        return r;
    for (const char *sql : tally) {
        if (auto r = exec(QLatin1String(sql)); !r) {
            (void)exec(QStringLiteral("ROLLBACK")); // the first error is the one to report
            return r;
        }
    }
    if (!existed) {
        if (auto r = exec(QStringLiteral("DELETE FROM tally")); !r) {
            (void)exec(QStringLiteral("ROLLBACK")); // the first error is the one to report
            return r;
        }
        if (auto r = exec(QStringLiteral("INSERT INTO tally SELECT class, state, final, delivered, count(*) FROM rows"
                                         " GROUP BY class, state, final, delivered")); !r) {
            (void)exec(QStringLiteral("ROLLBACK")); // the first error is the one to report
            return r;
        }
    }
    m_hasTally = true;
    return exec(QStringLiteral("COMMIT"));
}

} // namespace vc
