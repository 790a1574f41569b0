#pragma once

#include "common/result.h"
#include "exolve/exolvetypes.h"

#include <QCoreApplication>

namespace vc {

// The Exolve fields, checked as documented, with the API's field names.
class ExolveValidation final
{
    Q_DECLARE_TR_FUNCTIONS(ExolveValidation)
public:
    static Result<QString> serviceName(const QString &input);
    static Result<quint64> mediaId(const QString &input);
    static Result<quint32> digit(const QString &input); // empty means the default, 0
    static Result<QString> redirectNumber(const QString &input);
    static Result<QString> serviceId(const QString &input, const QString &field = QStringLiteral("service_id"));
    static Result<QString> callId(const QString &input);
    static Result<quint64> sipResourceId(const QString &input);
    // All Create fields at once; the first error names its API field.
    static Result<NewVoiceService> newService(const QString &name, const QString &mediaId, const QString &digit,
                                              const QString &redirectNumber);
};

} // namespace vc
