#pragma once

#include "calls/callhistory.h"
#include "campaigns/campaignjournal.h"
#include "campaigns/campaignreconciler.h"
#include "campaigns/campaignrunner.h"
#include "campaigns/teamcampaigns.h"
#include "campaigns/campaigntestcall.h"
#include "campaigns/donotcall.h"
#include "policy/contactledger.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTimer>

#include <memory>

namespace vc::cli {

// What a campaign command holds while it runs.
struct CampaignSession
{
    std::unique_ptr<QTemporaryDir> dryRunDir; // before the journal: removed after it is closed
    CampaignJournal journal;
    std::unique_ptr<CampaignRunner> runner;
    std::unique_ptr<CallHistory> history;
    std::unique_ptr<ContactLedger> ledger;
    std::unique_ptr<TeamCampaignLease> lease; // on a team store
    QTimer leaseTimer;
    std::unique_ptr<CampaignTestCall> testCall; // --test-to
    std::unique_ptr<CampaignReconciler> reconciler; // campaign reconcile, resume --resolve-unknown
    QJsonObject reconciled; // its counts, added to the status JSON
    bool followOnly = false; // after a reconcile: follow the calls found, place none
    DoNotCallList shared;
    DoNotCallList extra;
    QTimer progressTimer;
    QTimer signalTimer;
    QElapsedTimer sinceLastLine;
    QString lastLine; // the counts last printed (not a terminal)
    QElapsedTimer runClock;
    qint64 placedAtStart = 0;
    bool terminal = false;
    bool wait = true;
    bool damaged = false; // status and export of a damaged journal: what can be read, then exit 1
};

} // namespace vc::cli
