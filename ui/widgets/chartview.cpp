#include "ui/widgets/chartview.h"

#include "ui/widgets/accessibility.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QtMath>

#include <cmath>

namespace vc::ui {

namespace {
constexpr qreal kPad = 8;

QString number(double v)
{
    return v == std::floor(v) && std::abs(v) < 1e15 ? QLocale().toString(qint64(v)) : QLocale().toString(v, 'g', 4);
}

// A step of 1, 2 or 5 times a power of ten that gives at most `ticks` steps up to `max`.
double niceStep(double max, int ticks)
{
    const double raw = std::max(1.0, max / ticks);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0, 10.0}) {
        if (m * magnitude >= raw)
            return m * magnitude;
    }
    return 10 * magnitude;
}
} // namespace

ChartView::ChartView(QWidget *parent) : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent, false);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void ChartView::setChart(Kind kind, const QString &title, const QList<Item> &items)
{
    if (kind == m_kind && title == m_title && items == m_items)
        return;
    m_kind = kind;
    m_title = title;
    m_items = items;
    QStringList parts;
    for (const Item &i : items)
        parts << QStringLiteral("%1: %2").arg(i.label, number(i.value));
    a11y::name(this, title);
    setAccessibleDescription(parts.join(QStringLiteral("; ")));
    update();
}

QSize ChartView::sizeHint() const
{
    return {360, 240};
}

QSize ChartView::minimumSizeHint() const
{
    return {160, 120};
}

void ChartView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF frame = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    p.setPen(QPen(palette().color(QPalette::Mid), 1));
    p.setBrush(palette().color(QPalette::Base));
    p.drawRoundedRect(frame, 4, 4);

    QRectF area = frame.adjusted(kPad, kPad, -kPad, -kPad);
    if (!m_title.isEmpty()) {
        QFont bold = font();
        bold.setBold(true);
        p.setFont(bold);
        p.setPen(palette().color(QPalette::Text));
        const qreal h = QFontMetricsF(bold).height();
        p.drawText(QRectF(area.left(), area.top(), area.width(), h), Qt::AlignCenter,
                   QFontMetricsF(bold).elidedText(m_title, Qt::ElideRight, area.width()));
        area.setTop(area.top() + h + kPad);
        p.setFont(font());
    }
    if (area.width() < 20 || area.height() < 20)
        return;
    if (m_kind == Kind::Pie)
        paintPie(p, area);
    else
        paintBars(p, area);
}

void ChartView::paintBars(QPainter &p, QRectF area)
{
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    p.setFont(small);
    const QFontMetricsF fm(small);
    const QColor text = palette().color(QPalette::Text);
    QColor grid = palette().color(QPalette::Mid);
    grid.setAlpha(110);

    double max = 1;
    for (const Item &i : std::as_const(m_items))
        max = std::max(max, i.value);
    const double step = niceStep(max, 5);
    const double top = std::ceil(max / step) * step;

    // The value axis: its widest label sets the left margin.
    qreal axisWidth = 0;
    for (double v = 0; v <= top + step / 2; v += step)
        axisWidth = std::max(axisWidth, fm.horizontalAdvance(number(v)));
    const qreal left = area.left() + axisWidth + 6;

    // Category labels: level when they fit under their bar, else slanted (long status names stay readable).
    const qsizetype n = std::max<qsizetype>(1, m_items.size());
    const qreal slot = (area.right() - left) / n;
    const qreal maxLabel = 130;
    qreal widest = 0;
    for (const Item &i : std::as_const(m_items))
        widest = std::max(widest, std::min(maxLabel, fm.horizontalAdvance(i.label)));
    const bool slanted = widest > slot * 0.95;
    const qreal angle = 30;
    const qreal labelHeight = slanted ? widest * std::sin(qDegreesToRadians(angle)) + fm.height() : fm.height();
    const qreal bottom = area.bottom() - labelHeight - 4;
    if (bottom - area.top() < 20)
        return;
    const auto yFor = [&](double v) { return bottom - (bottom - area.top() - fm.height() / 2) * (v / top); };

    for (double v = 0; v <= top + step / 2; v += step) {
        const qreal y = yFor(v);
        p.setPen(QPen(grid, 1));
        p.drawLine(QPointF(left, y), QPointF(area.right(), y));
        p.setPen(text);
        p.drawText(QRectF(area.left(), y - fm.height() / 2, axisWidth, fm.height()), Qt::AlignRight | Qt::AlignVCenter,
                   number(v));
    }
    for (qsizetype k = 0; k < m_items.size(); ++k) {
        const Item &i = m_items.at(k);
        const qreal x = left + slot * k;
        const qreal barWidth = std::min(slot * 0.6, 4 * fm.height());
        const QRectF bar(x + (slot - barWidth) / 2, yFor(i.value), barWidth, bottom - yFor(i.value));
        p.setPen(Qt::NoPen);
        p.setBrush(i.color.isValid() ? i.color : palette().color(QPalette::Highlight));
        p.drawRect(bar);
        const QString label = fm.elidedText(i.label, Qt::ElideRight, maxLabel);
        p.setPen(text);
        if (!slanted) {
            p.drawText(QRectF(x, bottom + 4, slot, fm.height()), Qt::AlignHCenter | Qt::AlignTop, label);
        } else {
            // Slanted up to the left, ending under the bar's middle.
            p.save();
            p.translate(x + slot / 2, bottom + 4);
            p.rotate(-angle);
            const qreal w = fm.horizontalAdvance(label);
            p.drawText(QRectF(-w, 0, w, fm.height()), Qt::AlignRight | Qt::AlignTop, label);
            p.restore();
        }
    }
    p.setPen(QPen(text, 1));
    p.drawLine(QPointF(left, bottom), QPointF(area.right(), bottom));
}

void ChartView::paintPie(QPainter &p, QRectF area)
{
    const QFontMetricsF fm(font());
    double total = 0;
    for (const Item &i : std::as_const(m_items))
        total += std::max(0.0, i.value);

    // The legend beside the pie when there is room, under it otherwise.
    qreal legendWidth = 0;
    for (const Item &i : std::as_const(m_items))
        legendWidth = std::max(legendWidth, fm.horizontalAdvance(i.label) + fm.height() + 6);
    const qreal legendHeight = m_items.size() * (fm.height() + 2);
    const bool beside = area.width() - legendWidth - kPad >= std::min(area.height(), 80.0);
    QRectF pieArea = area;
    QRectF legend;
    if (beside) {
        legendWidth = std::min(legendWidth, area.width() / 2);
        pieArea.setRight(area.right() - legendWidth - kPad);
        legend = QRectF(pieArea.right() + kPad, area.center().y() - legendHeight / 2, legendWidth, legendHeight);
    } else {
        pieArea.setBottom(area.bottom() - legendHeight - kPad);
        legend = QRectF(area.left(), pieArea.bottom() + kPad, area.width(), legendHeight);
    }
    const qreal d = std::min(pieArea.width(), pieArea.height());
    if (d > 10) {
        const QRectF circle(pieArea.center().x() - d / 2, pieArea.center().y() - d / 2, d, d);
        if (total <= 0) {
            p.setPen(QPen(palette().color(QPalette::Mid), 1, Qt::DashLine));
            p.setBrush(Qt::NoBrush);
            p.drawEllipse(circle);
        } else {
            qsizetype lastShown = -1;
            for (qsizetype k = 0; k < m_items.size(); ++k) {
                if (m_items.at(k).value > 0)
                    lastShown = k;
            }
            // From twelve o'clock, clockwise, in 1/16 degree; the last slice closes the circle exactly.
            int used = 0;
            int shown = 0;
            for (const Item &i : std::as_const(m_items))
                shown += i.value > 0 ? 1 : 0;
            // Slices are parted by a thin line of the background; a single one is a whole disc.
            p.setPen(shown > 1 ? QPen(palette().color(QPalette::Base), 1.5) : QPen(Qt::NoPen));
            for (qsizetype k = 0; k <= lastShown; ++k) {
                const Item &i = m_items.at(k);
                if (i.value <= 0)
                    continue;
                const int span = k == lastShown ? 5760 - used : qRound(i.value / total * 5760);
                p.setBrush(i.color.isValid() ? i.color : palette().color(QPalette::Highlight));
                p.drawPie(circle, 90 * 16 - used, -span);
                used += span;
            }
        }
    }
    p.setPen(palette().color(QPalette::Text));
    for (qsizetype k = 0; k < m_items.size(); ++k) {
        const Item &i = m_items.at(k);
        const qreal y = legend.top() + k * (fm.height() + 2);
        const qreal box = fm.height() * 0.7;
        p.fillRect(QRectF(legend.left(), y + (fm.height() - box) / 2, box, box), i.color);
        const QRectF textRect(legend.left() + box + 6, y, legend.width() - box - 6, fm.height());
        p.drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter, fm.elidedText(i.label, Qt::ElideRight, textRect.width()));
    }
}

} // namespace vc::ui
