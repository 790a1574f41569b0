#pragma once

#include <QAbstractProxyModel>

#include <vector>

namespace vc::ui {

class ServiceListModel;

// The services table's view of the list: a case-insensitive filter on the name or the id, sorted by
// name, id or creation time. Made for 100,000 rows and a keystroke per filter change:
//  - the sort order is computed once per sort (or new list), never per keystroke;
//  - a filter scans the model's search keys (case-folded once at load) in one pass, and when the new
//    text contains the previous one it only looks again at the rows still shown;
//  - selection and current row survive a filter or a sort (a layout change, not a reset).
class ServiceFilterProxy final : public QAbstractProxyModel
{
    Q_OBJECT
public:
    explicit ServiceFilterProxy(ServiceListModel *source, QObject *parent = nullptr);
    void setFilterText(const QString &text);
    QString filterText() const { return m_needle; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &index) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    void resetFromSource();
    void sortRows();
    // Rows of m_order that match m_needle, in order; `narrowing` looks only at the rows shown now.
    void refilter(bool narrowing);
    // Shows these source rows, in this order, and keeps the source-to-proxy map in step.
    void setVisible(std::vector<int> visible);
    // Runs `change` as one layout change that keeps persistent indexes (selection, current) on their rows.
    template <typename Change>
    void changeLayout(Change &&change, QAbstractItemModel::LayoutChangeHint hint);

    ServiceListModel *m_source;
    QString m_needle;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    std::vector<int> m_order;   // every source row, in sort order
    std::vector<int> m_visible; // proxy row -> source row
    std::vector<int> m_proxyRow; // source row -> proxy row, -1 when filtered out
};

} // namespace vc::ui
