#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace vc {

// Voice/Send input. sendDate is the operator's local time (any zone); it is sent as UTC+3.
struct LegacySendRequest
{
    QString source;
    QString destination;
    quint64 fileId = 0;
    QDateTime sendDate; // invalid: now
    int retryCount = -1; // -1: the service's default
    int gap = -1;        // minutes between tries, -1: default
    bool dtmf = false;
};

// Voice/State: 0 sending, 1 sent, 2 listened, 3 not listened, 4 error.
struct LegacyState
{
    int state = -1;
    QString desc; // the service's own words
    bool isFinal() const { return state >= 2; }
    // Listened is this API's "completed".
    bool isDelivered() const { return state == 2; }
    // The stable name kept in the call history: "sending", "sent", "listened", "not_listened", "error".
    static QString statusName(int state);
    static int fromStatusName(const QString &name); // -1 when unknown
    // The same, translated for a person.
    static QString name(int state);
};

class LegacyNames final
{
    Q_DECLARE_TR_FUNCTIONS(LegacyNames)
public:
    static QString state(int state);
};

} // namespace vc
