// Every Highway loop restoration kernel vs. the reference
// (src/dsp/looprestoration_ref.cc), for every compiled and CPU-supported
// target: the Wiener filter (7.17.4) for every block width 1..64 and many
// heights, 8/10/12-bit, coefficients from 7.17.5 over the whole coded range
// (Wiener_Taps_Min .. Wiener_Taps_Max of 5.11.58, every corner of that box,
// chroma's zero first tap) plus non-symmetric tap sets, on random, extreme
// and smooth sources, with guard bands around the destination; and the self
// guided filter (whatever the target installs) for every set and a sweep of
// xqd values.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "tests/simd/looprestoration_test.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
#include "hwy/highway.h"
#include "hwy/tests/hwy_gtest.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "simd/dsp_init.h"
#include "src/dsp/dsp.h"
#include "src/dsp/looprestoration.h"

#ifndef HAV1_LOOPRESTORATION_TEST_ONCE_
#define HAV1_LOOPRESTORATION_TEST_ONCE_
namespace hav1 {
namespace lr_test {

constexpr int kTapsMin[3] = {-5, -23, -17};  // Wiener_Taps_Min
constexpr int kTapsMax[3] = {10, 8, 46};     // Wiener_Taps_Max

// kNoise: mid-grey + uniform noise of a random amplitude 1 .. 64 (8-bit
// scale): spreads the self guided filter's z over its whole 0 .. 255 range.
enum SrcPattern { kRandom, kExtremes, kZero, kMax, kSmooth, kChecker, kNoise, kNumPatterns };

constexpr int kDstGuard = 5;

struct Block {
  int w, h, bitdepth, pattern;
  uint32_t seed;
};

inline std::string Describe(const char* target, const char* what, const Block& b) {
  char buf[200];
  std::snprintf(buf, sizeof(buf), "target=%s %s w=%d h=%d bitdepth=%d pattern=%d seed=%u",
                target, what, b.w, b.h, b.bitdepth, b.pattern, b.seed);
  return buf;
}

// Padded source: exactly the kLrBorder margin the kernels may read, inside a
// larger buffer whose other samples are random (never read by the reference).
template <typename Pixel>
std::vector<Pixel> MakeSource(const Block& b, ptrdiff_t* stride, size_t* origin) {
  std::mt19937 rng(b.seed);
  const int max = (1 << b.bitdepth) - 1;
  *stride = b.w + 2 * kLrBorder + 1 + static_cast<int>(rng() % 9);
  const int rows = b.h + 2 * kLrBorder;
  std::vector<Pixel> buf(static_cast<size_t>(*stride) * rows);
  *origin = static_cast<size_t>(kLrBorder) * *stride + kLrBorder;
  const int base = static_cast<int>(rng() % (max + 1));
  const int amp = 1 + static_cast<int>(rng() % 16) << (b.bitdepth - 8);
  const int noise_amp = (1 << static_cast<int>(rng() % 7)) << (b.bitdepth - 8);
  for (int i = 0; i < rows; i++) {
    for (int j = 0; j < *stride; j++) {
      int v = 0;
      switch (b.pattern) {
        case kRandom: v = static_cast<int>(rng() % (max + 1)); break;
        case kExtremes: v = (rng() & 1) ? max : 0; break;
        case kZero: v = 0; break;
        case kMax: v = max; break;
        case kSmooth:
          v = std::clamp(base + static_cast<int>(rng() % (2 * amp + 1)) - amp + (i + j) * 3, 0,
                         max);
          break;
        case kChecker: v = ((i + j) & 1) ? max : 0; break;
        case kNoise:
          v = std::clamp(base + static_cast<int>(rng() % (2 * noise_amp + 1)) - noise_amp, 0,
                         max);
          break;
      }
      buf[static_cast<size_t>(i) * *stride + j] = static_cast<Pixel>(v);
    }
  }
  return buf;
}

template <typename Pixel, typename Run>
bool CompareDst(const char* target, const char* what, const Block& b, Run run) {
  std::mt19937 rng(b.seed ^ 0xA5A5A5u);
  const ptrdiff_t dst_stride = b.w + 2 * kDstGuard + static_cast<int>(rng() % 5);
  const int dst_rows = b.h + 2 * kDstGuard;
  std::vector<Pixel> dst(static_cast<size_t>(dst_stride) * dst_rows);
  for (auto& p : dst) p = static_cast<Pixel>(rng());
  std::vector<Pixel> want = dst;
  const size_t o = static_cast<size_t>(kDstGuard) * dst_stride + kDstGuard;
  run(dst.data() + o, want.data() + o, dst_stride);
  if (dst == want) return true;
  for (int r = 0; r < dst_rows; r++) {
    for (int x = 0; x < dst_stride; x++) {
      const size_t i = static_cast<size_t>(r) * dst_stride + x;
      if (dst[i] != want[i]) {
        const int y = r - kDstGuard, xx = x - kDstGuard;
        const bool inside = y >= 0 && y < b.h && xx >= 0 && xx < b.w;
        ADD_FAILURE() << "mismatch at row " << y << " col " << xx
                      << (inside ? "" : " (GUARD BAND: stray write)") << ": simd=" << int{dst[i]}
                      << " ref=" << int{want[i]} << " [" << Describe(target, what, b) << "]";
        return false;
      }
    }
  }
  return false;
}

template <typename Pixel>
bool RunWiener(const char* target, WienerFn<Pixel> fn, WienerFn<Pixel> ref, const Block& b,
               const int16_t hf[7], const int16_t vf[7]) {
  ptrdiff_t ss = 0;
  size_t so = 0;
  const std::vector<Pixel> src = MakeSource<Pixel>(b, &ss, &so);
  char what[120];
  std::snprintf(what, sizeof(what), "wiener h={%d,%d,%d,%d,%d,%d,%d} v={%d,%d,%d,%d,%d,%d,%d}",
                hf[0], hf[1], hf[2], hf[3], hf[4], hf[5], hf[6], vf[0], vf[1], vf[2], vf[3],
                vf[4], vf[5], vf[6]);
  return CompareDst<Pixel>(target, what, b, [&](Pixel* got, Pixel* want, ptrdiff_t ds) {
    fn(got, ds, src.data() + so, ss, b.w, b.h, hf, vf, b.bitdepth);
    ref(want, ds, src.data() + so, ss, b.w, b.h, hf, vf, b.bitdepth);
  });
}

// Coded coefficients of one pass: random in range, or a corner of the box.
inline void RandomCoeffs(std::mt19937& rng, bool chroma, int8_t c[3]) {
  for (int i = 0; i < 3; i++) {
    const int mode = static_cast<int>(rng() % 4);
    const int v = mode == 0 ? kTapsMin[i]
                            : mode == 1 ? kTapsMax[i]
                                        : kTapsMin[i] + static_cast<int>(
                                                            rng() % (kTapsMax[i] - kTapsMin[i] + 1));
    c[i] = static_cast<int8_t>(v);
  }
  if (chroma) c[0] = 0;
}

template <typename Pixel>
int RunWienerAll(const char* target, WienerFn<Pixel> fn, WienerFn<Pixel> ref, int bitdepth) {
  int count = 0;
  uint32_t seed = static_cast<uint32_t>(bitdepth * 31337);
  std::mt19937 rng(seed);
  // Every corner of the coefficient box for both passes, on extreme and
  // random sources (worst-case sums), at a full 64x64 block.
  for (int hc = 0; hc < 8; hc++) {
    for (int vc = 0; vc < 8; vc++) {
      int8_t hcoef[3], vcoef[3];
      for (int i = 0; i < 3; i++) {
        hcoef[i] = static_cast<int8_t>((hc >> i) & 1 ? kTapsMax[i] : kTapsMin[i]);
        vcoef[i] = static_cast<int8_t>((vc >> i) & 1 ? kTapsMax[i] : kTapsMin[i]);
      }
      int16_t hf[7], vf[7];
      WienerCoefficients(hcoef, hf);
      WienerCoefficients(vcoef, vf);
      for (int pattern : {static_cast<int>(kExtremes), static_cast<int>(kChecker),
                          static_cast<int>(kRandom)}) {
        const Block b{64, 64, bitdepth, pattern, seed++};
        if (!RunWiener<Pixel>(target, fn, ref, b, hf, vf)) return -1;
        count++;
      }
    }
  }
  // Every width 1..64 with random heights, coefficients and patterns.
  for (int w = 1; w <= kLrMaxBlock; w++) {
    for (int rep = 0; rep < 12; rep++) {
      const int h = rep == 0 ? 64 : rep == 1 ? 1 : 1 + static_cast<int>(rng() % 64);
      int8_t hcoef[3], vcoef[3];
      const bool chroma = (rng() & 1) != 0;
      RandomCoeffs(rng, chroma, hcoef);
      RandomCoeffs(rng, chroma, vcoef);
      int16_t hf[7], vf[7];
      WienerCoefficients(hcoef, hf);
      WienerCoefficients(vcoef, vf);
      const Block b{w, h, bitdepth, static_cast<int>(rng() % kNumPatterns), seed++};
      if (!RunWiener<Pixel>(target, fn, ref, b, hf, vf)) return -1;
      count++;
    }
  }
  // Non-symmetric tap sets (not produced by 7.17.5, still must match).
  for (int rep = 0; rep < 64; rep++) {
    int16_t hf[7], vf[7];
    for (int t = 0; t < 7; t++) {
      hf[t] = static_cast<int16_t>(static_cast<int>(rng() % 97) - 40);
      vf[t] = static_cast<int16_t>(static_cast<int>(rng() % 97) - 40);
    }
    hf[3] = static_cast<int16_t>(hf[3] + 128);
    vf[3] = static_cast<int16_t>(vf[3] + 128);
    const Block b{1 + static_cast<int>(rng() % 64), 1 + static_cast<int>(rng() % 64), bitdepth,
                  static_cast<int>(rng() % kNumPatterns), seed++};
    if (!RunWiener<Pixel>(target, fn, ref, b, hf, vf)) return -1;
    count++;
  }
  return count;
}

template <typename Pixel>
int RunSgrAll(const char* target, SgrFn<Pixel> fn, SgrFn<Pixel> ref, int bitdepth) {
  int count = 0;
  uint32_t seed = static_cast<uint32_t>(bitdepth * 4242);
  std::mt19937 rng(seed);
  for (int set = 0; set < 16; set++) {
    for (int rep = 0; rep < 40; rep++) {
      const int xqd0 = rep == 0 ? -96 : rep == 1 ? 31 : -96 + static_cast<int>(rng() % 128);
      const int xqd1 = rep == 0 ? 95 : rep == 1 ? -32 : -32 + static_cast<int>(rng() % 128);
      const int w = rep < 2 ? 64 : 1 + static_cast<int>(rng() % 64);
      const int h = rep < 2 ? 64 : 1 + static_cast<int>(rng() % 64);
      const int pattern = (rep & 1) ? static_cast<int>(kNoise)
                                    : static_cast<int>(rng() % kNumPatterns);
      const Block b{w, h, bitdepth, pattern, seed++};
      ptrdiff_t ss = 0;
      size_t so = 0;
      const std::vector<Pixel> src = MakeSource<Pixel>(b, &ss, &so);
      char what[64];
      std::snprintf(what, sizeof(what), "sgr set=%d xqd=%d,%d", set, xqd0, xqd1);
      if (!CompareDst<Pixel>(target, what, b, [&](Pixel* got, Pixel* want, ptrdiff_t ds) {
            fn(got, ds, src.data() + so, ss, w, h, set, xqd0, xqd1, bitdepth);
            ref(want, ds, src.data() + so, ss, w, h, set, xqd0, xqd1, bitdepth);
          })) {
        return -1;
      }
      count++;
    }
  }
  return count;
}

}  // namespace lr_test
}  // namespace hav1
#endif  // HAV1_LOOPRESTORATION_TEST_ONCE_

HWY_BEFORE_NAMESPACE();
namespace hav1 {
namespace HWY_NAMESPACE {

void TestLoopRestorationKernelsMatchReference() {
  const char* target = hwy::TargetName(HWY_TARGET);
  DspTables tables;
  const char* chosen = nullptr;
  const Status st = InitDspTables(target, &tables, &chosen);
  ASSERT_TRUE(st.ok()) << st.message();
  ASSERT_STREQ(chosen, target) << "InitDspTables did not pick the target under test";
  LoopRestorationTables ref;
  FillLoopRestorationTablesRef(&ref);
  const LoopRestorationTables& t = tables.looprestoration;
  ASSERT_NE(t.lowbd.wiener, nullptr);
  ASSERT_NE(t.highbd.wiener, nullptr);
  ASSERT_NE(t.lowbd.sgr, nullptr);
  ASSERT_NE(t.highbd.sgr, nullptr);
#if HWY_TARGET != HWY_SCALAR
  EXPECT_NE(t.lowbd.wiener, ref.lowbd.wiener);
  EXPECT_NE(t.highbd.wiener, ref.highbd.wiener);
  EXPECT_NE(t.lowbd.sgr, ref.lowbd.sgr);
  EXPECT_NE(t.highbd.sgr, ref.highbd.sgr);
#endif
  int cases = 0;
  int n = lr_test::RunWienerAll<uint8_t>(target, t.lowbd.wiener, ref.lowbd.wiener, 8);
  ASSERT_GE(n, 0);
  cases += n;
  n = lr_test::RunSgrAll<uint8_t>(target, t.lowbd.sgr, ref.lowbd.sgr, 8);
  ASSERT_GE(n, 0);
  cases += n;
  for (int bitdepth : {8, 10, 12}) {
    n = lr_test::RunWienerAll<uint16_t>(target, t.highbd.wiener, ref.highbd.wiener, bitdepth);
    ASSERT_GE(n, 0);
    cases += n;
    n = lr_test::RunSgrAll<uint16_t>(target, t.highbd.sgr, ref.highbd.sgr, bitdepth);
    ASSERT_GE(n, 0);
    cases += n;
  }
  std::fprintf(stderr,
               "[simd] looprestoration target %s: wiener + sgr (lowbd, highbd 8/10/12), %d "
               "cases, all bit-exact\n",
               target, cases);
}

}  // namespace HWY_NAMESPACE
}  // namespace hav1
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace hav1 {
HWY_BEFORE_TEST(LoopRestorationTargetTest);
HWY_EXPORT_AND_TEST_P(LoopRestorationTargetTest, TestLoopRestorationKernelsMatchReference);
}  // namespace hav1
#endif
