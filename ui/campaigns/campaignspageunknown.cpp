// The Campaigns page and the rows whose outcome is unknown: Resolve Unknown… (Exolve's call history asked
// about each), the same asked before a resume or a resend, and Resend Unknown… behind its confirmation.
#include "ui/campaigns/campaignspage.h"

#include "accounts/session.h"
#include "accounts/settings.h"
#include "campaigns/campaignregistry.h"
#include "ui/campaigns/campaignactions.h"
#include "ui/campaigns/campaignmodels.h"
#include "ui/campaigns/resolveunknowndialog.h"

#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QTimer>

namespace vc::ui {

void CampaignsPage::resolveSelected()
{
    const QString path = selectedPath();
    if (path.isEmpty() || !checkProfile(path))
        return;
    if (!m_registry->release(path))
        return;
    ResolveUnknownDialog dialog(path, m_session->exolve(), m_historyPath, this);
    connect(&dialog, &ResolveUnknownDialog::resolved, this, &CampaignsPage::reload);
    QTimer::singleShot(0, &dialog, &ResolveUnknownDialog::ask);
    dialog.exec();
}

void CampaignsPage::resolveBeforeResume(const QString &path, std::function<void()> then)
{
    const int row = m_list->indexOf(path);
    bool ask = row >= 0 && m_list->campaigns().at(row).counts.unknown > 0 &&
               m_list->campaigns().at(row).settings.provider == CampaignSettings::Provider::Exolve;
    if (ask) {
        const std::unique_ptr<QSettings> store = Settings::openShared();
        ask = Settings(store.get()).resolveUnknownBeforeResume().get();
    }
    if (!ask || !m_registry->release(path))
        return then();
    auto *dialog = new ResolveUnknownDialog(path, m_session->exolve(), m_historyPath, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ResolveUnknownDialog::resolved, this, &CampaignsPage::reload);
    connect(dialog, &ResolveUnknownDialog::askFinished, this, std::move(then), Qt::SingleShotConnection);
    dialog->show();
    dialog->ask();
}

void CampaignsPage::resendSelected()
{
    const QString path = selectedPath();
    const int row = m_list->indexOf(path);
    if (row < 0)
        return;
    if (!checkProfile(path))
        return;
    // What the call history can tell is not sent again: it is asked first, then the operator decides.
    resolveBeforeResume(path, [this, path] { confirmResend(path); });
}

void CampaignsPage::confirmResend(const QString &path)
{
    if (m_list->indexOf(path) < 0 || m_list->campaigns().at(m_list->indexOf(path)).counts.unknown == 0)
        return;
    const qint64 unknown = m_list->campaigns().at(m_list->indexOf(path)).counts.unknown;
    // Window-modal and opened, not exec()'d: it may come from a network answer (after the call history).
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Resend Unknown"),
                                tr("Call again %n row(s) whose outcome is unknown?", nullptr, int(unknown)),
                                QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("resendConfirmation"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(tr("Each of these calls may already have been placed: the request reached the service and no "
                               "answer came back. Sending again may call these people twice."));
    auto *resend = box->addButton(tr("Call Them Again"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::finished, this, [this, box, resend, path] {
        if (box->clickedButton() == resend)
            resume(path, true);
    });
    box->open();
}

} // namespace vc::ui
