#include "legacysandbox.h"

#include "common/jsoncodec.h"

#include <QRandomGenerator>
#include <QTimeZone>

namespace vc::sandbox {

namespace {
const char *const kCodeNames[] = {"OperationComplete", "ArgumentCanNotBeNullOrEmpty", "InvalidArgument", "InvalidSessionID",
                                  "UnauthorizedAccess", "NotEnoughCredits", "InvalidOperation", "Forbidden", "InternalServerError"};
const int kCodeStatus[] = {200, 400, 400, 400, 401, 403, 400, 403, 500};
const char *const kStateDesc[] = {"Отправляется", "Отправлено", "Прослушано", "Не прослушано", "Ошибка"};

bool isAddress(const QString &n)
{
    return n.size() >= 10 && n.size() <= 15 && std::all_of(n.begin(), n.end(), [](QChar c) { return c.isDigit(); });
}
} // namespace

LegacySandbox::LegacySandbox() : m_balance(m_options.balance) {}

void LegacySandbox::setOptions(const Options &options)
{
    m_options = options;
    m_balance = options.balance;
}

LegacySandbox::Answer LegacySandbox::error(int code)
{
    // As the vendor's pages print it: unquoted keys, a double-quoted description.
    return {kCodeStatus[code], QByteArrayLiteral("{ Code: ") + QByteArray::number(code) + ", Desc: \"" + kCodeNames[code] + "\" }"};
}

bool LegacySandbox::sessionValid(const QString &id) const
{
    const auto it = m_sessions.constFind(id);
    return it != m_sessions.constEnd() && it.value() > QDateTime::currentDateTimeUtc();
}

LegacySandbox::Answer LegacySandbox::handle(const QString &method, const QString &path, const QUrlQuery &form, bool *sent)
{
    const auto value = [&form](const char *key) { return form.queryItemValue(QLatin1String(key), QUrl::FullyDecoded); };
    if (path == QLatin1String("User/SessionId")) {
        if (value("login").isEmpty() || value("password").isEmpty())
            return error(1);
        if (value("login") != m_options.login || value("password") != m_options.password)
            return error(4);
        QString id;
        const char *alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        for (int i = 0; i < 36; ++i)
            id += QLatin1Char(alphabet[QRandomGenerator::global()->bounded(36)]);
        m_sessions.insert(id, QDateTime::currentDateTimeUtc().addMSecs(m_options.sessionTtlMs));
        ++m_sessionsIssued;
        return {200, '"' + id.toLatin1() + '"'};
    }
    const QString session = value("sessionId");
    if (session.isEmpty())
        return error(1);
    if (!sessionValid(session))
        return error(3);
    if (path == QLatin1String("User/Balance"))
        return {200, QByteArray::number(m_balance, 'g', 12)}; // a bare number, e.g. 20015.3
    if (path == QLatin1String("Voice/Send")) {
        if (method != QLatin1String("POST"))
            return error(6);
        const QString source = value("sourceAddress").trimmed();
        const QString destination = value("destinationAddress").trimmed();
        const auto file = json::parseUInt64Text(value("fileId"));
        if (source.isEmpty() || destination.isEmpty() || value("fileId").isEmpty())
            return error(1);
        if (!isAddress(source) || !isAddress(destination) || !file || !m_files.contains(*file))
            return error(2);
        QDateTime sendAt = QDateTime::currentDateTimeUtc();
        if (!value("sendDate").isEmpty()) {
            // Wall-clock time in UTC+3, "2011-01-28T16:00:00".
            QDateTime local = QDateTime::fromString(value("sendDate"), QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
            if (!local.isValid())
                return error(2);
            local.setTimeZone(QTimeZone(3 * 3600));
            sendAt = std::max(sendAt, local.toUTC());
        }
        bool ok = true;
        if (!value("retryCount").isEmpty() && (value("retryCount").toInt(&ok) < 1 || !ok))
            return error(2);
        if (!value("gap").isEmpty() && (value("gap").toInt(&ok) < 1 || !ok))
            return error(2);
        if (m_balance < m_options.pricePerMessage)
            return error(5);
        m_balance -= m_options.pricePerMessage;
        const quint64 id = m_nextMessage++;
        m_messages.insert(id, {QDateTime::currentDateTimeUtc(), sendAt, destination});
        ++m_sent;
        ++m_sentTo[destination];
        *sent = true;
        return {200, "{'messageId': " + QByteArray::number(id) + '}'};
    }
    if (path == QLatin1String("Voice/State")) {
        const auto id = json::parseUInt64Text(value("messageId"));
        if (!id)
            return error(value("messageId").isEmpty() ? 1 : 2);
        const auto it = m_messages.constFind(*id);
        if (it == m_messages.constEnd())
            return error(2);
        const double seconds = it->sendAt.msecsTo(QDateTime::currentDateTimeUtc()) / 1000.0 * m_options.speed;
        int state = 0;
        if (seconds >= 3)
            state = it->destination.endsWith(u'3') ? 3 : it->destination.endsWith(u'4') ? 4 : 2;
        else if (seconds >= 1)
            state = 1;
        return {200, "{'state': " + QByteArray::number(state) + ", 'desc': '" + QByteArray(kStateDesc[state]) + "'}"};
    }
    return {404, {}};
}

} // namespace vc::sandbox
