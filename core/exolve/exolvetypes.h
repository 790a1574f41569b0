#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace vc {

// One entry of voice-message/v1/GetList.
struct VoiceService
{
    QString id;
    QString name;
    QDateTime createdAt; // UTC; invalid when the server sent none
};

// voice-message/v1/GetInfo.
struct VoiceServiceDetails
{
    QString id;
    QString name;
    quint32 digit = 0;
    QString redirectNumber;
    quint64 mediaId = 0;
    QDateTime createdAt;
};

// The input of voice-message/v1/Create, already validated and normalised.
struct NewVoiceService
{
    QString name;
    quint64 mediaId = 0;
    quint32 digit = 0;
    QString redirectNumber;
};

// The input of call/v1/MakeVoiceMessage.
struct VoiceCallRequest
{
    QString source;
    QString destination;
    QString serviceId;
};

// statistics/call-history/v1/GetList: which calls, one page of them (docs/api-notes/exolve-call-history.md).
struct CallHistoryQuery
{
    QDateTime from;          // date_from, RFC 3339 (UTC)
    QDateTime to;            // date_to
    QString sipId;           // the B-number (digits) or a SIP account
    QString applicationUuid; // optional
    quint32 limit = 100;
    quint64 offset = 0;
};

// One call of the provider's history. Only call_id and duration are documented: every other field is
// kept as the server wrote it (`extra`, a JSON object's text) and shown raw, never interpreted.
struct CallHistoryEntry
{
    QString callId;                // as given: a uint64's every digit, or a string
    bool numericId = false;        // a JSON number or all digits: the history's own id, not a voice-message id
    std::optional<quint32> duration; // seconds of talk
    QString extra;                 // {"field": value, ...} of the undocumented fields, verbatim
};

// call/v1/GetInfo. Times are absent until the event happens.
struct CallInfo
{
    QString callId;
    QDateTime created;
    QDateTime updated;
    QDateTime started;
    QDateTime ended;
    std::optional<qint32> duration;
    std::optional<qint32> timeout;
    QString status; // kept verbatim: the documents do not list the statuses
    QString direction;
    QString source;
    QString destination;
    QString detail; // the service's own words about the state, where it gives any (integrationapi.net)

    // Final when the status is a known final one or the call has ended.
    bool isFinal() const;
    // Past its answer timeout plus a margin while still not final: stop waiting for it.
    bool isStale(const QDateTime &now, int marginSeconds = 120) const;
};

bool isFinalCallStatus(const QString &status);
// The stale rule: a call created this long ago is past its answer timeout (60 s when unknown) plus a
// margin, so no final status is coming any more.
bool isPastAnswerTimeout(const QDateTime &created, int timeoutSec, const QDateTime &now, int marginSeconds = 120);

// sip/v1/GetAttributes. The password is a secret: never log it.
struct SipAttributes
{
    QString applicationUuid;
    quint64 sipResourceId = 0;
    QString sipName;
    QString description;
    std::optional<quint64> numberCode;
    QString login;
    QString password;
    std::optional<double> installFee;
    std::optional<double> subscriptionFee;
    QString username;
    QString domain;
};

} // namespace vc

Q_DECLARE_METATYPE(vc::CallInfo)
