#pragma once

#include "campaignspage.h"
#include "campaignwizard.h"
#include "mainwindow.h"

#include <QComboBox>
#include <QLineEdit>
#include <QTest>

#include <functional>

namespace vc::test {

// Types into a line edit key by key, as a person does (the checks run as typed).
inline void typeInto(QLineEdit *edit, const QString &text)
{
    edit->clear();
    for (const QChar ch : text)
        QTest::sendKeyEvent(QTest::Click, edit, Qt::Key_unknown, QString(ch), Qt::NoModifier);
}

// Drives the real New Campaign wizard through its four pages: the file, the check (waited for), the
// settings (caller number typed, the first service chosen, then `settings` for the rest), the
// confirmation; `shoot` (may be empty) is called on each page with its name. Returns the journal path
// the campaigns page starts, empty when a page could not be passed.
inline QString runCampaignWizard(ui::MainWindow *window, const QString &csv, const std::function<void(QWidget *)> &settings = {},
                                 const std::function<void(const QString &)> &shoot = {})
{
    auto *page = window->campaignsPage();
    page->openWizard();
    ui::CampaignWizard *wizard = nullptr;
    if (!QTest::qWaitFor([&] { return (wizard = window->findChild<ui::CampaignWizard *>()) && wizard->isVisible(); }, 5000))
        return {};
    QString path;
    QObject::connect(wizard, &ui::CampaignWizard::campaignReady, wizard, [&path](const QString &p) { path = p; });
    wizard->filePage()->setFile(csv);
    if (shoot)
        shoot(QStringLiteral("file"));
    if (!wizard->filePage()->isComplete())
        return {};
    wizard->next();
    if (!QTest::qWaitFor([&] { return wizard->checkPage()->isDone(); }, 30000))
        return {};
    if (shoot)
        shoot(QStringLiteral("check"));
    wizard->next();
    auto *settingsPage = wizard->settingsPage();
    typeInto(settingsPage->findChild<QLineEdit *>(QStringLiteral("sourceEdit")), QStringLiteral("+7 495 123-45-67"));
    auto *service = settingsPage->findChild<QComboBox *>(QStringLiteral("serviceCombo"));
    if (service->isVisible()) {
        if (!QTest::qWaitFor([&] { return service->count() > 0; }, 5000))
            return {};
        service->setCurrentIndex(0);
    }
    if (settings)
        settings(settingsPage);
    if (shoot)
        shoot(QStringLiteral("settings"));
    if (!settingsPage->isComplete())
        return {};
    wizard->next();
    if (shoot)
        shoot(QStringLiteral("confirm"));
    wizard->accept();
    return path;
}

} // namespace vc::test
