#pragma once

// What the voicectl tests share: voice-sandbox in a process of its own, voicectl run as a separate
// process with the environment an operator or a script gives it, and the sandbox's own counts.
#include "sandboxseeds.h"
#include "accounts/profile.h"
#include "accounts/secretstore.h"
#include "support/processes.h"
#include "support/connectproxy.h"
#include "support/rawserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QFile>
#include <QSettings>
#include <QTest>

namespace vc::test {

const QString kService = QString::fromLatin1(vc::sandbox::seeds::kReminderServiceId);
const QString kKey = QStringLiteral("e2e-canary-key-5f1d9c");

using Run = vc::test::ProcessRun;

class VoicectlHarness : public QObject
{
protected:
    QProcess m_sandbox;
    QString m_url;
    QNetworkAccessManager m_nam;

    Run voicectl(const QStringList &args, const QMap<QString, QString> &env = {}, const QByteArray &stdinData = {})
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("VOICE_API_URL"), m_url);
        e.insert(QStringLiteral("VOICE_API_KEY"), kKey);
        for (auto it = env.cbegin(); it != env.cend(); ++it) {
            if (it.value().isNull())
                e.remove(it.key());
            else
                e.insert(it.key(), it.value());
        }
        return vc::test::runProcess(QStringLiteral(VOICECTL_PATH), args, e, stdinData);
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
    // A service created straight through the API, so that its name can be anything the server accepts.
    QJsonObject createRaw(const QString &name)
    {
        QNetworkRequest request(QUrl(m_url + QStringLiteral("/voice-message/v1/Create")));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setRawHeader("Authorization", "Bearer " + kKey.toUtf8());
        const QJsonObject body{{QStringLiteral("name"), name},
                               {QStringLiteral("media_id"), QStringLiteral("1967")},
                               {QStringLiteral("redirect_info"), QJsonObject{{QStringLiteral("digit"), 1},
                                                                             {QStringLiteral("redirect_number"), QStringLiteral("79261234567")}}}};
        QScopedPointer<QNetworkReply> reply(m_nam.post(request, QJsonDocument(body).toJson()));
        if (!QTest::qWaitFor([&] { return reply->isFinished(); }, 10000))
            qFatal("sandbox did not answer");
        return QJsonDocument::fromJson(reply->readAll()).object();
    }
    int callsPlaced() { return control("GET", QStringLiteral("/sandbox/stats")).value(QStringLiteral("calls_placed")).toInt(); }
    int requests(const QString &endpoint)
    {
        return control("GET", QStringLiteral("/sandbox/stats")).value(QStringLiteral("requests")).toObject().value(endpoint).toInt();
    }

    void startSandbox()
    {
        m_url = vc::test::startSandboxProcess(m_sandbox, QStringLiteral(VOICE_SANDBOX_PATH),
                                              {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--key"), kKey,
                                               QStringLiteral("--call-speed"), QStringLiteral("10")});
        QVERIFY(!m_url.isEmpty());
    }
    void stopSandbox()
    {
        m_sandbox.kill();
        m_sandbox.waitForFinished();
    }
};

} // namespace vc::test
