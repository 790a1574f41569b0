// The journal read: rows by filter or by place in the file, the report, the export — and the run's
// lookups of the rows it may call next.
#include "campaigns/campaignjournal.h"
#include "common/sqlerror.h"
#include "campaigns/campaignjournal_p.h"
#include "common/csv.h"

#include "accounts/settings.h"

#include <QFileInfo>
#include <QIODevice>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>

namespace vc {

using journal::fromIso;
using journal::iso;

StorageResult CampaignJournal::forEachRow(const std::function<void(const CampaignRow &)> &each, bool problemsOnly)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    const QString where = problemsOnly ? QStringLiteral(" WHERE class <> 'ready'") : QString();
    if (!q.exec(QStringLiteral("SELECT " VC_ROW_COLUMNS " FROM rows") + where + QStringLiteral(" ORDER BY line")))
        return fail(storage::message(q.lastError()));
    while (q.next())
        each(readRow(q));
    return Empty{};
}

QList<qint64> CampaignJournal::lines(const RowFilter &filter)
{
    QStringList where;
    QVariantList binds;
    if (filter.rowClass) {
        where << QStringLiteral("class = ?");
        binds << rowClassName(*filter.rowClass);
    }
    if (filter.problemsOnly)
        where << QStringLiteral("class <> 'ready'");
    if (filter.state) {
        where << QStringLiteral("class = 'ready' AND state = ?");
        binds << rowStateName(*filter.state);
    }
    QString digits;
    for (const QChar c : filter.number) {
        if (c.isDigit())
            digits += c;
    }
    if (!digits.isEmpty()) {
        where << QStringLiteral("(number LIKE ? OR given LIKE ?)");
        binds << QString(u'%' + digits + u'%') << QString(u'%' + digits + u'%');
    }
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT line FROM rows") + (where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "))) +
              QStringLiteral(" ORDER BY line"));
    for (const QVariant &v : std::as_const(binds))
        q.addBindValue(v);
    QList<qint64> out;
    if (!q.exec())
        return out;
    while (q.next())
        out.append(q.value(0).toLongLong());
    return out;
}

bool CampaignJournal::hasSequence()
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    return q.exec(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'rows_seq'")) && q.next();
}

QList<CampaignRow> CampaignJournal::rowsInSequence(qint64 first, qint64 last)
{
    QList<CampaignRow> rows;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT " VC_ROW_COLUMNS " FROM rows WHERE seq BETWEEN ? AND ? ORDER BY seq"));
    q.addBindValue(first);
    q.addBindValue(last);
    if (!q.exec())
        return rows;
    while (q.next())
        rows.append(readRow(q));
    return rows;
}

QList<CampaignRow> CampaignJournal::rowsBetween(qint64 firstLine, qint64 lastLine)
{
    QList<CampaignRow> rows;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT " VC_ROW_COLUMNS " FROM rows WHERE line BETWEEN ? AND ? ORDER BY line"));
    q.addBindValue(firstLine);
    q.addBindValue(lastLine);
    if (!q.exec())
        return rows;
    while (q.next())
        rows.append(readRow(q));
    return rows;
}

QMap<int, qint64> CampaignJournal::deliveredPerHour()
{
    QMap<int, qint64> perHour;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT ended_at FROM rows WHERE delivered = 1 AND ended_at IS NOT NULL")))
        return perHour;
    while (q.next()) {
        const QDateTime t = fromIso(q.value(0).toString());
        if (t.isValid())
            ++perHour[t.toLocalTime().time().hour()];
    }
    return perHour;
}

CampaignJournal::Durations CampaignJournal::deliveredDurations()
{
    Durations d;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (q.exec(QStringLiteral("SELECT count(duration), avg(duration), max(duration) FROM rows WHERE delivered = 1 AND duration IS NOT NULL")) &&
        q.next()) {
        d.count = q.value(0).toLongLong();
        d.averageSec = q.value(1).toDouble();
        d.longestSec = q.value(2).toInt();
    }
    return d;
}

QString CampaignJournal::integrityCheck()
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(QStringLiteral("PRAGMA integrity_check")) || !q.next())
        return storage::message(q.lastError());
    return q.value(0).toString();
}

StorageResult CampaignJournal::exportCsv(QIODevice *out)
{
    // The consent each row had in the file (journals from before it have none: the column stays empty).
    QSqlQuery consent(QSqlDatabase::database(m_connection, false));
    const bool hasConsents = consent.exec(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'consents'")) &&
                             consent.next();
    consent.finish();
    if (hasConsents)
        consent.prepare(QStringLiteral("SELECT consent FROM consents WHERE line = ?"));
    out->write("line,number_given,number,class,state,call_id,final_status,attempts,placed_at,ended_at,consent\r\n");
    bool ok = true;
    auto r = forEachRow([&](const CampaignRow &row) {
        if (!ok)
            return;
        QString given;
        if (hasConsents) {
            consent.bindValue(0, row.line);
            if (consent.exec() && consent.next())
                given = consent.value(0).toString();
            consent.finish();
        }
        // Final statuses, and what the call history said of an unknown row ("not_placed").
        QString status = row.stale ? QStringLiteral("stale") : row.final || row.state == RowState::Unknown ? row.status : QString();
        QString cls = rowClassName(row.rowClass);
        QString state = row.rowClass == RowClass::Ready ? rowStateName(row.state) : QString();
        const QStringList cells = {QString::number(row.line), csvCell(row.given), csvCell(row.number), cls, state, csvCell(row.callId),
                                   csvCell(status), QString::number(row.attempts), iso(row.placedAt), iso(row.endedAt), csvCell(given)};
        ok = out->write(cells.join(u',').toUtf8() + "\r\n") >= 0;
    });
    if (!r)
        return r;
    if (!ok)
        return StorageError{out->errorString()};
    return Empty{};
}

StorageResult CampaignJournal::exportAttemptsCsv(QIODevice *out)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT a.line, r.number, a.attempt, a.placed_at, a.call_id, a.status, a.duration"
                               " FROM attempts a JOIN rows r ON r.line = a.line ORDER BY a.line, a.attempt"))) {
        if (q.lastError().text().contains(QLatin1String("no such table")))
            return StorageError{tr("This journal was made before calls were recorded one by one: its export has the last "
                                   "call of each row.")};
        return fail(storage::message(q.lastError()));
    }
    out->write("line,number,attempt,placed_at,call_id,final_status,duration_s\r\n");
    while (q.next()) {
        const QString number = q.value(1).toString();
        const QStringList cells = {q.value(0).toString(), csvCell(number.isEmpty() ? QString() : u'+' + number), q.value(2).toString(),
                                   q.value(3).toString(), csvCell(q.value(4).toString()), csvCell(q.value(5).toString()),
                                   q.value(6).isNull() ? QString() : q.value(6).toString()};
        if (out->write(cells.join(u',').toUtf8() + "\r\n") < 0)
            return StorageError{out->errorString()};
    }
    return Empty{};
}

// ---- The run's lookups of pending rows -------------------------------------------------------------

QStringList CampaignJournal::pendingZones()
{
    QStringList zones;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT DISTINCT ifnull(tz, '') FROM rows WHERE class = 'ready' AND state = 'pending'"))) {
        qCInfo(lcJournal) << q.lastError().text();
        return zones;
    }
    while (q.next())
        zones << q.value(0).toString();
    return zones;
}

QList<CampaignRow> CampaignJournal::nextPending(qint64 now, int limit, const QStringList &zones)
{
    // One indexed range per zone (rows_pending_zone), merged: a zone's rows are reached without reading
    // those of the others.
    QList<CampaignRow> rows;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT " VC_ROW_COLUMNS " FROM rows WHERE class = 'ready' AND state = 'pending'"
                             " AND ifnull(tz, '') = ? AND not_before <= ? ORDER BY not_before, line LIMIT ?"));
    for (const QString &zone : zones) {
        q.bindValue(0, zone);
        q.bindValue(1, now);
        q.bindValue(2, limit);
        if (!q.exec()) {
            qCInfo(lcJournal) << q.lastError().text();
            return {};
        }
        while (q.next())
            rows.append(readRow(q));
    }
    std::sort(rows.begin(), rows.end(), [](const CampaignRow &a, const CampaignRow &b) {
        return a.notBeforeMs != b.notBeforeMs ? a.notBeforeMs < b.notBeforeMs : a.line < b.line;
    });
    if (rows.size() > limit)
        rows.resize(limit);
    return rows;
}

std::optional<qint64> CampaignJournal::earliestWaiting()
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(QStringLiteral("SELECT min(not_before) FROM rows WHERE class = 'ready' AND state = 'pending'")) || !q.next() ||
        q.value(0).isNull())
        return std::nullopt;
    return q.value(0).toLongLong();
}

std::optional<qint64> CampaignJournal::earliestWaiting(const QString &zone)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT min(not_before) FROM rows WHERE class = 'ready' AND state = 'pending' AND ifnull(tz, '') = ?"));
    q.addBindValue(zone);
    if (!q.exec() || !q.next() || q.value(0).isNull())
        return std::nullopt;
    return q.value(0).toLongLong();
}

} // namespace vc
