// Drives the real main window against the sandbox through every page and dialog and saves a
// screenshot of the screen after each step: vc_screenshots OUT_DIR LANG [dark]
#include "sandboxseeds.h"
#include "calls/callhistory.h"
#include "calls/calltracker.h"
#include "common/language.h"
#include "ui/send/legacysendpage.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/messagebanner.h"
#include "accounts/profilemanager.h"
#include "ui/shell/profilesdialog.h"
#include "ui/shell/proxycredentialsdialog.h"
#include "sandboxserver.h"
#include "accounts/secretstore.h"
#include "support/appfixture.h"
#include "support/throwawaypostgres.h"
#include "support/campaigndriver.h"
#include "ui/services/serviceeditordialog.h"
#include "ui/calls/callspage.h"
#include "ui/calls/comparedialog.h"
#include "ui/campaigns/resolveunknowndialog.h"
#include "ui/campaigns/campaignmodels.h"
#include "ui/campaigns/campaignspage.h"
#include "ui/campaigns/wizard/campaignwizard.h"
#include "campaigns/donotcall.h"
#include "ui/campaigns/donotcalldialog.h"
#include "ui/shell/networklogdock.h"
#include "ui/send/sendpage.h"
#include "ui/shell/contactpolicydialog.h"
#include "ui/shell/teamstoredialog.h"
#include "ui/campaigns/teamcampaignsview.h"
#include "campaigns/teamcampaigns.h"
#include "policy/teamstoreservice.h"
#include "policy/contactpolicy.h"
#include "accounts/settings.h"
#include "ui/services/servicespage.h"
#include "ui/sip/sippage.h"
#include "accounts/session.h"

#include <QAction>
#include <QTimer>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QSpinBox>
#include <QApplication>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QInputDialog>
#include <QSettings>
#include <QStyleFactory>
#include <QDoubleSpinBox>
#include <QFile>
#include <QTabWidget>
#include <QTableView>
#include <QTimeEdit>
#include <QTemporaryDir>
#include <QTest>

using namespace vc;
using namespace vc::ui;

namespace {
QString g_out;
QString g_suffix;

void shoot(const QString &name)
{
    QTest::qWait(400); // let layouts, icons and fonts settle
    const QString file = QStringLiteral("%1/%2-%3.png").arg(g_out, name, g_suffix);
    QGuiApplication::primaryScreen()->grabWindow(0).save(file);
    qInfo("saved %s", qPrintable(file));
}

void type(QWidget *parent, const char *name, const QString &text)
{
    auto *edit = parent->findChild<QLineEdit *>(QLatin1String(name));
    edit->clear();
    for (const QChar ch : text)
        QTest::sendKeyEvent(QTest::Click, edit, Qt::Key_unknown, QString(ch), Qt::NoModifier);
}

template <typename T>
T *waitFor(QWidget *root, const QString &name = {})
{
    T *found = nullptr;
    (void)QTest::qWaitFor([&] { return (found = root->findChild<T *>(name)) && found->isVisible(); }, 5000);
    return found;
}

void selectRows(QTableView *table, const QStringList &names)
{
    table->clearSelection();
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        if (names.contains(table->model()->index(row, 0).data().toString()))
            table->selectionModel()->select(table->model()->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
}
} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    if (argc < 3)
        qFatal("usage: vc_screenshots OUT_DIR LANG [dark]");
    g_out = QString::fromLocal8Bit(argv[1]);
    const QString lang = QString::fromLocal8Bit(argv[2]);
    const bool dark = argc > 3 && QByteArray(argv[3]) == "dark";
    g_suffix = dark ? lang + QStringLiteral("-dark") : lang;
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    if (dark) {
        QPalette p;
        p.setColor(QPalette::Window, QColor(37, 37, 38));
        p.setColor(QPalette::WindowText, QColor(230, 230, 230));
        p.setColor(QPalette::Base, QColor(30, 30, 30));
        p.setColor(QPalette::AlternateBase, QColor(45, 45, 48));
        p.setColor(QPalette::Text, QColor(230, 230, 230));
        p.setColor(QPalette::Button, QColor(50, 50, 52));
        p.setColor(QPalette::ButtonText, QColor(230, 230, 230));
        p.setColor(QPalette::Highlight, QColor(38, 79, 120));
        p.setColor(QPalette::HighlightedText, Qt::white);
        p.setColor(QPalette::ToolTipBase, QColor(50, 50, 52));
        p.setColor(QPalette::ToolTipText, QColor(230, 230, 230));
        p.setColor(QPalette::Link, QColor(110, 160, 240));
        p.setColor(QPalette::PlaceholderText, QColor(140, 140, 140));
        p.setColor(QPalette::Disabled, QPalette::Text, QColor(120, 120, 120));
        p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(120, 120, 120));
        p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(120, 120, 120));
        QApplication::setPalette(p);
    }
    Language::install(lang);

    sandbox::SandboxOptions options;
    options.callSpeed = 12;
    vc::test::AppFixture fixture(options);
    sandbox::SandboxServer &server = *fixture.server();
    ProfileStore &store = *fixture.store();
    ProfileManager &profiles = *fixture.profiles();
    CallTracker &tracker = *fixture.tracker();
    MainWindow &window = *fixture.window();
    window.setGeometry(QGuiApplication::primaryScreen()->geometry());
    profiles.switchTo(QLatin1String(ProfileManager::kSandboxId));
    window.show();
    (void)QTest::qWaitForWindowExposed(&window);
    ServicesPage *page = window.servicesPage();
    (void)QTest::qWaitFor([&] { return page->table()->model()->rowCount() == 4; }, 5000);

    selectRows(page->table(), {QStringLiteral("Напоминание о записи к врачу")});
    shoot(QStringLiteral("services"));
    if (dark)
        return 0;

    // The View menu: the pages with Ctrl+1 ... Ctrl+4, the network log, notifications, language.
    if (auto *view = window.findChild<QMenu *>(QStringLiteral("viewMenu"))) {
        window.menuBar()->setActiveAction(view->menuAction());
        QTest::qWait(300);
        shoot(QStringLiteral("view-menu"));
        view->hide();
        window.menuBar()->setActiveAction(nullptr);
        QTest::qWait(100);
    }

    page->newAction()->trigger();
    auto *editor = waitFor<ServiceEditorDialog>(&window);
    type(editor, "nameEdit", lang == QLatin1String("ru") ? QStringLiteral("Напоминание о визите") : QStringLiteral("Visit reminder"));
    type(editor, "mediaIdEdit", QStringLiteral("19x"));
    type(editor, "redirectEdit", QStringLiteral("12345678"));
    shoot(QStringLiteral("new-service-invalid"));
    type(editor, "mediaIdEdit", QStringLiteral("31337"));
    type(editor, "redirectEdit", QStringLiteral("+7 (926) 999-99-99"));
    editor->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    QTest::qWait(500);
    shoot(QStringLiteral("new-service-server-error"));
    editor->reject();

    selectRows(page->table(), {QStringLiteral("Delivery notification"), QStringLiteral("Оплата просрочена")});
    page->deleteAction()->trigger();
    auto *box = waitFor<QMessageBox>(&window, QStringLiteral("deleteConfirmation"));
    shoot(QStringLiteral("delete-confirmation"));
    box->button(QMessageBox::Yes)->click();
    (void)QTest::qWaitFor([&] { return page->table()->model()->rowCount() == 2; }, 5000);
    shoot(QStringLiteral("deleted"));

    Profile p;
    p.name = QStringLiteral("Production");
    p.apiUrl = QUrl(QStringLiteral("https://api.exolve.ru"));
    store.save(p);
    auto *profilesDialog = window.openProfilesDialog();
    profilesDialog->startNewProfile();
    type(profilesDialog, "nameEdit", QStringLiteral("Staging"));
    profilesDialog->findChild<QLineEdit *>(QStringLiteral("keyEdit"))->setText(QStringLiteral("eyJhbGciOiJSUzI1NiJ9.screenshot"));
    shoot(QStringLiteral("profiles"));
    // Profiles → Network with a manual proxy, then back to the system's settings.
    auto *proxyCombo = profilesDialog->findChild<QComboBox *>(QStringLiteral("proxyCombo"));
    proxyCombo->setCurrentIndex(2);
    Q_EMIT proxyCombo->activated(2);
    auto *proxyAddress = profilesDialog->findChild<QLineEdit *>(QStringLiteral("proxyAddressEdit"));
    proxyAddress->setText(QStringLiteral("proxy.corp.example:3128"));
    Q_EMIT proxyAddress->textEdited(proxyAddress->text());
    shoot(QStringLiteral("profiles-network"));
    proxyCombo->setCurrentIndex(0);
    Q_EMIT proxyCombo->activated(0);
    profilesDialog->reject();
    {
        ProxyCredentialsDialog ask(QStringLiteral("proxy.corp.example:3128"), &window);
        ask.findChild<QLineEdit *>(QStringLiteral("proxyUserEdit"))->setText(QStringLiteral("i.petrov"));
        ask.findChild<QLineEdit *>(QStringLiteral("proxyPasswordEdit"))->setText(QStringLiteral("screenshot"));
        ask.open();
        shoot(QStringLiteral("proxy-password"));
        ask.reject();
    }

    profiles.useEnvironment(QUrl(server.baseUrl()), QStringLiteral("not-the-key"));
    (void)QTest::qWaitFor([&] { return window.banner()->isVisible(); }, 5000);
    shoot(QStringLiteral("wrong-key"));

    profiles.switchTo(QLatin1String(ProfileManager::kSandboxId));
    (void)QTest::qWaitFor([&] { return page->table()->model()->rowCount() > 0; }, 5000);
    window.banner()->clear();

    // Send: a few calls with different endings, then one whose answer is lost.
    const QString service = QString::fromLatin1(vc::sandbox::seeds::kReminderServiceId);
    for (const char *destination : {"79261234567", "79261234500", "79261234501", "79261234502", "79031112233", "79161234567"})
        tracker.send({QStringLiteral("74959999999"), QString::fromLatin1(destination), service}, QStringLiteral("Напоминание о записи к врачу"),
                     &window, [](const Result<CallRecord> &) {});
    QTest::qWait(1500);
    sandbox::FaultRule lost;
    lost.endpoint = QStringLiteral("call/v1/MakeVoiceMessage");
    lost.remaining = 1;
    lost.fault.kind = sandbox::Fault::Kind::PlaceThen500;
    server.addFault(lost);
    tracker.send({QStringLiteral("74959999999"), QStringLiteral("79267654321"), service}, QStringLiteral("Оплата просрочена"), &window,
                 [](const Result<CallRecord> &) {});
    window.setCurrentPage(MainWindow::SendPageIndex);
    auto *sendPage = window.sendPage();
    (void)QTest::qWaitFor([&] { return sendPage->findChild<QComboBox *>(QStringLiteral("serviceCombo"))->count() > 0; }, 5000);
    sendPage->findChild<QComboBox *>(QStringLiteral("sourceCombo"))->setEditText(QStringLiteral("+7 495 999-99-99"));
    type(sendPage, "destinationEdit", QStringLiteral("8 926 123 45 67"));
    sendPage->findChild<QPushButton *>(QStringLiteral("sendButton"))->click();
    auto *confirm = waitFor<QMessageBox>(&window, QStringLiteral("sendConfirmation"));
    shoot(QStringLiteral("send-confirmation"));
    confirm->button(QMessageBox::Cancel)->click();
    // One call a day to a number under the policy: the second is over the cap and asks for a reason.
    ContactPolicy capped = ContactPolicy::fromPreset(ContactPolicy::Preset::DebtCollection);
    capped.caps.perDay = 1;
    capped.save(Settings(fixture.settings()));
    sendPage->findChild<QPushButton *>(QStringLiteral("sendButton"))->click();
    auto *ask = waitFor<QInputDialog>(&window, QStringLiteral("capOverride"));
    shoot(QStringLiteral("send-over-cap"));
    ask->reject();
    ContactPolicy().save(Settings(fixture.settings()));
    // Tools → Contact Policy with the 230-FZ preset chosen.
    window.findChild<QAction *>(QStringLiteral("contactPolicyAction"))->trigger();
    auto *policyDialog = waitFor<ContactPolicyDialog>(&window, QStringLiteral("contactPolicyDialog"));
    auto *presetCombo = policyDialog->findChild<QComboBox *>(QStringLiteral("presetCombo"));
    presetCombo->setCurrentIndex(presetCombo->findData(QStringLiteral("230-fz")));
    shoot(QStringLiteral("contact-policy"));
    policyDialog->reject();
    // Profiles → Team Store, filled in for a team's server; then the status bar when it does not answer.
    TeamStoreService teamStore;
    window.setTeamStore(&teamStore);
    window.findChild<QAction *>(QStringLiteral("teamStoreAction"))->trigger();
    auto *storeDialog = waitFor<TeamStoreDialog>(&window, QStringLiteral("teamStoreDialog"));
    auto *storeMode = storeDialog->findChild<QComboBox *>(QStringLiteral("storeModeCombo"));
    storeMode->setCurrentIndex(1);
    type(storeDialog, "hostEdit", QStringLiteral("db.office.example.ru"));
    type(storeDialog, "userEdit", QStringLiteral("op1"));
    type(storeDialog, "passwordEdit", QStringLiteral("secret"));
    storeDialog->findChild<QPushButton *>(QStringLiteral("testConnectionButton"))->click(); // flags the missing CA file
    shoot(QStringLiteral("team-store"));
    storeDialog->reject();
    TeamStore::select(TeamStoreAddress::parse(QStringLiteral("postgresql://op1@127.0.0.1:1/voice_console")).value(), QStringLiteral("x"));
    teamStore.storeChanged();
    (void)QTest::qWaitFor([&] { return !teamStore.reachable(); }, 10000);
    shoot(QStringLiteral("team-store-unreachable"));
    TeamStore::selectLocal();
    teamStore.storeChanged();
    type(sendPage, "destinationEdit", QStringLiteral("8 926 12"));
    shoot(QStringLiteral("send-invalid"));
    window.banner()->clear();
    // A send whose answer is lost: the banner offers to ask Exolve's call history, which finds the call.
    server.addFault(lost);
    type(sendPage, "destinationEdit", QStringLiteral("8 926 765 43 22"));
    sendPage->findChild<QPushButton *>(QStringLiteral("sendButton"))->click();
    waitFor<QMessageBox>(&window, QStringLiteral("sendConfirmation"))->button(QMessageBox::Yes)->click();
    QPushButton *askExolve = nullptr;
    (void)QTest::qWaitFor([&] {
        for (QPushButton *b : window.banner()->findChildren<QPushButton *>()) {
            if (b->isVisible() && b->text() == QCoreApplication::translate("vc::ui::SendPage", "Ask Exolve"))
                askExolve = b;
        }
        return askExolve != nullptr;
    }, 10000);
    shoot(QStringLiteral("send-unknown"));
    if (askExolve) {
        askExolve->click();
        QTest::qWait(1000);
        shoot(QStringLiteral("send-ask-exolve"));
    }
    window.banner()->clear();

    (void)QTest::qWaitFor([&] { return tracker.monitor()->isIdle(); }, 15000);
    window.setCurrentPage(MainWindow::CallsPageIndex);
    window.callsPage()->reload();
    window.callsPage()->table()->selectRow(1);
    shoot(QStringLiteral("calls"));
    // Calls → Compare with Exolve: a call placed outside this console to a number called from here.
    server.state().placeCall(QStringLiteral("74957000000"), QStringLiteral("79261234567"), service);
    window.callsPage()->findChild<QPushButton *>(QStringLiteral("compareButton"))->click();
    if (auto *compare = waitFor<CompareDialog>(&window, QStringLiteral("compareDialog"))) {
        compare->findChild<QPushButton *>(QStringLiteral("compareButton"))->click();
        (void)QTest::qWaitFor([&] { return compare->comparison().made.isValid(); }, 10000);
        shoot(QStringLiteral("compare"));
        compare->close();
    }

    window.setCurrentPage(MainWindow::SipPageIndex);
    auto *sip = window.sipPage();
    type(sip, "sipIdEdit", QStringLiteral("9007199254740993"));
    sip->lookUp();
    (void)QTest::qWaitFor([&] { return sip->findChild<QWidget *>(QStringLiteral("sipForm"))->isVisible(); }, 5000);
    shoot(QStringLiteral("sip"));

    window.networkLog()->show();
    window.networkLog()->table()->selectRow(window.networkLog()->model()->rowCount() - 1);
    shoot(QStringLiteral("network-log"));
    window.networkLog()->hide();

    // Campaigns: the do-not-call list, the wizard's four pages, a run, its report, a window that waits
    // and the service's rate limit.
    {
        QFile csv(fixture.path(QStringLiteral("reminders.csv")));
        csv.open(QIODevice::WriteOnly);
        QByteArray text = "\xD4\xC8\xCE;\xD2\xE5\xEB\xE5\xF4\xEE\xED;tz\n"; // ФИО;Телефон;tz in Windows-1251
        for (int i = 0; i < 36; ++i)
            text += "\xCA\xEB\xE8\xE5\xED\xF2 " + QByteArray::number(i + 1) + ";+7 (926) 555-" + QByteArray::number(1010 + i * 7).right(2) +
                    "-" + QByteArray::number(10 + i) + (i % 5 == 0 ? ";Asia/Novosibirsk\n" : ";\n");
        text += "\xC4\xF3\xE1\xEB\xFC;8 926 555-10-10;\n\xCE\xF8\xE8\xE1\xEA\xE0;12-34;\n\xCD\xE5 \xE7\xE2\xEE\xED\xE8\xF2\xFC;+7 926 555-99-99;\n";
        csv.write(text);
    }
    auto *campaigns = window.campaignsPage();
    window.setCurrentPage(MainWindow::CampaignsPageIndex);
    campaigns->openDoNotCallList();
    auto *dnc = waitFor<DoNotCallDialog>(&window);
    dnc->addNumber(QStringLiteral("+7 926 555-99-99"));
    dnc->addNumber(QStringLiteral("+7 916 000-00-01"));
    type(dnc, "numberEdit", QStringLiteral("8 (903) 12"));
    shoot(QStringLiteral("do-not-call"));
    dnc->close();
    const auto runWizard = [&](const QString &name, const std::function<void(QWidget *)> &settings) {
        vc::test::runCampaignWizard(&window, fixture.path(QStringLiteral("reminders.csv")), settings, [&](const QString &step) {
            if (!name.isEmpty())
                shoot(name + u'-' + step);
        });
    };
    runWizard(QStringLiteral("campaign"), [](QWidget *page) {
        page->findChild<QDoubleSpinBox *>(QStringLiteral("rateSpin"))->setValue(4);
        page->findChild<QCheckBox *>(QStringLiteral("windowCheck"))->setChecked(false);
    });
    auto *rows = campaigns->rowsModel();
    (void)QTest::qWaitFor([&] { return rows->journal()->isOpen() && rows->journal()->counts().placed >= 12; }, 20000);
    shoot(QStringLiteral("campaign-running"));
    const QString first = campaigns->selectedPath();
    (void)QTest::qWaitFor([&] { return campaigns->registry()->controller(first) && !campaigns->registry()->controller(first)->isActive(); }, 60000);
    campaigns->findChild<QTabWidget *>(QStringLiteral("detailTabs"))->setCurrentIndex(1);
    shoot(QStringLiteral("campaign-report"));
    campaigns->findChild<QTabWidget *>(QStringLiteral("detailTabs"))->setCurrentIndex(0);

    // A window that opens in three hours (this computer's time): the campaign waits and says until when.
    runWizard({}, [](QWidget *page) {
        const QTime now = QTime::currentTime();
        page->findChild<QDoubleSpinBox *>(QStringLiteral("rateSpin"))->setValue(10);
        page->findChild<QCheckBox *>(QStringLiteral("windowCheck"))->setChecked(true);
        page->findChild<QTimeEdit *>(QStringLiteral("windowStart"))->setTime(QTime(now.addSecs(3 * 3600).hour(), 0));
        page->findChild<QTimeEdit *>(QStringLiteral("windowEnd"))->setTime(QTime(now.addSecs(8 * 3600).hour(), 0));
        page->findChild<QTimeEdit *>(QStringLiteral("restStart"))->setTime(QTime(now.addSecs(3 * 3600).hour(), 0));
        page->findChild<QTimeEdit *>(QStringLiteral("restEnd"))->setTime(QTime(now.addSecs(8 * 3600).hour(), 0));
    });
    const QString waiting = campaigns->selectedPath();
    (void)QTest::qWaitFor([&] { return campaigns->registry()->controller(waiting) && campaigns->registry()->controller(waiting)->state() == CampaignController::State::WaitingForWindow; }, 15000);
    shoot(QStringLiteral("campaign-waiting"));
    campaigns->pause(campaigns->selectedPath());

    // The sandbox allows one call a second; the campaign asks for twenty.
    server.setRateLimit(1);
    runWizard({}, [](QWidget *page) {
        page->findChild<QDoubleSpinBox *>(QStringLiteral("rateSpin"))->setValue(20);
        page->findChild<QCheckBox *>(QStringLiteral("windowCheck"))->setChecked(false);
    });
    const QString limited = campaigns->selectedPath();
    (void)QTest::qWaitFor([&] { return campaigns->registry()->controller(limited) && campaigns->registry()->controller(limited)->state() == CampaignController::State::RateLimited; }, 10000);
    shoot(QStringLiteral("campaign-rate-limited"));
    campaigns->pause(limited);
    (void)QTest::qWaitFor([&] { return !campaigns->registry()->controller(limited)->isActive(); }, 10000);
    server.setRateLimit(0);

    // Answers lost after the calls were placed: Resolve Unknown asks Exolve's call history about each row.
    {
        QFile csv(fixture.path(QStringLiteral("lost.csv")));
        csv.open(QIODevice::WriteOnly);
        csv.write("phone\n+7 926 555-40-11\n+7 926 555-40-12\n+7 926 555-40-13\n");
    }
    sandbox::FaultRule dropped;
    dropped.endpoint = QStringLiteral("call/v1/MakeVoiceMessage");
    dropped.fault.kind = sandbox::Fault::Kind::PlaceThenDrop;
    server.addFault(dropped);
    vc::test::runCampaignWizard(&window, fixture.path(QStringLiteral("lost.csv")), [](QWidget *page) {
        page->findChild<QDoubleSpinBox *>(QStringLiteral("rateSpin"))->setValue(20);
        page->findChild<QCheckBox *>(QStringLiteral("windowCheck"))->setChecked(false);
    });
    const QString lostPath = campaigns->selectedPath();
    (void)QTest::qWaitFor([&] { return campaigns->registry()->controller(lostPath) && !campaigns->registry()->controller(lostPath)->isActive(); }, 20000);
    server.clearFaults();
    campaigns->reload();
    QTimer::singleShot(0, &window, [&window] {
        ResolveUnknownDialog *dialog = nullptr;
        (void)QTest::qWaitFor([&] { return (dialog = window.findChild<ResolveUnknownDialog *>()) && dialog->isVisible(); }, 5000);
        if (!dialog)
            return;
        (void)QTest::qWaitFor([&] { return !dialog->verdicts().isEmpty(); }, 10000);
        shoot(QStringLiteral("resolve-unknown"));
        dialog->reject();
    });
    window.findChild<QAction *>(QStringLiteral("resolveUnknownAction"))->trigger();

    // On a team store (scripts/screenshots.sh runs beside a throwaway PostgreSQL): the team's campaigns,
    // one of them run by another operator on another computer.
    if (const auto op1 = vc::test::throwawayTeamStore(1)) {
        QTest::qWait(1500); // the Resolve Unknown shot first
        const auto op2 = *vc::test::throwawayTeamStore(2);
        TeamStore::select(op2.address, op2.password);
        TeamCampaignLease elsewhere;
        CampaignCounts counts;
        counts.ready = 1200;
        counts.placed = 418;
        counts.waiting = 779;
        counts.unknown = 3;
        (void)elsewhere.acquire(QStringLiteral("screenshot-") + g_suffix, QStringLiteral("debt-reminders-december"),
                                QStringLiteral("C:/Users/op2/VoiceConsole/campaigns/debt-reminders-december.journal"), counts, nullptr);
        TeamStore::select(op1->address, op1->password);
        teamStore.storeChanged();
        window.setCurrentPage(MainWindow::CampaignsPageIndex);
        campaigns->teamCampaigns()->refresh();
        (void)QTest::qWaitFor([&] { return !campaigns->teamCampaigns()->campaigns().isEmpty(); }, 10000);
        shoot(QStringLiteral("team-campaigns"));
        elsewhere.release(QStringLiteral("finished"), counts);
        TeamStore::selectLocal();
        teamStore.storeChanged();
        campaigns->teamCampaigns()->refresh();
    }

    // The second provider: integrationapi.net (2013), through the built-in legacy sandbox.
    profiles.switchTo(QLatin1String(ProfileManager::kLegacySandboxId));
    window.setCurrentPage(MainWindow::SendPageIndex);
    auto *legacy = window.legacySendPage();
    type(legacy, "legacySource", QStringLiteral("+7 495 772-23-45"));
    type(legacy, "legacyDestination", QStringLiteral("8 903 123 45 67"));
    type(legacy, "legacyFileId", QStringLiteral("21"));
    legacy->findChild<QCheckBox *>(QStringLiteral("legacyScheduled"))->setChecked(true);
    legacy->findChild<QDateTimeEdit *>(QStringLiteral("legacyWhen"))->setDateTime(QDateTime(QDate::currentDate().addDays(1), QTime(9, 30)));
    legacy->findChild<QSpinBox *>(QStringLiteral("legacyRetries"))->setValue(3);
    legacy->findChild<QSpinBox *>(QStringLiteral("legacyGap"))->setValue(10);
    legacy->findChild<QCheckBox *>(QStringLiteral("legacyDtmf"))->setChecked(true);
    QTest::qWait(800); // the balance arrives
    shoot(QStringLiteral("legacy-send"));

    // Help → About: the version and the licences of what the program is built on.
    window.findChild<QAction *>(QStringLiteral("aboutAction"))->trigger();
    QTest::qWait(300);
    shoot(QStringLiteral("about"));
    if (auto *about = window.findChild<QMessageBox *>(QStringLiteral("aboutBox")))
        about->close();

    auto *legacyProfile = window.openProfilesDialog();
    legacyProfile->startNewProfile();
    auto *provider = legacyProfile->findChild<QComboBox *>(QStringLiteral("providerCombo"));
    provider->setCurrentIndex(1);
    Q_EMIT provider->activated(1);
    type(legacyProfile, "nameEdit", QStringLiteral("Legacy account"));
    type(legacyProfile, "loginEdit", QStringLiteral("operator-17"));
    legacyProfile->findChild<QLineEdit *>(QStringLiteral("keyEdit"))->setText(QStringLiteral("not-a-real-password"));
    shoot(QStringLiteral("profiles-legacy"));
    legacyProfile->reject();
    return 0;
}
