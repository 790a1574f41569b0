#pragma once

#include <QIcon>
#include <QString>

namespace vc::ui {

// An icon from the resources. QIcon reads and parses an SVG the moment it is made; start-up makes some
// thirty (menus, tool bars, pages not shown yet). These are read the first time they are drawn, and
// one path is read once for the whole program.
QIcon resourceIcon(const QString &path);

} // namespace vc::ui
