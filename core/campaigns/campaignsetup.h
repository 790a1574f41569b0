#pragma once

#include "campaigns/campaignrunner.h"

namespace vc {

class ExolveClient;
class LegacyClient;

// What a campaign's settings mean to the engine, in one place for voicectl and the desktop app.
namespace campaignsetup {

// Rate, concurrency, window, default zone, re-dials. An unreadable window or zone is an error (translated).
Result<RunnerOptions, QString> runnerOptions(const CampaignSettings &settings);
// MakeVoiceMessage or Voice/Send for a row; integrationapi.net gets the re-dials as its retryCount/gap.
CampaignRunner::Dispatcher dispatcher(const CampaignSettings &settings, ExolveClient *exolve, LegacyClient *legacy);
CallMonitor::Poller poller(const CampaignSettings &settings, ExolveClient *exolve, LegacyClient *legacy);
// Delivered and re-dialable statuses by provider.
void configure(CampaignRunner &runner, const CampaignSettings &settings);
// Whether a final status means the message was delivered (completed; integrationapi.net: listened).
CampaignRunner::StatusTest deliveredTest(const CampaignSettings &settings);
// The runner's calls also go to the call history, tagged with the campaign (the journal's name).
void recordInto(CampaignRunner &runner, CallHistory *history, const QString &journalPath, const CampaignSettings &settings,
                const QString &profileId);

// The runner's calls go to the contact ledger and obey the caps; the campaign is named by its journal.
void recordContacts(CampaignRunner &runner, ContactLedger *ledger, const QString &journalPath, const CampaignSettings &settings,
                    const ContactCaps &caps);

} // namespace campaignsetup
} // namespace vc
