#pragma once

#include <QProcess>
#include <QRegularExpression>
#include <QTest>

namespace vc::test {

// Starts voice-sandbox (`program`) in a process of its own; returns the URL it prints, empty when it did
// not start. The caller's event loop keeps running while it waits.
inline QString startSandboxProcess(QProcess &sandbox, const QString &program, const QStringList &args)
{
    sandbox.start(program, args);
    if (!sandbox.waitForStarted() || !QTest::qWaitFor([&] { return sandbox.canReadLine(); }, 10000))
        return {};
    return QRegularExpression(QStringLiteral("(http://127\\.0\\.0\\.1:\\d+)")).match(QString::fromUtf8(sandbox.readLine())).captured(1);
}

struct ProcessRun
{
    int code = -1; // -1: it crashed or did not finish
    QString out;
    QString err;
};

// Runs a command line tool to its end with `env`, feeding `input` on stdin. The test's event loop keeps
// running, so servers inside the test's process can answer it.
inline ProcessRun runProcess(const QString &program, const QStringList &args, const QProcessEnvironment &env,
                             const QByteArray &input = {}, int timeoutMs = 60000)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    if (!p.waitForStarted())
        qFatal("%s did not start", qPrintable(program));
    p.write(input);
    p.closeWriteChannel();
    if (!QTest::qWaitFor([&p] { return p.state() == QProcess::NotRunning; }, timeoutMs))
        qFatal("%s did not finish", qPrintable(program));
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace vc::test
