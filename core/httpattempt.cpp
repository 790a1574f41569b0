#include "httpattempt.h"

#include <QNetworkAccessManager>
#include <QNetworkRequest>

namespace vc {

namespace {
QByteArray headerValue(const QByteArray &headerBlock, const QByteArray &name)
{
    for (const QByteArray &line : headerBlock.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}
} // namespace

// ---------------------------------------------------------------------------------------------- QNAM

QnamAttempt::QnamAttempt(QNetworkAccessManager *nam, const HttpCall &call, const HeaderList &headers,
                         const AttemptLimits &limits, QObject *parent)
    : HttpAttempt(parent), m_nam(nam), m_call(call), m_headers(headers), m_limits(limits)
{
}

QnamAttempt::~QnamAttempt()
{
    if (m_reply) {
        m_reply->disconnect(this);
        if (!m_done)
            m_reply->abort();
        m_reply->deleteLater();
    }
}

void QnamAttempt::start()
{
    QNetworkRequest request(m_call.url);
    for (const auto &[name, value] : m_headers)
        request.setRawHeader(name, value);
    if (!m_call.body.isEmpty() || m_call.verb == "POST")
        request.setHeader(QNetworkRequest::ContentTypeHeader, m_call.contentType);
    // The key must never follow a redirect to another host: a 3xx is reported, not followed.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(m_limits.inactivityMs);
    if (m_call.verb == "GET")
        m_reply = m_nam->get(request);
    else
        m_reply = m_nam->sendCustomRequest(request, m_call.verb, m_call.body);
    connect(m_reply.data(), &QNetworkReply::downloadProgress, this, [this](qint64 received, qint64 total) {
        m_received = received;
        if (received > m_limits.maxResponseBytes || total > m_limits.maxResponseBytes)
            abortWith(ApiError::Kind::MalformedResponse, QStringLiteral("response larger than %1 bytes").arg(m_limits.maxResponseBytes));
    });
    connect(m_reply.data(), &QNetworkReply::finished, this, &QnamAttempt::onFinished);
}

void QnamAttempt::abortWith(ApiError::Kind kind, const QString &reason)
{
    if (m_done || !m_reply)
        return;
    m_abortKind = kind;
    m_abortReason = reason;
    m_reply->abort(); // emits finished synchronously
}

void QnamAttempt::onFinished()
{
    if (m_done)
        return;
    m_done = true;
    QNetworkReply *reply = m_reply.data();
    AttemptResult r;
    r.bytesSent = m_call.body.size();
    r.mayHaveReachedServer = true;
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (m_abortKind) {
        r.failure = *m_abortKind;
        r.errorString = m_abortReason;
        r.bytesReceived = m_received;
    } else if (status.isValid() && reply->error() > QNetworkReply::NoError &&
               reply->error() < QNetworkReply::ProxyConnectionRefusedError) {
        // Headers arrived, then the connection failed: the answer is cut off.
        r.failure = ApiError::Kind::MalformedResponse;
        r.errorString = reply->errorString();
        r.bytesReceived = m_received;
    } else if (status.isValid()) {
        r.answered = true;
        r.status = status.toInt();
        r.body = reply->readAll();
        r.bytesReceived = r.body.size();
        r.retryAfter = reply->rawHeader("Retry-After");
    } else {
        const auto error = reply->error();
        r.errorString = reply->errorString();
        r.mayHaveReachedServer = error != QNetworkReply::ConnectionRefusedError && error != QNetworkReply::HostNotFoundError;
        if (error == QNetworkReply::OperationCanceledError || error == QNetworkReply::TimeoutError)
            r.failure = ApiError::Kind::Timeout; // transferTimeout: nothing moved for inactivityMs
        else if (error == QNetworkReply::SslHandshakeFailedError)
            r.failure = ApiError::Kind::Tls;
        else
            r.failure = ApiError::Kind::Network;
    }
    Q_EMIT finished(r);
}

// -------------------------------------------------------------------------------------------- socket

SocketAttempt::SocketAttempt(const HttpCall &call, const HeaderList &headers, const AttemptLimits &limits,
                             QObject *parent)
    : HttpAttempt(parent), m_call(call), m_headers(headers), m_limits(limits)
{
    m_inactivity.setSingleShot(true);
    m_inactivity.setInterval(m_limits.inactivityMs);
    connect(&m_inactivity, &QTimer::timeout, this, [this] {
        fail(ApiError::Kind::Timeout, QStringLiteral("no data for %1 ms").arg(m_limits.inactivityMs));
    });
}

void SocketAttempt::start()
{
    m_socket = new QSslSocket(this);
    const bool tls = m_call.url.scheme() == QLatin1String("https");
    connect(m_socket, &QSslSocket::readyRead, this, &SocketAttempt::onReadyRead);
    connect(m_socket, &QSslSocket::disconnected, this, &SocketAttempt::onDisconnected);
    connect(m_socket, &QSslSocket::errorOccurred, this, &SocketAttempt::onSocketError);
    connect(m_socket, &QSslSocket::bytesWritten, this, [this](qint64 n) {
        m_sent += n;
        m_inactivity.start();
    });
    // TLS errors are never ignored: an unverified peer ends the handshake with an error.
    if (tls) {
        connect(m_socket, &QSslSocket::encrypted, this, &SocketAttempt::sendRequest);
        m_socket->connectToHostEncrypted(m_call.url.host(), quint16(m_call.url.port(443)));
    } else {
        connect(m_socket, &QSslSocket::connected, this, &SocketAttempt::sendRequest);
        m_socket->connectToHost(m_call.url.host(), quint16(m_call.url.port(80)));
    }
    m_inactivity.start();
}

void SocketAttempt::sendRequest()
{
    QByteArray target = m_call.url.path(QUrl::FullyEncoded).toLatin1();
    if (target.isEmpty())
        target = "/";
    if (m_call.url.hasQuery())
        target += '?' + m_call.url.query(QUrl::FullyEncoded).toLatin1();
    QByteArray host = m_call.url.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']';
    const int defaultPort = m_call.url.scheme() == QLatin1String("https") ? 443 : 80;
    if (m_call.url.port(defaultPort) != defaultPort)
        host += ':' + QByteArray::number(m_call.url.port());
    QByteArray request = m_call.verb + ' ' + target + " HTTP/1.1\r\nHost: " + host +
                         "\r\nConnection: close\r\nAccept: application/json\r\n";
    for (const auto &[name, value] : m_headers)
        request += name + ": " + value + "\r\n";
    if (m_call.verb != "GET") {
        request += "Content-Type: " + m_call.contentType + "\r\n";
        request += "Content-Length: " + QByteArray::number(m_call.body.size()) + "\r\n";
    }
    request += "\r\n" + m_call.body;
    m_written = true;
    m_socket->write(request);
    m_inactivity.start();
}

void SocketAttempt::onReadyRead()
{
    m_buffer += m_socket->readAll();
    m_inactivity.start();
    if (m_buffer.size() > m_limits.maxResponseBytes + 64 * 1024) {
        fail(ApiError::Kind::MalformedResponse, QStringLiteral("response larger than %1 bytes").arg(m_limits.maxResponseBytes));
        return;
    }
    tryParse(false);
}

void SocketAttempt::onDisconnected()
{
    if (m_done)
        return;
    m_buffer += m_socket->readAll();
    if (tryParse(true))
        return;
    fail(ApiError::Kind::Network, m_buffer.isEmpty() ? QStringLiteral("connection closed before the answer")
                                                     : QStringLiteral("connection closed in the middle of the answer"));
}

void SocketAttempt::onSocketError(QAbstractSocket::SocketError error)
{
    if (m_done || error == QAbstractSocket::RemoteHostClosedError)
        return; // disconnected() decides whether the answer was complete
    if (error == QAbstractSocket::SslHandshakeFailedError)
        fail(ApiError::Kind::Tls, m_socket->errorString());
    else if (error == QAbstractSocket::SocketTimeoutError)
        fail(ApiError::Kind::Timeout, m_socket->errorString());
    else
        fail(ApiError::Kind::Network, m_socket->errorString());
}

bool SocketAttempt::tryParse(bool closed)
{
    if (m_done)
        return true;
    const qsizetype headerEnd = m_buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return false;
    const QByteArray head = m_buffer.left(headerEnd);
    const qsizetype lineEnd = head.indexOf("\r\n");
    const QByteArray statusLine = lineEnd < 0 ? head : head.left(lineEnd);
    const QList<QByteArray> parts = statusLine.split(' ');
    bool statusOk = false;
    const int status = parts.size() >= 2 ? parts.at(1).toInt(&statusOk) : 0;
    if (!statusLine.startsWith("HTTP/1.") || !statusOk || status < 100 || status > 599) {
        fail(ApiError::Kind::MalformedResponse, QStringLiteral("not an HTTP answer"));
        return true;
    }
    const QByteArray headers = lineEnd < 0 ? QByteArray() : head.mid(lineEnd + 2);
    if (status >= 100 && status < 200) { // 100 Continue and friends: the real answer follows
        m_buffer.remove(0, headerEnd + 4);
        return tryParse(closed);
    }
    const QByteArray rawBody = m_buffer.mid(headerEnd + 4);
    AttemptResult r;
    r.answered = true;
    r.status = status;
    r.retryAfter = headerValue(headers, "Retry-After");
    r.mayHaveReachedServer = true;
    r.bytesSent = m_sent;
    r.bytesReceived = m_buffer.size();

    if (headerValue(headers, "Transfer-Encoding").toLower().contains("chunked")) {
        QByteArray body;
        qsizetype pos = 0;
        while (true) {
            const qsizetype sizeEnd = rawBody.indexOf("\r\n", pos);
            if (sizeEnd < 0)
                break;
            bool ok = false;
            const qint64 size = rawBody.mid(pos, sizeEnd - pos).split(';').first().trimmed().toLongLong(&ok, 16);
            if (!ok || size < 0) {
                fail(ApiError::Kind::MalformedResponse, QStringLiteral("bad chunk size"));
                return true;
            }
            if (size == 0) {
                r.body = body;
                finish(r);
                return true;
            }
            if (rawBody.size() < sizeEnd + 2 + size + 2)
                break;
            body += rawBody.mid(sizeEnd + 2, size);
            pos = sizeEnd + 2 + size + 2;
        }
        if (closed)
            fail(ApiError::Kind::MalformedResponse, QStringLiteral("the answer was cut off"));
        return closed;
    }
    const QByteArray lengthText = headerValue(headers, "Content-Length");
    if (!lengthText.isEmpty()) {
        bool ok = false;
        const qint64 length = lengthText.toLongLong(&ok);
        if (!ok || length < 0) {
            fail(ApiError::Kind::MalformedResponse, QStringLiteral("bad Content-Length"));
            return true;
        }
        if (length > m_limits.maxResponseBytes) {
            fail(ApiError::Kind::MalformedResponse, QStringLiteral("response larger than %1 bytes").arg(m_limits.maxResponseBytes));
            return true;
        }
        if (rawBody.size() >= length) {
            r.body = rawBody.left(length);
            finish(r);
            return true;
        }
        if (closed)
            fail(ApiError::Kind::MalformedResponse, QStringLiteral("the answer was cut off (%1 of %2 bytes)").arg(rawBody.size()).arg(length));
        return closed;
    }
    if (status == 204 || status == 304 || closed) {
        r.body = rawBody;
        finish(r);
        return true;
    }
    return false;
}

void SocketAttempt::finish(AttemptResult result)
{
    if (m_done)
        return;
    m_done = true;
    m_inactivity.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
    Q_EMIT finished(result);
}

void SocketAttempt::fail(ApiError::Kind kind, const QString &reason)
{
    AttemptResult r;
    r.failure = kind;
    r.errorString = reason;
    r.mayHaveReachedServer = m_written;
    r.bytesSent = m_sent;
    r.bytesReceived = m_buffer.size();
    finish(r);
}

void SocketAttempt::abortWith(ApiError::Kind kind, const QString &reason)
{
    fail(kind, reason);
}

} // namespace vc
