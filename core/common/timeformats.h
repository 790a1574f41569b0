#pragma once

#include <QDateTime>
#include <QString>

#include <optional>
#include <string_view>

namespace vc::time {

// voice-message created_at: RFC 3339 / ISO 8601 with an offset or Z, fractional seconds optional; a
// time without an offset is taken as UTC.
std::optional<QDateTime> parseRfc3339(const QString &text);
// Only the common UTC shape ("2022-12-15T10:23:54.912Z") straight from an answer's bytes, without
// making a string first; nullopt for anything else (then parseRfc3339 decides).
std::optional<QDateTime> parseUtcFast(std::string_view text);
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
