// The Campaigns page and wizard in the real window against the sandbox: a whole campaign, pause and
// resume, a window closed mid-run and reopened, and a journal a crash left behind.
#include "ui/campaigns/campaignmodels.h"
#include "campaigns/campaignjournal.h"
#include "campaigns/donotcall.h"
#include "ui/calls/callspage.h"
#include "common/language.h"
#include "ui/shell/messagebanner.h"
#include "sandboxseeds.h"
#include "support/appfixture.h"
#include "support/campaigndriver.h"
#include "ui/campaigns/wizard/campaignwizard.h"
#include "ui/campaigns/resolveunknowndialog.h"

#include <QDateTimeEdit>
#include <QTableWidget>
#include "support/must.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QLineEdit>
#include <QWizardPage>
#include <QTest>
#include <QTimer>

using namespace vc;
using namespace vc::ui;

namespace {
QStringList numbers(int count, int first)
{
    QStringList list;
    for (int i = first; i < first + count; ++i)
        list << QStringLiteral("7926%1").arg(1000000 + i * 10 + 5, 7, 10, QLatin1Char('0'));
    return list;
}
} // namespace

class TestCampaignsGui : public QObject
{
    Q_OBJECT
    std::unique_ptr<vc::test::AppFixture> m_app;

    MainWindow *window() const { return m_app->window(); }
    CampaignsPage *page() const { return window()->campaignsPage(); }

    void startApp(const std::function<void(const QString &)> &beforeStart = {})
    {
        sandbox::SandboxOptions o;
        o.callSpeed = 50;
        m_app = std::make_unique<vc::test::AppFixture>(o, beforeStart);
        showSandbox();
    }
    void showSandbox()
    {
        m_app->profiles()->switchTo(QLatin1String(ProfileManager::kSandboxId));
        QTRY_VERIFY(m_app->session()->isActive());
        window()->show();
        QVERIFY(QTest::qWaitForWindowExposed(window()));
        window()->setCurrentPage(MainWindow::CampaignsPageIndex);
    }
    QString writeCsv(const QString &name, const QStringList &lines)
    {
        const QString path = m_app->path(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write the test file");
        f.write(QString(QStringLiteral("phone\n") + lines.join(u'\n') + u'\n').toUtf8());
        return path;
    }
    CampaignCounts countsOf(const QString &path)
    {
        CampaignJournal j;
        if (!j.openReadOnly(path))
            return {};
        return j.counts();
    }
    // A confirmed campaign of these numbers (from line 2, after a header) for the sandbox profile, as a
    // run that never got to call them leaves it.
    static void makeStartedJournal(CampaignJournal &j, const QString &path, const QStringList &list, double rate = 1)
    {
        CampaignSettings s;
        s.source = QStringLiteral("74951234567");
        s.serviceId = QString::fromLatin1(sandbox::seeds::kReminderServiceId);
        s.profile = QLatin1String(ProfileManager::kSandboxId);
        s.rate = rate;
        if (!j.create(path, s) || !j.beginImport())
            qFatal("cannot make the journal");
        for (int i = 0; i < list.size(); ++i) {
            CampaignRow row;
            row.line = i + 2;
            row.given = list.at(i);
            row.number = list.at(i);
            vc::test::must(j.addRow(row));
        }
        vc::test::must(j.endImport());
        vc::test::must(j.setMeta(QStringLiteral("state"), QStringLiteral("started")));
    }
    bool finished(const QString &path)
    {
        CampaignController *c = page()->registry()->controller(path);
        return c && c->state() == CampaignController::State::Finished;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        Language::install(QStringLiteral("en"));
    }
    void cleanup() { m_app.reset(); }

    // From the wizard to the report: every ready number called once, duplicates and the do-not-call
    // list never; the Calls page filters by the campaign.
    void wholeCampaign()
    {
        startApp();
        const QStringList list = numbers(8, 100);
        DoNotCallList dnc;
        QVERIFY(dnc.load(DoNotCallList::defaultPath()));
        QVERIFY(dnc.add({list.at(7)}));
        QStringList rows = list;
        rows << list.at(0) << QStringLiteral("not a number");
        const QString path = vc::test::runCampaignWizard(window(), writeCsv(QStringLiteral("whole.csv"), rows), [](QWidget *s) {
            s->findChild<QDoubleSpinBox *>(QStringLiteral("rateSpin"))->setValue(20);
            s->findChild<QCheckBox *>(QStringLiteral("windowCheck"))->setChecked(false);
        });
        QVERIFY(!path.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(finished(path), 90000);
        const CampaignCounts c = countsOf(path);
        QCOMPARE(c.ready, 7);
        QCOMPARE(c.completed, 7);
        QCOMPARE(c.duplicate, 1);
        QCOMPARE(c.suppressed, 1);
        QCOMPARE(c.invalid, 1);
        for (int i = 0; i < 7; ++i)
            QCOMPARE(m_app->server()->callsTo().value(list.at(i)), 1);
        QVERIFY(!m_app->server()->callsTo().contains(list.at(7)));
        // The page shows it finished, with its rows; the Calls page lists its calls under its name.
        QCOMPARE(page()->selectedPath(), path);
        QTRY_VERIFY(page()->findChild<QLabel *>(QStringLiteral("stateLabel"))->text().contains(QStringLiteral("Finished")));
        QCOMPARE(page()->rowsModel()->rowCount(), 10);
        window()->setCurrentPage(MainWindow::CallsPageIndex);
        auto *filter = window()->callsPage()->findChild<QComboBox *>(QStringLiteral("campaignFilter"));
        QTRY_VERIFY(filter->count() == 2);
        filter->setCurrentIndex(1);
        Q_EMIT filter->activated(1);
        QTRY_COMPARE(window()->callsPage()->findChild<QTableView *>(QStringLiteral("callsTable"))->model()->rowCount(), 7);
    }

    // The confirm page's test call: one call to the operator's number first, Start Calling held until it
    // ends, the result said; then the campaign, whose numbers are each called once.
    void testCallOnTheConfirmPage()
    {
        startApp();
        const QStringList list = numbers(2, 150);
        const QString mine = QStringLiteral("79001009985");
        bool heldWhileCalling = false;
        bool completeAfter = false;
        QString result;
        const QString path = vc::test::runCampaignWizard(
            window(), writeCsv(QStringLiteral("tested.csv"), list),
            [](QWidget *s) {
                s->findChild<QDoubleSpinBox *>(QStringLiteral("rateSpin"))->setValue(20);
                s->findChild<QCheckBox *>(QStringLiteral("windowCheck"))->setChecked(false);
            },
            [&](const QString &step) {
                if (step != QLatin1String("confirm"))
                    return;
                auto *wizard = window()->findChild<CampaignWizard *>();
                QWizardPage *confirm = wizard->currentPage();
                confirm->findChild<QLineEdit *>(QStringLiteral("testNumberEdit"))->setText(mine);
                confirm->findChild<QPushButton *>(QStringLiteral("testCallButton"))->click();
                heldWhileCalling = !confirm->isComplete();
                auto *label = confirm->findChild<QLabel *>(QStringLiteral("testResult"));
                (void)QTest::qWaitFor([&] { return label->text().contains(QStringLiteral("delivered")); }, 30000);
                result = label->text();
                completeAfter = confirm->isComplete();
            });
        QVERIFY(heldWhileCalling);
        QVERIFY2(result.contains(QStringLiteral("delivered")), qPrintable(result));
        QVERIFY(completeAfter);
        QVERIFY(!path.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(finished(path), 60000);
        QCOMPARE(m_app->server()->callsTo().value(mine), 1);
        for (const QString &n : list)
            QCOMPARE(m_app->server()->callsTo().value(n), 1);
    }

    // Exolve's re-dials are set per outcome in the wizard (busy, no answer, each with its gap) and kept in
    // the journal; integrationapi.net's single pair is not offered for Exolve.
    void redialPerOutcomeInTheWizard()
    {
        startApp();
        bool legacyRowHidden = false;
        const QString path = vc::test::runCampaignWizard(window(), writeCsv(QStringLiteral("redial.csv"), numbers(1, 170)), [&](QWidget *s) {
            s->findChild<QDoubleSpinBox *>(QStringLiteral("rateSpin"))->setValue(20);
            s->findChild<QCheckBox *>(QStringLiteral("windowCheck"))->setChecked(false);
            legacyRowHidden = !s->findChild<QSpinBox *>(QStringLiteral("redialSpin"))->isVisibleTo(s) &&
                              s->findChild<QSpinBox *>(QStringLiteral("busySpin"))->isVisibleTo(s);
            auto *busyGap = s->findChild<QSpinBox *>(QStringLiteral("busyGapSpin"));
            QVERIFY(!busyGap->isEnabled()); // no re-dial, no gap to ask
            s->findChild<QSpinBox *>(QStringLiteral("busySpin"))->setValue(2);
            QVERIFY(busyGap->isEnabled());
            busyGap->setValue(15);
            s->findChild<QSpinBox *>(QStringLiteral("noAnswerSpin"))->setValue(1);
            s->findChild<QSpinBox *>(QStringLiteral("noAnswerGapSpin"))->setValue(45);
        });
        QVERIFY(legacyRowHidden);
        QVERIFY(!path.isEmpty());
        CampaignJournal j;
        QVERIFY(j.openReadOnly(path));
        QCOMPARE(j.settings().redial, 0);
        QCOMPARE(j.settings().redialBusy, 2);
        QCOMPARE(j.settings().redialBusyGapMin, 15);
        QCOMPARE(j.settings().redialNoAnswer, 1);
        QCOMPARE(j.settings().redialNoAnswerGapMin, 45);
        j.close();
        QTRY_VERIFY_WITH_TIMEOUT(finished(path), 60000);
    }

    // A campaign confirmed for later shows its countdown to the first call, and calls nobody before it.
    void scheduledCampaignShowsItsCountdown()
    {
        startApp();
        const QStringList list = numbers(1, 180);
        const QString path = vc::test::runCampaignWizard(window(), writeCsv(QStringLiteral("later.csv"), list), [](QWidget *s) {
            s->findChild<QCheckBox *>(QStringLiteral("windowCheck"))->setChecked(false);
            s->findChild<QCheckBox *>(QStringLiteral("startCheck"))->setChecked(true);
            s->findChild<QDateTimeEdit *>(QStringLiteral("startEdit"))->setDateTime(QDateTime::currentDateTime().addSecs(2 * 3600));
        });
        QVERIFY(!path.isEmpty());
        auto *label = page()->findChild<QLabel *>(QStringLiteral("stateLabel"));
        QTRY_VERIFY2(label->text().contains(QStringLiteral("Scheduled: the first call at")), qPrintable(label->text()));
        QVERIFY2(label->text().contains(QStringLiteral("(in 1 h 59")) || label->text().contains(QStringLiteral("(in 2 h")), qPrintable(label->text()));
        QVERIFY(!m_app->server()->callsTo().contains(list.at(0)));
    }

    // Calls whose answers were lost: Resolve Unknown… asks Exolve's call history, shows what it says of
    // each row, and the campaign then follows the calls found; nobody is called twice.
    void resolveUnknownFromTheCallHistory()
    {
        startApp();
        const QStringList list = numbers(2, 190);
        sandbox::FaultRule drop;
        drop.endpoint = QStringLiteral("call/v1/MakeVoiceMessage");
        drop.fault.kind = sandbox::Fault::Kind::PlaceThenDrop;
        m_app->server()->addFault(drop);
        const QString path = vc::test::runCampaignWizard(window(), writeCsv(QStringLiteral("lost.csv"), list), [](QWidget *s) {
            s->findChild<QDoubleSpinBox *>(QStringLiteral("rateSpin"))->setValue(20);
            s->findChild<QCheckBox *>(QStringLiteral("windowCheck"))->setChecked(false);
        });
        QVERIFY(!path.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(countsOf(path).unknown == 2 && (!page()->registry()->controller(path) || !page()->registry()->controller(path)->isActive()), 60000);
        m_app->server()->clearFaults();
        QCOMPARE(m_app->server()->callsPlaced(), 2);
        auto *resolve = window()->findChild<QAction *>(QStringLiteral("resolveUnknownAction"));
        page()->reload();
        QTRY_VERIFY(resolve->isEnabled());
        QStringList verdicts;
        QString summary;
        QTimer::singleShot(0, this, [&] {
            ResolveUnknownDialog *dialog = nullptr;
            (void)QTest::qWaitFor([&] { return (dialog = window()->findChild<ResolveUnknownDialog *>()) && dialog->isVisible(); }, 5000);
            if (!dialog)
                return;
            auto *label = dialog->findChild<QLabel *>(QStringLiteral("resolveSummary"));
            (void)QTest::qWaitFor([&] { return label->text().contains(QStringLiteral("Placed: 2")); }, 20000);
            summary = label->text();
            auto *table = dialog->findChild<QTableWidget *>(QStringLiteral("unknownRowsTable"));
            for (int r = 0; r < table->rowCount(); ++r)
                verdicts << table->item(r, 2)->data(Qt::UserRole).toString();
            dialog->reject();
        });
        resolve->trigger();
        QVERIFY2(summary.contains(QStringLiteral("Placed: 2")), qPrintable(summary));
        QCOMPARE(verdicts, (QStringList{QStringLiteral("placed"), QStringLiteral("placed")}));
        QCOMPARE(countsOf(path).unknown, 0);
        QCOMPARE(countsOf(path).following, 2);
        window()->findChild<QAction *>(QStringLiteral("resumeCampaignAction"))->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(countsOf(path).completed == 2, 60000);
        QCOMPARE(m_app->server()->callsPlaced(), 2);
    }

    // Pause stops new calls; Resume goes on; nobody is called twice.
    void pauseAndResume()
    {
        startApp();
        const QStringList list = numbers(30, 200);
        const QString path = vc::test::runCampaignWizard(window(), writeCsv(QStringLiteral("pause.csv"), list), [](QWidget *s) {
            s->findChild<QDoubleSpinBox *>(QStringLiteral("rateSpin"))->setValue(5);
            s->findChild<QCheckBox *>(QStringLiteral("windowCheck"))->setChecked(false);
        });
        QVERIFY(!path.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(m_app->server()->callsPlaced() >= 3, 10000);
        // Closing the window while it calls asks first; Cancel keeps both the window and the campaign.
        QTimer::singleShot(0, this, [this] {
            QMessageBox *box = nullptr;
            (void)QTest::qWaitFor([&] { return (box = window()->findChild<QMessageBox *>(QStringLiteral("quitWhileRunning"))) && box->isVisible(); }, 5000);
            QVERIFY(box);
            QVERIFY(box->text().contains(QStringLiteral("unknown outcome")));
            box->button(QMessageBox::Cancel)->click();
        });
        window()->close();
        QVERIFY(window()->isVisible());
        QVERIFY(page()->registry()->controller(path)->isActive());
        auto *pause = window()->findChild<QAction *>(QStringLiteral("pauseCampaignAction"));
        QVERIFY(pause->isEnabled());
        pause->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(page()->registry()->controller(path)->state(), CampaignController::State::Paused, 10000);
        const int placed = m_app->server()->callsPlaced();
        QVERIFY(placed < 30);
        QTest::qWait(1000);
        QCOMPARE(m_app->server()->callsPlaced(), placed); // nothing while paused
        QTRY_VERIFY(window()->findChild<QAction *>(QStringLiteral("resumeCampaignAction"))->isEnabled());
        window()->findChild<QAction *>(QStringLiteral("resumeCampaignAction"))->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(finished(path), 90000);
        for (const QString &n : list)
            QCOMPARE(m_app->server()->callsTo().value(n), 1);
        QCOMPARE(countsOf(path).completed, 30);
    }

    // The window closes mid-run; reopened, the campaign is offered (never resumed on its own) and goes
    // on where it stopped: at most one call per number.
    void closeAndReopen()
    {
        startApp();
        const QStringList list = numbers(30, 300);
        const QString path = vc::test::runCampaignWizard(window(), writeCsv(QStringLiteral("reopen.csv"), list), [](QWidget *s) {
            s->findChild<QDoubleSpinBox *>(QStringLiteral("rateSpin"))->setValue(5);
            s->findChild<QCheckBox *>(QStringLiteral("windowCheck"))->setChecked(false);
        });
        QVERIFY(!path.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(m_app->server()->callsPlaced() >= 4, 10000);
        m_app->closeApp();
        const int placed = m_app->server()->callsPlaced();
        QVERIFY(placed < 30);
        QTest::qWait(500);
        QCOMPARE(m_app->server()->callsPlaced(), placed);
        m_app->reopenApp();
        showSandbox();
        QTRY_VERIFY(window()->banner()->text().contains(QFileInfo(path).completeBaseName()));
        QTest::qWait(500);
        QCOMPARE(m_app->server()->callsPlaced(), placed); // offered, not resumed
        QCOMPARE(page()->interrupted(), QStringList{path});
        page()->select(path);
        window()->findChild<QAction *>(QStringLiteral("resumeCampaignAction"))->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(finished(path), 90000);
        const CampaignCounts c = countsOf(path);
        QCOMPARE(c.placed + c.unknown, 30);
        QCOMPARE(c.waiting, 0);
        for (const QString &n : list)
            QVERIFY(m_app->server()->callsTo().value(n) <= 1);
    }

    // A campaign nobody confirmed (a wizard or a voicectl prompt that never finished) and one voicectl ran
    // against another address are never started from the window: no call.
    void unconfirmedAndForeignCampaignsAreNotStarted()
    {
        const QStringList list = numbers(3, 500);
        QString preview, foreign;
        startApp([&](const QString &folder) {
            const auto make = [&](const QString &name, const QString &state, const QString &profile, const QString &url) {
                const QString path = folder + QStringLiteral("/data/campaigns/") + name + QStringLiteral(".journal");
                CampaignJournal j;
                CampaignSettings s;
                s.source = QStringLiteral("74951234567");
                s.serviceId = QString::fromLatin1(sandbox::seeds::kReminderServiceId);
                s.profile = profile;
                s.apiUrl = url;
                if (!j.create(path, s) || !j.beginImport())
                    qFatal("cannot make the journal");
                for (int i = 0; i < list.size(); ++i) {
                    CampaignRow row;
                    row.line = i + 2;
                    row.given = list.at(i);
                    row.number = list.at(i);
                    vc::test::must(j.addRow(row));
                }
                vc::test::must(j.endImport());
                vc::test::must(j.setMeta(QStringLiteral("state"), state));
                return path;
            };
            preview = make(QStringLiteral("unconfirmed"), QStringLiteral("preview"), QLatin1String(ProfileManager::kSandboxId), {});
            foreign = make(QStringLiteral("from-voicectl"), QStringLiteral("started"), {}, QStringLiteral("https://api.exolve.ru"));
        });
        page()->select(preview);
        QVERIFY(!window()->findChild<QAction *>(QStringLiteral("resumeCampaignAction"))->isEnabled());
        page()->resume(preview);
        QVERIFY(window()->banner()->text().contains(QStringLiteral("never confirmed")));
        page()->select(foreign);
        page()->resume(foreign);
        QVERIFY(window()->banner()->text().contains(QStringLiteral("voicectl campaign resume")));
        QTest::qWait(500);
        QCOMPARE(m_app->server()->callsPlaced(), 0);
        QVERIFY(!page()->registry()->controller(preview));
        QVERIFY(!page()->registry()->controller(foreign));
    }

    // Issue 23.3: a damaged journal is refused by a resume from the window too: its worker runs SQLite's
    // integrity check before it writes anything, nobody is called, and the file stays as it was.
    void damagedJournalIsNotResumed()
    {
        const QStringList list = numbers(400, 600);
        QString journalPath;
        QByteArray damaged;
        startApp([&](const QString &folder) {
            journalPath = folder + QStringLiteral("/data/campaigns/damaged.journal");
            {
                CampaignJournal j;
                makeStartedJournal(j, journalPath, list);
            }
            QFile f(journalPath);
            if (!f.open(QIODevice::ReadWrite) || f.size() < 8 * 4096)
                qFatal("the journal is too small to damage");
            f.seek(6 * 4096); // a page of rows or of an index, past the meta table
            f.write(QByteArray(64, '\xff'));
            f.close();
            if (f.open(QIODevice::ReadOnly))
                damaged = f.readAll();
        });
        QVERIFY(!CampaignJournal::checkIntegrity(journalPath).ok());
        page()->resume(journalPath);
        QTRY_VERIFY(page()->registry()->controller(journalPath) &&
                    page()->registry()->controller(journalPath)->state() == CampaignController::State::StorageFailed);
        QVERIFY2(page()->registry()->controller(journalPath)->message().contains(QStringLiteral("damaged")),
                 qPrintable(page()->registry()->controller(journalPath)->message()));
        QTest::qWait(300);
        QCOMPARE(m_app->server()->callsPlaced(), 0);
        QFile f(journalPath);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll() == damaged);
    }

    // A journal left by a crash with a row caught mid-request: the row is listed as unknown, the
    // campaign offered, and a resume never calls that number; Resend Unknown asks first.
    void crashInterruptedJournal()
    {
        const QStringList list = numbers(5, 400);
        QString journalPath;
        startApp([&](const QString &folder) {
            journalPath = folder + QStringLiteral("/data/campaigns/crashed.journal");
            CampaignJournal j;
            makeStartedJournal(j, journalPath, list, 20);
            vc::test::must(j.markDispatching(2)); // the process died here, the request perhaps on the wire
        });
        QTRY_VERIFY(window()->banner()->text().contains(QStringLiteral("crashed")));
        QVERIFY(window()->banner()->text().contains(QStringLiteral("may or may not have been placed")));
        // The banner's button shows the campaign with the row whose outcome is unknown.
        QPushButton *show = nullptr;
        for (QPushButton *b : window()->banner()->findChildren<QPushButton *>()) {
            if (b->text().contains(QStringLiteral("Show Campaign")))
                show = b;
        }
        QVERIFY(show);
        show->click();
        QTRY_COMPARE(window()->currentPage(), int(MainWindow::CampaignsPageIndex));
        QCOMPARE(page()->selectedPath(), journalPath);
        QCOMPARE(page()->rowsModel()->rowCount(), 1);
        QCOMPARE(page()->rowsModel()->lineAt(0), 2);
        QCOMPARE(countsOf(journalPath).unknown, 1);
        QVERIFY(page()->findChild<QLabel *>(QStringLiteral("stateLabel"))->text().contains(QStringLiteral("unknown outcome")));
        window()->findChild<QAction *>(QStringLiteral("resumeCampaignAction"))->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(finished(journalPath), 90000);
        QVERIFY(!m_app->server()->callsTo().contains(list.at(0)));
        for (int i = 1; i < list.size(); ++i)
            QCOMPARE(m_app->server()->callsTo().value(list.at(i)), 1);
        // Resend Unknown names how many and waits for a yes.
        auto *resend = window()->findChild<QAction *>(QStringLiteral("resendUnknownAction"));
        QTRY_VERIFY(resend->isEnabled());
        QTimer::singleShot(0, this, [this] {
            QMessageBox *box = nullptr;
            (void)QTest::qWaitFor([&] { return (box = window()->findChild<QMessageBox *>()) && box->isVisible(); }, 5000);
            QVERIFY(box->text().contains(QStringLiteral("1 row")));
            box->button(QMessageBox::Cancel)->click();
        });
        resend->trigger();
        QTest::qWait(300);
        QVERIFY(!m_app->server()->callsTo().contains(list.at(0)));
    }
};

QTEST_MAIN(TestCampaignsGui)
#include "tst_campaignsgui.moc"
