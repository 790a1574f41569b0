#include "campaigns/campaignplanner.h"

#include "campaigns/donotcall.h"
#include "common/phonenumbers.h"
#include "exolve/exolvevalidation.h"
#include "legacy/legacyvalidation.h"
#include "policy/contactledger.h"

#include <QThread>

#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

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
    row.consent = cell(map.consent).left(256);
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
    } else if (options.requireConsent && !givesConsent(row.consent)) {
        row.rowClass = RowClass::NoConsent;
        row.reason = map.consent < 0 ? CampaignPlanner::tr("no consent: the file has no consent column and the contact policy requires one")
                                     : CampaignPlanner::tr("no consent recorded, and the contact policy requires one");
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

// The preview in two stages: classing threads (one per core) read the file a batch at a time and class
// each row (libphonenumber is most of the work); the caller's thread finds duplicates through the journal
// and writes the rows, batch by batch in file order. The queue between them is short, so memory stays flat.
class RowFeed final
{
public:
    static constexpr int kBatch = 1024;
    static constexpr std::size_t kQueued = 8;

    explicit RowFeed(int workers) : m_workers(workers) {}

    // Classing side: the batch numbered `seq` (from 0, in file order). The next one the caller waits for
    // is always taken, so a full queue of later batches cannot block it.
    bool push(qint64 seq, QList<CampaignRow> batch)
    {
        std::unique_lock lock(m_mutex);
        m_space.wait(lock, [&] { return m_stop || seq == m_next || m_queue.size() < kQueued; });
        if (m_stop)
            return false;
        m_queue.emplace(seq, std::move(batch));
        m_ready.notify_one();
        return true;
    }
    void finish(const QString &readError)
    {
        std::lock_guard lock(m_mutex);
        --m_workers;
        if (!readError.isEmpty())
            m_readError = readError;
        m_ready.notify_one();
    }
    // Caller side: the next batch in file order, or nullopt at the end.
    std::optional<QList<CampaignRow>> pop()
    {
        std::unique_lock lock(m_mutex);
        m_ready.wait(lock, [this] { return m_workers == 0 || (!m_queue.empty() && m_queue.begin()->first == m_next); });
        if (m_queue.empty() || m_queue.begin()->first != m_next)
            return std::nullopt;
        QList<CampaignRow> batch = std::move(m_queue.begin()->second);
        m_queue.erase(m_queue.begin());
        ++m_next;
        m_space.notify_all();
        return batch;
    }
    void stop()
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
        m_space.notify_all();
    }
    bool stopped()
    {
        std::lock_guard lock(m_mutex);
        return m_stop;
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
    std::map<qint64, QList<CampaignRow>> m_queue;
    qint64 m_next = 0;
    int m_workers;
    bool m_stop = false;
    QString m_readError;
};

// The file, shared by the classing threads: each takes the next batch of records under the lock.
class RecordSource final
{
public:
    RecordSource(CsvReader *reader, std::optional<CsvRecord> first) : m_reader(reader), m_first(std::move(first)) {}

    // The next records (blank ones skipped) and their batch number; empty at the end.
    QList<CsvRecord> take(qint64 *seq)
    {
        std::lock_guard lock(m_mutex);
        QList<CsvRecord> records;
        records.reserve(RowFeed::kBatch);
        while (records.size() < RowFeed::kBatch && !m_end) {
            std::optional<CsvRecord> record = m_first ? std::exchange(m_first, std::nullopt) : m_reader->next();
            if (!record)
                m_end = true;
            else if (!isBlank(*record))
                records.append(std::move(*record));
        }
        *seq = m_seq++;
        return records;
    }
    QString errorString()
    {
        std::lock_guard lock(m_mutex);
        return m_reader->errorString();
    }

private:
    std::mutex m_mutex;
    CsvReader *m_reader;
    std::optional<CsvRecord> m_first;
    qint64 m_seq = 0;
    bool m_end = false;
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
    const auto columns = options.columns ? Result<ColumnMap, QString>(*options.columns) : ColumnMap::detect(first->fields, options.column, options.consentColumn);
    if (!columns)
        return columns.error();
    summary.columns = columns.value();
    const ColumnMap map = summary.columns;
    if (auto r = journal->beginImport(); !r)
        return r.error().message;

    // From here the reader (and the input device) belong to the classing threads until they are joined.
    const int workers = std::max(1, std::min(QThread::idealThreadCount(), 4));
    RowFeed feed(workers);
    RecordSource source(&reader, map.header ? std::nullopt : std::move(first));
    std::vector<std::thread> classers;
    for (int w = 0; w < workers; ++w) {
        classers.emplace_back([&feed, &source, &options, map] {
            ZoneCache zones;
            for (;;) {
                qint64 seq = 0;
                const QList<CsvRecord> records = source.take(&seq);
                if (records.isEmpty() || feed.stopped())
                    return feed.finish(source.errorString());
                QList<CampaignRow> batch;
                batch.reserve(records.size());
                for (const CsvRecord &record : records)
                    batch.append(classify(record, map, options, zones));
                if (!feed.push(seq, std::move(batch)))
                    return feed.finish({});
            }
        });
    }
    const auto joinAll = [&classers] {
        for (std::thread &t : classers)
            t.join();
    };
    const auto end = [&](const QString &error) -> Result<PlanSummary, QString> {
        feed.stop();
        joinAll();
        (void)journal->endImport(); // the first error is the one to report; a stopped preview is discarded
        return error;
    };

    // The contact policy: numbers the ledger holds a call for in the last 32 days go into a filter; only
    // those are counted against the caps (one query each), so a policy costs the preview next to nothing.
    std::unique_ptr<ContactLedger> ledger;
    NumberFilter contacted;
    ZoneCache zones;
    QTimeZone defaultZone = QTimeZone::systemTimeZone();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (options.caps.any()) {
        if (const auto z = SendingWindow::zone(options.defaultZone); z && !options.defaultZone.isEmpty())
            defaultZone = *z;
        ledger = std::make_unique<ContactLedger>(options.ledgerPath.isEmpty() ? ContactLedger::defaultPath() : options.ledgerPath);
        if (auto r = ledger->forEachNumberSince(now.addDays(-32), [&contacted](const QString &n) { contacted.add(n); }); !r)
            return end(r.error().message);
    }
    CampaignCounts &c = summary.counts;
    while (auto batch = feed.pop()) {
        for (CampaignRow &row : *batch) {
            ++c.total;
            if (row.rowClass == RowClass::Invalid) {
                ++c.invalid;
            } else if (row.rowClass == RowClass::Suppressed) {
                ++c.suppressed;
            } else if (row.rowClass == RowClass::NoConsent) {
                ++c.noConsent;
            } else if (const auto earlier = journal->readyLineOf(row.number)) {
                row.rowClass = RowClass::Duplicate;
                row.duplicateOf = *earlier;
                row.reason = tr("duplicate of line %1").arg(*earlier);
                ++c.duplicate;
            } else if (ledger && contacted.mayContain(row.number)) {
                const QTimeZone zone = row.tz.isEmpty() ? defaultZone : zones.zone(row.tz).value_or(defaultZone);
                const auto verdict = ledger->check(row.number, zone, options.caps, now);
                if (!verdict)
                    return end(verdict.error().message);
                if (verdict.value().allowed) {
                    ++c.ready;
                    ++c.waiting;
                } else {
                    row.rowClass = RowClass::Capped;
                    row.reason = verdict.value().reason;
                    ++c.capped;
                }
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
    joinAll();
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
