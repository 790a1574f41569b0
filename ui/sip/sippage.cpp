#include "ui/sip/sippage.h"
#include "ui/widgets/lazyicon.h"
#include "ui_sippage.h"
#include "ui/widgets/accessibility.h"
#include "ui/widgets/stylepalette.h"

#include "common/jsoncodec.h"
#include "ui/shell/messagebanner.h"
#include "accounts/session.h"
#include "exolve/exolvevalidation.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace vc::ui {

namespace {
constexpr int kFieldCount = 10;
}

SipPage::SipPage(Session *session, MessageBanner *banner, QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::SipPage>()), m_session(session), m_banner(banner),
      m_clipboardTimer(new QTimer(this))
{
    m_ui->setupUi(this);
    for (int i = 0; i < kFieldCount; ++i)
        m_values.append(findChild<QLabel *>(QStringLiteral("sipField%1").arg(i)));
    m_reveal = m_ui->sipPassword->addAction(resourceIcon(QStringLiteral(":/icons/reveal.svg")), QLineEdit::TrailingPosition);
    m_reveal->setObjectName(QStringLiteral("revealSipPassword"));
    m_reveal->setCheckable(true);
    m_copy = m_ui->sipPassword->addAction(resourceIcon(QStringLiteral(":/icons/copy.svg")), QLineEdit::TrailingPosition);
    m_copy->setObjectName(QStringLiteral("copySipPassword"));
    m_ui->sipForm->hide();

    m_clipboardTimer->setSingleShot(true);
    connect(m_clipboardTimer, &QTimer::timeout, this, [this] {
        // Only if the clipboard still holds what we put there: never wipe something the operator copied since.
        if (QApplication::clipboard()->text() == m_copied)
            QApplication::clipboard()->clear();
        m_copied.clear();
    });
    connect(m_reveal, &QAction::toggled, this,
            [this](bool on) { m_ui->sipPassword->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password); });
    connect(m_copy, &QAction::triggered, this, &SipPage::copyPassword);
    connect(m_ui->sipLookUp, &QPushButton::clicked, this, &SipPage::lookUp);
    connect(m_ui->sipIdEdit, &QLineEdit::returnPressed, this, &SipPage::lookUp);
    connect(m_session, &Session::profileChanged, this, [this] {
        ++m_request;
        m_ui->sipForm->hide();
        m_ui->sipPassword->clear();
        m_ui->sipStatus->clear();
    });
    retranslate();
}

SipPage::~SipPage() = default;

void SipPage::retranslate()
{
    m_ui->retranslateUi(this);
    m_reveal->setToolTip(tr("Show or hide the password"));
    m_copy->setToolTip(tr("Copy the password (the clipboard is cleared after 30 seconds)"));
    a11y::nameFromLabels(this);
    a11y::name(m_ui->sipIdEdit, tr("SIP resource id"));
    a11y::nameFieldButtons(m_ui->sipPassword);
}

void SipPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void SipPage::lookUp()
{
    const auto id = ExolveValidation::sipResourceId(m_ui->sipIdEdit->text());
    if (!id.ok()) {
        m_ui->sipStatus->setText(id.message());
        m_ui->sipStatus->setStyleSheet(style::hintText(true));
        return;
    }
    const quint64 request = ++m_request;
    m_ui->sipStatus->setStyleSheet(QString());
    m_ui->sipStatus->setText(tr("Looking up…"));
    m_ui->sipLookUp->setEnabled(false);
    m_session->exolve()->sipAttributes(id.value(), this, [this, request](const Result<SipAttributes> &r) {
        if (request != m_request)
            return;
        m_ui->sipLookUp->setEnabled(true);
        if (!r) {
            m_ui->sipForm->hide();
            m_ui->sipPassword->clear();
            m_ui->sipStatus->setStyleSheet(style::hintText(true));
            m_ui->sipStatus->setText(r.error().toDisplayString());
            return;
        }
        m_ui->sipStatus->clear();
        showAttributes(r.value());
    });
}

void SipPage::showAttributes(const SipAttributes &sip)
{
    const QLocale locale;
    const auto fee = [&locale](const std::optional<double> &v) { return v ? locale.toString(*v, 'f', 2) : QStringLiteral("—"); };
    const QStringList values = {json::uint64ToString(sip.sipResourceId),
                                sip.sipName,
                                sip.description,
                                sip.numberCode ? json::uint64ToString(*sip.numberCode) : QStringLiteral("—"),
                                sip.login,
                                sip.username,
                                sip.domain,
                                fee(sip.installFee),
                                fee(sip.subscriptionFee),
                                sip.applicationUuid};
    for (int i = 0; i < values.size(); ++i)
        m_values[i]->setText(values.at(i));
    m_reveal->setChecked(false);
    m_ui->sipPassword->setText(sip.password);
    m_ui->sipForm->show();
}

void SipPage::copyPassword()
{
    if (m_ui->sipPassword->text().isEmpty())
        return;
    m_copied = m_ui->sipPassword->text();
    QApplication::clipboard()->setText(m_copied);
    m_clipboardTimer->start(m_clearDelayMs);
    m_banner->showMessage(MessageBanner::Level::Info, tr("The SIP password is on the clipboard for %n second(s).", nullptr,
                                                         std::max(1, m_clearDelayMs / 1000)));
}

} // namespace vc::ui
