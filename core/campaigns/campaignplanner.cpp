#include "campaigns/campaignplanner.h"

#include "campaigns/donotcall.h"
#include "common/phonenumbers.h"
#include "exolve/exolvevalidation.h"
#include "legacy/legacyvalidation.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace vc {

std::optional<QTimeZone> ZoneCache::zone(const QString &text)
{
    const auto it = m_zones.constFind(text);
    if (it != m_zones.constEnd())
        return *it;
    const auto z = SendingWindow::zone(text);
    if (m_zones.size() < 4096)
        m_zones.insert(text, z);
    return z;
}

namespace {

// What a row's class depends on besides the rows before it: its number, zone, ids and the do-not-call
// lists. Ready here means "ready unless a duplicate", which only the journal can say.
CampaignRow classify(const CsvRecord &record, const ColumnMap &map, const PlanOptions &options, ZoneCache &zones)
{
    const auto cell = [&record](int i) { return i >= 0 && i < record.fields.size() ? record.fields.at(i).trimmed() : QString(); };
    CampaignRow row;
    row.line = record.line;
    row.given = cell(map.number);
    row.serviceId = cell(map.serviceId);
    row.fileId = cell(map.fileId);
    row.tz = cell(map.tz);
    row.name = cell(map.name);
    QString why;
    if (record.fieldCount > options.csv.maxFields) {
        why = CampaignPlanner::tr("too many columns (%1, at most %2)").arg(record.fieldCount).arg(options.csv.maxFields);
    } else if (record.tooLong) {
        why = CampaignPlanner::tr("the row is too long");
    } else if (map.number >= record.fields.size()) {
        why = CampaignPlanner::tr("the row has no column %1").arg(map.number + 1);
    } else if (row.given.isEmpty()) {
        why = CampaignPlanner::tr("no number");
    } else if (const auto n = PhoneNumbers::normalise(row.given)) {
        row.number = *n;
    } else {
        why = CampaignPlanner::tr("not a valid phone number");
    }
    if (why.isEmpty() && !row.tz.isEmpty() && !zones.zone(row.tz))
        why = CampaignPlanner::tr("unknown time zone \"%1\"").arg(row.tz.left(64));
    if (why.isEmpty() && !row.serviceId.isEmpty()) {
        if (const auto s = ExolveValidation::serviceId(row.serviceId); !s)
            why = s.error().explanation;
    }
    if (why.isEmpty() && !row.fileId.isEmpty()) {
        if (const auto f = LegacyValidation::fileId(row.fileId); !f)
            why = f.error().explanation;
    }
    if (why.isEmpty() && options.needsServiceId && row.serviceId.isEmpty())
        why = CampaignPlanner::tr("no service id: give --service or a service_id column");
    if (why.isEmpty() && options.needsFileId && row.fileId.isEmpty())
        why = CampaignPlanner::tr("no file id: give --file-id or a file_id column");
    if (!why.isEmpty()) {
        row.rowClass = RowClass::Invalid;
        row.reason = why;
    } else if ((options.doNotCall && options.doNotCall->contains(row.number)) ||
               (options.extraDoNotCall && options.extraDoNotCall->contains(row.number))) {
        row.rowClass = RowClass::Suppressed;
        row.reason = CampaignPlanner::tr("on the do-not-call list");
    }
    return row;
}

bool isBlank(const CsvRecord &record)
{
    for (const QString &f : record.fields) {
        if (!f.trimmed().isEmpty())
            return false;
    }
    return true;
}

// The preview in two stages on two threads: one reads the file and classes each row (libphonenumber is
// most of the work), the other — the caller's — finds duplicates through the journal and writes the rows,
// in file order. Batches go between them through a short queue, so memory stays flat.
class RowFeed final
{
public:
    static constexpr int kBatch = 1024;
    static constexpr std::size_t kQueued = 8;

    // Worker side.
    bool push(QList<CampaignRow> batch)
    {
        std::unique_lock lock(m_mutex);
        m_space.wait(lock, [this] { return m_stop || m_queue.size() < kQueued; });
        if (m_stop)
            return false;
        m_queue.push_back(std::move(batch));
        m_ready.notify_one();
        return true;
    }
    void finish(const QString &readError)
    {
        std::lock_guard lock(m_mutex);
        m_finished = true;
        m_readError = readError;
        m_ready.notify_one();
    }
    // Caller side: the next batch, or nullopt at the end.
    std::optional<QList<CampaignRow>> pop()
    {
        std::unique_lock lock(m_mutex);
        m_ready.wait(lock, [this] { return m_finished || !m_queue.empty(); });
        if (m_queue.empty())
            return std::nullopt;
        QList<CampaignRow> batch = std::move(m_queue.front());
        m_queue.pop_front();
        m_space.notify_one();
        return batch;
    }
    void stop()
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
        m_space.notify_all();
    }
    QString readError()
    {
        std::lock_guard lock(m_mutex);
        return m_readError;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::condition_variable m_space;
    std::deque<QList<CampaignRow>> m_queue;
    bool m_finished = false;
    bool m_stop = false;
    QString m_readError;
};

} // namespace

Result<PlanSummary, QString> CampaignPlanner::plan(QIODevice *input, const PlanOptions &options, CampaignJournal *journal,
                                                   const std::function<bool(qint64)> &progress)
{
    CsvReader reader(input, options.csv);
    PlanSummary summary;
    summary.encoding = reader.encoding();
    summary.separator = reader.separator();
    summary.bom = reader.hadByteOrderMark();
    auto first = reader.next();
    if (!first)
        return tr("The file has no rows.");
    const auto columns = options.columns ? Result<ColumnMap, QString>(*options.columns) : ColumnMap::detect(first->fields, options.column);
    if (!columns)
        return columns.error();
    summary.columns = columns.value();
    const ColumnMap map = summary.columns;
    if (auto r = journal->beginImport(); !r)
        return r.error().message;

    // From here the reader (and the input device) belong to the classing thread until it is joined.
    RowFeed feed;
    std::optional<CsvRecord> start = map.header ? std::nullopt : std::move(first);
    std::thread classer([&feed, &reader, &options, map, start = std::move(start)]() mutable {
        ZoneCache zones;
        QList<CampaignRow> batch;
        batch.reserve(RowFeed::kBatch);
        for (std::optional<CsvRecord> record = start ? std::move(start) : reader.next(); record; record = reader.next()) {
            if (isBlank(*record))
                continue;
            batch.append(classify(*record, map, options, zones));
            if (batch.size() == RowFeed::kBatch) {
                if (!feed.push(std::move(batch)))
                    return feed.finish({});
                batch = {};
                batch.reserve(RowFeed::kBatch);
            }
        }
        if (!batch.isEmpty() && !feed.push(std::move(batch)))
            return feed.finish({});
        feed.finish(reader.errorString());
    });
    const auto end = [&](const QString &error) -> Result<PlanSummary, QString> {
        feed.stop();
        classer.join();
        (void)journal->endImport(); // the first error is the one to report; a stopped preview is discarded
        return error;
    };

    CampaignCounts &c = summary.counts;
    while (auto batch = feed.pop()) {
        for (CampaignRow &row : *batch) {
            ++c.total;
            if (row.rowClass == RowClass::Invalid) {
                ++c.invalid;
            } else if (row.rowClass == RowClass::Suppressed) {
                ++c.suppressed;
            } else if (const auto earlier = journal->readyLineOf(row.number)) {
                row.rowClass = RowClass::Duplicate;
                row.duplicateOf = *earlier;
                row.reason = tr("duplicate of line %1").arg(*earlier);
                ++c.duplicate;
            } else {
                ++c.ready;
                ++c.waiting;
            }
            if (auto r = journal->addRow(row); !r)
                return end(r.error().message);
            if (progress && c.total % 10000 == 0 && !progress(c.total))
                return end(QString());
        }
    }
    classer.join();
    summary.readError = feed.readError();
    if (auto r = journal->endImport(); !r)
        return r.error().message;
    if (progress)
        progress(c.total);
    return summary;
}

FileSample CampaignPlanner::sample(QIODevice *input, const CsvOptions &options, int records)
{
    CsvReader reader(input, options);
    FileSample s;
    s.encoding = reader.encoding();
    s.separator = reader.separator();
    s.bom = reader.hadByteOrderMark();
    while (s.records.size() < records) {
        auto r = reader.next();
        if (!r)
            break;
        s.records.append(r->fields);
    }
    s.error = reader.errorString();
    if (!s.records.isEmpty()) {
        if (const auto map = ColumnMap::detect(s.records.first(), {}))
            s.detected = map.value();
    }
    return s;
}

qint64 CampaignPlanner::estimateSeconds(qint64 ready, double rate, const SendingWindow &window, const QTimeZone &zone,
                                        const QDateTime &now)
{
    if (ready <= 0 || !(rate > 0))
        return 0;
    if (!window.isSet() || window.openSecondsPerDay() >= 24 * 3600)
        return qint64(std::ceil(double(ready) / rate));
    // Walk the open periods: each carries rate x its length in calls.
    QDateTime t = now;
    double left = double(ready);
    for (int guard = 0; guard < 20000; ++guard) {
        t = window.nextOpening(t, zone);
        // The end of this open period: step in minutes is too slow for long windows; find it from the
        // window's length, checking the local end (a DST change may shift it by an hour).
        QDateTime close = t.addSecs(60);
        while (close < t.addSecs(window.openSecondsPerDay() + 3600) && window.isOpen(close, zone))
            close = close.addSecs(60);
        const double span = double(t.secsTo(close));
        if (left <= rate * span) {
            t = t.addMSecs(qint64(left / rate * 1000));
            return std::max<qint64>(1, now.secsTo(t));
        }
        left -= rate * span;
        t = close;
    }
    return now.secsTo(t);
}

} // namespace vc
