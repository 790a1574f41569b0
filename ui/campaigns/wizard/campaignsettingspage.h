#pragma once

#include "campaigns/campaigntypes.h"

#include <QWizardPage>

#include <memory>

namespace Ui {
class CampaignSettingsPage;
}

namespace vc::ui {

class CampaignWizard;

// 2. The settings: service or file id, source, rate, window and zone, re-dials, the do-not-call list.
// Checked by CampaignSettings::validate(), the rule voicectl follows too, before the file is checked.
class CampaignSettingsPage final : public QWizardPage
{
    Q_OBJECT
public:
    explicit CampaignSettingsPage(CampaignWizard *wizard);
    ~CampaignSettingsPage() override;
    void initializePage() override;
    bool isComplete() const override;
    // The settings as checked (source in E.164, the service id chosen from the list); what the operator
    // typed, unchecked, while the page is not complete.
    CampaignSettings settings() const;
    QString serviceName() const;
    void retranslate();

private:
    CampaignSettings typed() const;
    SettingsScope scope() const;
    void revalidate();

    std::unique_ptr<Ui::CampaignSettingsPage> m_ui;
    CampaignWizard *m_wizard;
    bool m_servicesLoaded = false;
};

} // namespace vc::ui
