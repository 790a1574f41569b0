// voicectl campaign ... and voicectl dnc ...: one voice message to a list of numbers.
#include "cli.h"

#include "campaigns/campaigndraft.h"
#include "common/paths.h"
#include "campaignsession.h"

#include "accounts/settings.h"
#include "campaigns/campaignplanner.h"
#include "campaigns/campaignrunner.h"
#include "campaigns/campaignsetup.h"
#include "campaigns/donotcall.h"
#include "common/checks.h"
#include "common/validation.h"
#include "common/timeformats.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTemporaryDir>

#include <optional>

#include <atomic>
#include <csignal>
#include "terminal.h"

namespace vc::cli {

namespace {

std::atomic<int> g_signal{0};

extern "C" void onStopSignal(int sig)
{
    g_signal.store(sig);
}

} // namespace

Cli::~Cli() = default;

bool Cli::isCampaignCommand(const QStringList &args)
{
    return args.value(0) == QLatin1String("campaign") || args.value(0) == QLatin1String("dnc") ||
           args.value(0) == QLatin1String("policy") || args.value(0) == QLatin1String("holidays");
}

// Commands that need no API key: dnc, campaign status/export, and an Exolve dry run.
bool Cli::startOffline(const QStringList &args)
{
    const QString group = args.at(0);
    const QString action = args.at(1);
    const QStringList rest = args.mid(2);
    if (group == QLatin1String("dnc")) {
        dnc(action, rest);
        return true;
    }
    if (group == QLatin1String("policy")) {
        policy(action, rest);
        return true;
    }
    if (group == QLatin1String("holidays")) {
        holidays(action, rest);
        return true;
    }
    if (group != QLatin1String("campaign"))
        return false;
    if (action == QLatin1String("status")) {
        if (requireArgs(rest, 1, opt("campaign status JOURNAL")))
            campaignStatus(rest.at(0));
        return true;
    }
    if (action == QLatin1String("export")) {
        if (requireArgs(rest, 1, opt("campaign export JOURNAL [--output FILE]")))
            campaignExport(rest.at(0));
        return true;
    }
    if (action == QLatin1String("run") && m_parser.isSet(opt("dry-run"))) {
        if (requireArgs(rest, 1, opt("campaign run FILE --service ID --source NUMBER [options]")))
            campaignRun(rest.at(0), CampaignSettings::Provider::Exolve);
        return true;
    }
    if (action == QLatin1String("resume") || action == QLatin1String("reconcile")) {
        // The journal says which provider: its credentials are read next.
        if (!requireArgs(rest, 1, action == QLatin1String("reconcile") ? opt("campaign reconcile JOURNAL [--settle MIN]")
                                                                        : opt("campaign resume JOURNAL [--resolve-unknown] [--resend-unknown] [--yes] [--no-wait]")))
            return true;
        if (m_parser.isSet(opt("settle"))) {
            bool ok = false;
            const int settle = m_parser.value(opt("settle")).toInt(&ok);
            if (!ok || settle < 0 || settle > 1440) {
                usage(tr("--settle takes minutes from 0 to 1440."));
                return true;
            }
        }
        m_campaign = std::make_unique<CampaignSession>();
        // Checked whole before anything writes to it: a damaged journal could say a called row is pending.
        if (auto r = CampaignJournal::checkIntegrity(rest.at(0)); !r) {
            m_out->error(r.error().message);
            done(r.error().damaged ? ApiFailure : UsageError);
            return true;
        }
        if (auto r = m_campaign->journal.open(rest.at(0)); !r) {
            usage(r.error().message);
            return true;
        }
        if (m_campaign->journal.settings().provider == CampaignSettings::Provider::IntegrationApi) {
            if (action == QLatin1String("reconcile") || m_parser.isSet(opt("resolve-unknown"))) {
                usage(tr("integrationapi.net has no call history to ask: its unknown outcomes cannot be resolved this way. "
                         "Nothing was changed or sent."));
                return true;
            }
            startLegacy(args);
            return true;
        }
        return false; // the Exolve key, then campaignResume() or campaignReconcile()
    }
    if (action != QLatin1String("run"))
        usage(tr("Unknown command \"%1 %2\". See voicectl --help.").arg(group, checks::elided(action)));
    return action != QLatin1String("run");
}

void Cli::campaignStatus(const QString &path)
{
    if (!openJournalToRead(path))
        return;
    if (m_campaign->journal.interruptedRows() > 0)
        m_out->error(tr("%n row(s) were being requested when the last run stopped: their outcome is unknown.", nullptr,
                        int(m_campaign->journal.interruptedRows())));
    printCounts(m_campaign->journal.counts(), false);
    done(m_campaign->damaged ? ApiFailure : Success);
}

void Cli::campaignExport(const QString &path)
{
    if (!openJournalToRead(path))
        return;
    QFile out;
    if (!openOutput(out))
        return;
    // To a file byte for byte; to the standard output escaped like every other output.
    std::optional<Output::PrintableDevice> printable;
    if (!m_parser.isSet(opt("output")))
        printable.emplace(&out);
    QIODevice *target = printable ? static_cast<QIODevice *>(&*printable) : &out;
    const auto r = m_parser.isSet(opt("attempts")) ? m_campaign->journal.exportAttemptsCsv(target) : m_campaign->journal.exportCsv(target);
    printable.reset();
    out.close();
    if (!r) {
        m_out->error(tr("The export failed: %1").arg(r.error().message));
        return done(ApiFailure);
    }
    if (m_parser.isSet(opt("output")) && m_out->format() == Format::Table)
        m_out->error(tr("Exported to %1").arg(out.fileName()));
    done(m_campaign->damaged ? ApiFailure : Success);
}

bool Cli::openOutput(QFile &out)
{
    if (m_parser.isSet(opt("output"))) {
        out.setFileName(m_parser.value(opt("output")));
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            usage(tr("Cannot write %1: %2").arg(out.fileName(), out.errorString()));
            return false;
        }
    } else if (!out.open(stdout, QIODevice::WriteOnly)) {
        usage(tr("Cannot write to the standard output."));
        return false;
    }
    return true;
}

bool Cli::openJournalToRead(const QString &path)
{
    m_campaign = std::make_unique<CampaignSession>();
    const auto checked = CampaignJournal::checkIntegrity(path);
    if (!checked && !checked.error().damaged) {
        usage(checked.error().message);
        return false;
    }
    m_campaign->damaged = !checked;
    if (m_campaign->damaged)
        m_out->error(tr("The journal %1 is damaged (SQLite's integrity check failed): what follows is what can still be "
                        "read from it, and it may be incomplete. The file was left as it is.").arg(path));
    // A run in progress (here or in the desktop app) holds the journal, a damaged one is never written,
    // and one in a read-only folder cannot be: each is read as it is, without a lock file.
    const auto r = m_campaign->journal.openToShow(path, m_campaign->damaged);
    if (!r) {
        if (m_campaign->damaged) {
            m_out->error(r.error().message);
            done(ApiFailure);
        } else {
            usage(r.error().message);
        }
    }
    return r.ok();
}

void Cli::printCounts(const CampaignCounts &c, bool dryRun, qint64 estimatedSeconds)
{
    const QString journal = m_campaign && !m_campaign->dryRunDir ? m_campaign->journal.path() : QString();
    if (m_out->format() == Format::Json) {
        QJsonObject o{{QStringLiteral("journal"), journal.isEmpty() ? QJsonValue() : QJsonValue(journal)},
                      {QStringLiteral("total"), c.total},
                      {QStringLiteral("invalid"), c.invalid},
                      {QStringLiteral("duplicate"), c.duplicate},
                      {QStringLiteral("suppressed"), c.suppressed},
                      {QStringLiteral("capped"), c.capped},
                      {QStringLiteral("no_consent"), c.noConsent},
                      {QStringLiteral("placed"), c.placed},
                      {QStringLiteral("completed"), c.completed},
                      {QStringLiteral("not_delivered"), c.notDelivered},
                      {QStringLiteral("rejected"), c.rejected},
                      {QStringLiteral("unknown"), c.unknown},
                      {QStringLiteral("waiting"), c.waiting}};
        if (!dryRun) {
            for (auto it = m_campaign->reconciled.constBegin(); it != m_campaign->reconciled.constEnd(); ++it)
                o.insert(it.key(), it.value());
            const CampaignSettings s = m_campaign->journal.settings();
            o.insert(QStringLiteral("purpose"), CampaignSettings::purposeName(s.purpose));
            o.insert(QStringLiteral("scheduled_at"), s.startAt.isValid() ? QJsonValue(s.startAt.toUTC().toString(Qt::ISODate)) : QJsonValue());
            return m_out->json(o);
        }
        // Problems stream from the journal: a file of a million bad rows never sits in memory.
        o.insert(QStringLiteral("ready"), c.ready);
        o.insert(QStringLiteral("estimated_seconds"), estimatedSeconds);
        QByteArray head = QJsonDocument(o).toJson(QJsonDocument::Compact);
        head.chop(1); // the closing brace
        m_out->raw(QString::fromUtf8(head) + QStringLiteral(",\"problems\":["));
        bool first = true;
        const StorageResult read = m_campaign->journal.forEachRow(
            [&](const CampaignRow &row) {
                const QJsonObject p{{QStringLiteral("line"), row.line},
                                    {QStringLiteral("value"), row.given},
                                    {QStringLiteral("reason"), row.reason}};
                m_out->raw((first ? QString() : QStringLiteral(",")) + QString::fromUtf8(QJsonDocument(p).toJson(QJsonDocument::Compact)));
                first = false;
            },
            true);
        m_out->raw(QStringLiteral("]}\n"));
        if (!read)
            m_out->error(tr("The journal could not be read to its end: %1").arg(read.error().message));
        return;
    }
    QList<QPair<QString, QString>> rows = {
        {tr("Journal"), journal.isEmpty() ? tr("(none: dry run)") : journal},
        {tr("Total rows"), QString::number(c.total)},
        {tr("Ready"), QString::number(c.ready)},
        {tr("Invalid"), QString::number(c.invalid)},
        {tr("Duplicate"), QString::number(c.duplicate)},
        {tr("Suppressed (do not call)"), QString::number(c.suppressed)},
        {tr("Capped (contact policy)"), QString::number(c.capped)},
        {tr("No consent (contact policy)"), QString::number(c.noConsent)},
    };
    if (!dryRun) {
        const CampaignSettings s = m_campaign->journal.settings();
        rows.prepend({tr("Purpose"), CampaignSettings::purposeTitle(s.purpose)});
        if (s.startAt.isValid())
            rows.append({tr("Scheduled start"), localWhen(s.startAt)});
        rows.append({tr("Placed"), QString::number(c.placed)});
        rows.append({tr("Completed"), QString::number(c.completed)});
        QStringList by;
        for (auto it = c.notDeliveredByStatus.cbegin(); it != c.notDeliveredByStatus.cend(); ++it)
            by.append(QStringLiteral("%1 %2").arg(it.key().isEmpty() ? tr("no status") : it.key()).arg(it.value()));
        rows.append({tr("Not delivered"), by.isEmpty() ? QString::number(c.notDelivered)
                                                       : QStringLiteral("%1 (%2)").arg(c.notDelivered).arg(by.join(QStringLiteral(", ")))});
        if (c.following > 0)
            rows.append({tr("Still in progress"), QString::number(c.following)});
        rows.append({tr("Rejected"), QString::number(c.rejected)});
        rows.append({tr("Unknown outcome"), QString::number(c.unknown)});
        rows.append({tr("Waiting"), QString::number(c.waiting)});
    } else {
        rows.append({tr("Estimated duration"), time::duration(estimatedSeconds)});
    }
    m_out->fields(rows);
}

std::optional<RunnerOptions> Cli::runnerOptions(const CampaignSettings &s)
{
    auto o = campaignsetup::runnerOptions(s);
    if (!o) {
        usage(o.error());
        return std::nullopt;
    }
    RunnerOptions options = o.value();
    options.waitForCalls = !m_parser.isSet(opt("no-wait"));
    if (m_parser.isSet(opt("interval")))
        options.monitor.scheduleMs = {m_pollIntervalMs};
    return options;
}

void Cli::campaignRun(const QString &file, CampaignSettings::Provider provider)
{
    const bool legacy = provider == CampaignSettings::Provider::IntegrationApi;
    const bool dryRun = m_parser.isSet(opt("dry-run"));
    auto settings = campaignSettings(file, provider, dryRun);
    if (!settings)
        return;
    CampaignSettings &s = *settings;
    auto planned = planOptions(s, dryRun);
    if (!planned)
        return;
    PlanOptions &plan = *planned;

    QFile input(file);
    if (!input.open(QIODevice::ReadOnly))
        return usage(tr("Cannot read %1: %2").arg(file, input.errorString()));
    m_campaign = std::make_unique<CampaignSession>();
    CampaignSession &c = *m_campaign;
    c.terminal = vc_isatty(fileno(stderr));
    if (auto r = c.shared.load(DoNotCallList::defaultPath()); !r)
        return usage(r.error().message);
    plan.doNotCall = &c.shared;
    if (m_parser.isSet(opt("dnc"))) {
        const QString dncFile = m_parser.value(opt("dnc"));
        if (!QFileInfo::exists(dncFile))
            return usage(tr("The do-not-call file %1 does not exist.").arg(dncFile));
        if (auto r = c.extra.load(dncFile); !r)
            return usage(r.error().message);
        plan.extraDoNotCall = &c.extra;
    }
    QString journalPath = m_parser.value(opt("journal"));
    if (dryRun) {
        c.dryRunDir = std::make_unique<QTemporaryDir>();
        journalPath = c.dryRunDir->filePath(QStringLiteral("preview.journal"));
    } else if (journalPath.isEmpty()) {
        journalPath = paths::newJournalPath(file);
    }
    journalPath = QFileInfo(journalPath).absoluteFilePath();

    QElapsedTimer planClock;
    planClock.start();
    const auto summary = CampaignDraft::preview(&input, journalPath, s, plan, &c.journal, [this, &planClock](qint64 rows) {
        if (m_campaign->terminal && planClock.elapsed() > 500)
            m_out->progress(tr("Reading the file: %n row(s)", nullptr, int(std::min<qint64>(rows, INT_MAX))));
        return true;
    });
    if (c.terminal && planClock.elapsed() > 500)
        m_out->progress({});
    if (!summary)
        return usage(tr("%1: %2").arg(file, summary.error()));
    const PlanSummary &p = summary.value();
    s = CampaignDraft::withPreview(s, p);

    const qint64 estimate = printPreview(file, s, p);
    // integrationapi.net shows the balance before the question; a dry run asks for it only when it can log in.
    if (legacy && (!dryRun || !m_legacy->configurationError())) {
        m_legacy->balance(this, [this, dryRun, estimate](const Result<double> &r) {
            confirmAndStart(dryRun, estimate, r.ok() ? std::optional<double>(r.value()) : std::nullopt);
        });
        return;
    }
    confirmAndStart(dryRun, estimate, std::nullopt);
}

void Cli::removeCampaignJournal()
{
    m_campaign->journal.close();
    CampaignJournal::removeFiles(m_campaign->journal.path());
}

// The preview: on stdout as text, or on stderr when stdout is for JSON.
void Cli::previewLine(const QString &text)
{
    if (m_out->format() == Format::Json)
        m_out->error(text);
    else
        m_out->line(text);
}

qint64 Cli::printPreview(const QString &file, const CampaignSettings &s, const PlanSummary &p)
{
    CampaignSession &c = *m_campaign;
    previewLine(tr("File: %1 (%2%3, separator %4, %5, number column \"%6\")")
                    .arg(file, s.encoding, p.bom ? tr(" with BOM") : QString(), s.separator,
                         p.columns.header ? tr("header row") : tr("no header row"), p.columns.numberName));
    if (!p.readError.isEmpty())
        previewLine(tr("Warning: the file could not be read to its end: %1").arg(p.readError));
    const CampaignCounts &n = p.counts;
    previewLine(tr("Rows: %1 — ready %2, invalid %3, duplicate %4, suppressed %5, capped %6, no consent %7")
                    .arg(n.total).arg(n.ready).arg(n.invalid).arg(n.duplicate).arg(n.suppressed).arg(n.capped).arg(n.noConsent));
    if (p.columns.consent >= 0)
        previewLine(tr("Consent column: %1").arg(p.columns.consent + 1));
    int shown = 0;
    const StorageResult read = c.journal.forEachRow(
        [&](const CampaignRow &row) {
            if (shown++ < 20)
                previewLine(tr("  line %1: \"%2\" — %3").arg(row.line).arg(checks::elided(row.given, 40), row.reason));
        },
        true);
    if (!read)
        previewLine(tr("The journal could not be read to its end: %1").arg(read.error().message));
    if (shown > 20)
        previewLine(tr("  … and %n more (all of them: voicectl campaign export, or -o json --dry-run)", nullptr, shown - 20));
    const auto window = SendingWindow::parse(s.window);
    const QTimeZone zone = s.defaultZone.isEmpty() ? QTimeZone::systemTimeZone() : *SendingWindow::zone(s.defaultZone);
    const qint64 estimate = CampaignPlanner::estimateSeconds(n.ready, s.rate, window.value_or(SendingWindow()), zone);
    previewLine(tr("Estimated duration: %1 at %2 call(s) per second%3")
                    .arg(time::duration(estimate), QLocale::c().toString(s.rate, 'g', 6),
                         s.window.isEmpty() ? QString()
                                            : tr(", window %1 (%2)").arg(s.window, s.defaultZone.isEmpty() ? tr("the recipient's zone, else this computer's") : s.defaultZone)));
    if (s.window.isEmpty())
        previewLine(tr("No sending window: at any hour of the day in the recipient's time."));
    previewLine(tr("Purpose: %1").arg(CampaignSettings::purposeTitle(s.purpose)));
    if (s.startAt.isValid())
        previewLine(tr("Scheduled: the first call waits until %1.").arg(localWhen(s.startAt)));
    return estimate;
}

void Cli::campaignResume()
{
    CampaignSession &c = *m_campaign;
    c.terminal = vc_isatty(fileno(stderr));
    if (m_parser.isSet(opt("resolve-unknown")) && !c.reconciler && c.journal.counts().unknown > 0)
        return campaignReconcile([this] { campaignResume(); });
    if (c.journal.meta(QStringLiteral("state")) == QLatin1String("preview"))
        return usage(tr("This campaign was never confirmed, so nothing of it is resumed: run it again with "
                        "voicectl campaign run. Nothing was sent."));
    if (c.journal.meta(QStringLiteral("state")) == QLatin1String("cancelled"))
        return usage(tr("This campaign was cancelled; it is not resumed. Nothing was sent."));
    if (c.journal.interruptedRows() > 0)
        m_out->error(tr("%n row(s) were being requested when the last run stopped: their outcome is unknown and they "
                        "are not sent again unless you ask (--resend-unknown).", nullptr, int(c.journal.interruptedRows())));
    if (m_parser.isSet(opt("resend-unknown"))) {
        const qint64 unknown = c.journal.counts().unknown;
        if (unknown > 0 && !m_parser.isSet(opt("yes")))
            return usage(tr("%n row(s) have an unknown outcome: each may have been called already, and sending again may "
                            "call these people twice. Add --yes to send them again.", nullptr, int(std::min<qint64>(unknown, INT_MAX))));
        const auto r = c.journal.resendUnknown();
        if (!r)
            return usage(r.error().message);
        m_out->error(tr("%n row(s) with an unknown outcome will be sent again, as you asked.", nullptr, int(r.value())));
    }
    startRunner();
}

void Cli::startRunner()
{
    CampaignSession &c = *m_campaign;
    const CampaignSettings s = c.journal.settings();
    auto options = runnerOptions(s);
    if (!options)
        return;
    if (c.followOnly) {
        options->dispatch = false;
        options->waitForCalls = true;
    }
    c.wait = options->waitForCalls;
    const QString where = tr("Journal: %1").arg(c.journal.path());
    if (m_out->format() == Format::Json)
        m_out->error(where);
    else
        m_out->line(where);

    if (!takeTeamLease())
        return;
    // Every call goes to the contact ledger first; one that cannot be recorded is not placed.
    c.ledger = std::make_unique<ContactLedger>();
    if (auto r = c.ledger->open(); !r) {
        m_out->error(r.error().message);
        return done(ApiFailure);
    }
    c.runner = std::make_unique<CampaignRunner>(&c.journal, campaignsetup::dispatcher(s, m_client, m_legacy),
                                                campaignsetup::poller(s, m_client, m_legacy), *options);
    campaignsetup::recordContacts(*c.runner, c.ledger.get(), c.journal.path(), s, ContactPolicy::loadShared().caps);
    campaignsetup::configure(*c.runner, s);
    c.history = std::make_unique<CallHistory>();
    if (auto r = c.history->open(); r) {
        campaignsetup::recordInto(*c.runner, c.history.get(), c.journal.path(), s, s.profile);
    } else {
        m_out->error(tr("Warning: the call history cannot be opened (%1); the journal keeps every call.").arg(r.error().message));
    }
    CampaignRunner *runner = c.runner.get();
    connect(runner, &CampaignRunner::waiting, this, [this](const QDateTime &until, qint64 rows) {
        progressLine(tr("%n row(s) wait for their sending window or a re-dial until %1.", nullptr, int(std::min<qint64>(rows, INT_MAX)))
                         .arg(localWhen(until)),
                     true);
    });
    connect(runner, &CampaignRunner::rateLimited, this, [this](qint64 ms) {
        progressLine(tr("The API asks to slow down (HTTP 429): the campaign pauses for %1.").arg(time::duration((ms + 999) / 1000)), true);
    });
    sayTeamStoreHealth(runner);
    connect(runner, &CampaignRunner::rowFailed, this, [this](qint64 line, RowState state, const ApiError &e) {
        if (state == RowState::Rejected)
            progressLine(tr("Line %1: refused by the API, nothing was placed: %2").arg(line).arg(e.toDisplayString()), true);
        else if (state == RowState::Unknown)
            progressLine(tr("Line %1: the outcome is unknown (the call may have been placed); it will not be sent again: %2")
                             .arg(line).arg(e.toDisplayString()), true);
    });
    connect(runner, &CampaignRunner::finished, this, [this](CampaignRunner::Outcome outcome) { campaignFinished(outcome); });

    // SIGINT / SIGTERM: stop dispatching, let requests in flight end, keep the journal consistent.
    g_signal.store(0);
    std::signal(SIGINT, onStopSignal);
    std::signal(SIGTERM, onStopSignal);
    c.signalTimer.setInterval(100);
    connect(&c.signalTimer, &QTimer::timeout, this, [this] {
        if (g_signal.load() == 0 || !m_campaign->runner || m_campaign->runner->isStopping())
            return;
        progressLine(tr("Stopping: no new calls; waiting for %n request(s) under way.", nullptr, m_campaign->runner->inFlight()), true);
        m_campaign->runner->stop();
    });
    c.signalTimer.start();
    c.placedAtStart = c.journal.counts().placed;
    c.runClock.start();
    c.sinceLastLine.start();
    c.progressTimer.setInterval(1000);
    connect(&c.progressTimer, &QTimer::timeout, this, [this] { progressLine({}, false); });
    c.progressTimer.start();
    runner->start();
}

void Cli::progressLine(const QString &message, bool important)
{
    CampaignSession &c = *m_campaign;
    if (!message.isEmpty()) {
        if (c.terminal)
            m_out->progress({});
        m_out->error(message);
    }
    // Not a terminal: a line when something changed (at most every 5 s), else one a minute.
    if (!important && !c.terminal && c.sinceLastLine.elapsed() < 5000)
        return;
    const CampaignCounts n = c.journal.counts();
    const qint64 done = n.placed + n.rejected + n.unknown;
    const QString counts = tr("placed %1 of %2 (completed %3, not delivered %4, in progress %5), rejected %6, unknown %7, waiting %8")
                               .arg(n.placed).arg(n.ready).arg(n.completed).arg(n.notDelivered).arg(n.following)
                               .arg(n.rejected).arg(n.unknown).arg(n.waiting);
    QString eta;
    const QDateTime until = c.runner ? c.runner->waitingUntil() : QDateTime();
    if (n.waiting > 0 && until.isValid() && until > QDateTime::currentDateTimeUtc()) {
        eta = tr(", next call at %1").arg(localWhen(until));
    } else if (const qint64 placedNow = n.placed - c.placedAtStart; placedNow > 0 && n.waiting > 0) {
        const double perSecond = double(placedNow) / std::max<qint64>(1, c.runClock.elapsed() / 1000);
        eta = tr(", about %1 left").arg(time::duration(qint64(double(n.waiting) / std::max(perSecond, 0.001))));
    }
    if (c.terminal) {
        const int width = 24;
        const int filled = n.ready > 0 ? std::min(width, int(double(done) / double(n.ready) * width)) : width;
        m_out->progress(u'[' + QString(filled, u'#') + QString(width - filled, u'.') + QStringLiteral("] ") + counts + eta);
    } else if (message.isEmpty() && (counts != c.lastLine || c.sinceLastLine.elapsed() >= 60000)) {
        m_out->error(counts + eta);
        c.lastLine = counts;
        c.sinceLastLine.restart();
    }
}

void Cli::campaignFinished(CampaignRunner::Outcome outcome)
{
    CampaignSession &c = *m_campaign;
    c.progressTimer.stop();
    c.signalTimer.stop();
    releaseTeamLease(outcome);
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    if (c.terminal)
        m_out->progress({});
    const CampaignCounts n = c.journal.counts();
    const QString resume = tr("Resume with: voicectl campaign resume %1").arg(c.journal.path());
    const ApiError &e = c.runner->lastError();
    int code = Success;
    switch (outcome) {
    case CampaignRunner::Outcome::Interrupted:
        m_out->error(tr("Interrupted: no more calls were placed. %1").arg(resume));
        code = Interrupted;
        break;
    case CampaignRunner::Outcome::NetworkStopped:
        m_out->error(tr("The campaign stopped: %1").arg(e.toDisplayString()));
        m_out->error(resume);
        code = NetworkFailure;
        break;
    case CampaignRunner::Outcome::Refused:
        m_out->error(tr("The API refused the campaign: %1").arg(e.toDisplayString()));
        m_out->error(resume);
        code = ApiFailure;
        break;
    case CampaignRunner::Outcome::StorageFailed:
        m_out->error(tr("The campaign stopped: the journal cannot be written (%1). No call was placed after that.").arg(e.explanation));
        code = ApiFailure;
        break;
    case CampaignRunner::Outcome::Finished:
        if (n.waiting > 0) {
            m_out->error(tr("%n row(s) still wait (their sending window, a re-dial or a resume). %1", nullptr,
                            int(std::min<qint64>(n.waiting, INT_MAX))).arg(resume));
        }
        if (n.unknown > 0)
            m_out->error(tr("%n row(s) have an unknown outcome: check them (voicectl campaign export) before sending them "
                            "again with resume --resend-unknown.", nullptr, int(std::min<qint64>(n.unknown, INT_MAX))));
        code = n.notDelivered + n.rejected + n.unknown + n.waiting + (c.wait ? n.following : 0) > 0 ? NotCompleted : Success;
        if (c.followOnly)
            code = Success; // a reconcile: its job was the unknown rows
        break;
    }
    printCounts(n, false);
    done(code);
}

} // namespace vc::cli
