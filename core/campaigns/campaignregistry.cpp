#include "campaigns/campaignregistry.h"

#include "campaigns/journallock.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPointer>

#include <algorithm>

namespace vc {

CampaignRegistry::CampaignRegistry(QObject *parent) : QObject(parent) {}

CampaignRegistry::~CampaignRegistry()
{
    qDeleteAll(m_controllers);
}

QStringList CampaignRegistry::active() const
{
    QStringList paths;
    for (auto it = m_controllers.cbegin(); it != m_controllers.cend(); ++it) {
        if (it.value()->isActive())
            paths << it.key();
    }
    return paths;
}

bool CampaignRegistry::isHeldElsewhere(const QString &path) const
{
    return !m_controllers.contains(path) && CampaignJournal::isInUse(path);
}

CampaignSummary CampaignRegistry::summarize(const QString &path) const
{
    CampaignSummary c;
    const QFileInfo f(path);
    c.path = f.absoluteFilePath();
    c.name = f.completeBaseName();
    c.modified = f.lastModified();
    c.inUseElsewhere = isHeldElsewhere(c.path);
    CampaignJournal journal;
    // Held here: read as it is (its controller's worker writes it).
    const auto r = m_controllers.contains(c.path) ? journal.openReadOnly(c.path) : journal.openToShow(c.path);
    if (!r) {
        c.error = r.error().message;
        return c;
    }
    c.settings = journal.settings();
    c.counts = journal.counts();
    c.state = journal.meta(QStringLiteral("state"));
    if (c.state.isEmpty())
        c.state = QStringLiteral("started"); // journals made before the state was kept
    return c;
}

bool CampaignRegistry::isInterrupted(const CampaignSummary &c) const
{
    return c.error.isEmpty() && c.state == QLatin1String("started") && !m_controllers.contains(c.path) && !c.inUseElsewhere;
}

QList<CampaignSummary> CampaignRegistry::scan(const QString &folder) const
{
    QList<CampaignSummary> items;
    // By suffix, not by a name filter: QDir makes a regular expression of a wildcard, and this runs
    // right after the window's first frame, where PCRE2's compiler would cost 0.4 MiB that stays.
    const QFileInfoList files = QDir(folder).entryInfoList(QDir::Files);
    for (const QFileInfo &f : files) {
        if (f.fileName().endsWith(QLatin1String(".journal")))
            items.append(summarize(f.absoluteFilePath()));
    }
    std::sort(items.begin(), items.end(), [](const CampaignSummary &a, const CampaignSummary &b) {
        const QDateTime ta = a.settings.created.isValid() ? a.settings.created : a.modified;
        const QDateTime tb = b.settings.created.isValid() ? b.settings.created : b.modified;
        return ta > tb;
    });
    return items;
}

Result<CampaignController *, QString> CampaignRegistry::start(const QString &path, const CampaignConnection &connection,
                                                               bool resendUnknown)
{
    CampaignController *c = m_controllers.value(path);
    if (!c) {
        if (CampaignJournal::isInUse(path))
            return tr("This campaign is running in another program.");
        CampaignJournal j;
        if (auto r = j.openReadOnly(path); !r)
            return r.error().message;
        // Nobody confirmed a campaign still in preview (a wizard or a voicectl prompt that never finished).
        if (j.meta(QStringLiteral("state")) == QLatin1String("preview"))
            return tr("This campaign was never confirmed, so it is not started: create it again.");
        if (j.meta(QStringLiteral("state")) == QLatin1String("cancelled"))
            return tr("This campaign was cancelled: it cannot be resumed.");
        j.close();
        c = new CampaignController(path, connection, this);
        m_controllers.insert(path, c);
        connect(c, &CampaignController::stateChanged, this, [this, path](CampaignController::State state) {
            Q_EMIT stateChanged(path, state);
        });
        connect(c, &CampaignController::countsChanged, this, [this, path](const CampaignCounts &counts) {
            Q_EMIT countsChanged(path, counts);
        });
        connect(c, &CampaignController::rowsChanged, this, [this, path] { Q_EMIT rowsChanged(path); });
        connect(c, &CampaignController::ended, this, [this, path](CampaignController::State state) {
            Q_EMIT ended(path, state);
        });
    }
    c->start(resendUnknown);
    return c;
}

void CampaignRegistry::pause(const QString &path)
{
    if (auto *c = m_controllers.value(path))
        c->pause();
}

Result<Empty, QString> CampaignRegistry::cancel(const QString &path)
{
    // Held here, running or not: its worker holds the journal and writes the state (opening the journal
    // a second time would find our own lock).
    if (auto *c = m_controllers.value(path)) {
        c->cancel();
        return Empty{};
    }
    CampaignJournal j;
    if (auto r = j.open(path); !r) // takes the lock: refused while another program runs it
        return r.error().message;
    if (auto r = j.setMeta(QStringLiteral("state"), QStringLiteral("cancelled")); !r)
        return r.error().message;
    j.close();
    Q_EMIT listChanged();
    return Empty{};
}

bool CampaignRegistry::release(const QString &path)
{
    if (auto *c = m_controllers.value(path)) {
        if (c->isActive())
            return false;
        delete m_controllers.take(path); // its worker lets the journal go
    }
    return true;
}

Result<Empty, QString> CampaignRegistry::remove(const QString &path)
{
    if (auto *c = m_controllers.value(path)) {
        if (c->isActive())
            return tr("The campaign is running: pause or cancel it first.");
        // Idle here: its worker lets the journal go.
        delete m_controllers.take(path);
    }
    // Asked now, not at the last reload: the lock is taken for the removal, so no program can start the
    // campaign between the question and the deletion.
    JournalLock lock(path);
    if (!lock.tryLock()) {
        return lock.holder() > 0 ? tr("The campaign is in use by another program (process %1): it was not removed.").arg(lock.holder())
                                 : tr("The campaign's lock file cannot be made: it was not removed.");
    }
    for (const char *suffix : {"", "-wal", "-shm"}) {
        const QString file = path + QLatin1String(suffix);
        if (QFile::exists(file) && !QFile::remove(file))
            return tr("%1 could not be removed.").arg(QDir::toNativeSeparators(file));
    }
    lock.unlock(); // and the lock file goes with it
    Q_EMIT listChanged();
    return Empty{};
}

} // namespace vc
