#include "ui/shell/teamstoredialog.h"

#include "accounts/secretstore.h"
#include "accounts/settings.h"
#include "policy/contactledger.h"
#include "policy/teamstoreservice.h"
#include "ui/widgets/accessibility.h"
#include "ui/widgets/stylepalette.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace vc::ui {

namespace {
const QStringList &tlsModes()
{
    static const QStringList modes{QStringLiteral("verify-full"), QStringLiteral("verify-ca"), QStringLiteral("require"),
                                   QStringLiteral("prefer"), QStringLiteral("disable")};
    return modes;
}
} // namespace

TeamStoreDialog::TeamStoreDialog(QSettings *settings, SecretStore *secrets, TeamStoreService *service, QWidget *parent)
    : QDialog(parent), m_settings(settings), m_secrets(secrets), m_service(service), m_intro(new QLabel(this)),
      m_modeLabel(new QLabel(this)), m_mode(new QComboBox(this)), m_hostLabel(new QLabel(this)), m_host(new QLineEdit(this)),
      m_portLabel(new QLabel(this)), m_port(new QSpinBox(this)), m_databaseLabel(new QLabel(this)), m_database(new QLineEdit(this)),
      m_userLabel(new QLabel(this)), m_user(new QLineEdit(this)), m_passwordLabel(new QLabel(this)), m_password(new QLineEdit(this)),
      m_tlsLabel(new QLabel(this)), m_tls(new QComboBox(this)), m_caLabel(new QLabel(this)), m_ca(new QLineEdit(this)),
      m_browse(new QPushButton(this)), m_test(new QPushButton(this)), m_upload(new QPushButton(this)), m_message(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("teamStoreDialog"));
    m_mode->setObjectName(QStringLiteral("storeModeCombo"));
    m_host->setObjectName(QStringLiteral("hostEdit"));
    m_port->setObjectName(QStringLiteral("portSpin"));
    m_database->setObjectName(QStringLiteral("databaseEdit"));
    m_user->setObjectName(QStringLiteral("userEdit"));
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_tls->setObjectName(QStringLiteral("tlsCombo"));
    m_ca->setObjectName(QStringLiteral("caFileEdit"));
    m_browse->setObjectName(QStringLiteral("browseCaButton"));
    m_test->setObjectName(QStringLiteral("testConnectionButton"));
    m_upload->setObjectName(QStringLiteral("uploadButton"));
    m_message->setObjectName(QStringLiteral("teamStoreMessage"));
    m_intro->setWordWrap(true);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    setMinimumWidth(580);
    m_mode->addItem(QString(), false);
    m_mode->addItem(QString(), true);
    m_port->setRange(1, 65535);
    m_port->setValue(5432);
    m_password->setEchoMode(QLineEdit::Password);
    for (const QString &m : tlsModes())
        m_tls->addItem(QString(), m);
    m_modeLabel->setBuddy(m_mode);
    m_hostLabel->setBuddy(m_host);
    m_portLabel->setBuddy(m_port);
    m_databaseLabel->setBuddy(m_database);
    m_userLabel->setBuddy(m_user);
    m_passwordLabel->setBuddy(m_password);
    m_tlsLabel->setBuddy(m_tls);
    m_caLabel->setBuddy(m_ca);

    auto *hostRow = new QHBoxLayout;
    hostRow->addWidget(m_host, 1);
    hostRow->addWidget(m_portLabel);
    hostRow->addWidget(m_port);
    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_ca, 1);
    caRow->addWidget(m_browse);
    auto *form = new QFormLayout;
    form->addRow(m_modeLabel, m_mode);
    form->addRow(m_hostLabel, hostRow);
    form->addRow(m_databaseLabel, m_database);
    form->addRow(m_userLabel, m_user);
    form->addRow(m_passwordLabel, m_password);
    form->addRow(m_tlsLabel, m_tls);
    form->addRow(m_caLabel, caRow);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_test);
    actions->addWidget(m_upload);
    actions->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addLayout(actions);
    layout->addWidget(m_message);
    layout->addStretch();
    layout->addWidget(m_buttons);

    // What is saved: the address (never a password: that is in the keychain).
    const QString saved = Settings(m_settings).teamStore().get();
    if (const auto a = TeamStoreAddress::parse(saved); !saved.isEmpty() && a) {
        m_mode->setCurrentIndex(1);
        m_host->setText(a.value().host);
        m_port->setValue(a.value().port);
        m_database->setText(a.value().database);
        m_user->setText(a.value().user);
        m_tls->setCurrentIndex(std::max(0, int(tlsModes().indexOf(a.value().effectiveSslMode()))));
        m_ca->setText(a.value().sslRootCert);
        m_passwordStored = true;
    } else {
        m_database->setText(QStringLiteral("voice_console"));
    }
    connect(m_mode, &QComboBox::currentIndexChanged, this, &TeamStoreDialog::modeChanged);
    connect(m_host, &QLineEdit::textEdited, this, [this] {
        // A server elsewhere: verified TLS; this computer: a local cluster rarely has TLS.
        TeamStoreAddress probe;
        probe.host = m_host->text().trimmed();
        m_tls->setCurrentIndex(int(tlsModes().indexOf(probe.effectiveSslMode())));
    });
    connect(m_browse, &QPushButton::clicked, this, &TeamStoreDialog::chooseCaFile);
    connect(m_test, &QPushButton::clicked, this, &TeamStoreDialog::test);
    connect(m_upload, &QPushButton::clicked, this, &TeamStoreDialog::upload);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &TeamStoreDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    retranslate();
    modeChanged();
}

TeamStoreDialog::~TeamStoreDialog() = default;

bool TeamStoreDialog::team() const
{
    return m_mode->currentData().toBool();
}

std::optional<TeamStoreAddress> TeamStoreDialog::address(QString *problem) const
{
    TeamStoreAddress a;
    a.host = m_host->text().trimmed();
    a.port = m_port->value();
    a.database = m_database->text().trimmed();
    a.user = m_user->text().trimmed();
    a.sslMode = m_tls->currentData().toString();
    a.sslRootCert = m_ca->text().trimmed();
    QString why;
    QLineEdit *bad = nullptr;
    if (a.host.isEmpty()) {
        why = tr("Give the server's host name or address.");
        bad = m_host;
    } else if (a.database.isEmpty()) {
        why = tr("Give the database's name.");
        bad = m_database;
    } else if (a.user.isEmpty()) {
        why = tr("Give your database user name.");
        bad = m_user;
    } else if (a.sslMode.startsWith(QLatin1String("verify")) && a.sslRootCert.isEmpty()) {
        why = tr("To verify the server, choose the CA file to trust (your administrator has it), or choose another TLS mode.");
        bad = m_ca;
    } else if (!a.sslRootCert.isEmpty() && !QFileInfo(a.sslRootCert).isFile()) {
        why = tr("The CA file %1 cannot be found.").arg(QDir::toNativeSeparators(a.sslRootCert));
        bad = m_ca;
    }
    for (QLineEdit *w : {m_host, m_database, m_user, m_ca})
        w->setStyleSheet(w == bad ? style::invalidLineEdit() : QString());
    if (problem)
        *problem = why;
    if (!why.isEmpty())
        return std::nullopt;
    return a;
}

void TeamStoreDialog::modeChanged()
{
    const bool on = team();
    for (QWidget *w : std::initializer_list<QWidget *>{m_host, m_port, m_database, m_user, m_password, m_tls, m_ca, m_browse, m_test,
                                                       m_upload, m_hostLabel, m_portLabel, m_databaseLabel, m_userLabel,
                                                       m_passwordLabel, m_tlsLabel, m_caLabel})
        w->setEnabled(on && m_busy == 0);
    if (!on)
        say(tr("This computer's own store is used: %1.").arg(QDir::toNativeSeparators(ContactLedger::defaultPath())), false);
    else
        m_message->clear();
}

void TeamStoreDialog::chooseCaFile()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("The CA File to Trust"), QString(),
                                                      tr("Certificates (*.crt *.pem *.cer);;All files (*)"));
    if (!file.isEmpty())
        m_ca->setText(file);
}

void TeamStoreDialog::withPassword(const TeamStoreAddress &address, std::function<void(const QString &)> use)
{
    if (!m_password->text().isEmpty())
        return use(m_password->text());
    if (!m_passwordStored)
        return say(tr("Give the password of your database user."), true);
    busy(true, tr("Reading the password from the keychain…"));
    m_secrets->read(address.secretKey(), this, [this, use = std::move(use)](const SecretResult &r) {
        busy(false);
        if (!r.ok())
            return say(tr("The password could not be read from the keychain: %1. Type it again.").arg(r.error().message), true);
        use(r.value());
    });
}

void TeamStoreDialog::test()
{
    QString problem;
    const auto a = address(&problem);
    if (!a)
        return say(problem, true);
    withPassword(*a, [this, a = *a](const QString &password) {
        busy(true, tr("Connecting to %1…").arg(a.display()));
        TeamStoreService::check(a, password, this, [this, a](const Result<TeamStoreService::Check, StorageError> &r) {
            busy(false);
            if (!r)
                return say(r.error().message, true);
            say(tr("Connected to %1: schema version %2 (this Voice Console: %3).").arg(a.display()).arg(r.value().schemaVersion).arg(r.value().supported),
                false);
        });
    });
}

void TeamStoreDialog::upload()
{
    QString problem;
    const auto a = address(&problem);
    if (!a)
        return say(problem, true);
    withPassword(*a, [this, a = *a](const QString &password) {
        busy(true, tr("Uploading this computer's do-not-call list and ledger to %1…").arg(a.display()));
        TeamStoreService::upload(a, password, ContactLedger::defaultPath(), this,
                                 [this, a](const Result<ContactLedger::Upload, StorageError> &r) {
                                     busy(false);
                                     if (!r)
                                         return say(r.error().message, true);
                                     say(tr("Uploaded to %1: %2 number(s) new on the do-not-call list, %3 history entries, %4 call(s) "
                                            "into the contact ledger. This computer's own store is kept unchanged as a backup.")
                                             .arg(a.display())
                                             .arg(r.value().doNotCall)
                                             .arg(r.value().history)
                                             .arg(r.value().calls),
                                         false);
                                 });
    });
}

void TeamStoreDialog::save()
{
    Settings settings(m_settings);
    if (!team()) {
        settings.teamStore() = QString();
        m_settings->sync();
        TeamStore::selectLocal();
        m_service->storeChanged();
        return accept();
    }
    QString problem;
    const auto a = address(&problem);
    if (!a)
        return say(problem, true);
    const auto apply = [this, a = *a](const QString &password) {
        Settings(m_settings).teamStore() = a.display();
        m_settings->sync();
        if (m_settings->status() != QSettings::NoError)
            return say(tr("The settings file cannot be written: %1").arg(m_settings->fileName()), true);
        TeamStore::select(a, password);
        m_service->storeChanged();
        accept();
    };
    if (m_password->text().isEmpty())
        return withPassword(*a, apply);
    // A new password goes to the keychain first; the settings never see it.
    const QString password = m_password->text();
    busy(true, tr("Keeping the password in the keychain…"));
    m_secrets->write(a->secretKey(), password, this, [this, apply, password](const SecretResult &r) {
        busy(false);
        if (!r.ok())
            return say(tr("The password could not be kept in the keychain: %1").arg(r.error().message), true);
        apply(password);
    });
}

void TeamStoreDialog::busy(bool on, const QString &what)
{
    m_busy += on ? 1 : -1;
    m_buttons->setEnabled(m_busy == 0);
    m_mode->setEnabled(m_busy == 0);
    modeChanged();
    if (on)
        say(what, false);
}

void TeamStoreDialog::say(const QString &text, bool error)
{
    style::showHint(m_message, text, error);
}

void TeamStoreDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void TeamStoreDialog::retranslate()
{
    setWindowTitle(tr("Team Store"));
    m_intro->setText(tr("Where the do-not-call list, its history, the contact ledger, the contact policy and the list of "
                        "campaigns are kept. This computer's own store serves one operator; a team store on PostgreSQL "
                        "is shared by every operator's computer: a refusal taken by one stops the others' next call, "
                        "and a cap counts the team's calls."));
    m_modeLabel->setText(tr("&Store:"));
    m_mode->setItemText(0, tr("This computer only"));
    m_mode->setItemText(1, tr("Team store on PostgreSQL"));
    m_hostLabel->setText(tr("&Host:"));
    m_portLabel->setText(tr("P&ort:"));
    m_databaseLabel->setText(tr("&Database:"));
    m_userLabel->setText(tr("&User:"));
    m_passwordLabel->setText(tr("Pass&word:"));
    m_password->setPlaceholderText(m_passwordStored ? tr("kept in the keychain; type to replace it") : QString());
    m_tlsLabel->setText(tr("&TLS:"));
    const QStringList titles{tr("verify-full: encrypted, the server's certificate and name checked"),
                             tr("verify-ca: encrypted, the server's certificate checked"), tr("require: encrypted, not checked"),
                             tr("prefer: encrypted when the server offers it"), tr("disable: not encrypted")};
    for (int i = 0; i < m_tls->count(); ++i)
        m_tls->setItemText(i, titles.value(i));
    m_caLabel->setText(tr("&CA file:"));
    m_browse->setText(tr("&Browse…"));
    m_test->setText(tr("T&est Connection"));
    m_upload->setText(tr("U&pload My Do-Not-Call List and Ledger"));
    m_buttons->button(QDialogButtonBox::Save)->setText(tr("Save"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    a11y::name(m_mode, tr("Store"));
    a11y::name(m_host, tr("Host"));
    a11y::name(m_port, tr("Port"));
    a11y::name(m_database, tr("Database"));
    a11y::name(m_user, tr("User"));
    a11y::name(m_password, tr("Password"));
    a11y::name(m_tls, tr("TLS mode"));
    a11y::name(m_ca, tr("CA file to trust"));
    a11y::name(m_browse, tr("Browse for the CA file"));
    a11y::name(m_test, tr("Test Connection"));
    a11y::name(m_upload, tr("Upload my do-not-call list and ledger to the team store"));
    a11y::name(m_message, tr("Team store status"));
    a11y::name(this, tr("Team Store"));
}

} // namespace vc::ui
