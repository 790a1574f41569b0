#include "net/requestlog.h"

#include "common/jsoncodec.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QUrlQuery>

namespace vc {

namespace {
Q_LOGGING_CATEGORY(lcApi, "vc.api")

const QByteArray kMask = QByteArrayLiteral("***");

bool isSecretKey(const QString &key)
{
    const QString k = key.toLower();
    return k.contains(QLatin1String("password")) || k.contains(QLatin1String("token")) ||
           k.contains(QLatin1String("secret")) || k == QLatin1String("sessionid") ||
           k == QLatin1String("session_id") || k == QLatin1String("api_key") || k == QLatin1String("apikey") ||
           k == QLatin1String("authorization") || k == QLatin1String("key");
}

QJsonValue redactValue(const QJsonValue &value)
{
    if (value.isObject()) {
        QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            it.value() = isSecretKey(it.key()) ? QJsonValue(QString::fromLatin1(kMask)) : redactValue(it.value());
        return o;
    }
    if (value.isArray()) {
        QJsonArray a = value.toArray();
        for (auto it = a.begin(); it != a.end(); ++it)
            *it = redactValue(*it);
        return a;
    }
    return value;
}
} // namespace

RequestLog::RequestLog(QObject *parent) : QObject(parent) {}

void RequestLog::clear()
{
    m_entries.clear();
    Q_EMIT cleared();
}

void RequestLog::addSecret(const QString &secret)
{
    // Very short values would mask ordinary words; real keys and passwords are longer.
    if (secret.size() >= 4 && !m_secrets.contains(secret.toUtf8()))
        m_secrets.append(secret.toUtf8());
}

QByteArray RequestLog::scrub(QByteArray text) const
{
    for (const QByteArray &secret : m_secrets) {
        text.replace(secret, kMask);
        const QByteArray encoded = QUrl::toPercentEncoding(QString::fromUtf8(secret));
        if (encoded != secret)
            text.replace(encoded, kMask);
    }
    return text;
}

QString RequestLog::redact(const QString &text) const
{
    if (text.isEmpty() || m_secrets.isEmpty())
        return text;
    return QString::fromUtf8(scrub(text.toUtf8()));
}

QByteArray RequestLog::redactBody(const QByteArray &body)
{
    const QByteArray trimmed = body.trimmed();
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
        if (const auto doc = json::parse(trimmed)) {
            const QJsonValue redacted = redactValue(doc->isObject() ? QJsonValue(doc->object()) : QJsonValue(doc->array()));
            return redacted.isObject() ? QJsonDocument(redacted.toObject()).toJson(QJsonDocument::Compact)
                                       : QJsonDocument(redacted.toArray()).toJson(QJsonDocument::Compact);
        }
        return body;
    }
    // A form-encoded body (key=value&...): mask the secret keys' values.
    if (trimmed.contains('=') && !trimmed.contains(' ') && !trimmed.contains('\n')) {
        QList<QByteArray> pairs = trimmed.split('&');
        for (QByteArray &pair : pairs) {
            const qsizetype eq = pair.indexOf('=');
            if (eq > 0 && isSecretKey(QString::fromUtf8(QByteArray::fromPercentEncoding(pair.left(eq)))))
                pair = pair.left(eq + 1) + kMask;
        }
        return pairs.join('&');
    }
    return body;
}

QString RequestLog::redactUrl(const QUrl &url)
{
    QUrl copy = url;
    copy.setUserInfo({});
    QUrlQuery query(copy);
    const auto items = query.queryItems(QUrl::FullyEncoded);
    QUrlQuery redacted;
    for (const auto &[key, value] : items)
        redacted.addQueryItem(key, isSecretKey(key) ? QString::fromLatin1(kMask) : value);
    copy.setQuery(redacted);
    return copy.toString(QUrl::FullyEncoded);
}

HeaderList RequestLog::redactHeaders(const HeaderList &headers)
{
    HeaderList out;
    for (const auto &[name, value] : headers) {
        if (name.compare("Authorization", Qt::CaseInsensitive) == 0) {
            const qsizetype space = value.indexOf(' ');
            out.append({name, (space > 0 ? value.left(space + 1) : QByteArray()) + kMask});
        } else if (isSecretKey(QString::fromLatin1(name))) {
            out.append({name, kMask});
        } else {
            out.append({name, value});
        }
    }
    return out;
}

QString RequestLog::formatLine(const RequestLogEntry &e)
{
    const QString status = e.status ? QString::number(e.status) : e.outcome;
    return QStringLiteral("%1 %2 %3 -> %4 %5 ms sent %6 B received %7 B attempt %8")
        .arg(e.time.toString(Qt::ISODateWithMs), QString::fromLatin1(e.verb), e.endpoint, status)
        .arg(e.latencyMs)
        .arg(e.bytesSent)
        .arg(e.bytesReceived)
        .arg(e.attempt) +
           (e.proxy.isEmpty() || e.proxy == QLatin1String("direct") ? QString() : QStringLiteral(" via proxy %1").arg(e.proxy));
}

void RequestLog::record(RequestLogEntry entry)
{
    entry.requestHeaders = redactHeaders(entry.requestHeaders);
    for (auto &header : entry.requestHeaders)
        header.second = scrub(header.second);
    entry.requestBody = scrub(redactBody(entry.requestBody));
    entry.responseBody = scrub(redactBody(entry.responseBody));
    entry.url = QString::fromUtf8(scrub(entry.url.toUtf8()));
    entry.endpoint = QString::fromUtf8(scrub(entry.endpoint.toUtf8()));
    entry.proxy = QString::fromUtf8(scrub(entry.proxy.toUtf8()));
    qCInfo(lcApi).noquote() << formatLine(entry);
    m_entries.append(entry);
    if (m_entries.size() > m_capacity)
        m_entries.remove(0, m_entries.size() - m_capacity);
    Q_EMIT entryAdded(entry);
}

} // namespace vc
