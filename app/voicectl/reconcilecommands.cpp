// voicectl campaign reconcile and resume --resolve-unknown: a campaign's unknown rows against Exolve's call
// history (CampaignReconciler), then the calls found followed to their end, or the resume.
#include "cli.h"

#include "campaignsession.h"
#include "terminal.h"

#include <QFileInfo>
#include <QJsonObject>

namespace vc::cli {

void Cli::campaignReconcile(std::function<void()> then)
{
    CampaignSession &c = *m_campaign;
    c.terminal = vc_isatty(fileno(stderr));
    ReconcileOptions options;
    if (m_parser.isSet(opt("settle")))
        options.settleMin = m_parser.value(opt("settle")).toInt();
    c.reconciler = std::make_unique<CampaignReconciler>(&c.journal, m_client, options);
    connect(c.reconciler.get(), &CampaignReconciler::rowJudged, this, [this](const ReconcileVerdict &v) {
        const QString what = v.kind == ReconcileVerdict::Kind::Placed      ? tr("placed")
                             : v.kind == ReconcileVerdict::Kind::NotPlaced ? tr("not placed")
                                                                           : tr("still unknown");
        m_out->error(tr("Line %1 (+%2): %3. %4").arg(v.line).arg(v.number, what, v.why));
    });
    connect(c.reconciler.get(), &CampaignReconciler::finished, this,
            [this, then](const QList<ReconcileVerdict> &verdicts, const QString &error) {
                CampaignSession &c = *m_campaign;
                qint64 placed = 0, notPlaced = 0, still = 0, follow = 0;
                for (const ReconcileVerdict &v : verdicts) {
                    placed += v.kind == ReconcileVerdict::Kind::Placed;
                    notPlaced += v.kind == ReconcileVerdict::Kind::NotPlaced;
                    still += v.kind == ReconcileVerdict::Kind::StillUnknown;
                    follow += v.kind == ReconcileVerdict::Kind::Placed && !v.historyId;
                }
                if (!error.isEmpty()) {
                    m_out->error(tr("The call history could not be read to the end: %1. What was resolved before is kept.").arg(error));
                    return done(ApiFailure);
                }
                m_out->error(tr("Resolved from Exolve's call history: %1 placed, %2 not placed (sent again only with "
                                "--resend-unknown --yes), %3 still unknown.").arg(placed).arg(notPlaced).arg(still));
                // The shared call history had these calls as "outcome unknown": they take their ids.
                if (CallHistory *h = history(); h && placed > 0) {
                    for (const ReconcileVerdict &v : verdicts) {
                        if (v.kind == ReconcileVerdict::Kind::Placed)
                            (void)h->resolveUnknown(QFileInfo(c.journal.path()).completeBaseName(), v.number, v.callId,
                                                    v.historyId ? std::optional<int>(int(v.duration.value_or(0))) : std::nullopt);
                    }
                }
                c.reconciled = QJsonObject{{QStringLiteral("resolved_placed"), placed},
                                           {QStringLiteral("resolved_not_placed"), notPlaced},
                                           {QStringLiteral("still_unknown"), still}};
                if (then)
                    return then();
                if (follow > 0) {
                    c.followOnly = true; // the calls found are followed to their end; nobody is called
                    return startRunner();
                }
                printCounts(c.journal.counts(), false);
                done(Success);
            });
    c.reconciler->start();
}

} // namespace vc::cli
