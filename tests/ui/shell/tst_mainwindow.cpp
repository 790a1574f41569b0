// The real main window, offscreen, against the real sandbox on a loopback port.
#include "calls/callhistory.h"
#include "calls/calltracker.h"
#include "common/language.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/contactpolicydialog.h"
#include "accounts/settings.h"
#include "ui/shell/messagebanner.h"
#include "ui/shell/networklogdock.h"
#include "accounts/networksetup.h"
#include "accounts/profilemanager.h"
#include "ui/shell/profilesdialog.h"
#include "sandboxserver.h"
#include "accounts/secretstore.h"
#include "support/appfixture.h"
#include "support/connectproxy.h"
#include "support/memorysecretbackend.h"
#include "net/httptransport.h"
#include "ui/shell/proxycredentialsdialog.h"
#include "ui/services/serviceeditordialog.h"
#include "ui/services/servicelistmodel.h"
#include "ui/services/servicespage.h"
#include "accounts/session.h"

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimeEdit>
#include <QTest>

using namespace vc;
using namespace vc::ui;

class TestMainWindow : public QObject
{
    Q_OBJECT
    std::unique_ptr<vc::test::AppFixture> m_app;
    sandbox::SandboxServer *m_server = nullptr;
    QSettings *m_settings = nullptr;
    Session *m_session = nullptr;
    ProfileStore *m_store = nullptr;
    vc::test::MemoryBackend *m_backend = nullptr;
    ProfileManager *m_profiles = nullptr;
    CallHistory *m_history = nullptr;
    CallTracker *m_tracker = nullptr;
    MainWindow *m_window = nullptr;

    ServicesPage *page() const { return m_window->servicesPage(); }
    ServiceListModel *model() const { return page()->model(); }

    ServiceEditorDialog *openEditor()
    {
        page()->newAction()->trigger();
        ServiceEditorDialog *dialog = nullptr;
        (void)QTest::qWaitFor([&] { return (dialog = m_window->findChild<ServiceEditorDialog *>()) && dialog->isVisible(); }, 5000);
        return dialog;
    }
    static QPushButton *okButton(QDialog *dialog)
    {
        return dialog->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))->button(QDialogButtonBox::Ok);
    }
    static void type(QDialog *dialog, const char *name, const QString &text)
    {
        auto *edit = dialog->findChild<QLineEdit *>(QLatin1String(name));
        edit->clear();
        // Typed key by key, as a person would; QTest::keyClicks knows only ASCII.
        for (const QChar ch : text)
            QTest::sendKeyEvent(QTest::Click, edit, Qt::Key_unknown, QString(ch), Qt::NoModifier);
    }
    void selectRows(const QStringList &names)
    {
        QTableView *table = page()->table();
        table->clearSelection();
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            if (names.contains(table->model()->index(row, 0).data().toString()))
                table->selectionModel()->select(table->model()->index(row, 0),
                                                QItemSelectionModel::Select | QItemSelectionModel::Rows);
        }
    }
    QMessageBox *waitForBox(const QString &name)
    {
        QMessageBox *box = nullptr;
        (void)QTest::qWaitFor([&] { return (box = m_window->findChild<QMessageBox *>(name)) && box->isVisible(); }, 5000);
        return box;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        Language::install(QStringLiteral("en"));
    }

    void init()
    {
        const bool damaged = QByteArray(QTest::currentTestFunction()) == "damagedHistoryIsShownInTheBanner";
        m_app = std::make_unique<vc::test::AppFixture>(sandbox::SandboxOptions{}, [damaged](const QString &folder) {
            if (!damaged)
                return;
            QFile f(folder + u'/' + vc::test::AppFixture::historyFileName());
            if (f.open(QIODevice::WriteOnly))
                f.write(QByteArray(4096, 'Z'));
        });
        m_server = m_app->server();
        m_settings = m_app->settings();
        m_session = m_app->session();
        m_store = m_app->store();
        m_backend = m_app->keychain();
        m_profiles = m_app->profiles();
        m_history = m_app->history();
        m_tracker = m_app->tracker();
        m_window = m_app->window();
        m_profiles->switchTo(QLatin1String(ProfileManager::kSandboxId));
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
    }

    void cleanup() { m_app.reset(); }

    // Tools → Contact Policy: the 230-FZ preset fills the caps and the hours; editing a figure makes it the
    // operator's own; a range that opens and closes at once cannot be saved; Save writes the shared settings.
    void contactPolicyDialog()
    {
        auto *action = m_window->findChild<QAction *>(QStringLiteral("contactPolicyAction"));
        QVERIFY(action);
        action->trigger();
        ContactPolicyDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<ContactPolicyDialog *>()) && dialog->isVisible());
        QVERIFY(!dialog->accessibleName().isEmpty());
        auto *preset = dialog->findChild<QComboBox *>(QStringLiteral("presetCombo"));
        preset->setCurrentIndex(preset->findData(QStringLiteral("230-fz")));
        QCOMPARE(dialog->policy().caps, (ContactCaps{2, 4, 16}));
        QCOMPARE(dialog->policy().campaignWindow(), QStringLiteral("08:00-22:00/09:00-20:00"));
        dialog->findChild<QSpinBox *>(QStringLiteral("perDaySpin"))->setValue(1);
        QCOMPARE(preset->currentData().toString(), QStringLiteral("custom"));
        auto *save = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
        auto *restEnd = dialog->findChild<QTimeEdit *>(QStringLiteral("restEndEdit"));
        restEnd->setTime(QTime(9, 0)); // 09:00-09:00
        QVERIFY(!save->isEnabled());
        restEnd->setTime(QTime(20, 0));
        QVERIFY(save->isEnabled());
        save->click();
        QTRY_VERIFY(!m_window->findChild<ContactPolicyDialog *>());
        const ContactPolicy stored = ContactPolicy::load(Settings(m_settings));
        QCOMPARE(stored.caps, (ContactCaps{1, 4, 16}));
        QCOMPARE(stored.preset, ContactPolicy::Preset::Custom);
        QCOMPARE(stored.weekendsWindow, QStringLiteral("09:00-20:00"));
    }

    void listLoadsFromTheSandbox()
    {
        QTRY_COMPARE(model()->count(), 4);
        QVERIFY(m_window->windowTitle().contains(QStringLiteral("Sandbox")));
        QVERIFY(m_window->findChild<MessageBanner *>(QStringLiteral("sandboxBanner"))->isVisible());
        QVERIFY(m_window->findChild<QLabel *>(QStringLiteral("serviceCount"))->text().contains(QStringLiteral("4")));
    }

    void filterNarrowsTheList()
    {
        QTRY_COMPARE(model()->count(), 4);
        auto *filter = m_window->findChild<QLineEdit *>(QStringLiteral("serviceFilter"));
        page()->filterAction()->trigger();
        QTest::keyClicks(filter, QStringLiteral("deliv"));
        QCOMPARE(page()->table()->model()->rowCount(), 1);
        QVERIFY(m_window->findChild<QLabel *>(QStringLiteral("serviceCount"))->text().contains(QStringLiteral("1 of 4")));
    }

    void selectingLoadsDetails()
    {
        QTRY_COMPARE(model()->count(), 4);
        selectRows({QStringLiteral("Напоминание о записи к врачу")});
        QTRY_VERIFY(m_window->findChild<QWidget *>(QStringLiteral("serviceDetails"))->isVisible());
        QCOMPARE(m_window->findChild<QLabel *>(QStringLiteral("detail4"))->text(), QStringLiteral("1979"));
        QCOMPARE(m_window->findChild<QLabel *>(QStringLiteral("detail3"))->text(), QStringLiteral("79269999999"));
    }

    void createDialogRefusesEachInvalidField()
    {
        QTRY_COMPARE(model()->count(), 4);
        ServiceEditorDialog *dialog = openEditor();
        QVERIFY(dialog);
        QVERIFY(!okButton(dialog)->isEnabled());
        type(dialog, "nameEdit", QStringLiteral("   "));
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("nameError"))->isVisible());
        type(dialog, "nameEdit", QStringLiteral("Reminder"));
        QVERIFY(!dialog->findChild<QLabel *>(QStringLiteral("nameError"))->isVisible());
        type(dialog, "mediaIdEdit", QStringLiteral("12x"));
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("mediaIdError"))->isVisible());
        type(dialog, "mediaIdEdit", QStringLiteral("1967"));
        type(dialog, "redirectEdit", QStringLiteral("12345678"));
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("redirectError"))->text().contains(QStringLiteral("9 to 14")));
        QVERIFY(!okButton(dialog)->isEnabled());
        type(dialog, "redirectEdit", QStringLiteral("123456789012345"));
        QVERIFY(!okButton(dialog)->isEnabled());
        type(dialog, "redirectEdit", QStringLiteral("+7 926 999-99-99"));
        QVERIFY(okButton(dialog)->isEnabled());
        QCOMPARE(dialog->findChild<QSpinBox *>(QStringLiteral("digitSpin"))->maximum(), 9);
        QCOMPARE(m_server->requestCount(QStringLiteral("voice-message/v1/Create")), 0);
        dialog->reject();
    }

    void createDialogKeepsInputAfterServerError()
    {
        QTRY_COMPARE(model()->count(), 4);
        ServiceEditorDialog *dialog = openEditor();
        type(dialog, "nameEdit", QStringLiteral("Напоминание"));
        type(dialog, "mediaIdEdit", QStringLiteral("31337"));
        type(dialog, "redirectEdit", QStringLiteral("79269999999"));
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        auto *error = dialog->findChild<QLabel *>(QStringLiteral("serverError"));
        QTRY_VERIFY(error->isVisible());
        QVERIFY(error->text().contains(QStringLiteral("media_id does not exist")));
        QVERIFY(error->text().contains(QStringLiteral("error getting media resource")));
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("nameEdit"))->text(), QStringLiteral("Напоминание"));
        QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("mediaIdEdit"))->text(), QStringLiteral("31337"));
        QVERIFY(okButton(dialog)->isEnabled());
        QCOMPARE(model()->count(), 4);
        dialog->reject();
    }

    void createThenListShowsAndSelectsIt()
    {
        QTRY_COMPARE(model()->count(), 4);
        ServiceEditorDialog *dialog = openEditor();
        type(dialog, "nameEdit", QStringLiteral("Fresh service"));
        type(dialog, "mediaIdEdit", QStringLiteral("1967"));
        type(dialog, "redirectEdit", QStringLiteral("8 926 999 99 99"));
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QTRY_COMPARE(model()->count(), 5);
        QTRY_VERIFY(!m_window->findChild<ServiceEditorDialog *>() || !m_window->findChild<ServiceEditorDialog *>()->isVisible());
        const QModelIndex current = page()->table()->currentIndex();
        QCOMPARE(current.siblingAtColumn(0).data().toString(), QStringLiteral("Fresh service"));
        QTRY_COMPARE(m_window->findChild<QLabel *>(QStringLiteral("detail3"))->text(), QStringLiteral("79269999999"));
    }

    void multiDeleteAsksFirstAndDeletesBoth()
    {
        QTRY_COMPARE(model()->count(), 4);
        const QStringList victims = {QStringLiteral("Delivery notification"), QStringLiteral("Оплата просрочена")};
        selectRows(victims);
        QVERIFY(page()->deleteAction()->isEnabled());
        page()->deleteAction()->trigger();
        QMessageBox *box = waitForBox(QStringLiteral("deleteConfirmation"));
        QVERIFY(box);
        QVERIFY(box->informativeText().contains(victims[0]));
        QVERIFY(box->informativeText().contains(victims[1]));
        box->button(QMessageBox::Cancel)->click();
        QTest::qWait(200);
        QCOMPARE(m_server->requestCount(QStringLiteral("voice-message/v1/Delete")), 0);
        QCOMPARE(model()->count(), 4);

        selectRows(victims);
        page()->deleteAction()->trigger();
        box = waitForBox(QStringLiteral("deleteConfirmation"));
        box->button(QMessageBox::Yes)->click();
        QTRY_COMPARE(model()->count(), 2);
        QCOMPARE(m_server->requestCount(QStringLiteral("voice-message/v1/Delete")), 2);
        QTRY_VERIFY(m_window->banner()->text().contains(QStringLiteral("Deleted 2 services")));
    }

    void deleteReportsEachFailure()
    {
        QTRY_COMPARE(model()->count(), 4);
        m_server->addFault({QStringLiteral("voice-message/v1/Delete"), 1, 1.0, {sandbox::Fault::Kind::Status, 403}});
        selectRows({QStringLiteral("Delivery notification"), QStringLiteral("Survey — customer satisfaction")});
        page()->deleteAction()->trigger();
        waitForBox(QStringLiteral("deleteConfirmation"))->button(QMessageBox::Yes)->click();
        QTRY_VERIFY(m_window->banner()->text().contains(QStringLiteral("Deleted 1 of 2")));
        QVERIFY(m_window->banner()->text().contains(QStringLiteral("not active")));
        QTRY_COMPARE(model()->count(), 3);
    }

    void wrongKeyIsAReadableErrorWithRetry()
    {
        m_profiles->useEnvironment(QUrl(m_server->baseUrl()), QStringLiteral("wrong-key"));
        QTRY_VERIFY(m_window->banner()->isVisible());
        QVERIFY(m_window->banner()->text().contains(QStringLiteral("API key is not valid")));
        QVERIFY(m_window->banner()->findChild<QPushButton *>(QStringLiteral("bannerAction"))->isVisible());
        m_profiles->useEnvironment(QUrl(m_server->baseUrl()), m_server->apiKey());
        QTRY_COMPARE(model()->count(), 4);
    }

    void profileAddAndSwitchKeepsTheKeyOutOfSettings()
    {
        const QString canary = QStringLiteral("canary-key-8c1f0e") + QString(1500, u'x');
        m_window->openProfilesDialog();
        ProfilesDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<ProfilesDialog *>()) && dialog->isVisible());
        dialog->findChild<QPushButton *>(QStringLiteral("addButton"))->click();
        type(dialog, "nameEdit", QStringLiteral("Staging"));
        type(dialog, "urlEdit", m_server->baseUrl());
        auto *key = dialog->findChild<QLineEdit *>(QStringLiteral("keyEdit"));
        QCOMPARE(key->echoMode(), QLineEdit::Password);
        key->setText(canary); // a JWT-sized key is taken whole
        QCOMPARE(key->text(), canary);
        dialog->findChild<QPushButton *>(QStringLiteral("saveButton"))->click();
        QTRY_VERIFY(m_store->find(QStringLiteral("Staging")).has_value());
        const Profile staging = *m_store->find(QStringLiteral("Staging"));
        QTRY_COMPARE(m_backend->contents().value(staging.secretKey()), canary);
        // The sandbox accepts only its own key: switch with the right one stored.
        m_backend->start(SecretBackend::Op::Write, staging.secretKey(), m_server->apiKey(), this, [](const SecretResult &) {});
        QTest::qWait(50);
        QTRY_COMPARE(dialog->findChild<QListWidget *>(QStringLiteral("profileList"))->currentItem()->text(), QStringLiteral("Staging"));
        dialog->findChild<QPushButton *>(QStringLiteral("useButton"))->click();
        QTRY_COMPARE(m_session->profile().name, QStringLiteral("Staging"));
        QTRY_COMPARE(model()->count(), 4);
        QVERIFY(m_window->windowTitle().contains(QStringLiteral("Staging")));
        QVERIFY(!m_window->findChild<MessageBanner *>(QStringLiteral("sandboxBanner"))->isVisible());
        m_window->close();
        m_settings->sync();
        QFile ini(m_settings->fileName());
        QVERIFY(ini.open(QIODevice::ReadOnly));
        const QByteArray text = ini.readAll();
        QVERIFY(text.contains("Staging"));
        QVERIFY(!text.contains("canary-key"));
        QVERIFY(!text.contains(m_server->apiKey().toUtf8()));
    }

    // Issue 23.2: Profiles → Network chooses the proxy (saved without credentials); a proxy that answers
    // 407 gets its password asked once per session, remembered in the keychain only when asked to.
    void proxyIsChosenAndItsPasswordAskedOnce()
    {
        m_window->openProfilesDialog();
        ProfilesDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<ProfilesDialog *>()) && dialog->isVisible());
        auto *combo = dialog->findChild<QComboBox *>(QStringLiteral("proxyCombo"));
        auto *address = dialog->findChild<QLineEdit *>(QStringLiteral("proxyAddressEdit"));
        auto *hint = dialog->findChild<QLabel *>(QStringLiteral("proxyHint"));
        QCOMPARE(combo->currentData().toInt(), int(ProxyConfig::Mode::System));
        QVERIFY(!address->isEnabled());
        combo->setCurrentIndex(combo->findData(int(ProxyConfig::Mode::Manual)));
        Q_EMIT combo->activated(combo->currentIndex());
        QVERIFY(address->isEnabled());
        vc::test::ConnectProxy proxy;
        proxy.requireCredentials("ivan", "gui-proxy-pass");
        proxy.routeToLoopback("api.proxy.test");
        address->setText(QStringLiteral("http://ivan:secret@") + proxy.address());
        Q_EMIT address->textEdited(address->text());
        QVERIFY2(hint->text().contains(QStringLiteral("keychain")), qPrintable(hint->text())); // no password here
        QCOMPARE(m_session->transport()->proxyConfig().mode, ProxyConfig::Mode::System); // not taken
        address->setText(proxy.address());
        Q_EMIT address->textEdited(address->text());
        QCOMPARE(m_session->transport()->proxyConfig().mode, ProxyConfig::Mode::Manual);
        QVERIFY2(hint->text().contains(QStringLiteral("Requests go straight")), qPrintable(hint->text())); // the sandbox is local
        dialog->close();

        // A real (non-local) address: requests take the proxy, which asks for a password.
        m_profiles->useEnvironment(QUrl(QStringLiteral("https://api.proxy.test:1")), QStringLiteral("key"));
        QTRY_VERIFY(m_window->findChild<QLabel *>(QStringLiteral("endpointStatus"))->text().contains(QStringLiteral("via proxy ") + proxy.address()));
        ProxyCredentialsDialog *ask = nullptr;
        QTRY_VERIFY((ask = m_window->findChild<ProxyCredentialsDialog *>()) && ask->isVisible());
        QVERIFY(ask->findChild<QLabel *>()->text().contains(proxy.address()));
        ask->findChild<QLineEdit *>(QStringLiteral("proxyUserEdit"))->setText(QStringLiteral("ivan"));
        auto *password = ask->findChild<QLineEdit *>(QStringLiteral("proxyPasswordEdit"));
        QCOMPARE(password->echoMode(), QLineEdit::Password);
        password->setText(QStringLiteral("gui-proxy-pass"));
        ask->findChild<QCheckBox *>(QStringLiteral("proxyRememberCheck"))->setChecked(true);
        ask->accept();
        QCOMPARE(m_session->transport()->proxyConfig().user, QStringLiteral("ivan"));
        QTRY_COMPARE(m_backend->contents().value(NetworkSetup::keychainKey(proxy.address())), QStringLiteral("ivan\ngui-proxy-pass"));
        // Refresh: the proxy now sees the password, and is not asked about again in this session.
        page()->refreshAction()->trigger();
        QTRY_COMPARE(proxy.lastAuthorization(), "Basic " + QByteArray("ivan:gui-proxy-pass").toBase64());
        // The network log says which proxy, never its password; "Copy as curl" goes the same way.
        const RequestLogEntry last = m_session->transport()->log()->entries().constLast();
        QCOMPARE(last.proxy, proxy.address());
        const QString curl = NetworkLogDock::curlCommand(last);
        QVERIFY2(curl.contains(QStringLiteral("--proxy '") + proxy.address()), qPrintable(curl));
        QVERIFY(!curl.contains(QStringLiteral("gui-proxy-pass")));
        m_session->transport()->setProxyConfig(*ProxyConfig::fromOption(proxy.url())); // credentials gone: 407 again
        page()->refreshAction()->trigger();
        QTRY_VERIFY(proxy.challenged() >= 2);
        QTest::qWait(200);
        QCOMPARE(m_window->findChildren<ProxyCredentialsDialog *>().size(), 0);
        m_window->close();
        m_settings->sync();
        QFile ini(m_settings->fileName());
        QVERIFY(ini.open(QIODevice::ReadOnly));
        const QByteArray text = ini.readAll();
        QVERIFY(text.contains("manual"));
        QVERIFY(!text.contains("gui-proxy-pass") && !text.contains("secret"));
    }

    void keychainThatNeverAnswersIsReported()
    {
        Profile p;
        p.name = QStringLiteral("Locked");
        p.apiUrl = QUrl(m_server->baseUrl());
        m_store->save(p);
        m_backend->setBehaviour(vc::test::MemoryBackend::Behaviour::NeverAnswers);
        m_app->secrets()->setTimeoutMs(300);
        m_profiles->switchTo(m_store->find(QStringLiteral("Locked"))->id);
        QTRY_VERIFY(m_window->banner()->text().contains(QStringLiteral("did not answer")));
        QVERIFY(m_session->profile().sandbox); // still working in the profile it had
    }

    void languageSwitchRetranslatesTheWindow()
    {
        QTRY_COMPARE(model()->count(), 4);
        auto *nav = m_window->findChild<QListWidget *>(QStringLiteral("navigation"));
        QCOMPARE(nav->item(0)->text(), QStringLiteral("Services"));
        m_window->findChild<QAction *>(QStringLiteral("language_ru"))->trigger();
        QTRY_COMPARE(nav->item(0)->text(), QStringLiteral("Услуги"));
        QCOMPARE(m_window->menuBar()->actions().constFirst()->text(), QStringLiteral("&Файл"));
        QCOMPARE(page()->refreshAction()->text(), QStringLiteral("&Обновить"));
        QCOMPARE(page()->table()->model()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("Название"));
        QVERIFY(m_window->windowTitle().contains(QStringLiteral("Песочница")));
        QCOMPARE(m_settings->value(QStringLiteral("ui/language")).toString(), QStringLiteral("ru"));
        m_window->findChild<QAction *>(QStringLiteral("language_en"))->trigger();
        QTRY_COMPARE(nav->item(0)->text(), QStringLiteral("Services"));
    }

    // Help → About names the version and the licence of each library the program is built on, in the
    // operator's language.
    void aboutNamesTheVersionAndTheLicences()
    {
        m_window->findChild<QAction *>(QStringLiteral("aboutAction"))->trigger();
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = m_window->findChild<QMessageBox *>(QStringLiteral("aboutBox"))) != nullptr);
        const QString text = box->text();
        QVERIFY(text.contains(QStringLiteral("Voice Console " VC_VERSION)));
        QVERIFY(text.contains(QString::fromLatin1(qVersion())));
        for (const char *expected : {"Qt</a>", "QtKeychain", "libphonenumber", "GNU LGPL version 3", "BSD 2-clause licence", "Apache License 2.0", "MIT licence"})
            QVERIFY2(text.contains(QLatin1String(expected)), expected);
        box->close();
        QTRY_VERIFY(!m_window->findChild<QMessageBox *>(QStringLiteral("aboutBox")));

        m_window->findChild<QAction *>(QStringLiteral("language_ru"))->trigger();
        m_window->findChild<QAction *>(QStringLiteral("aboutAction"))->trigger();
        QTRY_VERIFY((box = m_window->findChild<QMessageBox *>(QStringLiteral("aboutBox"))) != nullptr);
        QVERIFY(box->text().contains(QStringLiteral("лицензия Apache 2.0")));
        QVERIFY(box->text().contains(QStringLiteral("Распространяется по лицензии MIT")));
        box->close();
        m_window->findChild<QAction *>(QStringLiteral("language_en"))->trigger();
    }

    void stateIsRestoredOnTheNextStart()
    {
        m_window->setCurrentPage(MainWindow::SipPageIndex);
        m_window->close();
        auto second = std::make_unique<MainWindow>(m_session, m_profiles, m_tracker, m_settings);
        QCOMPARE(second->currentPage(), int(MainWindow::SipPageIndex));
    }

    // Issue 23.6: started on the Send page with --api-url, the app asked for the service list twice.
    void startOnTheSendPageAsksForTheServicesOnce()
    {
        const QString list = QStringLiteral("voice-message/v1/GetList");
        m_window->setCurrentPage(MainWindow::SendPageIndex);
        QTRY_VERIFY(m_server->requestCount(list) >= 1);
        QTest::qWait(300);
        m_window->close(); // saves the page
        m_app->closeApp();
        const int before = m_server->requestCount(list);
        m_app->reopenApp();
        MainWindow *window = m_app->window();
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QTRY_COMPARE(window->currentPage(), int(MainWindow::SendPageIndex));
        m_app->profiles()->useEnvironment(QUrl(m_server->baseUrl()), m_server->apiKey()); // what --api-url does
        QTRY_COMPARE(m_server->requestCount(list), before + 1);
        QTest::qWait(700);
        QCOMPARE(m_server->requestCount(list), before + 1);
    }

    void keyboardShortcutsWorkFromTheTable()
    {
        QTRY_COMPARE(model()->count(), 4);
        QTableView *table = page()->table();
        table->setFocus();
        selectRows({QStringLiteral("Delivery notification")});
        QTest::keySequence(table, QKeySequence::Copy);
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("40d781c9-a559-4175-82be-96d5fd4b1ca7"));
        const int before = m_server->requestCount(QStringLiteral("voice-message/v1/GetList"));
        QTest::keyClick(table, Qt::Key_F5);
        QTRY_COMPARE(m_server->requestCount(QStringLiteral("voice-message/v1/GetList")), before + 1);
        QTest::keyClick(table, Qt::Key_Delete);
        QMessageBox *box = waitForBox(QStringLiteral("deleteConfirmation"));
        QVERIFY(box);
        box->button(QMessageBox::Cancel)->click();
        QTest::keySequence(table, QKeySequence::New);
        QTRY_VERIFY(m_window->findChild<ServiceEditorDialog *>() && m_window->findChild<ServiceEditorDialog *>()->isVisible());
        m_window->findChild<ServiceEditorDialog *>()->reject();
        table->setFocus();
        QTest::keySequence(table, QKeySequence::Find);
        QVERIFY(m_window->findChild<QLineEdit *>(QStringLiteral("serviceFilter"))->hasFocus());
    }

    void copyPutsSelectedIdsOnTheClipboard()
    {
        QTRY_COMPARE(model()->count(), 4);
        selectRows({QStringLiteral("Delivery notification")});
        page()->copyAction()->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("40d781c9-a559-4175-82be-96d5fd4b1ca7"));
    }

    void damagedHistoryIsShownInTheBanner()
    {
        auto *banner = m_window->banner();
        QVERIFY2(banner->isVisible(), "a damaged history must not be silent");
        QCOMPARE(banner->level(), MessageBanner::Level::Warning);
        QVERIFY2(banner->text().contains(QStringLiteral("moved aside")), qPrintable(banner->text()));
        QVERIFY(banner->text().contains(QStringLiteral(".corrupt-")));
        QVERIFY(m_history->isOpen());
    }

    void failedHistoryWriteIsShownInTheBanner()
    {
        Q_EMIT m_history->writeFailed(QStringLiteral("call-42"), QStringLiteral("disk I/O error"));
        QCOMPARE(m_window->banner()->level(), MessageBanner::Level::Error);
        QVERIFY(m_window->banner()->text().contains(QStringLiteral("call-42")));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
