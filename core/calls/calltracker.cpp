#include "calls/calltracker.h"

#include "common/offthread.h"

#include <QThreadPool>

#include "common/jsoncodec.h"
#include "accounts/session.h"
#include "accounts/settings.h"
#include "calls/pollers.h"
#include "common/validation.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>
#include <QUuid>

#include <limits>

#include <QCoreApplication>

namespace vc {

CallTracker::CallTracker(Session *session, CallHistory *history, QObject *parent)
    : QObject(parent), m_session(session), m_history(history), m_monitor(new CallMonitor(exolvePoller(session->exolve()), this))
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
        choosePoller();
        resume();
    });
    choosePoller();
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
    m_history->saveSoon(record);
    const QPointer<CallTracker> self(this);
    Q_EMIT callChanged(record);
    if (self && (final || stale) && !wasFinal)
        Q_EMIT callEnded(record);
}

ContactCaps CallTracker::caps() const
{
    if (m_settings && !TeamStore::selected())
        return ContactPolicy::load(Settings(m_settings)).caps;
    return ContactPolicy::loadShared().caps; // the team's, on a team store
}

void CallTracker::checkCap(const QString &number, QObject *context, std::function<void(const std::optional<CapVerdict> &)> done)
{
    if (!TeamStore::selected())
        return done(overCap(number));
    runOffThread<std::optional<CapVerdict>>(
        context,
        [number] {
            ContactLedger ledger(ContactLedger::defaultPath());
            return overCapOn(ledger, number, ContactPolicy::loadShared().caps);
        },
        std::move(done));
}

void CallTracker::reserveThen(const QString &number, const QString &provider, const QString &overrideReason, QObject *context,
                              std::function<void(const Result<qint64> &)> then)
{
    const ContactLedger::Call call{number, QTimeZone::systemTimeZone(), {}, provider, overrideReason};
    if (!TeamStore::selected())
        return then(reserveOn(m_ledger, call, caps()));
    runOffThread<Result<qint64>>(
        context,
        [call] {
            ContactLedger ledger(ContactLedger::defaultPath());
            return reserveOn(ledger, call, ContactPolicy::loadShared().caps);
        },
        std::move(then));
}

std::optional<CapVerdict> CallTracker::overCap(const QString &number)
{
    return overCapOn(m_ledger, number, caps());
}

std::optional<CapVerdict> CallTracker::overCapOn(ContactLedger &ledger, const QString &number, const ContactCaps &caps)
{
    const auto v = ledger.check(number, QTimeZone::systemTimeZone(), caps);
    if (!v || v.value().allowed)
        return std::nullopt; // a store that cannot answer is said by the reservation itself
    return v.value();
}

Result<qint64> CallTracker::reserveOn(ContactLedger &ledger, const ContactLedger::Call &call, const ContactCaps &caps)
{
    const auto r = ledger.reserve(call, caps);
    ApiError e;
    e.kind = ApiError::Kind::Validation;
    if (!r) {
        e.explanation = tr("Nothing was sent: %1").arg(r.error().message);
        return e;
    }
    if (r.value().id == 0) {
        e.field = QStringLiteral("destination");
        e.explanation = tr("Nothing was sent: %1.").arg(r.value().refusal(call.number));
        return e;
    }
    return r.value().id;
}

void CallTracker::recordOutcome(qint64 id, const Result<QString> &r)
{
    if (TeamStore::selected()) {
        QThreadPool::globalInstance()->start([id, r] {
            ContactLedger ledger(ContactLedger::defaultPath());
            (void)ledger.setOutcome(id, r);
        });
        return;
    }
    (void)m_ledger.setOutcome(id, r); // the call is counted already; only the report loses detail
}

void CallTracker::send(const VoiceCallRequest &request, const QString &serviceName, QObject *context,
                       std::function<void(const Result<CallRecord> &)> done, const QString &overrideReason)
{
    const QString profileId = m_session->profile().id;
    reserveThen(request.destination, QStringLiteral("exolve"), overrideReason, context ? context : this,
                [=, this](const Result<qint64> &contact) {
        if (!contact)
            return done(contact.error());
        if (profileId != m_session->profile().id) // switched meanwhile: nothing is sent on another account
            return done(switchedMeanwhile(contact.value()));
        m_session->exolve()->makeVoiceMessage(request, context, [=, this, id = contact.value()](const Result<QString> &r) {
            recordOutcome(id, r);
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
            }
            finishSend(record, r.ok() ? std::nullopt : std::optional<ApiError>(r.error()), done);
        });
    });
}

void CallTracker::finishSend(CallRecord record, const std::optional<ApiError> &error,
                             const std::function<void(const Result<CallRecord> &)> &done)
{
    if (!error) {
        (void)m_history->save(record); // a failed write is reported by CallHistory::writeFailed
        // Followed before anyone hears of it: a slot may clear the monitor (a profile switch).
        m_monitor->watch(record.callId, record.created, record.timeout);
        Q_EMIT callChanged(record);
        return done(record);
    }
    if (error->outcomeUnknown) {
        // No id came back: the record stands for the attempt, for the operator to check.
        record.callId = QStringLiteral("unknown-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        record.status = CallRecord::unknownOutcomeStatus();
        record.outcomeUnknown = true;
        (void)m_history->save(record); // a failed write is reported by CallHistory::writeFailed
        Q_EMIT callChanged(record);
    }
    done(*error);
}

void CallTracker::choosePoller()
{
    if (!m_session->isLegacy()) {
        m_monitor->setPoller(exolvePoller(m_session->exolve()));
        return;
    }
    m_monitor->setPoller(legacyPoller(m_session->legacy(), [this](CallInfo &info) {
        if (const auto record = m_history->find(info.callId)) {
            info.created = record->created;
            info.timeout = record->timeout;
            info.source = record->source;
            info.destination = record->destination;
        }
    }));
}

void CallTracker::sendLegacy(const LegacySendRequest &request, QObject *context, std::function<void(const Result<CallRecord> &)> done,
                             const QString &overrideReason)
{
    const QString profileId = m_session->profile().id;
    reserveThen(Validation::phoneNumber(request.destination).valueOr(request.destination), QStringLiteral("legacy"), overrideReason,
                context ? context : this, [=, this](const Result<qint64> &contact) {
        if (!contact)
            return done(contact.error());
        if (profileId != m_session->profile().id) // switched meanwhile: nothing is sent on another account
            return done(switchedMeanwhile(contact.value()));
        m_session->legacy()->send(request, context, [=, this, id = contact.value()](const Result<quint64> &r) {
            recordOutcome(id, r ? Result<QString>(QString::number(r.value())) : Result<QString>(r.error()));
            CallRecord record;
            record.profileId = profileId;
            record.origin = CallRecord::Origin::Sent;
            record.source = Validation::phoneNumber(request.source).valueOr(request.source);
            record.destination = Validation::phoneNumber(request.destination).valueOr(request.destination);
            record.serviceId = json::uint64ToString(request.fileId);
            record.serviceName = QCoreApplication::translate("CallTracker", "audio file %1").arg(request.fileId);
            record.created = QDateTime::currentDateTimeUtc();
            // A scheduled message stays "sending" until its time: it is stale only an hour after that.
            const qint64 wait = request.sendDate.isValid() ? std::max<qint64>(0, record.created.secsTo(request.sendDate)) : 0;
            record.timeout = int(std::min<qint64>(wait + 3600, std::numeric_limits<int>::max() / 2));
            if (r.ok()) {
                record.callId = json::uint64ToString(r.value());
                record.status = LegacyState::statusName(0);
            }
            finishSend(record, r.ok() ? std::nullopt : std::optional<ApiError>(r.error()), done);
        });
    });
}

ApiError CallTracker::switchedMeanwhile(qint64 ledgerId)
{
    ApiError e;
    e.kind = ApiError::Kind::Validation;
    e.explanation = tr("Nothing was sent: the profile was switched while the contact policy was checked.");
    recordOutcome(ledgerId, Result<QString>(e)); // reserved, never requested: "not placed", not counted
    return e;
}

void CallTracker::watch(const QString &callId)
{
    CallRecord record = recordFor(callId);
    if (record.status.isEmpty())
        record.status = QStringLiteral("watching");
    record.final = false;
    record.stale = false;
    m_history->saveSoon(record);
    m_monitor->watch(callId, record.created, record.timeout);
    Q_EMIT callChanged(record);
}

void CallTracker::watch(const QStringList &callIds)
{
    m_toWatch += callIds;
    watchSome();
}

void CallTracker::watchSome()
{
    // A few milliseconds per turn of the event loop: a thousand calls at once never freeze the window.
    QElapsedTimer spent;
    spent.start();
    while (m_toWatchNext < m_toWatch.size() && spent.elapsed() < 4)
        watch(m_toWatch.at(m_toWatchNext++));
    if (m_toWatchNext < m_toWatch.size()) {
        QTimer::singleShot(0, this, &CallTracker::watchSome);
        return;
    }
    m_toWatch.clear();
    m_toWatchNext = 0;
}

void CallTracker::resume()
{
    if (!m_session->isActive())
        return;
    for (const CallRecord &r : m_history->unfinished(m_session->profile().id))
        m_monitor->watch(r.callId, r.created, r.timeout);
}

} // namespace vc
