// Every Highway inverse transform kernel vs. the reference (src/dsp/itx_ref.cc),
// for every compiled and CPU-supported target, on random and extreme inputs,
// 8-bit and 16-bit at 10- and 12-bit maxima, with guard bands around the
// destination block and the coefficient buffer.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "tests/simd/itx_test.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
#include "hwy/highway.h"
#include "hwy/tests/hwy_gtest.h"

#include <algorithm>
#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "simd/dsp_init.h"
#include "src/dsp/dsp.h"
#include "src/dsp/itx.h"

#ifndef HAV1_ITX_TEST_ONCE_
#define HAV1_ITX_TEST_ONCE_
namespace hav1 {
namespace itx_test {

constexpr const char* kTxSizeNames[kItxTxSizes] = {
    "4x4",   "8x8",   "16x16", "32x32", "64x64", "4x8",  "8x4",
    "8x16",  "16x8",  "16x32", "32x16", "32x64", "64x32", "4x16",
    "16x4",  "8x32",  "32x8",  "16x64", "64x16"};
constexpr const char* kTxTypeNames[kItxTxTypes] = {
    "DCT_DCT",      "ADST_DCT",          "DCT_ADST",      "ADST_ADST",
    "FLIPADST_DCT", "DCT_FLIPADST",      "FLIPADST_FLIPADST", "ADST_FLIPADST",
    "FLIPADST_ADST", "IDTX",             "V_DCT",         "H_DCT",
    "V_ADST",       "H_ADST",            "V_FLIPADST",    "H_FLIPADST"};

// The SIMD targets implement every size (all 19 TxSize values) for every tx
// type whose 1D transforms exist.

constexpr int kGuard = 5;  // guard pixels on every side of the block
constexpr int32_t kCoeffSentinel = 0x5A5A5A5A;
constexpr int kCoeffGuard = 8;

// Fills the tw * th coefficients for pattern `pattern` (see PatternName).
enum Pattern {
  kZero, kAllMax, kAllMin, kCheckerboard, kAlternating, kRandom, kRandomSmall,
  kRandomHostile, kRegion, kRegionMax, kRegionHostile, kSingle, kNumPatterns
};
inline const char* PatternName(int p) {
  static const char* names[] = {"all-zero", "all-max", "all-min", "checkerboard",
                                "alternating", "random", "random-small",
                                "random-int32 (hostile)", "region", "region-extreme",
                                "region-int32 (hostile)", "single"};
  return names[p];
}

enum DstPattern { kDstRandom, kDstZero, kDstMax, kNumDstPatterns };
inline const char* DstPatternName(int p) {
  static const char* names[] = {"dst-random", "dst-0", "dst-max"};
  return names[p];
}

struct Case {
  int tx_size;
  int tx_type;
  int bitdepth;
  int pattern;
  int dst_pattern;
  int single_pos;    // kSingle: position
  int32_t single_v;  // kSingle: value
  uint32_t seed;
  // kRegion*: only the top-left region_w x region_h coefficients are non-zero
  // (what a small eob leaves in the low frequencies); 0 = whole block.
  int region_w = 0;
  int region_h = 0;
};

inline std::string Describe(const char* target, const Case& c) {
  char buf[256];
  std::snprintf(buf, sizeof(buf),
                "target=%s tx=%s type=%s bitdepth=%d coeffs=%s%s%d value=%" PRId32
                " region=%dx%d %s seed=%u",
                target, kTxSizeNames[c.tx_size], kTxTypeNames[c.tx_type], c.bitdepth,
                PatternName(c.pattern), c.pattern == kSingle ? " pos=" : " ",
                c.pattern == kSingle ? c.single_pos : 0, c.single_v, c.region_w,
                c.region_h, DstPatternName(c.dst_pattern), c.seed);
  return buf;
}

// Runs the kernel and the reference on identical inputs and compares the
// whole destination buffer (block + guard bands) and the coefficient buffer.
// Returns false (after ADD_FAILURE) on the first mismatch.
template <typename Pixel>
bool RunCase(const char* target, ItxAddFn<Pixel> fn, const Case& c) {
  const int w = 1 << ItxWidthLog2(c.tx_size);
  const int h = 1 << ItxHeightLog2(c.tx_size);
  const int tw = w < 32 ? w : 32;
  const int th = h < 32 ? h : 32;
  const int n = tw * th;
  const ptrdiff_t stride = w + 2 * kGuard + 3;
  const int rows = h + 2 * kGuard;
  const int32_t pixel_max = (1 << c.bitdepth) - 1;
  const int32_t cmax = (int32_t{1} << (7 + c.bitdepth)) - 1;
  const int32_t cmin = -(int32_t{1} << (7 + c.bitdepth));
  std::mt19937 rng(c.seed);

  std::vector<int32_t> coeffs(n + kCoeffGuard, kCoeffSentinel);
  int nonzero_span = 0;  // eob stand-in: 1 + last position that may be non-zero
  for (int k = 0; k < n; k++) {
    const int i = k / tw;
    const int j = k % tw;
    const bool in_region = i < c.region_h && j < c.region_w;
    int32_t v = 0;
    switch (c.pattern) {
      case kZero: v = 0; break;
      case kAllMax: v = cmax; break;
      case kAllMin: v = cmin; break;
      case kCheckerboard: v = ((i + j) & 1) ? cmin : cmax; break;
      case kAlternating: v = (k & 1) ? cmin : cmax; break;
      case kRandom:
        v = std::uniform_int_distribution<int32_t>(cmin, cmax)(rng);
        break;
      case kRandomSmall:
        v = std::uniform_int_distribution<int32_t>(-64, 64)(rng);
        break;
      case kRandomHostile: v = static_cast<int32_t>(rng()); break;
      case kRegion:
        v = in_region ? std::uniform_int_distribution<int32_t>(cmin, cmax)(rng) : 0;
        break;
      case kRegionMax:
        v = in_region ? ((rng() & 1) ? cmax : cmin) : 0;
        break;
      case kRegionHostile:
        v = in_region ? static_cast<int32_t>(rng()) : 0;
        break;
      case kSingle: v = (k == c.single_pos) ? c.single_v : 0; break;
    }
    coeffs[k] = v;
    if (v != 0) nonzero_span = k + 1;
  }
  std::vector<Pixel> dst(rows * stride);
  for (size_t k = 0; k < dst.size(); k++) {
    const int32_t guard_or_random = static_cast<int32_t>(rng() & pixel_max);
    dst[k] = static_cast<Pixel>(guard_or_random);
  }
  Pixel* block = dst.data() + kGuard * stride + kGuard;
  for (int i = 0; i < h; i++) {
    for (int j = 0; j < w; j++) {
      if (c.dst_pattern == kDstZero) block[i * stride + j] = 0;
      if (c.dst_pattern == kDstMax) block[i * stride + j] = static_cast<Pixel>(pixel_max);
    }
  }

  std::vector<int32_t> coeffs_ref = coeffs;
  std::vector<Pixel> dst_ref = dst;
  // eob: 1 when only the DC coefficient can be non-zero (kernels may take a
  // DC-only path), otherwise at least the span of the non-zero coefficients
  // (row-major here; the kernel contract only promises eob == 1 => DC only).
  const bool dc_only = c.pattern == kZero || (c.pattern == kSingle && c.single_pos == 0);
  fn(block, stride, coeffs.data(), dc_only ? 1 : std::max(nonzero_span, 2), c.bitdepth);
  InverseTransformAddRef(dst_ref.data() + kGuard * stride + kGuard, stride,
                         coeffs_ref.data(), c.tx_size, c.tx_type, false, c.bitdepth);

  for (int r = 0; r < rows; r++) {
    for (int x = 0; x < stride; x++) {
      const Pixel got = dst[r * stride + x];
      const Pixel want = dst_ref[r * stride + x];
      if (got != want) {
        const int i = r - kGuard;
        const int j = x - kGuard;
        const bool inside = i >= 0 && i < h && j >= 0 && j < w;
        ADD_FAILURE() << "pixel mismatch at row " << i << " col " << j
                      << (inside ? " (in block)" : " (GUARD BAND: stray write)")
                      << ": simd=" << int{got} << " ref=" << int{want} << " ["
                      << Describe(target, c) << "]";
        return false;
      }
    }
  }
  for (int k = 0; k < n + kCoeffGuard; k++) {
    const int32_t want = k < n ? 0 : kCoeffSentinel;
    if (coeffs[k] != want || coeffs_ref[k] != want) {
      ADD_FAILURE() << "coefficient buffer at " << k << ": simd=" << coeffs[k]
                    << " ref=" << coeffs_ref[k] << " want=" << want << " ["
                    << Describe(target, c) << "]";
      return false;
    }
  }
  return true;
}

// Coefficient positions tried one at a time (kSingle): all of them for blocks
// of up to 256 coefficients; otherwise the first row, the first column, the
// diagonal and 48 random positions.
inline std::vector<int> SinglePositions(int tw, int th, uint32_t seed) {
  const int n = tw * th;
  std::vector<int> pos;
  if (n <= 256) {
    for (int k = 0; k < n; k++) pos.push_back(k);
    return pos;
  }
  for (int j = 0; j < tw; j++) pos.push_back(j);
  for (int i = 1; i < th; i++) pos.push_back(i * tw);
  for (int i = 1; i < (tw < th ? tw : th); i++) pos.push_back(i * tw + i);
  std::mt19937 rng(seed);
  for (int k = 0; k < 48; k++) pos.push_back(static_cast<int>(rng() % n));
  return pos;
}

// All patterns for one kernel; returns the number of cases run.
template <typename Pixel>
int RunAllPatterns(const char* target, ItxAddFn<Pixel> fn, int tx_size, int tx_type,
                   int bitdepth) {
  const int w = 1 << ItxWidthLog2(tx_size);
  const int h = 1 << ItxHeightLog2(tx_size);
  const int tw = w < 32 ? w : 32;
  const int th = h < 32 ? h : 32;
  const int32_t cmax = (int32_t{1} << (7 + bitdepth)) - 1;
  const int32_t cmin = -(int32_t{1} << (7 + bitdepth));
  // Fewer random repetitions for the big blocks (the reference is slow there).
  const int reps = tw * th <= 64 ? 40 : (tw * th <= 256 ? 16 : 6);
  int count = 0;
  uint32_t seed = static_cast<uint32_t>(tx_size * 1000 + tx_type * 10 + bitdepth);
  const std::vector<int> positions = SinglePositions(tw, th, seed);
  for (int dp = 0; dp < kNumDstPatterns; dp++) {
    for (int p = 0; p < kNumPatterns; p++) {
      if (p == kSingle) {
        for (int pos : positions) {
          const bool edge = pos < tw || pos % tw == 0;
          for (int32_t v : {cmax, cmin, int32_t{1}, int32_t{-1}, int32_t{1000},
                            INT32_MAX, INT32_MIN, int32_t{0x12345678}}) {
            // Out-of-range (hostile) single values on the first row and column
            // only, to bound the run time.
            if (!edge && (v > cmax || v < cmin)) continue;
            // Small blocks try every position with every dst pattern; big
            // ones only with the random destination.
            if (dp != kDstRandom && tw * th > 256 && pos != 0) continue;
            const Case c{tx_size, tx_type, bitdepth, p, dp, pos, v, seed++};
            if (!RunCase<Pixel>(target, fn, c)) return -1;
            count++;
          }
        }
        continue;
      }
      const bool region = p == kRegion || p == kRegionMax || p == kRegionHostile;
      const bool random =
          region || p == kRandom || p == kRandomSmall || p == kRandomHostile;
      std::mt19937 region_rng(seed);
      for (int rep = 0; rep < (random ? reps : 1); rep++) {
        Case c{tx_size, tx_type, bitdepth, p, dp, 0, 0, seed++};
        c.region_w = tw;
        c.region_h = th;
        if (region) {
          // Square low-frequency corners of size 1, 2, 4, 8, ... and random
          // rectangles.
          const int k = rep % 8;
          if (k < 5) {
            c.region_w = std::min(tw, 1 << k);
            c.region_h = std::min(th, 1 << k);
          } else {
            c.region_w = 1 + static_cast<int>(region_rng() % tw);
            c.region_h = 1 + static_cast<int>(region_rng() % th);
          }
        }
        if (!RunCase<Pixel>(target, fn, c)) return -1;
        count++;
      }
    }
  }
  return count;
}

}  // namespace itx_test
}  // namespace hav1
#endif  // HAV1_ITX_TEST_ONCE_

HWY_BEFORE_NAMESPACE();
namespace hav1 {
namespace HWY_NAMESPACE {

// Fills tables through the real entry point, capped at the target under test
// (the Highway test fixture also mocks SupportedTargets() to it).
void TestItxKernelsMatchReference() {
  const char* target = hwy::TargetName(HWY_TARGET);
  DspTables tables;
  const char* chosen = nullptr;
  const Status st = InitDspTables(target, &tables, &chosen);
  ASSERT_TRUE(st.ok()) << st.message();
  ASSERT_STREQ(chosen, target) << "InitDspTables did not pick the target under test";
  DspTables ref;
  FillItxTablesRef(&ref.itx);

  int cases = 0;
  int kernels = 0;
  for (int tx_size = 0; tx_size < kItxTxSizes; tx_size++) {
    for (int tx_type = 0; tx_type < kItxTxTypes; tx_type++) {
      if (!ItxRefHasKernel(tx_size, tx_type)) {
        // No 1D transform of that kind and length: the entry stays empty.
        EXPECT_EQ(tables.itx.lowbd.add[tx_size][tx_type], nullptr);
        EXPECT_EQ(tables.itx.highbd.add[tx_size][tx_type], nullptr);
        continue;
      }
      const auto fn8 = tables.itx.lowbd.add[tx_size][tx_type];
      const auto fn16 = tables.itx.highbd.add[tx_size][tx_type];
      ASSERT_NE(fn8, nullptr);
      ASSERT_NE(fn16, nullptr);
#if HWY_TARGET != HWY_SCALAR
      // The target's own kernels must be installed, not the reference.
      EXPECT_NE(fn8, ref.itx.lowbd.add[tx_size][tx_type]);
      EXPECT_NE(fn16, ref.itx.highbd.add[tx_size][tx_type]);
#endif
      int n = itx_test::RunAllPatterns<uint8_t>(target, fn8, tx_size, tx_type, 8);
      ASSERT_GE(n, 0);
      cases += n;
      for (int bitdepth : {10, 12}) {
        n = itx_test::RunAllPatterns<uint16_t>(target, fn16, tx_size, tx_type, bitdepth);
        ASSERT_GE(n, 0);
        cases += n;
      }
      kernels += 2;
    }
  }
  std::fprintf(stderr, "[simd] itx target %s: %d kernels, %d cases, all bit-exact\n",
               target, kernels, cases);
}

}  // namespace HWY_NAMESPACE
}  // namespace hav1
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace hav1 {
HWY_BEFORE_TEST(ItxTargetTest);
HWY_EXPORT_AND_TEST_P(ItxTargetTest, TestItxKernelsMatchReference);
}  // namespace hav1
#endif
