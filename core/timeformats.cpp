#include "timeformats.h"

#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>

namespace vc::time {

std::optional<QDateTime> parseRfc3339(const QString &text)
{
    // RFC 3339 requires a date, a time and an offset; Qt would also take a bare date or a local time.
    static const QRegularExpression shape(QStringLiteral(
        R"(^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$)"));
    const QString trimmed = text.trimmed();
    if (!shape.match(trimmed).hasMatch())
        return std::nullopt;
    QString normalised = trimmed;
    normalised[10] = u'T';
    if (normalised.endsWith(u'z'))
        normalised.back() = u'Z';
    // Qt reads at most milliseconds; cut finer fractions instead of rejecting them.
    static const QRegularExpression longFraction(QStringLiteral(R"((\.\d{3})\d+)"));
    normalised.replace(longFraction, QStringLiteral("\\1"));
    QDateTime dt = QDateTime::fromString(normalised, Qt::ISODateWithMs);
    if (!dt.isValid())
        return std::nullopt;
    return dt.toUTC();
}

std::optional<QDateTime> parseRfc2822(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
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

} // namespace vc::time
