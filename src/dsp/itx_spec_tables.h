// Constants and small tables of the AV1 inverse transform, transcribed from
// the spec, shared by the reference kernels (src/dsp/itx_ref.cc) and the
// Highway kernels (simd/itx.cc).  Everything is constexpr.
#ifndef HAV1_SRC_DSP_ITX_SPEC_TABLES_H_
#define HAV1_SRC_DSP_ITX_SPEC_TABLES_H_

#include <cstdint>

#include "src/common/tx_size.h"
#include "src/dsp/itx.h"

namespace hav1::itx {

// 7.13.2.1: Cos128_Lookup, 4096 * cos( angle * pi / 128 ) rounded.
inline constexpr int32_t kCos128Lookup[65] = {
    4096, 4095, 4091, 4085, 4076, 4065, 4052, 4036,
    4017, 3996, 3973, 3948, 3920, 3889, 3857, 3822,
    3784, 3745, 3703, 3659, 3612, 3564, 3513, 3461,
    3406, 3349, 3290, 3229, 3166, 3102, 3035, 2967,
    2896, 2824, 2751, 2675, 2598, 2520, 2440, 2359,
    2276, 2191, 2106, 2019, 1931, 1842, 1751, 1660,
    1567, 1474, 1380, 1285, 1189, 1092, 995, 897,
    799, 700, 601, 501, 401, 301, 201, 101, 0};

// 7.13.2.1 cos128( angle ).
constexpr int32_t Cos128(int angle) {
  const int angle2 = angle & 255;
  if (angle2 <= 64) return kCos128Lookup[angle2];
  if (angle2 <= 128) return -kCos128Lookup[128 - angle2];
  if (angle2 <= 192) return -kCos128Lookup[angle2 - 128];
  return kCos128Lookup[256 - angle2];
}
// 7.13.2.1 sin128( angle ) = cos128( angle - 64 ).
constexpr int32_t Sin128(int angle) { return Cos128(angle - 64); }

// 7.13.2.6: the inverse ADST4 constants.
inline constexpr int32_t kSinPi19 = 1321;
inline constexpr int32_t kSinPi29 = 2482;
inline constexpr int32_t kSinPi39 = 3344;
inline constexpr int32_t kSinPi49 = 3803;

// 7.13.2.11 / 7.13.2.13 identity scale factors; 7.13.3 rectangular scale.
inline constexpr int32_t kIdentity4Scale = 5793;
inline constexpr int32_t kIdentity16Scale = 11586;
inline constexpr int32_t kRectScale = 2896;

// 7.13.3: Transform_Row_Shift[ TX_SIZES_ALL ].
inline constexpr int kTransformRowShift[kItxTxSizes] = {0, 1, 2, 2, 2, 0, 0, 1, 1, 1,
                                                        1, 1, 1, 1, 1, 2, 2, 2, 2};
// Tx_Width_Log2 / Tx_Height_Log2 (section 10) are the shared ones.
using ::hav1::kTxHeightLog2;
using ::hav1::kTxWidthLog2;

// Spec TxSize values used by the 4/8-point kernels.
inline constexpr int kTx4x4 = 0;
inline constexpr int kTx8x8 = 1;
inline constexpr int kTx4x8 = 5;
inline constexpr int kTx8x4 = 6;

// The kind of 1D transform applied to rows or columns.
enum class Kind { kDct, kAdst, kIdentity };

// Per PlaneTxType (section 3 symbols: the first word names the column
// (vertical) transform, the second the row (horizontal) one), as in 7.13.3.
constexpr Kind RowKind(int tx_type) {
  switch (tx_type) {
    case 0: case 1: case 4: case 11:  // DCT_DCT ADST_DCT FLIPADST_DCT H_DCT
      return Kind::kDct;
    case 9: case 10: case 12: case 14:  // IDTX V_DCT V_ADST V_FLIPADST
      return Kind::kIdentity;
    default:
      return Kind::kAdst;
  }
}
constexpr Kind ColKind(int tx_type) {
  switch (tx_type) {
    case 0: case 2: case 5: case 10:  // DCT_DCT DCT_ADST DCT_FLIPADST V_DCT
      return Kind::kDct;
    case 9: case 11: case 13: case 15:  // IDTX H_DCT H_ADST H_FLIPADST
      return Kind::kIdentity;
    default:
      return Kind::kAdst;
  }
}
// 7.12.3: flipUD (FLIPADST_DCT, FLIPADST_ADST, V_FLIPADST, FLIPADST_FLIPADST)
// and flipLR (DCT_FLIPADST, ADST_FLIPADST, H_FLIPADST, FLIPADST_FLIPADST).
constexpr bool FlipUD(int t) { return t == 4 || t == 8 || t == 14 || t == 6; }
constexpr bool FlipLR(int t) { return t == 5 || t == 7 || t == 15 || t == 6; }

// Which 1D transform sizes exist: DCT 4..64 (7.13.2.3), ADST 4..16 (7.13.2.9),
// identity 4..32 (7.13.2.15).
constexpr bool KindExists(Kind kind, int log2n) {
  switch (kind) {
    case Kind::kDct: return log2n >= 2 && log2n <= 6;
    case Kind::kAdst: return log2n >= 2 && log2n <= 4;
    case Kind::kIdentity: return log2n >= 2 && log2n <= 5;
  }
  return false;
}

}  // namespace hav1::itx

#endif  // HAV1_SRC_DSP_ITX_SPEC_TABLES_H_
