#include "ui/shell/messagebanner.h"
#include "ui/widgets/lazyicon.h"
#include "ui/widgets/stylepalette.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>

namespace vc::ui {

MessageBanner::MessageBanner(QWidget *parent)
    : QFrame(parent), m_icon(new QLabel(this)), m_text(new QLabel(this)), m_action(new QPushButton(this)),
      m_close(new QToolButton(this))
{
    setObjectName(QStringLiteral("messageBanner"));
    m_text->setObjectName(QStringLiteral("bannerText"));
    m_action->setObjectName(QStringLiteral("bannerAction"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_close->setIcon(resourceIcon(QStringLiteral(":/icons/close.svg")));
    m_close->setAutoRaise(true);
    m_close->setObjectName(QStringLiteral("bannerDismiss"));
    retranslate();
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_action, 0, Qt::AlignVCenter);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    connect(m_action, &QPushButton::clicked, this, [this] {
        auto callback = m_callback;
        clear();
        if (callback)
            callback();
    });
    connect(m_close, &QToolButton::clicked, this, &MessageBanner::clear);
    hide();
}

void MessageBanner::showMessage(Level level, const QString &text, const QString &details, const QString &actionText,
                                std::function<void()> action)
{
    m_level = level;
    const char *icon = level == Level::Error ? ":/icons/error.svg" : level == Level::Warning ? ":/icons/warning.svg" : ":/icons/info.svg";
    m_icon->setPixmap(resourceIcon(QString::fromLatin1(icon)).pixmap(20, 20));
    m_icon->setAccessibleName(levelName(level));
    m_text->setText(text);
    m_text->setToolTip(details);
    setStyleSheet(style::messageBox(level == Level::Error     ? style::Tone::Error
                                    : level == Level::Warning ? style::Tone::Warning
                                                              : style::Tone::Info,
                                    QStringLiteral("#messageBanner")));
    m_callback = std::move(action);
    m_action->setVisible(!actionText.isEmpty());
    m_action->setText(actionText);
    show();
}

QString MessageBanner::levelName(Level level)
{
    switch (level) {
    case Level::Error:
        return tr("Error");
    case Level::Warning:
        return tr("Warning");
    case Level::Info:
        break;
    }
    return tr("Information");
}

void MessageBanner::retranslate()
{
    m_close->setToolTip(tr("Dismiss"));
    m_close->setAccessibleName(tr("Dismiss the message"));
    m_icon->setAccessibleName(levelName(m_level));
}

void MessageBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QFrame::changeEvent(event);
}

void MessageBanner::clear()
{
    m_callback = {};
    m_text->clear();
    hide();
}

QString MessageBanner::text() const
{
    return m_text->text();
}

} // namespace vc::ui
