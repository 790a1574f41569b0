// The campaign service that the wizard, the page and voicectl share: the one check of the settings, the
// reading plan derived from them, the confirmation in one transaction, the registry's cancel and remove,
// and the journal lock that a probe cannot steal (two processes in a tight loop).
#include "campaigns/campaigndraft.h"
#include "campaigns/campaignregistry.h"
#include "campaigns/journallock.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <cstring>

using namespace vc;

namespace {

QList<SettingProblem::Field> fieldsOf(const Result<CampaignSettings, QList<SettingProblem>> &r)
{
    QList<SettingProblem::Field> fields;
    if (!r) {
        for (const SettingProblem &p : r.error())
            fields << p.field;
    }
    return fields;
}

CampaignSettings exolve()
{
    CampaignSettings s;
    s.source = QStringLiteral("+7 495 123-45-67");
    s.serviceId = QStringLiteral("svc-1");
    return s;
}

// A journal in preview from `csv`, planned with the settings' own plan options.
Result<PlanSummary, QString> preview(const QString &path, const CampaignSettings &s, const QByteArray &csv, CampaignJournal *journal)
{
    QBuffer input;
    input.setData(csv);
    input.open(QIODevice::ReadOnly);
    return CampaignDraft::preview(&input, path, s, CampaignDraft::planOptions(s), journal);
}

// The other side of the lock race: takes and gives back the journal's lock for `seconds`, holding it
// long enough each time (150 ms) to be judged by a probe, and checks that nobody else is inside while it
// holds it (a marker file made exclusively). Exit 0: never shared; 3: someone else was inside.
int lockLoop(const QString &path, int seconds)
{
    const QString marker = path + QStringLiteral(".inside");
    QDeadlineTimer deadline(seconds * 1000);
    while (!deadline.hasExpired()) {
        JournalLock lock(path);
        if (lock.tryLock()) {
            QFile inside(marker);
            if (!inside.open(QIODevice::WriteOnly | QIODevice::NewOnly))
                return 3;
            QThread::msleep(150);
            inside.close();
            inside.remove();
            lock.unlock();
        }
        for (int i = 0; i < 500; ++i) // probing too, as the other side does
            (void)JournalLock::isHeld(path);
    }
    return 0;
}

} // namespace

class TestCampaignService : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // One rule for every field, whoever asks.
    void settingsAreCheckedOnce()
    {
        const auto ok = exolve().validate();
        QVERIFY(ok);
        QCOMPARE(ok.value().source, QStringLiteral("74951234567")); // kept in E.164 digits

        CampaignSettings s = exolve();
        s.source = QStringLiteral("12");
        s.serviceId = QStringLiteral("bad id with spaces");
        s.rate = 0;
        s.concurrency = 65;
        s.window = QStringLiteral("25:00-26:00");
        s.defaultZone = QStringLiteral("Europe/Mosow");
        s.redial = 2;
        s.redialGapMin = 0;
        const auto fields = fieldsOf(s.validate());
        using F = SettingProblem::Field;
        for (F f : {F::Source, F::Service, F::Rate, F::Concurrency, F::Window, F::Zone, F::RedialGap})
            QVERIFY2(fields.contains(f), qPrintable(QString::number(int(f))));

        // A dry run may go without a caller number; a real run may not.
        s = exolve();
        s.source.clear();
        QVERIFY(fieldsOf(s.validate()).contains(F::Source));
        SettingsScope dry;
        dry.sourceRequired = false;
        QVERIFY(s.validate(dry));
    }

    // Defect 3: integrationapi.net's settings are checked by the same rule, the time zone included.
    void legacyZoneIsChecked()
    {
        CampaignSettings s;
        s.provider = CampaignSettings::Provider::IntegrationApi;
        s.source = QStringLiteral("+7 495 123-45-67");
        s.fileId = QStringLiteral("42");
        QVERIFY(s.validate());
        s.defaultZone = QStringLiteral("Europe/Mosow");
        QCOMPARE(fieldsOf(s.validate()), QList<SettingProblem::Field>{SettingProblem::Field::Zone});
        s.defaultZone = QStringLiteral("UTC+03:00");
        QVERIFY(s.validate());
    }

    // Defect 2: with no default service, a row that names none is invalid in the preview, not "ready".
    void rowsWithoutAServiceAreInvalidWithoutADefault()
    {
        CampaignSettings s = exolve();
        s.serviceId.clear();
        SettingsScope noColumn;
        noColumn.rowsNameService = false;
        QCOMPARE(fieldsOf(s.validate(noColumn)), QList<SettingProblem::Field>{SettingProblem::Field::Service});
        QVERIFY(s.validate()); // rows may name their own
        QVERIFY(CampaignDraft::planOptions(s).needsServiceId);
        QVERIFY(!CampaignDraft::planOptions(s, true).needsServiceId); // a dry run calls nobody
        CampaignSettings legacy;
        legacy.provider = CampaignSettings::Provider::IntegrationApi;
        QVERIFY(CampaignDraft::planOptions(legacy).needsFileId);

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("services.journal"));
        CampaignJournal journal;
        const auto plan = preview(path, s.validate().value(), "phone,service_id\n79261110001,svc-1\n79261110002,\n79261110003,svc-2\n",
                                  &journal);
        QVERIFY2(plan, plan ? "" : qPrintable(plan.error()));
        QCOMPARE(plan.value().counts.ready, 2);
        QCOMPARE(plan.value().counts.invalid, 1);
        const auto row = journal.row(3);
        QVERIFY(row);
        QCOMPARE(row->rowClass, RowClass::Invalid);
        QVERIFY2(row->reason.contains(QStringLiteral("service")), qPrintable(row->reason));
    }

    // Defect 4: the confirmation is one transaction whose result is the caller's to handle; a failed one
    // leaves the campaign in preview with its settings as they were, and nothing may start it.
    void confirmationIsAllOrNothing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("confirm.journal"));
        CampaignSettings s = exolve().validate().value();
        {
            CampaignJournal journal;
            QVERIFY(preview(path, s, "phone\n79261110001\n", &journal));
        }
        CampaignJournal journal;
        QVERIFY(journal.open(path));
        {
            // Another connection holds the write lock: the confirmation cannot be written.
            QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("blocker"));
            other.setDatabaseName(path);
            QVERIFY(other.open());
            QSqlQuery q(other);
            QVERIFY(q.exec(QStringLiteral("BEGIN IMMEDIATE")));
            CampaignSettings changed = s;
            changed.source = QStringLiteral("74957654321");
            const auto r = CampaignDraft::confirm(journal, changed, {{QStringLiteral("profile_name"), QStringLiteral("P")}});
            QVERIFY(!r);
            QVERIFY(!r.error().message.isEmpty());
            QVERIFY(q.exec(QStringLiteral("ROLLBACK")));
            other.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("blocker"));
        QCOMPARE(journal.meta(QStringLiteral("state")), QStringLiteral("preview"));
        QCOMPARE(journal.meta(QStringLiteral("source")), s.source);
        QCOMPARE(journal.settings().source, s.source); // memory says what the disk says
        QVERIFY(journal.meta(QStringLiteral("profile_name")).isEmpty());

        QVERIFY(CampaignDraft::confirm(journal, journal.settings(), {{QStringLiteral("profile_name"), QStringLiteral("P")}}));
        QCOMPARE(journal.meta(QStringLiteral("state")), QStringLiteral("started"));
        QCOMPARE(journal.meta(QStringLiteral("profile_name")), QStringLiteral("P"));
        QVERIFY(!CampaignDraft::confirm(journal, journal.settings())); // never twice
    }

    // Defect 5: Remove asks the lock at the moment of removal, not the list's last look.
    void removeAsksTheLockNow()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("busy.journal"));
        {
            CampaignJournal journal;
            QVERIFY(preview(path, exolve().validate().value(), "phone\n79261110001\n", &journal));
        }
        CampaignRegistry registry;
        const auto seen = registry.scan(dir.path());
        QCOMPARE(seen.size(), 1);
        QVERIFY(!seen.first().inUseElsewhere); // free when the list was read
        QProcess holder;
        holder.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--hold"), path});
        QVERIFY(holder.waitForReadyRead(10000)); // "held"
        const auto refused = registry.remove(path);
        QVERIFY(!refused);
        QVERIFY2(refused.error().contains(QString::number(holder.processId())), qPrintable(refused.error()));
        QVERIFY(QFile::exists(path));
        holder.closeWriteChannel();
        QVERIFY(holder.waitForFinished(10000));
        QVERIFY(registry.remove(path));
        QVERIFY(!QFile::exists(path));
        QVERIFY(!QFile::exists(path + QStringLiteral(".lock")));
    }

    // Defect 6: probing whether a journal is in use never takes the lock, so it cannot make another
    // program's lock fail and then judge it abandoned. Two processes take the same lock in a tight loop
    // while probing it; neither ever finds the other inside.
    void probeCannotStealTheLock()
    {
#ifndef Q_OS_LINUX
        QSKIP("the probe that only asks is Linux's (open file description locks)");
#else
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("race.journal"));
        QProcess other;
        other.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--lock-loop"), path, QStringLiteral("4")});
        QVERIFY(other.waitForStarted());
        const QString marker = path + QStringLiteral(".inside");
        QDeadlineTimer deadline(4000);
        int held = 0;
        while (!deadline.hasExpired()) {
            // Probe as fast as the list and the page do, then try to take it.
            for (int i = 0; i < 2000; ++i)
                (void)JournalLock::isHeld(path);
            JournalLock lock(path);
            if (lock.tryLock()) {
                ++held;
                QFile inside(marker);
                QVERIFY2(inside.open(QIODevice::WriteOnly | QIODevice::NewOnly), "both processes held the lock at once");
                QThread::msleep(20);
                inside.close();
                inside.remove();
                lock.unlock();
            }
        }
        QVERIFY(other.waitForFinished(20000));
        QCOMPARE(other.exitCode(), 0);
        QVERIFY(held > 0); // the test did take turns
#endif
    }
};

int main(int argc, char **argv)
{
    // The helper processes of the tests above.
    if (argc >= 3 && std::strcmp(argv[1], "--hold") == 0) {
        QCoreApplication app(argc, argv);
        CampaignJournal journal;
        if (!journal.open(QString::fromLocal8Bit(argv[2])))
            return 2;
        QFile out;
        (void)out.open(stdout, QIODevice::WriteOnly);
        out.write("held\n");
        out.flush();
        QFile in;
        (void)in.open(stdin, QIODevice::ReadOnly);
        (void)in.readAll(); // until the test closes our stdin
        return 0;
    }
    if (argc >= 4 && std::strcmp(argv[1], "--lock-loop") == 0) {
        QCoreApplication app(argc, argv);
        return lockLoop(QString::fromLocal8Bit(argv[2]), std::atoi(argv[3]));
    }
    QCoreApplication app(argc, argv);
    TestCampaignService test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_campaignservice.moc"
