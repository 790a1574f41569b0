#pragma once

#include "exolve/exolvetypes.h"
#include "common/result.h"

#include <QByteArray>
#include <QJsonObject>

namespace vc::codec {

// Request bodies: 64-bit integers are written as JSON strings, as protobuf's JSON mapping does.
QByteArray encodeCreate(const NewVoiceService &service);
QByteArray encodeId(const QString &id);
QByteArray encodeCall(const VoiceCallRequest &call);
QByteArray encodeCallId(const QString &callId);
QByteArray encodeSipResourceId(quint64 id);
QByteArray encodeCallHistoryQuery(const CallHistoryQuery &query);

// Answer decoders. A decoder never throws and never trusts the shape: anything unexpected becomes a
// MalformedResponse error. Unknown fields are ignored, absent optional fields are fine.
Result<QList<VoiceService>> decodeServiceList(const QByteArray &body);
Result<VoiceServiceDetails> decodeServiceDetails(const QByteArray &body);
Result<QString> decodeCreated(const QByteArray &body);
// Delete answers an empty object; anything that is not a JSON object is unreadable.
Result<Empty> decodeDeleted(const QByteArray &body);
Result<QString> decodeCallId(const QByteArray &body);
Result<CallInfo> decodeCallInfo(const QByteArray &body);
Result<SipAttributes> decodeSipAttributes(const QByteArray &body);
// One page of the call history: the list under "calls" (the page's older revision) or "call_history"
// (the newer); absent or null is an empty page.
Result<QList<CallHistoryEntry>> decodeCallHistory(const QByteArray &body);

// The server's own message from an error body ({"error": "..."}, {"message": "..."} or plain text).
QString serverMessage(const QByteArray &body);

// The same data in the API's field names, for `voicectl -o json`. The SIP password is included only
// when asked for.
QJsonObject toJson(const VoiceService &service);
QJsonObject toJson(const VoiceServiceDetails &details);
QJsonObject toJson(const CallInfo &call);
QJsonObject toJson(const CallHistoryEntry &entry);
QJsonObject toJson(const SipAttributes &sip, bool includePassword);

} // namespace vc::codec
