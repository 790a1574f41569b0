#pragma once

#include <QColor>
#include <QList>
#include <QString>
#include <QWidget>

namespace vc::ui {

// A small chart drawn with QPainter: vertical bars over a value axis of whole numbers, or a pie with its
// legend. What the pages need and no more: a chart library (Qt Charts) cost the whole window's start-up
// more than the window itself. Follows the palette (light or dark); a screen reader gets the title as
// the name and every item with its value as the description.
class ChartView final : public QWidget
{
    Q_OBJECT
public:
    enum class Kind { Bars, Pie };
    struct Item
    {
        QString label;
        double value = 0;
        QColor color;
        bool operator==(const Item &) const = default;
    };

    explicit ChartView(QWidget *parent = nullptr);
    // Repaints only when something changed.
    void setChart(Kind kind, const QString &title, const QList<Item> &items);
    Kind kind() const { return m_kind; }
    QString title() const { return m_title; }
    const QList<Item> &items() const { return m_items; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void paintBars(QPainter &p, QRectF area);
    void paintPie(QPainter &p, QRectF area);

    Kind m_kind = Kind::Bars;
    QString m_title;
    QList<Item> m_items;
};

} // namespace vc::ui
