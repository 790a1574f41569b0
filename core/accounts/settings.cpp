#include "accounts/settings.h"

#include "common/paths.h"

#include <QDir>
#include <QStandardPaths>

namespace vc {

std::unique_ptr<QSettings> Settings::openShared()
{
    return std::make_unique<QSettings>(QSettings::NativeFormat, QSettings::UserScope, QLatin1String(paths::kOrganization),
                                       QLatin1String(paths::kApplication));
}

} // namespace vc
