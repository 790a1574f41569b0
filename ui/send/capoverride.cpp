#include "ui/send/capoverride.h"

#include "calls/calltracker.h"
#include "ui/widgets/accessibility.h"

#include <QCoreApplication>
#include <QInputDialog>
#include <QPointer>
#include <QWidget>

#include <utility>

namespace vc::ui {

void askCapOverride(QWidget *parent, const QString &number, const CapVerdict &over, std::function<void(const QString &)> then)
{
    auto *ask = new QInputDialog(parent);
    ask->setObjectName(QStringLiteral("capOverride"));
    ask->setWindowTitle(QCoreApplication::translate("CapOverride", "Over the contact policy's cap"));
    ask->setLabelText(QCoreApplication::translate("CapOverride", "The contact policy allows no more calls to %1 now: %2.\n\nTo call anyway, give the reason "
                         "(it is recorded in the contact ledger):")
                          .arg(number, over.reason));
    ask->setOkButtonText(QCoreApplication::translate("CapOverride", "Continue"));
    ask->setAttribute(Qt::WA_DeleteOnClose);
    a11y::name(ask, QCoreApplication::translate("CapOverride", "Over the contact policy's cap"));
    QObject::connect(ask, &QInputDialog::textValueSelected, ask, [then = std::move(then)](const QString &reason) {
        if (!reason.trimmed().isEmpty())
            then(reason.trimmed());
    });
    ask->open();
}

bool passCapGate(CapGate &gate, CallTracker *tracker, QWidget *page, const QString &number, std::function<void()> again)
{
    if (std::exchange(gate.checked, false) || !gate.overrideReason.isEmpty())
        return true;
    if (gate.pending)
        return false; // a second click while the first is checked
    gate.pending = true;
    tracker->checkCap(number, page, [&gate, page = QPointer<QWidget>(page), number, again](const std::optional<CapVerdict> &over) {
        if (!page)
            return; // the gate went with its page
        gate.pending = false;
        if (!over) {
            gate.checked = true;
            return again();
        }
        askCapOverride(page->window(), number, *over, [&gate, page, again](const QString &reason) {
            if (!page)
                return;
            gate.overrideReason = reason;
            again();
        });
    });
    return false;
}

} // namespace vc::ui
