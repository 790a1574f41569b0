// A 10,000-row campaign run from the real window against voice-sandbox in its own process: the rows
// table and counters update as calls progress. Prints the longest stall of the window's event loop
// while it runs (the journal, the requests and the call monitor are on the campaign's thread).
// Figures only. Run: build/bench/bench_campaignui [ROWS]
#include "ui/campaigns/campaignspage.h"
#include "campaigns/campaignplanner.h"
#include "ui/campaigns/campaignmodels.h"
#include "ui/shell/mainwindow.h"
#include "accounts/profile.h"
#include "accounts/profilemanager.h"
#include "support/appfixture.h"
#include "support/campaigndriver.h"
#include "support/must.h"

#include <QApplication>
#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTableView>
#include <QTest>
#include <QTextStream>

#include "support/processes.h"

#include <algorithm>

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTextStream out(stdout);
    const int rows = argc > 1 ? QByteArray(argv[1]).toInt() : 10000;

    QProcess sandbox;
    const QString url = vc::test::startSandboxProcess(sandbox, QStringLiteral(VOICE_SANDBOX_PATH), {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--call-speed"), QStringLiteral("20")});
    if (url.isEmpty())
        qFatal("voice-sandbox did not start");

    vc::test::AppFixture fixture;
    vc::ui::MainWindow *window = fixture.window();
    fixture.profiles()->useEnvironment(QUrl(url), QStringLiteral("sandbox-key"));
    window->resize(1180, 720);
    window->show();
    window->setCurrentPage(vc::ui::MainWindow::CampaignsPageIndex);

    // A campaign of a million rows, prepared beside the app (as voicectl would), then shown: how long the
    // window's thread spends opening it and jumping to its last row.
    {
        const QString big = fixture.path(QStringLiteral("data/campaigns/million.journal"));
        QFile file(fixture.path(QStringLiteral("million.csv")));
        file.open(QIODevice::WriteOnly);
        file.write("phone\n");
        for (int i = 0; i < 1000000; ++i)
            file.write(QStringLiteral("7926%1\n").arg(i, 7, 10, QLatin1Char('0')).toLatin1());
        file.close();
        vc::CampaignJournal journal;
        vc::test::must(journal.create(big, {}));
        file.open(QIODevice::ReadOnly);
        vc::test::must(vc::CampaignPlanner::plan(&file, {}, &journal));
        vc::test::must(journal.setMeta(QStringLiteral("state"), QStringLiteral("preview")));
        journal.close();
        QElapsedTimer shown;
        shown.start();
        window->campaignsPage()->reload();
        window->campaignsPage()->select(big);
        QCoreApplication::processEvents();
        const qint64 openMs = shown.elapsed();
        auto *table = window->campaignsPage()->findChild<QTableView *>(QStringLiteral("rowsTable"));
        shown.restart();
        table->scrollToBottom();
        QCoreApplication::processEvents();
        const qint64 scrollMs = shown.elapsed();
        out << "a 1,000,000-row campaign: listed and opened in " << openMs << " ms, scrolled to its last row in " << scrollMs
            << " ms (" << window->campaignsPage()->rowsModel()->rowCount() << " rows in the table)\n";
        out.flush();
    }

    QFile csv(fixture.path(QStringLiteral("bench.csv")));
    csv.open(QIODevice::WriteOnly);
    csv.write("phone\n");
    for (int i = 0; i < rows; ++i)
        csv.write(QStringLiteral("7926%1\n").arg(i * 10 + 5, 7, 10, QLatin1Char('0')).toLatin1());
    csv.close();

    QElapsedTimer clock;
    clock.start();
    const QString path = vc::test::runCampaignWizard(window, csv.fileName(), [](QWidget *s) {
        s->findChild<QDoubleSpinBox *>(QStringLiteral("rateSpin"))->setValue(100);
        s->findChild<QSpinBox *>(QStringLiteral("concurrencySpin"))->setValue(6);
        s->findChild<QCheckBox *>(QStringLiteral("windowCheck"))->setChecked(false);
    });
    if (path.isEmpty())
        qFatal("the wizard did not finish");
    out << "wizard with the preview of " << rows << " rows: " << clock.elapsed() << " ms\n";

    // A heartbeat every 5 ms: how late it fires is how long the window's event loop was busy elsewhere.
    QList<qint64> stalls;
    QElapsedTimer beat;
    QTimer heartbeat;
    heartbeat.setTimerType(Qt::PreciseTimer);
    QObject::connect(&heartbeat, &QTimer::timeout, &app, [&] {
        stalls.append(std::max<qint64>(0, beat.nsecsElapsed() / 1000000 - 5));
        beat.restart();
    });
    vc::ui::CampaignsPage *page = window->campaignsPage();
    clock.restart();
    beat.start();
    heartbeat.start(5);
    (void)QTest::qWaitFor([&] {
        auto *c = page->registry()->controller(path);
        return c && c->state() == vc::CampaignController::State::Finished;
    }, 1800000);
    heartbeat.stop();
    const qint64 runMs = clock.elapsed();
    std::sort(stalls.begin(), stalls.end());
    vc::CampaignJournal journal;
    vc::test::must(journal.openReadOnly(path));
    const vc::CampaignCounts n = journal.counts();
    out << "campaign of " << rows << " rows (rate 100/s, 6 at once) placed " << n.placed << ", completed " << n.completed
        << " in " << QString::number(runMs / 1000.0, 'f', 1) << " s, the rows table showing it all along\n";
    out << "longest event-loop stall:        " << (stalls.isEmpty() ? 0 : stalls.last()) << " ms\n";
    out << "99th percentile stall:           " << (stalls.isEmpty() ? 0 : stalls.at(stalls.size() * 99 / 100)) << " ms\n";
    out << "median stall:                    " << (stalls.isEmpty() ? 0 : stalls.at(stalls.size() / 2)) << " ms\n";
    sandbox.kill();
    (void)QTest::qWaitFor([&] { return sandbox.state() == QProcess::NotRunning; }, 5000);
    return 0;
}
