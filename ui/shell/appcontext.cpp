#include "ui/shell/appcontext.h"

#include "accounts/networksetup.h"
#include "accounts/profilemanager.h"
#include "accounts/secretstore.h"
#include "accounts/session.h"
#include "calls/callhistory.h"
#include "calls/calltracker.h"
#include "accounts/settings.h"
#include "policy/teamstoreservice.h"
#include "ui/shell/messagebanner.h"
#include "ui/shell/mainwindow.h"

#include <QLoggingCategory>
#include <QThreadPool>

namespace vc::ui {

namespace {
Q_LOGGING_CATEGORY(lcApp, "vc.ui")
}

AppContext::AppContext(Options options)
    : m_settings(options.settings), m_session(std::make_unique<Session>()),
      m_store(std::make_unique<ProfileStore>(options.settings)),
      m_secrets(std::make_unique<SecretStore>(std::move(options.secrets))),
      m_profiles(std::make_unique<ProfileManager>(m_store.get(), m_secrets.get(), m_session.get(), std::move(options.sandboxUrl))),
      m_history(std::make_unique<CallHistory>()),
      m_historyPath(options.historyPath.isEmpty() ? CallHistory::defaultPath() : options.historyPath)
{
    m_network = std::make_unique<NetworkSetup>(m_settings, m_secrets.get(), m_session.get());
    m_network->apply();
    m_tracker = std::make_unique<CallTracker>(m_session.get(), m_history.get());
    m_tracker->setSettings(m_settings); // the contact policy's caps
    m_window = std::make_unique<MainWindow>(m_session.get(), m_profiles.get(), m_tracker.get(), m_settings);
    m_window->setNetworkSetup(m_network.get());
    // Campaign threads write their calls into the same history file.
    m_window->setCampaignHistoryPath(m_historyPath);
    m_teamStore = std::make_unique<TeamStoreService>();
    m_window->setTeamStore(m_teamStore.get());
    chooseStore();
    if (!options.openHistoryLater)
        openHistory();
}

void AppContext::openHistory()
{
    if (m_history->isOpen() || !m_history->path().isEmpty())
        return; // opened, or tried
    // A history that cannot be opened is shown in the window's banner; the app still works.
    if (const auto opened = m_history->open(m_historyPath); !opened)
        qCWarning(lcApp).noquote() << "call history unavailable:" << opened.message();
    m_window->historyOpened();
}

void AppContext::chooseStore()
{
    const QString url = Settings(m_settings).teamStore().get();
    if (url.isEmpty())
        return; // this computer's own store
    const auto address = TeamStoreAddress::parse(url);
    if (!address) {
        m_window->banner()->showMessage(MessageBanner::Level::Error,
                                        MainWindow::tr("The team store's address in the settings cannot be read (%1): "
                                                       "nothing is called until it is set again in Profiles → Team Store.")
                                            .arg(address.error()));
        TeamStore::select(TeamStoreAddress{}, {}); // never this computer's store by mistake
        return;
    }
    // Until the keychain answers, the team store without a password: nothing is called meanwhile, and
    // never against this computer's own store by mistake.
    TeamStore::select(address.value(), {});
    m_secrets->read(address.value().secretKey(), m_teamStore.get(), [this, a = address.value()](const SecretResult &r) {
        if (r.ok()) {
            TeamStore::select(a, r.value());
        } else {
            m_window->banner()->showMessage(MessageBanner::Level::Error,
                                            MainWindow::tr("The team store's password could not be read from the keychain: %1. "
                                                           "Give it again in Profiles → Team Store; nothing is called until then.")
                                                .arg(r.error().message));
        }
        m_teamStore->storeChanged();
        m_teamStore->watch(30000);
    });
}

AppContext::~AppContext()
{
    m_window.reset();
    m_tracker.reset();
    // Work on the team store runs on the global pool (a reservation, a health check): it ends before the
    // program does, never cut off in the middle (a connection attempt gives up after 5 s).
    QThreadPool::globalInstance()->waitForDone(15000);
}

} // namespace vc::ui
