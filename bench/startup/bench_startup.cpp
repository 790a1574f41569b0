// Start-up of voice-console --sandbox beside a bare Qt window (QMainWindow + QTableView, built here),
// spawned alternately, N runs each, on an X server (Xvfb, started here when there is no DISPLAY):
//   time from spawn to the first painted window, and the resident memory at that moment.
// Both programs print "painted" through the same probe (ui/startupprobe.h). Prints medians and the
// ratios. Figures only: no pass or fail. Usage: bench_startup [RUNS]
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

namespace {
struct Sample
{
    double ms = 0;
    double rssMiB = 0;
};

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

double rssMiB(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return 0;
}

// `settleMs` > 0: the memory is read that long after the first frame instead (the work deferred past the
// first frame done: history open, sandbox started, services listed).
Sample startOnce(const QString &program, const QStringList &args, const QProcessEnvironment &env, int settleMs = 0)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::SeparateChannels);
    QElapsedTimer t;
    t.start();
    p.start(program, args);
    if (!p.waitForStarted(10000))
        qFatal("%s did not start", qPrintable(program));
    QByteArray out;
    while (!out.contains("painted\n")) {
        if (!p.waitForReadyRead(20000))
            qFatal("%s never painted: %s", qPrintable(program), p.readAllStandardError().constData());
        out += p.readAllStandardOutput();
    }
    Sample s;
    s.ms = t.nsecsElapsed() / 1e6;
    if (settleMs > 0)
        p.waitForFinished(settleMs); // it does not finish: this only lets the time pass
    s.rssMiB = rssMiB(p.processId());
    p.kill();
    p.waitForFinished();
    return s;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const int runs = argc > 1 ? QByteArray(argv[1]).toInt() : 15;

    QProcess xvfb;
    QString display = qEnvironmentVariable("DISPLAY");
    if (display.isEmpty()) {
        // -displayfd 1: Xvfb picks a free display and writes its number on stdout once it accepts clients.
        xvfb.start(QStringLiteral("Xvfb"), {QStringLiteral("-displayfd"), QStringLiteral("1"), QStringLiteral("-screen"),
                                             QStringLiteral("0"), QStringLiteral("1280x800x24"), QStringLiteral("-nolisten"),
                                             QStringLiteral("tcp")});
        if (!xvfb.waitForStarted() || !xvfb.waitForReadyRead(10000))
            qFatal("Xvfb did not start (Debian: xvfb)");
        display = u':' + QString::fromLatin1(xvfb.readAllStandardOutput().trimmed());
    }

    // Both start as on a new computer: empty home, no settings, no session bus, no keychain.
    QTemporaryDir home;
    QProcessEnvironment env;
    env.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH"));
    env.insert(QStringLiteral("DISPLAY"), display);
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    env.insert(QStringLiteral("VC_STARTUP_PROBE"), QStringLiteral("1"));
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral("cache")));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.path());
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));

    const QString bare = QStringLiteral(BARE_WINDOW_PATH);
    const QString console = QStringLiteral(VOICE_CONSOLE_PATH);
    // One of each first, not counted: the libraries come into the page cache.
    startOnce(bare, {}, env);
    startOnce(console, {QStringLiteral("--sandbox")}, env);
    QList<double> bareMs, bareRss, appMs, appRss;
    for (int i = 0; i < runs; ++i) {
        const Sample b = startOnce(bare, {}, env);
        const Sample a = startOnce(console, {QStringLiteral("--sandbox")}, env);
        bareMs << b.ms;
        bareRss << b.rssMiB;
        appMs << a.ms;
        appRss << a.rssMiB;
    }
    // The memory once the start-up work deferred past the first frame is done too (fewer runs: each waits).
    QList<double> bareSettled, appSettled;
    for (int i = 0; i < 5; ++i) {
        bareSettled << startOnce(bare, {}, env, 1500).rssMiB;
        appSettled << startOnce(console, {QStringLiteral("--sandbox")}, env, 1500).rssMiB;
    }
    const auto f = [](double v, int digits = 1) { return QString::number(v, 'f', digits); };
    out << "start-up to the first painted window, " << runs << " runs each, alternating (display " << display << ")\n";
    out << "  bare Qt QMainWindow + QTableView: " << f(median(bareMs)) << " ms, RSS " << f(median(bareRss)) << " MiB\n";
    out << "  voice-console --sandbox:          " << f(median(appMs)) << " ms, RSS " << f(median(appRss)) << " MiB\n";
    out << "  ratio:                            " << f(median(appMs) / median(bareMs), 2) << "x time, "
        << f(median(appRss) / median(bareRss), 2) << "x memory\n";
    out << "  RSS 1.5 s later (history open, sandbox started, services listed), 5 runs each: bare "
        << f(median(bareSettled)) << " MiB, voice-console " << f(median(appSettled)) << " MiB ("
        << f(median(appSettled) / median(bareSettled), 2) << "x)\n";
    if (xvfb.state() == QProcess::Running) {
        xvfb.terminate();
        xvfb.waitForFinished();
    }
    return 0;
}
