// Plain http is trusted by the address really connected to, never by the name: in a network and mount
// namespace of its own, this test maps "localhost" in /etc/hosts to 192.0.2.1 (an address on its own
// private loopback device) and checks that the API key never goes out in clear text there.
#include "exolve/exolveclient.h"
#include "support/await.h"

#include <QCoreApplication>
#include <QFile>
#include <QHostInfo>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#if defined(Q_OS_LINUX)
#include <sched.h>
#include <sys/mount.h>
#include <unistd.h>
#endif

using namespace vc;
using vc::test::await;

namespace {
const QString kKey = QStringLiteral("plain-http-canary-key");
QString g_isolation = QStringLiteral("not tried");

// Before Qt starts a thread: unshare() applies to the calling thread only.
bool isolate(const QString &hostsFile)
{
#if defined(Q_OS_LINUX)
    if (geteuid() != 0)
        return g_isolation = QStringLiteral("needs root for its own namespaces"), false;
    if (unshare(CLONE_NEWNET | CLONE_NEWNS) != 0)
        return g_isolation = QStringLiteral("unshare failed"), false;
    if (mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0)
        return g_isolation = QStringLiteral("mount --make-rprivate failed"), false;
    if (std::system("ip link set lo up && ip addr add 192.0.2.1/32 dev lo") != 0)
        return g_isolation = QStringLiteral("ip failed"), false;
    QFile hosts(hostsFile);
    if (!hosts.open(QIODevice::WriteOnly) || hosts.write("192.0.2.1 localhost\n") < 0)
        return false;
    hosts.close();
    if (mount(qPrintable(hostsFile), "/etc/hosts", nullptr, MS_BIND, nullptr) != 0)
        return g_isolation = QStringLiteral("bind mount of /etc/hosts failed"), false;
    return true;
#else
    Q_UNUSED(hostsFile);
    return g_isolation = QStringLiteral("Linux only"), false;
#endif
}
bool g_isolated = false;
} // namespace

class TestPlainHttpPeer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keyNeverGoesToAPeerThatIsNotLoopback()
    {
        if (!g_isolated)
            QSKIP(qPrintable(QStringLiteral("no namespace of its own: ") + g_isolation));
        const QHostInfo resolved = QHostInfo::fromName(QStringLiteral("localhost"));
        QVERIFY(!resolved.addresses().isEmpty());
        QCOMPARE(resolved.addresses().constFirst(), QHostAddress(QStringLiteral("192.0.2.1")));

        QTcpServer server;
        QVERIFY(server.listen(QHostAddress(QStringLiteral("192.0.2.1")), 0));
        QByteArray received;
        int connections = 0;
        connect(&server, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *s = server.nextPendingConnection()) {
                ++connections;
                connect(s, &QTcpSocket::readyRead, s, [s, &received] { received += s->readAll(); });
            }
        });
        HttpTransport transport;
        ExolveClient client(&transport);
        client.setBaseUrl(QUrl(QStringLiteral("http://localhost:%1").arg(server.serverPort())));
        client.setApiKey(kKey);
        const auto list = *await<QList<VoiceService>>([&](auto done) { client.listServices(this, done); }, 10000);
        QVERIFY(!list.ok());
        QCOMPARE(list.error().kind, ApiError::Kind::Configuration);
        const auto placed = *await<QString>([&](auto done) {
            client.makeVoiceMessage({QStringLiteral("74959999999"), QStringLiteral("79261234567"), QStringLiteral("1")}, this, done);
        }, 10000);
        QVERIFY(!placed.ok());
        QVERIFY(!placed.error().outcomeUnknown); // nothing was written: certainly not placed
        QTest::qWait(200);
        QVERIFY(connections > 0); // it did connect, and then wrote nothing
        QVERIFY2(received.isEmpty(), received.constData());
    }
};

int main(int argc, char **argv)
{
    QTemporaryDir dir;
    g_isolated = dir.isValid() && isolate(dir.filePath(QStringLiteral("hosts")));
    QCoreApplication app(argc, argv);
    TestPlainHttpPeer test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_plainhttppeer.moc"
