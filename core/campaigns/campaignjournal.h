#pragma once

#include "calls/callhistory.h"
#include "campaigns/campaigntypes.h"
#include "campaigns/numberfilter.h"

#include <QSqlQuery>

#include <functional>
#include <memory>
#include <optional>

namespace vc {

class JournalLock;

// A campaign on disk: its settings and every input row with its class and state, in SQLite (WAL,
// synchronous=FULL: a committed state survives a power loss). Each state change is its own
// transaction, so after any crash the journal says exactly what was under way. Opened by one
// process at a time (a lock file beside it).
class CampaignJournal final
{
    Q_DECLARE_TR_FUNCTIONS(CampaignJournal)
public:
    CampaignJournal();
    ~CampaignJournal();
    CampaignJournal(const CampaignJournal &) = delete;
    CampaignJournal &operator=(const CampaignJournal &) = delete;

    // A new journal, in state "preview" from its first byte on disk: it may be resumed only once its campaign
    // is confirmed (state "started", set by the confirmation or the runner). Fails when the file exists.
    StorageResult create(const QString &path, const CampaignSettings &settings);
    // An existing journal. Rows left in `dispatching` by a run that ended without finishing them (a
    // crash, kill -9, power loss) become `unknown`: see interruptedRows().
    StorageResult open(const QString &path);
    // Another program's (or thread's) journal, to show it: no lock, no recovery, no writes. A journal in
    // a folder this program cannot write (a share, an archive) is opened this way too, as immutable.
    StorageResult openReadOnly(const QString &path);
    // SQLite's full integrity check, on a read-only connection of its own, before anything writes to the
    // file: a damaged journal is refused (StorageError::damaged) and left byte for byte as it was. About
    // two seconds for a million rows (see the README); run it off the window's thread.
    static StorageResult checkIntegrity(const QString &path);
    // Whether this program may write the journal (its folder and the file): resume needs that.
    static bool isWritable(const QString &path);
    // A journal to show, not to run — the one rule for the Campaigns list and voicectl's status and export:
    // rows a run that is gone left `dispatching` become `unknown` (the call may have been placed), as a
    // resume would make them. A journal a live program holds (this one included), one this program cannot
    // write, and a damaged one are read as they are, never written. Read-only afterwards. `damaged`: what the
    // caller's own integrity check found (nullopt: not checked — checked here when the rule would write).
    StorageResult openToShow(const QString &path, std::optional<bool> damaged = std::nullopt);
    void close();
    QString path() const { return m_path; }
    bool isOpen() const { return m_open; }
    qint64 interruptedRows() const { return m_interrupted; }

    CampaignSettings settings() const { return m_settings; }
    // The settings and any other facts (`meta`), in one transaction: all of them or none.
    StorageResult saveSettings(const CampaignSettings &settings, const QList<QPair<QString, QString>> &meta = {});
    // Free-form facts about the campaign ("state": preview, started, finished, cancelled).
    QString meta(const QString &key);
    StorageResult setMeta(const QString &key, const QString &value);
    // Whether a program holds the journal's lock now (a run in progress elsewhere).
    static bool isInUse(const QString &path);
    // Removes a closed journal with its WAL, shared-memory and lock files.
    static void removeFiles(const QString &path);

    // Import (the preview writes every row here, in batches).
    StorageResult beginImport();
    StorageResult addRow(const CampaignRow &row);
    StorageResult endImport();
    // The line of the ready row with this number, if any (for duplicates).
    std::optional<qint64> readyLineOf(const QString &number);

    // The run. Rows are looked up by their time zone ("" for the campaign's default) through an index, so
    // that the rows of zones whose window is closed are never read, let alone rewritten, while they wait.
    // The zones of the rows that may still be called (ready, pending).
    QStringList pendingZones();
    // Pending rows of these zones due by `nowMs`, in the order they are due (then file order).
    QList<CampaignRow> nextPending(qint64 nowMs, int limit, const QStringList &zones);
    std::optional<qint64> earliestWaiting(); // the smallest not-before of pending rows
    std::optional<qint64> earliestWaiting(const QString &zone); // of this zone's; nullopt: none pending
    // Committed to disk before the request is written.
    StorageResult markDispatching(qint64 line);
    StorageResult markPlaced(qint64 line, const QString &callId, const QDateTime &at);
    // The API refused the call: nothing was placed.
    StorageResult markRejected(qint64 line, const QString &error);
    // The request may have placed a call and no answer says so: never sent again automatically.
    StorageResult markUnknown(qint64 line, const QString &error);
    // Back to pending: the request never reached the server, or was refused as a whole (429, key).
    StorageResult markPendingAgain(qint64 line, const QString &error);
    StorageResult markFinal(qint64 line, const QString &status, bool delivered, bool stale, const QDateTime &ended,
                            int durationSec = -1);
    StorageResult updateStatus(qint64 line, const QString &status);
    // A re-dial: the row is pending again from `notBeforeMs`, its last call kept in the attempts count.
    StorageResult scheduleRedial(qint64 line, qint64 notBeforeMs);
    // A pending row over a contact cap waits until `notBeforeMs`; `why` says so in its error column.
    StorageResult deferPending(qint64 line, qint64 notBeforeMs, const QString &why);
    // A pending row whose number was put on the do-not-call list since the preview: suppressed, never called.
    StorageResult suppressPending(qint64 line, const QString &why);
    // The operator's explicit choice: rows with an unknown outcome are sent again. Returns how many.
    Result<qint64, StorageError> resendUnknown();

    // Reconciling unknown rows with the provider's call history (campaignjournalreconcile.cpp).
    struct UnknownRow
    {
        qint64 line = 0;
        QString number;
        QDateTime requestedAt; // when its last request was written (UTC); invalid: the journal does not say
        QString status;        // "not_placed" once the history showed no call
        QString error;
    };
    QList<UnknownRow> unknownRows();
    // Every call id this campaign knows (rows and attempts): a history entry with one of them is not a
    // candidate for an unknown row.
    QSet<QString> knownCallIds();
    // The history has exactly one call for the row: placed, with that id, `note` saying how it was found.
    StorageResult resolvePlaced(qint64 line, const QString &callId, const QDateTime &at, const QString &note);
    // The row stays unknown; `status` ("not_placed" or empty) and `note` say what the history showed.
    StorageResult noteUnknown(qint64 line, const QString &status, const QString &note);

    // Placed calls not final yet (to follow after a resume).
    QList<CampaignRow> following();
    std::optional<CampaignRow> row(qint64 line);
    CampaignCounts counts();
    // Every row in line order, or only problem rows (invalid, duplicate, suppressed); streamed.
    StorageResult forEachRow(const std::function<void(const CampaignRow &)> &each, bool problemsOnly = false);
    QString integrityCheck();

    // For views of a journal of any size: the lines of the rows that pass a filter, in order, and the
    // rows of a range of lines.
    struct RowFilter
    {
        std::optional<RowClass> rowClass;
        std::optional<RowState> state;
        QString number; // digits anywhere in the number as given or normalised
        bool problemsOnly = false;
    };
    QList<qint64> lines(const RowFilter &filter);
    QList<CampaignRow> rowsBetween(qint64 firstLine, qint64 lastLine);
    // Rows by their order in the file (1..N), when the journal keeps it (journals from before it do not).
    bool hasSequence();
    QList<CampaignRow> rowsInSequence(qint64 first, qint64 last);
    // The report: delivered calls per hour of the day (local time), and their durations.
    QMap<int, qint64> deliveredPerHour();
    struct Durations
    {
        qint64 count = 0;
        double averageSec = 0;
        int longestSec = 0;
    };
    Durations deliveredDurations();

    // CSV, one row per input row; cells a spreadsheet would run as a formula are neutralised.
    StorageResult exportCsv(QIODevice *out);
    // CSV, one row per call placed (re-dials included): line, number (E.164 with '+', kept as text by a
    // spreadsheet), attempt, placed_at, call_id, final_status, duration_s.
    StorageResult exportAttemptsCsv(QIODevice *out);

private:
    StorageResult exec(const QString &sql, const QVariantList &values = {});
    StorageResult execAll(const QList<QPair<QString, QVariantList>> &statements); // one transaction
    StorageResult fail(const QString &what);
    StorageResult openDatabase(bool create, bool readOnly = false);
    // campaignjournalschema.cpp: a new journal's file, whole (tables, indexes, state "preview") before it
    // takes the journal's name; the tally kept by triggers.
    StorageResult makeFile();
    StorageResult ensureTally();
    StorageResult loadSettings();
    CampaignRow readRow(const QSqlQuery &q) const;

    QString m_connection;
    QString m_path;
    bool m_open = false;
    bool m_readOnly = false;
    bool m_hasTally = false;
    bool m_importing = false;
    int m_batch = 0;
    qint64 m_seq = 0;
    qint64 m_interrupted = 0;
    CampaignSettings m_settings;
    std::unique_ptr<JournalLock> m_lock;
    std::unique_ptr<QSqlQuery> m_insert;
    std::unique_ptr<QSqlQuery> m_insertConsent;
    std::unique_ptr<QSqlQuery> m_findReady;
    NumberFilter m_readyNumbers; // the import's ready numbers: the journal is asked only on "perhaps"
};

} // namespace vc
