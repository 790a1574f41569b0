#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>

#include <memory>

namespace vc {

// One setting: its key and default live in Settings, its type here (qBittorrent's SettingValue).
template <typename T>
class SettingValue final
{
public:
    SettingValue(QSettings *store, QString key, T fallback = T()) : m_store(store), m_key(std::move(key)), m_default(std::move(fallback)) {}

    T get() const { return m_store->value(m_key, QVariant::fromValue(m_default)).template value<T>(); }
    void set(const T &value) { m_store->setValue(m_key, QVariant::fromValue(value)); }
    operator T() const { return get(); }
    SettingValue &operator=(const T &value)
    {
        set(value);
        return *this;
    }
    const QString &key() const { return m_key; }

private:
    QSettings *m_store;
    QString m_key;
    T m_default;
};

// The settings the desktop app and voicectl share, typed, with every key in one place. Secrets never go
// here: they live in the system keychain.
class Settings final
{
public:
    // The desktop app's settings file, wherever the platform keeps it; voicectl opens the same one.
    static std::unique_ptr<QSettings> openShared();

    explicit Settings(QSettings *store) : m_store(store) {}
    QSettings *store() const { return m_store; }

    SettingValue<QString> language() const { return {m_store, QStringLiteral("ui/language")}; } // "", "ru", "en"
    SettingValue<QString> lastProfile() const { return {m_store, QStringLiteral("state/lastProfile")}; }
    SettingValue<bool> notifyWhenCallEnds() const { return {m_store, QStringLiteral("notify/callEnded"), true}; }
    SettingValue<QStringList> recentSources() const { return {m_store, QStringLiteral("send/sources")}; }
    // The proxy: "system" (the OS's, or the environment's), "none", or "manual" with proxyAddress
    // (host:port, never credentials).
    SettingValue<QString> proxyMode() const { return {m_store, QStringLiteral("network/proxy"), QStringLiteral("system")}; }
    SettingValue<QString> proxyAddress() const { return {m_store, QStringLiteral("network/proxyAddress")}; }
    // The team store: postgresql://user@host:port/db?sslmode=... (never a password; that is in the
    // keychain), empty: this computer's own store.
    SettingValue<QString> teamStore() const { return {m_store, QStringLiteral("teamStore/url")}; }
    SettingValue<int> lastPage() const { return {m_store, QStringLiteral("ui/lastPage"), 0}; }
    SettingValue<QByteArray> windowGeometry() const { return {m_store, QStringLiteral("ui/geometry")}; }
    SettingValue<QByteArray> windowState() const { return {m_store, QStringLiteral("ui/state")}; }
    SettingValue<bool> networkLogShown() const { return {m_store, QStringLiteral("ui/networkLogShown"), false}; }
    SettingValue<QByteArray> servicesSplitter() const { return {m_store, QStringLiteral("ui/servicesSplitter")}; }
    SettingValue<QByteArray> servicesHeader() const { return {m_store, QStringLiteral("ui/servicesHeader")}; }
    SettingValue<QByteArray> callsSplitter() const { return {m_store, QStringLiteral("ui/callsSplitter")}; }
    SettingValue<QByteArray> callsHeader() const { return {m_store, QStringLiteral("ui/callsHeader")}; }
    // The contact policy (ContactPolicy::load/save): a preset name and the caps per number (0 = none).
    SettingValue<QString> policyPreset() const { return {m_store, QStringLiteral("policy/preset"), QStringLiteral("none")}; }
    SettingValue<int> policyPerDay() const { return {m_store, QStringLiteral("policy/perDay"), 0}; }
    SettingValue<int> policyPerWeek() const { return {m_store, QStringLiteral("policy/perWeek"), 0}; }
    SettingValue<int> policyPerMonth() const { return {m_store, QStringLiteral("policy/perMonth"), 0}; }
    SettingValue<QString> policyWorkdays() const { return {m_store, QStringLiteral("policy/workdaysWindow")}; }
    SettingValue<QString> policyWeekends() const { return {m_store, QStringLiteral("policy/weekendsWindow")}; }
    // Before a campaign resumes, its unknown rows are looked up in Exolve's call history (the app).
    SettingValue<bool> resolveUnknownBeforeResume() const { return {m_store, QStringLiteral("campaigns/resolveUnknownBeforeResume"), true}; }
    SettingValue<bool> policyRequireConsent() const { return {m_store, QStringLiteral("policy/requireConsent"), false}; }
    // The profiles (name, provider, address, login) are a group of their own, kept by ProfileStore.
    static QString profilesGroup() { return QStringLiteral("profiles"); }

private:
    QSettings *m_store;
};

} // namespace vc
