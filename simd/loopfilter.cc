// Highway deblocking filter kernels: 7.14.6 sample filtering process for one
// edge segment of 4 lines (7.14.6.2 filter mask, 7.14.6.3 narrow filter,
// 7.14.6.4 wide filter), every filter length (4, 6, 8, 16), both edge
// directions, lowbd and highbd.
//
// Layout: the 4 lines of a segment are the 4 int32 lanes of a vector
// (FixedTag<int32_t, 4>, valid on every target); one vector per sample
// position across the edge ("column": c[ R + k ] holds position k, k = 0 is
// q0, k = -1 is p0).  The filter then runs ACROSS vectors, all 4 lines at
// once, with per-lane masks for filterMask / hevMask / flat / flat2.
//   Horizontal edge (pass 1): a column is 4 consecutive pixels of one row:
//     a plain load (+ widen) and store (+ narrow).
//   Vertical edge (pass 0): the lines are rows; 32-bit "words" (4 8-bit or
//     2 16-bit pixels) of the 4 rows are gathered into one u32x4 vector and
//     columns are extracted by shift + mask (a register transpose); results
//     are packed back into words and written per row.
// Only the samples the reference reads (p( n - 1 ) .. q( n - 1 )) are read and
// only the samples the filter can modify are written (unmodified lanes are
// written back with their own value).  int32 lanes: no overflow for any
// bit depth (wide-filter sums < 16 * 4096).
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "simd/loopfilter.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
#include "hwy/highway.h"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <type_traits>

#include "src/dsp/loopfilter.h"

HWY_BEFORE_NAMESPACE();
namespace hav1 {
namespace HWY_NAMESPACE {
namespace {

namespace hn = hwy::HWY_NAMESPACE;

#if HWY_TARGET != HWY_SCALAR

using D = hn::FixedTag<int32_t, 4>;
using DU = hn::FixedTag<uint32_t, 4>;
using V = hn::Vec<D>;
using M = hn::Mask<D>;

// Per filter length (table index): how many samples each side are read
// (n of 7.14.6.2: p( n - 1 ) .. q( n - 1 )) and can be modified.
template <int kLen>
struct LenInfo {
  static constexpr int kReach = kLen == kLf4 ? 2 : kLen == kLf6 ? 3 : kLen == kLf8 ? 4 : 7;
  static constexpr int kModify = kLen == kLf4 ? 2 : kLen == kLf6 ? 2 : kLen == kLf8 ? 3 : 6;
};

HWY_INLINE V AbsDiff(V a, V b) { return hn::Abs(hn::Sub(a, b)); }
HWY_INLINE V Clamp(V x, V lo, V hi) { return hn::Min(hn::Max(x, lo), hi); }

// 7.14.6.4 wide filter for log2Size, n, n2: out[ i + n ] = F[ i ] for
// i = -n .. n - 1.  at(k) = c[ kR + k ].  Sliding window over the taps
// (weight 1 for |j| <= n, +1 more for |j| <= n2).
template <int kR, int kN, int kN2, int kLog2>
HWY_INLINE void WideFilter(const V* c, V* out) {
  auto at = [c](int k) { return c[kR + k]; };
  auto clip = [](int k) { return k < -(kN + 1) ? -(kN + 1) : (k > kN ? kN : k); };
  const D d;
  V s = hn::Zero(d);
#pragma GCC unroll 16
  for (int j = -kN; j <= kN; j++) s = hn::Add(s, at(clip(-kN + j)));
  const V round = hn::Set(d, 1 << (kLog2 - 1));
#pragma GCC unroll 16
  for (int i = -kN; i < kN; i++) {
    V t = hn::Add(s, round);
#pragma GCC unroll 4
    for (int j = -kN2; j <= kN2; j++) t = hn::Add(t, at(i + j));
    out[i + kN] = hn::ShiftRight<kLog2>(t);
    s = hn::Add(s, hn::Sub(at(clip(i + kN + 1)), at(clip(i - kN))));
  }
}

// 7.14.6 for the 4 lines in c[] (c[ kReach + k ] = position k).  Replaces
// c[ kReach + k ] for k = -kModify .. kModify - 1 with the filtered samples
// (unfiltered lanes keep their value).  Returns how many samples each side
// may have changed: 0 (no line filtered), 2 (narrow filter only) or kModify.
template <int kLen>
HWY_INLINE int FilterColumns(V* c, int limit, int blimit, int thresh, int bitdepth) {
  constexpr int R = LenInfo<kLen>::kReach;
  const D d;
  auto at = [c](int k) -> V { return c[R + k]; };
  const int shift = bitdepth - 8;
  const V p0 = at(-1), p1 = at(-2), q0 = at(0), q1 = at(1);
  // 7.14.6.2 filter mask process.
  const V lim = hn::Set(d, limit << shift);
  const V ad_p1p0 = AbsDiff(p1, p0), ad_q1q0 = AbsDiff(q1, q0);
  const V thr = hn::Set(d, thresh << shift);
  const M hev = hn::Or(hn::Gt(ad_p1p0, thr), hn::Gt(ad_q1q0, thr));
  const V ad_p0q0 = AbsDiff(p0, q0);
  M off = hn::Or(hn::Gt(hn::Max(ad_p1p0, ad_q1q0), lim),
                 hn::Gt(hn::Add(hn::Add(ad_p0q0, ad_p0q0), hn::ShiftRight<1>(AbsDiff(p1, q1))),
                        hn::Set(d, blimit << shift)));
  V p2 = p0, q2 = q0, p3 = p0, q3 = q0;
  if constexpr (kLen != kLf4) {
    p2 = at(-3);
    q2 = at(2);
    off = hn::Or(off, hn::Gt(hn::Max(AbsDiff(p2, p1), AbsDiff(q2, q1)), lim));
  }
  if constexpr (kLen == kLf8 || kLen == kLf16) {
    p3 = at(-4);
    q3 = at(3);
    off = hn::Or(off, hn::Gt(hn::Max(AbsDiff(p3, p2), AbsDiff(q3, q2)), lim));
  }
  const M on = hn::Not(off);
  if (hn::AllFalse(d, on)) return 0;

  // 7.14.6.3 narrow filter process.
  const V lo = hn::Set(d, -(1 << (bitdepth - 1)));
  const V hi = hn::Set(d, (1 << (bitdepth - 1)) - 1);
  const V offv = hn::Set(d, 0x80 << shift);
  const V ps1 = hn::Sub(p1, offv), ps0 = hn::Sub(p0, offv);
  const V qs0 = hn::Sub(q0, offv), qs1 = hn::Sub(q1, offv);
  V filter = hn::IfThenElseZero(hev, Clamp(hn::Sub(ps1, qs1), lo, hi));
  const V dq = hn::Sub(qs0, ps0);
  filter = Clamp(hn::Add(filter, hn::Add(dq, hn::Add(dq, dq))), lo, hi);
  const V filter1 = hn::ShiftRight<3>(Clamp(hn::Add(filter, hn::Set(d, 4)), lo, hi));
  const V filter2 = hn::ShiftRight<3>(Clamp(hn::Add(filter, hn::Set(d, 3)), lo, hi));
  const V nq0 = hn::Add(Clamp(hn::Sub(qs0, filter1), lo, hi), offv);
  const V np0 = hn::Add(Clamp(hn::Add(ps0, filter2), lo, hi), offv);
  const V f3 = hn::ShiftRight<1>(hn::Add(filter1, hn::Set(d, 1)));
  const V nq1 = hn::IfThenElse(hev, q1, hn::Add(Clamp(hn::Sub(qs1, f3), lo, hi), offv));
  const V np1 = hn::IfThenElse(hev, p1, hn::Add(Clamp(hn::Add(ps1, f3), lo, hi), offv));

  if constexpr (kLen == kLf4) {
    c[R - 2] = hn::IfThenElse(on, np1, p1);
    c[R - 1] = hn::IfThenElse(on, np0, p0);
    c[R + 0] = hn::IfThenElse(on, nq0, q0);
    c[R + 1] = hn::IfThenElse(on, nq1, q1);
    return 2;
  } else {
    // flat (filterSize >= 8).
    const V flat_th = hn::Set(d, 1 << shift);
    V fm = hn::Max(hn::Max(ad_p1p0, ad_q1q0), hn::Max(AbsDiff(p2, p0), AbsDiff(q2, q0)));
    if constexpr (kLen != kLf6) {
      fm = hn::Max(fm, hn::Max(AbsDiff(p3, p0), AbsDiff(q3, q0)));
    }
    const M flat = hn::And(on, hn::Not(hn::Gt(fm, flat_th)));
    const M narrow = hn::AndNot(flat, on);  // on && !flat
    constexpr int kMod = LenInfo<kLen>::kModify;
    V res[2 * kMod];
    for (int k = -kMod; k < kMod; k++) res[k + kMod] = at(k);
    res[kMod - 2] = hn::IfThenElse(narrow, np1, p1);
    res[kMod - 1] = hn::IfThenElse(narrow, np0, p0);
    res[kMod + 0] = hn::IfThenElse(narrow, nq0, q0);
    res[kMod + 1] = hn::IfThenElse(narrow, nq1, q1);
    if (hn::AllFalse(d, flat)) {
      for (int k = -2; k < 2; k++) c[R + k] = res[k + kMod];
      return 2;
    }
    {
      if constexpr (kLen == kLf6) {
        V w[4];
        WideFilter<R, 2, 1, 3>(c, w);
        for (int k = 0; k < 4; k++) res[k] = hn::IfThenElse(flat, w[k], res[k]);
      } else if constexpr (kLen == kLf8) {
        V w[6];
        WideFilter<R, 3, 0, 3>(c, w);
        for (int k = 0; k < 6; k++) res[k] = hn::IfThenElse(flat, w[k], res[k]);
      } else {
        // flat2 (filterSize 16): positions 4 .. 6 each side.
        V f2m = hn::Zero(d);
        for (int k = 4; k <= 6; k++) {
          f2m = hn::Max(f2m, hn::Max(AbsDiff(at(-k - 1), p0), AbsDiff(at(k), q0)));
        }
        const M flat2 = hn::And(flat, hn::Not(hn::Gt(f2m, flat_th)));
        const M flat8 = hn::AndNot(flat2, flat);  // flat && !flat2
        if (!hn::AllFalse(d, flat8)) {
          V w[6];
          WideFilter<R, 3, 0, 3>(c, w);
          for (int k = 0; k < 6; k++) res[k + 3] = hn::IfThenElse(flat8, w[k], res[k + 3]);
        }
        if (!hn::AllFalse(d, flat2)) {
          V w[12];
          WideFilter<R, 6, 1, 4>(c, w);
          for (int k = 0; k < 12; k++) res[k] = hn::IfThenElse(flat2, w[k], res[k]);
        }
      }
    }
    for (int k = -kMod; k < kMod; k++) c[R + k] = res[k + kMod];
    return kMod;
  }
}

// Horizontal edge (pass 1): line i is dst + i, position k is row k.
template <typename Pixel, int kLen>
void LoopFilterHorizontal(Pixel* dst, ptrdiff_t stride, int limit, int blimit, int thresh,
                          int bitdepth) {
  constexpr int R = LenInfo<kLen>::kReach;
  constexpr int kMod = LenInfo<kLen>::kModify;
  const D d;
  const hn::Rebind<Pixel, D> dp;
  V c[2 * R];
  for (int k = -R; k < R; k++) c[R + k] = hn::PromoteTo(d, hn::LoadU(dp, dst + k * stride));
  const int m = FilterColumns<kLen>(c, limit, blimit, thresh, bitdepth);
  if (m == 0) return;
  auto store = [&](auto mod) {
    for (int k = -mod.value; k < mod.value; k++) {
      hn::StoreU(hn::DemoteTo(dp, c[R + k]), dp, dst + k * stride);
    }
  };
  if (m == 2) {
    store(std::integral_constant<int, 2>());
  } else {
    store(std::integral_constant<int, kMod>());
  }
}

// Words of 4 bytes: kPer pixels each.  Word w of a span [ kFirst, kLast ]
// starts at kFirst + w * kPer, the last one at kLast - kPer + 1 (overlap).
template <typename Pixel>
struct Words {
  static constexpr int kPer = 4 / static_cast<int>(sizeof(Pixel));
  static constexpr int kBits = 8 * static_cast<int>(sizeof(Pixel));
  static constexpr int Count(int first, int last) { return (last - first + kPer) / kPer; }
  static constexpr int Start(int first, int last, int w) {
    return w == Count(first, last) - 1 ? last - kPer + 1 : first + w * kPer;
  }
};

// The 4 bytes at p + r * stride (r = 0..3) as lane r of a u32 vector (one
// gather; measured no slower than scalar loads + blends on Zen 4).
template <typename Pixel>
HWY_INLINE hn::Vec<DU> LoadRowWords(const Pixel* p, ptrdiff_t stride) {
  const DU du;
  const hn::RebindToSigned<DU> di;
  const int32_t sb = static_cast<int32_t>(stride * static_cast<ptrdiff_t>(sizeof(Pixel)));
  const hn::Vec<decltype(di)> offsets = hn::Mul(hn::Iota(di, 0), hn::Set(di, sb));
  return hn::GatherOffset(du, reinterpret_cast<const uint32_t*>(p), offsets);
}

// Writes positions -kMod .. kMod - 1 of c[] back to the 4 rows (words of
// W::kPer pixels, the last one overlapping).
template <typename Pixel, int R, int kMod>
HWY_INLINE void StoreRowWords(const V* c, Pixel* dst, ptrdiff_t stride) {
  using W = Words<Pixel>;
  const DU du;
  constexpr int kOutWords = W::Count(-kMod, kMod - 1);
  alignas(16) uint32_t lanes[4];
#pragma GCC unroll 8
  for (int w = 0; w < kOutWords; w++) {
    const int start = W::Start(-kMod, kMod - 1, w);
    hn::Vec<DU> word = hn::BitCast(du, c[R + start]);
#pragma GCC unroll 4
    for (int o = 1; o < W::kPer; o++) {
      word = hn::Or(word, hn::ShiftLeftSame(hn::BitCast(du, c[R + start + o]), o * W::kBits));
    }
    hn::Store(word, du, lanes);
    for (int i = 0; i < 4; i++) std::memcpy(dst + i * stride + start, &lanes[i], 4);
  }
}

// Vertical edge (pass 0): line i is row i, position k is dst[ k ] of the row.
template <typename Pixel, int kLen>
void LoopFilterVertical(Pixel* dst, ptrdiff_t stride, int limit, int blimit, int thresh,
                        int bitdepth) {
  constexpr int R = LenInfo<kLen>::kReach;
  constexpr int kMod = LenInfo<kLen>::kModify;
  using W = Words<Pixel>;
  const D d;
  const DU du;
  const hn::Vec<DU> pix_mask = hn::Set(du, (1u << W::kBits) - 1);
  V c[2 * R];
  // Gather the words covering positions -R .. R - 1 and split them.
  constexpr int kInWords = W::Count(-R, R - 1);
#pragma GCC unroll 8
  for (int w = 0; w < kInWords; w++) {
    const int start = W::Start(-R, R - 1, w);
    const hn::Vec<DU> word = LoadRowWords(dst + start, stride);
#pragma GCC unroll 4
    for (int o = 0; o < W::kPer; o++) {
      hn::Vec<DU> v = word;
      if (o > 0) v = hn::ShiftRightSame(v, o * W::kBits);
      if (o < W::kPer - 1) v = hn::And(v, pix_mask);
      c[R + start + o] = hn::BitCast(d, v);
    }
  }
  const int m = FilterColumns<kLen>(c, limit, blimit, thresh, bitdepth);
  if (m == 0) return;
  if (m == 2) {
    StoreRowWords<Pixel, R, 2>(c, dst, stride);
  } else {
    StoreRowWords<Pixel, R, kMod>(c, dst, stride);
  }
}

template <typename Pixel>
void FillPixel(LoopFilterTable<Pixel>* t) {
  t->edge[0][kLf4] = LoopFilterVertical<Pixel, kLf4>;
  t->edge[0][kLf6] = LoopFilterVertical<Pixel, kLf6>;
  t->edge[0][kLf8] = LoopFilterVertical<Pixel, kLf8>;
  t->edge[0][kLf16] = LoopFilterVertical<Pixel, kLf16>;
  t->edge[1][kLf4] = LoopFilterHorizontal<Pixel, kLf4>;
  t->edge[1][kLf6] = LoopFilterHorizontal<Pixel, kLf6>;
  t->edge[1][kLf8] = LoopFilterHorizontal<Pixel, kLf8>;
  t->edge[1][kLf16] = LoopFilterHorizontal<Pixel, kLf16>;
}

#endif  // HWY_TARGET != HWY_SCALAR

}  // namespace

// Fills the entries this target implements (HWY_SCALAR: none, the reference
// kernels stay).
void FillLoopFilterTables(LoopFilterTables* tables) {
#if HWY_TARGET != HWY_SCALAR
  FillPixel(&tables->lowbd);
  FillPixel(&tables->highbd);
#else
  (void)tables;
#endif
}

}  // namespace HWY_NAMESPACE
}  // namespace hav1
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
#include "simd/loopfilter.h"
#include "simd/target_select.h"

namespace hav1 {

HWY_EXPORT(FillLoopFilterTables);

bool FillLoopFilterTablesForTarget(int64_t target, LoopFilterTables* tables) {
  const auto fill = HwyTableEntryForTarget(HWY_DISPATCH_TABLE(FillLoopFilterTables), target);
  if (fill == nullptr) return false;
  fill(tables);
  return true;
}

}  // namespace hav1
#endif  // HWY_ONCE
