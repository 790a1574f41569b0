#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QList>
#include <QDateTime>
#include <QMap>
#include <QString>

namespace vc {

// What the preview made of an input row.
enum class RowClass { Ready, Invalid, Duplicate, Suppressed, Capped, NoConsent };
// Where a ready row is in the run. dispatching is on disk before the request is written; a row found
// in it after a crash becomes unknown.
enum class RowState { Pending, Dispatching, Placed, Rejected, Unknown };

QString rowClassName(RowClass c);   // stable: "ready", "invalid", "duplicate", "suppressed", "capped",
                                    // "no_consent"
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
    QString consent;          // the consent column's text (a date or a source), empty when absent

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

// A setting that is not right, named by the field that holds it, with a translated message.
struct SettingProblem
{
    enum class Field { Source, Service, FileId, Rate, Concurrency, Window, Zone, Redial, RedialGap, Purpose, StartAt };
    Field field;
    QString message;
};

// What the settings are checked against besides themselves.
struct SettingsScope
{
    bool sourceRequired = true;  // a dry run may go without one
    // Whether the file's rows may name their own service or audio file (a service_id / file_id column).
    // voicectl cannot know before the file is read, so it assumes they may; rows that then name none are
    // invalid in the preview.
    bool rowsNameService = true;
    bool rowsNameFile = true;
};

// A campaign's fixed settings, kept in its journal so that resume runs the same campaign.
struct CampaignSettings
{
    Q_DECLARE_TR_FUNCTIONS(CampaignSettings)
public:
    enum class Provider { Exolve, IntegrationApi };
    Provider provider = Provider::Exolve;
    // Why the people are called. Advertising by automatic dialing is against the law (38-FZ, art. 18
    // part 2): validate() refuses it, so no campaign of that purpose is ever placed.
    enum class Purpose { Informational, Advertising };
    Purpose purpose = Purpose::Informational;
    QDateTime startAt;    // UTC: the first call waits for it (invalid: at once)
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
    // Per outcome, when set (-1: redial / redialGapMin): busy, and no answer.
    int redialBusy = -1;
    int redialBusyGapMin = -1;
    int redialNoAnswer = -1;
    int redialNoAnswerGapMin = -1;
    QString inputFile;
    QString encoding;
    QString separator;
    QString numberColumn;
    QDateTime created;

    static QString providerName(Provider p) { return p == Provider::Exolve ? QStringLiteral("exolve") : QStringLiteral("integrationapi"); }
    // "informational", "advertising" (voicectl --purpose, the journal, the report).
    static QString purposeName(Purpose p) { return p == Purpose::Advertising ? QStringLiteral("advertising") : QStringLiteral("informational"); }
    static std::optional<Purpose> purposeNamed(const QString &name);
    static QString purposeTitle(Purpose p); // translated

    // The one check of what an operator chose, for voicectl and the wizard alike (campaignsettings.cpp):
    // the caller number, the service id (Exolve) or audio file id (integrationapi.net) — needed unless the
    // rows may name their own —, rate, concurrency, window, time zone and re-dials, by this provider's
    // rules. Returns the settings as they are kept (E.164 source, ids and zone trimmed) or every problem.
    Result<CampaignSettings, QList<SettingProblem>> validate(const SettingsScope &scope = {}) const;
    // Limits of the numeric settings, for forms.
    static constexpr double kMinRate = 0.001, kMaxRate = 10000;
    static constexpr int kMaxConcurrency = 64, kMaxRedial = 10, kMaxRedialGapMin = 1440;
};

struct CampaignCounts
{
    qint64 total = 0;
    qint64 ready = 0;
    qint64 invalid = 0;
    qint64 duplicate = 0;
    qint64 suppressed = 0;
    qint64 capped = 0;         // over the contact policy's caps when previewed (not called)
    qint64 noConsent = 0;      // no consent while the policy requires one (not called)
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
