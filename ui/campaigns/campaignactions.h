#pragma once

#include <QList>
#include <QObject>

class QAction;

namespace vc::ui {

// The campaign commands of the Campaigns and Tools menus, made with the window so that the menus and the
// shortcuts exist before the Campaigns page is (it is built the first time it is needed). The page acts
// on them once built; until then the commands that need a selected campaign stay disabled.
class CampaignActions final : public QObject
{
    Q_OBJECT
public:
    explicit CampaignActions(QObject *parent);
    void retranslate();
    // In menu order: New, then those that act on the selected campaign.
    QList<QAction *> campaign() const { return {newCampaign, pause, resume, cancel, resolve, resend, exportReport, exportAttempts, remove}; }
    QList<QAction *> onSelected() const { return {pause, resume, cancel, resolve, resend, exportReport, exportAttempts, remove}; }

    QAction *const newCampaign;
    QAction *const pause;
    QAction *const resume;
    QAction *const cancel;
    QAction *const resolve; // unknown outcomes against Exolve's call history
    QAction *const resend;
    QAction *const exportReport;
    QAction *const exportAttempts; // one CSV row per call placed, re-dials included
    QAction *const remove;
    QAction *const doNotCall;
};

} // namespace vc::ui
