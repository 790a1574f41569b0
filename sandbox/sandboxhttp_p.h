#pragma once

// What the sandbox's HTTP side (sandboxhttp.cpp) and its API side (sandboxserver.cpp) share.
#include <QLoggingCategory>

namespace vc::sandbox {
Q_DECLARE_LOGGING_CATEGORY(lcSandbox)
inline constexpr char kReceived[] = "vc_received"; // request bytes since the last answer on this connection
inline constexpr char kRefused[] = "vc_refused";   // answered 413 already: nothing more is read
} // namespace vc::sandbox
