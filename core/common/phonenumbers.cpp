#include "common/phonenumbers.h"

#include <phonenumbers/phonenumberutil.h>

namespace vc {

std::optional<QString> PhoneNumbers::normalise(const QString &input, const QString &defaultRegion)
{
    using i18n::phonenumbers::PhoneNumber;
    using i18n::phonenumbers::PhoneNumberUtil;
    const QString trimmed = input.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > 64)
        return std::nullopt;
    const PhoneNumberUtil *util = PhoneNumberUtil::GetInstance();
    PhoneNumber number;
    if (util->Parse(trimmed.toStdString(), defaultRegion.toStdString(), &number) != PhoneNumberUtil::NO_PARSING_ERROR)
        return std::nullopt;
    if (!util->IsValidNumber(number))
        return std::nullopt;
    std::string e164;
    util->Format(number, PhoneNumberUtil::E164, &e164);
    QString digits = QString::fromStdString(e164);
    if (digits.startsWith(u'+'))
        digits.remove(0, 1);
    return digits;
}

} // namespace vc
