// The new-campaign wizard, page 3: the check (the engine's preview, with the settings of page 2).
#include "ui/campaigns/wizard/campaigncheckpage.h"
#include "ui_campaigncheckpage.h"

#include "accounts/session.h"
#include "campaigns/campaigndraft.h"
#include "campaigns/donotcall.h"
#include "common/csv.h"
#include "common/paths.h"
#include "ui/campaigns/campaignmodels.h"
#include "ui/campaigns/wizard/campaignfilepage.h"
#include "ui/campaigns/wizard/campaignsettingspage.h"
#include "ui/campaigns/wizard/campaignwizard.h"
#include "ui/widgets/accessibility.h"
#include "ui/widgets/statusbadgedelegate.h"
#include "ui/widgets/stylepalette.h"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QSaveFile>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>

namespace vc::ui {

CampaignCheckPage::CampaignCheckPage(CampaignWizard *wizard)
    : m_ui(std::make_unique<Ui::CampaignCheckPage>()), m_wizard(wizard), m_model(new CampaignRowsModel(this)),
      m_poll(new QTimer(this))
{
    m_ui->setupUi(this);
    m_ui->rowsTable->setModel(m_model);
    m_ui->rowsTable->verticalHeader()->hide();
    m_ui->rowsTable->verticalHeader()->setDefaultSectionSize(24);
    m_ui->rowsTable->setItemDelegateForColumn(CampaignRowsModel::StatusColumn, new StatusBadgeDelegate(this));
    m_ui->rowsTable->horizontalHeader()->setStretchLastSection(true);
    for (int c : {CampaignRowsModel::CallIdColumn, CampaignRowsModel::AttemptsColumn})
        m_ui->rowsTable->hideColumn(c);
    m_poll->setInterval(200);
    connect(m_poll, &QTimer::timeout, this, [this] {
        m_ui->countsLabel->setText(tr("Reading the file: %1 rows…").arg(QLocale().toString(m_rows ? m_rows->load() : 0)));
    });
    connect(m_ui->classFilter, &QComboBox::activated, this, &CampaignCheckPage::applyFilter);
    connect(m_ui->exportProblemsButton, &QPushButton::clicked, this, &CampaignCheckPage::exportProblems);
    retranslate();
}

CampaignCheckPage::~CampaignCheckPage()
{
    stop();
}

void CampaignCheckPage::retranslate()
{
    setTitle(tr("Check"));
    setSubTitle(tr("Every row as the campaign will see it: ready to call, invalid, a duplicate of an earlier row, or on "
                   "the do-not-call list. Only ready rows are called, each once."));
    m_ui->exportProblemsButton->setText(tr("E&xport Problems…"));
    const int at = std::max(0, m_ui->classFilter->currentIndex());
    m_ui->classFilter->clear();
    m_ui->classFilter->addItem(tr("All rows"), QString());
    m_ui->classFilter->addItem(tr("Ready"), QStringLiteral("ready"));
    m_ui->classFilter->addItem(tr("Problems"), QStringLiteral("problems"));
    m_ui->classFilter->addItem(tr("Invalid"), QStringLiteral("invalid"));
    m_ui->classFilter->addItem(tr("Duplicates"), QStringLiteral("duplicate"));
    m_ui->classFilter->addItem(tr("Do not call"), QStringLiteral("suppressed"));
    m_ui->classFilter->addItem(tr("Over a contact cap"), QStringLiteral("capped"));
    m_ui->classFilter->addItem(tr("No consent"), QStringLiteral("no_consent"));
    m_ui->classFilter->setCurrentIndex(at);
    a11y::name(m_ui->classFilter, tr("Show rows"));
    a11y::name(m_ui->rowsTable, tr("Rows of the file"));
    a11y::name(m_ui->progressBar, tr("Reading the file"));
    if (m_done)
        finished({});
}

void CampaignCheckPage::initializePage()
{
    stop();
    m_wizard->discardJournal();
    m_done = false;
    m_model->close();
    Q_EMIT completeChanged();
    const QString file = m_wizard->filePage()->file();
    const QString path = paths::newJournalPath(file);
    m_wizard->setJournalPath(path);
    // The settings page's choices, checked, are the journal's from its first byte; the reading plan is
    // derived from them.
    CampaignSettings settings = m_wizard->settingsPage()->settings();
    settings.inputFile = QFileInfo(file).absoluteFilePath();
    settings.created = QDateTime::currentDateTimeUtc();
    settings.apiUrl = m_wizard->session()->endpoint().toString();
    settings.profile = m_wizard->session()->profile().id;
    const auto csv = m_wizard->filePage()->csvOptions();
    const auto columns = m_wizard->filePage()->columns();
    m_rows = std::make_shared<std::atomic<qint64>>(0);
    m_abort = std::make_shared<std::atomic<bool>>(false);
    auto error = std::make_shared<QString>();
    auto rows = m_rows;
    auto abort = m_abort;
    m_ui->progressBar->setRange(0, 0);
    m_ui->progressBar->show();
    // The journal is written on the planning thread only (SQLite connections stay on their thread).
    m_thread = QThread::create([file, path, csv, columns, settings, rows, abort, error]() mutable {
        // The contact policy is read here: on a team store from its server, never on the window's thread.
        PlanOptions options = CampaignDraft::planOptions(settings);
        options.csv = csv;
        options.columns = columns;
        DoNotCallList dnc;
        if (auto r = dnc.load(DoNotCallList::defaultPath()); !r) {
            *error = r.error().message;
            return;
        }
        options.doNotCall = &dnc;
        QFile input(file);
        if (!input.open(QIODevice::ReadOnly)) {
            *error = CampaignCheckPage::tr("Cannot read %1: %2").arg(file, input.errorString());
            return;
        }
        CampaignJournal journal;
        const auto plan = CampaignDraft::preview(&input, path, settings, options, &journal, [rows, abort](qint64 n) {
            rows->store(n);
            return !abort->load();
        });
        if (!plan)
            *error = plan.error();
    });
    connect(m_thread, &QThread::finished, this, [this, error, thread = m_thread] {
        thread->deleteLater();
        if (thread != m_thread)
            return;
        m_thread = nullptr;
        m_poll->stop();
        finished(*error);
    });
    m_poll->start();
    m_thread->start();
}

void CampaignCheckPage::stop()
{
    if (!m_thread)
        return;
    m_abort->store(true);
    QThread *thread = m_thread;
    m_thread = nullptr;
    thread->wait(); // the planner checks the flag every 10,000 rows
    thread->deleteLater();
    m_poll->stop();
}

void CampaignCheckPage::cleanupPage()
{
    stop();
    m_model->close();
    m_wizard->discardJournal();
    m_done = false;
}

void CampaignCheckPage::finished(const QString &error)
{
    m_ui->progressBar->hide();
    if (!error.isEmpty() || (m_abort && m_abort->load())) {
        style::showHint(m_ui->countsLabel, error.isEmpty() ? tr("Stopped.") : error, true);
        m_done = false;
        Q_EMIT completeChanged();
        return;
    }
    if (auto r = m_model->open(m_wizard->journalPath()); !r) {
        style::showHint(m_ui->countsLabel, r.error().message, true);
        return;
    }
    m_counts = m_model->journal()->counts();
    m_done = true;
    const CampaignCounts &n = m_counts;
    style::showHint(m_ui->countsLabel,
                    tr("%1 rows: <b>%2 ready</b>, %3 invalid, %4 duplicates, %5 on the do-not-call list.")
                        .arg(n.total).arg(n.ready).arg(n.invalid).arg(n.duplicate).arg(n.suppressed) +
                        (n.capped > 0 ? u' ' + tr("%n over the contact policy's caps (called too often already).", nullptr,
                                                 int(std::min<qint64>(n.capped, INT_MAX)))
                                      : QString()) +
                        (n.noConsent > 0 ? u' ' + tr("%n without consent, which the contact policy requires.", nullptr,
                                                    int(std::min<qint64>(n.noConsent, INT_MAX)))
                                         : QString()) +
                        (n.ready == 0 ? u' ' + tr("No row can be called: check the number column on the first page and the service on the previous one.") : QString()),
                    n.ready == 0);
    m_ui->exportProblemsButton->setEnabled(n.invalid + n.duplicate + n.suppressed + n.capped + n.noConsent > 0);
    m_ui->rowsTable->setColumnWidth(CampaignRowsModel::NumberColumn, 170);
    m_ui->rowsTable->setColumnWidth(CampaignRowsModel::NormalisedColumn, 120);
    m_ui->rowsTable->setColumnWidth(CampaignRowsModel::StatusColumn, 120);
    m_ui->rowsTable->setColumnWidth(CampaignRowsModel::DetailColumn, 260);
    applyFilter();
    Q_EMIT completeChanged();
}

void CampaignCheckPage::applyFilter()
{
    CampaignJournal::RowFilter f;
    const QString key = m_ui->classFilter->currentData().toString();
    if (key == QLatin1String("problems"))
        f.problemsOnly = true;
    else if (!key.isEmpty())
        f.rowClass = rowClassFromName(key);
    m_model->setFilter(f);
}

void CampaignCheckPage::exportProblems()
{
    const QString file = QFileDialog::getSaveFileName(this, tr("Export Problems"),
                                                      QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) +
                                                          QStringLiteral("/problems.csv"),
                                                      tr("CSV files (*.csv)"));
    if (file.isEmpty())
        return;
    QSaveFile out(file);
    StorageResult read = Empty{};
    if (out.open(QIODevice::WriteOnly)) {
        out.write("line,value,class,reason\r\n");
        read = m_model->journal()->forEachRow(
            [&out](const CampaignRow &row) {
                const QStringList cells = {QString::number(row.line), csvCell(row.given), rowClassName(row.rowClass),
                                           csvCell(row.reason)};
                out.write(cells.join(u',').toUtf8() + "\r\n");
            },
            true);
    }
    if (!read) {
        out.cancelWriting(); // never half a list of problems
        style::showHint(m_ui->countsLabel, tr("Cannot write %1: %2").arg(file, read.error().message), true);
    } else if (!out.commit()) {
        style::showHint(m_ui->countsLabel, tr("Cannot write %1: %2").arg(file, out.errorString()), true);
    }
}

bool CampaignCheckPage::isComplete() const
{
    return m_done && m_counts.ready > 0;
}

} // namespace vc::ui
