#pragma once

#include "net/httptransport.h"
#include "common/result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <QUrl>

#include <functional>

namespace vc {

// Voice/Send input. sendDate is the operator's local time (any zone); it is sent as UTC+3.
struct LegacySendRequest
{
    QString source;
    QString destination;
    quint64 fileId = 0;
    QDateTime sendDate; // invalid: now
    int retryCount = -1; // -1: the service's default
    int gap = -1;        // minutes between tries, -1: default
    bool dtmf = false;
};

struct LegacyState
{
    int state = -1; // 0 sending, 1 sent, 2 listened, 3 not listened, 4 error
    QString desc;   // the service's own words
    bool isFinal() const { return state >= 2; }
    static QString name(int state); // translated
};

class LegacyNames final
{
    Q_DECLARE_TR_FUNCTIONS(LegacyNames)
public:
    static QString state(int state);
};

// The integrationapi.net REST voice API (2013): a session id from login and password (valid 2 hours,
// cached and renewed before it runs out, and once on an InvalidSessionID answer, never in a loop),
// the balance, sending, and message states. Requests are spaced to stay under 10 per second.
class LegacyClient final : public QObject
{
    Q_OBJECT
public:
    static QUrl defaultBaseUrl() { return QUrl(QStringLiteral("https://integrationapi.net/rest/")); }
    // The API wants UTC+3 wall-clock time: "2011-01-28T16:00:00".
    static QString formatSendDate(const QDateTime &when);

    explicit LegacyClient(HttpTransport *transport, QObject *parent = nullptr);

    void setBaseUrl(const QUrl &url);
    QUrl baseUrl() const { return m_baseUrl; }
    void setCredentials(const QString &login, const QString &password);
    void setSessionLifetimeMs(qint64 ms) { m_sessionLifetimeMs = ms; }
    void setMinIntervalMs(int ms) { m_minIntervalMs = ms; }
    std::optional<ApiError> configurationError() const;
    int sessionRequests() const { return m_sessionRequests; }

    void balance(QObject *context, std::function<void(const Result<double> &)> done);
    // Never resent automatically, except once after an InvalidSessionID answer (the service refused it,
    // so nothing was sent).
    void send(const LegacySendRequest &request, QObject *context, std::function<void(const Result<quint64> &)> done);
    void state(quint64 messageId, QObject *context, std::function<void(const Result<LegacyState> &)> done);

private:
    using Handler = std::function<void(const HttpOutcome &)>;
    struct Call
    {
        Endpoint endpoint;
        QList<QPair<QString, QString>> params; // without sessionId
        bool renewed = false;
    };

    void run(Call call, QObject *context, std::function<void(const Result<QJsonValue> &)> done);
    void withSession(QObject *context, std::function<void(const std::optional<ApiError> &)> ready);
    void sendNow(const HttpCall &call, QObject *context, Handler handler);
    ApiError errorFrom(Endpoint endpoint, const AttemptResult &r, int attempts, int *legacyCode) const;

    HttpTransport *m_transport;
    QUrl m_baseUrl = defaultBaseUrl();
    QString m_login;
    QString m_password;
    QString m_sessionId;
    QElapsedTimer m_sessionAge;
    qint64 m_sessionLifetimeMs = (2 * 60 - 10) * 60 * 1000; // renew 10 minutes before the 2 hours are up
    bool m_fetchingSession = false;
    QList<std::function<void(const std::optional<ApiError> &)>> m_sessionWaiters;
    int m_sessionRequests = 0;
    int m_minIntervalMs = 110; // under the documented 10 requests per second
    QElapsedTimer m_clock;
    qint64 m_nextSlot = 0;
};

} // namespace vc
