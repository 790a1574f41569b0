#include "exolve/exolveclient.h"

#include "exolve/exolvecodec.h"
#include "common/jsoncodec.h"
#include "common/checks.h"
#include "net/requesterror.h"
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
        return vc::configurationError(ExolveErrors::tr("No API key is set."));
    if (checks::hasControlCharacters(m_apiKey))
        return vc::configurationError(ExolveErrors::tr("The API key contains a line break or another control "
                                                       "character. Copy the key again, as one line."));
    return std::nullopt;
}

template <typename T>
void ExolveClient::failSoon(QObject *context, Callback<T> done, ApiError error)
{
    QTimer::singleShot(0, context ? context : this, [done = std::move(done), error] { done(error); });
}

template <typename T>
void ExolveClient::send(ExolveMethod method, const QByteArray &body, QObject *context, Callback<T> done,
                        std::function<Result<T>(const QByteArray &)> decode)
{
    if (auto error = configurationError())
        return failSoon(context, std::move(done), *error);

    HttpCall call;
    QUrl url = m_baseUrl;
    QString path = url.path();
    if (!path.endsWith(u'/'))
        path += u'/';
    url.setPath(path + methodPath(method));
    call.url = url;
    call.body = body;
    call.retriable = isRetriable(method);
    call.logName = methodPath(method);
    call.headers = {{QByteArrayLiteral("Authorization"), "Bearer " + m_apiKey.toUtf8()},
                    {QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")}};

    const RequestLog *log = m_transport->log();
    m_transport->send(call, context, [method, log, done = std::move(done), decode = std::move(decode)](const HttpOutcome &o) {
        const AttemptResult &r = o.last;
        if (!r.answered)
            return done(RequestError::transport(o, effectOf(method), *log));
        if (r.status >= 200 && r.status < 300) {
            Result<T> decoded = decode(r.body);
            if (decoded.ok())
                return done(decoded);
            return done(RequestError::unreadable(o, effectOf(method), decoded.error(), *log));
        }
        // The server's words may echo the key: the explanation reads them after redaction.
        const QString message = log->redact(codec::serverMessage(r.body));
        done(RequestError::http(o, effectOf(method), message, ExolveErrors::explainHttp(method, r.status, message),
                                r.status >= 500, *log));
    });
}

void ExolveClient::listServices(QObject *context, Callback<QList<VoiceService>> done)
{
    send<QList<VoiceService>>(ExolveMethod::ListServices, QByteArrayLiteral("{}"), context, std::move(done),
                              codec::decodeServiceList);
}

void ExolveClient::serviceInfo(const QString &id, QObject *context, Callback<VoiceServiceDetails> done)
{
    const auto checked = ExolveValidation::serviceId(id, QStringLiteral("id"));
    if (!checked.ok())
        return failSoon(context, std::move(done), checked.error());
    send<VoiceServiceDetails>(ExolveMethod::ServiceInfo, codec::encodeId(checked.value()), context, std::move(done),
                              codec::decodeServiceDetails);
}

void ExolveClient::createService(const NewVoiceService &service, QObject *context, Callback<QString> done)
{
    const auto checked = ExolveValidation::newService(service.name, json::uint64ToString(service.mediaId),
                                                      QString::number(service.digit), service.redirectNumber);
    if (!checked)
        return failSoon(context, std::move(done), checked.error());
    send<QString>(ExolveMethod::CreateService, codec::encodeCreate(checked.value()), context, std::move(done),
                  codec::decodeCreated);
}

void ExolveClient::deleteService(const QString &id, QObject *context, Callback<Empty> done)
{
    const auto checked = ExolveValidation::serviceId(id, QStringLiteral("id"));
    if (!checked.ok())
        return failSoon(context, std::move(done), checked.error());
    send<Empty>(ExolveMethod::DeleteService, codec::encodeId(checked.value()), context, std::move(done),
                codec::decodeDeleted);
}

void ExolveClient::deleteServices(const QStringList &ids, QObject *context, DeleteSteps steps)
{
    // Each step starts the next from its own answer: a chain of callbacks, not of stack frames.
    auto next = std::make_shared<std::function<void(int)>>();
    *next = [this, ids, context, steps, next](int index) {
        if (index >= ids.size()) {
            if (steps.finished)
                steps.finished(true);
            *next = nullptr; // breaks the cycle the shared function holds on itself
            return;
        }
        const QString id = ids.at(index);
        if (steps.starting)
            steps.starting(index, id);
        deleteService(id, context, [steps, next, index, id](const Result<Empty> &r) {
            if (steps.each)
                steps.each(id, r);
            const auto kind = r.ok() ? ApiError::Kind::Http : r.error().kind;
            if (steps.stopWhenUnreachable && (kind == ApiError::Kind::Network || kind == ApiError::Kind::Timeout ||
                                              kind == ApiError::Kind::Tls)) {
                if (steps.finished)
                    steps.finished(false);
                *next = nullptr;
                return;
            }
            (*next)(index + 1);
        });
    };
    (*next)(0);
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
    send<QString>(ExolveMethod::MakeVoiceMessage, codec::encodeCall({source.value(), destination.value(), service.value()}),
                  context, std::move(done), codec::decodeCallId);
}

void ExolveClient::callInfo(const QString &callId, QObject *context, Callback<CallInfo> done)
{
    const auto checked = ExolveValidation::callId(callId);
    if (!checked.ok())
        return failSoon(context, std::move(done), checked.error());
    send<CallInfo>(ExolveMethod::CallInfo, codec::encodeCallId(checked.value()), context, std::move(done),
                   codec::decodeCallInfo);
}

void ExolveClient::sipAttributes(quint64 sipResourceId, QObject *context, Callback<SipAttributes> done)
{
    send<SipAttributes>(ExolveMethod::SipAttributes, codec::encodeSipResourceId(sipResourceId), context, std::move(done),
                        [this](const QByteArray &body) {
                            auto result = codec::decodeSipAttributes(body);
                            if (result.ok())
                                m_transport->log()->addSecret(result.value().password);
                            return result;
                        });
}

void ExolveClient::callHistoryPage(const CallHistoryQuery &query, QObject *context, Callback<QList<CallHistoryEntry>> done)
{
    if (query.sipId.trimmed().isEmpty() || !query.from.isValid() || !query.to.isValid() || query.to < query.from ||
        query.limit == 0 || query.limit > 1000)
        return failSoon(context, std::move(done),
                        validationError(QStringLiteral("sip_id"), tr("The call history needs a number or SIP account, a period whose end is not "
                                                  "before its start, and a page of 1 to 1000 calls.")));
    send<QList<CallHistoryEntry>>(ExolveMethod::CallHistory, codec::encodeCallHistoryQuery(query), context, std::move(done),
                                  codec::decodeCallHistory);
}

void ExolveClient::callHistory(CallHistoryQuery query, QObject *context, Callback<QList<CallHistoryEntry>> done, int maxCalls)
{
    query.offset = 0;
    auto all = std::make_shared<QList<CallHistoryEntry>>();
    // The next page's request holds the only strong reference to this step: a request abandoned with
    // its context lets it all go (no cycle through the step itself).
    auto step = std::make_shared<std::function<void()>>();
    std::weak_ptr<std::function<void()>> weak = step;
    *step = [this, query, context, done, all, weak, maxCalls] {
        CallHistoryQuery page = query;
        page.offset = quint64(all->size());
        callHistoryPage(page, context, [page, done, all, self = weak.lock(), maxCalls](const Result<QList<CallHistoryEntry>> &r) {
            if (!r)
                return done(r.error());
            all->append(r.value());
            if (all->size() > maxCalls)
                return done(validationError(QStringLiteral("date_from"), tr("The call history has more than %1 calls for this "
                                                                            "period: choose a shorter one.").arg(maxCalls)));
            if (quint32(r.value().size()) < page.limit)
                return done(*all);
            (*self)();
        });
    };
    (*step)();
}

} // namespace vc
