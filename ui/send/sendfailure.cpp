#include "ui/send/sendfailure.h"

#include "ui/shell/messagebanner.h"

#include <QLabel>

namespace vc::ui {

void SendFailure::report(const ApiError &error, const QString &unknownOutcomeText, QLabel *result, MessageBanner *banner)
{
    if (error.outcomeUnknown) {
        result->setText(unknownOutcomeText);
        banner->showMessage(MessageBanner::Level::Warning, error.explanation, error.serverMessage);
        return;
    }
    result->setText(tr("Not sent: %1").arg(error.toDisplayString()));
    banner->showMessage(MessageBanner::Level::Error, tr("The voice message was not sent: %1").arg(error.explanation),
                        error.serverMessage);
}

} // namespace vc::ui
