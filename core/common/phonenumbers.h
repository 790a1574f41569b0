#pragma once

#include <QString>

#include <optional>

namespace vc {

// libphonenumber behind a Qt-typed wall.
class PhoneNumbers final
{
public:
    // A valid number in any common notation ("+7 (926) 999-99-99", "8 926 999 99 99") becomes the
    // digits of its E.164 form without '+', as the API wants them ("79269999999"); nullopt otherwise.
    // The common Russian mobile notations skip libphonenumber's parser (most of its cost): their parse is
    // plain, and tst_phonenumbers proves the result equals normaliseByLibrary's for every form it takes.
    static std::optional<QString> normalise(const QString &input, const QString &defaultRegion = QStringLiteral("RU"));
    // libphonenumber alone: parse, validate, format. The reference for the above and the benchmarks' floor.
    static std::optional<QString> normaliseByLibrary(const QString &input,
                                                     const QString &defaultRegion = QStringLiteral("RU"));
};

} // namespace vc
