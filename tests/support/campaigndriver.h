#pragma once

#include "ui/campaigns/campaignspage.h"
#include "ui/campaigns/wizard/campaigncheckpage.h"
#include "ui/campaigns/wizard/campaignfilepage.h"
#include "ui/campaigns/wizard/campaignsettingspage.h"
#include "ui/campaigns/wizard/campaignwizard.h"
#include "ui/shell/mainwindow.h"

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

// Opens the real New Campaign wizard from the Campaigns page; null when it did not show.
inline ui::CampaignWizard *openCampaignWizard(ui::MainWindow *window)
{
    window->campaignsPage()->openWizard();
    ui::CampaignWizard *wizard = nullptr;
    if (!QTest::qWaitFor([&] { return (wizard = window->findChild<ui::CampaignWizard *>()) && wizard->isVisible(); }, 5000))
        return nullptr;
    return wizard;
}

// On the settings page: the caller number typed, the first service chosen (Exolve), then `settings`.
inline bool fillCampaignSettings(ui::CampaignWizard *wizard, const std::function<void(QWidget *)> &settings = {})
{
    auto *settingsPage = wizard->settingsPage();
    typeInto(settingsPage->findChild<QLineEdit *>(QStringLiteral("sourceEdit")), QStringLiteral("+7 495 123-45-67"));
    auto *service = settingsPage->findChild<QComboBox *>(QStringLiteral("serviceCombo"));
    if (service->isVisible()) {
        if (!QTest::qWaitFor([&] { return service->count() > 0; }, 5000))
            return false;
        service->setCurrentIndex(0);
    }
    if (settings)
        settings(settingsPage);
    return true;
}

// Drives the real New Campaign wizard through its four pages: the file, the settings (see
// fillCampaignSettings), the check (waited for), the confirmation; `shoot` (may be empty) is called on
// each page with its name. Returns the journal path the campaigns page starts, empty when a page could
// not be passed.
inline QString runCampaignWizard(ui::MainWindow *window, const QString &csv, const std::function<void(QWidget *)> &settings = {},
                                 const std::function<void(const QString &)> &shoot = {})
{
    ui::CampaignWizard *wizard = openCampaignWizard(window);
    if (!wizard)
        return {};
    QString path;
    QObject::connect(wizard, &ui::CampaignWizard::campaignReady, wizard, [&path](const QString &p) { path = p; });
    wizard->filePage()->setFile(csv);
    if (shoot)
        shoot(QStringLiteral("file"));
    if (!wizard->filePage()->isComplete())
        return {};
    wizard->next();
    if (!fillCampaignSettings(wizard, settings))
        return {};
    if (shoot)
        shoot(QStringLiteral("settings"));
    if (!wizard->settingsPage()->isComplete())
        return {};
    wizard->next();
    if (!QTest::qWaitFor([&] { return wizard->checkPage()->isDone(); }, 30000))
        return {};
    if (shoot)
        shoot(QStringLiteral("check"));
    wizard->next();
    if (shoot)
        shoot(QStringLiteral("confirm"));
    wizard->accept();
    return path;
}

} // namespace vc::test
