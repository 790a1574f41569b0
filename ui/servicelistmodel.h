#pragma once

#include "exolve/exolvetypes.h"

#include <QAbstractTableModel>

namespace vc::ui {

// The service list as a table: name, id, created (local time, locale format).
class ServiceListModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, IdColumn, CreatedColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, SortRole };

    explicit ServiceListModel(QObject *parent = nullptr);

    void setServices(QList<VoiceService> services);
    const VoiceService &at(int row) const { return m_services.at(row); }
    // Lower-cased name and id, prepared once for fast filtering.
    const QString &foldedName(int row) const { return m_folded.at(row); }
    qint64 createdMSecs(int row) const { return m_created.at(row); } // 0 when unknown
    int rowOf(const QString &id) const;
    int count() const { return int(m_services.size()); }
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<VoiceService> m_services;
    QStringList m_folded;
    QList<qint64> m_created;
};

} // namespace vc::ui
