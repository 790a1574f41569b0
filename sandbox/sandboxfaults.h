#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace vc::sandbox {

// A misbehaviour the sandbox can be told to show, for tests and for trying the app's error handling.
struct Fault
{
    enum class Kind {
        Status,        // answer with `status` (and Retry-After when retryAfterSec > 0)
        Delay,         // wait delayMs, then answer normally
        Garbage,       // 200 with a body that is not JSON
        Truncate,      // announce a body, send half of it, close
        Huge,          // 200 with a body of hugeBytes
        Drop,          // close the connection without answering
        PlaceThen500,  // MakeVoiceMessage: place the call, then answer 500
        PlaceThenDrop, // MakeVoiceMessage: place the call, then close without answering
    };
    Kind kind = Kind::Status;
    int status = 500;
    int retryAfterSec = 0;
    int delayMs = 0;
    qint64 hugeBytes = 32 * 1024 * 1024;
    QByteArray body; // with Status: the answer's body instead of a generic error
};

// Which requests a fault hits: an endpoint ("" for all), how many more times (-1 for no limit), and the
// share of matching requests (1.0 for all).
struct FaultRule
{
    QString endpoint;
    int remaining = -1;
    double rate = 1.0;
    Fault fault;
    int after = 0; // the first `after` matching requests pass untouched (a fault "in the middle")

    static std::optional<FaultRule> fromJson(const QJsonObject &o, QString *error);
    QJsonObject toJson() const;
};

std::optional<Fault::Kind> faultKindFromName(const QString &name);
QString faultKindName(Fault::Kind kind);

} // namespace vc::sandbox
