// The main window's part of the team store: the status bar's word on the store in use and its health,
// and Profiles → Team Store.
#include "ui/shell/mainwindow.h"

#include "accounts/profilemanager.h"
#include "policy/teamstoreservice.h"
#include "ui/shell/teamstoredialog.h"
#include "ui/widgets/accessibility.h"
#include "ui/widgets/stylepalette.h"

#include <QAction>
#include <QLabel>
#include <QLocale>
#include <QStatusBar>

namespace vc::ui {

void MainWindow::setTeamStore(TeamStoreService *service)
{
    m_teamStore = service;
    if (!m_storeStatus) {
        m_storeStatus = new QLabel(this);
        m_storeStatus->setObjectName(QStringLiteral("storeStatus"));
        statusBar()->addPermanentWidget(m_storeStatus);
    }
    connect(service, &TeamStoreService::healthChanged, this, &MainWindow::showStoreStatus);
    showStoreStatus();
}

void MainWindow::showStoreStatus()
{
    if (!m_storeStatus)
        return;
    const auto team = TeamStore::selected();
    QString text;
    QString tip;
    bool error = false;
    if (!team) {
        text = tr("Store: this computer");
        tip = tr("The do-not-call list, the contact ledger and the policy are this computer's own (Profiles → Team Store).");
    } else if (!m_teamStore || m_teamStore->reachable()) {
        text = tr("Team store: %1").arg(team->host);
        tip = tr("Shared with the team: %1").arg(team->display());
    } else {
        text = tr("Team store %1 unreachable since %2").arg(team->host, QLocale().toString(m_teamStore->unreachableSince().toLocalTime().time(), QLocale::ShortFormat));
        tip = tr("No call is placed without the team store's cap check; campaigns pause and go on when it answers.\n%1")
                  .arg(m_teamStore->lastError());
        error = true;
    }
    m_storeStatus->setText(text);
    m_storeStatus->setToolTip(tip);
    m_storeStatus->setStyleSheet(error ? QStringLiteral("color: %1;").arg(style::color(style::Tone::Error).name()) : QString());
    a11y::name(m_storeStatus, text);
}

void MainWindow::openTeamStoreDialog()
{
    if (!m_teamStore)
        return;
    auto *dialog = new TeamStoreDialog(m_settings, m_profiles->secrets(), m_teamStore, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace vc::ui
