#include "ui/calls/callcharts.h"

#include "ui/calls/callhistorymodel.h"
#include "ui/widgets/chartview.h"
#include "ui/widgets/statusbadgedelegate.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QMap>

namespace vc::ui {

CallCharts::CallCharts(QWidget *parent) : QWidget(parent), m_outcomes(new ChartView(this)), m_durations(new ChartView(this))
{
    setObjectName(QStringLiteral("callCharts"));
    m_outcomes->setObjectName(QStringLiteral("outcomeChart"));
    m_durations->setObjectName(QStringLiteral("durationChart"));
    for (ChartView *v : {m_outcomes, m_durations})
        v->setMinimumHeight(200);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_outcomes);
    layout->addWidget(m_durations);
    rebuild();
}

void CallCharts::setRecords(const QList<CallRecord> &records)
{
    m_records = records;
    rebuild();
}

void CallCharts::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        rebuild();
    QWidget::changeEvent(event);
}

void CallCharts::rebuild()
{
    QMap<QString, int> outcomes;
    QMap<QString, QString> statusOf;
    QList<int> bins(5, 0);
    for (const CallRecord &r : std::as_const(m_records)) {
        const QString label = CallHistoryModel::statusText(r);
        ++outcomes[label];
        statusOf[label] = r.outcomeUnknown ? CallRecord::unknownOutcomeStatus() : r.stale ? QStringLiteral("stale") : r.status;
        if (r.final && r.duration > 0)
            ++bins[r.duration < 10 ? 0 : r.duration < 30 ? 1 : r.duration < 60 ? 2 : r.duration < 300 ? 3 : 4];
    }
    QList<ChartView::Item> outcomeItems;
    for (auto it = outcomes.cbegin(); it != outcomes.cend(); ++it)
        outcomeItems.append({it.key(), double(it.value()), StatusBadgeDelegate::colorFor(statusOf.value(it.key()))});
    m_outcomes->setChart(ChartView::Kind::Bars, tr("How calls ended (%n call(s))", nullptr, int(m_records.size())), outcomeItems);
    const QStringList binNames = {tr("0–10 s"), tr("10–30 s"), tr("30–60 s"), tr("1–5 min"), tr("5+ min")};
    QList<ChartView::Item> binItems;
    for (qsizetype i = 0; i < bins.size(); ++i)
        binItems.append({binNames.at(i), double(bins.at(i)), QColor(47, 128, 237)});
    m_durations->setChart(ChartView::Kind::Bars, tr("Duration of answered calls"), binItems);
}

} // namespace vc::ui
