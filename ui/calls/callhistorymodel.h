#pragma once

#include "calls/callhistory.h"
#include "ui/widgets/statusbadgedelegate.h"

#include <QAbstractTableModel>

namespace vc::ui {

// Calls from the history as a table. Status cells carry the raw status in StatusRole for the badge.
class CallHistoryModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { IdColumn, SourceColumn, DestinationColumn, ServiceColumn, StatusColumn, CreatedColumn,
                  StartedColumn, EndedColumn, DurationColumn, ColumnCount };
    enum Role { StatusRole = StatusBadgeDelegate::StatusRole, CallIdRole };

    explicit CallHistoryModel(QObject *parent = nullptr);

    void setRecords(QList<CallRecord> records);
    // Updates the row of this call in place; returns false when the call is not shown.
    bool updateRecord(const CallRecord &record);
    const CallRecord &at(int row) const { return m_records.at(row); }
    int rowOf(const QString &callId) const;
    const QList<CallRecord> &records() const { return m_records; }
    void retranslate();

    // The operator's word for a status; unknown statuses verbatim.
    static QString statusText(const CallRecord &record);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<CallRecord> m_records;
};

} // namespace vc::ui
