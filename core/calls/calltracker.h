#pragma once

#include "calls/callhistory.h"
#include "calls/callmonitor.h"
#include "legacy/legacyclient.h"
#include "policy/contactledger.h"
#include "common/result.h"

#include <QObject>

class QSettings;

namespace vc {

class Session;

// Sending, watching and remembering calls for the active profile: places a call (once), records it in
// the history, follows it with the monitor until it ends, and resumes unfinished calls after a restart
// or a profile switch.
class CallTracker final : public QObject
{
    Q_OBJECT
public:
    CallTracker(Session *session, CallHistory *history, QObject *parent = nullptr);

    CallMonitor *monitor() const { return m_monitor; }
    CallHistory *history() const { return m_history; }

    // Sends a voice message. Never resent: when the outcome is unknown the history gets an
    // "outcome unknown" record and `done` gets the error that says so.
    // The contact policy is checked first and the call recorded in the contact ledger: over a cap it is
    // refused (a Validation error naming the cap) unless `overrideReason` says why, which is recorded.
    void send(const VoiceCallRequest &request, const QString &serviceName, QObject *context,
              std::function<void(const Result<CallRecord> &)> done, const QString &overrideReason = {});
    // integrationapi.net: Voice/Send, then Voice/State until listened, not listened or error.
    void sendLegacy(const LegacySendRequest &request, QObject *context, std::function<void(const Result<CallRecord> &)> done,
                    const QString &overrideReason = {});
    // Why one more call to `number` (E.164 digits) would be over the contact policy's cap now, in this
    // computer's zone; nullopt when it is allowed (or the ledger cannot say: the send will).
    std::optional<CapVerdict> overCap(const QString &number);
    // The same, answered on `context`'s thread: at once on this computer's store, from a worker thread
    // on a team store (its server is never waited for on the window's thread).
    void checkCap(const QString &number, QObject *context, std::function<void(const std::optional<CapVerdict> &)> done);
    // Where the caps come from (the app's settings); unset: the shared settings file.
    void setSettings(QSettings *settings) { m_settings = settings; }

    // Follows a call placed elsewhere (another tool, the web cabinet).
    void watch(const QString &callId);
    // Many calls at once (a list pasted in, a campaign's calls): taken a few at a time per turn of the
    // event loop.
    void watch(const QStringList &callIds);
    // Resumes the unfinished calls of the active profile.
    void resume();

Q_SIGNALS:
    void callChanged(const vc::CallRecord &record);
    void callEnded(const vc::CallRecord &record);

private:
    void onUpdate(const CallInfo &info, bool final, bool stale);
    void watchSome();
    void choosePoller();
    // Records a send: a new call to follow, an "outcome unknown" attempt, or nothing for a clean refusal.
    void finishSend(CallRecord record, const std::optional<ApiError> &error,
                    const std::function<void(const Result<CallRecord> &)> &done);
    CallRecord recordFor(const QString &callId) const;
    // The ledger's entry for a send in `ledger`, or the error to give `done` (refused by a cap, or not
    // recordable); and the cap's word alone. Static: also run on a worker thread with a ledger of its own.
    static Result<qint64> reserveOn(ContactLedger &ledger, const ContactLedger::Call &call, const ContactCaps &caps);
    static std::optional<CapVerdict> overCapOn(ContactLedger &ledger, const QString &number, const ContactCaps &caps);
    // reserveOn() at once on this computer's store, on a worker thread on a team store.
    void reserveThen(const QString &number, const QString &provider, const QString &overrideReason, QObject *context,
                     std::function<void(const Result<qint64> &)> then);
    void recordOutcome(qint64 id, const Result<QString> &r);
    ApiError switchedMeanwhile(qint64 ledgerId);

    Session *m_session;
    CallHistory *m_history;
    CallMonitor *m_monitor;
    ContactLedger m_ledger;
    QSettings *m_settings = nullptr;
    ContactCaps caps() const;
    QStringList m_toWatch;
    qsizetype m_toWatchNext = 0;
};

} // namespace vc
