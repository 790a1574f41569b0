#pragma once

#include <QLocale>
#include <QString>

class QCoreApplication;

namespace vc {

// Loads the product's and Qt's own translations for a language. The product's come embedded under
// :/i18n; Qt's (standard buttons and dialogs) from the Qt installation. Calling it again switches.
class Language final
{
public:
    // "ru" or "en"; anything else (or empty) follows the system locale, falling back to English.
    static QString resolve(const QString &requested);
    // Whether `requested` names a language the product speaks (ru, en).
    static bool isSupported(const QString &requested);
    static bool install(const QString &language);
    static QString current();
};

} // namespace vc
