// Typed settings: every key in one place, defaults, round trips, and one file for the GUI and the CLI.
#include "accounts/profile.h"
#include "accounts/settings.h"
#include "common/paths.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QTest>

using namespace vc;

class TestSettings : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void valuesHaveTypesAndDefaults()
    {
        QSettings store(m_dir.filePath(QStringLiteral("a.ini")), QSettings::IniFormat);
        Settings settings(&store);
        QCOMPARE(settings.notifyWhenCallEnds().get(), true);
        QCOMPARE(settings.lastPage().get(), 0);
        QVERIFY(settings.recentSources().get().isEmpty());
        settings.notifyWhenCallEnds() = false;
        settings.lastPage() = 3;
        settings.recentSources() = QStringList{QStringLiteral("74959999999"), QStringLiteral("74957722345")};
        settings.windowGeometry() = QByteArray("\x01\x02\x00\x03", 4);
        store.sync();
        QSettings reread(m_dir.filePath(QStringLiteral("a.ini")), QSettings::IniFormat);
        const Settings again(&reread);
        QCOMPARE(again.notifyWhenCallEnds().get(), false);
        QCOMPARE(again.lastPage().get(), 3);
        QCOMPARE(again.recentSources().get().size(), 2);
        QCOMPARE(again.windowGeometry().get(), QByteArray("\x01\x02\x00\x03", 4));
    }

    void theProfileStoreKeepsTheLastProfileInTheSameKey()
    {
        QSettings store(m_dir.filePath(QStringLiteral("b.ini")), QSettings::IniFormat);
        ProfileStore profiles(&store);
        profiles.setLastProfileId(QStringLiteral("p-42"));
        QCOMPARE(Settings(&store).lastProfile().get(), QStringLiteral("p-42"));
    }

    // voicectl names the desktop app's file itself; both must land on the same one.
    void cliAndGuiOpenTheSameFile()
    {
        QCoreApplication::setOrganizationName(QLatin1String(paths::kOrganization));
        QCoreApplication::setApplicationName(QLatin1String(paths::kApplication));
        const QSettings gui;
        QCoreApplication::setApplicationName(QStringLiteral("voicectl"));
        QCOMPARE(Settings::openShared()->fileName(), gui.fileName());
    }
};

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
