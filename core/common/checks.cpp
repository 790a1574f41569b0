#include "common/checks.h"

#include <algorithm>
#include <cmath>

namespace vc::checks {

bool hasControlCharacters(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) {
        return c.unicode() < 0x20 || (c.unicode() >= 0x7f && c.unicode() <= 0x9f);
    });
}

std::optional<double> finiteNumber(const QString &text)
{
    bool ok = false;
    const double v = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(v))
        return std::nullopt;
    return v;
}

QString elided(const QString &input, qsizetype max)
{
    if (input.size() <= max)
        return input;
    return input.left(max) + QStringLiteral("… (%1 characters)").arg(input.size());
}

} // namespace vc::checks
