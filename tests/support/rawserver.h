#pragma once

#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <cstring>
#include <functional>

namespace vc::test {

// A hostile or broken server on 127.0.0.1: reads each request whole (headers and Content-Length body),
// counts it, and answers with whatever bytes `answer` gives (an empty answer closes the connection
// without a word). Lets a test say exactly what came over the wire.
class RawServer final : public QTcpServer
{
public:
    explicit RawServer(std::function<QByteArray(const QByteArray &request)> answer) : m_answer(std::move(answer))
    {
        listen(QHostAddress::LocalHost, 0);
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                ++m_connections;
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { onData(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }

    // `count` interim "100 Continue" answers followed by `answer`: the flood that once overflowed the stack.
    static QByteArray interimFlood(int count, const QByteArray &answer)
    {
        static constexpr char kContinue[] = "HTTP/1.1 100 Continue\r\n\r\n";
        constexpr qsizetype size = sizeof kContinue - 1;
        QByteArray flood(count * size, '\0');
        for (qsizetype i = 0; i < flood.size(); i += size)
            memcpy(flood.data() + i, kContinue, size);
        return flood + answer;
    }

    QString url(const QString &scheme = QStringLiteral("http")) const
    {
        return QStringLiteral("%1://127.0.0.1:%2").arg(scheme).arg(serverPort());
    }
    // Sends the last `bytes` of each answer `delayMs` later, in a segment of their own.
    void setSplitTail(int bytes, int delayMs)
    {
        m_tailBytes = bytes;
        m_tailDelayMs = delayMs;
    }
    // Keep each connection open after an answer (HTTP keep-alive) instead of closing it.
    void setKeepAlive(bool keep) { m_keepAlive = keep; }
    // Closes every open connection, as a server does with idle kept-alive ones.
    void closeAll()
    {
        const auto sockets = findChildren<QTcpSocket *>();
        for (QTcpSocket *socket : sockets)
            socket->disconnectFromHost();
    }
    int requests() const { return m_requests; }
    int connections() const { return m_connections; }
    const QList<QByteArray> &received() const { return m_received; }

private:
    void onData(QTcpSocket *socket)
    {
        QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
        while (true) {
            const qsizetype end = buffer.indexOf("\r\n\r\n");
            if (end < 0)
                break;
            qsizetype length = 0;
            for (const QByteArray &line : buffer.left(end).split('\n')) {
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
            }
            if (buffer.size() < end + 4 + length)
                break;
            const QByteArray request = buffer.left(end + 4 + length);
            buffer.remove(0, request.size());
            ++m_requests;
            m_received.append(request);
            const QByteArray answer = m_answer(request);
            if (answer.isEmpty()) {
                socket->abort();
                return;
            }
            if (m_tailBytes > 0 && answer.size() > m_tailBytes) {
                socket->write(answer.first(answer.size() - m_tailBytes));
                socket->flush();
                const QByteArray tail = answer.last(m_tailBytes);
                QTimer::singleShot(m_tailDelayMs, socket, [this, socket, tail] {
                    socket->write(tail);
                    if (!m_keepAlive)
                        socket->disconnectFromHost();
                });
                continue;
            }
            socket->write(answer);
            if (!m_keepAlive)
                socket->disconnectFromHost();
        }
        socket->setProperty("buffer", buffer);
    }

    std::function<QByteArray(const QByteArray &)> m_answer;
    int m_requests = 0;
    int m_connections = 0;
    bool m_keepAlive = false;
    int m_tailBytes = 0;
    int m_tailDelayMs = 0;
    QList<QByteArray> m_received;
};

} // namespace vc::test
