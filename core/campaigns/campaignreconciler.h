#pragma once

#include "calls/callhistory.h"
#include "campaigns/campaignjournal.h"
#include "exolve/exolvetypes.h"

#include <QCoreApplication>
#include <QObject>

#include <functional>

namespace vc {

class ExolveClient;

// What Exolve's call history says about one unknown row.
struct ReconcileVerdict
{
    enum class Kind {
        Placed,       // exactly one call of this campaign's time: the row is placed with its id
        NotPlaced,    // no call, and the settle time has passed: it may be sent again (by the operator)
        StillUnknown, // too early to say, several candidates, or the journal does not say when
    };
    qint64 line = 0;
    QString number;
    Kind kind = Kind::StillUnknown;
    QString callId;        // Placed: the history's call_id
    bool historyId = false; // Placed: an id of the history's own kind (a uint64), not a voice-message id
    std::optional<quint32> duration;
    QString why;           // translated: what the history showed, for the row's details
    int candidates = 0;    // calls the history had for the number around the request
    bool changed = false;  // the journal was changed by this verdict

    static QString kindName(Kind k); // "placed", "not_placed", "still_unknown"
    // Placed under a history id of the other kind: the outcome the call history gives (seconds of talk),
    // which GetInfo cannot. nullopt otherwise.
    std::optional<int> historyOutcome() const
    {
        return kind == Kind::Placed && historyId ? std::optional<int>(int(duration.value_or(0))) : std::nullopt;
    }
};

// How a reconcile's verdicts add up (voicectl's summary, the dialog's).
struct ReconcileTally
{
    int placed = 0;
    int notPlaced = 0;
    int stillUnknown = 0;
    int toFollow = 0;     // placed under a voice-message id: followed with GetInfo
    bool changed = false; // the journal was written

    static ReconcileTally of(const QList<ReconcileVerdict> &verdicts);
};

struct ReconcileOptions
{
    // After this many minutes without the call in the history, a request is taken as never placed. The
    // history is built from the switch's call records, which reach it some time after a call; and a
    // request that timed out may still be carried out by the server for a while.
    int settleMin = 10;
    int allowanceSec = 120;  // clocks differ: the period asked starts this much before the request
    int lookAheadMin = 15;   // and ends this long after it (a call is in the history by its start)
    std::function<QDateTime()> clock = [] { return QDateTime::currentDateTimeUtc(); };
};

// Turns a campaign's unknown rows into known ones from Exolve's own call history
// (statistics/call-history/v1/GetList), one row at a time, never guessing: a row is placed only when
// exactly one call to its number, not known to this campaign, was made around its request; not placed
// only when none was and the settle time has passed. Writes each verdict to the journal as it comes.
class CampaignReconciler final : public QObject
{
    Q_OBJECT
public:
    CampaignReconciler(CampaignJournal *journal, ExolveClient *client, ReconcileOptions options = {}, QObject *parent = nullptr);

    void start();

    // The verdict for one row from the history's entries for its number around its request (pure: tests).
    static ReconcileVerdict judge(const CampaignJournal::UnknownRow &row, const QList<CallHistoryEntry> &entries,
                                  const QSet<QString> &knownIds, const QDateTime &now, const ReconcileOptions &options);
    // An unknown single send (a call history record "unknown-..."), with a campaign row's rules: asked
    // around the time it was recorded; when placed, the record takes the id found (and, for a history id,
    // its outcome). Calls already in the history are not candidates. `done` on `context`.
    static void resolveSend(const CallRecord &record, ExolveClient *client, CallHistory *history, QObject *context,
                            std::function<void(const ReconcileVerdict &, const QString &error)> done, ReconcileOptions options = {});
    // The shared call history had the calls found as "outcome unknown" ("unknown-..." of the campaign
    // named by `journalPath`): they take the ids found.
    static void recordInHistory(const QList<ReconcileVerdict> &verdicts, CallHistory *history, const QString &journalPath);
    // The period asked for a request written at `requestedAt`.
    static CallHistoryQuery queryFor(const CampaignJournal::UnknownRow &row, const QDateTime &now, const ReconcileOptions &options);

Q_SIGNALS:
    void rowJudged(const vc::ReconcileVerdict &verdict);
    // All rows judged (error empty), or stopped by an error of the API or the journal; the verdicts so far
    // are written either way.
    void finished(const QList<vc::ReconcileVerdict> &verdicts, const QString &error);

private:
    void next();
    StorageResult apply(ReconcileVerdict &verdict, const CampaignJournal::UnknownRow &row);

    CampaignJournal *m_journal;
    ExolveClient *m_client;
    ReconcileOptions m_options;
    QList<CampaignJournal::UnknownRow> m_rows;
    QSet<QString> m_known;
    QList<ReconcileVerdict> m_verdicts;
};

} // namespace vc
