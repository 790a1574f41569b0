// voicectl team-store ...: the team's shared store on PostgreSQL -- make or migrate its schema, say how it
// is, upload this computer's own do-not-call list and ledger into it.
#include "cli.h"

#include "accounts/settings.h"
#include "campaignsession.h"
#include "campaigns/campaignregistry.h"
#include "campaigns/teamcampaigns.h"
#include "common/paths.h"
#include "policy/contactledger.h"
#include "store/teamstore.h"

#include <QDir>
#include <QFileInfo>
#include <QSysInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QSettings>

namespace vc::cli {

void Cli::teamStore(const QString &action, const QStringList &rest)
{
    if (!rest.isEmpty() || (action != QLatin1String("init") && action != QLatin1String("status") && action != QLatin1String("upload")))
        return usage(tr("Usage: voicectl team-store init | status | upload"));
    const auto address = TeamStore::selected();
    if (action == QLatin1String("status")) {
        if (!address) {
            if (m_out->format() == Format::Json)
                m_out->json(QJsonObject{{QStringLiteral("store"), QStringLiteral("local")}, {QStringLiteral("url"), QString()},
                                        {QStringLiteral("path"), ContactLedger::defaultPath()}, {QStringLiteral("reachable"), true},
                                        {QStringLiteral("schema_version"), 0}});
            else
                m_out->line(tr("No team store is set (--team-store or VOICE_TEAM_STORE): this computer's own store is used, %1.")
                                .arg(QDir::toNativeSeparators(ContactLedger::defaultPath())));
            return done(Success);
        }
        const auto schema = TeamStore::checkSchema(*address, TeamStore::selectedPassword(), false);
        const QString problem = schema ? QString() : schema.error().message;
        const bool reachable = schema || !schema.error().unreachable;
        const int version = schema ? schema.value().now : 0;
        const bool usable = problem.isEmpty();
        if (m_out->format() == Format::Json) {
            QJsonObject o{{QStringLiteral("store"), QStringLiteral("team")},
                          {QStringLiteral("url"), address->display()},
                          {QStringLiteral("reachable"), reachable && usable},
                          {QStringLiteral("schema_version"), version},
                          {QStringLiteral("supported_schema_version"), TeamStore::kSchemaVersion}};
            if (!usable)
                o.insert(QStringLiteral("error"), problem);
            m_out->json(o);
        } else if (usable) {
            m_out->line(version == 0 ? tr("The team store %1 is reachable; its schema is not made yet: run voicectl team-store init.")
                                           .arg(address->display())
                                     : tr("The team store %1 is reachable; schema version %2 (this Voice Console: %3).")
                                           .arg(address->display())
                                           .arg(version)
                                           .arg(TeamStore::kSchemaVersion));
        } else {
            m_out->error(problem);
        }
        return done(usable ? Success : (reachable ? ApiFailure : NetworkFailure));
    }
    if (!address)
        return usage(tr("Name the team store: --team-store postgresql://USER@HOST/DATABASE or VOICE_TEAM_STORE."));
    if (action == QLatin1String("init")) {
        const auto schema = TeamStore::checkSchema(*address, TeamStore::selectedPassword(), true);
        if (!schema) {
            m_out->error(schema.error().message);
            return done(schema.error().unreachable ? NetworkFailure : ApiFailure);
        }
        const int before = schema.value().before;
        const int after = schema.value().now;
        if (m_out->format() == Format::Json) {
            m_out->json(QJsonObject{{QStringLiteral("url"), address->display()},
                                    {QStringLiteral("previous_schema_version"), before},
                                    {QStringLiteral("schema_version"), after}});
        } else if (before == after) {
            m_out->line(tr("The team store %1 already has schema version %2: nothing to do.").arg(address->display()).arg(after));
        } else if (before == 0) {
            m_out->line(tr("The team store %1 was set up: schema version %2.").arg(address->display()).arg(after));
        } else {
            m_out->line(tr("The team store %1 was migrated from schema version %2 to %3.")
                            .arg(address->display())
                            .arg(before)
                            .arg(after));
        }
        return done(Success);
    }
    // upload
    ContactLedger team;
    ContactLedger local(ContactLedger::defaultPath(), ContactLedger::LocalFile{});
    const auto up = team.upload(local);
    if (!up) {
        m_out->error(up.error().message);
        return done(up.error().unreachable ? NetworkFailure : ApiFailure);
    }
    // The policy too, when the team has none yet: this computer's becomes the team's.
    bool policyUploaded = false;
    if (const auto shared = team.loadPolicy(); shared && !shared.value()) {
        const std::unique_ptr<QSettings> settings = Settings::openShared();
        if (auto r = team.savePolicy(ContactPolicy::load(Settings(settings.get()))); !r) {
            m_out->error(r.error().message);
            return done(r.error().unreachable ? NetworkFailure : ApiFailure);
        }
        policyUploaded = true;
    }
    if (m_out->format() == Format::Json) {
        m_out->json(QJsonObject{{QStringLiteral("url"), address->display()},
                                {QStringLiteral("policy"), policyUploaded},
                                {QStringLiteral("do_not_call"), up.value().doNotCall},
                                {QStringLiteral("do_not_call_history"), up.value().history},
                                {QStringLiteral("ledger"), up.value().calls},
                                {QStringLiteral("local"), local.path()}});
    } else {
        m_out->line(tr("Uploaded to %1: %n number(s) new on the do-not-call list,", nullptr, int(up.value().doNotCall)).arg(address->display()) +
                    u' ' + tr("%n history entry(ies),", nullptr, int(up.value().history)) + u' ' +
                    tr("%n call(s) into the contact ledger.", nullptr, int(up.value().calls)));
        if (policyUploaded)
            m_out->line(tr("The team had no contact policy yet: this computer's is now the team's."));
        m_out->line(tr("This computer's own store %1 is kept unchanged as a backup.").arg(QDir::toNativeSeparators(local.path())));
    }
    done(Success);
}

bool Cli::takeTeamLease()
{
    if (!TeamStore::selected())
        return true;
    CampaignSession &c = *m_campaign;
    const auto id = TeamCampaignLease::idOf(c.journal);
    if (!id) {
        m_out->error(id.error().message);
        done(ApiFailure);
        return false;
    }
    c.lease = std::make_unique<TeamCampaignLease>();
    TeamCampaign holder;
    const auto taken = c.lease->acquire(id.value(), QFileInfo(c.journal.path()).completeBaseName(), c.journal.path(),
                                        c.journal.counts(), &holder);
    if (!taken) {
        m_out->error(taken.error().message);
        done(taken.error().unreachable ? NetworkFailure : ApiFailure);
        return false;
    }
    if (!taken.value()) {
        usage(holder.id.isEmpty() ? tr("This campaign runs on another computer of the team: it cannot be started here.")
                                  : tr("This campaign is %1: it cannot be started here.").arg(holder.runningWhere()));
        return false;
    }
    c.leaseTimer.setInterval(5000);
    connect(&c.leaseTimer, &QTimer::timeout, this, [this] {
        CampaignSession &s = *m_campaign;
        const auto beat = s.lease->heartbeat(QStringLiteral("running"), s.journal.counts());
        if (beat && !beat.value() && s.runner && !s.runner->isStopping()) {
            progressLine(tr("Another computer of the team took this campaign while the team store was away: no more calls "
                            "from here."),
                         true);
            s.runner->stop();
        }
    });
    c.leaseTimer.start();
    return true;
}

void Cli::sayTeamStoreHealth(CampaignRunner *runner)
{
    connect(runner, &CampaignRunner::storeUnreachable, this, [this](const QDateTime &since, const QDateTime &retryAt, const QString &error) {
        progressLine(tr("Team store unreachable since %1: no call is placed without its cap check; trying again at %2.\n%3")
                         .arg(localWhen(since), localWhen(retryAt), error),
                     true);
    });
    connect(runner, &CampaignRunner::storeReachable, this, [this] {
        progressLine(tr("The team store answers again: the campaign goes on."), true);
    });
}

void Cli::releaseTeamLease(CampaignRunner::Outcome outcome)
{
    CampaignSession &c = *m_campaign;
    if (!c.lease)
        return;
    c.leaseTimer.stop();
    const CampaignCounts n = c.journal.counts();
    QString state = QStringLiteral("stopped");
    if (outcome == CampaignRunner::Outcome::Interrupted)
        state = QStringLiteral("interrupted");
    else if (outcome == CampaignRunner::Outcome::Finished)
        state = n.waiting > 0 ? QStringLiteral("waiting") : QStringLiteral("finished");
    c.lease->release(state, n);
}

void Cli::campaignList()
{
    QJsonArray rows;
    QStringList lines;
    if (TeamStore::selected()) {
        const auto all = TeamCampaignLease::list();
        if (!all) {
            m_out->error(all.error().message);
            return done(all.error().unreachable ? NetworkFailure : ApiFailure);
        }
        for (const TeamCampaign &t : all.value()) {
            // A heartbeat that stopped: its computer died or lost the server; its lease ends with its session.
            const QString state = t.state == QLatin1String("running") && !t.live ? QStringLiteral("not answering") : t.state;
            QJsonObject o{{QStringLiteral("name"), t.name},
                          {QStringLiteral("journal"), t.journal},
                          {QStringLiteral("state"), state},
                          {QStringLiteral("host"), t.host},
                          {QStringLiteral("operator"), t.operatorName},
                          {QStringLiteral("started_at"), t.startedAt.toString(Qt::ISODate)},
                          {QStringLiteral("heartbeat_at"), t.heartbeatAt.toString(Qt::ISODate)}};
            for (auto it = t.counts.begin(); it != t.counts.end(); ++it)
                o.insert(it.key(), it.value());
            rows.append(o);
            lines.append(tr("%1  %2  %3 on %4 since %5; placed %6 of %7, waiting %8, unknown %9")
                             .arg(t.name, state, t.operatorName, t.host, localWhen(t.startedAt))
                             .arg(t.counts.value(QStringLiteral("placed")).toInteger())
                             .arg(t.counts.value(QStringLiteral("ready")).toInteger())
                             .arg(t.counts.value(QStringLiteral("waiting")).toInteger())
                             .arg(t.counts.value(QStringLiteral("unknown")).toInteger()));
        }
    } else {
        CampaignRegistry registry;
        for (const CampaignSummary &s : registry.scan(paths::campaignsFolder())) {
            QJsonObject o{{QStringLiteral("name"), s.name},
                          {QStringLiteral("journal"), s.path},
                          {QStringLiteral("state"), s.inUseElsewhere ? QStringLiteral("running") : s.state},
                          {QStringLiteral("host"), QSysInfo::machineHostName()},
                          {QStringLiteral("operator"), ContactLedger::currentOperator()}};
            const QJsonObject counts = TeamCampaignLease::countsJson(s.counts);
            for (auto it = counts.begin(); it != counts.end(); ++it)
                o.insert(it.key(), it.value());
            rows.append(o);
            lines.append(tr("%1  %2; placed %3 of %4, waiting %5, unknown %6")
                             .arg(s.name, o.value(QStringLiteral("state")).toString())
                             .arg(s.counts.placed)
                             .arg(s.counts.ready)
                             .arg(s.counts.waiting)
                             .arg(s.counts.unknown));
        }
    }
    if (m_out->format() == Format::Json)
        m_out->json(rows);
    else if (lines.isEmpty())
        m_out->line(tr("No campaigns."));
    else
        for (const QString &l : std::as_const(lines))
            m_out->line(l);
    done(Success);
}

} // namespace vc::cli
