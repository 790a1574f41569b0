#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace vc::json {

// QJsonDocument stores numbers it cannot hold as qint64 in a double, which loses digits above 2^53.
// Before parsing, integer literals that may not fit a double exactly are turned into JSON strings, so a
// 64-bit id sent as a bare number reaches the decoders with every digit.
QByteArray quoteLargeIntegers(const QByteArray &raw);

// Parses a JSON object or array with large integers kept exact; nullopt and a reason when it is not JSON.
std::optional<QJsonDocument> parse(const QByteArray &raw, QString *error = nullptr);

// A protobuf-JSON uint64: a string of decimal digits or a non-negative integral number.
std::optional<quint64> toUInt64(const QJsonValue &value);
// A 32-bit integer given as a number or a string of digits (an optional leading minus).
std::optional<qint32> toInt32(const QJsonValue &value);
// A float given as a number or a numeric string.
std::optional<double> toDouble(const QJsonValue &value);
// Strict decimal text 0..18446744073709551615: no sign, no blanks, no leading '+'.
std::optional<quint64> parseUInt64Text(QStringView text);

QString uint64ToString(quint64 value);

} // namespace vc::json
