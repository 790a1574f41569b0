#include "policy/holidaycalendar.h"

#include "common/paths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

#include <algorithm>
#include <mutex>

namespace vc {

namespace {

// The Russian Federation's non-working days for a five-day week.
// 2026: Labour Code art. 112 (the public holidays; a holiday on a weekend moves to the next working day,
//       part 2), and Government Decree of 24.09.2025 No. 1466 "On the transfer of days off in 2026"
//       (3 January -> 9 January, 4 January -> 31 December). No weekend day is made working.
// 2027: Labour Code art. 112 only. The Government's decree on the transfers of 2027 was not published when
//       this file was made: the two January holidays that fall on a weekend (2 and 3 January) will be
//       moved by it, and it may make a Saturday working. Import the final calendar when it is published
//       (voicectl holidays import FILE).
constexpr const char kRussia[] = R"(# Russia 2026: Labour Code art. 112; Government Decree No. 1466 of 24.09.2025
2026-01-01
2026-01-02
2026-01-05
2026-01-06
2026-01-07
2026-01-08
2026-01-09
2026-02-23
2026-03-09
2026-05-01
2026-05-11
2026-06-12
2026-11-04
2026-12-31
# Russia 2027: Labour Code art. 112 (provisional: the 2027 transfer decree is not included)
2027-01-01
2027-01-04
2027-01-05
2027-01-06
2027-01-07
2027-01-08
2027-02-23
2027-03-08
2027-05-03
2027-05-10
2027-06-14
2027-11-04
)";

QList<QDate> sortedIn(const QSet<QDate> &set, int year)
{
    QList<QDate> out;
    for (const QDate &d : set) {
        if (d.year() == year)
            out.append(d);
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

HolidayCalendar HolidayCalendar::builtIn()
{
    QString error;
    return *parse(QByteArray(kRussia), &error);
}

QString HolidayCalendar::importedPath()
{
    return QDir(paths::dataFolder()).filePath(QStringLiteral("holidays.txt"));
}

std::shared_ptr<const HolidayCalendar> HolidayCalendar::shared()
{
    static std::mutex mutex;
    static std::shared_ptr<const HolidayCalendar> current;
    static QString loadedPath;
    static QDateTime loadedStamp;
    static qint64 loadedSize = -1;
    std::lock_guard lock(mutex);
    const QString path = importedPath();
    const QFileInfo info(path);
    const QDateTime stamp = info.exists() ? info.lastModified() : QDateTime();
    const qint64 size = info.exists() ? info.size() : -1;
    if (current && path == loadedPath && stamp == loadedStamp && size == loadedSize)
        return current;
    HolidayCalendar calendar = builtIn();
    QFile f(path);
    if (f.open(QIODevice::ReadOnly)) {
        QString error;
        if (const auto imported = parse(f.read(4 * 1024 * 1024), &error))
            calendar.merge(*imported);
    }
    current = std::make_shared<const HolidayCalendar>(std::move(calendar));
    loadedPath = path;
    loadedStamp = stamp;
    loadedSize = size;
    return current;
}

bool HolidayCalendar::isWorkingDay(const QDate &date) const
{
    if (m_working.contains(date))
        return true;
    if (m_off.contains(date))
        return false;
    return date.dayOfWeek() <= 5;
}

QList<QDate> HolidayCalendar::holidays(int year) const
{
    return sortedIn(m_off, year);
}

QList<QDate> HolidayCalendar::workingWeekends(int year) const
{
    return sortedIn(m_working, year);
}

QList<int> HolidayCalendar::years() const
{
    QSet<int> years;
    for (const QDate &d : m_off)
        years.insert(d.year());
    for (const QDate &d : m_working)
        years.insert(d.year());
    QList<int> out(years.begin(), years.end());
    std::sort(out.begin(), out.end());
    return out;
}

std::optional<HolidayCalendar> HolidayCalendar::parse(const QByteArray &content, QString *error)
{
    HolidayCalendar c;
    const QString text = QString::fromUtf8(content);
    const bool ics = text.contains(QLatin1String("BEGIN:VCALENDAR"), Qt::CaseInsensitive);
    static const QRegularExpression dtstart(QStringLiteral("^DTSTART(?:;[^:]*)?:(\\d{8})"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression line(QStringLiteral("^(working\\s+)?(\\d{4}-\\d{2}-\\d{2})$"), QRegularExpression::CaseInsensitiveOption);
    int number = 0;
    for (QString l : text.split(u'\n')) {
        ++number;
        l = l.trimmed();
        if (ics) {
            if (const auto m = dtstart.match(l); m.hasMatch()) {
                const QDate d = QDate::fromString(m.captured(1), QStringLiteral("yyyyMMdd"));
                if (!d.isValid()) {
                    if (error)
                        *error = tr("Line %1 is not a date: %2").arg(number).arg(l.left(64));
                    return std::nullopt;
                }
                c.m_off.insert(d);
            }
            continue;
        }
        if (const int hash = l.indexOf(u'#'); hash >= 0)
            l = l.left(hash).trimmed();
        if (l.isEmpty())
            continue;
        const auto m = line.match(l);
        const QDate d = m.hasMatch() ? QDate::fromString(m.captured(2), QStringLiteral("yyyy-MM-dd")) : QDate();
        if (!d.isValid()) {
            if (error)
                *error = tr("Line %1 is neither a date (YYYY-MM-DD) nor \"working YYYY-MM-DD\": %2").arg(number).arg(l.left(64));
            return std::nullopt;
        }
        (m.captured(1).isEmpty() ? c.m_off : c.m_working).insert(d);
    }
    return c;
}

QByteArray HolidayCalendar::toText() const
{
    QByteArray out = "# Voice Console holiday calendar: one non-working date per line; \"working DATE\" for a working weekend day\n";
    for (int year : years()) {
        for (const QDate &d : holidays(year))
            out += d.toString(Qt::ISODate).toLatin1() + '\n';
        for (const QDate &d : workingWeekends(year))
            out += "working " + d.toString(Qt::ISODate).toLatin1() + '\n';
    }
    return out;
}

Result<HolidayCalendar, QString> HolidayCalendar::importFile(const QString &path)
{
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly))
        return tr("%1 cannot be read: %2").arg(path, in.errorString());
    QString error;
    const auto imported = parse(in.read(4 * 1024 * 1024), &error);
    if (!imported)
        return tr("%1: %2").arg(path, error);
    HolidayCalendar kept;
    QFile old(importedPath());
    if (old.open(QIODevice::ReadOnly)) {
        if (const auto before = parse(old.readAll(), &error))
            kept = *before;
    }
    kept.merge(*imported);
    QSaveFile out(importedPath());
    if (!out.open(QIODevice::WriteOnly) || out.write(kept.toText()) < 0 || !out.commit())
        return tr("%1 cannot be written: %2").arg(importedPath(), out.errorString());
    return *imported;
}

void HolidayCalendar::merge(const HolidayCalendar &other)
{
    for (const QDate &d : other.m_off) {
        m_off.insert(d);
        m_working.remove(d);
    }
    for (const QDate &d : other.m_working) {
        m_working.insert(d);
        m_off.remove(d);
    }
}

} // namespace vc
