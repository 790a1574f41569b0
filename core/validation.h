#pragma once

#include "exolvetypes.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace vc {

// The outcome of checking one field: the normalised value, or a translated message.
template <typename T>
struct Checked
{
    std::optional<T> value;
    QString error;
    bool ok() const { return value.has_value(); }
};

// Field checks run before any request, by the CLI as it parses and by the GUI as the operator types.
class Validation final
{
    Q_DECLARE_TR_FUNCTIONS(Validation)
public:
    static Checked<QString> serviceName(const QString &input);
    static Checked<quint64> mediaId(const QString &input);
    static Checked<quint32> digit(const QString &input); // empty means the default, 0
    static Checked<QString> redirectNumber(const QString &input);
    static Checked<QString> phoneNumber(const QString &input);
    static Checked<QString> serviceId(const QString &input);
    static Checked<QString> callId(const QString &input);
    static Checked<quint64> sipResourceId(const QString &input);

    // A secret or a header value with these could add request headers or rewrite a terminal.
    static bool hasControlCharacters(const QString &text);
    // A number that is a number: NaN and infinities are refused wherever a float is read.
    static std::optional<double> finiteNumber(const QString &text);
    // Input echoed back in a message, cut to a readable length.
    static QString elided(const QString &input, qsizetype max = 64);

    // All Create fields at once; the first error names its API field.
    static std::optional<NewVoiceService> newService(const QString &name, const QString &mediaId, const QString &digit,
                                                     const QString &redirectNumber, QString *field, QString *error);
};

} // namespace vc
