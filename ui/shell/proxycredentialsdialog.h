#pragma once

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace vc::ui {

// Asked once per session when a proxy answers 407: its user name and password, kept for the session
// and, when "remember" is ticked, in the system keychain (never in the settings).
class ProxyCredentialsDialog final : public QDialog
{
    Q_OBJECT
public:
    ProxyCredentialsDialog(const QString &proxy, QWidget *parent = nullptr);

    QString user() const;
    QString password() const;
    bool remember() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    QString m_proxy;
    QLabel *m_message;
    QLabel *m_userLabel;
    QLabel *m_passwordLabel;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QCheckBox *m_remember;
    QDialogButtonBox *m_buttons;
};

} // namespace vc::ui
