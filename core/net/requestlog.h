#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPair>
#include <QStringList>
#include <QUrl>

namespace vc {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// One HTTP attempt as the network log shows it. Everything in it is already redacted.
struct RequestLogEntry
{
    QDateTime time;        // when the attempt started, UTC
    QByteArray verb;       // POST, GET
    QString endpoint;      // the API method, e.g. voice-message/v1/GetList
    QString url;           // with secret query values masked
    int status = 0;        // HTTP status, 0 when none arrived
    QString outcome;       // "ok", "http", "timeout", "network", "tls", ...
    qint64 latencyMs = 0;
    qint64 bytesSent = 0;
    qint64 bytesReceived = 0;
    int attempt = 1;
    QString proxy;         // the proxy the attempt went through ("host:port"), "direct", or empty when unknown
    HeaderList requestHeaders;
    QByteArray requestBody;
    QByteArray responseBody;
};

// The core's record of every request of the session. It feeds `voicectl --verbose` and the GUI's network
// log. Secrets never enter it: headers, JSON and form bodies and URLs are redacted on the way in, and any
// registered secret value is masked wherever it still appears.
class RequestLog final : public QObject
{
    Q_OBJECT
public:
    explicit RequestLog(QObject *parent = nullptr);

    void record(RequestLogEntry entry);
    QList<RequestLogEntry> entries() const { return m_entries; }
    void clear();
    // The most entries kept; the oldest go first. Views of the log keep the same number.
    void setCapacity(int capacity) { m_capacity = capacity; }
    int capacity() const { return m_capacity; }

    // Values that must be masked wherever they appear (an API key, a password, a session id).
    void addSecret(const QString &secret);

    // Masks every registered secret in a text that came from elsewhere (a server's message, an error
    // string) before it is shown or printed.
    QString redact(const QString &text) const;

    static QByteArray redactBody(const QByteArray &body);
    static QString redactUrl(const QUrl &url);
    static HeaderList redactHeaders(const HeaderList &headers);
    static QString formatLine(const RequestLogEntry &entry);

Q_SIGNALS:
    void entryAdded(const vc::RequestLogEntry &entry);
    void cleared();

private:
    QByteArray scrub(QByteArray text) const;

    QList<RequestLogEntry> m_entries;
    QList<QByteArray> m_secrets;
    int m_capacity = 5000;
};

} // namespace vc
