#pragma once

#include "campaigns/campaignjournal.h"
#include "campaigns/campaignregistry.h"

#include <QAbstractTableModel>
#include <QCache>

namespace vc::ui {

// The rows of one campaign journal, for a table of any size: only the line numbers that pass the filter
// are held; rows are read from the journal (read-only) in blocks as the view shows them.
class CampaignRowsModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { LineColumn, NumberColumn, NormalisedColumn, StatusColumn, DetailColumn, CallIdColumn, AttemptsColumn,
                  NameColumn, ColumnCount };

    explicit CampaignRowsModel(QObject *parent = nullptr);

    // Opens the journal read-only; an empty path shows nothing.
    StorageResult open(const QString &path);
    void close() { (void)open({}); } // an empty path cannot fail
    QString path() const { return m_journal.path(); }
    CampaignJournal *journal() { return &m_journal; }
    void setFilter(const CampaignJournal::RowFilter &filter);
    bool isSequential() const { return m_sequential; }
    const CampaignJournal::RowFilter &filter() const { return m_filter; }
    // The journal changed: the shown rows are read again (and the filter's lines, when they may move).
    void refresh();
    qint64 lineAt(int row) const;

    // What a row is now, as the badge shows it: its class, or for a ready row its state or final status.
    static QString badge(const CampaignRow &row);
    static QString badgeText(const QString &badge); // translated

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    const CampaignRow *rowAt(int row) const;

    mutable CampaignJournal m_journal;
    CampaignJournal::RowFilter m_filter;
    QList<qint64> m_lines;       // the filter's lines; unused when every row is shown in file order
    bool m_sequential = false;   // every row, reached by its place in the file (no list of lines held)
    qint64 m_count = 0;
    static constexpr int kBlock = 256;
    mutable QCache<int, QHash<qint64, CampaignRow>> m_blocks{64};
};

// The campaigns in the data folder (one journal each), newest first, as the registry sees them: it
// follows the registry's controllers itself (state and counts), so that nobody copies them in.
class CampaignListModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, ProviderColumn, StateColumn, ProgressColumn, OutcomesColumn, StartedColumn, ColumnCount };

    explicit CampaignListModel(CampaignRegistry *registry, QObject *parent = nullptr);
    // Reads every journal in `folder` again.
    void reload(const QString &folder);
    const QList<CampaignSummary> &campaigns() const { return m_items; }
    const CampaignSummary *find(const QString &path) const;
    int indexOf(const QString &path) const;
    // What the row's state column says: the controller's state when it runs here, else the journal's.
    QString stateText(const CampaignSummary &c) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    void changed(const QString &path);

    CampaignRegistry *m_registry;
    QList<CampaignSummary> m_items;
};

} // namespace vc::ui
