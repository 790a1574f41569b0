#pragma once

#include "campaigns/campaigncontroller.h"

#include <QDateTime>
#include <QHash>
#include <QObject>

namespace vc {

// A campaign journal as a list shows it.
struct CampaignSummary
{
    QString path;
    QString name;
    CampaignSettings settings;
    CampaignCounts counts;
    QString state;               // "preview", "started", "finished", "cancelled" (from the journal)
    bool inUseElsewhere = false; // another program runs it now
    QDateTime modified;
    QString error;               // could not be read
};

// The campaigns of this program: it owns one controller per journal this program runs (each on a thread
// of its own and holding its journal's lock), knows which journals another program holds, and is the
// one way to start, pause, resume, cancel or remove a campaign — for the Campaigns page, the menus, the
// tray and whatever lists them. Lists observe its signals.
class CampaignRegistry final : public QObject
{
    Q_OBJECT
public:
    explicit CampaignRegistry(QObject *parent = nullptr);
    // Stops every controller: requests under way are abandoned, their rows `unknown` on the next open.
    ~CampaignRegistry() override;

    CampaignController *controller(const QString &path) const { return m_controllers.value(path); }
    // Journals a controller of this program holds (running, paused or ended, until removed).
    QStringList held() const { return m_controllers.keys(); }
    // Those that are calling or waiting to call now.
    QStringList active() const;
    // Whether another program holds the journal's lock, asked now.
    bool isHeldElsewhere(const QString &path) const;

    // Every journal in `folder`, newest first, through CampaignJournal::openToShow() (the crash rule);
    // those held here are read as they are.
    QList<CampaignSummary> scan(const QString &folder) const;
    CampaignSummary summarize(const QString &path) const;
    // Started, not finished, and run by nobody: a crash or a closed window stopped it.
    bool isInterrupted(const CampaignSummary &c) const;

    // Starts or resumes a confirmed campaign with the session's connection; `resendUnknown` only when
    // the operator said so. A journal in preview is never started. Fails with a translated reason.
    Result<CampaignController *, QString> start(const QString &path, const CampaignConnection &connection,
                                                bool resendUnknown = false);
    void pause(const QString &path);
    // Lets an idle controller of this program go, so that the journal may be opened for writing by
    // something else (reconciling its unknown rows). False while it runs.
    bool release(const QString &path);
    // No more calls, for good. Through the controller that holds the journal when there is one (paused or
    // ended here included); refused when another program runs it.
    Result<Empty, QString> cancel(const QString &path);
    // Deletes the journal, after asking at that moment: refused while it runs here, or while another
    // program holds its lock (which is taken for the removal, so nobody starts it meanwhile).
    Result<Empty, QString> remove(const QString &path);

Q_SIGNALS:
    void stateChanged(const QString &path, vc::CampaignController::State state);
    void countsChanged(const QString &path, const vc::CampaignCounts &counts);
    // Rows changed in the journal (at most a few times a second).
    void rowsChanged(const QString &path);
    void ended(const QString &path, vc::CampaignController::State state);
    // A journal appeared or went: lists read the folder again.
    void listChanged();

private:
    QHash<QString, CampaignController *> m_controllers;
};

} // namespace vc
