// voice-sandbox behaves as a real server does towards a client that never stops sending or never sends:
// a request body above the cap gets 413 and the connection closes before the rest is read; an idle
// connection is closed.
#include "sandboxserver.h"

#include <QTcpSocket>
#include <QTest>

using namespace vc::sandbox;

class TestSandboxLimits : public QObject
{
    Q_OBJECT
    std::unique_ptr<SandboxServer> m_server;

    void start(qint64 maxBody, int idleMs)
    {
        SandboxOptions o;
        o.maxBodyBytes = maxBody;
        o.idleTimeoutMs = idleMs;
        m_server = std::make_unique<SandboxServer>(o);
        QVERIFY(m_server->start(0));
    }
    QByteArray post(const QByteArray &body)
    {
        return "POST /voice-message/v1/GetList HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer sandbox-key\r\n"
               "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    }

private Q_SLOTS:
    void cleanup() { m_server.reset(); }

    void hugeBodyIsRefusedWith413BeforeItIsRead()
    {
        start(1024 * 1024, 60000);
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_server->port());
        QVERIFY(socket.waitForConnected(5000));
        const qint64 announced = 50 * 1024 * 1024;
        socket.write("POST /voice-message/v1/GetList HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                     "Content-Length: " + QByteArray::number(announced) + "\r\n\r\n");
        const QByteArray chunk(64 * 1024, ' ');
        qint64 sent = 0;
        QByteArray answer;
        // Keep sending, as a hostile client would, until the server answers or closes.
        while (sent < announced && socket.state() == QAbstractSocket::ConnectedState && answer.isEmpty()) {
            if (socket.bytesToWrite() < 1024 * 1024) {
                socket.write(chunk);
                sent += chunk.size();
            }
            QTest::qWait(1);
            answer += socket.readAll();
        }
        QTRY_VERIFY_WITH_TIMEOUT(answer.contains("\r\n\r\n") || (answer += socket.readAll()).contains("\r\n\r\n"), 5000);
        QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.left(200).constData());
        QVERIFY2(sent < 8 * 1024 * 1024, qPrintable(QString::number(sent)));
        QTRY_VERIFY_WITH_TIMEOUT(socket.state() == QAbstractSocket::UnconnectedState, 5000);
        QCOMPARE(m_server->requestCount(QStringLiteral("voice-message/v1/GetList")), 0);
    }

    void manyOrdinaryRequestsOnOneConnectionStayUnderTheCap()
    {
        start(64 * 1024, 60000);
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_server->port());
        QVERIFY(socket.waitForConnected(5000));
        for (int i = 0; i < 20; ++i) {
            socket.write(post("{\"padding\":\"" + QByteArray(30 * 1024, 'x') + "\"}"));
            QByteArray answer;
            QTRY_VERIFY_WITH_TIMEOUT((answer += socket.readAll()).contains("\r\n\r\n"), 5000);
            QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.left(100).constData());
            QTRY_VERIFY_WITH_TIMEOUT((answer += socket.readAll()).endsWith("}"), 5000);
        }
        QCOMPARE(m_server->requestCount(QStringLiteral("voice-message/v1/GetList")), 20);
    }

    void idleConnectionIsClosed()
    {
        start(1024 * 1024, 300);
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_server->port());
        QVERIFY(socket.waitForConnected(5000));
        QTRY_VERIFY_WITH_TIMEOUT(socket.state() == QAbstractSocket::UnconnectedState, 3000);
        // A busy connection is not idle.
        QTcpSocket busy;
        busy.connectToHost(QHostAddress::LocalHost, m_server->port());
        QVERIFY(busy.waitForConnected(5000));
        for (int i = 0; i < 5; ++i) {
            busy.write(post("{}"));
            QTest::qWait(150);
            busy.readAll();
            QCOMPARE(busy.state(), QAbstractSocket::ConnectedState);
        }
    }
};

QTEST_GUILESS_MAIN(TestSandboxLimits)
#include "tst_sandboxlimits.moc"
