#pragma once

#include "common/apierror.h"

namespace vc {

// The Exolve methods: the same HTTP status means different things per method.
enum class ExolveMethod {
    CreateService,
    ListServices,
    ServiceInfo,
    DeleteService,
    MakeVoiceMessage,
    CallInfo,
    SipAttributes,
    CallHistory,
};

QString methodPath(ExolveMethod method);
// Reads are safe to repeat; Create, Delete and MakeVoiceMessage change state (and may cost money).
Effect effectOf(ExolveMethod method);
inline bool isRetriable(ExolveMethod method)
{
    return effectOf(method) == Effect::None;
}

// The documented meaning of Exolve's error answers, translated.
class ExolveErrors final
{
    Q_DECLARE_TR_FUNCTIONS(ExolveErrors)
public:
    static QString explainHttp(ExolveMethod method, int status, const QString &serverMessage);
};

} // namespace vc
