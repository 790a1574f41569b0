#include "ui/widgets/statusbadgedelegate.h"

#include <QApplication>
#include <QPainter>

namespace vc::ui {

QColor StatusBadgeDelegate::colorFor(const QString &status)
{
    const QString s = status.toLower();
    if (s == QLatin1String("completed") || s == QLatin1String("listened") || s == QLatin1String("ready"))
        return QColor(46, 160, 67);
    if (s == QLatin1String("invalid"))
        return QColor(207, 34, 46);
    if (s == QLatin1String("suppressed") || s == QLatin1String("capped") || s == QLatin1String("no_consent"))
        return QColor(214, 137, 16);
    if (s == QLatin1String("placed") || s == QLatin1String("dispatching"))
        return QColor(47, 128, 237);
    if (s == QLatin1String("busy") || s == QLatin1String("no_answer") || s == QLatin1String("rejected") ||
        s == QLatin1String("canceled") || s == QLatin1String("modified") || s == QLatin1String("not_listened"))
        return QColor(214, 137, 16);
    if (s == QLatin1String("failed") || s == QLatin1String("error"))
        return QColor(207, 34, 46);
    if (s == QLatin1String("outcome_unknown"))
        return QColor(130, 80, 223);
    if (s == QLatin1String("sent") || s == QLatin1String("sending") || s == QLatin1String("watching") || s == QLatin1String("ringing") ||
        s == QLatin1String("talk") || s == QLatin1String("answered"))
        return QColor(47, 128, 237);
    return QColor(128, 128, 128);
}

void StatusBadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    QApplication::style()->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
    const QColor color = colorFor(index.data(StatusRole).toString());
    const QFontMetrics fm(opt.font);
    const int width = std::min(fm.horizontalAdvance(text) + 16, opt.rect.width() - 6);
    const QRect badge(opt.rect.left() + 3, opt.rect.center().y() - fm.height() / 2 - 2, width, fm.height() + 4);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawRoundedRect(badge, badge.height() / 2.0, badge.height() / 2.0);
    painter->setPen(Qt::white);
    painter->drawText(badge, Qt::AlignCenter, fm.elidedText(text, Qt::ElideRight, badge.width() - 8));
    painter->restore();
}

QSize StatusBadgeDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(size.width() + 20);
    return size;
}

} // namespace vc::ui
