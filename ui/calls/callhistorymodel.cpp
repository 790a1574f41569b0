#include "ui/calls/callhistorymodel.h"

#include <QLocale>

namespace vc::ui {

CallHistoryModel::CallHistoryModel(QObject *parent) : QAbstractTableModel(parent) {}

void CallHistoryModel::setRecords(QList<CallRecord> records)
{
    beginResetModel();
    m_records = std::move(records);
    endResetModel();
}

int CallHistoryModel::rowOf(const QString &callId) const
{
    for (qsizetype i = 0; i < m_records.size(); ++i) {
        if (m_records.at(i).callId == callId)
            return int(i);
    }
    return -1;
}

bool CallHistoryModel::updateRecord(const CallRecord &record)
{
    const int row = rowOf(record.callId);
    if (row < 0)
        return false;
    m_records[row] = record;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    return true;
}

void CallHistoryModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_records.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

QString CallHistoryModel::statusText(const CallRecord &r)
{
    if (r.outcomeUnknown)
        return tr("outcome unknown");
    if (r.stale)
        return tr("stale (%1)").arg(r.status);
    static const QHash<QString, const char *> known = {
        {QStringLiteral("sent"), QT_TR_NOOP("sent")},          {QStringLiteral("watching"), QT_TR_NOOP("watching")},
        {QStringLiteral("ringing"), QT_TR_NOOP("ringing")},    {QStringLiteral("talk"), QT_TR_NOOP("talking")},
        {QStringLiteral("answered"), QT_TR_NOOP("answered")},  {QStringLiteral("completed"), QT_TR_NOOP("completed")},
        {QStringLiteral("busy"), QT_TR_NOOP("busy")},          {QStringLiteral("no_answer"), QT_TR_NOOP("no answer")},
        {QStringLiteral("rejected"), QT_TR_NOOP("rejected")},  {QStringLiteral("failed"), QT_TR_NOOP("failed")},
        {QStringLiteral("canceled"), QT_TR_NOOP("canceled")},  {QStringLiteral("modified"), QT_TR_NOOP("modified")},
        {QStringLiteral("sending"), QT_TR_NOOP("sending")},    {QStringLiteral("listened"), QT_TR_NOOP("listened")},
        {QStringLiteral("not_listened"), QT_TR_NOOP("not listened")}, {QStringLiteral("error"), QT_TR_NOOP("error")},
    };
    const auto it = known.constFind(r.status.toLower());
    return it == known.constEnd() ? r.status : tr(it.value());
}

int CallHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int CallHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CallHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CallRecord &r = m_records.at(index.row());
    const auto time = [](const QDateTime &dt) {
        return dt.isValid() ? QLocale().toString(dt.toLocalTime(), QLocale::ShortFormat) : QString();
    };
    if (role == StatusRole)
        return r.outcomeUnknown ? CallRecord::unknownOutcomeStatus() : r.stale ? QStringLiteral("stale") : r.status;
    if (role == CallIdRole)
        return r.callId;
    if (role == Qt::ToolTipRole && index.column() == StatusColumn)
        return r.status;
    if (role == Qt::ToolTipRole && index.column() == IdColumn)
        return r.callId;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case IdColumn:
        return r.outcomeUnknown ? tr("(no id: outcome unknown)") : r.callId;
    case SourceColumn:
        return r.source;
    case DestinationColumn:
        return r.destination;
    case ServiceColumn:
        return r.serviceName.isEmpty() ? r.serviceId : r.serviceName;
    case StatusColumn:
        return statusText(r);
    case CreatedColumn:
        return time(r.created);
    case StartedColumn:
        return time(r.started);
    case EndedColumn:
        return time(r.ended);
    case DurationColumn:
        return r.duration >= 0 ? tr("%n s", nullptr, r.duration) : QString();
    }
    return {};
}

QVariant CallHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IdColumn: return tr("Call ID");
    case SourceColumn: return tr("From");
    case DestinationColumn: return tr("To");
    case ServiceColumn: return tr("Service");
    case StatusColumn: return tr("Status");
    case CreatedColumn: return tr("Created");
    case StartedColumn: return tr("Started");
    case EndedColumn: return tr("Ended");
    case DurationColumn: return tr("Duration");
    }
    return {};
}

} // namespace vc::ui
