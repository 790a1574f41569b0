// The sandbox's HTTP side: the listening socket with its guards (a size cap and an idle timeout, as a
// real server has) and the reader of HTTP/1.1 requests, handed to SandboxServer one complete request at
// a time.
#include "sandboxserver.h"
#include "sandboxhttp_p.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <functional>

namespace vc::sandbox {

namespace {

// Hands the server its connections after putting two guards on each, as a real server has:
// a cap on what a client may send before it is answered, and an idle timeout. The guard's readyRead
// handler is connected first, so it sees every chunk before the HTTP parser buffers it.
class GuardedTcpServer final : public QTcpServer
{
public:
    GuardedTcpServer(qint64 maxBodyBytes, int idleTimeoutMs, std::function<void(QTcpSocket *)> accepted, QObject *parent)
        : QTcpServer(parent), m_maxBodyBytes(maxBodyBytes), m_idleTimeoutMs(idleTimeoutMs), m_accepted(std::move(accepted))
    {
    }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        auto *idle = new QTimer(socket);
        idle->setSingleShot(true);
        idle->setInterval(m_idleTimeoutMs);
        connect(idle, &QTimer::timeout, socket, [socket] {
            qCDebug(lcSandbox) << "closing an idle connection";
            socket->disconnectFromHost();
        });
        connect(socket, &QTcpSocket::bytesWritten, idle, [idle] { idle->start(); });
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket, idle] {
            idle->start();
            const qint64 received = socket->property(kReceived).toLongLong() + socket->bytesAvailable();
            socket->setProperty(kReceived, received);
            // Headers and a body of at most maxBodyBytes (the API's bodies are a few hundred bytes).
            if (received > m_maxBodyBytes + 64 * 1024 && !socket->property(kRefused).toBool()) {
                socket->setProperty(kRefused, true);
                const QByteArray body = R"({"error":"request body too large"})";
                socket->write("HTTP/1.1 413 Payload Too Large\r\nContent-Type: application/json\r\nConnection: close\r\n"
                              "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
                socket->disconnectFromHost(); // also stops reading: the rest is never buffered
            }
        });
        idle->start();
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        m_accepted(socket);
    }

private:
    qint64 m_maxBodyBytes;
    int m_idleTimeoutMs;
    std::function<void(QTcpSocket *)> m_accepted;
};

} // namespace

QByteArray SandboxRequest::value(const QByteArray &name) const
{
    for (const auto &[n, v] : headers) {
        if (n.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    }
    return {};
}

quint16 SandboxServer::start(quint16 port)
{
    auto *tcp = new GuardedTcpServer(m_options.maxBodyBytes, m_options.idleTimeoutMs, [this](QTcpSocket *socket) {
        // After the guard's own handler: it sees (and may refuse) every chunk first.
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readRequests(socket); });
        connect(socket, &QObject::destroyed, this, [this, socket] { m_pending.remove(socket); });
    }, this);
    if (!tcp->listen(QHostAddress::LocalHost, port)) {
        delete tcp;
        return 0;
    }
    m_port = tcp->serverPort();
    return m_port;
}

void SandboxServer::readRequests(QTcpSocket *socket)
{
    QByteArray &buffer = m_pending[socket];
    buffer += socket->readAll();
    const auto refuse = [this, socket](int status, const QString &why) {
        socket->setProperty("vc_close", true);
        write(socket, error(status, why));
        m_pending.remove(socket);
    };
    while (!socket->property(kRefused).toBool() && socket->state() == QAbstractSocket::ConnectedState) {
        // A request starts with its method's capital letters: anything else (a TLS handshake, garbage) is
        // refused at once rather than waited on.
        qsizetype i = 0;
        while (i < buffer.size() && i < 16 && buffer.at(i) >= 'A' && buffer.at(i) <= 'Z')
            ++i;
        if ((i < buffer.size() && buffer.at(i) != ' ') || i >= 16)
            return refuse(400, QStringLiteral("not an HTTP request"));
        const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            if (buffer.size() > 64 * 1024)
                refuse(431, QStringLiteral("request header fields too large"));
            return;
        }
        const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
        const QList<QByteArray> start = lines.constFirst().trimmed().split(' ');
        if (start.size() != 3 || !start.at(2).startsWith("HTTP/1."))
            return refuse(400, QStringLiteral("malformed request line"));
        SandboxRequest request;
        request.method = start.at(0);
        request.url = QUrl(QString::fromLatin1(start.at(1)));
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            if (colon > 0)
                request.headers.append({lines.at(i).left(colon).trimmed(), lines.at(i).mid(colon + 1).trimmed()});
        }
        if (!request.value("Transfer-Encoding").isEmpty())
            return refuse(411, QStringLiteral("a body needs Content-Length"));
        bool ok = true;
        const QByteArray lengthText = request.value("Content-Length");
        const qint64 length = lengthText.isEmpty() ? 0 : lengthText.toLongLong(&ok);
        if (!ok || length < 0 || length > m_options.maxBodyBytes)
            return refuse(ok && length > 0 ? 413 : 400, QStringLiteral("bad Content-Length"));
        if (buffer.size() < headEnd + 4 + length)
            return; // the rest of the body is on its way
        request.body = buffer.mid(headEnd + 4, length);
        buffer.remove(0, headEnd + 4 + length);
        if (start.at(2) == "HTTP/1.0" && request.value("Connection").toLower() != "keep-alive")
            socket->setProperty("vc_close", true);
        if (!handleRequest(request, socket))
            missingHandler(request, socket);
    }
}

} // namespace vc::sandbox
