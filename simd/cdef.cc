// Highway CDEF kernels: 7.15.2 (CDEF direction process) and 7.15.3 (CDEF
// filter process) for the 8x8, 4x8 and 4x4 blocks, lowbd and highbd.
//
// Filter layout: u16 lanes, one vector holds R = lanes / w whole rows of the
// block (SSE4/SSSE3: 8 lanes, AVX2: 16, AVX3: 32 capped at w * h), loaded
// row by row and joined with Combine.  Every tap is one such multi-row load
// of the 16-bit source at the tap's (dy, dx) offset.
//
// constrain( diff, threshold, damping ) of 7.15.3 without branches, in u16:
//   a = max( p - x, 0 ), b = max( x - p, 0 )          (SaturatedSub)
//   m = max( threshold - ( ( a | b ) >> dampingAdj ), 0 )
//   constrain = min( a, m ) - min( b, m )
// which is sign * Clip3( 0, |diff|, threshold - ( |diff| >> dampingAdj ) ).
// threshold 0 gives m = 0, i.e. 0 as the spec.
//
// Unavailable samples (kCdefUnavailable = 0xFFFF, CdefAvailable = 0):
//  * sum: p - x >= 0xFFFF - 4095 = 61440 >= 2^15, so ( a >> dampingAdj ) >=
//    2^( 15 - dampingAdj ) >= 2^( FloorLog2( threshold ) + 1 ) > threshold
//    whenever damping <= 14 (dampingAdj = damping - FloorLog2( threshold )),
//    and a >= threshold when dampingAdj = 0: m = 0, the tap adds nothing.
//    7.15.1 gives damping <= 6 + 4 (CdefDamping + coeffShift).
//  * min: unsigned u16 Min never picks 0xFFFF over the (real) centre x.
//  * max: signed i16 Max sees 0xFFFF as -1, below every real sample.
// So unavailable taps drop out exactly as in the spec, without masks.
//
// |sum| <= ( 4 + 2 ) * 2 * 240 + ( 2 + 1 ) * 4 * 64 < 2^15: i16 holds it; the
// u16 arithmetic wraps modulo 2^16 and is read back as i16.
//
// Direction layout: i16 lanes, one 8-lane vector per row (x = ( pixel >>
// ( BitDepth - 8 ) ) - 128).  partial[ 6 ] (column sums), partial[ 7 ] and
// partial[ 5 ] (row pairs shifted by i / 2 and 3 - i / 2 lanes) come from the
// rows; partial[ 2 ], partial[ 1 ] and partial[ 3 ] are the same three sums on
// the transposed block; partial[ 0 ] is row i shifted by i lanes,
// partial[ 4 ] column j shifted by 7 - j lanes.  Costs: the two entries of a
// partial that share a Div_Table weight (k and 14 - k, or j and 10 - j) are
// interleaved, squared and pair-summed into one i32 lane (madd through
// ReorderWidenMulAccumulate), then weighted.  Every cost is at most
// 8 * 1024^2 * 105 < 2^30 (Div_Table[ n ] = 840 / n): no overflow, as in the
// reference's int32_t.  The best direction is chosen in scalar code exactly
// as in the spec.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "simd/cdef.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
#include "hwy/highway.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "src/common/intops.h"
#include "src/dsp/cdef.h"

#ifndef HAV1_SIMD_CDEF_ONCE_
#define HAV1_SIMD_CDEF_ONCE_
namespace hav1::cdef_simd {

// Cdef_Directions[ dir ][ k ] = { dy, dx } (7.15.3).
inline constexpr int kDirections[8][2][2] = {
    {{-1, 1}, {-2, 2}}, {{0, 1}, {-1, 2}}, {{0, 1}, {0, 2}}, {{0, 1}, {1, 2}},
    {{1, 1}, {2, 2}},   {{1, 0}, {2, 1}},  {{1, 0}, {2, 0}}, {{1, 0}, {2, -1}}};

// Div_Table (7.15.2) weights of the cost lanes (see MirroredCost).
// cost[ 0 ], cost[ 4 ]: lane k < 7 holds entries k and 14 - k, weight
// Div_Table[ k + 1 ]; lane 7 entry 7, weight Div_Table[ 8 ].
inline constexpr int32_t kDiagWeights[8] = {840, 420, 280, 210, 168, 140, 120, 105};
// cost[ 1, 3, 5, 7 ]: lane j < 3 holds entries j and 10 - j, weight
// Div_Table[ 2j + 2 ]; lanes 3..7 entries 3..7, weight Div_Table[ 8 ] (the
// "*= Div_Table[ 8 ]" of the spec).
inline constexpr int32_t kAltWeights[8] = {420, 210, 140, 105, 105, 105, 105, 105};
// cost[ 2 ], cost[ 6 ]: Div_Table[ 8 ] for all 8 entries.
inline constexpr int32_t kFlatWeight = 105;

}  // namespace hav1::cdef_simd
#endif  // HAV1_SIMD_CDEF_ONCE_

HWY_BEFORE_NAMESPACE();
namespace hav1 {
namespace HWY_NAMESPACE {
namespace {

namespace hn = hwy::HWY_NAMESPACE;

#if HWY_TARGET != HWY_SCALAR

// ---------------------------------------------------------------- filter

// Loads MaxLanes( d ) / kW rows of kW u16 samples (row r at p + r * stride).
template <int kW, class D>
HWY_INLINE hn::Vec<D> LoadRows(D d, const uint16_t* HWY_RESTRICT p, ptrdiff_t stride) {
  constexpr size_t kN = hn::MaxLanes(D());
  if constexpr (kN == static_cast<size_t>(kW)) {
    return hn::LoadU(d, p);
  } else {
    const hn::Half<D> dh;
    constexpr ptrdiff_t kHalfRows = static_cast<ptrdiff_t>(kN / 2 / kW);
    return hn::Combine(d, LoadRows<kW>(dh, p + kHalfRows * stride, stride),
                       LoadRows<kW>(dh, p, stride));
  }
}

// Stores the rows of v (kW lanes each, row r at p + r * stride).
template <int kW, class D, typename T>
HWY_INLINE void StoreRows(D d, hn::Vec<D> v, T* HWY_RESTRICT p, ptrdiff_t stride) {
  constexpr size_t kN = hn::MaxLanes(D());
  if constexpr (kN == static_cast<size_t>(kW)) {
    hn::StoreU(v, d, p);
  } else {
    const hn::Half<D> dh;
    constexpr ptrdiff_t kHalfRows = static_cast<ptrdiff_t>(kN / 2 / kW);
    StoreRows<kW>(dh, hn::LowerHalf(dh, v), p, stride);
    StoreRows<kW>(dh, hn::UpperHalf(dh, v), p + kHalfRows * stride, stride);
  }
}

// Writes the filtered (i16, in [ 0, 2^BitDepth )) rows to the Pixel plane.
template <int kW, class D>
HWY_INLINE void StorePixels(D d, hn::Vec<D> v, uint16_t* p, ptrdiff_t stride) {
  StoreRows<kW>(d, v, p, stride);
}
template <int kW, class D>
HWY_INLINE void StorePixels(D d, hn::Vec<D> v, uint8_t* p, ptrdiff_t stride) {
  const hn::Rebind<int16_t, D> di;
  const hn::Rebind<uint8_t, D> d8;
  StoreRows<kW>(d8, hn::DemoteTo(d8, hn::BitCast(di, v)), p, stride);
}

// constrain( p - x, threshold, damping ) (7.15.3), see the top comment.
template <class V>
HWY_INLINE V Constrain(V p, V x, V threshold, int damping_adj) {
  const V a = hn::SaturatedSub(p, x);
  const V b = hn::SaturatedSub(x, p);
  const V m = hn::SaturatedSub(threshold, hn::ShiftRightSame(hn::Or(a, b), damping_adj));
  return hn::Sub(hn::Min(a, m), hn::Min(b, m));
}

// dampingAdj of constrain() for a non-zero threshold.
inline int DampingAdj(int threshold, int damping) {
  return threshold ? std::max(0, damping - FloorLog2(static_cast<uint32_t>(threshold))) : 0;
}

// 7.15.3 CDEF filter process for one kW x kH block.  kPri / kSec: the
// primary / secondary strength is non-zero (a zero strength makes every
// constrain() of that kind 0, but its taps still bound min / max).
template <typename Pixel, int kW, int kH, bool kPri, bool kSec>
void CdefFilterBlock(Pixel* dst, ptrdiff_t dst_stride, const uint16_t* src,
                     ptrdiff_t src_stride, int pri_str, int sec_str, int dir, int damping,
                     int bitdepth) {
  using D = hn::CappedTag<uint16_t, kW * kH>;
  const D d;
  const hn::RebindToSigned<D> di;
  using V = hn::Vec<D>;
  constexpr int kRows = static_cast<int>(hn::MaxLanes(D())) / kW;  // rows per vector
  static_assert(kRows >= 1 && kH % kRows == 0, "vector must hold whole rows");

  dir &= 7;
  const int coeff_shift = bitdepth - 8;
  const int tap_set = (pri_str >> coeff_shift) & 1;  // Cdef_Pri_Taps row
  const V pri_tap0 = hn::Set(d, static_cast<uint16_t>(4 - tap_set));
  const V pri_tap1 = hn::Set(d, static_cast<uint16_t>(2 + tap_set));
  const V pri_thr = hn::Set(d, static_cast<uint16_t>(pri_str));
  const V sec_thr = hn::Set(d, static_cast<uint16_t>(sec_str));
  const int pri_adj = DampingAdj(pri_str, damping);
  const int sec_adj = DampingAdj(sec_str, damping);
  auto offset = [src_stride](int d_, int k) {
    return cdef_simd::kDirections[d_][k][0] * src_stride + cdef_simd::kDirections[d_][k][1];
  };
  const ptrdiff_t pri_off[2] = {offset(dir, 0), offset(dir, 1)};
  const ptrdiff_t sec_off0[2] = {offset((dir + 2) & 7, 0), offset((dir + 2) & 7, 1)};
  const ptrdiff_t sec_off1[2] = {offset((dir + 6) & 7, 0), offset((dir + 6) & 7, 1)};

  for (int i = 0; i < kH; i += kRows) {
    const uint16_t* s = src + i * src_stride;
    const V x = LoadRows<kW>(d, s, src_stride);
    V mn = x;
    auto mx = hn::BitCast(di, x);
    V sum_u = hn::Zero(d);
    HWY_UNROLL(2)
    for (int k = 0; k < 2; k++) {
      const V p0 = LoadRows<kW>(d, s + pri_off[k], src_stride);
      const V p1 = LoadRows<kW>(d, s - pri_off[k], src_stride);
      const V s0 = LoadRows<kW>(d, s + sec_off0[k], src_stride);
      const V s1 = LoadRows<kW>(d, s - sec_off0[k], src_stride);
      const V s2 = LoadRows<kW>(d, s + sec_off1[k], src_stride);
      const V s3 = LoadRows<kW>(d, s - sec_off1[k], src_stride);
      mn = hn::Min(mn, hn::Min(hn::Min(p0, p1), hn::Min(hn::Min(s0, s1), hn::Min(s2, s3))));
      mx = hn::Max(mx, hn::Max(hn::Max(hn::BitCast(di, p0), hn::BitCast(di, p1)),
                               hn::Max(hn::Max(hn::BitCast(di, s0), hn::BitCast(di, s1)),
                                       hn::Max(hn::BitCast(di, s2), hn::BitCast(di, s3)))));
      // Cdef_Pri_Taps[ tap_set ][ k ] = { 4, 2 } or { 3, 3 }; Cdef_Sec_Taps[ ][ k ] = { 2, 1 }.
      if constexpr (kPri) {
        const V c = hn::Add(Constrain(p0, x, pri_thr, pri_adj), Constrain(p1, x, pri_thr, pri_adj));
        sum_u = hn::Add(sum_u, hn::Mul(c, k == 0 ? pri_tap0 : pri_tap1));
      }
      if constexpr (kSec) {
        const V c = hn::Add(hn::Add(Constrain(s0, x, sec_thr, sec_adj),
                                    Constrain(s1, x, sec_thr, sec_adj)),
                            hn::Add(Constrain(s2, x, sec_thr, sec_adj),
                                    Constrain(s3, x, sec_thr, sec_adj)));
        sum_u = hn::Add(sum_u, k == 0 ? hn::ShiftLeft<1>(c) : c);
      }
    }
    auto sum = hn::BitCast(di, sum_u);
    sum = hn::Add(sum, hn::ShiftRight<15>(sum));  // sum - ( sum < 0 )
    auto y = hn::Add(hn::BitCast(di, x), hn::ShiftRight<4>(hn::Add(sum, hn::Set(di, 8))));
    y = hn::Min(hn::Max(y, hn::BitCast(di, mn)), mx);  // Clip3( min, max, . )
    StorePixels<kW>(d, hn::BitCast(d, y), dst + i * dst_stride, dst_stride);
  }
}

// 7.15.3 for one block: picks the variant for the zero / non-zero strengths.
template <typename Pixel, int kW, int kH>
void CdefFilter(Pixel* dst, ptrdiff_t dst_stride, const uint16_t* src, ptrdiff_t src_stride,
                int pri_str, int sec_str, int dir, int damping, int bitdepth) {
  if (pri_str == 0 && sec_str == 0) {
    // sum = 0: every sample keeps x (Clip3( min, max, x ) with min <= x <= max).
    using D = hn::CappedTag<uint16_t, kW * kH>;
    const D d;
    constexpr int kRows = static_cast<int>(hn::MaxLanes(D())) / kW;
    for (int i = 0; i < kH; i += kRows) {
      StorePixels<kW>(d, LoadRows<kW>(d, src + i * src_stride, src_stride),
                      dst + i * dst_stride, dst_stride);
    }
  } else if (sec_str == 0) {
    CdefFilterBlock<Pixel, kW, kH, true, false>(dst, dst_stride, src, src_stride, pri_str,
                                                sec_str, dir, damping, bitdepth);
  } else if (pri_str == 0) {
    CdefFilterBlock<Pixel, kW, kH, false, true>(dst, dst_stride, src, src_stride, pri_str,
                                                sec_str, dir, damping, bitdepth);
  } else {
    CdefFilterBlock<Pixel, kW, kH, true, true>(dst, dst_stride, src, src_stride, pri_str,
                                               sec_str, dir, damping, bitdepth);
  }
}

// ---------------------------------------------------------------- direction

using D16 = hn::FixedTag<int16_t, 8>;
using V16 = hn::Vec<D16>;
using D32 = hn::FixedTag<int32_t, 4>;
using V32 = hn::Vec<D32>;

// x = ( pixel >> ( BitDepth - 8 ) ) - 128 for the 8 samples of one row.
HWY_INLINE V16 LoadDirRow(const uint8_t* p, int /*bitdepth*/) {
  const D16 d;
  const hn::FixedTag<uint8_t, 8> d8;
  return hn::Sub(hn::BitCast(d, hn::PromoteTo(hn::RebindToUnsigned<D16>(), hn::LoadU(d8, p))),
                 hn::Set(d, 128));
}
HWY_INLINE V16 LoadDirRow(const uint16_t* p, int bitdepth) {
  const D16 d;
  const hn::RebindToUnsigned<D16> du;
  return hn::Sub(hn::BitCast(d, hn::ShiftRightSame(hn::LoadU(du, p), bitdepth - 8)),
                 hn::Set(d, 128));
}

// Adds v shifted up by kShift lanes to the 16-entry partial (lo = entries
// 0..7, hi = 8..15): lane j goes to entry j + kShift.
template <int kShift>
HWY_INLINE void AddShifted(V16 v, V16& lo, V16& hi) {
  const D16 d;
  if constexpr (kShift == 0) {
    lo = hn::Add(lo, v);
  } else {
    lo = hn::Add(lo, hn::ShiftLeftLanes<kShift>(d, v));
    hi = hn::Add(hi, hn::ShiftRightLanes<8 - kShift>(d, v));
  }
}

// For rows r[ 0..7 ] (lane = column): column sums, and the row pairs
// r[ 2m ] + r[ 2m + 1 ] added at lane offset m (fwd) and 3 - m (bwd).
// On the block: partial[ 6 ], [ 7 ], [ 5 ]; on its transpose: [ 2 ], [ 1 ], [ 3 ].
HWY_INLINE void ColumnAndPairSums(const V16 r[8], V16& col, V16 fwd[2], V16 bwd[2]) {
  const D16 d;
  const V16 q0 = hn::Add(r[0], r[1]);
  const V16 q1 = hn::Add(r[2], r[3]);
  const V16 q2 = hn::Add(r[4], r[5]);
  const V16 q3 = hn::Add(r[6], r[7]);
  col = hn::Add(hn::Add(q0, q1), hn::Add(q2, q3));
  fwd[0] = fwd[1] = bwd[0] = bwd[1] = hn::Zero(d);
  AddShifted<0>(q0, fwd[0], fwd[1]);
  AddShifted<1>(q1, fwd[0], fwd[1]);
  AddShifted<2>(q2, fwd[0], fwd[1]);
  AddShifted<3>(q3, fwd[0], fwd[1]);
  AddShifted<3>(q0, bwd[0], bwd[1]);
  AddShifted<2>(q1, bwd[0], bwd[1]);
  AddShifted<1>(q2, bwd[0], bwd[1]);
  AddShifted<0>(q3, bwd[0], bwd[1]);
}

// Vector i shifted by i lanes (kReverse: by 7 - i lanes).  On the rows:
// entry i + j, partial[ 0 ]; on the columns with kReverse: entry 7 - j + i,
// partial[ 4 ].
template <bool kReverse>
HWY_INLINE void DiagonalSums(const V16 r[8], V16 diag[2]) {
  const D16 d;
  diag[0] = diag[1] = hn::Zero(d);
  AddShifted<kReverse ? 7 : 0>(r[0], diag[0], diag[1]);
  AddShifted<kReverse ? 6 : 1>(r[1], diag[0], diag[1]);
  AddShifted<kReverse ? 5 : 2>(r[2], diag[0], diag[1]);
  AddShifted<kReverse ? 4 : 3>(r[3], diag[0], diag[1]);
  AddShifted<kReverse ? 3 : 4>(r[4], diag[0], diag[1]);
  AddShifted<kReverse ? 2 : 5>(r[5], diag[0], diag[1]);
  AddShifted<kReverse ? 1 : 6>(r[6], diag[0], diag[1]);
  AddShifted<kReverse ? 0 : 7>(r[7], diag[0], diag[1]);
}

// 8x8 i16 transpose.
HWY_INLINE void Transpose8x8(const V16 in[8], V16 out[8]) {
  const D16 d;
  const hn::RepartitionToWide<D16> d32;
  const hn::RepartitionToWide<decltype(d32)> d64;
  V16 a[8];
  for (int k = 0; k < 4; k++) {
    a[2 * k] = hn::InterleaveLower(d, in[2 * k], in[2 * k + 1]);
    a[2 * k + 1] = hn::InterleaveUpper(d, in[2 * k], in[2 * k + 1]);
  }
  // a[0] = 00 10 01 11 02 12 03 13, a[1] = 04 14 .. 07 17, a[2] = 20 30 .., ...
  hn::Vec<decltype(d32)> b[8];
  for (int k = 0; k < 2; k++) {
    for (int h = 0; h < 2; h++) {
      const auto x = hn::BitCast(d32, a[4 * k + h]);
      const auto y = hn::BitCast(d32, a[4 * k + 2 + h]);
      b[4 * k + 2 * h] = hn::InterleaveLower(d32, x, y);
      b[4 * k + 2 * h + 1] = hn::InterleaveUpper(d32, x, y);
    }
  }
  // b[0] = 00 10 20 30 01 11 21 31, b[1] = 02 12 22 32 03 .., b[2] = 04 .., b[3] = 06 ..
  // b[4..7]: the same for rows 4..7.
  for (int c = 0; c < 4; c++) {
    const auto x = hn::BitCast(d64, b[c]);
    const auto y = hn::BitCast(d64, b[4 + c]);
    out[2 * c] = hn::BitCast(d, hn::InterleaveLower(d64, x, y));
    out[2 * c + 1] = hn::BitCast(d, hn::InterleaveUpper(d64, x, y));
  }
}

// Lane m = v[ 2m ]^2 + v[ 2m + 1 ]^2 in i32 (|v| <= 1024: no overflow).
HWY_INLINE V32 PairSquares(V16 v) {
  const D32 d32;
  V32 sum1 = hn::Zero(d32);
  const V32 sum0 = hn::ReorderWidenMulAccumulate(d32, v, v, hn::Zero(d32), sum1);
  return hn::RearrangeToOddPlusEven(sum0, sum1);
}

// Lanes of sum over k of ( a[ k ]^2 + b[ k ]^2 ) * w[ k ] for k = 0..7.
HWY_INLINE V32 MirroredCost(V16 a, V16 b, const int32_t* w) {
  const D16 d;
  const D32 d32;
  const V32 lo = PairSquares(hn::InterleaveLower(d, a, b));  // k = 0..3
  const V32 hi = PairSquares(hn::InterleaveUpper(d, a, b));  // k = 4..7
  return hn::Add(hn::Mul(lo, hn::LoadU(d32, w)), hn::Mul(hi, hn::LoadU(d32, w + 4)));
}

// cost[ 0 ] / cost[ 4 ] of a 15-entry partial: entries k and 14 - k ( k < 7 )
// weigh Div_Table[ k + 1 ], entry 7 Div_Table[ 8 ].
HWY_INLINE V32 DiagonalCost(const V16 part[2]) {
  const D16 d;
  // Lane k = entry 14 - k (k < 7), lane 7 = entry 15 = 0.
  const V16 mirrored = hn::ShiftRightLanes<1>(d, hn::Reverse(d, part[1]));
  return MirroredCost(part[0], mirrored, cdef_simd::kDiagWeights);
}

// cost[ 1, 3, 5, 7 ] of an 11-entry partial: entries j and 10 - j ( j < 3 )
// weigh Div_Table[ 2j + 2 ], entries 3..7 Div_Table[ 8 ].
HWY_INLINE V32 AltCost(const V16 part[2]) {
  const D16 d;
  // Lane j = entry 10 - j (j < 3), lanes 3..7 = entries 15..11 = 0.
  const V16 mirrored = hn::ShiftRightLanes<5>(d, hn::Reverse(d, part[1]));
  return MirroredCost(part[0], mirrored, cdef_simd::kAltWeights);
}

// cost[ 2 ] / cost[ 6 ]: Div_Table[ 8 ] * the sum of the 8 squares.
HWY_INLINE V32 FlatCost(V16 part) {
  return hn::Mul(PairSquares(part), hn::Set(D32(), cdef_simd::kFlatWeight));
}

// { sum of a, sum of b, sum of c, sum of e } (lane sums of four vectors).
HWY_INLINE V32 LaneSums4(V32 a, V32 b, V32 c, V32 e) {
  const D32 d32;
  const hn::RepartitionToWide<D32> d64;
  // ab = a0 + a2, b0 + b2, a1 + a3, b1 + b3 (ce alike).
  const V32 ab = hn::Add(hn::InterleaveLower(d32, a, b), hn::InterleaveUpper(d32, a, b));
  const V32 ce = hn::Add(hn::InterleaveLower(d32, c, e), hn::InterleaveUpper(d32, c, e));
  const auto ab64 = hn::BitCast(d64, ab);
  const auto ce64 = hn::BitCast(d64, ce);
  return hn::Add(hn::BitCast(d32, hn::InterleaveLower(d64, ab64, ce64)),
                 hn::BitCast(d32, hn::InterleaveUpper(d64, ab64, ce64)));
}

// 7.15.2 CDEF direction process.
template <typename Pixel>
int CdefDir(const Pixel* src, ptrdiff_t stride, int bitdepth, int* var) {
  const D32 d32;
  V16 rows[8], cols[8];
  for (int i = 0; i < 8; i++) rows[i] = LoadDirRow(src + i * stride, bitdepth);
  Transpose8x8(rows, cols);
  V16 p0[2], p4[2], p1[2], p3[2], p5[2], p7[2], p2, p6;
  DiagonalSums<false>(rows, p0);
  DiagonalSums<true>(cols, p4);
  ColumnAndPairSums(rows, p6, p7, p5);
  ColumnAndPairSums(cols, p2, p1, p3);

  // Every cost is below 2^30 (Div_Table[ n ] = 840 / n): no overflow.
  alignas(16) int32_t costs[8];
  hn::Store(LaneSums4(DiagonalCost(p0), AltCost(p1), FlatCost(p2), AltCost(p3)), d32, costs);
  hn::Store(LaneSums4(DiagonalCost(p4), AltCost(p5), FlatCost(p6), AltCost(p7)), d32,
            costs + 4);
  int32_t best_cost = 0;
  int y_dir = 0;
  for (int i = 0; i < 8; i++) {
    if (costs[i] > best_cost) {
      best_cost = costs[i];
      y_dir = i;
    }
  }
  *var = (best_cost - costs[(y_dir + 4) & 7]) >> 10;
  return y_dir;
}

template <typename Pixel>
void FillPixel(CdefTable<Pixel>* t) {
  t->dir = CdefDir<Pixel>;
  t->filter[kCdef8x8] = CdefFilter<Pixel, 8, 8>;
  t->filter[kCdef4x8] = CdefFilter<Pixel, 4, 8>;
  t->filter[kCdef4x4] = CdefFilter<Pixel, 4, 4>;
}

#endif  // HWY_TARGET != HWY_SCALAR

}  // namespace

// Fills the entries this target implements (HWY_SCALAR: none, the reference
// kernels stay).
void FillCdefTables(CdefTables* tables) {
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
#include "simd/cdef.h"
#include "simd/target_select.h"

namespace hav1 {

HWY_EXPORT(FillCdefTables);

bool FillCdefTablesForTarget(int64_t target, CdefTables* tables) {
  const auto fill = HwyTableEntryForTarget(HWY_DISPATCH_TABLE(FillCdefTables), target);
  if (fill == nullptr) return false;
  fill(tables);
  return true;
}

}  // namespace hav1
#endif  // HWY_ONCE
