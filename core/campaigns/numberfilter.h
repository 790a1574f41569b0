#pragma once

#include <QString>

#include <cstdint>
#include <vector>

namespace vc {

// A Bloom filter of numbers: "certainly not added" or "perhaps added", in a fixed 4 MiB whatever the
// count. The preview asks it before it asks the journal whether a number is already a ready row, so the
// journal is only searched for the few numbers that may be duplicates: never a false "not added".
class NumberFilter final
{
public:
    void add(const QString &number);
    bool mayContain(const QString &number) const;
    void clear();

private:
    static constexpr int kBitsLog2 = 25; // 32 Mibit: under 0.02% false "perhaps" at 1,000,000 numbers
    static constexpr int kHashes = 4;
    std::vector<std::uint64_t> m_words;
};

} // namespace vc
