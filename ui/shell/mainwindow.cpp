#include "ui/shell/mainwindow.h"
#include "ui/widgets/lazyicon.h"

#include "ui/shell/aboutbox.h"
#include "ui/shell/startupprobe.h"

#include "accounts/settings.h"
#include "calls/callhistory.h"

#include "common/language.h"
#include "ui/send/legacysendpage.h"
#include "ui/shell/messagebanner.h"
#include "ui/widgets/stylepalette.h"
#include "ui/widgets/accessibility.h"
#include "ui/calls/callhistorymodel.h"
#include "ui/calls/callspage.h"
#include "ui/campaigns/campaignactions.h"
#include "campaigns/campaignregistry.h"
#include "common/paths.h"
#include "ui/campaigns/campaignspage.h"
#include "calls/calltracker.h"
#include "ui/shell/networklogdock.h"
#include "accounts/profilemanager.h"
#include "ui/shell/profilesdialog.h"
#include "ui/shell/proxycredentialsdialog.h"
#include "ui/shell/contactpolicydialog.h"
#include "accounts/networksetup.h"
#include "accounts/secretstore.h"
#include "ui/send/sendpage.h"
#include "ui/services/servicespage.h"
#include "ui/sip/sippage.h"
#include "accounts/session.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLoggingCategory>
#include <QMenuBar>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace vc::ui {

namespace {
Q_LOGGING_CATEGORY(lcUi, "vc.ui")

const char *const kIcons[MainWindow::PageCount] = {":/icons/services.svg", ":/icons/send.svg", ":/icons/calls.svg", ":/icons/sip.svg",
                                                   ":/icons/campaigns.svg"};
} // namespace

MainWindow::MainWindow(Session *session, ProfileManager *profiles, CallTracker *tracker, QSettings *settings, QWidget *parent)
    : QMainWindow(parent), m_session(session), m_profiles(profiles), m_tracker(tracker), m_settings(settings),
      m_central(new QWidget(this)), m_banner(new MessageBanner(m_central)), m_sandboxBanner(new MessageBanner(m_central)),
      m_nav(new QListWidget(m_central)), m_pages(new QStackedWidget(m_central)),
      m_profileCombo(new QComboBox(this)), m_profileCaption(new QLabel(this)), m_profileStatus(new QLabel(this)),
      m_endpointStatus(new QLabel(this)), m_activityStatus(new QLabel(this)), m_balanceStatus(new QLabel(this))
{
    m_campaignRegistry = new CampaignRegistry(this);
    setObjectName(QStringLiteral("mainWindow"));
    m_sandboxBanner->setObjectName(QStringLiteral("sandboxBanner"));

    // The Services page is the one a start shows (with the menus' service commands); the other pages are
    // built the first time they are shown or asked for (see mainwindowpages.cpp).
    m_services = new ServicesPage(session, m_banner, m_pages);
    m_pages->addWidget(m_services);
    m_balanceStatus->setObjectName(QStringLiteral("balanceStatus"));

    connect(m_tracker, &CallTracker::callEnded, this, [this](const CallRecord &record) {
        // The status in the words of the Calls page ("no answer", «нет ответа»), never the API's code.
        notifyCallEnded(tr("Call to %1 ended").arg(record.destination),
                        tr("Status: %1").arg(record.stale ? tr("no final status (stale)") : CallHistoryModel::statusText(record)));
    });

    CallHistory *history = m_tracker->history();
    connect(history, &CallHistory::writeFailed, this, [this](const QString &callId, const QString &error) {
        m_banner->showMessage(MessageBanner::Level::Error,
                              tr("Call %1 could not be recorded in the history (%2). Note the call id: it is the "
                                 "only record of this call.").arg(callId, error));
    });

    m_nav->setObjectName(QStringLiteral("navigation"));
    m_nav->setIconSize(QSize(22, 22));
    m_nav->setSpacing(2);
    m_nav->setFrameShape(QFrame::NoFrame);
    m_nav->setFixedWidth(170);
    // A soft highlight keeps the page icons visible when selected, on light and dark palettes.
    m_nav->setStyleSheet(QStringLiteral("QListWidget#navigation { background: transparent; }"
                                        "QListWidget#navigation::item { padding: 6px 4px; border-radius: 5px; }"
                                        "QListWidget#navigation::item:selected { background: %1; color: palette(text); }").arg(style::rgba(style::Tone::Info, 55)));
    for (int i = 0; i < PageCount; ++i)
        new QListWidgetItem(resourceIcon(QLatin1String(kIcons[i])), QString(), m_nav);
    connect(m_nav, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            showPage(row);
    });

    auto *outer = new QVBoxLayout(m_central);
    outer->setContentsMargins(8, 8, 8, 4);
    outer->addWidget(m_sandboxBanner);
    outer->addWidget(m_banner);
    auto *row = new QHBoxLayout;
    row->addWidget(m_nav);
    row->addWidget(m_pages, 1);
    outer->addLayout(row, 1);
    setCentralWidget(m_central);

    m_profileCombo->setObjectName(QStringLiteral("profileCombo"));
    m_profileCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_profileCombo, &QComboBox::activated, this, [this](int index) {
        m_profiles->switchTo(m_profileCombo->itemData(index).toString());
    });

    m_profileStatus->setObjectName(QStringLiteral("profileStatus"));
    m_endpointStatus->setObjectName(QStringLiteral("endpointStatus"));
    m_activityStatus->setObjectName(QStringLiteral("activityStatus"));
    statusBar()->addWidget(m_profileStatus);
    statusBar()->addWidget(m_endpointStatus, 1);
    statusBar()->addPermanentWidget(m_balanceStatus);
    statusBar()->addPermanentWidget(m_activityStatus);
    m_balanceStatus->hide();

    buildMenus();

    connect(m_session, &Session::profileChanged, this, &MainWindow::onProfileChanged);
    connect(m_session->transport(), &HttpTransport::activityChanged, this, [this](int inFlight) {
        m_activityStatus->setText(inFlight > 0 ? tr("● %n request(s) in progress", nullptr, inFlight) : tr("Idle"));
    });
    connect(m_profiles, &ProfileManager::profilesChanged, this, &MainWindow::reloadProfiles);
    connect(m_profiles, &ProfileManager::switchFailed, this, [this](const QString &message) {
        m_banner->showMessage(MessageBanner::Level::Error, message, {}, tr("Edit Profiles…"), [this] { openProfilesDialog(); });
        onProfileChanged(); // put the switcher back on the profile still in use
    });
    connect(m_profiles->secrets(), &SecretStore::keychainFailed, this, [this](const QString &message) {
        m_banner->showMessage(MessageBanner::Level::Warning, message);
    });

    reloadProfiles();
    retranslate();
    restoreState();
    onProfileChanged();
    // What the first frame does not need waits for it: the filters' clear buttons (Qt looks their icon
    // up in the icon theme, a scan of 10-15 ms) and, a campaign a crash or a closed window stopped, the
    // offer to resume it (never resumed on its own).
    StartupProbe::afterFirstFrame(this, [this] {
        m_startupDone = true;
        // The window's icon (rendered at every size the window system keeps) and the tray icon (a
        // question to the X server) are not in the first frame either.
        setWindowIcon(resourceIcon(QStringLiteral(":/voice-console.svg")));
        if (QSystemTrayIcon::isSystemTrayAvailable()) {
            m_tray = new QSystemTrayIcon(windowIcon(), this);
            m_tray->show();
        }
        enableDeferredClearButtons(this);
        offerInterruptedCampaigns();
    });
}

void MainWindow::historyOpened()
{
    if (m_calls) // shown before the history was open: it reads it now
        m_calls->reloadSoon();
    // The history is where an operator looks for a call that may have been placed: a damaged or
    // unwritable history is said, never silent.
    const CallHistory *history = m_tracker->history();
    if (!history->recoveredTo().isEmpty()) {
        m_banner->showMessage(MessageBanner::Level::Warning,
                              tr("The call history file was damaged and could not be read. It was moved aside as "
                                 "%1 and a new history was started; calls from now on are recorded.")
                                  .arg(QDir::toNativeSeparators(history->recoveredTo())),
                              history->recoveryReason());
    } else if (!history->isOpen()) {
        m_banner->showMessage(MessageBanner::Level::Error,
                              tr("The call history could not be opened, so calls are not recorded: %1. Check the "
                                 "data folder %2 and restart Voice Console.")
                                  .arg(history->openError(), QDir::toNativeSeparators(QFileInfo(history->path()).absolutePath())));
    }
}

void MainWindow::offerInterruptedCampaigns()
{
    // Read from the journals by the registry, without building the Campaigns page.
    QList<CampaignSummary> stopped;
    const auto campaigns = m_campaignRegistry->scan(paths::campaignsFolder());
    std::copy_if(campaigns.cbegin(), campaigns.cend(), std::back_inserter(stopped),
                 [this](const CampaignSummary &c) { return m_campaignRegistry->isInterrupted(c); });
    if (stopped.isEmpty())
        return;
    const CampaignSummary &c = stopped.constFirst();
    // Confirmed for a later time and not called yet: it waits for its time once resumed here.
    if (c.settings.startAt.isValid() && QDateTime::currentDateTimeUtc() < c.settings.startAt && c.counts.placed + c.counts.rejected +
                                                                                                   c.counts.unknown + c.counts.dispatching == 0) {
        m_banner->showMessage(MessageBanner::Level::Info,
                              tr("The campaign \"%1\" is scheduled for %2: resume it and it calls from then on, while Voice "
                                 "Console runs. Nothing is called before.")
                                  .arg(c.name, QLocale().toString(c.settings.startAt.toLocalTime(), QLocale::ShortFormat)),
                              {}, tr("Resume"), [this, path = c.path] {
                                  setCurrentPage(CampaignsPageIndex);
                                  campaignsPage()->resume(path);
                              });
        return;
    }
    QString text = tr("The campaign \"%1\" stopped before it finished (Voice Console was closed or stopped): %n row(s) "
                      "still wait.", nullptr, int(c.counts.waiting)).arg(c.name);
    if (c.counts.unknown > 0)
        text += u' ' + tr("%n call(s) may or may not have been placed: they are listed and are not sent again unless you "
                          "choose to.", nullptr, int(c.counts.unknown));
    if (stopped.size() > 1)
        text += u' ' + tr("%n more campaign(s) stopped too.", nullptr, int(stopped.size() - 1));
    m_banner->showMessage(MessageBanner::Level::Warning, text, {}, tr("Show Campaign"), [this, path = c.path] {
        setCurrentPage(CampaignsPageIndex);
        campaignsPage()->showUnknown(path);
    });
}

MainWindow::~MainWindow()
{
    // Pages going away abandon their requests, which the transport reports; this window must not hear
    // that (or anything else from the long-lived core objects) while it is half destroyed.
    for (QObject *source : std::initializer_list<QObject *>{m_session, m_session->transport(), m_tracker, m_profiles,
                                                            m_profiles->secrets()})
        source->disconnect(this);
}

void MainWindow::buildMenus()
{
    m_profilesAction = new QAction(resourceIcon(QStringLiteral(":/icons/profile.svg")), QString(), this);
    m_profilesAction->setObjectName(QStringLiteral("profilesAction"));
    connect(m_profilesAction, &QAction::triggered, this, [this] { openProfilesDialog(); });
    m_teamStoreAction = new QAction(this);
    m_teamStoreAction->setObjectName(QStringLiteral("teamStoreAction"));
    connect(m_teamStoreAction, &QAction::triggered, this, &MainWindow::openTeamStoreDialog);
    m_quitAction = new QAction(this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);
    m_policyAction = new QAction(this);
    m_policyAction->setObjectName(QStringLiteral("contactPolicyAction"));
    m_policyAction->setMenuRole(QAction::PreferencesRole);
    connect(m_policyAction, &QAction::triggered, this, [this] {
        auto *dialog = new ContactPolicyDialog(m_settings, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    m_aboutAction = new QAction(this);
    m_aboutAction->setObjectName(QStringLiteral("aboutAction"));
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, [this] { showAboutBox(this); });
    m_aboutQtAction = new QAction(this);
    m_aboutQtAction->setMenuRole(QAction::AboutQtRole);
    connect(m_aboutQtAction, &QAction::triggered, this, [this] { QMessageBox::aboutQt(this); });

    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->addAction(m_profilesAction);
    m_fileMenu->addAction(m_teamStoreAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quitAction);
    m_editMenu = menuBar()->addMenu(QString());
    m_editMenu->addAction(m_services->copyAction());
    m_editMenu->addAction(m_services->filterAction());
    m_servicesMenu = menuBar()->addMenu(QString());
    m_servicesMenu->addAction(m_services->refreshAction());
    m_servicesMenu->addAction(m_services->newAction());
    m_servicesMenu->addAction(m_services->deleteAction());
    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->setObjectName(QStringLiteral("viewMenu"));
    // Ctrl+1 ... Ctrl+N: the pages in navigation order, from anywhere in the window.
    for (int i = 0; i < PageCount; ++i) {
        auto *show = m_viewMenu->addAction(resourceIcon(QLatin1String(kIcons[i])), QString());
        show->setObjectName(QStringLiteral("showPage%1").arg(i + 1));
        show->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        connect(show, &QAction::triggered, this, [this, i] { setCurrentPage(i); });
        m_pageActions.append(show);
    }
    m_viewMenu->addSeparator();
    // The network log's dock is built the first time it is shown; this action stands for its own.
    m_networkLogAction = m_viewMenu->addAction(QString());
    m_networkLogAction->setObjectName(QStringLiteral("networkLogAction"));
    m_networkLogAction->setCheckable(true);
    m_networkLogAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    connect(m_networkLogAction, &QAction::triggered, this, [this](bool on) { networkLog()->setVisible(on); });
    m_notifyAction = m_viewMenu->addAction(QString());
    m_notifyAction->setObjectName(QStringLiteral("notifyCallEnded"));
    m_notifyAction->setCheckable(true);
    m_notifyAction->setChecked(Settings(m_settings).notifyWhenCallEnds());
    connect(m_notifyAction, &QAction::toggled, this,
            [this](bool on) { Settings(m_settings).notifyWhenCallEnds() = on; });
    m_viewMenu->addSeparator();
    m_languageMenu = m_viewMenu->addMenu(resourceIcon(QStringLiteral(":/icons/language.svg")), QString());
    m_languageGroup = new QActionGroup(this);
    for (const char *code : {"", "en", "ru"}) {
        auto *a = m_languageMenu->addAction(QString());
        a->setCheckable(true);
        a->setData(QLatin1String(code));
        a->setObjectName(QStringLiteral("language_%1").arg(QLatin1String(*code ? code : "system")));
        m_languageGroup->addAction(a);
        connect(a, &QAction::triggered, this, [this, a] { setLanguage(a->data().toString()); });
    }
    m_campaignsMenu = menuBar()->addMenu(QString());
    m_campaignsMenu->setObjectName(QStringLiteral("campaignsMenu"));
    m_campaignActions = new CampaignActions(this);
    m_campaignsMenu->addActions(m_campaignActions->campaign());
    m_campaignsMenu->insertSeparator(m_campaignActions->pause);
    m_toolsMenu = menuBar()->addMenu(QString());
    m_toolsMenu->setObjectName(QStringLiteral("toolsMenu"));
    m_toolsMenu->addAction(m_campaignActions->doNotCall);
    m_toolsMenu->addAction(m_policyAction);
    for (QAction *a : m_campaignActions->campaign())
        a->setShortcutContext(Qt::WindowShortcut);
    addAction(m_campaignActions->newCampaign);
    // These two need no campaign: they build the page when it is not there yet.
    connect(m_campaignActions->newCampaign, &QAction::triggered, this, [this] { campaignsPage()->openWizard(); });
    connect(m_campaignActions->doNotCall, &QAction::triggered, this, [this] { campaignsPage()->openDoNotCallList(); });
    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->addAction(m_aboutAction);
    m_helpMenu->addAction(m_aboutQtAction);

    m_toolbar = addToolBar(QString());
    m_toolbar->setObjectName(QStringLiteral("mainToolbar"));
    m_toolbar->setMovable(false);
    m_toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolbar->addWidget(m_profileCaption);
    m_toolbar->addWidget(m_profileCombo);
    m_toolbar->addAction(m_profilesAction);
    m_servicesSeparator = m_toolbar->addSeparator();
    m_toolbar->addAction(m_services->refreshAction());
    m_toolbar->addAction(m_services->newAction());
    m_toolbar->addAction(m_services->deleteAction());
    // Window-wide shortcuts: they work wherever the focus is.
    for (QAction *a : m_services->actions())
        a->setShortcutContext(Qt::WindowShortcut);
    addActions(m_services->actions());
}

void MainWindow::retranslate()
{
    const QStringList pages = {tr("Services"), tr("Send"), tr("Calls"), tr("SIP"), tr("Campaigns")};
    for (int i = 0; i < PageCount; ++i) {
        m_nav->item(i)->setText(pages[i]);
        m_pageActions[i]->setText(pages[i]);
    }
    a11y::name(m_nav, tr("Pages"));
    a11y::name(m_profileCombo, tr("Profile in use"));
    m_fileMenu->setTitle(tr("&File"));
    m_editMenu->setTitle(tr("&Edit"));
    m_servicesMenu->setTitle(tr("&Services"));
    m_viewMenu->setTitle(tr("&View"));
    m_languageMenu->setTitle(tr("&Language"));
    m_helpMenu->setTitle(tr("&Help"));
    m_campaignsMenu->setTitle(tr("&Campaigns"));
    m_toolsMenu->setTitle(tr("&Tools"));
    m_profilesAction->setText(tr("&Profiles…"));
    m_teamStoreAction->setText(tr("&Team Store…"));
    showStoreStatus();
    m_profilesAction->setToolTip(tr("Add, edit or switch profiles"));
    m_quitAction->setText(tr("&Quit"));
    m_aboutAction->setText(tr("&About Voice Console"));
    m_policyAction->setText(tr("Contact &Policy…"));
    m_aboutQtAction->setText(tr("About &Qt"));
    m_notifyAction->setText(tr("&Notify When a Call Ends"));
    m_networkLogAction->setText(tr("Network &Log"));
    m_campaignActions->retranslate();
    retranslateStandIns();
    m_toolbar->setWindowTitle(tr("Main toolbar"));
    m_profileCaption->setText(tr("Profile:") + u' ');
    const QStringList languages = {tr("System Default"), QStringLiteral("English"), QStringLiteral("Русский")};
    const auto actions = m_languageGroup->actions();
    for (int i = 0; i < actions.size(); ++i)
        actions[i]->setText(languages[i]);
    m_activityStatus->setText(m_session->transport()->inFlight() > 0
                                  ? tr("● %n request(s) in progress", nullptr, m_session->transport()->inFlight())
                                  : tr("Idle"));
    reloadProfiles();
    showProfile(); // the texts only: a language switch asks the server nothing
}

void MainWindow::retranslateStandIns()
{
    if (m_noServices)
        m_noServices->setText(tr("<h3>No services with this provider</h3><p>integrationapi.net (2013) sends uploaded audio "
                                 "files directly: there are no voice-message services to manage. Use the Send page.</p>"));
    if (m_noSip)
        m_noSip->setText(tr("<h3>No SIP accounts with this provider</h3><p>SIP attributes are an Exolve feature; "
                            "integrationapi.net (2013) has none.</p>"));
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::reloadProfiles()
{
    QSignalBlocker block(m_profileCombo);
    m_profileCombo->clear();
    QList<Profile> profiles = m_profiles->profiles();
    // A profile that is in use without being stored (--api-url with VOICE_API_KEY) is shown too.
    const Profile &active = m_session->profile();
    if (m_session->isActive() && std::none_of(profiles.cbegin(), profiles.cend(), [&](const Profile &p) { return p.id == active.id; }))
        profiles.prepend(active);
    for (const Profile &p : std::as_const(profiles)) {
        m_profileCombo->addItem(resourceIcon(p.sandbox ? QStringLiteral(":/icons/info.svg") : QStringLiteral(":/icons/profile.svg")),
                                p.sandbox ? tr("%1 (no real calls)").arg(p.name) : p.name, p.id);
    }
    const int index = m_profileCombo->findData(m_session->profile().id);
    m_profileCombo->setCurrentIndex(index);
}

void MainWindow::onProfileChanged()
{
    reloadProfiles();
    refreshBalance();
    showProfile();
}

void MainWindow::showProfile()
{
    const Profile &p = m_session->profile();
    if (m_nav->currentRow() >= 0)
        showPage(m_nav->currentRow());
    showBalance();
    if (!m_session->isActive()) {
        setWindowTitle(tr("Voice Console"));
        m_profileStatus->setText(tr("No profile"));
        m_endpointStatus->clear();
        m_sandboxBanner->clear();
        return;
    }
    QSignalBlocker block(m_profileCombo);
    const int index = m_profileCombo->findData(p.id);
    if (index >= 0)
        m_profileCombo->setCurrentIndex(index);
    if (p.sandbox) {
        // The built-in profiles' names are translated: take them afresh, not as they were at activation.
        const QString name = m_profiles->builtIn(p.id).name;
        setWindowTitle(tr("Voice Console — %1 (no real calls)").arg(name));
        m_profileStatus->setText(tr("Sandbox: no real calls are made"));
        m_sandboxBanner->showMessage(MessageBanner::Level::Info,
                                     tr("You are working in the built-in sandbox: services and calls are simulated on this "
                                        "computer and nothing costs money."),
                                     {}, tr("Add a Real Account…"), [this] {
                                         if (auto *dialog = openProfilesDialog())
                                             dialog->startNewProfile();
                                     });
    } else {
        setWindowTitle(tr("Voice Console — %1").arg(p.name));
        m_profileStatus->setText(m_session->secretSessionOnly() ? tr("Profile: %1 (key kept for this session only)").arg(p.name)
                                                                : tr("Profile: %1").arg(p.name));
        m_sandboxBanner->clear();
    }
    const QString proxy = m_network ? m_network->currentProxy() : QString();
    m_endpointStatus->setText(proxy.isEmpty() || proxy == QLatin1String("direct")
                                  ? m_session->endpoint().toString()
                                  : tr("%1 via proxy %2").arg(m_session->endpoint().toString(), proxy));
}

void MainWindow::setNetworkSetup(NetworkSetup *network)
{
    m_network = network;
    connect(network, &NetworkSetup::changed, this, &MainWindow::showProfile);
    connect(m_session->transport(), &HttpTransport::proxyAuthenticationRequired, this, [this](const QString &proxy) {
        if (!m_network || m_network->askedThisSession())
            return; // once per session; the request's own error says what happened
        m_network->markAsked();
        auto *dialog = new ProxyCredentialsDialog(proxy, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, this, [this, dialog, proxy] {
            m_network->setCredentials(proxy, dialog->user(), dialog->password(), dialog->remember());
            m_banner->showMessage(MessageBanner::Level::Info,
                                  tr("The proxy's user name and password are used from now on. Try again what the proxy refused."));
        });
        dialog->open();
    });
    showProfile();
}

ProfilesDialog *MainWindow::openProfilesDialog()
{
    if (auto *existing = findChild<ProfilesDialog *>()) {
        existing->raise();
        existing->activateWindow();
        return existing;
    }
    auto *dialog = new ProfilesDialog(m_profiles, m_session->profile().id, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setNetworkSetup(m_network);
    dialog->open();
    return dialog;
}

void MainWindow::refreshBalance()
{
    if (!m_session->isLegacy()) {
        m_balanceStatus->hide();
        return;
    }
    m_balance.reset();
    showBalance();
    const QString profileId = m_session->profile().id;
    m_session->legacy()->balance(this, [this, profileId](const Result<double> &r) {
        if (m_session->profile().id != profileId)
            return;
        m_balance = r;
        showBalance();
    });
}

void MainWindow::showBalance()
{
    m_balanceStatus->setVisible(m_session->isLegacy());
    if (!m_balance)
        m_balanceStatus->setText(tr("Balance: …"));
    else
        m_balanceStatus->setText(m_balance->ok() ? tr("Balance: %1").arg(QLocale().toString(m_balance->value(), 'f', 2))
                                                 : tr("Balance: unavailable"));
    m_balanceStatus->setToolTip(m_balance && !m_balance->ok() ? m_balance->error().toDisplayString() : QString());
}

void MainWindow::notifyCallEnded(const QString &title, const QString &text)
{
    if (!m_notifyAction->isChecked())
        return;
    if (m_tray)
        m_tray->showMessage(title, text, resourceIcon(QStringLiteral(":/voice-console.svg")), 8000);
    qCInfo(lcUi).noquote() << title << '-' << text;
    Q_EMIT notified(title, text);
}

void MainWindow::setLanguage(const QString &language)
{
    Settings(m_settings).language() = language;
    Language::install(Language::resolve(language));
    qCInfo(lcUi) << "language" << Language::current();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    const QStringList running = m_campaignRegistry->active();
    if (!running.isEmpty()) {
        QMessageBox box(QMessageBox::Warning, tr("Campaigns Are Running"),
                        tr("%n campaign(s) are calling now. Quitting stops them: no new call is placed, and a call "
                           "being requested at this moment gets an unknown outcome. They are offered for resumption "
                           "next time.", nullptr, int(running.size())),
                        QMessageBox::Cancel, this);
        box.setObjectName(QStringLiteral("quitWhileRunning"));
        auto *quit = box.addButton(tr("Stop and Quit"), QMessageBox::DestructiveRole);
        box.setDefaultButton(QMessageBox::Cancel);
        box.exec();
        if (box.clickedButton() != quit) {
            event->ignore();
            return;
        }
    }
    saveState();
    QMainWindow::closeEvent(event);
}

} // namespace vc::ui
