#pragma once

#include "policy/contactpolicy.h"

#include <QString>

#include <functional>

class QWidget;

namespace vc {
class CallTracker;
}

namespace vc::ui {

// A single send over the contact policy's cap: says so (the cap and the next possible time) and asks the
// operator for the reason to call anyway, recorded in the contact ledger. `then` gets the reason once one
// is given; Cancel sends nothing. Opened window-modal, never blocking the event loop.
void askCapOverride(QWidget *parent, const QString &number, const CapVerdict &over, std::function<void(const QString &)> then);

// The contact policy's word before a single send, kept by the send panel.
struct CapGate
{
    bool checked = false;   // the number is under the cap: the next pass goes on
    bool pending = false;   // the check is under way (a team store answers on a worker thread)
    QString overrideReason; // the operator's reason to call over the cap, for the next send
};
// true: the send may go on now (the number was checked, or a reason to call over the cap was given);
// take gate.overrideReason then. false: the check is under way, or the operator is asked for a reason;
// `again` runs once that is settled (never when `page` is gone). Nothing is sent over a cap without a
// reason.
bool passCapGate(CapGate &gate, CallTracker *tracker, QWidget *page, const QString &number, std::function<void()> again);

} // namespace vc::ui
