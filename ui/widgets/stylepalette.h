#pragma once

#include <QColor>
#include <QString>

class QLabel;

namespace vc::ui::style {

// The one place for the accent colours: translucent tints read well on light and dark palettes alike.
enum class Tone { Error, Warning, Info };
QColor color(Tone tone, int alpha = 255);
QString rgba(Tone tone, int alpha);

// Text in the error colour, or the muted hint colour.
QString hintText(bool error);
// A line edit whose content failed its check.
QString invalidLineEdit();
// A boxed message (the banner, a server error inside a dialog).
QString messageBox(Tone tone, const QString &selector);
// Sets a hint label's text and colour; hidden while empty.
void showHint(QLabel *label, const QString &text, bool error);

} // namespace vc::ui::style
