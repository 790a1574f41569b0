#include "legacy/legacyvalidation.h"

#include "common/validation.h"

namespace vc {

Result<quint64> LegacyValidation::fileId(const QString &input)
{
    if (input.trimmed().isEmpty())
        return validationError(QStringLiteral("fileId"), tr("Enter the id of an uploaded audio file."));
    return Validation::uint64(input, QStringLiteral("fileId"),
                              tr("The file id must be a whole number from 1 to 18446744073709551615."), 1);
}

Result<int> LegacyValidation::retryCount(int attempts)
{
    if (attempts == -1 || (attempts >= 1 && attempts <= 10))
        return attempts;
    return validationError(QStringLiteral("retryCount"), tr("The number of attempts must be from 1 to 10."));
}

Result<int> LegacyValidation::gap(int minutes)
{
    if (minutes == -1 || (minutes >= 1 && minutes <= 1440))
        return minutes;
    return validationError(QStringLiteral("gap"), tr("The interval between attempts must be from 1 to 1440 minutes."));
}

Result<QDateTime> LegacyValidation::sendDate(const QDateTime &when, const QDateTime &now)
{
    if (when.isValid() && when < now.addSecs(-60))
        return validationError(QStringLiteral("sendDate"), tr("The scheduled time is in the past."));
    return when;
}

Result<LegacySendRequest> LegacyValidation::sendRequest(const LegacySendRequest &request)
{
    LegacySendRequest checked = request;
    const auto source = Validation::phoneNumber(request.source, QStringLiteral("sourceAddress"));
    if (!source)
        return source.error();
    checked.source = source.value();
    const auto destination = Validation::phoneNumber(request.destination, QStringLiteral("destinationAddress"));
    if (!destination)
        return destination.error();
    checked.destination = destination.value();
    if (request.fileId == 0)
        return validationError(QStringLiteral("fileId"), tr("Enter the id of an uploaded audio file."));
    for (const auto &r : {retryCount(request.retryCount), gap(request.gap)}) {
        if (!r)
            return r.error();
    }
    if (const auto date = sendDate(request.sendDate); !date)
        return date.error();
    return checked;
}

} // namespace vc
