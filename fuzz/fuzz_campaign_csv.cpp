// libFuzzer: the campaign file reader (encoding and separator detection, RFC 4180 states, bounded
// records) and the column detection that reads its first record.
#include "campaigns/campaignplanner.h"
#include "campaigns/csvreader.h"

#include <QBuffer>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    vc::CsvOptions options;
    // Small limits so that short inputs reach the cut-off paths too.
    options.maxRecordChars = 64;
    options.maxFields = 8;
    vc::CsvReader reader(&buffer, options);
    bool first = true;
    qint64 lastLine = 0;
    while (auto record = reader.next()) {
        if (record->line < lastLine || record->fields.size() > options.maxFields)
            __builtin_trap(); // lines only go forward; fields stay bounded
        qsizetype chars = 0;
        for (const QString &f : std::as_const(record->fields))
            chars += f.size();
        if (chars > options.maxRecordChars)
            __builtin_trap();
        lastLine = record->line;
        if (first) {
            (void)vc::ColumnMap::detect(record->fields, record->fields.value(0));
            first = false;
        }
    }
    return 0;
}
