#pragma once

#include "campaigns/teamcampaigns.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QTableWidget;

namespace vc::ui {

// The Campaigns page's view of the team: every campaign on the team store, who runs it on which
// computer since when, its progress, and when its computer was last heard from ("running on DESK-2 by
// op2 since 10:41"). Read every 10 s off the window's thread; hidden without a team store.
class TeamCampaignsView final : public QWidget
{
    Q_OBJECT
public:
    explicit TeamCampaignsView(QWidget *parent = nullptr);
    ~TeamCampaignsView() override;

    void refresh();
    // What the view shows now (tests).
    const QList<TeamCampaign> &campaigns() const { return m_campaigns; }

Q_SIGNALS:
    void refreshed();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void retranslate();
    void fill();
    QLabel *m_title;
    QTableWidget *m_table;
    QLabel *m_error;
    QTimer m_timer;
    QList<TeamCampaign> m_campaigns;
    bool m_reading = false;
};

} // namespace vc::ui
