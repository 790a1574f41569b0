#include "common/jsoncodec.h"

#include <QJsonParseError>

#include <cmath>
#include <limits>

namespace vc::json {

namespace {
// 2^53 has 16 digits; anything with 16 or more digits is quoted so that no value loses precision.
constexpr int kMaxExactDigits = 15;

bool isNumberChar(char c)
{
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}
} // namespace

QByteArray quoteLargeIntegers(const QByteArray &raw)
{
    QByteArray out;
    bool changed = false;
    bool inString = false;
    qsizetype copiedUpTo = 0;
    const qsizetype n = raw.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char c = raw.at(i);
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
            continue;
        }
        if (c != '-' && (c < '0' || c > '9'))
            continue;
        qsizetype end = i;
        int digits = 0;
        bool integral = true;
        while (end < n && isNumberChar(raw.at(end))) {
            const char d = raw.at(end);
            if (d >= '0' && d <= '9')
                ++digits;
            else if (d != '-' || end != i)
                integral = false;
            ++end;
        }
        if (integral && digits > kMaxExactDigits) {
            if (!changed) {
                out.reserve(n + 16);
                changed = true;
            }
            out.append(raw.constData() + copiedUpTo, i - copiedUpTo);
            out.append('"');
            out.append(raw.constData() + i, end - i);
            out.append('"');
            copiedUpTo = end;
        }
        i = end - 1;
    }
    if (!changed)
        return raw;
    out.append(raw.constData() + copiedUpTo, n - copiedUpTo);
    return out;
}

std::optional<QJsonDocument> parse(const QByteArray &raw, QString *error)
{
    QJsonParseError parseError;
    QJsonDocument doc = QJsonDocument::fromJson(quoteLargeIntegers(raw), &parseError);
    if (parseError.error != QJsonParseError::NoError || doc.isNull()) {
        if (error)
            *error = parseError.errorString();
        return std::nullopt;
    }
    return doc;
}

std::optional<quint64> parseUInt64Text(QStringView text)
{
    if (text.isEmpty() || text.size() > 20)
        return std::nullopt;
    quint64 value = 0;
    for (const QChar ch : text) {
        if (ch < u'0' || ch > u'9')
            return std::nullopt;
        const quint64 digit = ch.unicode() - u'0';
        if (value > (std::numeric_limits<quint64>::max() - digit) / 10)
            return std::nullopt;
        value = value * 10 + digit;
    }
    return value;
}

std::optional<quint64> toUInt64(const QJsonValue &value)
{
    if (value.isString())
        return parseUInt64Text(value.toString());
    if (value.isDouble()) {
        // Integral values (also 1e3, which protobuf's JSON reader accepts too) are kept as qint64;
        // fractions and negatives have no uint64 reading.
        const qint64 integral = value.toInteger(-1);
        if (integral < 0)
            return std::nullopt;
        return static_cast<quint64>(integral);
    }
    return std::nullopt;
}

std::optional<qint32> toInt32(const QJsonValue &value)
{
    qint64 v = 0;
    if (value.isString()) {
        const QString string = value.toString(); // keep the text alive for the view
        const QStringView text(string);
        const bool negative = text.startsWith(u'-');
        const auto magnitude = parseUInt64Text(negative ? text.mid(1) : text);
        if (!magnitude || *magnitude > quint64(std::numeric_limits<qint32>::max()) + 1)
            return std::nullopt;
        v = negative ? -qint64(*magnitude) : qint64(*magnitude);
    } else if (value.isDouble()) {
        const double d = value.toDouble();
        if (!std::isfinite(d) || std::floor(d) != d)
            return std::nullopt;
        v = value.toInteger();
    } else {
        return std::nullopt;
    }
    if (v < std::numeric_limits<qint32>::min() || v > std::numeric_limits<qint32>::max())
        return std::nullopt;
    return qint32(v);
}

std::optional<double> toDouble(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toDouble();
    if (value.isString()) {
        bool ok = false;
        const double d = value.toString().toDouble(&ok);
        if (ok && std::isfinite(d))
            return d;
    }
    return std::nullopt;
}

QString uint64ToString(quint64 value)
{
    return QString::number(value);
}

} // namespace vc::json
