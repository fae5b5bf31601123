// Highway inverse transform + add kernels for the 4- and 8-point sizes
// (TX_4X4, TX_4X8, TX_8X4, TX_8X8, all 16 tx types): 7.13.2 (1D transforms),
// 7.13.3 (2D inverse transform process), 7.12.3 step 3 (add with Clip1).
//
// Layout: every vector is 4 int32 lanes (FixedTag<int32_t, 4>, valid on every
// target).  The row pass loads 4 coefficient rows, transposes them so that
// vector j holds column j of those rows, and runs the 1D transform ACROSS
// vectors (4 rows at once); the result is transposed back into a small int32
// buffer.  The column pass loads 4-column groups of that buffer (vector i =
// row i) and again transforms across vectors.  FLIPADST flips are free: the
// row outputs are reordered (flipLR) and the column outputs are written to
// mirrored rows (flipUD).  Larger sizes (16..64) reuse the same structure
// with more vectors per group.
//
// Arithmetic is the one documented in src/dsp/itx.h: wrapping int32 lanes
// (Add/Sub/Mul are modulo 2^32 in Highway), Round2 = (x + half) >> n with an
// arithmetic shift, clamps as the spec.  The reference does the same, so
// results are bit-identical for every input.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "simd/itx.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
#include "hwy/highway.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "src/dsp/itx.h"
#include "src/dsp/itx_spec_tables.h"

HWY_BEFORE_NAMESPACE();
namespace hav1 {
namespace HWY_NAMESPACE {
namespace {

namespace hn = hwy::HWY_NAMESPACE;
using itx::Kind;

#if HWY_TARGET != HWY_SCALAR

using D = hn::FixedTag<int32_t, 4>;
using V = hn::Vec<D>;

// Round2( x, n ) on wrapped int32 lanes.
template <int kShift>
HWY_INLINE V Round2(V x) {
  if constexpr (kShift == 0) {
    return x;
  } else {
    const D d;
    return hn::ShiftRight<kShift>(hn::Add(x, hn::Set(d, int32_t{1} << (kShift - 1))));
  }
}

HWY_INLINE V Clamp(V x, V lo, V hi) { return hn::Min(hn::Max(x, lo), hi); }

// 7.13.2.1 B( a, b, angle, flip, r ).  For angle = 32 + 64k the spec's
// two-multiplication form is used; it is identical modulo 2^32.
template <int kAngle, bool kFlip>
HWY_INLINE void B(V& a, V& b) {
  const D d;
  constexpr int32_t kCos = itx::Cos128(kAngle);
  constexpr int32_t kSin = itx::Sin128(kAngle);
  V x, y;
  if constexpr ((kAngle & 63) == 32) {
    const hn::Vec<D> c = hn::Set(d, kCos);
    const V v = (kAngle & 64) ? hn::Add(a, b) : hn::Sub(a, b);
    const V w = (kAngle & 64) ? hn::Sub(b, a) : hn::Add(a, b);
    x = hn::Mul(v, c);
    y = hn::Mul(w, c);
  } else {
    const V c = hn::Set(d, kCos);
    const V s = hn::Set(d, kSin);
    x = hn::Sub(hn::Mul(a, c), hn::Mul(b, s));
    y = hn::Add(hn::Mul(a, s), hn::Mul(b, c));
  }
  if constexpr (kFlip) {
    a = Round2<12>(y);
    b = Round2<12>(x);
  } else {
    a = Round2<12>(x);
    b = Round2<12>(y);
  }
}

// 7.13.2.1 H( a, b, flip, r ); lo/hi are the r-bit clamp bounds.
template <bool kFlip>
HWY_INLINE void H(V& a, V& b, V lo, V hi) {
  const V x = kFlip ? b : a;
  const V y = kFlip ? a : b;
  const V sum = Clamp(hn::Add(x, y), lo, hi);
  const V diff = Clamp(hn::Sub(x, y), lo, hi);
  if constexpr (kFlip) {
    b = sum;
    a = diff;
  } else {
    a = sum;
    b = diff;
  }
}

// 7.13.2.3 inverse DCT, n = 2 (after the 7.13.2.2 permutation 0,2,1,3).
HWY_INLINE void Dct4(V& t0, V& t1, V& t2, V& t3, V lo, V hi) {
  V a0 = t0, a1 = t2, a2 = t1, a3 = t3;
  B<32, true>(a0, a1);   // step 12
  B<48, false>(a2, a3);
  H<false>(a0, a3, lo, hi);  // step 17
  H<false>(a1, a2, lo, hi);
  t0 = a0;
  t1 = a1;
  t2 = a2;
  t3 = a3;
}

// 7.13.2.3 inverse DCT, n = 3 (after the permutation 0,4,2,6,1,5,3,7).
HWY_INLINE void Dct8(V& t0, V& t1, V& t2, V& t3, V& t4, V& t5, V& t6, V& t7,
                     V lo, V hi) {
  V a0 = t0, a1 = t4, a2 = t2, a3 = t6, a4 = t1, a5 = t5, a6 = t3, a7 = t7;
  B<56, false>(a4, a7);  // step 8
  B<24, false>(a5, a6);
  B<32, true>(a0, a1);   // step 12
  B<48, false>(a2, a3);
  H<false>(a4, a5, lo, hi);  // step 13
  H<true>(a6, a7, lo, hi);
  H<false>(a0, a3, lo, hi);  // step 17
  H<false>(a1, a2, lo, hi);
  B<32, true>(a6, a5);   // step 18
  H<false>(a0, a7, lo, hi);  // step 22
  H<false>(a1, a6, lo, hi);
  H<false>(a2, a5, lo, hi);
  H<false>(a3, a4, lo, hi);
  t0 = a0;
  t1 = a1;
  t2 = a2;
  t3 = a3;
  t4 = a4;
  t5 = a5;
  t6 = a6;
  t7 = a7;
}

// 7.13.2.6 inverse ADST4.
HWY_INLINE void Adst4(V& t0, V& t1, V& t2, V& t3) {
  const D d;
  const V k1 = hn::Set(d, itx::kSinPi19);
  const V k2 = hn::Set(d, itx::kSinPi29);
  const V k3 = hn::Set(d, itx::kSinPi39);
  const V k4 = hn::Set(d, itx::kSinPi49);
  V s0 = hn::Mul(k1, t0);
  V s1 = hn::Mul(k2, t0);
  V s2 = hn::Mul(k3, t1);
  V s3 = hn::Mul(k4, t2);
  const V s4 = hn::Mul(k1, t2);
  const V s5 = hn::Mul(k2, t3);
  const V s6 = hn::Mul(k4, t3);
  const V a7 = hn::Sub(t0, t2);
  const V b7 = hn::Add(a7, t3);
  s0 = hn::Add(s0, s3);
  s1 = hn::Sub(s1, s4);
  s3 = s2;
  s2 = hn::Mul(k3, b7);
  s0 = hn::Add(s0, s5);
  s1 = hn::Sub(s1, s6);
  const V x0 = hn::Add(s0, s3);
  const V x1 = hn::Add(s1, s3);
  const V x2 = s2;
  const V x3 = hn::Sub(hn::Add(s0, s1), s3);
  t0 = Round2<12>(x0);
  t1 = Round2<12>(x1);
  t2 = Round2<12>(x2);
  t3 = Round2<12>(x3);
}

// 7.13.2.7 inverse ADST8 (with the 7.13.2.4 / 7.13.2.5 permutations).
HWY_INLINE void Adst8(V& t0, V& t1, V& t2, V& t3, V& t4, V& t5, V& t6, V& t7,
                      V lo, V hi) {
  const D d;
  // Input permutation: T[ i ] = copyT[ i odd ? i - 1 : 7 - i ].
  V a0 = t7, a1 = t0, a2 = t5, a3 = t2, a4 = t3, a5 = t4, a6 = t1, a7 = t6;
  B<60, true>(a0, a1);  // step 2
  B<44, true>(a2, a3);
  B<28, true>(a4, a5);
  B<12, true>(a6, a7);
  H<false>(a0, a4, lo, hi);  // step 3
  H<false>(a1, a5, lo, hi);
  H<false>(a2, a6, lo, hi);
  H<false>(a3, a7, lo, hi);
  B<48, true>(a4, a5);  // step 4
  B<16, true>(a7, a6);
  H<false>(a0, a2, lo, hi);  // step 5
  H<false>(a1, a3, lo, hi);
  H<false>(a4, a6, lo, hi);
  H<false>(a5, a7, lo, hi);
  B<32, true>(a2, a3);  // step 6
  B<32, true>(a6, a7);
  // Output permutation: 0, -4, 6, -2, 3, -7, 5, -1.
  const V zero = hn::Zero(d);
  t0 = a0;
  t1 = hn::Sub(zero, a4);
  t2 = a6;
  t3 = hn::Sub(zero, a2);
  t4 = a3;
  t5 = hn::Sub(zero, a7);
  t6 = a5;
  t7 = hn::Sub(zero, a1);
}

// 7.13.2.11 inverse identity transform 4.
HWY_INLINE V Identity4(V x) {
  const D d;
  return Round2<12>(hn::Mul(x, hn::Set(d, itx::kIdentity4Scale)));
}
// 7.13.2.12 inverse identity transform 8.
HWY_INLINE V Identity8(V x) { return hn::Add(x, x); }

// 7.13.2.3 / .9 / .15 for n = 2.
template <Kind kKind>
HWY_INLINE void Inverse4(V& t0, V& t1, V& t2, V& t3, V lo, V hi) {
  if constexpr (kKind == Kind::kDct) {
    Dct4(t0, t1, t2, t3, lo, hi);
  } else if constexpr (kKind == Kind::kAdst) {
    Adst4(t0, t1, t2, t3);
  } else {
    t0 = Identity4(t0);
    t1 = Identity4(t1);
    t2 = Identity4(t2);
    t3 = Identity4(t3);
  }
}
// 7.13.2.3 / .9 / .15 for n = 3.
template <Kind kKind>
HWY_INLINE void Inverse8(V& t0, V& t1, V& t2, V& t3, V& t4, V& t5, V& t6, V& t7,
                         V lo, V hi) {
  if constexpr (kKind == Kind::kDct) {
    Dct8(t0, t1, t2, t3, t4, t5, t6, t7, lo, hi);
  } else if constexpr (kKind == Kind::kAdst) {
    Adst8(t0, t1, t2, t3, t4, t5, t6, t7, lo, hi);
  } else {
    t0 = Identity8(t0);
    t1 = Identity8(t1);
    t2 = Identity8(t2);
    t3 = Identity8(t3);
    t4 = Identity8(t4);
    t5 = Identity8(t5);
    t6 = Identity8(t6);
    t7 = Identity8(t7);
  }
}

// In-register 4x4 transpose of int32 lanes: r_k lane c -> r_c lane k.
HWY_INLINE void Transpose4x4(V& r0, V& r1, V& r2, V& r3) {
  const D d;
  const V t0 = hn::InterleaveLower(d, r0, r1);  // r0[0] r1[0] r0[1] r1[1]
  const V t1 = hn::InterleaveLower(d, r2, r3);  // r2[0] r3[0] r2[1] r3[1]
  const V t2 = hn::InterleaveUpper(d, r0, r1);  // r0[2] r1[2] r0[3] r1[3]
  const V t3 = hn::InterleaveUpper(d, r2, r3);  // r2[2] r3[2] r2[3] r3[3]
  r0 = hn::ConcatLowerLower(d, t1, t0);
  r1 = hn::ConcatUpperUpper(d, t1, t0);
  r2 = hn::ConcatLowerLower(d, t3, t2);
  r3 = hn::ConcatUpperUpper(d, t3, t2);
}

// Per-size constants: the 7.13.3 variables of a transform size.
template <int kTxSize>
struct ItxSizeParams {
  static constexpr int kLog2W = itx::kTxWidthLog2[kTxSize];
  static constexpr int kLog2H = itx::kTxHeightLog2[kTxSize];
  static constexpr int kW = 1 << kLog2W;
  static constexpr int kH = 1 << kLog2H;
  static constexpr int kTw = kW < 32 ? kW : 32;
  static constexpr int kTh = kH < 32 ? kH : 32;
  static constexpr int kRowShift = itx::kTransformRowShift[kTxSize];
  static constexpr bool kRect2 = kLog2W - kLog2H == 1 || kLog2H - kLog2W == 1;
};

// Row-pass epilogue for one vector: Round2( T[ j ], rowShift ), then the
// clamp to colClampRange bits before the column transforms.
template <int kRowShift>
HWY_INLINE V RowOut(V x, V lo, V hi) {
  return Clamp(Round2<kRowShift>(x), lo, hi);
}

// 7.13.3 row transforms for 4 rows starting at `row`; writes them (transposed
// back, rows x kW int32) to res.
template <class P, Kind kRowKind>
HWY_INLINE void RowPass4Rows(const int32_t* HWY_RESTRICT coeffs, int row,
                             int32_t* HWY_RESTRICT res, bool flip_lr, V row_lo,
                             V row_hi, V col_lo, V col_hi) {
  const D d;
  const int32_t* in = coeffs + row * P::kTw;
  int32_t* out = res + row * P::kW;
  const V rect = hn::Set(d, itx::kRectScale);
  if constexpr (P::kW == 4) {
    V t0 = hn::LoadU(d, in + 0 * P::kTw);
    V t1 = hn::LoadU(d, in + 1 * P::kTw);
    V t2 = hn::LoadU(d, in + 2 * P::kTw);
    V t3 = hn::LoadU(d, in + 3 * P::kTw);
    Transpose4x4(t0, t1, t2, t3);  // t_j lane k = coefficient (row + k, j)
    if constexpr (P::kRect2) {
      t0 = Round2<12>(hn::Mul(t0, rect));
      t1 = Round2<12>(hn::Mul(t1, rect));
      t2 = Round2<12>(hn::Mul(t2, rect));
      t3 = Round2<12>(hn::Mul(t3, rect));
    }
    Inverse4<kRowKind>(t0, t1, t2, t3, row_lo, row_hi);
    t0 = RowOut<P::kRowShift>(t0, col_lo, col_hi);
    t1 = RowOut<P::kRowShift>(t1, col_lo, col_hi);
    t2 = RowOut<P::kRowShift>(t2, col_lo, col_hi);
    t3 = RowOut<P::kRowShift>(t3, col_lo, col_hi);
    if (flip_lr) {
      const V s0 = t0, s1 = t1;
      t0 = t3;
      t1 = t2;
      t2 = s1;
      t3 = s0;
    }
    Transpose4x4(t0, t1, t2, t3);  // back to rows
    hn::StoreU(t0, d, out + 0 * P::kW);
    hn::StoreU(t1, d, out + 1 * P::kW);
    hn::StoreU(t2, d, out + 2 * P::kW);
    hn::StoreU(t3, d, out + 3 * P::kW);
  } else {
    static_assert(P::kW == 8, "only 4- and 8-point rows so far");
    V t0 = hn::LoadU(d, in + 0 * P::kTw);
    V t1 = hn::LoadU(d, in + 1 * P::kTw);
    V t2 = hn::LoadU(d, in + 2 * P::kTw);
    V t3 = hn::LoadU(d, in + 3 * P::kTw);
    V t4 = hn::LoadU(d, in + 0 * P::kTw + 4);
    V t5 = hn::LoadU(d, in + 1 * P::kTw + 4);
    V t6 = hn::LoadU(d, in + 2 * P::kTw + 4);
    V t7 = hn::LoadU(d, in + 3 * P::kTw + 4);
    Transpose4x4(t0, t1, t2, t3);
    Transpose4x4(t4, t5, t6, t7);
    if constexpr (P::kRect2) {
      t0 = Round2<12>(hn::Mul(t0, rect));
      t1 = Round2<12>(hn::Mul(t1, rect));
      t2 = Round2<12>(hn::Mul(t2, rect));
      t3 = Round2<12>(hn::Mul(t3, rect));
      t4 = Round2<12>(hn::Mul(t4, rect));
      t5 = Round2<12>(hn::Mul(t5, rect));
      t6 = Round2<12>(hn::Mul(t6, rect));
      t7 = Round2<12>(hn::Mul(t7, rect));
    }
    Inverse8<kRowKind>(t0, t1, t2, t3, t4, t5, t6, t7, row_lo, row_hi);
    t0 = RowOut<P::kRowShift>(t0, col_lo, col_hi);
    t1 = RowOut<P::kRowShift>(t1, col_lo, col_hi);
    t2 = RowOut<P::kRowShift>(t2, col_lo, col_hi);
    t3 = RowOut<P::kRowShift>(t3, col_lo, col_hi);
    t4 = RowOut<P::kRowShift>(t4, col_lo, col_hi);
    t5 = RowOut<P::kRowShift>(t5, col_lo, col_hi);
    t6 = RowOut<P::kRowShift>(t6, col_lo, col_hi);
    t7 = RowOut<P::kRowShift>(t7, col_lo, col_hi);
    if (flip_lr) {
      const V s0 = t0, s1 = t1, s2 = t2, s3 = t3;
      t0 = t7;
      t1 = t6;
      t2 = t5;
      t3 = t4;
      t4 = s3;
      t5 = s2;
      t6 = s1;
      t7 = s0;
    }
    Transpose4x4(t0, t1, t2, t3);
    Transpose4x4(t4, t5, t6, t7);
    hn::StoreU(t0, d, out + 0 * P::kW);
    hn::StoreU(t1, d, out + 1 * P::kW);
    hn::StoreU(t2, d, out + 2 * P::kW);
    hn::StoreU(t3, d, out + 3 * P::kW);
    hn::StoreU(t4, d, out + 0 * P::kW + 4);
    hn::StoreU(t5, d, out + 1 * P::kW + 4);
    hn::StoreU(t6, d, out + 2 * P::kW + 4);
    hn::StoreU(t7, d, out + 3 * P::kW + 4);
  }
}

// 7.12.3 step 3 for 4 pixels: Clip1( pred + residual ).
template <typename Pixel>
HWY_INLINE void AddToPixels(Pixel* HWY_RESTRICT p, V residual, V pixel_max) {
  const D d;
  const hn::Rebind<Pixel, D> dp;
  const V pred = hn::PromoteTo(d, hn::LoadU(dp, p));
  const V sum = Clamp(hn::Add(pred, residual), hn::Zero(d), pixel_max);
  hn::StoreU(hn::DemoteTo(dp, sum), dp, p);
}

// 7.13.3 column transforms + Round2( T[ i ], colShift = 4 ) + 7.12.3 step 3,
// for the 4 columns starting at `col` of res (kH x kW int32).
template <class P, Kind kColKind, typename Pixel>
HWY_INLINE void ColPass4Cols(const int32_t* HWY_RESTRICT res, int col, Pixel* dst,
                             ptrdiff_t stride, bool flip_ud, V col_lo, V col_hi,
                             V pixel_max) {
  const D d;
  const auto out_row = [&](int i) {
    return dst + (flip_ud ? (P::kH - 1 - i) : i) * stride + col;
  };
  if constexpr (P::kH == 4) {
    V t0 = hn::LoadU(d, res + 0 * P::kW + col);
    V t1 = hn::LoadU(d, res + 1 * P::kW + col);
    V t2 = hn::LoadU(d, res + 2 * P::kW + col);
    V t3 = hn::LoadU(d, res + 3 * P::kW + col);
    Inverse4<kColKind>(t0, t1, t2, t3, col_lo, col_hi);
    AddToPixels(out_row(0), Round2<4>(t0), pixel_max);
    AddToPixels(out_row(1), Round2<4>(t1), pixel_max);
    AddToPixels(out_row(2), Round2<4>(t2), pixel_max);
    AddToPixels(out_row(3), Round2<4>(t3), pixel_max);
  } else {
    static_assert(P::kH == 8, "only 4- and 8-point columns so far");
    V t0 = hn::LoadU(d, res + 0 * P::kW + col);
    V t1 = hn::LoadU(d, res + 1 * P::kW + col);
    V t2 = hn::LoadU(d, res + 2 * P::kW + col);
    V t3 = hn::LoadU(d, res + 3 * P::kW + col);
    V t4 = hn::LoadU(d, res + 4 * P::kW + col);
    V t5 = hn::LoadU(d, res + 5 * P::kW + col);
    V t6 = hn::LoadU(d, res + 6 * P::kW + col);
    V t7 = hn::LoadU(d, res + 7 * P::kW + col);
    Inverse8<kColKind>(t0, t1, t2, t3, t4, t5, t6, t7, col_lo, col_hi);
    AddToPixels(out_row(0), Round2<4>(t0), pixel_max);
    AddToPixels(out_row(1), Round2<4>(t1), pixel_max);
    AddToPixels(out_row(2), Round2<4>(t2), pixel_max);
    AddToPixels(out_row(3), Round2<4>(t3), pixel_max);
    AddToPixels(out_row(4), Round2<4>(t4), pixel_max);
    AddToPixels(out_row(5), Round2<4>(t5), pixel_max);
    AddToPixels(out_row(6), Round2<4>(t6), pixel_max);
    AddToPixels(out_row(7), Round2<4>(t7), pixel_max);
  }
}

// Scalar wrapping helpers for the DC-only path (same arithmetic as lanes).
HWY_INLINE int32_t WrapMul(int32_t a, int32_t b) {
  return static_cast<int32_t>(static_cast<uint32_t>(a) * static_cast<uint32_t>(b));
}
HWY_INLINE int32_t WrapRound2(int32_t x, int n) {
  if (n == 0) return x;
  return static_cast<int32_t>(static_cast<uint32_t>(x) + (uint32_t{1} << (n - 1))) >> n;
}

// DCT_DCT with only the DC coefficient (eob == 1).  Tracing 7.13.2.3 for the
// input [ dc, 0, ... ]: step 12 B( 0, 1, 32, 1 ) yields Round2( dc * 2896, 12 )
// in T[ 0 ] and T[ 1 ], every later H( a, b ) adds or subtracts a zero and
// clamps, so all outputs equal Clip3 to r bits of that value; all-zero rows
// stay zero.  The whole residual block is therefore one constant, computed
// here with the same wrapping arithmetic and clamps as the full path.
template <class P, typename Pixel>
HWY_INLINE void DcOnlyDctDctAdd(Pixel* dst, ptrdiff_t stride, int32_t* coeffs,
                                int bitdepth) {
  const D d;
  const int row_range = bitdepth + 8;
  const int col_range = std::max(bitdepth + 6, 16);
  const int32_t row_hi = (int32_t{1} << (row_range - 1)) - 1;
  const int32_t col_hi = (int32_t{1} << (col_range - 1)) - 1;
  int32_t v = coeffs[0];
  if constexpr (P::kRect2) v = WrapRound2(WrapMul(v, itx::kRectScale), 12);
  v = std::clamp(WrapRound2(WrapMul(v, itx::Cos128(32)), 12), -row_hi - 1, row_hi);
  v = std::clamp(WrapRound2(v, P::kRowShift), -col_hi - 1, col_hi);
  v = std::clamp(WrapRound2(WrapMul(v, itx::Cos128(32)), 12), -col_hi - 1, col_hi);
  v = WrapRound2(v, 4);
  const V residual = hn::Set(d, v);
  const V pixel_max = hn::Set(d, (int32_t{1} << bitdepth) - 1);
  for (int i = 0; i < P::kH; i++) {
    for (int j = 0; j < P::kW; j += 4) AddToPixels(dst + i * stride + j, residual, pixel_max);
  }
  coeffs[0] = 0;
}

// 7.13.3 row transforms of the whole block into res (kH x kW int32).  One
// instantiation per (size, row kind): flips are runtime flags so that the 16
// tx types share 3 row passes (this keeps the compile time of this file,
// built for every target, reasonable).
template <int kTxSize, Kind kRowKind>
HWY_NOINLINE void RowPass(const int32_t* HWY_RESTRICT coeffs, int32_t* HWY_RESTRICT res,
                          bool flip_lr, int bitdepth) {
  using P = ItxSizeParams<kTxSize>;
  const D d;
  // rowClampRange = BitDepth + 8, colClampRange = Max( BitDepth + 6, 16 ).
  const int row_range = bitdepth + 8;
  const int col_range = std::max(bitdepth + 6, 16);
  const V row_lo = hn::Set(d, -(int32_t{1} << (row_range - 1)));
  const V row_hi = hn::Set(d, (int32_t{1} << (row_range - 1)) - 1);
  const V col_lo = hn::Set(d, -(int32_t{1} << (col_range - 1)));
  const V col_hi = hn::Set(d, (int32_t{1} << (col_range - 1)) - 1);
  for (int row = 0; row < P::kH; row += 4) {
    RowPass4Rows<P, kRowKind>(coeffs, row, res, flip_lr, row_lo, row_hi, col_lo, col_hi);
  }
}

// 7.13.3 column transforms + 7.12.3 step 3; one instantiation per (size,
// column kind, pixel type).
template <int kTxSize, Kind kColKind, typename Pixel>
HWY_NOINLINE void ColPassAdd(const int32_t* HWY_RESTRICT res, Pixel* dst,
                             ptrdiff_t stride, bool flip_ud, int bitdepth) {
  using P = ItxSizeParams<kTxSize>;
  const D d;
  const int col_range = std::max(bitdepth + 6, 16);
  const V col_lo = hn::Set(d, -(int32_t{1} << (col_range - 1)));
  const V col_hi = hn::Set(d, (int32_t{1} << (col_range - 1)) - 1);
  const V pixel_max = hn::Set(d, (int32_t{1} << bitdepth) - 1);
  for (int col = 0; col < P::kW; col += 4) {
    ColPass4Cols<P, kColKind>(res, col, dst, stride, flip_ud, col_lo, col_hi, pixel_max);
  }
}

// One table entry: 7.13.3 + 7.12.3 step 3 for (kTxSize, kTxType).
template <typename Pixel, int kTxSize, int kTxType>
void ItxAdd(Pixel* dst, ptrdiff_t stride, int32_t* coeffs, int eob, int bitdepth) {
  using P = ItxSizeParams<kTxSize>;
  if constexpr (kTxType == 0) {  // DCT_DCT
    if (eob == 1) return DcOnlyDctDctAdd<P>(dst, stride, coeffs, bitdepth);
  }
  HWY_ALIGN int32_t res[P::kH * P::kW];
  RowPass<kTxSize, itx::RowKind(kTxType)>(coeffs, res, itx::FlipLR(kTxType), bitdepth);
  ColPassAdd<kTxSize, itx::ColKind(kTxType)>(res, dst, stride, itx::FlipUD(kTxType),
                                             bitdepth);
  const D d;
  const V zero = hn::Zero(d);
  for (int k = 0; k < P::kTw * P::kTh; k += 4) hn::StoreU(zero, d, coeffs + k);
}

template <typename Pixel, int kTxSize, int... kTxType>
void FillSize(ItxTable<Pixel>* table, std::integer_sequence<int, kTxType...>) {
  ((table->add[kTxSize][kTxType] = &ItxAdd<Pixel, kTxSize, kTxType>), ...);
}

template <typename Pixel>
void FillPixel(ItxTable<Pixel>* table) {
  constexpr auto kTypes = std::make_integer_sequence<int, kItxTxTypes>();
  FillSize<Pixel, itx::kTx4x4>(table, kTypes);
  FillSize<Pixel, itx::kTx8x8>(table, kTypes);
  FillSize<Pixel, itx::kTx4x8>(table, kTypes);
  FillSize<Pixel, itx::kTx8x4>(table, kTypes);
}

#endif  // HWY_TARGET != HWY_SCALAR

}  // namespace

// Fills the entries this target implements (HWY_SCALAR: none, it has only
// one lane; the reference kernels stay).
void FillItxTables(ItxTables* tables) {
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
#include "simd/itx.h"
#include "simd/target_select.h"

namespace hav1 {

HWY_EXPORT(FillItxTables);

bool FillItxTablesForTarget(int64_t target, ItxTables* tables) {
  const auto fill = HwyTableEntryForTarget(HWY_DISPATCH_TABLE(FillItxTables), target);
  if (fill == nullptr) return false;
  fill(tables);
  return true;
}

}  // namespace hav1
#endif  // HWY_ONCE
