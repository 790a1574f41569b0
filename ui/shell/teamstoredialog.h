#pragma once

#include "store/teamstore.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSettings;
class QSpinBox;

namespace vc {
class SecretStore;
class TeamStoreService;
} // namespace vc

namespace vc::ui {

// Profiles → Team Store: none (this computer's own store) or a PostgreSQL server several operators share
// -- host, port, database, user, the password (kept in the keychain), the TLS mode (verify-full unless
// the server is this computer) and the CA file to trust. A connection test, and the upload of this
// computer's do-not-call list and ledger into the team store. Nothing here waits on the network on the
// window's thread.
class TeamStoreDialog final : public QDialog
{
    Q_OBJECT
public:
    TeamStoreDialog(QSettings *settings, SecretStore *secrets, TeamStoreService *service, QWidget *parent = nullptr);
    ~TeamStoreDialog() override;

    // The address the form describes; nullopt and the fields flagged when it is incomplete.
    std::optional<TeamStoreAddress> address(QString *problem = nullptr) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void modeChanged();
    void chooseCaFile();
    // The password typed, else the keychain's; then `use` (or the reason it cannot be had).
    void withPassword(const TeamStoreAddress &address, std::function<void(const QString &)> use);
    void test();
    void upload();
    void save();
    void busy(bool on, const QString &what = {});
    void say(const QString &text, bool error);
    bool team() const;

    QSettings *m_settings;
    SecretStore *m_secrets;
    TeamStoreService *m_service;
    QLabel *m_intro;
    QLabel *m_modeLabel;
    QComboBox *m_mode;
    QLabel *m_hostLabel;
    QLineEdit *m_host;
    QLabel *m_portLabel;
    QSpinBox *m_port;
    QLabel *m_databaseLabel;
    QLineEdit *m_database;
    QLabel *m_userLabel;
    QLineEdit *m_user;
    QLabel *m_passwordLabel;
    QLineEdit *m_password;
    QLabel *m_tlsLabel;
    QComboBox *m_tls;
    QLabel *m_caLabel;
    QLineEdit *m_ca;
    QPushButton *m_browse;
    QPushButton *m_test;
    QPushButton *m_upload;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
    bool m_passwordStored = false;
    int m_busy = 0;
};

} // namespace vc::ui
