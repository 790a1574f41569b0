#pragma once

// What the voicectl campaign tests share: voice-sandbox in a process of its own, voicectl run as a
// separate process with the environment an operator would give it, the sandbox's own counts, and the
// journal read from disk.
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

namespace vc::test {

const QString kService = QString::fromLatin1(vc::sandbox::seeds::kReminderServiceId);
const QString kKey = QStringLiteral("campaign-key-2b7e");
const QString kSource = QStringLiteral("74951234567");

using Run = vc::test::ProcessRun;

inline QByteArray cp1251(const QString &text)
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

class CampaignCliHarness : public QObject
{
protected:
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
        e.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config"))); // the shared settings: the policy
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
        // Any hour: the tests call now, whatever the clock says (a later --window replaces it).
        return {QStringLiteral("campaign"), QStringLiteral("run"), file, QStringLiteral("--service"), kService,
                QStringLiteral("--source"), kSource, QStringLiteral("--journal"), journal, QStringLiteral("--window"), QStringLiteral("none")};
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

    void startSandbox()
    {
        QVERIFY(m_dir.isValid());
        m_url = vc::test::startSandboxProcess(m_sandbox, QStringLiteral(VOICE_SANDBOX_PATH),
                                              {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--key"), kKey,
                                               QStringLiteral("--call-speed"), QStringLiteral("100")});
        QVERIFY(!m_url.isEmpty());
    }
    void stopSandbox()
    {
        m_sandbox.kill();
        m_sandbox.waitForFinished();
    }
    void resetSandbox()
    {
        control("DELETE", QStringLiteral("/sandbox/faults"));
        control("POST", QStringLiteral("/sandbox/rate-limit"), "{\"calls_per_second\": 0}");
    }
};

} // namespace vc::test
