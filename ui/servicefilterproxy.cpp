#include "servicefilterproxy.h"

#include "servicelistmodel.h"

namespace vc::ui {

ServiceFilterProxy::ServiceFilterProxy(ServiceListModel *source, QObject *parent)
    : QSortFilterProxyModel(parent), m_source(source)
{
    setSourceModel(source);
    setSortRole(ServiceListModel::SortRole);
}

void ServiceFilterProxy::setFilterText(const QString &text)
{
    const QString needle = text.trimmed().toCaseFolded();
    if (needle == m_needle)
        return;
    m_needle = needle;
    // One re-map (layoutChanged) instead of row-by-row removals: with 100,000 interleaved matches the
    // incremental path emits tens of thousands of removal ranges and takes most of a second.
    invalidate();
}

bool ServiceFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    if (m_needle.isEmpty())
        return true;
    // Reads the model's own data directly: a QVariant per row would dominate with 100,000 services.
    return m_source->foldedName(sourceRow).contains(m_needle) ||
           m_source->at(sourceRow).id.contains(m_needle, Qt::CaseInsensitive);
}

} // namespace vc::ui

namespace vc::ui {

bool ServiceFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    // Compares the model's own values: going through QVariant per comparison makes sorting 100,000 rows
    // take most of a second.
    const int l = left.row();
    const int r = right.row();
    switch (left.column()) {
    case ServiceListModel::NameColumn:
        return m_source->foldedName(l) < m_source->foldedName(r);
    case ServiceListModel::IdColumn:
        return m_source->at(l).id < m_source->at(r).id;
    default:
        return m_source->createdMSecs(l) < m_source->createdMSecs(r);
    }
}

} // namespace vc::ui
