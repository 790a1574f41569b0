// voice-sandbox: the local simulator of the Exolve Voice API, for offline use and for tests.
#include "sandboxserver.h"
#include "common/checks.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

using vc::sandbox::Fault;
using vc::sandbox::FaultRule;

namespace {
std::optional<double> rateOption(const QCommandLineParser &p, const QString &name, QString *error)
{
    if (!p.isSet(name))
        return std::nullopt;
    const auto rate = vc::checks::finiteNumber(p.value(name));
    if (!rate || *rate < 0 || *rate > 1) {
        *error = QStringLiteral("--%1 takes a share from 0 to 1").arg(name);
        return std::nullopt;
    }
    return rate;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("voice-sandbox"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VC_VERSION));

    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Local simulator of the Exolve Voice API on 127.0.0.1. No real calls are made.\n"
        "Call outcome by the destination's last two digits: 00 busy, 01 no_answer, 02 failed,\n"
        "03 an undocumented status that never ends; anything else rings, talks and completes."));
    p.addHelpOption();
    p.addVersionOption();
    p.addOptions({
        {QStringLiteral("port"), QStringLiteral("Port on 127.0.0.1 (0 = any free port)."), QStringLiteral("N"), QStringLiteral("0")},
        {QStringLiteral("key"), QStringLiteral("The API key to accept."), QStringLiteral("KEY"), QStringLiteral("sandbox-key")},
        {QStringLiteral("call-speed"), QStringLiteral("How fast calls progress (2 = twice as fast)."), QStringLiteral("F"), QStringLiteral("1")},
        {QStringLiteral("seed"), QStringLiteral("Seed for fault shares (repeatable runs)."), QStringLiteral("N")},
        {QStringLiteral("fault-status"), QStringLiteral("Answer this HTTP status to a share of requests (see --fault-rate)."), QStringLiteral("CODE")},
        {QStringLiteral("fault-rate"), QStringLiteral("Share of requests that get --fault-status (default 1)."), QStringLiteral("P")},
        {QStringLiteral("delay-ms"), QStringLiteral("Delay every answer by this many milliseconds."), QStringLiteral("MS")},
        {QStringLiteral("garbage-rate"), QStringLiteral("Share of requests answered with a body that is not JSON."), QStringLiteral("P")},
        {QStringLiteral("truncate-rate"), QStringLiteral("Share of requests answered with a cut-off body."), QStringLiteral("P")},
        {QStringLiteral("huge-rate"), QStringLiteral("Share of requests answered with a 32 MiB body."), QStringLiteral("P")},
        {QStringLiteral("call-fault"), QStringLiteral("MakeVoiceMessage places the call, then: 500 = answers 500, drop = closes the connection."), QStringLiteral("500|drop")},
        {QStringLiteral("legacy-login"), QStringLiteral("integrationapi.net login to accept."), QStringLiteral("LOGIN"), QStringLiteral("sandbox")},
        {QStringLiteral("legacy-password"), QStringLiteral("integrationapi.net password to accept."), QStringLiteral("PASSWORD"), QStringLiteral("sandbox-password")},
        {QStringLiteral("legacy-session-ttl"), QStringLiteral("Seconds an integrationapi.net session lasts (default 7200)."), QStringLiteral("SECONDS"), QStringLiteral("7200")},
        {QStringLiteral("account"), QStringLiteral("Account state: active, blocked, trial, unreachable."), QStringLiteral("STATE"), QStringLiteral("active")},
        {QStringLiteral("history-shape"), QStringLiteral("statistics/call-history/v1/GetList names its list calls (the page's older revision) or call_history. Changeable at run time: POST /sandbox/history {\"shape\": ..., \"ids\": ...}."), QStringLiteral("calls|call_history"), QStringLiteral("call_history")},
        {QStringLiteral("history-ids"), QStringLiteral("The call history's call_id: voice (the MakeVoiceMessage id) or numeric (a uint64 of its own)."), QStringLiteral("voice|numeric"), QStringLiteral("voice")},
        {QStringLiteral("rate-limit"), QStringLiteral("Calls per second (MakeVoiceMessage, Voice/Send) above which the answer is 429 with Retry-After; 0 = no limit. Changeable at run time: POST /sandbox/rate-limit {\"calls_per_second\": N}."), QStringLiteral("N"), QStringLiteral("0")},
    });
    p.process(app);

    QTextStream err(stderr);
    const auto die = [&err](const QString &message) {
        err << "voice-sandbox: " << message << Qt::endl;
        return 2;
    };

    vc::sandbox::SandboxOptions options;
    options.apiKey = p.value(QStringLiteral("key"));
    bool ok = false;
    const auto speed = vc::checks::finiteNumber(p.value(QStringLiteral("call-speed")));
    if (!speed || *speed <= 0 || *speed > 1000)
        return die(QStringLiteral("--call-speed takes a number above 0, up to 1000"));
    options.callSpeed = *speed;
    const auto rateLimit = vc::checks::finiteNumber(p.value(QStringLiteral("rate-limit")));
    if (!rateLimit || *rateLimit < 0 || *rateLimit > 1e6)
        return die(QStringLiteral("--rate-limit takes a number of calls per second (0 = no limit)"));
    options.rateLimit = *rateLimit;
    options.historyShape = p.value(QStringLiteral("history-shape"));
    if (options.historyShape != QLatin1String("calls") && options.historyShape != QLatin1String("call_history"))
        return die(QStringLiteral("--history-shape takes calls or call_history"));
    const QString historyIds = p.value(QStringLiteral("history-ids"));
    if (historyIds != QLatin1String("voice") && historyIds != QLatin1String("numeric"))
        return die(QStringLiteral("--history-ids takes voice or numeric"));
    options.historyNumericIds = historyIds == QLatin1String("numeric");
    if (p.isSet(QStringLiteral("seed")))
        options.seed = p.value(QStringLiteral("seed")).toUInt();

    QString error;
    const auto addRule = [&options](double rate, Fault fault, const QString &endpoint = {}) {
        FaultRule rule;
        rule.rate = rate;
        rule.fault = fault;
        rule.endpoint = endpoint;
        options.faults.append(rule);
    };
    if (p.isSet(QStringLiteral("call-fault"))) {
        const QString v = p.value(QStringLiteral("call-fault"));
        if (v != QLatin1String("500") && v != QLatin1String("drop"))
            return die(QStringLiteral("--call-fault takes 500 or drop"));
        addRule(1.0, Fault{v == QLatin1String("500") ? Fault::Kind::PlaceThen500 : Fault::Kind::PlaceThenDrop},
                QStringLiteral("call/v1/MakeVoiceMessage"));
    }
    if (p.isSet(QStringLiteral("fault-status"))) {
        Fault f;
        f.status = p.value(QStringLiteral("fault-status")).toInt(&ok);
        if (!ok || f.status < 100 || f.status > 599)
            return die(QStringLiteral("--fault-status takes an HTTP status"));
        const auto rate = rateOption(p, QStringLiteral("fault-rate"), &error);
        if (!error.isEmpty())
            return die(error);
        addRule(rate.value_or(1.0), f);
    }
    const struct
    {
        const char *option;
        Fault::Kind kind;
    } shares[] = {{"garbage-rate", Fault::Kind::Garbage}, {"truncate-rate", Fault::Kind::Truncate}, {"huge-rate", Fault::Kind::Huge}};
    for (const auto &s : shares) {
        const auto rate = rateOption(p, QLatin1String(s.option), &error);
        if (!error.isEmpty())
            return die(error);
        if (rate)
            addRule(*rate, Fault{s.kind});
    }
    if (p.isSet(QStringLiteral("delay-ms"))) {
        Fault f{Fault::Kind::Delay};
        f.delayMs = p.value(QStringLiteral("delay-ms")).toInt(&ok);
        if (!ok || f.delayMs < 0)
            return die(QStringLiteral("--delay-ms takes a number of milliseconds"));
        addRule(1.0, f);
    }

    options.legacy.login = p.value(QStringLiteral("legacy-login"));
    options.legacy.password = p.value(QStringLiteral("legacy-password"));
    const int ttl = p.value(QStringLiteral("legacy-session-ttl")).toInt(&ok);
    if (!ok || ttl < 1)
        return die(QStringLiteral("--legacy-session-ttl takes a number of seconds"));
    options.legacy.sessionTtlMs = qint64(ttl) * 1000;
    options.legacy.speed = options.callSpeed;

    vc::sandbox::SandboxServer server(options);
    const QString account = p.value(QStringLiteral("account"));
    using Account = vc::sandbox::SandboxState::Account;
    const QHash<QString, Account> accounts = {{QStringLiteral("active"), Account::Active},
                                              {QStringLiteral("blocked"), Account::Blocked},
                                              {QStringLiteral("trial"), Account::Trial},
                                              {QStringLiteral("unreachable"), Account::Unreachable}};
    if (!accounts.contains(account))
        return die(QStringLiteral("--account takes active, blocked, trial or unreachable"));
    server.state().setAccount(accounts.value(account));

    const uint port = p.value(QStringLiteral("port")).toUInt(&ok);
    if (!ok || port > 65535)
        return die(QStringLiteral("--port takes a number from 0 to 65535"));
    if (!server.start(quint16(port)))
        return die(QStringLiteral("cannot listen on 127.0.0.1:%1").arg(port));

    QTextStream out(stdout);
    out << "voice-sandbox listening on " << server.baseUrl() << Qt::endl;
    out << "API key: " << server.apiKey() << Qt::endl;
    out << "integrationapi.net (2013): " << server.baseUrl() << "/rest/ login " << options.legacy.login << " password "
        << options.legacy.password << Qt::endl;
    return app.exec();
}
