#include "campaigns/campaignsetup.h"

#include "calls/pollers.h"
#include "exolve/exolveclient.h"
#include "legacy/legacyclient.h"
#include "legacy/legacytypes.h"

#include <QFileInfo>

namespace vc::campaignsetup {

Result<RunnerOptions, QString> runnerOptions(const CampaignSettings &s)
{
    RunnerOptions o;
    o.rate = s.rate;
    o.concurrency = s.concurrency;
    if (!s.window.isEmpty()) {
        const auto w = SendingWindow::parse(s.window);
        if (!w)
            return SendingWindow::tr("The journal's sending window \"%1\" cannot be read.").arg(s.window);
        o.window = *w;
    }
    if (!s.defaultZone.isEmpty()) {
        const auto z = SendingWindow::zone(s.defaultZone);
        if (!z)
            return SendingWindow::tr("Unknown time zone \"%1\": use an IANA name such as Europe/Moscow, or UTC+03:00.").arg(s.defaultZone.left(64));
        o.defaultZone = *z;
    }
    // integrationapi.net re-dials itself (retryCount, gap): the engine does not.
    o.redial = s.provider == CampaignSettings::Provider::Exolve ? s.redial : 0;
    o.redialGapMs = qint64(s.redialGapMin) * 60 * 1000;
    if (s.provider == CampaignSettings::Provider::Exolve) {
        if (s.redialBusy >= 0)
            o.redialBusy = s.redialBusy;
        if (s.redialBusyGapMin > 0)
            o.redialBusyGapMs = qint64(s.redialBusyGapMin) * 60 * 1000;
        if (s.redialNoAnswer >= 0)
            o.redialNoAnswer = s.redialNoAnswer;
        if (s.redialNoAnswerGapMin > 0)
            o.redialNoAnswerGapMs = qint64(s.redialNoAnswerGapMin) * 60 * 1000;
    }
    o.startAtMs = s.startAt.isValid() ? s.startAt.toMSecsSinceEpoch() : 0;
    return o;
}

CampaignRunner::Dispatcher dispatcher(const CampaignSettings &s, ExolveClient *exolve, LegacyClient *legacy)
{
    if (s.provider == CampaignSettings::Provider::IntegrationApi) {
        return [s, legacy](const CampaignRow &row, QObject *context, std::function<void(const Result<QString> &)> done) {
            LegacySendRequest request;
            request.source = s.source;
            request.destination = row.number;
            request.fileId = (row.fileId.isEmpty() ? s.fileId : row.fileId).toULongLong();
            if (s.redial > 0) {
                request.retryCount = s.redial + 1;
                request.gap = s.redialGapMin;
            }
            legacy->send(request, context, [done](const Result<quint64> &r) {
                if (r)
                    done(QString::number(r.value()));
                else
                    done(r.error());
            });
        };
    }
    return [s, exolve](const CampaignRow &row, QObject *context, std::function<void(const Result<QString> &)> done) {
        exolve->makeVoiceMessage({s.source, row.number, row.serviceId.isEmpty() ? s.serviceId : row.serviceId}, context, std::move(done));
    };
}

CallMonitor::Poller poller(const CampaignSettings &s, ExolveClient *exolve, LegacyClient *legacy)
{
    if (s.provider == CampaignSettings::Provider::IntegrationApi)
        return legacyPoller(legacy, [](CallInfo &info) { info.timeout = 365 * 24 * 3600; }); // messages have no answer timeout
    return exolvePoller(exolve);
}

CampaignRunner::StatusTest deliveredTest(const CampaignSettings &s)
{
    if (s.provider == CampaignSettings::Provider::IntegrationApi)
        return [](const QString &status) { return LegacyState::fromStatusName(status) == 2; };
    return [](const QString &status) { return status.compare(QLatin1String("completed"), Qt::CaseInsensitive) == 0; };
}

void configure(CampaignRunner &runner, const CampaignSettings &s)
{
    runner.setDeliveredTest(deliveredTest(s));
    if (s.provider == CampaignSettings::Provider::IntegrationApi)
        runner.setRedialTest([](const QString &) { return false; });
}

void recordInto(CampaignRunner &runner, CallHistory *history, const QString &journalPath, const CampaignSettings &s,
                const QString &profileId)
{
    CallRecord base;
    base.profileId = profileId;
    base.source = s.source;
    base.serviceId = s.provider == CampaignSettings::Provider::Exolve ? s.serviceId : QString();
    runner.setHistory(history, QFileInfo(journalPath).completeBaseName(), base);
}

void recordContacts(CampaignRunner &runner, ContactLedger *ledger, const QString &journalPath, const CampaignSettings &s,
                    const ContactCaps &caps)
{
    runner.setContactLedger(ledger, caps, QFileInfo(journalPath).completeBaseName(),
                            s.provider == CampaignSettings::Provider::Exolve ? QStringLiteral("exolve") : QStringLiteral("legacy"));
}

} // namespace vc::campaignsetup
