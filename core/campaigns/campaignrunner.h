#pragma once

#include "calls/callhistory.h"
#include "calls/callmonitor.h"
#include "campaigns/campaignjournal.h"
#include "campaigns/campaignplanner.h"
#include "campaigns/sendingwindow.h"
#include "policy/contactledger.h"

#include <QElapsedTimer>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <optional>

namespace vc {

struct RunnerOptions
{
    double rate = 1.0;           // calls per second
    int concurrency = 4;         // requests in flight
    SendingWindow window;
    QTimeZone defaultZone = QTimeZone::systemTimeZone();
    int redial = 0;              // more calls for busy / no_answer
    qint64 redialGapMs = 10 * 60 * 1000;
    // Per outcome, when they differ: the re-dials a busy (no_answer) ending allows, counted over the row's
    // calls so far, and the gap before the next; nullopt: redial / redialGapMs.
    std::optional<int> redialBusy;
    std::optional<qint64> redialBusyGapMs;
    std::optional<int> redialNoAnswer;
    std::optional<qint64> redialNoAnswerGapMs;
    bool waitForCalls = true;    // false: done once every row is dispatched (no following)
    bool dispatch = true;        // false: only follow the calls already placed (after a reconcile), call nobody
    qint64 startAtMs = 0;        // scheduled start (ms since the epoch, UTC): nothing is dispatched before it
    int unknownStreakLimit = 5;  // this many unknown outcomes in a row stop the campaign
    int backoffInitialMs = 1000; // a 429 without Retry-After
    int backoffMaxMs = 60000;
    MonitorOptions monitor;
};

// Runs a campaign from its journal: dispatches ready rows at the rate, within the concurrency and each
// recipient's sending window; follows every placed call to its end; re-dials when asked. The journal
// is written before each request and after each answer, so that a crash leaves it consistent: a row
// caught mid-request is `unknown` and never sent again automatically.
class CampaignRunner final : public QObject
{
    Q_OBJECT
public:
    // Places one call for a row; answers through the callback on `context`.
    using Dispatcher = std::function<void(const CampaignRow &row, QObject *context, std::function<void(const Result<QString> &)>)>;
    using StatusTest = std::function<bool(const QString &status)>;

    enum class Outcome {
        Finished,        // nothing left to do in this run (rows may still wait: see the counts)
        Interrupted,     // stop() was called
        NetworkStopped,  // the network failed: resumable
        Refused,         // the API refused the campaign as a whole (key, account, balance)
        StorageFailed,   // the journal could not be written: stopped before the next call
    };
    Q_ENUM(Outcome)

    CampaignRunner(CampaignJournal *journal, Dispatcher dispatch, CallMonitor::Poller poller, const RunnerOptions &options,
                   QObject *parent = nullptr);
    ~CampaignRunner() override;

    // Which final statuses count as delivered, and which may be re-dialled.
    void setDeliveredTest(StatusTest test) { m_delivered = std::move(test); }
    void setRedialTest(StatusTest test) { m_redialable = std::move(test); }
    // Calls also go to the call history, tagged with `campaign`; `base` gives profile, source, service.
    void setHistory(CallHistory *history, const QString &campaign, const CallRecord &base);
    // Every call is recorded in the contact ledger before its request is written, and the caps are
    // checked there: a row over a cap waits, untouched otherwise, until its next possible time.
    void setContactLedger(ContactLedger *ledger, const ContactCaps &caps, const QString &campaign, const QString &provider);

    void start();
    // Stops dispatching; requests in flight finish within their deadline; then finished(Interrupted).
    void stop();
    bool isRunning() const { return m_started && !m_done; }
    bool isStopping() const { return m_stop.has_value(); }
    int inFlight() const { return m_inFlight; }
    int following() const { return int(m_following.size()); }
    // Until when a 429 pauses dispatching (invalid when not paused).
    QDateTime pausedUntil() const;
    QDateTime waitingUntil() const { return m_waitingUntil; }
    const ApiError &lastError() const { return m_lastError; }
    CallMonitor *monitor() { return m_monitor; }

Q_SIGNALS:
    void rowDispatched(qint64 line);
    void rowPlaced(qint64 line, const QString &callId);
    void rowFailed(qint64 line, vc::RowState state, const vc::ApiError &error);
    void callEnded(qint64 line, const vc::CallInfo &info, bool stale);
    // Nothing can be dispatched before `until` (windows, re-dials); `rows` wait.
    void waiting(const QDateTime &until, qint64 rows);
    void rateLimited(qint64 pauseMs);
    // The team store (where the caps are checked) cannot be reached since `since`: nothing is dispatched
    // without a cap check, so the campaign pauses and tries again at `retryAt`, then goes on by itself.
    void storeUnreachable(const QDateTime &since, const QDateTime &retryAt, const QString &error);
    void storeReachable();
    void storageFailed(const QString &error);
    void finished(vc::CampaignRunner::Outcome outcome);

private:
    struct Followed
    {
        qint64 line = 0;
        int attempts = 0;
        QString status;
        CallRecord record;
    };

    void pump();
    void arm(qint64 ms);
    // false: not dispatched (over a cap: deferred; or storage failed).
    bool dispatch(const CampaignRow &row);
    void onDispatched(const CampaignRow &row, qint64 ledgerId, const Result<QString> &result);
    void recordOutcome(qint64 ledgerId, const Result<QString> &request);
    void follow(const QString &callId, const Followed &f, const QDateTime &created);
    void onCallEnded(const CallInfo &info, bool stale);
    void stopWith(Outcome outcome, const ApiError &error = {});
    void finishIfIdle();
    void storageFailure(const StorageResult &r);
    bool isCampaignRefusal(const ApiError &e) const;
    QTimeZone zoneFor(const CampaignRow &row);
    QTimeZone zoneNamed(const QString &name);
    // The zones whose window is open at `at`.
    QStringList openZones(const QDateTime &at);
    // When the next pending row may be called (its not-before, inside its zone's window); nullopt: none.
    std::optional<qint64> nextDue(const QDateTime &at);
    void saveHistory(const CallRecord &record);

    CampaignJournal *m_journal;
    Dispatcher m_dispatch;
    RunnerOptions m_options;
    CallMonitor *m_monitor;
    StatusTest m_delivered;
    StatusTest m_redialable;
    CallHistory *m_history = nullptr;
    ContactLedger *m_ledger = nullptr;
    ContactCaps m_caps;
    QString m_ledgerCampaign;
    QString m_provider;
    QString m_campaign;
    CallRecord m_base;

    QTimer m_timer;
    QElapsedTimer m_clock;
    double m_nextSlotMs = 0;     // on m_clock
    qint64 m_pausedUntilMs = 0;  // wall clock
    qint64 m_backoffMs = 0;
    QDateTime m_storeAwaySince;  // the team store stopped answering (invalid: it answers)
    qint64 m_storeBackoffMs = 0;
    // Outcomes of calls placed while the store was away: recorded once it answers (the calls are counted).
    QList<QPair<qint64, Result<QString>>> m_unrecordedOutcomes;
    // The store answers again, or waits: true when this reservation's failure paused the campaign.
    bool storeAway(const StorageError &error);
    QList<CampaignRow> m_buffer;
    QHash<QString, Followed> m_following;
    ZoneCache m_zones;
    QSet<QString> m_zoneNames; // the zones of the rows still to call ("": the campaign's default)
    int m_inFlight = 0;
    int m_unknownStreak = 0;
    bool m_started = false;
    bool m_done = false;
    std::optional<Outcome> m_stop;
    ApiError m_lastError;
    QDateTime m_waitingUntil;
};

} // namespace vc
