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
    // What a chart shows: when only the numbers changed, the chart is updated in place (a few
    // hundred microseconds) instead of being built anew (milliseconds, every few seconds of a campaign).
    struct Shown
    {
        QStringList categories;
        QList<QColor> colors;
        bool dark = false;
    };
    void rebuild();
    void show(QChartView *view, Shown *shown, const QString &title, const QStringList &categories,
              const QList<qreal> &values, const QList<QColor> &colors, bool dark);

    QList<CallRecord> m_records;
    Shown m_outcomesShown;
    Shown m_durationsShown;
    QChartView *m_outcomes;
    QChartView *m_durations;
};

} // namespace vc::ui
