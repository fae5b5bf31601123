// Every Highway CDEF kernel vs. the reference (src/dsp/cdef_ref.cc), for every
// compiled and CPU-supported target: the filter (8x8, 4x8, 4x4) for every
// direction, every primary strength the decoder can produce, every secondary
// strength and damping, on random and extreme sources with unavailable
// (kCdefUnavailable) samples in the border, 8/10/12-bit, with guard bands
// around the destination; and the direction search on random, structured and
// extreme blocks.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "tests/simd/cdef_test.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
#include "hwy/highway.h"
#include "hwy/tests/hwy_gtest.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "simd/dsp_init.h"
#include "src/dsp/cdef.h"
#include "src/dsp/dsp.h"

#ifndef HAV1_CDEF_TEST_ONCE_
#define HAV1_CDEF_TEST_ONCE_
namespace hav1 {
namespace cdef_test {

constexpr const char* kKindNames[kCdefKinds] = {"8x8", "4x8", "4x4"};
constexpr int kKindW[kCdefKinds] = {8, 4, 4};
constexpr int kKindH[kCdefKinds] = {8, 8, 4};

// Source patterns of the 16-bit copy (block + kCdefBorder margin).
enum SrcPattern {
  kRandomFull,     // uniform in [ 0, max ]
  kNoise,          // mid-grey +- a few steps: constrain's unclipped range
  kNoiseWide,      // mid-grey +- 4 * threshold-ish
  kEdges,          // random side(s) of the margin unavailable, noise inside
  kHoles,          // random margin samples unavailable, noise inside
  kAllUnavailable, // whole margin unavailable
  kZero,
  kMax,
  kChecker,        // 0 / max checkerboard
  kBlockMaxBorder0,
  kBlock0BorderMax,
  kStripes,        // lines in a random direction
  kNumSrcPatterns
};
inline const char* SrcPatternName(int p) {
  static const char* names[] = {"random", "noise", "noise-wide", "edges-unavailable",
                                "holes-unavailable", "all-border-unavailable", "zero",
                                "max", "checker", "block-max-border-0",
                                "block-0-border-max", "stripes"};
  return names[p];
}

struct FilterCase {
  int kind;
  int bitdepth;
  int pri;
  int sec;
  int dir;
  int damping;
  int pattern;
  uint32_t seed;
};

inline std::string Describe(const char* target, const FilterCase& c) {
  char buf[256];
  std::snprintf(buf, sizeof(buf),
                "target=%s block=%s bitdepth=%d pri=%d sec=%d dir=%d damping=%d src=%s "
                "seed=%u",
                target, kKindNames[c.kind], c.bitdepth, c.pri, c.sec, c.dir, c.damping,
                SrcPatternName(c.pattern), c.seed);
  return buf;
}

constexpr int kGuard = 6;        // source columns/rows beyond the readable margin
constexpr int kDstGuard = 5;     // destination guard pixels on every side
constexpr uint16_t kNotRead = 0x7777;  // source beyond the margin: never read

// Builds the 16-bit source: (h + 4) x (w + 4) readable samples starting at
// (kGuard, kGuard) of a buffer with an odd stride; the rest is kNotRead.
inline std::vector<uint16_t> MakeSource(const FilterCase& c, ptrdiff_t* stride,
                                        size_t* origin) {
  const int w = kKindW[c.kind], h = kKindH[c.kind];
  const int b = kCdefBorder;
  *stride = w + 2 * b + 2 * kGuard + 3;
  const int rows = h + 2 * b + 2 * kGuard;
  std::vector<uint16_t> buf(static_cast<size_t>(*stride) * rows, kNotRead);
  *origin = static_cast<size_t>(kGuard + b) * *stride + kGuard + b;
  std::mt19937 rng(c.seed);
  const int max = (1 << c.bitdepth) - 1;
  const int mid = 1 << (c.bitdepth - 1);
  auto noise = [&](int amp) {
    const int v = mid + std::uniform_int_distribution<int>(-amp, amp)(rng);
    return static_cast<uint16_t>(std::clamp(v, 0, max));
  };
  const int stripe_dir = static_cast<int>(rng() % 8);
  const int stripe_period = 2 + static_cast<int>(rng() % 4);
  const bool unavail_side[4] = {(rng() & 1) != 0, (rng() & 1) != 0, (rng() & 1) != 0,
                                (rng() & 1) != 0};
  for (int i = -b; i < h + b; i++) {
    for (int j = -b; j < w + b; j++) {
      const bool in_block = i >= 0 && i < h && j >= 0 && j < w;
      uint16_t v = 0;
      switch (c.pattern) {
        case kRandomFull: v = static_cast<uint16_t>(rng() % (max + 1)); break;
        case kNoise: v = noise(3 << (c.bitdepth - 8)); break;
        case kNoiseWide: v = noise(std::max(4 * c.pri, 4 * c.sec) + 1); break;
        case kEdges:
        case kHoles:
        case kAllUnavailable: v = noise(8 << (c.bitdepth - 8)); break;
        case kZero: v = 0; break;
        case kMax: v = static_cast<uint16_t>(max); break;
        case kChecker: v = static_cast<uint16_t>(((i + j) & 1) ? max : 0); break;
        case kBlockMaxBorder0: v = static_cast<uint16_t>(in_block ? max : 0); break;
        case kBlock0BorderMax: v = static_cast<uint16_t>(in_block ? 0 : max); break;
        case kStripes: {
          // Lines along one of 8 orientations.
          const int t = (stripe_dir < 4) ? (i * (stripe_dir + 1) + j * (4 - stripe_dir))
                                         : (i * (stripe_dir - 3) - j * (8 - stripe_dir));
          v = static_cast<uint16_t>((((t % stripe_period) + stripe_period) % stripe_period)
                                        ? max / 4
                                        : max);
          break;
        }
      }
      if (!in_block) {
        if (c.pattern == kEdges) {
          if ((unavail_side[0] && i < 0) || (unavail_side[1] && i >= h) ||
              (unavail_side[2] && j < 0) || (unavail_side[3] && j >= w)) {
            v = kCdefUnavailable;
          }
        } else if (c.pattern == kHoles) {
          if (rng() % 3 == 0) v = kCdefUnavailable;
        } else if (c.pattern == kAllUnavailable) {
          v = kCdefUnavailable;
        }
      }
      buf[*origin + i * *stride + j] = v;
    }
  }
  return buf;
}

// Runs kernel and reference on identical inputs; compares the destination
// (block + guard bands) and checks the source is untouched.
template <typename Pixel>
bool RunFilterCase(const char* target, CdefFilterFn<Pixel> fn, CdefFilterFn<Pixel> ref,
                   const FilterCase& c) {
  const int w = kKindW[c.kind], h = kKindH[c.kind];
  ptrdiff_t src_stride = 0;
  size_t origin = 0;
  const std::vector<uint16_t> src = MakeSource(c, &src_stride, &origin);
  const std::vector<uint16_t> src_copy = src;
  const ptrdiff_t dst_stride = w + 2 * kDstGuard + 7;
  const int dst_rows = h + 2 * kDstGuard;
  std::mt19937 rng(c.seed ^ 0x9E3779B9u);
  std::vector<Pixel> dst(static_cast<size_t>(dst_stride) * dst_rows);
  for (auto& p : dst) p = static_cast<Pixel>(rng());
  std::vector<Pixel> dst_ref = dst;
  const size_t dst_origin = static_cast<size_t>(kDstGuard) * dst_stride + kDstGuard;
  fn(dst.data() + dst_origin, dst_stride, src.data() + origin, src_stride, c.pri, c.sec, c.dir,
     c.damping, c.bitdepth);
  ref(dst_ref.data() + dst_origin, dst_stride, src.data() + origin, src_stride, c.pri, c.sec,
      c.dir, c.damping, c.bitdepth);
  for (int r = 0; r < dst_rows; r++) {
    for (int x = 0; x < dst_stride; x++) {
      const Pixel got = dst[r * dst_stride + x];
      const Pixel want = dst_ref[r * dst_stride + x];
      if (got != want) {
        const int i = r - kDstGuard, j = x - kDstGuard;
        const bool inside = i >= 0 && i < h && j >= 0 && j < w;
        ADD_FAILURE() << "pixel mismatch at row " << i << " col " << j
                      << (inside ? " (in block)" : " (GUARD BAND: stray write)")
                      << ": simd=" << int{got} << " ref=" << int{want} << " ["
                      << Describe(target, c) << "]";
        return false;
      }
    }
  }
  if (src != src_copy) {
    ADD_FAILURE() << "source modified [" << Describe(target, c) << "]";
    return false;
  }
  return true;
}

// Every primary strength 7.15.1 can produce for this bit depth:
// p << coeffShift (chroma) and the variance-adjusted luma values.
inline std::vector<int> PrimaryStrengths(int bitdepth) {
  const int cs = bitdepth - 8;
  std::vector<bool> seen(16 << cs, false);
  for (int p = 0; p < 16; p++) {
    const int base = p << cs;
    seen[base] = true;
    for (int var_str = 0; var_str <= 12; var_str++) seen[(base * (4 + var_str) + 8) >> 4] = true;
  }
  std::vector<int> out;
  for (int v = 0; v < static_cast<int>(seen.size()); v++) {
    if (seen[v]) out.push_back(v);
  }
  return out;
}

// All filter cases for one block kind and bit depth; returns the number run
// (or -1 after the first failure).
template <typename Pixel>
int RunFilterAll(const char* target, CdefFilterFn<Pixel> fn, CdefFilterFn<Pixel> ref, int kind,
                 int bitdepth) {
  const int cs = bitdepth - 8;
  const std::vector<int> pris = PrimaryStrengths(bitdepth);
  uint32_t seed = static_cast<uint32_t>(kind * 100000 + bitdepth * 1000);
  int count = 0;
  // Sweep: every direction x reachable damping (luma 3..6, chroma 2..5, plus
  // coeffShift) x secondary strength x primary strength, on noise sources
  // (most sensitive to constrain), and rotating source patterns.
  for (int dir = 0; dir < 8; dir++) {
    for (int damping = 2 + cs; damping <= 6 + cs; damping++) {
      for (int sec_base : {0, 1, 2, 4}) {
        const int sec = sec_base << cs;
        for (size_t pi = 0; pi < pris.size(); pi++) {
          const int pri = pris[pi];
          const int pattern = static_cast<int>((pi + dir + damping) % kNumSrcPatterns);
          for (int p : {static_cast<int>(kNoiseWide), pattern}) {
            const FilterCase c{kind, bitdepth, pri, sec, dir, damping, p, seed++};
            if (!RunFilterCase<Pixel>(target, fn, ref, c)) return -1;
            count++;
          }
        }
      }
    }
  }
  // Every source pattern with random reachable parameters, and dampings
  // outside the decoder's range up to the documented limit (0..14).
  std::mt19937 rng(seed);
  for (int pattern = 0; pattern < kNumSrcPatterns; pattern++) {
    for (int rep = 0; rep < 300; rep++) {
      const int pri = (rep % 5 == 0) ? 0 : pris[rng() % pris.size()];
      const int sec = (rep % 7 == 0) ? 0 : (std::array<int, 4>{0, 1, 2, 4}[rng() % 4] << cs);
      const int damping = (rep % 2) ? static_cast<int>(rng() % 15)
                                    : 2 + cs + static_cast<int>(rng() % 5);
      const FilterCase c{kind, bitdepth, pri, sec, static_cast<int>(rng() % 8), damping, pattern,
                         seed++};
      if (!RunFilterCase<Pixel>(target, fn, ref, c)) return -1;
      count++;
    }
  }
  return count;
}

// Direction search: one 8x8 block per case.
enum DirPattern {
  kDirRandom, kDirNoise, kDirZero, kDirMax, kDirChecker, kDirLines, kDirRamp, kDirSingle,
  kNumDirPatterns
};

template <typename Pixel>
bool RunDirCase(const char* target, CdefDirFn<Pixel> fn, CdefDirFn<Pixel> ref, int bitdepth,
                int pattern, uint32_t seed) {
  std::mt19937 rng(seed);
  const int max = (1 << bitdepth) - 1;
  const ptrdiff_t stride = 8 + 5;
  std::vector<Pixel> buf(static_cast<size_t>(stride) * 8);
  const int line_dir = static_cast<int>(rng() % 8);
  const int period = 2 + static_cast<int>(rng() % 5);
  const int lo = static_cast<int>(rng() % (max + 1));
  const int hi = static_cast<int>(rng() % (max + 1));
  const int single = static_cast<int>(rng() % 64);
  for (int i = 0; i < 8; i++) {
    for (int j = 0; j < stride; j++) {
      int v = 0;
      switch (pattern) {
        case kDirRandom: v = static_cast<int>(rng() % (max + 1)); break;
        case kDirNoise:
          v = std::clamp(lo + std::uniform_int_distribution<int>(-20, 20)(rng), 0, max);
          break;
        case kDirZero: v = 0; break;
        case kDirMax: v = max; break;
        case kDirChecker: v = ((i + j) & 1) ? max : 0; break;
        case kDirLines: {
          const int t = (line_dir < 4) ? (i * (line_dir + 1) + j * (4 - line_dir))
                                       : (i * (line_dir - 3) - j * (8 - line_dir));
          v = (((t % period) + period) % period) ? lo : hi;
          break;
        }
        case kDirRamp: v = std::clamp(lo + (hi - lo) * (i * 8 + j) / 63, 0, max); break;
        case kDirSingle: v = (i * 8 + j == single) ? max : 0; break;
      }
      buf[i * stride + j] = static_cast<Pixel>(j < 8 ? v : static_cast<int>(rng() & 0xFFFF) & max);
    }
  }
  int var = -1, var_ref = -2;
  const int dir = fn(buf.data(), stride, bitdepth, &var);
  const int dir_ref = ref(buf.data(), stride, bitdepth, &var_ref);
  if (dir != dir_ref || var != var_ref) {
    ADD_FAILURE() << "direction mismatch: simd dir=" << dir << " var=" << var
                  << " ref dir=" << dir_ref << " var=" << var_ref << " [target=" << target
                  << " bitdepth=" << bitdepth << " pattern=" << pattern << " seed=" << seed
                  << "]";
    return false;
  }
  return true;
}

template <typename Pixel>
int RunDirAll(const char* target, CdefDirFn<Pixel> fn, CdefDirFn<Pixel> ref, int bitdepth) {
  int count = 0;
  uint32_t seed = static_cast<uint32_t>(bitdepth * 7777);
  for (int pattern = 0; pattern < kNumDirPatterns; pattern++) {
    const int reps = (pattern == kDirZero || pattern == kDirMax || pattern == kDirChecker) ? 1
                                                                                        : 3000;
    for (int rep = 0; rep < reps; rep++) {
      if (!RunDirCase<Pixel>(target, fn, ref, bitdepth, pattern, seed++)) return -1;
      count++;
    }
  }
  return count;
}

}  // namespace cdef_test
}  // namespace hav1
#endif  // HAV1_CDEF_TEST_ONCE_

HWY_BEFORE_NAMESPACE();
namespace hav1 {
namespace HWY_NAMESPACE {

// Fills tables through the real entry point, capped at the target under test
// (the Highway test fixture also mocks SupportedTargets() to it).
void TestCdefKernelsMatchReference() {
  const char* target = hwy::TargetName(HWY_TARGET);
  DspTables tables;
  const char* chosen = nullptr;
  const Status st = InitDspTables(target, &tables, &chosen);
  ASSERT_TRUE(st.ok()) << st.message();
  ASSERT_STREQ(chosen, target) << "InitDspTables did not pick the target under test";
  CdefTables ref;
  FillCdefTablesRef(&ref);
  const CdefTables& t = tables.cdef;

  ASSERT_NE(t.lowbd.dir, nullptr);
  ASSERT_NE(t.highbd.dir, nullptr);
#if HWY_TARGET != HWY_SCALAR
  // The target's own kernels must be installed, not the reference.
  EXPECT_NE(t.lowbd.dir, ref.lowbd.dir);
  EXPECT_NE(t.highbd.dir, ref.highbd.dir);
#endif
  int cases = 0;
  int n = cdef_test::RunDirAll<uint8_t>(target, t.lowbd.dir, ref.lowbd.dir, 8);
  ASSERT_GE(n, 0);
  cases += n;
  for (int bitdepth : {8, 10, 12}) {
    n = cdef_test::RunDirAll<uint16_t>(target, t.highbd.dir, ref.highbd.dir, bitdepth);
    ASSERT_GE(n, 0);
    cases += n;
  }
  for (int kind = 0; kind < kCdefKinds; kind++) {
    ASSERT_NE(t.lowbd.filter[kind], nullptr);
    ASSERT_NE(t.highbd.filter[kind], nullptr);
#if HWY_TARGET != HWY_SCALAR
    EXPECT_NE(t.lowbd.filter[kind], ref.lowbd.filter[kind]);
    EXPECT_NE(t.highbd.filter[kind], ref.highbd.filter[kind]);
#endif
    n = cdef_test::RunFilterAll<uint8_t>(target, t.lowbd.filter[kind], ref.lowbd.filter[kind],
                                         kind, 8);
    ASSERT_GE(n, 0);
    cases += n;
    for (int bitdepth : {8, 10, 12}) {
      n = cdef_test::RunFilterAll<uint16_t>(target, t.highbd.filter[kind],
                                            ref.highbd.filter[kind], kind, bitdepth);
      ASSERT_GE(n, 0);
      cases += n;
    }
  }
  std::fprintf(stderr, "[simd] cdef target %s: dir + 3 filter blocks (lowbd, highbd), %d cases, "
               "all bit-exact\n", target, cases);
}

}  // namespace HWY_NAMESPACE
}  // namespace hav1
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace hav1 {
HWY_BEFORE_TEST(CdefTargetTest);
HWY_EXPORT_AND_TEST_P(CdefTargetTest, TestCdefKernelsMatchReference);
}  // namespace hav1
#endif
