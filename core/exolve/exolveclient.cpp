#include "exolve/exolveclient.h"

#include "exolve/exolvecodec.h"
#include "common/jsoncodec.h"
#include "common/checks.h"
#include "common/validation.h"
#include "exolve/exolvevalidation.h"

#include <QTimer>

namespace vc {

ExolveClient::ExolveClient(HttpTransport *transport, QObject *parent) : QObject(parent), m_transport(transport) {}

void ExolveClient::setApiKey(const QString &key)
{
    m_apiKey = key.trimmed();
    m_transport->log()->addSecret(m_apiKey);
}

std::optional<ApiError> ExolveClient::configurationError() const
{
    if (!HttpTransport::isAllowedUrl(m_baseUrl))
        return vc::configurationError(ErrorCatalog::addressNotAllowed(m_baseUrl.toString()));
    if (m_apiKey.isEmpty())
        return vc::configurationError(ErrorCatalog::tr("No API key is set."));
    if (checks::hasControlCharacters(m_apiKey))
        return vc::configurationError(ErrorCatalog::tr("The API key contains a line break or another control "
                                                       "character. Copy the key again, as one line."));
    return std::nullopt;
}

template <typename T>
void ExolveClient::failSoon(QObject *context, Callback<T> done, ApiError error)
{
    QTimer::singleShot(0, context ? context : this, [done = std::move(done), error] { done(error); });
}

template <typename T>
void ExolveClient::send(Endpoint endpoint, const QByteArray &body, QObject *context, Callback<T> done,
                        std::function<Result<T>(const QByteArray &)> decode)
{
    if (auto error = configurationError())
        return failSoon(context, std::move(done), *error);

    HttpCall call;
    QUrl url = m_baseUrl;
    QString path = url.path();
    if (!path.endsWith(u'/'))
        path += u'/';
    url.setPath(path + endpointPath(endpoint));
    call.url = url;
    call.body = body;
    call.retriable = isRetriable(endpoint);
    call.logName = endpointPath(endpoint);
    call.headers = {{QByteArrayLiteral("Authorization"), "Bearer " + m_apiKey.toUtf8()},
                    {QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")}};

    // Whatever a server sends back may echo the key: its words pass the request log's redaction first.
    const RequestLog *log = m_transport->log();
    m_transport->send(call, context, [endpoint, log, done = std::move(done), decode = std::move(decode)](const HttpOutcome &o) {
        const AttemptResult &r = o.last;
        // A request that changes state and may have been acted on must not look like a clean failure.
        const bool changesState = !isRetriable(endpoint);
        ApiError error;
        error.attempts = o.attempts;
        if (r.answered && r.status >= 200 && r.status < 300) {
            Result<T> decoded = decode(r.body);
            if (decoded.ok())
                return done(decoded);
            error = decoded.error();
            error.attempts = o.attempts;
            error.httpStatus = r.status;
            error.detail = log->redact(error.detail);
            error.outcomeUnknown = changesState;
            error.explanation = changesState ? ErrorCatalog::explainTransport(error.kind, endpoint, true)
                                             : ErrorCatalog::malformed(endpoint);
            return done(error);
        }
        if (r.answered) {
            error.kind = ApiError::Kind::Http;
            error.httpStatus = r.status;
            error.serverMessage = log->redact(codec::serverMessage(r.body));
            error.outcomeUnknown = changesState && r.status >= 500;
            error.explanation = error.outcomeUnknown ? ErrorCatalog::explainTransport(error.kind, endpoint, true, r.status)
                                                     : ErrorCatalog::explainHttp(endpoint, r.status, error.serverMessage);
            return done(error);
        }
        error.kind = r.failure;
        error.detail = log->redact(r.errorString);
        error.outcomeUnknown = changesState && r.mayHaveReachedServer && r.failure != ApiError::Kind::Tls;
        error.explanation = ErrorCatalog::explainTransport(r.failure, endpoint, error.outcomeUnknown);
        done(error);
    });
}

void ExolveClient::listServices(QObject *context, Callback<QList<VoiceService>> done)
{
    send<QList<VoiceService>>(Endpoint::ListServices, QByteArrayLiteral("{}"), context, std::move(done),
                              codec::decodeServiceList);
}

void ExolveClient::serviceInfo(const QString &id, QObject *context, Callback<VoiceServiceDetails> done)
{
    const auto checked = ExolveValidation::serviceId(id, QStringLiteral("id"));
    if (!checked.ok())
        return failSoon(context, std::move(done), checked.error());
    send<VoiceServiceDetails>(Endpoint::ServiceInfo, codec::encodeId(checked.value()), context, std::move(done),
                              codec::decodeServiceDetails);
}

void ExolveClient::createService(const NewVoiceService &service, QObject *context, Callback<QString> done)
{
    const auto checked = ExolveValidation::newService(service.name, json::uint64ToString(service.mediaId),
                                                      QString::number(service.digit), service.redirectNumber);
    if (!checked)
        return failSoon(context, std::move(done), checked.error());
    send<QString>(Endpoint::CreateService, codec::encodeCreate(checked.value()), context, std::move(done),
                  codec::decodeCreated);
}

void ExolveClient::deleteService(const QString &id, QObject *context, Callback<Empty> done)
{
    const auto checked = ExolveValidation::serviceId(id, QStringLiteral("id"));
    if (!checked.ok())
        return failSoon(context, std::move(done), checked.error());
    send<Empty>(Endpoint::DeleteService, codec::encodeId(checked.value()), context, std::move(done),
                codec::decodeDeleted);
}

void ExolveClient::makeVoiceMessage(const VoiceCallRequest &call, QObject *context, Callback<QString> done)
{
    const auto source = Validation::phoneNumber(call.source, QStringLiteral("source"));
    if (!source.ok())
        return failSoon(context, std::move(done), source.error());
    const auto destination = Validation::phoneNumber(call.destination, QStringLiteral("destination"));
    if (!destination.ok())
        return failSoon(context, std::move(done), destination.error());
    const auto service = ExolveValidation::serviceId(call.serviceId);
    if (!service.ok())
        return failSoon(context, std::move(done), service.error());
    send<QString>(Endpoint::MakeVoiceMessage, codec::encodeCall({source.value(), destination.value(), service.value()}),
                  context, std::move(done), codec::decodeCallId);
}

void ExolveClient::callInfo(const QString &callId, QObject *context, Callback<CallInfo> done)
{
    const auto checked = ExolveValidation::callId(callId);
    if (!checked.ok())
        return failSoon(context, std::move(done), checked.error());
    send<CallInfo>(Endpoint::CallInfo, codec::encodeCallId(checked.value()), context, std::move(done),
                   codec::decodeCallInfo);
}

void ExolveClient::sipAttributes(quint64 sipResourceId, QObject *context, Callback<SipAttributes> done)
{
    send<SipAttributes>(Endpoint::SipAttributes, codec::encodeSipResourceId(sipResourceId), context, std::move(done),
                        [this](const QByteArray &body) {
                            auto result = codec::decodeSipAttributes(body);
                            if (result.ok())
                                m_transport->log()->addSecret(result.value().password);
                            return result;
                        });
}

} // namespace vc
