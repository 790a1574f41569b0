#pragma once

#include "policy/contactledger.h"
#include "store/teamstore.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <functional>

namespace vc {

// The team store for a window: what is set (from the settings and the keychain), its health checked now
// and then, a connection tested, the local store uploaded -- all of it on worker threads, each with a
// database connection of its own, the answer delivered on the caller's thread. Nothing here blocks.
class TeamStoreService final : public QObject
{
    Q_OBJECT
public:
    explicit TeamStoreService(QObject *parent = nullptr);
    ~TeamStoreService() override;

    // Checks the selected store every `intervalMs` (and at once); healthChanged() tells what changed.
    void watch(int intervalMs = 30000);
    // Local (nullopt) or the team store's address; health is checked again at once.
    void storeChanged();
    bool isTeam() const { return TeamStore::selected().has_value(); }
    bool reachable() const { return m_reachable; }
    QDateTime unreachableSince() const { return m_since; }
    QString lastError() const { return m_error; }

    struct Check
    {
        int schemaVersion = 0;
        int supported = TeamStore::kSchemaVersion;
    };
    // Connects to `address` with `password`, makes or migrates the schema (as voicectl team-store init
    // does) and answers with its version.
    static void check(const TeamStoreAddress &address, const QString &password, QObject *context,
                      std::function<void(const Result<Check, StorageError> &)> done);
    // Merges this computer's store (`localPath`) into `address`'s.
    static void upload(const TeamStoreAddress &address, const QString &password, const QString &localPath, QObject *context,
                       std::function<void(const Result<ContactLedger::Upload, StorageError> &)> done);

    // The selected team store's contact policy (nullopt: none set there yet), and a new one for it.
    static void loadPolicy(QObject *context, std::function<void(const Result<std::optional<ContactPolicy>, StorageError> &)> done);
    static void savePolicy(const ContactPolicy &policy, QObject *context, std::function<void(const StorageResult &)> done);

Q_SIGNALS:
    void healthChanged();

private:
    void probe();
    QTimer m_timer;
    bool m_reachable = true;
    bool m_probing = false;
    QDateTime m_since;
    QString m_error;
};

} // namespace vc
