#pragma once

#include <QHostAddress>
#include <QNetworkProxy>
#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

#include <optional>

namespace vc {

// Which proxy the operator's requests go through. The mode and a manual address live in the settings;
// credentials never do (they come from the keychain, the session, the environment or the proxy URL).
struct ProxyConfig
{
    enum class Mode { System, None, Manual };
    Mode mode = Mode::System;
    QString manual;   // with Manual: "host:port" or "http://[user:password@]host:port"
    QString user;     // for a proxy that asks (407); empty: none known
    QString password;

    bool operator==(const ProxyConfig &) const = default;

    // voicectl's --proxy: "none", "system", or a proxy URL / host:port. nullopt when it is none of them.
    static std::optional<ProxyConfig> fromOption(const QString &text);
    // "host:port" or a URL with a host and a port: the proxy it names (HTTP CONNECT, or SOCKS5 for
    // socks5://), credentials from the URL included. nullopt when it names none.
    static std::optional<QNetworkProxy> parseProxy(const QString &text);
};

// The proxy one request uses. System: the OS's configuration on Windows and macOS; elsewhere the
// environment (https_proxy/HTTPS_PROXY for https, http_proxy/HTTP_PROXY for http, all_proxy/ALL_PROXY
// as the fallback, no_proxy/NO_PROXY with host suffixes and "*"). A loopback host never goes through a
// proxy. Explicit credentials in `config` win over those in a proxy URL.
QNetworkProxy resolveProxy(const ProxyConfig &config, const QUrl &url,
                           const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
// How a request went, for the log and the status bar, never with credentials: "proxy.corp:3128", or
// "direct".
QString proxyDisplay(const QNetworkProxy &proxy);
// Whether `host` matches a no_proxy list ("*", "example.com", ".example.com", "10.0.0.1", "host:port").
bool matchesNoProxy(const QString &noProxy, const QString &host, int port);
bool isLoopbackHost(const QString &host);
// A loopback address: IPv4 127/8, IPv6 ::1, or IPv4 loopback mapped into IPv6 (::ffff:127.x.y.z).
bool isLoopbackAddress(const QHostAddress &address);

} // namespace vc
