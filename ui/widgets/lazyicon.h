#pragma once

#include <QIcon>
#include <QString>

#include <functional>

namespace vc::ui {

// An SVG icon from the resources. QIcon reads and parses an SVG the moment it is made, and again for
// each size; start-up makes some thirty (menus, tool bars, pages not shown yet). These are read the
// first time they are drawn, once per path for the whole program, and each size is rendered once.
QIcon resourceIcon(const QString &path);

// An icon `make` makes the first time it is drawn (or asked for its sizes).
QIcon lazyIcon(std::function<QIcon()> make);

} // namespace vc::ui
