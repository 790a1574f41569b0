#include "ui/widgets/accessibility.h"

#include <QAbstractSpinBox>
#include <QAction>
#include <QComboBox>
#include <QCoreApplication>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

namespace vc::ui::a11y {

namespace {
struct Texts
{
    Q_DECLARE_TR_FUNCTIONS(Accessibility)
};
} // namespace

void name(QWidget *widget, const QString &name)
{
    widget->setAccessibleName(name);
    QLineEdit *inner = nullptr;
    if (auto *combo = qobject_cast<QComboBox *>(widget))
        inner = combo->lineEdit();
    else if (qobject_cast<QAbstractSpinBox *>(widget))
        inner = widget->findChild<QLineEdit *>();
    if (inner)
        inner->setAccessibleName(name);
}

void nameFromLabels(QWidget *root)
{
    const auto labels = root->findChildren<QLabel *>();
    for (QLabel *label : labels) {
        if (!label->buddy() || label->text().isEmpty())
            continue;
        QString text = label->text();
        text.remove(u'&');
        text = text.trimmed();
        if (text.endsWith(u':'))
            text.chop(1);
        name(label->buddy(), text);
    }
}

void nameFieldButtons(QLineEdit *edit)
{
    const auto buttons = edit->findChildren<QToolButton *>(QString(), Qt::FindDirectChildrenOnly);
    for (QToolButton *button : buttons) {
        const QAction *action = button->defaultAction();
        if (action && action->objectName() == QLatin1String("_q_qlineeditclearaction")) {
            button->setAccessibleName(Texts::tr("Clear"));
            button->setToolTip(Texts::tr("Clear"));
        } else if (action) {
            button->setAccessibleName(action->toolTip().isEmpty() ? action->text() : action->toolTip());
        }
    }
}

} // namespace vc::ui::a11y
