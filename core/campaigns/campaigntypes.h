#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QMap>
#include <QString>

namespace vc {

// What the preview made of an input row.
enum class RowClass { Ready, Invalid, Duplicate, Suppressed };
// Where a ready row is in the run. dispatching is on disk before the request is written; a row found
// in it after a crash becomes unknown.
enum class RowState { Pending, Dispatching, Placed, Rejected, Unknown };

QString rowClassName(RowClass c);   // stable: "ready", "invalid", "duplicate", "suppressed"
QString rowStateName(RowState s);   // stable: "pending", "dispatching", "placed", "rejected", "unknown"
RowClass rowClassFromName(const QString &name);
RowState rowStateFromName(const QString &name);

struct CampaignRow
{
    qint64 line = 0;          // where the record starts in the file, from 1
    QString given;            // the number as the file has it
    QString number;           // normalised (E.164 digits), empty when invalid
    RowClass rowClass = RowClass::Ready;
    QString reason;           // invalid: why (translated when the preview ran)
    qint64 duplicateOf = 0;   // duplicate: the line of the copy that is called
    QString serviceId;        // per-row columns, empty when absent
    QString fileId;
    QString tz;
    QString name;

    RowState state = RowState::Pending;
    QString callId;           // call id or message id once placed
    QString status;           // last known status, verbatim
    bool final = false;
    bool delivered = false;   // final and completed (Exolve) or listened (integrationapi.net)
    bool stale = false;
    int attempts = 0;         // requests that may have placed a call
    QString error;
    QDateTime placedAt;       // UTC
    QDateTime endedAt;
    int durationSec = -1;     // of the call, when the API said
    qint64 notBeforeMs = 0;   // waits for its window or a redial until then (ms since the epoch, UTC)
};

// A campaign's fixed settings, kept in its journal so that resume runs the same campaign.
struct CampaignSettings
{
    enum class Provider { Exolve, IntegrationApi };
    Provider provider = Provider::Exolve;
    QString apiUrl;       // where the calls went (no secret)
    QString profile;      // the desktop app's profile used, if any
    QString source;
    QString serviceId;    // Exolve: the campaign's service unless the row names one
    QString fileId;       // integrationapi.net: the campaign's audio file unless the row names one
    double rate = 1.0;    // calls per second
    int concurrency = 4;
    QString window;       // "09:00-20:00", empty: any time
    QString defaultZone;  // rows without tz; empty: the computer's zone
    int redial = 0;
    int redialGapMin = 10;
    QString inputFile;
    QString encoding;
    QString separator;
    QString numberColumn;
    QDateTime created;

    static QString providerName(Provider p) { return p == Provider::Exolve ? QStringLiteral("exolve") : QStringLiteral("integrationapi"); }
};

struct CampaignCounts
{
    qint64 total = 0;
    qint64 ready = 0;
    qint64 invalid = 0;
    qint64 duplicate = 0;
    qint64 suppressed = 0;
    qint64 placed = 0;         // rows with a call or message id
    qint64 completed = 0;      // placed and delivered
    qint64 notDelivered = 0;   // placed, final, not delivered
    QMap<QString, qint64> notDeliveredByStatus;
    qint64 following = 0;      // placed, not final yet
    qint64 rejected = 0;
    qint64 unknown = 0;
    qint64 waiting = 0;        // ready rows not dispatched yet
    qint64 dispatching = 0;
};

} // namespace vc
