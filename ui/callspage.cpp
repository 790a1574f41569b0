#include "callspage.h"

#include "callcharts.h"
#include "callhistorymodel.h"
#include "calls/calltracker.h"
#include "messagebanner.h"
#include "accounts/session.h"
#include "statusbadgedelegate.h"
#include "exolve/exolvevalidation.h"

#include <QComboBox>
#include <QDateEdit>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace vc::ui {

CallsPage::CallsPage(Session *session, CallTracker *tracker, MessageBanner *banner, QWidget *parent)
    : QWidget(parent), m_session(session), m_tracker(tracker), m_banner(banner), m_model(new CallHistoryModel(this)),
      m_watchEdit(new QLineEdit(this)), m_watchButton(new QPushButton(this)), m_search(new QLineEdit(this)),
      m_status(new QComboBox(this)), m_from(new QDateEdit(this)), m_to(new QDateEdit(this)), m_export(new QPushButton(this)),
      m_refresh(new QPushButton(this)), m_fromLabel(new QLabel(this)), m_toLabel(new QLabel(this)),
      m_table(new QTableView(this)), m_splitter(new QSplitter(Qt::Vertical, this)), m_details(new QLabel(this)),
      m_timeline(new QListWidget(this)), m_charts(new CallCharts(this)), m_searchDelay(new QTimer(this)),
      m_reloadSoon(new QTimer(this))
{
    setObjectName(QStringLiteral("callsPage"));
    m_watchEdit->setObjectName(QStringLiteral("watchEdit"));
    m_watchButton->setObjectName(QStringLiteral("watchButton"));
    m_search->setObjectName(QStringLiteral("callSearch"));
    m_status->setObjectName(QStringLiteral("statusFilter"));
    m_export->setObjectName(QStringLiteral("exportButton"));
    m_table->setObjectName(QStringLiteral("callsTable"));
    m_details->setObjectName(QStringLiteral("callDetails"));
    m_timeline->setObjectName(QStringLiteral("callTimeline"));
    m_splitter->setObjectName(QStringLiteral("callsSplitter"));

    m_watchButton->setIcon(QIcon(QStringLiteral(":/icons/calls.svg")));
    m_export->setIcon(QIcon(QStringLiteral(":/icons/copy.svg")));
    m_refresh->setIcon(QIcon(QStringLiteral(":/icons/refresh.svg")));
    m_search->setClearButtonEnabled(true);
    m_search->addAction(QIcon(QStringLiteral(":/icons/filter.svg")), QLineEdit::LeadingPosition);
    for (QDateEdit *d : {m_from, m_to}) {
        d->setCalendarPopup(true);
        d->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
    }
    m_from->setDate(QDate::currentDate().addDays(-30));
    m_to->setDate(QDate::currentDate());
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(200);
    m_reloadSoon->setSingleShot(true);
    m_reloadSoon->setInterval(250);
    connect(m_reloadSoon, &QTimer::timeout, this, &CallsPage::reload);

    m_table->setModel(m_model);
    m_table->setItemDelegateForColumn(CallHistoryModel::StatusColumn, new StatusBadgeDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(CallHistoryModel::IdColumn, 170);
    m_table->setColumnWidth(CallHistoryModel::StatusColumn, 160);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_details->setMinimumWidth(360); // a whole call id (≈40 characters, bold) fits on its line

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_search, 2);
    filters->addWidget(m_status, 1);
    filters->addWidget(m_fromLabel);
    filters->addWidget(m_from);
    filters->addWidget(m_toLabel);
    filters->addWidget(m_to);
    filters->addWidget(m_refresh);
    filters->addWidget(m_export);
    auto *watchRow = new QHBoxLayout;
    watchRow->addWidget(m_watchEdit, 1);
    watchRow->addWidget(m_watchButton);

    auto *top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(m_table);
    auto *detailsBox = new QWidget(this);
    auto *detailsLayout = new QVBoxLayout(detailsBox);
    detailsLayout->setContentsMargins(6, 0, 0, 0);
    detailsLayout->addWidget(m_details);
    detailsLayout->addWidget(m_timeline, 1);
    top->addWidget(detailsBox);
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 1);
    top->setSizes({700, 380});
    m_splitter->addWidget(top);
    m_splitter->addWidget(m_charts);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(watchRow);
    layout->addLayout(filters);
    layout->addWidget(m_splitter, 1);

    connect(m_watchButton, &QPushButton::clicked, this, &CallsPage::watchTyped);
    connect(m_watchEdit, &QLineEdit::returnPressed, this, &CallsPage::watchTyped);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, &CallsPage::reload);
    connect(m_status, &QComboBox::activated, this, &CallsPage::reload);
    connect(m_from, &QDateEdit::dateChanged, this, &CallsPage::reload);
    connect(m_to, &QDateEdit::dateChanged, this, &CallsPage::reload);
    connect(m_refresh, &QPushButton::clicked, this, &CallsPage::reload);
    connect(m_export, &QPushButton::clicked, this, &CallsPage::chooseExportFile);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &CallsPage::showDetails);
    connect(m_tracker, &CallTracker::callChanged, this, [this](const CallRecord &record) {
        // A new call may or may not match the filter: reload, once for a whole burst of them. A known one
        // is updated in place; the charts follow with the next reload or right away when idle.
        if (!m_model->updateRecord(record) || !m_reloadSoon->isActive())
            m_reloadSoon->start();
        const QModelIndex current = m_table->currentIndex();
        if (current.isValid() && m_model->at(current.row()).callId == record.callId)
            showDetails();
    });
    connect(m_session, &Session::profileChanged, this, &CallsPage::reload);
    retranslate();
    reload();
}

CallFilter CallsPage::currentFilter() const
{
    CallFilter f;
    f.profileId = m_session->profile().id;
    f.from = m_from->date();
    f.to = m_to->date();
    f.status = m_status->currentData().toString();
    f.number = m_search->text();
    return f;
}

void CallsPage::reload()
{
    m_reloadSoon->stop();
    const QString selected = m_table->currentIndex().isValid() ? m_model->at(m_table->currentIndex().row()).callId : QString();
    m_model->setRecords(m_tracker->history()->search(currentFilter()));
    m_charts->setRecords(m_model->records());
    // Offer the statuses that exist, keeping the choice.
    const QString status = m_status->currentData().toString();
    QSignalBlocker block(m_status);
    m_status->clear();
    m_status->addItem(tr("All statuses"), QString());
    for (const QString &s : m_tracker->history()->statuses()) {
        CallRecord r;
        r.status = s;
        r.outcomeUnknown = s == CallRecord::unknownOutcomeStatus();
        m_status->addItem(CallHistoryModel::statusText(r), s);
    }
    m_status->setCurrentIndex(std::max(0, m_status->findData(status)));
    if (!selected.isEmpty())
        selectCall(selected);
}

void CallsPage::selectCall(const QString &callId)
{
    const int row = m_model->rowOf(callId);
    if (row < 0)
        return;
    m_table->selectRow(row);
    m_table->scrollTo(m_model->index(row, 0));
}

void CallsPage::watchTyped()
{
    const auto id = ExolveValidation::callId(m_watchEdit->text());
    if (!id.ok()) {
        m_banner->showMessage(MessageBanner::Level::Error, id.message());
        return;
    }
    if (m_to->date() < QDate::currentDate())
        m_to->setDate(QDate::currentDate());
    m_tracker->watch(id.value());
    m_watchEdit->clear();
    selectCall(id.value());
}

void CallsPage::showDetails()
{
    m_timeline->clear();
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        m_details->setText(tr("Select a call to see its details and status timeline."));
        return;
    }
    const CallRecord &r = m_model->at(current.row());
    const auto time = [](const QDateTime &dt) {
        return dt.isValid() ? QLocale().toString(dt.toLocalTime(), QLocale::LongFormat) : QStringLiteral("—");
    };
    QString text = tr("<b>%1</b><br>Status: %2").arg(r.callId.toHtmlEscaped(), CallHistoryModel::statusText(r).toHtmlEscaped());
    if (r.outcomeUnknown)
        text += QStringLiteral("<br>") + tr("The answer to this send was lost: the call may have been placed. Check before sending again.");
    text += QStringLiteral("<br>") + tr("From %1 to %2").arg(r.source, r.destination);
    text += QStringLiteral("<br>") + tr("Service: %1").arg((r.serviceName.isEmpty() ? r.serviceId : r.serviceName).toHtmlEscaped());
    text += QStringLiteral("<br>") + tr("Created: %1").arg(time(r.created));
    text += QStringLiteral("<br>") + tr("Started: %1").arg(time(r.started));
    text += QStringLiteral("<br>") + tr("Ended: %1").arg(time(r.ended));
    if (r.duration >= 0)
        text += QStringLiteral("<br>") + tr("Duration: %n second(s)", nullptr, r.duration);
    m_details->setText(text);
    for (const CallEvent &e : m_tracker->history()->timeline(r.callId)) {
        CallRecord step;
        step.status = e.status;
        step.outcomeUnknown = e.status == CallRecord::unknownOutcomeStatus();
        auto *item = new QListWidgetItem(tr("%1  %2").arg(QLocale().toString(e.at.toLocalTime().time(), QStringLiteral("HH:mm:ss")),
                                                          CallHistoryModel::statusText(step)),
                                         m_timeline);
        item->setForeground(StatusBadgeDelegate::colorFor(e.status));
    }
}

bool CallsPage::exportTo(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !m_tracker->history()->exportCsv(currentFilter(), &file) || !file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

void CallsPage::chooseExportFile()
{
    auto *dialog = new QFileDialog(window(), tr("Export calls"),
                                   QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) +
                                       QStringLiteral("/calls-%1.csv").arg(QDate::currentDate().toString(Qt::ISODate)),
                                   tr("CSV files (*.csv)"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("csv"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        QString error;
        if (exportTo(path, &error))
            m_banner->showMessage(MessageBanner::Level::Info, tr("%n call(s) exported to %1.", nullptr, m_model->rowCount()).arg(path));
        else
            m_banner->showMessage(MessageBanner::Level::Error, tr("The export failed: %1").arg(error));
    });
    dialog->open();
}

void CallsPage::retranslate()
{
    m_watchEdit->setPlaceholderText(tr("Follow a call placed elsewhere: paste its call id"));
    m_watchButton->setText(tr("&Watch"));
    m_search->setPlaceholderText(tr("Search by number or call id"));
    m_fromLabel->setText(tr("From:"));
    m_toLabel->setText(tr("To:"));
    m_export->setText(tr("Export CSV…"));
    m_refresh->setToolTip(tr("Reload the history"));
    m_model->retranslate();
    reload();
    showDetails();
}

void CallsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace vc::ui
