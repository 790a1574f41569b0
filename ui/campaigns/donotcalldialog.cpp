#include "ui/campaigns/donotcalldialog.h"

#include "common/offthread.h"
#include "store/teamstore.h"
#include "ui/widgets/lazyicon.h"
#include "ui_donotcalldialog.h"

#include "ui/widgets/accessibility.h"
#include "campaigns/donotcall.h"
#include "common/validation.h"
#include "ui/widgets/stylepalette.h"

#include <QDir>
#include <QHeaderView>
#include <QLineEdit>
#include <QLocale>
#include <QFileInfo>
#include <QDialogButtonBox>
#include <QVBoxLayout>
#include <QLabel>
#include <QTableWidget>
#include <QInputDialog>
#include <QFileDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QStringListModel>

namespace vc::ui {

DoNotCallDialog::DoNotCallDialog(QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::DoNotCallDialog>()), m_path(DoNotCallList::defaultPath()),
      m_model(new QStringListModel(this)), m_filter(new QSortFilterProxyModel(this))
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("doNotCallDialog"));
    m_filter->setSourceModel(m_model);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_ui->numbersList->setModel(m_filter);
    m_ui->addButton->setIcon(resourceIcon(QStringLiteral(":/icons/add.svg")));
    m_ui->removeButton->setIcon(resourceIcon(QStringLiteral(":/icons/delete.svg")));
    connect(m_ui->numberEdit, &QLineEdit::textChanged, this, &DoNotCallDialog::revalidate);
    connect(m_ui->numberEdit, &QLineEdit::returnPressed, this, [this] { addNumber(m_ui->numberEdit->text()); });
    connect(m_ui->addButton, &QPushButton::clicked, this, [this] { addNumber(m_ui->numberEdit->text()); });
    connect(m_ui->searchEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        QString digits;
        for (const QChar c : text) {
            if (c.isDigit())
                digits += c;
        }
        m_filter->setFilterFixedString(digits.isEmpty() ? text : digits);
    });
    connect(m_ui->removeButton, &QPushButton::clicked, this, &DoNotCallDialog::removeSelected);
    connect(m_ui->importButton, &QPushButton::clicked, this, &DoNotCallDialog::importFile);
    connect(m_ui->exportButton, &QPushButton::clicked, this, &DoNotCallDialog::exportFile);
    connect(m_ui->historyButton, &QPushButton::clicked, this, &DoNotCallDialog::showHistory);
    for (const QString &reason : DoNotCallList::addReasons())
        m_ui->reasonCombo->addItem(QString(), reason);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->numbersList->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_ui->removeButton->setEnabled(m_ui->numbersList->selectionModel()->hasSelection()); });
    retranslate();
    reload();
}

DoNotCallDialog::~DoNotCallDialog() = default;

void DoNotCallDialog::retranslate()
{
    setWindowTitle(tr("Do-Not-Call List"));
    m_ui->numberEdit->setPlaceholderText(tr("A number to add, in any notation"));
    m_ui->addButton->setText(tr("&Add"));
    m_ui->searchEdit->setPlaceholderText(tr("Search"));
    m_ui->removeButton->setText(tr("&Remove"));
    m_ui->importButton->setText(tr("&Import…"));
    m_ui->exportButton->setText(tr("E&xport…"));
    m_ui->historyButton->setText(tr("&History…"));
    for (int i = 0; i < m_ui->reasonCombo->count(); ++i)
        m_ui->reasonCombo->setItemText(i, DoNotCallList::reasonTitle(m_ui->reasonCombo->itemData(i).toString()));
    a11y::name(m_ui->reasonCombo, tr("Why the number is added"));
    a11y::name(m_ui->historyButton, tr("History of the list"));
    a11y::name(m_ui->numberEdit, tr("Number to add"));
    a11y::name(m_ui->searchEdit, tr("Search the list"));
    a11y::name(m_ui->numbersList, tr("Numbers never called"));
    reload();
    revalidate();
}

void DoNotCallDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void DoNotCallDialog::reload()
{
    // On a team store the list is read on a worker thread: the window never waits for the server.
    struct Read
    {
        QStringList numbers;
        QString error;
    };
    const QString path = m_path;
    runOffThread<Read>(
        this,
        [path] {
            DoNotCallList list;
            Read read;
            if (auto r = list.load(path); !r)
                read.error = r.error().message;
            read.numbers = list.sorted();
            return read;
        },
        [this](const Read &read) {
            if (!read.error.isEmpty())
                style::showHint(m_ui->numberHint, read.error, true);
            m_model->setStringList(read.numbers);
            const auto team = TeamStore::selected();
            m_ui->intro->setText(tr("Campaigns never call these %n number(s), here and in voicectl. The list is kept in %1.", nullptr,
                                    int(read.numbers.size()))
                                     .arg(team ? team->display() : QDir::toNativeSeparators(m_path)));
            m_ui->removeButton->setEnabled(m_ui->numbersList->selectionModel() && m_ui->numbersList->selectionModel()->hasSelection());
        },
        TeamStore::selected().has_value());
}

void DoNotCallDialog::change(std::function<Result<DoNotCallList::Change, StorageError>(DoNotCallList &)> edit,
                             std::function<void(const DoNotCallList::Change &)> done)
{
    // A list that cannot be read is never written over: the numbers on it would be lost.
    const QString path = m_path;
    using Outcome = Result<DoNotCallList::Change, StorageError>;
    setEnabled(false);
    runOffThread<Outcome>(
        this,
        [path, edit]() -> Outcome {
            DoNotCallList list;
            if (auto loaded = list.load(path); !loaded)
                return loaded.error();
            return edit(list);
        },
        [this, done](const Outcome &r) {
            setEnabled(true);
            if (!r) {
                style::showHint(m_ui->numberHint, r.error().message, true);
                reload();
                return;
            }
            reload();
            if (done)
                done(r.value());
        },
        TeamStore::selected().has_value());
}

int DoNotCallDialog::count() const
{
    return m_model->rowCount();
}

void DoNotCallDialog::revalidate()
{
    const QString text = m_ui->numberEdit->text().trimmed();
    if (text.isEmpty()) {
        m_ui->numberHint->clear();
        m_ui->numberEdit->setStyleSheet({});
        m_ui->addButton->setEnabled(false);
        return;
    }
    const auto checked = Validation::phoneNumber(text);
    m_ui->addButton->setEnabled(checked.ok());
    m_ui->numberEdit->setStyleSheet(checked.ok() ? QString() : style::invalidLineEdit());
    style::showHint(m_ui->numberHint, checked.ok() ? tr("Will be kept as %1").arg(checked.value()) : checked.error().explanation,
                    !checked.ok());
}

bool DoNotCallDialog::addNumber(const QString &number)
{
    if (!Validation::phoneNumber(number).ok())
        return false;
    const DoNotCallList::Why why{m_ui->reasonCombo->currentData().toString(), QStringLiteral("manual"), {}, {}};
    change([number, why](DoNotCallList &list) { return list.add({number}, why); },
           [this](const DoNotCallList::Change &) { m_ui->numberEdit->clear(); });
    return true;
}

void DoNotCallDialog::removeSelected()
{
    QStringList numbers;
    for (const QModelIndex &i : m_ui->numbersList->selectionModel()->selectedIndexes())
        numbers << i.data().toString();
    if (numbers.isEmpty())
        return;
    // A number leaves the list only with a reason, kept in its history.
    bool ok = false;
    const QString reason = QInputDialog::getText(this, tr("Remove Numbers"),
                                                 tr("Remove %n number(s) from the do-not-call list? Campaigns may call them "
                                                    "again.\n\nWhy (kept in the list's history):", nullptr, int(numbers.size())),
                                                 QLineEdit::Normal, QString(), &ok)
                             .trimmed();
    if (!ok)
        return;
    if (reason.isEmpty())
        return style::showHint(m_ui->numberHint, tr("Nothing was removed: give the reason."), true);
    change([numbers, reason](DoNotCallList &list) { return list.remove(numbers, {reason, QStringLiteral("manual"), {}, {}}); }, {});
}

void DoNotCallDialog::importFile()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Import Numbers"), QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
                                                      tr("CSV or text files (*.csv *.txt);;All files (*)"));
    if (file.isEmpty())
        return;
    const auto numbers = DoNotCallList::readNumbers(file);
    if (!numbers)
        return style::showHint(m_ui->numberHint, numbers.error().message, true);
    const DoNotCallList::Why why{m_ui->reasonCombo->currentData().toString(), QStringLiteral("import %1").arg(QFileInfo(file).fileName()), {}, {}};
    change([list = numbers.value(), why](DoNotCallList &dnc) { return dnc.add(list, why); },
           [this](const DoNotCallList::Change &c) {
               style::showHint(m_ui->numberHint,
                               tr("Added %1; %n line(s) were not phone numbers and were skipped.", nullptr, int(c.invalid.size())).arg(c.changed),
                               false);
           });
}

void DoNotCallDialog::showHistory()
{
    using Events = Result<QList<ContactLedger::DoNotCallEvent>, StorageError>;
    runOffThread<Events>(
        this, [] { return DoNotCallList::history(); },
        [this](const Events &events) {
            if (!events)
                return style::showHint(m_ui->numberHint, events.error().message, true);
            showHistoryOf(events.value());
        },
        TeamStore::selected().has_value());
}

void DoNotCallDialog::showHistoryOf(const QList<ContactLedger::DoNotCallEvent> &events)
{
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("doNotCallHistory"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Do-Not-Call List: History"));
    a11y::name(dialog, tr("Do-Not-Call List: History"));
    dialog->resize(760, 420);
    auto *table = new QTableWidget(int(events.size()), 7, dialog);
    table->setObjectName(QStringLiteral("historyTable"));
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide(); // rows are in order; no corner button to name
    table->setCornerButtonEnabled(false);
    table->setHorizontalHeaderLabels({tr("When"), tr("Action"), tr("Number"), tr("Reason"), tr("Source"), tr("Note"), tr("Operator")});
    a11y::name(table, tr("Every change to the do-not-call list, oldest first"));
    int row = 0;
    for (const auto &e : events) {
        const QStringList cells = {QLocale().toString(e.time.toLocalTime(), QLocale::ShortFormat),
                                   e.action == QLatin1String("add") ? tr("added") : tr("removed"), e.number,
                                   DoNotCallList::reasonTitle(e.reason), e.source, e.note, e.operatorName};
        for (int c = 0; c < cells.size(); ++c)
            table->setItem(row, c, new QTableWidgetItem(cells.at(c)));
        ++row;
    }
    table->resizeColumnsToContents();
    auto *note = new QLabel(tr("The history is only ever added to: neither the app nor voicectl can change it."), dialog);
    note->setWordWrap(true);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(close, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(table);
    layout->addWidget(note);
    layout->addWidget(close);
    dialog->open();
}

void DoNotCallDialog::exportFile()
{
    const QString file = QFileDialog::getSaveFileName(this, tr("Export Numbers"),
                                                      QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) +
                                                          QStringLiteral("/do-not-call.txt"),
                                                      tr("Text files (*.txt)"));
    if (file.isEmpty())
        return;
    QSaveFile out(file);
    if (out.open(QIODevice::WriteOnly)) {
        for (const QString &n : m_model->stringList())
            out.write(n.toLatin1() + '\n');
    }
    if (!out.commit())
        style::showHint(m_ui->numberHint, tr("Cannot write %1: %2").arg(file, out.errorString()), true);
}

} // namespace vc::ui
