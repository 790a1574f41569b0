#pragma once

#include "legacysandbox.h"
#include "sandboxfaults.h"
#include "sandboxstate.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QRandomGenerator>
#include <QUrl>
#include <QUrlQuery>

class QTcpSocket;

namespace vc::sandbox {

struct SandboxOptions
{
    QString apiKey = QStringLiteral("sandbox-key");
    double callSpeed = 1.0;
    int callTimeoutSec = 60; // the answer timeout calls report
    quint32 seed = 0; // 0: a random seed
    QList<FaultRule> faults;
    LegacySandbox::Options legacy;
    // As a real server: a request body above this is refused with 413, and a connection with no traffic
    // for idleTimeoutMs is closed.
    qint64 maxBodyBytes = 1024 * 1024;
    int idleTimeoutMs = 60000;
    // Calls (MakeVoiceMessage, Voice/Send) per second above which the answer is 429 with Retry-After;
    // 0: no limit. Settable at run time through /sandbox/rate-limit.
    double rateLimit = 0;
    // statistics/call-history/v1/GetList: the list's name ("calls", the page's older revision, or
    // "call_history") and whether call_id is the voice-message id or the history's own uint64.
    QString historyShape = QStringLiteral("call_history");
    bool historyNumericIds = false;
};

// One request as the sandbox reads it off a connection: HTTP/1.1, a body of Content-Length bytes. Its
// own small reader rather than QtHttpServer, whose server object loads the TLS backend (and OpenSSL)
// for a loopback server that never speaks TLS: megabytes in every sandbox session.
struct SandboxRequest
{
    QByteArray method;
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers; // names as sent
    QByteArray body;

    QByteArray value(const QByteArray &name) const; // the first header of that name, any case
    QUrlQuery query() const { return QUrlQuery(url); }
    bool is(const char *m) const { return method == m; }
};

// The local simulator of the Exolve Voice API. Listens on loopback only. Besides the API it serves
// /sandbox/stats (calls placed, requests per endpoint) and /sandbox/faults and /sandbox/account, so
// that tests in another process can steer it.
class SandboxServer final : public QObject
{
    Q_OBJECT
public:
    explicit SandboxServer(const SandboxOptions &options = {}, QObject *parent = nullptr);

    // Binds 127.0.0.1:port (0 = any free port); returns the port, 0 on failure.
    quint16 start(quint16 port = 0);
    quint16 port() const { return m_port; }
    QString baseUrl() const;
    QString apiKey() const { return m_options.apiKey; }

    SandboxState &state() { return m_state; }
    LegacySandbox &legacy() { return m_legacy; }
    int callsPlaced() const { return m_state.callsPlaced(); }
    int requestCount(const QString &endpoint) const { return m_requests.value(endpoint); }
    void addFault(const FaultRule &rule) { m_rules.append(rule); }
    void setRateLimit(double callsPerSecond) { m_options.rateLimit = callsPerSecond; }
    // Calls placed per destination (Exolve) and messages accepted (integrationapi.net).
    const QHash<QString, int> &callsTo() const { return m_callsTo; }
    void clearFaults() { m_rules.clear(); }

private:
    // Reads what arrived on a connection: every complete request in it, in order.
    void readRequests(QTcpSocket *socket);
    bool handleRequest(const SandboxRequest &request, QTcpSocket *socket);
    void missingHandler(const SandboxRequest &request, QTcpSocket *socket);

    struct Reply
    {
        int status = 200;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
    };

    void handleLegacy(const SandboxRequest &request, QTcpSocket *socket, const QString &path);
    void handleControl(const SandboxRequest &request, QTcpSocket *socket, const QString &path);
    void handleApi(const QString &endpoint, const QByteArray &body, const QByteArray &authorization, QTcpSocket *socket);
    std::optional<Fault> pickFault(const QString &endpoint);
    // A 429 when placing one more call now would go above the rate limit.
    std::optional<Reply> rateLimited(bool legacy);
    Reply apiReply(const QString &endpoint, const QByteArray &body, const QByteArray &authorization,
                   const std::optional<Fault> &fault, bool *placeCall);
    std::optional<Reply> checkAuth(const QString &endpoint, const QByteArray &authorization) const;
    std::optional<Reply> checkAccount(const QString &endpoint) const;

    Reply createService(const QJsonObject &in);
    Reply serviceInfo(const QJsonObject &in) const;
    Reply deleteService(const QJsonObject &in);
    Reply makeVoiceMessage(const QJsonObject &in);
    Reply callInfo(const QJsonObject &in) const;
    Reply callHistory(const QJsonObject &in) const;
    Reply sipAttributes(const QByteArray &body) const;

    static void write(QTcpSocket *socket, const Reply &reply);
    static void writeFault(QTcpSocket *socket, const Fault &fault);
    static Reply json(int status, const QJsonObject &o);
    static Reply error(int status, const QString &message);

    SandboxOptions m_options;
    SandboxState m_state;
    LegacySandbox m_legacy;
    QList<FaultRule> m_rules;
    QHash<QString, int> m_requests;
    QHash<QString, int> m_callsTo;
    QList<qint64> m_recentCalls; // m_clock times of the calls in the last second
    QElapsedTimer m_clock;
    int m_rateLimited = 0;
    QRandomGenerator m_random;
    quint16 m_port = 0;
    QHash<QTcpSocket *, QByteArray> m_pending; // bytes of requests not complete yet, per connection
};

} // namespace vc::sandbox
