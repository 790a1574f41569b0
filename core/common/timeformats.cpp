#include "common/timeformats.h"

#include <QCoreApplication>

#include <QHash>
#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>

namespace vc::time {

namespace {
char16_t codeAt(QStringView s, qsizetype i)
{
    return s.at(i).unicode();
}
char16_t codeAt(std::string_view s, qsizetype i)
{
    return char16_t(static_cast<unsigned char>(s[size_t(i)]));
}

// Digits at [pos, pos+count) as a number, or -1.
template <typename View>
int digitsAt(View s, qsizetype pos, int count)
{
    int value = 0;
    for (int i = 0; i < count; ++i) {
        const char16_t c = codeAt(s, pos + i);
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c - u'0');
    }
    return value;
}

// The shape every GetList entry has ("2022-12-15T10:23:54.912Z"), read without a regular expression:
// a 100,000-service list spends most of its decoding time here otherwise. Works on UTF-16 text and on
// the raw bytes of an answer alike.
template <typename View>
std::optional<QDateTime> fastUtc(View s)
{
    const qsizetype size = qsizetype(s.size());
    if (size < 20 || size > 30)
        return std::nullopt;
    const char16_t last = codeAt(s, size - 1), t = codeAt(s, 10);
    if ((last != u'Z' && last != u'z') || codeAt(s, 4) != u'-' || codeAt(s, 7) != u'-' ||
        (t != u'T' && t != u't' && t != u' ') || codeAt(s, 13) != u':' || codeAt(s, 16) != u':')
        return std::nullopt;
    const int y = digitsAt(s, 0, 4), mo = digitsAt(s, 5, 2), d = digitsAt(s, 8, 2);
    const int h = digitsAt(s, 11, 2), mi = digitsAt(s, 14, 2), sec = digitsAt(s, 17, 2);
    int ms = 0;
    const qsizetype end = size - 1;
    if (end > 19) {
        if (codeAt(s, 19) != u'.' || end == 20)
            return std::nullopt;
        for (qsizetype i = 20; i < end; ++i) {
            const char16_t c = codeAt(s, i);
            if (c < u'0' || c > u'9')
                return std::nullopt;
            if (i < 23)
                ms = ms * 10 + (c - u'0');
        }
        for (qsizetype i = std::min<qsizetype>(end, 23); i < 23; ++i)
            ms *= 10;
    }
    const QDate date(y, mo, d);
    const QTime time(h, mi, sec, ms);
    if (y < 0 || !date.isValid() || !time.isValid())
        return std::nullopt;
    return QDateTime(date, time, Qt::UTC);
}
} // namespace

std::optional<QDateTime> parseRfc3339(const QString &text)
{
    if (auto fast = fastUtc(QStringView(text)))
        return fast;
    // RFC 3339 requires a date, a time and an offset; Qt would also take a bare date or a local time.
    static const QRegularExpression shape(QStringLiteral(
        R"(^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})?$)"));
    const QString trimmed = text.trimmed();
    if (!shape.match(trimmed).hasMatch())
        return std::nullopt;
    QString normalised = trimmed;
    normalised[10] = u'T';
    if (normalised.endsWith(u'z'))
        normalised.back() = u'Z';
    // Without an offset (not RFC 3339, but some servers write it so) the time is taken as UTC.
    static const QRegularExpression hasOffset(QStringLiteral(R"(([Zz]|[+-]\d{2}:\d{2})$)"));
    if (!hasOffset.match(normalised).hasMatch())
        normalised += u'Z';
    // Qt reads at most milliseconds; cut finer fractions instead of rejecting them.
    static const QRegularExpression longFraction(QStringLiteral(R"((\.\d{3})\d+)"));
    normalised.replace(longFraction, QStringLiteral("\\1"));
    QDateTime dt = QDateTime::fromString(normalised, Qt::ISODateWithMs);
    if (!dt.isValid())
        return std::nullopt;
    return dt.toUTC();
}

std::optional<QDateTime> parseUtcFast(std::string_view text)
{
    return fastUtc(text);
}

std::optional<QDateTime> parseRfc2822(const QString &text)
{
    QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > 64)
        return std::nullopt;
    // RFC 2822 4.3 obs-zone: the names Qt does not read become the offsets they stand for. HTTP dates
    // ("... GMT") are of this kind too. A military letter other than Z carries no reliable offset
    // (RFC 2822 says to take it as -0000), and neither does -0000 itself: both are read as UTC.
    static const QRegularExpression zoneName(QStringLiteral("\\s([A-Za-z]{1,3})$"));
    if (const auto m = zoneName.match(trimmed); m.hasMatch()) {
        static const QHash<QString, QString> offsets{
            {QStringLiteral("UT"), QStringLiteral("+0000")},  {QStringLiteral("GMT"), QStringLiteral("+0000")},
            {QStringLiteral("UTC"), QStringLiteral("+0000")}, {QStringLiteral("Z"), QStringLiteral("+0000")},
            {QStringLiteral("EST"), QStringLiteral("-0500")}, {QStringLiteral("EDT"), QStringLiteral("-0400")},
            {QStringLiteral("CST"), QStringLiteral("-0600")}, {QStringLiteral("CDT"), QStringLiteral("-0500")},
            {QStringLiteral("MST"), QStringLiteral("-0700")}, {QStringLiteral("MDT"), QStringLiteral("-0600")},
            {QStringLiteral("PST"), QStringLiteral("-0800")}, {QStringLiteral("PDT"), QStringLiteral("-0700")}};
        const QString name = m.captured(1).toUpper();
        QString offset = offsets.value(name);
        if (offset.isEmpty() && name.size() == 1 && name != QLatin1String("J"))
            offset = QStringLiteral("+0000");
        if (offset.isEmpty())
            return std::nullopt;
        trimmed = trimmed.left(m.capturedStart(1)) + offset;
    }
    QDateTime dt = QDateTime::fromString(trimmed, Qt::RFC2822Date);
    if (!dt.isValid())
        return std::nullopt;
    return dt.toUTC();
}

std::optional<QDateTime> parseAny(const QString &text)
{
    if (auto dt = parseRfc3339(text))
        return dt;
    return parseRfc2822(text);
}

QString toRfc3339(const QDateTime &dt)
{
    return dt.toUTC().toString(Qt::ISODateWithMs);
}

QString toRfc2822(const QDateTime &dt)
{
    // Qt's RFC 2822 writer uses the C locale's names, which is what the format requires.
    return QLocale::c().toString(dt.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss")) +
           QStringLiteral(" +0000");
}

namespace {
class DurationText final
{
    Q_DECLARE_TR_FUNCTIONS(Duration)
public:
    static QString text(qint64 seconds)
    {
        seconds = std::max<qint64>(0, seconds);
        if (seconds < 60)
            return tr("%n s", nullptr, int(seconds));
        if (seconds < 3600)
            return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
        if (seconds < 48 * 3600)
            return tr("%1 h %2 min").arg(seconds / 3600).arg(seconds % 3600 / 60);
        return tr("%1 days %2 h").arg(seconds / 86400).arg(seconds % 86400 / 3600);
    }
};
} // namespace

QString duration(qint64 seconds)
{
    return DurationText::text(seconds);
}

} // namespace vc::time
