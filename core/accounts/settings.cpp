#include "accounts/settings.h"

namespace vc {

std::unique_ptr<QSettings> Settings::openShared()
{
    return std::make_unique<QSettings>(QSettings::NativeFormat, QSettings::UserScope, QLatin1String(kOrganization),
                                       QLatin1String(kApplication));
}

} // namespace vc
