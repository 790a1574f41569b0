#pragma once

// What the journal's source files share: how times are stored and the columns a row is read from.
#include <QDateTime>
#include <QLoggingCategory>
#include <QString>
#include <QTimeZone>

namespace vc {
Q_DECLARE_LOGGING_CATEGORY(lcJournal) // campaignjournal.cpp
}

namespace vc::journal {

inline QString iso(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

inline QDateTime fromIso(const QString &s)
{
    if (s.isEmpty())
        return {};
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    t.setTimeZone(QTimeZone::utc());
    return t;
}

// A file that does not even start like an SQLite database is never opened for writing: SQLite would
// happily turn an empty or foreign file into a database of its own.
bool looksLikeSqlite(const QString &path);
// A read-only connection's options and file name. In a folder nobody here can write, SQLite could not
// make the shared-memory file a WAL journal needs: such a journal is read as immutable, which needs none.
QString readOnlyOptions(const QString &path, int busyMs);
QString databaseName(const QString &path);

// The run's lookup of pending rows by time zone ("" for the campaign's default): rows of a zone whose
// window is closed are never read while they wait.
inline constexpr const char *kPendingZoneIndex =
    "CREATE INDEX IF NOT EXISTS rows_pending_zone ON rows(ifnull(tz, ''), not_before, line)"
    " WHERE class = 'ready' AND state = 'pending'";
// The rows' order in the file, 1..N: a view of a million rows reaches row i without a list of lines.
inline constexpr const char *kSequenceIndex = "CREATE UNIQUE INDEX IF NOT EXISTS rows_seq ON rows(seq)";
inline constexpr const char *kPendingIndex =
    "CREATE INDEX IF NOT EXISTS rows_pending ON rows(not_before, line) WHERE class = 'ready' AND state = 'pending'";
// One row per call placed for a row (a re-dial is another), for the per-attempt export. Journals made
// before it get it when opened for writing; their earlier calls are in `rows` only.
inline constexpr const char *kAttemptsTable =
    "CREATE TABLE IF NOT EXISTS attempts(line INTEGER NOT NULL, attempt INTEGER NOT NULL, call_id TEXT, placed_at TEXT,"
    " status TEXT, duration INTEGER, PRIMARY KEY(line, attempt)) WITHOUT ROWID";
// Each row's consent (a date or a source) as the file gave it, only for rows that had one: the export
// carries it. Journals made before it get it when a preview writes into them.
inline constexpr const char *kConsentsTable =
    "CREATE TABLE IF NOT EXISTS consents(line INTEGER PRIMARY KEY, consent TEXT NOT NULL)";
// When a row's last request was written (ms since the epoch): an unknown row is looked up in the
// provider's call history around it. Added to older journals when opened for writing.
inline constexpr const char *kRequestedAtColumn = "ALTER TABLE rows ADD COLUMN requested_at INTEGER";
// Indexes nobody reads while the preview writes the rows: built once at its end, from the whole table
// (sorted in one pass), instead of row by row.
inline constexpr const char *kIndexesAfterImport[] = {kSequenceIndex, kPendingIndex, kPendingZoneIndex};
inline constexpr const char *kIndexNamesAfterImport[] = {"rows_seq", "rows_pending", "rows_pending_zone"};

} // namespace vc::journal

#define VC_ROW_COLUMNS                                                                                              \
    "line, given, number, class, reason, duplicate_of, service_id, file_id, tz, name, state, call_id, status, final," \
    " delivered, stale, attempts, error, placed_at, ended_at, not_before, duration"
