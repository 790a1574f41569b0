#include "campaigns/sendingwindow.h"

#include <QRegularExpression>

namespace vc {

std::optional<SendingWindow> SendingWindow::parse(const QString &text, QString *error)
{
    static const QRegularExpression re(QStringLiteral("^\\s*(\\d{1,2}):(\\d{2})\\s*-\\s*(\\d{1,2}):(\\d{2})\\s*$"));
    const auto m = re.match(text);
    const QTime start = m.hasMatch() ? QTime(m.captured(1).toInt(), m.captured(2).toInt()) : QTime();
    const bool endOfDay = m.hasMatch() && m.captured(3).toInt() == 24 && m.captured(4).toInt() == 0;
    const QTime end = endOfDay ? QTime(0, 0) : m.hasMatch() ? QTime(m.captured(3).toInt(), m.captured(4).toInt()) : QTime();
    if (!start.isValid() || !end.isValid()) {
        if (error)
            *error = tr("The sending window is hours as HH:MM-HH:MM in the recipient's local time, e.g. 09:00-20:00.");
        return std::nullopt;
    }
    if (endOfDay && start == QTime(0, 0))
        return SendingWindow(); // 00:00-24:00, said in so many words: any hour
    if (start == end) {
        // Once read as "the whole day", silently: a typo must not mean calls at 3 a.m.
        if (error)
            *error = tr("The sending window opens and closes at the same time (%1). Give two different times, e.g. "
                        "09:00-20:00, or set no window to call at any hour.").arg(start.toString(QStringLiteral("HH:mm")));
        return std::nullopt;
    }
    return SendingWindow(start, end);
}

QString SendingWindow::toString() const
{
    if (!m_set)
        return {};
    return m_start.toString(QStringLiteral("HH:mm")) + u'-' + m_end.toString(QStringLiteral("HH:mm"));
}

bool SendingWindow::openAtLocal(QTime t) const
{
    if (!m_set || m_start == m_end)
        return true;
    if (m_start < m_end)
        return t >= m_start && t < m_end;
    return t >= m_start || t < m_end; // spans midnight
}

bool SendingWindow::isOpen(const QDateTime &utc, const QTimeZone &zone) const
{
    if (!m_set)
        return true;
    return openAtLocal(utc.toTimeZone(zone).time());
}

QDateTime SendingWindow::nextOpening(const QDateTime &utc, const QTimeZone &zone) const
{
    if (isOpen(utc, zone))
        return utc;
    // The window's start today or tomorrow in local time; a start that a DST jump skips is taken at
    // the first valid local time after it (Qt moves it forward).
    const QDateTime local = utc.toTimeZone(zone);
    for (int day = 0; day <= 2; ++day) {
        QDateTime candidate(local.date().addDays(day), m_start, zone);
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
    if (!m_set || m_start == m_end)
        return 24 * 3600;
    const int s = m_start.msecsSinceStartOfDay() / 1000;
    const int e = m_end.msecsSinceStartOfDay() / 1000;
    return e > s ? e - s : 24 * 3600 - s + e;
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
