#pragma once

#include <QCoreApplication>
#include <QString>

namespace vc {

// Which API method a request belongs to: the same HTTP status means different things per method.
enum class Endpoint {
    CreateService,
    ListServices,
    ServiceInfo,
    DeleteService,
    MakeVoiceMessage,
    CallInfo,
    SipAttributes,
    // integrationapi.net REST (2013)
    LegacySession,
    LegacyBalance,
    LegacySend,
    LegacyState,
};

QString endpointPath(Endpoint endpoint);
// Reads are safe to repeat; Create, Delete and MakeVoiceMessage change state (and may cost money).
bool isRetriable(Endpoint endpoint);

struct ApiError
{
    enum class Kind {
        Network,
        Timeout,
        Tls,
        Http,
        MalformedResponse,
        Validation,
        Configuration,
    };

    Kind kind = Kind::Network;
    int httpStatus = 0;       // 0 when no HTTP answer arrived
    QString serverMessage;    // the server's own words, verbatim
    QString explanation;      // translated, for the operator
    QString field;            // with Validation: the API field at fault
    QString detail;           // transport detail (Qt's error string), untranslated
    bool outcomeUnknown = false; // the request may have reached the server and taken effect
    int attempts = 0;

    QString kindName() const; // stable, untranslated: "network", "timeout", ...
    // One paragraph for a person: explanation, then the server's message when there is one.
    QString toDisplayString() const;
};

class ErrorCatalog final
{
    Q_DECLARE_TR_FUNCTIONS(ErrorCatalog)
public:
    // The documented meaning of an HTTP error answer of one method, translated.
    static QString explainHttp(Endpoint endpoint, int status, const QString &serverMessage);
    static QString explainTransport(ApiError::Kind kind, Endpoint endpoint, bool outcomeUnknown, int httpStatus = 0);
    static QString malformed(Endpoint endpoint);
    static QString addressNotAllowed(const QString &url);
    // integrationapi.net's REST error codes 1-8.
    static QString explainLegacy(int code, const QString &desc);
};

// Errors for a request that was never sent: a field failed its check, or the client is not set up.
ApiError validationError(const QString &field, const QString &message);
ApiError configurationError(const QString &message);

} // namespace vc

Q_DECLARE_METATYPE(vc::ApiError)
