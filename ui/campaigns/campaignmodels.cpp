#include "ui/campaigns/campaignmodels.h"

#include "ui/widgets/statusbadgedelegate.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>

namespace vc::ui {

CampaignRowsModel::CampaignRowsModel(QObject *parent) : QAbstractTableModel(parent) {}

namespace {
bool showsEverything(const CampaignJournal::RowFilter &f)
{
    return !f.rowClass && !f.state && !f.problemsOnly && f.number.trimmed().isEmpty();
}
} // namespace

StorageResult CampaignRowsModel::open(const QString &path)
{
    m_journal.close();
    StorageResult r = Empty{};
    if (!path.isEmpty())
        r = m_journal.openReadOnly(path);
    setFilter(m_filter);
    return r;
}

void CampaignRowsModel::setFilter(const CampaignJournal::RowFilter &filter)
{
    beginResetModel();
    m_filter = filter;
    m_blocks.clear();
    m_lines.clear();
    m_count = 0;
    // Every row in file order is reached by its place (no list of a million lines on the window's
    // thread); a filter holds the lines that pass it.
    m_sequential = m_journal.isOpen() && showsEverything(filter) && m_journal.hasSequence();
    if (m_sequential)
        m_count = m_journal.counts().total;
    else if (m_journal.isOpen())
        m_lines = m_journal.lines(m_filter);
    endResetModel();
}

qint64 CampaignRowsModel::lineAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return 0;
    const CampaignRow *r = rowAt(row);
    return r ? r->line : 0;
}

void CampaignRowsModel::refresh()
{
    if (!m_journal.isOpen())
        return;
    m_blocks.clear();
    // Without a state filter the lines never change; with one, rows come and go.
    if (!m_sequential && (m_filter.state || !m_filter.number.isEmpty())) {
        const QList<qint64> lines = m_journal.lines(m_filter);
        if (lines != m_lines) {
            beginResetModel();
            m_lines = lines;
            endResetModel();
            return;
        }
    }
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

const CampaignRow *CampaignRowsModel::rowAt(int row) const
{
    const int block = row / kBlock;
    auto *rows = m_blocks.object(block);
    if (!rows) {
        rows = new QHash<qint64, CampaignRow>;
        if (m_sequential) {
            // Keyed by place in the file (seq - 1 = the model row).
            qint64 at = qint64(block) * kBlock;
            for (const CampaignRow &r : m_journal.rowsInSequence(at + 1, at + kBlock))
                rows->insert(at++, r);
        } else {
            const qint64 first = m_lines.at(block * kBlock);
            const qint64 last = m_lines.at(std::min<qsizetype>(m_lines.size(), qsizetype(block + 1) * kBlock) - 1);
            for (const CampaignRow &r : m_journal.rowsBetween(first, last))
                rows->insert(r.line, r);
        }
        m_blocks.insert(block, rows);
    }
    const auto it = rows->constFind(m_sequential ? qint64(row) : m_lines.at(row));
    return it == rows->constEnd() ? nullptr : &it.value();
}

QString CampaignRowsModel::badge(const CampaignRow &row)
{
    if (row.rowClass != RowClass::Ready)
        return rowClassName(row.rowClass);
    if (row.state == RowState::Placed) {
        if (row.stale)
            return QStringLiteral("stale");
        return row.status.isEmpty() ? QStringLiteral("placed") : row.status;
    }
    if (row.state == RowState::Unknown)
        return QStringLiteral("outcome_unknown");
    return rowStateName(row.state);
}

QString CampaignRowsModel::badgeText(const QString &badge)
{
    static const QHash<QString, const char *> names = {
        {QStringLiteral("ready"), QT_TR_NOOP("ready")},
        {QStringLiteral("invalid"), QT_TR_NOOP("invalid")},
        {QStringLiteral("duplicate"), QT_TR_NOOP("duplicate")},
        {QStringLiteral("suppressed"), QT_TR_NOOP("do not call")},
        {QStringLiteral("capped"), QT_TR_NOOP("over a cap")},
        {QStringLiteral("no_consent"), QT_TR_NOOP("no consent")},
        {QStringLiteral("pending"), QT_TR_NOOP("waiting")},
        {QStringLiteral("dispatching"), QT_TR_NOOP("calling")},
        {QStringLiteral("placed"), QT_TR_NOOP("placed")},
        {QStringLiteral("rejected"), QT_TR_NOOP("rejected")},
        {QStringLiteral("outcome_unknown"), QT_TR_NOOP("outcome unknown")},
        {QStringLiteral("stale"), QT_TR_NOOP("stale")},
    };
    const auto it = names.constFind(badge);
    return it == names.constEnd() ? badge : tr(it.value());
}

int CampaignRowsModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return int(std::min<qint64>(m_sequential ? m_count : m_lines.size(), INT_MAX));
}

int CampaignRowsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CampaignRowsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != StatusBadgeDelegate::StatusRole)
        return {};
    const CampaignRow *row = rowAt(index.row());
    if (!row)
        return {};
    if (role == StatusBadgeDelegate::StatusRole)
        return badge(*row); // the badge delegate's colour key
    switch (index.column()) {
    case LineColumn:
        return row->line;
    case NumberColumn:
        return row->given;
    case NormalisedColumn:
        return row->number;
    case StatusColumn:
        return badgeText(badge(*row));
    case DetailColumn:
        if (row->rowClass == RowClass::Duplicate)
            return tr("duplicate of line %1").arg(row->duplicateOf);
        if (row->rowClass != RowClass::Ready)
            return row->reason;
        if (row->state == RowState::Pending && row->notBeforeMs > QDateTime::currentMSecsSinceEpoch())
            return tr("waits until %1").arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(row->notBeforeMs).toLocalTime(), QLocale::ShortFormat));
        return row->error;
    case CallIdColumn:
        return row->callId;
    case AttemptsColumn:
        return row->attempts;
    case NameColumn:
        return row->name;
    }
    return {};
}

QVariant CampaignRowsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case LineColumn:
        return tr("Line");
    case NumberColumn:
        return tr("Number in the file");
    case NormalisedColumn:
        return tr("Number");
    case StatusColumn:
        return tr("Status");
    case DetailColumn:
        return tr("Detail");
    case CallIdColumn:
        return tr("Call id");
    case AttemptsColumn:
        return tr("Attempts");
    case NameColumn:
        return tr("Name");
    }
    return {};
}

CampaignListModel::CampaignListModel(CampaignRegistry *registry, QObject *parent) : QAbstractTableModel(parent), m_registry(registry)
{
    connect(registry, &CampaignRegistry::stateChanged, this, [this](const QString &path) { changed(path); });
    connect(registry, &CampaignRegistry::countsChanged, this, [this](const QString &path, const CampaignCounts &counts) {
        const int i = indexOf(path);
        if (i < 0)
            return;
        m_items[i].counts = counts;
        changed(path);
    });
}

void CampaignListModel::reload(const QString &folder)
{
    beginResetModel();
    m_items = m_registry->scan(folder);
    endResetModel();
}

int CampaignListModel::indexOf(const QString &path) const
{
    for (int i = 0; i < m_items.size(); ++i) {
        if (m_items.at(i).path == path)
            return i;
    }
    return -1;
}

const CampaignSummary *CampaignListModel::find(const QString &path) const
{
    const int i = indexOf(path);
    return i < 0 ? nullptr : &m_items.at(i);
}

void CampaignListModel::changed(const QString &path)
{
    const int i = indexOf(path);
    if (i >= 0)
        Q_EMIT dataChanged(index(i, 0), index(i, ColumnCount - 1));
}

QString CampaignListModel::stateText(const CampaignSummary &c) const
{
    if (!c.error.isEmpty())
        return tr("Cannot be read");
    if (const CampaignController *controller = m_registry->controller(c.path))
        return CampaignController::stateName(controller->state());
    if (c.inUseElsewhere)
        return tr("Running in another program");
    if (c.state == QLatin1String("preview"))
        return tr("Preview");
    if (c.state == QLatin1String("finished"))
        return tr("Finished");
    if (c.state == QLatin1String("cancelled"))
        return tr("Cancelled");
    return tr("Interrupted");
}

int CampaignListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int CampaignListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CampaignListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const CampaignSummary &c = m_items.at(index.row());
    if (role == Qt::ToolTipRole)
        return c.error.isEmpty() ? c.path : c.error;
    if (role != Qt::DisplayRole)
        return {};
    const CampaignCounts &n = c.counts;
    switch (index.column()) {
    case NameColumn:
        return c.name;
    case ProviderColumn: {
        const QString provider = c.settings.provider == CampaignSettings::Provider::Exolve ? QStringLiteral("Exolve")
                                                                                            : QStringLiteral("integrationapi.net");
        return c.settings.profile.isEmpty() ? provider : QStringLiteral("%1 · %2").arg(provider, c.settings.profile);
    }
    case StateColumn:
        return stateText(c);
    case ProgressColumn:
        return n.ready > 0 ? tr("%1 of %2").arg(n.placed + n.rejected + n.unknown).arg(n.ready) : QStringLiteral("—");
    case OutcomesColumn:
        return tr("%1 delivered, %2 not, %3 rejected, %4 unknown").arg(n.completed).arg(n.notDelivered).arg(n.rejected).arg(n.unknown);
    case StartedColumn:
        return QLocale().toString((c.settings.created.isValid() ? c.settings.created : c.modified).toLocalTime(), QLocale::ShortFormat);
    }
    return {};
}

QVariant CampaignListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Campaign");
    case ProviderColumn:
        return tr("Provider and profile");
    case StateColumn:
        return tr("State");
    case ProgressColumn:
        return tr("Dispatched");
    case OutcomesColumn:
        return tr("Outcomes");
    case StartedColumn:
        return tr("Created");
    }
    return {};
}

} // namespace vc::ui
