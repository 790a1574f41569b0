#pragma once

#include "campaigns/donotcall.h"

#include <QDialog>

#include <functional>

#include <memory>

class QSortFilterProxyModel;
class QStringListModel;

namespace Ui {
class DoNotCallDialog;
}

namespace vc::ui {

// Tools → Do-Not-Call List…: the list `voicectl dnc` keeps, in the shared data folder. Numbers are
// normalised and checked as typed; every change is written at once (under the list's lock).
class DoNotCallDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit DoNotCallDialog(QWidget *parent = nullptr);
    ~DoNotCallDialog() override;

    void reload();
    void showHistoryOf(const QList<ContactLedger::DoNotCallEvent> &events);
    // Reads the list, applies `edit`, then `done` -- on a worker thread on a team store.
    void change(std::function<Result<DoNotCallList::Change, StorageError>(DoNotCallList &)> edit,
                std::function<void(const DoNotCallList::Change &)> done);
    // false: not a phone number, nothing asked. Else it is added -- at once on this computer's store, a
    // moment later on a team store; a failure is said in the dialog.
    bool addNumber(const QString &number);
    int count() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void revalidate();
    void removeSelected();
    void importFile();
    void exportFile();
    void showHistory();

    std::unique_ptr<Ui::DoNotCallDialog> m_ui;
    QString m_path;
    QStringListModel *m_model;
    QSortFilterProxyModel *m_filter;
};

} // namespace vc::ui
