#include "ui/campaigns/campaignactions.h"

#include "ui/widgets/lazyicon.h"

#include <QAction>
#include <QCoreApplication>

namespace vc::ui {

namespace {
QAction *makeAction(QObject *parent, const char *icon, const char *name)
{
    auto *a = new QAction(resourceIcon(QLatin1String(icon)), QString(), parent);
    a->setObjectName(QLatin1String(name));
    return a;
}
} // namespace

CampaignActions::CampaignActions(QObject *parent)
    : QObject(parent), newCampaign(makeAction(this, ":/icons/add.svg", "newCampaignAction")),
      pause(makeAction(this, ":/icons/pause.svg", "pauseCampaignAction")),
      resume(makeAction(this, ":/icons/play.svg", "resumeCampaignAction")),
      cancel(makeAction(this, ":/icons/stop.svg", "cancelCampaignAction")),
      resolve(makeAction(this, ":/icons/refresh.svg", "resolveUnknownAction")),
      resend(makeAction(this, ":/icons/warning.svg", "resendUnknownAction")),
      exportReport(makeAction(this, ":/icons/copy.svg", "exportCampaignAction")),
      exportAttempts(makeAction(this, ":/icons/copy.svg", "exportAttemptsAction")),
      remove(makeAction(this, ":/icons/delete.svg", "removeCampaignAction")),
      doNotCall(makeAction(this, ":/icons/block.svg", "doNotCallAction"))
{
    newCampaign->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    for (QAction *a : onSelected())
        a->setEnabled(false); // no campaign is selected until the page is there
    retranslate();
}

void CampaignActions::retranslate()
{
    // The Campaigns page's words: translated with it.
    newCampaign->setText(QCoreApplication::translate("vc::ui::CampaignsPage", "&New Campaign…"));
    newCampaign->setToolTip(QCoreApplication::translate("vc::ui::CampaignsPage", "Call a list of numbers from a CSV file"));
    pause->setText(QCoreApplication::translate("vc::ui::CampaignsPage", "&Pause"));
    resume->setText(QCoreApplication::translate("vc::ui::CampaignsPage", "&Resume"));
    cancel->setText(QCoreApplication::translate("vc::ui::CampaignsPage", "&Cancel Campaign"));
    resolve->setText(QCoreApplication::translate("vc::ui::CampaignsPage", "Res&olve Unknown…"));
    resolve->setToolTip(QCoreApplication::translate("vc::ui::CampaignsPage", "Ask Exolve's call history whether the calls whose outcome is unknown were placed"));
    resend->setText(QCoreApplication::translate("vc::ui::CampaignsPage", "Resend &Unknown…"));
    resend->setToolTip(QCoreApplication::translate("vc::ui::CampaignsPage", "Call again the rows whose outcome is unknown (they may have been called)"));
    exportReport->setText(QCoreApplication::translate("vc::ui::CampaignsPage", "&Export Report…"));
    exportAttempts->setText(QCoreApplication::translate("vc::ui::CampaignsPage", "Export &Attempts…"));
    exportAttempts->setToolTip(QCoreApplication::translate("vc::ui::CampaignsPage", "One row per call placed, re-dials included"));
    remove->setText(QCoreApplication::translate("vc::ui::CampaignsPage", "Re&move…"));
    doNotCall->setText(QCoreApplication::translate("vc::ui::CampaignsPage", "&Do-Not-Call List…"));
}

} // namespace vc::ui
