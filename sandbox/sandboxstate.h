#pragma once

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

namespace vc::sandbox {

struct ServiceRecord
{
    QString id;
    QString name;
    quint64 mediaId = 0;
    quint32 digit = 0;
    QString redirectNumber;
    QDateTime createdAt;
};

// A placed call and the script it follows. The outcome depends on the destination's last two digits:
// 00 busy, 01 no_answer, 02 failed, 03 an undocumented status that never ends; anything else completes.
struct SimulatedCall
{
    QString id;
    QString source;
    QString destination;
    QString serviceId;
    QDateTime created;
    int timeoutSec = 60;
    quint64 seq = 0; // 1, 2, ...: the call history's numeric id is derived from it
};

struct SipRecord
{
    quint64 id = 0;
    QString name;
    QString description;
    QString numberCode;
    QString login;
    QString password;
    double installFee = 0;
    double subscriptionFee = 0;
    QString username;
    QString domain;
};

// The simulated account: services, audio files, calls and SIP accounts.
class SandboxState final
{
public:
    enum class Account { Active, Blocked, Trial, Unreachable };

    SandboxState();

    QString applicationUuid() const { return m_applicationUuid; }
    Account account() const { return m_account; }
    void setAccount(Account account) { m_account = account; }
    QSet<QString> confirmedNumbers() const { return m_confirmed; }
    void setConfirmedNumbers(const QSet<QString> &numbers) { m_confirmed = numbers; }
    void setCallSpeed(double speed) { m_callSpeed = speed > 0 ? speed : 1.0; }
    void setCallTimeout(int seconds) { m_callTimeout = seconds; }

    bool mediaExists(quint64 mediaId) const { return m_media.contains(mediaId); }
    QList<ServiceRecord> services() const;
    const ServiceRecord *service(const QString &id) const;
    QString addService(ServiceRecord record);
    bool removeService(const QString &id);

    QString placeCall(const QString &source, const QString &destination, const QString &serviceId);
    // The call as call/v1/GetInfo shows it now; empty when unknown.
    QJsonObject callInfo(const QString &id, const QDateTime &now) const;
    int callsPlaced() const { return m_callsPlaced; }
    // statistics/call-history/v1/GetList: the calls to `destination` created in [from, to], oldest first,
    // each with call_id (the voice-message id, or with numericIds the history's own uint64) and duration,
    // plus fields the documents do not name (start_time, number_a, number_b) as a real answer may have.
    QList<QJsonObject> history(const QString &destination, const QDateTime &from, const QDateTime &to, const QDateTime &now,
                               bool numericIds) const;
    // The numeric history id of a call (above 2^63: a client that reads it through a double loses digits).
    static quint64 historyId(quint64 seq) { return 18000000000000000000ULL + seq; }

    const SipRecord *sip(quint64 id) const;
    void setSipPassword(quint64 id, const QString &password) { if (m_sip.contains(id)) m_sip[id].password = password; }

private:
    QString m_applicationUuid;
    Account m_account = Account::Active;
    QSet<QString> m_confirmed;
    double m_callSpeed = 1.0;
    int m_callTimeout = 60;
    QSet<quint64> m_media;
    QHash<QString, ServiceRecord> m_services;
    QHash<QString, SimulatedCall> m_calls;
    QHash<quint64, SipRecord> m_sip;
    int m_callsPlaced = 0;
};

} // namespace vc::sandbox
