#pragma once

#include <QWizardPage>

#include "policy/contactledger.h"

#include <memory>

namespace Ui {
class CampaignConfirmPage;
}

namespace vc {
class CampaignTestCall;
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
    // Not while a test call is on its way: its end comes first.
    bool isComplete() const override;

private:
    void updateDetails();
    void placeTestCall();

    std::unique_ptr<Ui::CampaignConfirmPage> m_ui;
    CampaignWizard *m_wizard;
    QString m_balance;
    ContactLedger m_ledger;
    CampaignTestCall *m_test = nullptr; // a test call on its way
};

} // namespace vc::ui
