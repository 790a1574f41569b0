#include "ui/shell/proxycredentialsdialog.h"
#include "ui/widgets/accessibility.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace vc::ui {

ProxyCredentialsDialog::ProxyCredentialsDialog(const QString &proxy, QWidget *parent)
    : QDialog(parent), m_proxy(proxy), m_message(new QLabel(this)), m_userLabel(new QLabel(this)),
      m_passwordLabel(new QLabel(this)), m_user(new QLineEdit(this)), m_password(new QLineEdit(this)),
      m_remember(new QCheckBox(this)), m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("proxyCredentialsDialog"));
    m_user->setObjectName(QStringLiteral("proxyUserEdit"));
    m_password->setObjectName(QStringLiteral("proxyPasswordEdit"));
    m_remember->setObjectName(QStringLiteral("proxyRememberCheck"));
    m_message->setWordWrap(true);
    setMinimumWidth(460);
    m_password->setEchoMode(QLineEdit::Password);
    m_userLabel->setBuddy(m_user);
    m_passwordLabel->setBuddy(m_password);
    auto *form = new QFormLayout;
    form->addRow(m_userLabel, m_user);
    form->addRow(m_passwordLabel, m_password);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addLayout(form);
    layout->addWidget(m_remember);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    const auto update = [this] { m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_user->text().trimmed().isEmpty()); };
    connect(m_user, &QLineEdit::textChanged, this, update);
    update();
    retranslate();
}

QString ProxyCredentialsDialog::user() const
{
    return m_user->text().trimmed();
}

QString ProxyCredentialsDialog::password() const
{
    return m_password->text();
}

bool ProxyCredentialsDialog::remember() const
{
    return m_remember->isChecked();
}

void ProxyCredentialsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void ProxyCredentialsDialog::retranslate()
{
    setWindowTitle(tr("Proxy Password"));
    m_message->setText(tr("The proxy server %1 asks for a user name and password before it lets requests through. "
                          "Nothing was sent. Give them, then try again.").arg(m_proxy));
    m_userLabel->setText(tr("&User name:"));
    m_passwordLabel->setText(tr("&Password:"));
    m_remember->setText(tr("&Remember in the system keychain"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Use"));
    a11y::nameFromLabels(this);
    a11y::name(m_remember, m_remember->text().remove(u'&'));
}

} // namespace vc::ui
