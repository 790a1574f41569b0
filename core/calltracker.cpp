#include "calltracker.h"

#include "session.h"

#include <QUuid>

namespace vc {

CallTracker::CallTracker(Session *session, CallHistory *history, QObject *parent)
    : QObject(parent), m_session(session), m_history(history), m_monitor(new CallMonitor(session->exolve(), this))
{
    connect(m_monitor, &CallMonitor::updated, this, [this](const CallInfo &info) {
        if (!info.isFinal()) // the final answer comes once more through finished()
            onUpdate(info, false, false);
    });
    connect(m_monitor, &CallMonitor::finished, this, [this](const CallInfo &info) { onUpdate(info, true, false); });
    connect(m_monitor, &CallMonitor::stale, this, [this](const QString &id, const CallInfo &last) {
        CallInfo info = last;
        info.callId = id;
        onUpdate(info, false, true);
    });
    connect(m_session, &Session::profileChanged, this, [this] {
        m_monitor->clear();
        resume();
    });
}

CallRecord CallTracker::recordFor(const QString &callId) const
{
    if (auto existing = m_history->find(callId))
        return *existing;
    CallRecord r;
    r.callId = callId;
    r.profileId = m_session->profile().id;
    r.origin = CallRecord::Origin::Watched;
    return r;
}

void CallTracker::onUpdate(const CallInfo &info, bool final, bool stale)
{
    CallRecord record = recordFor(info.callId);
    const bool wasFinal = record.final || record.stale;
    if (!info.status.isEmpty() || info.created.isValid())
        record.apply(info);
    record.stale = stale;
    if (final)
        record.final = true;
    m_history->save(record);
    Q_EMIT callChanged(record);
    if ((final || stale) && !wasFinal)
        Q_EMIT callEnded(record);
}

void CallTracker::send(const VoiceCallRequest &request, const QString &serviceName, QObject *context,
                       std::function<void(const Result<CallRecord> &)> done)
{
    const QString profileId = m_session->profile().id;
    m_session->exolve()->makeVoiceMessage(request, context, [=, this](const Result<QString> &r) {
        CallRecord record;
        record.profileId = profileId;
        record.origin = CallRecord::Origin::Sent;
        record.source = request.source;
        record.destination = request.destination;
        record.serviceId = request.serviceId;
        record.serviceName = serviceName;
        record.created = QDateTime::currentDateTimeUtc();
        if (r.ok()) {
            record.callId = r.value();
            record.status = QStringLiteral("sent");
            m_history->save(record);
            Q_EMIT callChanged(record);
            m_monitor->watch(record.callId, record.created);
            return done(record);
        }
        if (r.error().outcomeUnknown) {
            // No call id came back: the record stands for the attempt, for the operator to check.
            record.callId = QStringLiteral("unknown-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
            record.status = CallRecord::unknownOutcomeStatus();
            record.outcomeUnknown = true;
            m_history->save(record);
            Q_EMIT callChanged(record);
        }
        done(r.error());
    });
}

void CallTracker::watch(const QString &callId)
{
    CallRecord record = recordFor(callId);
    if (record.status.isEmpty())
        record.status = QStringLiteral("watching");
    record.final = false;
    record.stale = false;
    m_history->save(record);
    Q_EMIT callChanged(record);
    m_monitor->watch(callId, record.created, record.timeout);
}

void CallTracker::resume()
{
    if (!m_session->isActive())
        return;
    for (const CallRecord &r : m_history->unfinished(m_session->profile().id))
        m_monitor->watch(r.callId, r.created, r.timeout);
}

} // namespace vc
