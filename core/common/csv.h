#pragma once

#include <QByteArray>
#include <QString>
#include <QStringDecoder>
#include <QStringList>

#include <optional>

class QIODevice;

namespace vc {

// The text encodings a campaign file may come in: what Excel and LibreOffice save.
enum class CsvEncoding { Utf8, Cp1251, Utf16Le, Utf16Be }; // UTF-16: Excel's "Unicode text"

struct CsvOptions
{
    std::optional<CsvEncoding> encoding; // nullopt: detect (a BOM, else UTF-16 by its zero bytes, else valid UTF-8, else Windows-1251)
    QChar separator;                     // null: detect among ',' ';' and tab
    qsizetype maxRecordChars = 64 * 1024; // a longer record is reported, not kept
    int maxFields = 256;
};

struct CsvRecord
{
    qint64 line = 0;      // the line (from 1) on which the record starts
    QStringList fields;
    bool tooLong = false; // longer than maxRecordChars or more than maxFields: the fields are cut
    int fieldCount = 0;   // how many fields the row really had (more than maxFields are not kept)
};

// A streaming RFC 4180 reader: quoted fields with doubled quotes, separators and line breaks inside
// quotes, CRLF, LF or CR line ends. Reads the device in chunks and keeps one record at a time, so that
// a file of any size is read in bounded memory. Blank lines are skipped.
class CsvReader final
{
public:
    explicit CsvReader(QIODevice *device, const CsvOptions &options = {});

    CsvEncoding encoding() const { return m_encoding; }
    QChar separator() const { return m_separator; }
    bool hadByteOrderMark() const { return m_bom; }

    // The next record, nullopt at the end of the input (or after a read error: see errorString()).
    std::optional<CsvRecord> next();
    QString errorString() const { return m_error; }

    static QString encodingName(CsvEncoding encoding);
    // For a person: "UTF-8", "Windows-1251", "UTF-16 LE", "UTF-16 BE".
    static QString encodingTitle(CsvEncoding encoding);
    static std::optional<CsvEncoding> encodingFromName(const QString &name);
    static QString separatorName(QChar separator);
    // Windows-1251 to Unicode (every byte maps to a character).
    static QString fromCp1251(QByteArrayView bytes);
    // Whether `bytes` is valid UTF-8, allowing a sequence cut off at the very end.
    static bool looksLikeUtf8(QByteArrayView bytes);
    // UTF-16 without a BOM, told by the zero bytes of its ASCII characters (digits, separators, line ends).
    static std::optional<CsvEncoding> looksLikeUtf16(QByteArrayView bytes);
    static QChar detectSeparator(const QString &sample);

private:
    bool fill();
    void endField();

    QIODevice *m_device;
    CsvOptions m_options;
    CsvEncoding m_encoding = CsvEncoding::Utf8;
    QChar m_separator = u',';
    bool m_bom = false;
    QStringDecoder m_decoder; // every encoding but Windows-1251, stateful across chunks
    QString decode(QByteArrayView bytes);
    QString m_text;       // decoded, not yet parsed
    qsizetype m_pos = 0;
    bool m_eof = false;
    QString m_error;
    qint64 m_line = 1;
    bool m_skipLf = false; // a CR ended the last chunk's line: a LF right after it is the same line end

    // The record being read.
    CsvRecord m_record;
    QString m_field;
    qsizetype m_recordChars = 0;
    bool m_inRecord = false;
};

// One CSV cell for a file a spreadsheet will open: quoted when it holds a separator, quote or line
// break; a cell starting with = + - @, a tab or a carriage return (a formula to Excel and LibreOffice)
// gets a leading apostrophe so that it stays text. The one writer for every export.
QString csvCell(const QString &value);

} // namespace vc
