#include "campaigns/campaignrunner.h"

#include <QLoggingCategory>
#include <QUuid>

#include <cmath>
#include <utility>

namespace vc {

Q_LOGGING_CATEGORY(lcCampaign, "vc.campaign")

namespace {
qint64 wallMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}
} // namespace

CampaignRunner::CampaignRunner(CampaignJournal *journal, Dispatcher dispatch, CallMonitor::Poller poller,
                               const RunnerOptions &options, QObject *parent)
    : QObject(parent), m_journal(journal), m_dispatch(std::move(dispatch)), m_options(options),
      m_monitor(new CallMonitor(std::move(poller), this))
{
    m_options.rate = m_options.rate > 0 ? m_options.rate : 1.0;
    m_options.concurrency = std::max(1, m_options.concurrency);
    m_monitor->setOptions(m_options.monitor);
    m_delivered = [](const QString &status) { return status.compare(QLatin1String("completed"), Qt::CaseInsensitive) == 0; };
    m_redialable = [](const QString &status) {
        return status.compare(QLatin1String("busy"), Qt::CaseInsensitive) == 0 ||
               status.compare(QLatin1String("no_answer"), Qt::CaseInsensitive) == 0;
    };
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &CampaignRunner::pump);
    connect(m_monitor, &CallMonitor::updated, this, [this](const CallInfo &info) {
        auto it = m_following.find(info.callId);
        if (it == m_following.end() || info.status.isEmpty() || info.status == it->status)
            return;
        it->status = info.status;
        if (auto r = m_journal->updateStatus(it->line, info.status); !r)
            return storageFailure(r);
        it->record.apply(info);
        saveHistory(it->record);
    });
    connect(m_monitor, &CallMonitor::finished, this, [this](const CallInfo &info) { onCallEnded(info, false); });
    connect(m_monitor, &CallMonitor::stale, this, [this](const QString &id, const CallInfo &last) {
        CallInfo info = last;
        info.callId = id;
        onCallEnded(info, true);
    });
}

CampaignRunner::~CampaignRunner() = default;

void CampaignRunner::setHistory(CallHistory *history, const QString &campaign, const CallRecord &base)
{
    m_history = history;
    m_campaign = campaign;
    m_base = base;
}

void CampaignRunner::setContactLedger(ContactLedger *ledger, const ContactCaps &caps, const QString &campaign,
                                      const QString &provider)
{
    m_ledger = ledger;
    m_caps = caps;
    m_ledgerCampaign = campaign;
    m_provider = provider;
}

QDateTime CampaignRunner::pausedUntil() const
{
    return m_pausedUntilMs > wallMs() ? QDateTime::fromMSecsSinceEpoch(m_pausedUntilMs, QTimeZone::utc()) : QDateTime();
}

void CampaignRunner::start()
{
    if (m_started)
        return;
    m_started = true;
    m_clock.start();
    if (m_journal->meta(QStringLiteral("state")) != QLatin1String("started")) {
        if (auto r = m_journal->setMeta(QStringLiteral("state"), QStringLiteral("started")); !r)
            return storageFailure(r);
    }
    const QStringList zones = m_journal->pendingZones();
    m_zoneNames = QSet<QString>(zones.cbegin(), zones.cend());
    // Calls placed by an earlier run that are not final yet: followed again (a read, always safe).
    if (m_options.waitForCalls) {
        for (const CampaignRow &row : m_journal->following()) {
            Followed f;
            f.line = row.line;
            f.attempts = row.attempts;
            f.status = row.status;
            f.record = m_base;
            f.record.callId = row.callId;
            f.record.destination = row.number;
            f.record.created = row.placedAt;
            f.record.campaign = m_campaign;
            if (!row.serviceId.isEmpty())
                f.record.serviceId = row.serviceId;
            follow(row.callId, f, row.placedAt);
        }
    }
    QTimer::singleShot(0, this, &CampaignRunner::pump);
}

void CampaignRunner::stop()
{
    if (m_done || m_stop)
        return;
    stopWith(Outcome::Interrupted);
}

void CampaignRunner::stopWith(Outcome outcome, const ApiError &error)
{
    if (!m_stop) {
        m_stop = outcome;
        if (outcome != Outcome::Interrupted)
            m_lastError = error;
    }
    m_buffer.clear();
    m_timer.stop();
    finishIfIdle();
}

void CampaignRunner::finishIfIdle()
{
    if (m_done || m_inFlight > 0)
        return;
    m_done = true;
    m_timer.stop();
    m_monitor->clear();
    const Outcome outcome = m_stop.value_or(Outcome::Finished);
    if (outcome == Outcome::Finished) {
        const CampaignCounts c = m_journal->counts();
        if (c.waiting == 0 && c.following == 0 && c.dispatching == 0)
            (void)m_journal->setMeta(QStringLiteral("state"), QStringLiteral("finished")); // else it stays resumable, with nothing left
    }
    QTimer::singleShot(0, this, [this, outcome] { Q_EMIT finished(outcome); });
}

void CampaignRunner::storageFailure(const StorageResult &r)
{
    qCWarning(lcCampaign) << "journal:" << r.error().message;
    Q_EMIT storageFailed(r.error().message);
    ApiError e;
    e.kind = ApiError::Kind::Configuration;
    e.explanation = r.error().message;
    stopWith(Outcome::StorageFailed, e);
}

void CampaignRunner::arm(qint64 ms)
{
    m_timer.start(int(std::clamp<qint64>(ms, 0, 3600 * 1000)));
}

QTimeZone CampaignRunner::zoneFor(const CampaignRow &row)
{
    return zoneNamed(row.tz);
}

QTimeZone CampaignRunner::zoneNamed(const QString &name)
{
    if (!name.isEmpty()) {
        if (const auto z = m_zones.zone(name))
            return *z;
    }
    return m_options.defaultZone;
}

QStringList CampaignRunner::openZones(const QDateTime &at)
{
    QStringList open;
    for (const QString &name : std::as_const(m_zoneNames)) {
        if (m_options.window.isOpen(at, zoneNamed(name)))
            open << name;
    }
    return open;
}

std::optional<qint64> CampaignRunner::nextDue(const QDateTime &at)
{
    std::optional<qint64> next;
    for (const QString &name : std::as_const(m_zoneNames)) {
        const auto earliest = m_journal->earliestWaiting(name);
        if (!earliest)
            continue;
        QDateTime due = QDateTime::fromMSecsSinceEpoch(std::max(*earliest, at.toMSecsSinceEpoch()), QTimeZone::utc());
        const QTimeZone zone = zoneNamed(name);
        if (!m_options.window.isOpen(due, zone))
            due = m_options.window.nextOpening(due, zone);
        next = std::min(next.value_or(due.toMSecsSinceEpoch()), due.toMSecsSinceEpoch());
    }
    return next;
}

void CampaignRunner::pump()
{
    if (m_done || !m_started)
        return;
    if (m_stop)
        return finishIfIdle();
    if (!m_options.dispatch) {
        if (m_following.isEmpty())
            stopWith(Outcome::Finished);
        return;
    }
    const qint64 now = wallMs();
    if (m_options.startAtMs > now) {
        // Scheduled: the first call waits for its time, whatever else could be called.
        const QDateTime until = QDateTime::fromMSecsSinceEpoch(m_options.startAtMs, QTimeZone::utc());
        if (until != m_waitingUntil) {
            m_waitingUntil = until;
            Q_EMIT waiting(until, m_journal->counts().waiting);
        }
        if (!m_options.waitForCalls)
            return stopWith(Outcome::Finished);
        return arm(m_options.startAtMs - now + 5);
    }
    if (m_pausedUntilMs > now)
        return arm(m_pausedUntilMs - now);
    // Only rows of zones whose window is open are read: the others wait untouched, whatever their number,
    // and the loop never runs longer than one batch before it returns to the event loop.
    while (m_inFlight < m_options.concurrency) {
        if (m_buffer.isEmpty()) {
            m_buffer = m_journal->nextPending(wallMs(), 64, openZones(QDateTime::currentDateTimeUtc()));
            if (m_buffer.isEmpty())
                break;
        }
        const double wait = m_nextSlotMs - double(m_clock.elapsed());
        if (wait > 0)
            return arm(qint64(std::ceil(wait)));
        const CampaignRow row = m_buffer.takeFirst();
        if (!m_options.window.isOpen(QDateTime::currentDateTimeUtc(), zoneFor(row))) {
            // Its window closed a moment ago: never outside it. The next look skips the zone.
            m_buffer.clear();
            continue;
        }
        const bool dispatched = dispatch(row);
        if (m_done || m_stop)
            return;
        if (m_pausedUntilMs > wallMs())
            return arm(m_pausedUntilMs - wallMs()); // the team store is away: tried again then
        if (!dispatched)
            continue; // over a cap: it waits; the next row may go in this slot
    }
    if (m_inFlight > 0 || !m_buffer.isEmpty())
        return;
    // Nothing to dispatch now.
    if (const auto due = nextDue(QDateTime::currentDateTimeUtc())) {
        const QDateTime until = QDateTime::fromMSecsSinceEpoch(*due, QTimeZone::utc());
        if (until != m_waitingUntil) {
            m_waitingUntil = until;
            Q_EMIT waiting(until, m_journal->counts().waiting);
        }
        if (!m_options.waitForCalls)
            return stopWith(Outcome::Finished);
        return arm(*due - wallMs() + 5);
    }
    m_waitingUntil = {};
    if (!m_options.waitForCalls || m_following.isEmpty())
        stopWith(Outcome::Finished);
}

bool CampaignRunner::dispatch(const CampaignRow &row)
{
    // The ledger first, in one transaction with the caps' check: a call over a cap is never placed, even
    // when another campaign (another process) calls the same number at the same moment.
    qint64 ledgerId = 0;
    if (m_ledger) {
        const auto reserved = m_ledger->reserve({row.number, zoneFor(row), m_ledgerCampaign, m_provider, {}}, m_caps);
        if (!reserved) {
            if (storeAway(reserved.error())) {
                m_buffer.prepend(row); // not dispatched: the same row first when the store answers
                return false;
            }
            storageFailure(reserved.error());
            return false;
        }
        if (m_storeAwaySince.isValid()) {
            m_storeAwaySince = {};
            m_storeBackoffMs = 0;
            Q_EMIT storeReachable();
        }
        // Those the store missed while away (one that fails again waits for the next answer).
        const auto unrecorded = std::exchange(m_unrecordedOutcomes, {});
        for (const auto &[id, request] : unrecorded)
            recordOutcome(id, request);
        if (reserved.value().doNotCall) {
            // Put on the list after the preview (by this app, another, or voicectl): never called.
            if (auto r = m_journal->suppressPending(row.line, tr("on the do-not-call list (added after the preview)")); !r)
                storageFailure(r);
            return false;
        }
        if (reserved.value().id == 0) {
            const CapVerdict &v = reserved.value().verdict;
            if (auto r = m_journal->deferPending(row.line, v.nextPossible.toMSecsSinceEpoch(), v.reason); !r)
                storageFailure(r);
            return false;
        }
        ledgerId = reserved.value().id;
    }
    // On disk before the request is written: a crash from here on leaves the row `unknown`.
    if (auto r = m_journal->markDispatching(row.line); !r) {
        storageFailure(r);
        return false;
    }
    ++m_inFlight;
    m_nextSlotMs = std::max(m_nextSlotMs, double(m_clock.elapsed())) + 1000.0 / m_options.rate;
    Q_EMIT rowDispatched(row.line);
    m_dispatch(row, this, [this, row, ledgerId](const Result<QString> &r) { onDispatched(row, ledgerId, r); });
    return true;
}

void CampaignRunner::recordOutcome(qint64 ledgerId, const Result<QString> &request)
{
    if (!m_ledger || ledgerId == 0)
        return;
    // The call is already counted; its outcome only refines the report (a refused request stops counting).
    if (auto r = m_ledger->setOutcome(ledgerId, request); !r) {
        if (r.error().unreachable) {
            m_unrecordedOutcomes.append({ledgerId, request}); // counted meanwhile: the safe side
            return;
        }
        storageFailure(r);
    }
}

bool CampaignRunner::storeAway(const StorageError &error)
{
    if (!error.unreachable)
        return false;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!m_storeAwaySince.isValid())
        m_storeAwaySince = now;
    m_storeBackoffMs = m_storeBackoffMs ? std::min<qint64>(m_storeBackoffMs * 2, 30000) : 1000;
    m_pausedUntilMs = std::max(m_pausedUntilMs, wallMs() + m_storeBackoffMs);
    qCWarning(lcCampaign) << "team store away:" << error.message;
    Q_EMIT storeUnreachable(m_storeAwaySince, now.addMSecs(m_storeBackoffMs), error.message);
    return true;
}

bool CampaignRunner::isCampaignRefusal(const ApiError &e) const
{
    if (e.kind == ApiError::Kind::Configuration)
        return true;
    if (e.kind != ApiError::Kind::Http)
        return false;
    // The key, the account or the balance: every other row would be refused the same way.
    return e.httpStatus == 401 || e.httpStatus == 403 || e.serverCode == 3 || e.serverCode == 4 || e.serverCode == 5 ||
           e.serverCode == 7;
}

void CampaignRunner::onDispatched(const CampaignRow &row, qint64 ledgerId, const Result<QString> &result)
{
    --m_inFlight;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    CallRecord record = m_base;
    record.destination = row.number;
    record.created = now;
    record.campaign = m_campaign;
    if (!row.serviceId.isEmpty())
        record.serviceId = row.serviceId;
    if (result.ok()) {
        m_unknownStreak = 0;
        m_backoffMs = 0;
        if (auto r = m_journal->markPlaced(row.line, result.value(), now); !r)
            storageFailure(r);
        recordOutcome(ledgerId, result);
        record.callId = result.value();
        record.status = QStringLiteral("placed");
        saveHistory(record);
        Q_EMIT rowPlaced(row.line, result.value());
        if (m_options.waitForCalls && !m_done) {
            Followed f{row.line, row.attempts + 1, {}, record};
            follow(result.value(), f, now);
        }
        return pump();
    }
    const ApiError &e = result.error();
    m_lastError = e;
    StorageResult written = Empty{};
    RowState state = RowState::Pending;
    if (e.outcomeUnknown) {
        state = RowState::Unknown;
        written = m_journal->markUnknown(row.line, e.toDisplayString());
        record.callId = QStringLiteral("unknown-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        record.status = CallRecord::unknownOutcomeStatus();
        record.outcomeUnknown = true;
        record.final = true;
        saveHistory(record);
        // A run of unknown outcomes stops the campaign only while rows remain to be called: when these
        // were the last, everything has been dispatched and the campaign simply ends (with unknown rows).
        if (++m_unknownStreak >= m_options.unknownStreakLimit && (!m_buffer.isEmpty() || m_journal->earliestWaiting()))
            stopWith(Outcome::NetworkStopped, e);
    } else if (e.httpStatus == 429) {
        // Nothing was placed; the whole campaign pauses.
        written = m_journal->markPendingAgain(row.line, e.toDisplayString());
        m_backoffMs = m_backoffMs ? std::min<qint64>(m_backoffMs * 2, m_options.backoffMaxMs) : m_options.backoffInitialMs;
        const qint64 pause = e.retryAfterMs >= 0 ? std::min<qint64>(e.retryAfterMs, 3600 * 1000) : m_backoffMs;
        m_pausedUntilMs = std::max(m_pausedUntilMs, wallMs() + pause);
        m_buffer.clear();
        Q_EMIT rateLimited(pause);
    } else if (isCampaignRefusal(e)) {
        written = m_journal->markPendingAgain(row.line, e.toDisplayString());
        stopWith(Outcome::Refused, e);
    } else if (e.kind == ApiError::Kind::Network || e.kind == ApiError::Kind::Timeout || e.kind == ApiError::Kind::Tls) {
        // The request never reached the server: the row stays for a resume.
        written = m_journal->markPendingAgain(row.line, e.toDisplayString());
        stopWith(Outcome::NetworkStopped, e);
    } else {
        state = RowState::Rejected;
        m_unknownStreak = 0;
        written = m_journal->markRejected(row.line, e.toDisplayString());
    }
    if (!written)
        storageFailure(written);
    recordOutcome(ledgerId, result);
    Q_EMIT rowFailed(row.line, state, e);
    pump();
}

void CampaignRunner::follow(const QString &callId, const Followed &f, const QDateTime &created)
{
    m_following.insert(callId, f);
    m_monitor->watch(callId, created, -1);
}

void CampaignRunner::onCallEnded(const CallInfo &info, bool stale)
{
    const auto it = m_following.find(info.callId);
    if (it == m_following.end())
        return;
    Followed f = it.value();
    m_following.erase(it);
    const QString status = info.status.isEmpty() ? f.status : info.status;
    const bool delivered = !stale && m_delivered(status);
    if (auto r = m_journal->markFinal(f.line, status, delivered, stale, info.ended, info.duration.value_or(-1)); !r)
        storageFailure(r);
    f.record.apply(info);
    f.record.final = !stale;
    f.record.stale = stale;
    saveHistory(f.record);
    Q_EMIT callEnded(f.line, info, stale);
    // The outcome's own count and gap (busy, no_answer), else the campaign's; a re-dial obeys the window
    // and the caps like a first call (it goes through dispatch() again).
    const bool busy = status.compare(QLatin1String("busy"), Qt::CaseInsensitive) == 0;
    const bool noAnswer = status.compare(QLatin1String("no_answer"), Qt::CaseInsensitive) == 0;
    const int times = busy ? m_options.redialBusy.value_or(m_options.redial)
                    : noAnswer ? m_options.redialNoAnswer.value_or(m_options.redial)
                               : m_options.redial;
    const qint64 gap = busy ? m_options.redialBusyGapMs.value_or(m_options.redialGapMs)
                     : noAnswer ? m_options.redialNoAnswerGapMs.value_or(m_options.redialGapMs)
                                : m_options.redialGapMs;
    if (!stale && !m_done && !m_stop && times > 0 && f.attempts <= times && m_redialable(status)) {
        const qint64 at = wallMs() + gap;
        if (auto r = m_journal->scheduleRedial(f.line, at); !r)
            storageFailure(r);
        else if (const auto row = m_journal->row(f.line))
            m_zoneNames.insert(row->tz); // pending again, perhaps in a zone that had none left
    }
    pump();
}

void CampaignRunner::saveHistory(const CallRecord &record)
{
    if (m_history && m_history->isOpen())
        (void)m_history->save(record); // the journal is the campaign's record; writeFailed tells the history's reader
}

} // namespace vc
