// What a screen reader meets: every visible control a person can focus or read has an accessible name,
// in English and in Russian, on every page and dialog; Ctrl+1 ... Ctrl+N reach the pages.
#include "common/language.h"
#include "ui/campaigns/campaignmodels.h"
#include "ui/campaigns/campaignspage.h"
#include "ui/campaigns/wizard/campaignwizard.h"
#include "ui/campaigns/donotcalldialog.h"
#include "ui/shell/profilesdialog.h"
#include "ui/shell/proxycredentialsdialog.h"
#include "ui/shell/contactpolicydialog.h"
#include "ui/shell/teamstoredialog.h"
#include "policy/teamstoreservice.h"
#include "ui/calls/callspage.h"
#include "ui/calls/comparedialog.h"
#include "ui/campaigns/resolveunknowndialog.h"
#include "campaigns/campaignjournal.h"
#include "support/campaigndriver.h"
#include "ui/services/serviceeditordialog.h"
#include "ui/services/servicespage.h"
#include "support/appfixture.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAccessible>
#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QFile>
#include <QMenuBar>
#include <QMessageBox>
#include <QScrollBar>
#include <QStandardPaths>
#include <QPointer>
#include <QTableWidget>
#include <QPushButton>
#include <QDialog>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace vc;
using namespace vc::ui;

namespace {
// A widget a screen reader announces as something to use or to read.
bool needsName(QWidget *w)
{
    // Scroll bars and menus name themselves; a table's header is read as the table's column names.
    if (!w->isVisible() || qobject_cast<QScrollBar *>(w) || qobject_cast<QMenu *>(w) || qobject_cast<QMenuBar *>(w) ||
        qobject_cast<QHeaderView *>(w))
        return false;
    // A message box announces its icon as its kind (question, warning) with its text.
    if (w->objectName() == QLatin1String("qt_msgboxex_icon_label"))
        return false;
    if (auto *label = qobject_cast<QLabel *>(w))
        return !label->text().isEmpty() || !label->pixmap().isNull(); // a picture needs words; text is its own name
    if (qobject_cast<QAbstractButton *>(w) || qobject_cast<QAbstractItemView *>(w))
        return true;
    return w->focusPolicy() & Qt::TabFocus;
}

QStringList unnamed(QWidget *root)
{
    QStringList missing;
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *w : widgets) {
        if (!needsName(w) || w->window() != root->window())
            continue;
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
        if (!iface || iface->text(QAccessible::Name).trimmed().isEmpty()) {
            QString path = QString::fromLatin1(w->metaObject()->className());
            for (QObject *o = w; o; o = o->parent()) {
                if (!o->objectName().isEmpty()) {
                    path += u' ' + o->objectName();
                    break;
                }
            }
            missing.append(path);
        }
    }
    return missing;
}
} // namespace

class TestAccessibility : public QObject
{
    Q_OBJECT
    std::unique_ptr<vc::test::AppFixture> m_app;

    void checkEveryPage(const QString &profileId)
    {
        m_app->profiles()->switchTo(profileId);
        QTRY_COMPARE(m_app->session()->profile().id, profileId);
        for (int page = 0; page < MainWindow::PageCount; ++page) {
            m_app->window()->setCurrentPage(page);
            QTest::qWait(50);
            const QStringList missing = unnamed(m_app->window());
            QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("page %1 of %2: %3").arg(page).arg(profileId, missing.join(QStringLiteral(", ")))));
        }
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        QFETCH_GLOBAL(QString, language);
        Language::install(language);
        m_app = std::make_unique<vc::test::AppFixture>();
        m_app->window()->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_app->window()));
    }
    void cleanup()
    {
        m_app.reset();
        Language::install(QStringLiteral("en"));
    }

    void initTestCase_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("ru") << QStringLiteral("ru");
    }

    void everyExolvePageIsNamed() { checkEveryPage(QLatin1String(ProfileManager::kSandboxId)); }
    void everyLegacyPageIsNamed() { checkEveryPage(QLatin1String(ProfileManager::kLegacySandboxId)); }

    void sipAttributesAreNamedOnceShown()
    {
        m_app->profiles()->switchTo(QLatin1String(ProfileManager::kSandboxId));
        m_app->window()->setCurrentPage(MainWindow::SipPageIndex);
        auto *id = m_app->window()->findChild<QLineEdit *>(QStringLiteral("sipIdEdit"));
        id->setText(QStringLiteral("5202"));
        QTest::keyClick(id, Qt::Key_Return); // Enter in the form's field looks it up
        QTRY_VERIFY(m_app->window()->findChild<QWidget *>(QStringLiteral("sipForm"))->isVisible());
        const QStringList missing = unnamed(m_app->window());
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral(", "))));
    }

    void enterInTheSendFormAsksToSend()
    {
        m_app->profiles()->switchTo(QLatin1String(ProfileManager::kSandboxId));
        MainWindow *window = m_app->window();
        window->setCurrentPage(MainWindow::SendPageIndex);
        auto *services = window->findChild<QComboBox *>(QStringLiteral("serviceCombo"));
        QTRY_VERIFY(services->count() > 0);
        window->findChild<QComboBox *>(QStringLiteral("sourceCombo"))->setEditText(QStringLiteral("+7 495 999-99-99"));
        auto *destination = window->findChild<QLineEdit *>(QStringLiteral("destinationEdit"));
        destination->setText(QStringLiteral("8 926 123 45 67"));
        QTest::keyClick(destination, Qt::Key_Return);
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = window->findChild<QMessageBox *>(QStringLiteral("sendConfirmation"))) && box->isVisible());
        QVERIFY2(unnamed(box).isEmpty(), qPrintable(unnamed(box).join(QStringLiteral(", "))));
        QTest::keyClick(box, Qt::Key_Escape); // Escape answers no: nothing is sent
        QTest::qWait(200);
        QCOMPARE(m_app->server()->requestCount(QStringLiteral("call/v1/MakeVoiceMessage")), 0);
    }

    void namesSpeakTheInterfaceLanguage()
    {
        QFETCH_GLOBAL(QString, language);
        m_app->profiles()->switchTo(QLatin1String(ProfileManager::kSandboxId));
        auto *filter = m_app->window()->findChild<QLineEdit *>(QStringLiteral("serviceFilter"));
        filter->setText(QStringLiteral("x")); // the clear button shows (it is added after the first frame)
        const auto findClear = [filter]() -> QToolButton * {
            for (QToolButton *b : filter->findChildren<QToolButton *>()) {
                if (b->isVisible() && b->defaultAction() && b->defaultAction()->objectName() == QLatin1String("_q_qlineeditclearaction"))
                    return b;
            }
            return nullptr;
        };
        QToolButton *clear = nullptr;
        QTRY_VERIFY((clear = findClear()) != nullptr);
        const QString name = QAccessible::queryAccessibleInterface(clear)->text(QAccessible::Name);
        QCOMPARE(name, language == QLatin1String("ru") ? QStringLiteral("Очистить") : QStringLiteral("Clear"));
        const QString nav = QAccessible::queryAccessibleInterface(m_app->window()->findChild<QListWidget *>(QStringLiteral("navigation")))
                                ->text(QAccessible::Name);
        QCOMPARE(nav, language == QLatin1String("ru") ? QStringLiteral("Страницы") : QStringLiteral("Pages"));
    }

    void theWindowStartedWithAnAddressIsNamed()
    {
        m_app->profiles()->useEnvironment(QUrl(m_app->server()->baseUrl()), m_app->server()->apiKey());
        QTest::qWait(100);
        const QStringList missing = unnamed(m_app->window());
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral(", "))));
    }

    void networkLogIsNamed()
    {
        m_app->profiles()->switchTo(QLatin1String(ProfileManager::kSandboxId));
        // Opened the way an operator does, from the keyboard: the dock is built on first use.
        MainWindow *window = m_app->window();
        window->show();
        QVERIFY(QTest::qWaitForWindowActive(window));
        QVERIFY(!window->findChild<QDockWidget *>());
        QTest::keyClick(window, Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
        QDockWidget *dock = nullptr;
        QTRY_VERIFY((dock = window->findChild<QDockWidget *>()) && dock->isVisible());
        QVERIFY(window->findChild<QAction *>(QStringLiteral("networkLogAction"))->isChecked());
        const QStringList missing = unnamed(m_app->window());
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral(", "))));
    }

    void dialogsAreNamed()
    {
        m_app->profiles()->switchTo(QLatin1String(ProfileManager::kSandboxId));
        m_app->window()->servicesPage()->newAction()->trigger();
        ServiceEditorDialog *editor = nullptr;
        QTRY_VERIFY((editor = m_app->window()->findChild<ServiceEditorDialog *>()) && editor->isVisible());
        QStringList missing = unnamed(editor);
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("service editor: ") + missing.join(QStringLiteral(", "))));
        QTest::keyClick(editor, Qt::Key_Escape); // Escape closes without acting
        QTRY_VERIFY(!editor->isVisible());

        ProfilesDialog *profiles = m_app->window()->openProfilesDialog();
        QVERIFY(QTest::qWaitForWindowExposed(profiles));
        missing = unnamed(profiles);
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("profiles: ") + missing.join(QStringLiteral(", "))));
        profiles->startNewProfile();
        missing = unnamed(profiles);
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("new profile: ") + missing.join(QStringLiteral(", "))));
        QTest::keyClick(profiles, Qt::Key_Escape);
        QTRY_VERIFY(!profiles->isVisible());

        // The proxy's password, asked when a proxy answers 407.
        auto *ask = new ProxyCredentialsDialog(QStringLiteral("proxy.example:3128"), m_app->window());
        ask->setAttribute(Qt::WA_DeleteOnClose);
        ask->open();
        QVERIFY(QTest::qWaitForWindowExposed(ask));
        missing = unnamed(ask);
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("proxy password: ") + missing.join(QStringLiteral(", "))));
        const QPointer<ProxyCredentialsDialog> askGuard(ask);
        QTest::keyClick(ask, Qt::Key_Escape);
        QTRY_VERIFY(!askGuard || !askGuard->isVisible());

        // Tools -> Contact Policy.
        m_app->window()->findChild<QAction *>(QStringLiteral("contactPolicyAction"))->trigger();
        ContactPolicyDialog *policy = nullptr;
        QTRY_VERIFY((policy = m_app->window()->findChild<ContactPolicyDialog *>()) && policy->isVisible());
        missing = unnamed(policy);
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("contact policy: ") + missing.join(QStringLiteral(", "))));
        policy->reject();

        // Profiles -> Team Store, in both modes; a missing host is flagged before any connection.
        TeamStoreService teamStore;
        m_app->window()->setTeamStore(&teamStore);
        QVERIFY(m_app->window()->findChild<QLabel *>(QStringLiteral("storeStatus"))->isVisible());
        m_app->window()->findChild<QAction *>(QStringLiteral("teamStoreAction"))->trigger();
        TeamStoreDialog *store = nullptr;
        QTRY_VERIFY((store = m_app->window()->findChild<TeamStoreDialog *>()) && store->isVisible());
        missing = unnamed(store);
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("team store: ") + missing.join(QStringLiteral(", "))));
        store->findChild<QComboBox *>(QStringLiteral("storeModeCombo"))->setCurrentIndex(1);
        missing = unnamed(store);
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("team store (PostgreSQL): ") + missing.join(QStringLiteral(", "))));
        auto *host = store->findChild<QLineEdit *>(QStringLiteral("hostEdit"));
        QVERIFY(host->isEnabled());
        store->findChild<QPushButton *>(QStringLiteral("testConnectionButton"))->click();
        QCOMPARE(store->findChild<QLabel *>(QStringLiteral("teamStoreMessage"))->text(),
                 QCoreApplication::translate("vc::ui::TeamStoreDialog", "Give the server's host name or address."));
        QVERIFY(!host->styleSheet().isEmpty()); // flagged
        QTest::keyClick(store, Qt::Key_Escape);
        QTRY_VERIFY(!store->isVisible());

        // Calls -> Compare with Exolve, and the Resolve Unknown dialog (on a journal of nothing unknown).
        m_app->window()->setCurrentPage(MainWindow::CallsPageIndex);
        m_app->window()->callsPage()->findChild<QPushButton *>(QStringLiteral("compareButton"))->click();
        CompareDialog *compare = nullptr;
        QTRY_VERIFY((compare = m_app->window()->findChild<CompareDialog *>()) && compare->isVisible());
        missing = unnamed(compare);
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("compare: ") + missing.join(QStringLiteral(", "))));
        compare->close();
        {
            QTemporaryDir dir;
            const QString journal = dir.filePath(QStringLiteral("a11y.journal"));
            CampaignJournal j;
            QVERIFY(j.create(journal, {}));
            j.close();
            ResolveUnknownDialog resolve(journal, m_app->session()->exolve(), QString(), m_app->window());
            resolve.show();
            QVERIFY(QTest::qWaitForWindowExposed(&resolve));
            missing = unnamed(&resolve);
            QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("resolve unknown: ") + missing.join(QStringLiteral(", "))));
        }

        // Campaigns: the do-not-call list, each wizard page, and the page with a campaign on it.
        CampaignsPage *campaigns = m_app->window()->campaignsPage();
        campaigns->doNotCallAction()->trigger();
        DoNotCallDialog *dnc = nullptr;
        QTRY_VERIFY((dnc = m_app->window()->findChild<DoNotCallDialog *>()) && dnc->isVisible());
        dnc->addNumber(QStringLiteral("+7 926 000-00-01"));
        missing = unnamed(dnc);
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("do-not-call list: ") + missing.join(QStringLiteral(", "))));
        // Its history: the number just added, with its reason, in a named, read-only table.
        dnc->findChild<QPushButton *>(QStringLiteral("historyButton"))->click();
        QDialog *history = nullptr;
        QTRY_VERIFY((history = dnc->findChild<QDialog *>(QStringLiteral("doNotCallHistory"))) && history->isVisible());
        auto *table = history->findChild<QTableWidget *>(QStringLiteral("historyTable"));
        QVERIFY(table && table->rowCount() >= 1);
        QCOMPARE(table->item(table->rowCount() - 1, 2)->text(), QStringLiteral("79260000001"));
        missing = unnamed(history);
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("do-not-call history: ") + missing.join(QStringLiteral(", "))));
        history->reject();
        QTest::keyClick(dnc, Qt::Key_Escape);
        QTRY_VERIFY(!dnc->isVisible());
        QFile csv(m_app->path(QStringLiteral("a11y.csv")));
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write("phone;tz\n+7 926 555-01-15;Asia/Omsk\n+7 926 000-00-01;\nnot a number;\n");
        csv.close();
        QStringList pages;
        const QString journal = vc::test::runCampaignWizard(m_app->window(), csv.fileName(), {}, [&](const QString &step) {
            const QStringList names = unnamed(m_app->window()->findChild<CampaignWizard *>());
            if (!names.isEmpty())
                pages << step + QStringLiteral(": ") + names.join(QStringLiteral(", "));
        });
        QVERIFY(!journal.isEmpty());
        QVERIFY2(pages.isEmpty(), qPrintable(pages.join(QStringLiteral("; "))));
        m_app->window()->setCurrentPage(MainWindow::CampaignsPageIndex);
        QTRY_VERIFY(campaigns->rowsModel()->rowCount() == 3);
        missing = unnamed(m_app->window());
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("campaigns page: ") + missing.join(QStringLiteral(", "))));
    }

    // Ctrl+1 ... Ctrl+N on the real window, in navigation order, and shown in the View menu.
    void ctrlNumberSwitchesPages()
    {
        m_app->profiles()->switchTo(QLatin1String(ProfileManager::kSandboxId));
        MainWindow *window = m_app->window();
        auto *nav = window->findChild<QListWidget *>(QStringLiteral("navigation"));
        for (int page : {2, 0, 4, 3, 1}) {
            QTest::keyClick(window, Qt::Key(Qt::Key_1 + page), Qt::ControlModifier);
            QTRY_COMPARE(window->currentPage(), page);
            QCOMPARE(nav->currentRow(), page);
        }
        for (int page = 0; page < MainWindow::PageCount; ++page) {
            auto *action = window->findChild<QAction *>(QStringLiteral("showPage%1").arg(page + 1));
            QVERIFY(action);
            QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + page)));
            QCOMPARE(action->text().remove(u'&'), nav->item(page)->text().remove(u'&'));
        }
    }
};

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
