#include "calls/callhistory.h"
#include "campaigns/campaigncontroller.h"
#include "campaigns/campaignjournal.h"
#include "campaigns/campaignplanner.h"
#include "campaigns/sendingwindow.h"
#include "common/validation.h"
#include "exolve/exolveerrors.h"
#include "exolve/exolvevalidation.h"
#include "legacy/legacyerrors.h"
#include "legacy/legacytypes.h"
#include "legacy/legacyvalidation.h"
#include "common/language.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QBuffer>
#include <QTemporaryDir>
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

    // A tr() context that lupdate reads differently from the one the code asks for at run time leaves
    // the text in English: every catalogue of the core is asked once, in Russian.
    void everyCoreCatalogueSpeaksRussian()
    {
        QVERIFY(Language::install(QStringLiteral("ru")));
        const QRegularExpression cyrillic(QStringLiteral("[А-Яа-я]"));
        const QStringList texts = {
            ErrorCatalog::malformed(),
            ErrorCatalog::explainStatus(503),
            ExolveErrors::explainHttp(ExolveMethod::SipAttributes, 500, QStringLiteral("does not own")),
            LegacyErrors::explainCode(5, {}),
            LegacyErrors::explainHttp(302),
            Validation::phoneNumber(QStringLiteral("12")).message(),
            ExolveValidation::mediaId(QStringLiteral("19x")).message(),
            ExolveValidation::redirectNumber(QStringLiteral("12345678")).message(),
            LegacyValidation::fileId(QStringLiteral("x")).message(),
            LegacyValidation::gap(5000).message(),
            LegacyState::name(2),
            CampaignController::stateName(CampaignController::State::WaitingForWindow),
            [] {
                QString why;
                SendingWindow::parse(QStringLiteral("9-5"), &why);
                return why;
            }(),
            [] {
                CampaignJournal j;
                return j.open(QStringLiteral("/nonexistent/x.journal")).error().message;
            }(),
            [] {
                QBuffer empty;
                empty.open(QIODevice::ReadOnly);
                QTemporaryDir dir;
                CampaignJournal j;
                if (!j.create(dir.filePath(QStringLiteral("t.journal")), {}))
                    return QStringLiteral("the journal could not be made");
                return CampaignPlanner::plan(&empty, {}, &j).error();
            }(),
            [] {
                CallHistory closed;
                return closed.save({}).error().message;
            }(),
        };
        for (const QString &text : texts)
            QVERIFY2(text.contains(cyrillic), qPrintable(text));
        QVERIFY(Language::install(QStringLiteral("en")));
    }

    void languageResolution()
    {
        QCOMPARE(Language::resolve(QStringLiteral("RU")), QStringLiteral("ru"));
        QCOMPARE(Language::resolve(QStringLiteral("en")), QStringLiteral("en"));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
