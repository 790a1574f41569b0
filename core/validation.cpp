#include "validation.h"

#include <algorithm>
#include <cmath>

#include "jsoncodec.h"
#include "phonenumbers.h"

namespace vc {

Checked<QString> Validation::serviceName(const QString &input)
{
    const QString name = input.trimmed();
    if (name.isEmpty())
        return {std::nullopt, tr("Enter a name for the service.")};
    if (name.size() > 255)
        return {std::nullopt, tr("The name is too long (at most 255 characters).")};
    return {name, {}};
}

Checked<quint64> Validation::mediaId(const QString &input)
{
    const QString text = input.trimmed();
    if (text.isEmpty())
        return {std::nullopt, tr("Enter the media_id of the audio file.")};
    const auto value = json::parseUInt64Text(text);
    if (!value || *value == 0)
        return {std::nullopt, tr("media_id must be a whole number from 1 to 18446744073709551615.")};
    return {*value, {}};
}

Checked<quint32> Validation::digit(const QString &input)
{
    const QString text = input.trimmed();
    if (text.isEmpty())
        return {0u, {}};
    if (text.size() == 1 && text.at(0).isDigit() && text.at(0).unicode() < 128)
        return {quint32(text.at(0).unicode() - u'0'), {}};
    return {std::nullopt, tr("The redirect digit must be a single digit from 0 to 9.")};
}

Checked<QString> Validation::redirectNumber(const QString &input)
{
    const QString text = input.trimmed();
    if (text.isEmpty())
        return {std::nullopt, tr("Enter the number to redirect the call to.")};
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
        return {std::nullopt, tr("The redirect number may contain only digits and a leading +.")};
    if (candidate.size() < 9 || candidate.size() > 14)
        return {std::nullopt, tr("The redirect number must be 9 to 14 characters long (now %1).").arg(candidate.size())};
    return {candidate, {}};
}

Checked<QString> Validation::phoneNumber(const QString &input)
{
    if (input.trimmed().isEmpty())
        return {std::nullopt, tr("Enter a phone number.")};
    if (const auto normalised = PhoneNumbers::normalise(input))
        return {*normalised, {}};
    return {std::nullopt, tr("\"%1\" is not a valid phone number. Use the international form, e.g. +7 926 999-99-99.")
                              .arg(elided(input.trimmed()))};
}

namespace {
Checked<QString> identifier(const QString &input, const QString &emptyMessage, const QString &badMessage)
{
    const QString id = input.trimmed();
    if (id.isEmpty())
        return {std::nullopt, emptyMessage};
    for (const QChar c : id) {
        if (c.isSpace() || c.unicode() < 0x20 || c.unicode() > 0x7e)
            return {std::nullopt, badMessage};
    }
    if (id.size() > 128)
        return {std::nullopt, badMessage};
    return {id, {}};
}
} // namespace

Checked<QString> Validation::serviceId(const QString &input)
{
    return identifier(input, tr("Enter a service id."), tr("The service id may not contain spaces or special characters."));
}

Checked<QString> Validation::callId(const QString &input)
{
    return identifier(input, tr("Enter a call id."), tr("The call id may not contain spaces or special characters."));
}

Checked<quint64> Validation::sipResourceId(const QString &input)
{
    const auto value = json::parseUInt64Text(input.trimmed());
    if (!value)
        return {std::nullopt, tr("The SIP resource id must be a whole number from 0 to 18446744073709551615.")};
    return {*value, {}};
}

std::optional<NewVoiceService> Validation::newService(const QString &name, const QString &mediaIdText,
                                                      const QString &digitText, const QString &redirect,
                                                      QString *field, QString *error)
{
    const auto n = serviceName(name);
    const auto m = mediaId(mediaIdText);
    const auto d = digit(digitText);
    const auto r = redirectNumber(redirect);
    const std::pair<const char *, QString> failures[] = {
        {"name", n.error}, {"media_id", m.error}, {"digit", d.error}, {"redirect_number", r.error}};
    for (const auto &[key, message] : failures) {
        if (!message.isEmpty()) {
            *field = QLatin1String(key);
            *error = message;
            return std::nullopt;
        }
    }
    return NewVoiceService{*n.value, *m.value, *d.value, *r.value};
}

} // namespace vc

namespace vc {

bool Validation::hasControlCharacters(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) {
        return c.unicode() < 0x20 || (c.unicode() >= 0x7f && c.unicode() <= 0x9f);
    });
}

std::optional<double> Validation::finiteNumber(const QString &text)
{
    bool ok = false;
    const double v = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(v))
        return std::nullopt;
    return v;
}

QString Validation::elided(const QString &input, qsizetype max)
{
    if (input.size() <= max)
        return input;
    return input.left(max) + QStringLiteral("… (%1 characters)").arg(input.size());
}

} // namespace vc
