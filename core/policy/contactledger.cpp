#include "policy/contactledger.h"

#include "common/paths.h"
#include "common/sqlerror.h"

#include <QDir>
#include <QFileInfo>
#include <QSysInfo>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace vc {

namespace {
Q_LOGGING_CATEGORY(lcLedger, "vc.ledger")
}

QString ContactLedger::defaultPath()
{
    return QDir(paths::dataFolder()).filePath(QStringLiteral("contacts.sqlite"));
}

ContactLedger::ContactLedger(const QString &path)
    : m_path(path), m_connection(QStringLiteral("ledger-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    // The shared store: the team's when one is selected, now or later (followSelection()).
    m_followsSelection = QDir::cleanPath(QFileInfo(path).absoluteFilePath()) == QDir::cleanPath(QFileInfo(defaultPath()).absoluteFilePath());
    followSelection();
}

void ContactLedger::followSelection()
{
    if (!m_followsSelection)
        return;
    const auto team = TeamStore::selected();
    const QString password = team ? TeamStore::selectedPassword() : QString();
    if (team == m_team && password == m_teamPassword)
        return;
    if (m_open) {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
        m_open = false;
    }
    if (QSqlDatabase::contains(m_connection))
        QSqlDatabase::removeDatabase(m_connection); // another driver now
    m_team = team;
    m_teamPassword = password;
    m_path = team ? team->display() : defaultPath();
}

ContactLedger::ContactLedger(const TeamStoreAddress &address, const QString &password)
    : m_path(address.display()), m_connection(QStringLiteral("ledger-") + QUuid::createUuid().toString(QUuid::WithoutBraces)),
      m_team(address), m_teamPassword(password)
{
}

ContactLedger::ContactLedger(const QString &path, LocalFile)
    : m_path(path), m_connection(QStringLiteral("ledger-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

ContactLedger::~ContactLedger()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

StorageResult ContactLedger::fail(const QString &what)
{
    qCWarning(lcLedger) << "contact ledger" << m_path << what;
    return StorageError{tr("The contact ledger (%1) cannot be used: %2").arg(QDir::toNativeSeparators(m_path), what)};
}

StorageError ContactLedger::failure(const QSqlError &e, const QString &text)
{
    if (!m_team)
        return StorageError{text.arg(QDir::toNativeSeparators(m_path), storage::message(e)), storage::isDamage(e)};
    StorageError failure;
    failure.message = text.arg(m_path, TeamStore::explain(e, &failure.unreachable));
    if (failure.unreachable) {
        // Opened again by the next call, when the server is back.
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
        m_open = false;
    }
    return failure;
}

StorageResult ContactLedger::beginWrite()
{
    // This computer's file: the write lock first (IMMEDIATE), so no other process reads between our read
    // and our write. The team store: durable at commit, whatever the session's default.
    if (!m_team)
        return exec(QStringLiteral("BEGIN IMMEDIATE"));
    if (auto r = exec(QStringLiteral("BEGIN")); !r)
        return r;
    if (auto r = exec(QStringLiteral("SET LOCAL synchronous_commit = on")); !r) {
        (void)exec(QStringLiteral("ROLLBACK"));
        return r;
    }
    return Empty{};
}

QString ContactLedger::operatorName() const
{
    return m_team ? m_team->user : currentOperator(); // on a team store, the database role
}

StorageResult ContactLedger::exec(const QString &sql)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(sql)) {
        qCWarning(lcLedger) << sql << q.lastError().text();
        return failure(q.lastError(), tr("The contact ledger (%1) cannot be used: %2"));
    }
    return Empty{};
}

StorageResult ContactLedger::open()
{
    followSelection();
    if (m_open)
        return Empty{};
    if (m_team) {
        if (auto r = TeamStore::connect(m_connection, *m_team, m_teamPassword); !r)
            return r;
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        const auto version = TeamStore::migrate(db);
        if (!version) {
            db.close();
            return version.error();
        }
        m_schemaVersion = version.value();
        m_open = true;
        return Empty{};
    }
    if (!QDir().mkpath(QFileInfo(m_path).absolutePath()))
        return fail(tr("its folder cannot be made"));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(m_path);
    // Another process may hold the write lock for a moment (its own reserve()): wait for it, briefly.
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=3000"));
    if (!db.open())
        return fail(storage::message(db.lastError()));
    for (const char *sql : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL",
                            "CREATE TABLE IF NOT EXISTS contacts(id INTEGER PRIMARY KEY, number TEXT NOT NULL,"
                            " placed_at INTEGER NOT NULL, zone TEXT, campaign TEXT, provider TEXT, outcome TEXT,"
                            " call_id TEXT, override_reason TEXT)",
                            "CREATE INDEX IF NOT EXISTS contacts_number ON contacts(number, placed_at)",
                            "CREATE TABLE IF NOT EXISTS dnc(number TEXT PRIMARY KEY, reason TEXT, source TEXT, note TEXT,"
                            " added_at INTEGER, operator TEXT) WITHOUT ROWID",
                            "CREATE TABLE IF NOT EXISTS dnc_log(id INTEGER PRIMARY KEY, time INTEGER NOT NULL, action TEXT NOT NULL,"
                            " number TEXT NOT NULL, reason TEXT, source TEXT, note TEXT, operator TEXT)",
                            // The history is appended to, never edited: not from the app, not from voicectl.
                            "CREATE TRIGGER IF NOT EXISTS dnc_log_kept BEFORE UPDATE ON dnc_log"
                            " BEGIN SELECT RAISE(ABORT, 'the do-not-call history cannot be changed'); END",
                            "CREATE TRIGGER IF NOT EXISTS dnc_log_not_deleted BEFORE DELETE ON dnc_log"
                            " BEGIN SELECT RAISE(ABORT, 'the do-not-call history cannot be changed'); END"}) {
        if (auto r = exec(QLatin1String(sql)); !r)
            return r;
    }
    m_open = true;
    return Empty{};
}

Result<ContactCounts, StorageError> ContactLedger::counts(const QString &number, const ContactPeriods &p)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT count(*) FILTER (WHERE placed_at >= ? AND placed_at < ?),"
                             " count(*) FILTER (WHERE placed_at >= ? AND placed_at < ?),"
                             " count(*) FILTER (WHERE placed_at >= ? AND placed_at < ?)"
                             " FROM contacts WHERE number = ? AND placed_at >= ? AND placed_at < ?"
                             " AND (outcome IS NULL OR outcome <> ?)"));
    for (const QDateTime &t : {p.dayStart, p.dayEnd, p.weekStart, p.weekEnd, p.monthStart, p.monthEnd})
        q.addBindValue(t.toMSecsSinceEpoch());
    q.addBindValue(number);
    q.addBindValue(p.earliest().toMSecsSinceEpoch());
    q.addBindValue(p.latest().toMSecsSinceEpoch());
    q.addBindValue(notPlaced());
    if (!q.exec() || !q.next())
        return failure(q.lastError(), tr("The contact ledger (%1) cannot be read: %2"));
    return ContactCounts{q.value(0).toInt(), q.value(1).toInt(), q.value(2).toInt()};
}

QString ContactLedger::Reservation::refusal(const QString &number) const
{
    if (doNotCall)
        return ContactLedger::tr("%1 is on the do-not-call list").arg(number);
    return ContactLedger::tr("the contact policy allows no more calls to %1 now (%2)").arg(number, verdict.reason);
}

StorageResult ContactLedger::setOutcome(qint64 id, const Result<QString> &request)
{
    if (request)
        return setOutcome(id, QStringLiteral("placed"), request.value());
    return setOutcome(id, request.error().outcomeUnknown ? QStringLiteral("unknown") : notPlaced());
}

Result<CapVerdict, StorageError> ContactLedger::check(const QString &number, const QTimeZone &zone,
                                                      const ContactCaps &caps, const QDateTime &nowUtc)
{
    if (!caps.any())
        return CapVerdict{};
    if (auto r = open(); !r)
        return r.error();
    const ContactPeriods periods = ContactPeriods::around(nowUtc, zone);
    const auto c = counts(number, periods);
    if (!c)
        return c.error();
    return judgeCaps(caps, c.value(), periods, zone);
}

Result<ContactLedger::Reservation, StorageError> ContactLedger::reserve(const Call &call, const ContactCaps &caps,
                                                                        const QDateTime &nowUtc)
{
    if (auto r = open(); !r)
        return r.error();
    // No other process counts between our count and our insert; durable before the request is written.
    // On the team store, also a lock on this number for the transaction: another computer reserving the
    // same number waits for our commit and then counts our call (other numbers are not held up).
    if (auto r = beginWrite(); !r)
        return r.error();
    const auto rollback = [this](const StorageError &e) -> Result<Reservation, StorageError> {
        (void)exec(QStringLiteral("ROLLBACK")); // the first error is the one to report
        return e;
    };
    Reservation reservation;
    if (m_team) {
        QSqlQuery lock(QSqlDatabase::database(m_connection, false));
        lock.prepare(QStringLiteral("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))"));
        lock.addBindValue(call.number);
        if (!lock.exec())
            return rollback(failure(lock.lastError(), tr("The contact ledger (%1) cannot be used: %2")));
    }
    {
        QSqlQuery listed(QSqlDatabase::database(m_connection, false));
        listed.prepare(QStringLiteral("SELECT 1 FROM dnc WHERE number = ?"));
        listed.addBindValue(call.number);
        if (!listed.exec())
            return rollback(failure(listed.lastError(), tr("The do-not-call list (%1) cannot be read: %2")));
        if (listed.next()) {
            listed.finish();
            (void)exec(QStringLiteral("ROLLBACK")); // nothing was written
            reservation.doNotCall = true;
            reservation.verdict.allowed = false;
            reservation.verdict.reason = tr("on the do-not-call list");
            return reservation;
        }
    }
    if (caps.any()) {
        const ContactPeriods periods = ContactPeriods::around(nowUtc, call.zone);
        const auto c = counts(call.number, periods);
        if (!c)
            return rollback(c.error());
        reservation.verdict = judgeCaps(caps, c.value(), periods, call.zone);
        if (!reservation.verdict.allowed && call.overrideReason.trimmed().isEmpty()) {
            (void)exec(QStringLiteral("ROLLBACK")); // nothing was written
            return reservation;
        }
    }
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(m_team ? QStringLiteral("INSERT INTO contacts(number, placed_at, zone, campaign, provider, override_reason, host)"
                                      " VALUES(?, ?, ?, ?, ?, ?, ?) RETURNING id")
                     : QStringLiteral("INSERT INTO contacts(number, placed_at, zone, campaign, provider, override_reason)"
                                      " VALUES(?, ?, ?, ?, ?, ?)"));
    q.addBindValue(call.number);
    q.addBindValue(nowUtc.toMSecsSinceEpoch());
    q.addBindValue(QString::fromUtf8(call.zone.id()));
    q.addBindValue(call.campaign);
    q.addBindValue(call.provider);
    q.addBindValue(call.overrideReason.trimmed().isEmpty() ? QVariant(QMetaType(QMetaType::QString))
                                                           : QVariant(call.overrideReason.trimmed().left(500)));
    if (m_team)
        q.addBindValue(QSysInfo::machineHostName().left(128));
    if (!q.exec())
        return rollback(failure(q.lastError(), tr("The contact ledger (%1) cannot be written: %2")));
    reservation.id = m_team ? (q.next() ? q.value(0).toLongLong() : 0) : q.lastInsertId().toLongLong();
    q.finish();
    if (auto r = exec(QStringLiteral("COMMIT")); !r)
        return rollback(r.error());
    return reservation;
}

StorageResult ContactLedger::setOutcome(qint64 id, const QString &outcome, const QString &callId)
{
    if (auto r = open(); !r)
        return r;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("UPDATE contacts SET outcome = ?, call_id = ? WHERE id = ?"));
    q.addBindValue(outcome);
    q.addBindValue(callId.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(callId));
    q.addBindValue(id);
    if (!q.exec())
        return failure(q.lastError(), tr("The contact ledger (%1) cannot be written: %2"));
    return Empty{};
}

StorageResult ContactLedger::forEachNumberSince(const QDateTime &since, const std::function<void(const QString &)> &each)
{
    if (auto r = open(); !r)
        return r;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT number FROM contacts WHERE placed_at >= ? AND (outcome IS NULL OR outcome <> ?)"));
    q.addBindValue(since.toMSecsSinceEpoch());
    q.addBindValue(notPlaced());
    if (!q.exec())
        return failure(q.lastError(), tr("The contact ledger (%1) cannot be read: %2"));
    while (q.next())
        each(q.value(0).toString());
    return Empty{};
}

QString ContactLedger::currentOperator()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    return user.left(128);
}

StorageResult ContactLedger::loadDoNotCall(QSet<QString> *numbers)
{
    if (auto r = open(); !r)
        return r;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT number FROM dnc")))
        return failure(q.lastError(), tr("The do-not-call list (%1) cannot be read: %2"));
    numbers->clear();
    while (q.next())
        numbers->insert(q.value(0).toString());
    return Empty{};
}

Result<qsizetype, StorageError> ContactLedger::changeDoNotCall(bool add, const QStringList &numbers, const DoNotCallChange &why)
{
    if (auto r = open(); !r)
        return r.error();
    if (auto r = beginWrite(); !r)
        return r.error();
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery change(db);
    change.prepare(add ? QStringLiteral("INSERT INTO dnc(number, reason, source, note, added_at, operator) VALUES(?, ?, ?, ?, ?, ?)"
                                        " ON CONFLICT DO NOTHING")
                       : QStringLiteral("DELETE FROM dnc WHERE number = ?"));
    QSqlQuery log(db);
    log.prepare(QStringLiteral("INSERT INTO dnc_log(time, action, number, reason, source, note, operator) VALUES(?, ?, ?, ?, ?, ?, ?)"));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QString who = why.operatorName.isEmpty() ? operatorName() : why.operatorName;
    const auto text = [](const QString &s) { return s.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(s.left(500)); };
    qsizetype changed = 0;
    for (const QString &n : numbers) {
        change.addBindValue(n);
        if (add) {
            change.addBindValue(text(why.reason));
            change.addBindValue(text(why.source));
            change.addBindValue(text(why.note));
            change.addBindValue(now);
            change.addBindValue(text(who));
        }
        if (!change.exec()) {
            const StorageError e = failure(change.lastError(), tr("The do-not-call list (%1) cannot be written: %2"));
            (void)exec(QStringLiteral("ROLLBACK")); // the first error is the one to report
            return e;
        }
        if (change.numRowsAffected() <= 0)
            continue; // already on it, or not on it: nothing changed, nothing to record
        ++changed;
        for (const QVariant &v : {QVariant(now), QVariant(add ? QStringLiteral("add") : QStringLiteral("remove")), QVariant(n),
                                  text(why.reason), text(why.source), text(why.note), text(who)})
            log.addBindValue(v);
        if (!log.exec()) {
            const StorageError e = failure(log.lastError(), tr("The do-not-call list (%1) cannot be written: %2"));
            (void)exec(QStringLiteral("ROLLBACK")); // the first error is the one to report
            return e;
        }
    }
    if (auto r = exec(QStringLiteral("COMMIT")); !r) {
        (void)exec(QStringLiteral("ROLLBACK"));
        return r.error();
    }
    return changed;
}

Result<QList<ContactLedger::DoNotCallEvent>, StorageError> ContactLedger::doNotCallHistory()
{
    if (auto r = open(); !r)
        return r.error();
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT time, action, number, reason, source, note, operator FROM dnc_log ORDER BY id")))
        return failure(q.lastError(), tr("The do-not-call history (%1) cannot be read: %2"));
    QList<DoNotCallEvent> events;
    while (q.next()) {
        events.append({QDateTime::fromMSecsSinceEpoch(q.value(0).toLongLong(), QTimeZone::utc()), q.value(1).toString(),
                       q.value(2).toString(), q.value(3).toString(), q.value(4).toString(), q.value(5).toString(),
                       q.value(6).toString()});
    }
    return events;
}

Result<qint64, StorageError> ContactLedger::total()
{
    if (auto r = open(); !r)
        return r.error();
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(QStringLiteral("SELECT count(*) FROM contacts")) || !q.next())
        return failure(q.lastError(), tr("The contact ledger (%1) cannot be read: %2"));
    return q.value(0).toLongLong();
}

Result<std::optional<ContactPolicy>, StorageError> ContactLedger::loadPolicy()
{
    if (!m_team)
        return std::optional<ContactPolicy>();
    if (auto r = open(); !r)
        return r.error();
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(QStringLiteral("SELECT value FROM policy WHERE key = 'contact_policy'")))
        return failure(q.lastError(), tr("The contact policy (%1) cannot be read: %2"));
    // Remembered for forms on the window's thread (ContactPolicy::sharedAsLastRead()).
    const std::optional<ContactPolicy> policy =
        q.next() ? std::optional<ContactPolicy>(ContactPolicy::fromJson(q.value(0).toString().toUtf8())) : std::nullopt;
    ContactPolicy::rememberTeamPolicy(policy);
    return policy;
}

StorageResult ContactLedger::savePolicy(const ContactPolicy &policy)
{
    if (!m_team)
        return StorageError{tr("This computer's contact policy is kept in its settings, not in the contact store.")};
    if (auto r = open(); !r)
        return r;
    if (auto r = beginWrite(); !r)
        return r;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("INSERT INTO policy(key, value) VALUES('contact_policy', ?) ON CONFLICT(key) DO UPDATE"
                             " SET value = excluded.value, updated_at = now(), updated_by = session_user"));
    q.addBindValue(QString::fromUtf8(policy.toJson()));
    if (!q.exec()) {
        const StorageError e = failure(q.lastError(), tr("The contact policy (%1) cannot be written: %2"));
        (void)exec(QStringLiteral("ROLLBACK")); // the first error is the one to report
        return e;
    }
    if (auto r = exec(QStringLiteral("COMMIT")); !r) {
        (void)exec(QStringLiteral("ROLLBACK"));
        return r;
    }
    ContactPolicy::rememberTeamPolicy(policy);
    return Empty{};
}

Result<ContactLedger::Upload, StorageError> ContactLedger::upload(ContactLedger &local)
{
    if (auto r = open(); !r)
        return r.error();
    if (auto r = local.open(); !r)
        return r.error();
    QSqlDatabase from = QSqlDatabase::database(local.m_connection, false);
    QSqlDatabase to = QSqlDatabase::database(m_connection, false);
    if (auto r = beginWrite(); !r)
        return r.error();
    Upload up;
    const auto rollback = [this](const StorageError &e) -> Result<Upload, StorageError> {
        (void)exec(QStringLiteral("ROLLBACK")); // the first error is the one to report
        return e;
    };
    const auto copy = [&](const QString &select, const QString &insert, int columns, qint64 *count) -> StorageResult {
        QSqlQuery read(from);
        read.setForwardOnly(true);
        if (!read.exec(select))
            return local.failure(read.lastError(), tr("The contact ledger (%1) cannot be read: %2"));
        QSqlQuery write(to);
        if (!write.prepare(insert))
            return failure(write.lastError(), tr("The contact ledger (%1) cannot be written: %2"));
        while (read.next()) {
            for (int i = 0; i < columns; ++i)
                write.addBindValue(read.value(i));
            if (!write.exec())
                return failure(write.lastError(), tr("The contact ledger (%1) cannot be written: %2"));
            *count += std::max(0, write.numRowsAffected());
        }
        return Empty{};
    };
    // The list: numbers not on it yet, with their reason, source, time and operator.
    if (auto r = copy(QStringLiteral("SELECT number, reason, source, note, added_at, operator FROM dnc"),
                      QStringLiteral("INSERT INTO dnc(number, reason, source, note, added_at, operator) VALUES(?, ?, ?, ?, ?, ?)"
                                     " ON CONFLICT DO NOTHING"),
                      6, &up.doNotCall);
        !r)
        return rollback(r.error());
    // Its history: each entry once (the same time, action and number is the same entry).
    if (auto r = copy(QStringLiteral("SELECT time, action, number, reason, source, note, operator, time, action, number FROM dnc_log ORDER BY id"),
                      QStringLiteral("INSERT INTO dnc_log(time, action, number, reason, source, note, operator)"
                                     " SELECT CAST(? AS BIGINT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT),"
                                     " CAST(? AS TEXT), CAST(? AS TEXT) WHERE NOT EXISTS"
                                     " (SELECT 1 FROM dnc_log WHERE time = CAST(? AS BIGINT) AND action = CAST(? AS TEXT) AND number = CAST(? AS TEXT))"),
                      10, &up.history);
        !r)
        return rollback(r.error());
    // The ledger: a call once, by its id; without one (not placed, unknown) by number, time and campaign.
    if (auto r = copy(QStringLiteral("SELECT number, placed_at, zone, campaign, provider, outcome, call_id, override_reason,"
                                     " call_id, call_id, number, placed_at, coalesce(campaign, '') FROM contacts ORDER BY id"),
                      QStringLiteral("INSERT INTO contacts(number, placed_at, zone, campaign, provider, outcome, call_id, override_reason)"
                                     " SELECT CAST(? AS TEXT), CAST(? AS BIGINT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT),"
                                     " CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT) WHERE NOT EXISTS (SELECT 1 FROM contacts WHERE"
                                     " (CAST(? AS TEXT) IS NOT NULL AND call_id = CAST(? AS TEXT)) OR"
                                     " (call_id IS NULL AND number = CAST(? AS TEXT) AND placed_at = CAST(? AS BIGINT) AND coalesce(campaign, '') = CAST(? AS TEXT)))"),
                      13, &up.calls);
        !r)
        return rollback(r.error());
    if (auto r = exec(QStringLiteral("COMMIT")); !r) {
        (void)exec(QStringLiteral("ROLLBACK"));
        return r.error();
    }
    return up;
}

} // namespace vc
