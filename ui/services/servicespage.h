#pragma once

#include "common/apierror.h"
#include "exolve/exolvetypes.h"

#include <QPointer>
#include <QWidget>

#include <memory>

class QAction;
class QLabel;
class QLineEdit;
class QSplitter;
class QStackedWidget;
class QTableView;
class QFormLayout;

namespace vc {
class Session;
}

namespace Ui {
class ServicesPage;
}

namespace vc::ui {

class MessageBanner;
class ServiceEditorDialog;
class ServiceFilterProxy;
class ServiceListModel;

// Voice-message services: the filtered, sortable list, the details of the selected one, creating and
// deleting. It talks to the API through the session's client and reports problems in the window's
// banner.
class ServicesPage final : public QWidget
{
    Q_OBJECT
public:
    ServicesPage(Session *session, MessageBanner *banner, QWidget *parent = nullptr);
    ~ServicesPage() override;

    QAction *refreshAction() const { return m_refresh; }
    QAction *newAction() const { return m_new; }
    QAction *deleteAction() const { return m_delete; }
    QAction *copyAction() const { return m_copy; }
    QAction *filterAction() const { return m_filter; }
    QList<QAction *> actions() const;
    QSplitter *splitter() const { return m_splitter; }
    QTableView *table() const { return m_table; }
    ServiceListModel *model() const { return m_model; }

    void refresh();
    void setPageActive(bool active);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showEmptyHint();
    void showList(const QList<VoiceService> &services, const QString &select);
    void updateCounts();
    void updateActions();
    void loadDetails();
    void openCreateDialog();
    void confirmDelete();
    void deleteServices(const QList<QPair<QString, QString>> &selected);
    void copyIds();
    QList<QPair<QString, QString>> selectedServices() const; // id, name

    std::unique_ptr<Ui::ServicesPage> m_ui;
    Session *m_session;
    MessageBanner *m_banner;
    ServiceListModel *m_model;
    ServiceFilterProxy *m_proxy;
    // The form's widgets most used, by their roles.
    QLineEdit *m_filterEdit;
    QTableView *m_table;
    QSplitter *m_splitter;
    QList<QLabel *> m_detailValues;
    QAction *m_refresh;
    QAction *m_new;
    QAction *m_delete;
    QAction *m_copy;
    QAction *m_filter;
    QPointer<ServiceEditorDialog> m_editor;
    bool m_pageActive = false;
    bool m_loaded = false;
    bool m_loading = false;
    bool m_deleting = false;
    quint64 m_detailsRequest = 0;
    quint64 m_listRequest = 0;
};

} // namespace vc::ui
