// The window on a team store, against the throwaway PostgreSQL of scripts/with-postgres.sh: Profiles →
// Team Store tests the connection and saves (the password into the keychain, never the settings), the
// status bar names the store, a single send is counted in the team's ledger, the Campaigns page shows a
// campaign another operator runs on another computer, and switching back to this computer's store
// leaves the team's untouched. Without PostgreSQL: skipped, with the reason.
#include "campaigns/teamcampaigns.h"
#include "policy/contactledger.h"
#include "store/teamstore.h"
#include "support/appfixture.h"
#include "support/throwawaypostgres.h"
#include "ui/campaigns/campaignspage.h"
#include "ui/campaigns/teamcampaignsview.h"
#include "ui/send/sendpage.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/teamstoredialog.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSettings>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>

using namespace vc;
using namespace vc::ui;

template <typename R>
auto must(R &&r)
{
    if (!r)
        qFatal("%s", qPrintable(errorMessage(r.error())));
    return std::move(r.value());
}

class TestTeamStoreGui : public QObject
{
    Q_OBJECT

    std::unique_ptr<vc::test::AppFixture> m_app;
    TeamStoreAddress m_address;
    QString m_password;

    MainWindow *window() const { return m_app->window(); }
    QString status() const { return window()->findChild<QLabel *>(QStringLiteral("storeStatus"))->text(); }

    TeamStoreDialog *openDialog()
    {
        window()->findChild<QAction *>(QStringLiteral("teamStoreAction"))->trigger();
        TeamStoreDialog *dialog = nullptr;
        (void)QTest::qWaitFor([&] { return (dialog = window()->findChild<TeamStoreDialog *>()) && dialog->isVisible(); }, 5000);
        return dialog;
    }

private slots:
    void initTestCase()
    {
        const auto op1 = vc::test::throwawayTeamStore(1);
        if (!op1)
            QSKIP(qPrintable(vc::test::noThrowawayTeamStore()));
        m_address = op1->address;
        m_password = op1->password;
        m_app = std::make_unique<vc::test::AppFixture>();
        m_app->profiles()->switchTo(QLatin1String(ProfileManager::kSandboxId));
        QTRY_COMPARE(m_app->session()->profile().id, QLatin1String(ProfileManager::kSandboxId));
    }
    void cleanupTestCase()
    {
        TeamStore::selectLocal();
        m_app.reset();
    }

    void chooseTheTeamStore()
    {
        QCOMPARE(status(), QCoreApplication::translate("vc::ui::MainWindow", "Store: this computer"));
        TeamStoreDialog *dialog = openDialog();
        QVERIFY(dialog);
        dialog->findChild<QComboBox *>(QStringLiteral("storeModeCombo"))->setCurrentIndex(1);
        dialog->findChild<QLineEdit *>(QStringLiteral("hostEdit"))->setText(m_address.host);
        dialog->findChild<QSpinBox *>(QStringLiteral("portSpin"))->setValue(m_address.port);
        dialog->findChild<QLineEdit *>(QStringLiteral("databaseEdit"))->setText(m_address.database);
        dialog->findChild<QLineEdit *>(QStringLiteral("userEdit"))->setText(m_address.user);
        auto *tls = dialog->findChild<QComboBox *>(QStringLiteral("tlsCombo"));
        tls->setCurrentIndex(tls->findData(QStringLiteral("disable")));
        // A wrong password first: said, in the dialog, with the server's words; nothing saved.
        dialog->findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->setText(QStringLiteral("wrong"));
        dialog->findChild<QPushButton *>(QStringLiteral("testConnectionButton"))->click();
        auto *message = dialog->findChild<QLabel *>(QStringLiteral("teamStoreMessage"));
        QTRY_VERIFY_WITH_TIMEOUT(message->text().contains(QLatin1String("password")), 15000);
        QVERIFY(!TeamStore::selected());
        dialog->findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->setText(m_password);
        dialog->findChild<QPushButton *>(QStringLiteral("testConnectionButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(message->text().contains(QLatin1String("schema version")), 15000);
        const QPointer<TeamStoreDialog> closing(dialog); // deleted once closed
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
        QTRY_VERIFY(!closing || !closing->isVisible());
        QVERIFY(TeamStore::selected());
        QCOMPARE(TeamStore::selected()->host, m_address.host);
        // The password is in the keychain, and nowhere in the settings.
        QCOMPARE(m_app->keychain()->contents().value(m_address.secretKey()), m_password);
        m_app->settings()->sync();
        QFile file(m_app->settings()->fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray settings = file.readAll();
        QVERIFY(settings.contains("teamStore"));
        QVERIFY(!settings.contains(m_password.toUtf8()));
        QTRY_COMPARE(status(), QCoreApplication::translate("vc::ui::MainWindow", "Team store: %1").arg(m_address.host));
    }

    void aSingleSendIsCountedOnTheTeamStore()
    {
        const QString number = QStringLiteral("7926%1").arg(QRandomGenerator::global()->bounded(1000000, 9999999));
        ContactLedger team(m_address, m_password);
        const qint64 before = team.total().valueOr(-1);
        QVERIFY(before >= 0);
        window()->setCurrentPage(MainWindow::SendPageIndex);
        SendPage *send = window()->sendPage();
        QTRY_VERIFY_WITH_TIMEOUT(send->findChild<QComboBox *>(QStringLiteral("serviceCombo"))->count() > 0, 10000);
        send->findChild<QComboBox *>(QStringLiteral("sourceCombo"))->setEditText(QStringLiteral("+7 495 999-99-99"));
        send->findChild<QLineEdit *>(QStringLiteral("destinationEdit"))->setText(number);
        QTRY_VERIFY(send->findChild<QPushButton *>(QStringLiteral("sendButton"))->isEnabled());
        send->findChild<QPushButton *>(QStringLiteral("sendButton"))->click();
        QMessageBox *confirm = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((confirm = window()->findChild<QMessageBox *>(QStringLiteral("sendConfirmation"))) && confirm->isVisible(), 15000);
        confirm->button(QMessageBox::Yes)->click();
        QTRY_VERIFY_WITH_TIMEOUT(team.total().valueOr(0) == before + 1, 15000);
        QVERIFY(!must(team.check(number, QTimeZone::utc(), {1, 0, 0})).allowed);
    }

    void theTeamsCampaignsAreShown()
    {
        // Another operator's computer runs a campaign: its lease and heartbeat, from this process.
        const auto op2 = *vc::test::throwawayTeamStore(2);
        const TeamStoreAddress &other = op2.address;
        TeamStore::select(other, op2.password);
        TeamCampaignLease lease;
        const QString id = QStringLiteral("gui-%1").arg(QRandomGenerator::global()->generate());
        CampaignCounts counts;
        counts.ready = 40;
        counts.placed = 12;
        counts.waiting = 28;
        QVERIFY(must(lease.acquire(id, QStringLiteral("reminders-desk2"), QStringLiteral("/home/op2/reminders-desk2.journal"), counts, nullptr)));
        TeamStore::select(m_address, m_password);
        window()->setCurrentPage(MainWindow::CampaignsPageIndex);
        TeamCampaignsView *view = window()->campaignsPage()->teamCampaigns();
        QTRY_VERIFY(view->isVisibleTo(window()->campaignsPage()));
        view->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(view->campaigns().cbegin(), view->campaigns().cend(),
                                             [&](const TeamCampaign &c) { return c.id == id && c.live; }),
                                 15000);
        auto *table = view->findChild<QTableWidget *>(QStringLiteral("teamCampaignsTable"));
        bool shown = false;
        for (int row = 0; row < table->rowCount(); ++row) {
            if (table->item(row, 0)->text() == QLatin1String("reminders-desk2")) {
                shown = table->item(row, 2)->text() == other.user &&
                        table->item(row, 1)->text() == QCoreApplication::translate("vc::ui::TeamCampaignsView", "running") &&
                        table->item(row, 5)->text().startsWith(QLatin1String("12"));
            }
        }
        QVERIFY(shown);
        lease.release(QStringLiteral("finished"), counts);
    }

    void backToThisComputersStore()
    {
        TeamStoreDialog *dialog = openDialog();
        QVERIFY(dialog);
        dialog->findChild<QComboBox *>(QStringLiteral("storeModeCombo"))->setCurrentIndex(0);
        const QPointer<TeamStoreDialog> closing(dialog); // deleted once closed
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
        QTRY_VERIFY(!closing || !closing->isVisible());
        QVERIFY(!TeamStore::selected());
        QTRY_COMPARE(status(), QCoreApplication::translate("vc::ui::MainWindow", "Store: this computer"));
        QTRY_VERIFY(!window()->campaignsPage()->teamCampaigns()->isVisibleTo(window()->campaignsPage()) ||
                    !TeamStore::selected());
    }

};

QTEST_MAIN(TestTeamStoreGui)
#include "tst_teamstoregui.moc"
