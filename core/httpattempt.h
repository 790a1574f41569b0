#pragma once

#include "apierror.h"
#include "requestlog.h"

#include <QElapsedTimer>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QScopedPointer>
#include <QSslSocket>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;

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

class HttpAttempt : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    virtual void start() = 0;
    // Ends the attempt now, reporting `kind` (the transport's deadline uses Timeout).
    virtual void abortWith(ApiError::Kind kind, const QString &reason) = 0;

Q_SIGNALS:
    void finished(const vc::AttemptResult &result);
};

// Through QNetworkAccessManager: connection reuse, proxies, HTTP/2. Qt resends a request on its own when
// the server closes a kept-alive connection before answering, so this is used only for reads.
class QnamAttempt final : public HttpAttempt
{
    Q_OBJECT
public:
    QnamAttempt(QNetworkAccessManager *nam, const HttpCall &call, const HeaderList &headers,
                const AttemptLimits &limits, QObject *parent);
    ~QnamAttempt() override;
    void start() override;
    void abortWith(ApiError::Kind kind, const QString &reason) override;

private:
    void onFinished();

    QNetworkAccessManager *m_nam;
    HttpCall m_call;
    HeaderList m_headers;
    AttemptLimits m_limits;
    QPointer<QNetworkReply> m_reply; // owned by the QNAM; guarded because the QNAM may go first
    std::optional<ApiError::Kind> m_abortKind;
    QString m_abortReason;
    qint64 m_received = 0;
    bool m_done = false;
};

// One request on a connection of its own, written once: nothing below this class can send it again.
// Used for Create, Delete and MakeVoiceMessage.
class SocketAttempt final : public HttpAttempt
{
    Q_OBJECT
public:
    SocketAttempt(const HttpCall &call, const HeaderList &headers, const AttemptLimits &limits, QObject *parent);
    void start() override;
    void abortWith(ApiError::Kind kind, const QString &reason) override;

private:
    void sendRequest();
    void onReadyRead();
    void onDisconnected();
    void onSocketError(QAbstractSocket::SocketError error);
    // Returns true when a whole answer is in m_buffer (or, with closed, when the close ends it).
    bool tryParse(bool closed);
    void finish(AttemptResult result);
    void fail(ApiError::Kind kind, const QString &reason);

    HttpCall m_call;
    HeaderList m_headers;
    AttemptLimits m_limits;
    QSslSocket *m_socket = nullptr;
    QTimer m_inactivity;
    QByteArray m_buffer;
    bool m_written = false;
    bool m_done = false;
    qint64 m_sent = 0;
};

} // namespace vc
