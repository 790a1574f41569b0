// Unknown outcomes resolved from Exolve's call history, against voice-sandbox in a process of its own: the
// sandbox places the calls and drops its answers (real unknowns); `campaign reconcile` finds each call in
// the history (either shape of the answer, either kind of id), follows it to its end and sends nothing
// again; a second reconcile changes nothing; a call that never happened is "not placed" only after the
// settle time; a number called twice around the request stays unknown; integrationapi.net is refused.
#include "campaigncliharness.h"

using namespace vc::test;

class TestReconcile : public CampaignCliHarness
{
    Q_OBJECT

    void history(const char *shape, const char *ids)
    {
        control("POST", QStringLiteral("/sandbox/history"), QByteArray("{\"shape\": \"") + shape + "\", \"ids\": \"" + ids + "\"}");
    }
    void dropAnswersOfCalls(const char *kind = "place_then_drop")
    {
        control("POST", QStringLiteral("/sandbox/faults"),
                QByteArray("{\"rules\": [{\"endpoint\": \"call/v1/MakeVoiceMessage\", \"kind\": \"") + kind + "\"}]}");
    }
    // A campaign whose every request's answer is lost: `count` unknown rows.
    QString unknownCampaign(const QString &name, const QStringList &list, const char *kind = "place_then_drop")
    {
        dropAnswersOfCalls(kind);
        const QString file = write(name + QStringLiteral(".csv"), "phone\n" + list.join(u'\n').toUtf8() + '\n');
        const QString journal = m_dir.filePath(name + QStringLiteral(".journal"));
        const Run r = voicectl(runArgs(file, journal) + QStringList{QStringLiteral("--yes"), QStringLiteral("--rate"), QStringLiteral("50")});
        control("DELETE", QStringLiteral("/sandbox/faults"));
        const Run status = voicectl({QStringLiteral("campaign"), QStringLiteral("status"), journal, QStringLiteral("-o"), QStringLiteral("json")});
        if (json(status.out).value(QStringLiteral("unknown")).toInt() != list.size())
            qWarning() << r.err << status.out;
        return journal;
    }
    QJsonObject reconcile(const QString &journal, const QStringList &more = {})
    {
        const Run r = voicectl(QStringList{QStringLiteral("campaign"), QStringLiteral("reconcile"), journal, QStringLiteral("-o"), QStringLiteral("json")} + more);
        if (r.code != 0)
            qWarning() << r.code << r.err;
        return json(r.out);
    }

private slots:
    void initTestCase() { startSandbox(); }
    void cleanupTestCase() { stopSandbox(); }
    void cleanup()
    {
        resetSandbox();
        history("call_history", "voice");
    }

    void unknownCallsFoundFollowedAndNeverResent_data()
    {
        QTest::addColumn<QByteArray>("shape");
        QTest::addColumn<int>("first");
        QTest::newRow("calls") << QByteArray("calls") << 100;
        QTest::newRow("call_history") << QByteArray("call_history") << 120;
    }
    void unknownCallsFoundFollowedAndNeverResent()
    {
        QFETCH(QByteArray, shape);
        QFETCH(int, first);
        history(shape.constData(), "voice");
        const QStringList list = numbers(4, first);
        const QString journal = unknownCampaign(QStringLiteral("dropped-") + QString::fromLatin1(shape), list);
        const int placed = callsPlaced();
        QJsonObject o = reconcile(journal, {QStringLiteral("--settle"), QStringLiteral("0")});
        QCOMPARE(o.value(QStringLiteral("resolved_placed")).toInt(), 4);
        QCOMPARE(o.value(QStringLiteral("resolved_not_placed")).toInt(), 0);
        QCOMPARE(o.value(QStringLiteral("still_unknown")).toInt(), 0);
        QCOMPARE(o.value(QStringLiteral("unknown")).toInt(), 0);
        QCOMPARE(o.value(QStringLiteral("completed")).toInt(), 4); // followed to the end with call/v1/GetInfo
        QCOMPARE(callsPlaced(), placed); // nothing sent again
        for (const QString &n : list)
            QCOMPARE(callsTo().value(n).toInt(), 1);
        // The right ids: those the history gives for each number.
        vc::CampaignJournal j;
        QVERIFY(j.openReadOnly(journal));
        for (int i = 0; i < list.size(); ++i) {
            const auto row = j.row(i + 2);
            QVERIFY(row);
            QCOMPARE(row->callId, historyIdsOf(list.at(i)).value(0));
            QVERIFY2(row->error.contains(QLatin1String("call history")), qPrintable(row->error));
        }
        j.close();
        // Again: nothing left to resolve, and nothing changes.
        const QByteArray before = voicectl({QStringLiteral("campaign"), QStringLiteral("export"), journal}).out.toUtf8();
        o = reconcile(journal, {QStringLiteral("--settle"), QStringLiteral("0")});
        QCOMPARE(o.value(QStringLiteral("resolved_placed")).toInt(), 0);
        QCOMPARE(o.value(QStringLiteral("completed")).toInt(), 4);
        QCOMPARE(voicectl({QStringLiteral("campaign"), QStringLiteral("export"), journal}).out.toUtf8(), before);
        QCOMPARE(callsPlaced(), placed);
    }

    // The history's own ids (uint64s, above 2^63): kept digit for digit; the outcome is the history's
    // (duration above 0: answered), not GetInfo's, which does not know such an id.
    void historyIdsOfTheOtherKind()
    {
        history("call_history", "numeric");
        const QStringList list = numbers(2, 140);
        const QString journal = unknownCampaign(QStringLiteral("numeric"), list);
        QTest::qWait(300); // talk time in the sandbox (100x): a duration above 0
        const QJsonObject o = reconcile(journal, {QStringLiteral("--settle"), QStringLiteral("0")});
        QCOMPARE(o.value(QStringLiteral("resolved_placed")).toInt(), 2);
        QCOMPARE(o.value(QStringLiteral("completed")).toInt(), 2);
        vc::CampaignJournal j;
        QVERIFY(j.openReadOnly(journal));
        const auto row = j.row(2);
        QCOMPARE(row->callId, historyIdsOf(list.at(0)).value(0));
        QVERIFY(row->callId.startsWith(QLatin1String("180000000000000000")));
        QCOMPARE(row->callId.size(), 20);
        QVERIFY2(row->error.contains(QLatin1String("history id")), qPrintable(row->error));
        QVERIFY(row->final);
    }

    // Nothing in the history: too early to say within the settle time; "not placed" after it, and only
    // the operator's --resend-unknown --yes sends it again.
    void notPlacedOnlyAfterTheSettleTime()
    {
        const QStringList list = numbers(2, 160);
        const QString journal = unknownCampaign(QStringLiteral("garbage"), list, "garbage"); // refused before placing
        const int placed = callsPlaced();
        QJsonObject o = reconcile(journal); // the default 10 minutes
        QCOMPARE(o.value(QStringLiteral("still_unknown")).toInt(), 2);
        QCOMPARE(o.value(QStringLiteral("unknown")).toInt(), 2);
        o = reconcile(journal, {QStringLiteral("--settle"), QStringLiteral("0")});
        QCOMPARE(o.value(QStringLiteral("resolved_not_placed")).toInt(), 2);
        QCOMPARE(o.value(QStringLiteral("unknown")).toInt(), 2); // still not sent again by itself
        const QByteArray before = voicectl({QStringLiteral("campaign"), QStringLiteral("export"), journal}).out.toUtf8();
        QVERIFY(before.contains(",not_placed,"));
        {
            vc::CampaignJournal j;
            QVERIFY(j.openReadOnly(journal));
            QCOMPARE(j.row(2)->status, QStringLiteral("not_placed"));
            QVERIFY2(j.row(2)->error.contains(QLatin1String("not placed")), qPrintable(j.row(2)->error));
        }
        o = reconcile(journal, {QStringLiteral("--settle"), QStringLiteral("0")});
        QCOMPARE(voicectl({QStringLiteral("campaign"), QStringLiteral("export"), journal}).out.toUtf8(), before);
        QCOMPARE(callsPlaced(), placed);
        Run r = voicectl({QStringLiteral("campaign"), QStringLiteral("resume"), journal, QStringLiteral("--resolve-unknown"),
                          QStringLiteral("--settle"), QStringLiteral("0"), QStringLiteral("--resend-unknown")});
        QCOMPARE(r.code, 2); // --yes is needed, naming how many
        QVERIFY2(r.err.contains(QLatin1String("2 rows")) || r.err.contains(QLatin1String("2 row")), qPrintable(r.err));
        QCOMPARE(callsPlaced(), placed);
        r = voicectl({QStringLiteral("campaign"), QStringLiteral("resume"), journal, QStringLiteral("--resolve-unknown"),
                      QStringLiteral("--settle"), QStringLiteral("0"), QStringLiteral("--resend-unknown"), QStringLiteral("--yes")});
        QCOMPARE(r.code, 0);
        QCOMPARE(callsPlaced() - placed, 2);
    }

    // Another campaign called the same number around the request: two candidates, no guess.
    void twoCandidatesStayUnknown()
    {
        const QStringList list = numbers(1, 180);
        const QString journal = unknownCampaign(QStringLiteral("shared"), list);
        const QString other = write(QStringLiteral("other.csv"), "phone\n" + list.at(0).toUtf8() + '\n');
        QCOMPARE(voicectl(runArgs(other, m_dir.filePath(QStringLiteral("other.journal"))) + QStringList{QStringLiteral("--yes")}).code, 0);
        const QJsonObject o = reconcile(journal, {QStringLiteral("--settle"), QStringLiteral("0")});
        QCOMPARE(o.value(QStringLiteral("still_unknown")).toInt(), 1);
        QCOMPARE(o.value(QStringLiteral("unknown")).toInt(), 1);
        vc::CampaignJournal j;
        QVERIFY(j.openReadOnly(journal));
        QVERIFY2(j.row(2)->error.contains(QLatin1String("cannot be told")), qPrintable(j.row(2)->error));
    }

    void integrationApiHasNoHistory()
    {
        const QString file = write(QStringLiteral("legacy.csv"), "phone\n" + numbers(1, 190).join(u'\n').toUtf8() + '\n');
        const QString journal = m_dir.filePath(QStringLiteral("legacy.journal"));
        const Run run = voicectl({QStringLiteral("legacy"), QStringLiteral("campaign"), QStringLiteral("run"), file, QStringLiteral("--file-id"),
                                  QStringLiteral("1"), QStringLiteral("--source"), kSource, QStringLiteral("--journal"), journal,
                                  QStringLiteral("--window"), QStringLiteral("none"), QStringLiteral("--yes"), QStringLiteral("--no-wait")});
        QVERIFY2(run.code == 0 || run.code == 4, qPrintable(run.err));
        QVERIFY(QFile::exists(journal));
        const Run r = voicectl({QStringLiteral("campaign"), QStringLiteral("reconcile"), journal});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QLatin1String("no call history")), qPrintable(r.err));
    }

    // Calls from the command line are in the shared call history; `history reconcile` compares it with
    // Exolve's: in both, only here (a request refused before placing, outcome unknown), only at Exolve (a
    // call placed outside this console), and keeps the comparison.
    void historyComparedWithExolve()
    {
        QTest::qWait(1100); // the calls of the tests before are out of the period
        const QDateTime from = QDateTime::currentDateTimeUtc();
        const QStringList list = numbers(3, 200);
        Run r = voicectl({QStringLiteral("call"), QStringLiteral("send"), QStringLiteral("--source"), kSource, QStringLiteral("--destination"),
                          list.at(0), QStringLiteral("--service"), kService, QStringLiteral("--wait")});
        QCOMPARE(r.code, 0);
        const QString file = write(QStringLiteral("compared.csv"), "phone\n" + list.at(1).toUtf8() + '\n');
        QCOMPARE(voicectl(runArgs(file, m_dir.filePath(QStringLiteral("compared.journal"))) + QStringList{QStringLiteral("--yes")}).code, 0);
        dropAnswersOfCalls("garbage"); // refused before it is placed: unknown here, absent there
        r = voicectl({QStringLiteral("call"), QStringLiteral("send"), QStringLiteral("--source"), kSource, QStringLiteral("--destination"),
                      list.at(2), QStringLiteral("--service"), kService});
        QVERIFY(r.code != 0);
        control("DELETE", QStringLiteral("/sandbox/faults"));
        placeOutside(list.at(1)); // another tool calls a number this console called too
        const QDateTime to = QDateTime::currentDateTimeUtc().addSecs(2);
        r = voicectl({QStringLiteral("history"), QStringLiteral("reconcile"), QStringLiteral("--from"), from.toString(Qt::ISODateWithMs),
                      QStringLiteral("--to"), to.toString(Qt::ISODateWithMs), QStringLiteral("-o"), QStringLiteral("json")});
        QCOMPARE(r.code, 0);
        const QJsonObject o = json(r.out);
        QVERIFY2(o.value(QStringLiteral("both")).toInt() == 2, qPrintable(r.out));
        QCOMPARE(o.value(QStringLiteral("only_local")).toInt(), 1);
        QCOMPARE(o.value(QStringLiteral("only_provider")).toInt(), 1);
        QCOMPARE(o.value(QStringLiteral("duration_mismatch")).toInt(), 0);
        QCOMPARE(o.value(QStringLiteral("rows")).toArray().size(), 4);
        QVERIFY(QFile::exists(o.value(QStringLiteral("saved")).toString()));
        QCOMPARE(voicectl({QStringLiteral("history"), QStringLiteral("reconcile"), QStringLiteral("--from"), to.toString(Qt::ISODate),
                           QStringLiteral("--to"), from.toString(Qt::ISODate)}).code, 2);
    }

private:
    void placeOutside(const QString &number)
    {
        QNetworkRequest request(QUrl(m_url + QStringLiteral("/call/v1/MakeVoiceMessage")));
        request.setRawHeader("Authorization", "Bearer " + kKey.toUtf8());
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("source"), kSource}, {QStringLiteral("destination"), number},
                                                          {QStringLiteral("service_id"), kService}}).toJson();
        QScopedPointer<QNetworkReply> reply(m_nam.post(request, body));
        QVERIFY(QTest::qWaitFor([&] { return reply->isFinished(); }, 10000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    }

    // What the sandbox's history says for a number today (ids in order), asked with the API key.
    QStringList historyIdsOf(const QString &number)
    {
        QNetworkRequest request(QUrl(m_url + QStringLiteral("/statistics/call-history/v1/GetList")));
        request.setRawHeader("Authorization", "Bearer " + kKey.toUtf8());
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        const QByteArray body = QJsonDocument(QJsonObject{
            {QStringLiteral("sip_id"), number},
            {QStringLiteral("date_from"), QDateTime::currentDateTimeUtc().addSecs(-3600).toString(Qt::ISODate)},
            {QStringLiteral("date_to"), QDateTime::currentDateTimeUtc().addSecs(60).toString(Qt::ISODate)}}).toJson();
        QScopedPointer<QNetworkReply> reply(m_nam.post(request, body));
        if (!QTest::qWaitFor([&] { return reply->isFinished(); }, 10000))
            return {};
        // Numeric ids are bare numbers above 2^53: read them as text, never through a double.
        const QString text = QString::fromUtf8(reply->readAll());
        QStringList ids;
        static const QRegularExpression id(QStringLiteral("\"call_id\":\\s*\"?([^\",}]+)\"?"));
        for (auto it = id.globalMatch(text); it.hasNext();)
            ids << it.next().captured(1);
        return ids;
    }
};

QTEST_GUILESS_MAIN(TestReconcile)
#include "tst_reconcile.moc"
