#pragma once

#include "exolve/exolveclient.h"
#include "legacy/legacyclient.h"
#include "accounts/profile.h"

#include "net/proxy.h"

#include <QObject>

namespace vc {

// What a worker on a thread of its own (a campaign) needs to make requests as the session does, with a
// transport and a client of its own: copied, so that the secret never passes through a page.
struct ConnectionSnapshot
{
    bool legacy = false; // integrationapi.net
    QUrl url;
    QString secret;      // API key, or the integrationapi.net password; in memory only
    QString login;       // integrationapi.net
    QString profileId;
    ProxyConfig proxy;   // the window's proxy choice and credentials
};

// The profile the operator works in now, and the client that speaks for it. Everything that talks to
// the API takes its client from here, so a profile switch reaches every page at once.
class Session final : public QObject
{
    Q_OBJECT
public:
    explicit Session(QObject *parent = nullptr);

    HttpTransport *transport() const { return m_transport; }
    ExolveClient *exolve() const { return m_exolve; }
    LegacyClient *legacy() const { return m_legacy; }
    bool isLegacy() const { return m_active && m_profile.provider == Profile::Provider::IntegrationApi; }
    const Profile &profile() const { return m_profile; }
    bool isActive() const { return m_active; }
    // The address the active profile's client talks to.
    QUrl endpoint() const;
    // Whether the secret lives only in this session's memory (no keychain).
    bool secretSessionOnly() const { return m_sessionOnly; }
    // The active profile's connection, for a client of its own (a campaign's worker thread).
    ConnectionSnapshot connectionSnapshot() const;

    void activate(const Profile &profile, const QString &secret, bool sessionOnly = false);
    void deactivate();

Q_SIGNALS:
    void profileChanged(const vc::Profile &profile);

private:
    HttpTransport *m_transport;
    ExolveClient *m_exolve;
    LegacyClient *m_legacy;
    Profile m_profile;
    bool m_active = false;
    bool m_sessionOnly = false;
    QString m_secret;
};

} // namespace vc
