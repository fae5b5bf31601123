// Highway motion compensation kernels (src/dsp/mc.h): the unscaled separable
// filter of 7.11.3.4 (put) and the final writes of 7.11.3.1 (write, avg,
// dist).  put_scaled keeps the reference kernel.
//
// put works on vertical strips of kW = 16 (256-bit targets), 8 or 4 columns.
// For each strip:
//   1. horizontal pass (7.11.3.4 first loop) into a small int16 array `mid`
//      (kW columns per row), only for the rows the vertical filter reads;
//   2. vertical pass (second loop) from `mid` into pred (int32).
// Both passes multiply int16 pairs into int32 sums (ReorderWidenMulAccumulate
// = pmaddwd on x86): the horizontal pass pairs adjacent pixels, giving the
// even and the odd output columns in separate int32 vectors that are merged
// back as int16 (OddEven of the low halves: in order for any vector width);
// the vertical pass pairs two interleaved mid rows.
// Sums are exact int32 and Round2 is (x + half) >> n with an arithmetic
// shift, exactly as the reference.  The int16 intermediate holds the spec's
// intermediate exactly: with the decoder's rounding (7.11.3.2: InterRound0 = 3
// for 8/10-bit, 5 for 12-bit) and pixels < 1 << BitDepth its magnitude stays
// below 184 * 4095 / 32 < 2^15 (184 = largest positive tap sum of
// Subpel_Filters).  Callers must keep that pairing (the decoder does).
//
// Filter rows are classified at run time: the integer position
// {0,0,0,128,0,0,0,0} is a shift (no multiply; a vertical identity also
// skips the 6 extra intermediate rows), rows with taps 0 and 7 zero
// (EIGHTTAP, SMOOTH) use 3 pairs, rows with taps 0,1,6,7 zero (the 4-tap sets
// for w/h <= 4, BILINEAR) use 2 pairs, the rest (SHARP) 4 pairs.
//
// write / avg / dist: int32 lanes, Round2, then Clip1: for 8-bit the
// saturating int32 -> int16 -> uint8 packs (16 pixels per step), for 10/12-bit
// Min/Max and the demotion to uint16.  dist computes
// fwd * p0 + bck * p1 in int32 (the reference uses int64): identical for
// |pred| < 2^26, which holds for every pred of put (|pred| < 2^18).
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "simd/mc.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
#include "hwy/highway.h"

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "src/common/intops.h"
#include "src/dsp/mc.h"

HWY_BEFORE_NAMESPACE();
namespace hav1 {
namespace HWY_NAMESPACE {
namespace {

namespace hn = hwy::HWY_NAMESPACE;

#if HWY_TARGET != HWY_SCALAR

// 256-bit strips where vectors have 2 x 128-bit blocks (AVX2, AVX-512 with
// 256-bit tags); the vertical pass reorders its per-block results for them.
#if HWY_ARCH_X86 && HWY_TARGET <= HWY_AVX2
#define HAV1_MC_WIDE 1
constexpr bool kHaveWideStrips = true;
#else
#define HAV1_MC_WIDE 0
constexpr bool kHaveWideStrips = false;
#endif

template <int kW>
using D16 = hn::FixedTag<int16_t, kW>;
template <int kW>
using D32 = hn::FixedTag<int32_t, kW / 2>;

// Filter row kinds (see the header comment).
enum FilterKind : int { kIdentity = 0, kTaps4, kTaps6, kTaps8 };

constexpr int FirstTap(int kind) { return kind == kTaps4 ? 2 : kind == kTaps6 ? 1 : 0; }
constexpr int NumPairs(int kind) { return kind == kTaps4 ? 2 : kind == kTaps6 ? 3 : 4; }

int ClassifyFilter(const int16_t* f) {
  if (f[0] == 0 && f[7] == 0) {
    if (f[1] == 0 && f[6] == 0) {
      if (f[2] == 0 && f[3] == 128 && f[4] == 0 && f[5] == 0) return kIdentity;
      return kTaps4;
    }
    return kTaps6;
  }
  return kTaps8;
}

// kW pixels as int16 (8-bit zero-extended, 10/12-bit reinterpreted).
template <int kW, typename Pixel>
HWY_INLINE hn::Vec<D16<kW>> LoadPixels(const Pixel* p) {
  const D16<kW> d;
  if constexpr (sizeof(Pixel) == 1) {
    const hn::Rebind<uint8_t, D16<kW>> d8;
    return hn::PromoteTo(d, hn::LoadU(d8, p));
  } else {
    const hn::Rebind<uint16_t, D16<kW>> du;
    return hn::BitCast(d, hn::LoadU(du, p));
  }
}

// The tap pair (f[t], f[t + 1]) in every 32-bit lane, as int16 lanes.
template <int kW>
HWY_INLINE hn::Vec<D16<kW>> TapPair(const int16_t* f, int t) {
  const D32<kW> d32;
  const uint32_t lo = static_cast<uint16_t>(f[t]);
  const uint32_t hi = static_cast<uint16_t>(f[t + 1]);
  return hn::BitCast(D16<kW>(), hn::Set(d32, static_cast<int32_t>(lo | (hi << 16))));
}

// 7.11.3.4 horizontal filter of the intermediate rows [r0, r1) of one strip:
// mid[ r ][ c ] = Round2( sum filter[ t ] * ref[ r - 3 ][ c + t - 3 ], round0 ).
template <int kW, int kKind, typename Pixel>
HWY_NOINLINE void FilterRows(int16_t* mid, const Pixel* src, ptrdiff_t stride, int r0,
                             int r1, const int16_t* f, int round0) {
  const D16<kW> d16;
  const D32<kW> d32;
  if constexpr (kKind == kIdentity) {
    // Round2( 128 * p, round0 ) = p << ( 7 - round0 ) exactly.
    const int shift = 7 - round0;
    for (int r = r0; r < r1; ++r) {
      const Pixel* row = src + (r - 3) * stride;
      hn::Store(hn::ShiftLeftSame(LoadPixels<kW>(row), shift), d16, mid + r * kW);
    }
  } else {
    constexpr int kT0 = FirstTap(kKind);
    constexpr int kPairs = NumPairs(kKind);
    hn::Vec<D16<kW>> taps[kPairs];
    HWY_UNROLL(4)
    for (int i = 0; i < kPairs; ++i) taps[i] = TapPair<kW>(f, kT0 + 2 * i);
    const auto half = hn::Set(d32, int32_t{1} << (round0 - 1));
    for (int r = r0; r < r1; ++r) {
      const Pixel* row = src + (r - 3) * stride - 3 + kT0;
      // Even output columns 2k pair ref[ 2k + t - 3 ], ref[ 2k + t - 2 ]
      // (the load at offset t); odd columns the load at offset t + 1.
      auto even = half, odd = half;
      auto even1 = hn::Zero(d32), odd1 = hn::Zero(d32);
      HWY_UNROLL(4)
      for (int i = 0; i < kPairs; ++i) {
        even = hn::ReorderWidenMulAccumulate(d32, LoadPixels<kW>(row + 2 * i), taps[i], even,
                                             even1);
        odd = hn::ReorderWidenMulAccumulate(d32, LoadPixels<kW>(row + 2 * i + 1), taps[i],
                                            odd, odd1);
      }
      even = hn::ShiftRightSame(hn::RearrangeToOddPlusEven(even, even1), round0);
      odd = hn::ShiftRightSame(hn::RearrangeToOddPlusEven(odd, odd1), round0);
      // int16 lane 2k = even[ k ], lane 2k + 1 = odd[ k ] (values fit int16).
      const auto merged =
          hn::OddEven(hn::BitCast(d16, hn::ShiftLeft<16>(odd)), hn::BitCast(d16, even));
      hn::Store(merged, d16, mid + r * kW);
    }
  }
}

// 7.11.3.4 vertical filter of one strip:
// pred[ r ][ c ] = Round2( sum filter[ t ] * mid[ r + t ][ c ], round1 ).
template <int kW, int kKind>
HWY_NOINLINE void FilterCols(int32_t* pred, ptrdiff_t pred_stride, const int16_t* mid, int h,
                             const int16_t* f, int round1) {
  const D16<kW> d16;
  const D32<kW> d32;
  const auto half = hn::Set(d32, int32_t{1} << (round1 - 1));
  if constexpr (kKind == kIdentity) {
    (void)f;
    const hn::Rebind<int16_t, D32<kW>> d16h;
    for (int r = 0; r < h; ++r) {
      const int16_t* m = mid + (r + 3) * kW;
      int32_t* out = pred + r * pred_stride;
      for (int j = 0; j < 2; ++j) {
        const auto v = hn::ShiftLeft<7>(hn::PromoteTo(d32, hn::LoadU(d16h, m + j * kW / 2)));
        hn::StoreU(hn::ShiftRightSame(hn::Add(v, half), round1), d32, out + j * kW / 2);
      }
    }
  } else {
    constexpr int kT0 = FirstTap(kKind);
    constexpr int kPairs = NumPairs(kKind);
    hn::Vec<D16<kW>> taps[kPairs];
    HWY_UNROLL(4)
    for (int i = 0; i < kPairs; ++i) taps[i] = TapPair<kW>(f, kT0 + 2 * i);
    for (int r = 0; r < h; ++r) {
      const int16_t* m = mid + (r + kT0) * kW;
      auto lo = half, hi = half;
      auto lo1 = hn::Zero(d32), hi1 = hn::Zero(d32);
      HWY_UNROLL(4)
      for (int i = 0; i < kPairs; ++i) {
        const auto a = hn::Load(d16, m + (2 * i) * kW);
        const auto b = hn::Load(d16, m + (2 * i + 1) * kW);
        lo = hn::ReorderWidenMulAccumulate(d32, hn::InterleaveLower(d16, a, b), taps[i], lo,
                                           lo1);
        hi = hn::ReorderWidenMulAccumulate(d32, hn::InterleaveUpper(d16, a, b), taps[i], hi,
                                           hi1);
      }
      lo = hn::ShiftRightSame(hn::RearrangeToOddPlusEven(lo, lo1), round1);
      hi = hn::ShiftRightSame(hn::RearrangeToOddPlusEven(hi, hi1), round1);
      int32_t* out = pred + r * pred_stride;
      if constexpr (kW == 16) {
        // Per 128-bit block: lo = columns 0-3 | 8-11, hi = 4-7 | 12-15.
        hn::StoreU(hn::ConcatLowerLower(d32, hi, lo), d32, out);
        hn::StoreU(hn::ConcatUpperUpper(d32, hi, lo), d32, out + 8);
      } else {
        hn::StoreU(lo, d32, out);
        hn::StoreU(hi, d32, out + kW / 2);
      }
    }
  }
}

template <int kW, typename Pixel>
void FilterRowsKind(int kind, int16_t* mid, const Pixel* src, ptrdiff_t stride, int r0, int r1,
                    const int16_t* f, int round0) {
  switch (kind) {
    case kIdentity: return FilterRows<kW, kIdentity>(mid, src, stride, r0, r1, f, round0);
    case kTaps4: return FilterRows<kW, kTaps4>(mid, src, stride, r0, r1, f, round0);
    case kTaps6: return FilterRows<kW, kTaps6>(mid, src, stride, r0, r1, f, round0);
    default: return FilterRows<kW, kTaps8>(mid, src, stride, r0, r1, f, round0);
  }
}

template <int kW>
void FilterColsKind(int kind, int32_t* pred, ptrdiff_t pred_stride, const int16_t* mid, int h,
                    const int16_t* f, int round1) {
  switch (kind) {
    case kIdentity: return FilterCols<kW, kIdentity>(pred, pred_stride, mid, h, f, round1);
    case kTaps4: return FilterCols<kW, kTaps4>(pred, pred_stride, mid, h, f, round1);
    case kTaps6: return FilterCols<kW, kTaps6>(pred, pred_stride, mid, h, f, round1);
    default: return FilterCols<kW, kTaps8>(pred, pred_stride, mid, h, f, round1);
  }
}

struct PutParams {
  int h;
  const int16_t* filter_x;
  const int16_t* filter_y;
  int kind_x, kind_y;
  int row0, row1;  // intermediate rows the vertical filter reads
  int round0, round1;
};

// One strip of kW columns: src / pred point at its first column.
template <int kW, typename Pixel>
void PutStrip(int32_t* pred, ptrdiff_t pred_stride, const Pixel* src, ptrdiff_t src_stride,
              const PutParams& p) {
  HWY_ALIGN int16_t mid[(kMcMaxBlock + 7) * kW];
  FilterRowsKind<kW>(p.kind_x, mid, src, src_stride, p.row0, p.row1, p.filter_x, p.round0);
  FilterColsKind<kW>(p.kind_y, pred, pred_stride, mid, p.h, p.filter_y, p.round1);
}

// The last n < 4 columns: the source samples they read (columns -3 .. n + 2
// of rows -3 .. h + 3) are copied into a zero-padded 4-column strip, whose
// first n output columns are kept.
template <typename Pixel>
void PutTail(int32_t* pred, ptrdiff_t pred_stride, const Pixel* src, ptrdiff_t src_stride,
             int n, const PutParams& p) {
  constexpr int kStride = 16;  // >= 4 + 7
  Pixel buf[(kMcMaxBlock + 7) * kStride];
  for (int r = 0; r < p.h + 7; ++r) {
    Pixel* row = buf + r * kStride;
    std::memcpy(row, src + (r - 3) * src_stride - 3, (n + 7) * sizeof(Pixel));
    std::memset(row + n + 7, 0, (kStride - n - 7) * sizeof(Pixel));
  }
  HWY_ALIGN int32_t out[kMcMaxBlock * 4];
  PutStrip<4>(out, 4, buf + 3 * kStride + 3, kStride, p);
  for (int r = 0; r < p.h; ++r) {
    std::memcpy(pred + r * pred_stride, out + r * 4, n * sizeof(int32_t));
  }
}

// 7.11.3.4 block inter prediction, unscaled (see src/dsp/mc.h).
template <typename Pixel>
void Put(int32_t* pred, ptrdiff_t pred_stride, const Pixel* src, ptrdiff_t src_stride, int w,
         int h, const int16_t* filter_x, const int16_t* filter_y, int round0, int round1,
         int32_t* scratch) {
  if (w < 1 || h < 1 || w > kMcMaxBlock || h > kMcMaxBlock || round0 < 1 || round0 > 7 ||
      round1 < 1 || round1 > 16) {
    // Outside what the decoder passes: the reference handles it.
    McTables ref;
    FillMcTablesRef(&ref);
    if constexpr (sizeof(Pixel) == 1) {
      ref.lowbd.put(pred, pred_stride, src, src_stride, w, h, filter_x, filter_y, round0,
                    round1, scratch);
    } else {
      ref.highbd.put(pred, pred_stride, src, src_stride, w, h, filter_x, filter_y, round0,
                     round1, scratch);
    }
    return;
  }
  PutParams p;
  p.h = h;
  p.filter_x = filter_x;
  p.filter_y = filter_y;
  p.kind_x = ClassifyFilter(filter_x);
  p.kind_y = ClassifyFilter(filter_y);
  p.round0 = round0;
  p.round1 = round1;
  if (p.kind_y == kIdentity) {
    p.row0 = 3;
    p.row1 = h + 3;
  } else {
    p.row0 = FirstTap(p.kind_y);
    p.row1 = h - 1 + p.row0 + 2 * NumPairs(p.kind_y);
  }
  int c = 0;
  if constexpr (kHaveWideStrips) {
    for (; c + 16 <= w; c += 16) PutStrip<16>(pred + c, pred_stride, src + c, src_stride, p);
  }
  for (; c + 8 <= w; c += 8) PutStrip<8>(pred + c, pred_stride, src + c, src_stride, p);
  for (; c + 4 <= w; c += 4) PutStrip<4>(pred + c, pred_stride, src + c, src_stride, p);
  if (c < w) PutTail(pred + c, pred_stride, src + c, src_stride, w - c, p);
}

// ---------------------------------------------------------------------------
// The final writes of 7.11.3.1.

// Clip1 and store (the clamp is explicit: Highway 1.0.3's AVX2 int32 -> uint8
// DemoteTo does not saturate values above 32767).
template <class D, typename Pixel>
HWY_INLINE void StoreClip1(D d, hn::Vec<D> v, int32_t max, Pixel* dst) {
  const hn::Rebind<Pixel, D> dp;
  v = hn::Min(hn::Max(v, hn::Zero(d)), hn::Set(d, max));
  hn::StoreU(hn::DemoteTo(dp, v), dp, dst);
}

// Runs op( d, x ) over the columns [ c, w ) of a row: full vectors, then 4
// lanes; returns the first column left for the scalar tail.
template <typename Op>
HWY_INLINE int ForColumns(int c, int w, const Op& op) {
  const hn::CappedTag<int32_t, 8> d;
  const int n = static_cast<int>(hn::Lanes(d));
  for (; c + n <= w; c += n) op(d, c);
  if constexpr (hn::MaxLanes(hn::CappedTag<int32_t, 8>()) > 4) {
    const hn::FixedTag<int32_t, 4> d4;
    if (c + 4 <= w) {
      op(d4, c);
      c += 4;
    }
  }
  return c;
}

// 8-bit rows, 8 or 16 pixels per step: the saturating int32 -> int16 ->
// uint8 packs are Clip1 for bitdepth 8.  Returns the first column not done.
template <typename Compute>
HWY_INLINE int StoreRowU8(uint8_t* out, int w, const Compute& compute) {
  int c = 0;
#if HAV1_MC_WIDE
  {
    // Per 128-bit block the int16 pack interleaves groups of 4 lanes:
    // a0-3 b0-3 | a4-7 b4-7; the uint8 demotion keeps that order and the
    // 32-bit lane lookup (0, 2, 1, 3) restores a0-7 b0-7.
    const hn::FixedTag<int32_t, 8> d32;
    const hn::FixedTag<int16_t, 16> d16;
    const hn::FixedTag<uint8_t, 16> d8;
    const hn::FixedTag<uint32_t, 4> du32;
    alignas(16) static constexpr int32_t kOrder[4] = {0, 2, 1, 3};
    const auto order = hn::SetTableIndices(du32, kOrder);
    for (; c + 16 <= w; c += 16) {
      const auto packed = hn::ReorderDemote2To(d16, compute(d32, c), compute(d32, c + 8));
      const auto bytes = hn::BitCast(du32, hn::DemoteTo(d8, packed));
      hn::StoreU(hn::BitCast(d8, hn::TableLookupLanes(bytes, order)), d8, out + c);
    }
  }
#endif
  // One 128-bit block: the int16 pack is in order.
  const hn::FixedTag<int32_t, 4> d32;
  const hn::FixedTag<int16_t, 8> d16;
  const hn::FixedTag<uint8_t, 8> d8;
  for (; c + 8 <= w; c += 8) {
    const auto packed = hn::ReorderDemote2To(d16, compute(d32, c), compute(d32, c + 4));
    hn::StoreU(hn::DemoteTo(d8, packed), d8, out + c);
  }
  return c;
}

// Stores Clip1( compute( d, x ) ) for the columns of a row; returns the first
// column left for the scalar tail.
template <typename Pixel, typename Compute>
HWY_INLINE int StoreColumns(Pixel* out, int w, int32_t max, const Compute& compute) {
  int c = 0;
  if constexpr (sizeof(Pixel) == 1) {
    if (max == 255) c = StoreRowU8(out, w, compute);
  }
  return ForColumns(c, w, [&](auto d, int x) HWY_ATTR {
    StoreClip1(d, compute(d, x), max, out + x);
  });
}

template <typename Pixel>
void Write(Pixel* dst, ptrdiff_t dst_stride, const int32_t* pred, ptrdiff_t pred_stride, int w,
           int h, int post_round, int bitdepth) {
  const int32_t half = post_round > 0 ? int32_t{1} << (post_round - 1) : 0;
  const int32_t max = (1 << bitdepth) - 1;
  for (int i = 0; i < h; ++i) {
    const int32_t* p = pred + i * pred_stride;
    Pixel* out = dst + i * dst_stride;
    const int c = StoreColumns(out, w, max, [&](auto d, int x) HWY_ATTR {
      return hn::ShiftRightSame(hn::Add(hn::LoadU(d, p + x), hn::Set(d, half)), post_round);
    });
    for (int x = c; x < w; ++x) {
      out[x] = static_cast<Pixel>(Clip1(Round2(p[x], post_round), bitdepth));
    }
  }
}

template <typename Pixel>
void Avg(Pixel* dst, ptrdiff_t dst_stride, const int32_t* pred0, const int32_t* pred1,
         ptrdiff_t pred_stride, int w, int h, int post_round, int bitdepth) {
  const int shift = 1 + post_round;
  const int32_t half = int32_t{1} << (shift - 1);
  const int32_t max = (1 << bitdepth) - 1;
  for (int i = 0; i < h; ++i) {
    const int32_t* p0 = pred0 + i * pred_stride;
    const int32_t* p1 = pred1 + i * pred_stride;
    Pixel* out = dst + i * dst_stride;
    const int c = StoreColumns(out, w, max, [&](auto d, int x) HWY_ATTR {
      const auto s = hn::Add(hn::LoadU(d, p0 + x), hn::LoadU(d, p1 + x));
      return hn::ShiftRightSame(hn::Add(s, hn::Set(d, half)), shift);
    });
    for (int x = c; x < w; ++x) {
      out[x] = static_cast<Pixel>(Clip1(Round2(p0[x] + p1[x], shift), bitdepth));
    }
  }
}

template <typename Pixel>
void Dist(Pixel* dst, ptrdiff_t dst_stride, const int32_t* pred0, const int32_t* pred1,
          ptrdiff_t pred_stride, int w, int h, int fwd_weight, int bck_weight, int post_round,
          int bitdepth) {
  const int shift = 4 + post_round;
  const int32_t half = int32_t{1} << (shift - 1);
  const int32_t max = (1 << bitdepth) - 1;
  for (int i = 0; i < h; ++i) {
    const int32_t* p0 = pred0 + i * pred_stride;
    const int32_t* p1 = pred1 + i * pred_stride;
    Pixel* out = dst + i * dst_stride;
    const int c = StoreColumns(out, w, max, [&](auto d, int x) HWY_ATTR {
      const auto s = hn::Add(hn::Mul(hn::LoadU(d, p0 + x), hn::Set(d, fwd_weight)),
                             hn::Mul(hn::LoadU(d, p1 + x), hn::Set(d, bck_weight)));
      return hn::ShiftRightSame(hn::Add(s, hn::Set(d, half)), shift);
    });
    for (int x = c; x < w; ++x) {
      const int32_t s = fwd_weight * p0[x] + bck_weight * p1[x];
      out[x] = static_cast<Pixel>(Clip1(Round2(s, shift), bitdepth));
    }
  }
}

template <typename Pixel>
void FillPixel(McTable<Pixel>* t) {
  t->put = &Put<Pixel>;
  t->write = &Write<Pixel>;
  t->avg = &Avg<Pixel>;
  t->dist = &Dist<Pixel>;
}

#undef HAV1_MC_WIDE
#endif  // HWY_TARGET != HWY_SCALAR

}  // namespace

// Fills the entries this target implements (HWY_SCALAR: none; put_scaled
// stays the reference on every target).
void FillMcTables(McTables* tables) {
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
#include "simd/mc.h"
#include "simd/target_select.h"

namespace hav1 {

HWY_EXPORT(FillMcTables);

bool FillMcTablesForTarget(int64_t target, McTables* tables) {
  const auto fill = HwyTableEntryForTarget(HWY_DISPATCH_TABLE(FillMcTables), target);
  if (fill == nullptr) return false;
  fill(tables);
  return true;
}

}  // namespace hav1
#endif  // HWY_ONCE
