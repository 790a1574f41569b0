#include "cli.h"
#include "campaignsession.h"

#include "exolve/exolvecodec.h"
#include "common/language.h"
#include "accounts/profile.h"
#include "accounts/settings.h"
#include "calls/pollers.h"
#include "common/checks.h"
#include "common/validation.h"
#include "exolve/exolvevalidation.h"

#include <QJsonObject>
#include <QTextStream>
#include <QTimer>

#include "terminal.h"

namespace vc::cli {

Cli::Cli(QObject *parent)
    : QObject(parent), m_transport(new HttpTransport(this)), m_client(new ExolveClient(m_transport, this)),
      m_legacy(new LegacyClient(m_transport, this))
{
}

// The description and the options, in the language installed now (--help describes them again once the
// language is known: at parse time no translation is loaded yet).
void Cli::describe(QCommandLineParser &p)
{
    p.setApplicationDescription(tr(
        "Voice Console command line: manage Exolve voice-message services, send voice messages, follow calls.\n\n"
        "Commands:\n"
        "  services list\n"
        "  services show ID\n"
        "  services create --name NAME --media-id N [--digit D] --redirect-number NUMBER\n"
        "  services delete ID... [--yes]\n"
        "  call send --source NUMBER --destination NUMBER --service ID [--wait] [--tz ZONE] [--override-cap REASON]\n"
        "  call status CALL_ID [--watch]\n"
        "  sip show SIP_RESOURCE_ID [--show-secrets]\n"
        "  legacy balance\n"
        "  legacy send --source NUMBER --destination NUMBER --file-id N [--send-date \"YYYY-MM-DD HH:MM\"]\n"
        "              [--retry-count N] [--gap MIN] [--dtmf]\n"
        "  legacy state MESSAGE_ID [--watch]\n"
        "  campaign run FILE --service ID --source NUMBER [--rate R] [--concurrency N]\n"
        "               [--window HH:MM-HH:MM] [--tz ZONE] [--dnc FILE] [--redial N --redial-gap MIN]\n"
        "               [--journal FILE] [--encoding utf-8|cp1251|utf-16le|utf-16be] [--separator CHAR] [--column NAME|N]\n"
        "               [--consent-column NAME] [--purpose informational|advertising] [--start-at \"YYYY-MM-DD HH:MM\"] [--test-to NUMBER]\n"
        "               [--redial-busy N --redial-busy-gap MIN] [--redial-no-answer N --redial-no-answer-gap MIN]\n"
        "               [--dry-run] [--yes] [--no-wait]\n"
        "  campaign resume JOURNAL [--resolve-unknown] [--resend-unknown] [--yes] [--no-wait]\n"
        "  campaign reconcile JOURNAL [--settle MIN]\n"
        "  history reconcile --from TIME --to TIME [--number NUMBER]...\n"
        "  campaign status JOURNAL\n"
        "  campaign export JOURNAL [--attempts] [--output FILE]\n"
        "  legacy campaign run FILE --file-id N --source NUMBER [the same options]\n"
        "  dnc add NUMBER... --reason subscriber|operator-list|complaint|other [--note TEXT]\n"
        "  dnc remove NUMBER... --reason TEXT\n"
        "  dnc import FILE --reason subscriber|operator-list|complaint|other\n"
        "  dnc list | export [--output FILE] | log\n"
        "  policy show\n"
        "  policy set [--preset 230-fz|none] [--per-day N] [--per-week N] [--per-month N]\n"
        "             [--workdays HH:MM-HH:MM|none] [--weekends HH:MM-HH:MM|none] [--require-consent yes|no]\n"
        "  holidays list [--year Y]\n"
        "  holidays import FILE\n"
        "  campaign list\n"
        "  team-store init | status | upload\n\n"
        "The API key comes from VOICE_API_KEY; integrationapi.net credentials from --login or VOICE_LEGACY_LOGIN and "
        "VOICE_LEGACY_PASSWORD. Exit codes: 0 success, 1 API error, 2 usage or validation "
        "error, 3 network/TLS/timeout, 4 call ended other than completed (campaigns: some rows not delivered, "
        "rejected, unknown or still waiting), 130 interrupted (resumable)."));
    p.addHelpOption();
    p.addVersionOption();
    p.addOptions({
        {opt("api-url"), tr("API address (default: VOICE_API_URL or https://api.exolve.ru)."), opt("URL")},
        {opt("profile"), tr("Use the API key of this profile."), opt("NAME")},
        {{opt("o"), opt("format")}, tr("Output format: table or json."), opt("FORMAT"), opt("table")},
        {opt("output"), tr("campaign export, dnc export: write to this file instead of the standard output."), opt("FILE")},
        {opt("verbose"), tr("Print every HTTP request to stderr (secrets masked).")},
        {opt("lang"), tr("Language of messages: ru or en (default: the system's)."), opt("LANG")},
        {opt("team-store"), tr("The team's shared store (do-not-call list, contact ledger) on PostgreSQL: "
                               "postgresql://USER@HOST:PORT/DATABASE[?sslmode=verify-full&sslrootcert=FILE] (default: "
                               "VOICE_TEAM_STORE; without it, this computer's own store). The password comes from "
                               "VOICE_TEAM_STORE_PASSWORD or the keychain."),
         opt("URL")},
        {opt("proxy"), tr("Proxy for API requests: a URL (http://[user:password@]host:port), none, or system (the "
                          "default: https_proxy, http_proxy, all_proxy and no_proxy from the environment). A proxy "
                          "that asks for a password takes VOICE_PROXY_USER and VOICE_PROXY_PASSWORD."),
         opt("URL")},
        {opt("name"), tr("services create: the service name."), opt("NAME")},
        {opt("media-id"), tr("services create: id of the audio file."), opt("N")},
        {opt("digit"), tr("services create: digit that redirects the call, 0-9 (default 0)."), opt("D")},
        {opt("redirect-number"), tr("services create: number to redirect to."), opt("NUMBER")},
        {opt("yes"), tr("services delete: do not ask for confirmation.")},
        {opt("source"), tr("call send: the caller's number."), opt("NUMBER")},
        {opt("destination"), tr("call send: the number to call."), opt("NUMBER")},
        {opt("service"), tr("call send: the voice-message service id."), opt("ID")},
        {opt("wait"), tr("call send: follow the call until it ends.")},
        {opt("reason"), tr("dnc add and import: why (subscriber, operator-list, complaint, other); dnc remove: why, in words. "
                           "Kept in the list's history."), opt("REASON")},
        {opt("note"), tr("dnc add: a note kept with the entry and in the history."), opt("TEXT")},
        {opt("override-cap"), tr("call send, legacy send: place the call over the contact policy's cap; the reason is recorded."), opt("REASON")},
        {opt("preset"), tr("policy set: 230-fz (2 calls a day, 4 a week, 16 a month to one number) or none."), opt("PRESET")},
        {opt("per-day"), tr("policy set: calls to one number per day, in its local time (0 = no cap)."), opt("N")},
        {opt("per-week"), tr("policy set: calls to one number per week, Monday to Sunday (0 = no cap)."), opt("N")},
        {opt("workdays"), tr("policy set: hours to call on working days, in the recipient's local time (none: not set)."), opt("HH:MM-HH:MM")},
        {opt("weekends"), tr("policy set: hours to call on weekends and public holidays (none: not set)."), opt("HH:MM-HH:MM")},
        {opt("year"), tr("holidays list: only this year."), opt("Y")},
        {opt("require-consent"), tr("policy set: yes: campaign rows without consent (a date or source in the consent column) "
                                    "are not called."), opt("yes|no")},
        {opt("per-month"), tr("policy set: calls to one number per calendar month (0 = no cap)."), opt("N")},
        {opt("watch"), tr("call status: follow the call until it ends.")},
        {opt("interval"), tr("Seconds between status checks with --wait/--watch (default 1)."), opt("SECONDS")},
        {opt("show-secrets"), tr("sip show: show the SIP password.")},
        {opt("login"), tr("legacy: the integrationapi.net login (default: VOICE_LEGACY_LOGIN)."), opt("LOGIN")},
        {opt("legacy-url"), tr("legacy: API address (default: VOICE_LEGACY_URL or https://integrationapi.net/rest/)."), opt("URL")},
        {opt("file-id"), tr("legacy send: id of the uploaded audio file."), opt("N")},
        {opt("send-date"), tr("legacy send: when to send, local time \"YYYY-MM-DD HH:MM\" (default: now)."), opt("WHEN")},
        {opt("retry-count"), tr("legacy send: attempts to reach the number."), opt("N")},
        {opt("gap"), tr("legacy send: minutes between attempts."), opt("MIN")},
        {opt("dtmf"), tr("legacy send: collect the keys the listener presses.")},
        {opt("rate"), tr("campaign: calls per second (default 1, fractions allowed)."), opt("R")},
        {opt("concurrency"), tr("campaign: requests in flight at once (default 4)."), opt("N")},
        {opt("window"), tr("campaign: hours to call in, in the recipient's local time: 09:00-20:00, or working days / weekends "
                           "and holidays, 08:00-22:00/09:00-20:00; none for any hour (default: the contact policy's, else "
                           "09:00-20:00)."), opt("HOURS")},
        {opt("tz"), tr("campaign: time zone of rows without a tz column (default: this computer's)."), opt("ZONE")},
        {opt("dnc"), tr("campaign: one more do-not-call list for this run (one number per line)."), opt("FILE")},
        {opt("redial"), tr("campaign: call busy or unanswered numbers again, at most N more times."), opt("N")},
        {opt("redial-gap"), tr("campaign: minutes between re-dials."), opt("MIN")},
        {opt("redial-busy"), tr("campaign: after a busy ending, call again while the row has had at most N calls more."), opt("N")},
        {opt("redial-busy-gap"), tr("campaign: minutes before calling a busy number again."), opt("MIN")},
        {opt("redial-no-answer"), tr("campaign: after an unanswered call, call again while the row has had at most N calls more."), opt("N")},
        {opt("redial-no-answer-gap"), tr("campaign: minutes before calling an unanswered number again."), opt("MIN")},
        {opt("journal"), tr("campaign: where to keep the journal (default: the data folder)."), opt("FILE")},
        {opt("encoding"), tr("campaign: the file's encoding, utf-8, cp1251, utf-16le or utf-16be (default: detected)."), opt("ENCODING")},
        {opt("separator"), tr("campaign: the file's separator, one character or tab (default: detected)."), opt("CHAR")},
        {opt("column"), tr("campaign: the number column, by name or position from 1."), opt("NAME|N")},
        {opt("consent-column"), tr("campaign: the column that holds each row's consent, a date or a source (default: a "
                                   "column named consent or согласие)."), opt("NAME")},
        {opt("dry-run"), tr("campaign run: show the preview and place no call.")},
        {opt("no-wait"), tr("campaign: return once every row is dispatched, without following the calls.")},
        {opt("purpose"), tr("campaign run: why the people are called: informational (default; reminders, notifications, "
                            "debts) or advertising (refused: 38-FZ art. 18 part 2 forbids automatic dialing for it)."), opt("PURPOSE")},
        {opt("attempts"), tr("campaign export: one row per call placed (re-dials included) instead of one per input row.")},
        {opt("test-to"), tr("campaign run: first call this number (yours) with the campaign's message and wait for its end; "
                            "the campaign starts only when it was delivered."), opt("NUMBER")},
        {opt("start-at"), tr("campaign run: the first call waits until this local time, \"YYYY-MM-DD HH:MM\" (in --tz, else "
                             "this computer's zone)."), opt("WHEN")},
        {opt("resend-unknown"), tr("campaign resume: send again the rows whose outcome is unknown (needs --yes).")},
        {opt("from"), tr("history reconcile: the period's start, \"YYYY-MM-DD HH:MM\" (this computer's zone) or ISO 8601."), opt("TIME")},
        {opt("to"), tr("history reconcile: the period's end."), opt("TIME")},
        {opt("number"), tr("history reconcile: also ask Exolve about this number (the comparison covers the numbers called "
                           "from here in the period)."), opt("NUMBER")},
        {opt("resolve-unknown"), tr("campaign resume: first ask Exolve's call history about the rows whose outcome is unknown.")},
        {opt("settle"), tr("campaign reconcile: minutes after a request before a call missing from the history counts as "
                           "not placed (default 10)."), opt("MIN")},
    });
    p.addPositionalArgument(opt("command"), tr("services, call or sip, then the action."));

}

void Cli::start(const QStringList &arguments)
{
    describe(m_parser);
    if (!m_parser.parse(arguments))
        return usage(checks::elided(m_parser.errorText(), 200));
    const QString lang = m_parser.value(opt("lang"));
    Language::install(Language::resolve(lang));
    if (m_parser.isSet(opt("lang")) && !Language::isSupported(lang))
        return usage(tr("The language \"%1\" is not supported: use ru or en.").arg(checks::elided(lang)));
    if (m_parser.isSet(opt("help"))) {
        QCommandLineParser translated;
        describe(translated);
        QTextStream(stdout) << translated.helpText();
        return done(Success);
    }
    if (m_parser.isSet(opt("version"))) {
        QTextStream(stdout) << "voicectl " << QStringLiteral(VC_VERSION) << '\n';
        return done(Success);
    }
    const QString format = m_parser.value(opt("format"));
    if (format != QLatin1String("table") && format != QLatin1String("json"))
        return usage(tr("Unknown output format \"%1\": use table or json.").arg(checks::elided(format)));
    m_out = std::make_unique<Output>(format == QLatin1String("json") ? Format::Json : Format::Table);

    if (m_parser.isSet(opt("interval"))) {
        const auto seconds = checks::finiteNumber(m_parser.value(opt("interval")));
        if (!seconds || *seconds < 0.1 || *seconds > 3600)
            return usage(tr("--interval takes a number of seconds from 0.1 to 3600."));
        m_pollIntervalMs = int(*seconds * 1000);
    }

    ProxyConfig proxy;
    if (m_parser.isSet(opt("proxy"))) {
        const auto chosen = ProxyConfig::fromOption(m_parser.value(opt("proxy")));
        if (!chosen)
            return usage(tr("--proxy takes a proxy address such as http://proxy.example:3128, none, or system."));
        proxy = *chosen;
    }
    if (!qEnvironmentVariableIsEmpty("VOICE_PROXY_USER")) {
        proxy.user = qEnvironmentVariable("VOICE_PROXY_USER");
        proxy.password = qEnvironmentVariable("VOICE_PROXY_PASSWORD");
    }
    m_transport->setProxyConfig(proxy);

    const QString storeUrl = m_parser.isSet(opt("team-store")) ? m_parser.value(opt("team-store"))
                                                               : qEnvironmentVariable("VOICE_TEAM_STORE");
    if (storeUrl.trimmed().isEmpty())
        return dispatch();
    const auto address = TeamStoreAddress::parse(storeUrl);
    if (!address)
        return usage(address.error());
    const QString password = qEnvironmentVariable("VOICE_TEAM_STORE_PASSWORD");
    if (!password.isEmpty()) {
        TeamStore::select(address.value(), password);
        return dispatch();
    }
    // The desktop app keeps it in the keychain (Profiles → Team store).
    m_secrets = std::make_unique<SecretStore>(std::make_unique<KeychainBackend>());
    m_secrets->read(address.value().secretKey(), this, [this, a = address.value()](const SecretResult &r) {
        if (!r.ok())
            return usage(tr("The team store's password was found neither in VOICE_TEAM_STORE_PASSWORD nor in the keychain: %1")
                             .arg(r.message()));
        TeamStore::select(a, r.value());
        // After this answer has returned: the command may read another secret, with a store of its own.
        QTimer::singleShot(0, this, [this] { dispatch(); });
    });
}

void Cli::dispatch()
{
    const QStringList args = m_parser.positionalArguments();
    if (args.size() < 2)
        return usage(tr("Name a command, e.g. \"voicectl services list\". See voicectl --help."));

    if (m_parser.isSet(opt("verbose"))) {
        connect(m_transport->log(), &RequestLog::entryAdded, this,
                [this](const RequestLogEntry &e) { m_out->error(QStringLiteral("> ") + RequestLog::formatLine(e)); });
    }
    if (args.at(0) == QLatin1String("team-store"))
        return teamStore(args.at(1), args.mid(2));
    if (args.at(0) == QLatin1String("campaign") && args.at(1) == QLatin1String("list"))
        return requireArgs(args.mid(2), 0, opt("campaign list")) ? campaignList() : void();
    if (isCampaignCommand(args) && startOffline(args))
        return;
    if (args.at(0) == QLatin1String("legacy"))
        return startLegacy(args);
    QString url = m_parser.value(opt("api-url"));
    if (url.isEmpty())
        url = qEnvironmentVariable("VOICE_API_URL");
    if (url.isEmpty() && m_campaign && !m_campaign->journal.settings().apiUrl.isEmpty())
        url = m_campaign->journal.settings().apiUrl; // a resumed campaign goes on where it started
    if (!url.isEmpty())
        m_client->setBaseUrl(QUrl::fromUserInput(url));
    const QString key = qEnvironmentVariable("VOICE_API_KEY");
    if (!key.isEmpty())
        return useKey(key, args);
    if (!m_parser.isSet(opt("profile")))
        return usage(tr("No API key: set VOICE_API_KEY or use --profile NAME."));

    // The desktop app's profiles: the address from settings, the key from the system keychain.
    const QString name = m_parser.value(opt("profile"));
    const auto profile = findProfile(name);
    if (!profile)
        return;
    if (url.isEmpty() && profile->apiUrl.isValid())
        m_client->setBaseUrl(profile->apiUrl);
    readProfileSecret(*profile, [this, args](const QString &key) { useKey(key, args); });
}

void Cli::readProfileSecret(const Profile &profile, std::function<void(const QString &)> use)
{
    m_secrets = std::make_unique<SecretStore>(std::make_unique<KeychainBackend>());
    m_secrets->read(profile.secretKey(), this, [this, profile, use = std::move(use)](const SecretResult &r) {
        if (r.ok())
            return use(r.value());
        usage(profile.provider == Profile::Provider::IntegrationApi
                  ? tr("The password of profile \"%1\" could not be read: %2").arg(profile.name, r.message())
                  : tr("The API key of profile \"%1\" could not be read: %2").arg(profile.name, r.message()));
    });
}

std::optional<Profile> Cli::findProfile(const QString &name)
{
    m_settings = Settings::openShared(); // the desktop app's profiles
    const auto profile = ProfileStore(m_settings.get()).find(name);
    if (!profile)
        usage(tr("Profile \"%1\" was not found. Set VOICE_API_KEY or add the profile in Voice Console.").arg(checks::elided(name)));
    return profile;
}

void Cli::useKey(const QString &key, const QStringList &args)
{
    m_client->setApiKey(key);
    if (auto error = m_client->configurationError())
        return usage(error->explanation);
    const QString group = args.at(0);
    const QString action = args.at(1);
    const QStringList rest = args.mid(2);
    if (group == QLatin1String("services") && action == QLatin1String("list") && requireArgs(rest, 0, opt("services list")))
        return servicesList();
    if (group == QLatin1String("services") && action == QLatin1String("show") && requireArgs(rest, 1, opt("services show ID")))
        return servicesShow(rest.at(0));
    if (group == QLatin1String("services") && action == QLatin1String("create") && requireArgs(rest, 0, opt("services create")))
        return servicesCreate();
    if (group == QLatin1String("services") && action == QLatin1String("delete")) {
        if (rest.isEmpty())
            return usage(tr("Name at least one service id: voicectl services delete ID... [--yes]"));
        return servicesDelete(rest);
    }
    if (group == QLatin1String("call") && action == QLatin1String("send") && requireArgs(rest, 0, opt("call send")))
        return callSend();
    if (group == QLatin1String("history") && action == QLatin1String("reconcile") &&
        requireArgs(rest, 0, opt("history reconcile --from TIME --to TIME [--number NUMBER]...")))
        return historyReconcile();
    if (group == QLatin1String("call") && action == QLatin1String("status") && requireArgs(rest, 1, opt("call status CALL_ID")))
        return callStatus(rest.at(0), m_parser.isSet(opt("watch")));
    if (group == QLatin1String("sip") && action == QLatin1String("show") && requireArgs(rest, 1, opt("sip show SIP_RESOURCE_ID")))
        return sipShow(rest.at(0));
    if (group == QLatin1String("campaign") && action == QLatin1String("run") &&
        requireArgs(rest, 1, opt("campaign run FILE --service ID --source NUMBER [options]")))
        return campaignRun(rest.at(0), CampaignSettings::Provider::Exolve);
    if (group == QLatin1String("campaign") && action == QLatin1String("resume") && m_campaign)
        return campaignResume();
    if (group == QLatin1String("campaign") && action == QLatin1String("reconcile") && m_campaign)
        return campaignReconcile();
    if (m_out)
        usage(tr("Unknown command \"%1 %2\". See voicectl --help.").arg(checks::elided(group), checks::elided(action)));
}

bool Cli::requireArgs(const QStringList &args, int count, const QString &synopsis)
{
    if (args.size() == count)
        return true;
    usage(tr("Wrong number of arguments. Usage: voicectl %1").arg(synopsis));
    return false;
}

void Cli::done(int code)
{
    if (m_monitor)
        m_monitor->clear();
    // Leave the call stack first: finished() ends the event loop.
    QTimer::singleShot(0, this, [this, code] { Q_EMIT finished(code); });
}

void Cli::usage(const QString &message)
{
    if (m_done)
        return;
    m_done = true;
    QTextStream err(stderr);
    err.setEncoding(QStringConverter::Utf8);
    err << "voicectl: " << Output::printable(checks::elided(message, 2000), true) << Qt::endl;
    done(UsageError);
}

void Cli::fail(const ApiError &error)
{
    QString text = tr("Error: %1").arg(error.explanation);
    // The status once: some explanations name it already.
    if (error.httpStatus && !error.explanation.contains(QStringLiteral("HTTP %1").arg(error.httpStatus)))
        text += u' ' + tr("[HTTP %1]").arg(error.httpStatus);
    if (!error.serverMessage.isEmpty())
        text += u'\n' + tr("Server message: %1").arg(Output::printable(checks::elided(error.serverMessage, 1000), false));
    if (!error.detail.isEmpty() && m_parser.isSet(opt("verbose")))
        text += u'\n' + tr("Detail: %1").arg(error.detail);
    if (error.kind == ApiError::Kind::ProxyAuth)
        text += u'\n' + tr("Give the proxy's user name and password in VOICE_PROXY_USER and VOICE_PROXY_PASSWORD, or in "
                           "its address (--proxy http://user:password@host:port).");
    m_out->error(text);
    switch (error.kind) {
    case ApiError::Kind::Validation:
    case ApiError::Kind::Configuration:
        return done(UsageError);
    case ApiError::Kind::Network:
    case ApiError::Kind::Timeout:
    case ApiError::Kind::Tls:
    case ApiError::Kind::Proxy:
    case ApiError::Kind::ProxyAuth:
        return done(NetworkFailure);
    case ApiError::Kind::Http:
    case ApiError::Kind::MalformedResponse:
        return done(ApiFailure);
    }
}

void Cli::servicesList()
{
    m_client->listServices(this, [this](const Result<QList<VoiceService>> &r) {
        if (!r)
            return fail(r.error());
        m_out->services(r.value());
        done(Success);
    });
}

void Cli::servicesShow(const QString &id)
{
    m_client->serviceInfo(id, this, [this](const Result<VoiceServiceDetails> &r) {
        if (!r)
            return fail(r.error());
        m_out->serviceDetails(r.value());
        done(Success);
    });
}

void Cli::servicesCreate()
{
    for (const char *required : {"name", "media-id", "redirect-number"}) {
        if (!m_parser.isSet(opt(required)))
            return usage(tr("services create needs --%1.").arg(opt(required)));
    }
    const auto service = ExolveValidation::newService(m_parser.value(opt("name")), m_parser.value(opt("media-id")),
                                                      m_parser.value(opt("digit")), m_parser.value(opt("redirect-number")));
    if (!service)
        return usage(tr("%1: %2").arg(service.error().field, service.error().explanation));
    m_client->createService(service.value(), this, [this](const Result<QString> &r) {
        if (!r)
            return fail(r.error());
        if (m_out->format() == Format::Json)
            m_out->json(QJsonObject{{QStringLiteral("id"), r.value()}});
        else
            m_out->line(tr("Created service %1").arg(r.value()));
        done(Success);
    });
}

void Cli::servicesDelete(const QStringList &ids)
{
    for (const QString &id : ids) {
        const auto checked = ExolveValidation::serviceId(id);
        if (!checked.ok())
            return usage(checked.error().explanation);
    }
    if (!m_parser.isSet(opt("yes"))) {
        if (!vc_isatty(fileno(stdin)))
            return usage(tr("Refusing to delete without confirmation: stdin is not a terminal. Add --yes."));
        QTextStream err(stderr);
        err.setEncoding(QStringConverter::Utf8);
        err << tr("Delete %n service(s): %1? Type \"yes\" to confirm: ", nullptr, int(ids.size())).arg(ids.join(QStringLiteral(", ")));
        err.flush();
        QTextStream in(stdin);
        const QString answer = in.readLine().trimmed().toLower();
        if (answer != QLatin1String("yes") && answer != QLatin1String("y") && answer != tr("yes"))
            return usage(tr("Nothing was deleted."));
    }
    deleteAll(ids);
}

void Cli::deleteAll(const QStringList &ids)
{
    auto results = std::make_shared<QJsonArray>();
    auto failed = std::make_shared<bool>(false);
    ExolveClient::DeleteSteps steps;
    steps.stopWhenUnreachable = true; // without a connection the rest would fail the same way
    steps.each = [this, results, failed](const QString &id, const Result<Empty> &r) {
        QJsonObject entry{{QStringLiteral("id"), id}, {QStringLiteral("deleted"), r.ok()}};
        if (r.ok()) {
            if (m_out->format() == Format::Table)
                m_out->line(tr("Deleted %1").arg(id));
        } else {
            *failed = true;
            entry.insert(QStringLiteral("error"), r.error().toDisplayString());
            if (r.error().httpStatus)
                entry.insert(QStringLiteral("http_status"), r.error().httpStatus);
            m_out->error(tr("Could not delete %1: %2").arg(id, r.error().toDisplayString()));
        }
        results->append(entry);
    };
    steps.finished = [this, results, failed](bool complete) {
        if (m_out->format() == Format::Json)
            m_out->json(*results);
        done(!complete ? NetworkFailure : *failed ? ApiFailure : Success);
    };
    m_client->deleteServices(ids, this, steps);
}

void Cli::callSend()
{
    for (const char *required : {"source", "destination", "service"}) {
        if (!m_parser.isSet(opt(required)))
            return usage(tr("call send needs --%1.").arg(opt(required)));
    }
    const auto source = Validation::phoneNumber(m_parser.value(opt("source")));
    if (!source.ok())
        return usage(tr("source: %1").arg(source.error().explanation));
    const auto destination = Validation::phoneNumber(m_parser.value(opt("destination")));
    if (!destination.ok())
        return usage(tr("destination: %1").arg(destination.error().explanation));
    const auto service = ExolveValidation::serviceId(m_parser.value(opt("service")));
    if (!service.ok())
        return usage(tr("service: %1").arg(service.error().explanation));
    // The contact policy's caps, checked and the call recorded before the request is written.
    const auto contact = reserveContact(destination.value(), QStringLiteral("exolve"));
    if (!contact)
        return;
    CallRecord record;
    record.source = source.value();
    record.destination = destination.value();
    record.serviceId = service.value();
    m_client->makeVoiceMessage({source.value(), destination.value(), service.value()}, this, [this, id = *contact, record](const Result<QString> &r) {
        recordContactOutcome(id, r);
        recordSingleSend(record, r); // in the shared call history, as the app's sends are
        if (!r)
            return fail(r.error());
        const bool wait = m_parser.isSet(opt("wait"));
        if (m_out->format() == Format::Json && !wait)
            m_out->json(QJsonObject{{QStringLiteral("call_id"), r.value()}});
        else if (m_out->format() == Format::Table)
            m_out->line(tr("Call placed: %1").arg(r.value()));
        if (!wait)
            return done(Success);
        callStatus(r.value(), true);
    });
}

void Cli::callStatus(const QString &callId, bool watch)
{
    const auto checked = ExolveValidation::callId(callId);
    if (!checked.ok())
        return usage(checked.error().explanation);
    if (!watch) {
        m_client->callInfo(checked.value(), this, [this](const Result<CallInfo> &r) {
            if (!r)
                return fail(r.error());
            m_out->call(r.value());
            done(Success);
        });
        return;
    }
    follow(checked.value(), exolvePoller(m_client), [this](const CallInfo &call, bool stale) {
        recordSingleSendEnd(call, stale);
        if (stale)
            m_out->error(tr("The call has been \"%1\" for longer than its answer timeout; no longer waiting.").arg(call.status));
        m_out->call(call);
        done(!stale && call.status.compare(QLatin1String("completed"), Qt::CaseInsensitive) == 0 ? Success : NotCompleted);
    });
}

void Cli::follow(const QString &id, CallMonitor::Poller poller, std::function<void(const CallInfo &, bool stale)> ended,
                 std::function<QString(const CallInfo &)> describe)
{
    // The desktop app's monitor, polling at the operator's interval; any failed poll ends the command.
    m_monitor = std::make_unique<CallMonitor>(std::move(poller));
    MonitorOptions options;
    options.scheduleMs = {0, m_pollIntervalMs};
    options.maxInFlight = 1;
    m_monitor->setOptions(options);
    connect(m_monitor.get(), &CallMonitor::updated, this, [this, describe](const CallInfo &call) {
        if (call.status == m_lastStatus)
            return;
        m_lastStatus = call.status;
        const QString line = describe(call);
        if (m_out->format() == Format::Table)
            m_out->line(line);
        else
            m_out->error(line);
    });
    connect(m_monitor.get(), &CallMonitor::pollFailed, this, [this](const QString &, const ApiError &error) {
        m_monitor->clear();
        fail(error);
    });
    connect(m_monitor.get(), &CallMonitor::finished, this, [ended](const CallInfo &call) { ended(call, false); });
    connect(m_monitor.get(), &CallMonitor::stale, this, [ended](const QString &id, const CallInfo &last) {
        CallInfo call = last;
        call.callId = id;
        ended(call, true);
    });
    m_monitor->watch(id, QDateTime(), -1);
}

void Cli::sipShow(const QString &id)
{
    const auto checked = ExolveValidation::sipResourceId(id);
    if (!checked.ok())
        return usage(checked.error().explanation);
    const bool showSecrets = m_parser.isSet(opt("show-secrets"));
    m_client->sipAttributes(checked.value(), this, [this, showSecrets](const Result<SipAttributes> &r) {
        if (!r)
            return fail(r.error());
        m_out->sip(r.value(), showSecrets);
        done(Success);
    });
}

} // namespace vc::cli
