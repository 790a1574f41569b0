#pragma once

#include <QDialog>

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
