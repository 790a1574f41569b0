#pragma once

#include "common/apierror.h"
#include "net/httptransport.h"

namespace vc {

// The one place where what the transport saw becomes the error a person reads, for both providers.
// Server words and transport details pass the request log's redaction; a request with an effect
// (a paid call, a create, a delete) that may have reached the server is never a clean failure.
class RequestError final
{
public:
    // No HTTP answer: connection refused or dropped, timeout, TLS, bytes that are not HTTP.
    static ApiError transport(const HttpOutcome &outcome, Effect effect, const RequestLog &log);
    // An HTTP error answer, explained by the provider. `serverFailed` (a 5xx, or the provider's own
    // "internal error") leaves the outcome of a request with an effect open.
    static ApiError http(const HttpOutcome &outcome, Effect effect, const QString &serverMessage,
                         const QString &explanation, bool serverFailed, const RequestLog &log);
    // A 2xx answer the decoder could not read (`decoded` is the decoder's error).
    static ApiError unreadable(const HttpOutcome &outcome, Effect effect, const ApiError &decoded, const RequestLog &log);
};

} // namespace vc
