#include "placeholderpage.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace vc::ui {

PlaceholderPage::PlaceholderPage(std::function<QString()> text, QWidget *parent)
    : QWidget(parent), m_text(std::move(text)), m_label(new QLabel(this))
{
    m_label->setAlignment(Qt::AlignCenter);
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::RichText);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_label);
    m_label->setText(m_text());
}

void PlaceholderPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        m_label->setText(m_text());
    QWidget::changeEvent(event);
}

} // namespace vc::ui
