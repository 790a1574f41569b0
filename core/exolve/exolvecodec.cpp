#include "exolve/exolvecodec.h"

#include "common/jsoncodec.h"
#include "common/timeformats.h"

#include <QJsonArray>
#include <QLoggingCategory>

#include <simdjson.h>

#include <cmath>
#include <limits>

namespace vc::codec {

namespace {
Q_LOGGING_CATEGORY(lcCodec, "vc.api")

namespace od = simdjson::ondemand;
using simdjson::error_code;

ApiError malformed(const QString &detail)
{
    return malformedError(detail);
}

// The answers are read with simdjson's on-demand parser straight into the typed values: no tree is
// built, 64-bit integers are read exactly (no pre-pass quoting them), unknown fields are skipped
// unread. One parser per thread keeps its buffers between answers.
od::parser &parser()
{
    thread_local od::parser p;
    return p;
}

QString readable(error_code e)
{
    return QString::fromLatin1(simdjson::error_message(e));
}

QString fromUtf8(std::string_view v)
{
    return QString::fromUtf8(v.data(), qsizetype(v.size()));
}

// Walks a top-level JSON object: `field(key, value)` sees each field once, in the order sent; it
// returns false (with *why set) to refuse the answer. Trailing bytes after the object are refused too.
template <typename Field>
bool forEachTopField(const QByteArray &body, QString *why, Field &&field)
{
    const simdjson::padded_string padded(body.constData(), size_t(body.size()));
    od::document doc;
    if (const error_code e = parser().iterate(padded).get(doc)) {
        *why = readable(e);
        return false;
    }
    od::json_type type;
    if (const error_code e = doc.type().get(type)) {
        *why = readable(e);
        return false;
    }
    if (type != od::json_type::object) {
        *why = QStringLiteral("the answer is not a JSON object");
        return false;
    }
    od::object object;
    if (const error_code e = doc.get_object().get(object)) {
        *why = readable(e);
        return false;
    }
    for (auto item : object) {
        od::field f;
        std::string_view key;
        if (const error_code e = std::move(item).get(f)) {
            *why = readable(e);
            return false;
        }
        if (const error_code e = f.unescaped_key().get(key)) {
            *why = readable(e);
            return false;
        }
        od::value value = f.value();
        if (!field(key, value))
            return false;
    }
    // Past the object there must be nothing left (the parser has no later token to point at).
    if (doc.current_location().error() != simdjson::OUT_OF_BOUNDS) {
        *why = QStringLiteral("the answer has bytes after its JSON object");
        return false;
    }
    return true;
}

// The same for a nested object.
template <typename Field>
bool forEachField(od::value &value, QString *why, Field &&field)
{
    od::object object;
    if (const error_code e = value.get_object().get(object)) {
        *why = readable(e);
        return false;
    }
    for (auto item : object) {
        od::field f;
        std::string_view key;
        if (const error_code e = std::move(item).get(f)) {
            *why = readable(e);
            return false;
        }
        if (const error_code e = f.unescaped_key().get(key)) {
            *why = readable(e);
            return false;
        }
        od::value v = f.value();
        if (!field(key, v))
            return false;
    }
    return true;
}

bool typeOf(od::value &v, od::json_type *type, QString *why)
{
    if (const error_code e = v.type().get(*type)) {
        *why = readable(e);
        return false;
    }
    return true;
}

bool wrongType(const char *key, const char *what, QString *why)
{
    *why = QStringLiteral("field %1 is not %2").arg(QLatin1String(key), QLatin1String(what));
    return false;
}

// An optional string field; null is absent; a present field of another type is a malformed answer.
bool readString(od::value &v, const char *key, QString *out, QString *why)
{
    od::json_type type;
    if (!typeOf(v, &type, why))
        return false;
    if (type == od::json_type::null)
        return true;
    if (type != od::json_type::string)
        return wrongType(key, "a string", why);
    std::string_view text;
    if (const error_code e = v.get_string().get(text)) {
        *why = readable(e);
        return false;
    }
    *out = fromUtf8(text);
    return true;
}

bool requireString(const QString &value, const char *key, QString *why)
{
    if (!value.isEmpty())
        return true;
    *why = QStringLiteral("field %1 is missing").arg(QLatin1String(key));
    return false;
}

// A time field: unreadable text is shown as unknown rather than losing the whole answer over it.
bool readTime(od::value &v, const char *key, QDateTime *out, QString *why,
              std::optional<QDateTime> (*parser)(const QString &))
{
    od::json_type type;
    if (!typeOf(v, &type, why))
        return false;
    if (type == od::json_type::null)
        return true;
    if (type != od::json_type::string)
        return wrongType(key, "a string", why);
    std::string_view raw;
    if (const error_code e = v.get_string().get(raw)) {
        *why = readable(e);
        return false;
    }
    if (raw.empty())
        return true;
    // GetList's times all have one shape: read it from the bytes, with no string made first.
    if (parser == time::parseRfc3339) {
        if (auto fast = time::parseUtcFast(raw)) {
            *out = *fast;
            return true;
        }
    }
    const QString text = fromUtf8(raw);
    auto dt = parser(text);
    if (!dt)
        dt = time::parseAny(text); // the documented format first, then the other one
    if (!dt) {
        qCWarning(lcCodec).noquote() << "field" << key << "is not a time we can read:" << text.left(64);
        return true;
    }
    *out = *dt;
    return true;
}

// A number's value when it is integral: exact for any 64-bit integer, and 1e3-style literals too.
enum class Integral { Yes, No, Error };
Integral integralValue(od::value &v, bool *negative, quint64 *magnitude, QString *why)
{
    od::number_type kind;
    if (const error_code e = v.get_number_type().get(kind)) {
        *why = readable(e);
        return Integral::Error;
    }
    if (kind == od::number_type::unsigned_integer) {
        uint64_t u = 0;
        if (v.get_uint64().get(u))
            return Integral::Error;
        *negative = false;
        *magnitude = u;
        return Integral::Yes;
    }
    if (kind == od::number_type::signed_integer) {
        int64_t i = 0;
        if (v.get_int64().get(i))
            return Integral::Error;
        *negative = i < 0;
        *magnitude = i < 0 ? quint64(-(i + 1)) + 1 : quint64(i);
        return Integral::Yes;
    }
    double d = 0;
    if (v.get_double().get(d) || !std::isfinite(d) || std::floor(d) != d || std::fabs(d) >= 9223372036854775808.0)
        return Integral::No;
    *negative = d < 0;
    *magnitude = quint64(std::fabs(d));
    return Integral::Yes;
}

// A protobuf-JSON uint64: a string of decimal digits (empty = absent) or a non-negative integral number.
bool readUInt64(od::value &v, const char *key, std::optional<quint64> *out, QString *why)
{
    od::json_type type;
    if (!typeOf(v, &type, why))
        return false;
    if (type == od::json_type::null)
        return true;
    if (type == od::json_type::string) {
        std::string_view text;
        if (v.get_string().get(text))
            return wrongType(key, "an unsigned 64-bit integer", why);
        if (text.empty())
            return true;
        *out = json::parseUInt64Text(QString::fromLatin1(text.data(), qsizetype(text.size())));
    } else if (type == od::json_type::number) {
        bool negative = false;
        quint64 magnitude = 0;
        const Integral integral = integralValue(v, &negative, &magnitude, why);
        if (integral == Integral::Error)
            return false;
        if (integral == Integral::Yes && !negative)
            *out = magnitude;
    }
    return *out ? true : wrongType(key, "an unsigned 64-bit integer", why);
}

// A 32-bit integer given as a number or a string of digits (an optional leading minus).
bool readInt32(od::value &v, const char *key, std::optional<qint32> *out, QString *why)
{
    od::json_type type;
    if (!typeOf(v, &type, why))
        return false;
    if (type == od::json_type::null)
        return true;
    bool negative = false;
    quint64 magnitude = 0;
    bool ok = false;
    if (type == od::json_type::string) {
        std::string_view text;
        if (!v.get_string().get(text)) {
            negative = !text.empty() && text.front() == '-';
            const std::string_view digits = negative ? text.substr(1) : text;
            const auto m = json::parseUInt64Text(QString::fromLatin1(digits.data(), qsizetype(digits.size())));
            ok = m.has_value();
            magnitude = m.value_or(0);
        }
    } else if (type == od::json_type::number) {
        const Integral integral = integralValue(v, &negative, &magnitude, why);
        if (integral == Integral::Error)
            return false;
        ok = integral == Integral::Yes;
    }
    const quint64 limit = negative ? quint64(std::numeric_limits<qint32>::max()) + 1 : quint64(std::numeric_limits<qint32>::max());
    if (!ok || magnitude > limit)
        return wrongType(key, "a 32-bit integer", why);
    *out = negative ? qint32(-qint64(magnitude)) : qint32(magnitude);
    return true;
}

// A float given as a number or a numeric string.
bool readDouble(od::value &v, const char *key, std::optional<double> *out, QString *why)
{
    od::json_type type;
    if (!typeOf(v, &type, why))
        return false;
    if (type == od::json_type::null)
        return true;
    if (type == od::json_type::number) {
        double d = 0;
        if (!v.get_double().get(d))
            *out = d;
    } else if (type == od::json_type::string) {
        std::string_view text;
        if (!v.get_string().get(text)) {
            bool ok = false;
            const double d = fromUtf8(text).toDouble(&ok);
            if (ok && std::isfinite(d))
                *out = d;
        }
    }
    return *out ? true : wrongType(key, "a number", why);
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
    QList<VoiceService> services;
    const bool ok = forEachTopField(body, &why, [&](std::string_view key, od::value &value) {
        if (key != "voice_message_list")
            return true;
        od::json_type type;
        if (!typeOf(value, &type, &why))
            return false;
        // protobuf's JSON mapping omits an empty repeated field altogether; null means the same.
        if (type == od::json_type::null)
            return true;
        if (type != od::json_type::array) {
            why = QStringLiteral("voice_message_list is not an array");
            return false;
        }
        od::array array;
        if (const error_code e = value.get_array().get(array)) {
            why = readable(e);
            return false;
        }
        services.clear();
        // A list of 100,000 services is about 12 MB: reserve from the size instead of growing.
        services.reserve(std::min<qsizetype>(body.size() / 64, 1 << 20));
        for (auto element : array) {
            od::value item;
            if (const error_code e = std::move(element).get(item)) {
                why = readable(e);
                return false;
            }
            od::json_type itemType;
            if (!typeOf(item, &itemType, &why))
                return false;
            if (itemType != od::json_type::object) {
                why = QStringLiteral("voice_message_list has an item that is not an object");
                return false;
            }
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
        }
        return true;
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
            od::json_type type;
            if (!typeOf(v, &type, &why))
                return false;
            if (type == od::json_type::null)
                return true;
            if (type != od::json_type::object) {
                why = QStringLiteral("attributes is not an object");
                return false;
            }
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
