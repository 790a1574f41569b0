// voicectl campaign run: the command line's options, checked, as a campaign's settings and the file's reading plan.
// Every check here comes before the file is read and before any request: a bad option sends nothing.
#include "cli.h"

#include "campaigns/campaignplanner.h"
#include "common/checks.h"
#include "common/validation.h"
#include "exolve/exolvevalidation.h"
#include "legacy/legacyvalidation.h"

#include <QFileInfo>

namespace vc::cli {

std::optional<CampaignSettings> Cli::campaignSettings(const QString &file, CampaignSettings::Provider provider, bool dryRun)
{
    const bool legacy = provider == CampaignSettings::Provider::IntegrationApi;
    const auto refuse = [this](const QString &message) -> std::optional<CampaignSettings> {
        usage(message);
        return std::nullopt;
    };
    CampaignSettings s;
    s.provider = provider;
    s.created = QDateTime::currentDateTimeUtc();
    s.inputFile = QFileInfo(file).absoluteFilePath();
    s.apiUrl = legacy ? m_legacy->baseUrl().toString() : m_client->baseUrl().toString();
    s.profile = m_parser.value(opt("profile"));
    if (m_parser.isSet(opt("source")) || !dryRun) {
        if (!m_parser.isSet(opt("source")))
            return refuse(tr("campaign run needs --source NUMBER."));
        const auto source = Validation::phoneNumber(m_parser.value(opt("source")), QStringLiteral("source"));
        if (!source)
            return refuse(tr("source: %1").arg(source.error().explanation));
        s.source = source.value();
    }
    if (!legacy && m_parser.isSet(opt("service"))) {
        const auto service = ExolveValidation::serviceId(m_parser.value(opt("service")));
        if (!service)
            return refuse(tr("service: %1").arg(service.error().explanation));
        s.serviceId = service.value();
    }
    if (legacy && m_parser.isSet(opt("file-id"))) {
        const auto f = LegacyValidation::fileId(m_parser.value(opt("file-id")));
        if (!f)
            return refuse(tr("%1: %2").arg(f.error().field, f.error().explanation));
        s.fileId = QString::number(f.value());
    }
    if (m_parser.isSet(opt("rate"))) {
        const auto rate = checks::finiteNumber(m_parser.value(opt("rate")));
        if (!rate || *rate < 0.001 || *rate > 10000)
            return refuse(tr("--rate takes calls per second, from 0.001 to 10000 (fractions allowed)."));
        s.rate = *rate;
    }
    if (m_parser.isSet(opt("concurrency"))) {
        bool ok = false;
        s.concurrency = m_parser.value(opt("concurrency")).toInt(&ok);
        if (!ok || s.concurrency < 1 || s.concurrency > 64)
            return refuse(tr("--concurrency takes a number of requests from 1 to 64."));
    }
    if (m_parser.isSet(opt("window"))) {
        QString why;
        const auto w = SendingWindow::parse(m_parser.value(opt("window")), &why);
        if (!w)
            return refuse(why);
        s.window = w->toString();
    }
    if (m_parser.isSet(opt("tz"))) {
        if (!SendingWindow::zone(m_parser.value(opt("tz"))))
            return refuse(tr("Unknown time zone \"%1\": use an IANA name such as Europe/Moscow, or UTC+03:00.")
                              .arg(checks::elided(m_parser.value(opt("tz")))));
        s.defaultZone = m_parser.value(opt("tz")).trimmed();
    }
    if (m_parser.isSet(opt("redial"))) {
        bool ok = false;
        s.redial = m_parser.value(opt("redial")).toInt(&ok);
        if (!ok || s.redial < 0 || s.redial > 10)
            return refuse(tr("--redial takes a number of extra calls from 0 to 10."));
        if (!m_parser.isSet(opt("redial-gap")))
            return refuse(tr("--redial needs --redial-gap MIN (minutes between calls)."));
    }
    if (m_parser.isSet(opt("redial-gap"))) {
        bool ok = false;
        s.redialGapMin = m_parser.value(opt("redial-gap")).toInt(&ok);
        if (!ok || s.redialGapMin < 1 || s.redialGapMin > 1440)
            return refuse(tr("--redial-gap takes minutes from 1 to 1440."));
    }
    return s;
}

std::optional<PlanOptions> Cli::planOptions(const CampaignSettings &s, bool dryRun)
{
    const bool legacy = s.provider == CampaignSettings::Provider::IntegrationApi;
    PlanOptions plan;
    plan.legacy = legacy;
    plan.needsServiceId = !legacy && s.serviceId.isEmpty() && !dryRun;
    plan.needsFileId = legacy && s.fileId.isEmpty() && !dryRun;
    plan.column = m_parser.value(opt("column"));
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
