#pragma once

#include <QColor>
#include <QStyledItemDelegate>

namespace vc::ui {

// Draws a call status as a coloured badge: green done, amber not reached, red failed, purple outcome
// unknown, blue in progress, grey stale or undocumented.
class StatusBadgeDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    // Where a model keeps the raw status of a cell the badge draws.
    enum Role { StatusRole = Qt::UserRole + 1 };
    using QStyledItemDelegate::QStyledItemDelegate;
    static QColor colorFor(const QString &status);
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace vc::ui
