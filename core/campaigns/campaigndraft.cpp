#include "campaigns/campaigndraft.h"


namespace vc {

PlanOptions CampaignDraft::planOptions(const CampaignSettings &settings, bool dryRun)
{
    PlanOptions plan;
    plan.legacy = settings.provider == CampaignSettings::Provider::IntegrationApi;
    plan.needsServiceId = !plan.legacy && settings.serviceId.isEmpty() && !dryRun;
    plan.needsFileId = plan.legacy && settings.fileId.isEmpty() && !dryRun;
    const ContactPolicy policy = ContactPolicy::loadShared();
    plan.caps = policy.caps;
    plan.requireConsent = policy.requireConsent;
    plan.defaultZone = settings.defaultZone;
    return plan;
}

CampaignSettings CampaignDraft::withPreview(CampaignSettings settings, const PlanSummary &summary)
{
    settings.encoding = CsvReader::encodingName(summary.encoding);
    settings.separator = CsvReader::separatorName(summary.separator);
    settings.numberColumn = summary.columns.numberName;
    return settings;
}

Result<PlanSummary, QString> CampaignDraft::preview(QIODevice *input, const QString &journalPath, CampaignSettings settings,
                                                    const PlanOptions &options, CampaignJournal *journal,
                                                    const std::function<bool(qint64)> &progress)
{
    if (auto r = journal->create(journalPath, settings); !r)
        return r.error().message;
    const auto discard = [journal, &journalPath] {
        journal->close();
        CampaignJournal::removeFiles(journalPath);
    };
    auto summary = CampaignPlanner::plan(input, options, journal, progress);
    if (!summary) {
        discard();
        return summary.error();
    }
    if (auto r = journal->saveSettings(withPreview(settings, summary.value())); !r) {
        discard();
        return r.error().message;
    }
    return summary;
}

StorageResult CampaignDraft::confirm(CampaignJournal &journal, const CampaignSettings &settings,
                                     const QList<QPair<QString, QString>> &meta)
{
    if (!journal.isOpen())
        return StorageError{tr("The campaign's journal is not open.")};
    if (journal.meta(QStringLiteral("state")) != QLatin1String("preview"))
        return StorageError{tr("This campaign was already confirmed or cancelled: it is not started twice.")};
    auto all = meta;
    all.append({QStringLiteral("state"), QStringLiteral("started")}); // from now on it may call
    return journal.saveSettings(settings, all);
}

} // namespace vc
