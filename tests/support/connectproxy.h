#pragma once

#include <QTcpServer>
#include <QTcpSocket>

namespace vc::test {

// An HTTP CONNECT proxy on 127.0.0.1 for the tests: it reads the CONNECT request, may ask for Basic
// credentials (407), may refuse (403), then pipes bytes both ways to the target, which must be on this
// machine. It records what it was asked, and dropTunnels() cuts every open tunnel (say, once the origin
// has the request: a request written, the answer never coming back).
class ConnectProxy final : public QTcpServer
{
public:
    enum class Mode { Tunnel, Refuse };

    explicit ConnectProxy(Mode mode = Mode::Tunnel) : m_mode(mode)
    {
        listen(QHostAddress::LocalHost, 0);
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *client = nextPendingConnection()) {
                connect(client, &QTcpSocket::readyRead, client, [this, client] { onClientData(client); });
                connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
            }
        });
    }
    // Basic credentials the proxy insists on; empty: none asked.
    void requireCredentials(const QByteArray &user, const QByteArray &password)
    {
        m_expected = "Basic " + QByteArray(user + QByteArray(":") + password).toBase64();
    }
    void dropTunnels()
    {
        const auto sockets = findChildren<QTcpSocket *>();
        for (QTcpSocket *s : sockets) {
            if (s->property("tunnel").toBool())
                s->abort();
        }
    }
    // A name the proxy takes to be this machine (as a real proxy resolves the API's name).
    void routeToLoopback(const QByteArray &host) { m_routes.append(host); }
    QString address() const { return QStringLiteral("127.0.0.1:%1").arg(serverPort()); }
    QString url() const { return QStringLiteral("http://") + address(); }
    int connects() const { return m_connects; }                 // CONNECT requests seen
    int tunnels() const { return m_tunnels; }                   // tunnels opened
    int challenged() const { return m_challenged; }             // 407s sent
    const QList<QByteArray> &targets() const { return m_targets; } // "host:port" of each CONNECT
    QByteArray lastAuthorization() const { return m_lastAuthorization; }

private:
    void onClientData(QTcpSocket *client)
    {
        if (client->property("tunnel").toBool())
            return; // the pipe below reads it
        QByteArray head = client->property("head").toByteArray() + client->readAll();
        const qsizetype end = head.indexOf("\r\n\r\n");
        if (end < 0) {
            client->setProperty("head", head);
            return;
        }
        const QByteArray rest = head.mid(end + 4);
        head.truncate(end);
        const QList<QByteArray> lines = head.split('\n');
        const QList<QByteArray> request = lines.value(0).trimmed().split(' ');
        ++m_connects;
        QByteArray authorization;
        for (const QByteArray &line : lines) {
            if (line.toLower().startsWith("proxy-authorization:"))
                authorization = line.mid(20).trimmed();
        }
        m_lastAuthorization = authorization;
        if (request.size() < 3 || request.at(0) != "CONNECT") {
            client->write("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n");
            client->disconnectFromHost();
            return;
        }
        const QByteArray target = request.at(1);
        m_targets.append(target);
        if (m_mode == Mode::Refuse) {
            client->write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            client->disconnectFromHost();
            return;
        }
        if (!m_expected.isEmpty() && authorization != m_expected) {
            ++m_challenged;
            client->write("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
                          "Content-Length: 0\r\n\r\n");
            client->setProperty("head", QByteArray());
            return; // a client may answer on the same connection
        }
        const qsizetype colon = target.lastIndexOf(':');
        const QByteArray name = target.left(colon);
        const QHostAddress host = m_routes.contains(name) ? QHostAddress(QHostAddress::LocalHost) : QHostAddress(QString::fromLatin1(name));
        auto *upstream = new QTcpSocket(client);
        client->setProperty("tunnel", true);
        connect(upstream, &QTcpSocket::connected, client, [this, client, upstream, rest] {
            ++m_tunnels;
            client->write("HTTP/1.1 200 Connection established\r\n\r\n");
            if (!rest.isEmpty())
                upstream->write(rest);
            connect(client, &QTcpSocket::readyRead, upstream, [client, upstream] { upstream->write(client->readAll()); });
            connect(upstream, &QTcpSocket::readyRead, client, [client, upstream] { client->write(upstream->readAll()); });
            connect(upstream, &QTcpSocket::disconnected, client, [client] { client->disconnectFromHost(); });
        });
        connect(upstream, &QTcpSocket::errorOccurred, client, [client] {
            client->write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n");
            client->disconnectFromHost();
        });
        // Only this machine: a test proxy never reaches anywhere else.
        if (!host.isNull() && host.isLoopback())
            upstream->connectToHost(host, quint16(target.mid(colon + 1).toUInt()));
        else
            Q_EMIT upstream->errorOccurred(QAbstractSocket::HostNotFoundError);
    }

    Mode m_mode;
    QByteArray m_expected;
    QByteArray m_lastAuthorization;
    int m_connects = 0;
    int m_tunnels = 0;
    int m_challenged = 0;
    QList<QByteArray> m_targets;
    QList<QByteArray> m_routes;
};

} // namespace vc::test
