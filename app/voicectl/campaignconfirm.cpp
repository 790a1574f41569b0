// voicectl campaign run, after the preview: the dry run's end, the test call (--test-to), the operator's
// yes, and the confirmation in the journal before the first call.
#include "cli.h"

#include "campaignsession.h"
#include "campaigns/campaigndraft.h"
#include "campaigns/campaignsetup.h"
#include "campaigns/campaigntestcall.h"
#include "common/validation.h"
#include "terminal.h"

#include <QDir>
#include <QLocale>
#include <QTextStream>

#include <cstdio>

namespace vc::cli {

// After the preview: a dry run ends here; a real run starts only once the operator said yes (or --yes).
void Cli::confirmAndStart(bool dryRun, qint64 estimate, std::optional<double> balance)
{
    CampaignSession &c = *m_campaign;
    if (balance)
        previewLine(tr("Balance: %1").arg(QLocale().toString(*balance, 'f', 2)));
    const CampaignCounts counts = c.journal.counts();
    if (dryRun) {
        printCounts(counts, true, estimate);
        return done(Success);
    }
    if (counts.ready == 0) {
        removeCampaignJournal();
        m_out->error(tr("Nothing to call: no row is ready. Nothing was sent."));
        return done(UsageError);
    }
    if (m_parser.isSet(opt("test-to")))
        return testCall([this, counts] { askAndStart(counts); });
    askAndStart(counts);
}

// One call of the campaign's message to the operator's own number, followed to its end, before anything
// else: the ledger and the caps apply to it like to any call. Not delivered: the campaign is not started.
void Cli::testCall(std::function<void()> then)
{
    CampaignSession &c = *m_campaign;
    const CampaignSettings s = c.journal.settings();
    const QString number = Validation::phoneNumber(m_parser.value(opt("test-to"))).valueOr(QString());
    m_ledger = std::make_unique<ContactLedger>();
    c.testCall = std::make_unique<CampaignTestCall>(m_client, m_legacy);
    CampaignTestCall *test = c.testCall.get();
    connect(test, &CampaignTestCall::placed, this, [this, number](const QString &id) {
        m_out->error(tr("Test call to %1 placed (%2): waiting for its end…").arg(number, id));
    });
    connect(test, &CampaignTestCall::statusChanged, this, [this](const QString &status) { progressLine(status, false); });
    connect(test, &CampaignTestCall::finished, this,
            [this, number, then](bool delivered, const QString &status, const QString &error, const ApiError &apiError) {
                if (delivered) {
                    m_out->error(tr("The test call to %1 was delivered (%2).").arg(number, status));
                    return then();
                }
                removeCampaignJournal();
                if (!error.isEmpty() && status.isEmpty()) {
                    m_out->error(tr("The test call was not placed: %1 Nothing else was sent.").arg(error));
                    return done(apiError.kind == ApiError::Kind::Network || apiError.kind == ApiError::Kind::Timeout ? NetworkFailure
                                : apiError.httpStatus                                                                ? ApiFailure
                                                                                                                     : UsageError);
                }
                m_out->error(tr("The test call to %1 ended \"%2\": the campaign was not started. Nothing else was sent.")
                                 .arg(number, status));
                done(NotCompleted);
            });
    MonitorOptions monitor;
    monitor.scheduleMs = {0, m_pollIntervalMs};
    test->start(s, number, m_ledger.get(), ContactPolicy::loadShared().caps, monitor);
}

void Cli::askAndStart(const CampaignCounts &counts)
{
    CampaignSession &c = *m_campaign;
    if (!m_parser.isSet(opt("yes"))) {
        if (!vc_isatty(fileno(stdin))) {
            removeCampaignJournal();
            return usage(tr("Refusing to call without confirmation: stdin is not a terminal. Add --yes. Nothing was sent."));
        }
        QTextStream err(stderr);
        err.setEncoding(QStringConverter::Utf8);
        err << tr("Call %n number(s)? Type \"yes\" to start: ", nullptr, int(std::min<qint64>(counts.ready, INT_MAX)));
        err.flush();
        QTextStream in(stdin);
        const QString answer = in.readLine().trimmed().toLower();
        if (answer != QLatin1String("yes") && answer != QLatin1String("y") && answer != tr("yes")) {
            removeCampaignJournal();
            return usage(tr("Nothing was sent."));
        }
    }
    // Confirmed: the settings and the state "started" together, or nothing is called.
    if (auto r = CampaignDraft::confirm(c.journal, c.journal.settings()); !r) {
        m_out->error(tr("The campaign could not be confirmed in its journal %1: %2. Nothing was sent.")
                         .arg(QDir::toNativeSeparators(c.journal.path()), r.error().message));
        removeCampaignJournal();
        return done(ApiFailure);
    }
    startRunner();
}

} // namespace vc::cli
