#include "servicelistmodel.h"

#include <QLocale>

namespace vc::ui {

ServiceListModel::ServiceListModel(QObject *parent) : QAbstractTableModel(parent) {}

void ServiceListModel::setServices(QList<VoiceService> services)
{
    beginResetModel();
    m_services = std::move(services);
    m_folded.clear();
    m_created.clear();
    m_folded.reserve(m_services.size());
    m_created.reserve(m_services.size());
    for (const VoiceService &s : std::as_const(m_services)) {
        m_folded.append(s.name.toCaseFolded());
        m_created.append(s.createdAt.isValid() ? s.createdAt.toMSecsSinceEpoch() : 0);
    }
    endResetModel();
}

int ServiceListModel::rowOf(const QString &id) const
{
    for (qsizetype i = 0; i < m_services.size(); ++i) {
        if (m_services.at(i).id == id)
            return int(i);
    }
    return -1;
}

void ServiceListModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_services.isEmpty())
        Q_EMIT dataChanged(index(0, CreatedColumn), index(rowCount() - 1, CreatedColumn), {Qt::DisplayRole});
}

int ServiceListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_services.size());
}

int ServiceListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ServiceListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const VoiceService &s = m_services.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return s.name;
        case IdColumn:
            return s.id;
        case CreatedColumn:
            return s.createdAt.isValid() ? QLocale().toString(s.createdAt.toLocalTime(), QLocale::ShortFormat) : QString();
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == CreatedColumn && s.createdAt.isValid())
            return QLocale().toString(s.createdAt.toLocalTime(), QLocale::LongFormat);
        if (index.column() == NameColumn)
            return s.name;
        break;
    case SortRole:
        switch (index.column()) {
        case NameColumn:
            return m_folded.at(index.row());
        case IdColumn:
            return s.id;
        case CreatedColumn:
            return m_created.at(index.row());
        }
        break;
    case IdRole:
        return s.id;
    default:
        break;
    }
    return {};
}

QVariant ServiceListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case IdColumn:
        return tr("ID");
    case CreatedColumn:
        return tr("Created");
    }
    return {};
}

} // namespace vc::ui
