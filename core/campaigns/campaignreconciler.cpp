#include "campaigns/campaignreconciler.h"

#include "exolve/exolveclient.h"

#include <QFileInfo>
#include <QLocale>
#include <QTimer>

namespace vc {

namespace {
QString when(const QDateTime &t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
}
} // namespace

QString ReconcileVerdict::kindName(Kind k)
{
    switch (k) {
    case Kind::Placed:
        return QStringLiteral("placed");
    case Kind::NotPlaced:
        return QStringLiteral("not_placed");
    case Kind::StillUnknown:
        return QStringLiteral("still_unknown");
    }
    return {};
}

ReconcileTally ReconcileTally::of(const QList<ReconcileVerdict> &verdicts)
{
    ReconcileTally t;
    for (const ReconcileVerdict &v : verdicts) {
        t.placed += v.kind == ReconcileVerdict::Kind::Placed;
        t.notPlaced += v.kind == ReconcileVerdict::Kind::NotPlaced;
        t.stillUnknown += v.kind == ReconcileVerdict::Kind::StillUnknown;
        t.toFollow += v.kind == ReconcileVerdict::Kind::Placed && !v.historyId;
        t.changed = t.changed || v.changed;
    }
    return t;
}

void CampaignReconciler::recordInHistory(const QList<ReconcileVerdict> &verdicts, CallHistory *history, const QString &journalPath)
{
    const QString campaign = QFileInfo(journalPath).completeBaseName();
    for (const ReconcileVerdict &v : verdicts) {
        if (v.kind == ReconcileVerdict::Kind::Placed)
            (void)history->resolveUnknown(campaign, v.number, v.callId, v.historyOutcome()); // the journal is the record
    }
}

CampaignReconciler::CampaignReconciler(CampaignJournal *journal, ExolveClient *client, ReconcileOptions options, QObject *parent)
    : QObject(parent), m_journal(journal), m_client(client), m_options(std::move(options))
{
}

CallHistoryQuery CampaignReconciler::queryFor(const CampaignJournal::UnknownRow &row, const QDateTime &now, const ReconcileOptions &o)
{
    CallHistoryQuery q;
    q.sipId = row.number;
    q.from = row.requestedAt.addSecs(-o.allowanceSec);
    q.to = std::min(now, row.requestedAt.addSecs(qint64(o.lookAheadMin) * 60));
    if (q.to < q.from)
        q.to = q.from;
    q.limit = 100;
    return q;
}

ReconcileVerdict CampaignReconciler::judge(const CampaignJournal::UnknownRow &row, const QList<CallHistoryEntry> &entries,
                                           const QSet<QString> &knownIds, const QDateTime &now, const ReconcileOptions &o)
{
    ReconcileVerdict v;
    v.line = row.line;
    v.number = row.number;
    if (!row.requestedAt.isValid()) {
        v.why = tr("The journal does not say when this row was requested, so the call history cannot be asked: "
                      "still unknown.");
        return v;
    }
    const CallHistoryQuery q = queryFor(row, now, o);
    QList<CallHistoryEntry> candidates;
    for (const CallHistoryEntry &e : entries) {
        if (!knownIds.contains(e.callId)) // this campaign's own other calls to the number are not it
            candidates.append(e);
    }
    v.candidates = int(candidates.size());
    const QString period = tr("between %1 and %2").arg(when(q.from), when(q.to));
    if (candidates.size() == 1) {
        const CallHistoryEntry &e = candidates.constFirst();
        v.kind = ReconcileVerdict::Kind::Placed;
        v.callId = e.callId;
        v.historyId = e.numericId;
        v.duration = e.duration;
        v.why = e.numericId
                    ? tr("Resolved from Exolve's call history: one call to this number %1, history id %2 (not a "
                            "voice-message id), %3 s of talk, so %4.")
                          .arg(period, e.callId)
                          .arg(e.duration.value_or(0))
                          .arg(e.duration.value_or(0) > 0 ? tr("answered") : tr("not answered"))
                    : tr("Resolved from Exolve's call history: one call to this number %1, call id %2; followed with "
                            "call/v1/GetInfo.").arg(period, e.callId);
        return v;
    }
    if (candidates.size() > 1) {
        v.why = tr("Exolve's call history has %1 calls to this number %2 (another campaign or tool called it too): "
                      "which one was this campaign's cannot be told, so it stays unknown.").arg(candidates.size()).arg(period);
        return v;
    }
    const QDateTime settled = row.requestedAt.addSecs(qint64(o.settleMin) * 60);
    if (now < settled) {
        v.why = tr("Exolve's call history has no call to this number %1 yet; its records arrive some time after a "
                      "call, so ask again after %2.").arg(period, when(settled));
        return v;
    }
    v.kind = ReconcileVerdict::Kind::NotPlaced;
    v.why = tr("Exolve's call history has no call to this number %1, %2 min after the request: not placed. It is "
                  "sent again only when you choose to (Resend Unknown).").arg(period).arg(row.requestedAt.secsTo(now) / 60);
    return v;
}

void CampaignReconciler::resolveSend(const CallRecord &record, ExolveClient *client, CallHistory *history, QObject *context,
                                     std::function<void(const ReconcileVerdict &, const QString &)> done, ReconcileOptions options)
{
    CampaignJournal::UnknownRow row;
    row.number = record.destination;
    // Recorded when the answer was given up on: the request went out before, within its deadline.
    row.requestedAt = record.created.isValid() ? record.created.addSecs(-60) : QDateTime();
    QSet<QString> known;
    CallFilter filter;
    filter.number = record.destination;
    for (const CallRecord &r : history->search(filter))
        known.insert(r.callId);
    const QDateTime now = options.clock();
    if (!row.requestedAt.isValid())
        return done(judge(row, {}, known, now, options), {});
    client->callHistory(queryFor(row, now, options), context,
                        [record, history, known, row, now, options, done](const Result<QList<CallHistoryEntry>> &r) {
                            if (!r)
                                return done({}, r.error().toDisplayString());
                            ReconcileVerdict v = judge(row, r.value(), known, now, options);
                            if (v.kind == ReconcileVerdict::Kind::Placed) {
                                if (auto renamed = history->renameUnknown(record.callId, v.callId, v.historyOutcome()); !renamed)
                                    return done(v, renamed.error().message);
                                v.changed = true;
                            }
                            done(v, {});
                        });
}

void CampaignReconciler::start()
{
    m_rows = m_journal->unknownRows();
    m_known = m_journal->knownCallIds();
    m_verdicts.clear();
    QTimer::singleShot(0, this, &CampaignReconciler::next);
}

void CampaignReconciler::next()
{
    if (m_verdicts.size() == m_rows.size())
        return Q_EMIT finished(m_verdicts, {});
    const CampaignJournal::UnknownRow row = m_rows.at(m_verdicts.size());
    const QDateTime now = m_options.clock();
    if (!row.requestedAt.isValid()) {
        ReconcileVerdict v = judge(row, {}, m_known, now, m_options);
        if (auto r = apply(v, row); !r)
            return Q_EMIT finished(m_verdicts, r.error().message);
        m_verdicts.append(v);
        Q_EMIT rowJudged(v);
        return next();
    }
    m_client->callHistory(queryFor(row, now, m_options), this, [this, row, now](const Result<QList<CallHistoryEntry>> &r) {
        if (!r)
            return Q_EMIT finished(m_verdicts, r.error().toDisplayString());
        ReconcileVerdict v = judge(row, r.value(), m_known, now, m_options);
        if (auto applied = apply(v, row); !applied)
            return Q_EMIT finished(m_verdicts, applied.error().message);
        if (v.kind == ReconcileVerdict::Kind::Placed)
            m_known.insert(v.callId); // never the answer for a second row
        m_verdicts.append(v);
        Q_EMIT rowJudged(v);
        next();
    });
}

StorageResult CampaignReconciler::apply(ReconcileVerdict &v, const CampaignJournal::UnknownRow &row)
{
    switch (v.kind) {
    case ReconcileVerdict::Kind::Placed: {
        if (auto r = m_journal->resolvePlaced(v.line, v.callId, row.requestedAt, v.why); !r)
            return r;
        v.changed = true;
        if (!v.historyId)
            return Empty{}; // followed with call/v1/GetInfo like any placed call
        // The history's own id: GetInfo does not know it; its outcome is the history's.
        const int talk = *v.historyOutcome();
        return m_journal->markFinal(v.line, talk > 0 ? QStringLiteral("completed") : QStringLiteral("not_answered"), talk > 0,
                                    false, {}, talk);
    }
    case ReconcileVerdict::Kind::NotPlaced:
        // Said once: a second reconcile that finds the same nothing leaves the row as it is.
        if (row.status == QLatin1String("not_placed"))
            return Empty{};
        v.changed = true;
        return m_journal->noteUnknown(v.line, QStringLiteral("not_placed"), v.why);
    case ReconcileVerdict::Kind::StillUnknown:
        if (row.status.isEmpty() && row.error == v.why)
            return Empty{};
        v.changed = true;
        return m_journal->noteUnknown(v.line, {}, v.why);
    }
    return Empty{};
}

} // namespace vc
