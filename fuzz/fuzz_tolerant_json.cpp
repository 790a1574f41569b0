// libFuzzer: the reader for integrationapi.net's not-quite-JSON answers.
#include "legacy/tolerantjson.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QString why;
    (void)vc::json::parseTolerant(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)), &why);
    return 0;
}
