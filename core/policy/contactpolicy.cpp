#include "policy/contactpolicy.h"

#include "accounts/settings.h"
#include "policy/contactledger.h"
#include "store/teamstore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMutex>
#include <QSettings>
#include <QTime>

#include <algorithm>
#include <memory>

namespace vc {

namespace {
Q_LOGGING_CATEGORY(lcPolicy, "vc.policy")

struct LastRead
{
    QMutex mutex;
    std::optional<ContactPolicy> team;
};
LastRead &lastRead()
{
    static LastRead l;
    return l;
}
} // namespace

void ContactPolicy::rememberTeamPolicy(const std::optional<ContactPolicy> &policy)
{
    QMutexLocker lock(&lastRead().mutex);
    lastRead().team = policy;
}

ContactPolicy ContactPolicy::sharedAsLastRead()
{
    if (TeamStore::selected()) {
        QMutexLocker lock(&lastRead().mutex);
        if (lastRead().team)
            return *lastRead().team;
    }
    const std::unique_ptr<QSettings> store = Settings::openShared();
    return load(Settings(store.get()));
}

ContactPolicy ContactPolicy::fromPreset(Preset preset)
{
    ContactPolicy p;
    p.preset = preset;
    if (preset == Preset::DebtCollection) {
        p.caps = {2, 4, 16};
        p.workdaysWindow = QStringLiteral("08:00-22:00"); // 230-FZ art. 7 part 5 (messages), in the debtor's local time
        p.weekendsWindow = QStringLiteral("09:00-20:00");
    }
    return p;
}

QString ContactPolicy::presetName(Preset preset)
{
    switch (preset) {
    case Preset::None:
        return QStringLiteral("none");
    case Preset::DebtCollection:
        return QStringLiteral("230-fz");
    case Preset::Custom:
        break;
    }
    return QStringLiteral("custom");
}

std::optional<ContactPolicy::Preset> ContactPolicy::presetNamed(const QString &name)
{
    for (Preset p : {Preset::None, Preset::DebtCollection, Preset::Custom}) {
        if (name.compare(presetName(p), Qt::CaseInsensitive) == 0)
            return p;
    }
    return std::nullopt;
}

QString ContactPolicy::presetTitle(Preset preset)
{
    switch (preset) {
    case Preset::None:
        return tr("No caps");
    case Preset::DebtCollection:
        return tr("230-FZ (debt collection)");
    case Preset::Custom:
        break;
    }
    return tr("Custom");
}

ContactPolicy ContactPolicy::load(const Settings &settings)
{
    ContactPolicy p;
    p.preset = presetNamed(settings.policyPreset().get()).value_or(Preset::None);
    const auto cap = [](int n) { return std::clamp(n, 0, 1000); };
    p.caps = {cap(settings.policyPerDay().get()), cap(settings.policyPerWeek().get()), cap(settings.policyPerMonth().get())};
    p.workdaysWindow = settings.policyWorkdays().get();
    p.weekendsWindow = settings.policyWeekends().get();
    p.requireConsent = settings.policyRequireConsent().get();
    if (p.preset == Preset::DebtCollection && p.presetOfFigures() != Preset::DebtCollection)
        p.preset = Preset::Custom; // edited by hand: the law's figures are no longer what it says
    return p;
}

ContactPolicy ContactPolicy::loadShared(bool *fromTeam)
{
    if (fromTeam)
        *fromTeam = false;
    if (TeamStore::selected()) {
        ContactLedger team(ContactLedger::defaultPath());
        const auto policy = team.loadPolicy();
        if (policy && policy.value()) {
            if (fromTeam)
                *fromTeam = true;
            return *policy.value();
        }
        // Not set on the team store yet, or the store is away: then no call is placed anyway (the caps
        // are checked on the store), and a preview shows this computer's policy.
        if (!policy)
            qCWarning(lcPolicy).noquote() << "team policy unavailable:" << policy.error().message;
    }
    const std::unique_ptr<QSettings> store = Settings::openShared();
    return load(Settings(store.get()));
}

QByteArray ContactPolicy::toJson() const
{
    return QJsonDocument(QJsonObject{{QStringLiteral("preset"), presetName(preset)},
                                     {QStringLiteral("per_day"), caps.perDay},
                                     {QStringLiteral("per_week"), caps.perWeek},
                                     {QStringLiteral("per_month"), caps.perMonth},
                                     {QStringLiteral("workdays"), workdaysWindow},
                                     {QStringLiteral("weekends"), weekendsWindow},
                                     {QStringLiteral("require_consent"), requireConsent}})
        .toJson(QJsonDocument::Compact);
}

ContactPolicy ContactPolicy::fromJson(const QByteArray &json)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    ContactPolicy p;
    p.preset = presetNamed(o.value(QStringLiteral("preset")).toString()).value_or(Preset::None);
    const auto cap = [&o](const char *key) { return std::clamp(o.value(QLatin1String(key)).toInt(), 0, 1000); };
    p.caps = {cap("per_day"), cap("per_week"), cap("per_month")};
    // "HH:MM-HH:MM" or nothing: anything else a hostile or damaged row holds is not a window.
    const auto window = [&o](const char *key) {
        const QString text = o.value(QLatin1String(key)).toString();
        const QStringList ends = text.split(u'-');
        const bool valid = text.size() == 11 && ends.size() == 2 && QTime::fromString(ends.at(0), QStringLiteral("HH:mm")).isValid() &&
                           QTime::fromString(ends.at(1), QStringLiteral("HH:mm")).isValid() && ends.at(0) != ends.at(1);
        return valid ? text : QString();
    };
    p.workdaysWindow = window("workdays");
    p.weekendsWindow = window("weekends");
    p.requireConsent = o.value(QStringLiteral("require_consent")).toBool();
    if (p.preset == Preset::DebtCollection && p.presetOfFigures() != Preset::DebtCollection)
        p.preset = Preset::Custom;
    return p;
}

void ContactPolicy::save(const Settings &settings) const
{
    settings.policyPreset().set(presetName(preset));
    settings.policyPerDay().set(caps.perDay);
    settings.policyPerWeek().set(caps.perWeek);
    settings.policyPerMonth().set(caps.perMonth);
    settings.policyWorkdays().set(workdaysWindow);
    settings.policyWeekends().set(weekendsWindow);
    settings.policyRequireConsent().set(requireConsent);
}

ContactPolicy::Preset ContactPolicy::presetOfFigures() const
{
    const ContactPolicy law = fromPreset(Preset::DebtCollection);
    if (caps == law.caps && workdaysWindow == law.workdaysWindow && weekendsWindow == law.weekendsWindow)
        return Preset::DebtCollection;
    if (!caps.any() && workdaysWindow.isEmpty() && weekendsWindow.isEmpty())
        return Preset::None;
    return Preset::Custom;
}

QString ContactPolicy::campaignWindow() const
{
    if (!workdaysWindow.isEmpty() && !weekendsWindow.isEmpty())
        return workdaysWindow == weekendsWindow ? workdaysWindow : workdaysWindow + u'/' + weekendsWindow;
    if (!workdaysWindow.isEmpty())
        return workdaysWindow;
    if (!weekendsWindow.isEmpty())
        return weekendsWindow;
    return defaultWindow();
}

QString ContactPolicy::describeCaps() const
{
    QStringList parts;
    if (caps.perDay > 0)
        parts << tr("%n a day", nullptr, caps.perDay);
    if (caps.perWeek > 0)
        parts << tr("%n a week", nullptr, caps.perWeek);
    if (caps.perMonth > 0)
        parts << tr("%n a month", nullptr, caps.perMonth);
    if (parts.isEmpty())
        return tr("no caps");
    return tr("at most %1").arg(parts.join(QStringLiteral(", ")));
}

ContactPeriods ContactPeriods::around(const QDateTime &utc, const QTimeZone &zone)
{
    const QDate today = utc.toTimeZone(zone).date();
    const auto midnight = [&zone](QDate d) { return QDateTime(d, QTime(0, 0), zone).toUTC(); };
    const QDate monday = today.addDays(1 - today.dayOfWeek());
    const QDate first(today.year(), today.month(), 1);
    return {midnight(today), midnight(today.addDays(1)), midnight(monday), midnight(monday.addDays(7)),
            midnight(first), midnight(first.addMonths(1))};
}

CapVerdict judgeCaps(const ContactCaps &caps, const ContactCounts &counts, const ContactPeriods &periods,
                     const QTimeZone &zone)
{
    CapVerdict v;
    v.counts = counts;
    QString first;
    // Every period whose cap is reached must end first: the latest of their ends. By then the counts in the
    // new periods hold only calls placed after it, none yet.
    const auto reached = [&](int cap, int count, const QDateTime &end, const QString &said) {
        if (cap <= 0 || count < cap)
            return;
        v.allowed = false;
        if (!v.nextPossible.isValid() || end > v.nextPossible)
            v.nextPossible = end;
        if (first.isEmpty())
            first = said;
    };
    reached(caps.perDay, counts.day, periods.dayEnd,
            ContactPolicy::tr("%n call(s) today already (at most %1)", nullptr, counts.day).arg(caps.perDay));
    reached(caps.perWeek, counts.week, periods.weekEnd,
            ContactPolicy::tr("%n call(s) this week already (at most %1)", nullptr, counts.week).arg(caps.perWeek));
    reached(caps.perMonth, counts.month, periods.monthEnd,
            ContactPolicy::tr("%n call(s) this month already (at most %1)", nullptr, counts.month).arg(caps.perMonth));
    if (!v.allowed) {
        const QDateTime local = v.nextPossible.toTimeZone(zone);
        v.reason = ContactPolicy::tr("%1; next possible %2 (%3)")
                       .arg(first, local.toString(QStringLiteral("yyyy-MM-dd HH:mm")), QString::fromUtf8(zone.id()));
    }
    return v;
}

} // namespace vc
