#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QTime>
#include <QTimeZone>

#include <optional>

namespace vc {

// Hours in the recipient's local time during which calls may be placed, "09:00-20:00". An end before
// the start spans midnight ("21:00-02:00"); equal ends are refused by parse(). The end is exclusive.
class SendingWindow final
{
    Q_DECLARE_TR_FUNCTIONS(SendingWindow)
public:
    SendingWindow() = default; // always open
    SendingWindow(QTime start, QTime end) : m_start(start), m_end(end), m_set(true) {}

    static std::optional<SendingWindow> parse(const QString &text, QString *error = nullptr);
    QString toString() const; // "09:00-20:00", empty when always open
    bool isSet() const { return m_set; }

    bool isOpen(const QDateTime &utc, const QTimeZone &zone) const;
    // The first moment at or after `utc` when the window is open in `zone` (`utc` itself when open).
    QDateTime nextOpening(const QDateTime &utc, const QTimeZone &zone) const;
    // Seconds the window is open per day.
    int openSecondsPerDay() const;

    // A recipient's zone: an IANA id ("Asia/Novosibirsk") or a fixed offset ("UTC+07:00", "UTC-3",
    // "+0300"). nullopt when it is neither.
    static std::optional<QTimeZone> zone(const QString &text);

private:
    bool openAtLocal(QTime t) const;
    QTime m_start;
    QTime m_end;
    bool m_set = false;
};

} // namespace vc
