#pragma once

// Reading Exolve answers with simdjson's on-demand API: walking objects field by field and reading each
// field into a typed value with the decoders' rules (absent, null and empty mean "not given"; a present
// field of another type refuses the answer, with the reason). Private to the codec.
#include "common/apierror.h"
#include "common/jsoncodec.h"
#include "common/timeformats.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QString>

#include <simdjson.h>

#include <cmath>
#include <limits>
#include <optional>
#include <string_view>

namespace vc::codec::detail {

Q_DECLARE_LOGGING_CATEGORY(lcCodec)

namespace od = simdjson::ondemand;
using simdjson::error_code;

inline ApiError malformed(const QString &detail)
{
    return malformedError(detail);
}

// The answers are read with simdjson's on-demand parser straight into the typed values: no tree is
// built, 64-bit integers are read exactly (no pre-pass quoting them), unknown fields are skipped
// unread. One parser per thread keeps its buffers between answers.
inline od::parser &parser()
{
    thread_local od::parser p;
    return p;
}

inline QString readable(error_code e)
{
    return QString::fromLatin1(simdjson::error_message(e));
}

inline QString fromUtf8(std::string_view v)
{
    return QString::fromUtf8(v.data(), qsizetype(v.size()));
}

// Hands each field of `object` to `field(key, value)` once, in the order sent; `field` returns false
// (with *why set) to refuse the answer.
template <typename Field>
inline bool walkFields(od::object &object, QString *why, Field &&field)
{
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
    return true;
}

// A nested object's fields.
template <typename Field>
inline bool forEachField(od::value &value, QString *why, Field &&field)
{
    od::object object;
    if (const error_code e = value.get_object().get(object)) {
        *why = readable(e);
        return false;
    }
    return walkFields(object, why, field);
}

// The answer's top-level object's fields; anything else at the top, or bytes after the object, is
// refused.
template <typename Field>
inline bool forEachTopField(const QByteArray &body, QString *why, Field &&field)
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
    if (!walkFields(object, why, field))
        return false;
    // Past the object there must be nothing left (the parser has no later token to point at).
    if (doc.current_location().error() != simdjson::OUT_OF_BOUNDS) {
        *why = QStringLiteral("the answer has bytes after its JSON object");
        return false;
    }
    return true;
}

inline bool typeOf(od::value &v, od::json_type *type, QString *why)
{
    if (const error_code e = v.type().get(*type)) {
        *why = readable(e);
        return false;
    }
    return true;
}

// An optional array or object field: absent (missing or null), present, or of another type (refused).
enum class Presence { Absent, Present, Refused };
inline Presence presence(od::value &v, od::json_type expected, const char *notExpected, QString *why)
{
    od::json_type type;
    if (!typeOf(v, &type, why))
        return Presence::Refused;
    if (type == od::json_type::null)
        return Presence::Absent;
    if (type != expected) {
        *why = QLatin1String(notExpected);
        return Presence::Refused;
    }
    return Presence::Present;
}

inline bool wrongType(const char *key, const char *what, QString *why)
{
    *why = QStringLiteral("field %1 is not %2").arg(QLatin1String(key), QLatin1String(what));
    return false;
}

// An optional string field, unescaped, as a view into the parser's buffer: null leaves *out empty; a
// present field of another type is a malformed answer.
inline bool readStringView(od::value &v, const char *key, std::optional<std::string_view> *out, QString *why)
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
    *out = text;
    return true;
}

// The same as a string.
inline bool readString(od::value &v, const char *key, QString *out, QString *why)
{
    std::optional<std::string_view> text;
    if (!readStringView(v, key, &text, why))
        return false;
    if (text)
        *out = fromUtf8(*text);
    return true;
}

inline bool requireString(const QString &value, const char *key, QString *why)
{
    if (!value.isEmpty())
        return true;
    *why = QStringLiteral("field %1 is missing").arg(QLatin1String(key));
    return false;
}

// A time field: unreadable text is shown as unknown rather than losing the whole answer over it.
inline bool readTime(od::value &v, const char *key, QDateTime *out, QString *why,
              std::optional<QDateTime> (*parser)(const QString &))
{
    std::optional<std::string_view> given;
    if (!readStringView(v, key, &given, why))
        return false;
    if (!given || given->empty())
        return true;
    const std::string_view raw = *given;
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
inline Integral integralValue(od::value &v, bool *negative, quint64 *magnitude, QString *why)
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
inline bool readUInt64(od::value &v, const char *key, std::optional<quint64> *out, QString *why)
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
inline bool readInt32(od::value &v, const char *key, std::optional<qint32> *out, QString *why)
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
inline bool readDouble(od::value &v, const char *key, std::optional<double> *out, QString *why)
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


// Each object of an array value, in order (`list` names it in the error for an item of another type).
template <typename Item>
inline bool forEachObject(od::value &value, const char *list, QString *why, Item &&item)
{
    od::array array;
    if (const error_code e = value.get_array().get(array)) {
        *why = readable(e);
        return false;
    }
    for (auto element : array) {
        od::value v;
        if (const error_code e = std::move(element).get(v)) {
            *why = readable(e);
            return false;
        }
        od::json_type type;
        if (!typeOf(v, &type, why))
            return false;
        if (type != od::json_type::object) {
            *why = QStringLiteral("%1 has an item that is not an object").arg(QLatin1String(list));
            return false;
        }
        if (!item(v))
            return false;
    }
    return true;
}

} // namespace vc::codec::detail
