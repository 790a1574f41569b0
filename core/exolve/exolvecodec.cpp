#include "exolve/exolvecodec.h"

#include "exolve/exolvejsonfields_p.h"

#include "common/jsoncodec.h"
#include "common/timeformats.h"

#include <QJsonArray>
#include <QLoggingCategory>

namespace vc::codec {

namespace detail {
Q_LOGGING_CATEGORY(lcCodec, "vc.api")
}

namespace {
using namespace detail;

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

QByteArray encodeCallHistoryQuery(const CallHistoryQuery &q)
{
    QJsonObject o{{QStringLiteral("date_from"), time::toRfc3339(q.from.toUTC())},
                  {QStringLiteral("date_to"), time::toRfc3339(q.to.toUTC())},
                  {QStringLiteral("sip_id"), q.sipId},
                  {QStringLiteral("limit"), qint64(q.limit)},
                  {QStringLiteral("offset"), json::uint64ToString(q.offset)}};
    if (!q.applicationUuid.isEmpty())
        o.insert(QStringLiteral("application_uuid"), q.applicationUuid);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

namespace {

// A value exactly as the server wrote it (a scalar's token, or a whole object or array).
bool rawJson(od::value &v, QByteArray *out, QString *why)
{
    od::json_type type;
    if (!typeOf(v, &type, why))
        return false;
    std::string_view raw;
    error_code e = simdjson::SUCCESS;
    if (type == od::json_type::object) {
        od::object o;
        e = v.get_object().get(o);
        if (!e)
            e = o.raw_json().get(raw);
    } else if (type == od::json_type::array) {
        od::array a;
        e = v.get_array().get(a);
        if (!e)
            e = a.raw_json().get(raw);
    } else {
        raw = v.raw_json_token();
    }
    if (e) {
        *why = readable(e);
        return false;
    }
    *out = QByteArray(raw.data(), qsizetype(raw.size())).trimmed();
    return true;
}

// call_id as either kind: a JSON number (every digit of a uint64, never through a double) or a string.
bool readHistoryId(od::value &v, CallHistoryEntry *entry, QString *why)
{
    od::json_type type;
    if (!typeOf(v, &type, why))
        return false;
    if (type == od::json_type::number) {
        std::optional<quint64> id;
        if (!readUInt64(v, "call_id", &id, why))
            return false;
        entry->callId = QString::number(*id);
        entry->numericId = true;
        return true;
    }
    if (!readString(v, "call_id", &entry->callId, why))
        return false;
    entry->numericId = !entry->callId.isEmpty() && entry->callId.size() <= 20 &&
                       std::all_of(entry->callId.cbegin(), entry->callId.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
    return true;
}

} // namespace

Result<QList<CallHistoryEntry>> decodeCallHistory(const QByteArray &body)
{
    QString why;
    QList<CallHistoryEntry> calls;
    bool seen = false;
    const bool ok = forEachTopField(body, &why, [&](std::string_view key, od::value &value) {
        if (key != "calls" && key != "call_history")
            return true;
        const Presence list = presence(value, od::json_type::array, "the list of calls is not an array", &why);
        if (list != Presence::Present)
            return list == Presence::Absent;
        if (seen) {
            why = QStringLiteral("the answer has both calls and call_history");
            return false;
        }
        seen = true;
        return forEachObject(value, key == "calls" ? "calls" : "call_history", &why, [&](od::value &item) {
            CallHistoryEntry c;
            QByteArray extra;
            const bool itemOk = forEachField(item, &why, [&](std::string_view k, od::value &v) {
                if (k == "call_id")
                    return readHistoryId(v, &c, &why);
                if (k == "duration") {
                    std::optional<qint32> d;
                    if (!readInt32(v, "duration", &d, &why))
                        return false;
                    if (d && *d < 0) {
                        why = QStringLiteral("duration is negative");
                        return false;
                    }
                    if (d)
                        c.duration = quint32(*d);
                    return true;
                }
                QByteArray raw;
                if (!rawJson(v, &raw, &why))
                    return false;
                if (extra.size() < 64 * 1024) // kept to show, not to grow without end
                    extra += (extra.isEmpty() ? QByteArray() : QByteArrayLiteral(",")) +
                             QJsonDocument(QJsonArray{fromUtf8(k)}).toJson(QJsonDocument::Compact).mid(1).chopped(1) + ':' + raw;
                return true;
            });
            if (!itemOk || !requireString(c.callId, "call_id", &why))
                return false;
            c.extra = extra.isEmpty() ? QString() : QString::fromUtf8('{' + extra + '}');
            calls.append(std::move(c));
            if (calls.size() > 100000) {
                why = QStringLiteral("more than 100000 calls in one page");
                return false;
            }
            return true;
        });
    });
    if (!ok)
        return malformed(why);
    return calls;
}

Result<QList<VoiceService>> decodeServiceList(const QByteArray &body)
{
    QString why;
    QList<VoiceService> services;
    const bool ok = forEachTopField(body, &why, [&](std::string_view key, od::value &value) {
        if (key != "voice_message_list")
            return true;
        // protobuf's JSON mapping omits an empty repeated field altogether; null means the same.
        const Presence list = presence(value, od::json_type::array, "voice_message_list is not an array", &why);
        if (list != Presence::Present)
            return list == Presence::Absent;
        services.clear();
        // A list of 100,000 services is about 12 MB: reserve from the size instead of growing.
        services.reserve(std::min<qsizetype>(body.size() / 64, 1 << 20));
        return forEachObject(value, "voice_message_list", &why, [&](od::value &item) {
            VoiceService s;
            const bool itemOk = forEachField(item, &why, [&](std::string_view k, od::value &v) {
                if (k == "id")
                    return readString(v, "id", &s.id, &why);
                if (k == "name")
                    return readString(v, "name", &s.name, &why);
                if (k == "created_at")
                    return readTime(v, "created_at", &s.createdAt, &why, time::parseRfc3339);
                return true;
            });
            if (!itemOk || !requireString(s.id, "id", &why))
                return false;
            services.append(std::move(s));
            return true;
        });
    });
    if (!ok)
        return malformed(why);
    return services;
}

Result<Empty> decodeDeleted(const QByteArray &body)
{
    QString why;
    if (!forEachTopField(body, &why, [](std::string_view, od::value &) { return true; }))
        return malformed(why);
    return Empty{};
}

Result<VoiceServiceDetails> decodeServiceDetails(const QByteArray &body)
{
    QString why;
    VoiceServiceDetails d;
    std::optional<qint32> digit, nestedDigit;
    std::optional<quint64> mediaId;
    QString nestedRedirect;
    const bool ok = forEachTopField(body, &why, [&](std::string_view key, od::value &v) {
        if (key == "id")
            return readString(v, "id", &d.id, &why);
        if (key == "name")
            return readString(v, "name", &d.name, &why);
        if (key == "digit")
            return readInt32(v, "digit", &digit, &why);
        if (key == "redirect_number")
            return readString(v, "redirect_number", &d.redirectNumber, &why);
        if (key == "media_id")
            return readUInt64(v, "media_id", &mediaId, &why);
        if (key == "created_at")
            return readTime(v, "created_at", &d.createdAt, &why, time::parseRfc3339);
        if (key == "redirect_info") {
            // The redirect settings may also come nested, as Create takes them.
            od::json_type type;
            if (!typeOf(v, &type, &why))
                return false;
            if (type != od::json_type::object)
                return true;
            return forEachField(v, &why, [&](std::string_view k, od::value &nested) {
                if (k == "digit")
                    return readInt32(nested, "digit", &nestedDigit, &why);
                if (k == "redirect_number")
                    return readString(nested, "redirect_number", &nestedRedirect, &why);
                return true;
            });
        }
        return true;
    });
    if (!ok || !requireString(d.id, "id", &why))
        return malformed(why);
    if (!digit)
        digit = nestedDigit;
    if (d.redirectNumber.isEmpty())
        d.redirectNumber = nestedRedirect;
    if (digit && (*digit < 0 || *digit > 9))
        return malformed(QStringLiteral("digit is out of range 0-9"));
    d.digit = quint32(digit.value_or(0));
    d.mediaId = mediaId.value_or(0);
    return d;
}

namespace {
// An id that may come as a string or as a bare (64-bit) number.
Result<QString> decodeSingleId(const QByteArray &body, const char *name)
{
    QString why;
    QString id;
    const bool ok = forEachTopField(body, &why, [&](std::string_view key, od::value &v) {
        if (key != name)
            return true;
        od::json_type type;
        if (!typeOf(v, &type, &why))
            return false;
        if (type == od::json_type::string) {
            std::string_view text;
            if (!v.get_string().get(text))
                id = fromUtf8(text);
        } else if (type == od::json_type::number) {
            QString ignored;
            std::optional<quint64> n;
            if (readUInt64(v, name, &n, &ignored) && n)
                id = json::uint64ToString(*n);
        }
        return true;
    });
    if (!ok)
        return malformed(why);
    if (id.isEmpty())
        return malformed(QStringLiteral("field %1 is missing").arg(QLatin1String(name)));
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
    CallInfo c;
    const bool ok = forEachTopField(body, &why, [&](std::string_view key, od::value &v) {
        if (key == "call_id")
            return readString(v, "call_id", &c.callId, &why);
        if (key == "created")
            return readTime(v, "created", &c.created, &why, time::parseRfc2822);
        if (key == "updated")
            return readTime(v, "updated", &c.updated, &why, time::parseRfc2822);
        if (key == "started")
            return readTime(v, "started", &c.started, &why, time::parseRfc2822);
        if (key == "ended")
            return readTime(v, "ended", &c.ended, &why, time::parseRfc2822);
        if (key == "duration")
            return readInt32(v, "duration", &c.duration, &why);
        if (key == "timeout")
            return readInt32(v, "timeout", &c.timeout, &why);
        if (key == "status")
            return readString(v, "status", &c.status, &why);
        if (key == "direction")
            return readString(v, "direction", &c.direction, &why);
        if (key == "source")
            return readString(v, "source", &c.source, &why);
        if (key == "destination")
            return readString(v, "destination", &c.destination, &why);
        return true;
    });
    if (!ok || !requireString(c.callId, "call_id", &why))
        return malformed(why);
    return c;
}

Result<SipAttributes> decodeSipAttributes(const QByteArray &body)
{
    QString why;
    SipAttributes s;
    std::optional<quint64> id;
    const bool ok = forEachTopField(body, &why, [&](std::string_view key, od::value &v) {
        if (key == "application_uuid")
            return readString(v, "application_uuid", &s.applicationUuid, &why);
        if (key == "sip_resource_id")
            return readUInt64(v, "sip_resource_id", &id, &why);
        if (key == "sip_name")
            return readString(v, "sip_name", &s.sipName, &why);
        if (key == "description")
            return readString(v, "description", &s.description, &why);
        if (key == "number_code")
            return readUInt64(v, "number_code", &s.numberCode, &why);
        if (key == "attributes") {
            const Presence attributes = presence(v, od::json_type::object, "attributes is not an object", &why);
            if (attributes != Presence::Present)
                return attributes == Presence::Absent;
            return forEachField(v, &why, [&](std::string_view k, od::value &a) {
                if (k == "login")
                    return readString(a, "login", &s.login, &why);
                if (k == "password")
                    return readString(a, "password", &s.password, &why);
                if (k == "install_fee")
                    return readDouble(a, "install_fee", &s.installFee, &why);
                if (k == "subscription_fee")
                    return readDouble(a, "subscription_fee", &s.subscriptionFee, &why);
                if (k == "username")
                    return readString(a, "username", &s.username, &why);
                if (k == "domain")
                    return readString(a, "domain", &s.domain, &why);
                return true;
            });
        }
        return true;
    });
    if (!ok)
        return malformed(why);
    s.sipResourceId = id.value_or(0);
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

QJsonObject toJson(const CallHistoryEntry &c)
{
    QJsonObject o{{QStringLiteral("call_id"), c.callId},
                  {QStringLiteral("duration"), c.duration ? QJsonValue(qint64(*c.duration)) : QJsonValue()}};
    if (!c.extra.isEmpty())
        o.insert(QStringLiteral("other_fields"), c.extra);
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
