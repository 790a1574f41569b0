#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QString>
#include <QUrlQuery>

namespace vc::sandbox {

// The integrationapi.net REST voice API (2013) as its document shows it, quirks included: a bare JSON
// string for the session id, a bare number for the balance, single-quoted answers, errors as
// { Code: N, Desc: "..." } with unquoted keys. Sessions expire; messages go 0 -> 1 -> 2 (or 3, 4).
// A destination ending in 3 is not listened, one ending in 4 fails.
class LegacySandbox final
{
public:
    struct Answer
    {
        int status = 200;
        QByteArray body;
    };
    struct Options
    {
        QString login = QStringLiteral("sandbox");
        QString password = QStringLiteral("sandbox-password");
        qint64 sessionTtlMs = 2 * 3600 * 1000;
        double balance = 20015.3;
        double pricePerMessage = 1.5;
        double speed = 1.0; // how fast states move
    };

    LegacySandbox();
    void setOptions(const Options &options);
    const Options &options() const { return m_options; }

    // `path` is relative to /rest/, e.g. "Voice/Send"; `form` holds the query or the form body.
    Answer handle(const QString &method, const QString &path, const QUrlQuery &form, bool *sent);
    int messagesSent() const { return m_sent; }
    // Messages accepted per destination (to prove nobody got two).
    const QHash<QString, int> &sentTo() const { return m_sentTo; }
    int sessionsIssued() const { return m_sessionsIssued; }
    void expireSessions() { m_sessions.clear(); }
    void setBalance(double balance) { m_balance = balance; }

private:
    struct Message
    {
        QDateTime created;
        QDateTime sendAt;
        QString destination;
    };

    static Answer error(int code);
    bool sessionValid(const QString &id) const;

    Options m_options;
    double m_balance;
    QHash<QString, QDateTime> m_sessions; // id -> expiry
    QHash<quint64, Message> m_messages;
    QSet<quint64> m_files = {21, 42, 100};
    quint64 m_nextMessage = 126399;
    int m_sent = 0;
    QHash<QString, int> m_sentTo;
    int m_sessionsIssued = 0;
};

} // namespace vc::sandbox
