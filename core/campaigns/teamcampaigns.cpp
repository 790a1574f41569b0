#include "campaigns/teamcampaigns.h"

#include "campaigns/campaignjournal.h"
#include "store/teamstore.h"

#include <QJsonDocument>
#include <QLocale>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSysInfo>
#include <QUuid>

namespace vc {

namespace {
// pg_try_advisory_lock(int4, int4): the first key says "a Voice Console campaign" ("VC").
constexpr int kLeaseClass = 0x5643;

QDateTime fromServer(const QVariant &v)
{
    QDateTime t = v.toDateTime();
    return t.isValid() ? t.toUTC() : QDateTime();
}
} // namespace

QString TeamCampaign::runningWhere() const
{
    return TeamCampaignLease::tr("running on %1 by %2 since %3")
        .arg(host.isEmpty() ? TeamCampaignLease::tr("another computer") : host, operatorName,
             QLocale().toString(startedAt.toLocalTime(), QLocale::ShortFormat));
}

TeamCampaignLease::TeamCampaignLease()
    : m_connection(QStringLiteral("lease-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

TeamCampaignLease::~TeamCampaignLease()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen())
            db.close(); // the session ends: the server lets the lock go
    }
    QSqlDatabase::removeDatabase(m_connection);
}

QJsonObject TeamCampaignLease::countsJson(const CampaignCounts &c)
{
    return QJsonObject{{QStringLiteral("total"), c.total},         {QStringLiteral("ready"), c.ready},
                       {QStringLiteral("waiting"), c.waiting},     {QStringLiteral("placed"), c.placed},
                       {QStringLiteral("completed"), c.completed}, {QStringLiteral("not_delivered"), c.notDelivered},
                       {QStringLiteral("following"), c.following}, {QStringLiteral("rejected"), c.rejected},
                       {QStringLiteral("unknown"), c.unknown},     {QStringLiteral("suppressed"), c.suppressed},
                       {QStringLiteral("capped"), c.capped},       {QStringLiteral("invalid"), c.invalid},
                       {QStringLiteral("duplicate"), c.duplicate}, {QStringLiteral("no_consent"), c.noConsent}};
}

Result<QString, StorageError> TeamCampaignLease::idOf(CampaignJournal &journal)
{
    QString id = journal.meta(QStringLiteral("team_id"));
    if (!id.isEmpty())
        return id;
    id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (auto r = journal.setMeta(QStringLiteral("team_id"), id); !r)
        return r.error();
    return id;
}

StorageResult TeamCampaignLease::connect()
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (db.isOpen())
        return Empty{};
    const auto address = TeamStore::selected();
    if (!address)
        return StorageError{tr("No team store is selected.")};
    if (auto r = TeamStore::connect(m_connection, *address, TeamStore::selectedPassword()); !r)
        return r;
    db = QSqlDatabase::database(m_connection, false);
    if (auto v = TeamStore::migrate(db); !v)
        return v.error();
    // The server notices a computer that went silent (died, cable pulled) within ~25 s and ends its
    // session, and with it the lease.
    QSqlQuery q(db);
    for (const char *sql : {"SET tcp_keepalives_idle = 10", "SET tcp_keepalives_interval = 5", "SET tcp_keepalives_count = 3"}) {
        if (!q.exec(QLatin1String(sql)))
            return TeamStore::error(q.lastError(), tr("The team store cannot keep the campaign's lease"));
    }
    return Empty{};
}

Result<bool, StorageError> TeamCampaignLease::lock(TeamCampaign *holder)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT pg_try_advisory_lock(%1, hashtext(?))").arg(kLeaseClass));
    q.addBindValue(m_id);
    if (!q.exec() || !q.next())
        return TeamStore::error(q.lastError(), tr("The campaign's lease cannot be taken"));
    if (q.value(0).toBool())
        return true;
    if (holder) {
        const auto all = list();
        if (all) {
            for (const TeamCampaign &c : all.value()) {
                if (c.id == m_id)
                    *holder = c;
            }
        }
    }
    return false;
}

Result<bool, StorageError> TeamCampaignLease::acquire(const QString &id, const QString &name, const QString &journal,
                                                      const CampaignCounts &counts, TeamCampaign *holder)
{
    m_id = id;
    if (auto r = connect(); !r)
        return r.error();
    const auto locked = lock(holder);
    if (!locked || !locked.value())
        return locked;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("INSERT INTO campaigns(id, name, journal, host, operator, state, started_at, heartbeat_at, counts)"
                             " VALUES(?, ?, ?, ?, session_user, 'running', now(), now(), ?)"
                             " ON CONFLICT(id) DO UPDATE SET name = excluded.name, journal = excluded.journal, host = excluded.host,"
                             " operator = excluded.operator, state = 'running', started_at = now(), heartbeat_at = now(),"
                             " counts = excluded.counts"));
    q.addBindValue(id);
    q.addBindValue(name);
    q.addBindValue(journal);
    q.addBindValue(QSysInfo::machineHostName().left(128));
    q.addBindValue(QString::fromUtf8(QJsonDocument(countsJson(counts)).toJson(QJsonDocument::Compact)));
    if (!q.exec()) {
        const StorageError e = TeamStore::error(q.lastError(), tr("The campaign cannot be entered in the team's list"));
        QSqlDatabase::database(m_connection, false).close(); // and the lock with it
        return e;
    }
    m_held = true;
    return true;
}

StorageResult TeamCampaignLease::writeState(const QString &state, const CampaignCounts &counts)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE campaigns SET state = ?, heartbeat_at = now(), counts = ? WHERE id = ?"));
    q.addBindValue(state);
    q.addBindValue(QString::fromUtf8(QJsonDocument(countsJson(counts)).toJson(QJsonDocument::Compact)));
    q.addBindValue(m_id);
    if (!q.exec()) {
        const StorageError e = TeamStore::error(q.lastError(), tr("The campaign's heartbeat cannot be written"));
        if (e.unreachable)
            db.close();
        return e;
    }
    return Empty{};
}

Result<bool, StorageError> TeamCampaignLease::heartbeat(const QString &state, const CampaignCounts &counts)
{
    if (!m_held)
        return false;
    if (QSqlDatabase::database(m_connection, false).isOpen()) {
        if (auto r = writeState(state, counts); r || !r.error().unreachable)
            return r ? Result<bool, StorageError>(true) : Result<bool, StorageError>(r.error());
    }
    // The session was lost (the server went away), and the lock with it: take it again.
    if (auto r = connect(); !r)
        return r.error();
    const auto locked = lock(nullptr);
    if (!locked)
        return locked;
    if (!locked.value()) {
        m_held = false; // another computer has it now
        return false;
    }
    if (auto r = writeState(state, counts); !r)
        return r.error();
    return true;
}

void TeamCampaignLease::release(const QString &state, const CampaignCounts &counts)
{
    if (!m_held)
        return;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (db.isOpen()) {
        (void)writeState(state, counts); // a lost server: the row says what it said last; the lease ends anyway
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT pg_advisory_unlock(%1, hashtext(?))").arg(kLeaseClass));
        q.addBindValue(m_id);
        (void)q.exec();
        db.close();
    }
    m_held = false;
}

Result<QList<TeamCampaign>, StorageError> TeamCampaignLease::list()
{
    TeamCampaignLease reader;
    if (auto r = reader.connect(); !r)
        return r.error();
    QSqlQuery q(QSqlDatabase::database(reader.m_connection, false));
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT id, name, journal, host, operator, state, started_at, heartbeat_at, counts,"
                               " state = 'running' AND heartbeat_at > now() - interval '%1 seconds'"
                               " FROM campaigns ORDER BY started_at DESC NULLS LAST")
                    .arg(kLeaseSeconds)))
        return TeamStore::error(q.lastError(), tr("The team's campaigns cannot be read"));
    QList<TeamCampaign> all;
    while (q.next()) {
        TeamCampaign c;
        c.id = q.value(0).toString();
        c.name = q.value(1).toString();
        c.journal = q.value(2).toString();
        c.host = q.value(3).toString();
        c.operatorName = q.value(4).toString();
        c.state = q.value(5).toString();
        c.startedAt = fromServer(q.value(6));
        c.heartbeatAt = fromServer(q.value(7));
        c.counts = QJsonDocument::fromJson(q.value(8).toString().toUtf8()).object();
        c.live = q.value(9).toBool();
        all.append(c);
    }
    return all;
}

} // namespace vc
