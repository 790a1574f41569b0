#include "ui/campaigns/campaignspage.h"
#include "ui/campaigns/teamcampaignsview.h"
#include "ui/campaigns/campaignactions.h"
#include "ui_campaignspage.h"

#include "ui/widgets/accessibility.h"
#include "common/timeformats.h"
#include "accounts/session.h"
#include "common/paths.h"
#include "ui/campaigns/campaignmodels.h"
#include "ui/campaigns/resolveunknowndialog.h"
#include "accounts/settings.h"
#include "ui/widgets/chartview.h"
#include "ui/campaigns/wizard/campaignwizard.h"
#include "ui/campaigns/donotcalldialog.h"
#include "ui/shell/messagebanner.h"
#include "ui/widgets/statusbadgedelegate.h"
#include "ui/widgets/stylepalette.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QSettings>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QUrl>

namespace vc::ui {

CampaignsPage::CampaignsPage(Session *session, CampaignRegistry *registry, CampaignActions *actions, MessageBanner *banner,
                             QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::CampaignsPage>()), m_session(session), m_registry(registry), m_banner(banner),
      m_actions(actions), m_list(new CampaignListModel(registry, this)), m_rows(new CampaignRowsModel(this)), m_tick(new QTimer(this)),
      m_outcomeChart(new ChartView(this)), m_hourChart(new ChartView(this))
{
    m_ui->setupUi(this);
    // A tool bar, not a row of buttons: in a narrow window (or in Russian) what does not fit goes into its
    // overflow menu instead of widening the window.
    auto *bar = m_toolbar = new QToolBar(this);
    bar->setObjectName(QStringLiteral("campaignToolbar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setIconSize(QSize(16, 16));
    bar->addActions({m_actions->newCampaign, m_actions->pause, m_actions->resume, m_actions->cancel, m_actions->resolve, m_actions->resend,
                     m_actions->exportReport, m_actions->remove});
    bar->addSeparator();
    bar->addAction(m_actions->doNotCall);
    m_ui->pageLayout->insertWidget(0, bar);
    m_ui->campaignList->addActions({m_actions->pause, m_actions->resume, m_actions->cancel, m_actions->resolve, m_actions->resend, m_actions->exportReport,
                                    m_actions->exportAttempts, m_actions->remove});

    m_ui->campaignList->setModel(m_list);
    m_ui->campaignList->verticalHeader()->hide();
    m_ui->campaignList->horizontalHeader()->setStretchLastSection(true);
    m_ui->campaignList->horizontalHeader()->setSectionResizeMode(CampaignListModel::NameColumn, QHeaderView::Stretch);
    m_ui->rowsTable->setModel(m_rows);
    m_ui->rowsTable->verticalHeader()->hide();
    m_ui->rowsTable->verticalHeader()->setDefaultSectionSize(24);
    m_ui->rowsTable->setItemDelegateForColumn(CampaignRowsModel::StatusColumn, new StatusBadgeDelegate(this));
    m_ui->rowsTable->horizontalHeader()->setStretchLastSection(true);
    m_ui->titleLabel->setStyleSheet(QStringLiteral("font-weight: bold; font-size: 12pt;"));
    m_ui->retryButton->setObjectName(QStringLiteral("retryButton"));
    m_ui->retryButton->hide();
    m_team = new TeamCampaignsView(this);
    m_ui->campaignsSplitter->insertWidget(1, m_team); // the team's campaigns, shown with a team store
    m_ui->campaignsSplitter->setStretchFactor(0, 1);
    m_ui->campaignsSplitter->setStretchFactor(1, 1);
    m_ui->campaignsSplitter->setStretchFactor(2, 3);
    for (ChartView *v : {m_outcomeChart, m_hourChart}) {
        v->setMinimumHeight(220);
        m_ui->chartsRow->addWidget(v);
    }
    m_outcomeChart->setObjectName(QStringLiteral("campaignOutcomeChart"));
    m_hourChart->setObjectName(QStringLiteral("campaignHourChart"));

    connect(m_ui->campaignList->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] { showSelected(); });
    connect(m_ui->rowFilter, &QComboBox::activated, this, [this] { applyRowFilter(); });
    connect(m_ui->rowSearch, &QLineEdit::textChanged, this, [this] { applyRowFilter(); });
    connect(m_actions->pause, &QAction::triggered, this, [this] { pause(selectedPath()); });
    connect(m_actions->resume, &QAction::triggered, this, [this] { resume(selectedPath()); });
    connect(m_ui->retryButton, &QPushButton::clicked, this, [this] { resume(selectedPath()); });
    connect(m_actions->cancel, &QAction::triggered, this, &CampaignsPage::cancelSelected);
    connect(m_actions->resend, &QAction::triggered, this, &CampaignsPage::resendSelected);
    connect(m_actions->exportReport, &QAction::triggered, this, [this] { exportSelected(false); });
    connect(m_actions->exportAttempts, &QAction::triggered, this, [this] { exportSelected(true); });
    connect(m_actions->resolve, &QAction::triggered, this, &CampaignsPage::resolveSelected);
    connect(m_actions->remove, &QAction::triggered, this, &CampaignsPage::removeSelected);
    connect(m_ui->detailTabs, &QTabWidget::currentChanged, this, [this] { updateReport(); });
    // The list model follows the registry itself; the page only keeps its detail and actions current.
    connect(m_registry, &CampaignRegistry::stateChanged, this, [this](const QString &path) {
        const CampaignController *c = m_registry->controller(path);
        if (c && !c->isActive())
            reload(); // ended or paused: what the journal says now
        m_ui->campaignList->resizeColumnToContents(CampaignListModel::StateColumn);
        if (path == selectedPath()) {
            updateState();
            updateActions();
        }
    });
    connect(m_registry, &CampaignRegistry::countsChanged, this, [this](const QString &path) {
        if (path == selectedPath()) {
            updateState();
            updateActions();
        }
    });
    connect(m_registry, &CampaignRegistry::rowsChanged, this, [this](const QString &path) {
        if (path == selectedPath()) {
            m_rows->refresh();
            updateReport();
        }
        Q_EMIT historyChanged();
    });
    connect(m_registry, &CampaignRegistry::ended, this, [this](const QString &path, CampaignController::State state) {
        if (state != CampaignController::State::Finished)
            return;
        CampaignJournal j;
        if (!j.openReadOnly(path))
            return;
        const CampaignCounts n = j.counts();
        Q_EMIT campaignEnded(QFileInfo(path).completeBaseName(),
                             tr("%1 delivered, %2 not delivered, %3 rejected, %4 unknown.").arg(n.completed).arg(n.notDelivered)
                                 .arg(n.rejected).arg(n.unknown));
    });
    connect(m_registry, &CampaignRegistry::listChanged, this, &CampaignsPage::reload);
    // Countdowns (rate limit, window) and the ETA move with the clock.
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &CampaignsPage::updateState);
    m_tick->start();

    retranslate();
    reload();
}

CampaignsPage::~CampaignsPage() = default;

QAction *CampaignsPage::doNotCallAction() const
{
    return m_actions->doNotCall;
}

void CampaignsPage::retranslate()
{
    m_ui->retryButton->setText(tr("Retry"));
    m_ui->detailTabs->setTabText(0, tr("Rows"));
    m_ui->detailTabs->setTabText(1, tr("Report"));
    m_ui->rowSearch->setPlaceholderText(tr("Search by number"));
    const int filter = std::max(0, m_ui->rowFilter->currentIndex());
    m_ui->rowFilter->clear();
    const QList<QPair<QString, QString>> filters = {
        {tr("All rows"), {}},           {tr("Problems"), QStringLiteral("problems")},
        {tr("Waiting"), QStringLiteral("pending")}, {tr("Placed"), QStringLiteral("placed")},
        {tr("Rejected"), QStringLiteral("rejected")}, {tr("Outcome unknown"), QStringLiteral("unknown")},
        {tr("Invalid"), QStringLiteral("invalid")}, {tr("Duplicates"), QStringLiteral("duplicate")},
        {tr("Do not call"), QStringLiteral("suppressed")}, {tr("Over a contact cap"), QStringLiteral("capped")},
        {tr("No consent"), QStringLiteral("no_consent")}};
    for (const auto &[text, key] : filters)
        m_ui->rowFilter->addItem(text, key);
    m_ui->rowFilter->setCurrentIndex(filter);
    a11y::name(m_ui->campaignList, tr("Campaigns"));
    m_toolbar->setWindowTitle(tr("Campaign actions"));
    // The overflow button a narrow window shows: a screen reader says what it opens.
    if (auto *more = m_toolbar->findChild<QToolButton *>(QStringLiteral("qt_toolbar_ext_button"))) {
        a11y::name(more, tr("More campaign actions"));
        more->setToolTip(tr("More campaign actions"));
    }
    a11y::name(m_ui->rowsTable, tr("Rows of the campaign"));
    a11y::name(m_ui->rowFilter, tr("Show rows"));
    a11y::name(m_ui->rowSearch, tr("Search by number"));
    a11y::name(m_ui->progressBar, tr("Campaign progress"));
    a11y::name(m_ui->detailTabs, tr("Campaign details"));
    updateState();
    updateReport();
}

void CampaignsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void CampaignsPage::reload()
{
    const QString selected = selectedPath();
    m_list->reload(paths::campaignsFolder());
    m_ui->campaignList->resizeColumnsToContents();
    select(selected.isEmpty() && !m_list->campaigns().isEmpty() ? m_list->campaigns().first().path : selected);
}

void CampaignsPage::select(const QString &path)
{
    const int row = m_list->indexOf(path);
    if (row >= 0)
        m_ui->campaignList->setCurrentIndex(m_list->index(row, 0));
    showSelected();
}

void CampaignsPage::showUnknown(const QString &path)
{
    select(path);
    const int row = m_list->indexOf(path);
    if (row < 0 || m_list->campaigns().at(row).counts.unknown == 0)
        return;
    m_ui->detailTabs->setCurrentIndex(0);
    m_ui->rowFilter->setCurrentIndex(m_ui->rowFilter->findData(QStringLiteral("unknown")));
    applyRowFilter();
}

QString CampaignsPage::selectedPath() const
{
    const QModelIndex current = m_ui->campaignList->currentIndex();
    return current.isValid() && current.row() < m_list->campaigns().size() ? m_list->campaigns().at(current.row()).path : QString();
}

QStringList CampaignsPage::interrupted() const
{
    QStringList paths;
    for (const CampaignSummary &c : m_list->campaigns()) {
        if (m_registry->isInterrupted(c))
            paths << c.path;
    }
    return paths;
}

void CampaignsPage::showSelected()
{
    const QString path = selectedPath();
    if (path != m_rows->path()) {
        if (auto r = m_rows->open(path); !r)
            m_banner->showMessage(MessageBanner::Level::Error, r.error().message);
        m_ui->rowsTable->resizeColumnToContents(CampaignRowsModel::LineColumn);
        m_ui->rowsTable->setColumnWidth(CampaignRowsModel::NumberColumn, 170);
        m_ui->rowsTable->setColumnWidth(CampaignRowsModel::NormalisedColumn, 120);
        m_ui->rowsTable->setColumnWidth(CampaignRowsModel::StatusColumn, 130);
        m_ui->rowsTable->setColumnWidth(CampaignRowsModel::DetailColumn, 260);
    }
    m_ui->detail->setEnabled(!path.isEmpty());
    updateState();
    updateReport();
    updateActions();
}

void CampaignsPage::updateActions()
{
    const QString path = selectedPath();
    const int row = m_list->indexOf(path);
    const CampaignController *c = m_registry->controller(path);
    const bool active = c && c->isActive();
    const bool stopping = c && c->state() == CampaignController::State::Stopping;
    const CampaignSummary *s = row >= 0 ? &m_list->campaigns().at(row) : nullptr;
    const bool readable = s && s->error.isEmpty();
    const bool finishedState = s && (s->state == QLatin1String("cancelled"));
    const bool elsewhere = s && s->inUseElsewhere;
    m_actions->pause->setEnabled(active && !stopping);
    m_actions->resume->setEnabled(readable && !active && !finishedState && !elsewhere && s->state != QLatin1String("preview") &&
                         s->counts.waiting + s->counts.following > 0);
    m_actions->cancel->setEnabled(readable && !finishedState && !elsewhere && s->state != QLatin1String("finished") &&
                         s->state != QLatin1String("preview"));
    m_actions->resend->setEnabled(readable && !active && !elsewhere && s->counts.unknown > 0);
    // integrationapi.net has no call history to ask.
    const bool exolve = s && s->settings.provider == CampaignSettings::Provider::Exolve;
    m_actions->resolve->setEnabled(readable && !active && !elsewhere && s->counts.unknown > 0 && exolve);
    m_actions->exportReport->setEnabled(readable);
    m_actions->exportAttempts->setEnabled(readable);
    m_actions->remove->setEnabled(s && !active && !elsewhere);
}

void CampaignsPage::updateState()
{
    const QString path = selectedPath();
    const int row = m_list->indexOf(path);
    if (row < 0) {
        m_ui->titleLabel->setText(m_list->campaigns().isEmpty() ? tr("No campaigns yet") : QString());
        m_ui->stateLabel->setText(m_list->campaigns().isEmpty()
                                      ? tr("A campaign calls every number of a CSV file with one voice message, inside the "
                                           "sending window you choose, never twice and never a number on the do-not-call list. "
                                           "Start one with New Campaign…")
                                      : QString());
        m_ui->progressBar->hide();
        m_ui->countsLabel->clear();
        m_ui->retryButton->hide();
        return;
    }
    const CampaignSummary &s = m_list->campaigns().at(row);
    const CampaignController *c = m_registry->controller(path);
    m_ui->titleLabel->setText(s.name);
    QString state = m_list->stateText(s);
    bool error = false;
    m_ui->retryButton->hide();
    if (c) {
        using State = CampaignController::State;
        const qint64 left = c->until().isValid() ? std::max<qint64>(0, (QDateTime::currentDateTimeUtc().msecsTo(c->until()) + 999) / 1000) : 0;
        const bool scheduled = s.settings.startAt.isValid() && c->until().isValid() && c->until() <= s.settings.startAt.addSecs(1) &&
                               QDateTime::currentDateTimeUtc() < s.settings.startAt;
        switch (c->state()) {
        case State::WaitingForWindow:
            if (scheduled) {
                state = tr("Scheduled: the first call at %1 (in %2). Nothing is called before.")
                            .arg(QLocale().toString(s.settings.startAt.toLocalTime(), QLocale::ShortFormat), time::duration(left));
                break;
            }
            state = tr("Waiting for the sending window: the next call at %1 (in %2).")
                        .arg(QLocale().toString(c->until().toLocalTime(), QLocale::ShortFormat), time::duration(left));
            break;
        case State::RateLimited:
            state = tr("Paused by the service's rate limit (HTTP 429): going on in %1.").arg(time::duration(left));
            break;
        case State::StoreUnreachable:
            // until() is when the store stopped answering.
            state = tr("Paused: the team store unreachable since %1. No call is placed without its cap check; the campaign "
                       "goes on by itself when the server answers.\n%2")
                        .arg(QLocale().toString(c->until().toLocalTime(), QLocale::ShortFormat), c->message());
            error = true;
            break;
        case State::NetworkFailed:
            state = tr("Stopped: the network failed. Nothing more was called; retry when the connection is back.\n%1").arg(c->message());
            m_ui->retryButton->show();
            error = true;
            break;
        case State::RunningElsewhere:
            state = tr("Not started here: it is %1. It can be resumed here once it stops there, or once that computer "
                       "has been silent for a while (its lease ends with its connection).")
                        .arg(c->message());
            error = true;
            break;
        case State::Refused:
        case State::StorageFailed:
            state = CampaignController::stateName(c->state()) + u'\n' + c->message();
            error = true;
            break;
        default:
            state = CampaignController::stateName(c->state());
        }
    } else if (s.settings.startAt.isValid() && QDateTime::currentDateTimeUtc() < s.settings.startAt && s.counts.waiting > 0 &&
               s.state == QLatin1String("started")) {
        const qint64 left = (QDateTime::currentDateTimeUtc().msecsTo(s.settings.startAt) + 999) / 1000;
        state = tr("Scheduled for %1 (in %2): resume it on this computer to call then.")
                    .arg(QLocale().toString(s.settings.startAt.toLocalTime(), QLocale::ShortFormat), time::duration(left));
    } else if (m_registry->isInterrupted(s)) {
        state = tr("Interrupted: resume it to call the %n row(s) still waiting.", nullptr, int(s.counts.waiting));
    }
    if (s.counts.unknown > 0)
        state += u'\n' + tr("%n row(s) have an unknown outcome: they may have been called and are never sent again "
                            "unless you choose Resend Unknown…", nullptr, int(s.counts.unknown));
    if (error) {
        style::showHint(m_ui->stateLabel, state, true);
    } else {
        m_ui->stateLabel->setStyleSheet({});
        m_ui->stateLabel->setText(state);
    }
    const CampaignCounts &n = s.counts;
    const qint64 dispatched = n.placed + n.rejected + n.unknown;
    m_ui->progressBar->setVisible(n.ready > 0);
    m_ui->progressBar->setRange(0, int(std::min<qint64>(n.ready, INT_MAX)));
    m_ui->progressBar->setValue(int(std::min<qint64>(dispatched, INT_MAX)));
    m_ui->progressBar->setFormat(tr("%1 of %2 called (%p%)").arg(dispatched).arg(n.ready));
    QString counts = tr("Rows %1: ready %2, invalid %3, duplicate %4, do not call %5. Delivered %6, not delivered %7, "
                        "in progress %8, rejected %9, unknown %10, waiting %11.")
                         .arg(n.total).arg(n.ready).arg(n.invalid).arg(n.duplicate).arg(n.suppressed).arg(n.completed)
                         .arg(n.notDelivered).arg(n.following).arg(n.rejected).arg(n.unknown).arg(n.waiting);
    if (n.capped > 0)
        counts += u' ' + tr("%n row(s) over the contact policy's caps when checked: not called.", nullptr, int(std::min<qint64>(n.capped, INT_MAX)));
    if (n.noConsent > 0)
        counts += u' ' + tr("%n row(s) without the consent the contact policy requires: not called.", nullptr,
                            int(std::min<qint64>(n.noConsent, INT_MAX)));
    if (c && c->state() == CampaignController::State::Running && n.waiting > 0 && s.settings.rate > 0)
        counts += u' ' + tr("About %1 left at %2 call(s) per second.").arg(time::duration(qint64(double(n.waiting) / s.settings.rate)))
                             .arg(QLocale().toString(s.settings.rate, 'g', 4));
    m_ui->countsLabel->setText(counts);
}

void CampaignsPage::updateReport()
{
    if (m_ui->detailTabs->currentIndex() != 1)
        return;
    CampaignJournal *j = m_rows->journal();
    QList<ChartView::Item> slices;
    QList<ChartView::Item> perHourBars;
    if (j->isOpen()) {
        const CampaignCounts n = j->counts();
        const auto slice = [&slices](const QString &label, qint64 value, const QString &status) {
            if (value > 0)
                slices.append({QStringLiteral("%1: %2").arg(label).arg(value), double(value), StatusBadgeDelegate::colorFor(status)});
        };
        slice(tr("delivered"), n.completed, QStringLiteral("completed"));
        for (auto it = n.notDeliveredByStatus.cbegin(); it != n.notDeliveredByStatus.cend(); ++it)
            slice(it.key(), it.value(), it.key());
        slice(tr("rejected"), n.rejected, QStringLiteral("failed"));
        slice(tr("unknown"), n.unknown, QStringLiteral("outcome_unknown"));
        slice(tr("waiting"), n.waiting + n.following, QStringLiteral("pending"));
        const QMap<int, qint64> perHour = j->deliveredPerHour();
        const int first = perHour.isEmpty() ? 9 : perHour.firstKey();
        const int last = perHour.isEmpty() ? 20 : perHour.lastKey();
        for (int h = first; h <= last; ++h) {
            perHourBars.append({QStringLiteral("%1:00").arg(h, 2, 10, QLatin1Char('0')), double(perHour.value(h)),
                                StatusBadgeDelegate::colorFor(QStringLiteral("completed"))});
        }
        const CampaignJournal::Durations d = j->deliveredDurations();
        m_ui->durationLabel->setText(d.count > 0 ? tr("Answered calls: %1, lasting %2 on average (the longest %3).")
                                                       .arg(d.count).arg(time::duration(qint64(d.averageSec + 0.5)), time::duration(d.longestSec))
                                                 : tr("No answered call yet."));
    }
    m_outcomeChart->setChart(ChartView::Kind::Pie, tr("Outcomes"), slices);
    m_hourChart->setChart(ChartView::Kind::Bars, tr("Delivered calls per hour"), perHourBars);
}

void CampaignsPage::applyRowFilter()
{
    CampaignJournal::RowFilter f;
    const QString key = m_ui->rowFilter->currentData().toString();
    if (key == QLatin1String("problems"))
        f.problemsOnly = true;
    else if (key == QLatin1String("pending"))
        f.state = RowState::Pending;
    else if (key == QLatin1String("placed"))
        f.state = RowState::Placed;
    else if (key == QLatin1String("rejected"))
        f.state = RowState::Rejected;
    else if (key == QLatin1String("unknown"))
        f.state = RowState::Unknown;
    else if (key == QLatin1String("invalid"))
        f.rowClass = RowClass::Invalid;
    else if (key == QLatin1String("duplicate"))
        f.rowClass = RowClass::Duplicate;
    else if (key == QLatin1String("suppressed"))
        f.rowClass = RowClass::Suppressed;
    else if (key == QLatin1String("capped"))
        f.rowClass = RowClass::Capped;
    else if (key == QLatin1String("no_consent"))
        f.rowClass = RowClass::NoConsent;
    f.number = m_ui->rowSearch->text();
    m_rows->setFilter(f);
}

bool CampaignsPage::checkProfile(const QString &path)
{
    CampaignJournal j;
    if (auto r = j.openReadOnly(path); !r) {
        m_banner->showMessage(MessageBanner::Level::Error, r.error().message);
        return false;
    }
    // Nobody confirmed a campaign still in preview (a wizard or a voicectl prompt that never finished).
    if (j.meta(QStringLiteral("state")) == QLatin1String("preview")) {
        m_banner->showMessage(MessageBanner::Level::Warning,
                              tr("This campaign was never confirmed, so it is not started from here: create it again with "
                                 "New Campaign… (and remove this one)."));
        return false;
    }
    const QString profile = j.settings().profile;
    // voicectl's campaigns name no profile: they go on only where their calls went.
    if (profile.isEmpty() && m_session->isActive() && !j.settings().apiUrl.isEmpty() &&
        QUrl(j.settings().apiUrl).adjusted(QUrl::StripTrailingSlash) != m_session->endpoint().adjusted(QUrl::StripTrailingSlash)) {
        m_banner->showMessage(MessageBanner::Level::Warning,
                              tr("This campaign was started by voicectl against %1, not the address of the profile in use: "
                                 "go on with \"voicectl campaign resume %2\".")
                                  .arg(j.settings().apiUrl, QDir::toNativeSeparators(path)));
        return false;
    }
    if (!m_session->isActive() || (!profile.isEmpty() && profile != m_session->profile().id)) {
        const QString name = j.meta(QStringLiteral("profile_name"));
        m_banner->showMessage(MessageBanner::Level::Warning,
                              tr("This campaign was started with the profile \"%1\": switch to it to go on.").arg(name.isEmpty() ? profile : name));
        return false;
    }
    return true;
}

void CampaignsPage::start(const QString &path)
{
    reload();
    select(path);
    resume(path);
}

void CampaignsPage::resume(const QString &path, bool resendUnknown)
{
    if (path.isEmpty() || !checkProfile(path))
        return;
    if (!resendUnknown && !m_resolvedFirst.contains(path)) {
        // The call history first: rows it finds placed are followed, not left unknown.
        return resolveBeforeResume(path, [this, path] {
            m_resolvedFirst.insert(path);
            resume(path, false);
            m_resolvedFirst.remove(path);
        });
    }
    CampaignConnection connection;
    static_cast<ConnectionSnapshot &>(connection) = m_session->connectionSnapshot();
    connection.historyPath = m_historyPath;
    if (auto r = m_registry->start(path, connection, resendUnknown); !r)
        return m_banner->showMessage(MessageBanner::Level::Error, r.error());
    updateActions();
}

void CampaignsPage::pause(const QString &path)
{
    m_registry->pause(path);
}

void CampaignsPage::cancelSelected()
{
    const QString path = selectedPath();
    if (path.isEmpty())
        return;
    const auto answer = QMessageBox::question(this, tr("Cancel Campaign"),
                                              tr("Cancel the campaign \"%1\"? No more calls are placed; calls under way end "
                                                 "normally. A cancelled campaign cannot be resumed.").arg(QFileInfo(path).completeBaseName()));
    if (answer != QMessageBox::Yes)
        return;
    if (auto r = m_registry->cancel(path); !r)
        m_banner->showMessage(MessageBanner::Level::Error, r.error());
}

void CampaignsPage::exportSelected(bool attempts)
{
    const QString path = selectedPath();
    if (path.isEmpty())
        return;
    const QString file = QFileDialog::getSaveFileName(this, attempts ? tr("Export Campaign Attempts") : tr("Export Campaign Report"),
                                                      QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) + u'/' +
                                                          QFileInfo(path).completeBaseName() +
                                                          (attempts ? QStringLiteral("-attempts.csv") : QStringLiteral(".csv")),
                                                      tr("CSV files (*.csv)"));
    if (file.isEmpty())
        return;
    CampaignJournal j;
    QFile out(file);
    StorageResult r = j.openReadOnly(path);
    if (r && !out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        r = StorageError{out.errorString()};
    if (r)
        r = attempts ? j.exportAttemptsCsv(&out) : j.exportCsv(&out);
    if (!r)
        return m_banner->showMessage(MessageBanner::Level::Error, tr("The report could not be exported: %1").arg(r.error().message));
    m_banner->showMessage(MessageBanner::Level::Info, tr("Report exported to %1").arg(QDir::toNativeSeparators(file)));
}

void CampaignsPage::removeSelected()
{
    const QString path = selectedPath();
    if (path.isEmpty())
        return;
    const auto answer = QMessageBox::warning(this, tr("Remove Campaign"),
                                             tr("Remove the campaign \"%1\" and its journal %2? The calls stay in the call "
                                                "history, but this campaign's record of who was called is lost.")
                                                 .arg(QFileInfo(path).completeBaseName(), QDir::toNativeSeparators(path)),
                                             QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    m_rows->close(); // our own read-only view of it
    if (auto r = m_registry->remove(path); !r) {
        m_banner->showMessage(MessageBanner::Level::Error, r.error());
        showSelected();
    }
}

void CampaignsPage::openWizard()
{
    if (!m_session->isActive()) {
        m_banner->showMessage(MessageBanner::Level::Warning, tr("Choose a profile first: a campaign calls with its account."));
        return;
    }
    auto *wizard = new CampaignWizard(m_session, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &CampaignWizard::campaignReady, this, &CampaignsPage::start);
    wizard->open();
}

void CampaignsPage::openDoNotCallList()
{
    if (auto *existing = findChild<DoNotCallDialog *>()) {
        existing->raise();
        existing->activateWindow();
        return;
    }
    auto *dialog = new DoNotCallDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace vc::ui
