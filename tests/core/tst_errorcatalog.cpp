#include "common/apierror.h"
#include "exolve/exolveerrors.h"
#include "legacy/legacyerrors.h"

#include <QTest>

using namespace vc;

// Every documented error status of every method gets an explanation of its own meaning.
class TestErrorCatalog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void documentedStatusesAreExplained_data()
    {
        QTest::addColumn<int>("endpoint");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("server");
        QTest::addColumn<QString>("expected");
        const struct
        {
            ExolveMethod e;
            int status;
            const char *server;
            const char *expected;
        } rows[] = {
            {ExolveMethod::CreateService, 400, "failed to parse token", "API key is not valid"},
            {ExolveMethod::CreateService, 401, "error getting JWT Token claims", "JWT claims"},
            {ExolveMethod::CreateService, 403, "Customer is not in correct status", "account is not active"},
            {ExolveMethod::CreateService, 404, "error getting media resource", "audio file with this media_id does not exist"},
            {ExolveMethod::CreateService, 500, "error getting customer status", "could not reach your account"},
            {ExolveMethod::ListServices, 400, "failed to parse token", "API key is not valid"},
            {ExolveMethod::ListServices, 401, "error getting JWT Token claims", "JWT claims"},
            {ExolveMethod::ListServices, 500, "error getting customer status", "could not reach your account"},
            {ExolveMethod::ServiceInfo, 400, "failed to parse token", "API key is not valid"},
            {ExolveMethod::ServiceInfo, 401, "error getting JWT Token claims", "JWT claims"},
            {ExolveMethod::ServiceInfo, 403, "Customer is not in correct status", "account is not active"},
            {ExolveMethod::ServiceInfo, 404, "Scenario not found", "service was not found for the application"},
            {ExolveMethod::ServiceInfo, 500, "error getting customer status", "could not reach your account"},
            {ExolveMethod::DeleteService, 400, "failed to parse token", "API key is not valid"},
            {ExolveMethod::DeleteService, 401, "error getting JWT Token claims", "JWT claims"},
            {ExolveMethod::DeleteService, 403, "Customer is not in correct status", "account is not active"},
            {ExolveMethod::DeleteService, 404, "error getting application", "service or its application was not found"},
            {ExolveMethod::DeleteService, 500, "error getting customer status", "could not reach your account"},
            {ExolveMethod::MakeVoiceMessage, 400, "the client can only call to his own confirmed number", "trial period"},
            {ExolveMethod::MakeVoiceMessage, 400, "Validation error. Please enter valid parameter values.", "rejected the call parameters"},
            {ExolveMethod::MakeVoiceMessage, 401, "malformed token", "missing or not valid"},
            {ExolveMethod::CallInfo, 400, "Validation error. Please enter valid parameter values", "call id is not valid"},
            {ExolveMethod::CallInfo, 401, "malformed token", "missing or not valid"},
            {ExolveMethod::CallInfo, 404, "Not Found", "call was not found"},
            {ExolveMethod::SipAttributes, 500, "ERROR: Application [x] does not own resource [5]", "does not belong to the application"},
            {ExolveMethod::SipAttributes, 400, "proto: syntax error (line 6:15): invalid value п", "not valid"},
            {ExolveMethod::SipAttributes, 400, "proto: syntax error (line 6:15): unexpected token ,", "missing"},
            {ExolveMethod::ListServices, 429, "", "Too many requests"},
            {ExolveMethod::ListServices, 503, "", "unavailable (HTTP 503)"},
            {ExolveMethod::ListServices, 302, "", "redirected"},
            // A wrong key on the SIP method is the key's fault, as on every other method.
            {ExolveMethod::SipAttributes, 400, "failed to parse token", "API key is not valid"},
            {ExolveMethod::SipAttributes, 400, "something else", "not valid: it must be a whole number"},
            {ExolveMethod::ListServices, 500, "internal error", "failed while handling the request"},
        };
        for (const auto &r : rows)
            QTest::addRow("%s %d %s", qPrintable(methodPath(r.e)), r.status, r.server)
                << int(r.e) << r.status << QString::fromUtf8(r.server) << QString::fromLatin1(r.expected);
    }
    void documentedStatusesAreExplained()
    {
        QFETCH(int, endpoint);
        QFETCH(int, status);
        QFETCH(QString, server);
        QFETCH(QString, expected);
        const QString text = ExolveErrors::explainHttp(ExolveMethod(endpoint), status, server);
        QVERIFY2(text.contains(expected), qPrintable(text));
    }

    void servicesFailureNamesCustomerStatusOnlyWhenTheServerDoes()
    {
        for (ExolveMethod e : {ExolveMethod::CreateService, ExolveMethod::ListServices, ExolveMethod::ServiceInfo, ExolveMethod::DeleteService}) {
            QVERIFY(!ExolveErrors::explainHttp(e, 500, QStringLiteral("internal error")).contains(QStringLiteral("customer status")));
            QVERIFY(ExolveErrors::explainHttp(e, 500, QStringLiteral("error getting customer status")).contains(QStringLiteral("customer status")));
        }
    }

    void legacyRedirectDoesNotTalkAboutAnApiKey()
    {
        QVERIFY(!LegacyErrors::explainHttp(301).contains(QStringLiteral("API key")));
        QVERIFY(LegacyErrors::explainHttp(302).contains(QStringLiteral("login and password are never sent")));
        QVERIFY(!LegacyErrors::explainHttp(401).contains(QStringLiteral("API key")));
    }

    void unknownOutcomeSaysWhetherAnAnswerCame()
    {
        const QString answered = ErrorCatalog::explainTransport(ApiError::Kind::Http, Effect::PlacesCall, true, 500);
        QVERIFY(answered.contains(QStringLiteral("HTTP 500")));
        QVERIFY(!answered.contains(QStringLiteral("no answer came back")));
        QVERIFY(answered.contains(QStringLiteral("may have been placed")));
        const QString unreadable = ErrorCatalog::explainTransport(ApiError::Kind::MalformedResponse, Effect::PlacesCall, true);
        QVERIFY(unreadable.contains(QStringLiteral("could not be read")));
        QVERIFY(unreadable.contains(QStringLiteral("may have been placed")));
        const QString silent = ErrorCatalog::explainTransport(ApiError::Kind::Network, Effect::PlacesCall, true);
        QVERIFY(silent.contains(QStringLiteral("no answer came back")));
    }

    void unknownOutcomeIsSaidForTheCallOnly()
    {
        const QString call = ErrorCatalog::explainTransport(ApiError::Kind::Timeout, Effect::PlacesCall, true);
        QVERIFY(call.contains(QStringLiteral("may have been placed")));
        QVERIFY(call.contains(QStringLiteral("not sent again")));
        const QString read = ErrorCatalog::explainTransport(ApiError::Kind::Timeout, Effect::None, false);
        QVERIFY(read.contains(QStringLiteral("did not answer in time")));
        QVERIFY(!read.contains(QStringLiteral("placed")));
    }

    void onlyReadsAreRetriable()
    {
        QVERIFY(isRetriable(ExolveMethod::ListServices));
        QVERIFY(isRetriable(ExolveMethod::ServiceInfo));
        QVERIFY(isRetriable(ExolveMethod::CallInfo));
        QVERIFY(isRetriable(ExolveMethod::SipAttributes));
        QVERIFY(!isRetriable(ExolveMethod::CreateService));
        QVERIFY(!isRetriable(ExolveMethod::DeleteService));
        QVERIFY(!isRetriable(ExolveMethod::MakeVoiceMessage));
    }

    void legacySendIsTheOnlyLegacyMethodWithAnEffect()
    {
        QCOMPARE(effectOf(LegacyMethod::Send), Effect::PlacesCall);
        for (LegacyMethod m : {LegacyMethod::Session, LegacyMethod::Balance, LegacyMethod::State})
            QVERIFY(isRetriable(m));
        QCOMPARE(effectOf(ExolveMethod::MakeVoiceMessage), Effect::PlacesCall);
        QCOMPARE(effectOf(ExolveMethod::CreateService), Effect::CreatesService);
        QCOMPARE(effectOf(ExolveMethod::DeleteService), Effect::DeletesService);
    }

    void displayStringKeepsTheServerMessage()
    {
        ApiError e;
        e.explanation = QStringLiteral("Explained.");
        e.serverMessage = QStringLiteral("raw words");
        QVERIFY(e.toDisplayString().contains(QStringLiteral("raw words")));
        QVERIFY(e.toDisplayString().startsWith(QStringLiteral("Explained.")));
    }
};

QTEST_GUILESS_MAIN(TestErrorCatalog)
#include "tst_errorcatalog.moc"
