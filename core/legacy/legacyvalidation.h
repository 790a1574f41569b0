#pragma once

#include "common/result.h"
#include "legacy/legacytypes.h"

#include <QCoreApplication>

namespace vc {

// The integrationapi.net fields, one set of checks and messages for the client, the GUI and the CLI.
class LegacyValidation final
{
    Q_DECLARE_TR_FUNCTIONS(LegacyValidation)
public:
    static Result<quint64> fileId(const QString &input);
    static Result<int> retryCount(int attempts); // -1: the service's default
    static Result<int> gap(int minutes);         // -1: the service's default
    // A time in the past (a minute's grace) cannot be scheduled; invalid means now.
    static Result<QDateTime> sendDate(const QDateTime &when, const QDateTime &now = QDateTime::currentDateTimeUtc());
    // Every field, numbers normalised; the first error names its API field.
    static Result<LegacySendRequest> sendRequest(const LegacySendRequest &request);
};

} // namespace vc
