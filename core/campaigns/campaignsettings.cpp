// CampaignSettings::validate: the rules of a campaign's settings, written once.
#include "campaigns/campaigntypes.h"

#include "campaigns/sendingwindow.h"
#include "common/checks.h"
#include "common/validation.h"
#include "exolve/exolvevalidation.h"
#include "legacy/legacyvalidation.h"

namespace vc {

std::optional<CampaignSettings::Purpose> CampaignSettings::purposeNamed(const QString &name)
{
    for (Purpose p : {Purpose::Informational, Purpose::Advertising}) {
        if (name.trimmed().compare(purposeName(p), Qt::CaseInsensitive) == 0)
            return p;
    }
    return std::nullopt;
}

QString CampaignSettings::purposeTitle(Purpose p)
{
    return p == Purpose::Advertising ? tr("Advertising") : tr("Informational (reminders, notifications, debts)");
}

Result<CampaignSettings, QList<SettingProblem>> CampaignSettings::validate(const SettingsScope &scope) const
{
    using Field = SettingProblem::Field;
    QList<SettingProblem> problems;
    CampaignSettings s = *this;
    const bool legacy = provider == Provider::IntegrationApi;

    if (source.trimmed().isEmpty()) {
        if (scope.sourceRequired)
            problems.append({Field::Source, tr("Enter the caller number the calls come from.")});
        s.source.clear();
    } else if (const auto checked = Validation::phoneNumber(source, QStringLiteral("source")); !checked) {
        problems.append({Field::Source, tr("Caller number: %1").arg(checked.error().explanation)});
    } else {
        s.source = checked.value();
    }

    if (!legacy) {
        s.fileId.clear();
        if (serviceId.trimmed().isEmpty()) {
            s.serviceId.clear();
            if (!scope.rowsNameService)
                problems.append({Field::Service, tr("Choose the service to send: the file has no service_id column.")});
        } else if (const auto checked = ExolveValidation::serviceId(serviceId); !checked) {
            problems.append({Field::Service, tr("Service: %1").arg(checked.error().explanation)});
        } else {
            s.serviceId = checked.value();
        }
    } else {
        s.serviceId.clear();
        if (fileId.trimmed().isEmpty()) {
            s.fileId.clear();
            if (!scope.rowsNameFile)
                problems.append({Field::FileId, tr("Enter the audio file id: the file has no file_id column.")});
        } else if (const auto checked = LegacyValidation::fileId(fileId); !checked) {
            problems.append({Field::FileId, tr("Audio file id: %1").arg(checked.error().explanation)});
        } else {
            s.fileId = QString::number(checked.value());
        }
    }

    if (!(rate >= kMinRate && rate <= kMaxRate)) // NaN fails too
        problems.append({Field::Rate, tr("The rate is calls per second, from 0.001 to 10000 (fractions allowed).")});
    if (concurrency < 1 || concurrency > kMaxConcurrency)
        problems.append({Field::Concurrency, tr("At most 1 to 64 requests at once.")});

    if (!window.trimmed().isEmpty()) {
        QString why;
        if (const auto w = SendingWindow::parse(window, &why); !w)
            problems.append({Field::Window, why});
        else
            s.window = w->toString();
    } else {
        s.window.clear();
    }

    s.defaultZone = defaultZone.trimmed();
    if (!s.defaultZone.isEmpty() && !SendingWindow::zone(s.defaultZone))
        problems.append({Field::Zone, tr("Unknown time zone \"%1\": use an IANA name such as Europe/Moscow, or UTC+03:00.")
                                          .arg(checks::elided(s.defaultZone))});

    if (purpose == Purpose::Advertising)
        problems.append({Field::Purpose, tr("Advertising may not be sent by automatic dialing (Federal Law 38-FZ "
                                            "\"On Advertising\", art. 18 part 2): Voice Console does not place such a "
                                            "campaign.")});
    if (startAt.isValid()) {
        s.startAt = startAt.toUTC();
        if (s.startAt < QDateTime::currentDateTimeUtc().addSecs(-60))
            problems.append({Field::StartAt, tr("The scheduled start has passed already: choose a later time, or start at once.")});
    }

    if (redial < 0 || redial > kMaxRedial)
        problems.append({Field::Redial, tr("Re-dials: from 0 to 10 extra calls.")});
    if (redial > 0 && (redialGapMin < 1 || redialGapMin > kMaxRedialGapMin))
        problems.append({Field::RedialGap, tr("Minutes between calls to the same number: from 1 to 1440.")});
    for (int n : {redialBusy, redialNoAnswer}) {
        if (n != -1 && (n < 0 || n > kMaxRedial))
            problems.append({Field::Redial, tr("Re-dials: from 0 to 10 extra calls.")});
    }
    for (auto [n, gap] : {std::pair{redialBusy, redialBusyGapMin}, std::pair{redialNoAnswer, redialNoAnswerGapMin}}) {
        if (gap != -1 && (gap < 1 || gap > kMaxRedialGapMin))
            problems.append({Field::RedialGap, tr("Minutes between calls to the same number: from 1 to 1440.")});
        else if (n > 0 && gap == -1 && redial == 0 && (redialGapMin < 1 || redialGapMin > kMaxRedialGapMin))
            problems.append({Field::RedialGap, tr("Minutes between calls to the same number: from 1 to 1440.")});
    }

    if (!problems.isEmpty())
        return problems;
    return s;
}

} // namespace vc
