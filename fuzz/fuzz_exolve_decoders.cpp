// libFuzzer: every Exolve answer decoder and the error-message reader on arbitrary bytes. A decoder
// may refuse the bytes; it must never crash, hang or read out of bounds.
#include "exolve/exolvecodec.h"
#include "net/requestlog.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)vc::codec::decodeServiceList(body);
    (void)vc::codec::decodeServiceDetails(body);
    (void)vc::codec::decodeCreated(body);
    (void)vc::codec::decodeCallId(body);
    (void)vc::codec::decodeCallInfo(body);
    (void)vc::codec::decodeSipAttributes(body);
    (void)vc::codec::serverMessage(body);
    (void)vc::RequestLog::redactBody(body);
    return 0;
}
