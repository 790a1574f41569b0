#pragma once

#include "common/apierror.h"
#include "exolve/exolvetypes.h"

#include <QPointer>
#include <QWidget>

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

    Session *m_session;
    MessageBanner *m_banner;
    ServiceListModel *m_model;
    ServiceFilterProxy *m_proxy;
    QLineEdit *m_filterEdit;
    QLabel *m_countLabel;
    QStackedWidget *m_listStack;
    QTableView *m_table;
    QLabel *m_emptyLabel;
    QLabel *m_loadingLabel;
    QSplitter *m_splitter;
    QStackedWidget *m_detailsStack;
    QLabel *m_detailsHint;
    QLabel *m_detailsStatus;
    QWidget *m_detailsForm;
    QList<QLabel *> m_detailValues;
    QList<QLabel *> m_detailLabels;
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
