#include "accounts/session.h"

namespace vc {

Session::Session(QObject *parent)
    : QObject(parent), m_transport(new HttpTransport(this)), m_exolve(new ExolveClient(m_transport, this)),
      m_legacy(new LegacyClient(m_transport, this))
{
}

void Session::activate(const Profile &profile, const QString &secret, bool sessionOnly)
{
    m_profile = profile;
    m_active = true;
    m_sessionOnly = sessionOnly;
    m_secret = secret;
    if (profile.provider == Profile::Provider::IntegrationApi) {
        m_legacy->setBaseUrl(profile.apiUrl.isValid() ? profile.apiUrl : LegacyClient::defaultBaseUrl());
        m_legacy->setCredentials(profile.login, secret);
        m_exolve->setApiKey({});
    } else {
        m_exolve->setBaseUrl(profile.apiUrl.isValid() ? profile.apiUrl : ExolveClient::defaultBaseUrl());
        m_exolve->setApiKey(secret);
        m_legacy->setCredentials({}, {});
    }
    Q_EMIT profileChanged(m_profile);
}

void Session::deactivate()
{
    m_active = false;
    m_profile = {};
    m_secret.clear();
    // Neither client keeps a secret of a profile that is no longer in use.
    m_exolve->setApiKey({});
    m_legacy->setCredentials({}, {});
    Q_EMIT profileChanged(m_profile);
}

QUrl Session::endpoint() const
{
    if (!m_active)
        return {};
    return isLegacy() ? m_legacy->baseUrl() : m_exolve->baseUrl();
}

ConnectionSnapshot Session::connectionSnapshot() const
{
    ConnectionSnapshot c;
    if (!m_active)
        return c;
    c.legacy = isLegacy();
    c.url = endpoint();
    c.secret = m_secret;
    c.login = m_profile.login;
    c.profileId = m_profile.id;
    c.proxy = m_transport->proxyConfig();
    return c;
}

} // namespace vc
