// voicectl campaign and voicectl dnc against voice-sandbox, both as separate processes: the operator's
// view, the sandbox's count of calls per destination, and the journal on disk. (Resuming, interrupted,
// crashed, damaged and read-only journals: tst_campaignresume.)
#include "campaigncliharness.h"

using namespace vc::test;

class TestCampaignCli : public CampaignCliHarness
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { startSandbox(); }
    void cleanupTestCase() { stopSandbox(); }
    void cleanup() { resetSandbox(); }

    // Excel in Russian (Windows-1251, ';') and UTF-8 with a BOM (',') give the same rows.
    void encodingsGiveTheSameRows()
    {
        const QString rows = QStringLiteral("Имя;Телефон;tz\n\"Иванов; Иван\";+7 900 111-22-35;Asia/Novosibirsk\n"
                                            "Пётр;8 (900) 111-22-45;\nnot a number;abc;\n\"Многострочное\nимя\";79001112235;\n");
        QString commas = rows;
        commas.replace(u';', u',');
        commas.replace(QStringLiteral("\"Иванов, Иван\""), QStringLiteral("\"Иванов, Иван\""));
        const QString a = write(QStringLiteral("cp1251.csv"), cp1251(rows));
        const QString b = write(QStringLiteral("utf8bom.csv"), "\xEF\xBB\xBF" + commas.toUtf8());
        const Run ra = voicectl({QStringLiteral("campaign"), QStringLiteral("run"), a, QStringLiteral("--dry-run"), QStringLiteral("-o"), QStringLiteral("json")});
        const Run rb = voicectl({QStringLiteral("campaign"), QStringLiteral("run"), b, QStringLiteral("--dry-run"), QStringLiteral("-o"), QStringLiteral("json")});
        QCOMPARE(ra.code, 0);
        QCOMPARE(rb.code, 0);
        QVERIFY2(ra.err.contains(QStringLiteral("cp1251")) && ra.err.contains(QStringLiteral("separator ;")), qPrintable(ra.err));
        QVERIFY2(rb.err.contains(QStringLiteral("utf-8")) && rb.err.contains(QStringLiteral("separator ,")), qPrintable(rb.err));
        QVERIFY2(rb.err.contains(QStringLiteral("\"Телефон\"")), qPrintable(rb.err));
        const QJsonObject ja = json(ra.out);
        const QJsonObject jb = json(rb.out);
        QCOMPARE(ja, jb);
        QCOMPARE(ja.value(QStringLiteral("total")).toInt(), 4);
        QCOMPARE(ja.value(QStringLiteral("ready")).toInt(), 2);
        QCOMPARE(ja.value(QStringLiteral("invalid")).toInt(), 1);
        QCOMPARE(ja.value(QStringLiteral("duplicate")).toInt(), 1);
        const QJsonArray problems = ja.value(QStringLiteral("problems")).toArray();
        QCOMPARE(problems.size(), 2);
        QCOMPARE(problems.at(0).toObject().value(QStringLiteral("line")).toInt(), 4);
        QCOMPARE(problems.at(0).toObject().value(QStringLiteral("value")).toString(), QStringLiteral("abc"));
        // The quoted name spans two lines: the duplicate starts on line 5.
        QCOMPARE(problems.at(1).toObject().value(QStringLiteral("line")).toInt(), 5);
        QVERIFY(problems.at(1).toObject().value(QStringLiteral("reason")).toString().contains(QStringLiteral("line 2")));
        QCOMPARE(callsPlaced(), 0);
    }

    // Nothing is sent without --yes when stdin is not a terminal; the JSON has exactly the agreed keys;
    // duplicates and do-not-call numbers are never called.
    void runCallsEachReadyNumberOnce()
    {
        const QStringList list = numbers(6, 100);
        QByteArray csv = "phone\n";
        for (const QString &n : list)
            csv += "+" + n.toLatin1() + "\n";
        csv += list.at(0).toLatin1() + "\n";   // a duplicate
        csv += "8" + list.at(1).mid(1).toLatin1() + "\n"; // the same number in the national notation
        const QString file = write(QStringLiteral("once.csv"), csv);
        const QString dnc = write(QStringLiteral("once-dnc.txt"), list.at(5).toLatin1() + "\n");
        QCOMPARE(voicectl({QStringLiteral("dnc"), QStringLiteral("add"), list.at(4), QStringLiteral("--reason"), QStringLiteral("subscriber")}).code, 0);

        const QString journal = m_dir.filePath(QStringLiteral("once.journal"));
        const int before = callsPlaced();
        Run r = voicectl(runArgs(file, journal) << QStringLiteral("--dnc") << dnc);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--yes")), qPrintable(r.err));
        QCOMPARE(callsPlaced(), before);
        QVERIFY(!QFile::exists(journal));

        r = voicectl(runArgs(file, journal) << QStringLiteral("--dnc") << dnc << QStringLiteral("--yes") << QStringLiteral("--rate")
                                            << QStringLiteral("20") << QStringLiteral("-o") << QStringLiteral("json"));
        QCOMPARE(r.code, 0);
        QVERIFY2(r.err.contains(QStringLiteral("Journal: ") + journal), qPrintable(r.err));
        const QJsonObject o = json(r.out);
        QStringList keys = o.keys();
        QCOMPARE(keys, (QStringList{QStringLiteral("capped"), QStringLiteral("completed"), QStringLiteral("duplicate"), QStringLiteral("invalid"),
                                    QStringLiteral("journal"), QStringLiteral("no_consent"), QStringLiteral("not_delivered"), QStringLiteral("placed"),
                                    QStringLiteral("purpose"), QStringLiteral("rejected"), QStringLiteral("scheduled_at"),
                                    QStringLiteral("suppressed"), QStringLiteral("total"),
                                    QStringLiteral("unknown"), QStringLiteral("waiting")}));
        QCOMPARE(o.value(QStringLiteral("total")).toInt(), 8);
        QCOMPARE(o.value(QStringLiteral("duplicate")).toInt(), 2);
        QCOMPARE(o.value(QStringLiteral("suppressed")).toInt(), 2);
        QCOMPARE(o.value(QStringLiteral("placed")).toInt(), 4);
        QCOMPARE(o.value(QStringLiteral("completed")).toInt(), 4);
        const QJsonObject to = callsTo();
        for (int i = 0; i < 4; ++i)
            QCOMPARE(to.value(list.at(i)).toInt(), 1);
        QVERIFY(!to.contains(list.at(4)));
        QVERIFY(!to.contains(list.at(5)));

        // status says the same from the journal alone; export has one row per input row.
        const Run status = voicectl({QStringLiteral("campaign"), QStringLiteral("status"), journal, QStringLiteral("-o"), QStringLiteral("json")});
        QCOMPARE(status.code, 0);
        QCOMPARE(json(status.out), o);
        const QString csvOut = m_dir.filePath(QStringLiteral("once-export.csv"));
        QCOMPARE(voicectl({QStringLiteral("campaign"), QStringLiteral("export"), journal, QStringLiteral("--output"), csvOut}).code, 0);
        QFile exported(csvOut);
        QVERIFY(exported.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = exported.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 9);
        QVERIFY(lines.at(1).startsWith(QByteArray("2,'+" + list.at(0).toLatin1() + "," + list.at(0).toLatin1() + ",ready,placed,cal")));
        QVERIFY(lines.at(1).contains(",completed,1,"));
        QVERIFY(lines.at(5).contains(",suppressed,"));
    }

    // The do-not-call list, audited: every add and remove says why; a removal without a reason changes
    // nothing; import tags its source; voicectl dnc log has every change, and nobody can edit it.
    void doNotCallList()
    {
        const QString reason = QStringLiteral("--reason");
        const auto history = [this] {
            return QJsonDocument::fromJson(voicectl({QStringLiteral("dnc"), QStringLiteral("log"), QStringLiteral("-o"), QStringLiteral("json")}).out.toUtf8()).array();
        };
        const qsizetype before = history().size(); // the tests before this one added some
        QCOMPARE(voicectl({QStringLiteral("dnc"), QStringLiteral("add"), QStringLiteral("+7 (900) 555-01-01"), QStringLiteral("89005550102"),
                           reason, QStringLiteral("subscriber"), QStringLiteral("--note"), QStringLiteral("asked on the phone")}).code, 0);
        // No reason, or one that is not a category: nothing changes.
        QCOMPARE(voicectl({QStringLiteral("dnc"), QStringLiteral("add"), QStringLiteral("79005550105")}).code, 2);
        QCOMPARE(voicectl({QStringLiteral("dnc"), QStringLiteral("add"), QStringLiteral("79005550105"), reason, QStringLiteral("whim")}).code, 2);
        Run r = voicectl({QStringLiteral("dnc"), QStringLiteral("list"), QStringLiteral("-o"), QStringLiteral("json")});
        QCOMPARE(r.code, 0);
        QJsonArray list = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QVERIFY(list.contains(QStringLiteral("79005550101")));
        QVERIFY(list.contains(QStringLiteral("79005550102")));
        QVERIFY(!list.contains(QStringLiteral("79005550105")));
        // A bad number changes nothing.
        r = voicectl({QStringLiteral("dnc"), QStringLiteral("add"), QStringLiteral("79005550103"), QStringLiteral("not-a-number"), reason,
                      QStringLiteral("other")});
        QCOMPARE(r.code, 2);
        r = voicectl({QStringLiteral("dnc"), QStringLiteral("list")});
        QVERIFY(!r.out.contains(QStringLiteral("79005550103")));
        QCOMPARE(voicectl({QStringLiteral("dnc"), QStringLiteral("remove"), QStringLiteral("79005550101")}).code, 2); // needs a reason
        QCOMPARE(voicectl({QStringLiteral("dnc"), QStringLiteral("remove"), QStringLiteral("79005550101"), reason,
                           QStringLiteral("added by mistake")}).code, 0);
        const QString import = write(QStringLiteral("import.csv"), "номер;имя\n+7 900 555 01 04;a\nxyz;b\n");
        r = voicectl({QStringLiteral("dnc"), QStringLiteral("import"), import, reason, QStringLiteral("operator-list")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.err.contains(QStringLiteral("xyz")), qPrintable(r.err));
        const QString out = m_dir.filePath(QStringLiteral("dnc-export.txt"));
        QCOMPARE(voicectl({QStringLiteral("dnc"), QStringLiteral("export"), QStringLiteral("--output"), out}).code, 0);
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY(text.contains("79005550104\n"));
        QVERIFY(text.contains("79005550102\n"));
        QVERIFY(!text.contains("79005550101"));
        // The history: each change with its reason and source, in order.
        r = voicectl({QStringLiteral("dnc"), QStringLiteral("log"), QStringLiteral("-o"), QStringLiteral("json")});
        QCOMPARE(r.code, 0);
        const QVariantList all = QJsonDocument::fromJson(r.out.toUtf8()).array().toVariantList();
        const QJsonArray log = QJsonArray::fromVariantList(all.mid(before));
        QCOMPARE(log.size(), 4);
        const QJsonObject first = log.at(0).toObject();
        QCOMPARE(first.keys(), (QStringList{QStringLiteral("action"), QStringLiteral("note"), QStringLiteral("number"), QStringLiteral("operator"),
                                            QStringLiteral("reason"), QStringLiteral("source"), QStringLiteral("time")}));
        QCOMPARE(first.value(QStringLiteral("reason")).toString(), QStringLiteral("subscriber"));
        QCOMPARE(first.value(QStringLiteral("note")).toString(), QStringLiteral("asked on the phone"));
        const QJsonObject removed = log.at(2).toObject();
        QCOMPARE(removed.value(QStringLiteral("action")).toString(), QStringLiteral("remove"));
        QCOMPARE(removed.value(QStringLiteral("number")).toString(), QStringLiteral("79005550101"));
        QCOMPARE(removed.value(QStringLiteral("reason")).toString(), QStringLiteral("added by mistake"));
        QCOMPARE(log.at(3).toObject().value(QStringLiteral("source")).toString(), QStringLiteral("import import.csv"));
        // The history cannot be edited, not even by SQL on the file.
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("dnc-edit"));
            db.setDatabaseName(m_dir.filePath(QStringLiteral("data/contacts.sqlite")));
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(!q.exec(QStringLiteral("DELETE FROM dnc_log")));
            QVERIFY(!q.exec(QStringLiteral("UPDATE dnc_log SET reason = 'x'")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("dnc-edit"));
        QCOMPARE(history().size(), before + 4);
    }

    // The text file of earlier versions moves into the store on first use, kept beside as a backup.
    void oldDoNotCallFileIsMigrated()
    {
        QDir().mkpath(m_dir.filePath(QStringLiteral("data")));
        write(QStringLiteral("data/do-not-call.txt"), "# old list\n79005550201\n+7 900 555 02 02\n");
        Run r = voicectl({QStringLiteral("dnc"), QStringLiteral("list"), QStringLiteral("-o"), QStringLiteral("json")});
        QCOMPARE(r.code, 0);
        const QJsonArray list = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QVERIFY(list.contains(QStringLiteral("79005550201")));
        QVERIFY(list.contains(QStringLiteral("79005550202")));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("data/do-not-call.txt"))));
        QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("data/do-not-call.txt.migrated"))));
        r = voicectl({QStringLiteral("dnc"), QStringLiteral("log"), QStringLiteral("-o"), QStringLiteral("json")});
        QVERIFY2(r.out.contains(QLatin1String("migrated from do-not-call.txt")), qPrintable(r.out));
    }

    // A window that excludes now: nothing is placed, and the run says until when.
    void windowExcludingNowPlacesNothing()
    {
        const QStringList list = numbers(3, 200);
        const QString file = write(QStringLiteral("window.csv"), (list.join(u'\n') + u'\n').toLatin1());
        const QTime now = QDateTime::currentDateTimeUtc().time();
        // Opens in two hours, closes in three (UTC): now is outside it.
        const QString window = now.addSecs(7200).toString(QStringLiteral("HH:mm")) + u'-' + now.addSecs(10800).toString(QStringLiteral("HH:mm"));
        const QString journal = m_dir.filePath(QStringLiteral("window.journal"));
        const int before = callsPlaced();
        Run r = voicectl(runArgs(file, journal) << QStringLiteral("--window") << window << QStringLiteral("--tz") << QStringLiteral("UTC")
                                                << QStringLiteral("--yes") << QStringLiteral("--no-wait"));
        QCOMPARE(r.code, 4);
        QVERIFY2(r.err.contains(QStringLiteral("until")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("campaign resume ") + journal), qPrintable(r.err));
        QCOMPARE(callsPlaced(), before);
        // A resume is held to the same window.
        r = voicectl({QStringLiteral("campaign"), QStringLiteral("resume"), journal, QStringLiteral("--no-wait"), QStringLiteral("-o"), QStringLiteral("json")});
        QCOMPARE(r.code, 4);
        QCOMPARE(json(r.out).value(QStringLiteral("waiting")).toInt(), 3);
        QCOMPARE(callsPlaced(), before);
    }

    // Above the sandbox's rate limit the campaign pauses on 429 and goes on; nobody is called twice.
    void rateLimitPausesAndResumes()
    {
        control("POST", QStringLiteral("/sandbox/rate-limit"), "{\"calls_per_second\": 3}");
        const QStringList list = numbers(12, 300);
        const QString file = write(QStringLiteral("rate.csv"), (list.join(u'\n') + u'\n').toLatin1());
        const Run r = voicectl(runArgs(file, m_dir.filePath(QStringLiteral("rate.journal")))
                               << QStringLiteral("--rate") << QStringLiteral("50") << QStringLiteral("--yes") << QStringLiteral("--no-wait"));
        QCOMPARE(r.code, 0);
        QVERIFY2(r.err.contains(QStringLiteral("429")), qPrintable(r.err));
        const QJsonObject to = callsTo();
        for (const QString &n : list)
            QCOMPARE(to.value(n).toInt(), 1);
        QVERIFY(control("GET", QStringLiteral("/sandbox/stats")).value(QStringLiteral("rate_limited")).toInt() > 0);
    }

    // The call is placed and the connection dropped: the row is unknown and never sent again, not even
    // by a resume; only --resend-unknown with --yes sends it.
    void droppedAnswerLeavesRowUnknown()
    {
        control("POST", QStringLiteral("/sandbox/faults"),
                "{\"rules\":[{\"endpoint\":\"call/v1/MakeVoiceMessage\",\"kind\":\"place_then_drop\",\"count\":1}]}");
        const QStringList list = numbers(2, 400);
        const QString file = write(QStringLiteral("drop.csv"), (list.join(u'\n') + u'\n').toLatin1());
        const QString journal = m_dir.filePath(QStringLiteral("drop.journal"));
        Run r = voicectl(runArgs(file, journal) << QStringLiteral("--yes") << QStringLiteral("--concurrency") << QStringLiteral("1")
                                                << QStringLiteral("-o") << QStringLiteral("json"));
        QCOMPARE(r.code, 4);
        QJsonObject o = json(r.out);
        QCOMPARE(o.value(QStringLiteral("unknown")).toInt(), 1);
        QCOMPARE(o.value(QStringLiteral("completed")).toInt(), 1);
        QCOMPARE(callsTo().value(list.at(0)).toInt(), 1);
        r = voicectl({QStringLiteral("campaign"), QStringLiteral("resume"), journal});
        QCOMPARE(r.code, 4);
        QCOMPARE(callsTo().value(list.at(0)).toInt(), 1);
        r = voicectl({QStringLiteral("campaign"), QStringLiteral("resume"), journal, QStringLiteral("--resend-unknown")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("twice")), qPrintable(r.err));
        QCOMPARE(callsTo().value(list.at(0)).toInt(), 1);
        r = voicectl({QStringLiteral("campaign"), QStringLiteral("resume"), journal, QStringLiteral("--resend-unknown"), QStringLiteral("--yes")});
        QCOMPARE(r.code, 0);
        QCOMPARE(callsTo().value(list.at(0)).toInt(), 2);
    }

    // Issue 23.3: export to the terminal escapes what a hostile CSV put in a cell; to a file it is exact.
    void exportEscapesOnlyTheTerminal()
    {
        const QString evil = QStringLiteral("7900 \x1b]0;pwned\x07\u009b31m\u202e1234");
        const QString journal = m_dir.filePath(QStringLiteral("evil.journal"));
        makeStartedJournal(journal, {QStringLiteral("79001234565")}, {evil});
        const Run shown = voicectl({QStringLiteral("campaign"), QStringLiteral("export"), journal});
        QCOMPARE(shown.code, 0);
        for (const QChar c : {QChar(0x1b), QChar(0x07), QChar(0x9b), QChar(0x202e)})
            QVERIFY2(!shown.out.contains(c), qPrintable(shown.out));
        QVERIFY2(shown.out.contains(QStringLiteral("7900 \\x1b]0;pwned\\x07\\u009b31m\\u202e1234")), qPrintable(shown.out));
        QVERIFY(shown.out.contains(QStringLiteral("\r\n")));
        const QString file = m_dir.filePath(QStringLiteral("evil.csv"));
        QCOMPARE(voicectl({QStringLiteral("campaign"), QStringLiteral("export"), journal, QStringLiteral("--output"), file}).code, 0);
        QVERIFY(QString::fromUtf8(bytesOf(file)).contains(evil));
    }

    // integrationapi.net: Voice/Send then Voice/State, per destination once.
    void legacyCampaign()
    {
        const QStringList list = numbers(3, 500);
        const QString file = write(QStringLiteral("legacy.csv"), (list.join(u'\n') + u'\n').toLatin1());
        const Run r = voicectl({QStringLiteral("legacy"), QStringLiteral("campaign"), QStringLiteral("run"), file, QStringLiteral("--file-id"),
                                QStringLiteral("42"), QStringLiteral("--source"), kSource, QStringLiteral("--journal"),
                                m_dir.filePath(QStringLiteral("legacy.journal")), QStringLiteral("--window"), QStringLiteral("none"),
                                QStringLiteral("--yes"), QStringLiteral("--rate"),
                                QStringLiteral("10"), QStringLiteral("-o"), QStringLiteral("json")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.err.contains(QStringLiteral("Balance")), qPrintable(r.err));
        QCOMPARE(json(r.out).value(QStringLiteral("completed")).toInt(), 3);
        const QJsonObject to = control("GET", QStringLiteral("/sandbox/stats")).value(QStringLiteral("legacy_messages_by_destination")).toObject();
        for (const QString &n : list)
            QCOMPARE(to.value(n).toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(TestCampaignCli)
#include "tst_campaigncli.moc"
