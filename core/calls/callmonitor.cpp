#include "calls/callmonitor.h"


#include <QLoggingCategory>

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
    const qint64 now = m_clock.elapsed();
    while (!m_due.isEmpty() && m_due.firstKey() <= now && m_inFlight < m_options.maxInFlight) {
        const QString id = m_due.first();
        m_due.erase(m_due.begin());
        poll(id);
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
        onAnswer(callId, r);
        arm();
    };
    m_poller(callId, this, answer);
}

bool CallMonitor::isStale(const Watched &call) const
{
    const QDateTime created = call.last.created.isValid() ? call.last.created : call.created;
    return isPastAnswerTimeout(created, call.last.timeout.value_or(call.timeoutSec), QDateTime::currentDateTimeUtc(),
                               m_options.staleMarginSec);
}

void CallMonitor::onAnswer(const QString &callId, const Result<CallInfo> &result)
{
    auto it = m_calls.find(callId);
    if (it == m_calls.end())
        return; // unwatched while the request ran
    Watched &call = *it;
    call.inFlight = false;
    if (!result) {
        ++call.errors;
        qCInfo(lcMonitor).noquote() << "poll failed for" << callId << result.error().kindName() << result.error().httpStatus;
        Q_EMIT pollFailed(callId, result.error());
        if (isStale(call)) {
            const CallInfo last = call.last;
            m_calls.erase(it);
            Q_EMIT stale(callId, last);
            return;
        }
        // Fewer polls while the API fails: double the last delay for each error in a row.
        const int base = m_options.scheduleMs.value(std::min<int>(call.polls, int(m_options.scheduleMs.size()) - 1), 5000);
        const qint64 delay = std::min<qint64>(m_options.errorBackoffMaxMs, qint64(base) << std::min(call.errors, 10));
        schedule(call, delay);
        return;
    }
    call.errors = 0;
    call.last = result.value();
    const CallInfo info = call.last;
    Q_EMIT updated(info);
    it = m_calls.find(callId); // a receiver may have unwatched it
    if (it == m_calls.end())
        return;
    Watched &current = *it;
    if (current.last.isFinal()) {
        m_calls.erase(it);
        Q_EMIT finished(info);
        return;
    }
    if (isStale(current)) {
        m_calls.erase(it);
        Q_EMIT stale(callId, info);
        return;
    }
    const int index = std::min<int>(current.polls, int(m_options.scheduleMs.size()) - 1);
    schedule(current, m_options.scheduleMs.value(index, 5000));
}

} // namespace vc
