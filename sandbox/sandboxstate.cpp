#include "sandboxstate.h"

#include "sandboxseeds.h"

#include "common/timeformats.h"

#include <QUuid>

#include <algorithm>

namespace vc::sandbox {

namespace {
QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

struct Phase
{
    double at;         // seconds after creation, at call speed 1
    const char *status;
};
} // namespace

SandboxState::SandboxState() : m_applicationUuid(QLatin1String(seeds::kApplicationUuid))
{
    m_media = {1967, 1979, 2024, 4242, Q_UINT64_C(18446744073709551615)};
    const QDateTime base = QDateTime(QDate(2025, 3, 14), QTime(9, 30), Qt::UTC);
    const struct
    {
        const char *id;
        const char *name;
        quint64 media;
        quint32 digit;
        const char *redirect;
        int days;
    } services[] = {
        {seeds::kReminderServiceId, seeds::kReminderServiceName, 1979, 5, "79269999999", 0},
        {seeds::kDeliveryServiceId, "Delivery notification", 1967, 0, "74959999999", 12},
        {seeds::kOverdueServiceId, "Оплата просрочена", 2024, 1, "+74951234567", 47},
        {seeds::kSurveyServiceId, "Survey — customer satisfaction", 4242, 9, "8800555353", 90},
    };
    for (const auto &s : services) {
        ServiceRecord r{QString::fromLatin1(s.id), QString::fromUtf8(s.name), s.media, s.digit,
                        QString::fromLatin1(s.redirect), base.addDays(s.days).addMSecs(567)};
        m_services.insert(r.id, r);
    }
    m_sip.insert(5202, SipRecord{5202, QStringLiteral("Test"), QStringLiteral("Test SIP-аккаунт"),
                                 QStringLiteral("74995557890"), QStringLiteral("login"), QStringLiteral("pass"), 0, 90,
                                 QStringLiteral("username"), QStringLiteral("domain")});
    m_sip.insert(Q_UINT64_C(9007199254740993),
                 SipRecord{Q_UINT64_C(9007199254740993), QStringLiteral("Office PBX"), QStringLiteral("Reception desk"),
                           QStringLiteral("74951112233"), QStringLiteral("office-1"), QStringLiteral("S3cr3t!pbx"),
                           1500.5, 390, QStringLiteral("reception"), QStringLiteral("sip.exolve.ru")});
    m_sip.insert(Q_UINT64_C(18446744073709551615),
                 SipRecord{Q_UINT64_C(18446744073709551615), QStringLiteral("Max id"), QString(),
                           QStringLiteral("18446744073709551615"), QStringLiteral("max"), QStringLiteral("max-pass"), 0,
                           0, QStringLiteral("max"), QStringLiteral("sip.exolve.ru")});
}

QList<ServiceRecord> SandboxState::services() const
{
    QList<ServiceRecord> list = m_services.values();
    std::sort(list.begin(), list.end(), [](const ServiceRecord &a, const ServiceRecord &b) {
        return a.createdAt == b.createdAt ? a.id < b.id : a.createdAt < b.createdAt;
    });
    return list;
}

const ServiceRecord *SandboxState::service(const QString &id) const
{
    const auto it = m_services.constFind(id);
    return it == m_services.constEnd() ? nullptr : &it.value();
}

QString SandboxState::addService(ServiceRecord record)
{
    record.id = newUuid();
    record.createdAt = QDateTime::currentDateTimeUtc();
    m_services.insert(record.id, record);
    return record.id;
}

bool SandboxState::removeService(const QString &id)
{
    return m_services.remove(id) > 0;
}

QString SandboxState::placeCall(const QString &source, const QString &destination, const QString &serviceId)
{
    SimulatedCall call{QStringLiteral("cal") + newUuid(), source, destination, serviceId,
                    QDateTime::currentDateTimeUtc(), m_callTimeout, quint64(m_callsPlaced + 1)};
    m_calls.insert(call.id, call);
    ++m_callsPlaced;
    return call.id;
}

QJsonObject SandboxState::callInfo(const QString &id, const QDateTime &now) const
{
    const auto it = m_calls.constFind(id);
    if (it == m_calls.constEnd())
        return {};
    const SimulatedCall &c = it.value();
    const QString tail = c.destination.right(2);
    // Each script: the phases in order; `answered` marks the phase in which the callee picked up.
    QList<Phase> phases;
    int answeredPhase = -1;
    if (tail == QLatin1String("00")) {
        phases = {{0, "ringing"}, {3, "busy"}};
    } else if (tail == QLatin1String("01")) {
        phases = {{0, "ringing"}, {5, "no_answer"}};
    } else if (tail == QLatin1String("02")) {
        phases = {{0, "ringing"}, {2, "failed"}};
    } else if (tail == QLatin1String("03")) {
        phases = {{0, "ringing"}, {2, "play_audio_stop"}};
    } else {
        phases = {{0, "ringing"}, {2, "talk"}, {6, "completed"}};
        answeredPhase = 1;
    }
    const double elapsed = c.created.msecsTo(now) / 1000.0 * m_callSpeed;
    int current = 0;
    for (int i = 0; i < phases.size(); ++i) {
        if (elapsed >= phases[i].at)
            current = i;
    }
    const auto at = [&](double seconds) { return c.created.addMSecs(qint64(seconds * 1000 / m_callSpeed)); };
    const QString status = QLatin1String(phases[current].status);
    const bool ended = current == phases.size() - 1 && tail != QLatin1String("03");
    QJsonObject o{{QStringLiteral("call_id"), c.id},
                  {QStringLiteral("created"), time::toRfc2822(c.created)},
                  {QStringLiteral("updated"), time::toRfc2822(at(phases[current].at))},
                  {QStringLiteral("timeout"), c.timeoutSec},
                  {QStringLiteral("status"), status},
                  {QStringLiteral("direction"), QStringLiteral("outbound")},
                  {QStringLiteral("source"), c.source},
                  {QStringLiteral("destination"), c.destination}};
    int duration = 0;
    if (answeredPhase >= 0 && current >= answeredPhase) {
        const double startedAt = phases[answeredPhase].at;
        o.insert(QStringLiteral("started"), time::toRfc2822(at(startedAt)));
        duration = int((ended ? phases.last().at : elapsed) - startedAt);
    }
    if (ended)
        o.insert(QStringLiteral("ended"), time::toRfc2822(at(phases[current].at)));
    o.insert(QStringLiteral("duration"), duration);
    return o;
}

QList<QJsonObject> SandboxState::history(const QString &destination, const QDateTime &from, const QDateTime &to,
                                         const QDateTime &now, bool numericIds) const
{
    QList<const SimulatedCall *> calls;
    for (const SimulatedCall &c : m_calls) {
        if (c.destination == destination && c.created >= from && c.created <= to)
            calls.append(&c);
    }
    std::sort(calls.begin(), calls.end(), [](const SimulatedCall *a, const SimulatedCall *b) { return a->seq < b->seq; });
    QList<QJsonObject> list;
    for (const SimulatedCall *c : calls) {
        const QJsonObject info = callInfo(c->id, now);
        QJsonObject o{{QStringLiteral("duration"), info.value(QStringLiteral("duration")).toInt()},
                      {QStringLiteral("start_time"), time::toRfc3339(c->created)},
                      {QStringLiteral("number_a"), c->source},
                      {QStringLiteral("number_b"), c->destination}};
        // A numeric id goes out as a bare number (every digit of it), patched in by the server.
        o.insert(QStringLiteral("call_id"), numericIds ? QJsonValue(QStringLiteral("@ID%1@").arg(historyId(c->seq))) : QJsonValue(c->id));
        list.append(o);
    }
    return list;
}

const SipRecord *SandboxState::sip(quint64 id) const
{
    const auto it = m_sip.constFind(id);
    return it == m_sip.constEnd() ? nullptr : &it.value();
}

} // namespace vc::sandbox
