#pragma once

#include "common/apierror.h"
#include "net/httpresponseparser.h"
#include "net/requestlog.h"

#include <QElapsedTimer>
#include <QNetworkProxy>
#include <QObject>
#include <QSslSocket>
#include <QTimer>
#include <QUrl>

namespace vc {

struct HttpCall
{
    QUrl url;
    QByteArray verb = QByteArrayLiteral("POST");
    QByteArray body;
    QByteArray contentType = QByteArrayLiteral("application/json");
    HeaderList headers;   // Authorization and the like; User-Agent is added by the transport
    bool retriable = false; // reads only: never set for a request that changes state or costs money
    QString logName;      // the API method, for the log
    bool secretAnswer = false; // the answer is itself a credential (a session id): never logged
};

// What one attempt produced: an HTTP answer, or the reason there is none.
struct AttemptResult
{
    bool answered = false;
    int status = 0;
    QByteArray body;
    QByteArray retryAfter;
    ApiError::Kind failure = ApiError::Kind::Network;
    QString errorString;
    bool mayHaveReachedServer = false;
    qint64 bytesSent = 0;
    qint64 bytesReceived = 0;
};

struct AttemptLimits
{
    int inactivityMs = 15000;
    qint64 maxResponseBytes = 16 * 1024 * 1024;
    QList<QSslCertificate> extraCaCertificates;
};

class ConnectionPool;

// One request, written once in a single write (headers and body together, TCP_NODELAY set). A request
// that changes state or costs money goes on a connection of its own, closed after the answer: nothing
// below this class can send it again, so such requests on the wire are exactly the attempts the
// transport makes. A read (HttpCall::retriable) may take a kept-alive connection from `pool` and give
// it back after a complete answer; when a kept connection turns out closed before any byte of the
// answer, the read goes again on a fresh connection, once, inside the same attempt.
// (QNetworkAccessManager is not used: Qt 6.4 silently resends a request, reads and POSTs alike, when the
// server closes a connection without answering, and offers no way to turn that off.)
class HttpAttempt final : public QObject
{
    Q_OBJECT
public:
    HttpAttempt(const HttpCall &call, const HeaderList &headers, const AttemptLimits &limits, ConnectionPool *pool,
                const QNetworkProxy &proxy, QObject *parent);
    void start();
    // Where plain http may go: a loopback address (IPv4, IPv6, or IPv4 mapped into IPv6).
    static bool isLoopbackPeer(const QHostAddress &peer);
    // Ends the attempt now, reporting `kind` (the transport's deadline uses Timeout).
    void abortWith(ApiError::Kind kind, const QString &reason);

Q_SIGNALS:
    void finished(const vc::AttemptResult &result);

private:
    void connectFresh();
    void useSocket(QTcpSocket *socket);
    // A kept connection closed under the request before any answer: true when it was sent again.
    bool retryOnFreshConnection();
    void sendRequest();
    void onReadyRead();
    void onDisconnected();
    void onSocketError(QAbstractSocket::SocketError error);
    // A proxy's refusal or request for credentials: true when reported (with its own kind).
    bool failedAtProxy(QAbstractSocket::SocketError error);
    // Reports the parser's verdict once it has one.
    void consume(HttpResponseParser::State state,
                 ApiError::Kind failure = ApiError::Kind::MalformedResponse);
    void finish(AttemptResult result);
    void fail(ApiError::Kind kind, const QString &reason);

    HttpCall m_call;
    HeaderList m_headers;
    AttemptLimits m_limits;
    QTcpSocket *m_socket = nullptr; // a QSslSocket for https
    QTimer m_inactivity;
    HttpResponseParser m_parser;
    ConnectionPool *m_pool = nullptr; // only for reads
    QNetworkProxy m_proxy;
    QString m_poolKey;
    bool m_reused = false;
    bool m_written = false;
    bool m_done = false;
    qint64 m_sent = 0;
};

} // namespace vc
