#include "legacy/legacyclient.h"

#include "common/jsoncodec.h"
#include "legacy/tolerantjson.h"
#include "common/checks.h"
#include "common/validation.h"

#include <QJsonObject>
#include <QPointer>
#include <QTimeZone>
#include <QTimer>
#include <QUrlQuery>

namespace vc {

namespace {
ApiError malformedAnswer(Endpoint endpoint, const QString &why)
{
    ApiError e;
    e.kind = ApiError::Kind::MalformedResponse;
    e.httpStatus = 200;
    e.detail = why;
    e.outcomeUnknown = endpoint == Endpoint::LegacySend; // accepted, but we cannot tell the message id
    e.explanation = e.outcomeUnknown ? ErrorCatalog::explainTransport(e.kind, endpoint, true) : ErrorCatalog::malformed(endpoint);
    return e;
}

bool isSessionError(int code, const QString &desc)
{
    return code == 3 || (code == 4 && desc.contains(QLatin1String("session"), Qt::CaseInsensitive));
}
} // namespace

QString LegacyNames::state(int state)
{
    switch (state) {
    case 0: return tr("sending");
    case 1: return tr("sent");
    case 2: return tr("listened");
    case 3: return tr("not listened");
    case 4: return tr("error");
    default: return tr("state %1").arg(state);
    }
}

QString LegacyState::name(int state)
{
    return LegacyNames::state(state);
}

QString LegacyClient::formatSendDate(const QDateTime &when)
{
    return when.toTimeZone(QTimeZone(3 * 3600)).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
}

LegacyClient::LegacyClient(HttpTransport *transport, QObject *parent) : QObject(parent), m_transport(transport)
{
    m_clock.start();
}

void LegacyClient::setBaseUrl(const QUrl &url)
{
    m_baseUrl = url;
    m_sessionId.clear();
}

void LegacyClient::setCredentials(const QString &login, const QString &password)
{
    m_login = login.trimmed();
    m_password = password;
    m_sessionId.clear();
    m_transport->log()->addSecret(m_password);
}

std::optional<ApiError> LegacyClient::configurationError() const
{
    if (!HttpTransport::isAllowedUrl(m_baseUrl))
        return vc::configurationError(ErrorCatalog::addressNotAllowed(m_baseUrl.toString()));
    if (m_login.isEmpty() || m_password.isEmpty())
        return vc::configurationError(ErrorCatalog::tr("No login or password is set."));
    if (checks::hasControlCharacters(m_login) || checks::hasControlCharacters(m_password))
        return vc::configurationError(ErrorCatalog::tr("The login or password contains a line break or another "
                                                       "control character. Enter it again."));
    return std::nullopt;
}

void LegacyClient::sendNow(const HttpCall &call, QObject *context, Handler handler)
{
    // Spaced requests: the vendor allows 10 per second.
    const qint64 now = m_clock.elapsed();
    const qint64 at = std::max(now, m_nextSlot);
    m_nextSlot = at + m_minIntervalMs;
    QPointer<QObject> guard(context);
    QTimer::singleShot(int(at - now), this, [this, call, guard, context, handler = std::move(handler)] {
        if (context && !guard)
            return;
        m_transport->send(call, context, handler);
    });
}

ApiError LegacyClient::errorFrom(Endpoint endpoint, const AttemptResult &r, int attempts, int *legacyCode) const
{
    ApiError e;
    e.attempts = attempts;
    *legacyCode = 0;
    const bool changesState = endpoint == Endpoint::LegacySend;
    if (!r.answered) {
        e.kind = r.failure;
        e.detail = m_transport->log()->redact(r.errorString);
        e.outcomeUnknown = changesState && r.mayHaveReachedServer && r.failure != ApiError::Kind::Tls;
        e.explanation = ErrorCatalog::explainTransport(r.failure, endpoint, e.outcomeUnknown);
        return e;
    }
    e.kind = ApiError::Kind::Http;
    e.httpStatus = r.status;
    const auto body = json::parseTolerant(r.body);
    if (body && body->isObject()) {
        const QJsonObject o = body->toObject();
        const QJsonValue code = o.contains(QStringLiteral("Code")) ? o.value(QStringLiteral("Code")) : o.value(QStringLiteral("code"));
        // The server's words may echo the password or the session id: redacted before anything shows them.
        const QString desc = m_transport->log()->redact(o.contains(QStringLiteral("Desc")) ? o.value(QStringLiteral("Desc")).toString()
                                                                                       : o.value(QStringLiteral("desc")).toString());
        if (const auto c = json::toInt32(code)) {
            *legacyCode = *c;
            e.serverMessage = desc.isEmpty() ? QString::number(*c) : desc;
            e.explanation = ErrorCatalog::explainLegacy(*c, desc);
            // A refusal by the service (1-7) means nothing was sent; only 8 and 5xx leave it open.
            e.outcomeUnknown = changesState && (*c == 8 || r.status >= 500);
            if (e.outcomeUnknown)
                e.explanation = ErrorCatalog::explainTransport(e.kind, endpoint, true, r.status);
            return e;
        }
    }
    e.serverMessage = m_transport->log()->redact(QString::fromUtf8(r.body.left(300)).trimmed());
    e.outcomeUnknown = changesState && r.status >= 500;
    e.explanation = e.outcomeUnknown ? ErrorCatalog::explainTransport(e.kind, endpoint, true, r.status)
                                     : ErrorCatalog::explainHttp(endpoint, r.status, e.serverMessage);
    return e;
}

void LegacyClient::withSession(QObject *context, std::function<void(const std::optional<ApiError> &)> ready)
{
    if (!m_sessionId.isEmpty() && m_sessionAge.isValid() && m_sessionAge.elapsed() < m_sessionLifetimeMs)
        return ready(std::nullopt);
    m_sessionWaiters.append(std::move(ready));
    if (m_fetchingSession)
        return;
    m_fetchingSession = true;
    m_sessionId.clear();
    ++m_sessionRequests;
    QUrl url = m_baseUrl;
    url.setPath(url.path() + QStringLiteral("User/SessionId"));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("login"), QString::fromUtf8(QUrl::toPercentEncoding(m_login)));
    q.addQueryItem(QStringLiteral("password"), QString::fromUtf8(QUrl::toPercentEncoding(m_password)));
    url.setQuery(q);
    HttpCall call;
    call.url = url;
    call.verb = QByteArrayLiteral("GET");
    call.retriable = true;
    call.logName = endpointPath(Endpoint::LegacySession);
    call.secretAnswer = true;
    call.headers = {{QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")}};
    Q_UNUSED(context);
    sendNow(call, nullptr, [this](const HttpOutcome &o) {
        m_fetchingSession = false;
        std::optional<ApiError> error;
        if (o.last.answered && o.last.status >= 200 && o.last.status < 300) {
            const auto v = json::parseTolerant(o.last.body);
            const QString id = v && v->isString() ? v->toString().trimmed() : QString();
            if (id.isEmpty() || id.size() > 128 || id.contains(u' '))
                error = malformedAnswer(Endpoint::LegacySession, QStringLiteral("no session id in the answer"));
            else {
                m_sessionId = id;
                m_sessionAge.start();
                m_transport->log()->addSecret(id);
            }
        } else {
            int code = 0;
            error = errorFrom(Endpoint::LegacySession, o.last, o.attempts, &code);
        }
        const auto waiters = std::exchange(m_sessionWaiters, {});
        for (const auto &w : waiters)
            w(error);
    });
}

void LegacyClient::run(Call call, QObject *context, std::function<void(const Result<QJsonValue> &)> done)
{
    if (auto error = configurationError()) {
        QTimer::singleShot(0, context ? context : this, [done, e = *error] { done(e); });
        return;
    }
    QPointer<QObject> guard(context);
    withSession(context, [this, call, context, guard, done](const std::optional<ApiError> &sessionError) {
        if (context && !guard)
            return;
        if (sessionError)
            return done(*sessionError);
        QList<QPair<QString, QString>> params = call.params;
        params.prepend({QStringLiteral("sessionId"), m_sessionId});
        QUrl url = m_baseUrl;
        url.setPath(url.path() + endpointPath(call.endpoint));
        HttpCall http;
        http.logName = endpointPath(call.endpoint);
        http.retriable = isRetriable(call.endpoint);
        http.headers = {{QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")}};
        QUrlQuery q;
        for (const auto &[k, v] : params)
            q.addQueryItem(k, QString::fromUtf8(QUrl::toPercentEncoding(v)));
        if (call.endpoint == Endpoint::LegacySend) {
            http.verb = QByteArrayLiteral("POST");
            http.contentType = QByteArrayLiteral("application/x-www-form-urlencoded");
            http.body = q.toString(QUrl::FullyEncoded).toUtf8();
        } else {
            http.verb = QByteArrayLiteral("GET");
            url.setQuery(q);
        }
        http.url = url;
        sendNow(http, context, [this, call, context, guard, done](const HttpOutcome &o) {
            if (o.last.answered && o.last.status >= 200 && o.last.status < 300) {
                QString why;
                const auto v = json::parseTolerant(o.last.body, &why);
                if (!v)
                    return done(malformedAnswer(call.endpoint, why));
                // Some errors come back with 200 and a {Code, Desc} body.
                if (!(v->isObject() && v->toObject().contains(QStringLiteral("Code"))))
                    return done(*v);
            }
            int code = 0;
            const ApiError error = errorFrom(call.endpoint, o.last, o.attempts, &code);
            // Only a refusal can be renewed and retried: the document pairs InvalidSessionID with 400. Any
            // 5xx leaves a send's outcome open, whatever code it carries, so it is never sent again.
            const bool refused = o.last.answered && (call.endpoint == Endpoint::LegacySend ? o.last.status == 400
                                                                                          : o.last.status < 500);
            if (refused && isSessionError(code, error.serverMessage) && !call.renewed) {
                // The service refused the request for its session: renew once and try once more.
                m_sessionId.clear();
                Call again = call;
                again.renewed = true;
                if (context && !guard)
                    return;
                return run(again, context, done);
            }
            done(error);
        });
    });
}

void LegacyClient::balance(QObject *context, std::function<void(const Result<double> &)> done)
{
    run({Endpoint::LegacyBalance, {}}, context, [done](const Result<QJsonValue> &r) {
        if (!r)
            return done(r.error());
        const auto v = json::toDouble(r.value());
        if (!v)
            return done(malformedAnswer(Endpoint::LegacyBalance, QStringLiteral("the balance is not a number")));
        done(*v);
    });
}

void LegacyClient::send(const LegacySendRequest &request, QObject *context, std::function<void(const Result<quint64> &)> done)
{
    const auto invalid = [&](const QString &field, const QString &message) {
        QTimer::singleShot(0, context ? context : this, [done, e = validationError(field, message)] { done(e); });
    };
    const auto source = Validation::phoneNumber(request.source);
    if (!source.ok())
        return invalid(QStringLiteral("sourceAddress"), source.message());
    const auto destination = Validation::phoneNumber(request.destination);
    if (!destination.ok())
        return invalid(QStringLiteral("destinationAddress"), destination.message());
    if (request.fileId == 0)
        return invalid(QStringLiteral("fileId"), Validation::tr("Enter the id of an uploaded audio file."));
    if (request.retryCount == 0 || request.retryCount > 10)
        return invalid(QStringLiteral("retryCount"), Validation::tr("The number of attempts must be from 1 to 10."));
    if (request.gap == 0 || request.gap > 1440)
        return invalid(QStringLiteral("gap"), Validation::tr("The interval between attempts must be from 1 to 1440 minutes."));
    if (request.sendDate.isValid() && request.sendDate < QDateTime::currentDateTimeUtc().addSecs(-60))
        return invalid(QStringLiteral("sendDate"), Validation::tr("The scheduled time is in the past."));
    QList<QPair<QString, QString>> params = {{QStringLiteral("sourceAddress"), source.value()},
                                             {QStringLiteral("destinationAddress"), destination.value()},
                                             {QStringLiteral("fileId"), json::uint64ToString(request.fileId)}};
    if (request.sendDate.isValid())
        params.append({QStringLiteral("sendDate"), formatSendDate(request.sendDate)});
    if (request.retryCount > 0)
        params.append({QStringLiteral("retryCount"), QString::number(request.retryCount)});
    if (request.gap > 0)
        params.append({QStringLiteral("gap"), QString::number(request.gap)});
    params.append({QStringLiteral("dtmf"), request.dtmf ? QStringLiteral("true") : QStringLiteral("false")});
    run({Endpoint::LegacySend, params}, context, [done](const Result<QJsonValue> &r) {
        if (!r)
            return done(r.error());
        const QJsonValue v = r.value().isObject() ? r.value().toObject().value(QStringLiteral("messageId")) : r.value();
        const auto id = json::toUInt64(v);
        if (!id)
            return done(malformedAnswer(Endpoint::LegacySend, QStringLiteral("no messageId in the answer")));
        done(*id);
    });
}

void LegacyClient::state(quint64 messageId, QObject *context, std::function<void(const Result<LegacyState> &)> done)
{
    run({Endpoint::LegacyState, {{QStringLiteral("messageId"), json::uint64ToString(messageId)}}}, context,
        [done](const Result<QJsonValue> &r) {
            if (!r)
                return done(r.error());
            if (!r.value().isObject())
                return done(malformedAnswer(Endpoint::LegacyState, QStringLiteral("the state is not an object")));
            const QJsonObject o = r.value().toObject();
            const auto state = json::toInt32(o.value(QStringLiteral("state")));
            if (!state)
                return done(malformedAnswer(Endpoint::LegacyState, QStringLiteral("no state in the answer")));
            done(LegacyState{*state, o.value(QStringLiteral("desc")).toString()});
        });
}

} // namespace vc
