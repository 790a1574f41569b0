#include "policy/teamstoreservice.h"

#include "common/offthread.h"

namespace vc {

namespace {
Result<TeamStoreService::Check, StorageError> checkNow(const TeamStoreAddress &address, const QString &password, bool migrate)
{
    const auto schema = TeamStore::checkSchema(address, password, migrate);
    if (!schema)
        return schema.error();
    // The team's policy as it is now, for forms on the window's thread (sharedAsLastRead()).
    if (schema.value().now > 0) {
        ContactLedger team(address, password);
        (void)team.loadPolicy(); // remembered by the ledger
    }
    return TeamStoreService::Check{schema.value().now, TeamStore::kSchemaVersion};
}
} // namespace

TeamStoreService::TeamStoreService(QObject *parent) : QObject(parent)
{
    connect(&m_timer, &QTimer::timeout, this, &TeamStoreService::probe);
}

TeamStoreService::~TeamStoreService() = default;

void TeamStoreService::watch(int intervalMs)
{
    m_timer.start(intervalMs);
    probe();
}

void TeamStoreService::storeChanged()
{
    m_reachable = true;
    m_since = {};
    m_error.clear();
    Q_EMIT healthChanged();
    probe();
}

void TeamStoreService::probe()
{
    const auto address = TeamStore::selected();
    if (!address || m_probing)
        return;
    m_probing = true;
    const QString password = TeamStore::selectedPassword();
    runOffThread<Result<Check, StorageError>>(
        this, [a = *address, password] { return checkNow(a, password, false); },
        [this](const Result<Check, StorageError> &r) {
            m_probing = false;
            if (!TeamStore::selected())
                return; // switched to the local store meanwhile
            const bool reachable = r.ok();
            const QString error = r.ok() ? QString() : r.error().message;
            if (reachable == m_reachable && error == m_error)
                return;
            if (!reachable && m_reachable)
                m_since = QDateTime::currentDateTimeUtc();
            if (reachable)
                m_since = {};
            m_reachable = reachable;
            m_error = error;
            Q_EMIT healthChanged();
        });
}

void TeamStoreService::check(const TeamStoreAddress &address, const QString &password, QObject *context,
                             std::function<void(const Result<Check, StorageError> &)> done)
{
    runOffThread<Result<Check, StorageError>>(context, [address, password] { return checkNow(address, password, true); }, std::move(done));
}

void TeamStoreService::upload(const TeamStoreAddress &address, const QString &password, const QString &localPath, QObject *context,
                              std::function<void(const Result<ContactLedger::Upload, StorageError> &)> done)
{
    runOffThread<Result<ContactLedger::Upload, StorageError>>(
        context,
        [address, password, localPath]() -> Result<ContactLedger::Upload, StorageError> {
            ContactLedger team(address, password);
            ContactLedger local(localPath, ContactLedger::LocalFile{});
            return team.upload(local);
        },
        std::move(done));
}

void TeamStoreService::loadPolicy(QObject *context, std::function<void(const Result<std::optional<ContactPolicy>, StorageError> &)> done)
{
    const auto address = TeamStore::selected();
    const QString password = TeamStore::selectedPassword();
    runOffThread<Result<std::optional<ContactPolicy>, StorageError>>(
        context,
        [address, password]() -> Result<std::optional<ContactPolicy>, StorageError> {
            if (!address)
                return std::optional<ContactPolicy>();
            ContactLedger team(*address, password);
            return team.loadPolicy();
        },
        std::move(done));
}

void TeamStoreService::savePolicy(const ContactPolicy &policy, QObject *context, std::function<void(const StorageResult &)> done)
{
    const auto address = TeamStore::selected();
    const QString password = TeamStore::selectedPassword();
    runOffThread<StorageResult>(
        context,
        [address, password, policy]() -> StorageResult {
            if (!address)
                return StorageError{TeamStore::tr("No team store is selected.")};
            ContactLedger team(*address, password);
            return team.savePolicy(policy);
        },
        std::move(done));
}

} // namespace vc
