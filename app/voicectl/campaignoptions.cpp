// voicectl campaign run: the command line's options, checked, as a campaign's settings and the file's reading plan.
// Every check here comes before the file is read and before any request: a bad option sends nothing.
#include "cli.h"

#include "campaigns/campaigndraft.h"
#include "common/checks.h"
#include "common/validation.h"

#include <QFileInfo>

namespace vc::cli {

std::optional<CampaignSettings> Cli::campaignSettings(const QString &file, CampaignSettings::Provider provider, bool dryRun)
{
    const bool legacy = provider == CampaignSettings::Provider::IntegrationApi;
    const auto refuse = [this](const QString &message) -> std::optional<CampaignSettings> {
        usage(message);
        return std::nullopt;
    };
    // What the command line said, as typed; CampaignSettings::validate() judges it, as it does the wizard's.
    CampaignSettings s;
    s.provider = provider;
    s.created = QDateTime::currentDateTimeUtc();
    s.inputFile = QFileInfo(file).absoluteFilePath();
    s.apiUrl = legacy ? m_legacy->baseUrl().toString() : m_client->baseUrl().toString();
    s.profile = m_parser.value(opt("profile"));
    if (!dryRun && !m_parser.isSet(opt("source")))
        return refuse(tr("campaign run needs --source NUMBER."));
    s.source = m_parser.value(opt("source"));
    if (!legacy)
        s.serviceId = m_parser.value(opt("service"));
    else
        s.fileId = m_parser.value(opt("file-id"));
    const auto number = [this](const char *name, auto parse) {
        bool ok = true;
        const auto value = parse(m_parser.value(opt(name)), &ok);
        return ok ? std::optional(value) : std::nullopt;
    };
    const auto toInt = [](const QString &text, bool *ok) { return text.toInt(ok); };
    if (m_parser.isSet(opt("rate"))) {
        const auto rate = checks::finiteNumber(m_parser.value(opt("rate")));
        s.rate = rate ? *rate : -1; // refused below with the one message
    }
    if (m_parser.isSet(opt("concurrency")))
        s.concurrency = number("concurrency", toInt).value_or(-1);
    // On by default: the contact policy's hours, else 09:00-20:00; "none" is a deliberate any-hour.
    if (!m_parser.isSet(opt("window")))
        s.window = ContactPolicy::loadShared().campaignWindow();
    else if (m_parser.value(opt("window")).trimmed().compare(QLatin1String("none"), Qt::CaseInsensitive) != 0)
        s.window = m_parser.value(opt("window"));
    if (m_parser.isSet(opt("tz")) && m_parser.value(opt("tz")).trimmed().isEmpty())
        return refuse(tr("--tz takes a time zone such as Europe/Moscow or UTC+03:00."));
    s.defaultZone = m_parser.value(opt("tz"));
    if (m_parser.isSet(opt("redial"))) {
        s.redial = number("redial", toInt).value_or(-1);
        if (!m_parser.isSet(opt("redial-gap")))
            return refuse(tr("--redial needs --redial-gap MIN (minutes between calls)."));
    }
    if (m_parser.isSet(opt("redial-gap")))
        s.redialGapMin = number("redial-gap", toInt).value_or(-1);
    // Per outcome: busy and no answer, each with its own count and gap (--redial/--redial-gap set both).
    for (auto [count, gap, n, g] : {std::tuple{"redial-busy", "redial-busy-gap", &s.redialBusy, &s.redialBusyGapMin},
                                    std::tuple{"redial-no-answer", "redial-no-answer-gap", &s.redialNoAnswer, &s.redialNoAnswerGapMin}}) {
        if (m_parser.isSet(opt(count))) {
            *n = number(count, toInt).value_or(-2);
            if (*n > 0 && !m_parser.isSet(opt(gap)) && !m_parser.isSet(opt("redial-gap")))
                return refuse(tr("--%1 needs --%2 MIN (minutes between calls).").arg(QLatin1String(count), QLatin1String(gap)));
        }
        if (m_parser.isSet(opt(gap)))
            *g = number(gap, toInt).value_or(-2);
    }
    if (m_parser.isSet(opt("test-to"))) {
        if (dryRun)
            return refuse(tr("--test-to places a call: a dry run places none."));
        if (const auto n = Validation::phoneNumber(m_parser.value(opt("test-to"))); !n)
            return refuse(tr("--test-to: %1").arg(n.error().explanation));
    }
    if (m_parser.isSet(opt("purpose"))) {
        const auto purpose = CampaignSettings::purposeNamed(m_parser.value(opt("purpose")));
        if (!purpose)
            return refuse(tr("--purpose takes informational or advertising."));
        s.purpose = *purpose;
    }
    if (m_parser.isSet(opt("start-at"))) {
        // Local time in --tz, else this computer's zone.
        const QTimeZone zone = SendingWindow::zone(s.defaultZone).value_or(QTimeZone::systemTimeZone());
        const QString when = m_parser.value(opt("start-at")).trimmed();
        QDateTime local = QDateTime::fromString(when, QStringLiteral("yyyy-MM-dd HH:mm"));
        if (!local.isValid())
            local = QDateTime::fromString(when, QStringLiteral("yyyy-MM-dd HH:mm:ss")); // seconds, for scripts
        if (!local.isValid())
            return refuse(tr("--start-at takes a local time as \"YYYY-MM-DD HH:MM\" (in --tz, else this computer's zone)."));
        s.startAt = QDateTime(local.date(), local.time(), zone).toUTC(); // one in the past: validate() says so
    }
    SettingsScope scope;
    scope.sourceRequired = !dryRun;
    // The file is not read yet: rows may name their own service or audio file; those that do not are
    // invalid in the preview when no default was given.
    const auto checked = s.validate(scope);
    if (!checked)
        return refuse(checked.error().constFirst().message);
    return checked.value();
}

std::optional<PlanOptions> Cli::planOptions(const CampaignSettings &s, bool dryRun)
{
    PlanOptions plan = CampaignDraft::planOptions(s, dryRun);
    plan.column = m_parser.value(opt("column"));
    plan.consentColumn = m_parser.value(opt("consent-column")).trimmed();
    if (m_parser.isSet(opt("encoding"))) {
        plan.csv.encoding = CsvReader::encodingFromName(m_parser.value(opt("encoding")));
        if (!plan.csv.encoding) {
            usage(tr("--encoding takes utf-8, cp1251, utf-16le or utf-16be."));
            return std::nullopt;
        }
    }
    if (m_parser.isSet(opt("separator"))) {
        const QString sep = m_parser.value(opt("separator"));
        if (sep == QLatin1String("tab") || sep == QLatin1String("\\t")) {
            plan.csv.separator = u'\t';
        } else if (sep.size() == 1 && sep != QLatin1String("\"") && sep != QLatin1String("\n") && sep != QLatin1String("\r")) {
            plan.csv.separator = sep.at(0);
        } else {
            usage(tr("--separator takes one character: , ; or tab."));
            return std::nullopt;
        }
    }
    return plan;
}

} // namespace vc::cli
