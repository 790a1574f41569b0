#include "callcharts.h"

#include "accessibility.h"
#include "callhistorymodel.h"
#include "statusbadgedelegate.h"

#include <QBarCategoryAxis>
#include <QStackedBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QHBoxLayout>
#include <QMap>
#include <QValueAxis>

namespace vc::ui {

CallCharts::CallCharts(QWidget *parent) : QWidget(parent), m_outcomes(new QChartView(this)), m_durations(new QChartView(this))
{
    setObjectName(QStringLiteral("callCharts"));
    m_outcomes->setObjectName(QStringLiteral("outcomeChart"));
    m_durations->setObjectName(QStringLiteral("durationChart"));
    for (QChartView *v : {m_outcomes, m_durations}) {
        v->setRenderHint(QPainter::Antialiasing);
        v->setMinimumHeight(200);
    }
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
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::PaletteChange) {
        m_outcomesShown = {};
        m_durationsShown = {};
        rebuild();
    }
    QWidget::changeEvent(event);
}

namespace {
// A chart is a picture: a screen reader gets its title as the name and its bars as the description.
void describe(QChartView *view, const QString &title, const QStringList &categories, const QList<qreal> &values)
{
    QStringList bars;
    for (qsizetype i = 0; i < categories.size() && i < values.size(); ++i)
        bars << QStringLiteral("%1: %2").arg(categories.at(i)).arg(values.at(i));
    for (QWidget *w : {static_cast<QWidget *>(view), view->viewport()}) {
        a11y::name(w, title);
        w->setAccessibleDescription(bars.join(QStringLiteral("; ")));
    }
}

QChart *makeChart(const QString &title, const QStringList &categories, const QList<qreal> &values,
                  const QList<QColor> &colors, bool dark)
{
    auto *chart = new QChart;
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundRoundness(4);
    chart->setTitle(title);
    chart->legend()->hide();
    chart->setAnimationOptions(QChart::NoAnimation);
    // Stacked, one set per bar with zeros elsewhere: each bar keeps its own colour and stays centred.
    auto *series = new QStackedBarSeries(chart);
    for (qsizetype i = 0; i < categories.size(); ++i) {
        auto *set = new QBarSet(categories.at(i), series);
        for (qsizetype j = 0; j < categories.size(); ++j)
            *set << (i == j ? values.at(i) : 0);
        set->setColor(colors.value(i, QColor(47, 128, 237)));
        set->setBorderColor(Qt::transparent);
        series->append(set);
    }
    series->setBarWidth(0.6);
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis(chart);
    x->append(categories.isEmpty() ? QStringList{QStringLiteral(" ")} : categories);
    QFont small = x->labelsFont();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    x->setLabelsFont(small);
    if (categories.size() > 4)
        x->setLabelsAngle(-30); // long status names stay readable instead of being cut
    auto *y = new QValueAxis(chart);
    qreal max = 1;
    for (qreal v : values)
        max = std::max(max, v);
    y->setRange(0, max);
    y->setLabelFormat(QStringLiteral("%d"));
    y->setTickCount(int(std::min<qreal>(max, 5)) + 1);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    return chart;
}
} // namespace

void CallCharts::rebuild()
{
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
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
    QStringList categories;
    QList<qreal> values;
    QList<QColor> colors;
    for (auto it = outcomes.cbegin(); it != outcomes.cend(); ++it) {
        categories << it.key();
        values << it.value();
        colors << StatusBadgeDelegate::colorFor(statusOf.value(it.key()));
    }
    const QString outcomeTitle = tr("How calls ended (%n call(s))", nullptr, int(m_records.size()));
    show(m_outcomes, &m_outcomesShown, outcomeTitle, categories, values, colors, dark);
    const QStringList binNames = {tr("0–10 s"), tr("10–30 s"), tr("30–60 s"), tr("1–5 min"), tr("5+ min")};
    QList<qreal> binValues;
    for (int b : bins)
        binValues << b;
    show(m_durations, &m_durationsShown, tr("Duration of answered calls"), binNames, binValues,
         QList<QColor>(5, QColor(47, 128, 237)), dark);
}

void CallCharts::show(QChartView *view, Shown *shown, const QString &title, const QStringList &categories,
                      const QList<qreal> &values, const QList<QColor> &colors, bool dark)
{
    QChart *chart = view->chart();
    const auto series = chart && !chart->series().isEmpty() ? qobject_cast<QStackedBarSeries *>(chart->series().constFirst()) : nullptr;
    const auto axes = chart ? chart->axes(Qt::Vertical) : QList<QAbstractAxis *>{};
    auto *y = axes.isEmpty() ? nullptr : qobject_cast<QValueAxis *>(axes.constFirst());
    const bool sameShape = series && y && shown->categories == categories && shown->colors == colors &&
                           shown->dark == dark && series->count() == categories.size();
    if (sameShape) {
        // Only the numbers moved: each bar's own set holds it at its own position.
        const QList<QBarSet *> sets = series->barSets();
        for (qsizetype i = 0; i < sets.size(); ++i) {
            if (sets.at(i)->at(i) != values.at(i))
                sets.at(i)->replace(i, values.at(i));
        }
        qreal max = 1;
        for (qreal v : values)
            max = std::max(max, v);
        if (y->max() != max) {
            y->setRange(0, max);
            y->setTickCount(int(std::min<qreal>(max, 5)) + 1);
        }
        if (chart->title() != title)
            chart->setTitle(title);
    } else {
        view->setChart(makeChart(title, categories, values, colors, dark));
        delete chart;
        *shown = {categories, colors, dark};
    }
    describe(view, title, categories, values);
}

} // namespace vc::ui
