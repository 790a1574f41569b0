#include "ui/widgets/appstyle.h"

#include "ui/widgets/lazyicon.h"

#include <QApplication>
#include <QPointer>

namespace vc::ui {

// The key of the style QApplication chose (platform theme, -style, QT_STYLE_OVERRIDE) becomes the base.
AppStyle::AppStyle() : QProxyStyle(QApplication::style()->name()) {}

QIcon AppStyle::standardIcon(StandardPixmap icon, const QStyleOption *option, const QWidget *widget) const
{
    switch (icon) {
    case SP_ToolBarHorizontalExtensionButton:
    case SP_ToolBarVerticalExtensionButton:
    case SP_TitleBarNormalButton:
    case SP_TitleBarCloseButton:
    case SP_DockWidgetCloseButton:
    case SP_LineEditClearButton: {
        // The clear button of a filter is drawn once the filter has text: its icon (an icon theme
        // search, then image plugins loaded to read Qt's own PNG) is made then, not at start-up.
        // These do not depend on the option or the widget in any of Qt's styles but for the layout
        // direction, which is the application's.
        auto it = m_lazy.find(icon);
        if (it == m_lazy.end()) {
            const QPointer<QStyle> base(baseStyle());
            it = m_lazy.insert(icon, lazyIcon([base, icon] { return base ? base->standardIcon(icon) : QIcon(); }));
        }
        return *it;
    }
    default:
        return QProxyStyle::standardIcon(icon, option, widget);
    }
}

} // namespace vc::ui
