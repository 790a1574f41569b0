#include "net/httpattempt.h"

#include "net/connectionpool.h"
#include "net/proxy.h"

#include <QCryptographicHash>
#include <QSslConfiguration>

#include <algorithm>

namespace vc {

namespace {
// A header value with CR, LF or another control character could add headers of its own.
bool isSafeHeaderValue(const QByteArray &value)
{
    return std::none_of(value.begin(), value.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return (u < 0x20 && u != '\t') || u == 0x7f;
    });
}
} // namespace

bool HttpAttempt::isLoopbackPeer(const QHostAddress &peer)
{
    return isLoopbackAddress(peer);
}

namespace {
// Who the proxy lets through: its user and a digest of the password, so that a tunnel opened with other
// credentials is never reused. Empty without credentials.
QString proxyIdentity(const QNetworkProxy &proxy)
{
    if (proxy.user().isEmpty())
        return {};
    const QByteArray digest = QCryptographicHash::hash(proxy.password().toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    return proxy.user() + u':' + QString::fromLatin1(digest);
}
} // namespace

HttpAttempt::HttpAttempt(const HttpCall &call, const HeaderList &headers, const AttemptLimits &limits,
                         ConnectionPool *pool, const QNetworkProxy &proxy, QObject *parent)
    : QObject(parent), m_call(call), m_headers(headers), m_limits(limits),
      m_parser(HttpResponseParser::Limits{64 * 1024, 8, limits.maxResponseBytes, 1024}),
      m_pool(call.retriable ? pool : nullptr), m_proxy(proxy),
      m_poolKey(ConnectionPool::key(call.url, proxyDisplay(proxy), proxyIdentity(proxy)))
{
    m_inactivity.setSingleShot(true);
    m_inactivity.setInterval(m_limits.inactivityMs);
    connect(&m_inactivity, &QTimer::timeout, this, [this] {
        fail(ApiError::Kind::Timeout, QStringLiteral("no data for %1 ms").arg(m_limits.inactivityMs));
    });
}

void HttpAttempt::start()
{
    for (const auto &header : std::as_const(m_headers)) {
        if (!isSafeHeaderValue(header.second) || !isSafeHeaderValue(header.first)) {
            // Nothing was sent; reported through the event loop like every other outcome.
            QTimer::singleShot(0, this, [this] {
                fail(ApiError::Kind::Configuration, QStringLiteral("a request header contains a control character"));
            });
            return;
        }
    }
    if (m_pool) {
        if (QTcpSocket *kept = m_pool->take(m_poolKey)) {
            m_reused = true;
            useSocket(kept);
            sendRequest();
            return;
        }
    }
    connectFresh();
}

void HttpAttempt::useSocket(QTcpSocket *socket)
{
    m_socket = socket;
    m_socket->setParent(this);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpAttempt::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpAttempt::onDisconnected);
    connect(m_socket, &QTcpSocket::errorOccurred, this, &HttpAttempt::onSocketError);
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this](qint64 n) {
        m_sent += n;
        m_inactivity.start();
    });
}

void HttpAttempt::connectFresh()
{
    const bool tls = m_call.url.scheme() == QLatin1String("https");
    // A TLS socket only for https: making one loads the TLS backend (OpenSSL and its certificate store,
    // some 4 MiB resident), which plain http to this computer — the sandbox — never needs.
    QSslSocket *secure = tls ? new QSslSocket(this) : nullptr;
    useSocket(secure ? secure : new QTcpSocket(this));
    // Always set: Qt's own default would pick a proxy from some variables and not others.
    m_socket->setProxy(m_proxy);
    // TLS errors are never ignored: an unverified peer ends the handshake with an error.
    if (secure) {
        if (!m_limits.extraCaCertificates.isEmpty()) {
            QSslConfiguration conf = secure->sslConfiguration();
            conf.addCaCertificates(m_limits.extraCaCertificates);
            secure->setSslConfiguration(conf);
        }
        connect(secure, &QSslSocket::encrypted, this, &HttpAttempt::sendRequest);
        secure->connectToHostEncrypted(m_call.url.host(), quint16(m_call.url.port(443)));
    } else {
        connect(m_socket, &QTcpSocket::connected, this, [this] {
            // Plain http only to this computer, judged by the address really connected to, not the
            // name: a hosts file may send "localhost" anywhere, and the key would go out in clear.
            const QHostAddress peer = m_socket->peerAddress();
            if (!isLoopbackPeer(peer))
                return fail(ApiError::Kind::Configuration,
                            QStringLiteral("plain http is only for this computer, but %1 is %2; nothing was sent")
                                .arg(m_call.url.host(), peer.toString()));
            sendRequest();
        });
        m_socket->connectToHost(m_call.url.host(), quint16(m_call.url.port(80)));
    }
    m_inactivity.start();
}

bool HttpAttempt::retryOnFreshConnection()
{
    if (!m_reused || m_done || m_parser.bytesReceived() > 0)
        return false;
    m_reused = false;
    m_socket->disconnect(this);
    m_socket->abort();
    m_socket->deleteLater();
    m_socket = nullptr;
    m_written = false;
    m_sent = 0;
    connectFresh();
    return true;
}

void HttpAttempt::sendRequest()
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
    // The request goes out in one write; no reason to hold it back for Nagle.
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    QByteArray request = m_call.verb + ' ' + target + " HTTP/1.1\r\nHost: " + host +
                         (m_pool ? "\r\n" : "\r\nConnection: close\r\n") + "Accept: application/json\r\n";
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

void HttpAttempt::onReadyRead()
{
    m_inactivity.start();
    consume(m_parser.feed(m_socket->readAll()));
}

bool HttpAttempt::failedAtProxy(QAbstractSocket::SocketError error)
{
    if (error == QAbstractSocket::ProxyAuthenticationRequiredError) {
        fail(ApiError::Kind::ProxyAuth, QStringLiteral("the proxy %1 asks for credentials (407)").arg(proxyDisplay(m_proxy)));
        return true;
    }
    // Qt reports a proxy's 403 to CONNECT as SocketAccessError ("Proxy denied connection").
    const bool viaProxy = m_proxy.type() != QNetworkProxy::NoProxy && m_proxy.type() != QNetworkProxy::DefaultProxy;
    if (error == QAbstractSocket::ProxyConnectionRefusedError || error == QAbstractSocket::ProxyConnectionClosedError ||
        error == QAbstractSocket::ProxyConnectionTimeoutError || error == QAbstractSocket::ProxyNotFoundError ||
        error == QAbstractSocket::ProxyProtocolError || (viaProxy && error == QAbstractSocket::SocketAccessError)) {
        fail(ApiError::Kind::Proxy, QStringLiteral("proxy %1: %2").arg(proxyDisplay(m_proxy), m_socket->errorString()));
        return true;
    }
    return false;
}

void HttpAttempt::onDisconnected()
{
    if (m_done || retryOnFreshConnection())
        return;
    // Qt may say "disconnected" before the proxy's refusal arrives as an error.
    if (m_parser.bytesReceived() == 0 && failedAtProxy(m_socket->error()))
        return;
    if (m_parser.feed(m_socket->readAll()) != HttpResponseParser::State::NeedMore)
        return consume(m_parser.state());
    // Closed before a status line: the connection failed. After one: the answer was cut off.
    consume(m_parser.finish(), m_parser.status() == 0 ? ApiError::Kind::Network : ApiError::Kind::MalformedResponse);
}

void HttpAttempt::onSocketError(QAbstractSocket::SocketError error)
{
    if (m_done || error == QAbstractSocket::RemoteHostClosedError)
        return; // disconnected() decides whether the answer was complete
    if (retryOnFreshConnection())
        return;
    if (failedAtProxy(error))
        return;
    if (error == QAbstractSocket::SslHandshakeFailedError)
        fail(ApiError::Kind::Tls, m_socket->errorString());
    else if (error == QAbstractSocket::SocketTimeoutError)
        fail(ApiError::Kind::Timeout, m_socket->errorString());
    else
        fail(ApiError::Kind::Network, m_socket->errorString());
}

void HttpAttempt::consume(HttpResponseParser::State state, ApiError::Kind failure)
{
    if (m_done || state == HttpResponseParser::State::NeedMore)
        return;
    if (state == HttpResponseParser::State::Error)
        return fail(failure, m_parser.error());
    AttemptResult r;
    r.answered = true;
    r.status = m_parser.status();
    r.retryAfter = m_parser.header("Retry-After");
    r.mayHaveReachedServer = true;
    r.bytesSent = m_sent;
    r.bytesReceived = m_parser.bytesReceived();
    r.body = m_parser.body();
    finish(r);
}

void HttpAttempt::finish(AttemptResult result)
{
    if (m_done)
        return;
    m_done = true;
    m_inactivity.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        if (m_pool && result.answered && m_parser.connectionReusable() &&
            m_socket->state() == QAbstractSocket::ConnectedState && m_socket->bytesAvailable() == 0) {
            m_pool->put(m_poolKey, m_socket); // the pool owns it now
            m_socket = nullptr;
        } else {
            m_socket->abort();
        }
    }
    Q_EMIT finished(result);
}

void HttpAttempt::fail(ApiError::Kind kind, const QString &reason)
{
    AttemptResult r;
    r.failure = kind;
    r.errorString = reason;
    r.mayHaveReachedServer = m_written;
    r.bytesSent = m_sent;
    r.bytesReceived = m_parser.bytesReceived();
    finish(r);
}

void HttpAttempt::abortWith(ApiError::Kind kind, const QString &reason)
{
    fail(kind, reason);
}

} // namespace vc
