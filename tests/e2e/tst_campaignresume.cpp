// Resuming voicectl campaigns against voice-sandbox, both as separate processes: journals never confirmed,
// damaged, read-only or empty; SIGINT and SIGKILL at random moments, each followed by a resume — at most
// one call per destination, every row accounted for.
#include "campaigncliharness.h"

using namespace vc::test;

class TestCampaignResume : public CampaignCliHarness
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { startSandbox(); }
    void cleanupTestCase() { stopSandbox(); }
    void cleanup() { resetSandbox(); }

    // A journal left at the confirmation prompt (the process killed there) is never resumed.
    void unconfirmedJournalIsNotResumed()
    {
        const QStringList list = numbers(2, 450);
        const QString journal = m_dir.filePath(QStringLiteral("prompt.journal"));
        {
            vc::CampaignJournal j;
            vc::CampaignSettings s;
            s.source = kSource;
            s.serviceId = kService;
            QVERIFY(j.create(journal, s));
            QVERIFY(j.beginImport());
            for (int i = 0; i < list.size(); ++i) {
                vc::CampaignRow row;
                row.line = i + 1;
                row.given = list.at(i);
                row.number = list.at(i);
                QVERIFY(j.addRow(row));
            }
            QVERIFY(j.endImport());
            QVERIFY(j.setMeta(QStringLiteral("state"), QStringLiteral("preview")));
        }
        const int before = callsPlaced();
        const Run r = voicectl({QStringLiteral("campaign"), QStringLiteral("resume"), journal});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("never confirmed")), qPrintable(r.err));
        QCOMPARE(callsPlaced(), before);
    }

    // Issue 23.3: random bit flips in a half-done journal. Every copy SQLite finds damaged is refused by
    // resume (nothing called, the file byte for byte as it was); status says it is damaged and still
    // shows what it can read.
    void damagedJournalIsNeverResumed()
    {
        const QStringList list = numbers(400, 600);
        const QString original = m_dir.filePath(QStringLiteral("whole.journal"));
        makeStartedJournal(original, list);
        const QByteArray whole = bytesOf(original);
        QVERIFY(whole.size() > 8 * 4096);
        QRandomGenerator random(23);
        int damaged = 0;
        for (int copy = 0; copy < 11; ++copy) {
            QByteArray bytes = whole;
            if (copy == 10) {
                bytes.replace(2 * 4096, 64, QByteArray(64, '\xff')); // a page header: certainly damaged
            } else {
                for (int flip = 0; flip < 3; ++flip) {
                    const qsizetype at = 100 + random.bounded(int(bytes.size() - 100));
                    bytes[at] = char(bytes.at(at) ^ (1 << random.bounded(8)));
                }
            }
            const QString path = write(QStringLiteral("flipped-%1.journal").arg(copy), bytes);
            if (passesIntegrityCheck(path))
                continue;
            ++damaged;
            const int before = callsPlaced();
            const Run resumed = voicectl({QStringLiteral("campaign"), QStringLiteral("resume"), path, QStringLiteral("--yes"), QStringLiteral("--no-wait")});
            QVERIFY2(resumed.code == 1, qPrintable(QString::number(resumed.code) + resumed.err));
            QVERIFY2(resumed.err.contains(QStringLiteral("damaged")), qPrintable(resumed.err));
            QVERIFY2(!resumed.err.contains(QStringLiteral("Unable to fetch row")), qPrintable(resumed.err));
            QCOMPARE(callsPlaced(), before);
            QVERIFY(bytesOf(path) == bytes);
            const Run status = voicectl({QStringLiteral("campaign"), QStringLiteral("status"), path});
            QCOMPARE(status.code, 1);
            QVERIFY2(status.err.contains(QStringLiteral("damaged")), qPrintable(status.err));
            QVERIFY(!status.err.contains(QStringLiteral("Unable to fetch row")));
            QVERIFY(bytesOf(path) == bytes);
            const Run exported = voicectl({QStringLiteral("campaign"), QStringLiteral("export"), path});
            QCOMPARE(exported.code, 1);
            QVERIFY(exported.err.contains(QStringLiteral("damaged")));
            QVERIFY(bytesOf(path) == bytes);
            QVERIFY(!QFile::exists(path + QStringLiteral(".lock")));
        }
        QVERIFY2(damaged >= 2, "the flips should damage some copies");
        // The undamaged original still runs.
        const Run status = voicectl({QStringLiteral("campaign"), QStringLiteral("status"), original, QStringLiteral("-o"), QStringLiteral("json")});
        QCOMPARE(status.code, 0);
        QCOMPARE(json(status.out).value(QStringLiteral("total")).toInt(), list.size());
    }

    // Issue 23.3: a journal in a read-only folder (an archive, a share) is read without a lock file; resume
    // says why it cannot run. A 0-byte file is never written to.
    void readOnlyAndEmptyJournals()
    {
#ifdef Q_OS_LINUX
        const QString folder = m_dir.filePath(QStringLiteral("archive"));
        QVERIFY(QDir().mkpath(folder));
        const QString journal = folder + QStringLiteral("/done.journal");
        makeStartedJournal(journal, numbers(3, 700));
        const QByteArray before = bytesOf(journal);
        // As root, permissions do not stop writes: the folder is mounted read-only in a namespace instead.
        const bool root = geteuid() == 0;
        const auto inReadOnlyFolder = [&](const QStringList &args) {
            if (!root)
                return voicectl(args);
            const QString script = QStringLiteral("mount --bind \"$1\" \"$1\" && mount -o remount,bind,ro \"$1\" && shift && exec \"$@\"");
            return vc::test::runProcess(QStringLiteral("unshare"),
                                        QStringList{QStringLiteral("-m"), QStringLiteral("sh"), QStringLiteral("-c"), script,
                                                    QStringLiteral("sh"), folder, QStringLiteral(VOICECTL_PATH)} + args,
                                        environment());
        };
        if (!root)
            QVERIFY(QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        const Run status = inReadOnlyFolder({QStringLiteral("campaign"), QStringLiteral("status"), journal, QStringLiteral("-o"), QStringLiteral("json")});
        QVERIFY2(status.code == 0, qPrintable(status.err));
        QCOMPARE(json(status.out).value(QStringLiteral("total")).toInt(), 3);
        const Run exported = inReadOnlyFolder({QStringLiteral("campaign"), QStringLiteral("export"), journal});
        QCOMPARE(exported.code, 0);
        QCOMPARE(exported.out.count(u'\n'), 4);
        const int calls = callsPlaced();
        const Run resumed = inReadOnlyFolder({QStringLiteral("campaign"), QStringLiteral("resume"), journal, QStringLiteral("--yes")});
        QCOMPARE(resumed.code, 2);
        QVERIFY2(resumed.err.contains(QStringLiteral("read-only folder")), qPrintable(resumed.err));
        QVERIFY(!resumed.err.contains(QStringLiteral("in use")));
        QCOMPARE(callsPlaced(), calls);
        QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        QVERIFY(bytesOf(journal) == before);
        QVERIFY(!QFile::exists(journal + QStringLiteral(".lock")));

        const QString empty = write(QStringLiteral("empty.journal"), {});
        const Run emptyStatus = voicectl({QStringLiteral("campaign"), QStringLiteral("status"), empty});
        QCOMPARE(emptyStatus.code, 2);
        QVERIFY2(emptyStatus.err.contains(QStringLiteral("not a campaign journal")), qPrintable(emptyStatus.err));
        QCOMPARE(QFileInfo(empty).size(), 0);
        for (const char *suffix : {"-wal", "-shm", ".lock"})
            QVERIFY(!QFile::exists(empty + QLatin1String(suffix)));
#else
        QSKIP("POSIX folders");
#endif
    }

    // SIGINT stops dispatching, leaves the journal consistent and exits 130; resume finishes the rest.
    void interruptAndResume()
    {
#ifndef Q_OS_UNIX
        QSKIP("sends SIGINT to voicectl: POSIX only");
#else
        const QStringList list = numbers(40, 600);
        const QString file = write(QStringLiteral("int.csv"), (list.join(u'\n') + u'\n').toLatin1());
        const QString journal = m_dir.filePath(QStringLiteral("int.journal"));
        QProcess p;
        p.setProcessEnvironment(environment());
        p.start(QStringLiteral(VOICECTL_PATH), runArgs(file, journal) << QStringLiteral("--yes") << QStringLiteral("--rate") << QStringLiteral("10"));
        QVERIFY(p.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(callsPlaced() > 0 && QFile::exists(journal), 20000);
        QTest::qWait(500);
        ::kill(pid_t(p.processId()), SIGINT);
        QTRY_COMPARE_WITH_TIMEOUT(p.state(), QProcess::NotRunning, 40000);
        QCOMPARE(p.exitCode(), 130);
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(err.contains(QStringLiteral("campaign resume ") + journal), qPrintable(err));
        const Run r = voicectl({QStringLiteral("campaign"), QStringLiteral("resume"), journal, QStringLiteral("-o"), QStringLiteral("json")});
        QCOMPARE(r.code, 0);
        QCOMPARE(json(r.out).value(QStringLiteral("completed")).toInt(), 40);
        const QJsonObject to = callsTo();
        for (const QString &n : list)
            QCOMPARE(to.value(n).toInt(), 1);
#endif
    }

    // kill -9 at 20 random moments, each followed by a resume: at most one call per destination, every
    // row in a final state, the database intact.
    void crashAndResume()
    {
#ifndef Q_OS_UNIX
        QSKIP("kills voicectl with SIGKILL: POSIX only");
#else
        const int rows = 500;
        const QStringList list = numbers(rows, 1000);
        const QString file = write(QStringLiteral("crash.csv"), (list.join(u'\n') + u'\n').toLatin1());
        const QString journal = m_dir.filePath(QStringLiteral("crash.journal"));
        QRandomGenerator random(20261201);
        const auto calledFromList = [&] {
            const QJsonObject to = callsTo();
            return std::count_if(list.cbegin(), list.cend(), [&](const QString &n) { return to.contains(n); });
        };
        int kills = 0;
        for (int round = 0; round < 60 && kills < 22; ++round) {
            QProcess p;
            p.setProcessEnvironment(environment());
            QStringList args = QFile::exists(journal) ? QStringList{QStringLiteral("campaign"), QStringLiteral("resume"), journal}
                                                      : runArgs(file, journal) << QStringLiteral("--yes");
            args << QStringLiteral("--rate") << QStringLiteral("400") << QStringLiteral("--concurrency") << QStringLiteral("6");
            if (args.at(1) == QLatin1String("resume"))
                args = args.mid(0, 3); // a resume runs with the journal's own rate
            p.start(QStringLiteral(VOICECTL_PATH), args);
            QVERIFY(p.waitForStarted());
            // The first run is killed only once it has started calling: a campaign killed before its
            // confirmation is never resumed (unconfirmedJournalIsNotResumed), and the file is read slowly
            // under the sanitizers.
            if (round == 0)
                QTRY_VERIFY_WITH_TIMEOUT(calledFromList() > 0 || p.state() == QProcess::NotRunning, 60000);
            QTest::qWait(int(random.bounded(40, 400)));
            if (p.state() == QProcess::NotRunning) {
                const QString err = QString::fromUtf8(p.readAllStandardError());
                QVERIFY2(p.exitCode() == 0 || p.exitCode() == 4, qPrintable(err));
                break; // finished before the kill: the campaign is done
            }
            ::kill(pid_t(p.processId()), SIGKILL);
            QTRY_COMPARE_WITH_TIMEOUT(p.state(), QProcess::NotRunning, 10000);
            ++kills;
        }
        QVERIFY2(kills >= 20, qPrintable(QStringLiteral("only %1 kills").arg(kills)));
        const Run last = voicectl({QStringLiteral("campaign"), QStringLiteral("resume"), journal, QStringLiteral("-o"), QStringLiteral("json")}, 120000);
        QVERIFY2(last.code == 0 || last.code == 4, qPrintable(last.err));
        const QJsonObject o = json(last.out);
        QCOMPARE(o.value(QStringLiteral("waiting")).toInt(), 0);
        QCOMPARE(o.value(QStringLiteral("placed")).toInt() + o.value(QStringLiteral("unknown")).toInt() +
                     o.value(QStringLiteral("rejected")).toInt(),
                 rows);
        QCOMPARE(o.value(QStringLiteral("placed")).toInt(), o.value(QStringLiteral("completed")).toInt() + o.value(QStringLiteral("not_delivered")).toInt());
        const QJsonObject to = callsTo();
        int called = 0;
        for (const QString &n : list) {
            QVERIFY2(to.value(n).toInt() <= 1, qPrintable(n));
            called += to.value(n).toInt();
        }
        // Every placed row was called; an unknown row may or may not have been.
        QVERIFY(called >= o.value(QStringLiteral("placed")).toInt());
        QVERIFY(called <= o.value(QStringLiteral("placed")).toInt() + o.value(QStringLiteral("unknown")).toInt());
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
            db.setDatabaseName(journal);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
            QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM rows WHERE state IN ('pending', 'dispatching')")) && q.next());
            QCOMPARE(q.value(0).toInt(), 0);
            QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM rows WHERE state = 'placed' AND final = 0")) && q.next());
            QCOMPARE(q.value(0).toInt(), 0);
        }
        QSqlDatabase::removeDatabase(QStringLiteral("check"));
        qInfo("%d kills; %d placed, %d unknown", kills, o.value(QStringLiteral("placed")).toInt(), o.value(QStringLiteral("unknown")).toInt());
#endif
    }
};

QTEST_GUILESS_MAIN(TestCampaignResume)
#include "tst_campaignresume.moc"
