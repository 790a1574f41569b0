// The journal's side of reconciling unknown rows with the provider's call history: which rows are
// unknown and since when, which call ids the campaign knows, and the two ways a row is settled.
#include "campaigns/campaignjournal.h"

#include "common/sqlerror.h"
#include "campaigns/campaignjournal_p.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace vc {

using journal::fromIso;
using journal::iso;

QList<CampaignJournal::UnknownRow> CampaignJournal::unknownRows()
{
    QList<UnknownRow> rows;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    // requested_at where the journal has it; else the time its last attempt was found unknown (after the
    // request, by at most the request's deadline).
    const bool hasRequestedAt = q.exec(QStringLiteral("SELECT 1 FROM pragma_table_info('rows') WHERE name = 'requested_at'")) && q.next();
    q.finish();
    const QString sql = QStringLiteral("SELECT r.line, r.number, %1, (SELECT a.placed_at FROM attempts a WHERE a.line = r.line"
                                       " AND a.attempt = r.attempts), r.status, r.error FROM rows r WHERE r.class = 'ready'"
                                       " AND r.state = 'unknown' ORDER BY r.line")
                            .arg(hasRequestedAt ? QStringLiteral("r.requested_at") : QStringLiteral("NULL"));
    if (!q.exec(sql)) {
        qCInfo(lcJournal) << q.lastError().text();
        return rows;
    }
    while (q.next()) {
        UnknownRow r;
        r.line = q.value(0).toLongLong();
        r.number = q.value(1).toString();
        if (!q.value(2).isNull())
            r.requestedAt = QDateTime::fromMSecsSinceEpoch(q.value(2).toLongLong(), QTimeZone::utc());
        else if (!q.value(3).isNull())
            r.requestedAt = fromIso(q.value(3).toString()).addSecs(-60); // the deadline before it
        r.status = q.value(4).toString();
        r.error = q.value(5).toString();
        rows.append(r);
    }
    return rows;
}

QSet<QString> CampaignJournal::knownCallIds()
{
    QSet<QString> ids;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    if (q.exec(QStringLiteral("SELECT call_id FROM rows WHERE call_id IS NOT NULL UNION SELECT call_id FROM attempts WHERE call_id IS NOT NULL"))) {
        while (q.next())
            ids.insert(q.value(0).toString());
    }
    return ids;
}

StorageResult CampaignJournal::resolvePlaced(qint64 line, const QString &callId, const QDateTime &at, const QString &note)
{
    return execAll({{QStringLiteral("UPDATE rows SET state = 'placed', call_id = ?, placed_at = ?, error = ?, status = NULL, final = 0,"
                                    " delivered = 0, stale = 0 WHERE line = ? AND state = 'unknown'"),
                     {callId, iso(at), note, line}},
                    {QStringLiteral("INSERT OR REPLACE INTO attempts(line, attempt, call_id, placed_at)"
                                    " SELECT line, attempts, ?, ? FROM rows WHERE line = ?"),
                     {callId, iso(at), line}}});
}

StorageResult CampaignJournal::noteUnknown(qint64 line, const QString &status, const QString &note)
{
    const QVariant s = status.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(status);
    return exec(QStringLiteral("UPDATE rows SET status = ?, error = ? WHERE line = ? AND state = 'unknown'"), {s, note, line});
}

} // namespace vc
