#include "ui/send/legacysendpage.h"
#include "ui/widgets/accessibility.h"
#include "ui_legacysendpage.h"
#include "ui/widgets/stylepalette.h"

#include "calls/calltracker.h"
#include "common/jsoncodec.h"
#include "legacy/legacyclient.h"
#include "legacy/legacycodec.h"
#include "legacy/legacyvalidation.h"
#include "ui/shell/messagebanner.h"
#include "ui/send/sendfailure.h"
#include "ui/send/capoverride.h"
#include "accounts/session.h"
#include "common/validation.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace vc::ui {

LegacySendPage::LegacySendPage(Session *session, CallTracker *tracker, MessageBanner *banner, QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::LegacySendPage>()), m_session(session), m_tracker(tracker), m_banner(banner)
{
    m_ui->setupUi(this);
    m_ui->legacyWhen->setDateTime(QDateTime::currentDateTime().addSecs(3600));
    for (QLineEdit *e : {m_ui->legacySource, m_ui->legacyDestination, m_ui->legacyFileId})
        connect(e, &QLineEdit::textChanged, this, &LegacySendPage::revalidate);
    connect(m_ui->legacyScheduled, &QCheckBox::toggled, m_ui->legacyWhen, &QWidget::setEnabled);
    connect(m_ui->legacyScheduled, &QCheckBox::toggled, this, &LegacySendPage::revalidate);
    connect(m_ui->legacyWhen, &QDateTimeEdit::dateTimeChanged, this, &LegacySendPage::revalidate);
    connect(m_ui->legacySend, &QPushButton::clicked, this, &LegacySendPage::confirmAndSend);
    // Enter in a field sends, behind the same confirmation as the button.
    for (QLineEdit *field : {m_ui->legacySource, m_ui->legacyDestination, m_ui->legacyFileId}) {
        connect(field, &QLineEdit::returnPressed, this, [this] {
            if (m_ui->legacySend->isEnabled())
                confirmAndSend();
        });
    }
    retranslate();
}

LegacySendPage::~LegacySendPage() = default;

void LegacySendPage::retranslate()
{
    m_ui->retranslateUi(this);
    a11y::nameFromLabels(this);
    a11y::name(m_ui->legacyWhen, tr("Scheduled time (your local time)"));
    m_ui->legacySend->setText(m_sending ? tr("Sending…") : tr("Send…"));
    revalidate();
}

void LegacySendPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void LegacySendPage::revalidate()
{
    QStringList problems;
    QStringList notes;
    const auto source = Validation::phoneNumber(m_ui->legacySource->text());
    const auto destination = Validation::phoneNumber(m_ui->legacyDestination->text());
    if (!m_ui->legacySource->text().trimmed().isEmpty())
        source.ok() ? notes.append(tr("From %1").arg(source.value())) : problems.append(source.message());
    if (!m_ui->legacyDestination->text().trimmed().isEmpty())
        destination.ok() ? notes.append(tr("to %1").arg(destination.value())) : problems.append(destination.message());
    const auto file = LegacyValidation::fileId(m_ui->legacyFileId->text());
    if (!m_ui->legacyFileId->text().trimmed().isEmpty() && !file)
        problems.append(file.message());
    const auto schedule = LegacyValidation::sendDate(m_ui->legacyScheduled->isChecked() ? m_ui->legacyWhen->dateTime() : QDateTime());
    const bool scheduleOk = schedule.ok();
    if (!scheduleOk)
        problems.append(schedule.message());
    else if (m_ui->legacyScheduled->isChecked())
        notes.append(tr("sent as %1 (UTC+3)").arg(legacycodec::encodeSendDate(m_ui->legacyWhen->dateTime())));
    m_ui->legacyHint->setText(problems.isEmpty() ? notes.join(QStringLiteral(", ")) : problems.join(u'\n'));
    m_ui->legacyHint->setStyleSheet(style::hintText(!problems.isEmpty()));
    m_ui->legacySend->setEnabled(!m_sending && m_session->isLegacy() && source.ok() && destination.ok() && file.ok() && scheduleOk);
}

void LegacySendPage::confirmAndSend()
{
    LegacySendRequest request;
    request.source = m_ui->legacySource->text();
    request.destination = m_ui->legacyDestination->text();
    request.fileId = LegacyValidation::fileId(m_ui->legacyFileId->text()).valueOr(0);
    if (m_ui->legacyScheduled->isChecked())
        request.sendDate = m_ui->legacyWhen->dateTime();
    request.retryCount = m_ui->legacyRetries->value() > 0 ? m_ui->legacyRetries->value() : -1;
    request.gap = m_ui->legacyGap->value() > 0 ? m_ui->legacyGap->value() : -1;
    request.dtmf = m_ui->legacyDtmf->isChecked();
    const QString destination = Validation::phoneNumber(request.destination).valueOr(request.destination);
    const QString source = Validation::phoneNumber(request.source).valueOr(request.source);
    // Over the contact policy's cap: said first, and sent only with the operator's reason, recorded.
    if (!passCapGate(m_cap, m_tracker, this, destination, [this] { confirmAndSend(); }))
        return;
    const QString overrideReason = std::exchange(m_cap.overrideReason, QString());
    auto *box = new QMessageBox(QMessageBox::Question, tr("Send voice message"),
                                tr("Call %1 from %2 with audio file %3?").arg(destination, source).arg(request.fileId),
                                QMessageBox::Yes | QMessageBox::Cancel, window());
    box->setObjectName(QStringLiteral("legacySendConfirmation"));
    box->setInformativeText(request.sendDate.isValid()
                                ? tr("Scheduled for %1 your time.").arg(QLocale().toString(request.sendDate, QLocale::ShortFormat))
                                : (m_session->profile().sandbox ? tr("This is the sandbox: no real call is made.")
                                                                : tr("The call is placed now and charged by the provider.")));
    box->button(QMessageBox::Yes)->setText(tr("Send"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, request, destination, overrideReason](int) {
        if (box->clickedButton() != box->button(QMessageBox::Yes))
            return;
        m_sending = true;
        retranslate();
        m_tracker->sendLegacy(request, this, [this, destination](const Result<CallRecord> &r) {
            m_sending = false;
            retranslate();
            // The page is brought up to date first, the signals last: their slots may change the page.
            if (r.ok()) {
                m_ui->legacyResult->setText(tr("Accepted as message %1. It is followed on the Calls page.").arg(r.value().callId));
                const QString id = r.value().callId;
                Q_EMIT sendFinished();
                Q_EMIT messageSent(id);
                return;
            }
            SendFailure::report(r.error(),
                                tr("Outcome unknown: the message to %1 may have been sent. It was recorded in the history "
                                   "as \"outcome unknown\" and was not sent again.").arg(destination),
                                m_ui->legacyResult, m_banner);
            Q_EMIT sendFinished();
        }, overrideReason);
    });
    box->open();
}

} // namespace vc::ui
