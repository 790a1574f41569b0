#include "ui/campaigns/teamcampaignsview.h"

#include "common/offthread.h"
#include "store/teamstore.h"
#include "ui/widgets/accessibility.h"
#include "ui/widgets/stylepalette.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

namespace vc::ui {

namespace {
enum Column { Name, State, Operator, Host, Since, Placed, Waiting, Unknown, Heard, ColumnCount };
}

TeamCampaignsView::TeamCampaignsView(QWidget *parent)
    : QWidget(parent), m_title(new QLabel(this)), m_table(new QTableWidget(this)), m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("teamCampaigns"));
    m_table->setObjectName(QStringLiteral("teamCampaignsTable"));
    m_error->setObjectName(QStringLiteral("teamCampaignsError"));
    m_title->setBuddy(m_table);
    m_error->setWordWrap(true);
    m_table->setColumnCount(ColumnCount);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_error);
    m_error->hide();
    m_timer.setInterval(10000);
    connect(&m_timer, &QTimer::timeout, this, &TeamCampaignsView::refresh);
    m_timer.start(); // also notices a team store chosen later (then it shows itself)
    setVisible(TeamStore::selected().has_value());
    retranslate();
}

TeamCampaignsView::~TeamCampaignsView() = default;

void TeamCampaignsView::showEvent(QShowEvent *event)
{
    refresh();
    QWidget::showEvent(event);
}

void TeamCampaignsView::refresh()
{
    const bool team = TeamStore::selected().has_value();
    if (team != isVisibleTo(parentWidget()))
        setVisible(team);
    if (!team || m_reading)
        return;
    m_reading = true;
    runOffThread<Result<QList<TeamCampaign>, StorageError>>(
        this, [] { return TeamCampaignLease::list(); }, // a connection of its own, on a worker thread
        [this](const Result<QList<TeamCampaign>, StorageError> &all) {
            m_reading = false;
            if (all) {
                m_campaigns = all.value();
                m_error->hide();
            } else {
                style::showHint(m_error, all.error().message, true);
            }
            fill();
            Q_EMIT refreshed();
        });
}

void TeamCampaignsView::fill()
{
    retranslate(); // the title names the store in use
    m_table->setRowCount(int(m_campaigns.size()));
    const auto when = [](const QDateTime &t) { return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat) : QString(); };
    for (int row = 0; row < m_campaigns.size(); ++row) {
        const TeamCampaign &c = m_campaigns.at(row);
        QString state;
        if (c.state == QLatin1String("running"))
            state = c.live ? tr("running") : tr("not answering (its computer is silent)");
        else if (c.state == QLatin1String("finished"))
            state = tr("finished");
        else if (c.state == QLatin1String("waiting"))
            state = tr("rows wait");
        else if (c.state == QLatin1String("cancelled"))
            state = tr("cancelled");
        else if (c.state == QLatin1String("paused") || c.state == QLatin1String("interrupted"))
            state = tr("paused");
        else
            state = tr("stopped");
        const auto count = [&c](const char *key) { return QString::number(c.counts.value(QLatin1String(key)).toInteger()); };
        const QStringList cells{c.name,
                                state,
                                c.operatorName,
                                c.host,
                                when(c.startedAt),
                                tr("%1 of %2").arg(count("placed"), count("ready")),
                                count("waiting"),
                                count("unknown"),
                                when(c.heartbeatAt)};
        for (int col = 0; col < ColumnCount; ++col) {
            auto *item = new QTableWidgetItem(cells.at(col));
            if (col == State && c.state == QLatin1String("running"))
                item->setToolTip(c.runningWhere());
            if (col == Name)
                item->setToolTip(c.journal);
            m_table->setItem(row, col, item);
        }
    }
    m_table->resizeColumnsToContents();
}

void TeamCampaignsView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        fill();
    QWidget::changeEvent(event);
}

void TeamCampaignsView::retranslate()
{
    const auto team = TeamStore::selected();
    m_title->setText(tr("Team's campai&gns (team store %1): who runs each, where, and how far it is").arg(team ? team->host : QString()));
    m_table->setHorizontalHeaderLabels({tr("Campaign"), tr("State"), tr("Operator"), tr("Computer"), tr("Since"), tr("Placed"),
                                        tr("Waiting"), tr("Unknown"), tr("Last heard")});
    a11y::name(m_table, tr("Team's campaigns"));
    a11y::name(m_error, tr("Team's campaigns: error"));
    a11y::name(this, tr("Team's campaigns"));
}

} // namespace vc::ui
