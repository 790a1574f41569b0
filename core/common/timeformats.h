#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace vc::time {

// voice-message created_at: RFC 3339 / ISO 8601 with an offset or Z, fractional seconds optional; a
// time without an offset is taken as UTC.
std::optional<QDateTime> parseRfc3339(const QString &text);
// call/v1 GetInfo times: RFC 2822, e.g. "Wed, 29 Mar 2023 10:32:45 +0000".
std::optional<QDateTime> parseRfc2822(const QString &text);

// Either format: another implementation of the documents may mix them up.
std::optional<QDateTime> parseAny(const QString &text);

QString toRfc3339(const QDateTime &dt);
QString toRfc2822(const QDateTime &dt);

// A length of time for a person, in the interface's language: "45 s", "3 min 20 s", "2 h 35 min",
// "3 days 4 h".
QString duration(qint64 seconds);

} // namespace vc::time
