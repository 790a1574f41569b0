#include "legacy/legacyerrors.h"

namespace vc {

QString methodPath(LegacyMethod method)
{
    switch (method) {
    case LegacyMethod::Session:
        return QStringLiteral("User/SessionId");
    case LegacyMethod::Balance:
        return QStringLiteral("User/Balance");
    case LegacyMethod::Send:
        return QStringLiteral("Voice/Send");
    case LegacyMethod::State:
        return QStringLiteral("Voice/State");
    }
    return {};
}

Effect effectOf(LegacyMethod method)
{
    return method == LegacyMethod::Send ? Effect::PlacesCall : Effect::None;
}

bool LegacyErrors::isSessionError(int code, const QString &desc)
{
    return code == 3 || (code == 4 && desc.contains(QLatin1String("session"), Qt::CaseInsensitive));
}

QString LegacyErrors::explainCode(int code, const QString &desc)
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

QString LegacyErrors::explainHttp(int status)
{
    if (status >= 300 && status < 400)
        return tr("The server redirected the request elsewhere (HTTP %1); the login and password are never "
                  "sent to another address, so the request was stopped. Check the API address.")
            .arg(status);
    if (status == 401)
        return tr("The login or password was not accepted (UnauthorizedAccess).");
    return ErrorCatalog::explainStatus(status);
}

} // namespace vc
