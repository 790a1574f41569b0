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
