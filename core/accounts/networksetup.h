#pragma once

#include "accounts/secretstore.h"
#include "net/proxy.h"

#include <QObject>

class QSettings;

namespace vc {

class Session;

// The operator's network choice for the desktop app: the proxy mode and address from the settings, the
// proxy's user name and password from the keychain ("remember") or this session's memory; never a
// credential in the settings. Applies them to the session's transport, which every page and campaign
// worker takes its proxy from.
class NetworkSetup final : public QObject
{
    Q_OBJECT
public:
    NetworkSetup(QSettings *settings, SecretStore *secrets, Session *session, QObject *parent = nullptr);

    // The settings' choice, without credentials.
    ProxyConfig configured() const;
    // Saves the mode and address, applies them, and looks for remembered credentials for the proxy now
    // in use. `manual` must not carry credentials (see manualAddressError()).
    void setConfigured(ProxyConfig::Mode mode, const QString &manual);
    // Why a manual address cannot be used ("" when it can): not host:port, or it carries a password.
    static QString manualAddressError(const QString &manual);
    // The manual address last saved (kept while another mode is chosen).
    QString savedAddress() const;
    // Reads the settings again and applies them (at start).
    void apply();
    // The proxy the session's API address goes through now ("direct", or "host:port").
    QString currentProxy() const;

    // The operator's answer to a proxy's 407: kept for the session, and in the keychain when asked.
    void setCredentials(const QString &proxy, const QString &user, const QString &password, bool remember);
    // Whether the operator was asked already in this session (asked once per session).
    bool askedThisSession() const { return m_asked; }
    void markAsked() { m_asked = true; }
    static QString keychainKey(const QString &proxy) { return QStringLiteral("proxy:") + proxy; }

Q_SIGNALS:
    void changed(); // the proxy in use, or its credentials, changed

private:
    void lookUpRemembered();

    QSettings *m_settings;
    SecretStore *m_secrets;
    Session *m_session;
    ProxyConfig m_config;
    bool m_asked = false;
};

} // namespace vc
