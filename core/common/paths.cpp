#include "common/paths.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>

namespace vc::paths {

QString dataFolder()
{
    QString dir = qEnvironmentVariable("VOICE_CONSOLE_DATA_DIR");
    if (dir.isEmpty()) {
        dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u'/' + QLatin1String(kOrganization) +
              u'/' + QLatin1String(kApplication);
    }
    QDir().mkpath(dir);
    return QDir::cleanPath(dir);
}

QString campaignsFolder()
{
    const QString dir = dataFolder() + QStringLiteral("/campaigns");
    QDir().mkpath(dir);
    return dir;
}

QString newJournalPath(const QString &inputFile, const QDateTime &nowUtc)
{
    static const QRegularExpression unsafe(QStringLiteral("[^\\w.-]+"), QRegularExpression::UseUnicodePropertiesOption);
    QString base = QFileInfo(inputFile).completeBaseName();
    base.replace(unsafe, QStringLiteral("_"));
    base = base.left(60);
    if (base.isEmpty() || base.startsWith(u'.'))
        base.prepend(QStringLiteral("campaign"));
    return campaignsFolder() + u'/' + base + u'-' + nowUtc.toUTC().toString(QStringLiteral("yyyyMMdd-HHmmss")) +
           QStringLiteral(".journal");
}

} // namespace vc::paths
