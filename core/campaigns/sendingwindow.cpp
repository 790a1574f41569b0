#include "campaigns/sendingwindow.h"

#include "policy/holidaycalendar.h"

#include <QRegularExpression>

namespace vc {

SendingWindow::SendingWindow(Hours workdays, Hours restDays, std::shared_ptr<const HolidayCalendar> calendar)
    : m_work(workdays), m_rest(restDays), m_set(true), m_calendar(std::move(calendar))
{
    if (!(m_work == m_rest) && !m_calendar)
        m_calendar = HolidayCalendar::shared();
}

namespace {

// "HH:MM-HH:MM" (24:00 allowed as an end): the hours, or nullopt with the reason.
std::optional<SendingWindow::Hours> parseHours(const QString &text, bool *anyHour, QString *error)
{
    static const QRegularExpression re(QStringLiteral("^\\s*(\\d{1,2}):(\\d{2})\\s*-\\s*(\\d{1,2}):(\\d{2})\\s*$"));
    const auto m = re.match(text);
    const QTime start = m.hasMatch() ? QTime(m.captured(1).toInt(), m.captured(2).toInt()) : QTime();
    const bool endOfDay = m.hasMatch() && m.captured(3).toInt() == 24 && m.captured(4).toInt() == 0;
    const QTime end = endOfDay ? QTime(0, 0) : m.hasMatch() ? QTime(m.captured(3).toInt(), m.captured(4).toInt()) : QTime();
    *anyHour = false;
    if (!start.isValid() || !end.isValid()) {
        if (error)
            *error = SendingWindow::tr("The sending window is hours as HH:MM-HH:MM in the recipient's local time, e.g. "
                                       "09:00-20:00, or two of them for working days and for weekends and holidays, "
                                       "e.g. 08:00-22:00/09:00-20:00.");
        return std::nullopt;
    }
    if (endOfDay && start == QTime(0, 0)) {
        *anyHour = true; // 00:00-24:00, said in so many words: any hour
        return SendingWindow::Hours{QTime(0, 0), QTime(0, 0)};
    }
    if (start == end) {
        // Once read as "the whole day", silently: a typo must not mean calls at 3 a.m.
        if (error)
            *error = SendingWindow::tr("The sending window opens and closes at the same time (%1). Give two different times, e.g. "
                                       "09:00-20:00, or set no window to call at any hour.").arg(start.toString(QStringLiteral("HH:mm")));
        return std::nullopt;
    }
    return SendingWindow::Hours{start, end};
}

QString hoursText(const SendingWindow::Hours &h)
{
    if (h.start == h.end)
        return QStringLiteral("00:00-24:00");
    return h.start.toString(QStringLiteral("HH:mm")) + u'-' + h.end.toString(QStringLiteral("HH:mm"));
}

bool covers(const SendingWindow::Hours &h, QTime t, bool sameDay)
{
    if (h.start == h.end)
        return sameDay; // the whole day (only in a window by day type)
    if (h.start < h.end)
        return sameDay && t >= h.start && t < h.end;
    return sameDay ? t >= h.start : t < h.end; // spans midnight: the evening on its day, the morning after
}

} // namespace

std::optional<SendingWindow> SendingWindow::parse(const QString &text, QString *error)
{
    const QStringList parts = text.split(u'/');
    if (parts.size() > 2) {
        if (error)
            *error = tr("The sending window has at most two parts: working days / weekends and holidays.");
        return std::nullopt;
    }
    bool anyWork = false;
    const auto work = parseHours(parts.at(0), &anyWork, error);
    if (!work)
        return std::nullopt;
    if (parts.size() == 1)
        return anyWork ? SendingWindow() : SendingWindow(work->start, work->end);
    bool anyRest = false;
    const auto rest = parseHours(parts.at(1), &anyRest, error);
    if (!rest)
        return std::nullopt;
    if (anyWork && anyRest)
        return SendingWindow();
    if (*work == *rest)
        return SendingWindow(work->start, work->end);
    return SendingWindow(*work, *rest);
}

QString SendingWindow::toString() const
{
    if (!m_set)
        return {};
    if (!byDayType())
        return hoursText(m_work);
    return hoursText(m_work) + u'/' + hoursText(m_rest);
}

const SendingWindow::Hours &SendingWindow::hoursOn(const QDate &localDate) const
{
    if (!byDayType())
        return m_work;
    return m_calendar->isWorkingDay(localDate) ? m_work : m_rest;
}

bool SendingWindow::isOpen(const QDateTime &utc, const QTimeZone &zone) const
{
    if (!m_set)
        return true;
    const QDateTime local = utc.toTimeZone(zone);
    const QDate d = local.date();
    const QTime t = local.time();
    // Today's hours, or the part after midnight of yesterday's when they span it.
    return covers(hoursOn(d), t, true) || covers(hoursOn(d.addDays(-1)), t, false);
}

QDateTime SendingWindow::nextOpening(const QDateTime &utc, const QTimeZone &zone) const
{
    if (isOpen(utc, zone))
        return utc;
    // The opening of each following day's hours in local time (its day type's); a start that a DST jump
    // skips is taken at the first valid local time after it (Qt moves it forward). A year and a week
    // covers any calendar.
    const QDateTime local = utc.toTimeZone(zone);
    for (int day = 0; day <= 372; ++day) {
        const QDate d = local.date().addDays(day);
        QDateTime candidate(d, hoursOn(d).start, zone);
        if (!candidate.isValid())
            continue;
        if (candidate.toUTC() > utc && isOpen(candidate.toUTC(), zone))
            return candidate.toUTC();
    }
    // Unreachable for a sane zone; an hour later is a safe answer.
    return utc.addSecs(3600);
}

int SendingWindow::openSecondsPerDay() const
{
    if (!m_set)
        return 24 * 3600;
    const auto seconds = [](const Hours &h) {
        if (h.start == h.end)
            return 24 * 3600;
        const int s = h.start.msecsSinceStartOfDay() / 1000;
        const int e = h.end.msecsSinceStartOfDay() / 1000;
        return e > s ? e - s : 24 * 3600 - s + e;
    };
    return std::max(seconds(m_work), seconds(m_rest));
}

std::optional<QTimeZone> SendingWindow::zone(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return std::nullopt;
    static const QRegularExpression offset(QStringLiteral("^(?:UTC|GMT)?\\s*([+-])(\\d{1,2})(?::?(\\d{2}))?$"),
                                           QRegularExpression::CaseInsensitiveOption);
    if (t.compare(QLatin1String("UTC"), Qt::CaseInsensitive) == 0 || t.compare(QLatin1String("GMT"), Qt::CaseInsensitive) == 0)
        return QTimeZone::utc();
    const auto m = offset.match(t);
    if (m.hasMatch()) {
        const int hours = m.captured(2).toInt();
        const int minutes = m.captured(3).isEmpty() ? 0 : m.captured(3).toInt();
        if (hours > 14 || minutes > 59)
            return std::nullopt;
        const int seconds = (hours * 3600 + minutes * 60) * (m.captured(1) == QLatin1String("-") ? -1 : 1);
        return QTimeZone(seconds);
    }
    // An IANA id: letters, digits, '/', '_', '-', '+'; QTimeZone knows whether it exists.
    static const QRegularExpression iana(QStringLiteral("^[A-Za-z][A-Za-z0-9_+\\-]*(/[A-Za-z0-9_+\\-]+)*$"));
    if (!iana.match(t).hasMatch() || t.size() > 64)
        return std::nullopt;
    const QByteArray id = t.toLatin1();
    if (!QTimeZone::isTimeZoneIdAvailable(id))
        return std::nullopt;
    QTimeZone z(id);
    if (!z.isValid())
        return std::nullopt;
    return z;
}

} // namespace vc
