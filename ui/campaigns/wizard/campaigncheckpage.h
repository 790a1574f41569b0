#pragma once

#include "campaigns/campaigntypes.h"

#include <QWizardPage>

#include <atomic>
#include <memory>

class QThread;
class QTimer;

namespace Ui {
class CampaignCheckPage;
}

namespace vc::ui {

class CampaignRowsModel;
class CampaignWizard;

// 3. The check: the whole file through the engine's preview (CampaignDraft::preview) with the settings of
// the previous page, on a thread of its own.
class CampaignCheckPage final : public QWizardPage
{
    Q_OBJECT
public:
    explicit CampaignCheckPage(CampaignWizard *wizard);
    ~CampaignCheckPage() override;
    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    bool isDone() const { return m_done; }
    const CampaignCounts &counts() const { return m_counts; }
    void retranslate();
    CampaignRowsModel *model() const { return m_model; }

private:
    void stop();
    void finished(const QString &error);
    void applyFilter();
    void exportProblems();

    std::unique_ptr<Ui::CampaignCheckPage> m_ui;
    CampaignWizard *m_wizard;
    CampaignRowsModel *m_model;
    QThread *m_thread = nullptr;
    QTimer *m_poll;
    std::shared_ptr<std::atomic<qint64>> m_rows;
    std::shared_ptr<std::atomic<bool>> m_abort;
    CampaignCounts m_counts;
    bool m_done = false;
};

} // namespace vc::ui
