#pragma once

#include <functional>

#include "calls/callmonitor.h"
#include "calls/historycomparison.h"
#include "campaigns/campaignplanner.h"
#include "campaigns/campaignrunner.h"
#include "exolve/exolveclient.h"
#include "legacy/legacyclient.h"
#include "output.h"
#include "accounts/profile.h"
#include "accounts/secretstore.h"
#include "policy/contactledger.h"
#include "store/teamstore.h"

#include <QSettings>

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QObject>
#include <QTimer>

#include <memory>

namespace vc::cli {

// An option name as QString (the project builds with QT_NO_CAST_FROM_ASCII).
inline QString opt(const char *name)
{
    return QString::fromLatin1(name);
}

// Exit codes are a contract with scripts: keep them.
enum ExitCode {
    Success = 0,
    ApiFailure = 1,     // the API answered with an error, or with an answer that cannot be read
    UsageError = 2,     // usage or validation error: no request was sent
    NetworkFailure = 3, // network, TLS or timeout
    NotCompleted = 4,   // --wait / --watch ended with a final status other than completed; a campaign
                        // finished with rows not delivered, rejected, unknown or still waiting
    Interrupted = 130,  // SIGINT / SIGTERM stopped a campaign (resumable)
};

struct CampaignSession;

// Runs one voicectl command asynchronously and reports the exit code through finished().
class Cli final : public QObject
{
    Q_OBJECT
public:
    explicit Cli(QObject *parent = nullptr);
    ~Cli() override;
    // Parses the arguments and starts the command; the exit code comes through finished(), usage errors included.
    void start(const QStringList &arguments);

Q_SIGNALS:
    void finished(int exitCode);

private:
    // After the team store is chosen (and its password read): the command.
    void dispatch();
    // teamstorecommands.cpp: init, status, upload.
    void teamStore(const QString &action, const QStringList &rest);
    void useKey(const QString &key, const QStringList &args);
    // The desktop app's stored profile by name or id; reports a usage error when there is none.
    std::optional<Profile> findProfile(const QString &name);
    // The profile's secret from the system keychain (API key or password); a usage error when unreadable.
    void readProfileSecret(const Profile &profile, std::function<void(const QString &)> use);
    void done(int code);
    bool m_done = false;
    void usage(const QString &message);
    void fail(const ApiError &error);
    bool requireArgs(const QStringList &args, int count, const QString &synopsis);

    void servicesList();
    void servicesShow(const QString &id);
    void servicesCreate();
    void servicesDelete(const QStringList &ids);
    void deleteAll(const QStringList &ids);
    void describe(QCommandLineParser &parser);
    void callSend();
    // historycommands.cpp
    CallHistory *history(); // the shared call history, opened on first use; null when it cannot be
    void recordSingleSend(CallRecord record, const Result<QString> &request);
    void recordSingleSendEnd(const CallInfo &info, bool stale);
    std::optional<QDateTime> timeOption(const char *name);
    void historyReconcile();
    void callStatus(const QString &callId, bool watch);
    // Follows one call or message to its end with the call monitor, printing each new status.
    void follow(const QString &id, CallMonitor::Poller poller, std::function<void(const CallInfo &, bool stale)> ended,
                std::function<QString(const CallInfo &)> describe = Output::callStatusLine);
    void sipShow(const QString &id);

    // integrationapi.net (2013): legacycommands.cpp
    void startLegacy(const QStringList &args);
    void runLegacy(const QStringList &args);
    void legacyBalance();
    void legacySend();
    void legacyState(const QString &id, bool watch);

    // Campaigns and the do-not-call list: campaigncommands.cpp
    static bool isCampaignCommand(const QStringList &args);
    bool startOffline(const QStringList &args);
    void campaignRun(const QString &file, CampaignSettings::Provider provider);
    // campaign run's options (campaignoptions.cpp): nullopt after a usage error, before anything is read or sent.
    std::optional<CampaignSettings> campaignSettings(const QString &file, CampaignSettings::Provider provider, bool dryRun);
    std::optional<PlanOptions> planOptions(const CampaignSettings &settings, bool dryRun);
    // Prints what the file holds and how long calling it will take; returns that estimate in seconds.
    qint64 printPreview(const QString &file, const CampaignSettings &settings, const PlanSummary &summary);
    void previewLine(const QString &text);
    void confirmAndStart(bool dryRun, qint64 estimateSeconds, std::optional<double> balance);
    // --test-to NUMBER: one call of the campaign's message first, followed to its end; `then` when delivered.
    void testCall(std::function<void()> then);
    void askAndStart(const CampaignCounts &counts);
    // A journal that was never confirmed is removed, with its WAL and lock files.
    void removeCampaignJournal();
    void campaignResume();
    void campaignStatus(const QString &path);
    void campaignExport(const QString &path);
    void startRunner();
    void campaignFinished(CampaignRunner::Outcome outcome);
    // teamstorecommands.cpp: on a team store, the campaign is taken for this computer (false: it runs
    // elsewhere, said and exit 2), kept with a heartbeat, and given back with its final state.
    bool takeTeamLease();
    void releaseTeamLease(CampaignRunner::Outcome outcome);
    // "Team store unreachable since …" while a campaign waits for it, and when it answers again.
    void sayTeamStoreHealth(CampaignRunner *runner);
    void campaignList();
    void progressLine(const QString &message, bool important);
    void printCounts(const CampaignCounts &counts, bool dryRun, qint64 estimatedSeconds = 0);
    // campaign reconcile / resume --resolve-unknown: unknown rows against Exolve's call history, then
    // `then` (the resume), or following the calls found.
    void campaignReconcile(std::function<void()> then = {});
    // --output FILE, else stdout; a usage error when it cannot be written.
    bool openOutput(QFile &out);
    // status and export: read-only while a run holds the journal, else opened (and recovered after a crash).
    bool openJournalToRead(const QString &path);
    std::optional<RunnerOptions> runnerOptions(const CampaignSettings &settings);
    void dnc(const QString &action, const QStringList &rest);
    // The contact policy (policycommands.cpp): show and set it; before a single send, check its caps and
    // record the call in the contact ledger (nullopt: refused or failed, already reported).
    void policy(const QString &action, const QStringList &rest);
    void holidays(const QString &action, const QStringList &rest);
    static QJsonArray holidayYears();
    std::optional<qint64> reserveContact(const QString &number, const QString &provider);
    void recordContactOutcome(qint64 id, const Result<QString> &request);

    QCommandLineParser m_parser;
    std::unique_ptr<CampaignSession> m_campaign;
    std::unique_ptr<Output> m_out;
    HttpTransport *m_transport;
    ExolveClient *m_client;
    LegacyClient *m_legacy;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<CallMonitor> m_monitor;
    std::unique_ptr<ContactLedger> m_ledger;
    std::unique_ptr<CallHistory> m_history;
    std::optional<CallRecord> m_sent; // call send / legacy send: the call as the history keeps it
    std::unique_ptr<HistoryComparer> m_comparer;
    QString m_lastStatus;
    int m_pollIntervalMs = 1000;
};

} // namespace vc::cli
