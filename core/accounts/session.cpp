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
    if (profile.provider == Profile::Provider::IntegrationApi) {
        m_legacy->setBaseUrl(profile.apiUrl.isValid() ? profile.apiUrl : LegacyClient::defaultBaseUrl());
        m_legacy->setCredentials(profile.login, secret);
        m_exolve->setApiKey({});
    } else {
        m_exolve->setBaseUrl(profile.apiUrl.isValid() ? profile.apiUrl : ExolveClient::defaultBaseUrl());
        m_exolve->setApiKey(secret);
    }
    Q_EMIT profileChanged(m_profile);
}

void Session::deactivate()
{
    m_active = false;
    m_profile = {};
    m_exolve->setApiKey({});
    Q_EMIT profileChanged(m_profile);
}

} // namespace vc
