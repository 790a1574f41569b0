// libFuzzer: the HTTP/1.1 response parser, on whatever a hostile server sends. The first byte picks how
// the rest is split into reads, so that every boundary between feeds is exercised.
#include "net/httpresponseparser.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const qsizetype step = qsizetype(data[0] % 64) + 1;
    const QByteArrayView bytes(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    vc::HttpResponseParser::Limits limits;
    limits.maxHeaderBytes = 2048; // small limits, so that the fuzzer reaches them
    limits.maxBodyBytes = 4096;
    limits.maxInterimResponses = 4;
    vc::HttpResponseParser parser(limits);
    auto state = vc::HttpResponseParser::State::NeedMore;
    for (qsizetype i = 0; i < bytes.size() && state == vc::HttpResponseParser::State::NeedMore; i += step)
        state = parser.feed(bytes.sliced(i, std::min(step, bytes.size() - i)));
    state = parser.finish();
    // A verdict is final, and a complete answer never holds more than the cap.
    if (state == vc::HttpResponseParser::State::NeedMore || parser.body().size() > limits.maxBodyBytes)
        __builtin_trap();
    if (state == vc::HttpResponseParser::State::Complete && (parser.status() < 200 || parser.status() > 599))
        __builtin_trap();
    return 0;
}
