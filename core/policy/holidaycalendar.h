#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QDate>
#include <QSet>
#include <QString>

#include <memory>
#include <optional>

namespace vc {

// Which days are working days: Monday to Friday, except public holidays, plus weekend days made working
// by a transfer. The Russian production calendar for 2026 and 2027 ships with the program (its sources
// are cited in holidaycalendar.cpp); an operator can import another calendar into the data folder
// (holidays.txt), which adds to it.
//
// The file format, one entry per line ('#' starts a comment):
//   2026-01-09            a non-working day (a public holiday or a transferred day off)
//   working 2027-11-13    a working day that falls on a weekend
// or an iCalendar file (.ics): each VEVENT's DTSTART;VALUE=DATE is a non-working day.
class HolidayCalendar final
{
    Q_DECLARE_TR_FUNCTIONS(HolidayCalendar)
public:
    // The built-in calendar and the data folder's imported one, read again when that file changes.
    static std::shared_ptr<const HolidayCalendar> shared();
    static HolidayCalendar builtIn();
    // <data folder>/holidays.txt
    static QString importedPath();

    bool isWorkingDay(const QDate &date) const;
    bool isHoliday(const QDate &date) const { return m_off.contains(date); }
    bool isWorkingWeekend(const QDate &date) const { return m_working.contains(date); }
    QList<QDate> holidays(int year) const;        // sorted
    QList<QDate> workingWeekends(int year) const; // sorted
    QList<int> years() const;                     // the years any entry is for, sorted

    // Reads a calendar file; an error (translated, naming the line) when a line is neither a date nor a
    // comment. Nothing is half-read.
    static std::optional<HolidayCalendar> parse(const QByteArray &content, QString *error);
    // The calendar as the text format above (what import writes).
    QByteArray toText() const;
    void merge(const HolidayCalendar &other);
    // Adds a calendar file's dates to the imported one (importedPath()), written whole or not at all.
    // Returns what the file held; nothing changes when it cannot be read (the reason, translated).
    static Result<HolidayCalendar, QString> importFile(const QString &path);
    int dateCount() const { return int(m_off.size() + m_working.size()); }

private:
    QSet<QDate> m_off;
    QSet<QDate> m_working;
};

} // namespace vc
