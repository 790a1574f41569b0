// voicectl legacy ...: the integrationapi.net REST voice API (2013).
#include "cli.h"
#include "campaignsession.h"

#include "common/jsoncodec.h"
#include "accounts/profile.h"
#include "calls/pollers.h"
#include "common/checks.h"
#include "common/validation.h"
#include "legacy/legacycodec.h"
#include "legacy/legacyvalidation.h"

#include <QJsonObject>
#include <QLocale>

namespace vc::cli {

void Cli::startLegacy(const QStringList &args)
{
    QString url = m_parser.value(opt("legacy-url"));
    if (url.isEmpty())
        url = qEnvironmentVariable("VOICE_LEGACY_URL");
    if (url.isEmpty() && m_campaign && !m_campaign->journal.settings().apiUrl.isEmpty())
        url = m_campaign->journal.settings().apiUrl; // a resumed campaign goes on where it started
    QString login = m_parser.isSet(opt("login")) ? m_parser.value(opt("login")) : qEnvironmentVariable("VOICE_LEGACY_LOGIN");
    const QString password = qEnvironmentVariable("VOICE_LEGACY_PASSWORD");
    if (!url.isEmpty())
        m_legacy->setBaseUrl(QUrl::fromUserInput(url));
    if (!login.isEmpty() && !password.isEmpty()) {
        m_legacy->setCredentials(login, password);
        return runLegacy(args);
    }
    if (!m_parser.isSet(opt("profile")))
        return usage(tr("No integrationapi.net credentials: set VOICE_LEGACY_LOGIN and VOICE_LEGACY_PASSWORD, or use --profile NAME."));

    const QString name = m_parser.value(opt("profile"));
    const auto profile = findProfile(name);
    if (!profile)
        return;
    if (profile->provider != Profile::Provider::IntegrationApi)
        return usage(tr("Profile \"%1\" is not an integrationapi.net profile.").arg(name));
    if (url.isEmpty() && profile->apiUrl.isValid())
        m_legacy->setBaseUrl(profile->apiUrl);
    if (login.isEmpty())
        login = profile->login;
    readProfileSecret(*profile, [this, args, login](const QString &password) {
        m_legacy->setCredentials(login, password);
        runLegacy(args);
    });
}

void Cli::runLegacy(const QStringList &args)
{
    if (auto error = m_legacy->configurationError())
        return usage(error->explanation);
    const QString action = args.at(1);
    const QStringList rest = args.mid(2);
    if (action == QLatin1String("balance") && requireArgs(rest, 0, opt("legacy balance")))
        return legacyBalance();
    if (action == QLatin1String("send") && requireArgs(rest, 0, opt("legacy send")))
        return legacySend();
    if (action == QLatin1String("state") && requireArgs(rest, 1, opt("legacy state MESSAGE_ID")))
        return legacyState(rest.at(0), m_parser.isSet(opt("watch")));
    if (args.at(0) == QLatin1String("campaign") && action == QLatin1String("resume") && m_campaign)
        return campaignResume();
    if (action == QLatin1String("campaign") && rest.value(0) == QLatin1String("run") &&
        requireArgs(rest, 2, opt("legacy campaign run FILE --file-id N --source NUMBER [options]")))
        return campaignRun(rest.at(1), CampaignSettings::Provider::IntegrationApi);
    if (m_done)
        return;
    if (!m_done)
        usage(tr("Unknown command \"%1 %2\". See voicectl --help.").arg(args.at(0), checks::elided(action)));
}

void Cli::legacyBalance()
{
    m_legacy->balance(this, [this](const Result<double> &r) {
        if (!r)
            return fail(r.error());
        if (m_out->format() == Format::Json)
            m_out->json(legacycodec::balanceToJson(r.value()));
        else
            m_out->line(tr("Balance: %1").arg(QLocale().toString(r.value(), 'f', 2)));
        done(Success);
    });
}

void Cli::legacySend()
{
    for (const char *required : {"source", "destination", "file-id"}) {
        if (!m_parser.isSet(opt(required)))
            return usage(tr("legacy send needs --%1.").arg(opt(required)));
    }
    LegacySendRequest request;
    request.source = m_parser.value(opt("source"));
    request.destination = m_parser.value(opt("destination"));
    const auto file = LegacyValidation::fileId(m_parser.value(opt("file-id")));
    if (!file)
        return usage(tr("%1: %2").arg(file.error().field, file.error().explanation));
    request.fileId = file.value();
    if (m_parser.isSet(opt("send-date"))) {
        // The operator's local time; the client converts it to the UTC+3 the API wants.
        request.sendDate = QDateTime::fromString(m_parser.value(opt("send-date")).trimmed(), QStringLiteral("yyyy-MM-dd HH:mm"));
        if (!request.sendDate.isValid())
            return usage(tr("--send-date takes local time as \"YYYY-MM-DD HH:MM\"."));
    }
    // A value that is not a number is checked as 0, which no field accepts.
    if (m_parser.isSet(opt("retry-count")))
        request.retryCount = m_parser.value(opt("retry-count")).toInt();
    if (m_parser.isSet(opt("gap")))
        request.gap = m_parser.value(opt("gap")).toInt();
    request.dtmf = m_parser.isSet(opt("dtmf"));
    // The client's own checks, with the messages the GUI shows: nothing is sent when one fails.
    const auto checked = LegacyValidation::sendRequest(request);
    if (!checked)
        return usage(tr("%1: %2").arg(checked.error().field, checked.error().explanation));
    // The contact policy's caps, checked and the call recorded before the request is written.
    const auto number = Validation::phoneNumber(request.destination);
    const auto contact = reserveContact(number ? number.value() : request.destination, QStringLiteral("legacy"));
    if (!contact)
        return;
    CallRecord record;
    record.source = Validation::phoneNumber(request.source).valueOr(request.source);
    record.destination = number ? number.value() : request.destination;
    record.serviceId = QString::number(request.fileId);
    m_legacy->send(request, this, [this, id = *contact, record](const Result<quint64> &r) {
        const Result<QString> placed = r ? Result<QString>(QString::number(r.value())) : Result<QString>(r.error());
        recordContactOutcome(id, placed);
        recordSingleSend(record, placed); // in the shared call history, as the app's sends are
        if (!r)
            return fail(r.error());
        if (m_out->format() == Format::Json)
            m_out->json(legacycodec::toJson(r.value()));
        else
            m_out->line(tr("Voice message accepted: %1").arg(r.value()));
        done(Success);
    });
}

void Cli::legacyState(const QString &id, bool watch)
{
    const auto messageId = json::parseUInt64Text(id.trimmed());
    if (!messageId)
        return usage(tr("MESSAGE_ID must be a whole number."));
    const auto print = [this](quint64 messageId, const LegacyState &state) {
        if (m_out->format() == Format::Json)
            m_out->json(legacycodec::toJson(messageId, state));
        else
            m_out->line(tr("%1: %2 (%3)").arg(messageId).arg(LegacyState::name(state.state), state.desc));
    };
    if (!watch) {
        m_legacy->state(*messageId, this, [this, print, messageId = *messageId](const Result<LegacyState> &r) {
            if (!r)
                return fail(r.error());
            print(messageId, r.value());
            done(Success);
        });
        return;
    }
    // Messages have no answer timeout of their own: they are followed until final.
    follow(json::uint64ToString(*messageId), legacyPoller(m_legacy, [](CallInfo &info) { info.timeout = 365 * 24 * 3600; }),
           [this, messageId = *messageId](const CallInfo &call, bool) {
               const LegacyState state{LegacyState::fromStatusName(call.status), call.detail};
               if (m_out->format() == Format::Json)
                   m_out->json(legacycodec::toJson(messageId, state));
               done(state.isDelivered() ? Success : NotCompleted);
           },
           [](const CallInfo &call) {
               return tr("%1  %2 (%3)").arg(QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss")),
                                            LegacyState::name(LegacyState::fromStatusName(call.status)), call.detail);
           });
}

} // namespace vc::cli
