#include "sandboxserver.h"
#include "sandboxhttp_p.h"

#include "common/jsoncodec.h"
#include "common/timeformats.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

namespace vc::sandbox {

Q_LOGGING_CATEGORY(lcSandbox, "vc.sandbox")

namespace {

const char *reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "Status";
    }
}

const QString kValidation = QStringLiteral("Validation error. Please enter valid parameter values.");

bool isVoiceMessage(const QString &endpoint)
{
    return endpoint.startsWith(QLatin1String("voice-message/"));
}

bool isCallNumber(const QString &n)
{
    if (n.size() < 10 || n.size() > 15)
        return false;
    return std::all_of(n.begin(), n.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}


const QStringList kEndpoints = {
    QStringLiteral("voice-message/v1/Create"),  QStringLiteral("voice-message/v1/GetList"),
    QStringLiteral("voice-message/v1/GetInfo"), QStringLiteral("voice-message/v1/Delete"),
    QStringLiteral("call/v1/MakeVoiceMessage"), QStringLiteral("call/v1/GetInfo"),
    QStringLiteral("sip/v1/GetAttributes"),     QStringLiteral("statistics/call-history/v1/GetList"),
};
} // namespace


SandboxServer::SandboxServer(const SandboxOptions &options, QObject *parent)
    : QObject(parent), m_options(options), m_rules(options.faults),
      m_random(options.seed ? options.seed : QRandomGenerator::global()->generate())
{
    m_state.setCallSpeed(options.callSpeed);
    m_state.setCallTimeout(options.callTimeoutSec);
    m_legacy.setOptions(options.legacy);
    m_clock.start();
}

std::optional<SandboxServer::Reply> SandboxServer::rateLimited(bool legacy)
{
    if (!(m_options.rateLimit > 0))
        return std::nullopt;
    const qint64 now = m_clock.elapsed();
    while (!m_recentCalls.isEmpty() && m_recentCalls.front() <= now - 1000)
        m_recentCalls.removeFirst();
    if (double(m_recentCalls.size()) + 1 <= m_options.rateLimit) {
        m_recentCalls.append(now);
        return std::nullopt;
    }
    ++m_rateLimited;
    const qint64 waitMs = m_recentCalls.isEmpty() ? 1000 : m_recentCalls.front() + 1000 - now;
    Reply reply = legacy ? Reply{429, QByteArrayLiteral("Too Many Requests"), {}} : error(429, QStringLiteral("Too Many Requests"));
    reply.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(std::max<qint64>(1, (waitMs + 999) / 1000))});
    return reply;
}


QString SandboxServer::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_port);
}


bool SandboxServer::handleRequest(const SandboxRequest &request, QTcpSocket *socket)
{
    if (socket->property(kRefused).toBool())
        return true; // answered with 413 already
    if (request.value("Connection").toLower() == "close")
        socket->setProperty("vc_close", true);
    QString path = request.url.path();
    while (path.startsWith(u'/'))
        path.remove(0, 1);
    if (path.startsWith(QLatin1String("sandbox/"))) {
        handleControl(request, socket, path);
        return true;
    }
    if (path.startsWith(QLatin1String("rest/"))) {
        handleLegacy(request, socket, path);
        return true;
    }
    if (!kEndpoints.contains(path))
        return false;
    if (!request.is("POST")) {
        write(socket, error(405, QStringLiteral("method not allowed")));
        return true;
    }
    handleApi(path, request.body, request.value("Authorization"), socket);
    return true;
}

void SandboxServer::handleLegacy(const SandboxRequest &request, QTcpSocket *socket, const QString &path)
{
    ++m_requests[path];
    const std::optional<Fault> fault = pickFault(path);
    const bool post = request.is("POST");
    const QUrlQuery form = post ? QUrlQuery(QString::fromUtf8(request.body)) : request.query();
    const auto answer = [this, socket, path, post, form, fault] {
        if (post && path == QLatin1String("rest/Voice/Send")) {
            if (auto limited = rateLimited(true))
                return write(socket, *limited);
        }
        bool sent = false;
        const LegacySandbox::Answer a = m_legacy.handle(post ? QStringLiteral("POST") : QStringLiteral("GET"), path.mid(5), form, &sent);
        if (sent && fault && fault->kind == Fault::Kind::PlaceThen500)
            return write(socket, Reply{500, QByteArrayLiteral("{ Code: 8, Desc: \"InternalServerError\" }"), {}});
        if (sent && fault && fault->kind == Fault::Kind::PlaceThenDrop)
            return socket->abort();
        write(socket, Reply{a.status, a.body, {}});
    };
    if (fault && fault->kind == Fault::Kind::Delay) {
        QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(fault->delayMs, this, [guard, answer] {
            if (guard && guard->state() == QAbstractSocket::ConnectedState)
                answer();
        });
        return;
    }
    if (fault && fault->kind != Fault::Kind::PlaceThen500 && fault->kind != Fault::Kind::PlaceThenDrop)
        return writeFault(socket, *fault);
    answer();
}

void SandboxServer::missingHandler(const SandboxRequest &, QTcpSocket *socket)
{
    // The real gateway answers an unknown path with an empty 404.
    write(socket, Reply{404, {}, {}});
}

void SandboxServer::handleControl(const SandboxRequest &request, QTcpSocket *socket, const QString &path)
{
    if (path == QLatin1String("sandbox/stats")) {
        QJsonObject requests;
        for (auto it = m_requests.cbegin(); it != m_requests.cend(); ++it)
            requests.insert(it.key(), it.value());
        QJsonArray rules;
        for (const FaultRule &r : std::as_const(m_rules))
            rules.append(r.toJson());
        QJsonObject callsTo;
        for (auto it = m_callsTo.cbegin(); it != m_callsTo.cend(); ++it)
            callsTo.insert(it.key(), it.value());
        QJsonObject sentTo;
        for (auto it = m_legacy.sentTo().cbegin(); it != m_legacy.sentTo().cend(); ++it)
            sentTo.insert(it.key(), it.value());
        write(socket, json(200, {{QStringLiteral("calls_placed"), m_state.callsPlaced()},
                                 {QStringLiteral("calls_by_destination"), callsTo},
                                 {QStringLiteral("legacy_messages_by_destination"), sentTo},
                                 {QStringLiteral("rate_limit"), m_options.rateLimit},
                                 {QStringLiteral("rate_limited"), m_rateLimited},
                                 {QStringLiteral("legacy_messages_sent"), m_legacy.messagesSent()},
                                 {QStringLiteral("legacy_sessions_issued"), m_legacy.sessionsIssued()},
                                 {QStringLiteral("requests"), requests},
                                 {QStringLiteral("faults"), rules}}));
        return;
    }
    if (path == QLatin1String("sandbox/faults")) {
        if (request.is("DELETE")) {
            m_rules.clear();
            write(socket, json(200, {}));
            return;
        }
        const auto doc = json::parse(request.body);
        if (!doc || !doc->isObject()) {
            write(socket, error(400, QStringLiteral("expected {\"rules\": [...]}")));
            return;
        }
        if (doc->object().value(QStringLiteral("replace")).toBool())
            m_rules.clear();
        for (const QJsonValue &v : doc->object().value(QStringLiteral("rules")).toArray()) {
            QString why;
            const auto rule = FaultRule::fromJson(v.toObject(), &why);
            if (!rule) {
                write(socket, error(400, why));
                return;
            }
            m_rules.append(*rule);
        }
        write(socket, json(200, {{QStringLiteral("rules"), qsizetype(m_rules.size())}}));
        return;
    }
    if (path == QLatin1String("sandbox/history")) {
        const auto doc = json::parse(request.body);
        const QJsonObject o = doc && doc->isObject() ? doc->object() : QJsonObject();
        const QString shape = o.value(QStringLiteral("shape")).toString(m_options.historyShape);
        const QString ids = o.value(QStringLiteral("ids")).toString(m_options.historyNumericIds ? QStringLiteral("numeric") : QStringLiteral("voice"));
        if ((shape != QLatin1String("calls") && shape != QLatin1String("call_history")) ||
            (ids != QLatin1String("voice") && ids != QLatin1String("numeric"))) {
            write(socket, error(400, QStringLiteral("expected {\"shape\": \"calls\"|\"call_history\", \"ids\": \"voice\"|\"numeric\"}")));
            return;
        }
        m_options.historyShape = shape;
        m_options.historyNumericIds = ids == QLatin1String("numeric");
        write(socket, json(200, {{QStringLiteral("shape"), shape}, {QStringLiteral("ids"), ids}}));
        return;
    }
    if (path == QLatin1String("sandbox/rate-limit")) {
        const auto doc = json::parse(request.body);
        const QJsonValue v = doc && doc->isObject() ? doc->object().value(QStringLiteral("calls_per_second")) : QJsonValue();
        if (!v.isDouble() || v.toDouble() < 0 || v.toDouble() > 1e6) {
            write(socket, error(400, QStringLiteral("expected {\"calls_per_second\": N} with N >= 0 (0: no limit)")));
            return;
        }
        m_options.rateLimit = v.toDouble();
        m_recentCalls.clear();
        write(socket, json(200, {{QStringLiteral("rate_limit"), m_options.rateLimit}}));
        return;
    }
    if (path == QLatin1String("sandbox/account")) {
        const auto doc = json::parse(request.body);
        const QJsonObject o = doc && doc->isObject() ? doc->object() : QJsonObject();
        const QString state = o.value(QStringLiteral("state")).toString();
        static const QHash<QString, SandboxState::Account> states = {
            {QStringLiteral("active"), SandboxState::Account::Active},
            {QStringLiteral("blocked"), SandboxState::Account::Blocked},
            {QStringLiteral("trial"), SandboxState::Account::Trial},
            {QStringLiteral("unreachable"), SandboxState::Account::Unreachable}};
        if (!states.contains(state)) {
            write(socket, error(400, QStringLiteral("state must be active, blocked, trial or unreachable")));
            return;
        }
        m_state.setAccount(states.value(state));
        QSet<QString> confirmed;
        for (const QJsonValue &v : o.value(QStringLiteral("confirmed")).toArray())
            confirmed.insert(v.toString());
        m_state.setConfirmedNumbers(confirmed);
        write(socket, json(200, {}));
        return;
    }
    write(socket, Reply{404, {}, {}});
}

std::optional<Fault> SandboxServer::pickFault(const QString &endpoint)
{
    for (FaultRule &rule : m_rules) {
        if (rule.remaining == 0 || (!rule.endpoint.isEmpty() && rule.endpoint != endpoint))
            continue;
        if (rule.after > 0) {
            --rule.after;
            continue;
        }
        if (rule.rate < 1.0 && m_random.generateDouble() >= rule.rate)
            continue;
        if (rule.remaining > 0)
            --rule.remaining;
        return rule.fault;
    }
    return std::nullopt;
}

void SandboxServer::handleApi(const QString &endpoint, const QByteArray &body, const QByteArray &authorization,
                              QTcpSocket *socket)
{
    ++m_requests[endpoint];
    const std::optional<Fault> fault = pickFault(endpoint);
    if (fault) {
        qCDebug(lcSandbox) << "fault" << faultKindName(fault->kind) << "on" << endpoint;
        switch (fault->kind) {
        case Fault::Kind::Delay: {
            QPointer<QTcpSocket> guard(socket);
            QTimer::singleShot(fault->delayMs, this, [this, guard, endpoint, body, authorization] {
                if (!guard || guard->state() != QAbstractSocket::ConnectedState)
                    return;
                bool placed = false;
                write(guard, apiReply(endpoint, body, authorization, std::nullopt, &placed));
            });
            return;
        }
        case Fault::Kind::PlaceThen500:
        case Fault::Kind::PlaceThenDrop:
            break;
        default:
            writeFault(socket, *fault);
            return;
        }
    }
    if (endpoint == QLatin1String("call/v1/MakeVoiceMessage")) {
        if (auto limited = rateLimited(false)) {
            write(socket, *limited);
            return;
        }
    }
    bool placed = false;
    const Reply reply = apiReply(endpoint, body, authorization, fault, &placed);
    if (placed && fault && fault->kind == Fault::Kind::PlaceThen500) {
        write(socket, error(500, QStringLiteral("internal error")));
        return;
    }
    if (placed && fault && fault->kind == Fault::Kind::PlaceThenDrop) {
        socket->abort();
        return;
    }
    write(socket, reply);
}

SandboxServer::Reply SandboxServer::apiReply(const QString &endpoint, const QByteArray &body,
                                              const QByteArray &authorization, const std::optional<Fault> &,
                                              bool *placeCall)
{
    if (auto denied = checkAuth(endpoint, authorization))
        return *denied;
    if (auto refused = checkAccount(endpoint))
        return *refused;
    if (endpoint == QLatin1String("sip/v1/GetAttributes"))
        return sipAttributes(body);
    QString why;
    const auto doc = json::parse(body.isEmpty() ? QByteArrayLiteral("{}") : body, &why);
    if (!doc || !doc->isObject())
        return error(400, QStringLiteral("proto: syntax error (line 1:1): unexpected token"));
    const QJsonObject in = doc->object();
    if (endpoint == QLatin1String("voice-message/v1/Create"))
        return createService(in);
    if (endpoint == QLatin1String("voice-message/v1/GetList")) {
        QJsonArray list;
        for (const ServiceRecord &s : m_state.services())
            list.append(QJsonObject{{QStringLiteral("id"), s.id},
                                    {QStringLiteral("name"), s.name},
                                    {QStringLiteral("created_at"), time::toRfc3339(s.createdAt)}});
        // protobuf's JSON mapping leaves an empty repeated field out.
        return json(200, list.isEmpty() ? QJsonObject() : QJsonObject{{QStringLiteral("voice_message_list"), list}});
    }
    if (endpoint == QLatin1String("voice-message/v1/GetInfo"))
        return serviceInfo(in);
    if (endpoint == QLatin1String("voice-message/v1/Delete"))
        return deleteService(in);
    if (endpoint == QLatin1String("statistics/call-history/v1/GetList"))
        return callHistory(in);
    if (endpoint == QLatin1String("call/v1/MakeVoiceMessage")) {
        const int before = m_state.callsPlaced();
        Reply reply = makeVoiceMessage(in);
        *placeCall = m_state.callsPlaced() > before;
        return reply;
    }
    return callInfo(in);
}

std::optional<SandboxServer::Reply> SandboxServer::checkAuth(const QString &endpoint, const QByteArray &authorization) const
{
    const QByteArray expected = "Bearer " + m_options.apiKey.toUtf8();
    if (authorization == expected)
        return std::nullopt;
    if (!isVoiceMessage(endpoint))
        return error(401, QStringLiteral("malformed token"));
    const QByteArray token = authorization.startsWith("Bearer ") ? authorization.mid(7) : QByteArray();
    // A token shaped like a JWT whose claims we cannot use, or one we cannot even parse.
    if (token.count('.') == 2)
        return error(401, QStringLiteral("error getting JWT Token claims"));
    return error(400, QStringLiteral("failed to parse token"));
}

std::optional<SandboxServer::Reply> SandboxServer::checkAccount(const QString &endpoint) const
{
    const bool isSip = endpoint.startsWith(QLatin1String("sip/"));
    switch (m_state.account()) {
    case SandboxState::Account::Unreachable:
        return isSip ? std::nullopt : std::optional<Reply>(error(500, QStringLiteral("error getting customer status")));
    case SandboxState::Account::Blocked:
        if (endpoint == QLatin1String("voice-message/v1/GetList") || isSip || endpoint == QLatin1String("call/v1/GetInfo") ||
            endpoint.startsWith(QLatin1String("statistics/")))
            return std::nullopt;
        return error(403, QStringLiteral("Customer is not in correct status"));
    default:
        return std::nullopt;
    }
}

SandboxServer::Reply SandboxServer::createService(const QJsonObject &in)
{
    const QString name = in.value(QStringLiteral("name")).toString().trimmed();
    const auto mediaId = json::toUInt64(in.value(QStringLiteral("media_id")));
    const QJsonObject redirect = in.value(QStringLiteral("redirect_info")).toObject();
    const auto digit = redirect.contains(QStringLiteral("digit")) ? json::toInt32(redirect.value(QStringLiteral("digit")))
                                                                   : std::optional<qint32>(0);
    const QString number = redirect.value(QStringLiteral("redirect_number")).toString();
    if (name.isEmpty() || !mediaId || !digit || *digit < 0 || *digit > 9 || number.size() < 9 || number.size() > 14)
        return error(400, kValidation);
    if (!m_state.mediaExists(*mediaId))
        return error(404, QStringLiteral("error getting media resource"));
    const QString id = m_state.addService(ServiceRecord{{}, name, *mediaId, quint32(*digit), number, {}});
    return json(200, {{QStringLiteral("id"), id}});
}

SandboxServer::Reply SandboxServer::callHistory(const QJsonObject &in) const
{
    const auto from = time::parseRfc3339(in.value(QStringLiteral("date_from")).toString());
    const auto to = time::parseRfc3339(in.value(QStringLiteral("date_to")).toString());
    const QString sipId = in.value(QStringLiteral("sip_id")).toString();
    const auto number = [&in](const char *key, quint64 fallback) -> std::optional<quint64> {
        const QJsonValue v = in.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return fallback;
        return v.isString() ? json::parseUInt64Text(v.toString()) : json::toUInt64(v);
    };
    const auto limit = number("limit", 100);
    const auto offset = number("offset", 0);
    if (!from || !to || sipId.isEmpty() || !limit || !offset || *limit > 1000)
        return error(400, kValidation);
    const QList<QJsonObject> all = m_state.history(sipId, *from, *to, QDateTime::currentDateTimeUtc(), m_options.historyNumericIds);
    QJsonArray page;
    for (quint64 i = *offset; i < quint64(all.size()) && quint64(page.size()) < (*limit ? *limit : 100); ++i)
        page.append(all.at(qsizetype(i)));
    // protobuf's JSON mapping leaves an empty repeated field out.
    QByteArray body = QJsonDocument(page.isEmpty() ? QJsonObject() : QJsonObject{{m_options.historyShape, page}}).toJson(QJsonDocument::Compact);
    body.replace("\"@ID", "").replace("@\"", ""); // only the ids carry '@' (numbers and times cannot)
    return Reply{200, body, {}};
}

SandboxServer::Reply SandboxServer::serviceInfo(const QJsonObject &in) const
{
    const ServiceRecord *s = m_state.service(in.value(QStringLiteral("id")).toString());
    if (!s)
        return error(404, QStringLiteral("Scenario not found"));
    // As in the documents: media_id comes back as a bare number, every digit of it.
    QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("id"), s->id},
                                                {QStringLiteral("name"), s->name},
                                                {QStringLiteral("digit"), qint64(s->digit)},
                                                {QStringLiteral("redirect_number"), s->redirectNumber},
                                                {QStringLiteral("media_id"), QStringLiteral("@MEDIA@")},
                                                {QStringLiteral("created_at"), time::toRfc3339(s->createdAt)}})
                          .toJson(QJsonDocument::Indented);
    body.replace("\"@MEDIA@\"", QByteArray::number(s->mediaId));
    return Reply{200, body, {}};
}

SandboxServer::Reply SandboxServer::deleteService(const QJsonObject &in)
{
    if (!m_state.removeService(in.value(QStringLiteral("id")).toString()))
        return error(404, QStringLiteral("error getting application"));
    return json(200, {});
}

SandboxServer::Reply SandboxServer::makeVoiceMessage(const QJsonObject &in)
{
    const QString source = in.value(QStringLiteral("source")).toString();
    const QString destination = in.value(QStringLiteral("destination")).toString();
    const QString serviceId = in.value(QStringLiteral("service_id")).toString();
    if (!isCallNumber(source) || !isCallNumber(destination) || !m_state.service(serviceId))
        return error(400, kValidation);
    if (m_state.account() == SandboxState::Account::Trial && !m_state.confirmedNumbers().contains(destination))
        return error(400, QStringLiteral("the client can only call to his own confirmed number"));
    ++m_callsTo[destination];
    return json(200, {{QStringLiteral("call_id"), m_state.placeCall(source, destination, serviceId)}});
}

SandboxServer::Reply SandboxServer::callInfo(const QJsonObject &in) const
{
    const QString callId = in.value(QStringLiteral("call_id")).toString();
    if (callId.isEmpty() || callId.contains(u' '))
        return error(400, kValidation);
    const QJsonObject info = m_state.callInfo(callId, QDateTime::currentDateTimeUtc());
    if (info.isEmpty())
        return error(404, QStringLiteral("Not Found"));
    return json(200, info);
}

SandboxServer::Reply SandboxServer::sipAttributes(const QByteArray &body) const
{
    const auto doc = json::parse(body);
    if (!doc || !doc->isObject())
        return error(400, QStringLiteral("proto: syntax error (line 1:20): unexpected token ,"));
    const QJsonValue raw = doc->object().value(QStringLiteral("sip_resource_id"));
    if (raw.isUndefined() || raw.isNull())
        return error(400, QStringLiteral("proto: syntax error (line 1:20): unexpected token ,"));
    const auto id = json::toUInt64(raw);
    if (!id) {
        const QString shown = raw.isString() ? raw.toString() : QString::number(raw.toDouble());
        return error(400, QStringLiteral("proto: syntax error (line 1:20): invalid value %1").arg(shown));
    }
    const SipRecord *s = m_state.sip(*id);
    if (!s)
        return error(500, QStringLiteral("ERROR: Application [%1] does not own resource [%2]")
                              .arg(m_state.applicationUuid(), json::uint64ToString(*id)));
    QJsonObject attributes{{QStringLiteral("login"), s->login},          {QStringLiteral("password"), s->password},
                           {QStringLiteral("subscription_fee"), s->subscriptionFee},
                           {QStringLiteral("install_fee"), s->installFee}, {QStringLiteral("username"), s->username},
                           {QStringLiteral("domain"), s->domain}};
    return json(200, {{QStringLiteral("application_uuid"), m_state.applicationUuid()},
                      {QStringLiteral("sip_resource_id"), json::uint64ToString(s->id)},
                      {QStringLiteral("sip_name"), s->name},
                      {QStringLiteral("description"), s->description},
                      {QStringLiteral("number_code"), s->numberCode},
                      {QStringLiteral("attributes"), attributes}});
}

SandboxServer::Reply SandboxServer::json(int status, const QJsonObject &o)
{
    return Reply{status, QJsonDocument(o).toJson(QJsonDocument::Compact), {}};
}

SandboxServer::Reply SandboxServer::error(int status, const QString &message)
{
    return json(status, {{QStringLiteral("error"), message}});
}

void SandboxServer::write(QTcpSocket *socket, const Reply &reply)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(reply.status) + ' ' + reasonPhrase(reply.status) + "\r\n";
    out += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(reply.body.size()) + "\r\n";
    for (const auto &[name, value] : reply.headers)
        out += name + ": " + value + "\r\n";
    out += "\r\n" + reply.body;
    socket->setProperty(kReceived, 0); // the next request on this connection starts its own count
    socket->write(out);
    if (socket->property("vc_close").toBool())
        socket->disconnectFromHost();
}

void SandboxServer::writeFault(QTcpSocket *socket, const Fault &fault)
{
    switch (fault.kind) {
    case Fault::Kind::Status: {
        Reply r = fault.body.isEmpty() ? error(fault.status, QStringLiteral("injected failure")) : Reply{fault.status, fault.body, {}};
        if (fault.retryAfterSec > 0)
            r.headers.append({"Retry-After", QByteArray::number(fault.retryAfterSec)});
        write(socket, r);
        return;
    }
    case Fault::Kind::Garbage:
        write(socket, Reply{200, QByteArrayLiteral("<html><body>502 upstream \x01\x02 garbage</body></html>"), {}});
        return;
    case Fault::Kind::Truncate: {
        const QByteArray full = QByteArrayLiteral(R"({"voice_message_list":[{"id":"0a1b","name":"cut off","created_at":"2025-01-01T00:00:00Z"}]})");
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                      QByteArray::number(full.size()) + "\r\n\r\n" + full.left(full.size() / 2));
        socket->disconnectFromHost();
        return;
    }
    case Fault::Kind::Huge: {
        QByteArray body = R"({"voice_message_list":[],"padding":")";
        body += QByteArray(std::max<qint64>(0, fault.hugeBytes - body.size() - 2), 'x');
        body += "\"}";
        write(socket, Reply{200, body, {}});
        return;
    }
    case Fault::Kind::Drop:
        socket->abort();
        return;
    default:
        return;
    }
}

} // namespace vc::sandbox
