// Highway inverse transform + add kernels for every transform size (TX_4X4
// .. TX_64X16) and every tx type whose 1D transforms exist: 7.13.2 (1D
// transforms), 7.13.3 (2D inverse transform process), 7.12.3 step 3 (add with
// Clip1).
//
// Layout: every vector is 4 int32 lanes (FixedTag<int32_t, 4>, valid on every
// target).  The row pass loads 4 coefficient rows, transposes each 4x4 tile so
// that vector j holds column j of those rows, and runs the 1D transform ACROSS
// vectors (4 rows at once); the result is transposed back into an int32
// buffer (row groups with all-zero coefficients skip the transform).  The
// column pass loads 4-column groups of that buffer (vector i = row i) and
// again transforms across vectors.  FLIPADST flips are free: the row outputs
// are reordered (flipLR) and the column outputs are written to mirrored rows
// (flipUD).  64-point sizes read only the coded top-left 32x32 coefficients.
//
// Instantiations are kept few: one row pass per (width, row kind), one column
// pass per (height, column kind, pixel type), one out-of-line 1D transform per
// (kind, length >= 16); the 16 tx types only pick those and pass run-time
// flip flags, shifts and the rectangular-scale flag.
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
#include <type_traits>
#include <utility>

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

// Calls f( std::integral_constant< int, i >() ) for i = 0 .. kN - 1, so that
// the loop bodies of 7.13.2 get compile-time indices and angles.
template <int kN, class F>
HWY_INLINE void Unroll(const F& f) {
  [&]<int... kI>(std::integer_sequence<int, kI...>) {
    (f(std::integral_constant<int, kI>()), ...);
  }(std::make_integer_sequence<int, kN>());
}
#define HAV1_IDX(c) decltype(c)::value

// 7.13.2.1 brev( numBits, x ).
constexpr int Brev(int num_bits, int x) {
  int t = 0;
  for (int i = 0; i < num_bits; i++) t |= ((x >> i) & 1) << (num_bits - 1 - i);
  return t;
}

// 7.13.2.3 inverse DCT for n = 4, 5, 6 on the array T (one vector = one
// element of T for 4 transforms at once), step by step as in the spec.
template <int n>
HWY_INLINE void DctN(V* HWY_RESTRICT T, V lo, V hi) {
  constexpr int kN = 1 << n;
  {  // step 1: 7.13.2.2 permutation
    V copy[kN];
    Unroll<kN>([&](auto ic) { copy[HAV1_IDX(ic)] = T[HAV1_IDX(ic)]; });
    Unroll<kN>([&](auto ic) {
      constexpr int i = HAV1_IDX(ic);
      T[i] = copy[Brev(n, i)];
    });
  }
  if constexpr (n == 6) {
    Unroll<16>([&](auto ic) {
      constexpr int i = HAV1_IDX(ic);
      B<63 - 4 * Brev(4, i), false>(T[32 + i], T[63 - i]);
    });
  }
  if constexpr (n >= 5) {
    Unroll<8>([&](auto ic) {
      constexpr int i = HAV1_IDX(ic);
      B<6 + (Brev(3, 7 - i) << 3), false>(T[16 + i], T[31 - i]);
    });
  }
  if constexpr (n == 6) {
    Unroll<16>([&](auto ic) {
      constexpr int i = HAV1_IDX(ic);
      H<(i & 1) != 0>(T[32 + i * 2], T[33 + i * 2], lo, hi);
    });
  }
  Unroll<4>([&](auto ic) {  // n >= 4
    constexpr int i = HAV1_IDX(ic);
    B<12 + (Brev(2, 3 - i) << 4), false>(T[8 + i], T[15 - i]);
  });
  if constexpr (n >= 5) {
    Unroll<8>([&](auto ic) {
      constexpr int i = HAV1_IDX(ic);
      H<(i & 1) != 0>(T[16 + 2 * i], T[17 + 2 * i], lo, hi);
    });
  }
  if constexpr (n == 6) {
    Unroll<4>([&](auto ic) {
      constexpr int i = HAV1_IDX(ic);
      Unroll<2>([&](auto jc) {
        constexpr int j = HAV1_IDX(jc);
        B<60 - 16 * Brev(2, i) + 64 * j, true>(T[62 - i * 4 - j], T[33 + i * 4 + j]);
      });
    });
  }
  Unroll<2>([&](auto ic) {  // n >= 3
    constexpr int i = HAV1_IDX(ic);
    B<56 - 32 * i, false>(T[4 + i], T[7 - i]);
  });
  Unroll<4>([&](auto ic) {  // n >= 4
    constexpr int i = HAV1_IDX(ic);
    H<(i & 1) != 0>(T[8 + 2 * i], T[9 + 2 * i], lo, hi);
  });
  if constexpr (n >= 5) {
    Unroll<2>([&](auto ic) {
      constexpr int i = HAV1_IDX(ic);
      Unroll<2>([&](auto jc) {
        constexpr int j = HAV1_IDX(jc);
        B<24 + (j << 6) + ((1 - i) << 5), true>(T[30 - 4 * i - j], T[17 + 4 * i + j]);
      });
    });
  }
  if constexpr (n == 6) {
    Unroll<8>([&](auto ic) {
      constexpr int i = HAV1_IDX(ic);
      Unroll<2>([&](auto jc) {
        constexpr int j = HAV1_IDX(jc);
        H<(i & 1) != 0>(T[32 + i * 4 + j], T[35 + i * 4 - j], lo, hi);
      });
    });
  }
  Unroll<2>([&](auto ic) {  // step 12
    constexpr int i = HAV1_IDX(ic);
    B<32 + 16 * i, i == 0>(T[2 * i], T[2 * i + 1]);
  });
  Unroll<2>([&](auto ic) {  // n >= 3
    constexpr int i = HAV1_IDX(ic);
    H<i != 0>(T[4 + 2 * i], T[5 + 2 * i], lo, hi);
  });
  Unroll<2>([&](auto ic) {  // n >= 4
    constexpr int i = HAV1_IDX(ic);
    B<48 + 64 * i, true>(T[14 - i], T[9 + i]);
  });
  if constexpr (n >= 5) {
    Unroll<4>([&](auto ic) {
      constexpr int i = HAV1_IDX(ic);
      Unroll<2>([&](auto jc) {
        constexpr int j = HAV1_IDX(jc);
        H<(i & 1) != 0>(T[16 + 4 * i + j], T[19 + 4 * i - j], lo, hi);
      });
    });
  }
  if constexpr (n == 6) {
    Unroll<2>([&](auto ic) {
      constexpr int i = HAV1_IDX(ic);
      Unroll<4>([&](auto jc) {
        constexpr int j = HAV1_IDX(jc);
        B<56 - i * 32 + (j >> 1) * 64, true>(T[61 - i * 8 - j], T[34 + i * 8 + j]);
      });
    });
  }
  Unroll<2>([&](auto ic) {  // step 17
    constexpr int i = HAV1_IDX(ic);
    H<false>(T[i], T[3 - i], lo, hi);
  });
  B<32, true>(T[6], T[5]);  // n >= 3
  Unroll<2>([&](auto ic) {  // n >= 4
    constexpr int i = HAV1_IDX(ic);
    Unroll<2>([&](auto jc) {
      constexpr int j = HAV1_IDX(jc);
      H<i != 0>(T[8 + 4 * i + j], T[11 + 4 * i - j], lo, hi);
    });
  });
  if constexpr (n >= 5) {
    Unroll<4>([&](auto ic) {
      constexpr int i = HAV1_IDX(ic);
      B<48 + (i >> 1) * 64, true>(T[29 - i], T[18 + i]);
    });
  }
  if constexpr (n == 6) {
    Unroll<4>([&](auto ic) {
      constexpr int i = HAV1_IDX(ic);
      Unroll<4>([&](auto jc) {
        constexpr int j = HAV1_IDX(jc);
        H<(i & 1) != 0>(T[32 + 8 * i + j], T[39 + 8 * i - j], lo, hi);
      });
    });
  }
  Unroll<4>([&](auto ic) {  // n >= 3
    constexpr int i = HAV1_IDX(ic);
    H<false>(T[i], T[7 - i], lo, hi);
  });
  Unroll<2>([&](auto ic) {  // n >= 4
    constexpr int i = HAV1_IDX(ic);
    B<32, true>(T[13 - i], T[10 + i]);
  });
  if constexpr (n >= 5) {
    Unroll<2>([&](auto ic) {
      constexpr int i = HAV1_IDX(ic);
      Unroll<4>([&](auto jc) {
        constexpr int j = HAV1_IDX(jc);
        H<i != 0>(T[16 + i * 8 + j], T[23 + i * 8 - j], lo, hi);
      });
    });
  }
  if constexpr (n == 6) {
    Unroll<8>([&](auto ic) {
      constexpr int i = HAV1_IDX(ic);
      B<(i < 4 ? 48 : 112), true>(T[59 - i], T[36 + i]);
    });
  }
  Unroll<8>([&](auto ic) {  // n >= 4
    constexpr int i = HAV1_IDX(ic);
    H<false>(T[i], T[15 - i], lo, hi);
  });
  if constexpr (n >= 5) {
    Unroll<4>([&](auto ic) {
      constexpr int i = HAV1_IDX(ic);
      B<32, true>(T[27 - i], T[20 + i]);
    });
  }
  if constexpr (n == 6) {
    Unroll<8>([&](auto ic) {
      constexpr int i = HAV1_IDX(ic);
      H<false>(T[32 + i], T[47 - i], lo, hi);
      H<true>(T[48 + i], T[63 - i], lo, hi);
    });
  }
  if constexpr (n >= 5) {
    Unroll<16>([&](auto ic) {
      constexpr int i = HAV1_IDX(ic);
      H<false>(T[i], T[31 - i], lo, hi);
    });
  }
  if constexpr (n == 6) {
    Unroll<8>([&](auto ic) {
      constexpr int i = HAV1_IDX(ic);
      B<32, true>(T[55 - i], T[40 + i]);
    });
    Unroll<32>([&](auto ic) {
      constexpr int i = HAV1_IDX(ic);
      H<false>(T[i], T[63 - i], lo, hi);
    });
  }
}

// 7.13.2.5: the source index of output i of the ADST16 output permutation.
constexpr int Adst16OutIndex(int i) {
  const int a = (i >> 3) & 1;
  const int b = ((i >> 2) & 1) ^ ((i >> 3) & 1);
  const int c = ((i >> 1) & 1) ^ ((i >> 2) & 1);
  const int d = (i & 1) ^ ((i >> 1) & 1);
  return (d << 3) | (c << 2) | (b << 1) | a;
}

// 7.13.2.8 inverse ADST16 (with the 7.13.2.4 / 7.13.2.5 permutations).
HWY_INLINE void Adst16(V* HWY_RESTRICT T, V lo, V hi) {
  const D d;
  {
    V copy[16];
    Unroll<16>([&](auto ic) { copy[HAV1_IDX(ic)] = T[HAV1_IDX(ic)]; });
    Unroll<16>([&](auto ic) {
      constexpr int i = HAV1_IDX(ic);
      T[i] = copy[(i & 1) ? (i - 1) : (15 - i)];
    });
  }
  Unroll<8>([&](auto ic) {
    constexpr int i = HAV1_IDX(ic);
    B<62 - 8 * i, true>(T[2 * i], T[2 * i + 1]);
  });
  Unroll<8>([&](auto ic) {
    constexpr int i = HAV1_IDX(ic);
    H<false>(T[i], T[8 + i], lo, hi);
  });
  Unroll<2>([&](auto ic) {
    constexpr int i = HAV1_IDX(ic);
    B<56 - 32 * i, true>(T[8 + 2 * i], T[9 + 2 * i]);
    B<8 + 32 * i, true>(T[13 + 2 * i], T[12 + 2 * i]);
  });
  Unroll<4>([&](auto ic) {
    constexpr int i = HAV1_IDX(ic);
    Unroll<2>([&](auto jc) {
      constexpr int j = HAV1_IDX(jc);
      H<false>(T[8 * j + i], T[4 + 8 * j + i], lo, hi);
    });
  });
  Unroll<2>([&](auto ic) {
    constexpr int i = HAV1_IDX(ic);
    Unroll<2>([&](auto jc) {
      constexpr int j = HAV1_IDX(jc);
      B<48 - 32 * i, true>(T[4 + 8 * j + 3 * i], T[5 + 8 * j + i]);
    });
  });
  Unroll<2>([&](auto ic) {
    constexpr int i = HAV1_IDX(ic);
    Unroll<4>([&](auto jc) {
      constexpr int j = HAV1_IDX(jc);
      H<false>(T[4 * j + i], T[2 + 4 * j + i], lo, hi);
    });
  });
  Unroll<4>([&](auto ic) {
    constexpr int i = HAV1_IDX(ic);
    B<32, true>(T[2 + 4 * i], T[3 + 4 * i]);
  });
  V copy[16];
  Unroll<16>([&](auto ic) { copy[HAV1_IDX(ic)] = T[HAV1_IDX(ic)]; });
  const V zero = hn::Zero(d);
  Unroll<16>([&](auto ic) {
    constexpr int i = HAV1_IDX(ic);
    T[i] = (i & 1) ? hn::Sub(zero, copy[Adst16OutIndex(i)]) : copy[Adst16OutIndex(i)];
  });
}

// The 16-, 32- and 64-point 1D transforms: one out-of-line function per
// (kind, size), shared by the row and column passes of every size.
template <Kind kKind, int kLog2N>
HWY_NOINLINE void InverseLarge(V* HWY_RESTRICT t, V lo, V hi) {
  const D d;
  if constexpr (kKind == Kind::kDct) {
    DctN<kLog2N>(t, lo, hi);
  } else if constexpr (kKind == Kind::kAdst) {
    static_assert(kLog2N == 4, "ADST exists up to 16 points");
    Adst16(t, lo, hi);
  } else if constexpr (kLog2N == 4) {  // 7.13.2.13 inverse identity transform 16
    const V k = hn::Set(d, itx::kIdentity16Scale);
    for (int i = 0; i < 16; i++) t[i] = Round2<12>(hn::Mul(t[i], k));
  } else {  // 7.13.2.14 inverse identity transform 32
    static_assert(kLog2N == 5, "identity exists up to 32 points");
    for (int i = 0; i < 32; i++) t[i] = hn::ShiftLeft<2>(t[i]);
  }
}

// 7.13.2.3 / .9 / .15: the 1D inverse transform of kind kKind over
// 1 << kLog2N elements of t (4 transforms at once, one per lane).
template <Kind kKind, int kLog2N>
HWY_INLINE void Inverse1D(V* HWY_RESTRICT t, V lo, V hi) {
  if constexpr (kLog2N == 2) {
    Inverse4<kKind>(t[0], t[1], t[2], t[3], lo, hi);
  } else if constexpr (kLog2N == 3) {
    Inverse8<kKind>(t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], lo, hi);
  } else {
    InverseLarge<kKind, kLog2N>(t, lo, hi);
  }
}

// Round2( x, n ) with a run-time n (n >= 0).
HWY_INLINE V Round2Var(V x, int n) {
  if (n == 0) return x;
  const D d;
  return hn::ShiftRightSame(hn::Add(x, hn::Set(d, int32_t{1} << (n - 1))), n);
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

// 7.13.3 row transforms (with the rectangular scaling, Round2( rowShift ) and
// the colClampRange clamp) of rows 0 .. min( h, 32 ) - 1 into res (row-major,
// 1 << kLog2W int32 per row); rows 32.. have zero input and are not stored.
// 4 rows at a time: each 4x4 coefficient tile is transposed so that vector j
// holds column j of those rows, then the 1D transform runs across vectors.
// Row groups whose coefficients are all zero give zero rows (every 1D
// transform maps zero to zero) and skip the transform.  One instantiation per
// (width, row kind); everything else is a run-time parameter.
template <int kLog2W, Kind kRowKind>
HWY_NOINLINE void RowPass(const int32_t* HWY_RESTRICT coeffs, int32_t* HWY_RESTRICT res,
                          int h, bool rect2, int row_shift, bool flip_lr,
                          int bitdepth) {
  constexpr int kW = 1 << kLog2W;
  constexpr int kTw = kW < 32 ? kW : 32;
  const D d;
  // rowClampRange = BitDepth + 8, colClampRange = Max( BitDepth + 6, 16 ).
  const int row_range = bitdepth + 8;
  const int col_range = std::max(bitdepth + 6, 16);
  const V row_lo = hn::Set(d, -(int32_t{1} << (row_range - 1)));
  const V row_hi = hn::Set(d, (int32_t{1} << (row_range - 1)) - 1);
  const V col_lo = hn::Set(d, -(int32_t{1} << (col_range - 1)));
  const V col_hi = hn::Set(d, (int32_t{1} << (col_range - 1)) - 1);
  const V rect = hn::Set(d, itx::kRectScale);
  const V zero = hn::Zero(d);
  const int rows = std::min(h, 32);
  HWY_ALIGN V t[kW];
  for (int row = 0; row < rows; row += 4) {
    const int32_t* in = coeffs + row * kTw;
    int32_t* out = res + row * kW;
    V any = zero;
    for (int cb = 0; cb < kTw; cb += 4) {
      t[cb + 0] = hn::LoadU(d, in + 0 * kTw + cb);
      t[cb + 1] = hn::LoadU(d, in + 1 * kTw + cb);
      t[cb + 2] = hn::LoadU(d, in + 2 * kTw + cb);
      t[cb + 3] = hn::LoadU(d, in + 3 * kTw + cb);
      any = hn::Or(any, hn::Or(hn::Or(t[cb], t[cb + 1]), hn::Or(t[cb + 2], t[cb + 3])));
    }
    if (hn::AllTrue(d, hn::Eq(any, zero))) {
      for (int k = 0; k < 4 * kW; k += 4) hn::Store(zero, d, out + k);
      continue;
    }
    for (int cb = 0; cb < kTw; cb += 4) {
      Transpose4x4(t[cb], t[cb + 1], t[cb + 2], t[cb + 3]);  // t_j lane k = (row + k, j)
    }
    for (int j = kTw; j < kW; j++) t[j] = zero;  // columns 32..63 are not coded
    if (rect2) {
      for (int j = 0; j < kTw; j++) t[j] = Round2<12>(hn::Mul(t[j], rect));
    }
    Inverse1D<kRowKind, kLog2W>(t, row_lo, row_hi);
    for (int j = 0; j < kW; j++) t[j] = Clamp(Round2Var(t[j], row_shift), col_lo, col_hi);
    for (int cb = 0; cb < kW; cb += 4) {
      // flipLR: output column j comes from T[ w - 1 - j ].
      V r0 = t[cb], r1 = t[cb + 1], r2 = t[cb + 2], r3 = t[cb + 3];
      int oc = cb;
      if (flip_lr) {
        r0 = t[cb + 3];
        r1 = t[cb + 2];
        r2 = t[cb + 1];
        r3 = t[cb];
        oc = kW - 4 - cb;
      }
      Transpose4x4(r0, r1, r2, r3);  // back to rows
      hn::Store(r0, d, out + 0 * kW + oc);
      hn::Store(r1, d, out + 1 * kW + oc);
      hn::Store(r2, d, out + 2 * kW + oc);
      hn::Store(r3, d, out + 3 * kW + oc);
    }
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

// 7.13.3 column transforms + Round2( T[ i ], colShift = 4 ) + 7.12.3 step 3
// (flipUD writes output row i to row h - 1 - i), 4 columns at a time; res
// holds min( h, 32 ) rows of w int32 (rows 32.. are zero).  One instantiation
// per (height, column kind, pixel type).
template <int kLog2H, Kind kColKind, typename Pixel>
HWY_NOINLINE void ColPassAdd(const int32_t* HWY_RESTRICT res, int w, Pixel* dst,
                             ptrdiff_t stride, bool flip_ud, int bitdepth) {
  constexpr int kH = 1 << kLog2H;
  constexpr int kRows = kH < 32 ? kH : 32;
  const D d;
  const int col_range = std::max(bitdepth + 6, 16);
  const V col_lo = hn::Set(d, -(int32_t{1} << (col_range - 1)));
  const V col_hi = hn::Set(d, (int32_t{1} << (col_range - 1)) - 1);
  const V pixel_max = hn::Set(d, (int32_t{1} << bitdepth) - 1);
  const V zero = hn::Zero(d);
  HWY_ALIGN V t[kH];
  Pixel* first = flip_ud ? dst + (kH - 1) * stride : dst;
  const ptrdiff_t step = flip_ud ? -stride : stride;
  for (int col = 0; col < w; col += 4) {
    for (int i = 0; i < kRows; i++) t[i] = hn::Load(d, res + i * w + col);
    for (int i = kRows; i < kH; i++) t[i] = zero;
    Inverse1D<kColKind, kLog2H>(t, col_lo, col_hi);
    Pixel* p = first + col;
    for (int i = 0; i < kH; i++, p += step) AddToPixels(p, Round2<4>(t[i]), pixel_max);
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
// in T[ 0 ] and T[ 1 ], every other B sees two zeros, and every later
// H( a, b ) adds or subtracts a zero and clamps, so all outputs equal Clip3 to
// r bits of that value (for every n, the 64-point DCT included); all-zero rows
// stay zero.  The whole residual block is therefore one constant, computed
// here with the same wrapping arithmetic and clamps as the full path.
template <typename Pixel>
HWY_NOINLINE void DcOnlyDctDctAdd(Pixel* dst, ptrdiff_t stride, int32_t* coeffs, int w,
                                  int h, bool rect2, int row_shift, int bitdepth) {
  const D d;
  const int row_range = bitdepth + 8;
  const int col_range = std::max(bitdepth + 6, 16);
  const int32_t row_hi = (int32_t{1} << (row_range - 1)) - 1;
  const int32_t col_hi = (int32_t{1} << (col_range - 1)) - 1;
  int32_t v = coeffs[0];
  if (rect2) v = WrapRound2(WrapMul(v, itx::kRectScale), 12);
  v = std::clamp(WrapRound2(WrapMul(v, itx::Cos128(32)), 12), -row_hi - 1, row_hi);
  v = std::clamp(WrapRound2(v, row_shift), -col_hi - 1, col_hi);
  v = std::clamp(WrapRound2(WrapMul(v, itx::Cos128(32)), 12), -col_hi - 1, col_hi);
  v = WrapRound2(v, 4);
  const V residual = hn::Set(d, v);
  const V pixel_max = hn::Set(d, (int32_t{1} << bitdepth) - 1);
  for (int i = 0; i < h; i++) {
    for (int j = 0; j < w; j += 4) AddToPixels(dst + i * stride + j, residual, pixel_max);
  }
  coeffs[0] = 0;
}

// One table entry: 7.13.3 + 7.12.3 step 3 for (kTxSize, kTxType).
template <typename Pixel, int kTxSize, int kTxType>
void ItxAdd(Pixel* dst, ptrdiff_t stride, int32_t* coeffs, int eob, int bitdepth) {
  using P = ItxSizeParams<kTxSize>;
  if constexpr (kTxType == 0) {  // DCT_DCT
    if (eob == 1) {
      return DcOnlyDctDctAdd(dst, stride, coeffs, P::kW, P::kH, P::kRect2, P::kRowShift,
                             bitdepth);
    }
  }
  HWY_ALIGN int32_t res[P::kTh * P::kW];
  RowPass<P::kLog2W, itx::RowKind(kTxType)>(coeffs, res, P::kH, P::kRect2, P::kRowShift,
                                            itx::FlipLR(kTxType), bitdepth);
  ColPassAdd<P::kLog2H, itx::ColKind(kTxType)>(res, P::kW, dst, stride,
                                               itx::FlipUD(kTxType), bitdepth);
  std::fill(coeffs, coeffs + P::kTw * P::kTh, 0);
}

// Installs ItxAdd for (kTxSize, kTxType) if its 1D transforms exist (ADST up
// to 16 points, identity up to 32, DCT up to 64); leaves the entry otherwise.
template <typename Pixel, int kTxSize, int kTxType>
void FillEntry(ItxTable<Pixel>* table) {
  constexpr int kLog2W = itx::kTxWidthLog2[kTxSize];
  constexpr int kLog2H = itx::kTxHeightLog2[kTxSize];
  if constexpr (itx::KindExists(itx::RowKind(kTxType), kLog2W) &&
                itx::KindExists(itx::ColKind(kTxType), kLog2H)) {
    table->add[kTxSize][kTxType] = &ItxAdd<Pixel, kTxSize, kTxType>;
  }
}

template <typename Pixel, int kTxSize, int... kTxType>
void FillSize(ItxTable<Pixel>* table, std::integer_sequence<int, kTxType...>) {
  (FillEntry<Pixel, kTxSize, kTxType>(table), ...);
}

template <typename Pixel, int... kTxSize>
void FillSizes(ItxTable<Pixel>* table, std::integer_sequence<int, kTxSize...>) {
  (FillSize<Pixel, kTxSize>(table, std::make_integer_sequence<int, kItxTxTypes>()), ...);
}

template <typename Pixel>
void FillPixel(ItxTable<Pixel>* table) {
  FillSizes(table, std::make_integer_sequence<int, kItxTxSizes>());
}

#undef HAV1_IDX

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
