#include "common/language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLoggingCategory>
#include <QTranslator>

#include <memory>

namespace vc {

namespace {
Q_LOGGING_CATEGORY(lcI18n, "vc.i18n")

std::unique_ptr<QTranslator> s_product;
std::unique_ptr<QTranslator> s_qt;
QString s_current = QStringLiteral("en");
} // namespace

QString Language::resolve(const QString &requested)
{
    if (isSupported(requested))
        return requested.trimmed().toLower();
    // QLocale::system() reads LC_ALL, LC_MESSAGES and LANG; LANGUAGE is checked first, as gettext does.
    const QString language = qEnvironmentVariable("LANGUAGE");
    if (language.startsWith(QLatin1String("ru")))
        return QStringLiteral("ru");
    if (!language.isEmpty() && !language.startsWith(QLatin1String("C")))
        return QStringLiteral("en");
    return QLocale::system().language() == QLocale::Russian ? QStringLiteral("ru") : QStringLiteral("en");
}

bool Language::isSupported(const QString &requested)
{
    const QString lang = requested.trimmed().toLower();
    return lang == QLatin1String("ru") || lang == QLatin1String("en");
}

bool Language::install(const QString &language)
{
    auto *app = QCoreApplication::instance();
    if (!app)
        return false;
    for (auto *old : {s_product.get(), s_qt.get()}) {
        if (old)
            QCoreApplication::removeTranslator(old);
    }
    s_product = std::make_unique<QTranslator>();
    s_qt = std::make_unique<QTranslator>();
    bool ok = s_product->load(QStringLiteral(":/i18n/voice-console_%1.qm").arg(language));
    if (ok)
        QCoreApplication::installTranslator(s_product.get());
    else
        qCWarning(lcI18n) << "no translation for" << language;
    if (language != QLatin1String("en") &&
        s_qt->load(QStringLiteral("qtbase_%1").arg(language), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(s_qt.get());
    s_current = language;
    QLocale::setDefault(QLocale(language == QLatin1String("ru") ? QLocale::Russian : QLocale::English,
                                language == QLatin1String("ru") ? QLocale::Russia : QLocale::UnitedStates));
    return ok;
}

QString Language::current()
{
    return s_current;
}

} // namespace vc
