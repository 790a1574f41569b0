#include "exolve/exolvevalidation.h"

#include "common/phonenumbers.h"
#include "common/validation.h"

namespace vc {

Result<QString> ExolveValidation::serviceName(const QString &input)
{
    const QString name = input.trimmed();
    if (name.isEmpty())
        return validationError(QStringLiteral("name"), tr("Enter a name for the service."));
    if (name.size() > 255)
        return validationError(QStringLiteral("name"), tr("The name is too long (at most 255 characters)."));
    return name;
}

Result<quint64> ExolveValidation::mediaId(const QString &input)
{
    if (input.trimmed().isEmpty())
        return validationError(QStringLiteral("media_id"), tr("Enter the media_id of the audio file."));
    return Validation::uint64(input, QStringLiteral("media_id"),
                              tr("media_id must be a whole number from 1 to 18446744073709551615."), 1);
}

Result<quint32> ExolveValidation::digit(const QString &input)
{
    const QString text = input.trimmed();
    if (text.isEmpty())
        return 0u;
    if (text.size() == 1 && text.at(0).isDigit() && text.at(0).unicode() < 128)
        return quint32(text.at(0).unicode() - u'0');
    return validationError(QStringLiteral("digit"), tr("The redirect digit must be a single digit from 0 to 9."));
}

Result<QString> ExolveValidation::redirectNumber(const QString &input)
{
    const QString field = QStringLiteral("redirect_number");
    const QString text = input.trimmed();
    if (text.isEmpty())
        return validationError(field, tr("Enter the number to redirect the call to."));
    QString candidate = text;
    // A full phone number in any notation is normalised; a short or service number typed as bare digits
    // is kept as typed.
    if (const auto normalised = PhoneNumbers::normalise(text))
        candidate = *normalised;
    bool digitsOnly = !candidate.isEmpty();
    for (qsizetype i = 0; i < candidate.size(); ++i) {
        const QChar c = candidate.at(i);
        if (!(c >= u'0' && c <= u'9') && !(i == 0 && c == u'+'))
            digitsOnly = false;
    }
    if (!digitsOnly)
        return validationError(field, tr("The redirect number may contain only digits and a leading +."));
    if (candidate.size() < 9 || candidate.size() > 14)
        return validationError(field, tr("The redirect number must be 9 to 14 characters long (now %1).").arg(candidate.size()));
    return candidate;
}

Result<QString> ExolveValidation::serviceId(const QString &input, const QString &field)
{
    return Validation::identifier(input, field, tr("Enter a service id."),
                                  tr("The service id may not contain spaces or special characters."));
}

Result<QString> ExolveValidation::callId(const QString &input)
{
    return Validation::identifier(input, QStringLiteral("call_id"), tr("Enter a call id."),
                                  tr("The call id may not contain spaces or special characters."));
}

Result<quint64> ExolveValidation::sipResourceId(const QString &input)
{
    return Validation::uint64(input, QStringLiteral("sip_resource_id"),
                              tr("The SIP resource id must be a whole number from 0 to 18446744073709551615."));
}

Result<NewVoiceService> ExolveValidation::newService(const QString &name, const QString &mediaIdText,
                                                     const QString &digitText, const QString &redirect)
{
    const auto n = serviceName(name);
    if (!n)
        return n.error();
    const auto m = mediaId(mediaIdText);
    if (!m)
        return m.error();
    const auto d = digit(digitText);
    if (!d)
        return d.error();
    const auto r = redirectNumber(redirect);
    if (!r)
        return r.error();
    return NewVoiceService{n.value(), m.value(), d.value(), r.value()};
}

} // namespace vc
