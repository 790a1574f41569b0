#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace vc::json {

// Reads what the integrationapi.net documents print as JSON: real JSON, but also single-quoted strings
// ({'messageId': 126399}), unquoted keys ({ Code: 4, Desc: "SessionID expired" }), and bare top-level
// strings or numbers ("Z5CY...", 20015.3). Integers too large for a double come back as strings, so
// ids keep every digit. Anything else is rejected with a reason; it never throws or crashes.
std::optional<QJsonValue> parseTolerant(const QByteArray &text, QString *error = nullptr);

} // namespace vc::json
