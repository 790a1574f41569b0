#pragma once

#include "common/result.h"
#include "common/storage.h"

#include <QCoreApplication>
#include <QString>
#include <QUrl>

#include <optional>

class QSqlDatabase;
class QSqlError;

namespace vc {

// Where a team keeps what every operator shares -- the do-not-call list and its history, the contact
// ledger -- when it is not this computer's own file: a PostgreSQL database, through Qt's QPSQL driver.
// postgresql://user@host:port/database?sslmode=verify-full&sslrootcert=FILE. The password is never part
// of the address: it comes from VOICE_TEAM_STORE_PASSWORD or the keychain.
struct TeamStoreAddress
{
    Q_DECLARE_TR_FUNCTIONS(TeamStoreAddress)
public:
    QString host;
    int port = 5432;
    QString database;
    QString user;
    QString sslMode;     // disable, prefer, require, verify-ca, verify-full; empty: the default below
    QString sslRootCert; // the CA file to trust for verify-ca / verify-full

    // A clear, translated reason when `url` is not a PostgreSQL address (a password in it is refused:
    // it would end up in shell histories and settings files).
    static Result<TeamStoreAddress, QString> parse(const QString &url);
    // The address as the operator wrote it, without a password.
    QString display() const;
    bool isLoopback() const;
    // verify-full unless the server is on this computer (then prefer: a local cluster rarely has TLS).
    QString effectiveSslMode() const;
    // Where the password is kept in the keychain (the app and voicectl share it).
    QString secretKey() const
    {
        return QStringLiteral("team-store/%1@%2:%3/%4").arg(user, host).arg(port).arg(database);
    }
    bool operator==(const TeamStoreAddress &) const = default;
};

// The process's store: the local files (the default) or a team store. voicectl chooses it from
// --team-store or VOICE_TEAM_STORE; the app from its settings. Read by every ContactLedger made
// afterwards, in any thread.
class TeamStore final
{
    Q_DECLARE_TR_FUNCTIONS(TeamStore)
public:
    // The schema version this build writes and understands. An older build refuses a newer schema.
    static constexpr int kSchemaVersion = 1;
    // The PostgreSQL schema and the group role packaging/postgresql/setup.sql makes.
    static QString schemaName() { return QStringLiteral("voice_console"); }
    static QString groupRole() { return QStringLiteral("voice_console_operators"); }

    static void select(const TeamStoreAddress &address, const QString &password);
    static void selectLocal();
    static std::optional<TeamStoreAddress> selected();
    static QString selectedPassword();

    // Opens a QPSQL connection named `connection` to the selected store (in the calling thread), with
    // search_path set to the schema. Does not migrate.
    static StorageResult connect(const QString &connection, const TeamStoreAddress &address, const QString &password);
    // Creates the tables or brings them to kSchemaVersion, in one transaction under an advisory lock;
    // refuses a newer schema. Returns the version the store now has.
    static Result<int, StorageError> migrate(QSqlDatabase &db);
    // The version the store has (0: no tables yet), without changing anything.
    static Result<int, StorageError> schemaVersion(QSqlDatabase &db);
    // On a connection of its own, opened and closed here: the schema's version, and with `migrate` the
    // version it was brought to (voicectl team-store status and init, the window's checks).
    struct SchemaCheck
    {
        int before = 0; // found
        int now = 0;    // after migrating (== before without `migrate`)
    };
    static Result<SchemaCheck, StorageError> checkSchema(const TeamStoreAddress &address, const QString &password, bool migrate);

    // What a QPSQL error means for the operator, translated, with the server's own words after it:
    // "WHAT: the server cannot be reached. The server said: …".
    static StorageError error(const QSqlError &error, const QString &what);
    // The same without WHAT: "the server cannot be reached. The server said: …".
    static QString explain(const QSqlError &error, bool *unreachable = nullptr);
    // The server cannot be reached, or the connection was lost: retry later, nothing is decided.
    static bool isUnreachable(const QSqlError &error);
};

} // namespace vc
