#include "net/connectionpool.h"

#include <QTcpSocket>

namespace vc {

ConnectionPool::ConnectionPool(QObject *parent) : QObject(parent)
{
    m_sweep.setInterval(kIdleMs / 2);
    connect(&m_sweep, &QTimer::timeout, this, &ConnectionPool::sweep);
}

ConnectionPool::~ConnectionPool()
{
    for (const Idle &i : m_idle) {
        i.socket->disconnect(this);
        i.socket->abort();
        delete i.socket;
    }
}

QString ConnectionPool::origin(const QUrl &url)
{
    const bool tls = url.scheme() == QLatin1String("https");
    return url.scheme() + QStringLiteral("://") + url.host(QUrl::FullyEncoded) + u':' +
           QString::number(url.port(tls ? 443 : 80));
}

QString ConnectionPool::key(const QUrl &url, const QString &proxy, const QString &proxyUser)
{
    return origin(url) + u'|' + proxy + u'|' + proxyUser;
}

QTcpSocket *ConnectionPool::take(const QString &key)
{
    // The most recently used first: the least likely to have been closed by the server meanwhile.
    for (size_t i = m_idle.size(); i-- > 0;) {
        if (m_idle[i].origin != key)
            continue;
        QTcpSocket *socket = m_idle[i].socket;
        const bool usable = socket->state() == QAbstractSocket::ConnectedState && socket->bytesAvailable() == 0 &&
                            !m_idle[i].since.hasExpired(kIdleMs);
        if (!usable) {
            drop(i);
            continue;
        }
        socket->disconnect(this);
        m_idle.erase(m_idle.begin() + qsizetype(i));
        socket->setParent(nullptr);
        if (m_idle.empty())
            m_sweep.stop();
        return socket;
    }
    return nullptr;
}

void ConnectionPool::put(const QString &key, QTcpSocket *socket)
{
    socket->setParent(this);
    // A connection the server closes (or sends anything unasked on) while idle is of no use any more.
    const auto unusable = [this, socket] {
        for (size_t i = 0; i < m_idle.size(); ++i) {
            if (m_idle[i].socket == socket)
                return drop(i);
        }
    };
    connect(socket, &QTcpSocket::disconnected, this, unusable);
    connect(socket, &QTcpSocket::readyRead, this, unusable);
    Idle idle{key, socket, {}};
    idle.since.start();
    m_idle.push_back(std::move(idle));
    int same = 0;
    for (size_t i = m_idle.size(); i-- > 0;) {
        if (m_idle[i].origin == key && ++same > kMaxIdlePerOrigin)
            drop(i);
    }
    if (!m_sweep.isActive())
        m_sweep.start();
}

void ConnectionPool::drop(size_t index)
{
    QTcpSocket *socket = m_idle[index].socket;
    m_idle.erase(m_idle.begin() + qsizetype(index));
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
    if (m_idle.empty())
        m_sweep.stop();
}

void ConnectionPool::sweep()
{
    for (size_t i = m_idle.size(); i-- > 0;) {
        if (m_idle[i].since.hasExpired(kIdleMs))
            drop(i);
    }
}

} // namespace vc
