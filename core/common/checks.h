#pragma once

#include <QString>

#include <optional>

namespace vc::checks {

// A secret or a header value with these could add request headers or rewrite a terminal.
bool hasControlCharacters(const QString &text);
// A number that is a number: NaN and infinities are refused wherever a float is read.
std::optional<double> finiteNumber(const QString &text);
// Input echoed back in a message, cut to a readable length.
QString elided(const QString &input, qsizetype max = 64);

} // namespace vc::checks
