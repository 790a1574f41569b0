#include "exolve/exolvecodec.h"

#include "common/jsoncodec.h"
#include "common/timeformats.h"

#include <QJsonArray>
#include <QLoggingCategory>

namespace vc::codec {

namespace {
Q_LOGGING_CATEGORY(lcCodec, "vc.api")

ApiError malformed(const QString &detail)
{
    return malformedError(detail);
}

std::optional<QJsonObject> parseObject(const QByteArray &body, QString *why)
{
    const auto doc = json::parse(body, why);
    if (!doc)
        return std::nullopt;
    if (!doc->isObject()) {
        *why = QStringLiteral("the answer is not a JSON object");
        return std::nullopt;
    }
    return doc->object();
}

// Reads an optional string field; a present field of another type is a malformed answer.
bool optionalString(const QJsonObject &o, const char *key, QString *out, QString *why)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isString()) {
        *why = QStringLiteral("field %1 is not a string").arg(QLatin1String(key));
        return false;
    }
    *out = v.toString();
    return true;
}

bool requiredString(const QJsonObject &o, const char *key, QString *out, QString *why)
{
    if (!optionalString(o, key, out, why))
        return false;
    if (out->isEmpty()) {
        *why = QStringLiteral("field %1 is missing").arg(QLatin1String(key));
        return false;
    }
    return true;
}

template <typename Parser>
bool optionalTime(const QJsonObject &o, const char *key, QDateTime *out, QString *why, Parser parser)
{
    QString text;
    if (!optionalString(o, key, &text, why))
        return false;
    if (text.isEmpty())
        return true;
    auto dt = parser(text);
    if (!dt)
        dt = time::parseAny(text); // the documented format first, then the other one
    if (!dt) {
        // A time we cannot read is shown as unknown rather than losing the whole answer over it.
        qCWarning(lcCodec).noquote() << "field" << key << "is not a time we can read:" << text.left(64);
        Q_UNUSED(why);
        return true;
    }
    *out = *dt;
    return true;
}

// Reads an optional number field with `convert`; a present field it cannot read is a malformed answer.
// 64-bit ids come as strings, and an empty one means none.
template <typename T>
bool optionalNumber(const QJsonObject &o, const char *key, std::optional<T> *out, QString *why,
                    std::optional<T> (*convert)(const QJsonValue &), const char *what, bool emptyStringIsAbsent = false)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull() || (emptyStringIsAbsent && v.isString() && v.toString().isEmpty()))
        return true;
    *out = convert(v);
    if (!*out) {
        *why = QStringLiteral("field %1 is not %2").arg(QLatin1String(key), QLatin1String(what));
        return false;
    }
    return true;
}

bool optionalInt32(const QJsonObject &o, const char *key, std::optional<qint32> *out, QString *why)
{
    return optionalNumber<qint32>(o, key, out, why, json::toInt32, "a 32-bit integer");
}

bool optionalUInt64(const QJsonObject &o, const char *key, std::optional<quint64> *out, QString *why)
{
    return optionalNumber<quint64>(o, key, out, why, json::toUInt64, "an unsigned 64-bit integer", true);
}

bool optionalDouble(const QJsonObject &o, const char *key, std::optional<double> *out, QString *why)
{
    return optionalNumber<double>(o, key, out, why, json::toDouble, "a number");
}

QJsonValue timeOrNull(const QDateTime &dt, QString (*format)(const QDateTime &))
{
    return dt.isValid() ? QJsonValue(format(dt)) : QJsonValue();
}

} // namespace

QByteArray encodeCreate(const NewVoiceService &service)
{
    QJsonObject redirect{{QStringLiteral("digit"), qint64(service.digit)},
                         {QStringLiteral("redirect_number"), service.redirectNumber}};
    QJsonObject o{{QStringLiteral("name"), service.name},
                  {QStringLiteral("media_id"), json::uint64ToString(service.mediaId)},
                  {QStringLiteral("redirect_info"), redirect}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray encodeId(const QString &id)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("id"), id}}).toJson(QJsonDocument::Compact);
}

QByteArray encodeCall(const VoiceCallRequest &call)
{
    QJsonObject o{{QStringLiteral("source"), call.source},
                  {QStringLiteral("destination"), call.destination},
                  {QStringLiteral("service_id"), call.serviceId}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray encodeCallId(const QString &callId)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("call_id"), callId}}).toJson(QJsonDocument::Compact);
}

QByteArray encodeSipResourceId(quint64 id)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("sip_resource_id"), json::uint64ToString(id)}})
        .toJson(QJsonDocument::Compact);
}

Result<QList<VoiceService>> decodeServiceList(const QByteArray &body)
{
    QString why;
    const auto o = parseObject(body, &why);
    if (!o)
        return malformed(why);
    const QJsonValue listValue = o->value(QStringLiteral("voice_message_list"));
    // protobuf's JSON mapping omits an empty repeated field altogether.
    if (listValue.isUndefined() || listValue.isNull())
        return QList<VoiceService>{};
    if (!listValue.isArray())
        return malformed(QStringLiteral("voice_message_list is not an array"));
    const QJsonArray array = listValue.toArray();
    QList<VoiceService> services;
    services.reserve(array.size());
    for (const QJsonValue &item : array) {
        if (!item.isObject())
            return malformed(QStringLiteral("voice_message_list has an item that is not an object"));
        const QJsonObject entry = item.toObject();
        VoiceService s;
        if (!requiredString(entry, "id", &s.id, &why) || !optionalString(entry, "name", &s.name, &why) ||
            !optionalTime(entry, "created_at", &s.createdAt, &why, time::parseRfc3339))
            return malformed(why);
        services.append(std::move(s));
    }
    return services;
}

Result<Empty> decodeDeleted(const QByteArray &body)
{
    QString why;
    if (!parseObject(body, &why))
        return malformed(why);
    return Empty{};
}

Result<VoiceServiceDetails> decodeServiceDetails(const QByteArray &body)
{
    QString why;
    const auto o = parseObject(body, &why);
    if (!o)
        return malformed(why);
    VoiceServiceDetails d;
    std::optional<qint32> digit;
    std::optional<quint64> mediaId;
    if (!requiredString(*o, "id", &d.id, &why) || !optionalString(*o, "name", &d.name, &why) ||
        !optionalInt32(*o, "digit", &digit, &why) ||
        !optionalString(*o, "redirect_number", &d.redirectNumber, &why) ||
        !optionalUInt64(*o, "media_id", &mediaId, &why) ||
        !optionalTime(*o, "created_at", &d.createdAt, &why, time::parseRfc3339))
        return malformed(why);
    // The redirect settings may also come nested, as Create takes them.
    const QJsonObject redirect = o->value(QStringLiteral("redirect_info")).toObject();
    if (!redirect.isEmpty()) {
        if (!digit && !optionalInt32(redirect, "digit", &digit, &why))
            return malformed(why);
        if (d.redirectNumber.isEmpty() && !optionalString(redirect, "redirect_number", &d.redirectNumber, &why))
            return malformed(why);
    }
    if (digit && (*digit < 0 || *digit > 9))
        return malformed(QStringLiteral("digit is out of range 0-9"));
    d.digit = quint32(digit.value_or(0));
    d.mediaId = mediaId.value_or(0);
    return d;
}

namespace {
Result<QString> decodeSingleId(const QByteArray &body, const char *key)
{
    QString why;
    const auto o = parseObject(body, &why);
    if (!o)
        return malformed(why);
    QString id;
    const QJsonValue v = o->value(QLatin1String(key));
    if (v.isString())
        id = v.toString();
    else if (const auto n = json::toUInt64(v))
        id = json::uint64ToString(*n);
    if (id.isEmpty())
        return malformed(QStringLiteral("field %1 is missing").arg(QLatin1String(key)));
    return id;
}
} // namespace

Result<QString> decodeCreated(const QByteArray &body)
{
    return decodeSingleId(body, "id");
}

Result<QString> decodeCallId(const QByteArray &body)
{
    return decodeSingleId(body, "call_id");
}

Result<CallInfo> decodeCallInfo(const QByteArray &body)
{
    QString why;
    const auto o = parseObject(body, &why);
    if (!o)
        return malformed(why);
    CallInfo c;
    if (!requiredString(*o, "call_id", &c.callId, &why) ||
        !optionalTime(*o, "created", &c.created, &why, time::parseRfc2822) ||
        !optionalTime(*o, "updated", &c.updated, &why, time::parseRfc2822) ||
        !optionalTime(*o, "started", &c.started, &why, time::parseRfc2822) ||
        !optionalTime(*o, "ended", &c.ended, &why, time::parseRfc2822) ||
        !optionalInt32(*o, "duration", &c.duration, &why) || !optionalInt32(*o, "timeout", &c.timeout, &why) ||
        !optionalString(*o, "status", &c.status, &why) || !optionalString(*o, "direction", &c.direction, &why) ||
        !optionalString(*o, "source", &c.source, &why) ||
        !optionalString(*o, "destination", &c.destination, &why))
        return malformed(why);
    return c;
}

Result<SipAttributes> decodeSipAttributes(const QByteArray &body)
{
    QString why;
    const auto o = parseObject(body, &why);
    if (!o)
        return malformed(why);
    SipAttributes s;
    std::optional<quint64> id;
    if (!optionalString(*o, "application_uuid", &s.applicationUuid, &why) ||
        !optionalUInt64(*o, "sip_resource_id", &id, &why) || !optionalString(*o, "sip_name", &s.sipName, &why) ||
        !optionalString(*o, "description", &s.description, &why) ||
        !optionalUInt64(*o, "number_code", &s.numberCode, &why))
        return malformed(why);
    s.sipResourceId = id.value_or(0);
    const QJsonValue attrs = o->value(QStringLiteral("attributes"));
    if (!attrs.isUndefined() && !attrs.isNull()) {
        if (!attrs.isObject())
            return malformed(QStringLiteral("attributes is not an object"));
        const QJsonObject a = attrs.toObject();
        if (!optionalString(a, "login", &s.login, &why) || !optionalString(a, "password", &s.password, &why) ||
            !optionalDouble(a, "install_fee", &s.installFee, &why) ||
            !optionalDouble(a, "subscription_fee", &s.subscriptionFee, &why) ||
            !optionalString(a, "username", &s.username, &why) || !optionalString(a, "domain", &s.domain, &why))
            return malformed(why);
    }
    return s;
}

QString serverMessage(const QByteArray &body)
{
    const QByteArray trimmed = body.trimmed();
    if (trimmed.isEmpty())
        return {};
    if (const auto doc = json::parse(trimmed); doc && doc->isObject()) {
        const QJsonObject o = doc->object();
        for (const char *key : {"error", "message", "Desc", "desc", "detail"}) {
            const QJsonValue v = o.value(QLatin1String(key));
            if (v.isString())
                return v.toString();
            if (v.isObject() && v.toObject().value(QStringLiteral("message")).isString())
                return v.toObject().value(QStringLiteral("message")).toString();
        }
    }
    // Plain-text error pages and objects without a message: keep them short, they are shown verbatim.
    return QString::fromUtf8(trimmed.left(500));
}

QJsonObject toJson(const VoiceService &service)
{
    return {{QStringLiteral("id"), service.id},
            {QStringLiteral("name"), service.name},
            {QStringLiteral("created_at"), timeOrNull(service.createdAt, time::toRfc3339)}};
}

QJsonObject toJson(const VoiceServiceDetails &d)
{
    return {{QStringLiteral("id"), d.id},
            {QStringLiteral("name"), d.name},
            {QStringLiteral("digit"), qint64(d.digit)},
            {QStringLiteral("redirect_number"), d.redirectNumber},
            {QStringLiteral("media_id"), json::uint64ToString(d.mediaId)},
            {QStringLiteral("created_at"), timeOrNull(d.createdAt, time::toRfc3339)}};
}

QJsonObject toJson(const CallInfo &c)
{
    QJsonObject o{{QStringLiteral("call_id"), c.callId},
                  {QStringLiteral("status"), c.status},
                  {QStringLiteral("direction"), c.direction},
                  {QStringLiteral("source"), c.source},
                  {QStringLiteral("destination"), c.destination},
                  {QStringLiteral("created"), timeOrNull(c.created, time::toRfc2822)},
                  {QStringLiteral("updated"), timeOrNull(c.updated, time::toRfc2822)},
                  {QStringLiteral("started"), timeOrNull(c.started, time::toRfc2822)},
                  {QStringLiteral("ended"), timeOrNull(c.ended, time::toRfc2822)},
                  {QStringLiteral("final"), c.isFinal()}};
    o.insert(QStringLiteral("duration"), c.duration ? QJsonValue(*c.duration) : QJsonValue());
    o.insert(QStringLiteral("timeout"), c.timeout ? QJsonValue(*c.timeout) : QJsonValue());
    return o;
}

QJsonObject toJson(const SipAttributes &s, bool includePassword)
{
    const auto fee = [](const std::optional<double> &v) { return v ? QJsonValue(*v) : QJsonValue(); };
    QJsonObject attributes{{QStringLiteral("login"), s.login},
                           {QStringLiteral("password"), includePassword ? s.password : QStringLiteral("********")},
                           {QStringLiteral("install_fee"), fee(s.installFee)},
                           {QStringLiteral("subscription_fee"), fee(s.subscriptionFee)},
                           {QStringLiteral("username"), s.username},
                           {QStringLiteral("domain"), s.domain}};
    return {{QStringLiteral("application_uuid"), s.applicationUuid},
            {QStringLiteral("sip_resource_id"), json::uint64ToString(s.sipResourceId)},
            {QStringLiteral("sip_name"), s.sipName},
            {QStringLiteral("description"), s.description},
            {QStringLiteral("number_code"),
             s.numberCode ? QJsonValue(json::uint64ToString(*s.numberCode)) : QJsonValue()},
            {QStringLiteral("attributes"), attributes}};
}

} // namespace vc::codec
