#include "common/csv.h"

#include <QIODevice>

#include <algorithm>
#include <array>

namespace vc {

namespace {

constexpr qsizetype kChunkBytes = 64 * 1024;

// 0x80..0xBF of Windows-1251; 0xC0..0xFF are U+0410..U+044F in order.
constexpr std::array<char16_t, 64> kCp1251High = {
    0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021, 0x20AC, 0x2030, 0x0409, 0x2039, 0x040A,
    0x040C, 0x040B, 0x040F, 0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0xFFFD, 0x2122,
    0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F, 0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6,
    0x00A7, 0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407, 0x00B0, 0x00B1, 0x0406, 0x0456,
    0x0491, 0x00B5, 0x00B6, 0x00B7, 0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457};

} // namespace

CsvReader::CsvReader(QIODevice *device, const CsvOptions &options) : m_device(device), m_options(options)
{
    // A sample decides the encoding and the separator; it stays in the buffer for parsing.
    QByteArray sample;
    while (sample.size() < kChunkBytes) {
        const QByteArray more = m_device->read(kChunkBytes - sample.size());
        if (more.isEmpty())
            break;
        sample += more;
    }
    std::optional<CsvEncoding> byBom;
    if (sample.startsWith("\xEF\xBB\xBF"))
        byBom = CsvEncoding::Utf8;
    else if (sample.startsWith("\xFF\xFE"))
        byBom = CsvEncoding::Utf16Le;
    else if (sample.startsWith("\xFE\xFF"))
        byBom = CsvEncoding::Utf16Be;
    if (byBom && (!m_options.encoding || *m_options.encoding == *byBom)) {
        m_bom = true;
        sample.remove(0, *byBom == CsvEncoding::Utf8 ? 3 : 2);
    }
    if (m_options.encoding)
        m_encoding = *m_options.encoding;
    else if (byBom)
        m_encoding = *byBom;
    else if (const auto utf16 = looksLikeUtf16(sample))
        m_encoding = *utf16;
    else
        m_encoding = looksLikeUtf8(sample) ? CsvEncoding::Utf8 : CsvEncoding::Cp1251;
    switch (m_encoding) {
    case CsvEncoding::Utf16Le:
        m_decoder = QStringDecoder(QStringDecoder::Utf16LE);
        break;
    case CsvEncoding::Utf16Be:
        m_decoder = QStringDecoder(QStringDecoder::Utf16BE);
        break;
    default:
        m_decoder = QStringDecoder(QStringDecoder::Utf8);
        break;
    }
    m_text = decode(sample);
    m_separator = m_options.separator.isNull() ? detectSeparator(m_text) : m_options.separator;
    if (m_device->atEnd() || sample.size() < kChunkBytes)
        fill(); // notes the end (or a read error) now
}

QString CsvReader::decode(QByteArrayView bytes)
{
    return m_encoding == CsvEncoding::Cp1251 ? fromCp1251(bytes) : m_decoder.decode(bytes);
}

QString CsvReader::encodingName(CsvEncoding encoding)
{
    switch (encoding) {
    case CsvEncoding::Utf8:
        return QStringLiteral("utf-8");
    case CsvEncoding::Cp1251:
        return QStringLiteral("cp1251");
    case CsvEncoding::Utf16Le:
        return QStringLiteral("utf-16le");
    case CsvEncoding::Utf16Be:
        return QStringLiteral("utf-16be");
    }
    return {};
}

QString CsvReader::encodingTitle(CsvEncoding encoding)
{
    switch (encoding) {
    case CsvEncoding::Utf8:
        return QStringLiteral("UTF-8");
    case CsvEncoding::Cp1251:
        return QStringLiteral("Windows-1251");
    case CsvEncoding::Utf16Le:
        return QStringLiteral("UTF-16 LE");
    case CsvEncoding::Utf16Be:
        return QStringLiteral("UTF-16 BE");
    }
    return {};
}

std::optional<CsvEncoding> CsvReader::looksLikeUtf16(QByteArrayView bytes)
{
    // Numbers, separators and line ends are ASCII: in UTF-16 every other byte of them is zero. Text in
    // UTF-8 or Windows-1251 has no zero bytes at all.
    const qsizetype n = std::min<qsizetype>(bytes.size() & ~qsizetype(1), 4096);
    if (n < 4)
        return std::nullopt;
    qsizetype evenZero = 0, oddZero = 0;
    for (qsizetype i = 0; i < n; i += 2) {
        evenZero += bytes[i] == 0;
        oddZero += bytes[i + 1] == 0;
    }
    const qsizetype pairs = n / 2;
    if (oddZero * 2 > pairs && evenZero * 10 < pairs)
        return CsvEncoding::Utf16Le;
    if (evenZero * 2 > pairs && oddZero * 10 < pairs)
        return CsvEncoding::Utf16Be;
    return std::nullopt;
}

std::optional<CsvEncoding> CsvReader::encodingFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("utf-8") || n == QLatin1String("utf8"))
        return CsvEncoding::Utf8;
    if (n == QLatin1String("cp1251") || n == QLatin1String("windows-1251") || n == QLatin1String("1251"))
        return CsvEncoding::Cp1251;
    if (n == QLatin1String("utf-16le") || n == QLatin1String("utf16le") || n == QLatin1String("utf-16") || n == QLatin1String("utf16"))
        return CsvEncoding::Utf16Le;
    if (n == QLatin1String("utf-16be") || n == QLatin1String("utf16be"))
        return CsvEncoding::Utf16Be;
    return std::nullopt;
}

QString CsvReader::separatorName(QChar separator)
{
    if (separator == u'\t')
        return QStringLiteral("tab");
    return QString(separator);
}

QString CsvReader::fromCp1251(QByteArrayView bytes)
{
    QString out(bytes.size(), Qt::Uninitialized);
    QChar *d = out.data();
    for (const char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        *d++ = b < 0x80 ? QChar(char16_t(b)) : b >= 0xC0 ? QChar(char16_t(0x0410 + (b - 0xC0))) : QChar(kCp1251High[b - 0x80]);
    }
    return out;
}

bool CsvReader::looksLikeUtf8(QByteArrayView bytes)
{
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        const auto b = static_cast<unsigned char>(bytes[i]);
        if (b < 0x80) {
            ++i;
            continue;
        }
        int extra = 0;
        if (b >= 0xC2 && b <= 0xDF)
            extra = 1;
        else if (b >= 0xE0 && b <= 0xEF)
            extra = 2;
        else if (b >= 0xF0 && b <= 0xF4)
            extra = 3;
        else
            return false;
        for (int k = 1; k <= extra; ++k) {
            if (i + k >= n)
                return true; // cut off by the sample's end
            if ((static_cast<unsigned char>(bytes[i + k]) & 0xC0) != 0x80)
                return false;
        }
        i += extra + 1;
    }
    return true;
}

QChar CsvReader::detectSeparator(const QString &sample)
{
    // Per line, how often each candidate appears outside quotes; the candidate found on the most lines,
    // the same number of times as on the first line, wins. Ties: ';' (Excel in Russian), tab, ','.
    constexpr std::array<char16_t, 3> candidates = {u';', u'\t', u','};
    std::array<int, 3> firstCount{};
    std::array<int, 3> score{};
    std::array<int, 3> count{};
    bool quoted = false;
    int lines = 0;
    const auto endLine = [&] {
        for (size_t k = 0; k < candidates.size(); ++k) {
            if (lines == 0)
                firstCount[k] = count[k];
            if (count[k] > 0 && count[k] == firstCount[k])
                ++score[k];
            count[k] = 0;
        }
        ++lines;
    };
    for (const QChar c : sample) {
        if (c == u'"') {
            quoted = !quoted;
            continue;
        }
        if (quoted)
            continue;
        if (c == u'\n') {
            endLine();
            if (lines >= 50)
                break;
            continue;
        }
        for (size_t k = 0; k < candidates.size(); ++k) {
            if (c == candidates[k])
                ++count[k];
        }
    }
    if (lines < 50)
        endLine();
    size_t best = 2; // ',' when no candidate is ever seen: a single column
    int bestScore = 0;
    for (size_t k = 0; k < candidates.size(); ++k) {
        if (score[k] > bestScore) {
            best = k;
            bestScore = score[k];
        }
    }
    return QChar(candidates[best]);
}

bool CsvReader::fill()
{
    if (m_eof)
        return false;
    const QByteArray bytes = m_device->read(kChunkBytes);
    if (bytes.isEmpty()) {
        m_eof = true;
        if (!m_device->atEnd() || (m_device->isSequential() && m_device->bytesAvailable() > 0))
            m_error = m_device->errorString();
        if (m_encoding != CsvEncoding::Cp1251) {
            // A sequence cut off at the very end becomes U+FFFD.
            const QString rest = m_decoder.decode(QByteArrayView());
            m_text.remove(0, m_pos);
            m_pos = 0;
            m_text += rest;
            return !rest.isEmpty();
        }
        return false;
    }
    m_text.remove(0, m_pos);
    m_pos = 0;
    m_text += decode(bytes);
    return true;
}

void CsvReader::endField()
{
    ++m_record.fieldCount;
    if (m_record.fields.size() >= m_options.maxFields) {
        m_record.tooLong = true;
    } else {
        m_record.fields.append(m_field);
    }
    m_field.clear();
}

std::optional<CsvRecord> CsvReader::next()
{
    enum class State { FieldStart, Unquoted, Quoted, QuoteInQuoted };
    State state = State::FieldStart;
    m_record = CsvRecord{};
    m_field.clear();
    m_recordChars = 0;
    bool started = false; // any character of this record seen (a blank line is no record)
    qint64 startLine = m_line;

    const auto append = [this](QChar c) {
        if (++m_recordChars > m_options.maxRecordChars) {
            m_record.tooLong = true;
            return;
        }
        m_field.append(c);
    };

    for (;;) {
        if (m_pos >= m_text.size()) {
            if (!fill()) {
                // End of input: a record in progress ends here (an unclosed quote included).
                if (!started)
                    return std::nullopt;
                endField();
                m_record.line = startLine;
                return std::move(m_record);
            }
            continue;
        }
        const QChar c = m_text.at(m_pos++);
        if (m_skipLf) {
            m_skipLf = false;
            if (c == u'\n')
                continue;
        }
        const bool lineEnd = c == u'\n' || c == u'\r';
        if (lineEnd) {
            ++m_line;
            if (c == u'\r')
                m_skipLf = true;
        }
        switch (state) {
        case State::FieldStart:
        case State::Unquoted:
            if (lineEnd) {
                if (!started) {
                    startLine = m_line; // a blank line
                    state = State::FieldStart;
                    continue;
                }
                endField();
                m_record.line = startLine;
                return std::move(m_record);
            }
            started = true;
            if (c == m_separator) {
                endField();
                state = State::FieldStart;
            } else if (c == u'"' && state == State::FieldStart) {
                state = State::Quoted;
            } else {
                append(c);
                state = State::Unquoted;
            }
            break;
        case State::Quoted:
            if (c == u'"') {
                state = State::QuoteInQuoted;
            } else {
                if (c == u'\r') {
                    // Inside quotes a CRLF is kept as one line break.
                    append(u'\n');
                    continue;
                }
                append(c);
            }
            break;
        case State::QuoteInQuoted:
            if (c == u'"') {
                append(u'"');
                state = State::Quoted;
            } else if (c == m_separator) {
                endField();
                state = State::FieldStart;
            } else if (lineEnd) {
                endField();
                m_record.line = startLine;
                return std::move(m_record);
            } else {
                // Text after a closing quote ("ab"c): kept, as spreadsheets do.
                append(c);
                state = State::Unquoted;
            }
            break;
        }
    }
}

QString csvCell(const QString &value)
{
    QString cell = value;
    if (!cell.isEmpty() && QStringLiteral("=+-@\t\r").contains(cell.front()))
        cell.prepend(u'\'');
    if (cell.contains(u'"') || cell.contains(u',') || cell.contains(u'\n') || cell.contains(u'\r') || cell.contains(u';'))
        cell = u'"' + cell.replace(QStringLiteral("\""), QStringLiteral("\"\"")) + u'"';
    return cell;
}

} // namespace vc
