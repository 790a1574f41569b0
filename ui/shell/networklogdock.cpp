#include "ui/shell/networklogdock.h"
#include "ui/widgets/lazyicon.h"

#include "ui/widgets/accessibility.h"
#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace vc::ui {

NetworkLogModel::NetworkLogModel(RequestLog *log, QObject *parent) : QAbstractTableModel(parent), m_entries(log->entries())
{
    connect(log, &RequestLog::entryAdded, this, [this, log](const RequestLogEntry &entry) {
        beginInsertRows({}, int(m_entries.size()), int(m_entries.size()));
        m_entries.append(entry);
        endInsertRows();
        // As many rows as the log keeps, the oldest dropped first: a long session does not grow without bound.
        const int excess = int(m_entries.size()) - std::max(1, log->capacity());
        if (excess > 0) {
            beginRemoveRows({}, 0, excess - 1);
            m_entries.remove(0, excess);
            endRemoveRows();
        }
    });
    connect(log, &RequestLog::cleared, this, [this] {
        beginResetModel();
        m_entries.clear();
        endResetModel();
    });
}

void NetworkLogModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

int NetworkLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int NetworkLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant NetworkLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || role != Qt::DisplayRole)
        return {};
    const RequestLogEntry &e = m_entries.at(index.row());
    switch (index.column()) {
    case TimeColumn: return QLocale().toString(e.time.toLocalTime().time(), QStringLiteral("HH:mm:ss.zzz"));
    case MethodColumn: return QString::fromLatin1(e.verb);
    case EndpointColumn: return e.endpoint;
    case StatusColumn: return e.status ? QString::number(e.status) : e.outcome;
    case LatencyColumn: return tr("%1 ms").arg(e.latencyMs);
    case SizeColumn: return QLocale().formattedDataSize(e.bytesReceived);
    case AttemptColumn: return e.attempt;
    }
    return {};
}

QVariant NetworkLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn: return tr("Time");
    case MethodColumn: return tr("Method");
    case EndpointColumn: return tr("Endpoint");
    case StatusColumn: return tr("Status");
    case LatencyColumn: return tr("Latency");
    case SizeColumn: return tr("Size");
    case AttemptColumn: return tr("Attempt");
    }
    return {};
}

NetworkLogDock::NetworkLogDock(RequestLog *log, QWidget *parent)
    : QDockWidget(parent), m_model(new NetworkLogModel(log, this)), m_table(new QTableView(this)),
      m_details(new QPlainTextEdit(this)), m_copyCurl(new QPushButton(this))
{
    setObjectName(QStringLiteral("networkLogDock"));
    m_table->setObjectName(QStringLiteral("networkLogTable"));
    m_details->setObjectName(QStringLiteral("networkLogDetails"));
    m_copyCurl->setObjectName(QStringLiteral("copyCurl"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(NetworkLogModel::EndpointColumn, 220);
    m_details->setReadOnly(true);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_copyCurl->setIcon(resourceIcon(QStringLiteral(":/icons/copy.svg")));
    m_copyCurl->setEnabled(false);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_table);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_details, 1);
    rightLayout->addWidget(m_copyCurl, 0, Qt::AlignRight);
    splitter->addWidget(right);
    splitter->setSizes({520, 480});
    setWidget(splitter);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &NetworkLogDock::showSelected);
    connect(m_model, &QAbstractItemModel::rowsInserted, m_table, &QTableView::scrollToBottom);
    connect(m_copyCurl, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_table->currentIndex();
        if (current.isValid())
            QApplication::clipboard()->setText(curlCommand(m_model->at(current.row())));
    });
    retranslate();
}

QString NetworkLogDock::curlCommand(const RequestLogEntry &e)
{
    const auto quote = [](QString s) -> QString { return u'\'' + s.replace(QStringLiteral("'"), QStringLiteral("'\\''")) + u'\''; };
    QStringList parts = {QStringLiteral("curl -sS -X %1 %2").arg(QString::fromLatin1(e.verb), quote(e.url))};
    if (!e.proxy.isEmpty() && e.proxy != QLatin1String("direct"))
        parts.append(QStringLiteral("--proxy %1").arg(quote(e.proxy))); // without its credentials, as logged
    for (const auto &[name, value] : e.requestHeaders) {
        if (name.compare("Authorization", Qt::CaseInsensitive) == 0)
            parts << QStringLiteral("-H \"Authorization: Bearer $VOICE_API_KEY\""); // the shell fills in the key
        else if (name.compare("User-Agent", Qt::CaseInsensitive) != 0)
            parts << QStringLiteral("-H ") + quote(QString::fromUtf8(name + ": " + value));
    }
    if (e.verb != "GET") {
        parts << QStringLiteral("-H 'Content-Type: application/json'");
        parts << QStringLiteral("--data-raw ") + quote(QString::fromUtf8(e.requestBody));
    }
    return parts.join(QStringLiteral(" \\\n  "));
}

void NetworkLogDock::showSelected()
{
    const QModelIndex current = m_table->currentIndex();
    m_copyCurl->setEnabled(current.isValid());
    if (!current.isValid()) {
        m_details->clear();
        return;
    }
    const RequestLogEntry &e = m_model->at(current.row());
    QString text = QString::fromLatin1(e.verb) + u' ' + e.url + u'\n';
    for (const auto &[name, value] : e.requestHeaders)
        text += QString::fromUtf8(name + ": " + value) + u'\n';
    text += u'\n' + QString::fromUtf8(e.requestBody) + QStringLiteral("\n\n");
    text += tr("Answer: %1, %2 ms, attempt %3").arg(e.status ? QString::number(e.status) : e.outcome).arg(e.latencyMs).arg(e.attempt);
    if (!e.proxy.isEmpty())
        text += u'\n' + (e.proxy == QLatin1String("direct") ? tr("Connection: direct, no proxy") : tr("Connection: through the proxy %1").arg(e.proxy));
    text += u'\n' + QString::fromUtf8(e.responseBody.left(64 * 1024));
    m_details->setPlainText(text);
}

void NetworkLogDock::retranslate()
{
    setWindowTitle(tr("Network Log"));
    m_copyCurl->setText(tr("Copy as curl"));
    m_copyCurl->setToolTip(tr("The command uses $VOICE_API_KEY instead of the key"));
    a11y::name(m_table, tr("Requests of this session"));
    a11y::name(m_details, tr("Headers and bodies of the selected request (secrets masked)"));
    m_model->retranslate();
}

void NetworkLogDock::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDockWidget::changeEvent(event);
}

} // namespace vc::ui
