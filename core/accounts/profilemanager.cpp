#include "accounts/profilemanager.h"

#include "accounts/session.h"

namespace vc {

namespace {
class Messages final
{
    Q_DECLARE_TR_FUNCTIONS(ProfileManager)
public:
    static QString sandboxName() { return tr("Sandbox"); }
    static QString legacySandboxName() { return tr("Sandbox — integrationapi.net (2013)"); }
    static QString noSecret(const QString &name) { return tr("Profile \"%1\" has no API key yet: edit the profile to add it.").arg(name); }
    static QString cannotRead(const QString &name, const QString &why) { return tr("The API key of \"%1\" could not be read: %2").arg(name, why); }
    static QString unknown() { return tr("That profile no longer exists."); }
    static QString sessionOnly(const QString &why) { return tr("%1 The key is kept in memory for this session only; it will be asked for again after a restart.").arg(why); }
};
} // namespace

ProfileManager::ProfileManager(ProfileStore *store, SecretStore *secrets, Session *session, std::function<QUrl()> sandboxUrl,
                               QObject *parent)
    : QObject(parent), m_store(store), m_secrets(secrets), m_session(session), m_sandboxUrl(std::move(sandboxUrl))
{
    connect(m_store, &ProfileStore::changed, this, &ProfileManager::profilesChanged);
}

Profile ProfileManager::sandboxProfile() const
{
    Profile p;
    p.id = QLatin1String(kSandboxId);
    p.name = Messages::sandboxName();
    p.sandbox = true;
    return p;
}

Profile ProfileManager::legacySandboxProfile() const
{
    Profile p;
    p.id = QLatin1String(kLegacySandboxId);
    p.name = Messages::legacySandboxName();
    p.provider = Profile::Provider::IntegrationApi;
    p.login = QStringLiteral("sandbox");
    p.sandbox = true;
    return p;
}

QList<Profile> ProfileManager::profiles() const
{
    QList<Profile> list = m_store->profiles();
    list.append(sandboxProfile());
    list.append(legacySandboxProfile());
    return list;
}

Profile ProfileManager::builtIn(const QString &id) const
{
    return id == QLatin1String(kLegacySandboxId) ? legacySandboxProfile() : sandboxProfile();
}

void ProfileManager::switchTo(const QString &id)
{
    const quint64 request = ++m_switchRequest;
    if (isBuiltIn(id)) {
        const bool legacy = id == QLatin1String(kLegacySandboxId);
        Profile p = builtIn(id);
        p.apiUrl = m_sandboxUrl ? m_sandboxUrl() : QUrl();
        if (legacy && p.apiUrl.isValid())
            p.apiUrl.setPath(QStringLiteral("/rest/"));
        m_store->setLastProfileId(p.id);
        m_session->activate(p, legacy ? QStringLiteral("sandbox-password") : sandboxKey());
        return;
    }
    const auto profile = m_store->find(id);
    if (!profile) {
        Q_EMIT switchFailed(Messages::unknown());
        return;
    }
    m_secrets->read(profile->secretKey(), this, [this, request, p = *profile](const SecretResult &r) {
        if (request != m_switchRequest)
            return; // the operator picked another profile meanwhile
        if (!r.ok()) {
            Q_EMIT switchFailed(r.error().status == SecretError::Status::NotFound ? Messages::noSecret(p.name)
                                                                                 : Messages::cannotRead(p.name, r.message()));
            return;
        }
        m_store->setLastProfileId(p.id);
        m_session->activate(p, r.value(), m_secrets->sessionOnly());
    });
}

void ProfileManager::useEnvironment(const QUrl &apiUrl, const QString &key)
{
    ++m_switchRequest;
    Profile p;
    p.id = QStringLiteral("environment");
    p.name = apiUrl.host();
    p.apiUrl = apiUrl;
    m_session->activate(p, key);
}

void ProfileManager::save(Profile profile, const QString &secret, QObject *context,
                          std::function<void(const Profile &, const QString &)> done)
{
    const Profile stored = m_store->save(std::move(profile));
    if (secret.isEmpty()) {
        done(stored, {});
        return;
    }
    m_secrets->write(stored.secretKey(), secret, context, [this, stored, secret, done](const SecretResult &r) {
        QString warning;
        if (!r.ok()) {
            m_secrets->keepForSession(stored.secretKey(), secret);
            warning = Messages::sessionOnly(r.message());
        }
        if (m_session->isActive() && m_session->profile().id == stored.id)
            m_session->activate(stored, secret, !r.ok());
        done(stored, warning);
    });
}

void ProfileManager::remove(const QString &id)
{
    const auto profile = m_store->find(id);
    if (!profile)
        return;
    m_secrets->remove(profile->secretKey(), this, [](const SecretResult &) {});
    m_store->remove(id);
}

} // namespace vc
