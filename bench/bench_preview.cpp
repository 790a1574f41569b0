// The preview beside its floor, in one run (figures only, no pass or fail). Run:
//   build/bench/bench_preview [ROWS]        (default 1,000,000)
// 1. `voicectl campaign run FILE --dry-run` on ROWS generated numbers: wall time and peak RSS.
// 2. Its floor, the longer of
//    a. libphonenumber parsing, validating and formatting the same numbers as fast as this machine can
//       (one share of them on each core; PhoneNumbers::normaliseByLibrary), and
//    b. inserting the same rows into a journal (its schema and indexes) in one prepared transaction.
// The goal (Performance III): the preview within 1.3× its floor, peak RSS within 64 MB.
#include "campaigns/campaignjournal.h"
#include "common/phonenumbers.h"
#include "support/must.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QThread>

#include <sys/resource.h>

#include <atomic>
#include <thread>
#include <vector>

namespace {

// The same numbers bench_campaign uses: "+7 (9NN) NNN-NN-NN", all different.
QString numberAt(int i)
{
    return QStringLiteral("+7 (9%1) %2-%3-%4")
        .arg(i / 10000000 % 100, 2, 10, QLatin1Char('0'))
        .arg(i / 10000 % 1000, 3, 10, QLatin1Char('0'))
        .arg(i / 100 % 100, 2, 10, QLatin1Char('0'))
        .arg(i % 100, 2, 10, QLatin1Char('0'));
}

double seconds(const QElapsedTimer &t)
{
    return t.nsecsElapsed() / 1e9;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int rows = app.arguments().size() > 1 ? app.arguments().at(1).toInt() : 1000000;
    QTextStream out(stdout);
    QTemporaryDir dir(QDir::currentPath() + QStringLiteral("/bench-preview-XXXXXX")); // on disk, not tmpfs
    const QString file = dir.filePath(QStringLiteral("rows.csv"));
    {
        QFile f(file);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(file));
        f.write("phone\n");
        for (int i = 0; i < rows; ++i)
            f.write(numberAt(i).toLatin1() + '\n');
    }
    // 1. The preview itself, through voicectl, first: a child forked from a small parent (its peak RSS is
    // then voicectl's own, not a copy of this process's numbers).
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("VOICE_CONSOLE_DATA_DIR"), dir.filePath(QStringLiteral("data")));
    QProcess p;
    QElapsedTimer clock;
    p.setProcessEnvironment(env);
    p.setStandardOutputFile(QProcess::nullDevice());
    p.setStandardErrorFile(QProcess::nullDevice());
    clock.restart();
    p.start(QStringLiteral(VOICECTL_PATH), {QStringLiteral("campaign"), QStringLiteral("run"), file, QStringLiteral("--dry-run")});
    (void)QTest::qWaitFor([&p] { return p.state() == QProcess::NotRunning; }, 3600 * 1000);
    const double preview = seconds(clock);
    struct rusage usage = {};
    getrusage(RUSAGE_CHILDREN, &usage); // the only child: voicectl

    QStringList numbers;
    numbers.reserve(rows);
    for (int i = 0; i < rows; ++i)
        numbers << numberAt(i);

    // 2a. libphonenumber alone (parse, validate, format), on every core; and the same numbers the way the
    // preview classes them (the short way for common Russian mobile notations, then libphonenumber).
    const int cores = std::max(1, QThread::idealThreadCount());
    std::atomic<int> valid{0};
    const auto onEveryCore = [&](auto normalise) {
        QElapsedTimer timer;
        timer.start();
        valid = 0;
        std::vector<std::thread> threads;
        for (int t = 0; t < cores; ++t) {
            threads.emplace_back([&, t] {
                int n = 0;
                for (int i = t; i < rows; i += cores)
                    n += normalise(numbers.at(i)).has_value();
                valid += n;
            });
        }
        for (auto &t : threads)
            t.join();
        return seconds(timer);
    };
    const double parse = onEveryCore([](const QString &n) { return vc::PhoneNumbers::normaliseByLibrary(n); });
    const double shortWay = onEveryCore([](const QString &n) { return vc::PhoneNumbers::normalise(n); });

    // 2b. The insert alone: the journal's schema and indexes, one prepared transaction.
    clock.restart();
    {
        vc::CampaignJournal journal;
        vc::test::must(journal.create(dir.filePath(QStringLiteral("floor.journal")), {}));
        vc::test::must(journal.beginImport());
        for (int i = 0; i < rows; ++i) {
            vc::CampaignRow row;
            row.line = i + 2;
            row.given = numbers.at(i);
            row.number = QStringLiteral("79%1").arg(i, 9, 10, QLatin1Char('0'));
            vc::test::must(journal.addRow(row));
        }
        vc::test::must(journal.endImport());
    }
    const double insert = seconds(clock);

    const double floor = std::max(parse, insert);
    out << QStringLiteral("Preview of %1 rows (%2 valid), %3 core(s):\n").arg(rows).arg(valid.load()).arg(cores);
    out << QStringLiteral("  preview (voicectl --dry-run):  %1 s, peak RSS %2 MB (exit %3)\n")
               .arg(preview, 0, 'f', 1).arg(usage.ru_maxrss / 1024.0, 0, 'f', 1).arg(p.exitCode());
    out << QStringLiteral("  floor a, libphonenumber alone: %1 s\n").arg(parse, 0, 'f', 1);
    out << QStringLiteral("  floor b, the insert alone:     %1 s\n").arg(insert, 0, 'f', 1);
    out << QStringLiteral("  (the preview's classing alone:  %1 s: the short way for common mobile notations)\n")
               .arg(shortWay, 0, 'f', 1);
    out << QStringLiteral("  preview / floor:               %1x (goal: 1.3x or less)\n").arg(preview / floor, 0, 'f', 2);
    return 0;
}
