#include "legacy/legacycodec.h"

#include "common/jsoncodec.h"
#include "legacy/tolerantjson.h"

#include <QTimeZone>

namespace vc::legacycodec {

QString encodeSendDate(const QDateTime &when)
{
    return when.toTimeZone(QTimeZone(3 * 3600)).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
}

QList<QPair<QString, QString>> encodeSend(const LegacySendRequest &request)
{
    QList<QPair<QString, QString>> params = {{QStringLiteral("sourceAddress"), request.source},
                                             {QStringLiteral("destinationAddress"), request.destination},
                                             {QStringLiteral("fileId"), json::uint64ToString(request.fileId)}};
    if (request.sendDate.isValid())
        params.append({QStringLiteral("sendDate"), encodeSendDate(request.sendDate)});
    if (request.retryCount > 0)
        params.append({QStringLiteral("retryCount"), QString::number(request.retryCount)});
    if (request.gap > 0)
        params.append({QStringLiteral("gap"), QString::number(request.gap)});
    params.append({QStringLiteral("dtmf"), request.dtmf ? QStringLiteral("true") : QStringLiteral("false")});
    return params;
}

std::optional<ServerError> decodeError(const QByteArray &body)
{
    const auto v = json::parseTolerant(body);
    if (!v || !v->isObject())
        return std::nullopt;
    const QJsonObject o = v->toObject();
    const QJsonValue code = o.contains(QStringLiteral("Code")) ? o.value(QStringLiteral("Code")) : o.value(QStringLiteral("code"));
    const auto c = json::toInt32(code);
    if (!c)
        return std::nullopt;
    const QJsonValue desc = o.contains(QStringLiteral("Desc")) ? o.value(QStringLiteral("Desc")) : o.value(QStringLiteral("desc"));
    return ServerError{*c, desc.toString()};
}

namespace {
// The answer as the tolerant reader sees it, or the reason it is unreadable.
Result<QJsonValue> readAnswer(const QByteArray &body)
{
    QString why;
    if (auto v = json::parseTolerant(body, &why))
        return *v;
    return malformedError(why);
}
} // namespace

Result<QString> decodeSessionId(const QByteArray &body)
{
    const auto v = json::parseTolerant(body);
    const QString id = v && v->isString() ? v->toString().trimmed() : QString();
    if (id.isEmpty() || id.size() > 128 || id.contains(u' '))
        return malformedError(QStringLiteral("no session id in the answer"));
    return id;
}

Result<double> decodeBalance(const QByteArray &body)
{
    const auto v = readAnswer(body);
    if (!v)
        return v.error();
    const auto balance = json::toDouble(v.value());
    if (!balance)
        return malformedError(QStringLiteral("the balance is not a number"));
    return *balance;
}

Result<quint64> decodeMessageId(const QByteArray &body)
{
    const auto v = readAnswer(body);
    if (!v)
        return v.error();
    const QJsonValue id = v.value().isObject() ? v.value().toObject().value(QStringLiteral("messageId")) : v.value();
    const auto messageId = json::toUInt64(id);
    if (!messageId)
        return malformedError(QStringLiteral("no messageId in the answer"));
    return *messageId;
}

Result<LegacyState> decodeState(const QByteArray &body)
{
    const auto v = readAnswer(body);
    if (!v)
        return v.error();
    if (!v.value().isObject())
        return malformedError(QStringLiteral("the state is not an object"));
    const QJsonObject o = v.value().toObject();
    const auto state = json::toInt32(o.value(QStringLiteral("state")));
    if (!state)
        return malformedError(QStringLiteral("no state in the answer"));
    return LegacyState{*state, o.value(QStringLiteral("desc")).toString()};
}

QJsonObject toJson(quint64 messageId)
{
    return {{QStringLiteral("messageId"), json::uint64ToString(messageId)}};
}

QJsonObject toJson(quint64 messageId, const LegacyState &state)
{
    return {{QStringLiteral("messageId"), json::uint64ToString(messageId)},
            {QStringLiteral("state"), state.state},
            {QStringLiteral("desc"), state.desc},
            {QStringLiteral("final"), state.isFinal()}};
}

QJsonObject balanceToJson(double balance)
{
    return {{QStringLiteral("balance"), balance}};
}

} // namespace vc::legacycodec
