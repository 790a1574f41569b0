#pragma once

#include "common/apierror.h"

#include <QCoreApplication>

class QLabel;

namespace vc::ui {

class MessageBanner;

// How both send pages report a send that did not succeed: "may have been sent" when the outcome is
// unknown (with the page's own words for what was recorded), a plain refusal otherwise.
class SendFailure final
{
    Q_DECLARE_TR_FUNCTIONS(SendFailure)
public:
    static void report(const ApiError &error, const QString &unknownOutcomeText, QLabel *result, MessageBanner *banner);
};

} // namespace vc::ui
