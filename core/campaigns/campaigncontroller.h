#pragma once

#include "accounts/session.h"
#include "policy/contactpolicy.h"
#include "campaigns/campaignrunner.h"

#include <QObject>
#include <QPointer>
#include <QThread>
#include <QUrl>

namespace vc {

// Where a campaign's calls go and with which secret (Session::connectionSnapshot()), and where its calls
// are recorded. The secret stays in memory.
struct CampaignConnection : ConnectionSnapshot
{
    QString historyPath; // empty: the data folder's
    QString ledgerPath;  // empty: the data folder's (ContactLedger::defaultPath)
    std::optional<ContactCaps> caps; // nullopt: the contact policy in the shared settings, read at each start
};

class CampaignWorker;

// Runs one campaign from its journal on a thread of its own, so that the journal's synchronous writes
// and the requests never touch the window's thread. The window presents what it reports; the journal
// itself is read through a read-only connection.
class CampaignController final : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Starting,
        Running,
        WaitingForWindow, // until()
        RateLimited,      // until()
        StoreUnreachable, // the team store does not answer since until(); tried again with backoff
        RunningElsewhere, // another computer of the team runs it (message: where, by whom, since when)
        Stopping,         // no new calls; requests under way finish
        Paused,           // by the operator: resumable
        NetworkFailed,    // resumable (Retry)
        Refused,          // the API refused the campaign as a whole
        StorageFailed,
        Finished,         // nothing left for this run (rows may wait for a resume)
        Cancelled,
    };
    Q_ENUM(State)

    CampaignController(const QString &journalPath, const CampaignConnection &connection, QObject *parent = nullptr);
    // Stops the thread at once: requests under way are abandoned, and their rows are `unknown` when the
    // journal is next opened (never resent silently).
    ~CampaignController() override;

    QString journalPath() const { return m_path; }
    State state() const { return m_state; }
    QDateTime until() const { return m_until; }
    QString message() const { return m_message; }
    bool isActive() const;

    // Starts (or resumes) the run; `resendUnknown` first makes the unknown rows pending again — only
    // when the operator said so.
    void start(bool resendUnknown = false);
    void pause();
    void cancel();

    static QString stateName(State state); // translated

Q_SIGNALS:
    void stateChanged(vc::CampaignController::State state);
    // Rows changed in the journal (at most a few times a second).
    void rowsChanged();
    void countsChanged(const vc::CampaignCounts &counts);
    void ended(vc::CampaignController::State state);

private:
    void setState(State state, const QDateTime &until = {}, const QString &message = {});

    QString m_path;
    CampaignConnection m_connection;
    QThread m_thread;
    QPointer<CampaignWorker> m_worker;
    State m_state = State::Paused;
    QDateTime m_until;
    QString m_message;
};

} // namespace vc
