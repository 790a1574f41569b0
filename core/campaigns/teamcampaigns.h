#pragma once

#include "campaigns/campaigntypes.h"
#include "common/storage.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace vc {

class CampaignJournal;

// A campaign as the team store lists it: who runs it, on which computer, since when, and its counts.
struct TeamCampaign
{
    QString id;      // the journal's team_id
    QString name;
    QString journal; // the path on the computer that runs it
    QString host;
    QString operatorName; // the database role
    QString state;        // running, paused, finished, cancelled, stopped
    QDateTime startedAt;
    QDateTime heartbeatAt;
    QJsonObject counts; // total, waiting, placed, completed, not_delivered, rejected, unknown, ...
    // Running now: its computer answered within the lease (a stopped heartbeat means it died or lost the
    // server; its lease ends with its database session).
    bool live = false;

    // "running on DESK-2 by op2 since 10:41" (translated).
    QString runningWhere() const;
};

// The team's list of campaigns and the lease that lets one computer at a time run a campaign: a session
// advisory lock (pg_try_advisory_lock) on a connection of the lease's own, which the server releases when
// the session ends -- a computer that dies included: the session asks the server to notice a silent
// client within ~25 s (TCP keepalives) -- and a heartbeat row with the counts every few seconds.
class TeamCampaignLease final
{
    Q_DECLARE_TR_FUNCTIONS(TeamCampaignLease)
public:
    // A heartbeat older than this: not live.
    static constexpr int kLeaseSeconds = 30;
    TeamCampaignLease();
    ~TeamCampaignLease();
    TeamCampaignLease(const TeamCampaignLease &) = delete;
    TeamCampaignLease &operator=(const TeamCampaignLease &) = delete;

    // The campaign's id on the team store: the journal's team_id, made on first use.
    static Result<QString, StorageError> idOf(CampaignJournal &journal);
    // Takes the campaign for this computer. false (and `holder`): another session holds it.
    Result<bool, StorageError> acquire(const QString &id, const QString &name, const QString &journal, const CampaignCounts &counts,
                                       TeamCampaign *holder);
    // The counts and state now; on a lost connection, the lease is taken again (false: someone else has
    // the campaign now: stop dispatching).
    Result<bool, StorageError> heartbeat(const QString &state, const CampaignCounts &counts);
    // The final state; the lease ends.
    void release(const QString &state, const CampaignCounts &counts);
    bool isHeld() const { return m_held; }

    // Every campaign of the selected team store, newest first.
    static Result<QList<TeamCampaign>, StorageError> list();
    static QJsonObject countsJson(const CampaignCounts &counts);

private:
    StorageResult connect();
    Result<bool, StorageError> lock(TeamCampaign *holder);
    // The row's state, counts and heartbeat; a lost server closes the session.
    StorageResult writeState(const QString &state, const CampaignCounts &counts);
    QString m_connection;
    QString m_id;
    bool m_held = false;
};

} // namespace vc
