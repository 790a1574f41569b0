#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QUrl>

#include <vector>

class QTcpSocket;

namespace vc {

// Idle kept-alive connections, per origin (scheme, host, port), for reads only: a list, a detail, a
// call's status. A read sent again on a fresh connection when a kept one turns out closed costs nothing;
// a request that changes state or costs money never takes a connection from here (it might meet a
// connection the server just closed and leave its outcome unknown), so it always opens its own.
class ConnectionPool final : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxIdlePerOrigin = 4;
    static constexpr int kIdleMs = 20000; // below the usual server keep-alive timeouts (nginx: 75 s)

    explicit ConnectionPool(QObject *parent = nullptr);
    ~ConnectionPool() override;

    // An open idle connection for this key (see key()), now owned by the caller; nullptr when there is none.
    QTcpSocket *take(const QString &key);
    // Keeps a connection whose last answer was complete and framed by itself, with nothing left unread.
    void put(const QString &key, QTcpSocket *socket);
    int idleCount() const { return int(m_idle.size()); }

    static QString origin(const QUrl &url);
    // The origin and the way there: a connection through one proxy (or with other proxy credentials:
    // `proxyUser` is the user and a digest of the password) never serves a request meant for another.
    static QString key(const QUrl &url, const QString &proxy, const QString &proxyUser);

private:
    struct Idle
    {
        QString origin;
        QTcpSocket *socket;
        QElapsedTimer since;
    };
    void drop(size_t index);
    void sweep();

    std::vector<Idle> m_idle;
    QTimer m_sweep;
};

} // namespace vc
