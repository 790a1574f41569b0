#include "ui/shell/profilesdialog.h"
#include "ui/widgets/lazyicon.h"
#include "ui/widgets/accessibility.h"
#include "ui/widgets/stylepalette.h"

#include "exolve/exolveclient.h"
#include "legacy/legacyclient.h"
#include "accounts/networksetup.h"
#include "accounts/profilemanager.h"
#include "accounts/settings.h"
#include "ui_profilesdialog.h"

#include <QComboBox>
#include <QMessageBox>
#include <QPushButton>

namespace vc::ui {

ProfilesDialog::ProfilesDialog(ProfileManager *manager, const QString &currentId, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::ProfilesDialog>()), m_manager(manager), m_currentId(currentId)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("profilesDialog"));
    m_reveal = m_ui->keyEdit->addAction(resourceIcon(QStringLiteral(":/icons/reveal.svg")), QLineEdit::TrailingPosition);
    m_reveal->setObjectName(QStringLiteral("revealKey"));
    m_reveal->setCheckable(true);
    connect(m_reveal, &QAction::toggled, this, [this](bool on) {
        m_ui->keyEdit->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password);
    });
    m_ui->keyEdit->setMaxLength(64 * 1024); // Exolve keys are JWTs of about 1.5 KB; never cut one off
    m_ui->providerCombo->addItem(QString(), QVariant::fromValue(int(Profile::Provider::Exolve)));
    m_ui->providerCombo->addItem(QString(), QVariant::fromValue(int(Profile::Provider::IntegrationApi)));
    connect(m_ui->providerCombo, &QComboBox::activated, this, [this] {
        // Switching provider swaps the other provider's default address for this one's.
        const QString url = m_ui->urlEdit->text().trimmed();
        const bool legacy = currentProvider() == Profile::Provider::IntegrationApi;
        if (url.isEmpty() || url == ExolveClient::defaultBaseUrl().toString() || url == LegacyClient::defaultBaseUrl().toString())
            m_ui->urlEdit->setText((legacy ? LegacyClient::defaultBaseUrl() : ExolveClient::defaultBaseUrl()).toString());
        providerChanged();
    });
    connect(m_ui->profileList, &QListWidget::currentRowChanged, this, &ProfilesDialog::showSelected);
    connect(m_ui->addButton, &QPushButton::clicked, this, &ProfilesDialog::startNewProfile);
    connect(m_ui->removeButton, &QPushButton::clicked, this, &ProfilesDialog::removeSelected);
    connect(m_ui->saveButton, &QPushButton::clicked, this, &ProfilesDialog::save);
    connect(m_ui->useButton, &QPushButton::clicked, this, [this] {
        const QString id = selectedId();
        if (id.isEmpty())
            return;
        m_manager->switchTo(id);
        accept();
    });
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_manager, &ProfileManager::profilesChanged, this, [this] { reload(selectedId()); });
    m_ui->proxyCombo->addItem(QString(), int(ProxyConfig::Mode::System));
    m_ui->proxyCombo->addItem(QString(), int(ProxyConfig::Mode::None));
    m_ui->proxyCombo->addItem(QString(), int(ProxyConfig::Mode::Manual));
    m_ui->networkGroup->setEnabled(false); // until the window hands over its network setup
    connect(m_ui->proxyCombo, &QComboBox::activated, this, &ProfilesDialog::networkEdited);
    connect(m_ui->proxyAddressEdit, &QLineEdit::textEdited, this, &ProfilesDialog::networkEdited);
    retranslate();
    reload(currentId);
}

void ProfilesDialog::setNetworkSetup(NetworkSetup *network)
{
    m_network = network;
    m_ui->networkGroup->setEnabled(network != nullptr);
    if (!network)
        return;
    const ProxyConfig c = network->configured();
    m_ui->proxyCombo->setCurrentIndex(m_ui->proxyCombo->findData(int(c.mode)));
    m_ui->proxyAddressEdit->setText(network->savedAddress());
    showNetwork();
}

void ProfilesDialog::networkEdited()
{
    if (!m_network)
        return;
    const auto mode = ProxyConfig::Mode(m_ui->proxyCombo->currentData().toInt());
    const QString address = m_ui->proxyAddressEdit->text().trimmed();
    // A manual choice takes effect once its address is usable; until then the last good one stays.
    if (mode != ProxyConfig::Mode::Manual || NetworkSetup::manualAddressError(address).isEmpty())
        m_network->setConfigured(mode, address);
    showNetwork();
}

void ProfilesDialog::showNetwork()
{
    const auto mode = ProxyConfig::Mode(m_ui->proxyCombo->currentData().toInt());
    const bool manual = mode == ProxyConfig::Mode::Manual;
    m_ui->proxyAddressEdit->setEnabled(manual);
    m_ui->proxyAddressLabel->setEnabled(manual);
    const QString address = m_ui->proxyAddressEdit->text().trimmed();
    const QString error = manual ? NetworkSetup::manualAddressError(address) : QString();
    m_ui->proxyAddressEdit->setStyleSheet(manual && !address.isEmpty() && !error.isEmpty() ? style::invalidLineEdit() : QString());
    QString hint;
    if (!error.isEmpty() && (!address.isEmpty() || manual))
        hint = error;
    else if (m_network)
        hint = m_network->currentProxy() == QLatin1String("direct")
                   ? tr("Requests go straight to the API (addresses on this computer never use a proxy).")
                   : tr("Requests go through %1.").arg(m_network->currentProxy());
    style::showHint(m_ui->proxyHint, hint, !error.isEmpty());
}

ProfilesDialog::~ProfilesDialog() = default;

QString ProfilesDialog::selectedId() const
{
    const QListWidgetItem *item = m_ui->profileList->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

void ProfilesDialog::reload(const QString &selectId)
{
    QSignalBlocker block(m_ui->profileList);
    m_ui->profileList->clear();
    int selectRow = 0;
    const QList<Profile> profiles = m_manager->profiles();
    for (const Profile &p : profiles) {
        auto *item = new QListWidgetItem(p.sandbox ? tr("%1 (no real calls)").arg(p.name) : p.name, m_ui->profileList);
        item->setData(Qt::UserRole, p.id);
        item->setIcon(resourceIcon(p.sandbox ? QStringLiteral(":/icons/info.svg") : QStringLiteral(":/icons/profile.svg")));
        if (p.id == selectId)
            selectRow = m_ui->profileList->count() - 1;
    }
    m_ui->profileList->setCurrentRow(selectRow);
    block.unblock();
    showSelected();
}

void ProfilesDialog::selectProfile(const QString &id)
{
    reload(id);
}

void ProfilesDialog::showSelected()
{
    m_creating = false;
    const QString id = selectedId();
    const auto profile = m_manager->store()->find(id);
    const bool builtIn = ProfileManager::isBuiltIn(id);
    const bool legacySandbox = id == QLatin1String(ProfileManager::kLegacySandboxId);
    for (QWidget *w : std::initializer_list<QWidget *>{m_ui->nameEdit, m_ui->providerCombo, m_ui->urlEdit, m_ui->loginEdit,
                                                       m_ui->keyEdit, m_ui->saveButton})
        w->setEnabled(!builtIn);
    m_ui->removeButton->setEnabled(profile.has_value());
    m_ui->useButton->setEnabled(!id.isEmpty() && id != m_currentId);
    m_ui->keyEdit->clear();
    m_reveal->setChecked(false);
    setStatus({}, false);
    if (builtIn) {
        m_ui->providerCombo->setCurrentIndex(legacySandbox ? 1 : 0);
        m_ui->loginEdit->setText(legacySandbox ? QStringLiteral("sandbox") : QString());
        providerChanged();
        m_ui->nameEdit->setText(legacySandbox ? m_manager->legacySandboxProfile().name : m_manager->sandboxProfile().name);
        m_ui->urlEdit->setText(tr("built in, on this computer"));
        m_ui->keyHint->setText(tr("The sandbox simulates the API on this computer. Nothing you do here places a real call or costs money."));
        return;
    }
    if (!profile)
        return;
    m_ui->nameEdit->setText(profile->name);
    m_ui->providerCombo->setCurrentIndex(m_ui->providerCombo->findData(int(profile->provider)));
    m_ui->urlEdit->setText(profile->apiUrl.toString());
    m_ui->loginEdit->setText(profile->login);
    m_ui->keyEdit->setPlaceholderText(tr("stored in the system keychain — type to replace"));
    providerChanged();
}

void ProfilesDialog::startNewProfile()
{
    QSignalBlocker block(m_ui->profileList);
    m_ui->profileList->clearSelection();
    m_ui->profileList->setCurrentRow(-1);
    m_creating = true;
    for (QWidget *w : std::initializer_list<QWidget *>{m_ui->nameEdit, m_ui->providerCombo, m_ui->urlEdit, m_ui->loginEdit,
                                                       m_ui->keyEdit, m_ui->saveButton})
        w->setEnabled(true);
    m_ui->providerCombo->setCurrentIndex(0);
    m_ui->loginEdit->clear();
    providerChanged();
    m_ui->removeButton->setEnabled(false);
    m_ui->useButton->setEnabled(false);
    m_ui->nameEdit->clear();
    m_ui->urlEdit->setText(ExolveClient::defaultBaseUrl().toString());
    m_ui->keyEdit->clear();
    m_ui->keyEdit->setPlaceholderText(tr("paste the application's API key"));
    providerChanged(); // the hint under the secret field
    setStatus({}, false);
    m_ui->nameEdit->setFocus();
}

void ProfilesDialog::save()
{
    Profile p;
    if (!m_creating) {
        const auto existing = m_manager->store()->find(selectedId());
        if (!existing)
            return;
        p = *existing;
    }
    p.name = m_ui->nameEdit->text().trimmed();
    p.provider = currentProvider();
    p.login = m_ui->loginEdit->text().trimmed();
    p.apiUrl = QUrl::fromUserInput(m_ui->urlEdit->text().trimmed());
    const QString key = m_ui->keyEdit->text().trimmed();
    if (p.name.isEmpty())
        return setStatus(tr("Enter a name for the profile."), true);
    if (!HttpTransport::isAllowedUrl(p.apiUrl))
        return setStatus(tr("The API address must use https (plain http only to this computer)."), true);
    if (p.provider == Profile::Provider::IntegrationApi && p.login.isEmpty())
        return setStatus(tr("Enter the login."), true);
    if (m_creating && key.isEmpty())
        return setStatus(p.provider == Profile::Provider::IntegrationApi ? tr("Enter the password.") : tr("Enter the API key."), true);
    m_ui->saveButton->setEnabled(false);
    setStatus(tr("Saving…"), false);
    m_manager->save(p, key, this, [this](const Profile &stored, const QString &warning) {
        m_ui->saveButton->setEnabled(true);
        reload(stored.id);
        setStatus(warning.isEmpty() ? tr("Saved.") : warning, !warning.isEmpty());
    });
}

void ProfilesDialog::removeSelected()
{
    const auto profile = m_manager->store()->find(selectedId());
    if (!profile)
        return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Remove profile"),
                                tr("Remove profile \"%1\" and its key from the keychain?").arg(profile->name),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::finished, this, [this, box, id = profile->id](int) {
        if (box->clickedButton() == box->button(QMessageBox::Yes))
            m_manager->remove(id);
    });
    box->open();
}

void ProfilesDialog::setStatus(const QString &text, bool problem)
{
    m_ui->statusLabel->setText(text);
    m_ui->statusLabel->setStyleSheet(problem ? style::hintText(true) : QString());
}

Profile::Provider ProfilesDialog::currentProvider() const
{
    return Profile::Provider(m_ui->providerCombo->currentData().toInt());
}

void ProfilesDialog::providerChanged()
{
    const bool legacy = currentProvider() == Profile::Provider::IntegrationApi;
    m_ui->loginLabel->setVisible(legacy);
    m_ui->loginEdit->setVisible(legacy);
    m_ui->keyLabel->setText(legacy ? tr("&Password:") : tr("API &key:"));
    const QString id = selectedId();
    if (!ProfileManager::isBuiltIn(id))
        m_ui->keyHint->setText(legacy ? tr("The password is kept only in the system keychain, never in a settings file.")
                                      : tr("The key is kept only in the system keychain, never in a settings file."));
}

void ProfilesDialog::retranslate()
{
    m_ui->providerCombo->setItemText(0, tr("Exolve Voice API"));
    m_ui->providerCombo->setItemText(1, tr("integrationapi.net (2013)"));
    providerChanged();
    m_reveal->setToolTip(tr("Show or hide the key"));
    a11y::nameFromLabels(this);
    a11y::nameFieldButtons(m_ui->keyEdit);
    a11y::name(m_ui->profileList, tr("Profiles"));
    m_ui->proxyCombo->setItemText(0, tr("The system's settings"));
    m_ui->proxyCombo->setItemText(1, tr("No proxy"));
    m_ui->proxyCombo->setItemText(2, tr("Manual"));
    m_ui->proxyAddressEdit->setPlaceholderText(tr("host:port, e.g. proxy.example.com:3128"));
    showNetwork();
}

void ProfilesDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
        reload(selectedId());
    }
    QDialog::changeEvent(event);
}

} // namespace vc::ui
