// The main window's pages: which widget shows for a page, the pages built on first use, the
// current page, and the window's layout saved and restored.
#include "ui/shell/mainwindow.h"

#include "ui/widgets/accessibility.h"
#include "accounts/session.h"
#include "net/httptransport.h"
#include "accounts/settings.h"
#include "ui/calls/callspage.h"
#include "ui/campaigns/campaignspage.h"
#include "ui/send/legacysendpage.h"
#include "ui/shell/messagebanner.h"
#include "ui/shell/networklogdock.h"
#include "ui/send/sendpage.h"
#include "ui/services/servicespage.h"
#include "ui/sip/sippage.h"

#include <QActionGroup>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>

namespace vc::ui {

// Line edits marked with the property clearButtonAfterFirstFrame (in their .ui) get their clear button
// once the first frame is out: enabling it makes Qt scan the icon theme (10-15 ms). The button shows
// only once there is text, so nothing looks different. Named for screen readers like every other.
void MainWindow::enableDeferredClearButtons(QWidget *root)
{
    const auto edits = root->findChildren<QLineEdit *>();
    for (QLineEdit *edit : edits) {
        if (edit->property("clearButtonAfterFirstFrame").toBool() && !edit->isClearButtonEnabled()) {
            edit->setClearButtonEnabled(true);
            a11y::nameFieldButtons(edit);
        }
    }
}

void MainWindow::adoptPage(QWidget *page)
{
    m_pages->addWidget(page);
    if (m_startupDone)
        enableDeferredClearButtons(page);
}

SendPage *MainWindow::sendPage()
{
    if (m_send)
        return m_send;
    m_send = new SendPage(m_session, m_tracker, m_banner, m_settings, m_pages);
    connect(m_send, &SendPage::callPlaced, this, [this](const QString &callId) {
        m_banner->showMessage(MessageBanner::Level::Info, tr("Call %1 placed; it is followed on the Calls page.").arg(callId), {},
                              tr("Show"), [this, callId] {
                                  setCurrentPage(CallsPageIndex);
                                  callsPage()->selectCall(callId);
                              });
    });
    adoptPage(m_send);
    return m_send;
}

CallsPage *MainWindow::callsPage()
{
    if (m_calls)
        return m_calls;
    m_calls = new CallsPage(m_session, m_tracker, m_banner, m_pages);
    const Settings settings(m_settings);
    m_calls->splitter()->restoreState(settings.callsSplitter());
    m_calls->table()->horizontalHeader()->restoreState(settings.callsHeader());
    adoptPage(m_calls);
    return m_calls;
}

SipPage *MainWindow::sipPage()
{
    if (!m_sip) {
        m_sip = new SipPage(m_session, m_banner, m_pages);
        adoptPage(m_sip);
    }
    return m_sip;
}

CampaignsPage *MainWindow::campaignsPage()
{
    if (m_campaignsPage)
        return m_campaignsPage;
    m_campaignsPage = new CampaignsPage(m_session, m_campaignRegistry, m_campaignActions, m_banner, m_pages);
    m_campaignsPage->setHistoryPath(m_campaignHistoryPath);
    connect(m_campaignsPage, &CampaignsPage::campaignEnded, this, [this](const QString &name, const QString &summary) {
        notifyCallEnded(tr("Campaign %1 finished").arg(name), summary);
        if (m_calls)
            m_calls->reloadSoon();
    });
    connect(m_campaignsPage, &CampaignsPage::historyChanged, this, [this] {
        if (m_calls) // a page not built yet reads the history when it is
            m_calls->reloadSoon();
    });
    adoptPage(m_campaignsPage);
    return m_campaignsPage;
}

NetworkLogDock *MainWindow::networkLog()
{
    if (m_networkLog)
        return m_networkLog;
    m_networkLog = new NetworkLogDock(m_session->transport()->log(), this);
    m_networkLog->hide();
    addDockWidget(Qt::BottomDockWidgetArea, m_networkLog);
    restoreDockWidget(m_networkLog); // where it was last time (restoreState() kept it for this)
    m_networkLogAction->setChecked(m_networkLog->isVisible());
    connect(m_networkLog->toggleViewAction(), &QAction::toggled, m_networkLogAction, &QAction::setChecked);
    return m_networkLog;
}

void MainWindow::setCampaignHistoryPath(const QString &path)
{
    m_campaignHistoryPath = path;
    if (m_campaignsPage)
        m_campaignsPage->setHistoryPath(path);
}

LegacySendPage *MainWindow::legacySendPage()
{
    if (m_legacySend)
        return m_legacySend;
    // integrationapi.net has no voice-message services and no SIP accounts; it sends audio files.
    m_legacySend = new LegacySendPage(m_session, m_tracker, m_banner, m_pages);
    connect(m_legacySend, &LegacySendPage::sendFinished, this, &MainWindow::refreshBalance);
    connect(m_legacySend, &LegacySendPage::messageSent, this, [this](const QString &id) {
        m_banner->showMessage(MessageBanner::Level::Info, tr("Message %1 accepted; it is followed on the Calls page.").arg(id), {},
                              tr("Show"), [this, id] {
                                  setCurrentPage(CallsPageIndex);
                                  callsPage()->selectCall(id);
                              });
    });
    adoptPage(m_legacySend);
    return m_legacySend;
}

// What a legacy profile shows for the pages it has not (rich text: made only when one shows).
QLabel *MainWindow::standIn(QLabel *&label, const char *name)
{
    if (!label) {
        label = new QLabel(m_pages);
        label->setObjectName(QLatin1String(name));
        label->setAlignment(Qt::AlignCenter);
        label->setWordWrap(true);
        adoptPage(label);
        retranslateStandIns();
    }
    return label;
}

QWidget *MainWindow::pageFor(int row)
{
    const bool legacy = m_session->isLegacy();
    switch (row) {
    case ServicesPageIndex:
        return legacy ? static_cast<QWidget *>(standIn(m_noServices, "noServicesForProvider")) : m_services;
    case SendPageIndex:
        return legacy ? static_cast<QWidget *>(legacySendPage()) : sendPage();
    case CallsPageIndex:
        return callsPage();
    case CampaignsPageIndex:
        return campaignsPage();
    default:
        return legacy ? static_cast<QWidget *>(standIn(m_noSip, "noSipForProvider")) : sipPage();
    }
}

void MainWindow::showPage(int row)
{
    const bool legacy = m_session->isLegacy();
    m_pages->setCurrentWidget(pageFor(row));
    const bool services = row == ServicesPageIndex && !legacy;
    m_services->setPageActive(services);
    if (m_send)
        m_send->setPageActive(row == SendPageIndex && !legacy);
    m_servicesMenu->menuAction()->setVisible(services);
    m_servicesSeparator->setVisible(services);
}

void MainWindow::setCurrentPage(int page)
{
    m_nav->setCurrentRow(qBound(0, page, PageCount - 1));
}

int MainWindow::currentPage() const
{
    // The navigation row: with a legacy profile some rows show a stand-in widget, so the stack's index
    // is not the page.
    return m_nav->currentRow();
}

void MainWindow::restoreState()
{
    const Settings settings(m_settings);
    if (!restoreGeometry(settings.windowGeometry()))
        resize(1100, 680);
    if (settings.networkLogShown())
        networkLog(); // before the state that places it
    QMainWindow::restoreState(settings.windowState());
    m_services->splitter()->restoreState(settings.servicesSplitter());
    m_services->table()->horizontalHeader()->restoreState(settings.servicesHeader());
    setCurrentPage(settings.lastPage());
    const QString language = settings.language();
    for (QAction *a : m_languageGroup->actions())
        a->setChecked(a->data().toString() == language);
}

void MainWindow::saveState()
{
    Settings settings(m_settings);
    settings.windowGeometry() = saveGeometry();
    settings.windowState() = QMainWindow::saveState();
    settings.networkLogShown() = m_networkLog && m_networkLog->isVisible();
    settings.servicesSplitter() = m_services->splitter()->saveState();
    settings.servicesHeader() = m_services->table()->horizontalHeader()->saveState();
    if (m_calls) { // a page never shown keeps the layout saved last time
        settings.callsSplitter() = m_calls->splitter()->saveState();
        settings.callsHeader() = m_calls->table()->horizontalHeader()->saveState();
    }
    settings.lastPage() = currentPage();
    m_settings->sync();
}

} // namespace vc::ui
