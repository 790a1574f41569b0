// voicectl policy ...: the contact policy the desktop app shares; and the contact ledger's check before a
// single send (call send, legacy send).
#include "cli.h"

#include "accounts/settings.h"
#include "common/checks.h"
#include "common/timeformats.h"
#include "policy/contactledger.h"
#include "policy/holidaycalendar.h"

#include <QJsonArray>

#include <QJsonObject>

namespace vc::cli {

namespace {

// A cap option: a whole number 0..1000 (0 = no cap); nullopt when not a number.
std::optional<int> capValue(const QString &text)
{
    bool ok = false;
    const int n = text.trimmed().toInt(&ok);
    if (!ok || n < 0 || n > 1000)
        return std::nullopt;
    return n;
}

} // namespace

void Cli::policy(const QString &action, const QStringList &rest)
{
    std::unique_ptr<QSettings> store = Settings::openShared();
    const Settings settings(store.get());
    ContactPolicy p = ContactPolicy::load(settings);
    // On a team store the policy is the team's: read there (this computer's until one is set there).
    std::unique_ptr<ContactLedger> team;
    if (TeamStore::selected()) {
        team = std::make_unique<ContactLedger>(ContactLedger::defaultPath());
        const auto shared = team->loadPolicy();
        if (!shared) {
            m_out->error(shared.error().message);
            return done(shared.error().unreachable ? NetworkFailure : ApiFailure);
        }
        if (shared.value())
            p = *shared.value();
    }
    if (action == QLatin1String("set") && requireArgs(rest, 0, opt("policy set [--preset 230-fz|none] [--per-day N] [--per-week N] [--per-month N] [--require-consent yes|no]"))) {
        if (m_parser.isSet(opt("preset"))) {
            const auto preset = ContactPolicy::presetNamed(m_parser.value(opt("preset")));
            if (!preset || *preset == ContactPolicy::Preset::Custom)
                return usage(tr("--preset takes 230-fz or none."));
            const bool consent = p.requireConsent; // not part of a preset
            p = ContactPolicy::fromPreset(*preset);
            p.requireConsent = consent;
        }
        if (m_parser.isSet(opt("require-consent"))) {
            const QString v = m_parser.value(opt("require-consent")).trimmed().toLower();
            if (v != QLatin1String("yes") && v != QLatin1String("no"))
                return usage(tr("--require-consent takes yes or no."));
            p.requireConsent = v == QLatin1String("yes");
        }
        bool edited = false;
        for (auto [name, window] : {std::pair{"workdays", &p.workdaysWindow}, std::pair{"weekends", &p.weekendsWindow}}) {
            if (!m_parser.isSet(opt(name)))
                continue;
            const QString text = m_parser.value(opt(name)).trimmed();
            QString why;
            const auto parsed = SendingWindow::parse(text, &why);
            if (text.contains(u'/') || (!text.isEmpty() && text.compare(QLatin1String("none"), Qt::CaseInsensitive) != 0 && !parsed))
                return usage(tr("--%1: %2").arg(QLatin1String(name), why.isEmpty() ? tr("one range, HH:MM-HH:MM.") : why));
            *window = parsed && parsed->isSet() ? parsed->toString() : QString();
            edited = true;
        }
        for (auto [name, cap] : {std::pair{"per-day", &p.caps.perDay}, std::pair{"per-week", &p.caps.perWeek},
                                 std::pair{"per-month", &p.caps.perMonth}}) {
            if (!m_parser.isSet(opt(name)))
                continue;
            const auto n = capValue(m_parser.value(opt(name)));
            if (!n)
                return usage(tr("--%1 takes a whole number from 0 (no cap) to 1000.").arg(QLatin1String(name)));
            *cap = *n;
            edited = true;
        }
        if (edited)
            p.preset = p.presetOfFigures();
        if (team) {
            if (auto r = team->savePolicy(p); !r) {
                m_out->error(r.error().message);
                return done(r.error().unreachable ? NetworkFailure : ApiFailure);
            }
        } else {
            p.save(settings);
            store->sync();
            if (store->status() != QSettings::NoError) {
                m_out->error(tr("The settings file cannot be written: %1").arg(store->fileName()));
                return done(ApiFailure);
            }
        }
    } else if (action != QLatin1String("show") || !requireArgs(rest, 0, opt("policy show"))) {
        if (action != QLatin1String("show") && action != QLatin1String("set"))
            usage(tr("Unknown command \"policy %1\". See voicectl --help.").arg(checks::elided(action)));
        return;
    }
    if (m_out->format() == Format::Json) {
        m_out->json(QJsonObject{{QStringLiteral("preset"), ContactPolicy::presetName(p.preset)},
                                {QStringLiteral("per_day"), p.caps.perDay},
                                {QStringLiteral("per_week"), p.caps.perWeek},
                                {QStringLiteral("per_month"), p.caps.perMonth},
                                {QStringLiteral("workdays_window"), p.workdaysWindow.isEmpty() ? QJsonValue() : QJsonValue(p.workdaysWindow)},
                                {QStringLiteral("weekends_window"), p.weekendsWindow.isEmpty() ? QJsonValue() : QJsonValue(p.weekendsWindow)},
                                {QStringLiteral("require_consent"), p.requireConsent},
                                {QStringLiteral("store"), team ? team->path() : QStringLiteral("local")},
                                {QStringLiteral("holiday_years"), holidayYears()}});
    } else {
        m_out->line(tr("Contact policy: %1").arg(ContactPolicy::presetTitle(p.preset)));
        if (team)
            m_out->line(tr("The team's policy, kept on the team store %1.").arg(team->path()));
        m_out->line(tr("Caps per number, in the recipient's local time: %1").arg(p.describeCaps()));
        m_out->line(tr("Hours on working days: %1; on weekends and holidays: %2 (a campaign's window unless it gives its own)")
                        .arg(p.workdaysWindow.isEmpty() ? tr("not set") : p.workdaysWindow,
                             p.weekendsWindow.isEmpty() ? tr("not set") : p.weekendsWindow));
        if (p.workdaysWindow.isEmpty() && p.weekendsWindow.isEmpty())
            m_out->line(tr("A campaign without --window calls %1 every day.").arg(ContactPolicy::defaultWindow()));
        m_out->line(p.requireConsent ? tr("Consent required: campaign rows without a consent column's date or source are not called.")
                                     : tr("Consent not required."));
    }
    done(Success);
}

QJsonArray Cli::holidayYears()
{
    QJsonArray years;
    for (int y : HolidayCalendar::shared()->years())
        years.append(y);
    return years;
}

void Cli::holidays(const QString &action, const QStringList &rest)
{
    if (action == QLatin1String("list") && requireArgs(rest, 0, opt("holidays list [--year Y]"))) {
        const auto calendar = HolidayCalendar::shared();
        QList<int> years = calendar->years();
        if (m_parser.isSet(opt("year"))) {
            bool ok = false;
            const int y = m_parser.value(opt("year")).toInt(&ok);
            if (!ok || y < 1900 || y > 2200)
                return usage(tr("--year takes a year, e.g. 2026."));
            years = {y};
        }
        QJsonArray list;
        for (int y : years) {
            for (const QDate &d : calendar->holidays(y))
                list.append(QJsonObject{{QStringLiteral("date"), d.toString(Qt::ISODate)}, {QStringLiteral("working"), false}});
            for (const QDate &d : calendar->workingWeekends(y))
                list.append(QJsonObject{{QStringLiteral("date"), d.toString(Qt::ISODate)}, {QStringLiteral("working"), true}});
        }
        if (m_out->format() == Format::Json) {
            m_out->json(list);
        } else if (list.isEmpty()) {
            m_out->error(tr("The calendar has no dates for that year: import one with voicectl holidays import FILE."));
        } else {
            for (const QJsonValue &v : list) {
                const QString date = v.toObject().value(QStringLiteral("date")).toString();
                m_out->line(v.toObject().value(QStringLiteral("working")).toBool() ? tr("%1  working day (transferred)").arg(date)
                                                                                    : tr("%1  day off").arg(date));
            }
        }
        return done(Success);
    }
    if (action == QLatin1String("import") && requireArgs(rest, 1, opt("holidays import FILE"))) {
        const auto imported = HolidayCalendar::importFile(rest.at(0));
        if (!imported)
            return usage(tr("%1 Nothing was imported.").arg(imported.error()));
        m_out->line(tr("Imported %n date(s) into %1.", nullptr, imported.value().dateCount()).arg(HolidayCalendar::importedPath()));
        return done(Success);
    }
    if (action != QLatin1String("list") && action != QLatin1String("import"))
        usage(tr("Unknown command \"holidays %1\". See voicectl --help.").arg(checks::elided(action)));
}

std::optional<qint64> Cli::reserveContact(const QString &number, const QString &provider)
{
    const ContactCaps caps = ContactPolicy::loadShared().caps;
    m_ledger = std::make_unique<ContactLedger>();
    ContactLedger::Call call{number, QTimeZone::systemTimeZone(), {}, provider, m_parser.value(opt("override-cap"))};
    if (m_parser.isSet(opt("tz"))) {
        const auto zone = SendingWindow::zone(m_parser.value(opt("tz")));
        if (!zone) {
            usage(SendingWindow::tr("Unknown time zone \"%1\": use an IANA name such as Europe/Moscow, or UTC+03:00.")
                      .arg(checks::elided(m_parser.value(opt("tz")))));
            return std::nullopt;
        }
        call.zone = *zone;
    }
    if (m_parser.isSet(opt("override-cap")) && call.overrideReason.trimmed().isEmpty()) {
        usage(tr("--override-cap needs a reason, recorded in the contact ledger."));
        return std::nullopt;
    }
    const auto reserved = m_ledger->reserve(call, caps);
    if (!reserved) {
        m_out->error(tr("Nothing was sent: %1").arg(reserved.error().message));
        done(ApiFailure);
        return std::nullopt;
    }
    if (reserved.value().id == 0) {
        const QString why = reserved.value().refusal(number);
        usage(reserved.value().doNotCall ? tr("Nothing was sent: %1.").arg(why)
                                         : tr("Nothing was sent: %1. To call anyway, give --override-cap REASON.").arg(why));
        return std::nullopt;
    }
    if (!reserved.value().verdict.allowed)
        m_out->error(tr("Over the contact policy's cap (%1): placed with the reason you gave, recorded in the ledger.")
                         .arg(reserved.value().verdict.reason));
    return reserved.value().id;
}

void Cli::recordContactOutcome(qint64 id, const Result<QString> &request)
{
    if (!m_ledger || id == 0)
        return;
    if (auto r = m_ledger->setOutcome(id, request); !r)
        m_out->error(r.error().message);
}

} // namespace vc::cli
