// Every Highway mc kernel (put, write, avg, dist) vs. the reference kernels
// (src/dsp/mc_ref.cc), for every compiled and CPU-supported target: all
// Subpel_Filters rows, every w and h the decoder uses (2..128) plus odd
// widths, random and extreme pixels, the decoder's rounding (7.11.3.2:
// InterRound0 3 / 5 for 12-bit, InterRound1 7 compound, 11 single, 9 single
// 12-bit), 8/10/12-bit.  The source block is allocated with exactly the
// samples put may read (rows -3 .. h + 3, columns -3 .. w + 3), and pred /
// dst have guard bands that must stay untouched.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "tests/simd/mc_test.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
#include "hwy/highway.h"
#include "hwy/tests/hwy_gtest.h"

#include <cstdint>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "simd/dsp_init.h"
#include "src/dsp/dsp.h"
#include "src/dsp/mc.h"
#include "src/recon/inter_tables.h"

#ifndef HAV1_MC_TEST_ONCE_
#define HAV1_MC_TEST_ONCE_
namespace hav1 {
namespace mc_test {

using recon::Subpel_Filters;

constexpr int32_t kSentinel = 0x5A5A5A5A;
constexpr int kGuard = 3;  // guard columns / rows around pred and dst

enum SrcPattern { kRandom, kAllMax, kAllZero, kChecker, kStripes, kRandomExtreme, kNumSrc };
inline const char* SrcPatternName(int p) {
  static const char* names[] = {"random", "all-max", "all-zero", "checkerboard", "stripes",
                                "random-0-or-max"};
  return names[p];
}

// The rounding the decoder uses for a bitdepth (7.11.3.2).
struct Rounding {
  int round0, round1;
};
inline std::vector<Rounding> RoundingsFor(int bitdepth) {
  if (bitdepth == 12) return {{5, 7}, {5, 9}};
  return {{3, 7}, {3, 11}};
}

struct PutCase {
  int w, h, bitdepth;
  int fx_set, fx_row, fy_set, fy_row;
  Rounding rnd;
  int pattern;
  uint32_t seed;
};

inline std::string Describe(const char* target, const PutCase& c) {
  char buf[256];
  std::snprintf(buf, sizeof(buf),
                "target=%s put w=%d h=%d bitdepth=%d filter_x=[%d][%d] filter_y=[%d][%d] "
                "round0=%d round1=%d src=%s seed=%u",
                target, c.w, c.h, c.bitdepth, c.fx_set, c.fx_row, c.fy_set, c.fy_row,
                c.rnd.round0, c.rnd.round1, SrcPatternName(c.pattern), c.seed);
  return buf;
}

template <typename Pixel>
bool RunPut(const char* target, McPutFn<Pixel> fn, McPutFn<Pixel> ref, const PutCase& c) {
  const int max = (1 << c.bitdepth) - 1;
  // Exactly the samples the kernel may read; extra stride padding only when
  // the seed says so (unaligned, larger strides).
  const ptrdiff_t src_stride = c.w + 7 + static_cast<int>(c.seed % 3) * 5;
  const int src_rows = c.h + 7;
  std::vector<Pixel> src(static_cast<size_t>(src_rows - 1) * src_stride + c.w + 7);
  std::mt19937 rng(c.seed);
  for (size_t k = 0; k < src.size(); ++k) {
    const int r = static_cast<int>(k / src_stride), x = static_cast<int>(k % src_stride);
    int v = 0;
    switch (c.pattern) {
      case kRandom: v = static_cast<int>(rng() & max); break;
      case kAllMax: v = max; break;
      case kAllZero: v = 0; break;
      case kChecker: v = ((r + x) & 1) ? max : 0; break;
      case kStripes: v = ((x >> 1) & 1) ? max : 0; break;
      case kRandomExtreme: v = (rng() & 1) ? max : 0; break;
    }
    src[k] = static_cast<Pixel>(v);
  }
  const Pixel* block = src.data() + 3 * src_stride + 3;
  const ptrdiff_t pred_stride = c.w + 2 * kGuard + static_cast<int>(c.seed % 2);
  const size_t pred_size = static_cast<size_t>(c.h + 2 * kGuard) * pred_stride;
  std::vector<int32_t> got(pred_size, kSentinel), want(pred_size, kSentinel);
  std::vector<int32_t> scratch(McScratchSize(), kSentinel);
  const int16_t* fx = Subpel_Filters[c.fx_set][c.fx_row];
  const int16_t* fy = Subpel_Filters[c.fy_set][c.fy_row];
  const size_t offset = static_cast<size_t>(kGuard) * pred_stride + kGuard;
  fn(got.data() + offset, pred_stride, block, src_stride, c.w, c.h, fx, fy, c.rnd.round0,
     c.rnd.round1, scratch.data());
  ref(want.data() + offset, pred_stride, block, src_stride, c.w, c.h, fx, fy, c.rnd.round0,
      c.rnd.round1, scratch.data());
  for (size_t k = 0; k < pred_size; ++k) {
    if (got[k] != want[k]) {
      const int i = static_cast<int>(k / pred_stride) - kGuard;
      const int j = static_cast<int>(k % pred_stride) - kGuard;
      const bool inside = i >= 0 && i < c.h && j >= 0 && j < c.w;
      ADD_FAILURE() << "pred mismatch at row " << i << " col " << j
                    << (inside ? " (in block)" : " (GUARD: stray write)") << ": simd=" << got[k]
                    << " ref=" << want[k] << " [" << Describe(target, c) << "]";
      return false;
    }
  }
  return true;
}

// The sizes the decoder passes: powers of two 2..128 (plus odd/other widths
// for robustness).
constexpr int kPow2Sizes[] = {2, 4, 8, 16, 32, 64, 128};

// Every filter row pair at a few sizes, every size with random rows, extreme
// patterns with the sharpest rows.  Returns the number of cases or -1.
template <typename Pixel>
int RunAllPut(const char* target, McPutFn<Pixel> fn, McPutFn<Pixel> ref, int bitdepth) {
  int count = 0;
  uint32_t seed = static_cast<uint32_t>(bitdepth * 100000);
  std::mt19937 rng(seed);
  const std::vector<Rounding> rnds = RoundingsFor(bitdepth);
  // 1. All Subpel_Filters rows in x and y (96 x 96), 8x8 and 4x4 (the 4-tap
  //    sets 4 and 5 are only used for sizes <= 4 but are tested everywhere).
  for (int fxs = 0; fxs < 6; ++fxs) {
    for (int fxr = 0; fxr < 16; ++fxr) {
      for (int fys = 0; fys < 6; ++fys) {
        for (int fyr = 0; fyr < 16; ++fyr) {
          const int sz = ((fxr + fyr) & 1) ? 4 : 8;
          const Rounding rnd = rnds[(fxs + fyr) & 1];
          const PutCase c{sz, sz, bitdepth, fxs, fxr, fys, fyr, rnd, kRandom, seed++};
          if (!RunPut(target, fn, ref, c)) return -1;
          count++;
        }
      }
    }
  }
  // 2. Every w x h the decoder uses (and every width 1..128 at a few
  //    heights), random filter rows including the integer row 0.
  auto random_case = [&](int w, int h, int pattern) {
    const int fxs = static_cast<int>(rng() % 6), fys = static_cast<int>(rng() % 6);
    const int fxr = (rng() % 4 == 0) ? 0 : static_cast<int>(rng() % 16);
    const int fyr = (rng() % 4 == 0) ? 0 : static_cast<int>(rng() % 16);
    const Rounding rnd = rnds[rng() % rnds.size()];
    return PutCase{w, h, bitdepth, fxs, fxr, fys, fyr, rnd, pattern, seed++};
  };
  for (int w : kPow2Sizes) {
    for (int h : kPow2Sizes) {
      for (int rep = 0; rep < 4; ++rep) {
        if (!RunPut(target, fn, ref, random_case(w, h, kRandom))) return -1;
        count++;
      }
    }
  }
  for (int w = 1; w <= kMcMaxBlock; ++w) {
    for (int h : {1, 2, 3, 5, 8, 17}) {
      if (!RunPut(target, fn, ref, random_case(w, h, kRandom))) return -1;
      count++;
    }
  }
  for (int h = 1; h <= kMcMaxBlock; ++h) {
    if (!RunPut(target, fn, ref, random_case(static_cast<int>(rng() % 40) + 1, h, kRandom))) {
      return -1;
    }
    count++;
  }
  // 3. Extreme pixels: every pattern, every filter set at its largest and
  //    sharpest rows, both roundings, all the special kinds (integer x / y).
  for (int p = 0; p < kNumSrc; ++p) {
    for (int fxs = 0; fxs < 6; ++fxs) {
      for (int fys = 0; fys < 6; ++fys) {
        for (int row : {0, 1, 4, 8, 12, 15}) {
          for (const Rounding& rnd : rnds) {
            for (int w : {4, 8, 16, 24, 32, 64}) {
              const int h = (w == 64) ? 8 : w;
              const PutCase c{w, h, bitdepth, fxs, row, fys, (row * 7) & 15, rnd, p, seed++};
              if (!RunPut(target, fn, ref, c)) return -1;
              count++;
            }
          }
        }
      }
    }
  }
  return count;
}

// ---------------------------------------------------------------------------
// write / avg / dist.

enum Op { kWrite, kAvg, kDist };

struct FinalCase {
  int op, w, h, bitdepth, post_round, fwd, bck;
  int32_t lo, hi;  // pred value range
  uint32_t seed;
};

inline std::string Describe(const char* target, const FinalCase& c) {
  static const char* names[] = {"write", "avg", "dist"};
  char buf[256];
  std::snprintf(buf, sizeof(buf),
                "target=%s %s w=%d h=%d bitdepth=%d post_round=%d fwd=%d bck=%d "
                "pred=[%d,%d] seed=%u",
                target, names[c.op], c.w, c.h, c.bitdepth, c.post_round, c.fwd, c.bck, c.lo,
                c.hi, c.seed);
  return buf;
}

template <typename Pixel>
bool RunFinal(const char* target, const McTable<Pixel>& t, const McTable<Pixel>& r,
              const FinalCase& c) {
  std::mt19937 rng(c.seed);
  const ptrdiff_t pred_stride = c.w + static_cast<int>(c.seed % 3);
  std::vector<int32_t> p0(static_cast<size_t>(c.h) * pred_stride);
  std::vector<int32_t> p1(p0.size());
  std::uniform_int_distribution<int32_t> dist(c.lo, c.hi);
  for (auto& v : p0) v = dist(rng);
  for (auto& v : p1) v = dist(rng);
  const ptrdiff_t dst_stride = c.w + 2 * kGuard + static_cast<int>(c.seed % 2);
  const size_t dst_size = static_cast<size_t>(c.h + 2 * kGuard) * dst_stride;
  std::vector<Pixel> got(dst_size), want(dst_size);
  for (size_t k = 0; k < dst_size; ++k) got[k] = want[k] = static_cast<Pixel>(rng());
  const size_t offset = static_cast<size_t>(kGuard) * dst_stride + kGuard;
  switch (c.op) {
    case kWrite:
      t.write(got.data() + offset, dst_stride, p0.data(), pred_stride, c.w, c.h, c.post_round,
              c.bitdepth);
      r.write(want.data() + offset, dst_stride, p0.data(), pred_stride, c.w, c.h, c.post_round,
              c.bitdepth);
      break;
    case kAvg:
      t.avg(got.data() + offset, dst_stride, p0.data(), p1.data(), pred_stride, c.w, c.h,
            c.post_round, c.bitdepth);
      r.avg(want.data() + offset, dst_stride, p0.data(), p1.data(), pred_stride, c.w, c.h,
            c.post_round, c.bitdepth);
      break;
    case kDist:
      t.dist(got.data() + offset, dst_stride, p0.data(), p1.data(), pred_stride, c.w, c.h,
             c.fwd, c.bck, c.post_round, c.bitdepth);
      r.dist(want.data() + offset, dst_stride, p0.data(), p1.data(), pred_stride, c.w, c.h,
             c.fwd, c.bck, c.post_round, c.bitdepth);
      break;
  }
  for (size_t k = 0; k < dst_size; ++k) {
    if (got[k] != want[k]) {
      const int i = static_cast<int>(k / dst_stride) - kGuard;
      const int j = static_cast<int>(k % dst_stride) - kGuard;
      const bool inside = i >= 0 && i < c.h && j >= 0 && j < c.w;
      ADD_FAILURE() << "dst mismatch at row " << i << " col " << j
                    << (inside ? " (in block)" : " (GUARD: stray write)")
                    << ": simd=" << int{got[k]} << " ref=" << int{want[k]} << " ["
                    << Describe(target, c) << "]";
      return false;
    }
  }
  return true;
}

template <typename Pixel>
int RunAllFinal(const char* target, const McTable<Pixel>& t, const McTable<Pixel>& r,
                int bitdepth) {
  int count = 0;
  uint32_t seed = static_cast<uint32_t>(bitdepth * 7777);
  std::mt19937 rng(seed);
  // post_round: 0 (single), 14 - round0 - 7 (compound: 4, or 2 at 12-bit).
  const int compound_post = bitdepth == 12 ? 2 : 4;
  // Pred ranges: the decoder's (|pred| < 2^18 covers every put output), plus
  // values around the clip limits.
  const int32_t range_hi = 1 << 18;
  const int32_t pix_hi = ((1 << bitdepth) + 64) << compound_post;
  const int32_t ranges[][2] = {{-range_hi, range_hi}, {-64, pix_hi}, {0, 0}, {-1, 1}};
  const int weights[][2] = {{9, 7}, {7, 9}, {11, 5}, {5, 11}, {12, 4},
                            {4, 12}, {13, 3}, {3, 13}, {16, 0}, {0, 16}};
  for (int op : {kWrite, kAvg, kDist}) {
    for (int w = 1; w <= kMcMaxBlock; ++w) {
      for (int h : {1, 2, 4, 7}) {
        for (const auto& range : ranges) {
          for (int post_round : {0, compound_post}) {
            const auto& wt = weights[rng() % 10];
            const FinalCase c{op, w, h, bitdepth, post_round, wt[0], wt[1],
                              range[0], range[1], seed++};
            if (!RunFinal(target, t, r, c)) return -1;
            count++;
          }
        }
      }
    }
    for (int w : kPow2Sizes) {
      for (int h : kPow2Sizes) {
        const auto& wt = weights[rng() % 10];
        const FinalCase c{op, w, h, bitdepth, (op == kWrite) ? 0 : compound_post, wt[0], wt[1],
                          -range_hi, range_hi, seed++};
        if (!RunFinal(target, t, r, c)) return -1;
        count++;
      }
    }
  }
  return count;
}

}  // namespace mc_test
}  // namespace hav1
#endif  // HAV1_MC_TEST_ONCE_

HWY_BEFORE_NAMESPACE();
namespace hav1 {
namespace HWY_NAMESPACE {

// Tables through the real entry point, capped at the target under test.
void GetTables(DspTables* tables, DspTables* ref, const char** target) {
  *target = hwy::TargetName(HWY_TARGET);
  const char* chosen = nullptr;
  const Status st = InitDspTables(*target, tables, &chosen);
  ASSERT_TRUE(st.ok()) << st.message();
  ASSERT_STREQ(chosen, *target) << "InitDspTables did not pick the target under test";
  FillMcTablesRef(&ref->mc);
}

void TestMcPutMatchesReference() {
  DspTables tables, ref;
  const char* target = nullptr;
  GetTables(&tables, &ref, &target);
  if (::testing::Test::HasFatalFailure()) return;
#if HWY_TARGET != HWY_SCALAR
  EXPECT_NE(tables.mc.lowbd.put, ref.mc.lowbd.put);
  EXPECT_NE(tables.mc.highbd.put, ref.mc.highbd.put);
#endif
  int cases = 0;
  int n = mc_test::RunAllPut<uint8_t>(target, tables.mc.lowbd.put, ref.mc.lowbd.put, 8);
  ASSERT_GE(n, 0);
  cases += n;
  for (int bitdepth : {10, 12}) {
    n = mc_test::RunAllPut<uint16_t>(target, tables.mc.highbd.put, ref.mc.highbd.put,
                                     bitdepth);
    ASSERT_GE(n, 0);
    cases += n;
  }
  std::fprintf(stderr, "[simd] mc put target %s: %d cases, all bit-exact\n", target, cases);
}

void TestMcWriteAvgDistMatchReference() {
  DspTables tables, ref;
  const char* target = nullptr;
  GetTables(&tables, &ref, &target);
  if (::testing::Test::HasFatalFailure()) return;
#if HWY_TARGET != HWY_SCALAR
  EXPECT_NE(tables.mc.lowbd.write, ref.mc.lowbd.write);
  EXPECT_NE(tables.mc.highbd.avg, ref.mc.highbd.avg);
  EXPECT_NE(tables.mc.highbd.dist, ref.mc.highbd.dist);
#endif
  int cases = 0;
  int n = mc_test::RunAllFinal<uint8_t>(target, tables.mc.lowbd, ref.mc.lowbd, 8);
  ASSERT_GE(n, 0);
  cases += n;
  for (int bitdepth : {8, 10, 12}) {
    n = mc_test::RunAllFinal<uint16_t>(target, tables.mc.highbd, ref.mc.highbd, bitdepth);
    ASSERT_GE(n, 0);
    cases += n;
  }
  std::fprintf(stderr, "[simd] mc write/avg/dist target %s: %d cases, all bit-exact\n", target,
               cases);
}

}  // namespace HWY_NAMESPACE
}  // namespace hav1
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace hav1 {
HWY_BEFORE_TEST(McTargetTest);
HWY_EXPORT_AND_TEST_P(McTargetTest, TestMcPutMatchesReference);
HWY_EXPORT_AND_TEST_P(McTargetTest, TestMcWriteAvgDistMatchReference);
}  // namespace hav1
#endif
