#include "net/httpresponseparser.h"

#include <QList>

#include <algorithm>
#include <optional>

namespace vc {

namespace {
constexpr QByteArrayView kCrlf("\r\n");
constexpr QByteArrayView kHeadEnd("\r\n\r\n");

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// "HTTP/1.x NNN reason": the status, or 0 when the line is not one.
int statusOf(QByteArrayView line)
{
    if (line.size() < 12 || !line.startsWith("HTTP/1.") || !isDigit(line.at(7)) || line.at(8) != ' ')
        return 0;
    if (!isDigit(line.at(9)) || !isDigit(line.at(10)) || !isDigit(line.at(11)))
        return 0;
    if (line.size() > 12 && line.at(12) != ' ')
        return 0;
    const int status = (line.at(9) - '0') * 100 + (line.at(10) - '0') * 10 + (line.at(11) - '0');
    return status >= 100 && status <= 599 ? status : 0;
}

std::optional<qint64> parseDecimal(QByteArrayView text)
{
    text = text.trimmed();
    if (text.isEmpty() || text.size() > 18)
        return std::nullopt;
    qint64 v = 0;
    for (char c : text) {
        if (!isDigit(c))
            return std::nullopt;
        v = v * 10 + (c - '0');
    }
    return v;
}

std::optional<qint64> parseHex(QByteArrayView text)
{
    const qsizetype semicolon = text.indexOf(';'); // chunk extensions are ignored
    if (semicolon >= 0)
        text = text.first(semicolon);
    text = text.trimmed();
    if (text.isEmpty() || text.size() > 15)
        return std::nullopt;
    qint64 v = 0;
    for (char c : text) {
        int d;
        if (isDigit(c))
            d = c - '0';
        else if (c >= 'a' && c <= 'f')
            d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            d = c - 'A' + 10;
        else
            return std::nullopt;
        v = v * 16 + d;
    }
    return v;
}
} // namespace

QByteArray HttpResponseParser::headerValue(QByteArrayView headerBlock, QByteArrayView name)
{
    qsizetype start = 0;
    while (start < headerBlock.size()) {
        qsizetype end = headerBlock.indexOf('\n', start);
        if (end < 0)
            end = headerBlock.size();
        const QByteArrayView line = headerBlock.sliced(start, end - start);
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.first(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.sliced(colon + 1).trimmed().toByteArray();
        start = end + 1;
    }
    return {};
}

bool HttpResponseParser::connectionReusable() const
{
    if (m_state != State::Complete || m_closeFramed || m_leftover != 0 || m_http10)
        return false;
    return !header("Connection").toLower().contains("close");
}

QByteArray HttpResponseParser::header(QByteArrayView name) const
{
    return headerValue(m_headers, name);
}

HttpResponseParser::State HttpResponseParser::fail(const QString &why)
{
    m_state = State::Error;
    m_phase = Phase::Done;
    m_error = why;
    m_buffer.clear();
    m_pos = 0;
    return m_state;
}

HttpResponseParser::State HttpResponseParser::complete()
{
    m_closeFramed = m_phase == Phase::UntilClose;
    m_leftover = m_buffer.size() - m_pos;
    m_state = State::Complete;
    m_phase = Phase::Done;
    m_buffer.clear();
    m_pos = 0;
    return m_state;
}

bool HttpResponseParser::appendBody(QByteArrayView data)
{
    if (m_body.size() + data.size() > m_limits.maxBodyBytes) {
        fail(QStringLiteral("response larger than %1 bytes").arg(m_limits.maxBodyBytes));
        return false;
    }
    m_body.append(data);
    return true;
}

HttpResponseParser::State HttpResponseParser::feed(QByteArrayView data)
{
    if (m_state != State::NeedMore)
        return m_state;
    m_received += data.size();
    if (m_phase == Phase::UntilClose) {
        appendBody(data);
        return m_state;
    }
    m_buffer.append(data);
    const State s = parse();
    // Drop what was consumed, once per feed: never a quadratic shuffle of the buffer.
    if (s == State::NeedMore && m_pos > 0) {
        m_buffer.remove(0, m_pos);
        m_pos = 0;
    }
    return s;
}

HttpResponseParser::State HttpResponseParser::finish()
{
    if (m_state != State::NeedMore)
        return m_state;
    switch (m_phase) {
    case Phase::UntilClose:
        return complete();
    case Phase::Trailer: {
        // The whole body came; only the trailer's end is missing. Usable, but never kept.
        complete();
        m_closeFramed = true;
        return m_state;
    }
    case Phase::Head:
        return fail(m_buffer.size() == m_pos && m_interim == 0 ? QStringLiteral("connection closed before the answer")
                                                               : QStringLiteral("connection closed in the middle of the answer"));
    case Phase::Body:
        return fail(QStringLiteral("the answer was cut off (%1 of %2 bytes)").arg(m_body.size()).arg(m_contentLength));
    default:
        return fail(QStringLiteral("the answer was cut off"));
    }
}

bool HttpResponseParser::parseHead(qsizetype end)
{
    const QByteArrayView head = QByteArrayView(m_buffer).sliced(m_pos, end - m_pos);
    const qsizetype lineEnd = head.indexOf(kCrlf);
    const QByteArrayView statusLine = lineEnd < 0 ? head : head.first(lineEnd);
    const int status = statusOf(statusLine);
    if (!status) {
        fail(QStringLiteral("not an HTTP answer"));
        return false;
    }
    m_pos = end + kHeadEnd.size();
    if (status < 200) {
        // 100 Continue, 103 Early Hints: the real answer follows. 101 would switch protocols, which
        // nothing here asked for.
        if (status == 101) {
            fail(QStringLiteral("unexpected 101 Switching Protocols"));
            return false;
        }
        if (++m_interim > m_limits.maxInterimResponses) {
            fail(QStringLiteral("more than %1 interim (1xx) answers").arg(m_limits.maxInterimResponses));
            return false;
        }
        return true;
    }
    m_status = status;
    m_http10 = head.startsWith("HTTP/1.0");
    m_headers = lineEnd < 0 ? QByteArray() : head.sliced(lineEnd + 2).toByteArray();

    const QByteArray transferEncoding = header("Transfer-Encoding").toLower();
    if (!transferEncoding.isEmpty()) {
        // RFC 9112 6.3: chunked as the last coding frames the body; any other coding runs to the close.
        m_phase = transferEncoding.trimmed().endsWith("chunked") ? Phase::ChunkSize : Phase::UntilClose;
        return true;
    }
    if (m_status == 204 || m_status == 304) {
        complete();
        return true;
    }
    // Every Content-Length header must agree; a list of differing values is not a length.
    qint64 length = -1;
    qsizetype start = 0;
    while (start < m_headers.size()) {
        qsizetype lineStop = m_headers.indexOf('\n', start);
        if (lineStop < 0)
            lineStop = m_headers.size();
        const QByteArrayView line = QByteArrayView(m_headers).sliced(start, lineStop - start);
        start = lineStop + 1;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || line.first(colon).trimmed().compare("Content-Length", Qt::CaseInsensitive) != 0)
            continue;
        const QByteArrayView value = line.sliced(colon + 1);
        qsizetype vStart = 0;
        while (vStart <= value.size()) {
            qsizetype comma = value.indexOf(',', vStart);
            if (comma < 0)
                comma = value.size();
            const auto v = parseDecimal(value.sliced(vStart, comma - vStart));
            if (!v || (length >= 0 && *v != length)) {
                fail(QStringLiteral("bad Content-Length"));
                return false;
            }
            length = *v;
            vStart = comma + 1;
        }
    }
    if (length > m_limits.maxBodyBytes) {
        fail(QStringLiteral("response larger than %1 bytes").arg(m_limits.maxBodyBytes));
        return false;
    }
    m_contentLength = length;
    m_phase = length >= 0 ? Phase::Body : Phase::UntilClose;
    return true;
}

HttpResponseParser::State HttpResponseParser::parse()
{
    while (m_state == State::NeedMore) {
        const QByteArrayView rest = QByteArrayView(m_buffer).sliced(m_pos);
        switch (m_phase) {
        case Phase::Head: {
            const qsizetype found = rest.indexOf(kHeadEnd);
            const qsizetype headBytes = found < 0 ? rest.size() : found + kHeadEnd.size();
            if (m_headerBytes + headBytes > m_limits.maxHeaderBytes)
                return fail(QStringLiteral("headers larger than %1 bytes").arg(m_limits.maxHeaderBytes));
            if (found < 0) {
                // Not even a status line can start this: say so now instead of waiting for more.
                if (rest.size() >= 8 && !rest.startsWith("HTTP/1."))
                    return fail(QStringLiteral("not an HTTP answer"));
                return m_state;
            }
            m_headerBytes += headBytes;
            if (!parseHead(m_pos + found))
                return m_state;
            break;
        }
        case Phase::Body: {
            const qint64 need = m_contentLength - m_body.size();
            const QByteArrayView take = rest.first(std::min<qint64>(need, rest.size()));
            if (!appendBody(take))
                return m_state;
            m_pos += take.size();
            if (m_body.size() == m_contentLength)
                return complete();
            return m_state;
        }
        case Phase::UntilClose:
            if (!appendBody(rest))
                return m_state;
            m_pos += rest.size();
            return m_state;
        case Phase::ChunkSize: {
            const qsizetype lineEnd = rest.indexOf(kCrlf);
            if (lineEnd < 0) {
                if (rest.size() > m_limits.maxChunkLineBytes)
                    return fail(QStringLiteral("bad chunk size"));
                return m_state;
            }
            const auto size = parseHex(rest.first(lineEnd));
            if (!size || lineEnd > m_limits.maxChunkLineBytes)
                return fail(QStringLiteral("bad chunk size"));
            m_pos += lineEnd + 2;
            if (*size == 0) {
                // The trailer section and its closing CRLF belong to this answer: until they are read
                // the connection is not clean, and the answer not complete.
                m_phase = Phase::Trailer;
                break;
            }
            if (m_body.size() + *size > m_limits.maxBodyBytes)
                return fail(QStringLiteral("response larger than %1 bytes").arg(m_limits.maxBodyBytes));
            m_chunkRemaining = *size;
            m_phase = Phase::ChunkData;
            break;
        }
        case Phase::ChunkData: {
            const QByteArrayView take = rest.first(std::min<qint64>(m_chunkRemaining, rest.size()));
            if (!appendBody(take))
                return m_state;
            m_pos += take.size();
            m_chunkRemaining -= take.size();
            if (m_chunkRemaining > 0)
                return m_state;
            m_phase = Phase::ChunkDataEnd;
            break;
        }
        case Phase::ChunkDataEnd:
            if (rest.size() < 2)
                return m_state;
            if (!rest.startsWith(kCrlf))
                return fail(QStringLiteral("bad chunk framing"));
            m_pos += 2;
            m_phase = Phase::ChunkSize;
            break;
        case Phase::Trailer: {
            const qsizetype lineEnd = rest.indexOf(kCrlf);
            const qsizetype lineBytes = lineEnd < 0 ? rest.size() : lineEnd + 2;
            if (m_headerBytes + lineBytes > m_limits.maxHeaderBytes)
                return fail(QStringLiteral("headers larger than %1 bytes").arg(m_limits.maxHeaderBytes));
            if (lineEnd < 0)
                return m_state;
            m_headerBytes += lineBytes;
            m_pos += lineBytes;
            if (lineEnd == 0)
                return complete(); // trailer fields themselves are of no use here
            break;
        }
        case Phase::Done:
            return m_state;
        }
    }
    return m_state;
}

} // namespace vc
