#include "accounts/profile.h"

#include "accounts/settings.h"

#include <QSettings>
#include <QUuid>

namespace vc {

QString Profile::providerName(Provider provider)
{
    return provider == Provider::IntegrationApi ? QStringLiteral("integrationapi") : QStringLiteral("exolve");
}

std::optional<Profile::Provider> Profile::providerFromName(const QString &name)
{
    if (name == QLatin1String("exolve"))
        return Provider::Exolve;
    if (name == QLatin1String("integrationapi"))
        return Provider::IntegrationApi;
    return std::nullopt;
}

ProfileStore::ProfileStore(QSettings *settings, QObject *parent) : QObject(parent), m_settings(settings) {}

QList<Profile> ProfileStore::profiles() const
{
    QList<Profile> list;
    m_settings->beginGroup(Settings::profilesGroup());
    const QStringList ids = m_settings->childGroups();
    for (const QString &id : ids) {
        m_settings->beginGroup(id);
        Profile p;
        p.id = id;
        p.name = m_settings->value(QStringLiteral("name")).toString();
        p.provider = Profile::providerFromName(m_settings->value(QStringLiteral("provider")).toString())
                         .value_or(Profile::Provider::Exolve);
        p.apiUrl = QUrl(m_settings->value(QStringLiteral("apiUrl")).toString());
        p.login = m_settings->value(QStringLiteral("login")).toString();
        m_settings->endGroup();
        if (!p.name.isEmpty())
            list.append(p);
    }
    m_settings->endGroup();
    std::sort(list.begin(), list.end(), [](const Profile &a, const Profile &b) {
        return QString::localeAwareCompare(a.name, b.name) < 0;
    });
    return list;
}

std::optional<Profile> ProfileStore::find(const QString &idOrName) const
{
    const QList<Profile> all = profiles();
    for (const Profile &p : all) {
        if (p.id == idOrName)
            return p;
    }
    for (const Profile &p : all) {
        if (p.name.compare(idOrName, Qt::CaseInsensitive) == 0)
            return p;
    }
    return std::nullopt;
}

Profile ProfileStore::save(Profile profile)
{
    if (profile.id.isEmpty())
        profile.id = QUuid::createUuid().toString(QUuid::Id128);
    m_settings->beginGroup(Settings::profilesGroup());
    m_settings->beginGroup(profile.id);
    m_settings->setValue(QStringLiteral("name"), profile.name);
    m_settings->setValue(QStringLiteral("provider"), Profile::providerName(profile.provider));
    m_settings->setValue(QStringLiteral("apiUrl"), profile.apiUrl.toString());
    m_settings->setValue(QStringLiteral("login"), profile.login);
    m_settings->endGroup();
    m_settings->endGroup();
    m_settings->sync();
    Q_EMIT changed();
    return profile;
}

void ProfileStore::remove(const QString &id)
{
    m_settings->beginGroup(Settings::profilesGroup());
    m_settings->remove(id);
    m_settings->endGroup();
    m_settings->sync();
    Q_EMIT changed();
}

QString ProfileStore::lastProfileId() const
{
    return Settings(m_settings).lastProfile();
}

void ProfileStore::setLastProfileId(const QString &id)
{
    Settings(m_settings).lastProfile() = id;
}

} // namespace vc
