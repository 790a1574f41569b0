#pragma once

#include "common/apierror.h"

namespace vc {

// The integrationapi.net REST methods.
enum class LegacyMethod {
    Session,
    Balance,
    Send,
    State,
};

QString methodPath(LegacyMethod method);
// Voice/Send places a paid call; the rest are reads.
Effect effectOf(LegacyMethod method);
inline bool isRetriable(LegacyMethod method)
{
    return effectOf(method) == Effect::None;
}

// The meaning of integrationapi.net's error answers, translated.
class LegacyErrors final
{
    Q_DECLARE_TR_FUNCTIONS(LegacyErrors)
public:
    // The REST error codes 1-8.
    static QString explainCode(int code, const QString &desc);
    // An error status without a code.
    static QString explainHttp(int status);
    // The service refused the request for its session: renew the session and try once more.
    static bool isSessionError(int code, const QString &desc);
};

} // namespace vc
