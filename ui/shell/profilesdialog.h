#pragma once

#include "accounts/profile.h"

#include <QDialog>

#include <memory>

namespace Ui {
class ProfilesDialog;
}

namespace vc {
class NetworkSetup;
class ProfileManager;
}

namespace vc::ui {

// Add, edit, remove and switch profiles. The key field is masked (with a reveal toggle), takes any
// length, and is never filled from the keychain: it only replaces the stored key when typed.
class ProfilesDialog final : public QDialog
{
    Q_OBJECT
public:
    ProfilesDialog(ProfileManager *manager, const QString &currentId, QWidget *parent = nullptr);
    ~ProfilesDialog() override;

    void selectProfile(const QString &id);
    void startNewProfile();
    // The Network group: the proxy choice, saved and applied as it is made.
    void setNetworkSetup(NetworkSetup *network);

protected:
    void changeEvent(QEvent *event) override;

private:
    void reload(const QString &selectId);
    void showSelected();
    void save();
    void removeSelected();
    void setStatus(const QString &text, bool problem);
    void retranslate();
    void providerChanged();
    void showNetwork();
    void networkEdited();
    Profile::Provider currentProvider() const;
    QString selectedId() const;

    std::unique_ptr<Ui::ProfilesDialog> m_ui;
    ProfileManager *m_manager;
    NetworkSetup *m_network = nullptr;
    QString m_currentId;
    QAction *m_reveal = nullptr;
    bool m_creating = false;
};

} // namespace vc::ui
