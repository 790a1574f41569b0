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
    // The search keys, case-folded once at load: every row's "name\nid\n" one after the other in one
    // text, so that a filter can scan all rows in a single pass (keys() and keyStart()) or one row.
    QStringView foldedName(int row) const { return QStringView(m_keys).mid(m_keyStart.at(row), m_nameLength.at(row)); }
    QStringView searchKey(int row) const
    {
        return QStringView(m_keys).mid(m_keyStart.at(row), m_keyStart.at(row + 1) - m_keyStart.at(row));
    }
    const QString &keys() const { return m_keys; }
    // Where each row's key starts in keys(), plus one entry for the end.
    const QList<qsizetype> &keyStart() const { return m_keyStart; }
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
    QString m_keys;
    QList<qsizetype> m_keyStart;
    QList<int> m_nameLength;
    QList<qint64> m_created;
};

} // namespace vc::ui
