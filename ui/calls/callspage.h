#pragma once

#include "calls/callhistory.h"

#include <QWidget>

#include <memory>

class QAction;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSplitter;
class QTableView;
class QTimer;

namespace vc {
class CallTracker;
class Session;
} // namespace vc

namespace Ui {
class CallsPage;
}

namespace vc::ui {

class CallCharts;
class CallHistoryModel;
class MessageBanner;

// Calls sent or watched: a live table over the history (search, date range, status), the selected
// call's details and status timeline, "watch a call id", CSV export and charts.
class CallsPage final : public QWidget
{
    Q_OBJECT
public:
    CallsPage(Session *session, CallTracker *tracker, MessageBanner *banner, QWidget *parent = nullptr);
    ~CallsPage() override;

    void reload();
    // Calls were written elsewhere (a campaign's thread): reload once for a burst of them.
    void reloadSoon();
    void refreshChoices();
    void selectCall(const QString &callId);
    CallHistoryModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QSplitter *splitter() const { return m_splitter; }
    CallFilter currentFilter() const;
    // Writes the shown calls (current filter) as CSV; returns false with a message on failure.
    bool exportTo(const QString &path, QString *error) const;
    // Calls → Compare with Exolve…: the dialog, beside the window.
    void compareWithExolve();

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void watchTyped();
    void showDetails();
    void chooseExportFile();

    std::unique_ptr<Ui::CallsPage> m_ui;
    Session *m_session;
    CallTracker *m_tracker;
    MessageBanner *m_banner;
    CallHistoryModel *m_model;
    // The form's widgets most used, by their roles.
    QLineEdit *m_watchEdit;
    QLineEdit *m_search;
    QAction *m_searchIcon;
    QComboBox *m_status;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QTableView *m_table;
    QSplitter *m_splitter;
    QLabel *m_details;
    QListWidget *m_timeline;
    CallCharts *m_charts;
    QTimer *m_searchDelay;
    QTimer *m_reloadSoon; // coalesces bursts of new calls into one reload
    QTimer *m_reloadLater; // calls a campaign writes: at most every 2 s, and only while the page is shown
    QTimer *m_chartsSoon;  // known calls changed in place: the charts and filter choices follow, no query
    bool m_stale = false;
};

} // namespace vc::ui
