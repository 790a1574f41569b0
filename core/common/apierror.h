#pragma once

#include <QCoreApplication>
#include <QString>

namespace vc {

// What a request does when it reaches the server. It decides what a lost answer means: nothing for a
// read, "the call may have been placed" for a paid call.
enum class Effect {
    None,           // a read: safe to repeat
    PlacesCall,     // MakeVoiceMessage, Voice/Send: costs money and rings a person
    CreatesService,
    DeletesService,
};

// The error model both providers share: every failed request, validation and configuration problem.
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
        Proxy,     // the proxy refused the connection, could not reach the API, or dropped the tunnel
        ProxyAuth, // the proxy asks for a user name and password (407), or refused those given
    };

    Kind kind = Kind::Network;
    int httpStatus = 0;       // 0 when no HTTP answer arrived
    QString serverMessage;    // the server's own words (secrets masked)
    QString explanation;      // translated, for the operator
    QString field;            // with Validation: the API field at fault
    QString detail;           // transport detail (Qt's error string), untranslated
    bool outcomeUnknown = false; // the request may have reached the server and taken effect
    int attempts = 0;
    int serverCode = 0;        // the provider's own error code, when it gives one (integrationapi.net 1-8)
    qint64 retryAfterMs = -1;  // an HTTP answer's Retry-After, when it had a readable one

    QString kindName() const; // stable, untranslated: "network", "timeout", ...
    // One paragraph for a person: explanation, then the server's message when there is one.
    QString toDisplayString() const;
};

// The texts that do not depend on the provider.
class ErrorCatalog final
{
    Q_DECLARE_TR_FUNCTIONS(ErrorCatalog)
public:
    // No usable HTTP answer; `outcomeUnknown` when the request may have taken effect (the wording then
    // says whether an answer came: `kind` Http with its status, MalformedResponse, or none at all).
    static QString explainTransport(ApiError::Kind kind, Effect effect, bool outcomeUnknown, int httpStatus = 0);
    // What a status means when the provider's documents say nothing more specific.
    static QString explainStatus(int status);
    static QString malformed();
    static QString addressNotAllowed(const QString &url);
};

// Errors for a request that was never sent: a field failed its check, or the client is not set up.
ApiError validationError(const QString &field, const QString &message);
ApiError configurationError(const QString &message);
// An answer that arrived but is not what the documents describe.
ApiError malformedError(const QString &detail);

} // namespace vc

Q_DECLARE_METATYPE(vc::ApiError)
