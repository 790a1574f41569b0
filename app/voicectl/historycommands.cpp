// voicectl history ...: the shared call history (a single send from the command line is kept in it like
// the app's), and its comparison with Exolve's own call history.
#include "cli.h"

#include "calls/historycomparison.h"
#include "common/checks.h"
#include "common/timeformats.h"
#include "common/validation.h"
#include "exolve/exolveclient.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUuid>

namespace vc::cli {

CallHistory *Cli::history()
{
    if (!m_history) {
        m_history = std::make_unique<CallHistory>();
        if (auto r = m_history->open(); !r)
            m_out->error(tr("Warning: the call history cannot be opened (%1): this call is not recorded in it.").arg(r.error().message));
    }
    return m_history->isOpen() ? m_history.get() : nullptr;
}

void Cli::recordSingleSend(CallRecord record, const Result<QString> &request)
{
    if (!request && !request.error().outcomeUnknown)
        return; // refused: no call, nothing to keep
    record.origin = CallRecord::Origin::Sent;
    record.created = QDateTime::currentDateTimeUtc();
    if (request) {
        record.callId = request.value();
    } else {
        record.callId = QStringLiteral("unknown-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        record.outcomeUnknown = true;
        record.status = CallRecord::unknownOutcomeStatus();
    }
    m_sent = record;
    if (CallHistory *h = history(); h && !h->save(record))
        m_out->error(tr("Warning: the call could not be recorded in the call history."));
}

void Cli::recordSingleSendEnd(const CallInfo &info, bool stale)
{
    if (!m_sent || m_sent->callId != info.callId)
        return;
    m_sent->apply(info);
    m_sent->final = !stale;
    m_sent->stale = stale;
    if (CallHistory *h = history())
        (void)h->save(*m_sent); // the command's own output said how it ended
}

std::optional<QDateTime> Cli::timeOption(const char *name)
{
    const QString text = m_parser.value(opt(name)).trimmed();
    QDateTime t = QDateTime::fromString(text, Qt::ISODate);
    if (!t.isValid())
        t = QDateTime::fromString(text, QStringLiteral("yyyy-MM-dd HH:mm"));
    if (!t.isValid()) {
        const QDate d = QDate::fromString(text, Qt::ISODate);
        if (d.isValid())
            t = QDateTime(d, QTime(0, 0));
    }
    if (!t.isValid()) {
        usage(tr("--%1 takes a time: \"YYYY-MM-DD HH:MM\" (this computer's zone), a date, or ISO 8601 with a zone.")
                  .arg(QLatin1String(name)));
        return std::nullopt;
    }
    return t.toUTC();
}

void Cli::historyReconcile()
{
    if (!m_parser.isSet(opt("from")) || !m_parser.isSet(opt("to")))
        return usage(tr("history reconcile needs --from and --to."));
    const auto from = timeOption("from");
    if (!from)
        return;
    const auto to = timeOption("to");
    if (!to)
        return;
    if (*to <= *from)
        return usage(tr("--to must come after --from."));
    CallHistory *h = history();
    if (!h) {
        m_out->error(tr("The call history cannot be opened, so there is nothing to compare."));
        return done(ApiFailure);
    }
    QStringList numbers;
    for (const QString &n : m_parser.values(opt("number"))) {
        const auto number = Validation::phoneNumber(n);
        if (!number)
            return usage(tr("--number: %1").arg(number.error().explanation));
        numbers << number.value();
    }
    m_comparer = std::make_unique<HistoryComparer>(h, m_client, this);
    connect(m_comparer.get(), &HistoryComparer::finished, this, [this](const HistoryComparison &c, const QString &error) {
        if (!error.isEmpty()) {
            m_out->error(tr("Exolve's call history could not be read: %1").arg(error));
            return done(ApiFailure);
        }
        QString saveError;
        const QString path = c.save(&saveError);
        if (path.isEmpty())
            m_out->error(tr("Warning: the comparison could not be kept: %1").arg(saveError));
        const HistoryComparison::Totals t = c.totals();
        if (m_out->format() == Format::Json) {
            QJsonObject o = c.toJson();
            o.insert(QStringLiteral("saved"), path.isEmpty() ? QJsonValue() : QJsonValue(path));
            m_out->json(o);
        } else {
            for (const ComparisonRow &r : c.rows) {
                const auto seconds = [](int s) { return s >= 0 ? QString::number(s) : QStringLiteral("?"); };
                const QString what = r.kind == ComparisonRow::Kind::OnlyLocal       ? tr("only here")
                                     : r.kind == ComparisonRow::Kind::OnlyProvider  ? tr("only at Exolve")
                                     : r.kind == ComparisonRow::Kind::DurationMismatch ? tr("durations differ")
                                                                                      : tr("in both");
                m_out->line(tr("+%1  %2  %3  here %4 s, Exolve %5 s  %6")
                                .arg(r.number, r.placedAt.isValid() ? r.placedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QStringLiteral("—"), what,
                                     seconds(r.localDuration), seconds(r.providerDuration),
                                     r.localCallId.isEmpty() ? r.providerCallId : r.localCallId));
            }
            m_out->line(tr("In both: %1 (durations differ: %2); only here: %3; only at Exolve: %4.")
                            .arg(t.both).arg(t.durationMismatch).arg(t.onlyLocal).arg(t.onlyProvider));
            if (!path.isEmpty())
                m_out->line(tr("Kept in %1").arg(path));
        }
        done(Success);
    });
    m_comparer->start(*from, *to, numbers);
}

} // namespace vc::cli
