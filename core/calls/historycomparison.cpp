#include "calls/historycomparison.h"

#include "common/csv.h"
#include "common/paths.h"
#include "exolve/exolveclient.h"
#include "exolve/exolvecodec.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTimer>

namespace vc {

QString ComparisonRow::kindName(Kind k)
{
    switch (k) {
    case Kind::Both:
        return QStringLiteral("both");
    case Kind::DurationMismatch:
        return QStringLiteral("duration_mismatch");
    case Kind::OnlyLocal:
        return QStringLiteral("only_local");
    case Kind::OnlyProvider:
        return QStringLiteral("only_provider");
    }
    return {};
}

namespace {
std::optional<ComparisonRow::Kind> kindNamed(const QString &name)
{
    for (auto k : {ComparisonRow::Kind::Both, ComparisonRow::Kind::DurationMismatch, ComparisonRow::Kind::OnlyLocal,
                   ComparisonRow::Kind::OnlyProvider}) {
        if (ComparisonRow::kindName(k) == name)
            return k;
    }
    return std::nullopt;
}
QString iso(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QString();
}
QDateTime fromIso(const QString &s)
{
    QDateTime t = QDateTime::fromString(s, Qt::ISODate);
    if (t.isValid())
        t = t.toUTC();
    return t;
}
} // namespace

HistoryComparison::Totals HistoryComparison::totals() const
{
    Totals t;
    for (const ComparisonRow &r : rows) {
        switch (r.kind) {
        case ComparisonRow::Kind::DurationMismatch:
            ++t.durationMismatch;
            ++t.both;
            break;
        case ComparisonRow::Kind::Both:
            ++t.both;
            break;
        case ComparisonRow::Kind::OnlyLocal:
            ++t.onlyLocal;
            break;
        case ComparisonRow::Kind::OnlyProvider:
            ++t.onlyProvider;
            break;
        }
    }
    return t;
}

QJsonObject HistoryComparison::toJson() const
{
    const Totals t = totals();
    QJsonArray list;
    for (const ComparisonRow &r : rows) {
        QJsonObject o{{QStringLiteral("kind"), ComparisonRow::kindName(r.kind)},
                      {QStringLiteral("number"), r.number},
                      {QStringLiteral("local_call_id"), r.localCallId.isEmpty() ? QJsonValue() : QJsonValue(r.localCallId)},
                      {QStringLiteral("provider_call_id"), r.providerCallId.isEmpty() ? QJsonValue() : QJsonValue(r.providerCallId)},
                      {QStringLiteral("placed_at"), r.placedAt.isValid() ? QJsonValue(iso(r.placedAt)) : QJsonValue()},
                      {QStringLiteral("local_duration"), r.localDuration >= 0 ? QJsonValue(r.localDuration) : QJsonValue()},
                      {QStringLiteral("provider_duration"), r.providerDuration >= 0 ? QJsonValue(r.providerDuration) : QJsonValue()},
                      {QStringLiteral("campaign"), r.campaign.isEmpty() ? QJsonValue() : QJsonValue(r.campaign)},
                      {QStringLiteral("paired_by_order"), r.pairedByOrder}};
        if (!r.providerFields.isEmpty())
            o.insert(QStringLiteral("provider_fields"), r.providerFields);
        list.append(o);
    }
    return {{QStringLiteral("from"), iso(from)},
            {QStringLiteral("to"), iso(to)},
            {QStringLiteral("made"), iso(made)},
            {QStringLiteral("both"), t.both},
            {QStringLiteral("only_local"), t.onlyLocal},
            {QStringLiteral("only_provider"), t.onlyProvider},
            {QStringLiteral("duration_mismatch"), t.durationMismatch},
            {QStringLiteral("rows"), list}};
}

std::optional<HistoryComparison> HistoryComparison::fromJson(const QJsonObject &o)
{
    HistoryComparison c;
    c.from = fromIso(o.value(QStringLiteral("from")).toString());
    c.to = fromIso(o.value(QStringLiteral("to")).toString());
    c.made = fromIso(o.value(QStringLiteral("made")).toString());
    if (!c.from.isValid() || !c.to.isValid() || !o.value(QStringLiteral("rows")).isArray())
        return std::nullopt;
    for (const QJsonValue &v : o.value(QStringLiteral("rows")).toArray()) {
        const QJsonObject r = v.toObject();
        const auto kind = kindNamed(r.value(QStringLiteral("kind")).toString());
        if (!kind)
            return std::nullopt;
        ComparisonRow row;
        row.kind = *kind;
        row.number = r.value(QStringLiteral("number")).toString();
        row.localCallId = r.value(QStringLiteral("local_call_id")).toString();
        row.providerCallId = r.value(QStringLiteral("provider_call_id")).toString();
        row.placedAt = fromIso(r.value(QStringLiteral("placed_at")).toString());
        row.localDuration = r.value(QStringLiteral("local_duration")).toInt(-1);
        row.providerDuration = r.value(QStringLiteral("provider_duration")).toInt(-1);
        row.campaign = r.value(QStringLiteral("campaign")).toString();
        row.providerFields = r.value(QStringLiteral("provider_fields")).toString();
        row.pairedByOrder = r.value(QStringLiteral("paired_by_order")).toBool();
        c.rows.append(row);
    }
    return c;
}

bool HistoryComparison::writeCsv(QIODevice *out) const
{
    if (out->write("kind,number,placed_at,local_call_id,provider_call_id,local_duration_s,provider_duration_s,campaign\r\n") < 0)
        return false;
    const auto n = [](int v) { return v >= 0 ? QString::number(v) : QString(); };
    for (const ComparisonRow &r : rows) {
        const QStringList cells = {ComparisonRow::kindName(r.kind), csvCell(r.number.isEmpty() ? QString() : u'+' + r.number), iso(r.placedAt),
                                   csvCell(r.localCallId), csvCell(r.providerCallId), n(r.localDuration), n(r.providerDuration),
                                   csvCell(r.campaign)};
        if (out->write(cells.join(u',').toUtf8() + "\r\n") < 0)
            return false;
    }
    return true;
}

QString HistoryComparison::folder()
{
    return paths::dataFolder() + QStringLiteral("/comparisons");
}

QString HistoryComparison::save(QString *error) const
{
    if (!QDir().mkpath(folder())) {
        *error = tr("The folder %1 cannot be made.").arg(folder());
        return {};
    }
    const QString path = folder() + QStringLiteral("/compare-%1.json").arg(made.toUTC().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz")));
    QSaveFile f(path);
    if (f.open(QIODevice::WriteOnly)) {
        f.write(QJsonDocument(toJson()).toJson(QJsonDocument::Indented));
        if (f.commit())
            return path;
    }
    *error = tr("%1 cannot be written: %2").arg(path, f.errorString());
    return {};
}

QStringList HistoryComparison::saved()
{
    QStringList paths;
    const QDir dir(folder());
    for (const QString &name : dir.entryList({QStringLiteral("compare-*.json")}, QDir::Files, QDir::Name | QDir::Reversed))
        paths << dir.filePath(name);
    return paths;
}

std::optional<HistoryComparison> HistoryComparison::load(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly) || f.size() > 64 * 1024 * 1024)
        return std::nullopt;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll());
    return doc.isObject() ? fromJson(doc.object()) : std::nullopt;
}

HistoryComparer::HistoryComparer(const CallHistory *history, ExolveClient *client, QObject *parent)
    : QObject(parent), m_history(history), m_client(client)
{
}

QList<ComparisonRow> HistoryComparer::match(const QString &number, const QList<CallRecord> &local,
                                            const QList<CallHistoryEntry> &provider)
{
    QList<ComparisonRow> rows;
    QList<CallRecord> leftLocal;
    QList<CallHistoryEntry> leftProvider = provider;
    const auto pair = [&number](const CallRecord *l, const CallHistoryEntry *p, bool byOrder) {
        ComparisonRow r;
        r.number = number;
        if (l) {
            r.localCallId = l->outcomeUnknown ? QString() : l->callId;
            r.placedAt = l->created;
            r.localDuration = l->duration;
            r.campaign = l->campaign;
        }
        if (p) {
            r.providerCallId = p->callId;
            r.providerDuration = p->duration ? int(*p->duration) : -1;
            r.providerFields = p->extra;
        }
        r.pairedByOrder = byOrder;
        r.kind = !p ? ComparisonRow::Kind::OnlyLocal
                 : !l ? ComparisonRow::Kind::OnlyProvider
                 : (r.localDuration >= 0 && r.providerDuration >= 0 && std::abs(r.localDuration - r.providerDuration) > 1)
                     ? ComparisonRow::Kind::DurationMismatch
                     : ComparisonRow::Kind::Both;
        return r;
    };
    for (const CallRecord &l : local) {
        const auto it = std::find_if(leftProvider.begin(), leftProvider.end(), [&l](const CallHistoryEntry &p) { return p.callId == l.callId; });
        if (it == leftProvider.end()) {
            leftLocal.append(l);
            continue;
        }
        rows.append(pair(&l, &*it, false));
        leftProvider.erase(it);
    }
    // The history's own ids cannot be compared with ours: as many on each side are paired in time order.
    // So are our calls whose outcome was unknown (no id came back), as many as the provider's left over.
    const bool otherKind = !leftProvider.isEmpty() &&
                           (std::all_of(leftProvider.cbegin(), leftProvider.cend(), [](const CallHistoryEntry &p) { return p.numericId; }) ||
                            std::all_of(leftLocal.cbegin(), leftLocal.cend(), [](const CallRecord &l) { return l.outcomeUnknown; }));
    if (otherKind && leftProvider.size() == leftLocal.size()) {
        std::sort(leftLocal.begin(), leftLocal.end(), [](const CallRecord &a, const CallRecord &b) { return a.created < b.created; });
        for (qsizetype i = 0; i < leftLocal.size(); ++i)
            rows.append(pair(&leftLocal.at(i), &leftProvider.at(i), true));
        return rows;
    }
    for (const CallRecord &l : leftLocal)
        rows.append(pair(&l, nullptr, false));
    for (const CallHistoryEntry &p : leftProvider)
        rows.append(pair(nullptr, &p, false));
    return rows;
}

void HistoryComparer::start(const QDateTime &from, const QDateTime &to, const QStringList &moreNumbers)
{
    m_result = {};
    // Whole seconds: the API's times (and so the records') have no finer grain.
    m_result.from = from.toUTC().addMSecs(-from.time().msec());
    m_result.to = to.toUTC().addMSecs(to.time().msec() > 0 ? 1000 - to.time().msec() : 0);
    m_result.made = QDateTime::currentDateTimeUtc();
    m_local.clear();
    CallFilter filter;
    filter.from = from.toLocalTime().date().addDays(-1);
    filter.to = to.toLocalTime().date().addDays(1);
    filter.limit = 100000;
    for (const CallRecord &r : m_history->search(filter)) {
        if (r.origin != CallRecord::Origin::Sent || !r.created.isValid() || r.created < m_result.from || r.created > m_result.to)
            continue;
        // integrationapi.net's message ids are whole numbers; Exolve's call history has none of them.
        const bool legacy = !r.callId.isEmpty() && std::all_of(r.callId.cbegin(), r.callId.cend(), [](QChar c) { return c.isDigit(); });
        if (!legacy)
            m_local[r.destination].append(r);
    }
    QSet<QString> numbers(m_local.keyBegin(), m_local.keyEnd());
    for (const QString &n : moreNumbers)
        numbers.insert(n);
    m_numbers = QStringList(numbers.cbegin(), numbers.cend());
    m_numbers.sort();
    m_done = 0;
    QTimer::singleShot(0, this, &HistoryComparer::next);
}

void HistoryComparer::next()
{
    Q_EMIT progress(m_done, int(m_numbers.size()));
    if (m_done == m_numbers.size()) {
        std::stable_sort(m_result.rows.begin(), m_result.rows.end(), [](const ComparisonRow &a, const ComparisonRow &b) {
            return a.placedAt.isValid() && b.placedAt.isValid() ? a.placedAt < b.placedAt : a.placedAt.isValid();
        });
        return Q_EMIT finished(m_result, {});
    }
    const QString number = m_numbers.at(m_done);
    CallHistoryQuery q;
    q.sipId = number;
    q.from = m_result.from;
    q.to = m_result.to;
    q.limit = 500;
    m_client->callHistory(q, this, [this, number](const Result<QList<CallHistoryEntry>> &r) {
        if (!r)
            return Q_EMIT finished(m_result, r.error().toDisplayString());
        m_result.rows.append(match(number, m_local.value(number), r.value()));
        ++m_done;
        next();
    });
}

} // namespace vc
