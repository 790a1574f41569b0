#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>

#include <optional>

namespace vc {

class Settings;

// How many calls one person may get: at most so many per calendar day, week (Monday to Sunday) and
// month, each in the person's own local time. 0 = no cap. Counted: calls placed, an unknown outcome
// included (it may have rung).
struct ContactCaps
{
    int perDay = 0;
    int perWeek = 0;
    int perMonth = 0;

    bool any() const { return perDay > 0 || perWeek > 0 || perMonth > 0; }
    bool operator==(const ContactCaps &) const = default;
};

// The company's contact policy, kept with the other typed settings (the app and voicectl share it).
struct ContactPolicy
{
    Q_DECLARE_TR_FUNCTIONS(ContactPolicy)
public:
    enum class Preset {
        None,           // no caps
        DebtCollection, // 230-FZ art. 7 part 5 (messages): 2 a day, 4 a week, 16 a month; 08-22 / 09-20
        Custom,
    };

    Preset preset = Preset::None;
    ContactCaps caps;
    // The hours to call in, in the recipient's local time, for working days and for weekends and public
    // holidays ("HH:MM-HH:MM" each; empty: not set). A campaign's window unless it says otherwise.
    QString workdaysWindow;
    QString weekendsWindow;
    // Campaign rows without consent (a consent column's date or source) are classed no_consent and not
    // called (38-FZ art. 18 part 1 asks for the subscriber's prior consent). Not part of any preset.
    bool requireConsent = false;
    static QString defaultWindow() { return QStringLiteral("09:00-20:00"); }
    // The preset the figures are: the law's exactly, none at all, or the operator's own.
    Preset presetOfFigures() const;
    // The window a new campaign gets: "08:00-22:00/09:00-20:00", one of them, or defaultWindow().
    QString campaignWindow() const;

    static ContactPolicy fromPreset(Preset preset);
    // "none", "230-fz", "custom" (the names voicectl and the settings file use).
    static QString presetName(Preset preset);
    static std::optional<Preset> presetNamed(const QString &name);
    // The preset's name for a person: "230-FZ (debt collection)".
    static QString presetTitle(Preset preset);

    static ContactPolicy load(const Settings &settings);
    // The process's shared policy: the team store's when one is selected and has one, else the settings
    // file the app and voicectl share (Settings::openShared()). `fromTeam` says which it is.
    static ContactPolicy loadShared(bool *fromTeam = nullptr);
    // The same without waiting on a server, for a form's defaults on the window's thread: on a team
    // store the team's policy as last read (by loadShared() on any thread, or the store's health check),
    // this computer's until one was read.
    static ContactPolicy sharedAsLastRead();
    static void rememberTeamPolicy(const std::optional<ContactPolicy> &policy);
    // The same in JSON (the team store keeps it so): preset, per_day, per_week, per_month, workdays,
    // weekends, require_consent. Unknown or out-of-range values fall back as load() does.
    QByteArray toJson() const;
    static ContactPolicy fromJson(const QByteArray &json);
    void save(const Settings &settings) const;
    // "at most 2 a day, 4 a week, 16 a month" / "no caps".
    QString describeCaps() const;
};

// The calendar periods around a moment in a person's zone: [start, end) of their day, week and month.
struct ContactPeriods
{
    QDateTime dayStart, dayEnd, weekStart, weekEnd, monthStart, monthEnd;

    static ContactPeriods around(const QDateTime &utc, const QTimeZone &zone);
    QDateTime earliest() const { return std::min(weekStart, monthStart); }
    QDateTime latest() const { return std::max(weekEnd, monthEnd); }
};

struct ContactCounts
{
    int day = 0;
    int week = 0;
    int month = 0;
};

// Whether one more call may be placed now, and if not why and from when.
struct CapVerdict
{
    bool allowed = true;
    ContactCounts counts;
    QDateTime nextPossible; // UTC; invalid when allowed
    QString reason;         // "2 calls today already (at most 2); next possible 07.12.2026 00:00 (Asia/Tokyo)"
};

CapVerdict judgeCaps(const ContactCaps &caps, const ContactCounts &counts, const ContactPeriods &periods,
                     const QTimeZone &zone);

} // namespace vc
