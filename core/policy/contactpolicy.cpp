#include "policy/contactpolicy.h"

#include "accounts/settings.h"

namespace vc {

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

ContactPolicy ContactPolicy::loadShared()
{
    const std::unique_ptr<QSettings> store = Settings::openShared();
    return load(Settings(store.get()));
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
