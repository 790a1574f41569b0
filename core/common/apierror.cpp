#include "common/apierror.h"

namespace vc {

QString endpointPath(Endpoint endpoint)
{
    switch (endpoint) {
    case Endpoint::CreateService:
        return QStringLiteral("voice-message/v1/Create");
    case Endpoint::ListServices:
        return QStringLiteral("voice-message/v1/GetList");
    case Endpoint::ServiceInfo:
        return QStringLiteral("voice-message/v1/GetInfo");
    case Endpoint::DeleteService:
        return QStringLiteral("voice-message/v1/Delete");
    case Endpoint::MakeVoiceMessage:
        return QStringLiteral("call/v1/MakeVoiceMessage");
    case Endpoint::CallInfo:
        return QStringLiteral("call/v1/GetInfo");
    case Endpoint::SipAttributes:
        return QStringLiteral("sip/v1/GetAttributes");
    case Endpoint::LegacySession:
        return QStringLiteral("User/SessionId");
    case Endpoint::LegacyBalance:
        return QStringLiteral("User/Balance");
    case Endpoint::LegacySend:
        return QStringLiteral("Voice/Send");
    case Endpoint::LegacyState:
        return QStringLiteral("Voice/State");
    }
    return {};
}

bool isRetriable(Endpoint endpoint)
{
    switch (endpoint) {
    case Endpoint::ListServices:
    case Endpoint::ServiceInfo:
    case Endpoint::CallInfo:
    case Endpoint::SipAttributes:
    case Endpoint::LegacySession:
    case Endpoint::LegacyBalance:
    case Endpoint::LegacyState:
        return true;
    case Endpoint::LegacySend:
    case Endpoint::CreateService:
    case Endpoint::DeleteService:
    case Endpoint::MakeVoiceMessage:
        return false;
    }
    return false;
}

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
    }
    return {};
}

QString ApiError::toDisplayString() const
{
    if (serverMessage.isEmpty())
        return explanation;
    return ErrorCatalog::tr("%1 (server: %2)").arg(explanation, serverMessage);
}

namespace {
bool mentions(const QString &message, const char *needle)
{
    return message.contains(QLatin1String(needle), Qt::CaseInsensitive);
}
} // namespace

QString ErrorCatalog::explainHttp(Endpoint endpoint, int status, const QString &serverMessage)
{
    const bool voiceMessage = endpoint == Endpoint::CreateService || endpoint == Endpoint::ListServices ||
                              endpoint == Endpoint::ServiceInfo || endpoint == Endpoint::DeleteService;
    const bool call = endpoint == Endpoint::MakeVoiceMessage || endpoint == Endpoint::CallInfo;

    switch (status) {
    case 400:
        if (endpoint == Endpoint::MakeVoiceMessage && mentions(serverMessage, "confirmed number"))
            return tr("During the trial period calls can only be made to your own confirmed number. "
                      "Confirm the destination number in the Exolve account or activate the account.");
        // The SIP gateway's own 400s name the field; a token problem is the key's, as on every method.
        if (endpoint == Endpoint::SipAttributes && mentions(serverMessage, "unexpected token"))
            return tr("The SIP resource id is missing.");
        if (endpoint == Endpoint::SipAttributes && mentions(serverMessage, "invalid value"))
            return tr("The SIP resource id is not valid: it must be a whole number.");
        if (call && mentions(serverMessage, "validation"))
            return endpoint == Endpoint::CallInfo
                       ? tr("The call id is not valid.")
                       : tr("The server rejected the call parameters: check the numbers and the service id.");
        if (mentions(serverMessage, "token"))
            return tr("The API key is not valid: the server could not read it. Check that the whole key "
                      "was copied from the application in the Exolve account.");
        if (endpoint == Endpoint::SipAttributes)
            return tr("The SIP resource id is not valid: it must be a whole number.");
        return tr("The server rejected the request as invalid.");
    case 401:
        if (voiceMessage)
            return tr("The API key was not accepted: the user and application information in it could "
                      "not be read (JWT claims). Create a new key for the application.");
        return tr("The API key is missing or not valid.");
    case 403:
        return tr("The account is not active (not activated or blocked), so the request was refused.");
    case 404:
        switch (endpoint) {
        case Endpoint::CreateService:
            return tr("The audio file with this media_id does not exist. Upload it in the Exolve account "
                      "or check the id.");
        case Endpoint::ServiceInfo:
            return tr("The voice-message service was not found for the application of this API key.");
        case Endpoint::DeleteService:
            return tr("The voice-message service or its application was not found.");
        case Endpoint::CallInfo:
            return tr("The call was not found, or the service it used has no audio file attached.");
        default:
            return tr("The server does not know this request (404). Check the API address.");
        }
    case 408:
    case 504:
        return tr("The server took too long to answer (HTTP %1).").arg(status);
    case 429:
        return tr("Too many requests: the server asks to slow down. Try again in a moment.");
    case 500:
        if (endpoint == Endpoint::SipAttributes && mentions(serverMessage, "does not own"))
            return tr("This SIP resource does not belong to the application of this API key.");
        if (voiceMessage && mentions(serverMessage, "customer status"))
            return tr("The server could not reach your account (error getting customer status). "
                      "Try again later.");
        return tr("The server failed while handling the request (HTTP 500).");
    default:
        break;
    }
    const bool legacy = endpoint == Endpoint::LegacySession || endpoint == Endpoint::LegacyBalance ||
                        endpoint == Endpoint::LegacySend || endpoint == Endpoint::LegacyState;
    if (status >= 300 && status < 400 && legacy)
        return tr("The server redirected the request elsewhere (HTTP %1); the login and password are never "
                  "sent to another address, so the request was stopped. Check the API address.")
            .arg(status);
    if (status >= 300 && status < 400)
        return tr("The server redirected the request elsewhere (HTTP %1); the API key is never sent to "
                  "another address, so the request was stopped. Check the API address.")
            .arg(status);
    if (status >= 500)
        return tr("The server is unavailable (HTTP %1). Try again later.").arg(status);
    return tr("The server refused the request (HTTP %1).").arg(status);
}

QString ErrorCatalog::explainTransport(ApiError::Kind kind, Endpoint endpoint, bool outcomeUnknown, int httpStatus)
{
    if (outcomeUnknown && (endpoint == Endpoint::MakeVoiceMessage || endpoint == Endpoint::LegacySend)) {
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
    if (outcomeUnknown && endpoint == Endpoint::CreateService)
        return tr("The outcome is unknown: the service may have been created. Refresh the list before "
                  "creating it again.");
    if (outcomeUnknown && endpoint == Endpoint::DeleteService)
        return tr("The outcome is unknown: the service may have been deleted. Refresh the list.");
    switch (kind) {
    case ApiError::Kind::Timeout:
        return tr("The server did not answer in time.");
    case ApiError::Kind::Tls:
        return tr("A secure connection could not be established: the server's certificate was not "
                  "accepted.");
    case ApiError::Kind::MalformedResponse:
        return malformed(endpoint);
    default:
        return tr("The server could not be reached. Check the network connection and the API address.");
    }
}

QString ErrorCatalog::explainLegacy(int code, const QString &desc)
{
    switch (code) {
    case 1:
        return tr("A required parameter is missing (ArgumentCanNotBeNullOrEmpty).");
    case 2:
        return tr("A parameter is not valid (InvalidArgument): check the numbers, the file id and the schedule.");
    case 3:
        return tr("The session is not valid or has expired (InvalidSessionID).");
    case 4:
        return tr("The login or password was not accepted (UnauthorizedAccess).");
    case 5:
        return tr("Not enough credits on the account to send (NotEnoughCredits). Top up the balance.");
    case 6:
        return tr("The operation is not allowed now (InvalidOperation).");
    case 7:
        return tr("Access to this operation is forbidden for the account (Forbidden).");
    case 8:
        return tr("The service failed internally (InternalServerError). Try again later.");
    default:
        return tr("The service answered with error code %1: %2").arg(code).arg(desc);
    }
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

QString ErrorCatalog::malformed(Endpoint)
{
    return tr("The server's answer could not be read.");
}

} // namespace vc
