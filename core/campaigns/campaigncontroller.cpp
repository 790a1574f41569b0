#include "campaigns/campaigncontroller.h"

#include "campaigns/campaignsetup.h"
#include "campaigns/teamcampaigns.h"
#include "exolve/exolveclient.h"
#include "legacy/legacyclient.h"
#include "net/httptransport.h"

#include <QFileInfo>
#include <QPointer>
#include <QTimer>

namespace vc {

namespace {
// The context lupdate records (a Q_OBJECT class's own tr() would look for "vc::CampaignController").
class StateNames final
{
    Q_DECLARE_TR_FUNCTIONS(CampaignController)
public:
    static QString name(CampaignController::State state);
    static QString elsewhere() { return tr("This campaign runs on another computer of the team."); }
};
} // namespace

// Lives on the controller's thread: the clients, the journal, the history connection and the runner.
class CampaignWorker final : public QObject
{
    Q_OBJECT
public:
    CampaignWorker(const QString &path, const CampaignConnection &connection)
        : m_path(path), m_connection(connection), m_history(this), m_notify(this)
    {
        m_notify.setInterval(300);
        connect(&m_notify, &QTimer::timeout, this, [this] {
            if (!m_dirty || !m_journal.isOpen())
                return;
            m_dirty = false;
            Q_EMIT rowsChanged();
            Q_EMIT countsChanged(m_journal.counts());
        });
    }

    void run(bool resendUnknown)
    {
        if (m_runner && m_runner->isRunning())
            return;
        if (!m_journal.isOpen()) {
            // Checked whole before anything writes to it (here, off the window's thread).
            if (auto r = CampaignJournal::checkIntegrity(m_path); !r)
                return Q_EMIT stateChanged(int(CampaignController::State::StorageFailed), {}, r.error().message);
            if (auto r = m_journal.open(m_path); !r)
                return Q_EMIT stateChanged(int(CampaignController::State::StorageFailed), {}, r.error().message);
        }
        const CampaignSettings s = m_journal.settings();
        if (resendUnknown) {
            if (const auto r = m_journal.resendUnknown(); !r)
                return Q_EMIT stateChanged(int(CampaignController::State::StorageFailed), {}, r.error().message);
        }
        const auto options = campaignsetup::runnerOptions(s);
        if (!options)
            return Q_EMIT stateChanged(int(CampaignController::State::StorageFailed), {}, options.error());
        if (!m_transport) {
            m_transport = std::make_unique<HttpTransport>();
            m_transport->setProxyConfig(m_connection.proxy);
            m_exolve = std::make_unique<ExolveClient>(m_transport.get());
            m_legacy = std::make_unique<LegacyClient>(m_transport.get());
            if (m_connection.legacy) {
                m_legacy->setBaseUrl(m_connection.url);
                m_legacy->setCredentials(m_connection.login, m_connection.secret);
            } else {
                m_exolve->setBaseUrl(m_connection.url);
                m_exolve->setApiKey(m_connection.secret);
            }
            // The journal is the campaign's record; a history that cannot open only misses its calls
            // (saveHistory checks isOpen).
            (void)m_history.open(m_connection.historyPath);
        }
        m_runner = std::make_unique<CampaignRunner>(&m_journal, campaignsetup::dispatcher(s, m_exolve.get(), m_legacy.get()),
                                                    campaignsetup::poller(s, m_exolve.get(), m_legacy.get()), options.value());
        campaignsetup::configure(*m_runner, s);
        if (m_history.isOpen())
            campaignsetup::recordInto(*m_runner, &m_history, m_path, s, m_connection.profileId);
        // The ledger is not optional: a call it cannot record is not placed.
        if (!m_ledger) {
            m_ledger = std::make_unique<ContactLedger>(m_connection.ledgerPath.isEmpty() ? ContactLedger::defaultPath()
                                                                                         : m_connection.ledgerPath);
        }
        if (auto r = m_ledger->open(); !r) {
            m_runner.reset();
            return Q_EMIT stateChanged(int(CampaignController::State::StorageFailed), {}, r.error().message);
        }
        if (m_ledger->isTeam() && !takeLease())
            return;
        const ContactCaps caps = m_connection.caps ? *m_connection.caps : ContactPolicy::loadShared().caps;
        campaignsetup::recordContacts(*m_runner, m_ledger.get(), m_path, s, caps);
        CampaignRunner *r = m_runner.get();
        const auto dirty = [this] { m_dirty = true; };
        connect(r, &CampaignRunner::rowDispatched, this, dirty);
        connect(r, &CampaignRunner::rowPlaced, this, dirty);
        connect(r, &CampaignRunner::rowFailed, this, dirty);
        connect(r, &CampaignRunner::callEnded, this, dirty);
        connect(r->monitor(), &CallMonitor::updated, this, dirty);
        // After a wait (window, rate limit) the next placed call says the campaign runs again.
        connect(r, &CampaignRunner::waiting, this, [this](const QDateTime &until, qint64) {
            m_dirty = true;
            m_reportRunning = true;
            Q_EMIT stateChanged(int(CampaignController::State::WaitingForWindow), until, {});
        });
        connect(r, &CampaignRunner::rateLimited, this, [this](qint64 ms) {
            m_reportRunning = true;
            Q_EMIT stateChanged(int(CampaignController::State::RateLimited), QDateTime::currentDateTimeUtc().addMSecs(ms), {});
        });
        connect(r, &CampaignRunner::storeUnreachable, this, [this](const QDateTime &since, const QDateTime &, const QString &error) {
            m_reportRunning = true;
            Q_EMIT stateChanged(int(CampaignController::State::StoreUnreachable), since, error);
        });
        connect(r, &CampaignRunner::rowPlaced, this, [this] {
            if (m_reportRunning) {
                m_reportRunning = false;
                Q_EMIT stateChanged(int(CampaignController::State::Running), {}, {});
            }
        });
        connect(r, &CampaignRunner::finished, this, [this](CampaignRunner::Outcome outcome) { onFinished(outcome); });
        m_notify.start();
        Q_EMIT stateChanged(int(CampaignController::State::Running), {}, {});
        Q_EMIT countsChanged(m_journal.counts());
        m_reportRunning = false;
        r->start();
    }

    void stop(bool cancel)
    {
        m_cancel = m_cancel || cancel;
        if (!m_runner || !m_runner->isRunning()) {
            if (m_cancel) {
                if (auto r = markCancelled(); !r)
                    return Q_EMIT stateChanged(int(CampaignController::State::StorageFailed), {}, r.error().message);
            }
            return Q_EMIT stateChanged(int(m_cancel ? CampaignController::State::Cancelled : CampaignController::State::Paused), {}, {});
        }
        Q_EMIT stateChanged(int(CampaignController::State::Stopping), {}, {});
        m_runner->stop();
    }

Q_SIGNALS:
    void stateChanged(int state, const QDateTime &until, const QString &message);
    void rowsChanged();
    void countsChanged(const vc::CampaignCounts &counts);

private:
    // On a team store: the campaign is this computer's while it runs (false: it runs elsewhere, or the
    // store cannot say; the state says which). A heartbeat keeps it, with the counts, every 5 s.
    bool takeLease()
    {
        if (!m_lease)
            m_lease = std::make_unique<TeamCampaignLease>();
        if (!m_lease->isHeld()) {
            const auto id = TeamCampaignLease::idOf(m_journal);
            TeamCampaign holder;
            const auto taken = id ? m_lease->acquire(id.value(), QFileInfo(m_path).completeBaseName(), m_path, m_journal.counts(), &holder)
                                  : Result<bool, StorageError>(id.error());
            if (!taken || !taken.value()) {
                m_runner.reset();
                if (!taken)
                    Q_EMIT stateChanged(int(CampaignController::State::StorageFailed), {}, taken.error().message);
                else
                    Q_EMIT stateChanged(int(CampaignController::State::RunningElsewhere), holder.startedAt,
                                        holder.id.isEmpty() ? StateNames::elsewhere() : holder.runningWhere());
                return false;
            }
        }
        if (!m_heartbeat) {
            m_heartbeat = new QTimer(this);
            m_heartbeat->setInterval(5000);
            connect(m_heartbeat, &QTimer::timeout, this, [this] {
                const auto beat = m_lease->heartbeat(QStringLiteral("running"), m_journal.counts());
                if (beat && !beat.value() && m_runner && m_runner->isRunning())
                    m_runner->stop(); // another computer took it while the store was away
            });
        }
        m_heartbeat->start();
        return true;
    }
    void releaseLease(const QString &state)
    {
        if (m_heartbeat)
            m_heartbeat->stop();
        if (m_lease)
            m_lease->release(state, m_journal.counts());
    }

    // "cancelled" on disk: a cancelled campaign is never resumed, here or by voicectl.
    StorageResult markCancelled()
    {
        if (!m_journal.isOpen()) {
            if (auto r = m_journal.open(m_path); !r)
                return r;
        }
        return m_journal.setMeta(QStringLiteral("state"), QStringLiteral("cancelled"));
    }

    void onFinished(CampaignRunner::Outcome outcome)
    {
        m_notify.stop();
        m_dirty = false;
        Q_EMIT rowsChanged();
        Q_EMIT countsChanged(m_journal.counts());
        using State = CampaignController::State;
        const QString message = m_runner->lastError().toDisplayString();
        const CampaignCounts counts = m_journal.counts();
        releaseLease(m_cancel                                       ? QStringLiteral("cancelled")
                     : outcome == CampaignRunner::Outcome::Interrupted ? QStringLiteral("paused")
                     : outcome != CampaignRunner::Outcome::Finished    ? QStringLiteral("stopped")
                     : counts.waiting > 0                              ? QStringLiteral("waiting")
                                                                       : QStringLiteral("finished"));
        switch (outcome) {
        case CampaignRunner::Outcome::Interrupted:
            if (m_cancel) {
                if (auto r = markCancelled(); !r)
                    return Q_EMIT stateChanged(int(State::StorageFailed), {}, r.error().message);
            }
            return Q_EMIT stateChanged(int(m_cancel ? State::Cancelled : State::Paused), {}, {});
        case CampaignRunner::Outcome::NetworkStopped:
            return Q_EMIT stateChanged(int(State::NetworkFailed), {}, message);
        case CampaignRunner::Outcome::Refused:
            return Q_EMIT stateChanged(int(State::Refused), {}, message);
        case CampaignRunner::Outcome::StorageFailed:
            return Q_EMIT stateChanged(int(State::StorageFailed), {}, message);
        case CampaignRunner::Outcome::Finished:
            return Q_EMIT stateChanged(int(State::Finished), {}, {});
        }
    }

    QString m_path;
    CampaignConnection m_connection;
    std::unique_ptr<HttpTransport> m_transport;
    std::unique_ptr<ExolveClient> m_exolve;
    std::unique_ptr<LegacyClient> m_legacy;
    CampaignJournal m_journal;
    CallHistory m_history;
    std::unique_ptr<ContactLedger> m_ledger;
    std::unique_ptr<CampaignRunner> m_runner;
    std::unique_ptr<TeamCampaignLease> m_lease;
    QTimer *m_heartbeat = nullptr;
    QTimer m_notify;
    bool m_dirty = false;
    bool m_cancel = false;
    bool m_reportRunning = false;
};

CampaignController::CampaignController(const QString &journalPath, const CampaignConnection &connection, QObject *parent)
    : QObject(parent), m_path(journalPath), m_connection(connection)
{
    static const bool registered = [] {
        qRegisterMetaType<vc::CampaignCounts>("vc::CampaignCounts");
        return true;
    }();
    Q_UNUSED(registered)
    m_thread.setObjectName(QStringLiteral("campaign"));
    m_worker = new CampaignWorker(journalPath, connection);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &CampaignWorker::rowsChanged, this, &CampaignController::rowsChanged);
    connect(m_worker, &CampaignWorker::countsChanged, this, &CampaignController::countsChanged);
    connect(m_worker, &CampaignWorker::stateChanged, this, [this](int state, const QDateTime &until, const QString &message) {
        setState(State(state), until, message);
    });
    m_thread.start();
}

CampaignController::~CampaignController()
{
    m_thread.quit();
    m_thread.wait();
}

bool CampaignController::isActive() const
{
    switch (m_state) {
    case State::Starting:
    case State::Running:
    case State::WaitingForWindow:
    case State::RateLimited:
    case State::StoreUnreachable:
    case State::Stopping:
        return true;
    default:
        return false;
    }
}

void CampaignController::setState(State state, const QDateTime &until, const QString &message)
{
    m_state = state;
    m_until = until;
    m_message = message;
    // Decided before the first signal: a slot may start the campaign again, or delete this controller.
    const bool over = !isActive();
    const QPointer<CampaignController> self(this);
    Q_EMIT stateChanged(state);
    if (over && self)
        Q_EMIT ended(state);
}

void CampaignController::start(bool resendUnknown)
{
    setState(State::Starting);
    QMetaObject::invokeMethod(m_worker, [w = m_worker, resendUnknown] { w->run(resendUnknown); }, Qt::QueuedConnection);
}

void CampaignController::pause()
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker] { w->stop(false); }, Qt::QueuedConnection);
}

void CampaignController::cancel()
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker] { w->stop(true); }, Qt::QueuedConnection);
}

QString CampaignController::stateName(State state)
{
    return StateNames::name(state);
}

QString StateNames::name(CampaignController::State state)
{
    using State = CampaignController::State;
    switch (state) {
    case State::Starting:
        return tr("Starting");
    case State::Running:
        return tr("Running");
    case State::WaitingForWindow:
        return tr("Waiting for the sending window");
    case State::RateLimited:
        return tr("Paused by the service's rate limit");
    case State::StoreUnreachable:
        return tr("Paused: the team store cannot be reached");
    case State::RunningElsewhere:
        return tr("Runs on another computer");
    case State::Stopping:
        return tr("Stopping");
    case State::Paused:
        return tr("Paused");
    case State::NetworkFailed:
        return tr("Stopped: network failure");
    case State::Refused:
        return tr("Stopped: refused by the API");
    case State::StorageFailed:
        return tr("Stopped: the journal cannot be written");
    case State::Finished:
        return tr("Finished");
    case State::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

} // namespace vc

#include "campaigncontroller.moc"
