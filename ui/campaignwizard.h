#pragma once

#include "campaigns/campaignplanner.h"

#include <QWizard>
#include <QWizardPage>

#include <atomic>
#include <memory>

class QThread;
class QTimer;

namespace vc {
class Session;
}

namespace Ui {
class CampaignFilePage;
class CampaignCheckPage;
class CampaignSettingsPage;
class CampaignConfirmPage;
}

namespace vc::ui {

class CampaignRowsModel;
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

// 2. The check: the whole file through the engine's preview, on a thread of its own.
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
    bool hasServiceColumn() const { return m_serviceColumn; }
    bool hasFileColumn() const { return m_fileColumn; }
    qint64 rowsWithZone() const { return m_rowsWithZone; }
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
    bool m_serviceColumn = false;
    bool m_fileColumn = false;
    qint64 m_rowsWithZone = 0;
};

// 3. The settings: service or file id, source, rate, window and zone, re-dials, the do-not-call list.
class CampaignSettingsPage final : public QWizardPage
{
    Q_OBJECT
public:
    explicit CampaignSettingsPage(CampaignWizard *wizard);
    ~CampaignSettingsPage() override;
    void initializePage() override;
    bool isComplete() const override;
    CampaignSettings settings() const;
    QString serviceName() const;
    void retranslate();

private:
    void revalidate();
    void updateEstimate();

    std::unique_ptr<Ui::CampaignSettingsPage> m_ui;
    CampaignWizard *m_wizard;
    bool m_servicesLoaded = false;
    QString m_balance;
};

// 4. The question, with the real counts. Nothing is called before it is accepted.
class CampaignConfirmPage final : public QWizardPage
{
    Q_OBJECT
public:
    explicit CampaignConfirmPage(CampaignWizard *wizard);
    ~CampaignConfirmPage() override;
    void initializePage() override;
    void retranslate();

private:
    std::unique_ptr<Ui::CampaignConfirmPage> m_ui;
    CampaignWizard *m_wizard;
};

class CampaignWizard final : public QWizard
{
    Q_OBJECT
public:
    enum PageId { FilePageId, CheckPageId, SettingsPageId, ConfirmPageId };

    CampaignWizard(Session *session, const QString &folder, QWidget *parent = nullptr);
    ~CampaignWizard() override;

    Session *session() const { return m_session; }
    QString journalPath() const { return m_journalPath; }
    void setJournalPath(const QString &path) { m_journalPath = path; }
    void discardJournal();
    QString folder() const { return m_folder; }
    CampaignFilePage *filePage() const { return m_file; }
    CampaignCheckPage *checkPage() const { return m_check; }
    CampaignSettingsPage *settingsPage() const { return m_settings; }
    CampaignConfirmPage *confirmPage() const { return m_confirm; }
    bool isLegacy() const;

    void accept() override;
    void reject() override;

Q_SIGNALS:
    // The journal is ready (settings saved): the page starts it.
    void campaignReady(const QString &journalPath);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    Session *m_session;
    QString m_folder;
    QString m_journalPath;
    CampaignFilePage *m_file;
    CampaignCheckPage *m_check;
    CampaignSettingsPage *m_settings;
    CampaignConfirmPage *m_confirm;
};

} // namespace vc::ui
