#pragma once

#include "calls/callhistory.h"

#include <QWidget>

class QChart;
class QChartView;

namespace vc::ui {

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
    QChartView *m_outcomes;
    QChartView *m_durations;
};

} // namespace vc::ui
