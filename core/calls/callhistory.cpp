#include "calls/callhistory.h"

#include "common/csv.h"
#include "common/paths.h"
#include "common/sqlerror.h"

#include "exolve/exolvetypes.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include "accounts/settings.h"
#include <QTextStream>
#include <QUuid>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <limits>

namespace vc {

namespace {
Q_LOGGING_CATEGORY(lcStorage, "vc.storage")

QVariant timeValue(const QDateTime &dt)
{
    return dt.isValid() ? QVariant(dt.toMSecsSinceEpoch()) : QVariant();
}

QDateTime timeFrom(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

const char *const kColumns = "call_id, profile_id, origin, source, destination, service_id, service_name, status, "
                             "outcome_unknown, final, stale, created, started, ended, duration, timeout, updated_at, campaign";

CallRecord recordFrom(const QSqlQuery &q)
{
    CallRecord r;
    r.callId = q.value(0).toString();
    r.profileId = q.value(1).toString();
    r.origin = q.value(2).toInt() == 1 ? CallRecord::Origin::Watched : CallRecord::Origin::Sent;
    r.source = q.value(3).toString();
    r.destination = q.value(4).toString();
    r.serviceId = q.value(5).toString();
    r.serviceName = q.value(6).toString();
    r.status = q.value(7).toString();
    r.outcomeUnknown = q.value(8).toBool();
    r.final = q.value(9).toBool();
    r.stale = q.value(10).toBool();
    r.created = timeFrom(q.value(11));
    r.started = timeFrom(q.value(12));
    r.ended = timeFrom(q.value(13));
    r.duration = q.value(14).isNull() ? -1 : q.value(14).toInt();
    r.timeout = q.value(15).isNull() ? -1 : q.value(15).toInt();
    r.updatedAt = timeFrom(q.value(16));
    r.campaign = q.value(17).toString();
    return r;
}
} // namespace

void CallRecord::apply(const CallInfo &info)
{
    if (!info.status.isEmpty())
        status = info.status;
    if (!info.source.isEmpty())
        source = info.source;
    if (!info.destination.isEmpty())
        destination = info.destination;
    if (info.created.isValid())
        created = info.created;
    started = info.started;
    ended = info.ended;
    duration = info.duration.value_or(-1);
    timeout = info.timeout.value_or(-1);
    final = info.isFinal();
    outcomeUnknown = false;
}

CallHistory::CallHistory(QObject *parent)
    : QObject(parent), m_connection(QStringLiteral("vc-history-") + QUuid::createUuid().toString(QUuid::Id128))
{
}

CallHistory::~CallHistory()
{
    flush();
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

QString CallHistory::defaultPath()
{
    return paths::dataFolder() + QStringLiteral("/history.sqlite");
}

StorageResult CallHistory::open(const QString &path)
{
    m_path = path.isEmpty() ? defaultPath() : path;
    QString error;
    bool damaged = false;
    m_open = openFile(&error, &damaged);
    if (!m_open && damaged) {
        // Moved aside, never deleted: the operator (or a recovery tool) may still get calls out of it.
        QSqlDatabase::database(m_connection, false).close();
        const QString target = m_path + QStringLiteral(".corrupt-") +
                               QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
        bool moved = QFile::rename(m_path, target);
        for (const char *suffix : {"-wal", "-shm"}) {
            const QString side = m_path + QLatin1String(suffix);
            if (QFile::exists(side))
                moved = QFile::rename(side, target + QLatin1String(suffix)) && moved;
        }
        qCWarning(lcStorage) << "history" << m_path << "is damaged (" << error << "), moved to" << target;
        if (moved) {
            m_recoveredTo = target;
            m_recoveryReason = error;
            m_open = openFile(&error, &damaged);
        }
    }
    m_openError = m_open ? QString() : error;
    if (!m_open) {
        qCWarning(lcStorage) << "cannot open history:" << error;
        return StorageError{error};
    }
    return Empty{};
}

bool CallHistory::openFile(QString *error, bool *damaged)
{
    QSqlDatabase db = QSqlDatabase::contains(m_connection) ? QSqlDatabase::database(m_connection, false)
                                                          : QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(m_path);
    *damaged = false;
    if (!db.open()) {
        *error = storage::message(db.lastError());
        return false;
    }
    QSqlQuery q(db);
    const auto failed = [&](const QSqlError &e) {
        *error = storage::message(e);
        *damaged = storage::isDamage(e);
        return false;
    };
    if (!q.exec(QStringLiteral("PRAGMA quick_check")))
        return failed(q.lastError());
    if (q.next() && q.value(0).toString() != QLatin1String("ok")) {
        *error = q.value(0).toString();
        *damaged = true;
        return false;
    }
    const char *statements[] = {
        "PRAGMA journal_mode=WAL",
        "PRAGMA synchronous=NORMAL",
        "CREATE TABLE IF NOT EXISTS calls (call_id TEXT PRIMARY KEY, profile_id TEXT, origin INTEGER, source TEXT, "
        "destination TEXT, service_id TEXT, service_name TEXT, status TEXT, outcome_unknown INTEGER, final INTEGER, "
        "stale INTEGER, created INTEGER, started INTEGER, ended INTEGER, duration INTEGER, timeout INTEGER, "
        "updated_at INTEGER)",
        "CREATE INDEX IF NOT EXISTS calls_created ON calls(created)",
        "CREATE INDEX IF NOT EXISTS calls_final ON calls(final, profile_id)",
        "CREATE TABLE IF NOT EXISTS call_events (call_id TEXT, at INTEGER, status TEXT)",
        "CREATE INDEX IF NOT EXISTS call_events_call ON call_events(call_id)",
    };
    for (const char *sql : statements) {
        if (!q.exec(QLatin1String(sql)))
            return failed(q.lastError());
    }
    // Histories from before campaigns: calls gain the campaign that placed them.
    bool hasCampaign = false;
    if (q.exec(QStringLiteral("PRAGMA table_info(calls)"))) {
        while (q.next())
            hasCampaign = hasCampaign || q.value(1).toString() == QLatin1String("campaign");
    }
    if (!hasCampaign && !q.exec(QStringLiteral("ALTER TABLE calls ADD COLUMN campaign TEXT")))
        return failed(q.lastError());
    if (!q.exec(QStringLiteral("CREATE INDEX IF NOT EXISTS calls_campaign ON calls(campaign) WHERE campaign IS NOT NULL")))
        return failed(q.lastError());
    return true;
}

StorageResult CallHistory::save(const CallRecord &input)
{
    flush(); // keeps the order of writes: what was queued before goes first
    CallRecord record = input;
    record.updatedAt = QDateTime::currentDateTimeUtc();
    if (const auto error = write(record, findStored(record.callId))) {
        Q_EMIT writeFailed(record.callId, *error);
        return StorageError{*error};
    }
    return Empty{};
}

namespace {
StorageResult exec(QSqlDatabase &db, const QString &sql, const QVariantList &values)
{
    QSqlQuery q(db);
    q.prepare(sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec())
        return StorageError{q.lastError().text()};
    return Empty{};
}
} // namespace

StorageResult CallHistory::resolveUnknown(const QString &campaign, const QString &destination, const QString &callId,
                                          std::optional<int> duration)
{
    flush();
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT call_id FROM calls WHERE campaign = ? AND destination = ? AND outcome_unknown = 1"
                             " ORDER BY created DESC LIMIT 1"));
    q.addBindValue(campaign);
    q.addBindValue(destination);
    if (!q.exec())
        return StorageError{q.lastError().text()};
    if (!q.next())
        return Empty{}; // not recorded here (the history could not be written then): nothing to change
    const QString old = q.value(0).toString();
    q.finish();
    return renameUnknown(old, callId, duration);
}

StorageResult CallHistory::renameUnknown(const QString &old, const QString &callId, std::optional<int> duration)
{
    flush();
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (findStored(callId)) // already recorded under its id: the unknown record goes
        return exec(db, QStringLiteral("DELETE FROM calls WHERE call_id = ? AND outcome_unknown = 1"), {old});
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QString set = duration ? QStringLiteral(", status = ?, final = 1, duration = ?") : QStringLiteral(", status = NULL");
    QVariantList values{callId, now};
    if (duration)
        values << (*duration > 0 ? QStringLiteral("completed") : QStringLiteral("not_answered")) << *duration;
    values << old;
    if (!db.transaction())
        return StorageError{db.lastError().text()};
    if (auto r = exec(db, QStringLiteral("UPDATE calls SET call_id = ?, outcome_unknown = 0, updated_at = ?") + set +
                              QStringLiteral(" WHERE call_id = ? AND outcome_unknown = 1"), values); !r) {
        db.rollback();
        return r;
    }
    if (auto r = exec(db, QStringLiteral("UPDATE call_events SET call_id = ? WHERE call_id = ?"), {callId, old}); !r) {
        db.rollback();
        return r;
    }
    if (!db.commit())
        return StorageError{db.lastError().text()};
    return Empty{};
}

void CallHistory::saveSoon(const CallRecord &input)
{
    CallRecord record = input;
    record.updatedAt = QDateTime::currentDateTimeUtc();
    m_queuedAt.insert(record.callId, m_queue.size());
    m_queue.append(std::move(record));
    scheduleWrite();
}

void CallHistory::scheduleWrite()
{
    if (m_flushScheduled)
        return;
    m_flushScheduled = true;
    QTimer::singleShot(0, this, [this] {
        m_flushScheduled = false;
        // A few milliseconds of writing per turn of the event loop, then the window gets its turn.
        if (!writeQueued(4))
            scheduleWrite();
    });
}

void CallHistory::flush() const
{
    while (!writeQueued(std::numeric_limits<qint64>::max())) {
    }
}

bool CallHistory::writeQueued(qint64 budgetMs) const
{
    QList<QPair<QString, QString>> failures;
    if (m_queueHead < m_queue.size()) {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        QElapsedTimer spent;
        spent.start();
        const bool inTransaction = m_open && db.transaction();
        const qsizetype first = m_queueHead;
        while (m_queueHead < m_queue.size() && spent.elapsed() < budgetMs) {
            const CallRecord &record = m_queue.at(m_queueHead);
            // Every queued state is written in order, so each status the call went through gets its
            // timeline event; a failure is reported once, for the call's latest state.
            const bool latest = m_queuedAt.value(record.callId, -1) == m_queueHead;
            if (const auto error = write(record, findStored(record.callId)); error && latest)
                failures.append({record.callId, *error});
            ++m_queueHead;
        }
        if (inTransaction && !db.commit()) {
            // This turn's records are lost (earlier turns' were committed): each call's latest once.
            failures.clear();
            const QString error = storage::message(db.lastError());
            for (qsizetype i = first; i < m_queueHead; ++i) {
                if (m_queuedAt.value(m_queue.at(i).callId, -1) == i)
                    failures.append({m_queue.at(i).callId, error});
            }
        }
    }
    const bool done = m_queueHead >= m_queue.size();
    if (done) {
        m_queue.clear();
        m_queuedAt.clear();
        m_queueHead = 0;
    }
    for (const auto &[callId, error] : std::as_const(failures))
        Q_EMIT const_cast<CallHistory *>(this)->writeFailed(callId, error);
    return done;
}

std::optional<QString> CallHistory::write(const CallRecord &record, const std::optional<CallRecord> &previous) const
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO calls (%1) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)").arg(QLatin1String(kColumns)));
    const QVariantList values = {record.callId, record.profileId, record.origin == CallRecord::Origin::Watched ? 1 : 0,
                                 record.source, record.destination, record.serviceId, record.serviceName, record.status,
                                 record.outcomeUnknown, record.final, record.stale, timeValue(record.created),
                                 timeValue(record.started), timeValue(record.ended),
                                 record.duration >= 0 ? QVariant(record.duration) : QVariant(),
                                 record.timeout >= 0 ? QVariant(record.timeout) : QVariant(), timeValue(record.updatedAt),
                                 record.campaign.isEmpty() ? QVariant() : QVariant(record.campaign)};
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec()) {
        const QString error = m_open ? storage::message(q.lastError()) : QCoreApplication::translate("CallHistory", "the call history is not open");
        qCWarning(lcStorage) << "history save:" << error;
        return error;
    }
    if (!previous || previous->status != record.status) {
        QSqlQuery e(db);
        e.prepare(QStringLiteral("INSERT INTO call_events (call_id, at, status) VALUES (?,?,?)"));
        e.addBindValue(record.callId);
        e.addBindValue(record.updatedAt.toMSecsSinceEpoch());
        e.addBindValue(record.status);
        e.exec();
    }
    return std::nullopt;
}

std::optional<CallRecord> CallHistory::find(const QString &callId) const
{
    if (const auto it = m_queuedAt.constFind(callId); it != m_queuedAt.cend())
        return m_queue.at(*it);
    return findStored(callId);
}

std::optional<CallRecord> CallHistory::findStored(const QString &callId) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT %1 FROM calls WHERE call_id = ?").arg(QLatin1String(kColumns)));
    q.addBindValue(callId);
    if (q.exec() && q.next())
        return recordFrom(q);
    return std::nullopt;
}

QList<CallRecord> CallHistory::search(const CallFilter &filter) const
{
    flush();
    QStringList where;
    QVariantList binds;
    if (!filter.profileId.isEmpty()) {
        where << QStringLiteral("profile_id = ?");
        binds << filter.profileId;
    }
    if (filter.from.isValid()) {
        where << QStringLiteral("created >= ?");
        binds << filter.from.startOfDay().toMSecsSinceEpoch();
    }
    if (filter.to.isValid()) {
        where << QStringLiteral("created < ?");
        binds << filter.to.addDays(1).startOfDay().toMSecsSinceEpoch();
    }
    if (!filter.campaign.isEmpty()) {
        where << QStringLiteral("campaign = ?");
        binds << filter.campaign;
    }
    if (!filter.status.isEmpty()) {
        where << QStringLiteral("status = ?");
        binds << filter.status;
    }
    const QString number = filter.number.trimmed();
    if (!number.isEmpty()) {
        QString digits;
        for (const QChar c : number) {
            if (c.isDigit())
                digits += c;
        }
        where << QStringLiteral("(source LIKE ? OR destination LIKE ? OR call_id LIKE ?)");
        const QString digitPattern = u'%' + (digits.isEmpty() ? number : digits) + u'%';
        binds << digitPattern << digitPattern << QString(u'%' + number + u'%');
    }
    QString sql = QStringLiteral("SELECT %1 FROM calls").arg(QLatin1String(kColumns));
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY created DESC LIMIT %1").arg(filter.limit);
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(sql);
    for (const QVariant &v : binds)
        q.addBindValue(v);
    QList<CallRecord> list;
    if (!q.exec()) {
        qCInfo(lcStorage) << "history search:" << q.lastError().text();
        return list;
    }
    while (q.next())
        list.append(recordFrom(q));
    return list;
}

QList<CallRecord> CallHistory::unfinished(const QString &profileId) const
{
    flush();
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT %1 FROM calls WHERE final = 0 AND stale = 0 AND outcome_unknown = 0 AND profile_id = ?")
                  .arg(QLatin1String(kColumns)));
    q.addBindValue(profileId);
    QList<CallRecord> list;
    if (q.exec()) {
        while (q.next())
            list.append(recordFrom(q));
    }
    return list;
}

QList<CallEvent> CallHistory::timeline(const QString &callId) const
{
    flush();
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT at, status FROM call_events WHERE call_id = ? ORDER BY at, rowid"));
    q.addBindValue(callId);
    QList<CallEvent> events;
    if (q.exec()) {
        while (q.next())
            events.append({timeFrom(q.value(0)), q.value(1).toString()});
    }
    return events;
}

QStringList CallHistory::campaigns() const
{
    flush();
    QSqlQuery q(QSqlDatabase::database(m_connection));
    QStringList list;
    if (q.exec(QStringLiteral("SELECT DISTINCT campaign FROM calls WHERE campaign IS NOT NULL ORDER BY campaign"))) {
        while (q.next())
            list.append(q.value(0).toString());
    }
    return list;
}

QStringList CallHistory::statuses() const
{
    flush();
    QSqlQuery q(QSqlDatabase::database(m_connection));
    QStringList list;
    if (q.exec(QStringLiteral("SELECT DISTINCT status FROM calls ORDER BY status"))) {
        while (q.next())
            list.append(q.value(0).toString());
    }
    return list;
}

StorageResult CallHistory::exportCsv(const CallFilter &filter, QIODevice *out) const
{
    flush();
    QTextStream s(out);
    s.setEncoding(QStringConverter::Utf8);
    s << "call_id,source,destination,service_id,service_name,status,outcome_unknown,created,started,ended,duration_s\r\n";
    const auto iso = [](const QDateTime &dt) { return dt.isValid() ? dt.toString(Qt::ISODate) : QString(); };
    for (const CallRecord &r : search(filter)) {
        const QStringList cells = {r.callId, r.source, r.destination, r.serviceId, r.serviceName, r.status,
                                   r.outcomeUnknown ? QStringLiteral("yes") : QStringLiteral("no"), iso(r.created),
                                   iso(r.started), iso(r.ended), r.duration >= 0 ? QString::number(r.duration) : QString()};
        QStringList escaped;
        for (const QString &c : cells)
            escaped.append(csvCell(c));
        s << escaped.join(u',') << "\r\n";
    }
    s.flush();
    if (s.status() != QTextStream::Ok)
        return StorageError{out->errorString()};
    return Empty{};
}

} // namespace vc
