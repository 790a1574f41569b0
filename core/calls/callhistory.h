#pragma once

#include "common/result.h"
#include "common/storage.h"

#include <QDateTime>
#include <QList>
#include <QHash>
#include <QObject>
#include <QString>

class QIODevice;

namespace vc {

struct CallInfo;

// One call as the history keeps it. Nothing secret is stored: numbers, ids, statuses and times.
struct CallRecord
{
    enum class Origin { Sent, Watched };

    QString callId;        // from the API; "unknown-<uuid>" when the send's outcome is unknown
    QString profileId;
    Origin origin = Origin::Sent;
    QString source;
    QString destination;
    QString serviceId;
    QString serviceName;
    QString status;        // verbatim from the API, or "outcome_unknown"
    bool outcomeUnknown = false;
    bool final = false;
    bool stale = false;
    QDateTime created;     // UTC
    QDateTime started;
    QDateTime ended;
    int duration = -1;     // seconds, -1 unknown
    int timeout = -1;
    QDateTime updatedAt;   // when this record last changed
    QString campaign;      // the campaign (its journal's name) that placed the call, empty for one-off sends

    static QString unknownOutcomeStatus() { return QStringLiteral("outcome_unknown"); }
    // Takes what the API said about the call.
    void apply(const CallInfo &info);
};

struct CallEvent
{
    QDateTime at;
    QString status;
};

struct CallFilter
{
    QString profileId;   // empty: all profiles
    QDate from;          // inclusive, local dates; invalid: open
    QDate to;
    QString status;      // empty: any
    QString campaign;    // empty: any
    QString number;      // matches source or destination digits, or the call id
    int limit = 10000;
};

// Why the history could not do what was asked (SQLite's words).
// Every call sent or watched, in SQLite (WAL) in the user's data folder. Survives restarts; the
// monitor resumes the calls that are not final yet.
class CallHistory final : public QObject
{
    Q_OBJECT
public:
    explicit CallHistory(QObject *parent = nullptr);
    ~CallHistory() override;

    // Opens (creating when needed) the database; empty path: the user's data folder. A file that is not
    // a readable database is never silently lost or silently ignored: it is moved aside as
    // "<name>.corrupt-<UTC date and time>" and a new history is started (see recoveredFrom()).
    StorageResult open(const QString &path = {});
    // history.sqlite in the user's data folder: where open() with no path goes.
    static QString defaultPath();
    bool isOpen() const { return m_open; }
    // Why the history is not open, for a window that shows the state after open() answered.
    QString openError() const { return m_openError; }
    QString path() const { return m_path; }
    // Where open() moved a damaged file, and what SQLite said of it; empty when nothing happened.
    QString recoveredTo() const { return m_recoveredTo; }
    QString recoveryReason() const { return m_recoveryReason; }

    // Inserts or updates by call id; appends a timeline event when the status changed. Now, before it
    // returns: for a record that must be on disk before anything else happens (a call just placed).
    StorageResult save(const CallRecord &record);
    // The same, written behind: records queued in one turn of the event loop go to disk together in one
    // transaction (a few hundred per turn at most), so following a thousand calls never holds the
    // window up. find() and every query see queued records; a failure is reported by writeFailed().
    void saveSoon(const CallRecord &record);
    // Writes everything saveSoon() queued now (queries and the destructor do it first).
    void flush() const;
    std::optional<CallRecord> find(const QString &callId) const;
    // A campaign's call whose outcome was unknown ("unknown-..."), to `destination`, found since in the
    // provider's call history under `callId`: the latest such record takes that id (and its timeline).
    // With `duration` (a history id GetInfo does not know), it is final with that outcome.
    StorageResult resolveUnknown(const QString &campaign, const QString &destination, const QString &callId,
                                 std::optional<int> duration = std::nullopt);
    // The same for one record by its id (a single send's "unknown-...").
    StorageResult renameUnknown(const QString &unknownId, const QString &callId, std::optional<int> duration = std::nullopt);
    QList<CallRecord> search(const CallFilter &filter) const;
    QList<CallRecord> unfinished(const QString &profileId) const;
    QList<CallEvent> timeline(const QString &callId) const;
    QStringList statuses() const;
    QStringList campaigns() const;

    // CSV (RFC 4180) of the filtered calls; cells a spreadsheet would run as a formula are neutralised.
    StorageResult exportCsv(const CallFilter &filter, QIODevice *out) const;

Q_SIGNALS:
    // A record could not be written: the call went ahead, but the history does not show it.
    void writeFailed(const QString &callId, const QString &error);

private:
    bool openFile(QString *error, bool *damaged);
    // Writes one record inside the caller's transaction (or its own); the error text when it failed.
    std::optional<QString> write(const CallRecord &record, const std::optional<CallRecord> &previous) const;
    // Writes up to `budgetMs` worth of queued records in one transaction; true when the queue is empty.
    bool writeQueued(qint64 budgetMs) const;
    void scheduleWrite();
    std::optional<CallRecord> findStored(const QString &callId) const;
    QString m_connection;
    mutable QList<CallRecord> m_queue;             // saveSoon() order
    mutable QHash<QString, qsizetype> m_queuedAt; // call id -> its latest place in m_queue
    mutable qsizetype m_queueHead = 0;
    mutable bool m_flushScheduled = false;
    QString m_path;
    QString m_recoveredTo;
    QString m_recoveryReason;
    bool m_open = false;
    QString m_openError;
};

} // namespace vc

Q_DECLARE_METATYPE(vc::CallRecord)
