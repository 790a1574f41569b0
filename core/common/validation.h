#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QString>

namespace vc {

// Checks of fields both providers share, run before any request: by the CLI as it parses and by the GUI
// as the operator types. A failed check is an ApiError of kind Validation naming the field.
class Validation final
{
    Q_DECLARE_TR_FUNCTIONS(Validation)
public:
    // A phone number in any notation, normalised with libphonenumber (default region RU).
    static Result<QString> phoneNumber(const QString &input, const QString &field = QStringLiteral("number"));
    // An opaque id made of printable ASCII without spaces (service and call ids).
    static Result<QString> identifier(const QString &input, const QString &field, const QString &emptyMessage,
                                      const QString &badMessage);
    // A whole number from min to 2^64-1 typed by a person.
    static Result<quint64> uint64(const QString &input, const QString &field, const QString &message, quint64 min = 0);
};

} // namespace vc
