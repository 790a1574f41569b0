#include "accounts/settings.h"

#include <QDir>
#include <QStandardPaths>

namespace vc {

std::unique_ptr<QSettings> Settings::openShared()
{
    return std::make_unique<QSettings>(QSettings::NativeFormat, QSettings::UserScope, QLatin1String(kOrganization),
                                       QLatin1String(kApplication));
}

QString Settings::dataFolder()
{
    QString dir = qEnvironmentVariable("VOICE_CONSOLE_DATA_DIR");
    if (dir.isEmpty()) {
        // Not AppDataLocation: that follows each program's own name, and voicectl must find what the
        // desktop app keeps.
        dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u'/' +
              QLatin1String(kOrganization) + u'/' + QLatin1String(kApplication);
    }
    QDir().mkpath(dir);
    return QDir::cleanPath(dir);
}

} // namespace vc
