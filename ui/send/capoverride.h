#pragma once

#include "policy/contactpolicy.h"

#include <QString>

#include <functional>

class QWidget;

namespace vc::ui {

// A single send over the contact policy's cap: says so (the cap and the next possible time) and asks the
// operator for the reason to call anyway, recorded in the contact ledger. `then` gets the reason once one
// is given; Cancel sends nothing. Opened window-modal, never blocking the event loop.
void askCapOverride(QWidget *parent, const QString &number, const CapVerdict &over, std::function<void(const QString &)> then);

} // namespace vc::ui
