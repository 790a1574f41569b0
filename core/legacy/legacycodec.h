#pragma once

#include "common/result.h"
#include "legacy/legacytypes.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>

#include <optional>

namespace vc::legacycodec {

// The form fields of Voice/Send (without sessionId), from a validated request.
QList<QPair<QString, QString>> encodeSend(const LegacySendRequest &request);
// The API wants UTC+3 wall-clock time: "2011-01-28T16:00:00".
QString encodeSendDate(const QDateTime &when);

// An error answer: { Code: 4, Desc: "..." } (the keys also in lower case), on any status, 200 included.
struct ServerError
{
    int code = 0;
    QString desc;
};
std::optional<ServerError> decodeError(const QByteArray &body);

// Answer decoders, through the tolerant reader. Anything unexpected is a MalformedResponse error.
Result<QString> decodeSessionId(const QByteArray &body);
Result<double> decodeBalance(const QByteArray &body);
Result<quint64> decodeMessageId(const QByteArray &body);
Result<LegacyState> decodeState(const QByteArray &body);

// The same data for `voicectl -o json`.
QJsonObject toJson(quint64 messageId);
QJsonObject toJson(quint64 messageId, const LegacyState &state);
QJsonObject balanceToJson(double balance);

} // namespace vc::legacycodec
