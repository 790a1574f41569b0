#pragma once

#include "common/apierror.h"
#include "common/storage.h"
#include "policy/contactpolicy.h"
#include "store/teamstore.h"

#include <QDateTime>
#include <QSet>
#include <QString>

#include <functional>
#include <optional>

class QSqlError;

namespace vc {

// Every call placed from this computer -- single sends, campaign rows, re-dials, both providers -- with
// its number (E.164 digits), time (UTC), campaign ("" for a single send), provider and outcome. The caps
// are counted from it. SQLite in the data folder, written like a journal (WAL, synchronous=FULL); one
// file shared by every process: reserve() checks the caps and records the call in one IMMEDIATE
// transaction, so two campaigns running at once can never both take the last call a cap allows.
//
// On defaultPath() it is the process's shared store: when a team store is selected (TeamStore::select),
// the same tables live on the team's PostgreSQL server instead, shared by every operator's computer; there
// reserve() takes a transaction-scoped advisory lock on the number (pg_advisory_xact_lock) before it
// counts, so two computers dispatching one number at the same instant count one after the other.
class ContactLedger final
{
    Q_DECLARE_TR_FUNCTIONS(ContactLedger)
public:
    // The file: <data folder>/contacts.sqlite.
    static QString defaultPath();

    explicit ContactLedger(const QString &path = defaultPath());
    // This computer's own file even when a team store is selected (to upload it).
    struct LocalFile {};
    ContactLedger(const QString &path, LocalFile);
    // That team store, whichever is selected (to test or upload to one before it is saved).
    ContactLedger(const TeamStoreAddress &address, const QString &password);
    ~ContactLedger();
    ContactLedger(const ContactLedger &) = delete;
    ContactLedger &operator=(const ContactLedger &) = delete;

    StorageResult open();
    bool isOpen() const { return m_open; }
    // The file, or the team store's address (without a password).
    const QString &path() const { return m_path; }
    bool isTeam() const { return m_team.has_value(); }
    // The store's schema version (the team store's; 0 for the local file).
    int schemaVersion() const { return m_schemaVersion; }

    struct Call
    {
        QString number;   // E.164 digits, no '+'
        QTimeZone zone;   // the recipient's: the caps' days, weeks and months are theirs
        QString campaign; // "" for a single send
        QString provider; // "exolve", "legacy"
        QString overrideReason; // non-empty: placed over a cap, the operator's reason recorded
    };
    struct Reservation
    {
        qint64 id = 0; // 0: refused: on the do-not-call list, or by a cap (see verdict)
        CapVerdict verdict;
        bool doNotCall = false; // on the shared do-not-call list: never called, whatever the override
        // Why a refused call was refused, as a clause: "79261234567 is on the do-not-call list", "the contact
        // policy allows no more calls to 79261234567 now (…)".
        QString refusal(const QString &number) const;
    };
    // Checks the do-not-call list and the caps for the call at `nowUtc` and, when allowed (a cap
    // overridden), records it before the request is written, in one transaction: a number put on the
    // list by anyone a moment ago is not called, and a crash after this leaves a call counted, never one
    // uncounted.
    Result<Reservation, StorageError> reserve(const Call &call, const ContactCaps &caps,
                                              const QDateTime &nowUtc = QDateTime::currentDateTimeUtc());
    // What the request came to: "placed" with the call id, "unknown" (may have rung: still counted), or
    // "not placed" (the API refused it: no call, not counted).
    StorageResult setOutcome(qint64 id, const QString &outcome, const QString &callId = {});
    // The same from the request's answer: its call id, or its error (unknown when it may have rung).
    StorageResult setOutcome(qint64 id, const Result<QString> &request);
    static QString notPlaced() { return QStringLiteral("not placed"); }

    // The verdict for one more call now, without recording anything (the preview).
    Result<CapVerdict, StorageError> check(const QString &number, const QTimeZone &zone, const ContactCaps &caps,
                                           const QDateTime &nowUtc = QDateTime::currentDateTimeUtc());
    // Each number with a call counted since `since` (repeats possible), for a filter ahead of check().
    StorageResult forEachNumberSince(const QDateTime &since, const std::function<void(const QString &)> &each);
    // The shared do-not-call list lives here too, with an append-only history of every change (SQLite
    // triggers refuse to change or delete a history row). Numbers are normalised E.164 digits.
    struct DoNotCallChange
    {
        QString reason;   // add: subscriber, operator-list, complaint, other; remove: the operator's words
        QString source;   // "manual", "import FILE", a campaign's name, "migrated from FILE"
        QString note;
        QString operatorName; // empty: this computer's user
    };
    struct DoNotCallEvent
    {
        QDateTime time; // UTC
        QString action; // "add", "remove"
        QString number;
        QString reason;
        QString source;
        QString note;
        QString operatorName;
    };
    StorageResult loadDoNotCall(QSet<QString> *numbers);
    // Adds or removes in one transaction with their history rows; returns how many changed.
    Result<qsizetype, StorageError> changeDoNotCall(bool add, const QStringList &numbers, const DoNotCallChange &why);
    Result<QList<DoNotCallEvent>, StorageError> doNotCallHistory();
    static QString currentOperator();

    // Calls recorded (all outcomes), for reports and tests.
    Result<qint64, StorageError> total();

    // The team's contact policy (a team store only; this computer's is in its settings). nullopt: none
    // was set on the team store yet.
    Result<std::optional<ContactPolicy>, StorageError> loadPolicy();
    StorageResult savePolicy(const ContactPolicy &policy);

    // Merges `local` (this computer's own store) into this one, in one transaction: the union of the
    // do-not-call lists with their history entries, and the ledger's calls deduplicated by call id (by
    // number, time and campaign when there is none). `local` is only read. Running it twice adds nothing.
    struct Upload
    {
        qint64 doNotCall = 0; // numbers that were not on this store's list
        qint64 history = 0;   // history entries
        qint64 calls = 0;     // ledger entries
    };
    Result<Upload, StorageError> upload(ContactLedger &local);

private:
    Result<ContactCounts, StorageError> counts(const QString &number, const ContactPeriods &periods);
    StorageResult exec(const QString &sql);
    // BEGIN for a change: IMMEDIATE on this computer's file; durable at commit on the team store.
    StorageResult beginWrite();
    StorageResult fail(const QString &what);
    // `text` with %1 the store and %2 why the error `e` happened; a lost team store is closed, to be
    // opened again by the next call.
    StorageError failure(const QSqlError &e, const QString &text);
    QString operatorName() const;
    // On defaultPath(): the store selected now (the team's, or this computer's file), reopened when the
    // selection changed since the last call.
    void followSelection();
    bool m_followsSelection = false;

    QString m_path;
    QString m_connection;
    bool m_open = false;
    std::optional<TeamStoreAddress> m_team;
    QString m_teamPassword;
    int m_schemaVersion = 0;
};

} // namespace vc
