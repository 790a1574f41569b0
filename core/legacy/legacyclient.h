#pragma once

#include "common/result.h"
#include "legacy/legacyerrors.h"
#include "legacy/legacytypes.h"
#include "net/httptransport.h"
#include "net/ratelimiter.h"

#include <QElapsedTimer>
#include <QObject>
#include <QUrl>

#include <functional>

namespace vc {

// The integrationapi.net REST voice API (2013): a session id from login and password (valid 2 hours,
// cached and renewed before it runs out, and once on an InvalidSessionID refusal, never in a loop),
// the balance, sending, and message states. Requests are spaced to stay under 10 per second.
class LegacyClient final : public QObject
{
    Q_OBJECT
public:
    static QUrl defaultBaseUrl() { return QUrl(QStringLiteral("https://integrationapi.net/rest/")); }

    explicit LegacyClient(HttpTransport *transport, QObject *parent = nullptr);

    void setBaseUrl(const QUrl &url);
    QUrl baseUrl() const { return m_baseUrl; }
    void setCredentials(const QString &login, const QString &password);
    void setSessionLifetimeMs(qint64 ms) { m_sessionLifetimeMs = ms; }
    void setMinIntervalMs(int ms) { m_limiter.setMinIntervalMs(ms); }
    std::optional<ApiError> configurationError() const;
    int sessionRequests() const { return m_sessionRequests; }
    HttpTransport *transport() const { return m_transport; }

    void balance(QObject *context, std::function<void(const Result<double> &)> done);
    // Never resent automatically, except once after a 400 InvalidSessionID refusal (the service refused
    // it, so nothing was sent).
    void send(const LegacySendRequest &request, QObject *context, std::function<void(const Result<quint64> &)> done);
    void state(quint64 messageId, QObject *context, std::function<void(const Result<LegacyState> &)> done);

private:
    struct Call
    {
        LegacyMethod method;
        QList<QPair<QString, QString>> params; // without sessionId
        bool renewed = false;
    };
    using BodyCallback = std::function<void(const HttpOutcome &, const Result<QByteArray> &)>;

    template <typename T>
    void call(Call call, QObject *context, std::function<void(const Result<T> &)> done,
              Result<T> (*decode)(const QByteArray &));
    void run(Call call, QObject *context, BodyCallback done);
    void withSession(std::function<void(const std::optional<ApiError> &)> ready);
    HttpCall httpCall(LegacyMethod method, const QList<QPair<QString, QString>> &params) const;
    // An error answer: the REST code when there is one, else the status.
    ApiError errorFrom(LegacyMethod method, const HttpOutcome &outcome, int *code) const;

    HttpTransport *m_transport;
    RateLimiter m_limiter{110}; // under the documented 10 requests per second
    QUrl m_baseUrl = defaultBaseUrl();
    QString m_login;
    QString m_password;
    QString m_sessionId;
    QElapsedTimer m_sessionAge;
    qint64 m_sessionLifetimeMs = (2 * 60 - 10) * 60 * 1000; // renew 10 minutes before the 2 hours are up
    bool m_fetchingSession = false;
    QList<std::function<void(const std::optional<ApiError> &)>> m_sessionWaiters;
    int m_sessionRequests = 0;
};

} // namespace vc
