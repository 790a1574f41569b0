// voicectl campaign reconcile and resume --resolve-unknown: a campaign's unknown rows against Exolve's call
// history (CampaignReconciler), then the calls found followed to their end, or the resume.
#include "cli.h"

#include "campaignsession.h"
#include "terminal.h"

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
                const ReconcileTally t = ReconcileTally::of(verdicts);
                if (!error.isEmpty()) {
                    m_out->error(tr("The call history could not be read to the end: %1. What was resolved before is kept.").arg(error));
                    return done(ApiFailure);
                }
                m_out->error(tr("Resolved from Exolve's call history: %1 placed, %2 not placed (sent again only with "
                                "--resend-unknown --yes), %3 still unknown.").arg(t.placed).arg(t.notPlaced).arg(t.stillUnknown));
                if (CallHistory *h = history(); h && t.placed > 0)
                    CampaignReconciler::recordInHistory(verdicts, h, c.journal.path());
                c.reconciled = QJsonObject{{QStringLiteral("resolved_placed"), t.placed},
                                           {QStringLiteral("resolved_not_placed"), t.notPlaced},
                                           {QStringLiteral("still_unknown"), t.stillUnknown}};
                if (then)
                    return then();
                if (t.toFollow > 0) {
                    c.followOnly = true; // the calls found are followed to their end; nobody is called
                    return startRunner();
                }
                printCounts(c.journal.counts(), false);
                done(Success);
            });
    c.reconciler->start();
}

} // namespace vc::cli
