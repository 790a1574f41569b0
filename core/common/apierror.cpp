#include "common/apierror.h"

namespace vc {

QString ApiError::kindName() const
{
    switch (kind) {
    case Kind::Network:
        return QStringLiteral("network");
    case Kind::Timeout:
        return QStringLiteral("timeout");
    case Kind::Tls:
        return QStringLiteral("tls");
    case Kind::Http:
        return QStringLiteral("http");
    case Kind::MalformedResponse:
        return QStringLiteral("malformed_response");
    case Kind::Validation:
        return QStringLiteral("validation");
    case Kind::Configuration:
        return QStringLiteral("configuration");
    case Kind::Proxy:
        return QStringLiteral("proxy");
    case Kind::ProxyAuth:
        return QStringLiteral("proxy-auth");
    }
    return {};
}

QString ApiError::toDisplayString() const
{
    if (serverMessage.isEmpty())
        return explanation;
    return ErrorCatalog::tr("%1 (server: %2)").arg(explanation, serverMessage);
}

QString ErrorCatalog::explainTransport(ApiError::Kind kind, Effect effect, bool outcomeUnknown, int httpStatus)
{
    if (outcomeUnknown && effect == Effect::PlacesCall) {
        if (kind == ApiError::Kind::Http)
            return tr("The outcome is unknown: the server answered with an error (HTTP %1) after the request "
                      "reached it, so the call may have been placed. It was not sent again. Check the call "
                      "list before sending again.")
                .arg(httpStatus);
        if (kind == ApiError::Kind::MalformedResponse)
            return tr("The outcome is unknown: the server's answer could not be read, so the call may have "
                      "been placed. It was not sent again. Check the call list before sending again.");
        return tr("The outcome is unknown: the request reached the server but no answer came back, so the "
                  "call may have been placed. It was not sent again. Check the call list before sending "
                  "again.");
    }
    if (outcomeUnknown && effect == Effect::CreatesService)
        return tr("The outcome is unknown: the service may have been created. Refresh the list before "
                  "creating it again.");
    if (outcomeUnknown && effect == Effect::DeletesService)
        return tr("The outcome is unknown: the service may have been deleted. Refresh the list.");
    switch (kind) {
    case ApiError::Kind::Timeout:
        return tr("The server did not answer in time.");
    case ApiError::Kind::Tls:
        return tr("A secure connection could not be established: the server's certificate was not "
                  "accepted.");
    case ApiError::Kind::MalformedResponse:
        return malformed();
    case ApiError::Kind::Http:
        return explainStatus(httpStatus);
    case ApiError::Kind::Proxy:
        return tr("The proxy server could not be used: it refused the connection or could not reach the API. "
                  "Check the proxy (Profiles → Network).");
    case ApiError::Kind::ProxyAuth:
        return tr("The proxy server asks for a user name and password, and none (or wrong ones) were given. "
                  "Nothing was sent.");
    default:
        return tr("The server could not be reached. Check the network connection and the API address.");
    }
}

QString ErrorCatalog::explainStatus(int status)
{
    switch (status) {
    case 400:
        return tr("The server rejected the request as invalid.");
    case 403:
        return tr("The account is not active (not activated or blocked), so the request was refused.");
    case 404:
        return tr("The server does not know this request (404). Check the API address.");
    case 408:
    case 504:
        return tr("The server took too long to answer (HTTP %1).").arg(status);
    case 429:
        return tr("Too many requests: the server asks to slow down. Try again in a moment.");
    case 500:
        return tr("The server failed while handling the request (HTTP 500).");
    default:
        break;
    }
    if (status >= 500)
        return tr("The server is unavailable (HTTP %1). Try again later.").arg(status);
    return tr("The server refused the request (HTTP %1).").arg(status);
}

QString ErrorCatalog::malformed()
{
    return tr("The server's answer could not be read.");
}

QString ErrorCatalog::addressNotAllowed(const QString &url)
{
    return tr("The API address \"%1\" is not allowed: use https (plain http only to this computer).").arg(url);
}

ApiError validationError(const QString &field, const QString &message)
{
    ApiError e;
    e.kind = ApiError::Kind::Validation;
    e.field = field;
    e.explanation = message;
    return e;
}

ApiError configurationError(const QString &message)
{
    ApiError e;
    e.kind = ApiError::Kind::Configuration;
    e.explanation = message;
    return e;
}

ApiError malformedError(const QString &detail)
{
    ApiError e;
    e.kind = ApiError::Kind::MalformedResponse;
    e.detail = detail;
    e.explanation = ErrorCatalog::malformed();
    return e;
}

} // namespace vc
