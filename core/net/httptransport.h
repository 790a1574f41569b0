#pragma once

#include "net/connectionpool.h"
#include "net/httpattempt.h"
#include "net/proxy.h"

#include <QDeadlineTimer>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

namespace vc {

struct TransportOptions
{
    int deadlineMs = 30000;       // the whole request, all attempts and waits included
    int inactivityMs = 15000;     // no byte in either direction for this long ends an attempt
    qint64 maxResponseBytes = 16 * 1024 * 1024;
    int maxAttempts = 3;          // reads only; others get exactly one
    int backoffInitialMs = 500;
    int backoffMaxMs = 5000;
    int retryAfterCapMs = 60000;
    // Certificate authorities trusted besides the system's: a company's own CA (a TLS-inspecting proxy),
    // or a test's. Never a way to skip verification.
    QList<QSslCertificate> extraCaCertificates;
};

// The outcome of a request after all its attempts.
struct HttpOutcome
{
    AttemptResult last;
    int attempts = 0;
};

// Sends requests with an overall deadline, an inactivity timeout, a response size cap, no redirects and
// retries for reads only. Every attempt is written to the request log, redacted.
class HttpTransport final : public QObject
{
    Q_OBJECT
public:
    explicit HttpTransport(QObject *parent = nullptr);
    ~HttpTransport() override;

    void setOptions(const TransportOptions &options) { m_options = options; }
    const TransportOptions &options() const { return m_options; }
    RequestLog *log() { return m_log; }
    // Which proxy requests take (each attempt resolves it for its URL). Credentials are registered with
    // the log as secrets: they never appear in it.
    void setProxyConfig(const ProxyConfig &config);
    const ProxyConfig &proxyConfig() const { return m_proxy; }
    // The proxy a request to `url` would use now.
    QNetworkProxy proxyFor(const QUrl &url) const { return resolveProxy(m_proxy, url); }
    // Kept-alive connections for reads (see HttpAttempt).
    ConnectionPool *connectionPool() const { return m_pool; }

    static QByteArray userAgent();
    // Plain http is allowed only to this computer; everything else must be https.
    static bool isAllowedUrl(const QUrl &url);
    // A Retry-After value (seconds or an HTTP date) in ms; nullopt when absent or unreadable. Anything
    // above an hour is an hour (`capped` says so): a server cannot park the client for days, nor
    // overflow the arithmetic with a huge number.
    static constexpr qint64 kRetryAfterMaxMs = 3600 * 1000;
    static std::optional<qint64> retryAfterMs(const QByteArray &value, bool *capped = nullptr);

    // `done` runs on `context`'s thread unless context is gone by then.
    void send(const HttpCall &call, QObject *context, std::function<void(const HttpOutcome &)> done);
    int inFlight() const { return m_inFlight; }

Q_SIGNALS:
    // Requests under way changed (for a busy indicator).
    void activityChanged(int inFlight);
    // An attempt met a proxy that wants a user name and password (or refused the ones given): `proxy` as
    // proxyDisplay() names it. Nothing of that request was sent.
    void proxyAuthenticationRequired(const QString &proxy);

private:
    friend class PendingCallAccess;
    void adjustInFlight(int delta);
    void reportProxyAuthentication(const QString &proxy) { Q_EMIT proxyAuthenticationRequired(proxy); }
    int m_inFlight = 0;
    bool m_destroying = false;

    RequestLog *m_log;
    ConnectionPool *m_pool;
    ProxyConfig m_proxy;
    TransportOptions m_options;
};

} // namespace vc
