#include "ui/send/capoverride.h"

#include "ui/widgets/accessibility.h"

#include <QCoreApplication>
#include <QInputDialog>

namespace vc::ui {

void askCapOverride(QWidget *parent, const QString &number, const CapVerdict &over, std::function<void(const QString &)> then)
{
    auto *ask = new QInputDialog(parent);
    ask->setObjectName(QStringLiteral("capOverride"));
    ask->setWindowTitle(QCoreApplication::translate("CapOverride", "Over the contact policy's cap"));
    ask->setLabelText(QCoreApplication::translate("CapOverride", "The contact policy allows no more calls to %1 now: %2.\n\nTo call anyway, give the reason "
                         "(it is recorded in the contact ledger):")
                          .arg(number, over.reason));
    ask->setOkButtonText(QCoreApplication::translate("CapOverride", "Continue"));
    ask->setAttribute(Qt::WA_DeleteOnClose);
    a11y::name(ask, QCoreApplication::translate("CapOverride", "Over the contact policy's cap"));
    QObject::connect(ask, &QInputDialog::textValueSelected, ask, [then = std::move(then)](const QString &reason) {
        if (!reason.trimmed().isEmpty())
            then(reason.trimmed());
    });
    ask->open();
}

} // namespace vc::ui
