#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

#include <optional>

class QSettings;

namespace vc {

// A place to work: which provider, where, and which keychain entry holds its secret. The secret itself
// is never part of a profile and never written to settings.
struct Profile
{
    enum class Provider { Exolve, IntegrationApi };

    QString id;   // stable, also names the keychain entry
    QString name; // what the operator calls it
    Provider provider = Provider::Exolve;
    QUrl apiUrl;
    QString login; // integrationapi.net only
    bool sandbox = false; // the built-in offline profile; never stored

    QString secretKey() const { return QStringLiteral("profile/") + id; }
    static QString providerName(Provider provider); // stable, untranslated: "exolve", "integrationapi"
    static std::optional<Provider> providerFromName(const QString &name);
};

// The operator's profiles in QSettings (group "profiles"), shared by voice-console and voicectl.
class ProfileStore final : public QObject
{
    Q_OBJECT
public:
    explicit ProfileStore(QSettings *settings, QObject *parent = nullptr);

    QList<Profile> profiles() const;
    // By id, or else by name (case-insensitive).
    std::optional<Profile> find(const QString &idOrName) const;
    // Adds (empty id: a new one is made) or replaces; returns the stored profile.
    Profile save(Profile profile);
    void remove(const QString &id);

    QString lastProfileId() const;
    void setLastProfileId(const QString &id);

Q_SIGNALS:
    void changed();

private:
    QSettings *m_settings;
};

} // namespace vc
