#include "calls/callmonitor.h"


#include <QLoggingCategory>
#include <QPointer>

#include <optional>

namespace vc {

namespace {
Q_LOGGING_CATEGORY(lcMonitor, "vc.monitor")
}

CallMonitor::CallMonitor(Poller poller, QObject *parent) : QObject(parent), m_poller(std::move(poller))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &CallMonitor::onTimer);
    m_clock.start();
}

void CallMonitor::watch(const QString &callId, const QDateTime &created, int timeoutSec)
{
    if (callId.isEmpty() || m_calls.contains(callId))
        return;
    Watched call;
    call.id = callId;
    call.created = created.isValid() ? created : QDateTime::currentDateTimeUtc();
    call.timeoutSec = timeoutSec;
    auto &stored = m_calls[callId] = call;
    schedule(stored, m_options.scheduleMs.value(0, 1000));
    arm();
}

void CallMonitor::unwatch(const QString &callId)
{
    auto it = m_calls.find(callId);
    if (it == m_calls.end())
        return;
    if (!it->inFlight)
        m_due.remove(it->dueMs, callId);
    m_calls.erase(it);
    arm();
}

void CallMonitor::clear()
{
    ++m_generation;
    m_calls.clear();
    m_due.clear();
    m_inFlight = 0;
    m_timer.stop();
}

void CallMonitor::schedule(Watched &call, qint64 delayMs)
{
    call.dueMs = m_clock.elapsed() + delayMs;
    m_due.insert(call.dueMs, call.id);
}

void CallMonitor::arm()
{
    if (m_due.isEmpty() || m_inFlight >= m_options.maxInFlight) {
        m_timer.stop();
        return;
    }
    const qint64 wait = std::max<qint64>(0, m_due.firstKey() - m_clock.elapsed());
    m_timer.start(int(std::min<qint64>(wait, 24 * 3600 * 1000)));
}

void CallMonitor::onTimer()
{
    // A poller may answer at once, and a slot of that answer may clear or delete the monitor.
    const QPointer<CallMonitor> self(this);
    const quint64 generation = m_generation;
    const qint64 now = m_clock.elapsed();
    while (!m_due.isEmpty() && m_due.firstKey() <= now && m_inFlight < m_options.maxInFlight) {
        const QString id = m_due.first();
        m_due.erase(m_due.begin());
        poll(id);
        if (!self || generation != m_generation)
            return;
    }
    arm();
}

void CallMonitor::poll(const QString &callId)
{
    auto it = m_calls.find(callId);
    if (it == m_calls.end())
        return;
    it->inFlight = true;
    ++it->polls;
    ++m_inFlight;
    ++m_requests;
    const quint64 generation = m_generation;
    auto answer = [this, callId, generation](const Result<CallInfo> &r) {
        if (generation != m_generation)
            return;
        --m_inFlight;
        onAnswer(callId, r); // arms the timer itself, before it tells anyone
    };
    m_poller(callId, this, answer);
}

bool CallMonitor::isStale(const Watched &call) const
{
    const QDateTime created = call.last.created.isValid() ? call.last.created : call.created;
    return isPastAnswerTimeout(created, call.last.timeout.value_or(call.timeoutSec), QDateTime::currentDateTimeUtc(),
                               m_options.staleMarginSec);
}

// Every change to m_calls, m_due and the timer is made before the first signal: a slot may unwatch,
// clear or even delete the monitor, so after an emit nothing here touches an entry, and `this` only
// once it is known to be alive and not cleared since.
void CallMonitor::onAnswer(const QString &callId, const Result<CallInfo> &result)
{
    auto it = m_calls.find(callId);
    if (it == m_calls.end()) {
        arm();
        return; // unwatched while the request ran
    }
    it->inFlight = false;
    const QPointer<CallMonitor> self(this);
    const quint64 generation = m_generation;
    const auto stillHere = [&] { return self && generation == m_generation; };

    if (!result) {
        ++it->errors;
        qCInfo(lcMonitor).noquote() << "poll failed for" << callId << result.error().kindName() << result.error().httpStatus;
        std::optional<CallInfo> staleLast;
        if (isStale(*it)) {
            staleLast = it->last;
            m_calls.erase(it);
        } else {
            // Fewer polls while the API fails: double the last delay for each error in a row.
            const int base = m_options.scheduleMs.value(std::min<int>(it->polls, int(m_options.scheduleMs.size()) - 1), 5000);
            schedule(*it, std::min<qint64>(m_options.errorBackoffMaxMs, qint64(base) << std::min(it->errors, 10)));
        }
        arm();
        Q_EMIT pollFailed(callId, result.error());
        if (staleLast && stillHere())
            Q_EMIT stale(callId, *staleLast);
        return;
    }

    it->errors = 0;
    it->last = result.value();
    const CallInfo info = it->last;
    enum class Next { Poll, Finished, Stale } next = Next::Poll;
    if (info.isFinal())
        next = Next::Finished;
    else if (isStale(*it))
        next = Next::Stale;
    if (next == Next::Poll) {
        const int index = std::min<int>(it->polls, int(m_options.scheduleMs.size()) - 1);
        schedule(*it, m_options.scheduleMs.value(index, 5000));
    } else {
        m_calls.erase(it);
    }
    arm();
    Q_EMIT updated(info);
    if (next == Next::Poll || !stillHere())
        return;
    if (next == Next::Finished)
        Q_EMIT finished(info);
    else
        Q_EMIT stale(callId, info);
}

} // namespace vc
