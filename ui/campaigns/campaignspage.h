#pragma once

#include <functional>

#include "campaigns/campaignregistry.h"

#include <QSet>
#include <QWidget>

#include <memory>

class QAction;
class QSettings;
class QTimer;
class QToolBar;

namespace vc {
class Session;
}

namespace Ui {
class CampaignsPage;
}

namespace vc::ui {
class TeamCampaignsView;

class CampaignActions;
class ChartView;
class CampaignListModel;
class CampaignRowsModel;
class MessageBanner;

// The campaigns in the data folder and the one selected: its state and why it waits, progress, the
// rows as calls progress, the report. Runs go through CampaignController (a thread per campaign).
class CampaignsPage final : public QWidget
{
    Q_OBJECT
public:
    // The page acts on `actions` (the window's Campaigns menu) and keeps their enabled state; every run goes
    // through `registry`.
    CampaignsPage(Session *session, CampaignRegistry *registry, CampaignActions *actions, MessageBanner *banner,
                  QWidget *parent = nullptr);
    ~CampaignsPage() override;
    void setHistoryPath(const QString &path) { m_historyPath = path; }

    QAction *doNotCallAction() const;

    void reload();
    void select(const QString &path);
    // Selects the campaign and lists its rows with an unknown outcome, when it has any.
    void showUnknown(const QString &path);
    QString selectedPath() const;
    // Starts a journal the wizard prepared (state "preview").
    void start(const QString &path);
    void resume(const QString &path, bool resendUnknown = false);
    void pause(const QString &path);
    CampaignRegistry *registry() const { return m_registry; }
    // Campaigns a crash or a closed window interrupted (started, not finished, not running anywhere).
    QStringList interrupted() const;
    CampaignRowsModel *rowsModel() const { return m_rows; }
    CampaignListModel *listModel() const { return m_list; }

    void openWizard();
    void openDoNotCallList();

Q_SIGNALS:
    void campaignEnded(const QString &name, const QString &summary);
    // A campaign wrote calls into the call history.
    void historyChanged();

public:
    // The team's campaigns (shown with a team store).
    TeamCampaignsView *teamCampaigns() const { return m_team; }

protected:
    void changeEvent(QEvent *event) override;

private:
    TeamCampaignsView *m_team = nullptr;
    void retranslate();
    void showSelected();
    void updateActions();
    void updateState();
    void updateReport();
    void applyRowFilter();
    void exportSelected(bool attempts);
    void removeSelected();
    void resendSelected();
    void resolveSelected();
    void confirmResend(const QString &path);
    // The setting "ask automatically before a campaign resumes": the Resolve Unknown dialog first.
    // Shown beside the window (not modal); `then` runs once the asking is over (or at once when there is
    // nothing to ask, the campaign is integrationapi.net's, or the setting is off).
    void resolveBeforeResume(const QString &path, std::function<void()> then);
    void cancelSelected();
    bool checkProfile(const QString &path);

    std::unique_ptr<Ui::CampaignsPage> m_ui;
    Session *m_session;
    CampaignRegistry *m_registry;
    MessageBanner *m_banner;
    CampaignActions *m_actions;
    QString m_historyPath;
    QSet<QString> m_resolvedFirst; // campaigns whose resume comes after the call history was asked
    CampaignListModel *m_list;
    CampaignRowsModel *m_rows;
    QTimer *m_tick;
    QToolBar *m_toolbar;
    ChartView *m_outcomeChart;
    ChartView *m_hourChart;
};

} // namespace vc::ui
