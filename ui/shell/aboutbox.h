#pragma once

class QWidget;

namespace vc::ui {

// Help → About: the version, what the program is, its licence and the licences of the libraries it is
// built on (Qt, QtKeychain, libphonenumber and what they bring). Window-modal, deletes itself.
void showAboutBox(QWidget *parent);

} // namespace vc::ui
