#pragma once

#include "campaigns/campaignplanner.h"

#include <QCoreApplication>

#include <functional>

class QIODevice;

namespace vc {

// From an operator's choices to a campaign that may call: the same steps, in this order, for the New
// Campaign wizard and `voicectl campaign run`.
//   1. CampaignSettings::validate()      the settings, checked once, by the provider's rules;
//   2. CampaignDraft::planOptions()      the reading plan derived from them (never set by hand);
//   3. CampaignDraft::preview()          every row classed into a new journal, in state "preview";
//   4. CampaignDraft::confirm()          the operator said yes: settings and state "started" in one
//                                        transaction. Until it succeeds nothing may call, and its
//                                        result must be handled.
class CampaignDraft final
{
    Q_DECLARE_TR_FUNCTIONS(CampaignDraft)
public:
    // Rows that name no service id (Exolve) or audio file id (integrationapi.net) in a column of their own
    // are invalid when the settings name no default: "no service id in this row and no default". A dry
    // run calls nobody and counts them ready.
    static PlanOptions planOptions(const CampaignSettings &settings, bool dryRun = false);

    // Reads `input` into a new journal at `journalPath` (opened in `journal`), classing every row, and
    // keeps in its settings what the reading found (encoding, separator, number column). A failed or
    // stopped preview leaves no journal behind. `progress` may return false to stop.
    static Result<PlanSummary, QString> preview(QIODevice *input, const QString &journalPath, CampaignSettings settings,
                                                const PlanOptions &options, CampaignJournal *journal,
                                                const std::function<bool(qint64 rows)> &progress = {});

    // The settings as the preview left them: what the reading found, over what the operator chose.
    static CampaignSettings withPreview(CampaignSettings settings, const PlanSummary &summary);

    // The confirmation: `settings` and `meta` (e.g. the profile's name) and the state "started", in one
    // transaction of the open `journal`. Fails for a journal that is not in preview any more.
    [[nodiscard]] static StorageResult confirm(CampaignJournal &journal, const CampaignSettings &settings,
                                               const QList<QPair<QString, QString>> &meta = {});
};

} // namespace vc
