#include "campaigns/campaigntestcall.h"

#include "common/offthread.h"

#include "campaigns/campaignsetup.h"

#include <QPointer>

namespace vc {

CampaignTestCall::CampaignTestCall(ExolveClient *exolve, LegacyClient *legacy, QObject *parent)
    : QObject(parent), m_exolve(exolve), m_legacy(legacy)
{
}

CampaignTestCall::~CampaignTestCall() = default;

void CampaignTestCall::end(bool delivered, const QString &status, const QString &error, const ApiError &apiError)
{
    m_running = false;
    if (m_monitor)
        m_monitor->clear();
    Q_EMIT finished(delivered, status, error, apiError); // last: a slot may delete this
}

void CampaignTestCall::start(const CampaignSettings &s, const QString &number, ContactLedger *ledger, const ContactCaps &caps,
                             const MonitorOptions &monitor)
{
    if (m_running)
        return;
    m_running = true;
    const bool exolve = s.provider == CampaignSettings::Provider::Exolve;
    if (exolve ? s.serviceId.isEmpty() : s.fileId.isEmpty())
        return end(false, {}, exolve ? tr("The test call needs the campaign's service: choose one.")
                                     : tr("The test call needs the campaign's audio file id."));
    // The reservation on a team store runs on a worker thread with a connection of its own: the window
    // never waits on the server. On this computer's store it is answered here and now.
    const ContactLedger::Call call{number, QTimeZone::systemTimeZone(), QStringLiteral("test call"),
                                   exolve ? QStringLiteral("exolve") : QStringLiteral("legacy"), {}};
    const bool team = ledger->isTeam();
    using Reserved = Result<ContactLedger::Reservation, StorageError>;
    runOffThread<Reserved>(
        this,
        [ledger, team, call, caps]() -> Reserved {
            if (!team)
                return ledger->reserve(call, caps);
            ContactLedger shared(ContactLedger::defaultPath());
            return shared.reserve(call, caps);
        },
        [this, s, number, ledger, team, monitor](const Reserved &reserved) { placeTest(s, number, ledger, team, monitor, reserved); }, team);
}

void CampaignTestCall::placeTest(const CampaignSettings &s, const QString &number, ContactLedger *ledger, bool team,
                                 const MonitorOptions &monitor, const Result<ContactLedger::Reservation, StorageError> &reserved)
{
    if (!reserved)
        return end(false, {}, reserved.error().message);
    if (reserved.value().id == 0)
        return end(false, {}, tr("%1.").arg(reserved.value().refusal(number)));
    const qint64 id = reserved.value().id;
    CampaignRow row;
    row.number = number;
    const QPointer<CampaignTestCall> self(this);
    campaignsetup::dispatcher(s, m_exolve, m_legacy)(row, this, [this, self, s, ledger, team, id, monitor](const Result<QString> &r) {
        if (!self)
            return;
        // Counted already; only the report loses detail.
        runOffThread<bool>(
            this,
            [ledger, team, id, r] {
                if (!team)
                    return ledger->setOutcome(id, r).ok();
                ContactLedger shared(ContactLedger::defaultPath());
                return shared.setOutcome(id, r).ok();
            },
            [](const bool &) {}, team);
        if (!r)
            return end(false, {}, r.error().toDisplayString(), r.error());
        Q_EMIT placed(r.value());
        if (!self)
            return;
        m_monitor = std::make_unique<CallMonitor>(campaignsetup::poller(s, m_exolve, m_legacy));
        m_monitor->setOptions(monitor);
        const auto delivered = campaignsetup::deliveredTest(s);
        connect(m_monitor.get(), &CallMonitor::updated, this, [this](const CallInfo &info) { Q_EMIT statusChanged(info.status); });
        connect(m_monitor.get(), &CallMonitor::finished, this, [this, delivered](const CallInfo &info) {
            end(delivered(info.status), info.status, {});
        });
        connect(m_monitor.get(), &CallMonitor::stale, this, [this](const QString &, const CallInfo &last) {
            end(false, last.status, tr("The test call has been \"%1\" for longer than its answer timeout.").arg(last.status));
        });
        connect(m_monitor.get(), &CallMonitor::pollFailed, this, [this](const QString &, const ApiError &e) {
            end(false, {}, e.toDisplayString(), e);
        });
        m_monitor->watch(r.value(), QDateTime::currentDateTimeUtc(), -1);
    });
}

} // namespace vc
