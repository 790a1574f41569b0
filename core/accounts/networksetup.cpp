#include "accounts/networksetup.h"

#include "accounts/session.h"
#include "accounts/settings.h"

#include <QCoreApplication>

namespace vc {

namespace {
class Texts final
{
    Q_DECLARE_TR_FUNCTIONS(NetworkSetup)
public:
    static QString notAnAddress() { return tr("Give the proxy as host:port, e.g. proxy.example.com:3128."); }
    static QString hasPassword()
    {
        return tr("Leave the user name and password out: they are asked for when the proxy wants them, and kept only in "
                  "the system keychain.");
    }
};

QString modeName(ProxyConfig::Mode mode)
{
    switch (mode) {
    case ProxyConfig::Mode::None:
        return QStringLiteral("none");
    case ProxyConfig::Mode::Manual:
        return QStringLiteral("manual");
    case ProxyConfig::Mode::System:
        break;
    }
    return QStringLiteral("system");
}
} // namespace

NetworkSetup::NetworkSetup(QSettings *settings, SecretStore *secrets, Session *session, QObject *parent)
    : QObject(parent), m_settings(settings), m_secrets(secrets), m_session(session)
{
    // Another API address may take another proxy (system mode, no_proxy): its remembered password too.
    connect(m_session, &Session::profileChanged, this, [this] { lookUpRemembered(); });
}

ProxyConfig NetworkSetup::configured() const
{
    Settings s(m_settings);
    ProxyConfig c;
    const QString mode = s.proxyMode();
    c.mode = mode == QLatin1String("none") ? ProxyConfig::Mode::None
             : mode == QLatin1String("manual") && manualAddressError(s.proxyAddress()).isEmpty() ? ProxyConfig::Mode::Manual
                                                                                                 : ProxyConfig::Mode::System;
    if (c.mode == ProxyConfig::Mode::Manual)
        c.manual = s.proxyAddress();
    return c;
}

QString NetworkSetup::manualAddressError(const QString &manual)
{
    const auto proxy = ProxyConfig::parseProxy(manual);
    if (!proxy)
        return Texts::notAnAddress();
    if (!proxy->user().isEmpty() || !proxy->password().isEmpty())
        return Texts::hasPassword();
    return {};
}

void NetworkSetup::setConfigured(ProxyConfig::Mode mode, const QString &manual)
{
    Settings s(m_settings);
    s.proxyMode() = modeName(mode);
    if (manualAddressError(manual).isEmpty())
        s.proxyAddress() = manual.trimmed();
    apply();
}

QString NetworkSetup::savedAddress() const
{
    return Settings(m_settings).proxyAddress();
}

void NetworkSetup::apply()
{
    const ProxyConfig wanted = configured();
    const bool sameProxy = wanted.mode == m_config.mode && wanted.manual == m_config.manual;
    ProxyConfig next = wanted;
    if (sameProxy) {
        next.user = m_config.user;
        next.password = m_config.password;
    }
    m_config = next;
    m_session->transport()->setProxyConfig(m_config);
    Q_EMIT changed();
    if (!sameProxy || m_config.user.isEmpty())
        lookUpRemembered();
}

QString NetworkSetup::currentProxy() const
{
    return proxyDisplay(m_session->transport()->proxyFor(m_session->endpoint()));
}

void NetworkSetup::setCredentials(const QString &proxy, const QString &user, const QString &password, bool remember)
{
    m_config.user = user;
    m_config.password = password;
    m_session->transport()->setProxyConfig(m_config);
    Q_EMIT changed();
    if (remember && !proxy.isEmpty() && proxy != QLatin1String("direct"))
        m_secrets->write(keychainKey(proxy), user + u'\n' + password, this, [](const SecretResult &) {});
}

void NetworkSetup::lookUpRemembered()
{
    const QString proxy = currentProxy();
    if (proxy == QLatin1String("direct") || !m_session->isActive())
        return;
    m_secrets->read(keychainKey(proxy), this, [this, proxy](const SecretResult &r) {
        if (!r.ok() || proxy != currentProxy() || !m_config.user.isEmpty())
            return;
        const qsizetype nl = r.value().indexOf(u'\n');
        if (nl <= 0)
            return;
        m_config.user = r.value().left(nl);
        m_config.password = r.value().mid(nl + 1);
        m_session->transport()->setProxyConfig(m_config);
        Q_EMIT changed();
    });
}

} // namespace vc
