#pragma once

#include "common/apierror.h"
#include "exolve/exolvetypes.h"

#include <QDialog>

#include <memory>

namespace Ui {
class ServiceEditorDialog;
}

namespace vc::ui {

// Asks for a new service's fields, checking each as it is typed with the core's validation. OK stays
// disabled until all are valid. The dialog does not send anything: it emits submitted() and stays open
// until the page says the server accepted it (accept()) or shows the server's error inside it.
class ServiceEditorDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit ServiceEditorDialog(QWidget *parent = nullptr);
    ~ServiceEditorDialog() override;

    void setBusy(bool busy);
    void showServerError(const ApiError &error);

Q_SIGNALS:
    void submitted(const vc::NewVoiceService &service);

protected:
    void changeEvent(QEvent *event) override;

private:
    void revalidate();
    void fitHeight();
    void submit();

    std::unique_ptr<Ui::ServiceEditorDialog> m_ui;
    bool m_busy = false;
};

} // namespace vc::ui
