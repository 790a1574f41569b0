// The new-campaign wizard, page 1: the file.
#include "ui/campaigns/wizard/campaignfilepage.h"
#include "ui_campaignfilepage.h"

#include "ui/campaigns/wizard/campaignwizard.h"
#include "ui/widgets/accessibility.h"
#include "ui/widgets/stylepalette.h"

#include <QDir>
#include <QDragEnterEvent>
#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QMimeData>
#include <QPushButton>
#include <QStandardPaths>

namespace vc::ui {

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
    m_ui->consentColumnLabel->setText(tr("C&onsent column:"));
    const int enc = std::max(0, m_ui->encodingCombo->currentIndex());
    const int sep = std::max(0, m_ui->separatorCombo->currentIndex());
    m_ui->encodingCombo->clear();
    m_ui->encodingCombo->addItem(tr("Detect"), QString());
    m_ui->encodingCombo->addItem(QStringLiteral("UTF-8"), QStringLiteral("utf-8"));
    m_ui->encodingCombo->addItem(QStringLiteral("Windows-1251"), QStringLiteral("cp1251"));
    m_ui->encodingCombo->addItem(QStringLiteral("UTF-16 LE"), QStringLiteral("utf-16le"));
    m_ui->encodingCombo->addItem(QStringLiteral("UTF-16 BE"), QStringLiteral("utf-16be"));
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
                                .arg(CsvReader::encodingTitle(m_sample.encoding),
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
    fill(m_ui->consentColumn, header ? d.consent : -1, true);
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
    m.consent = m_ui->consentColumn->currentData().toInt();
    m.numberName = m_ui->numberColumn->currentText();
    return m;
}

bool CampaignFilePage::isComplete() const
{
    return !m_sample.records.isEmpty() && m_ui->numberColumn->count() > 0;
}

} // namespace vc::ui
