#pragma once

#include "common/apierror.h"
#include "net/httpresponseparser.h"
#include "net/requestlog.h"

#include <QElapsedTimer>
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
};

// One request on a connection of its own, written once: nothing below this class can send it again, so
// the number of requests on the wire is exactly the number of attempts the transport makes.
// (QNetworkAccessManager is not used: Qt 6.4 silently resends a request, reads and POSTs alike, when the
// server closes a connection without answering, and offers no way to turn that off.)
class HttpAttempt final : public QObject
{
    Q_OBJECT
public:
    HttpAttempt(const HttpCall &call, const HeaderList &headers, const AttemptLimits &limits, QObject *parent);
    void start();
    // Ends the attempt now, reporting `kind` (the transport's deadline uses Timeout).
    void abortWith(ApiError::Kind kind, const QString &reason);

Q_SIGNALS:
    void finished(const vc::AttemptResult &result);

private:
    void sendRequest();
    void onReadyRead();
    void onDisconnected();
    void onSocketError(QAbstractSocket::SocketError error);
    // Reports the parser's verdict once it has one.
    void consume(HttpResponseParser::State state,
                 ApiError::Kind failure = ApiError::Kind::MalformedResponse);
    void finish(AttemptResult result);
    void fail(ApiError::Kind kind, const QString &reason);

    HttpCall m_call;
    HeaderList m_headers;
    AttemptLimits m_limits;
    QSslSocket *m_socket = nullptr;
    QTimer m_inactivity;
    HttpResponseParser m_parser;
    bool m_written = false;
    bool m_done = false;
    qint64 m_sent = 0;
};

} // namespace vc
