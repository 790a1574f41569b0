#include "accounts/profile.h"
#include "accounts/secretstore.h"
#include "support/memorysecretbackend.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace vc;
using vc::test::MemoryBackend;

class TestSecretStore : public QObject
{
    Q_OBJECT

    SecretResult wait(SecretStore &store, const std::function<void(std::function<void(SecretResult)>)> &start)
    {
        std::optional<SecretResult> result;
        start([&result](const SecretResult &r) { result = r; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 30000))
            qFatal("secret store gave no answer");
        return *result;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void watchdogAbandonsAJobThatNeverAnswers()
    {
        auto backend = std::make_unique<MemoryBackend>();
        backend->setBehaviour(MemoryBackend::Behaviour::NeverAnswers);
        SecretStore store(std::move(backend));
        store.setTimeoutMs(300);
        QSignalSpy failed(&store, &SecretStore::keychainFailed);
        QElapsedTimer timer;
        timer.start();
        const SecretResult r = wait(store, [&](auto done) { store.read(QStringLiteral("profile/x"), this, done); });
        QCOMPARE(r.error().status, SecretError::Status::TimedOut);
        QVERIFY(r.message().contains(QStringLiteral("did not answer")));
        QVERIFY(timer.elapsed() >= 250); // coarse timers may fire up to 5% early
        QVERIFY(timer.elapsed() < 5000);
        QCOMPARE(failed.count(), 1);
    }

    void unavailableKeychainIsReportedAndSessionMemoryServes()
    {
        auto backend = std::make_unique<MemoryBackend>();
        backend->setBehaviour(MemoryBackend::Behaviour::Unavailable);
        SecretStore store(std::move(backend));
        const SecretResult w = wait(store, [&](auto done) { store.write(QStringLiteral("k"), QStringLiteral("v"), this, done); });
        QCOMPARE(w.error().status, SecretError::Status::Unavailable);
        QVERIFY(!store.sessionOnly());
        store.keepForSession(QStringLiteral("k"), QStringLiteral("v"));
        QVERIFY(store.sessionOnly());
        const SecretResult r = wait(store, [&](auto done) { store.read(QStringLiteral("k"), this, done); });
        QVERIFY(r.ok());
        QCOMPARE(r.value(), QStringLiteral("v"));
    }

    void missingEntryIsNotFound()
    {
        SecretStore store(std::make_unique<MemoryBackend>());
        const SecretResult r = wait(store, [&](auto done) { store.read(QStringLiteral("none"), this, done); });
        QCOMPARE(r.error().status, SecretError::Status::NotFound);
    }

    // The real QtKeychain against a real Secret Service (gnome-keyring in a private D-Bus session), or,
    // with no session bus at all, a fast and clear failure instead of a hang.
    void realKeychainRoundTripOrFastFailure()
    {
        SecretStore store(std::make_unique<KeychainBackend>(QStringLiteral("voice-console-test")));
        store.setTimeoutMs(10000);
        const QString key = QStringLiteral("profile/test-%1").arg(QCoreApplication::applicationPid());
        const QString secret = QStringLiteral("eyJhbGciOiJSUzI1NiJ9.") + QString(1500, u'k') + QStringLiteral(".sig");
        QElapsedTimer timer;
        timer.start();
        const SecretResult w = wait(store, [&](auto done) { store.write(key, secret, this, done); });
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
            QCOMPARE(w.error().status, SecretError::Status::Unavailable);
            QVERIFY(!w.message().isEmpty());
            QVERIFY2(timer.elapsed() < 5000, "no session bus must fail fast, not hang");
            return;
        }
        QVERIFY2(w.ok(), qPrintable(w.message()));
        const SecretResult r = wait(store, [&](auto done) { store.read(key, this, done); });
        QVERIFY2(r.ok(), qPrintable(r.message()));
        QCOMPARE(r.value(), secret); // a JWT-sized key survives whole
        const SecretResult d = wait(store, [&](auto done) { store.remove(key, this, done); });
        QVERIFY2(d.ok(), qPrintable(d.message()));
        const SecretResult gone = wait(store, [&](auto done) { store.read(key, this, done); });
        QCOMPARE(gone.error().status, SecretError::Status::NotFound);
    }

    void profilesNeverHoldSecrets()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        ProfileStore store(&settings);
        Profile p;
        p.name = QStringLiteral("Prod");
        p.apiUrl = QUrl(QStringLiteral("https://api.exolve.ru"));
        const Profile saved = store.save(p);
        QVERIFY(!saved.id.isEmpty());
        QCOMPARE(store.find(QStringLiteral("prod"))->id, saved.id);
        QCOMPARE(store.find(saved.id)->apiUrl, p.apiUrl);
        store.setLastProfileId(saved.id);
        QCOMPARE(store.lastProfileId(), saved.id);
        store.remove(saved.id);
        QVERIFY(store.profiles().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
