#pragma once

#include "calls/callmonitor.h"

namespace vc {

class ExolveClient;
class LegacyClient;

// call/v1/GetInfo as it is.
CallMonitor::Poller exolvePoller(ExolveClient *client);
// Voice/State as a CallInfo: the status by its stable name ("listened", ...), the service's words in
// `detail`, `ended` set once final (the API gives no times). `known` fills in what the API does not
// say (created, timeout, numbers) from an earlier record of the message, when there is one.
CallMonitor::Poller legacyPoller(LegacyClient *client, std::function<void(CallInfo &)> known = {});

} // namespace vc
