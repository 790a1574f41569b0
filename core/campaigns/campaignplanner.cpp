#include "campaigns/campaignplanner.h"

#include "campaigns/donotcall.h"
#include "common/phonenumbers.h"
#include "exolve/exolvevalidation.h"
#include "legacy/legacyvalidation.h"

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
    const ColumnMap &map = summary.columns;
    if (auto r = journal->beginImport(); !r)
        return r.error().message;

    ZoneCache zones;
    CampaignCounts &c = summary.counts;
    std::optional<CsvRecord> record = map.header ? reader.next() : std::move(first);
    const auto cell = [](const CsvRecord &r, int i) { return i >= 0 && i < r.fields.size() ? r.fields.at(i).trimmed() : QString(); };
    for (; record; record = reader.next()) {
        bool blank = true;
        for (const QString &f : std::as_const(record->fields))
            blank = blank && f.trimmed().isEmpty();
        if (blank)
            continue;
        CampaignRow row;
        row.line = record->line;
        row.given = cell(*record, map.number);
        row.serviceId = cell(*record, map.serviceId);
        row.fileId = cell(*record, map.fileId);
        row.tz = cell(*record, map.tz);
        row.name = cell(*record, map.name);
        QString why;
        if (record->fieldCount > options.csv.maxFields) {
            why = tr("too many columns (%1, at most %2)").arg(record->fieldCount).arg(options.csv.maxFields);
        } else if (record->tooLong) {
            why = tr("the row is too long");
        } else if (map.number >= record->fields.size()) {
            why = tr("the row has no column %1").arg(map.number + 1);
        } else if (row.given.isEmpty()) {
            why = tr("no number");
        } else if (const auto n = PhoneNumbers::normalise(row.given)) {
            row.number = *n;
        } else {
            why = tr("not a valid phone number");
        }
        if (why.isEmpty() && !row.tz.isEmpty() && !zones.zone(row.tz))
            why = tr("unknown time zone \"%1\"").arg(row.tz.left(64));
        if (why.isEmpty() && !row.serviceId.isEmpty()) {
            if (const auto s = ExolveValidation::serviceId(row.serviceId); !s)
                why = s.error().explanation;
        }
        if (why.isEmpty() && !row.fileId.isEmpty()) {
            if (const auto f = LegacyValidation::fileId(row.fileId); !f)
                why = f.error().explanation;
        }
        if (why.isEmpty() && options.needsServiceId && row.serviceId.isEmpty())
            why = tr("no service id: give --service or a service_id column");
        if (why.isEmpty() && options.needsFileId && row.fileId.isEmpty())
            why = tr("no file id: give --file-id or a file_id column");

        ++c.total;
        if (!why.isEmpty()) {
            row.rowClass = RowClass::Invalid;
            row.reason = why;
            ++c.invalid;
        } else if ((options.doNotCall && options.doNotCall->contains(row.number)) ||
                   (options.extraDoNotCall && options.extraDoNotCall->contains(row.number))) {
            row.rowClass = RowClass::Suppressed;
            row.reason = tr("on the do-not-call list");
            ++c.suppressed;
        } else if (const auto first = journal->readyLineOf(row.number)) {
            row.rowClass = RowClass::Duplicate;
            row.duplicateOf = *first;
            row.reason = tr("duplicate of line %1").arg(*first);
            ++c.duplicate;
        } else {
            row.rowClass = RowClass::Ready;
            ++c.ready;
            ++c.waiting;
        }
        if (auto r = journal->addRow(row); !r) {
            (void)journal->endImport(); // the first error is the one to report
            return r.error().message;
        }
        if (progress && c.total % 10000 == 0 && !progress(c.total)) {
            (void)journal->endImport(); // stopped: the preview is discarded
            return QString();
        }
    }
    summary.readError = reader.errorString();
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
