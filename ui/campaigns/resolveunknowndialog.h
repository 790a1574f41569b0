#pragma once

#include "campaigns/campaignreconciler.h"

#include <QDialog>

#include <memory>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace vc {
class ExolveClient;
}

namespace vc::ui {

// Campaigns → Resolve Unknown…: each row of a campaign whose outcome is unknown, with what Exolve's call
// history says of it (placed, with its call id; not placed after the settle time; still unknown, and
// why). Asks at once when opened; the journal is written as each answer comes. Not for integrationapi.net,
// which has no call history to ask (the dialog says so and asks nothing).
class ResolveUnknownDialog final : public QDialog
{
    Q_OBJECT
public:
    // `historyPath`: the shared call history, whose "outcome unknown" records take the ids found.
    ResolveUnknownDialog(const QString &journalPath, ExolveClient *client, const QString &historyPath, QWidget *parent = nullptr);
    ~ResolveUnknownDialog() override;

    // Asks the history now (again: the settle time may have passed since).
    void ask();
    bool isAsking() const { return m_reconciler != nullptr; }
    QList<ReconcileVerdict> verdicts() const { return m_verdicts; }

Q_SIGNALS:
    void resolved(const QString &journalPath); // the journal changed
    void askFinished();                        // every row asked about (or the asking failed); journal closed

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void judged(const ReconcileVerdict &v);
    void finished(const QList<ReconcileVerdict> &verdicts, const QString &error);
    int rowOf(qint64 line) const;

    QString m_path;
    ExolveClient *m_client;
    QString m_historyPath;
    std::unique_ptr<CampaignJournal> m_journal;
    std::unique_ptr<CampaignReconciler> m_reconciler;
    QList<ReconcileVerdict> m_verdicts;
    QLabel *m_intro;
    QLabel *m_settleLabel;
    QSpinBox *m_settle;
    QTableWidget *m_table;
    QLabel *m_summary;
    QCheckBox *m_auto;
    QPushButton *m_askButton;
    QDialogButtonBox *m_buttons;
    bool m_legacy = false;
};

} // namespace vc::ui
