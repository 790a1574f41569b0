// The HTTP/1.1 response parser reads untrusted bytes: every framing, every split of the input, and the
// hostile cases (floods of interim answers, endless headers, lying lengths) end in a verdict, never a crash.
#include "net/httpresponseparser.h"

#include <QTest>

using vc::HttpResponseParser;
using State = HttpResponseParser::State;

namespace {
// Feeds `bytes` in pieces of `step` bytes; closes the connection at the end when `close` is set.
State feedAll(HttpResponseParser &p, const QByteArray &bytes, qsizetype step, bool close = false)
{
    State s = State::NeedMore;
    for (qsizetype i = 0; i < bytes.size() && s == State::NeedMore; i += step)
        s = p.feed(QByteArrayView(bytes).sliced(i, std::min(step, bytes.size() - i)));
    return close ? p.finish() : s;
}
} // namespace

class TestHttpResponseParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void contentLengthAnswerInAnySplit_data()
    {
        QTest::addColumn<int>("step");
        for (int step : {1, 2, 3, 7, 64, 100000})
            QTest::addRow("%d bytes at a time", step) << step;
    }
    void contentLengthAnswerInAnySplit()
    {
        QFETCH(int, step);
        const QByteArray bytes = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 13\r\n"
                                 "Retry-After: 7\r\n\r\n{\"call_id\":1}";
        HttpResponseParser p;
        QCOMPARE(feedAll(p, bytes, step), State::Complete);
        QCOMPARE(p.status(), 200);
        QCOMPARE(p.body(), QByteArray("{\"call_id\":1}"));
        QCOMPARE(p.header("retry-after"), QByteArray("7"));
        QCOMPARE(p.bytesReceived(), bytes.size());
    }

    void chunkedAnswerIsJoined_data()
    {
        QTest::addColumn<int>("step");
        for (int step : {1, 5, 1000})
            QTest::addRow("%d bytes at a time", step) << step;
    }
    void chunkedAnswerIsJoined()
    {
        QFETCH(int, step);
        const QByteArray bytes = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                                 "4\r\n{\"a\"\r\nA;ext=1\r\n:\"bcdefgh\"\r\n1\r\n}\r\n0\r\n\r\n";
        HttpResponseParser p;
        QCOMPARE(feedAll(p, bytes, step), State::Complete);
        QCOMPARE(p.body(), QByteArray("{\"a\":\"bcdefgh\"}"));
    }

    // Issue 23.5: the answer ended at the 0 chunk, before the trailer and its CRLF: a connection with
    // those bytes still to come went back to the pool.
    void chunkedAnswerEndsAfterItsTrailer()
    {
        const QByteArray head = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n";
        HttpResponseParser p;
        QCOMPARE(p.feed(head), State::NeedMore); // the final CRLF is still to come
        QVERIFY(!p.connectionReusable());
        QCOMPARE(p.feed("\r\n"), State::Complete);
        QCOMPARE(p.body(), QByteArray("{}"));
        QVERIFY(p.connectionReusable());

        HttpResponseParser trailers;
        QCOMPARE(feedAll(trailers, head + "X-Checksum: 1\r\nX-More: 2\r\n\r\n", 3), State::Complete);
        QVERIFY(trailers.connectionReusable());

        HttpResponseParser extra;
        QCOMPARE(extra.feed(QByteArray(head + "\r\nHTTP")), State::Complete);
        QVERIFY(!extra.connectionReusable()); // something unasked came after the answer

        HttpResponseParser cut;
        QCOMPARE(cut.feed(head), State::NeedMore);
        QCOMPARE(cut.finish(), State::Complete); // the body is whole: usable, never kept
        QCOMPARE(cut.body(), QByteArray("{}"));
        QVERIFY(!cut.connectionReusable());

        HttpResponseParser endless;
        QCOMPARE(endless.feed(head), State::NeedMore);
        const QByteArray line = "X-Pad: " + QByteArray(1000, 'a') + "\r\n";
        State s = State::NeedMore;
        for (int i = 0; i < 100 && s == State::NeedMore; ++i)
            s = endless.feed(line);
        QCOMPARE(s, State::Error); // an endless trailer is bounded like headers
    }

    void interimAnswersAreSkipped()
    {
        HttpResponseParser p;
        const QByteArray bytes = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n"
                                 "HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\n{}";
        QCOMPARE(feedAll(p, bytes, 3), State::Complete);
        QCOMPARE(p.status(), 201);
        QCOMPARE(p.interimResponses(), 2);
        QCOMPARE(p.body(), QByteArray("{}"));
    }

    // The flood that overflowed the stack of the old recursive parser after a paid request was written.
    void floodOfInterimAnswersIsRefusedWithoutRecursion()
    {
        QByteArray bytes;
        for (int i = 0; i < 30000; ++i)
            bytes += "HTTP/1.1 100 Continue\r\n\r\n";
        bytes += "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}";
        HttpResponseParser p;
        QCOMPARE(feedAll(p, bytes, bytes.size()), State::Error);
        QVERIFY2(p.error().contains(QStringLiteral("interim")), qPrintable(p.error()));
        HttpResponseParser q;
        QCOMPARE(feedAll(q, bytes, 4096), State::Error);
    }

    void endlessHeadersAreRefused()
    {
        HttpResponseParser::Limits limits;
        limits.maxHeaderBytes = 4096;
        HttpResponseParser p(limits);
        QCOMPARE(p.feed("HTTP/1.1 200 OK\r\n"), State::NeedMore);
        State s = State::NeedMore;
        for (int i = 0; i < 1000 && s == State::NeedMore; ++i)
            s = p.feed("X-Padding: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n");
        QCOMPARE(s, State::Error);
        QVERIFY(p.error().contains(QStringLiteral("headers larger")));
    }

    void interimHeadersCountTowardsTheHeaderLimit()
    {
        HttpResponseParser::Limits limits;
        limits.maxHeaderBytes = 200;
        limits.maxInterimResponses = 100;
        HttpResponseParser p(limits);
        QByteArray bytes;
        for (int i = 0; i < 20; ++i)
            bytes += "HTTP/1.1 100 Continue\r\n\r\n";
        QCOMPARE(feedAll(p, bytes, 1), State::Error);
    }

    void bodyLargerThanTheCapIsRefusedBeforeItArrives()
    {
        HttpResponseParser::Limits limits;
        limits.maxBodyBytes = 1000;
        HttpResponseParser p(limits);
        QCOMPARE(p.feed("HTTP/1.1 200 OK\r\nContent-Length: 1001\r\n\r\n"), State::Error);
        HttpResponseParser chunked(limits);
        QCOMPARE(chunked.feed("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3e9\r\n"), State::Error);
        HttpResponseParser untilClose(limits);
        QCOMPARE(untilClose.feed("HTTP/1.1 200 OK\r\n\r\n"), State::NeedMore);
        QCOMPARE(untilClose.feed(QByteArray(999, 'x')), State::NeedMore);
        QCOMPARE(untilClose.feed("yy"), State::Error);
    }

    void answerWithoutLengthEndsWithTheConnection()
    {
        HttpResponseParser p;
        QCOMPARE(p.feed("HTTP/1.0 200 OK\r\n\r\n{\"a\":"), State::NeedMore);
        QCOMPARE(p.feed("1}"), State::NeedMore);
        QCOMPARE(p.finish(), State::Complete);
        QCOMPARE(p.body(), QByteArray("{\"a\":1}"));
    }

    void noContentNeedsNoBody()
    {
        HttpResponseParser p;
        QCOMPARE(p.feed("HTTP/1.1 204 No Content\r\n\r\n"), State::Complete);
        QCOMPARE(p.status(), 204);
        QVERIFY(p.body().isEmpty());
    }

    void cutOffAnswersAreErrors_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("nothing") << QByteArray();
        QTest::newRow("half a status line") << QByteArray("HTTP/1.1 2");
        QTest::newRow("headers without end") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n");
        QTest::newRow("short body") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nabc");
        QTest::newRow("chunk cut") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab");
        QTest::newRow("no last chunk") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nab\r\n");
        QTest::newRow("only interim") << QByteArray("HTTP/1.1 100 Continue\r\n\r\n");
    }
    void cutOffAnswersAreErrors()
    {
        QFETCH(QByteArray, bytes);
        HttpResponseParser p;
        QCOMPARE(feedAll(p, bytes, 1, true), State::Error);
        QVERIFY(!p.error().isEmpty());
    }

    void malformedAnswersAreErrors_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("not http") << QByteArray("<html><body>hello</body></html>\r\n\r\n");
        QTest::newRow("garbage without blank line") << QByteArray("SSH-2.0-OpenSSH_9.2p1 Debian\r\n");
        QTest::newRow("status not a number") << QByteArray("HTTP/1.1 2x0 OK\r\n\r\n");
        QTest::newRow("status out of range") << QByteArray("HTTP/1.1 700 Weird\r\n\r\n");
        QTest::newRow("status too long") << QByteArray("HTTP/1.1 2000 OK\r\n\r\n");
        QTest::newRow("http/2 preface") << QByteArray("HTTP/2 200\r\n\r\n");
        QTest::newRow("negative length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n");
        QTest::newRow("length not a number") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 12a\r\n\r\n");
        QTest::newRow("length overflow") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999999\r\n\r\n");
        QTest::newRow("differing lengths") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}");
        QTest::newRow("bad chunk size") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");
        QTest::newRow("huge chunk size") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffff\r\n");
        QTest::newRow("bad chunk end") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabXY");
        QTest::newRow("switching protocols") << QByteArray("HTTP/1.1 101 Switching Protocols\r\n\r\n");
    }
    void malformedAnswersAreErrors()
    {
        QFETCH(QByteArray, bytes);
        HttpResponseParser p;
        QCOMPARE(feedAll(p, bytes, bytes.size()), State::Error);
        HttpResponseParser byteByByte;
        QCOMPARE(feedAll(byteByByte, bytes, 1), State::Error);
    }

    void agreeingDuplicateLengthsAreAccepted()
    {
        HttpResponseParser p;
        QCOMPARE(p.feed("HTTP/1.1 200 OK\r\nContent-Length: 2, 2\r\nContent-Length: 2\r\n\r\n{}"), State::Complete);
        QCOMPARE(p.body(), QByteArray("{}"));
    }

    void nothingIsReadAfterAVerdict()
    {
        HttpResponseParser p;
        QCOMPARE(p.feed("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}EXTRA"), State::Complete);
        QCOMPARE(p.feed("more"), State::Complete);
        QCOMPARE(p.finish(), State::Complete);
        QCOMPARE(p.body(), QByteArray("{}"));
    }
};

QTEST_GUILESS_MAIN(TestHttpResponseParser)
#include "tst_httpresponseparser.moc"
