#include "campaignwizard.h"
#include "ui_campaigncheckpage.h"
#include "ui_campaignconfirmpage.h"
#include "ui_campaignfilepage.h"
#include "ui_campaignsettingspage.h"

#include "accessibility.h"
#include "common/timeformats.h"
#include "accounts/session.h"
#include "campaignmodels.h"
#include "campaigns/donotcall.h"
#include "common/validation.h"
#include "exolve/exolvevalidation.h"
#include "legacy/legacyvalidation.h"
#include "statusbadgedelegate.h"
#include "stylepalette.h"

#include <QCompleter>
#include <QDir>
#include <QDragEnterEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLocale>
#include <QMimeData>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QThread>
#include <QTimeZone>
#include <QTimer>

namespace vc::ui {

// ---- 1. File ---------------------------------------------------------------------------------------

CampaignFilePage::CampaignFilePage(CampaignWizard *wizard) : m_ui(std::make_unique<Ui::CampaignFilePage>()), m_wizard(wizard)
{
    m_ui->setupUi(this);
    setAcceptDrops(true);
    m_ui->sampleTable->verticalHeader()->hide();
    m_ui->sampleTable->horizontalHeader()->setStretchLastSection(true);
    connect(m_ui->browseButton, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Open a List of Numbers"),
                                                          QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
                                                          tr("CSV files (*.csv *.txt);;All files (*)"));
        if (!file.isEmpty())
            setFile(file);
    });
    connect(m_ui->fileEdit, &QLineEdit::editingFinished, this, [this] { readSample(); });
    for (QComboBox *c : {m_ui->encodingCombo, m_ui->separatorCombo})
        connect(c, &QComboBox::activated, this, [this] { readSample(); });
    connect(m_ui->headerCheck, &QCheckBox::toggled, this, [this] { fillColumns(); });
    connect(m_ui->numberColumn, &QComboBox::currentIndexChanged, this, &QWizardPage::completeChanged);
    retranslate();
}

CampaignFilePage::~CampaignFilePage() = default;

void CampaignFilePage::retranslate()
{
    setTitle(tr("The list of numbers"));
    setSubTitle(tr("Open or drop a CSV file. Check that it reads as it should, and which column holds the numbers."));
    m_ui->fileLabel->setText(tr("&File:"));
    m_ui->browseButton->setText(tr("&Browse…"));
    m_ui->encodingLabel->setText(tr("&Encoding:"));
    m_ui->separatorLabel->setText(tr("&Separator:"));
    m_ui->headerCheck->setText(tr("First row is a &header"));
    m_ui->numberColumnLabel->setText(tr("&Number column:"));
    m_ui->serviceColumnLabel->setText(tr("Se&rvice id column:"));
    m_ui->fileColumnLabel->setText(tr("Audio file id co&lumn:"));
    m_ui->tzColumnLabel->setText(tr("&Time zone column:"));
    m_ui->nameColumnLabel->setText(tr("N&ame column:"));
    const int enc = std::max(0, m_ui->encodingCombo->currentIndex());
    const int sep = std::max(0, m_ui->separatorCombo->currentIndex());
    m_ui->encodingCombo->clear();
    m_ui->encodingCombo->addItem(tr("Detect"), QString());
    m_ui->encodingCombo->addItem(QStringLiteral("UTF-8"), QStringLiteral("utf-8"));
    m_ui->encodingCombo->addItem(QStringLiteral("Windows-1251"), QStringLiteral("cp1251"));
    m_ui->encodingCombo->setCurrentIndex(enc);
    m_ui->separatorCombo->clear();
    m_ui->separatorCombo->addItem(tr("Detect"), QString());
    m_ui->separatorCombo->addItem(tr("Comma ,"), QStringLiteral(","));
    m_ui->separatorCombo->addItem(tr("Semicolon ;"), QStringLiteral(";"));
    m_ui->separatorCombo->addItem(tr("Tab"), QStringLiteral("\t"));
    m_ui->separatorCombo->setCurrentIndex(sep);
    m_ui->fileEdit->setPlaceholderText(tr("A CSV file: one row per number"));
    a11y::nameFromLabels(this);
    a11y::name(m_ui->sampleTable, tr("The first rows as they will be read"));
    if (!m_sample.records.isEmpty())
        readSample();
}

void CampaignFilePage::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls() && event->mimeData()->urls().first().isLocalFile())
        event->acceptProposedAction();
}

void CampaignFilePage::dropEvent(QDropEvent *event)
{
    setFile(event->mimeData()->urls().first().toLocalFile());
    event->acceptProposedAction();
}

void CampaignFilePage::setFile(const QString &path)
{
    m_ui->fileEdit->setText(QDir::toNativeSeparators(path));
    readSample();
}

QString CampaignFilePage::file() const
{
    return QDir::fromNativeSeparators(m_ui->fileEdit->text().trimmed());
}

CsvOptions CampaignFilePage::csvOptions() const
{
    CsvOptions o;
    const QString enc = m_ui->encodingCombo->currentData().toString();
    if (!enc.isEmpty())
        o.encoding = CsvReader::encodingFromName(enc);
    const QString sep = m_ui->separatorCombo->currentData().toString();
    if (!sep.isEmpty())
        o.separator = sep.at(0);
    return o;
}

void CampaignFilePage::readSample()
{
    m_sample = {};
    QFile f(file());
    if (file().isEmpty()) {
        m_ui->detectedLabel->clear();
    } else if (!f.open(QIODevice::ReadOnly)) {
        style::showHint(m_ui->detectedLabel, tr("Cannot read %1: %2").arg(file(), f.errorString()), true);
    } else {
        m_sample = CampaignPlanner::sample(&f, csvOptions(), 20);
        if (m_sample.records.isEmpty())
            style::showHint(m_ui->detectedLabel, tr("The file has no rows."), true);
        else
            style::showHint(m_ui->detectedLabel,
                            tr("Read as %1%2, separator “%3”; %4.")
                                .arg(m_sample.encoding == CsvEncoding::Utf8 ? QStringLiteral("UTF-8") : QStringLiteral("Windows-1251"),
                                     m_sample.bom ? tr(" with BOM") : QString(),
                                     m_sample.separator == u'\t' ? tr("tab") : QString(m_sample.separator),
                                     m_sample.detected.header ? tr("the first row is a header") : tr("no header row")),
                            false);
        QSignalBlocker block(m_ui->headerCheck);
        m_ui->headerCheck->setChecked(m_sample.detected.header);
    }
    fillColumns();
}

void CampaignFilePage::fillColumns()
{
    int width = 0;
    for (const QStringList &r : std::as_const(m_sample.records))
        width = std::max(width, int(r.size()));
    width = std::min(width, 64);
    const bool header = m_ui->headerCheck->isChecked() && !m_sample.records.isEmpty();
    QStringList names;
    for (int i = 0; i < width; ++i) {
        const QString cell = header ? m_sample.records.first().value(i).trimmed() : QString();
        names << (cell.isEmpty() ? tr("Column %1").arg(i + 1) : tr("%1 (column %2)").arg(cell.left(40)).arg(i + 1));
    }
    m_ui->sampleTable->clear();
    m_ui->sampleTable->setColumnCount(width);
    m_ui->sampleTable->setHorizontalHeaderLabels(names);
    const int first = header ? 1 : 0;
    m_ui->sampleTable->setRowCount(std::max(0, int(m_sample.records.size()) - first));
    for (int r = first; r < m_sample.records.size(); ++r) {
        for (int c = 0; c < width; ++c)
            m_ui->sampleTable->setItem(r - first, c, new QTableWidgetItem(m_sample.records.at(r).value(c)));
    }
    m_ui->sampleTable->resizeColumnsToContents();
    const ColumnMap &d = m_sample.detected;
    const auto fill = [&](QComboBox *combo, int selected, bool optional) {
        QSignalBlocker block(combo);
        combo->clear();
        if (optional)
            combo->addItem(tr("(none)"), -1);
        for (int i = 0; i < width; ++i)
            combo->addItem(names.at(i), i);
        const int at = combo->findData(selected);
        combo->setCurrentIndex(at >= 0 ? at : 0);
    };
    fill(m_ui->numberColumn, d.number, false);
    fill(m_ui->serviceColumn, header ? d.serviceId : -1, true);
    fill(m_ui->fileColumn, header ? d.fileId : -1, true);
    fill(m_ui->tzColumn, header ? d.tz : -1, true);
    fill(m_ui->nameColumn, header ? d.name : -1, true);
    m_ui->serviceColumn->setVisible(!m_wizard->isLegacy());
    m_ui->serviceColumnLabel->setVisible(!m_wizard->isLegacy());
    m_ui->fileColumn->setVisible(m_wizard->isLegacy());
    m_ui->fileColumnLabel->setVisible(m_wizard->isLegacy());
    Q_EMIT completeChanged();
}

ColumnMap CampaignFilePage::columns() const
{
    ColumnMap m;
    m.header = m_ui->headerCheck->isChecked();
    m.number = m_ui->numberColumn->currentData().toInt();
    m.serviceId = m_wizard->isLegacy() ? -1 : m_ui->serviceColumn->currentData().toInt();
    m.fileId = m_wizard->isLegacy() ? m_ui->fileColumn->currentData().toInt() : -1;
    m.tz = m_ui->tzColumn->currentData().toInt();
    m.name = m_ui->nameColumn->currentData().toInt();
    m.numberName = m_ui->numberColumn->currentText();
    return m;
}

bool CampaignFilePage::isComplete() const
{
    return !m_sample.records.isEmpty() && m_ui->numberColumn->count() > 0;
}

// ---- 2. Check --------------------------------------------------------------------------------------

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
    m_model->open({});
    Q_EMIT completeChanged();
    const QString file = m_wizard->filePage()->file();
    QString base = QFileInfo(file).completeBaseName();
    base.replace(QRegularExpression(QStringLiteral("[^\\w.-]+")), QStringLiteral("_"));
    const QString path = m_wizard->folder() + u'/' + base.left(60) + u'-' +
                         QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss")) + QStringLiteral(".journal");
    m_wizard->setJournalPath(path);
    PlanOptions options;
    options.csv = m_wizard->filePage()->csvOptions();
    options.columns = m_wizard->filePage()->columns();
    options.legacy = m_wizard->isLegacy();
    CampaignSettings settings;
    settings.provider = m_wizard->isLegacy() ? CampaignSettings::Provider::IntegrationApi : CampaignSettings::Provider::Exolve;
    settings.inputFile = QFileInfo(file).absoluteFilePath();
    settings.created = QDateTime::currentDateTimeUtc();
    settings.numberColumn = options.columns->numberName;
    m_serviceColumn = options.columns->serviceId >= 0;
    m_fileColumn = options.columns->fileId >= 0;
    m_rows = std::make_shared<std::atomic<qint64>>(0);
    m_abort = std::make_shared<std::atomic<bool>>(false);
    auto error = std::make_shared<QString>();
    auto rows = m_rows;
    auto abort = m_abort;
    m_ui->progressBar->setRange(0, 0);
    m_ui->progressBar->show();
    // The journal is written on the planning thread only (SQLite connections stay on their thread).
    m_thread = QThread::create([file, path, options, settings, rows, abort, error]() mutable {
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
        if (auto r = journal.create(path, settings); !r) {
            *error = r.error().message;
            return;
        }
        journal.setMeta(QStringLiteral("state"), QStringLiteral("preview"));
        const auto plan = CampaignPlanner::plan(&input, options, &journal, [rows, abort](qint64 n) {
            rows->store(n);
            return !abort->load();
        });
        if (!plan)
            *error = plan.error();
        else
            journal.setMeta(QStringLiteral("encoding"), CsvReader::encodingName(plan.value().encoding));
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
    m_model->open({});
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
    m_rowsWithZone = 0;
    m_done = true;
    const CampaignCounts &n = m_counts;
    style::showHint(m_ui->countsLabel,
                    tr("%1 rows: <b>%2 ready</b>, %3 invalid, %4 duplicates, %5 on the do-not-call list.")
                        .arg(n.total).arg(n.ready).arg(n.invalid).arg(n.duplicate).arg(n.suppressed) +
                        (n.ready == 0 ? u' ' + tr("No row can be called: check the number column on the previous page.") : QString()),
                    n.ready == 0);
    m_ui->exportProblemsButton->setEnabled(n.invalid + n.duplicate + n.suppressed > 0);
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
    if (out.open(QIODevice::WriteOnly)) {
        out.write("line,value,class,reason\r\n");
        m_model->journal()->forEachRow(
            [&out](const CampaignRow &row) {
                const QStringList cells = {QString::number(row.line), CallHistory::csvCell(row.given), rowClassName(row.rowClass),
                                           CallHistory::csvCell(row.reason)};
                out.write(cells.join(u',').toUtf8() + "\r\n");
            },
            true);
    }
    if (!out.commit())
        style::showHint(m_ui->countsLabel, tr("Cannot write %1: %2").arg(file, out.errorString()), true);
}

bool CampaignCheckPage::isComplete() const
{
    return m_done && m_counts.ready > 0;
}

// ---- 3. Settings -----------------------------------------------------------------------------------

CampaignSettingsPage::CampaignSettingsPage(CampaignWizard *wizard)
    : m_ui(std::make_unique<Ui::CampaignSettingsPage>()), m_wizard(wizard)
{
    m_ui->setupUi(this);
    m_ui->serviceCombo->setInsertPolicy(QComboBox::NoInsert);
    m_ui->serviceCombo->completer()->setFilterMode(Qt::MatchContains);
    m_ui->serviceCombo->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_ui->zoneCombo->setInsertPolicy(QComboBox::NoInsert);
    m_ui->zoneCombo->addItem(QString(), QString()); // this computer's zone
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        m_ui->zoneCombo->addItem(QString::fromLatin1(id), QString::fromLatin1(id));
    m_ui->zoneCombo->completer()->setFilterMode(Qt::MatchContains);
    m_ui->zoneCombo->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_ui->windowStart->setTime(QTime(9, 0));
    m_ui->windowEnd->setTime(QTime(20, 0));
    m_ui->windowCheck->setChecked(true);
    connect(m_ui->serviceCombo, &QComboBox::currentTextChanged, this, &CampaignSettingsPage::revalidate);
    connect(m_ui->fileIdEdit, &QLineEdit::textChanged, this, &CampaignSettingsPage::revalidate);
    connect(m_ui->sourceEdit, &QLineEdit::textChanged, this, &CampaignSettingsPage::revalidate);
    connect(m_ui->zoneCombo, &QComboBox::currentTextChanged, this, &CampaignSettingsPage::revalidate);
    connect(m_ui->windowCheck, &QCheckBox::toggled, this, [this](bool on) {
        m_ui->windowStart->setEnabled(on);
        m_ui->windowEnd->setEnabled(on);
        updateEstimate();
    });
    for (QTimeEdit *t : {m_ui->windowStart, m_ui->windowEnd})
        connect(t, &QTimeEdit::timeChanged, this, &CampaignSettingsPage::updateEstimate);
    connect(m_ui->rateSpin, &QDoubleSpinBox::valueChanged, this, &CampaignSettingsPage::updateEstimate);
    connect(m_ui->redialSpin, &QSpinBox::valueChanged, this, [this](int n) { m_ui->redialGapSpin->setEnabled(n > 0); });
    m_ui->redialGapSpin->setEnabled(false);
    retranslate();
}

CampaignSettingsPage::~CampaignSettingsPage() = default;

void CampaignSettingsPage::retranslate()
{
    setTitle(tr("Settings"));
    setSubTitle(tr("What to send, from which number, how fast and when. Times are the recipient's local time."));
    m_ui->serviceLabel->setText(tr("&Service:"));
    m_ui->fileIdLabel->setText(tr("Audio &file id:"));
    m_ui->sourceLabel->setText(tr("&Caller number:"));
    m_ui->rateLabel->setText(tr("&Calls per second:"));
    m_ui->concurrencyLabel->setText(tr("at most &at once:"));
    m_ui->windowCheck->setText(tr("Call only &between"));
    m_ui->zoneLabel->setText(tr("Time &zone:"));
    m_ui->zoneCombo->setItemText(0, tr("This computer's zone (%1)").arg(QString::fromLatin1(QTimeZone::systemTimeZoneId())));
    m_ui->redialLabel->setText(tr("Call &busy or unanswered again:"));
    m_ui->redialSpin->setSuffix(tr(" more time(s)"));
    m_ui->redialSpin->setSpecialValueText(tr("never"));
    m_ui->redialGapLabel->setText(tr("after"));
    m_ui->redialGapSpin->setSuffix(tr(" min"));
    m_ui->dncCaption->setText(tr("Do not call:"));
    m_ui->sourceEdit->setPlaceholderText(tr("e.g. +7 495 123-45-67"));
    m_ui->fileIdEdit->setPlaceholderText(tr("The id of an uploaded audio file"));
    a11y::nameFromLabels(this);
    a11y::name(m_ui->windowStart, tr("Sending window start"));
    a11y::name(m_ui->windowEnd, tr("Sending window end"));
    a11y::name(m_ui->redialGapSpin, tr("Minutes between calls to the same number"));
    revalidate();
}

void CampaignSettingsPage::initializePage()
{
    const bool legacy = m_wizard->isLegacy();
    const bool serviceColumn = m_wizard->checkPage()->hasServiceColumn();
    for (QWidget *w : {static_cast<QWidget *>(m_ui->serviceCombo), static_cast<QWidget *>(m_ui->serviceLabel)})
        w->setVisible(!legacy);
    for (QWidget *w : {static_cast<QWidget *>(m_ui->fileIdEdit), static_cast<QWidget *>(m_ui->fileIdLabel)})
        w->setVisible(legacy);
    m_ui->serviceCombo->lineEdit()->setPlaceholderText(serviceColumn ? tr("Optional: rows name their own service")
                                                                     : tr("Type to search the services"));
    Session *session = m_wizard->session();
    if (!legacy && !m_servicesLoaded) {
        m_servicesLoaded = true;
        session->exolve()->listServices(this, [this](const Result<QList<VoiceService>> &r) {
            if (!r) {
                style::showHint(m_ui->estimateLabel, tr("The services could not be loaded: %1").arg(r.error().toDisplayString()), true);
                return;
            }
            const QString typed = m_ui->serviceCombo->currentText();
            m_ui->serviceCombo->clear();
            for (const VoiceService &s : r.value())
                m_ui->serviceCombo->addItem(QStringLiteral("%1 — %2").arg(s.name, s.id), s.id);
            m_ui->serviceCombo->setCurrentIndex(typed.isEmpty() && m_ui->serviceCombo->count() == 1 ? 0 : -1);
            if (!typed.isEmpty())
                m_ui->serviceCombo->setEditText(typed);
            revalidate();
        });
    }
    if (legacy) {
        session->legacy()->balance(this, [this](const Result<double> &r) {
            m_balance = r.ok() ? tr("Balance: %1").arg(QLocale().toString(r.value(), 'f', 2))
                               : tr("The balance is unavailable: %1").arg(r.error().toDisplayString());
            updateEstimate();
        });
    }
    DoNotCallList dnc;
    dnc.load(DoNotCallList::defaultPath());
    m_ui->dncLabel->setText(tr("%n number(s) on the shared do-not-call list (Tools → Do-Not-Call List…); rows with them "
                               "were found on the previous page.", nullptr, int(dnc.size())));
    revalidate();
}

void CampaignSettingsPage::revalidate()
{
    const QString source = m_ui->sourceEdit->text().trimmed();
    if (source.isEmpty()) {
        m_ui->sourceHint->clear();
        m_ui->sourceEdit->setStyleSheet({});
    } else {
        const auto checked = Validation::phoneNumber(source, QStringLiteral("source"));
        m_ui->sourceEdit->setStyleSheet(checked.ok() ? QString() : style::invalidLineEdit());
        style::showHint(m_ui->sourceHint, checked.ok() ? tr("Calls come from %1").arg(checked.value()) : checked.error().explanation,
                        !checked.ok());
    }
    const bool zoneOk = m_ui->zoneCombo->currentText().isEmpty() || m_ui->zoneCombo->currentIndex() == 0 ||
                        SendingWindow::zone(m_ui->zoneCombo->currentText().trimmed()).has_value();
    QString zoneHint = zoneOk ? QString() : tr("Unknown time zone: pick one from the list, or type UTC+03:00.");
    if (zoneOk && m_wizard->filePage()->columns().tz >= 0)
        zoneHint = tr("Rows with their own time zone use it; this zone is for the others.");
    style::showHint(m_ui->zoneHint, zoneHint, !zoneOk);
    updateEstimate();
    Q_EMIT completeChanged();
}

CampaignSettings CampaignSettingsPage::settings() const
{
    CampaignSettings s;
    s.provider = m_wizard->isLegacy() ? CampaignSettings::Provider::IntegrationApi : CampaignSettings::Provider::Exolve;
    const auto source = Validation::phoneNumber(m_ui->sourceEdit->text(), QStringLiteral("source"));
    s.source = source.ok() ? source.value() : QString();
    if (!m_wizard->isLegacy()) {
        const int at = m_ui->serviceCombo->findText(m_ui->serviceCombo->currentText());
        QString id = at >= 0 ? m_ui->serviceCombo->itemData(at).toString() : m_ui->serviceCombo->currentText().trimmed();
        if (const auto checked = ExolveValidation::serviceId(id); checked.ok())
            s.serviceId = checked.value();
    } else if (const auto f = LegacyValidation::fileId(m_ui->fileIdEdit->text()); f.ok()) {
        s.fileId = QString::number(f.value());
    }
    s.rate = m_ui->rateSpin->value();
    s.concurrency = m_ui->concurrencySpin->value();
    if (m_ui->windowCheck->isChecked())
        s.window = SendingWindow(m_ui->windowStart->time(), m_ui->windowEnd->time()).toString();
    if (m_ui->zoneCombo->currentIndex() != 0 && !m_ui->zoneCombo->currentText().trimmed().isEmpty())
        s.defaultZone = m_ui->zoneCombo->currentText().trimmed();
    s.redial = m_ui->redialSpin->value();
    s.redialGapMin = m_ui->redialGapSpin->value();
    return s;
}

QString CampaignSettingsPage::serviceName() const
{
    const int at = m_ui->serviceCombo->findText(m_ui->serviceCombo->currentText());
    return at >= 0 ? m_ui->serviceCombo->itemText(at) : m_ui->serviceCombo->currentText();
}

void CampaignSettingsPage::updateEstimate()
{
    const CampaignSettings s = settings();
    const auto window = SendingWindow::parse(s.window);
    const QTimeZone zone = s.defaultZone.isEmpty() ? QTimeZone::systemTimeZone() : SendingWindow::zone(s.defaultZone).value_or(QTimeZone::systemTimeZone());
    const qint64 seconds = CampaignPlanner::estimateSeconds(m_wizard->checkPage()->counts().ready, s.rate, window.value_or(SendingWindow()), zone);
    QString text = tr("Estimated duration: %1 for %n call(s).", nullptr, int(m_wizard->checkPage()->counts().ready)).arg(time::duration(seconds));
    if (!m_balance.isEmpty())
        text += u' ' + m_balance;
    m_ui->estimateLabel->setText(text);
}

bool CampaignSettingsPage::isComplete() const
{
    const CampaignSettings s = settings();
    if (s.source.isEmpty())
        return false;
    if (m_wizard->isLegacy())
        return !s.fileId.isEmpty() || m_wizard->checkPage()->hasFileColumn();
    const bool zoneOk = m_ui->zoneCombo->currentIndex() == 0 || m_ui->zoneCombo->currentText().trimmed().isEmpty() ||
                        SendingWindow::zone(m_ui->zoneCombo->currentText().trimmed()).has_value();
    return zoneOk && (!s.serviceId.isEmpty() || m_wizard->checkPage()->hasServiceColumn());
}

// ---- 4. Confirm ------------------------------------------------------------------------------------

CampaignConfirmPage::CampaignConfirmPage(CampaignWizard *wizard) : m_ui(std::make_unique<Ui::CampaignConfirmPage>()), m_wizard(wizard)
{
    m_ui->setupUi(this);
    retranslate();
}

CampaignConfirmPage::~CampaignConfirmPage() = default;

void CampaignConfirmPage::retranslate()
{
    setTitle(tr("Start the campaign"));
    // Nothing is called before this button.
    setButtonText(QWizard::FinishButton, tr("&Start Calling"));
    if (m_wizard->currentId() == CampaignWizard::ConfirmPageId)
        initializePage();
}

void CampaignConfirmPage::initializePage()
{
    const CampaignSettings s = m_wizard->settingsPage()->settings();
    const qint64 ready = m_wizard->checkPage()->counts().ready;
    const QString count = QLocale().toString(ready);
    const QString what = m_wizard->isLegacy() ? tr("audio file %1").arg(s.fileId.isEmpty() ? tr("named by each row") : s.fileId)
                                              : tr("service «%1»").arg(s.serviceId.isEmpty() ? tr("named by each row")
                                                                                              : m_wizard->settingsPage()->serviceName());
    QString question = s.window.isEmpty()
                           ? tr("Call %1 number(s) from %2 with %3?").arg(count, s.source, what)
                           : tr("Call %1 number(s) from %2 with %3 between %4 and %5 in each recipient's time?")
                                 .arg(count, s.source, what, s.window.section(u'-', 0, 0), s.window.section(u'-', 1, 1));
    m_ui->questionLabel->setText(QStringLiteral("<h3>%1</h3>").arg(question.toHtmlEscaped()));
    const CampaignCounts &n = m_wizard->checkPage()->counts();
    m_ui->detailsLabel->setText(tr("%1 call(s) per second, at most %2 at once. Not called: %3 invalid, %4 duplicate, %5 on the "
                                   "do-not-call list. Nobody is called twice; a call whose outcome is unknown is never sent "
                                   "again without your say.")
                                    .arg(QLocale().toString(s.rate, 'g', 4)).arg(s.concurrency).arg(n.invalid).arg(n.duplicate)
                                    .arg(n.suppressed));
    const bool sandbox = m_wizard->session()->profile().sandbox;
    m_ui->sandboxLabel->setVisible(sandbox);
    style::showHint(m_ui->sandboxLabel, tr("This is the built-in sandbox: no real call is made and nothing costs money."), false);
}

// ---- The wizard ------------------------------------------------------------------------------------

CampaignWizard::CampaignWizard(Session *session, const QString &folder, QWidget *parent)
    : QWizard(parent), m_session(session), m_folder(folder)
{
    setObjectName(QStringLiteral("campaignWizard"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnLastPage, false);
    m_file = new CampaignFilePage(this);
    m_check = new CampaignCheckPage(this);
    m_settings = new CampaignSettingsPage(this);
    m_confirm = new CampaignConfirmPage(this);
    setPage(FilePageId, m_file);
    setPage(CheckPageId, m_check);
    setPage(SettingsPageId, m_settings);
    setPage(ConfirmPageId, m_confirm);
    resize(860, 620);
    retranslate();
}

CampaignWizard::~CampaignWizard() = default;

bool CampaignWizard::isLegacy() const
{
    return m_session->isLegacy();
}

void CampaignWizard::retranslate()
{
    setWindowTitle(tr("New Campaign"));
    m_file->retranslate();
    m_check->retranslate();
    m_settings->retranslate();
    m_confirm->retranslate();
}

void CampaignWizard::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizard::changeEvent(event);
}

void CampaignWizard::discardJournal()
{
    if (m_journalPath.isEmpty())
        return;
    m_check->model()->open({});
    for (const char *suffix : {"", "-wal", "-shm", ".lock"})
        QFile::remove(m_journalPath + QLatin1String(suffix));
    m_journalPath.clear();
}

void CampaignWizard::accept()
{
    // The settings go into the journal; the campaigns page starts it.
    CampaignJournal journal;
    m_check->model()->open({});
    if (auto r = journal.open(m_journalPath); !r) {
        style::showHint(m_confirm->findChild<QLabel *>(QStringLiteral("detailsLabel")), r.error().message, true);
        return;
    }
    CampaignSettings s = m_settings->settings();
    const CampaignSettings planned = journal.settings();
    s.inputFile = planned.inputFile;
    s.created = planned.created;
    s.numberColumn = planned.numberColumn;
    s.encoding = journal.meta(QStringLiteral("encoding"));
    s.apiUrl = m_session->endpoint().toString();
    s.profile = m_session->profile().id;
    journal.saveSettings(s);
    journal.setMeta(QStringLiteral("profile_name"), m_session->profile().name);
    journal.setMeta(QStringLiteral("state"), QStringLiteral("started")); // confirmed: from now on it may call
    journal.close();
    const QString path = m_journalPath;
    m_journalPath.clear(); // kept: it is the campaign now
    QWizard::accept();
    Q_EMIT campaignReady(path);
}

void CampaignWizard::reject()
{
    m_check->cleanupPage();
    discardJournal(); // nothing was called: the preview goes
    QWizard::reject();
}

} // namespace vc::ui
