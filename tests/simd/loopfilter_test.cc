// Every Highway deblocking kernel vs. the reference (src/dsp/loopfilter_ref.cc),
// for every compiled and CPU-supported target: both edge directions, every
// filter length (4, 6, 8, 16), lowbd and highbd at 8/10/12 bits, every
// limit (0..63), blimit (0..255) and thresh (0..63) value range (the decoder
// produces limit 1..63, blimit <= 193, thresh 0..3), on random, extreme and
// structured lines built to hit every decision of 7.14.6.2 (filterMask,
// hevMask, flat, flat2) with the 4 lines of one call taking different
// branches.  The whole buffer (guard bands included) must match.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "tests/simd/loopfilter_test.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
#include "hwy/highway.h"
#include "hwy/tests/hwy_gtest.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "simd/dsp_init.h"
#include "src/dsp/dsp.h"
#include "src/dsp/loopfilter.h"

#ifndef HAV1_LOOPFILTER_TEST_ONCE_
#define HAV1_LOOPFILTER_TEST_ONCE_
namespace hav1 {
namespace lf_test {

constexpr const char* kLenNames[kLfLens] = {"4", "6", "8", "16"};
constexpr int kSpan = 8;          // positions -8 .. 7 across the edge are set
constexpr int kGuard = 3;         // extra random samples beyond them
constexpr int kSide = kSpan + kGuard;
constexpr int kAlongGuard = 3;    // guard lines before / after the 4 lines

struct Case {
  int pass;
  int len;
  int bitdepth;
  int limit, blimit, thresh;
  uint32_t seed;
};

inline std::string Describe(const char* target, const Case& c) {
  char buf[200];
  std::snprintf(buf, sizeof(buf),
                "target=%s pass=%d len=%s bitdepth=%d limit=%d blimit=%d thresh=%d seed=%u",
                target, c.pass, kLenNames[c.len], c.bitdepth, c.limit, c.blimit, c.thresh,
                c.seed);
  return buf;
}

// Decision classes of 7.14.6.2 for one line (independent re-derivation, only
// to check that the generated lines reach every branch).
enum LineClass { kOff, kNarrowHev, kNarrow, kWide8, kWide16, kNumClasses };

inline int Classify(const int* v /* v[ kSpan + k ] = position k */, const Case& c) {
  auto at = [&](int k) { return v[kSpan + k]; };
  const int sh = c.bitdepth - 8;
  const int lim = c.limit << sh, blim = c.blimit << sh, thr = c.thresh << sh, one = 1 << sh;
  const int n = c.len == kLf4 ? 2 : c.len == kLf6 ? 3 : c.len == kLf8 ? 4 : 7;
  const int mask_n = std::min(n, 4);
  bool off = std::abs(at(-1) - at(0)) * 2 + std::abs(at(-2) - at(1)) / 2 > blim;
  for (int k = 1; k < mask_n; k++) {
    off = off || std::abs(at(-k - 1) - at(-k)) > lim || std::abs(at(k) - at(k - 1)) > lim;
  }
  if (off) return kOff;
  const bool hev = std::abs(at(-2) - at(-1)) > thr || std::abs(at(1) - at(0)) > thr;
  if (c.len == kLf4) return hev ? kNarrowHev : kNarrow;
  bool flat = true;
  for (int k = 1; k < mask_n; k++) {
    flat = flat && std::abs(at(-k - 1) - at(-1)) <= one && std::abs(at(k) - at(0)) <= one;
  }
  if (!flat) return hev ? kNarrowHev : kNarrow;
  if (c.len != kLf16) return kWide8;
  bool flat2 = true;
  for (int k = 4; k <= 6; k++) {
    flat2 = flat2 && std::abs(at(-k - 1) - at(-1)) <= one && std::abs(at(k) - at(0)) <= one;
  }
  return flat2 ? kWide16 : kWide8;
}

// One line of 2 * kSpan samples (positions -kSpan .. kSpan - 1).
inline void MakeLine(std::mt19937& rng, const Case& c, int* v) {
  const int max = (1 << c.bitdepth) - 1;
  const int sh = c.bitdepth - 8;
  auto uni = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  const int kind = uni(0, 9);
  if (kind == 0) {  // uniform random
    for (int k = 0; k < 2 * kSpan; k++) v[k] = uni(0, max);
    return;
  }
  if (kind == 1) {  // extremes only
    for (int k = 0; k < 2 * kSpan; k++) v[k] = (rng() & 1) ? max : 0;
    return;
  }
  if (kind == 2) {  // constant extreme, maybe with a step across the edge
    const int a = (rng() & 1) ? max : 0, b = (rng() & 1) ? max : 0;
    for (int k = 0; k < 2 * kSpan; k++) v[k] = k < kSpan ? a : b;
    return;
  }
  // Smooth or noisy sides around a base, with a step at the edge: the
  // amplitudes are around the flat threshold (1 << sh), limit, thresh and
  // blimit so that every decision flips.
  const int amps[] = {0,
                      1 << sh,
                      (2 << sh) - uni(0, 1),
                      c.limit << sh,
                      (c.limit << sh) + 1,
                      c.thresh << sh,
                      (c.thresh << sh) + 1,
                      uni(0, 4 << sh)};
  const int amp = amps[uni(0, 7)];
  const int steps[] = {0, 1 << sh, (c.blimit << sh) / 3, (c.blimit << sh) / 2 + uni(-2, 2),
                       uni(-(c.blimit << sh), c.blimit << sh), uni(-max, max)};
  const int step = steps[uni(0, 5)] * ((rng() & 1) ? 1 : -1);
  const int base = uni(0, max);
  const bool monotone = kind >= 8;  // random walk instead of noise
  int walk = 0;
  for (int k = 0; k < 2 * kSpan; k++) {
    int x = base + (k >= kSpan ? step : 0);
    if (monotone) {
      walk += uni(0, amp);
      x += walk;
    } else {
      x += uni(-amp, amp);
    }
    v[k] = std::clamp(x, 0, max);
  }
}

// Runs kernel and reference on identical buffers; compares everything.
template <typename Pixel>
bool RunCase(const char* target, LoopFilterEdgeFn<Pixel> fn, LoopFilterEdgeFn<Pixel> ref,
             const Case& c, int class_count[kNumClasses]) {
  std::mt19937 rng(c.seed);
  const int max = (1 << c.bitdepth) - 1;
  // Lines x positions buffer; for pass 0 lines are rows, for pass 1 columns.
  const int lines = 4 + 2 * kAlongGuard, across = 2 * kSide;
  const int rows = c.pass == 0 ? lines : across;
  const int cols = c.pass == 0 ? across : lines;
  const ptrdiff_t stride = cols + 1 + static_cast<int>(rng() % 7);  // unaligned strides
  std::vector<Pixel> buf(static_cast<size_t>(stride) * rows);
  for (auto& p : buf) p = static_cast<Pixel>(rng() % (max + 1));
  auto index = [&](int line, int pos) -> size_t {  // line -kAlongGuard.., pos -kSide..
    const int r = c.pass == 0 ? line + kAlongGuard : pos + kSide;
    const int x = c.pass == 0 ? pos + kSide : line + kAlongGuard;
    return static_cast<size_t>(r) * stride + x;
  };
  for (int line = 0; line < 4; line++) {
    int v[2 * kSpan];
    MakeLine(rng, c, v);
    for (int k = -kSpan; k < kSpan; k++) buf[index(line, k)] = static_cast<Pixel>(v[kSpan + k]);
    class_count[Classify(v, c)]++;
  }
  std::vector<Pixel> want = buf;
  fn(buf.data() + index(0, 0), stride, c.limit, c.blimit, c.thresh, c.bitdepth);
  ref(want.data() + index(0, 0), stride, c.limit, c.blimit, c.thresh, c.bitdepth);
  if (buf == want) return true;
  for (int line = -kAlongGuard; line < 4 + kAlongGuard; line++) {
    for (int k = -kSide; k < kSide; k++) {
      const size_t i = index(line, k);
      if (buf[i] != want[i]) {
        ADD_FAILURE() << "mismatch at line " << line << " position " << k
                      << ": simd=" << int{buf[i]} << " ref=" << int{want[i]} << " ["
                      << Describe(target, c) << "]";
        return false;
      }
    }
  }
  ADD_FAILURE() << "mismatch outside the block (stride padding) [" << Describe(target, c) << "]";
  return false;
}

// All cases for one pass / length / bit depth; returns the count or -1.
template <typename Pixel>
int RunAll(const char* target, LoopFilterEdgeFn<Pixel> fn, LoopFilterEdgeFn<Pixel> ref,
           int pass, int len, int bitdepth) {
  int count = 0;
  int classes[kNumClasses] = {};
  uint32_t seed = static_cast<uint32_t>(pass * 1000003 + len * 10007 + bitdepth * 101);
  std::mt19937 rng(seed);
  // Parameter sweep: every (limit, thresh) the decoder can make x a range of
  // blimits, then random values over the whole documented range.
  for (int limit = 0; limit <= 63; limit++) {
    for (int thresh : {0, 1, 2, 3}) {
      for (int rep = 0; rep < 6; rep++) {
        const int blimit = rep == 0 ? 2 * 2 + limit : rep == 1 ? 2 * 65 + limit
                                                               : static_cast<int>(rng() % 256);
        const Case c{pass, len, bitdepth, limit, blimit, thresh, seed++};
        if (!RunCase<Pixel>(target, fn, ref, c, classes)) return -1;
        count++;
      }
    }
  }
  for (int rep = 0; rep < 2000; rep++) {
    const int limit = static_cast<int>(rng() % 64);
    const int blimit = static_cast<int>(rng() % 256);
    const int thresh = static_cast<int>(rng() % 64);
    const Case c{pass, len, bitdepth, limit, blimit, thresh, seed++};
    if (!RunCase<Pixel>(target, fn, ref, c, classes)) return -1;
    count++;
  }
  // Every decision must have been reached many times.
  const int needed[kNumClasses] = {100, 100, 100, len == kLf4 ? 0 : 100,
                                   len == kLf16 ? 100 : 0};
  for (int k = 0; k < kNumClasses; k++) {
    EXPECT_GE(classes[k], needed[k]) << "line class " << k << " rarely generated: pass=" << pass
                                     << " len=" << kLenNames[len] << " bitdepth=" << bitdepth;
  }
  return count;
}

}  // namespace lf_test
}  // namespace hav1
#endif  // HAV1_LOOPFILTER_TEST_ONCE_

HWY_BEFORE_NAMESPACE();
namespace hav1 {
namespace HWY_NAMESPACE {

void TestLoopFilterKernelsMatchReference() {
  const char* target = hwy::TargetName(HWY_TARGET);
  DspTables tables;
  const char* chosen = nullptr;
  const Status st = InitDspTables(target, &tables, &chosen);
  ASSERT_TRUE(st.ok()) << st.message();
  ASSERT_STREQ(chosen, target) << "InitDspTables did not pick the target under test";
  LoopFilterTables ref;
  FillLoopFilterTablesRef(&ref);
  const LoopFilterTables& t = tables.loopfilter;
  int cases = 0;
  for (int pass = 0; pass < 2; pass++) {
    for (int len = 0; len < kLfLens; len++) {
      ASSERT_NE(t.lowbd.edge[pass][len], nullptr);
      ASSERT_NE(t.highbd.edge[pass][len], nullptr);
#if HWY_TARGET != HWY_SCALAR
      EXPECT_NE(t.lowbd.edge[pass][len], ref.lowbd.edge[pass][len]);
      EXPECT_NE(t.highbd.edge[pass][len], ref.highbd.edge[pass][len]);
#endif
      int n = lf_test::RunAll<uint8_t>(target, t.lowbd.edge[pass][len],
                                       ref.lowbd.edge[pass][len], pass, len, 8);
      ASSERT_GE(n, 0);
      cases += n;
      for (int bitdepth : {8, 10, 12}) {
        n = lf_test::RunAll<uint16_t>(target, t.highbd.edge[pass][len],
                                      ref.highbd.edge[pass][len], pass, len, bitdepth);
        ASSERT_GE(n, 0);
        cases += n;
      }
    }
  }
  std::fprintf(stderr,
               "[simd] loopfilter target %s: 2 passes x 4 lengths (lowbd, highbd 8/10/12), "
               "%d cases, all bit-exact\n",
               target, cases);
}

}  // namespace HWY_NAMESPACE
}  // namespace hav1
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace hav1 {
HWY_BEFORE_TEST(LoopFilterTargetTest);
HWY_EXPORT_AND_TEST_P(LoopFilterTargetTest, TestLoopFilterKernelsMatchReference);
}  // namespace hav1
#endif
