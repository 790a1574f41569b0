#pragma once

#include <QSortFilterProxyModel>

namespace vc::ui {

class ServiceListModel;

// Filters by a case-insensitive match on the name or the id; sorts by the model's SortRole.
class ServiceFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit ServiceFilterProxy(ServiceListModel *source, QObject *parent = nullptr);
    void setFilterText(const QString &text);
    QString filterText() const { return m_needle; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    ServiceListModel *m_source;
    QString m_needle;
};

} // namespace vc::ui
