#pragma once

#include "calls/historycomparison.h"

#include <QDialog>

#include <memory>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QPushButton;
class QTableWidget;

namespace vc {
class ExolveClient;
}

namespace vc::ui {

// Calls → Compare with Exolve…: the calls this computer placed in a period (app, campaigns, voicectl)
// beside Exolve's own call history: in both (durations compared), only here, only at Exolve. A table
// with a filter, the totals, CSV export; each comparison is kept and can be opened again.
class CompareDialog final : public QDialog
{
    Q_OBJECT
public:
    // `legacy`: the profile in use is integrationapi.net's, which has no call history: nothing is asked.
    CompareDialog(const CallHistory *history, ExolveClient *client, bool legacy, QWidget *parent = nullptr);
    ~CompareDialog() override;

    void compare();
    const HistoryComparison &comparison() const { return m_comparison; }
    bool exportTo(const QString &path, QString *error) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void display(const HistoryComparison &c);
    void applyFilter();
    void listSaved();
    void chooseExportFile();

    const CallHistory *m_history;
    ExolveClient *m_client;
    bool m_legacy;
    std::unique_ptr<HistoryComparer> m_comparer;
    HistoryComparison m_comparison;
    QLabel *m_intro;
    QLabel *m_fromLabel;
    QDateTimeEdit *m_from;
    QLabel *m_toLabel;
    QDateTimeEdit *m_to;
    QPushButton *m_compare;
    QLabel *m_savedLabel;
    QComboBox *m_saved;
    QLabel *m_filterLabel;
    QComboBox *m_filter;
    QTableWidget *m_table;
    QLabel *m_totals;
    QPushButton *m_export;
    QPushButton *m_close;
};

} // namespace vc::ui
