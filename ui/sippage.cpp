#include "sippage.h"
#include "stylepalette.h"

#include "common/jsoncodec.h"
#include "messagebanner.h"
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
    : QWidget(parent), m_session(session), m_banner(banner), m_idEdit(new QLineEdit(this)), m_lookUp(new QPushButton(this)),
      m_status(new QLabel(this)), m_form(new QWidget(this)), m_formLayout(new QFormLayout(m_form)),
      m_password(new QLineEdit(this)), m_clipboardTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("sipPage"));
    m_idEdit->setObjectName(QStringLiteral("sipIdEdit"));
    m_lookUp->setObjectName(QStringLiteral("sipLookUp"));
    m_status->setObjectName(QStringLiteral("sipStatus"));
    m_password->setObjectName(QStringLiteral("sipPassword"));
    m_form->setObjectName(QStringLiteral("sipForm"));
    m_lookUp->setIcon(QIcon(QStringLiteral(":/icons/sip.svg")));
    m_lookUp->setDefault(true);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_formLayout->setLabelAlignment(Qt::AlignRight);
    for (int i = 0; i < kFieldCount; ++i) {
        auto *value = new QLabel(m_form);
        value->setObjectName(QStringLiteral("sipField%1").arg(i));
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        value->setWordWrap(true);
        m_values.append(value);
        m_formLayout->addRow(new QLabel(m_form), value);
    }
    m_password->setReadOnly(true);
    m_password->setEchoMode(QLineEdit::Password);
    m_reveal = m_password->addAction(QIcon(QStringLiteral(":/icons/reveal.svg")), QLineEdit::TrailingPosition);
    m_reveal->setObjectName(QStringLiteral("revealSipPassword"));
    m_reveal->setCheckable(true);
    m_copy = m_password->addAction(QIcon(QStringLiteral(":/icons/copy.svg")), QLineEdit::TrailingPosition);
    m_copy->setObjectName(QStringLiteral("copySipPassword"));
    m_formLayout->addRow(new QLabel(m_form), m_password);
    m_form->hide();

    m_clipboardTimer->setSingleShot(true);
    connect(m_clipboardTimer, &QTimer::timeout, this, [this] {
        // Only if the clipboard still holds what we put there: never wipe something the operator copied since.
        if (QApplication::clipboard()->text() == m_copied)
            QApplication::clipboard()->clear();
        m_copied.clear();
    });
    connect(m_reveal, &QAction::toggled, this, [this](bool on) { m_password->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password); });
    connect(m_copy, &QAction::triggered, this, &SipPage::copyPassword);
    connect(m_lookUp, &QPushButton::clicked, this, &SipPage::lookUp);
    connect(m_idEdit, &QLineEdit::returnPressed, this, &SipPage::lookUp);
    connect(m_session, &Session::profileChanged, this, [this] {
        ++m_request;
        m_form->hide();
        m_password->clear();
        m_status->clear();
    });

    auto *row = new QHBoxLayout;
    row->addWidget(m_idEdit, 1);
    row->addWidget(m_lookUp);
    auto *column = new QVBoxLayout;
    column->addLayout(row);
    column->addWidget(m_status);
    column->addWidget(m_form);
    column->addStretch();
    auto *outer = new QHBoxLayout(this);
    outer->addLayout(column, 3);
    outer->addStretch(1);
    retranslate();
}

void SipPage::retranslate()
{
    m_idEdit->setPlaceholderText(tr("SIP resource id (sip_resource_id), e.g. 5202"));
    m_lookUp->setText(tr("&Look Up"));
    m_reveal->setToolTip(tr("Show or hide the password"));
    m_copy->setToolTip(tr("Copy the password (the clipboard is cleared after 30 seconds)"));
    const QStringList labels = {tr("SIP resource ID:"), tr("Name:"), tr("Description:"), tr("Number:"), tr("Login:"),
                                tr("Username:"), tr("Domain:"), tr("Install fee:"), tr("Subscription fee:"), tr("Application:"),
                                tr("Password:")};
    for (int i = 0; i < labels.size(); ++i) {
        if (auto *label = qobject_cast<QLabel *>(m_formLayout->itemAt(i, QFormLayout::LabelRole)->widget()))
            label->setText(labels.at(i));
    }
}

void SipPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void SipPage::lookUp()
{
    const auto id = ExolveValidation::sipResourceId(m_idEdit->text());
    if (!id.ok()) {
        m_status->setText(id.message());
        m_status->setStyleSheet(style::hintText(true));
        return;
    }
    const quint64 request = ++m_request;
    m_status->setStyleSheet(QString());
    m_status->setText(tr("Looking up…"));
    m_lookUp->setEnabled(false);
    m_session->exolve()->sipAttributes(id.value(), this, [this, request](const Result<SipAttributes> &r) {
        if (request != m_request)
            return;
        m_lookUp->setEnabled(true);
        if (!r) {
            m_form->hide();
            m_password->clear();
            m_status->setStyleSheet(style::hintText(true));
            m_status->setText(r.error().toDisplayString());
            return;
        }
        m_status->clear();
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
    m_password->setText(sip.password);
    m_form->show();
}

void SipPage::copyPassword()
{
    if (m_password->text().isEmpty())
        return;
    m_copied = m_password->text();
    QApplication::clipboard()->setText(m_copied);
    m_clipboardTimer->start(m_clearDelayMs);
    m_banner->showMessage(MessageBanner::Level::Info, tr("The SIP password is on the clipboard for %n second(s).", nullptr,
                                                         std::max(1, m_clearDelayMs / 1000)));
}

} // namespace vc::ui
