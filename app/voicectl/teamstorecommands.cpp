// voicectl team-store ...: the team's shared store on PostgreSQL -- make or migrate its schema, say how it
// is, upload this computer's own do-not-call list and ledger into it.
#include "cli.h"

#include "policy/contactledger.h"
#include "store/teamstore.h"

#include <QDir>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QUuid>

namespace vc::cli {

namespace {
// A connection of its own for the command's lifetime.
class Connection final
{
public:
    Connection() : m_name(QStringLiteral("team-store-") + QUuid::createUuid().toString(QUuid::WithoutBraces)) {}
    ~Connection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            if (db.isOpen())
                db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    const QString &name() const { return m_name; }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

private:
    QString m_name;
};
} // namespace

void Cli::teamStore(const QString &action, const QStringList &rest)
{
    if (!rest.isEmpty() || (action != QLatin1String("init") && action != QLatin1String("status") && action != QLatin1String("upload")))
        return usage(tr("Usage: voicectl team-store init | status | upload"));
    const auto address = TeamStore::selected();
    if (action == QLatin1String("status")) {
        if (!address) {
            if (m_out->format() == Format::Json)
                m_out->json(QJsonObject{{QStringLiteral("store"), QStringLiteral("local")}, {QStringLiteral("url"), QString()},
                                        {QStringLiteral("path"), ContactLedger::defaultPath()}, {QStringLiteral("reachable"), true},
                                        {QStringLiteral("schema_version"), 0}});
            else
                m_out->line(tr("No team store is set (--team-store or VOICE_TEAM_STORE): this computer's own store is used, %1.")
                                .arg(QDir::toNativeSeparators(ContactLedger::defaultPath())));
            return done(Success);
        }
        Connection c;
        QString problem;
        int version = 0;
        bool reachable = true;
        if (auto r = TeamStore::connect(c.name(), *address, TeamStore::selectedPassword()); !r) {
            problem = r.error().message;
            reachable = !r.error().unreachable;
        } else {
            QSqlDatabase db = c.db();
            if (const auto v = TeamStore::schemaVersion(db); v)
                version = v.value();
            else
                problem = v.error().message;
        }
        const bool usable = problem.isEmpty();
        if (m_out->format() == Format::Json) {
            QJsonObject o{{QStringLiteral("store"), QStringLiteral("team")},
                          {QStringLiteral("url"), address->display()},
                          {QStringLiteral("reachable"), reachable && usable},
                          {QStringLiteral("schema_version"), version},
                          {QStringLiteral("supported_schema_version"), TeamStore::kSchemaVersion}};
            if (!usable)
                o.insert(QStringLiteral("error"), problem);
            m_out->json(o);
        } else if (usable) {
            m_out->line(version == 0 ? tr("The team store %1 is reachable; its schema is not made yet: run voicectl team-store init.")
                                           .arg(address->display())
                                     : tr("The team store %1 is reachable; schema version %2 (this Voice Console: %3).")
                                           .arg(address->display())
                                           .arg(version)
                                           .arg(TeamStore::kSchemaVersion));
        } else {
            m_out->error(problem);
        }
        return done(usable ? Success : (reachable ? ApiFailure : NetworkFailure));
    }
    if (!address)
        return usage(tr("Name the team store: --team-store postgresql://USER@HOST/DATABASE or VOICE_TEAM_STORE."));
    if (action == QLatin1String("init")) {
        Connection c;
        if (auto r = TeamStore::connect(c.name(), *address, TeamStore::selectedPassword()); !r) {
            m_out->error(r.error().message);
            return done(r.error().unreachable ? NetworkFailure : ApiFailure);
        }
        QSqlDatabase db = c.db();
        const auto before = TeamStore::schemaVersion(db);
        const auto after = TeamStore::migrate(db);
        if (!before || !after) {
            m_out->error(!before ? before.error().message : after.error().message);
            return done(ApiFailure);
        }
        if (m_out->format() == Format::Json) {
            m_out->json(QJsonObject{{QStringLiteral("url"), address->display()},
                                    {QStringLiteral("previous_schema_version"), before.value()},
                                    {QStringLiteral("schema_version"), after.value()}});
        } else if (before.value() == after.value()) {
            m_out->line(tr("The team store %1 already has schema version %2: nothing to do.").arg(address->display()).arg(after.value()));
        } else if (before.value() == 0) {
            m_out->line(tr("The team store %1 was set up: schema version %2.").arg(address->display()).arg(after.value()));
        } else {
            m_out->line(tr("The team store %1 was migrated from schema version %2 to %3.")
                            .arg(address->display())
                            .arg(before.value())
                            .arg(after.value()));
        }
        return done(Success);
    }
    // upload
    ContactLedger team;
    ContactLedger local(ContactLedger::defaultPath(), ContactLedger::LocalFile{});
    const auto up = team.upload(local);
    if (!up) {
        m_out->error(up.error().message);
        return done(up.error().unreachable ? NetworkFailure : ApiFailure);
    }
    if (m_out->format() == Format::Json) {
        m_out->json(QJsonObject{{QStringLiteral("url"), address->display()},
                                {QStringLiteral("do_not_call"), up.value().doNotCall},
                                {QStringLiteral("do_not_call_history"), up.value().history},
                                {QStringLiteral("ledger"), up.value().calls},
                                {QStringLiteral("local"), local.path()}});
    } else {
        m_out->line(tr("Uploaded to %1: %n number(s) new on the do-not-call list,", nullptr, int(up.value().doNotCall)).arg(address->display()) +
                    u' ' + tr("%n history entry(ies),", nullptr, int(up.value().history)) + u' ' +
                    tr("%n call(s) into the contact ledger.", nullptr, int(up.value().calls)));
        m_out->line(tr("This computer's own store %1 is kept unchanged as a backup.").arg(QDir::toNativeSeparators(local.path())));
    }
    done(Success);
}

} // namespace vc::cli
