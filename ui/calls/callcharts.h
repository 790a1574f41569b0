#pragma once

#include "calls/callhistory.h"

#include <QWidget>

namespace vc::ui {

class ChartView;

// Two charts over the calls shown: how they ended, and how long the answered ones lasted.
class CallCharts final : public QWidget
{
    Q_OBJECT
public:
    explicit CallCharts(QWidget *parent = nullptr);
    void setRecords(const QList<CallRecord> &records);

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();

    QList<CallRecord> m_records;
    ChartView *m_outcomes;
    ChartView *m_durations;
};

} // namespace vc::ui
