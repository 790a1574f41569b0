#include "legacysendpage.h"
#include "stylepalette.h"

#include "calls/calltracker.h"
#include "common/jsoncodec.h"
#include "legacy/legacyclient.h"
#include "legacy/legacycodec.h"
#include "legacy/legacyvalidation.h"
#include "messagebanner.h"
#include "sendfailure.h"
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
    : QWidget(parent), m_session(session), m_tracker(tracker), m_banner(banner), m_intro(new QLabel(this)),
      m_source(new QLineEdit(this)), m_destination(new QLineEdit(this)), m_fileId(new QLineEdit(this)),
      m_scheduled(new QCheckBox(this)), m_when(new QDateTimeEdit(this)), m_retries(new QSpinBox(this)), m_gap(new QSpinBox(this)),
      m_dtmf(new QCheckBox(this)), m_hint(new QLabel(this)), m_send(new QPushButton(this)), m_result(new QLabel(this))
{
    setObjectName(QStringLiteral("legacySendPage"));
    m_source->setObjectName(QStringLiteral("legacySource"));
    m_destination->setObjectName(QStringLiteral("legacyDestination"));
    m_fileId->setObjectName(QStringLiteral("legacyFileId"));
    m_scheduled->setObjectName(QStringLiteral("legacyScheduled"));
    m_when->setObjectName(QStringLiteral("legacyWhen"));
    m_retries->setObjectName(QStringLiteral("legacyRetries"));
    m_gap->setObjectName(QStringLiteral("legacyGap"));
    m_dtmf->setObjectName(QStringLiteral("legacyDtmf"));
    m_send->setObjectName(QStringLiteral("legacySend"));
    m_hint->setObjectName(QStringLiteral("legacyHint"));
    m_result->setObjectName(QStringLiteral("legacyResult"));

    m_when->setCalendarPopup(true);
    m_when->setDateTime(QDateTime::currentDateTime().addSecs(3600));
    m_when->setEnabled(false);
    m_retries->setRange(0, 10); // 0: the service's default
    m_gap->setRange(0, 1440);
    m_intro->setWordWrap(true);
    m_hint->setWordWrap(true);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_send->setIcon(QIcon(QStringLiteral(":/icons/send.svg")));
    m_send->setDefault(true);

    auto *form = new QFormLayout;
    const auto row = [&](QWidget *field) {
        auto *label = new QLabel(this);
        label->setBuddy(field);
        m_labels.append(label);
        form->addRow(label, field);
    };
    row(m_source);
    row(m_destination);
    row(m_fileId);
    auto *when = new QHBoxLayout;
    when->addWidget(m_scheduled);
    when->addWidget(m_when, 1);
    auto *whenBox = new QWidget(this);
    whenBox->setLayout(when);
    when->setContentsMargins(0, 0, 0, 0);
    row(whenBox);
    row(m_retries);
    row(m_gap);
    row(m_dtmf);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_send);
    auto *column = new QVBoxLayout;
    column->addWidget(m_intro);
    column->addLayout(form);
    column->addWidget(m_hint);
    column->addLayout(buttons);
    column->addWidget(m_result);
    column->addStretch();
    auto *outer = new QHBoxLayout(this);
    outer->addLayout(column, 3);
    outer->addStretch(1);

    for (QLineEdit *e : {m_source, m_destination, m_fileId})
        connect(e, &QLineEdit::textChanged, this, &LegacySendPage::revalidate);
    connect(m_scheduled, &QCheckBox::toggled, m_when, &QWidget::setEnabled);
    connect(m_scheduled, &QCheckBox::toggled, this, &LegacySendPage::revalidate);
    connect(m_when, &QDateTimeEdit::dateTimeChanged, this, &LegacySendPage::revalidate);
    connect(m_send, &QPushButton::clicked, this, &LegacySendPage::confirmAndSend);
    retranslate();
}

void LegacySendPage::retranslate()
{
    m_intro->setText(tr("Send a voice message through integrationapi.net (2013): the number is called and hears the "
                        "uploaded audio file."));
    const QStringList labels = {tr("&From:"), tr("&To:"), tr("Audio &file id:"), tr("S&chedule:"), tr("&Attempts:"),
                                tr("&Gap between attempts:"), tr("&DTMF:")};
    for (int i = 0; i < labels.size(); ++i)
        m_labels[i]->setText(labels.at(i));
    m_source->setPlaceholderText(tr("e.g. +7 495 772-23-45"));
    m_destination->setPlaceholderText(tr("e.g. +7 903 123-45-67"));
    m_fileId->setPlaceholderText(tr("id of the file in the account's media library"));
    m_scheduled->setText(tr("later, at (your local time):"));
    m_retries->setSpecialValueText(tr("service default"));
    m_gap->setSpecialValueText(tr("service default"));
    m_gap->setSuffix(tr(" min"));
    m_dtmf->setText(tr("collect the keys the listener presses"));
    m_send->setText(m_sending ? tr("Sending…") : tr("Send…"));
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
    const auto source = Validation::phoneNumber(m_source->text());
    const auto destination = Validation::phoneNumber(m_destination->text());
    if (!m_source->text().trimmed().isEmpty())
        source.ok() ? notes.append(tr("From %1").arg(source.value())) : problems.append(source.message());
    if (!m_destination->text().trimmed().isEmpty())
        destination.ok() ? notes.append(tr("to %1").arg(destination.value())) : problems.append(destination.message());
    const auto file = LegacyValidation::fileId(m_fileId->text());
    if (!m_fileId->text().trimmed().isEmpty() && !file)
        problems.append(file.message());
    const auto schedule = LegacyValidation::sendDate(m_scheduled->isChecked() ? m_when->dateTime() : QDateTime());
    const bool scheduleOk = schedule.ok();
    if (!scheduleOk)
        problems.append(schedule.message());
    else if (m_scheduled->isChecked())
        notes.append(tr("sent as %1 (UTC+3)").arg(legacycodec::encodeSendDate(m_when->dateTime())));
    m_hint->setText(problems.isEmpty() ? notes.join(QStringLiteral(", ")) : problems.join(u'\n'));
    m_hint->setStyleSheet(style::hintText(!problems.isEmpty()));
    m_send->setEnabled(!m_sending && m_session->isLegacy() && source.ok() && destination.ok() && file.ok() && scheduleOk);
}

void LegacySendPage::confirmAndSend()
{
    LegacySendRequest request;
    request.source = m_source->text();
    request.destination = m_destination->text();
    request.fileId = LegacyValidation::fileId(m_fileId->text()).valueOr(0);
    if (m_scheduled->isChecked())
        request.sendDate = m_when->dateTime();
    request.retryCount = m_retries->value() > 0 ? m_retries->value() : -1;
    request.gap = m_gap->value() > 0 ? m_gap->value() : -1;
    request.dtmf = m_dtmf->isChecked();
    const QString destination = Validation::phoneNumber(request.destination).valueOr(request.destination);
    const QString source = Validation::phoneNumber(request.source).valueOr(request.source);
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
    connect(box, &QMessageBox::finished, this, [this, box, request, destination](int) {
        if (box->clickedButton() != box->button(QMessageBox::Yes))
            return;
        m_sending = true;
        retranslate();
        m_tracker->sendLegacy(request, this, [this, destination](const Result<CallRecord> &r) {
            m_sending = false;
            retranslate();
            Q_EMIT sendFinished();
            if (r.ok()) {
                m_result->setText(tr("Accepted as message %1. It is followed on the Calls page.").arg(r.value().callId));
                Q_EMIT messageSent(r.value().callId);
                return;
            }
            SendFailure::report(r.error(),
                                tr("Outcome unknown: the message to %1 may have been sent. It was recorded in the history "
                                   "as \"outcome unknown\" and was not sent again.").arg(destination),
                                m_result, m_banner);
        });
    });
    box->open();
}

} // namespace vc::ui
