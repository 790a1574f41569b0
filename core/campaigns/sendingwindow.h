#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QTime>
#include <QTimeZone>

#include <memory>
#include <optional>

namespace vc {

class HolidayCalendar;

// Hours in the recipient's local time during which calls may be placed: "09:00-20:00" every day, or by
// day type, "08:00-22:00/09:00-20:00" (working days / weekends and public holidays, from the holiday
// calendar: a transferred working Saturday is a working day). An end before the start spans midnight
// ("21:00-02:00"); equal ends are refused by parse(). The end is exclusive.
class SendingWindow final
{
    Q_DECLARE_TR_FUNCTIONS(SendingWindow)
public:
    struct Hours
    {
        QTime start;
        QTime end;
        bool operator==(const Hours &) const = default;
    };

    SendingWindow() = default; // always open
    SendingWindow(QTime start, QTime end) : m_work{start, end}, m_rest{start, end}, m_set(true) {}
    // Working days, and weekends and holidays; `calendar` null: the shared one (HolidayCalendar::shared()).
    SendingWindow(Hours workdays, Hours restDays, std::shared_ptr<const HolidayCalendar> calendar = {});

    static std::optional<SendingWindow> parse(const QString &text, QString *error = nullptr);
    QString toString() const; // "09:00-20:00" or "08:00-22:00/09:00-20:00", empty when always open
    bool isSet() const { return m_set; }
    bool byDayType() const { return m_set && !(m_work == m_rest); }
    Hours workdays() const { return m_work; }
    Hours restDays() const { return m_rest; }

    bool isOpen(const QDateTime &utc, const QTimeZone &zone) const;
    // The first moment at or after `utc` when the window is open in `zone` (`utc` itself when open).
    QDateTime nextOpening(const QDateTime &utc, const QTimeZone &zone) const;
    // Seconds the window is open per day (the longer of the day types).
    int openSecondsPerDay() const;

    // A recipient's zone: an IANA id ("Asia/Novosibirsk") or a fixed offset ("UTC+07:00", "UTC-3",
    // "+0300"). nullopt when it is neither.
    static std::optional<QTimeZone> zone(const QString &text);

private:
    const Hours &hoursOn(const QDate &localDate) const;
    Hours m_work;
    Hours m_rest;
    bool m_set = false;
    std::shared_ptr<const HolidayCalendar> m_calendar; // only for a window by day type
};

} // namespace vc
