#pragma once

#include "common/result.h"

#include <QTest>

#include <functional>
#include <optional>

namespace vc::test {

// Runs an asynchronous call and waits (in the test's own event loop) for its one answer.
template <typename T>
std::optional<Result<T>> await(const std::function<void(std::function<void(const Result<T> &)>)> &start,
                               int timeoutMs = 20000)
{
    std::optional<Result<T>> result;
    int calls = 0;
    start([&](const Result<T> &r) {
        ++calls;
        result.emplace(r);
    });
    (void)QTest::qWaitFor([&] { return result.has_value(); }, timeoutMs); // the caller checks the result
    // A second answer to the same request would be a bug: give it a moment to show up.
    QTest::qWait(20);
    if (calls > 1)
        qFatal("callback ran %d times", calls);
    return result;
}

} // namespace vc::test
