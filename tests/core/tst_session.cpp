// The session: whichever provider is active, switching away leaves no secret in either client.
#include "accounts/session.h"
#include "exolve/exolveclient.h"
#include "legacy/legacyclient.h"

#include <QTest>

using namespace vc;

class TestSession : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void deactivateClearsBothProvidersSecrets()
    {
        Session session;
        Profile legacy;
        legacy.id = QStringLiteral("l");
        legacy.name = QStringLiteral("Legacy");
        legacy.provider = Profile::Provider::IntegrationApi;
        legacy.login = QStringLiteral("operator");
        session.activate(legacy, QStringLiteral("secret-password"));
        QVERIFY(!session.legacy()->configurationError());
        session.deactivate();
        QVERIFY(!session.isActive());
        QVERIFY(session.legacy()->configurationError()); // no login or password any more
        QVERIFY(session.exolve()->configurationError());
    }

    void switchingToExolveClearsTheLegacyPassword()
    {
        Session session;
        Profile legacy;
        legacy.id = QStringLiteral("l");
        legacy.provider = Profile::Provider::IntegrationApi;
        legacy.login = QStringLiteral("operator");
        session.activate(legacy, QStringLiteral("secret-password"));
        Profile exolve;
        exolve.id = QStringLiteral("e");
        exolve.apiUrl = QUrl(QStringLiteral("https://api.exolve.ru"));
        session.activate(exolve, QStringLiteral("key-1234"));
        QVERIFY(session.legacy()->configurationError());
        QCOMPARE(session.endpoint(), QUrl(QStringLiteral("https://api.exolve.ru")));
    }

    void endpointIsTheActiveProvidersAddress()
    {
        Session session;
        QVERIFY(session.endpoint().isEmpty());
        Profile legacy;
        legacy.id = QStringLiteral("l");
        legacy.provider = Profile::Provider::IntegrationApi;
        legacy.login = QStringLiteral("operator");
        session.activate(legacy, QStringLiteral("secret-password"));
        QCOMPARE(session.endpoint(), LegacyClient::defaultBaseUrl());
    }
};

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
