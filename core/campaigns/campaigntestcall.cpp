#include "campaigns/campaigntestcall.h"

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
    const auto reserved = ledger->reserve({number, QTimeZone::systemTimeZone(), QStringLiteral("test call"),
                                           exolve ? QStringLiteral("exolve") : QStringLiteral("legacy"), {}},
                                          caps);
    if (!reserved)
        return end(false, {}, reserved.error().message);
    if (reserved.value().id == 0)
        return end(false, {}, tr("%1.").arg(reserved.value().refusal(number)));
    const qint64 id = reserved.value().id;
    CampaignRow row;
    row.number = number;
    const QPointer<CampaignTestCall> self(this);
    campaignsetup::dispatcher(s, m_exolve, m_legacy)(row, this, [this, self, s, ledger, id, monitor](const Result<QString> &r) {
        if (!self)
            return;
        (void)ledger->setOutcome(id, r); // counted already; only the report loses detail
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
