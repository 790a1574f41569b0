#include "exolve/exolvecodec.h"

#include <QJsonDocument>
#include <QTest>

using namespace vc;

class TestExolveCodec : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void listFromTheDocuments()
    {
        const auto r = codec::decodeServiceList(R"({"voice_message_list":[
            {"id":"14b8d7b3-5468-418f-8592-b1d2127ad36b","name":"test","created_at":"2022-12-15T10:23:54.912Z"},
            {"id":"40d781c9-a559-4175-82be-96d5fd4b1ca7","name":"test1","created_at":"2022-12-15T10:29:53.157Z","extra":[1,2]}]})");
        QVERIFY(r.ok());
        QCOMPARE(r.value().size(), 2);
        QCOMPARE(r.value().at(1).name, QStringLiteral("test1"));
        QCOMPARE(r.value().at(0).createdAt, QDateTime(QDate(2022, 12, 15), QTime(10, 23, 54, 912), Qt::UTC));
    }

    void emptyListMayBeOmitted()
    {
        const auto r = codec::decodeServiceList("{}");
        QVERIFY(r.ok());
        QVERIFY(r.value().isEmpty());
    }

    void malformedListsAreErrorsNotCrashes_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("not json") << QByteArray("<html>502</html>");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("array at top") << QByteArray("[]");
        QTest::newRow("list is object") << QByteArray(R"({"voice_message_list":{}})");
        QTest::newRow("item is number") << QByteArray(R"({"voice_message_list":[5]})");
        QTest::newRow("id missing") << QByteArray(R"({"voice_message_list":[{"name":"x"}]})");
        QTest::newRow("name is number") << QByteArray(R"({"voice_message_list":[{"id":"a","name":5}]})");
        QTest::newRow("truncated") << QByteArray("{\"voice_message_list\":[{\"id\":\"a\",\"na");
    }
    void malformedListsAreErrorsNotCrashes()
    {
        QFETCH(QByteArray, body);
        const auto r = codec::decodeServiceList(body);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ApiError::Kind::MalformedResponse);
        QVERIFY(!r.error().detail.isEmpty());
    }

    void unreadableTimeIsShownAsUnknownNotFatal()
    {
        const auto r = codec::decodeServiceList(R"({"voice_message_list":[{"id":"a","name":"x","created_at":"yesterday"}]})");
        QVERIFY(r.ok());
        QCOMPARE(r.value().at(0).name, QStringLiteral("x"));
        QVERIFY(!r.value().at(0).createdAt.isValid());
        QVERIFY(!codec::decodeServiceList(R"({"voice_message_list":[{"id":"a","created_at":5}]})").ok()); // not even a string
    }

    void detailsKeepEveryDigitOfMediaId()
    {
        const auto r = codec::decodeServiceDetails(R"({"id":"x","name":"n","digit":5,"redirect_number":"79269999999",
            "media_id":18446744073709551615,"created_at":"2022-12-22T11:19:36.567Z"})");
        QVERIFY(r.ok());
        QCOMPARE(r.value().mediaId, Q_UINT64_C(18446744073709551615));
        QCOMPARE(r.value().digit, 5u);
        const auto asString = codec::decodeServiceDetails(R"({"id":"x","media_id":"9007199254740993"})");
        QVERIFY(asString.ok());
        QCOMPARE(asString.value().mediaId, Q_UINT64_C(9007199254740993));
        QCOMPARE(asString.value().digit, 0u); // absent: the documented default
        QVERIFY(!codec::decodeServiceDetails(R"({"id":"x","media_id":-1})").ok());
        QVERIFY(!codec::decodeServiceDetails(R"({"id":"x","digit":12})").ok());
    }

    void callInfoFromTheDocuments()
    {
        const auto r = codec::decodeCallInfo(R"({"call_id":"caldf32f642-6313-4dae-94db-98502ad3249c",
            "created":"Wed, 29 Mar 2023 10:32:45 +0000","updated":"Wed, 29 Mar 2023 10:33:07 +0000",
            "started":"Wed, 29 Mar 2023 10:32:58 +0000","ended":"Wed, 29 Mar 2023 10:33:07 +0000",
            "duration":9,"timeout":60,"status":"completed","direction":"outbound",
            "source":"79990557296","destination":"79995556789"})");
        QVERIFY(r.ok());
        const CallInfo &c = r.value();
        QCOMPARE(c.duration.value(), 9);
        QCOMPARE(c.timeout.value(), 60);
        QCOMPARE(c.started, QDateTime(QDate(2023, 3, 29), QTime(10, 32, 58), Qt::UTC));
        QVERIFY(c.isFinal());
    }

    void timesInTheOtherFormatAreStillRead()
    {
        const auto call = codec::decodeCallInfo(R"({"call_id":"c","created":"2023-03-29T10:32:45Z"})");
        QVERIFY(call.ok());
        QCOMPARE(call.value().created, QDateTime(QDate(2023, 3, 29), QTime(10, 32, 45), Qt::UTC));
        const auto list = codec::decodeServiceList(R"({"voice_message_list":[{"id":"a","created_at":"Wed, 29 Mar 2023 10:32:45 +0000"}]})");
        QVERIFY(list.ok());
        QCOMPARE(list.value().at(0).createdAt, QDateTime(QDate(2023, 3, 29), QTime(10, 32, 45), Qt::UTC));
    }

    void callInfoToleratesAbsentTimesAndUnknownStatus()
    {
        const auto r = codec::decodeCallInfo(R"({"call_id":"c1","created":"Wed, 29 Mar 2023 10:32:45 +0000",
            "status":"play_audio_stop","timeout":"60","surprise":true})");
        QVERIFY(r.ok());
        QCOMPARE(r.value().status, QStringLiteral("play_audio_stop"));
        QVERIFY(!r.value().started.isValid());
        QVERIFY(!r.value().ended.isValid());
        QVERIFY(!r.value().isFinal());
        QVERIFY(!r.value().duration);
    }

    void callFinalityRules()
    {
        CallInfo c;
        c.created = QDateTime(QDate(2023, 3, 29), QTime(10, 0), Qt::UTC);
        c.timeout = 60;
        for (const char *s : {"completed", "busy", "no_answer", "rejected", "failed", "canceled", "modified"}) {
            c.status = QString::fromLatin1(s);
            QVERIFY2(c.isFinal(), s);
        }
        c.status = QStringLiteral("talk");
        QVERIFY(!c.isFinal());
        c.ended = c.created.addSecs(30); // ended set makes any status final
        QVERIFY(c.isFinal());
        c.ended = {};
        QVERIFY(!c.isStale(c.created.addSecs(100)));
        QVERIFY(c.isStale(c.created.addSecs(60 + 121)));
    }

    void sipAttributesAcceptBothForms()
    {
        const auto r = codec::decodeSipAttributes(R"({"application_uuid":"d25b","sip_resource_id":"5202","sip_name":"Test",
            "number_code":"74995557890","attributes":{"login":"login","password":"pass","subscription_fee":90,
            "install_fee":0,"username":"u","domain":"d"}})");
        QVERIFY(r.ok());
        QCOMPARE(r.value().sipResourceId, quint64(5202));
        QCOMPARE(r.value().numberCode.value(), Q_UINT64_C(74995557890));
        QCOMPARE(r.value().subscriptionFee.value(), 90.0);
        QCOMPARE(r.value().password, QStringLiteral("pass"));
        const auto masked = codec::toJson(r.value(), false);
        QVERIFY(!QJsonDocument(masked).toJson().contains("\"pass\""));
        QVERIFY(QJsonDocument(codec::toJson(r.value(), true)).toJson().contains("\"pass\""));
    }

    void requestsWrite64BitValuesAsStrings()
    {
        QCOMPARE(codec::encodeSipResourceId(Q_UINT64_C(18446744073709551615)),
                 QByteArray(R"({"sip_resource_id":"18446744073709551615"})"));
        const QByteArray create = codec::encodeCreate({QStringLiteral("Тест"), Q_UINT64_C(9007199254740993), 5,
                                                       QStringLiteral("79295800000")});
        QVERIFY(create.contains(R"("media_id":"9007199254740993")"));
        QVERIFY(create.contains(R"("redirect_info":{"digit":5,"redirect_number":"79295800000"})"));
    }

    void serverMessageFromErrorBodies()
    {
        QCOMPARE(codec::serverMessage(R"({"error":"Customer is not in correct status"})"),
                 QStringLiteral("Customer is not in correct status"));
        QCOMPARE(codec::serverMessage("plain text failure"), QStringLiteral("plain text failure"));
        QCOMPARE(codec::serverMessage(""), QString());
    }

    // The call history: either list name, call_id as a bare uint64 (every digit, above 2^63), as a string
    // of digits, or as a voice-message id; the undocumented fields kept verbatim; and what is refused.
    void callHistoryShapesAndIds()
    {
        for (const char *list : {"calls", "call_history"}) {
            QByteArray body = R"({"LIST":[
                {"call_id":18446744073709551615,"duration":12,"start_time":"2026-12-06T10:00:00Z","leg":{"a":[1,2]}},
                {"call_id":"18000000000000000001","duration":"0"},
                {"call_id":"cal55094238-7e1f-4fd1-9b5e-93c4b0a1b2c3"}]})";
            body.replace("LIST", list);
            const auto r = codec::decodeCallHistory(body);
            QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().detail));
            QCOMPARE(r.value().size(), 3);
            QCOMPARE(r.value().at(0).callId, QStringLiteral("18446744073709551615"));
            QVERIFY(r.value().at(0).numericId);
            QCOMPARE(r.value().at(0).duration, std::optional<quint32>(12));
            QCOMPARE(r.value().at(0).extra, QStringLiteral(R"({"start_time":"2026-12-06T10:00:00Z","leg":{"a":[1,2]}})"));
            QVERIFY(r.value().at(1).numericId);
            QCOMPARE(r.value().at(1).duration, std::optional<quint32>(0));
            QVERIFY(!r.value().at(2).numericId);
            QVERIFY(!r.value().at(2).duration);
            QVERIFY(r.value().at(2).extra.isEmpty());
        }
        QVERIFY(codec::decodeCallHistory("{}").value().isEmpty());
        QVERIFY(codec::decodeCallHistory(R"({"calls":null,"total":0})").value().isEmpty());
        for (const char *bad : {R"({"calls":{}})", R"({"calls":[1]})", R"({"calls":[{"duration":1}]})",
                                R"({"calls":[{"call_id":"x","duration":-1}]})", R"({"calls":[{"call_id":1.5}]})",
                                R"({"calls":[],"call_history":[]})", "[]", R"({"calls":[{"call_id":"x"}])"}) {
            const auto r = codec::decodeCallHistory(bad);
            QVERIFY2(!r.ok(), bad);
            QCOMPARE(r.error().kind, ApiError::Kind::MalformedResponse);
        }
    }

    void callHistoryQueryBody()
    {
        CallHistoryQuery q;
        q.from = QDateTime(QDate(2026, 12, 6), QTime(9, 58), Qt::UTC);
        q.to = QDateTime(QDate(2026, 12, 6), QTime(10, 13), Qt::UTC);
        q.sipId = QStringLiteral("79001234567");
        q.limit = 100;
        q.offset = 200;
        const QJsonObject o = QJsonDocument::fromJson(codec::encodeCallHistoryQuery(q)).object();
        QCOMPARE(o.value(QStringLiteral("date_from")).toString().left(19), QStringLiteral("2026-12-06T09:58:00"));
        QCOMPARE(o.value(QStringLiteral("sip_id")).toString(), QStringLiteral("79001234567"));
        QCOMPARE(o.value(QStringLiteral("limit")).toInt(), 100);
        QCOMPARE(o.value(QStringLiteral("offset")).toString(), QStringLiteral("200"));
        QVERIFY(!o.contains(QStringLiteral("application_uuid")));
    }
};

QTEST_GUILESS_MAIN(TestExolveCodec)
#include "tst_exolvecodec.moc"
