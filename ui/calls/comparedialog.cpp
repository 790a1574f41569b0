#include "ui/calls/comparedialog.h"

#include "ui/widgets/accessibility.h"
#include "ui/widgets/stylepalette.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTableWidget>
#include <QVBoxLayout>

namespace vc::ui {

namespace {
enum Column { KindColumn, NumberColumn, PlacedColumn, LocalIdColumn, ProviderIdColumn, LocalSecondsColumn, ProviderSecondsColumn,
              CampaignColumn, ColumnCount };
}

CompareDialog::CompareDialog(const CallHistory *history, ExolveClient *client, bool legacy, QWidget *parent)
    : QDialog(parent), m_history(history), m_client(client), m_legacy(legacy), m_intro(new QLabel(this)),
      m_fromLabel(new QLabel(this)), m_from(new QDateTimeEdit(this)), m_toLabel(new QLabel(this)), m_to(new QDateTimeEdit(this)),
      m_compare(new QPushButton(this)), m_savedLabel(new QLabel(this)), m_saved(new QComboBox(this)),
      m_filterLabel(new QLabel(this)), m_filter(new QComboBox(this)), m_table(new QTableWidget(0, ColumnCount, this)),
      m_totals(new QLabel(this)), m_export(new QPushButton(this)), m_close(new QPushButton(this))
{
    setObjectName(QStringLiteral("compareDialog"));
    m_from->setObjectName(QStringLiteral("compareFrom"));
    m_to->setObjectName(QStringLiteral("compareTo"));
    m_compare->setObjectName(QStringLiteral("compareButton"));
    m_saved->setObjectName(QStringLiteral("savedComparisons"));
    m_filter->setObjectName(QStringLiteral("compareFilter"));
    m_table->setObjectName(QStringLiteral("comparisonTable"));
    m_totals->setObjectName(QStringLiteral("comparisonTotals"));
    m_export->setObjectName(QStringLiteral("exportComparisonButton"));
    m_intro->setWordWrap(true);
    m_totals->setWordWrap(true);
    for (QDateTimeEdit *e : {m_from, m_to}) {
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
        e->setCalendarPopup(true);
    }
    const QDateTime now = QDateTime::currentDateTime();
    m_from->setDateTime(now.addDays(-1));
    m_to->setDateTime(now.addSecs(60));
    m_fromLabel->setBuddy(m_from);
    m_toLabel->setBuddy(m_to);
    m_savedLabel->setBuddy(m_saved);
    m_filterLabel->setBuddy(m_filter);
    for (int i = 0; i < 5; ++i)
        m_filter->addItem(QString());
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_export->setEnabled(false);
    resize(960, 520);

    auto *period = new QHBoxLayout;
    period->addWidget(m_fromLabel);
    period->addWidget(m_from);
    period->addWidget(m_toLabel);
    period->addWidget(m_to);
    period->addWidget(m_compare);
    period->addStretch();
    period->addWidget(m_savedLabel);
    period->addWidget(m_saved, 1);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filterLabel);
    filterRow->addWidget(m_filter);
    filterRow->addStretch();
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_totals, 1);
    bottom->addWidget(m_export);
    bottom->addWidget(m_close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(period);
    layout->addLayout(filterRow);
    layout->addWidget(m_table, 1);
    layout->addLayout(bottom);

    connect(m_compare, &QPushButton::clicked, this, &CompareDialog::compare);
    connect(m_filter, &QComboBox::currentIndexChanged, this, &CompareDialog::applyFilter);
    connect(m_export, &QPushButton::clicked, this, &CompareDialog::chooseExportFile);
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_saved, &QComboBox::activated, this, [this](int index) {
        const QString path = m_saved->itemData(index).toString();
        if (path.isEmpty())
            return;
        if (const auto c = HistoryComparison::load(path))
            display(*c);
        else
            style::showHint(m_totals, tr("%1 could not be read.").arg(QDir::toNativeSeparators(path)), true);
    });
    retranslate();
    listSaved();
    if (m_legacy) {
        m_compare->setEnabled(false);
        style::showHint(m_totals, tr("integrationapi.net has no call history to compare with: switch to an Exolve profile."), true);
    }
}

CompareDialog::~CompareDialog() = default;

void CompareDialog::compare()
{
    if (m_comparer || m_legacy)
        return;
    if (m_to->dateTime() <= m_from->dateTime()) {
        style::showHint(m_totals, tr("The end of the period must come after its start."), true);
        return;
    }
    m_comparer = std::make_unique<HistoryComparer>(m_history, m_client);
    connect(m_comparer.get(), &HistoryComparer::progress, this, [this](int done, int total) {
        style::showHint(m_totals, tr("Asking Exolve about %1 of %2 number(s)…").arg(done + 1 > total ? total : done + 1).arg(total), false);
    });
    connect(m_comparer.get(), &HistoryComparer::finished, this, [this](const HistoryComparison &c, const QString &error) {
        m_comparer.release()->deleteLater();
        m_compare->setEnabled(true);
        if (!error.isEmpty()) {
            style::showHint(m_totals, tr("Exolve's call history could not be read: %1").arg(error), true);
            return;
        }
        QString saveError;
        if (c.save(&saveError).isEmpty())
            style::showHint(m_totals, tr("The comparison could not be kept: %1").arg(saveError), true);
        listSaved();
        display(c);
    });
    m_compare->setEnabled(false);
    m_comparer->start(m_from->dateTime().toUTC(), m_to->dateTime().toUTC());
}

void CompareDialog::display(const HistoryComparison &c)
{
    m_comparison = c;
    m_from->setDateTime(c.from.toLocalTime());
    m_to->setDateTime(c.to.toLocalTime());
    m_table->setRowCount(0);
    m_table->setRowCount(int(c.rows.size()));
    const auto seconds = [](int s) { return s >= 0 ? QString::number(s) : QString(); };
    for (int r = 0; r < c.rows.size(); ++r) {
        const ComparisonRow &row = c.rows.at(r);
        const QString kind = row.kind == ComparisonRow::Kind::OnlyLocal          ? tr("only here")
                             : row.kind == ComparisonRow::Kind::OnlyProvider     ? tr("only at Exolve")
                             : row.kind == ComparisonRow::Kind::DurationMismatch ? tr("durations differ")
                                                                                 : tr("in both");
        const QStringList cells = {kind,
                                   u'+' + row.number,
                                   row.placedAt.isValid() ? QLocale().toString(row.placedAt.toLocalTime(), QLocale::ShortFormat) : QString(),
                                   row.localCallId,
                                   row.providerCallId,
                                   seconds(row.localDuration),
                                   seconds(row.providerDuration),
                                   row.campaign};
        for (int col = 0; col < ColumnCount; ++col) {
            auto *item = new QTableWidgetItem(cells.at(col));
            if (col == KindColumn)
                item->setData(Qt::UserRole, ComparisonRow::kindName(row.kind));
            if (col == ProviderIdColumn && !row.providerFields.isEmpty())
                item->setToolTip(row.providerFields); // the history's other fields, as Exolve wrote them
            m_table->setItem(r, col, item);
        }
    }
    m_table->resizeColumnsToContents();
    const HistoryComparison::Totals t = c.totals();
    style::showHint(m_totals,
                    tr("%1 to %2: in both %3 (durations differ: %4), only here %5, only at Exolve %6.")
                        .arg(QLocale().toString(c.from.toLocalTime(), QLocale::ShortFormat),
                             QLocale().toString(c.to.toLocalTime(), QLocale::ShortFormat))
                        .arg(t.both).arg(t.durationMismatch).arg(t.onlyLocal).arg(t.onlyProvider),
                    false);
    m_export->setEnabled(true);
    applyFilter();
}

void CompareDialog::applyFilter()
{
    static const QStringList keys = {QString(), QStringLiteral("both"), QStringLiteral("duration_mismatch"), QStringLiteral("only_local"),
                                     QStringLiteral("only_provider")};
    const QString key = keys.value(m_filter->currentIndex());
    for (int r = 0; r < m_table->rowCount(); ++r) {
        const QString kind = m_table->item(r, KindColumn)->data(Qt::UserRole).toString();
        const bool shown = key.isEmpty() || kind == key || (key == QLatin1String("both") && kind == QLatin1String("duration_mismatch"));
        m_table->setRowHidden(r, !shown);
    }
}

void CompareDialog::listSaved()
{
    m_saved->clear();
    m_saved->addItem(tr("(choose one)"), QString());
    for (const QString &path : HistoryComparison::saved()) {
        const QString name = QFileInfo(path).completeBaseName().mid(8); // compare-YYYYMMDD-HHMMSS-zzz
        const QDateTime made = QDateTime::fromString(name.left(15), QStringLiteral("yyyyMMdd-HHmmss"));
        m_saved->addItem(made.isValid() ? QLocale().toString(QDateTime(made.date(), made.time(), Qt::UTC).toLocalTime(), QLocale::ShortFormat)
                                        : name,
                         path);
    }
}

bool CompareDialog::exportTo(const QString &path, QString *error) const
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || !m_comparison.writeCsv(&f) || !f.commit()) {
        *error = f.errorString();
        return false;
    }
    return true;
}

void CompareDialog::chooseExportFile()
{
    const QString file = QFileDialog::getSaveFileName(this, tr("Export the Comparison"),
                                                      QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) +
                                                          QStringLiteral("/calls-compared.csv"),
                                                      tr("CSV files (*.csv)"));
    if (file.isEmpty())
        return;
    QString error;
    if (!exportTo(file, &error))
        style::showHint(m_totals, tr("The comparison could not be exported: %1").arg(error), true);
    else
        style::showHint(m_totals, tr("Exported to %1").arg(QDir::toNativeSeparators(file)), false);
}

void CompareDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void CompareDialog::retranslate()
{
    setWindowTitle(tr("Compare with Exolve"));
    m_intro->setText(tr("The calls this computer placed through Exolve in the period (the app, campaigns and voicectl) beside "
                        "Exolve's own call history. Exolve is asked about each number called from here: calls to other numbers "
                        "are not seen."));
    m_fromLabel->setText(tr("&From:"));
    m_toLabel->setText(tr("&To:"));
    m_compare->setText(tr("&Compare"));
    m_savedLabel->setText(tr("&Earlier:"));
    m_filterLabel->setText(tr("&Show:"));
    const QStringList filters = {tr("All calls"), tr("In both"), tr("Durations differ"), tr("Only here"), tr("Only at Exolve")};
    for (int i = 0; i < filters.size(); ++i)
        m_filter->setItemText(i, filters.at(i));
    m_table->setHorizontalHeaderLabels({tr("Where"), tr("Number"), tr("Placed"), tr("Call id here"), tr("Call id at Exolve"),
                                        tr("Seconds here"), tr("Seconds at Exolve"), tr("Campaign")});
    m_export->setText(tr("E&xport CSV…"));
    m_close->setText(tr("Close"));
    a11y::name(m_from, tr("Period start"));
    a11y::name(m_to, tr("Period end"));
    a11y::name(m_saved, tr("Earlier comparisons"));
    a11y::name(m_filter, tr("Show calls"));
    a11y::name(m_table, tr("Calls compared"));
    a11y::name(m_compare, tr("Compare"));
    a11y::name(m_export, tr("Export CSV"));
    a11y::name(this, tr("Compare with Exolve"));
}

} // namespace vc::ui
