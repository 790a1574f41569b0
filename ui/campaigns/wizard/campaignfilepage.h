#pragma once

#include "campaigns/campaignplanner.h"

#include <QWizardPage>

#include <memory>

namespace Ui {
class CampaignFilePage;
}

namespace vc::ui {

class CampaignWizard;

// 1. The file: open or drop a CSV, see it as it will be read, map its columns.
class CampaignFilePage final : public QWizardPage
{
    Q_OBJECT
public:
    explicit CampaignFilePage(CampaignWizard *wizard);
    ~CampaignFilePage() override;
    bool isComplete() const override;
    void setFile(const QString &path);
    QString file() const;
    CsvOptions csvOptions() const;
    ColumnMap columns() const;
    void retranslate();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void readSample();
    void fillColumns();

    std::unique_ptr<Ui::CampaignFilePage> m_ui;
    CampaignWizard *m_wizard;
    FileSample m_sample;
};

} // namespace vc::ui
