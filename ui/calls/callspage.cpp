#include "ui/calls/callspage.h"
#include "ui/calls/comparedialog.h"
#include "ui/widgets/lazyicon.h"
#include "ui_callspage.h"
#include "ui/widgets/accessibility.h"

#include "ui/calls/callcharts.h"
#include "ui/calls/callhistorymodel.h"
#include "calls/calltracker.h"
#include "ui/shell/messagebanner.h"
#include "accounts/session.h"
#include "ui/widgets/statusbadgedelegate.h"
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
    : QWidget(parent), m_ui(std::make_unique<Ui::CallsPage>()), m_session(session), m_tracker(tracker), m_banner(banner),
      m_model(new CallHistoryModel(this)), m_searchDelay(new QTimer(this)), m_reloadSoon(new QTimer(this)),
      m_reloadLater(new QTimer(this)), m_chartsSoon(new QTimer(this))
{
    m_ui->setupUi(this);
    m_watchEdit = m_ui->watchEdit;
    m_search = m_ui->callSearch;
    m_status = m_ui->statusFilter;
    m_from = m_ui->fromDate;
    m_to = m_ui->toDate;
    m_table = m_ui->callsTable;
    m_splitter = m_ui->callsSplitter;
    m_details = m_ui->callDetails;
    m_timeline = m_ui->callTimeline;
    m_charts = m_ui->callCharts;

    m_searchIcon = m_search->addAction(resourceIcon(QStringLiteral(":/icons/filter.svg")), QLineEdit::LeadingPosition);
    for (QDateEdit *d : {m_from, m_to})
        d->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
    m_from->setDate(QDate::currentDate().addDays(-30));
    m_to->setDate(QDate::currentDate());
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(200);
    m_reloadSoon->setSingleShot(true);
    m_reloadSoon->setInterval(250);
    connect(m_reloadSoon, &QTimer::timeout, this, &CallsPage::reload);
    m_reloadLater->setSingleShot(true);
    m_reloadLater->setInterval(2000);
    connect(m_reloadLater, &QTimer::timeout, this, &CallsPage::reload);
    m_chartsSoon->setSingleShot(true);
    m_chartsSoon->setInterval(500);
    connect(m_chartsSoon, &QTimer::timeout, this, [this] {
        m_charts->setRecords(m_model->records());
        refreshChoices();
    });

    m_table->setModel(m_model);
    m_table->setItemDelegateForColumn(CallHistoryModel::StatusColumn, new StatusBadgeDelegate(m_table));
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->setColumnWidth(CallHistoryModel::IdColumn, 170);
    m_table->setColumnWidth(CallHistoryModel::StatusColumn, 160);
    // The details keep a whole call id (≈40 characters, bold) on its line.
    m_ui->callsTopSplitter->setStretchFactor(0, 3);
    m_ui->callsTopSplitter->setStretchFactor(1, 1);
    m_ui->callsTopSplitter->setSizes({700, 380});
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);

    connect(m_ui->watchButton, &QPushButton::clicked, this, &CallsPage::watchTyped);
    connect(m_watchEdit, &QLineEdit::returnPressed, this, &CallsPage::watchTyped);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, &CallsPage::reload);
    connect(m_status, &QComboBox::activated, this, &CallsPage::reload);
    connect(m_ui->campaignFilter, &QComboBox::activated, this, &CallsPage::reload);
    connect(m_from, &QDateEdit::dateChanged, this, &CallsPage::reload);
    connect(m_to, &QDateEdit::dateChanged, this, &CallsPage::reload);
    connect(m_ui->refreshButton, &QPushButton::clicked, this, &CallsPage::reload);
    connect(m_ui->exportButton, &QPushButton::clicked, this, &CallsPage::chooseExportFile);
    connect(m_ui->compareButton, &QPushButton::clicked, this, &CallsPage::compareWithExolve);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &CallsPage::showDetails);
    connect(m_tracker, &CallTracker::callChanged, this, [this](const CallRecord &record) {
        // A new call may or may not match the filter: reload, once for a whole burst of them. A known one
        // is updated in place, and the charts follow from the table's own records, with no query.
        if (!m_model->updateRecord(record)) {
            if (!m_reloadSoon->isActive())
                m_reloadSoon->start();
        } else if (!m_chartsSoon->isActive() && !m_reloadSoon->isActive()) {
            m_chartsSoon->start();
        }
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
    f.campaign = m_ui->campaignFilter->currentData().toString();
    f.number = m_search->text();
    return f;
}

void CallsPage::reload()
{
    m_reloadSoon->stop();
    m_reloadLater->stop();
    m_chartsSoon->stop();
    const QString selected = m_table->currentIndex().isValid() ? m_model->at(m_table->currentIndex().row()).callId : QString();
    m_model->setRecords(m_tracker->history()->search(currentFilter()));
    m_charts->setRecords(m_model->records());
    refreshChoices();
    if (!selected.isEmpty())
        selectCall(selected);
}

void CallsPage::refreshChoices()
{
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
    const QString campaign = m_ui->campaignFilter->currentData().toString();
    QSignalBlocker blockCampaigns(m_ui->campaignFilter);
    m_ui->campaignFilter->clear();
    m_ui->campaignFilter->addItem(tr("All calls"), QString());
    for (const QString &c : m_tracker->history()->campaigns())
        m_ui->campaignFilter->addItem(tr("Campaign %1").arg(c), c);
    m_ui->campaignFilter->setCurrentIndex(std::max(0, m_ui->campaignFilter->findData(campaign)));
}

void CallsPage::reloadSoon()
{
    // A campaign writes calls by the thousand: reading the whole history for a page nobody looks at
    // would only slow the window down.
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    if (!m_reloadLater->isActive())
        m_reloadLater->start();
}

void CallsPage::showEvent(QShowEvent *event)
{
    if (m_stale) {
        m_stale = false;
        reload();
    }
    QWidget::showEvent(event);
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

CallsPage::~CallsPage() = default;

void CallsPage::compareWithExolve()
{
    if (!m_tracker->history() || !m_tracker->history()->isOpen())
        return m_banner->showMessage(MessageBanner::Level::Error, tr("The call history is not open, so there is nothing to compare."));
    auto *dialog = new CompareDialog(m_tracker->history(), m_session->exolve(), m_session->isLegacy(), window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void CallsPage::retranslate()
{
    m_ui->retranslateUi(this);
    a11y::nameFromLabels(this);
    a11y::name(m_watchEdit, tr("Call id to follow"));
    a11y::name(m_search, tr("Search calls by number or call id"));
    m_searchIcon->setToolTip(tr("Search"));
    a11y::nameFieldButtons(m_search);
    a11y::name(m_status, tr("Status filter"));
    a11y::name(m_ui->campaignFilter, tr("Campaign filter"));
    a11y::name(m_ui->refreshButton, tr("Reload the history"));
    a11y::name(m_table, tr("Calls"));
    a11y::name(m_timeline, tr("Status timeline of the selected call"));
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
