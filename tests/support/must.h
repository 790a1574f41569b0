#pragma once

#include "common/result.h"

#include <QtGlobal>

namespace vc::test {

// For set-up outside a test function (where QVERIFY cannot return): a step that fails stops the test
// run with the reason instead of letting it go on with a half-made fixture.
template <typename R>
void must(const R &result)
{
    if (!result)
        qFatal("test set-up failed: %s", qPrintable(errorMessage(result.error())));
}

} // namespace vc::test
