#pragma once

#include <QWizardPage>

#include <memory>

namespace Ui {
class CampaignConfirmPage;
}

namespace vc::ui {

class CampaignWizard;

// 4. The question, with the real counts and how long it will take. Nothing is called before it is accepted.
class CampaignConfirmPage final : public QWizardPage
{
    Q_OBJECT
public:
    explicit CampaignConfirmPage(CampaignWizard *wizard);
    ~CampaignConfirmPage() override;
    void initializePage() override;
    void retranslate();
    // The confirmation failed: why, in place of the sandbox note.
    void showError(const QString &message);

private:
    void updateDetails();

    std::unique_ptr<Ui::CampaignConfirmPage> m_ui;
    CampaignWizard *m_wizard;
    QString m_balance;
};

} // namespace vc::ui
