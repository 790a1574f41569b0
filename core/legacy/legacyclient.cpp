#include "legacy/legacyclient.h"

#include "common/checks.h"
#include "common/jsoncodec.h"
#include "legacy/legacycodec.h"
#include "legacy/legacyvalidation.h"
#include "net/requesterror.h"

#include <QPointer>
#include <QTimer>
#include <QUrlQuery>

namespace vc {

LegacyClient::LegacyClient(HttpTransport *transport, QObject *parent)
    : QObject(parent), m_transport(transport)
{
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
        return vc::configurationError(LegacyErrors::tr("No login or password is set."));
    if (checks::hasControlCharacters(m_login) || checks::hasControlCharacters(m_password))
        return vc::configurationError(LegacyErrors::tr("The login or password contains a line break or another "
                                                       "control character. Enter it again."));
    return std::nullopt;
}

HttpCall LegacyClient::httpCall(LegacyMethod method, const QList<QPair<QString, QString>> &params) const
{
    QUrl url = m_baseUrl;
    // "https://integrationapi.net/rest" and ".../rest/" name the same API.
    QString path = url.path();
    if (!path.endsWith(u'/'))
        path += u'/';
    url.setPath(path + methodPath(method));
    HttpCall http;
    http.logName = methodPath(method);
    http.retriable = isRetriable(method);
    http.headers = {{QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")}};
    QUrlQuery q;
    for (const auto &[k, v] : params)
        q.addQueryItem(k, QString::fromUtf8(QUrl::toPercentEncoding(v)));
    if (method == LegacyMethod::Send) {
        http.verb = QByteArrayLiteral("POST");
        http.contentType = QByteArrayLiteral("application/x-www-form-urlencoded");
        http.body = q.toString(QUrl::FullyEncoded).toUtf8();
    } else {
        http.verb = QByteArrayLiteral("GET");
        url.setQuery(q);
    }
    http.url = url;
    return http;
}

ApiError LegacyClient::errorFrom(LegacyMethod method, const HttpOutcome &o, int *code) const
{
    const RequestLog &log = *m_transport->log();
    *code = 0;
    if (!o.last.answered)
        return RequestError::transport(o, effectOf(method), log);
    if (const auto error = legacycodec::decodeError(o.last.body)) {
        *code = error->code;
        // The server's words may echo the password or the session id: redacted before they are read.
        const QString desc = log.redact(error->desc);
        // A refusal by the service (codes 1-7) means nothing was sent; only 8 and a 5xx leave it open.
        ApiError e = RequestError::http(o, effectOf(method), desc.isEmpty() ? QString::number(error->code) : desc,
                                        LegacyErrors::explainCode(error->code, desc), error->code == 8 || o.last.status >= 500, log);
        e.serverCode = error->code;
        return e;
    }
    return RequestError::http(o, effectOf(method), QString::fromUtf8(o.last.body.left(300)).trimmed(),
                              LegacyErrors::explainHttp(o.last.status), o.last.status >= 500, log);
}

void LegacyClient::withSession(std::function<void(const std::optional<ApiError> &)> ready)
{
    if (!m_sessionId.isEmpty() && m_sessionAge.isValid() && m_sessionAge.elapsed() < m_sessionLifetimeMs)
        return ready(std::nullopt);
    m_sessionWaiters.append(std::move(ready));
    if (m_fetchingSession)
        return;
    m_fetchingSession = true;
    m_sessionId.clear();
    ++m_sessionRequests;
    HttpCall http = httpCall(LegacyMethod::Session, {{QStringLiteral("login"), m_login}, {QStringLiteral("password"), m_password}});
    http.secretAnswer = true;
    m_limiter.schedule(nullptr, [this, http] {
        m_transport->send(http, this, [this](const HttpOutcome &o) {
            m_fetchingSession = false;
            std::optional<ApiError> error;
            int code = 0;
            if (o.last.answered && o.last.status >= 200 && o.last.status < 300 && !legacycodec::decodeError(o.last.body)) {
                const auto id = legacycodec::decodeSessionId(o.last.body);
                if (id) {
                    m_sessionId = id.value();
                    m_sessionAge.start();
                    m_transport->log()->addSecret(m_sessionId);
                } else {
                    error = RequestError::unreadable(o, Effect::None, id.error(), *m_transport->log());
                }
            } else {
                error = errorFrom(LegacyMethod::Session, o, &code);
            }
            const auto waiters = std::exchange(m_sessionWaiters, {});
            for (const auto &w : waiters)
                w(error);
        });
    });
}

void LegacyClient::run(Call call, QObject *context, BodyCallback done)
{
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    withSession([this, call, context, guard, hasContext, done](const std::optional<ApiError> &sessionError) {
        if (hasContext && !guard)
            return;
        if (sessionError)
            return done(HttpOutcome{}, *sessionError);
        QList<QPair<QString, QString>> params = call.params;
        params.prepend({QStringLiteral("sessionId"), m_sessionId});
        const HttpCall http = httpCall(call.method, params);
        m_limiter.schedule(context, [this, http, call, context, guard, hasContext, done] {
            m_transport->send(http, context, [this, call, context, guard, hasContext, done](const HttpOutcome &o) {
                // Some errors come back with 200 and a {Code, Desc} body.
                if (o.last.answered && o.last.status >= 200 && o.last.status < 300 && !legacycodec::decodeError(o.last.body))
                    return done(o, o.last.body);
                int code = 0;
                const ApiError error = errorFrom(call.method, o, &code);
                // Only a refusal can be renewed and retried: the document pairs InvalidSessionID with 400.
                // A 5xx leaves a send's outcome open, whatever code it carries, so it is never sent again.
                const bool refused = o.last.answered && (call.method == LegacyMethod::Send ? o.last.status == 400
                                                                                           : o.last.status < 500);
                if (refused && LegacyErrors::isSessionError(code, error.serverMessage) && !call.renewed) {
                    m_sessionId.clear();
                    Call again = call;
                    again.renewed = true;
                    if (hasContext && !guard)
                        return;
                    return run(again, context, done);
                }
                done(o, error);
            });
        });
    });
}

template <typename T>
void LegacyClient::call(Call c, QObject *context, std::function<void(const Result<T> &)> done,
                        Result<T> (*decode)(const QByteArray &))
{
    if (auto error = configurationError()) {
        QTimer::singleShot(0, context ? context : this, [done, e = *error] { done(e); });
        return;
    }
    const Effect effect = effectOf(c.method);
    run(c, context, [this, effect, done, decode](const HttpOutcome &o, const Result<QByteArray> &body) {
        if (!body)
            return done(body.error());
        const Result<T> decoded = decode(body.value());
        if (!decoded)
            return done(RequestError::unreadable(o, effect, decoded.error(), *m_transport->log()));
        done(decoded);
    });
}

void LegacyClient::balance(QObject *context, std::function<void(const Result<double> &)> done)
{
    call<double>({LegacyMethod::Balance, {}}, context, std::move(done), legacycodec::decodeBalance);
}

void LegacyClient::send(const LegacySendRequest &request, QObject *context, std::function<void(const Result<quint64> &)> done)
{
    const auto checked = LegacyValidation::sendRequest(request);
    if (!checked) {
        QTimer::singleShot(0, context ? context : this, [done, e = checked.error()] { done(e); });
        return;
    }
    call<quint64>({LegacyMethod::Send, legacycodec::encodeSend(checked.value())}, context, std::move(done),
                  legacycodec::decodeMessageId);
}

void LegacyClient::state(quint64 messageId, QObject *context, std::function<void(const Result<LegacyState> &)> done)
{
    call<LegacyState>({LegacyMethod::State, {{QStringLiteral("messageId"), json::uint64ToString(messageId)}}}, context,
                      std::move(done), legacycodec::decodeState);
}

} // namespace vc
