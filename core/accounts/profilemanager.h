#pragma once

#include "accounts/profile.h"
#include "accounts/secretstore.h"

#include <QObject>

#include <functional>

namespace vc {

class Session;

// Ties the stored profiles, their secrets in the keychain and the active session together: switching
// reads the secret (asynchronously) and activates the session; saving writes the secret first.
class ProfileManager final : public QObject
{
    Q_OBJECT
public:
    static constexpr const char *kSandboxId = "sandbox";
    static constexpr const char *kLegacySandboxId = "sandbox-legacy";
    static QString sandboxKey() { return QStringLiteral("sandbox-key"); }
    // The two built-in sandbox profiles: not stored, not editable, no keychain entry.
    static bool isBuiltIn(const QString &id) { return id == QLatin1String(kSandboxId) || id == QLatin1String(kLegacySandboxId); }
    // The built-in profile with this id, its name translated now.
    Profile builtIn(const QString &id) const;

    // `sandboxUrl` starts the built-in sandbox when first needed and returns its address.
    ProfileManager(ProfileStore *store, SecretStore *secrets, Session *session, std::function<QUrl()> sandboxUrl,
                   QObject *parent = nullptr);

    ProfileStore *store() const { return m_store; }
    SecretStore *secrets() const { return m_secrets; }
    // The stored profiles, then the built-in sandbox.
    QList<Profile> profiles() const;
    Profile sandboxProfile() const;
    Profile legacySandboxProfile() const;

    void switchTo(const QString &id);
    // For scripted runs: an address and a key from the environment; touches no keychain.
    void useEnvironment(const QUrl &apiUrl, const QString &key);
    // Stores the profile; a non-empty secret goes to the keychain (or, when that fails, this session's
    // memory, and `warning` says so). `done` gets the stored profile.
    void save(Profile profile, const QString &secret, QObject *context,
              std::function<void(const Profile &profile, const QString &warning)> done);
    void remove(const QString &id);

Q_SIGNALS:
    void switchFailed(const QString &message);
    void profilesChanged();

private:
    ProfileStore *m_store;
    SecretStore *m_secrets;
    Session *m_session;
    std::function<QUrl()> m_sandboxUrl;
    quint64 m_switchRequest = 0;
};

} // namespace vc
