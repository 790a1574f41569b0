#include "store/teamstore.h"

#include <QHostAddress>
#include <QLoggingCategory>
#include <QMutex>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrlQuery>
#include <QUuid>

namespace vc {

namespace {
Q_LOGGING_CATEGORY(lcTeam, "vc.teamstore")

struct Selection
{
    QMutex mutex;
    std::optional<TeamStoreAddress> address;
    QString password;
};
Selection &selection()
{
    static Selection s;
    return s;
}

const QStringList &sslModes()
{
    static const QStringList modes{QStringLiteral("disable"), QStringLiteral("allow"), QStringLiteral("prefer"),
                                   QStringLiteral("require"), QStringLiteral("verify-ca"), QStringLiteral("verify-full")};
    return modes;
}

// One key for the whole schema's migrations (pg_advisory_xact_lock(bigint)): "VCSCHEMA".
constexpr qint64 kMigrationLock = 0x5643534348454d41;

// Each version's statements, in order; version N is migrations()[N - 1]. Objects are made while the
// transaction is SET ROLE to the group role, so the group owns them and any operator may migrate later.
const QList<QStringList> &migrations()
{
    static const QList<QStringList> all{
        {
            // Every call placed by any operator of the team: the caps are counted from it.
            QStringLiteral("CREATE TABLE contacts(id BIGSERIAL PRIMARY KEY, number TEXT NOT NULL, placed_at BIGINT NOT NULL,"
                           " zone TEXT, campaign TEXT, provider TEXT, outcome TEXT, call_id TEXT, override_reason TEXT,"
                           " host TEXT, operator TEXT NOT NULL DEFAULT session_user)"),
            QStringLiteral("CREATE INDEX contacts_number ON contacts(number, placed_at)"),
            QStringLiteral("CREATE INDEX contacts_call_id ON contacts(call_id)"),
            QStringLiteral("CREATE TABLE dnc(number TEXT PRIMARY KEY, reason TEXT, source TEXT, note TEXT, added_at BIGINT,"
                           " operator TEXT)"),
            QStringLiteral("CREATE TABLE dnc_log(id BIGSERIAL PRIMARY KEY, time BIGINT NOT NULL, action TEXT NOT NULL,"
                           " number TEXT NOT NULL, reason TEXT, source TEXT, note TEXT, operator TEXT)"),
            // The history is appended to, never edited or emptied.
            QStringLiteral("CREATE FUNCTION dnc_log_kept() RETURNS trigger LANGUAGE plpgsql AS"
                           " $$BEGIN RAISE EXCEPTION 'the do-not-call history cannot be changed'; END$$"),
            QStringLiteral("CREATE TRIGGER dnc_log_kept BEFORE UPDATE OR DELETE ON dnc_log"
                           " FOR EACH ROW EXECUTE FUNCTION dnc_log_kept()"),
            QStringLiteral("CREATE TRIGGER dnc_log_not_emptied BEFORE TRUNCATE ON dnc_log"
                           " FOR EACH STATEMENT EXECUTE FUNCTION dnc_log_kept()"),
            // The contact policy every operator's campaigns follow (one row, JSON), and who set it last.
            // Every campaign of the team: who runs it where, its state and counts (a heartbeat while it runs).
            QStringLiteral("CREATE TABLE campaigns(id TEXT PRIMARY KEY, name TEXT NOT NULL, journal TEXT NOT NULL, host TEXT,"
                           " operator TEXT, state TEXT NOT NULL, started_at TIMESTAMPTZ, heartbeat_at TIMESTAMPTZ,"
                           " counts TEXT NOT NULL DEFAULT '{}')"),
            QStringLiteral("CREATE TABLE policy(key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),"
                           " updated_by TEXT NOT NULL DEFAULT session_user)"),
        },
    };
    return all;
}

QString serverWords(const QSqlError &e)
{
    QString words = e.databaseText().simplified();
    if (words.isEmpty())
        words = e.driverText().simplified();
    return words.left(300);
}
} // namespace

Result<TeamStoreAddress, QString> TeamStoreAddress::parse(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != QLatin1String("postgresql") && url.scheme() != QLatin1String("postgres")))
        return tr("The team store is given as postgresql://USER@HOST:PORT/DATABASE, for example "
                  "postgresql://op1@db.example.ru/voice_console?sslmode=verify-full.");
    if (!url.password().isEmpty())
        return tr("Leave the password out of the team store's address: give it in VOICE_TEAM_STORE_PASSWORD or keep it "
                  "in the keychain (Profiles → Team store).");
    TeamStoreAddress a;
    a.host = url.host();
    a.port = url.port(5432);
    a.database = url.path().mid(1);
    a.user = url.userName();
    if (a.host.isEmpty() || a.database.isEmpty() || a.database.contains(u'/') || a.user.isEmpty())
        return tr("The team store's address needs a user, a host and a database: postgresql://USER@HOST:PORT/DATABASE.");
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == QLatin1String("sslmode")) {
            if (!sslModes().contains(value))
                return tr("sslmode is one of %1.").arg(sslModes().join(QLatin1String(", ")));
            a.sslMode = value;
        } else if (key == QLatin1String("sslrootcert")) {
            a.sslRootCert = value;
        } else {
            return tr("The team store's address has an unknown setting \"%1\": only sslmode and sslrootcert are read.")
                .arg(key.left(40));
        }
    }
    return a;
}

QString TeamStoreAddress::display() const
{
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setUserName(user);
    url.setHost(host);
    if (port != 5432)
        url.setPort(port);
    url.setPath(u'/' + database);
    QUrlQuery query;
    if (!sslMode.isEmpty())
        query.addQueryItem(QStringLiteral("sslmode"), sslMode);
    if (!sslRootCert.isEmpty())
        query.addQueryItem(QStringLiteral("sslrootcert"), sslRootCert);
    url.setQuery(query);
    return url.toString();
}

bool TeamStoreAddress::isLoopback() const
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0 || host.startsWith(u'/'))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QString TeamStoreAddress::effectiveSslMode() const
{
    if (!sslMode.isEmpty())
        return sslMode;
    return isLoopback() ? QStringLiteral("prefer") : QStringLiteral("verify-full");
}

void TeamStore::select(const TeamStoreAddress &address, const QString &password)
{
    QMutexLocker lock(&selection().mutex);
    selection().address = address;
    selection().password = password;
}

void TeamStore::selectLocal()
{
    QMutexLocker lock(&selection().mutex);
    selection().address.reset();
    selection().password.clear();
}

std::optional<TeamStoreAddress> TeamStore::selected()
{
    QMutexLocker lock(&selection().mutex);
    return selection().address;
}

QString TeamStore::selectedPassword()
{
    QMutexLocker lock(&selection().mutex);
    return selection().password;
}

StorageResult TeamStore::connect(const QString &connection, const TeamStoreAddress &address, const QString &password)
{
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        return StorageError{tr("The team store cannot be used: Qt's PostgreSQL driver (QPSQL) is not installed. On Debian "
                               "install libqt6sql6-psql; on Windows and macOS it comes with Voice Console."),
                            false, false};
    QSqlDatabase db = QSqlDatabase::contains(connection) ? QSqlDatabase::database(connection, false)
                                                         : QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
    db.setHostName(address.host);
    db.setPort(address.port);
    db.setDatabaseName(address.database);
    db.setUserName(address.user);
    db.setPassword(password);
    // TLS is the transport's protection (sslmode); GSSAPI encryption is not tried (it would probe for a
    // Kerberos ticket on every connection).
    QStringList options{QStringLiteral("sslmode=") + address.effectiveSslMode(), QStringLiteral("gssencmode=disable"),
                        QStringLiteral("connect_timeout=5"),
                        QStringLiteral("application_name=voice-console"),
                        // A server that vanished is noticed within ~20 s even with no query running.
                        QStringLiteral("keepalives_idle=10"), QStringLiteral("keepalives_interval=5"),
                        QStringLiteral("keepalives_count=2")};
    if (!address.sslRootCert.isEmpty())
        options << QStringLiteral("sslrootcert=") + address.sslRootCert;
    db.setConnectOptions(options.join(u';'));
    if (!db.open()) {
        const QSqlError e = db.lastError();
        db.setPassword({});
        return error(e, tr("The team store %1 cannot be opened").arg(address.display()));
    }
    db.setPassword({}); // the open connection keeps it no longer than needed
    QSqlQuery q(db);
    // Commits wait for the disk only where they must: a reservation (ContactLedger::reserve) and a
    // change to the do-not-call list ask for it themselves; an outcome or a heartbeat lost in a server
    // crash leaves a call counted, never one uncounted.
    if (!q.exec(QStringLiteral("SET search_path TO ") + schemaName()) ||
        !q.exec(QStringLiteral("SET lock_timeout = '10s'")) || !q.exec(QStringLiteral("SET synchronous_commit = off")))
        return error(q.lastError(), tr("The team store %1 cannot be used").arg(address.display()));
    return Empty{};
}

Result<int, StorageError> TeamStore::schemaVersion(QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT to_regclass('schema_version') IS NOT NULL")) || !q.next())
        return error(q.lastError(), tr("The team store's schema cannot be read"));
    if (!q.value(0).toBool())
        return 0;
    if (!q.exec(QStringLiteral("SELECT coalesce(max(version), 0) FROM schema_version")) || !q.next())
        return error(q.lastError(), tr("The team store's schema cannot be read"));
    return q.value(0).toInt();
}

Result<TeamStore::SchemaCheck, StorageError> TeamStore::checkSchema(const TeamStoreAddress &address, const QString &password,
                                                                   bool migrateIt)
{
    const QString name = QStringLiteral("schema-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    Result<SchemaCheck, StorageError> result{StorageError{}};
    if (auto r = connect(name, address, password); !r) {
        result = r.error();
    } else {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        const auto before = schemaVersion(db);
        const auto now = before && migrateIt ? migrate(db) : before;
        if (!before)
            result = before.error();
        else if (!now)
            result = now.error();
        else
            result = SchemaCheck{before.value(), now.value()};
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

Result<int, StorageError> TeamStore::migrate(QSqlDatabase &db)
{
    // Most opens find the schema current: a read, no lock.
    if (const auto v = schemaVersion(db); v && v.value() == kSchemaVersion)
        return v;
    QSqlQuery q(db);
    const auto fail = [&](const QSqlError &e, const QString &what) -> Result<int, StorageError> {
        const StorageError failure = error(e, what);
        (void)q.exec(QStringLiteral("ROLLBACK"));
        return failure;
    };
    if (!q.exec(QStringLiteral("BEGIN")))
        return error(q.lastError(), tr("The team store's schema cannot be made"));
    if (!q.exec(QStringLiteral("SET LOCAL synchronous_commit = on")) ||
        !q.exec(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kMigrationLock)))
        return fail(q.lastError(), tr("The team store's schema cannot be made"));
    if (!q.exec(QStringLiteral("SET LOCAL ROLE ") + groupRole()))
        return fail(q.lastError(), tr("Your database role is not a member of %1, so the team store's schema cannot be made")
                                       .arg(groupRole()));
    if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version(version INTEGER NOT NULL,"
                               " applied_at TIMESTAMPTZ NOT NULL DEFAULT now(), applied_by TEXT NOT NULL DEFAULT session_user)")))
        return fail(q.lastError(), tr("The team store's schema cannot be made"));
    if (!q.exec(QStringLiteral("SELECT coalesce(max(version), 0) FROM schema_version")) || !q.next())
        return fail(q.lastError(), tr("The team store's schema cannot be read"));
    const int found = q.value(0).toInt();
    if (found > kSchemaVersion) {
        (void)q.exec(QStringLiteral("ROLLBACK"));
        return StorageError{tr("The team store's schema is version %1, newer than this Voice Console knows (%2): update "
                               "Voice Console on this computer. Nothing was changed.")
                                .arg(found)
                                .arg(kSchemaVersion),
                            false, false};
    }
    for (int version = found + 1; version <= kSchemaVersion; ++version) {
        for (const QString &sql : migrations().at(version - 1)) {
            if (!q.exec(sql))
                return fail(q.lastError(), tr("The team store's schema cannot be brought to version %1").arg(version));
        }
        if (!q.exec(QStringLiteral("INSERT INTO schema_version(version) VALUES(%1)").arg(version)))
            return fail(q.lastError(), tr("The team store's schema cannot be brought to version %1").arg(version));
        qCInfo(lcTeam) << "team store schema brought to version" << version;
    }
    if (!q.exec(QStringLiteral("COMMIT")))
        return fail(q.lastError(), tr("The team store's schema cannot be made"));
    return kSchemaVersion;
}

bool TeamStore::isUnreachable(const QSqlError &e)
{
    const QString state = e.nativeErrorCode();
    if (state.startsWith(QLatin1String("08")) || state == QLatin1String("57P01") || state == QLatin1String("57P02") ||
        state == QLatin1String("57P03"))
        return true;
    if (!state.isEmpty())
        return false;
    // libpq's own failures carry no SQLSTATE: a refused or lost connection, a timeout, a name not found.
    const QString text = e.databaseText() + u' ' + e.driverText();
    if (text.contains(QLatin1String("authentication failed"), Qt::CaseInsensitive))
        return false; // reached, and refused
    for (const char *sign : {"could not connect", "Connection refused", "server closed the connection", "no connection to the server",
                             "timeout expired", "could not translate host name", "terminating connection", "No route to host",
                             "Network is unreachable", "could not send data", "could not receive data", "shutting down",
                             "starting up"}) {
        if (text.contains(QLatin1String(sign), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

StorageError TeamStore::error(const QSqlError &e, const QString &what)
{
    StorageError failure;
    failure.message = tr("%1: %2").arg(what, explain(e, &failure.unreachable));
    return failure;
}

QString TeamStore::explain(const QSqlError &e, bool *unreachable)
{
    qCInfo(lcTeam).noquote() << e.nativeErrorCode() << e.databaseText() << e.driverText();
    const QString state = e.nativeErrorCode();
    const QString words = serverWords(e);
    bool lost = false;
    QString why;
    if (isUnreachable(e)) {
        lost = true;
        why = tr("the server cannot be reached");
    } else if (state == QLatin1String("28P01") || state == QLatin1String("28000") ||
               words.contains(QLatin1String("password authentication failed"), Qt::CaseInsensitive) ||
               words.contains(QLatin1String("no password supplied"), Qt::CaseInsensitive)) {
        why = tr("the server refused the user name or password");
    } else if (state == QLatin1String("3D000") || (words.contains(QLatin1String("does not exist"), Qt::CaseInsensitive) &&
                                                   words.contains(QLatin1String("database"), Qt::CaseInsensitive))) {
        why = tr("the database does not exist on the server");
    } else if (state == QLatin1String("42501")) {
        why = tr("your database role may not do this: the administrator adds it to %1 (packaging/postgresql/setup.sql)")
                  .arg(groupRole());
    } else if (state == QLatin1String("3F000") || state == QLatin1String("42P01")) {
        why = tr("the team store is not set up on this database: the administrator runs packaging/postgresql/setup.sql, "
                 "then voicectl team-store init");
    } else if (words.contains(QLatin1String("SSL"), Qt::CaseInsensitive) || words.contains(QLatin1String("certificate"), Qt::CaseInsensitive)) {
        why = tr("the secure connection failed: check the TLS mode and the CA file to trust");
    } else if (state == QLatin1String("55P03") || state == QLatin1String("40001") || state == QLatin1String("40P01")) {
        lost = true; // busy: the same as a short outage, tried again
        why = tr("the server is busy with another operator's change");
    } else {
        why = tr("the server refused the request");
    }
    if (unreachable)
        *unreachable = lost;
    return words.isEmpty() ? why + u'.' : tr("%1. The server said: %2").arg(why, words);
}

} // namespace vc
