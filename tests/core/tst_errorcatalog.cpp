#include "common/apierror.h"

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
            Endpoint e;
            int status;
            const char *server;
            const char *expected;
        } rows[] = {
            {Endpoint::CreateService, 400, "failed to parse token", "API key is not valid"},
            {Endpoint::CreateService, 401, "error getting JWT Token claims", "JWT claims"},
            {Endpoint::CreateService, 403, "Customer is not in correct status", "account is not active"},
            {Endpoint::CreateService, 404, "error getting media resource", "audio file with this media_id does not exist"},
            {Endpoint::CreateService, 500, "error getting customer status", "could not reach your account"},
            {Endpoint::ListServices, 400, "failed to parse token", "API key is not valid"},
            {Endpoint::ListServices, 401, "error getting JWT Token claims", "JWT claims"},
            {Endpoint::ListServices, 500, "error getting customer status", "could not reach your account"},
            {Endpoint::ServiceInfo, 400, "failed to parse token", "API key is not valid"},
            {Endpoint::ServiceInfo, 401, "error getting JWT Token claims", "JWT claims"},
            {Endpoint::ServiceInfo, 403, "Customer is not in correct status", "account is not active"},
            {Endpoint::ServiceInfo, 404, "Scenario not found", "service was not found for the application"},
            {Endpoint::ServiceInfo, 500, "error getting customer status", "could not reach your account"},
            {Endpoint::DeleteService, 400, "failed to parse token", "API key is not valid"},
            {Endpoint::DeleteService, 401, "error getting JWT Token claims", "JWT claims"},
            {Endpoint::DeleteService, 403, "Customer is not in correct status", "account is not active"},
            {Endpoint::DeleteService, 404, "error getting application", "service or its application was not found"},
            {Endpoint::DeleteService, 500, "error getting customer status", "could not reach your account"},
            {Endpoint::MakeVoiceMessage, 400, "the client can only call to his own confirmed number", "trial period"},
            {Endpoint::MakeVoiceMessage, 400, "Validation error. Please enter valid parameter values.", "rejected the call parameters"},
            {Endpoint::MakeVoiceMessage, 401, "malformed token", "missing or not valid"},
            {Endpoint::CallInfo, 400, "Validation error. Please enter valid parameter values", "call id is not valid"},
            {Endpoint::CallInfo, 401, "malformed token", "missing or not valid"},
            {Endpoint::CallInfo, 404, "Not Found", "call was not found"},
            {Endpoint::SipAttributes, 500, "ERROR: Application [x] does not own resource [5]", "does not belong to the application"},
            {Endpoint::SipAttributes, 400, "proto: syntax error (line 6:15): invalid value п", "not valid"},
            {Endpoint::SipAttributes, 400, "proto: syntax error (line 6:15): unexpected token ,", "missing"},
            {Endpoint::ListServices, 429, "", "Too many requests"},
            {Endpoint::ListServices, 503, "", "unavailable (HTTP 503)"},
            {Endpoint::ListServices, 302, "", "redirected"},
            // A wrong key on the SIP method is the key's fault, as on every other method.
            {Endpoint::SipAttributes, 400, "failed to parse token", "API key is not valid"},
            {Endpoint::SipAttributes, 400, "something else", "not valid: it must be a whole number"},
            {Endpoint::ListServices, 500, "internal error", "failed while handling the request"},
            {Endpoint::LegacySend, 302, "", "login and password are never sent"},
        };
        for (const auto &r : rows)
            QTest::addRow("%s %d %s", qPrintable(endpointPath(r.e)), r.status, r.server)
                << int(r.e) << r.status << QString::fromUtf8(r.server) << QString::fromLatin1(r.expected);
    }
    void documentedStatusesAreExplained()
    {
        QFETCH(int, endpoint);
        QFETCH(int, status);
        QFETCH(QString, server);
        QFETCH(QString, expected);
        const QString text = ErrorCatalog::explainHttp(Endpoint(endpoint), status, server);
        QVERIFY2(text.contains(expected), qPrintable(text));
    }

    void servicesFailureNamesCustomerStatusOnlyWhenTheServerDoes()
    {
        for (Endpoint e : {Endpoint::CreateService, Endpoint::ListServices, Endpoint::ServiceInfo, Endpoint::DeleteService}) {
            QVERIFY(!ErrorCatalog::explainHttp(e, 500, QStringLiteral("internal error")).contains(QStringLiteral("customer status")));
            QVERIFY(ErrorCatalog::explainHttp(e, 500, QStringLiteral("error getting customer status")).contains(QStringLiteral("customer status")));
        }
    }

    void legacyRedirectDoesNotTalkAboutAnApiKey()
    {
        for (Endpoint e : {Endpoint::LegacySession, Endpoint::LegacyBalance, Endpoint::LegacySend, Endpoint::LegacyState})
            QVERIFY(!ErrorCatalog::explainHttp(e, 301, {}).contains(QStringLiteral("API key")));
    }

    void unknownOutcomeSaysWhetherAnAnswerCame()
    {
        const QString answered = ErrorCatalog::explainTransport(ApiError::Kind::Http, Endpoint::MakeVoiceMessage, true, 500);
        QVERIFY(answered.contains(QStringLiteral("HTTP 500")));
        QVERIFY(!answered.contains(QStringLiteral("no answer came back")));
        QVERIFY(answered.contains(QStringLiteral("may have been placed")));
        const QString unreadable = ErrorCatalog::explainTransport(ApiError::Kind::MalformedResponse, Endpoint::LegacySend, true);
        QVERIFY(unreadable.contains(QStringLiteral("could not be read")));
        QVERIFY(unreadable.contains(QStringLiteral("may have been placed")));
        const QString silent = ErrorCatalog::explainTransport(ApiError::Kind::Network, Endpoint::MakeVoiceMessage, true);
        QVERIFY(silent.contains(QStringLiteral("no answer came back")));
    }

    void unknownOutcomeIsSaidForTheCallOnly()
    {
        const QString call = ErrorCatalog::explainTransport(ApiError::Kind::Timeout, Endpoint::MakeVoiceMessage, true);
        QVERIFY(call.contains(QStringLiteral("may have been placed")));
        QVERIFY(call.contains(QStringLiteral("not sent again")));
        const QString read = ErrorCatalog::explainTransport(ApiError::Kind::Timeout, Endpoint::ListServices, false);
        QVERIFY(read.contains(QStringLiteral("did not answer in time")));
        QVERIFY(!read.contains(QStringLiteral("placed")));
    }

    void onlyReadsAreRetriable()
    {
        QVERIFY(isRetriable(Endpoint::ListServices));
        QVERIFY(isRetriable(Endpoint::ServiceInfo));
        QVERIFY(isRetriable(Endpoint::CallInfo));
        QVERIFY(isRetriable(Endpoint::SipAttributes));
        QVERIFY(!isRetriable(Endpoint::CreateService));
        QVERIFY(!isRetriable(Endpoint::DeleteService));
        QVERIFY(!isRetriable(Endpoint::MakeVoiceMessage));
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
