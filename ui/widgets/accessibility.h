#pragma once

#include <QString>

class QLineEdit;
class QWidget;

namespace vc::ui::a11y {

// Names a control for screen readers, and the editor inside it when it has one (an editable combo box,
// a spin box, a date edit): readers announce that editor on its own.
void name(QWidget *widget, const QString &name);
// Every control in `root` that a label is the buddy of is named after that label (without its mnemonic
// and colon), its inner editor too. Call after the labels' texts are set, on every language change.
void nameFromLabels(QWidget *root);
// Names the buttons inside a line edit: the clear button, and each icon action by its tool tip or text.
void nameFieldButtons(QLineEdit *edit);

} // namespace vc::ui::a11y
