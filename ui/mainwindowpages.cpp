// The main window's pages: which widget shows for a page, the Calls page built on first use, the
// current page, and the window's layout saved and restored.
#include "mainwindow.h"

#include "accessibility.h"
#include "accounts/session.h"
#include "accounts/settings.h"
#include "callspage.h"
#include "campaignspage.h"
#include "legacysendpage.h"
#include "sendpage.h"
#include "servicespage.h"
#include "sippage.h"

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

CallsPage *MainWindow::callsPage()
{
    if (m_calls)
        return m_calls;
    m_calls = new CallsPage(m_session, m_tracker, m_banner, this);
    const int at = m_pages->indexOf(m_callsSlot);
    const bool current = m_pages->currentWidget() == m_callsSlot;
    m_pages->insertWidget(at, m_calls);
    if (current)
        m_pages->setCurrentWidget(m_calls);
    m_pages->removeWidget(m_callsSlot);
    m_callsSlot->deleteLater();
    m_callsSlot = nullptr;
    const Settings settings(m_settings);
    m_calls->splitter()->restoreState(settings.callsSplitter());
    m_calls->table()->horizontalHeader()->restoreState(settings.callsHeader());
    if (m_startupDone)
        enableDeferredClearButtons(m_calls);
    return m_calls;
}

QWidget *MainWindow::pageFor(int row)
{
    const bool legacy = m_session->isLegacy();
    switch (row) {
    case ServicesPageIndex:
        return legacy ? static_cast<QWidget *>(m_noServices) : m_services;
    case SendPageIndex:
        return legacy ? static_cast<QWidget *>(m_legacySend) : m_send;
    case CallsPageIndex:
        return callsPage();
    case CampaignsPageIndex:
        return m_campaignsPage;
    default:
        return legacy ? static_cast<QWidget *>(m_noSip) : m_sip;
    }
}

void MainWindow::showPage(int row)
{
    const bool legacy = m_session->isLegacy();
    m_pages->setCurrentWidget(pageFor(row));
    const bool services = row == ServicesPageIndex && !legacy;
    m_services->setPageActive(services);
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
