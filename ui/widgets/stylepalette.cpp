#include "ui/widgets/stylepalette.h"

#include <QLabel>

namespace vc::ui::style {

QColor color(Tone tone, int alpha)
{
    switch (tone) {
    case Tone::Error:
        return QColor(220, 53, 69, alpha);
    case Tone::Warning:
        return QColor(240, 173, 78, alpha);
    case Tone::Info:
        break;
    }
    return QColor(61, 123, 217, alpha);
}

QString rgba(Tone tone, int alpha)
{
    const QColor c = color(tone, alpha);
    return QStringLiteral("rgba(%1, %2, %3, %4)").arg(c.red()).arg(c.green()).arg(c.blue()).arg(alpha);
}

QString hintText(bool error)
{
    return error ? QStringLiteral("color: rgb(220, 53, 69);") : QStringLiteral("color: palette(mid);");
}

QString invalidLineEdit()
{
    return QStringLiteral("QLineEdit { border: 1px solid %1; border-radius: 3px; padding: 2px; }").arg(rgba(Tone::Error, 200));
}

QString messageBox(Tone tone, const QString &selector)
{
    const int tint = tone == Tone::Error ? 38 : tone == Tone::Warning ? 45 : 35;
    const int edge = tone == Tone::Error ? 150 : tone == Tone::Warning ? 170 : 130;
    return QStringLiteral("%1 { background: %2; border: 1px solid %3; border-radius: 6px; %4}")
        .arg(selector, rgba(tone, tint), rgba(tone, edge),
             selector.startsWith(u'#') ? QString() : QStringLiteral("padding: 6px; "));
}

void showHint(QLabel *label, const QString &text, bool error)
{
    label->setText(text);
    label->setStyleSheet(hintText(error));
    label->setVisible(!text.isEmpty());
}

} // namespace vc::ui::style
