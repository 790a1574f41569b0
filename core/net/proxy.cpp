#include "net/proxy.h"

#include <QHostAddress>
#include <QLoggingCategory>
#include <QNetworkProxyFactory>

namespace vc {

namespace {
Q_LOGGING_CATEGORY(lcProxy, "vc.api.proxy")

QString envValue(const QProcessEnvironment &env, const char *lower, const char *upper)
{
    const QString l = env.value(QLatin1String(lower)).trimmed();
    return l.isEmpty() ? env.value(QLatin1String(upper)).trimmed() : l;
}
} // namespace

bool isLoopbackAddress(const QHostAddress &address)
{
    if (address.isLoopback())
        return true;
    bool mapped = false;
    const quint32 v4 = address.toIPv4Address(&mapped);
    return mapped && QHostAddress(v4).isLoopback();
}

bool isLoopbackHost(const QString &host)
{
    const QString h = host.toLower();
    if (h == QLatin1String("localhost") || h.endsWith(QLatin1String(".localhost")))
        return true;
    return isLoopbackAddress(QHostAddress(h.startsWith(u'[') ? h.mid(1, h.size() - 2) : h));
}

std::optional<QNetworkProxy> ProxyConfig::parseProxy(const QString &text)
{
    QString t = text.trimmed();
    if (t.isEmpty() || t.size() > 2048)
        return std::nullopt;
    if (!t.contains(QLatin1String("://")))
        t.prepend(QLatin1String("http://"));
    const QUrl url(t, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return std::nullopt;
    const QString scheme = url.scheme().toLower();
    QNetworkProxy::ProxyType type = QNetworkProxy::HttpProxy;
    int defaultPort = 3128;
    if (scheme == QLatin1String("socks5") || scheme == QLatin1String("socks5h")) {
        type = QNetworkProxy::Socks5Proxy;
        defaultPort = 1080;
    } else if (scheme != QLatin1String("http") && scheme != QLatin1String("https")) {
        return std::nullopt;
    }
    const int port = url.port(defaultPort);
    if (port <= 0 || port > 65535)
        return std::nullopt;
    return QNetworkProxy(type, url.host(), quint16(port), url.userName(QUrl::FullyDecoded), url.password(QUrl::FullyDecoded));
}

std::optional<ProxyConfig> ProxyConfig::fromOption(const QString &text)
{
    ProxyConfig c;
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("none") || t == QLatin1String("direct")) {
        c.mode = Mode::None;
        return c;
    }
    if (t == QLatin1String("system")) {
        c.mode = Mode::System;
        return c;
    }
    if (!parseProxy(text))
        return std::nullopt;
    c.mode = Mode::Manual;
    c.manual = text.trimmed();
    return c;
}

bool matchesNoProxy(const QString &noProxy, const QString &host, int port)
{
    const QString h = host.toLower();
    for (QString entry : noProxy.split(u',', Qt::SkipEmptyParts)) {
        entry = entry.trimmed().toLower();
        if (entry.isEmpty())
            continue;
        if (entry == QLatin1String("*"))
            return true;
        // "host:port" applies to that port only ("[::1]:80" too); a bare IPv6 address has no port.
        const qsizetype colon = entry.lastIndexOf(u':');
        if (colon > 0 && entry.count(u':') == 1) {
            bool ok = false;
            const int p = entry.mid(colon + 1).toInt(&ok);
            if (!ok || p != port)
                continue;
            entry.truncate(colon);
        } else if (entry.startsWith(u'[') && entry.contains(QLatin1String("]:"))) {
            bool ok = false;
            const int p = entry.mid(entry.indexOf(QLatin1String("]:")) + 2).toInt(&ok);
            if (!ok || p != port)
                continue;
            entry = entry.mid(1, entry.indexOf(u']') - 1);
        }
        if (entry.startsWith(u'['))
            entry = entry.mid(1, entry.size() - 2);
        if (entry.startsWith(u'.'))
            entry.remove(0, 1);
        if (entry.startsWith(QLatin1String("*.")))
            entry.remove(0, 2);
        if (h == entry || h.endsWith(u'.' + entry))
            return true;
    }
    return false;
}

QNetworkProxy resolveProxy(const ProxyConfig &config, const QUrl &url, const QProcessEnvironment &env)
{
    const QNetworkProxy direct(QNetworkProxy::NoProxy);
    if (config.mode == ProxyConfig::Mode::None || isLoopbackHost(url.host()))
        return direct;
    const bool tls = url.scheme() == QLatin1String("https");
    std::optional<QNetworkProxy> chosen;
    if (config.mode == ProxyConfig::Mode::Manual) {
        chosen = ProxyConfig::parseProxy(config.manual);
        if (!chosen)
            qCWarning(lcProxy) << "the manual proxy is not an address; going direct";
    } else {
#if defined(Q_OS_WIN) || defined(Q_OS_MACOS)
        Q_UNUSED(env);
        for (const QNetworkProxy &p : QNetworkProxyFactory::systemProxyForQuery(QNetworkProxyQuery(url))) {
            if (p.type() == QNetworkProxy::HttpProxy || p.type() == QNetworkProxy::Socks5Proxy) {
                chosen = p;
                break;
            }
            if (p.type() == QNetworkProxy::NoProxy)
                break;
        }
#else
        if (matchesNoProxy(envValue(env, "no_proxy", "NO_PROXY"), url.host(), url.port(tls ? 443 : 80)))
            return direct;
        QString value = tls ? envValue(env, "https_proxy", "HTTPS_PROXY") : envValue(env, "http_proxy", "HTTP_PROXY");
        if (value.isEmpty())
            value = envValue(env, "all_proxy", "ALL_PROXY");
        if (!value.isEmpty()) {
            chosen = ProxyConfig::parseProxy(value);
            if (!chosen)
                qCWarning(lcProxy) << "the proxy in the environment is not an address; going direct";
        }
#endif
    }
    if (!chosen)
        return direct;
    if (!config.user.isEmpty()) {
        chosen->setUser(config.user);
        chosen->setPassword(config.password);
    }
    return *chosen;
}

QString proxyDisplay(const QNetworkProxy &proxy)
{
    if (proxy.type() == QNetworkProxy::NoProxy || proxy.type() == QNetworkProxy::DefaultProxy || proxy.hostName().isEmpty())
        return QStringLiteral("direct");
    QString host = proxy.hostName();
    if (host.contains(u':'))
        host = u'[' + host + u']';
    return (proxy.type() == QNetworkProxy::Socks5Proxy ? QStringLiteral("socks5://") : QString()) + host + u':' +
           QString::number(proxy.port());
}

} // namespace vc
