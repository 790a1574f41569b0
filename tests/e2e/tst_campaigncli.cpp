// voicectl campaign and voicectl dnc against voice-sandbox, both as separate processes: the operator's
// view, the sandbox's count of calls per destination, and the journal on disk.
#include "sandboxseeds.h"
#include "campaigns/campaignjournal.h"
#include "support/processes.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringDecoder>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#ifdef Q_OS_UNIX
#include <sys/types.h>
#include <unistd.h>
#endif

namespace {
const QString kService = QString::fromLatin1(vc::sandbox::seeds::kReminderServiceId);
const QString kKey = QStringLiteral("campaign-key-2b7e");
const QString kSource = QStringLiteral("74951234567");

using Run = vc::test::ProcessRun;

QByteArray cp1251(const QString &text)
{
    // The few letters the tests use, by hand: Qt without ICU has no Windows-1251 encoder.
    QByteArray out;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x80)
            out.append(char(u));
        else if (u >= 0x0410 && u <= 0x044F)
            out.append(char(0xC0 + (u - 0x0410)));
        else if (u == 0x0401)
            out.append(char(0xA8));
        else if (u == 0x0451)
            out.append(char(0xB8));
        else
            out.append('?');
    }
    return out;
}
} // namespace

class TestCampaignCli : public QObject
{
    Q_OBJECT
    QProcess m_sandbox;
    QString m_url;
    QNetworkAccessManager m_nam;
    QTemporaryDir m_dir;

    QProcessEnvironment environment() const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("VOICE_API_URL"), m_url);
        e.insert(QStringLiteral("VOICE_API_KEY"), kKey);
        e.insert(QStringLiteral("VOICE_LEGACY_URL"), m_url + QStringLiteral("/rest/"));
        e.insert(QStringLiteral("VOICE_LEGACY_LOGIN"), QStringLiteral("sandbox"));
        e.insert(QStringLiteral("VOICE_LEGACY_PASSWORD"), QStringLiteral("sandbox-password"));
        e.insert(QStringLiteral("VOICE_CONSOLE_DATA_DIR"), m_dir.filePath(QStringLiteral("data")));
        return e;
    }

    Run voicectl(const QStringList &args, int timeoutMs = 60000)
    {
        return vc::test::runProcess(QStringLiteral(VOICECTL_PATH), args, environment(), {}, timeoutMs);
    }

    QJsonObject control(const QByteArray &verb, const QString &path, const QByteArray &body = {})
    {
        QNetworkRequest request(QUrl(m_url + path));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QScopedPointer<QNetworkReply> reply(m_nam.sendCustomRequest(request, verb, body));
        if (!QTest::qWaitFor([&] { return reply->isFinished(); }, 10000))
            qFatal("sandbox control did not answer");
        return QJsonDocument::fromJson(reply->readAll()).object();
    }
    QJsonObject callsTo() { return control("GET", QStringLiteral("/sandbox/stats")).value(QStringLiteral("calls_by_destination")).toObject(); }
    int callsPlaced() { return control("GET", QStringLiteral("/sandbox/stats")).value(QStringLiteral("calls_placed")).toInt(); }

    QString write(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write a test file");
        f.write(content);
        return path;
    }
    // `count` distinct numbers that the sandbox completes (the last two digits are never 00-03).
    static QStringList numbers(int count, int first = 0)
    {
        QStringList list;
        for (int i = first; i < first + count; ++i)
            list.append(QStringLiteral("7900%1").arg(1000000 + i * 10 + 5, 7, 10, QLatin1Char('0')));
        return list;
    }
    QStringList runArgs(const QString &file, const QString &journal) const
    {
        return {QStringLiteral("campaign"), QStringLiteral("run"), file, QStringLiteral("--service"), kService,
                QStringLiteral("--source"), kSource, QStringLiteral("--journal"), journal};
    }
    static QJsonObject json(const QString &out)
    {
        return QJsonDocument::fromJson(out.toUtf8()).object();
    }
    // A confirmed campaign none of whose rows was called yet, made through the journal's own API.
    static void makeStartedJournal(const QString &path, const QStringList &list, const QStringList &given = {})
    {
        vc::CampaignJournal j;
        vc::CampaignSettings s;
        s.source = kSource;
        s.serviceId = kService;
        QVERIFY(j.create(path, s));
        QVERIFY(j.beginImport());
        for (int i = 0; i < list.size(); ++i) {
            vc::CampaignRow row;
            row.line = i + 1;
            row.given = given.value(i, list.at(i));
            row.number = list.at(i);
            QVERIFY(j.addRow(row));
        }
        QVERIFY(j.endImport());
        QVERIFY(j.setMeta(QStringLiteral("state"), QStringLiteral("started")));
    }
    static QByteArray bytesOf(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    // SQLite's own verdict, on a read-only connection of the test's.
    static bool passesIntegrityCheck(const QString &path)
    {
        bool ok = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
            db.setDatabaseName(path);
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
            if (db.open()) {
                QSqlQuery q(db);
                ok = q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next() && q.value(0).toString() == QLatin1String("ok") && !q.next();
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("check"));
        return ok;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_url = vc::test::startSandboxProcess(m_sandbox, QStringLiteral(VOICE_SANDBOX_PATH),
                                              {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--key"), kKey,
                                               QStringLiteral("--call-speed"), QStringLiteral("100")});
        QVERIFY(!m_url.isEmpty());
    }
    void cleanupTestCase()
    {
        m_sandbox.kill();
        m_sandbox.waitForFinished();
    }
    void cleanup()
    {
        control("DELETE", QStringLiteral("/sandbox/faults"));
        control("POST", QStringLiteral("/sandbox/rate-limit"), "{\"calls_per_second\": 0}");
    }

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
        QCOMPARE(voicectl({QStringLiteral("dnc"), QStringLiteral("add"), list.at(4)}).code, 0);

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
        QCOMPARE(keys, (QStringList{QStringLiteral("completed"), QStringLiteral("duplicate"), QStringLiteral("invalid"),
                                    QStringLiteral("journal"), QStringLiteral("not_delivered"), QStringLiteral("placed"),
                                    QStringLiteral("rejected"), QStringLiteral("suppressed"), QStringLiteral("total"),
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

    void doNotCallList()
    {
        QCOMPARE(voicectl({QStringLiteral("dnc"), QStringLiteral("add"), QStringLiteral("+7 (900) 555-01-01"), QStringLiteral("89005550102")}).code, 0);
        Run r = voicectl({QStringLiteral("dnc"), QStringLiteral("list"), QStringLiteral("-o"), QStringLiteral("json")});
        QCOMPARE(r.code, 0);
        QJsonArray list = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QVERIFY(list.contains(QStringLiteral("79005550101")));
        QVERIFY(list.contains(QStringLiteral("79005550102")));
        // A bad number changes nothing.
        r = voicectl({QStringLiteral("dnc"), QStringLiteral("add"), QStringLiteral("79005550103"), QStringLiteral("not-a-number")});
        QCOMPARE(r.code, 2);
        r = voicectl({QStringLiteral("dnc"), QStringLiteral("list")});
        QVERIFY(!r.out.contains(QStringLiteral("79005550103")));
        QCOMPARE(voicectl({QStringLiteral("dnc"), QStringLiteral("remove"), QStringLiteral("79005550101")}).code, 0);
        const QString import = write(QStringLiteral("import.csv"), "номер;имя\n+7 900 555 01 04;a\nxyz;b\n");
        r = voicectl({QStringLiteral("dnc"), QStringLiteral("import"), import});
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
                                m_dir.filePath(QStringLiteral("legacy.journal")), QStringLiteral("--yes"), QStringLiteral("--rate"),
                                QStringLiteral("10"), QStringLiteral("-o"), QStringLiteral("json")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.err.contains(QStringLiteral("Balance")), qPrintable(r.err));
        QCOMPARE(json(r.out).value(QStringLiteral("completed")).toInt(), 3);
        const QJsonObject to = control("GET", QStringLiteral("/sandbox/stats")).value(QStringLiteral("legacy_messages_by_destination")).toObject();
        for (const QString &n : list)
            QCOMPARE(to.value(n).toInt(), 1);
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

QTEST_GUILESS_MAIN(TestCampaignCli)
#include "tst_campaigncli.moc"
