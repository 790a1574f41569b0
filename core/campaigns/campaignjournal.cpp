// The crash-safe journal: opening and recovering it, the import, and each row's way from pending to its end.
#include "campaigns/campaignjournal.h"
#include "common/sqlerror.h"

#include "accounts/settings.h"
#include "campaigns/campaignjournal_p.h"
#include "campaigns/journallock.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QIODevice>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QTimeZone>
#include <QRegularExpression>
#include <QUrl>
#include <QUuid>

namespace vc {

using journal::databaseName;
using journal::fromIso;
using journal::looksLikeSqlite;
using journal::readOnlyOptions;
using journal::iso;

Q_LOGGING_CATEGORY(lcJournal, "vc.campaign.journal")

CampaignJournal::CampaignJournal() : m_connection(QStringLiteral("vc-journal-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

CampaignJournal::~CampaignJournal()
{
    close();
    QSqlDatabase::removeDatabase(m_connection);
}

void CampaignJournal::close()
{
    m_insert.reset();
    m_insertConsent.reset();
    m_findReady.reset();
    m_readyNumbers.clear();
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen())
            db.close();
    }
    m_open = false;
    m_lock.reset();
}

StorageResult CampaignJournal::fail(const QString &what)
{
    return StorageError{what};
}

StorageResult CampaignJournal::exec(const QString &sql, const QVariantList &values)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.prepare(sql) || ([&] {
            for (const QVariant &v : values)
                q.addBindValue(v);
            return !q.exec();
        })()) {
        qCInfo(lcJournal) << m_path << sql;
        return fail(storage::message(q.lastError()));
    }
    return Empty{};
}

StorageResult CampaignJournal::openDatabase(bool create, bool readOnly)
{
    close();
    m_readOnly = readOnly;
    const QFileInfo info(m_path);
    if (create && info.exists())
        return fail(tr("The journal %1 exists already; choose another file or resume it.").arg(m_path));
    if (!create && !info.exists())
        return fail(tr("There is no journal at %1.").arg(m_path));
    if (!create && !looksLikeSqlite(m_path))
        return fail(tr("%1 is not a campaign journal. It was left as it is.").arg(m_path));
    if (!readOnly && !create && !isWritable(m_path))
        return fail(tr("The journal %1 is in a read-only folder (or is read-only itself): it can be looked at and "
                       "exported, but not run or resumed. Copy it to a folder you can write to first.").arg(m_path));
    if (create && (!QDir().mkpath(info.absolutePath()) || !QFileInfo(info.absolutePath()).isWritable()))
        return fail(tr("The folder %1 cannot be written to: the journal cannot be made there.").arg(info.absolutePath()));
    if (!readOnly) {
        m_lock = std::make_unique<JournalLock>(m_path);
        if (!m_lock->tryLock()) {
            const qint64 pid = m_lock->holder();
            m_lock.reset();
            return fail(tr("The journal %1 is in use by another program (process %2).").arg(m_path).arg(pid));
        }
    }
    if (create) {
        if (auto r = makeFile(); !r)
            return r;
    }
    QSqlDatabase db = QSqlDatabase::contains(m_connection) ? QSqlDatabase::database(m_connection, false)
                                                          : QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(readOnly ? databaseName(m_path) : m_path);
    db.setConnectOptions(readOnly ? readOnlyOptions(m_path, 2000) : QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open())
        return fail(tr("The journal %1 cannot be opened: %2").arg(m_path, storage::message(db.lastError())));
    const QList<const char *> pragmas = readOnly ? QList<const char *>{"PRAGMA cache_size=-4096"}
                                                 : QList<const char *>{"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA cache_size=-8192"};
    for (const char *pragma : pragmas) {
        if (auto r = exec(QLatin1String(pragma)); !r)
            return fail(tr("The journal %1 cannot be read (%2). It is left as it is: rows in it may have been "
                           "called, so do not start the campaign again without checking.").arg(m_path, r.error().message));
    }
    if (QSqlQuery q(db); !q.exec(QStringLiteral("SELECT count(*) FROM meta")) || !q.next())
        return fail(tr("%1 is not a campaign journal or is damaged (%2). It is left as it is: rows in it may "
                       "have been called, so do not start the campaign again without checking.")
                        .arg(m_path, storage::message(q.lastError())));
    if (!readOnly) {
        if (auto r = ensureTally(); !r)
            return r;
        // Journals made before the run looked rows up by zone: the index is added once (a second or two
        // for a million rows), before any run.
        if (auto r = exec(QLatin1String(journal::kPendingZoneIndex)); !r)
            return r;
        if (auto r = exec(QLatin1String(journal::kAttemptsTable)); !r)
            return r;
        if (QSqlQuery columns(db); columns.exec(QStringLiteral("SELECT 1 FROM pragma_table_info('rows') WHERE name = 'requested_at'")) &&
                                   !columns.next()) {
            columns.finish();
            if (auto r = exec(QLatin1String(journal::kRequestedAtColumn)); !r)
                return r;
        }
    } else {
        QSqlQuery q(db);
        m_hasTally = q.exec(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'tally'")) && q.next();
    }
    m_open = true;
    return Empty{};
}

StorageResult CampaignJournal::create(const QString &path, const CampaignSettings &settings)
{
    m_path = path;
    if (auto r = openDatabase(true); !r) {
        close();
        return r;
    }
    return saveSettings(settings);
}

StorageResult CampaignJournal::openReadOnly(const QString &path)
{
    m_path = path;
    if (auto r = openDatabase(false, true); !r) {
        close();
        return r;
    }
    if (auto r = loadSettings(); !r) {
        close();
        return r;
    }
    return Empty{};
}

bool CampaignJournal::isInUse(const QString &path)
{
    return JournalLock::isHeld(path);
}

void CampaignJournal::removeFiles(const QString &path)
{
    for (const char *suffix : {"", "-wal", "-shm", ".lock"})
        QFile::remove(path + QLatin1String(suffix));
}

QString CampaignJournal::meta(const QString &key)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    q.addBindValue(key);
    if (!q.exec() || !q.next())
        return {};
    return q.value(0).toString();
}

StorageResult CampaignJournal::setMeta(const QString &key, const QString &value)
{
    return exec(QStringLiteral("INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)"), {key, value});
}

StorageResult CampaignJournal::open(const QString &path)
{
    m_path = path;
    if (auto r = openDatabase(false); !r) {
        close();
        return r;
    }
    if (auto r = loadSettings(); !r) {
        close();
        return r;
    }
    // A run that ended in the middle of a request: the call may have been placed.
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.prepare(QStringLiteral("UPDATE rows SET state = 'unknown', error = ? WHERE state = 'dispatching'")))
        return fail(storage::message(q.lastError()));
    q.addBindValue(tr("The run stopped while this call was being requested: it may have been placed."));
    if (!q.exec())
        return fail(storage::message(q.lastError()));
    m_interrupted = q.numRowsAffected();
    return Empty{};
}

StorageResult CampaignJournal::saveSettings(const CampaignSettings &s, const QList<QPair<QString, QString>> &meta)
{
    QList<QPair<QString, QString>> values = {
        {QStringLiteral("provider"), CampaignSettings::providerName(s.provider)},
        {QStringLiteral("api_url"), s.apiUrl},
        {QStringLiteral("profile"), s.profile},
        {QStringLiteral("source"), s.source},
        {QStringLiteral("service_id"), s.serviceId},
        {QStringLiteral("file_id"), s.fileId},
        {QStringLiteral("rate"), QString::number(s.rate, 'g', 10)},
        {QStringLiteral("concurrency"), QString::number(s.concurrency)},
        {QStringLiteral("window"), s.window},
        {QStringLiteral("tz"), s.defaultZone},
        {QStringLiteral("redial"), QString::number(s.redial)},
        {QStringLiteral("redial_gap"), QString::number(s.redialGapMin)},
        {QStringLiteral("redial_busy"), QString::number(s.redialBusy)},
        {QStringLiteral("redial_busy_gap"), QString::number(s.redialBusyGapMin)},
        {QStringLiteral("redial_no_answer"), QString::number(s.redialNoAnswer)},
        {QStringLiteral("redial_no_answer_gap"), QString::number(s.redialNoAnswerGapMin)},
        {QStringLiteral("input"), s.inputFile},
        {QStringLiteral("encoding"), s.encoding},
        {QStringLiteral("separator"), s.separator},
        {QStringLiteral("column"), s.numberColumn},
        {QStringLiteral("created"), iso(s.created)},
        {QStringLiteral("purpose"), CampaignSettings::purposeName(s.purpose)},
        {QStringLiteral("start_at"), s.startAt.isValid() ? iso(s.startAt) : QString()},
    };
    values.append(meta);
    if (auto r = exec(QStringLiteral("BEGIN")); !r)
        return r;
    for (const auto &[key, value] : values) {
        if (auto r = exec(QStringLiteral("INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)"), {key, value}); !r) {
            (void)exec(QStringLiteral("ROLLBACK")); // the first error is the one to report
            return r;
        }
    }
    if (auto r = exec(QStringLiteral("COMMIT")); !r) {
        (void)exec(QStringLiteral("ROLLBACK"));
        return r;
    }
    m_settings = s; // only what is on disk
    return Empty{};
}

StorageResult CampaignJournal::loadSettings()
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(QStringLiteral("SELECT key, value FROM meta")))
        return fail(storage::message(q.lastError()));
    QHash<QString, QString> m;
    while (q.next())
        m.insert(q.value(0).toString(), q.value(1).toString());
    CampaignSettings s;
    s.provider = m.value(QStringLiteral("provider")) == QLatin1String("integrationapi") ? CampaignSettings::Provider::IntegrationApi
                                                                                        : CampaignSettings::Provider::Exolve;
    s.apiUrl = m.value(QStringLiteral("api_url"));
    s.profile = m.value(QStringLiteral("profile"));
    s.source = m.value(QStringLiteral("source"));
    s.serviceId = m.value(QStringLiteral("service_id"));
    s.fileId = m.value(QStringLiteral("file_id"));
    s.rate = m.value(QStringLiteral("rate"), QStringLiteral("1")).toDouble();
    if (!(s.rate > 0))
        s.rate = 1;
    s.concurrency = std::max(1, m.value(QStringLiteral("concurrency"), QStringLiteral("4")).toInt());
    s.window = m.value(QStringLiteral("window"));
    s.defaultZone = m.value(QStringLiteral("tz"));
    s.redial = m.value(QStringLiteral("redial")).toInt();
    s.redialGapMin = m.value(QStringLiteral("redial_gap"), QStringLiteral("10")).toInt();
    s.redialBusy = m.value(QStringLiteral("redial_busy"), QStringLiteral("-1")).toInt();
    s.redialBusyGapMin = m.value(QStringLiteral("redial_busy_gap"), QStringLiteral("-1")).toInt();
    s.redialNoAnswer = m.value(QStringLiteral("redial_no_answer"), QStringLiteral("-1")).toInt();
    s.redialNoAnswerGapMin = m.value(QStringLiteral("redial_no_answer_gap"), QStringLiteral("-1")).toInt();
    s.inputFile = m.value(QStringLiteral("input"));
    s.encoding = m.value(QStringLiteral("encoding"));
    s.separator = m.value(QStringLiteral("separator"));
    s.numberColumn = m.value(QStringLiteral("column"));
    s.created = fromIso(m.value(QStringLiteral("created")));
    // A journal from before purposes were asked was informational: advertising was never allowed.
    s.purpose = CampaignSettings::purposeNamed(m.value(QStringLiteral("purpose"))).value_or(CampaignSettings::Purpose::Informational);
    s.startAt = m.value(QStringLiteral("start_at")).isEmpty() ? QDateTime() : fromIso(m.value(QStringLiteral("start_at")));
    m_settings = s;
    return Empty{};
}

CampaignRow CampaignJournal::readRow(const QSqlQuery &q) const
{
    CampaignRow r;
    r.line = q.value(0).toLongLong();
    r.given = q.value(1).toString();
    r.number = q.value(2).toString();
    r.rowClass = rowClassFromName(q.value(3).toString());
    r.reason = q.value(4).toString();
    r.duplicateOf = q.value(5).toLongLong();
    r.serviceId = q.value(6).toString();
    r.fileId = q.value(7).toString();
    r.tz = q.value(8).toString();
    r.name = q.value(9).toString();
    r.state = rowStateFromName(q.value(10).toString());
    r.callId = q.value(11).toString();
    r.status = q.value(12).toString();
    r.final = q.value(13).toBool();
    r.delivered = q.value(14).toBool();
    r.stale = q.value(15).toBool();
    r.attempts = q.value(16).toInt();
    r.error = q.value(17).toString();
    r.placedAt = fromIso(q.value(18).toString());
    r.endedAt = fromIso(q.value(19).toString());
    r.notBeforeMs = q.value(20).toLongLong();
    r.durationSec = q.value(21).isNull() ? -1 : q.value(21).toInt();
    return r;
}


StorageResult CampaignJournal::markDispatching(qint64 line)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("UPDATE rows SET state = 'dispatching', attempts = attempts + 1, error = NULL, final = 0,"
                             " delivered = 0, stale = 0, status = NULL, ended_at = NULL, requested_at = ? WHERE line = ? AND state = 'pending'"));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(line);
    if (!q.exec())
        return fail(storage::message(q.lastError()));
    // Not pending any more (another run took it): never a second request.
    if (q.numRowsAffected() != 1)
        return fail(tr("Line %1 is no longer waiting to be called.").arg(line));
    return Empty{};
}

StorageResult CampaignJournal::markPlaced(qint64 line, const QString &callId, const QDateTime &at)
{
    // The row and its attempt in one commit (one fsync, as before).
    return execAll({{QStringLiteral("UPDATE rows SET state = 'placed', call_id = ?, placed_at = ? WHERE line = ?"), {callId, iso(at), line}},
                    {QStringLiteral("INSERT OR REPLACE INTO attempts(line, attempt, call_id, placed_at)"
                                    " SELECT line, attempts, ?, ? FROM rows WHERE line = ?"),
                     {callId, iso(at), line}}});
}

StorageResult CampaignJournal::execAll(const QList<QPair<QString, QVariantList>> &statements)
{
    if (auto r = exec(QStringLiteral("BEGIN")); !r)
        return r;
    for (const auto &[sql, values] : statements) {
        if (auto r = exec(sql, values); !r) {
            (void)exec(QStringLiteral("ROLLBACK")); // the first error is the one to report
            return r;
        }
    }
    if (auto r = exec(QStringLiteral("COMMIT")); !r) {
        (void)exec(QStringLiteral("ROLLBACK"));
        return r;
    }
    return Empty{};
}

StorageResult CampaignJournal::markRejected(qint64 line, const QString &error)
{
    return exec(QStringLiteral("UPDATE rows SET state = 'rejected', error = ?, attempts = max(attempts - 1, 0) WHERE line = ?"),
                {error, line});
}

StorageResult CampaignJournal::markUnknown(qint64 line, const QString &error)
{
    return execAll({{QStringLiteral("UPDATE rows SET state = 'unknown', error = ? WHERE line = ?"), {error, line}},
                    {QStringLiteral("INSERT OR REPLACE INTO attempts(line, attempt, status, placed_at)"
                                    " SELECT line, attempts, 'outcome_unknown', ? FROM rows WHERE line = ?"),
                     {iso(QDateTime::currentDateTimeUtc()), line}}});
}

StorageResult CampaignJournal::markPendingAgain(qint64 line, const QString &error)
{
    return exec(QStringLiteral("UPDATE rows SET state = 'pending', error = ?, attempts = max(attempts - 1, 0) WHERE line = ?"),
                {error, line});
}

StorageResult CampaignJournal::markFinal(qint64 line, const QString &status, bool delivered, bool stale, const QDateTime &ended,
                                         int durationSec)
{
    const QVariant duration = durationSec >= 0 ? QVariant(durationSec) : QVariant(QMetaType(QMetaType::Int));
    const QString finalStatus = stale ? QStringLiteral("stale") : status;
    return execAll({{QStringLiteral("UPDATE rows SET status = ?, final = 1, delivered = ?, stale = ?, ended_at = ?, duration = ? WHERE line = ?"),
                     {status, delivered ? 1 : 0, stale ? 1 : 0, iso(ended.isValid() ? ended : QDateTime::currentDateTimeUtc()), duration, line}},
                    {QStringLiteral("UPDATE attempts SET status = ?, duration = ? WHERE line = ? AND attempt = (SELECT attempts FROM rows WHERE line = ?)"),
                     {finalStatus, duration, line, line}}});
}

StorageResult CampaignJournal::updateStatus(qint64 line, const QString &status)
{
    return exec(QStringLiteral("UPDATE rows SET status = ? WHERE line = ? AND final = 0"), {status, line});
}

StorageResult CampaignJournal::scheduleRedial(qint64 line, qint64 notBeforeMs)
{
    return exec(QStringLiteral("UPDATE rows SET state = 'pending', not_before = ? WHERE line = ? AND state = 'placed'"),
                {notBeforeMs, line});
}

StorageResult CampaignJournal::deferPending(qint64 line, qint64 notBeforeMs, const QString &why)
{
    return exec(QStringLiteral("UPDATE rows SET not_before = ?, error = ? WHERE line = ? AND state = 'pending'"),
                {notBeforeMs, why, line});
}

StorageResult CampaignJournal::suppressPending(qint64 line, const QString &why)
{
    return exec(QStringLiteral("UPDATE rows SET class = 'suppressed', reason = ? WHERE line = ? AND state = 'pending' AND class = 'ready'"),
                {why, line});
}

Result<qint64, StorageError> CampaignJournal::resendUnknown()
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(QStringLiteral("UPDATE rows SET state = 'pending', not_before = 0 WHERE state = 'unknown'")))
        return StorageError{storage::message(q.lastError())};
    return qint64(q.numRowsAffected());
}

QList<CampaignRow> CampaignJournal::following()
{
    QList<CampaignRow> rows;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT " VC_ROW_COLUMNS " FROM rows WHERE state = 'placed' AND final = 0 ORDER BY line")))
        return rows;
    while (q.next())
        rows.append(readRow(q));
    return rows;
}

std::optional<CampaignRow> CampaignJournal::row(qint64 line)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT " VC_ROW_COLUMNS " FROM rows WHERE line = ?"));
    q.addBindValue(line);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return readRow(q);
}

CampaignCounts CampaignJournal::counts()
{
    CampaignCounts c;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    if (q.exec(m_hasTally ? QStringLiteral("SELECT class, state, final, delivered, n FROM tally WHERE n > 0")
                          : QStringLiteral("SELECT class, state, final, delivered, count(*) FROM rows GROUP BY class, state, final, delivered"))) {
        while (q.next()) {
            const RowClass cls = rowClassFromName(q.value(0).toString());
            const RowState state = rowStateFromName(q.value(1).toString());
            const bool final = q.value(2).toBool();
            const bool delivered = q.value(3).toBool();
            const qint64 n = q.value(4).toLongLong();
            c.total += n;
            switch (cls) {
            case RowClass::Invalid:
                c.invalid += n;
                continue;
            case RowClass::Duplicate:
                c.duplicate += n;
                continue;
            case RowClass::Suppressed:
                c.suppressed += n;
                continue;
            case RowClass::Capped:
                c.capped += n;
                continue;
            case RowClass::NoConsent:
                c.noConsent += n;
                continue;
            case RowClass::Ready:
                c.ready += n;
                break;
            }
            switch (state) {
            case RowState::Pending:
                c.waiting += n;
                break;
            case RowState::Dispatching:
                c.dispatching += n;
                break;
            case RowState::Placed:
                c.placed += n;
                if (!final)
                    c.following += n;
                else if (delivered)
                    c.completed += n;
                else
                    c.notDelivered += n;
                break;
            case RowState::Rejected:
                c.rejected += n;
                break;
            case RowState::Unknown:
                c.unknown += n;
                break;
            }
        }
    }
    QSqlQuery by(QSqlDatabase::database(m_connection, false));
    if (by.exec(QStringLiteral("SELECT CASE WHEN stale = 1 THEN 'stale' ELSE coalesce(status, '') END, count(*) FROM rows"
                               " WHERE state = 'placed' AND final = 1 AND delivered = 0 GROUP BY 1"))) {
        while (by.next())
            c.notDeliveredByStatus.insert(by.value(0).toString(), by.value(1).toLongLong());
    }
    return c;
}

} // namespace vc
