#include "exolve/exolveerrors.h"
#include "common/language.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace vc;

class TestTranslations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void russianCatalogueIsEmbeddedAndUsed()
    {
        QVERIFY(QFile::exists(QStringLiteral(":/i18n/voice-console_ru.qm")));
        QVERIFY(QFile::exists(QStringLiteral(":/i18n/voice-console_en.qm")));
        QVERIFY(Language::install(QStringLiteral("ru")));
        const QString ru = ExolveErrors::explainHttp(ExolveMethod::CreateService, 403, QString());
        QVERIFY2(ru.contains(QRegularExpression(QStringLiteral("[А-Яа-я]"))), qPrintable(ru));
        QVERIFY(Language::install(QStringLiteral("en")));
        const QString en = ExolveErrors::explainHttp(ExolveMethod::CreateService, 403, QString());
        QVERIFY(en.contains(QStringLiteral("account is not active")));
    }

    void languageResolution()
    {
        QCOMPARE(Language::resolve(QStringLiteral("RU")), QStringLiteral("ru"));
        QCOMPARE(Language::resolve(QStringLiteral("en")), QStringLiteral("en"));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
