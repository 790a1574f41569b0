#pragma once

#include "net/requestlog.h"

#include <QAbstractTableModel>
#include <QDockWidget>

class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace vc::ui {

// The session's requests as the core's request log has them (already redacted).
class NetworkLogModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, MethodColumn, EndpointColumn, StatusColumn, LatencyColumn, SizeColumn, AttemptColumn, ColumnCount };
    explicit NetworkLogModel(RequestLog *log, QObject *parent = nullptr);
    const RequestLogEntry &at(int row) const { return m_entries.at(row); }
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<RequestLogEntry> m_entries;
};

// A dock listing every request of the session; the selected one's headers and bodies, redacted, and
// "Copy as curl" with $VOICE_API_KEY in place of the key.
class NetworkLogDock final : public QDockWidget
{
    Q_OBJECT
public:
    NetworkLogDock(RequestLog *log, QWidget *parent = nullptr);
    NetworkLogModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    static QString curlCommand(const RequestLogEntry &entry);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showSelected();

    NetworkLogModel *m_model;
    QTableView *m_table;
    QPlainTextEdit *m_details;
    QPushButton *m_copyCurl;
};

} // namespace vc::ui
