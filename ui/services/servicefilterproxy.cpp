#include "ui/services/servicefilterproxy.h"

#include "ui/services/servicelistmodel.h"

#include <QStringMatcher>

#include <algorithm>

namespace vc::ui {

ServiceFilterProxy::ServiceFilterProxy(ServiceListModel *source, QObject *parent)
    : QAbstractProxyModel(parent), m_source(source)
{
    QAbstractProxyModel::setSourceModel(source);
    connect(source, &QAbstractItemModel::modelAboutToBeReset, this, [this] { beginResetModel(); });
    connect(source, &QAbstractItemModel::modelReset, this, [this] {
        resetFromSource();
        endResetModel();
    });
    // The list only changes as a whole (setServices); in-place changes are the locale's new date format.
    connect(source, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles) {
                if (m_visible.empty())
                    return;
                Q_EMIT dataChanged(index(0, topLeft.column()), index(int(m_visible.size()) - 1, bottomRight.column()), roles);
            });
    resetFromSource();
}

void ServiceFilterProxy::resetFromSource()
{
    m_order.resize(size_t(m_source->count()));
    for (size_t i = 0; i < m_order.size(); ++i)
        m_order[i] = int(i);
    sortRows();
    m_visible.clear();
    m_proxyRow.assign(m_order.size(), -1);
    refilter(false);
}

void ServiceFilterProxy::sortRows()
{
    if (m_sortColumn < 0) {
        std::sort(m_order.begin(), m_order.end());
        return;
    }
    const ServiceListModel &m = *m_source;
    const auto ascending = [&m, column = m_sortColumn](int l, int r) {
        switch (column) {
        case ServiceListModel::NameColumn:
            return m.foldedName(l) < m.foldedName(r);
        case ServiceListModel::IdColumn:
            return m.at(l).id < m.at(r).id;
        default:
            return m.createdMSecs(l) < m.createdMSecs(r);
        }
    };
    // Stable, from the list's own order, so equal keys keep the order the server sent.
    std::sort(m_order.begin(), m_order.end());
    if (m_sortOrder == Qt::AscendingOrder)
        std::stable_sort(m_order.begin(), m_order.end(), ascending);
    else
        std::stable_sort(m_order.begin(), m_order.end(), [&ascending](int l, int r) { return ascending(r, l); });
}

void ServiceFilterProxy::refilter(bool narrowing)
{
    std::vector<int> visible;
    if (m_needle.isEmpty()) {
        visible = m_order;
    } else if (narrowing && m_visible.size() < m_order.size() / 2) {
        // Few rows left: look at each of them again (they are already in sort order).
        visible.reserve(m_visible.size());
        for (const int row : m_visible) {
            if (m_source->searchKey(row).contains(m_needle))
                visible.push_back(row);
        }
    } else {
        // One pass over every row's key; a hit marks its row and the search goes on from the next row.
        // Short texts (the first keystrokes, the most rows to look at) use Qt's vectorised character
        // search; longer ones a Boyer-Moore matcher, which skips ahead by the text's length.
        const QString &keys = m_source->keys();
        const QList<qsizetype> &starts = m_source->keyStart();
        std::vector<char> hit(m_order.size(), 0);
        const QStringMatcher matcher(m_needle);
        const bool shortNeedle = m_needle.size() < 4;
        const QStringView all(keys);
        const QChar first = m_needle.front();
        const auto find = [&](qsizetype from) -> qsizetype {
            if (!shortNeedle)
                return matcher.indexIn(all, from);
            while (true) {
                const qsizetype at = all.indexOf(first, from);
                if (at < 0 || all.mid(at).startsWith(m_needle))
                    return at;
                from = at + 1;
            }
        };
        qsizetype from = 0;
        while (true) {
            const qsizetype at = find(from);
            if (at < 0)
                break;
            const auto next = std::upper_bound(starts.cbegin(), starts.cend(), at);
            const qsizetype row = (next - starts.cbegin()) - 1;
            hit[size_t(row)] = 1;
            from = *next;
        }
        visible.reserve(m_order.size());
        const std::vector<int> &candidates = narrowing ? m_visible : m_order;
        for (const int row : candidates) {
            if (hit[size_t(row)])
                visible.push_back(row);
        }
    }
    setVisible(std::move(visible));
}

void ServiceFilterProxy::setVisible(std::vector<int> visible)
{
    for (const int row : m_visible)
        m_proxyRow[size_t(row)] = -1;
    m_visible = std::move(visible);
    for (size_t i = 0; i < m_visible.size(); ++i)
        m_proxyRow[size_t(m_visible[i])] = int(i);
}

template <typename Change>
void ServiceFilterProxy::changeLayout(Change &&change, QAbstractItemModel::LayoutChangeHint hint)
{
    Q_EMIT layoutAboutToBeChanged({}, hint);
    const QModelIndexList before = persistentIndexList();
    QList<QPair<int, int>> sourceCells; // (source row, column) of each persistent index
    sourceCells.reserve(before.size());
    for (const QModelIndex &i : before)
        sourceCells.append({m_visible[size_t(i.row())], i.column()});
    change();
    QModelIndexList after;
    after.reserve(before.size());
    for (const auto &[row, column] : std::as_const(sourceCells)) {
        const int proxyRow = m_proxyRow[size_t(row)];
        after.append(proxyRow < 0 ? QModelIndex() : createIndex(proxyRow, column));
    }
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, hint);
}

void ServiceFilterProxy::setFilterText(const QString &text)
{
    const QString needle = text.trimmed().toCaseFolded();
    if (needle == m_needle)
        return;
    // Typing on: every row the longer text matches also matched the shorter one.
    const bool narrowing = !m_needle.isEmpty() && needle.contains(m_needle);
    m_needle = needle;
    changeLayout([this, narrowing] { refilter(narrowing); }, QAbstractItemModel::NoLayoutChangeHint);
}

void ServiceFilterProxy::sort(int column, Qt::SortOrder order)
{
    if (column == m_sortColumn && order == m_sortOrder)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    changeLayout(
        [this] {
            sortRows();
            // The same rows stay shown, in the new order.
            std::vector<int> visible;
            visible.reserve(m_visible.size());
            for (const int row : m_order) {
                if (m_proxyRow[size_t(row)] >= 0)
                    visible.push_back(row);
            }
            setVisible(std::move(visible));
        },
        QAbstractItemModel::VerticalSortHint);
}

QModelIndex ServiceFilterProxy::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || row >= rowCount() || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex ServiceFilterProxy::parent(const QModelIndex &) const
{
    return {};
}

QModelIndex ServiceFilterProxy::sibling(int row, int column, const QModelIndex &) const
{
    return index(row, column);
}

int ServiceFilterProxy::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_visible.size());
}

int ServiceFilterProxy::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_source->columnCount();
}

bool ServiceFilterProxy::hasChildren(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_visible.empty();
}

QModelIndex ServiceFilterProxy::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!proxyIndex.isValid() || proxyIndex.model() != this || size_t(proxyIndex.row()) >= m_visible.size())
        return {};
    return m_source->index(m_visible[size_t(proxyIndex.row())], proxyIndex.column());
}

QModelIndex ServiceFilterProxy::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!sourceIndex.isValid() || size_t(sourceIndex.row()) >= m_proxyRow.size())
        return {};
    const int row = m_proxyRow[size_t(sourceIndex.row())];
    return row < 0 ? QModelIndex() : createIndex(row, sourceIndex.column());
}

} // namespace vc::ui
