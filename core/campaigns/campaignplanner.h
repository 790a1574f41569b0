#pragma once

#include "campaigns/campaignjournal.h"
#include "campaigns/columnmap.h"
#include "common/csv.h"
#include "campaigns/sendingwindow.h"
#include "policy/contactpolicy.h"

#include <QCoreApplication>
#include <QHash>
#include <QTimeZone>

#include <functional>

class QIODevice;

namespace vc {

class DoNotCallList;

struct PlanOptions
{
    CsvOptions csv;
    QString column;
    QString consentColumn;      // --consent-column NAME; empty: a column named consent or согласие
    // The contact policy's "require consent": ready rows without consent are classed no_consent.
    bool requireConsent = false;
    const DoNotCallList *doNotCall = nullptr;   // the shared list
    const DoNotCallList *extraDoNotCall = nullptr; // --dnc FILE for this run
    bool legacy = false;        // integrationapi.net: file_id per row, no service_id
    bool needsServiceId = false; // Exolve with no --service: every row must name one
    bool needsFileId = false;    // integrationapi.net with no --file-id
    std::optional<ColumnMap> columns; // the operator's mapping (the wizard); nullopt: detected
    // The contact policy: a ready row whose number the ledger says is at a cap now is classed capped.
    ContactCaps caps;
    QString ledgerPath;              // empty: the data folder's ledger
    QString defaultZone;             // rows without a tz column ("" = this computer's)
};

// The first records of a file as they will be read, for a person to check the mapping.
struct FileSample
{
    CsvEncoding encoding = CsvEncoding::Utf8;
    QChar separator;
    bool bom = false;
    QList<QStringList> records;
    ColumnMap detected;
    QString error;
};

struct PlanSummary
{
    CsvEncoding encoding = CsvEncoding::Utf8;
    QChar separator;
    bool bom = false;
    ColumnMap columns;
    CampaignCounts counts;
    QString readError; // the file could not be read to its end
};

// Reads a campaign file into a journal, classing every row: ready, invalid (why), duplicate (of which
// line) or suppressed (on a do-not-call list). Streams: one record in memory at a time; duplicates are
// found through the journal's index, so memory does not grow with the file.
class CampaignPlanner final
{
    Q_DECLARE_TR_FUNCTIONS(CampaignPlanner)
public:
    // `progress` may return false to stop (the plan then fails with an empty message).
    static Result<PlanSummary, QString> plan(QIODevice *input, const PlanOptions &options, CampaignJournal *journal,
                                             const std::function<bool(qint64 rows)> &progress = {});
    static FileSample sample(QIODevice *input, const CsvOptions &options, int records = 20);

    // Seconds to place `ready` calls at `rate` per second inside `window` (in `zone`), from `now`.
    static qint64 estimateSeconds(qint64 ready, double rate, const SendingWindow &window, const QTimeZone &zone,
                                  const QDateTime &now = QDateTime::currentDateTimeUtc());
};

// Time zones by name, cached: QTimeZone lookups are slow and a file repeats a handful of zones.
class ZoneCache final
{
public:
    std::optional<QTimeZone> zone(const QString &text);

private:
    QHash<QString, std::optional<QTimeZone>> m_zones;
};

} // namespace vc
