// A large campaign outside its sending window, voicectl and voice-sandbox as separate processes: the run
// answers at once — SIGINT ends it with 130 and a consistent journal, --no-wait returns — because rows
// that cannot be called are never walked or rewritten one by one. Not timed: the old runner failed these
// by losing the interrupt (exit 4) after rewriting every row.
#include "campaigns/campaignjournal.h"
#include "sandboxseeds.h"
#include "support/processes.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#ifdef Q_OS_UNIX
#include <sys/types.h>
#endif

namespace {
const QString kService = QString::fromLatin1(vc::sandbox::seeds::kReminderServiceId);
const QString kKey = QStringLiteral("scale-key-5d1c");
constexpr int kRows = 100000;
} // namespace

class TestCampaignScale : public QObject
{
    Q_OBJECT
    QProcess m_sandbox;
    QString m_url;
    QNetworkAccessManager m_nam;
    QTemporaryDir m_dir;
    QString m_file;

    QProcessEnvironment environment() const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("VOICE_API_URL"), m_url);
        e.insert(QStringLiteral("VOICE_API_KEY"), kKey);
        e.insert(QStringLiteral("VOICE_CONSOLE_DATA_DIR"), m_dir.filePath(QStringLiteral("data")));
        return e;
    }
    int callsPlaced()
    {
        QScopedPointer<QNetworkReply> reply(m_nam.get(QNetworkRequest(QUrl(m_url + QStringLiteral("/sandbox/stats")))));
        if (!QTest::qWaitFor([&] { return reply->isFinished(); }, 10000))
            qFatal("sandbox stats did not answer");
        return QJsonDocument::fromJson(reply->readAll()).object().value(QStringLiteral("calls_placed")).toInt(-1);
    }
    // A window that opens in three hours and lasts one, in UTC: closed now for every row.
    static QString closedWindow()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        return now.addSecs(3 * 3600).toString(QStringLiteral("HH:00")) + u'-' + now.addSecs(4 * 3600).toString(QStringLiteral("HH:00"));
    }
    QStringList runArgs(const QString &journal) const
    {
        return {QStringLiteral("campaign"), QStringLiteral("run"), m_file, QStringLiteral("--service"), kService,
                QStringLiteral("--source"), QStringLiteral("74951234567"), QStringLiteral("--journal"), journal,
                QStringLiteral("--window"), closedWindow(), QStringLiteral("--tz"), QStringLiteral("UTC"), QStringLiteral("--yes")};
    }
    static void checkUntouched(const QString &journal)
    {
        vc::CampaignJournal j;
        QVERIFY(j.openReadOnly(journal));
        const vc::CampaignCounts n = j.counts();
        QCOMPARE(n.ready, kRows);
        QCOMPARE(n.waiting, kRows);
        QCOMPARE(n.placed + n.dispatching + n.unknown + n.rejected, 0);
        QCOMPARE(j.integrityCheck(), QStringLiteral("ok"));
        for (qint64 line : {qint64(2), qint64(50001), qint64(kRows) + 1})
            QCOMPARE(j.row(line)->notBeforeMs, 0); // waiting rows are not rewritten
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_url = vc::test::startSandboxProcess(m_sandbox, QStringLiteral(VOICE_SANDBOX_PATH),
                                              {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--key"), kKey});
        QVERIFY(!m_url.isEmpty());
        m_file = m_dir.filePath(QStringLiteral("large.csv"));
        QFile f(m_file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QByteArray csv = "phone\n";
        csv.reserve(kRows * 13);
        for (int i = 0; i < kRows; ++i)
            csv += "7926" + QByteArray::number(1000000 + i) + '\n';
        f.write(csv);
    }
    void cleanupTestCase()
    {
        m_sandbox.kill();
        m_sandbox.waitForFinished();
    }

    // SIGINT during the start of the run: exit 130, nothing called, the journal consistent and resumable.
    void interruptAtTheStart()
    {
#ifndef Q_OS_UNIX
        QSKIP("sends SIGINT to voicectl: POSIX only");
#else
        const QString journal = m_dir.filePath(QStringLiteral("interrupt.journal"));
        QProcess p;
        p.setProcessEnvironment(environment());
        p.start(QStringLiteral(VOICECTL_PATH), runArgs(journal));
        QVERIFY(p.waitForStarted());
        // The preview is done and the run has begun once the journal says so.
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(journal) && [&] {
            vc::CampaignJournal j;
            return j.openReadOnly(journal) && j.meta(QStringLiteral("state")) == QLatin1String("started");
        }(), 120000);
        QTest::qWait(300);
        ::kill(pid_t(p.processId()), SIGINT);
        QTRY_COMPARE_WITH_TIMEOUT(p.state(), QProcess::NotRunning, 120000);
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QVERIFY2(p.exitCode() == 130, qPrintable(QString::number(p.exitCode()) + u' ' + err.right(400)));
        QVERIFY2(err.contains(QStringLiteral("campaign resume ") + journal), qPrintable(err.right(400)));
        QCOMPARE(callsPlaced(), 0);
        checkUntouched(journal);
#endif
    }

    // --no-wait: nothing can be called now, so the run ends at once (4: rows still wait) and says until when.
    void noWaitReturns()
    {
        const QString journal = m_dir.filePath(QStringLiteral("nowait.journal"));
        const vc::test::ProcessRun r = vc::test::runProcess(QStringLiteral(VOICECTL_PATH),
                                                            runArgs(journal) << QStringLiteral("--no-wait"), environment(), {}, 180000);
        QVERIFY2(r.code == 4, qPrintable(QString::number(r.code) + u' ' + r.err.right(400)));
        QVERIFY2(r.err.contains(QStringLiteral("wait for their sending window")), qPrintable(r.err.right(400)));
        QCOMPARE(callsPlaced(), 0);
        checkUntouched(journal);
    }
};

QTEST_GUILESS_MAIN(TestCampaignScale)
#include "tst_campaignscale.moc"
