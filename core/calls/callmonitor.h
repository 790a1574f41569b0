#pragma once

#include "common/apierror.h"
#include "exolve/exolvetypes.h"
#include "common/result.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMultiMap>
#include <QObject>
#include <QTimer>

#include <functional>

namespace vc {

struct MonitorOptions
{
    QList<int> scheduleMs = {1000, 2000, 5000}; // delay before the 1st, 2nd, 3rd... poll; the last repeats
    int errorBackoffMaxMs = 30000;  // after a failed poll the delay doubles up to this
    int maxInFlight = 6;            // requests under way at once, each on a connection of its own
    int staleMarginSec = 120;       // past created + timeout + this, a call that is not final is stale
};

// Follows calls through a poller (call/v1/GetInfo, or Voice/State mapped to a CallInfo) until each is final (a known final status, or `ended` set) or
// stale. One timer serves every call, armed for the earliest due poll; with nothing to follow nothing
// runs: no timer, no request.
class CallMonitor final : public QObject
{
    Q_OBJECT
public:
    // Asks for one call's state and answers through the callback on `context`.
    using Poller = std::function<void(const QString &id, QObject *context, std::function<void(const Result<CallInfo> &)>)>;

    explicit CallMonitor(Poller poller, QObject *parent = nullptr);

    void setOptions(const MonitorOptions &options) { m_options = options; }
    // Where a call's state comes from (the profile's provider can change).
    void setPoller(Poller poller) { m_poller = std::move(poller); }
    const MonitorOptions &options() const { return m_options; }

    // `created` and `timeoutSec` (when known) let the stale rule work before the first answer.
    void watch(const QString &callId, const QDateTime &created = {}, int timeoutSec = -1);
    void unwatch(const QString &callId);
    void clear();

    bool isWatching(const QString &callId) const { return m_calls.contains(callId); }
    int inFlight() const { return m_inFlight; }
    bool isIdle() const { return m_calls.isEmpty() && m_inFlight == 0 && !m_timer.isActive(); }
    qint64 requestsMade() const { return m_requests; }

Q_SIGNALS:
    void updated(const vc::CallInfo &info);         // every answer
    void finished(const vc::CallInfo &info);        // final: no more polling
    void stale(const QString &callId, const vc::CallInfo &last);
    void pollFailed(const QString &callId, const vc::ApiError &error);

private:
    struct Watched
    {
        QString id;
        int polls = 0;
        int errors = 0;
        bool inFlight = false;
        qint64 dueMs = 0;
        QDateTime created;
        int timeoutSec = -1;
        CallInfo last;
    };

    void schedule(Watched &call, qint64 delayMs);
    void arm();
    void onTimer();
    void poll(const QString &callId);
    void onAnswer(const QString &callId, const Result<CallInfo> &result);
    bool isStale(const Watched &call) const;

    Poller m_poller;
    MonitorOptions m_options;
    QHash<QString, Watched> m_calls;
    QMultiMap<qint64, QString> m_due; // due time (ms on m_clock) -> call id
    QTimer m_timer;
    QElapsedTimer m_clock;
    int m_inFlight = 0;
    qint64 m_requests = 0;
    quint64 m_generation = 0; // bumped by clear(): answers to older polls are dropped
};

} // namespace vc
