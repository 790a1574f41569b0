#include "exolve/exolveerrors.h"

namespace vc {

QString methodPath(ExolveMethod method)
{
    switch (method) {
    case ExolveMethod::CreateService:
        return QStringLiteral("voice-message/v1/Create");
    case ExolveMethod::ListServices:
        return QStringLiteral("voice-message/v1/GetList");
    case ExolveMethod::ServiceInfo:
        return QStringLiteral("voice-message/v1/GetInfo");
    case ExolveMethod::DeleteService:
        return QStringLiteral("voice-message/v1/Delete");
    case ExolveMethod::MakeVoiceMessage:
        return QStringLiteral("call/v1/MakeVoiceMessage");
    case ExolveMethod::CallInfo:
        return QStringLiteral("call/v1/GetInfo");
    case ExolveMethod::SipAttributes:
        return QStringLiteral("sip/v1/GetAttributes");
    case ExolveMethod::CallHistory:
        return QStringLiteral("statistics/call-history/v1/GetList");
    }
    return {};
}

Effect effectOf(ExolveMethod method)
{
    switch (method) {
    case ExolveMethod::CreateService:
        return Effect::CreatesService;
    case ExolveMethod::DeleteService:
        return Effect::DeletesService;
    case ExolveMethod::MakeVoiceMessage:
        return Effect::PlacesCall;
    default:
        return Effect::None;
    }
}

namespace {
bool mentions(const QString &message, const char *needle)
{
    return message.contains(QLatin1String(needle), Qt::CaseInsensitive);
}
} // namespace

QString ExolveErrors::explainHttp(ExolveMethod method, int status, const QString &serverMessage)
{
    const bool voiceMessage = method == ExolveMethod::CreateService || method == ExolveMethod::ListServices ||
                              method == ExolveMethod::ServiceInfo || method == ExolveMethod::DeleteService;
    const bool call = method == ExolveMethod::MakeVoiceMessage || method == ExolveMethod::CallInfo;
    const bool sip = method == ExolveMethod::SipAttributes;

    switch (status) {
    case 400:
        if (method == ExolveMethod::MakeVoiceMessage && mentions(serverMessage, "confirmed number"))
            return tr("During the trial period calls can only be made to your own confirmed number. "
                      "Confirm the destination number in the Exolve account or activate the account.");
        // The SIP gateway's own 400s name the field; a token problem is the key's, as on every method.
        if (sip && mentions(serverMessage, "unexpected token"))
            return tr("The SIP resource id is missing.");
        if (sip && mentions(serverMessage, "invalid value"))
            return tr("The SIP resource id is not valid: it must be a whole number.");
        if (call && mentions(serverMessage, "validation"))
            return method == ExolveMethod::CallInfo
                       ? tr("The call id is not valid.")
                       : tr("The server rejected the call parameters: check the numbers and the service id.");
        if (mentions(serverMessage, "token"))
            return tr("The API key is not valid: the server could not read it. Check that the whole key "
                      "was copied from the application in the Exolve account.");
        if (sip)
            return tr("The SIP resource id is not valid: it must be a whole number.");
        break;
    case 401:
        if (voiceMessage)
            return tr("The API key was not accepted: the user and application information in it could "
                      "not be read (JWT claims). Create a new key for the application.");
        return tr("The API key is missing or not valid.");
    case 404:
        switch (method) {
        case ExolveMethod::CreateService:
            return tr("The audio file with this media_id does not exist. Upload it in the Exolve account "
                      "or check the id.");
        case ExolveMethod::ServiceInfo:
            return tr("The voice-message service was not found for the application of this API key.");
        case ExolveMethod::DeleteService:
            return tr("The voice-message service or its application was not found.");
        case ExolveMethod::CallInfo:
            return tr("The call was not found, or the service it used has no audio file attached.");
        default:
            break;
        }
        break;
    case 500:
        if (sip && mentions(serverMessage, "does not own"))
            return tr("This SIP resource does not belong to the application of this API key.");
        if (voiceMessage && mentions(serverMessage, "customer status"))
            return tr("The server could not reach your account (error getting customer status). "
                      "Try again later.");
        break;
    default:
        if (status >= 300 && status < 400)
            return tr("The server redirected the request elsewhere (HTTP %1); the API key is never sent to "
                      "another address, so the request was stopped. Check the API address.")
                .arg(status);
        break;
    }
    return ErrorCatalog::explainStatus(status);
}

} // namespace vc
