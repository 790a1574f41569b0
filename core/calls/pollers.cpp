#include "calls/pollers.h"

#include "common/jsoncodec.h"
#include "common/validation.h"
#include "exolve/exolveclient.h"
#include "legacy/legacyclient.h"

namespace vc {

CallMonitor::Poller exolvePoller(ExolveClient *client)
{
    return [client](const QString &id, QObject *context, std::function<void(const Result<CallInfo> &)> done) {
        client->callInfo(id, context, std::move(done));
    };
}

CallMonitor::Poller legacyPoller(LegacyClient *client, std::function<void(CallInfo &)> known)
{
    return [client, known](const QString &id, QObject *context, std::function<void(const Result<CallInfo> &)> done) {
        const auto messageId = json::parseUInt64Text(id);
        if (!messageId)
            return done(validationError(QStringLiteral("messageId"), Validation::tr("The call id is not valid.")));
        client->state(*messageId, context, [id, known, done](const Result<LegacyState> &r) {
            if (!r)
                return done(r.error());
            CallInfo info;
            info.callId = id;
            info.status = LegacyState::statusName(r.value().state);
            info.detail = r.value().desc;
            if (known)
                known(info);
            if (r.value().isFinal())
                info.ended = QDateTime::currentDateTimeUtc();
            done(info);
        });
    };
}

} // namespace vc
