#include "ui/campaigns/resolveunknowndialog.h"

#include "accounts/settings.h"
#include "calls/callhistory.h"
#include "ui/widgets/accessibility.h"
#include "ui/widgets/stylepalette.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace vc::ui {

namespace {
enum Column { LineColumn, NumberColumn, VerdictColumn, DetailColumn, ColumnCount };
}

ResolveUnknownDialog::ResolveUnknownDialog(const QString &journalPath, ExolveClient *client, const QString &historyPath, QWidget *parent)
    : QDialog(parent), m_path(journalPath), m_client(client), m_historyPath(historyPath), m_intro(new QLabel(this)),
      m_settleLabel(new QLabel(this)), m_settle(new QSpinBox(this)), m_table(new QTableWidget(0, ColumnCount, this)),
      m_summary(new QLabel(this)), m_auto(new QCheckBox(this)), m_askButton(new QPushButton(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
{
    setObjectName(QStringLiteral("resolveUnknownDialog"));
    m_table->setObjectName(QStringLiteral("unknownRowsTable"));
    m_settle->setObjectName(QStringLiteral("settleSpin"));
    m_auto->setObjectName(QStringLiteral("autoResolveCheck"));
    m_askButton->setObjectName(QStringLiteral("askExolveButton"));
    m_summary->setObjectName(QStringLiteral("resolveSummary"));
    m_intro->setWordWrap(true);
    m_summary->setWordWrap(true);
    m_settle->setRange(0, 1440);
    m_settle->setValue(ReconcileOptions{}.settleMin);
    m_settleLabel->setBuddy(m_settle);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(true);
    resize(820, 460);

    auto *settleRow = new QHBoxLayout;
    settleRow->addWidget(m_settleLabel);
    settleRow->addWidget(m_settle);
    settleRow->addStretch();
    settleRow->addWidget(m_askButton);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(settleRow);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_auto);
    layout->addWidget(m_buttons);

    {
        const std::unique_ptr<QSettings> store = Settings::openShared();
        m_auto->setChecked(Settings(store.get()).resolveUnknownBeforeResume().get());
    }
    connect(m_auto, &QCheckBox::toggled, this, [](bool on) {
        const std::unique_ptr<QSettings> store = Settings::openShared();
        Settings(store.get()).resolveUnknownBeforeResume().set(on);
    });
    connect(m_askButton, &QPushButton::clicked, this, &ResolveUnknownDialog::ask);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_journal = std::make_unique<CampaignJournal>();
    StorageResult opened = m_journal->openReadOnly(journalPath);
    m_legacy = opened && m_journal->settings().provider == CampaignSettings::Provider::IntegrationApi;
    m_journal->close();
    retranslate();
    if (!opened) {
        style::showHint(m_summary, opened.error().message, true);
        m_askButton->setEnabled(false);
    } else if (m_legacy) {
        style::showHint(m_summary, tr("integrationapi.net has no call history to ask: the outcome of these rows cannot be "
                                      "resolved this way. Check them with the service, then use Resend Unknown… if you must."),
                        true);
        m_askButton->setEnabled(false);
    }
}

ResolveUnknownDialog::~ResolveUnknownDialog()
{
    m_reconciler.reset(); // before the journal it writes
}

void ResolveUnknownDialog::ask()
{
    if (m_reconciler || m_legacy)
        return;
    if (auto r = m_journal->open(m_path); !r) {
        style::showHint(m_summary, r.error().message, true);
        Q_EMIT askFinished();
        return;
    }
    m_table->setRowCount(0);
    for (const CampaignJournal::UnknownRow &row : m_journal->unknownRows()) {
        const int at = m_table->rowCount();
        m_table->insertRow(at);
        m_table->setItem(at, LineColumn, new QTableWidgetItem(QString::number(row.line)));
        m_table->setItem(at, NumberColumn, new QTableWidgetItem(u'+' + row.number));
        m_table->setItem(at, VerdictColumn, new QTableWidgetItem(tr("asking…")));
        m_table->setItem(at, DetailColumn, new QTableWidgetItem(row.error));
    }
    m_table->resizeColumnsToContents();
    ReconcileOptions options;
    options.settleMin = m_settle->value();
    m_reconciler = std::make_unique<CampaignReconciler>(m_journal.get(), m_client, options);
    connect(m_reconciler.get(), &CampaignReconciler::rowJudged, this, &ResolveUnknownDialog::judged);
    connect(m_reconciler.get(), &CampaignReconciler::finished, this, &ResolveUnknownDialog::finished);
    m_askButton->setEnabled(false);
    style::showHint(m_summary, tr("Asking Exolve's call history about %n row(s)…", nullptr, m_table->rowCount()), false);
    m_reconciler->start();
}

int ResolveUnknownDialog::rowOf(qint64 line) const
{
    for (int r = 0; r < m_table->rowCount(); ++r) {
        if (m_table->item(r, LineColumn)->text().toLongLong() == line)
            return r;
    }
    return -1;
}

void ResolveUnknownDialog::judged(const ReconcileVerdict &v)
{
    const int r = rowOf(v.line);
    if (r < 0)
        return;
    const QString what = v.kind == ReconcileVerdict::Kind::Placed      ? tr("placed")
                         : v.kind == ReconcileVerdict::Kind::NotPlaced ? tr("not placed")
                                                                       : tr("still unknown");
    m_table->item(r, VerdictColumn)->setText(what);
    m_table->item(r, VerdictColumn)->setData(Qt::UserRole, ReconcileVerdict::kindName(v.kind));
    m_table->item(r, DetailColumn)->setText(v.why);
    m_table->item(r, DetailColumn)->setToolTip(v.why);
}

void ResolveUnknownDialog::finished(const QList<ReconcileVerdict> &verdicts, const QString &error)
{
    m_verdicts = verdicts;
    m_reconciler.release()->deleteLater();
    const ReconcileTally t = ReconcileTally::of(verdicts);
    if (!m_historyPath.isEmpty() && t.placed > 0) {
        CallHistory history;
        if (history.open(m_historyPath))
            CampaignReconciler::recordInHistory(verdicts, &history, m_path);
    }
    m_journal->close(); // the campaign may be resumed now
    m_table->resizeColumnToContents(VerdictColumn);
    QString text = tr("Placed: %1 (followed to their end when the campaign resumes). Not placed: %2 (sent again only if you "
                      "choose Resend Unknown…). Still unknown: %3.").arg(t.placed).arg(t.notPlaced).arg(t.stillUnknown);
    if (!error.isEmpty())
        text = tr("Exolve's call history could not be read to the end: %1. What was resolved before is kept.").arg(error) + u' ' + text;
    style::showHint(m_summary, text, !error.isEmpty());
    m_askButton->setEnabled(true);
    if (t.changed)
        Q_EMIT resolved(m_path);
    Q_EMIT askFinished();
}

void ResolveUnknownDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void ResolveUnknownDialog::retranslate()
{
    setWindowTitle(tr("Resolve Unknown Outcomes"));
    m_intro->setText(tr("These calls of \"%1\" were requested and no answer came back: each may or may not have rung. Exolve's "
                        "own call history is asked about each number around the time of its request. Nothing is sent.")
                         .arg(QFileInfo(m_path).completeBaseName()));
    m_settleLabel->setText(tr("&Not placed when still missing after:"));
    m_settle->setSuffix(tr(" min"));
    m_askButton->setText(tr("&Ask Exolve"));
    m_auto->setText(tr("Ask &automatically before a campaign resumes"));
    m_table->setHorizontalHeaderLabels({tr("Line"), tr("Number"), tr("Exolve says"), tr("Details")});
    m_buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
    a11y::name(m_table, tr("Rows with an unknown outcome"));
    a11y::name(m_settle, tr("Minutes after the request before a missing call counts as not placed"));
    a11y::name(m_auto, tr("Ask automatically before a campaign resumes"));
    a11y::name(m_askButton, tr("Ask Exolve"));
    a11y::name(this, tr("Resolve Unknown Outcomes"));
}

} // namespace vc::ui
