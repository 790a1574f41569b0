#include "common/phonenumbers.h"

#include <phonenumbers/phonenumberutil.h>

namespace vc {

namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

std::optional<QString> validE164(const PhoneNumber &number)
{
    const PhoneNumberUtil *util = PhoneNumberUtil::GetInstance();
    if (!util->IsValidNumber(number))
        return std::nullopt;
    std::string e164;
    util->Format(number, PhoneNumberUtil::E164, &e164);
    QString digits = QString::fromStdString(e164);
    if (digits.startsWith(u'+'))
        digits.remove(0, 1);
    return digits;
}

// The national significant number of a Russian mobile number written in one of the notations an operator's
// file holds: "+7 (9XX) XXX-XX-XX", "8 9XX XXX XX XX", "79XXXXXXXXX", "9XXXXXXXXX" -- a '+' only first,
// ASCII digits, and spaces, hyphens and parentheses between them, ending with a digit. For these
// libphonenumber's parse (with region RU) only drops the separators, the country code 7 or the national
// prefix 8: the ten digits that start with 9 are the number (RU's national prefix for parsing is 8; its
// numbers are ten digits). Anything else returns 0 and goes the library's whole way.
quint64 russianMobile(const QString &text)
{
    if (text.isEmpty() || text.size() > 32)
        return 0;
    char digits[12];
    int n = 0;
    const auto ascii = [](QChar c) { return c.unicode() >= u'0' && c.unicode() <= u'9'; };
    const bool plus = text.front() == u'+';
    if ((!plus && !ascii(text.front())) || !ascii(text.back()))
        return 0;
    for (qsizetype i = plus ? 1 : 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if (c >= u'0' && c <= u'9') {
            if (n == 11)
                return 0;
            digits[n++] = char(c);
        } else if (c != u' ' && c != u'-' && c != u'(' && c != u')') {
            return 0;
        }
    }
    const char *nsn = nullptr;
    if (n == 11 && digits[0] == '7' && digits[1] == '9')
        nsn = digits + 1; // +7 9XX..., or 7 9XX... (the country code written without '+')
    else if (n == 11 && !plus && digits[0] == '8' && digits[1] == '9')
        nsn = digits + 1; // 8 9XX...: the national prefix
    else if (n == 10 && !plus && digits[0] == '9')
        nsn = digits; // 9XX...: the national significant number alone
    if (!nsn)
        return 0;
    quint64 value = 0;
    for (int i = 0; i < 10; ++i)
        value = value * 10 + quint64(nsn[i] - '0');
    return value;
}

} // namespace

std::optional<QString> PhoneNumbers::normalise(const QString &input, const QString &defaultRegion)
{
    if (defaultRegion == QLatin1String("RU")) {
        if (const quint64 nsn = russianMobile(input.trimmed())) {
            PhoneNumber number;
            number.set_country_code(7);
            number.set_national_number(nsn);
            return validE164(number);
        }
    }
    return normaliseByLibrary(input, defaultRegion);
}

std::optional<QString> PhoneNumbers::normaliseByLibrary(const QString &input, const QString &defaultRegion)
{
    const QString trimmed = input.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > 64)
        return std::nullopt;
    PhoneNumber number;
    if (PhoneNumberUtil::GetInstance()->Parse(trimmed.toStdString(), defaultRegion.toStdString(), &number) !=
        PhoneNumberUtil::NO_PARSING_ERROR)
        return std::nullopt;
    return validE164(number);
}

} // namespace vc
