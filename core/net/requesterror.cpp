#include "net/requesterror.h"

namespace vc {

ApiError RequestError::transport(const HttpOutcome &o, Effect effect, const RequestLog &log)
{
    const AttemptResult &r = o.last;
    ApiError e;
    e.attempts = o.attempts;
    e.kind = r.failure;
    e.detail = log.redact(r.errorString);
    // A refused header (Configuration) was never written: mayHaveReachedServer is false for it already.
    e.outcomeUnknown = effect != Effect::None && r.mayHaveReachedServer && r.failure != ApiError::Kind::Tls;
    e.explanation = ErrorCatalog::explainTransport(r.failure, effect, e.outcomeUnknown);
    return e;
}

ApiError RequestError::http(const HttpOutcome &o, Effect effect, const QString &serverMessage, const QString &explanation,
                            bool serverFailed, const RequestLog &log)
{
    ApiError e;
    e.attempts = o.attempts;
    e.kind = ApiError::Kind::Http;
    e.httpStatus = o.last.status;
    bool capped = false;
    if (const auto after = HttpTransport::retryAfterMs(o.last.retryAfter, &capped))
        e.retryAfterMs = *after;
    if (capped)
        e.detail = QStringLiteral("Retry-After of \"%1\" is more than an hour: waiting one hour")
                       .arg(log.redact(QString::fromLatin1(o.last.retryAfter.left(64))));
    e.serverMessage = log.redact(serverMessage);
    e.outcomeUnknown = effect != Effect::None && serverFailed;
    e.explanation = e.outcomeUnknown ? ErrorCatalog::explainTransport(e.kind, effect, true, e.httpStatus) : explanation;
    return e;
}

ApiError RequestError::unreadable(const HttpOutcome &o, Effect effect, const ApiError &decoded, const RequestLog &log)
{
    ApiError e = decoded;
    e.kind = ApiError::Kind::MalformedResponse;
    e.attempts = o.attempts;
    e.httpStatus = o.last.status;
    e.detail = log.redact(decoded.detail);
    e.outcomeUnknown = effect != Effect::None; // accepted, perhaps, but we cannot tell what happened
    e.explanation = ErrorCatalog::explainTransport(e.kind, effect, e.outcomeUnknown);
    return e;
}

} // namespace vc
