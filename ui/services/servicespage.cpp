#include "ui/services/servicespage.h"
#include "ui/widgets/lazyicon.h"
#include "ui_servicespage.h"
#include "ui/widgets/accessibility.h"

#include "common/jsoncodec.h"
#include "ui/shell/messagebanner.h"
#include "ui/services/serviceeditordialog.h"
#include "ui/services/servicefilterproxy.h"
#include "ui/services/servicelistmodel.h"
#include "accounts/session.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace vc::ui {

namespace {
QAction *makeAction(QObject *parent, const char *name, const char *icon, const QKeySequence &shortcut)
{
    auto *a = new QAction(parent);
    a->setObjectName(QLatin1String(name));
    if (icon)
        a->setIcon(resourceIcon(QLatin1String(icon)));
    a->setShortcut(shortcut);
    return a;
}

QString quoted(const QString &name)
{
    return ServicesPage::tr("«%1»").arg(name);
}
} // namespace

ServicesPage::ServicesPage(Session *session, MessageBanner *banner, QWidget *parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::ServicesPage>()), m_session(session), m_banner(banner),
      m_model(new ServiceListModel(this)), m_proxy(new ServiceFilterProxy(m_model, this))
{
    m_ui->setupUi(this);
    m_filterEdit = m_ui->serviceFilter;
    m_table = m_ui->servicesTable;
    m_splitter = m_ui->servicesSplitter;
    m_refresh = makeAction(this, "refreshServices", ":/icons/refresh.svg", QKeySequence::Refresh);
    m_new = makeAction(this, "newService", ":/icons/add.svg", QKeySequence::New);
    m_delete = makeAction(this, "deleteServices", ":/icons/delete.svg", QKeySequence::Delete);
    m_copy = makeAction(this, "copyServiceIds", ":/icons/copy.svg", QKeySequence::Copy);
    m_filter = makeAction(this, "filterServices", ":/icons/filter.svg", QKeySequence::Find);
    connect(m_refresh, &QAction::triggered, this, &ServicesPage::refresh);
    connect(m_new, &QAction::triggered, this, &ServicesPage::openCreateDialog);
    connect(m_delete, &QAction::triggered, this, &ServicesPage::confirmDelete);
    connect(m_copy, &QAction::triggered, this, &ServicesPage::copyIds);
    connect(m_filter, &QAction::triggered, this, [this] {
        m_filterEdit->setFocus();
        m_filterEdit->selectAll();
    });

    m_filterEdit->addAction(m_filter, QLineEdit::LeadingPosition); // the icon in the field is the Filter action
    connect(m_filterEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterText(text);
        updateCounts();
    });

    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ServiceListModel::CreatedColumn, Qt::DescendingOrder);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->setColumnWidth(ServiceListModel::NameColumn, 230);
    m_table->setColumnWidth(ServiceListModel::IdColumn, 270);
    connect(m_table, &QTableView::customContextMenuRequested, this, [this](const QPoint &pos) {
        auto *menu = new QMenu(this);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->addActions({m_new, m_delete, m_copy});
        menu->addSeparator();
        menu->addAction(m_refresh);
        menu->popup(m_table->viewport()->mapToGlobal(pos));
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateActions();
        loadDetails();
    });
    connect(m_ui->servicesEmpty, &QLabel::linkActivated, this, &ServicesPage::openCreateDialog);
    for (int i = 0; i < 6; ++i)
        m_detailValues.append(findChild<QLabel *>(QStringLiteral("detail%1").arg(i)));

    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({760, 340}); // until the operator's own split is restored

    connect(m_session, &Session::profileChanged, this, [this] {
        m_loaded = false;
        m_model->setServices({});
        updateCounts();
        updateActions();
        if (m_pageActive)
            refresh();
    });
    retranslate();
    updateActions();
    m_ui->serviceListStack->setCurrentWidget(m_ui->servicesLoading);
}

ServicesPage::~ServicesPage() = default;

QList<QAction *> ServicesPage::actions() const
{
    return {m_refresh, m_new, m_delete, m_copy, m_filter};
}

void ServicesPage::setPageActive(bool active)
{
    m_pageActive = active;
    for (QAction *a : actions())
        a->setVisible(active);
    if (active) {
        updateActions();
        if (!m_loaded && !m_loading)
            refresh();
    }
}

void ServicesPage::retranslate()
{
    m_ui->retranslateUi(this);
    m_refresh->setText(tr("&Refresh"));
    m_refresh->setToolTip(tr("Reload the service list (F5)"));
    m_new->setText(tr("&New Service…"));
    m_new->setToolTip(tr("Create a voice-message service (Ctrl+N)"));
    m_delete->setText(tr("&Delete"));
    m_delete->setToolTip(tr("Delete the selected services (Del)"));
    m_copy->setText(tr("&Copy IDs"));
    m_filter->setText(tr("&Filter"));
    a11y::name(m_filterEdit, tr("Filter services by name or ID"));
    a11y::nameFieldButtons(m_filterEdit);
    a11y::name(m_table, tr("Voice-message services"));
    if (m_loaded && m_ui->serviceListStack->currentWidget() == m_ui->servicesEmpty)
        showEmptyHint(); // an error text stays as the server's words were
    m_model->retranslate();
    updateCounts();
}

void ServicesPage::showEmptyHint()
{
    m_ui->servicesEmpty->setText(tr("<p style='font-size:large'>No voice-message services yet</p>"
                             "<p><a href='#new'>Create one</a> to send voice messages with it.</p>"));
}

void ServicesPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ServicesPage::refresh()
{
    if (!m_session->isActive() || m_session->isLegacy())
        return;
    const quint64 request = ++m_listRequest;
    m_loading = true;
    if (!m_loaded)
        m_ui->serviceListStack->setCurrentWidget(m_ui->servicesLoading);
    QString selected;
    if (const QModelIndex current = m_table->currentIndex(); current.isValid())
        selected = current.data(ServiceListModel::IdRole).toString();
    m_session->exolve()->listServices(this, [this, request, selected](const Result<QList<VoiceService>> &r) {
        if (request != m_listRequest)
            return; // a newer refresh (or a profile switch) overtook this one
        m_loading = false;
        if (!r) {
            m_banner->showMessage(MessageBanner::Level::Error, tr("Could not load the services: %1").arg(r.error().explanation),
                                  r.error().serverMessage, tr("Retry"), [this] { refresh(); });
            if (!m_loaded) {
                m_ui->servicesEmpty->setText(tr("<p>The services could not be loaded.</p><p>%1</p>").arg(r.error().explanation.toHtmlEscaped()));
                m_ui->serviceListStack->setCurrentWidget(m_ui->servicesEmpty);
            }
            return;
        }
        if (m_banner->level() == MessageBanner::Level::Error)
            m_banner->clear();
        showList(r.value(), selected);
    });
}

void ServicesPage::showList(const QList<VoiceService> &services, const QString &select)
{
    m_loaded = true;
    m_model->setServices(services);
    if (services.isEmpty())
        showEmptyHint(); // set only when shown: a rich-text label costs its layout in every size hint
    m_ui->serviceListStack->setCurrentWidget(services.isEmpty() ? static_cast<QWidget *>(m_ui->servicesEmpty) : m_table);
    if (!select.isEmpty()) {
        const int row = m_model->rowOf(select);
        if (row >= 0) {
            const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
            m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            m_table->scrollTo(index);
        }
    }
    updateCounts();
    updateActions();
    loadDetails();
}

void ServicesPage::updateCounts()
{
    const int shown = m_proxy->rowCount();
    const int total = m_model->count();
    m_ui->serviceCount->setText(shown == total ? tr("%n service(s)", nullptr, total) : tr("%1 of %2 shown").arg(shown).arg(total));
}

void ServicesPage::updateActions()
{
    const bool active = m_session->isActive();
    const bool hasSelection = m_table->selectionModel()->hasSelection();
    m_refresh->setEnabled(active);
    m_new->setEnabled(active);
    m_delete->setEnabled(active && hasSelection && !m_deleting);
    m_copy->setEnabled(hasSelection);
}

QList<QPair<QString, QString>> ServicesPage::selectedServices() const
{
    QList<QPair<QString, QString>> selected;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows) {
        const VoiceService &s = m_model->at(m_proxy->mapToSource(index).row());
        selected.append({s.id, s.name});
    }
    return selected;
}

void ServicesPage::loadDetails()
{
    const auto selected = selectedServices();
    const quint64 request = ++m_detailsRequest;
    if (selected.size() != 1) {
        m_ui->serviceDetailsHint->setText(selected.isEmpty() ? tr("Select a service to see its details.")
                                                  : tr("%n service(s) selected.", nullptr, int(selected.size())));
        m_ui->serviceDetailsStack->setCurrentWidget(m_ui->serviceDetailsHint);
        return;
    }
    m_ui->serviceDetailsStatus->setText(tr("Loading details…"));
    m_ui->serviceDetailsStack->setCurrentWidget(m_ui->serviceDetailsStatus);
    m_session->exolve()->serviceInfo(selected.first().first, this, [this, request](const Result<VoiceServiceDetails> &r) {
        if (request != m_detailsRequest)
            return;
        if (!r) {
            m_ui->serviceDetailsStatus->setText(tr("Could not load the details: %1").arg(r.error().toDisplayString()));
            return;
        }
        const VoiceServiceDetails &d = r.value();
        const QStringList values = {d.name,
                                    d.id,
                                    QString::number(d.digit),
                                    d.redirectNumber,
                                    json::uint64ToString(d.mediaId),
                                    d.createdAt.isValid() ? QLocale().toString(d.createdAt.toLocalTime(), QLocale::LongFormat) : QString()};
        for (int i = 0; i < values.size(); ++i)
            m_detailValues[i]->setText(values[i]);
        m_ui->serviceDetailsStack->setCurrentWidget(m_ui->serviceDetails);
    });
}

void ServicesPage::openCreateDialog()
{
    if (!m_session->isActive())
        return;
    if (m_editor) {
        m_editor->raise();
        return;
    }
    m_editor = new ServiceEditorDialog(window());
    m_editor->setObjectName(QStringLiteral("serviceEditor"));
    m_editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_editor, &ServiceEditorDialog::submitted, this, [this](const NewVoiceService &service) {
        QPointer<ServiceEditorDialog> dialog = m_editor;
        dialog->setBusy(true);
        m_session->exolve()->createService(service, this, [this, dialog, name = service.name](const Result<QString> &r) {
            if (!r) {
                if (dialog)
                    dialog->showServerError(r.error());
                return;
            }
            if (dialog)
                dialog->accept();
            m_banner->showMessage(MessageBanner::Level::Info, tr("Service %1 created.").arg(quoted(name)));
            m_session->exolve()->listServices(this, [this, id = r.value()](const Result<QList<VoiceService>> &list) {
                if (list)
                    showList(list.value(), id);
            });
        });
    });
    m_editor->open();
}

void ServicesPage::confirmDelete()
{
    const auto selected = selectedServices();
    if (selected.isEmpty() || m_deleting)
        return;
    QStringList names;
    for (const auto &[id, name] : selected)
        names.append(tr("%1 (%2)").arg(quoted(name), id));
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Delete services"),
                                tr("Delete %n service(s)?", nullptr, int(selected.size())), QMessageBox::Yes | QMessageBox::Cancel,
                                window());
    box->setObjectName(QStringLiteral("deleteConfirmation"));
    box->setInformativeText(names.mid(0, 10).join(u'\n') +
                            (names.size() > 10 ? u'\n' + tr("…and %n more", nullptr, int(names.size() - 10)) : QString()) +
                            QStringLiteral("\n\n") + tr("This cannot be undone."));
    box->button(QMessageBox::Yes)->setText(tr("Delete"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, selected](int) {
        if (box->clickedButton() != box->button(QMessageBox::Yes))
            return;
        m_deleting = true;
        updateActions();
        deleteServices(selected);
    });
    box->open();
}

void ServicesPage::deleteServices(const QList<QPair<QString, QString>> &selected)
{
    QStringList ids;
    QHash<QString, QString> names;
    for (const auto &[id, name] : selected) {
        ids.append(id);
        names.insert(id, name);
    }
    const int total = int(ids.size());
    auto failures = std::make_shared<QStringList>();
    ExolveClient::DeleteSteps steps;
    steps.starting = [this, total, names](int index, const QString &id) {
        if (total > 1)
            m_banner->showMessage(MessageBanner::Level::Info,
                                  tr("Deleting %1 of %2: %3…").arg(index + 1).arg(total).arg(quoted(names.value(id))));
    };
    steps.each = [failures, names](const QString &id, const Result<Empty> &r) {
        if (!r)
            failures->append(tr("%1 — %2").arg(quoted(names.value(id)), r.error().toDisplayString()));
    };
    steps.finished = [this, total, failures](bool) {
        m_deleting = false;
        const int deleted = total - int(failures->size());
        if (failures->isEmpty())
            m_banner->showMessage(MessageBanner::Level::Info, tr("Deleted %n service(s).", nullptr, total));
        else
            m_banner->showMessage(MessageBanner::Level::Warning,
                                  tr("Deleted %1 of %2. Not deleted:").arg(deleted).arg(total) + u'\n' + failures->join(u'\n'));
        refresh();
    };
    m_session->exolve()->deleteServices(ids, this, steps);
}

void ServicesPage::copyIds()
{
    QStringList ids;
    for (const auto &s : selectedServices())
        ids.append(s.first);
    if (!ids.isEmpty())
        QApplication::clipboard()->setText(ids.join(u'\n'));
}

} // namespace vc::ui
