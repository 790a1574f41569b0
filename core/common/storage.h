#pragma once

#include "common/result.h"

#include <QString>

namespace vc {

// What a file store (the call history, a campaign journal, the do-not-call list) says when it fails.
struct StorageError
{
    QString message;
    bool damaged = false; // the file itself is damaged (not busy, not unwritable)
    bool unreachable = false; // a team store's server cannot be reached now: try again later
};

inline QString errorMessage(const StorageError &error)
{
    return error.message;
}

using StorageResult = Result<Empty, StorageError>;

} // namespace vc
