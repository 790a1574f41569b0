// voicectl and voice-sandbox as separate processes, as an operator or a script uses them. (A hostile or
// broken server and hostile input: tst_voicectlhostile.)
#include "voicectlharness.h"

using namespace vc::test;

class TestVoicectl : public VoicectlHarness
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { startSandbox(); }
    void cleanupTestCase() { stopSandbox(); }
    void cleanup() { control("DELETE", QStringLiteral("/sandbox/faults")); }

    // Each program answers --version (and --help) without a display: what an installer's smoke test or
    // a packaging check over ssh runs.
    void everyProgramAnswersVersionWithoutADisplay()
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
            e.remove(QLatin1String(name));
        for (const char *program : {VOICE_CONSOLE_PATH, VOICECTL_PATH, VOICE_SANDBOX_PATH}) {
            const Run r = vc::test::runProcess(QString::fromLocal8Bit(program), {QStringLiteral("--version")}, e);
            QVERIFY2(r.code == 0, program);
            QVERIFY2(r.out.trimmed().endsWith(QStringLiteral(" " VC_VERSION)), qPrintable(r.out + r.err));
        }
        const Run help = vc::test::runProcess(QStringLiteral(VOICE_CONSOLE_PATH), {QStringLiteral("--help")}, e);
        QCOMPARE(help.code, 0);
        QVERIFY(help.out.contains(QStringLiteral("--sandbox")));
        // voicectl's help in the language asked for: the description and the options, not only Qt's words
        // (they were written before the translation was loaded).
        const Run ru = vc::test::runProcess(QStringLiteral(VOICECTL_PATH), {QStringLiteral("--lang"), QStringLiteral("ru"), QStringLiteral("--help")}, e);
        QCOMPARE(ru.code, 0);
        QVERIFY2(ru.out.contains(QStringLiteral("командная строка")), qPrintable(ru.out.left(300)));
        QVERIFY(ru.out.contains(QStringLiteral("по умолчанию 10")));
        const Run en = vc::test::runProcess(QStringLiteral(VOICECTL_PATH), {QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--help")}, e);
        QVERIFY(en.out.contains(QStringLiteral("Voice Console command line")));
    }

    void servicesListTable()
    {
        const Run r = voicectl({QStringLiteral("services"), QStringLiteral("list")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith(QStringLiteral("ID")));
        QVERIFY(r.out.contains(QStringLiteral("Напоминание о записи к врачу")));
        QVERIFY(r.out.contains(kService));
        QVERIFY(r.err.isEmpty());
    }

    void servicesListJsonIsOneArray()
    {
        const Run r = voicectl({QStringLiteral("-o"), QStringLiteral("json"), QStringLiteral("services"), QStringLiteral("list")});
        QCOMPARE(r.code, 0);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QVERIFY(doc.isArray());
        QVERIFY(doc.array().size() >= 4);
        const QJsonObject first = doc.array().at(0).toObject();
        QVERIFY(first.value(QStringLiteral("id")).isString());
        QVERIFY(first.contains(QStringLiteral("name")));
        QVERIFY(first.contains(QStringLiteral("created_at")));
    }

    void servicesShowJsonUsesApiFieldNames()
    {
        const Run r = voicectl({QStringLiteral("-o"), QStringLiteral("json"), QStringLiteral("services"), QStringLiteral("show"), kService});
        QCOMPARE(r.code, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("media_id")).toString(), QStringLiteral("1979"));
        QCOMPARE(o.value(QStringLiteral("digit")).toInt(), 5);
        QCOMPARE(o.value(QStringLiteral("redirect_number")).toString(), QStringLiteral("79269999999"));
    }

    void createValidatesBeforeSending()
    {
        const int before = requests(QStringLiteral("voice-message/v1/Create"));
        const Run r = voicectl({QStringLiteral("services"), QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("x"),
                                QStringLiteral("--media-id"), QStringLiteral("1967"), QStringLiteral("--digit"), QStringLiteral("10"),
                                QStringLiteral("--redirect-number"), QStringLiteral("79269999999")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QStringLiteral("digit")));
        QVERIFY(r.out.isEmpty());
        const Run blank = voicectl({QStringLiteral("services"), QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("  "),
                                    QStringLiteral("--media-id"), QStringLiteral("1967"), QStringLiteral("--redirect-number"),
                                    QStringLiteral("79269999999")});
        QCOMPARE(blank.code, 2);
        QCOMPARE(requests(QStringLiteral("voice-message/v1/Create")), before);
    }

    void createThenDelete()
    {
        const Run created = voicectl({QStringLiteral("-o"), QStringLiteral("json"), QStringLiteral("services"), QStringLiteral("create"),
                                      QStringLiteral("--name"), QStringLiteral("E2E"), QStringLiteral("--media-id"), QStringLiteral("1967"),
                                      QStringLiteral("--redirect-number"), QStringLiteral("+7 (926) 999-99-99")});
        QCOMPARE(created.code, 0);
        const QString id = QJsonDocument::fromJson(created.out.toUtf8()).object().value(QStringLiteral("id")).toString();
        QVERIFY(!id.isEmpty());
        const Run refused = voicectl({QStringLiteral("services"), QStringLiteral("delete"), id});
        QCOMPARE(refused.code, 2); // stdin is not a terminal and there is no --yes
        QVERIFY(voicectl({QStringLiteral("services"), QStringLiteral("list")}).out.contains(id));
        const Run deleted = voicectl({QStringLiteral("-o"), QStringLiteral("json"), QStringLiteral("services"), QStringLiteral("delete"),
                                      id, QStringLiteral("no-such-id"), QStringLiteral("--yes")});
        QCOMPARE(deleted.code, 1);
        const QJsonArray results = QJsonDocument::fromJson(deleted.out.toUtf8()).array();
        QCOMPARE(results.size(), 2);
        QCOMPARE(results.at(0).toObject().value(QStringLiteral("deleted")).toBool(), true);
        QCOMPARE(results.at(1).toObject().value(QStringLiteral("deleted")).toBool(), false);
        QCOMPARE(results.at(1).toObject().value(QStringLiteral("http_status")).toInt(), 404);
        QVERIFY(!voicectl({QStringLiteral("services"), QStringLiteral("list")}).out.contains(id));
    }

    void createWithMissingAudioIsAnApiError()
    {
        const Run r = voicectl({QStringLiteral("services"), QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("x"),
                                QStringLiteral("--media-id"), QStringLiteral("31337"), QStringLiteral("--redirect-number"),
                                QStringLiteral("79269999999")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QStringLiteral("media_id does not exist")));
        QVERIFY(r.err.contains(QStringLiteral("error getting media resource")));
    }

    void callSendWaitFollowsToCompleted()
    {
        const Run r = voicectl({QStringLiteral("call"), QStringLiteral("send"), QStringLiteral("--source"), QStringLiteral("+7 495 999-99-99"),
                                QStringLiteral("--destination"), QStringLiteral("8 926 123 45 67"), QStringLiteral("--service"), kService,
                                QStringLiteral("--wait"), QStringLiteral("--interval"), QStringLiteral("0.2")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QStringLiteral("Call placed: cal")));
        QVERIFY(r.out.contains(QStringLiteral("ringing")));
        QVERIFY(r.out.contains(QStringLiteral("completed")));
        QVERIFY(r.out.contains(QStringLiteral("79261234567")));
    }

    void callSendWaitBusyExits4()
    {
        const Run r = voicectl({QStringLiteral("-o"), QStringLiteral("json"), QStringLiteral("call"), QStringLiteral("send"),
                                QStringLiteral("--source"), QStringLiteral("74959999999"), QStringLiteral("--destination"),
                                QStringLiteral("79261234500"), QStringLiteral("--service"), kService, QStringLiteral("--wait"),
                                QStringLiteral("--interval"), QStringLiteral("0.2")});
        QCOMPARE(r.code, 4);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("busy"));
        QVERIFY(o.value(QStringLiteral("call_id")).toString().startsWith(QStringLiteral("cal")));
    }

    void callStatusOfUnknownCallIsAnApiError()
    {
        const Run r = voicectl({QStringLiteral("call"), QStringLiteral("status"), QStringLiteral("cal-nope")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QStringLiteral("404")));
    }

    void callWith500AfterPlacingIsNotResent()
    {
        control("POST", QStringLiteral("/sandbox/faults"),
                R"({"rules":[{"endpoint":"call/v1/MakeVoiceMessage","kind":"place_then_500"}]})");
        const int before = callsPlaced();
        const Run r = voicectl({QStringLiteral("call"), QStringLiteral("send"), QStringLiteral("--source"), QStringLiteral("74959999999"),
                                QStringLiteral("--destination"), QStringLiteral("79261234567"), QStringLiteral("--service"), kService});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QStringLiteral("may have been placed")));
        QCOMPARE(callsPlaced(), before + 1);
    }

    void callCutOffIsNotResent()
    {
        control("POST", QStringLiteral("/sandbox/faults"),
                R"({"rules":[{"endpoint":"call/v1/MakeVoiceMessage","kind":"place_then_drop"}]})");
        const int before = callsPlaced();
        const Run r = voicectl({QStringLiteral("call"), QStringLiteral("send"), QStringLiteral("--source"), QStringLiteral("74959999999"),
                                QStringLiteral("--destination"), QStringLiteral("79261234567"), QStringLiteral("--service"), kService});
        QCOMPARE(r.code, 3);
        QVERIFY(r.err.contains(QStringLiteral("may have been placed")));
        QCOMPARE(callsPlaced(), before + 1);
    }

    void sipShowMasksThePassword()
    {
        const Run masked = voicectl({QStringLiteral("sip"), QStringLiteral("show"), QStringLiteral("5202")});
        QCOMPARE(masked.code, 0);
        QVERIFY(masked.out.contains(QStringLiteral("74995557890")));
        QVERIFY(!masked.out.contains(QStringLiteral(": pass")) && !masked.out.contains(QStringLiteral(" pass\n")));
        const Run json = voicectl({QStringLiteral("-o"), QStringLiteral("json"), QStringLiteral("sip"), QStringLiteral("show"), QStringLiteral("5202")});
        QCOMPARE(QJsonDocument::fromJson(json.out.toUtf8()).object().value(QStringLiteral("attributes")).toObject()
                     .value(QStringLiteral("password")).toString(), QStringLiteral("********"));
        const Run shown = voicectl({QStringLiteral("-o"), QStringLiteral("json"), QStringLiteral("sip"), QStringLiteral("show"),
                                    QStringLiteral("18446744073709551615"), QStringLiteral("--show-secrets")});
        QCOMPARE(shown.code, 0);
        const QJsonObject o = QJsonDocument::fromJson(shown.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("sip_resource_id")).toString(), QStringLiteral("18446744073709551615"));
        QCOMPARE(o.value(QStringLiteral("attributes")).toObject().value(QStringLiteral("password")).toString(), QStringLiteral("max-pass"));
        QCOMPARE(voicectl({QStringLiteral("sip"), QStringLiteral("show"), QStringLiteral("abc")}).code, 2);
    }

    void networkFailureExits3()
    {
        const Run r = voicectl({QStringLiteral("--api-url"), QStringLiteral("http://127.0.0.1:1"), QStringLiteral("services"), QStringLiteral("list")});
        QCOMPARE(r.code, 3);
        QVERIFY(r.err.contains(QStringLiteral("could not be reached")));
    }

    void usageErrorsExit2()
    {
        QCOMPARE(voicectl({QStringLiteral("services")}).code, 2);
        QCOMPARE(voicectl({QStringLiteral("services"), QStringLiteral("frobnicate")}).code, 2);
        QCOMPARE(voicectl({QStringLiteral("--bogus"), QStringLiteral("services"), QStringLiteral("list")}).code, 2);
        QCOMPARE(voicectl({QStringLiteral("-o"), QStringLiteral("xml"), QStringLiteral("services"), QStringLiteral("list")}).code, 2);
        const Run noKey = voicectl({QStringLiteral("services"), QStringLiteral("list")}, {{QStringLiteral("VOICE_API_KEY"), QString()}});
        QCOMPARE(noKey.code, 2);
        QVERIFY(noKey.err.contains(QStringLiteral("VOICE_API_KEY")));
        QCOMPARE(voicectl({QStringLiteral("--api-url"), QStringLiteral("http://example.com"), QStringLiteral("services"), QStringLiteral("list")}).code, 2);
        QCOMPARE(voicectl({QStringLiteral("call"), QStringLiteral("send"), QStringLiteral("--source"), QStringLiteral("123"),
                           QStringLiteral("--destination"), QStringLiteral("79261234567"), QStringLiteral("--service"), kService}).code, 2);
    }

    void wrongKeyIsExplained()
    {
        const Run r = voicectl({QStringLiteral("services"), QStringLiteral("list")}, {{QStringLiteral("VOICE_API_KEY"), QStringLiteral("wrong")}});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QStringLiteral("API key is not valid")));
        QVERIFY(r.err.contains(QStringLiteral("failed to parse token")));
    }

    void verboseLogsRequestsButNeverTheKey()
    {
        const Run r = voicectl({QStringLiteral("--verbose"), QStringLiteral("services"), QStringLiteral("list")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.err.contains(QStringLiteral("POST voice-message/v1/GetList -> 200")));
        QVERIFY(!r.err.contains(kKey));
        QVERIFY(!r.out.contains(kKey));
    }

    // The desktop app's profile and keychain entry serve voicectl too (this test runs inside a private
    // D-Bus session with an unlocked gnome-keyring and a throwaway HOME).
    void profileKeyComesFromTheKeychain()
    {
#ifndef Q_OS_LINUX
        QSKIP("needs the private keyring session of run-with-keyring.sh (Linux); elsewhere it would use the real keychain");
#endif
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"), "run through run-with-keyring.sh");
        QSettings settings(QSettings::NativeFormat, QSettings::UserScope, QStringLiteral("VoiceConsole"), QStringLiteral("voice-console"));
        QVERIFY2(settings.fileName().startsWith(qEnvironmentVariable("HOME")), "must not touch the real settings");
        vc::ProfileStore store(&settings);
        vc::Profile p;
        p.name = QStringLiteral("Staging");
        p.apiUrl = QUrl(m_url);
        p = store.save(p);
        vc::SecretStore secrets(std::make_unique<vc::KeychainBackend>());
        std::optional<vc::SecretResult> written;
        secrets.write(p.secretKey(), kKey, this, [&written](const vc::SecretResult &r) { written = r; });
        QTRY_VERIFY_WITH_TIMEOUT(written.has_value(), 15000);
        QVERIFY2(written->ok(), qPrintable(written->message()));

        const QMap<QString, QString> noEnv{{QStringLiteral("VOICE_API_KEY"), QString()}, {QStringLiteral("VOICE_API_URL"), QString()}};
        const Run r = voicectl({QStringLiteral("--profile"), QStringLiteral("staging"), QStringLiteral("services"), QStringLiteral("list")}, noEnv);
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(kService));
        const Run missing = voicectl({QStringLiteral("--profile"), QStringLiteral("nope"), QStringLiteral("services"), QStringLiteral("list")}, noEnv);
        QCOMPARE(missing.code, 2);
        QVERIFY(missing.err.contains(QStringLiteral("nope")));
        QFile file(settings.fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(kKey.toUtf8()));
    }

    void legacyBalanceSendAndWatch()
    {
        const QMap<QString, QString> env{{QStringLiteral("VOICE_LEGACY_URL"), m_url + QStringLiteral("/rest/")},
                                         {QStringLiteral("VOICE_LEGACY_LOGIN"), QStringLiteral("sandbox")},
                                         {QStringLiteral("VOICE_LEGACY_PASSWORD"), QStringLiteral("sandbox-password")}};
        const Run balance = voicectl({QStringLiteral("-o"), QStringLiteral("json"), QStringLiteral("legacy"), QStringLiteral("balance")}, env);
        QCOMPARE(balance.code, 0);
        QVERIFY(QJsonDocument::fromJson(balance.out.toUtf8()).object().value(QStringLiteral("balance")).toDouble() > 0);
        const Run sent = voicectl({QStringLiteral("-o"), QStringLiteral("json"), QStringLiteral("legacy"), QStringLiteral("send"),
                                   QStringLiteral("--source"), QStringLiteral("+7 495 772-23-45"), QStringLiteral("--destination"),
                                   QStringLiteral("8 916 123 45 67"), QStringLiteral("--file-id"), QStringLiteral("21"), QStringLiteral("--dtmf")}, env);
        QCOMPARE(sent.code, 0);
        const QString id = QJsonDocument::fromJson(sent.out.toUtf8()).object().value(QStringLiteral("messageId")).toString();
        QVERIFY(!id.isEmpty());
        const Run watched = voicectl({QStringLiteral("legacy"), QStringLiteral("state"), id, QStringLiteral("--watch"),
                                      QStringLiteral("--interval"), QStringLiteral("0.2")}, env);
        QCOMPARE(watched.code, 0);
        QVERIFY(watched.out.contains(QStringLiteral("listened")));
        const Run notListened = voicectl({QStringLiteral("-o"), QStringLiteral("json"), QStringLiteral("legacy"), QStringLiteral("send"),
                                          QStringLiteral("--source"), QStringLiteral("74957722345"), QStringLiteral("--destination"),
                                          QStringLiteral("79161234563"), QStringLiteral("--file-id"), QStringLiteral("21")}, env);
        const QString id3 = QJsonDocument::fromJson(notListened.out.toUtf8()).object().value(QStringLiteral("messageId")).toString();
        const Run watched3 = voicectl({QStringLiteral("-o"), QStringLiteral("json"), QStringLiteral("legacy"), QStringLiteral("state"), id3,
                                       QStringLiteral("--watch"), QStringLiteral("--interval"), QStringLiteral("0.2")}, env);
        QCOMPARE(watched3.code, 4);
        QCOMPARE(QJsonDocument::fromJson(watched3.out.toUtf8()).object().value(QStringLiteral("state")).toInt(), 3);
    }

    void legacyErrorsAndExitCodes()
    {
        const QMap<QString, QString> env{{QStringLiteral("VOICE_LEGACY_URL"), m_url + QStringLiteral("/rest/")},
                                         {QStringLiteral("VOICE_LEGACY_LOGIN"), QStringLiteral("sandbox")},
                                         {QStringLiteral("VOICE_LEGACY_PASSWORD"), QStringLiteral("sandbox-password")}};
        const Run badFile = voicectl({QStringLiteral("legacy"), QStringLiteral("send"), QStringLiteral("--source"), QStringLiteral("74957722345"),
                                      QStringLiteral("--destination"), QStringLiteral("79161234567"), QStringLiteral("--file-id"), QStringLiteral("999")}, env);
        QCOMPARE(badFile.code, 1);
        QVERIFY(badFile.err.contains(QStringLiteral("InvalidArgument")));
        QCOMPARE(voicectl({QStringLiteral("legacy"), QStringLiteral("send"), QStringLiteral("--source"), QStringLiteral("74957722345"),
                           QStringLiteral("--destination"), QStringLiteral("12"), QStringLiteral("--file-id"), QStringLiteral("21")}, env).code, 2);
        QCOMPARE(voicectl({QStringLiteral("legacy"), QStringLiteral("send"), QStringLiteral("--source"), QStringLiteral("74957722345"),
                           QStringLiteral("--destination"), QStringLiteral("79161234567"), QStringLiteral("--file-id"), QStringLiteral("21"),
                           QStringLiteral("--send-date"), QStringLiteral("tomorrow")}, env).code, 2);
        const Run noCredentials = voicectl({QStringLiteral("legacy"), QStringLiteral("balance")},
                                           {{QStringLiteral("VOICE_LEGACY_LOGIN"), QString()}, {QStringLiteral("VOICE_LEGACY_PASSWORD"), QString()}});
        QCOMPARE(noCredentials.code, 2);
        QMap<QString, QString> wrong = env;
        wrong.insert(QStringLiteral("VOICE_LEGACY_PASSWORD"), QStringLiteral("wrong-password"));
        const Run denied = voicectl({QStringLiteral("--verbose"), QStringLiteral("legacy"), QStringLiteral("balance")}, wrong);
        QCOMPARE(denied.code, 1);
        QVERIFY(denied.err.contains(QStringLiteral("UnauthorizedAccess")));
        QVERIFY(!denied.err.contains(QStringLiteral("wrong-password")));
        QMap<QString, QString> unreachable = env;
        unreachable.insert(QStringLiteral("VOICE_LEGACY_URL"), QStringLiteral("http://127.0.0.1:1/rest/"));
        QCOMPARE(voicectl({QStringLiteral("legacy"), QStringLiteral("balance")}, unreachable).code, 3);
    }

    // Issue 23.2: a proxy that asks for a password gets the one from VOICE_PROXY_USER/PASSWORD or the
    // proxy URL; without one, a clear error and exit 3. Credentials never reach the output.
    void proxyCredentialsComeFromTheEnvironment()
    {
        vc::test::ConnectProxy proxy;
        proxy.requireCredentials("ivan", "pr0xy-pass");
        const QMap<QString, QString> viaProxy{{QStringLiteral("VOICE_API_URL"), QStringLiteral("https://api.proxy.test:1")},
                                              {QStringLiteral("HTTPS_PROXY"), proxy.url()},
                                              {QStringLiteral("https_proxy"), QString()},
                                              {QStringLiteral("NO_PROXY"), QString()},
                                              {QStringLiteral("no_proxy"), QString()}};
        const Run denied = voicectl({QStringLiteral("services"), QStringLiteral("list")}, viaProxy);
        QCOMPARE(denied.code, 3);
        QVERIFY2(denied.err.contains(QStringLiteral("VOICE_PROXY_USER")), qPrintable(denied.err));
        QCOMPARE(proxy.connects(), 1);
        QCOMPARE(proxy.tunnels(), 0);

        QMap<QString, QString> withUser = viaProxy;
        withUser.insert(QStringLiteral("VOICE_PROXY_USER"), QStringLiteral("ivan"));
        withUser.insert(QStringLiteral("VOICE_PROXY_PASSWORD"), QStringLiteral("pr0xy-pass"));
        const Run verbose = voicectl({QStringLiteral("--verbose"), QStringLiteral("services"), QStringLiteral("list")}, withUser);
        QCOMPARE(proxy.lastAuthorization(), "Basic " + QByteArray("ivan:pr0xy-pass").toBase64());
        QVERIFY2(verbose.err.contains(QStringLiteral("via proxy ") + proxy.address()), qPrintable(verbose.err));
        QVERIFY(!verbose.err.contains(QStringLiteral("pr0xy-pass")) && !verbose.out.contains(QStringLiteral("pr0xy-pass")));

        const QString inUrl = QStringLiteral("http://ivan:pr0xy-pass@") + proxy.address();
        const Run fromOption = voicectl({QStringLiteral("--verbose"), QStringLiteral("--proxy"), inUrl, QStringLiteral("services"), QStringLiteral("list")},
                                        {{QStringLiteral("VOICE_API_URL"), QStringLiteral("https://api.proxy.test:1")}});
        QCOMPARE(proxy.lastAuthorization(), "Basic " + QByteArray("ivan:pr0xy-pass").toBase64());
        QVERIFY(!fromOption.err.contains(QStringLiteral("pr0xy-pass")));
        const int connects = proxy.connects();
        const Run direct = voicectl({QStringLiteral("--proxy"), QStringLiteral("none"), QStringLiteral("services"), QStringLiteral("list")}, viaProxy);
        QCOMPARE(direct.code, 3);
        QCOMPARE(proxy.connects(), connects); // "none" means none
        QCOMPARE(voicectl({QStringLiteral("--proxy"), QStringLiteral("ftp://nope"), QStringLiteral("services"), QStringLiteral("list")}).code, 2);
    }

    void unsupportedLanguageIsSaid()
    {
        const Run r = voicectl({QStringLiteral("--lang"), QStringLiteral("de"), QStringLiteral("services"), QStringLiteral("list")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("\"de\" is not supported")), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }

    void russianLocaleSpeaksRussian()
    {
        const QMap<QString, QString> ru{{QStringLiteral("LC_ALL"), QStringLiteral("ru_RU.UTF-8")},
                                        {QStringLiteral("LANG"), QStringLiteral("ru_RU.UTF-8")},
                                        {QStringLiteral("LANGUAGE"), QStringLiteral("ru")}};
        const Run r = voicectl({QStringLiteral("services"), QStringLiteral("list")}, {{QStringLiteral("VOICE_API_KEY"), QStringLiteral("wrong")},
                                                                                       {QStringLiteral("LANGUAGE"), QStringLiteral("ru")}});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("Ошибка")), qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("failed to parse token"))); // the server's own words stay as they are
        const Run table = voicectl({QStringLiteral("services"), QStringLiteral("list")}, ru);
        QVERIFY2(table.out.contains(QStringLiteral("НАЗВАНИЕ")), qPrintable(table.out));
        const Run en = voicectl({QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("services"), QStringLiteral("list")}, ru);
        QVERIFY(en.out.contains(QStringLiteral("NAME")));
    }
};

QTEST_GUILESS_MAIN(TestVoicectl)
#include "tst_voicectl.moc"
