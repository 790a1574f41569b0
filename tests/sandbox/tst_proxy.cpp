// Proxies (issue 23.2): which proxy each request takes, from the environment or the operator's choice,
// and requests through a real CONNECT proxy on loopback to a TLS origin behind it: 407 with and without
// credentials, a proxy that refuses, a tunnel dropped after a paid request was written.
#include "exolve/exolveclient.h"
#include "net/proxy.h"
#include "support/await.h"
#include "support/connectproxy.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace vc;
using vc::test::await;
using vc::test::ConnectProxy;

namespace {
const QString kHost = QStringLiteral("api.proxy.test"); // never resolved here: only the proxy's CONNECT names it

// An HTTPS origin on loopback with a certificate for kHost, answering every request with `answer`.
class TlsOrigin final : public QSslServer
{
public:
    TlsOrigin(const QSslCertificate &cert, const QSslKey &key)
    {
        QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
        conf.setLocalCertificate(cert);
        conf.setPrivateKey(key);
        setSslConfiguration(conf);
        listen(QHostAddress::LocalHost, 0);
        connect(this, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (auto *s = qobject_cast<QSslSocket *>(nextPendingConnection())) {
                connect(s, &QSslSocket::readyRead, s, [this, s] {
                    const QByteArray data = s->property("buffer").toByteArray() + s->readAll();
                    const qsizetype end = data.indexOf("\r\n\r\n");
                    if (end < 0) {
                        s->setProperty("buffer", data);
                        return;
                    }
                    qsizetype length = 0;
                    for (const QByteArray &line : data.left(end).split('\n'))
                        if (line.toLower().startsWith("content-length:"))
                            length = line.mid(15).trimmed().toLongLong();
                    if (data.size() < end + 4 + length) {
                        s->setProperty("buffer", data);
                        return;
                    }
                    s->setProperty("buffer", QByteArray());
                    requests.append(data.left(end + 4 + length));
                    if (onRequest) {
                        onRequest();
                        return; // the answer never leaves
                    }
                    const QByteArray body = data.contains("MakeVoiceMessage") ? QByteArray(R"({"call_id":"77"})")
                                                                               : QByteArray(R"({"voice_message_list":[]})");
                    s->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
                             "\r\n\r\n" + body);
                });
                connect(s, &QSslSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }
    QList<QByteArray> requests;
    std::function<void()> onRequest;
};
} // namespace

class TestProxy : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QSslCertificate m_cert;
    QSslKey m_key;
    std::unique_ptr<TlsOrigin> m_origin;
    std::unique_ptr<HttpTransport> m_transport;
    std::unique_ptr<ExolveClient> m_client;

    // The proxy below sends CONNECT api.proxy.test:PORT to 127.0.0.1:PORT.
    void useProxy(ConnectProxy &proxy, const QString &user = {}, const QString &password = {})
    {
        proxy.routeToLoopback(kHost.toLatin1());
        ProxyConfig c;
        c.mode = ProxyConfig::Mode::Manual;
        c.manual = proxy.url();
        c.user = user;
        c.password = password;
        m_transport->setProxyConfig(c);
    }
    Result<QList<VoiceService>> list()
    {
        return *await<QList<VoiceService>>([&](auto done) { m_client->listServices(this, done); }, 15000);
    }
    Result<QString> call()
    {
        return *await<QString>([&](auto done) {
            m_client->makeVoiceMessage({QStringLiteral("74959999999"), QStringLiteral("79261234567"), QStringLiteral("1")}, this, done);
        }, 15000);
    }
    static QProcessEnvironment env(std::initializer_list<std::pair<const char *, const char *>> vars)
    {
        QProcessEnvironment e;
        for (const auto &[k, v] : vars)
            e.insert(QLatin1String(k), QLatin1String(v));
        return e;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString cert = m_dir.filePath(QStringLiteral("cert.pem"));
        const QString key = m_dir.filePath(QStringLiteral("key.pem"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"), {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                                                  QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"), key,
                                                  QStringLiteral("-out"), cert, QStringLiteral("-days"), QStringLiteral("2"),
                                                  QStringLiteral("-subj"), QStringLiteral("/CN=") + kHost, QStringLiteral("-addext"),
                                                  QStringLiteral("subjectAltName=DNS:") + kHost});
        if (!openssl.waitForStarted())
            QSKIP("openssl is not installed (scripts/install-deps.sh installs it)");
        QVERIFY(openssl.waitForFinished(60000));
        QCOMPARE(openssl.exitCode(), 0);
        QFile c(cert), k(key);
        QVERIFY(c.open(QIODevice::ReadOnly) && k.open(QIODevice::ReadOnly));
        m_cert = QSslCertificate(c.readAll());
        m_key = QSslKey(k.readAll(), QSsl::Rsa);
        QVERIFY(!m_cert.isNull() && !m_key.isNull());
    }
    void init()
    {
        m_origin = std::make_unique<TlsOrigin>(m_cert, m_key);
        QVERIFY(m_origin->isListening());
        m_transport = std::make_unique<HttpTransport>();
        TransportOptions o;
        o.deadlineMs = 8000;
        o.backoffInitialMs = 50;
        o.extraCaCertificates = {m_cert};
        m_transport->setOptions(o);
        m_client = std::make_unique<ExolveClient>(m_transport.get());
        m_client->setBaseUrl(QUrl(QStringLiteral("https://%1:%2").arg(kHost).arg(m_origin->serverPort())));
        m_client->setApiKey(QStringLiteral("proxy-test-key"));
    }
    void cleanup()
    {
        m_client.reset();
        m_transport.reset();
        m_origin.reset();
    }

    // Each variable for its scheme, ALL_PROXY as the fallback, lower case first, NO_PROXY, loopback.
    void environmentChoosesTheProxy()
    {
        const ProxyConfig system;
        const QUrl https(QStringLiteral("https://api.exolve.ru/voice-message/v1/GetList"));
        const QUrl http(QStringLiteral("http://api.example/"));
        QCOMPARE(proxyDisplay(resolveProxy(system, https, env({{"HTTPS_PROXY", "http://corp:3128"}}))), QStringLiteral("corp:3128"));
        QCOMPARE(proxyDisplay(resolveProxy(system, https, env({{"https_proxy", "lower:1"}, {"HTTPS_PROXY", "upper:2"}}))), QStringLiteral("lower:1"));
        QCOMPARE(proxyDisplay(resolveProxy(system, https, env({{"http_proxy", "plain:8080"}}))), QStringLiteral("direct"));
        QCOMPARE(proxyDisplay(resolveProxy(system, http, env({{"http_proxy", "plain:8080"}}))), QStringLiteral("plain:8080"));
        QCOMPARE(proxyDisplay(resolveProxy(system, http, env({{"HTTP_PROXY", "plain:8080"}}))), QStringLiteral("plain:8080"));
        QCOMPARE(proxyDisplay(resolveProxy(system, https, env({{"ALL_PROXY", "all:9"}}))), QStringLiteral("all:9"));
        QCOMPARE(proxyDisplay(resolveProxy(system, https, env({{"all_proxy", "socks5://sock:1080"}}))), QStringLiteral("socks5://sock:1080"));
        QCOMPARE(proxyDisplay(resolveProxy(system, https, env({{"HTTPS_PROXY", "corp"}}))), QStringLiteral("corp:3128"));
        for (const char *no : {"*", "exolve.ru", ".exolve.ru", "other.org, api.exolve.ru", "api.exolve.ru:443", "*.exolve.ru"})
            QCOMPARE(proxyDisplay(resolveProxy(system, https, env({{"HTTPS_PROXY", "corp:3128"}, {"NO_PROXY", no}}))), QStringLiteral("direct"));
        for (const char *no : {"exolve.com", "i.exolve.ru", "api.exolve.ru:8443", "xolve.ru"})
            QCOMPARE(proxyDisplay(resolveProxy(system, https, env({{"HTTPS_PROXY", "corp:3128"}, {"no_proxy", no}}))), QStringLiteral("corp:3128"));
        for (const char *local : {"http://127.0.0.1:8080/", "http://localhost:1/", "http://[::1]:1/", "https://127.5.5.5/"})
            QCOMPARE(proxyDisplay(resolveProxy(system, QUrl(QLatin1String(local)), env({{"http_proxy", "p:1"}, {"https_proxy", "p:1"}, {"all_proxy", "p:1"}}))),
                     QStringLiteral("direct"));
        // Credentials in the URL, or given explicitly (those win); never in what is shown.
        const QNetworkProxy fromUrl = resolveProxy(system, https, env({{"HTTPS_PROXY", "http://ivan:s3cret@corp:3128"}}));
        QCOMPARE(fromUrl.user(), QStringLiteral("ivan"));
        QCOMPARE(fromUrl.password(), QStringLiteral("s3cret"));
        QVERIFY(!proxyDisplay(fromUrl).contains(QStringLiteral("s3cret")));
        ProxyConfig withUser;
        withUser.user = QStringLiteral("petr");
        withUser.password = QStringLiteral("other");
        QCOMPARE(resolveProxy(withUser, https, env({{"HTTPS_PROXY", "http://ivan:s3cret@corp:3128"}})).user(), QStringLiteral("petr"));
        // The operator's explicit choice.
        const auto none = ProxyConfig::fromOption(QStringLiteral("none"));
        QVERIFY(none);
        QCOMPARE(proxyDisplay(resolveProxy(*none, https, env({{"HTTPS_PROXY", "corp:3128"}}))), QStringLiteral("direct"));
        const auto manual = ProxyConfig::fromOption(QStringLiteral("proxy.lan:8081"));
        QVERIFY(manual);
        QCOMPARE(proxyDisplay(resolveProxy(*manual, https, env({{"NO_PROXY", "*"}}))), QStringLiteral("proxy.lan:8081"));
        QVERIFY(!ProxyConfig::fromOption(QStringLiteral("ftp://x:1")));
        QVERIFY(!ProxyConfig::fromOption(QStringLiteral("host:99999")));
        QVERIFY(!ProxyConfig::fromOption(QString()));
    }

    // Reads go through the tunnel, share a kept connection through it, and the log says which proxy.
    void requestsGoThroughTheProxy()
    {
        ConnectProxy proxy;
        useProxy(proxy);
        QVERIFY(list().ok());
        QVERIFY(list().ok());
        QCOMPARE(proxy.connects(), 1); // the second read took the kept tunnel
        QCOMPARE(proxy.targets().value(0), QStringLiteral("%1:%2").arg(kHost).arg(m_origin->serverPort()).toLatin1());
        QCOMPARE(m_origin->requests.size(), 2);
        const auto entries = m_transport->log()->entries();
        QCOMPARE(entries.last().proxy, proxy.address());
        QVERIFY(RequestLog::formatLine(entries.last()).contains(QStringLiteral("via proxy ") + proxy.address()));
        // The same origin directly is another pool entry: never the proxy's connection.
        m_transport->setProxyConfig(*ProxyConfig::fromOption(QStringLiteral("none")));
        QCOMPARE(m_transport->proxyFor(QUrl(QStringLiteral("https://%1/").arg(kHost))).type(), QNetworkProxy::NoProxy);
    }

    // The environment's variable alone is enough (before, only http_proxy worked, for https too).
    void httpsProxyFromTheEnvironment()
    {
        ConnectProxy proxy;
        proxy.routeToLoopback(kHost.toLatin1());
        qputenv("HTTPS_PROXY", proxy.url().toLatin1());
        qputenv("NO_PROXY", "example.org");
        const auto read = list();
        qunsetenv("HTTPS_PROXY");
        qunsetenv("NO_PROXY");
        QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().toDisplayString()));
        QCOMPARE(proxy.connects(), 1);
    }

    void proxyAskingForCredentials()
    {
        ConnectProxy proxy;
        proxy.requireCredentials("ivan", "pr0xy-secret");
        useProxy(proxy);
        QSignalSpy asked(m_transport.get(), &HttpTransport::proxyAuthenticationRequired);
        const auto denied = list();
        QVERIFY(!denied.ok());
        QCOMPARE(denied.error().kind, ApiError::Kind::ProxyAuth);
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.first().first().toString(), proxy.address());
        QVERIFY(m_origin->requests.isEmpty());
        // A paid call meets the same wall: nothing sent, so certainly not placed.
        const auto placed = call();
        QCOMPARE(placed.error().kind, ApiError::Kind::ProxyAuth);
        QVERIFY(!placed.error().outcomeUnknown);
        QVERIFY(m_origin->requests.isEmpty());

        useProxy(proxy, QStringLiteral("ivan"), QStringLiteral("pr0xy-secret"));
        const auto read = list();
        QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().toDisplayString()));
        QCOMPARE(proxy.lastAuthorization(), "Basic " + QByteArray("ivan:pr0xy-secret").toBase64());
        QCOMPARE(m_origin->requests.size(), 1);
        for (const RequestLogEntry &e : m_transport->log()->entries())
            QVERIFY(!RequestLog::formatLine(e).contains(QStringLiteral("pr0xy-secret")) && !e.proxy.contains(QStringLiteral("ivan")));

        useProxy(proxy, QStringLiteral("ivan"), QStringLiteral("wrong"));
        QCOMPARE(list().error().kind, ApiError::Kind::ProxyAuth);
    }

    void proxyThatRefuses()
    {
        ConnectProxy proxy(ConnectProxy::Mode::Refuse);
        useProxy(proxy);
        const auto placed = call();
        QVERIFY(!placed.ok());
        QCOMPARE(placed.error().kind, ApiError::Kind::Proxy);
        QVERIFY(!placed.error().outcomeUnknown);
        QVERIFY(m_origin->requests.isEmpty());
        QCOMPARE(proxy.connects(), 1); // a paid call is never tried again
    }

    // The tunnel drops once the paid request was written: the outcome is unknown, and it is never resent.
    void tunnelDroppedAfterAPaidRequestIsAnUnknownOutcome()
    {
        ConnectProxy proxy;
        useProxy(proxy);
        m_origin->onRequest = [&proxy] { proxy.dropTunnels(); };
        const auto placed = call();
        QVERIFY(!placed.ok());
        QVERIFY2(placed.error().outcomeUnknown, qPrintable(placed.error().kindName()));
        QTest::qWait(300);
        QCOMPARE(proxy.connects(), 1);
        QCOMPARE(m_origin->requests.size(), 1);
        const auto entries = m_transport->log()->entries();
        QCOMPARE(entries.size(), 1);
        QVERIFY(!entries.first().requestHeaders.isEmpty());
        QVERIFY(m_transport->log()->entries().first().bytesSent > 0);
    }
};

QTEST_GUILESS_MAIN(TestProxy)
#include "tst_proxy.moc"
