#include "common/validation.h"

#include "common/checks.h"
#include "common/jsoncodec.h"
#include "common/phonenumbers.h"

namespace vc {

Result<QString> Validation::phoneNumber(const QString &input, const QString &field)
{
    if (input.trimmed().isEmpty())
        return validationError(field, tr("Enter a phone number."));
    if (const auto normalised = PhoneNumbers::normalise(input))
        return *normalised;
    return validationError(field, tr("\"%1\" is not a valid phone number. Use the international form, e.g. +7 926 999-99-99.")
                                      .arg(checks::elided(input.trimmed())));
}

Result<QString> Validation::identifier(const QString &input, const QString &field, const QString &emptyMessage,
                                       const QString &badMessage)
{
    const QString id = input.trimmed();
    if (id.isEmpty())
        return validationError(field, emptyMessage);
    for (const QChar c : id) {
        if (c.isSpace() || c.unicode() < 0x20 || c.unicode() > 0x7e)
            return validationError(field, badMessage);
    }
    if (id.size() > 128)
        return validationError(field, badMessage);
    return id;
}

Result<quint64> Validation::uint64(const QString &input, const QString &field, const QString &message, quint64 min)
{
    const auto value = json::parseUInt64Text(input.trimmed());
    if (!value || *value < min)
        return validationError(field, message);
    return *value;
}

} // namespace vc
