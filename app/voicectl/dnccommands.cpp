// voicectl dnc ...: the do-not-call list the desktop app shares.
#include "cli.h"

#include "campaigns/donotcall.h"
#include "store/teamstore.h"
#include "common/checks.h"
#include "common/validation.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace vc::cli {

void Cli::dnc(const QString &action, const QStringList &rest)
{
    DoNotCallList list;
    if (auto r = list.load(DoNotCallList::defaultPath()); !r)
        return usage(r.error().message);
    const auto report = [this](const char *verb, const Result<DoNotCallList::Change, StorageError> &r, qsizetype size) {
        if (!r) {
            m_out->error(r.error().message);
            return done(ApiFailure);
        }
        if (m_out->format() == Format::Json)
            m_out->json(QJsonObject{{QLatin1String(verb), qint64(r.value().changed)}, {QStringLiteral("size"), qint64(size)}});
        else if (QLatin1String(verb) == QLatin1String("added"))
            m_out->line(tr("Added %1; the list has %2 number(s).").arg(r.value().changed).arg(size));
        else
            m_out->line(tr("Removed %1; the list has %2 number(s).").arg(r.value().changed).arg(size));
        done(Success);
    };
    const auto checkNumbers = [this](const QStringList &numbers) {
        for (const QString &n : numbers) {
            if (const auto v = Validation::phoneNumber(n); !v) {
                usage(tr("\"%1\": %2 Nothing was changed.").arg(checks::elided(n), v.error().explanation));
                return false;
            }
        }
        return true;
    };
    // Why: a category to add (subscriber, operator-list, complaint, other), the operator's words to remove.
    const auto why = [this](bool add, const QString &source) -> std::optional<DoNotCallList::Why> {
        const QString reason = m_parser.value(opt("reason")).trimmed();
        if (add && !DoNotCallList::addReasons().contains(reason)) {
            usage(tr("Say why with --reason %1. Nothing was changed.").arg(DoNotCallList::addReasons().join(u'|')));
            return std::nullopt;
        }
        if (!add && reason.isEmpty()) {
            usage(tr("A number leaves the do-not-call list only with a reason: --reason TEXT. Nothing was changed."));
            return std::nullopt;
        }
        return DoNotCallList::Why{reason, source, m_parser.value(opt("note")).trimmed(), {}};
    };
    if (action == QLatin1String("add") || action == QLatin1String("remove")) {
        if (rest.isEmpty())
            return usage(tr("Name at least one number: voicectl dnc %1 NUMBER...").arg(action));
        if (!checkNumbers(rest))
            return;
        const bool add = action == QLatin1String("add");
        const auto because = why(add, QStringLiteral("manual"));
        if (!because)
            return;
        const auto r = add ? list.add(rest, *because) : list.remove(rest, *because);
        return report(add ? "added" : "removed", r, list.size());
    }
    if (action == QLatin1String("log") && requireArgs(rest, 0, opt("dnc log"))) {
        const auto events = DoNotCallList::history();
        if (!events) {
            m_out->error(events.error().message);
            return done(ApiFailure);
        }
        QJsonArray list;
        for (const auto &e : events.value()) {
            if (m_out->format() == Format::Json) {
                list.append(QJsonObject{{QStringLiteral("time"), e.time.toString(Qt::ISODateWithMs)},
                                        {QStringLiteral("action"), e.action},
                                        {QStringLiteral("number"), e.number},
                                        {QStringLiteral("reason"), e.reason},
                                        {QStringLiteral("source"), e.source},
                                        {QStringLiteral("note"), e.note},
                                        {QStringLiteral("operator"), e.operatorName}});
            } else {
                m_out->line(QStringLiteral("%1  %2  %3  %4  %5%6%7")
                                .arg(e.time.toString(Qt::ISODate), e.action, e.number, e.reason, e.source,
                                     e.note.isEmpty() ? QString() : QStringLiteral("  ") + e.note,
                                     e.operatorName.isEmpty() ? QString() : QStringLiteral("  (") + e.operatorName + u')'));
            }
        }
        if (m_out->format() == Format::Json)
            m_out->json(list);
        return done(Success);
    }
    if (action == QLatin1String("list") && requireArgs(rest, 0, opt("dnc list"))) {
        const QStringList numbers = list.sorted();
        if (m_out->format() == Format::Json)
            m_out->json(QJsonArray::fromStringList(numbers));
        else if (numbers.isEmpty())
            m_out->error(tr("The do-not-call list is empty (%1).")
                             .arg(TeamStore::selected() ? TeamStore::selected()->display() : list.path()));
        else
            for (const QString &n : numbers)
                m_out->line(n);
        return done(Success);
    }
    if (action == QLatin1String("import") && requireArgs(rest, 1, opt("dnc import FILE"))) {
        const auto because = why(true, QStringLiteral("import %1").arg(QFileInfo(rest.at(0)).fileName()));
        if (!because)
            return;
        const auto numbers = DoNotCallList::readNumbers(rest.at(0));
        if (!numbers)
            return usage(numbers.error().message);
        const auto r = list.add(numbers.value(), *because);
        if (r && !r.value().invalid.isEmpty())
            m_out->error(tr("%n line(s) are not phone numbers and were skipped, e.g. \"%1\".", nullptr, int(r.value().invalid.size()))
                             .arg(checks::elided(r.value().invalid.first())));
        return report("added", r, list.size());
    }
    if (action == QLatin1String("export") && requireArgs(rest, 0, opt("dnc export [--output FILE]"))) {
        QFile out;
        if (!openOutput(out))
            return;
        for (const QString &n : list.sorted())
            out.write(n.toLatin1() + '\n');
        return done(Success);
    }
    if (!m_done)
        usage(tr("Unknown command \"dnc %1\". Use add, remove, list, import, export or log.").arg(checks::elided(action)));
}

} // namespace vc::cli
