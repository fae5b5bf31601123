// Helpers shared by the ipred unit tests: block sizes, random numbers, guarded
// output blocks, and a small plane type for the spec-literal oracles.
#ifndef HAV1_TESTS_UNIT_IPRED_IPRED_TEST_UTIL_H_
#define HAV1_TESTS_UNIT_IPRED_IPRED_TEST_UTIL_H_

#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "src/dsp/ipred.h"

namespace hav1::ipred_test {

// Tx_Width / Tx_Height of the spec's TxSize values (section 10), written out
// here again so the tests do not depend on the tables under test.
struct TxDims {
  int w, h;
};
inline constexpr TxDims kTxDims[19] = {
    {4, 4},   {8, 8},   {16, 16}, {32, 32}, {64, 64}, {4, 8},   {8, 4},
    {8, 16},  {16, 8},  {16, 32}, {32, 16}, {32, 64}, {64, 32}, {4, 16},
    {16, 4},  {8, 32},  {32, 8},  {16, 64}, {64, 16}};

inline std::string SizeName(int tx) {
  return std::to_string(kTxDims[tx].w) + "x" + std::to_string(kTxDims[tx].h);
}

// The table of the pixel type.
template <typename Pixel>
const IpredTable<Pixel>& RefTable() {
  static const IpredTables tables = [] {
    IpredTables t;
    FillIpredTablesRef(&t);
    return t;
  }();
  if constexpr (sizeof(Pixel) == 1) {
    return tables.lowbd;
  } else {
    return tables.highbd;
  }
}

// Edge content patterns: random, all zero, all max, alternating 0 / max.
enum class Pattern { kRandom, kZero, kMax, kAlternating };
inline constexpr Pattern kPatterns[] = {Pattern::kRandom, Pattern::kZero, Pattern::kMax,
                                        Pattern::kAlternating};

class Rng {
 public:
  explicit Rng(uint32_t seed) : gen_(seed) {}
  int Uniform(int lo, int hi) {  // inclusive
    return std::uniform_int_distribution<int>(lo, hi)(gen_);
  }
  int Pixel(Pattern p, int bitdepth, int index) {
    const int max = (1 << bitdepth) - 1;
    switch (p) {
      case Pattern::kZero: return 0;
      case Pattern::kMax: return max;
      case Pattern::kAlternating: return (index & 1) ? max : 0;
      case Pattern::kRandom: break;
    }
    return Uniform(0, max);
  }

 private:
  std::mt19937 gen_;
};

// A w x h output block inside a buffer with kGuard sentinel pixels on every side.
template <typename Pixel>
class GuardedBlock {
 public:
  static constexpr int kGuard = 16;
  GuardedBlock(int w, int h, Pixel sentinel = static_cast<Pixel>(0xA5))
      : w_(w), h_(h), stride_(w + 2 * kGuard + 3), sentinel_(sentinel),
        buf_(static_cast<size_t>(stride_) * (h + 2 * kGuard), sentinel) {}
  Pixel* dst() { return buf_.data() + kGuard * stride_ + kGuard; }
  ptrdiff_t stride() const { return stride_; }
  Pixel at(int i, int j) const { return buf_[(kGuard + i) * stride_ + kGuard + j]; }
  void set(int i, int j, int v) { buf_[(kGuard + i) * stride_ + kGuard + j] = static_cast<Pixel>(v); }
  // True if every pixel outside the block still holds the sentinel.
  bool GuardsIntact() const {
    for (int y = 0; y < h_ + 2 * kGuard; y++) {
      for (int x = 0; x < stride_; x++) {
        const bool inside = y >= kGuard && y < kGuard + h_ && x >= kGuard && x < kGuard + w_;
        if (!inside && buf_[y * stride_ + x] != sentinel_) return false;
      }
    }
    return true;
  }

 private:
  int w_, h_;
  ptrdiff_t stride_;
  Pixel sentinel_;
  std::vector<Pixel> buf_;
};

// Compares the block with expected[ i * w + j ]; reports the first difference.
template <typename Pixel>
::testing::AssertionResult BlockEquals(const GuardedBlock<Pixel>& b, const std::vector<int>& expected,
                                       int w, int h) {
  for (int i = 0; i < h; i++) {
    for (int j = 0; j < w; j++) {
      if (b.at(i, j) != expected[i * w + j]) {
        return ::testing::AssertionFailure()
               << "first difference at row " << i << " col " << j << ": got "
               << int{b.at(i, j)} << ", expected " << expected[i * w + j];
      }
    }
  }
  if (!b.GuardsIntact()) return ::testing::AssertionFailure() << "wrote outside the block";
  return ::testing::AssertionSuccess();
}

// Runs body.template operator()<Pixel>(bitdepth) for 8, 10 and 12 bits.
template <typename F>
void ForEachBitDepth(F&& body) {
  body.template operator()<uint8_t>(8);
  body.template operator()<uint16_t>(10);
  body.template operator()<uint16_t>(12);
}

}  // namespace hav1::ipred_test

#endif  // HAV1_TESTS_UNIT_IPRED_IPRED_TEST_UTIL_H_
