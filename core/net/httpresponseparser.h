#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace vc {

// Reads one HTTP/1.1 response from untrusted bytes, fed as they arrive. Interim answers (1xx) are
// skipped in a loop; every count and size is bounded, so no answer can exhaust the stack or memory.
// Framing: chunked, Content-Length, or the end of the connection.
class HttpResponseParser final
{
public:
    struct Limits
    {
        qsizetype maxHeaderBytes = 64 * 1024; // all header blocks together, interim answers included
        int maxInterimResponses = 8;          // real servers send one or two (100 Continue, 103 Early Hints)
        qint64 maxBodyBytes = 16 * 1024 * 1024;
        qsizetype maxChunkLineBytes = 1024;
    };
    enum class State { NeedMore, Complete, Error };

    HttpResponseParser() = default;
    explicit HttpResponseParser(const Limits &limits) : m_limits(limits) {}

    // Appends bytes and parses as far as they go.
    State feed(QByteArrayView data);
    // The peer closed the connection: a response framed by the close completes, anything else is cut off.
    State finish();

    State state() const { return m_state; }
    int status() const { return m_status; }
    // The final answer's header block (status line excluded), as received.
    const QByteArray &headers() const { return m_headers; }
    QByteArray header(QByteArrayView name) const;
    const QByteArray &body() const { return m_body; }
    // Why the bytes are not an acceptable answer (English, for logs and details).
    const QString &error() const { return m_error; }
    int interimResponses() const { return m_interim; }
    // Complete, framed by its own length (not by the close), nothing after it, HTTP/1.1 and no
    // "Connection: close": the connection may carry another request.
    bool connectionReusable() const;
    qint64 bytesReceived() const { return m_received; }

    static QByteArray headerValue(QByteArrayView headerBlock, QByteArrayView name);

private:
    enum class Phase { Head, Body, ChunkSize, ChunkData, ChunkDataEnd, Trailer, UntilClose, Done };

    State fail(const QString &why);
    State complete();
    State parse();
    bool parseHead(qsizetype end); // false: failed (m_state is Error)
    bool appendBody(QByteArrayView data);

    Limits m_limits;
    State m_state = State::NeedMore;
    Phase m_phase = Phase::Head;
    bool m_closeFramed = false;
    bool m_http10 = false;
    qsizetype m_leftover = 0;
    QByteArray m_buffer;   // bytes not yet consumed
    qsizetype m_pos = 0;   // consumed bytes at the front of m_buffer
    qsizetype m_headerBytes = 0;
    int m_interim = 0;
    int m_status = 0;
    QByteArray m_headers;
    QByteArray m_body;
    qint64 m_contentLength = -1;
    qint64 m_chunkRemaining = 0;
    qint64 m_received = 0;
    QString m_error;
};

} // namespace vc
