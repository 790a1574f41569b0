#include "campaigns/numberfilter.h"

namespace vc {

namespace {

std::uint64_t mix(std::uint64_t x)
{
    // splitmix64's finaliser: every input bit reaches every output bit.
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

// Two independent 64-bit hashes of the number; the filter's k positions are h1 + i * h2.
std::pair<std::uint64_t, std::uint64_t> hashes(const QString &number)
{
    std::uint64_t h = 0xcbf29ce484222325ULL; // FNV-1a over the UTF-16 code units
    for (const QChar c : number) {
        h ^= c.unicode();
        h *= 0x100000001b3ULL;
    }
    const std::uint64_t h1 = mix(h);
    return {h1, mix(h1 ^ 0x9e3779b97f4a7c15ULL) | 1};
}

constexpr std::uint64_t kMask = (std::uint64_t(1) << 25) - 1;

} // namespace

void NumberFilter::add(const QString &number)
{
    if (m_words.empty())
        m_words.assign((std::size_t(1) << kBitsLog2) / 64, 0);
    const auto [h1, h2] = hashes(number);
    for (int i = 0; i < kHashes; ++i) {
        const std::uint64_t bit = (h1 + std::uint64_t(i) * h2) & kMask;
        m_words[bit >> 6] |= std::uint64_t(1) << (bit & 63);
    }
}

bool NumberFilter::mayContain(const QString &number) const
{
    if (m_words.empty())
        return false;
    const auto [h1, h2] = hashes(number);
    for (int i = 0; i < kHashes; ++i) {
        const std::uint64_t bit = (h1 + std::uint64_t(i) * h2) & kMask;
        if (!(m_words[bit >> 6] & (std::uint64_t(1) << (bit & 63))))
            return false;
    }
    return true;
}

void NumberFilter::clear()
{
    std::vector<std::uint64_t>().swap(m_words);
}

} // namespace vc
