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
    invalidateRowsFilter();
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
