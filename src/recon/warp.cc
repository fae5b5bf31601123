// Warped motion: 7.11.3.5 block warp, 7.11.3.6 setup shear, 7.11.3.7 resolve
// divisor, 7.11.3.8 warp estimation.
//
// The spec's arithmetic is on mathematical integers.  Where its values can
// exceed 32 bits (dstX / dstY, the least squares sums and determinant, the
// products with divFactor) this file computes in int64_t, and in 128 bits
// for the products with divFactor whose size the spec does not bound well
// below 2^63.  Inputs that a conforming decoder cannot produce (hostile or
// garbage parameters) are clamped so that nothing reads outside the
// reference plane or the tables and no arithmetic is undefined.
#include "src/recon/warp.h"

#include <bit>
#include <cstdlib>

#include "src/common/intops.h"
#include "src/recon/inter_tables.h"

namespace hav1::recon {
namespace {

__extension__ typedef __int128 Int128;

constexpr int kPrecBits = tile::WARPEDMODEL_PREC_BITS;
constexpr int64_t kOne = int64_t{1} << kPrecBits;  // 1 << WARPEDMODEL_PREC_BITS
// Last valid row index of Warped_Filters.
constexpr int kLastFilter = tile::WARPEDPIXEL_PREC_SHIFTS * 3;

// Round2Signed of a 128-bit product (4.7), n >= 0.
Int128 Round2Signed128(Int128 x, int n) {
  if (n == 0) return x;
  const Int128 half = Int128{1} << (n - 1);
  return x >= 0 ? (x + half) >> n : -((-x + half) >> n);
}

int64_t Clip3Wide(int64_t lo, int64_t hi, Int128 x) {
  return x < lo ? lo : (x > hi ? hi : static_cast<int64_t>(x));
}

// Round2Signed( x, WARP_PARAM_REDUCE_BITS ) << WARP_PARAM_REDUCE_BITS for
// |x| <= 32768 (7.11.3.6).
int ReduceShearParam(int x) {
  return Round2Signed(x, tile::WARP_PARAM_REDUCE_BITS) * (1 << tile::WARP_PARAM_REDUCE_BITS);
}

// Warped_Filters row for a position sx / sy (7.11.3.5).  For parameters that
// passed setup shear the index is always in 0..192; the clamp only guards
// against callers that warp with invalid parameters.
const int16_t* WarpFilter(int64_t pos) {
  const int64_t offs = Round2(pos, tile::WARPEDDIFF_PREC_BITS) + tile::WARPEDPIXEL_PREC_SHIFTS;
  return Warped_Filters[Clip3<int64_t>(0, kLastFilter, offs)];
}

// ls_product of 7.11.3.8.
int64_t LsProduct(int64_t a, int64_t b) { return ((a * b) >> 2) + (a + b); }

}  // namespace

// 7.11.3.7 resolve divisor process.  d is never 0 in the spec (warpParams[ 2 ]
// is near 1 << WARPEDMODEL_PREC_BITS, det is checked before); 0 is treated
// as 1 so the table index stays valid.
void ResolveDivisor(int64_t d, int* div_shift, int* div_factor) {
  uint64_t abs_d = d < 0 ? uint64_t{0} - static_cast<uint64_t>(d) : static_cast<uint64_t>(d);
  if (abs_d == 0) abs_d = 1;
  const int n = static_cast<int>(std::bit_width(abs_d)) - 1;  // FloorLog2( Abs( d ) )
  const uint64_t e = abs_d - (uint64_t{1} << n);
  uint64_t f;
  if (n > tile::DIV_LUT_BITS) {
    const int s = n - tile::DIV_LUT_BITS;
    f = (e + (uint64_t{1} << (s - 1))) >> s;  // Round2( e, n - DIV_LUT_BITS )
  } else {
    f = e << (tile::DIV_LUT_BITS - n);
  }
  // f <= DIV_LUT_NUM - 1 by construction (e < 1 << n).
  *div_shift = n + tile::DIV_LUT_PREC_BITS;
  const int factor = Div_Lut[f];
  *div_factor = d < 0 ? -factor : factor;
}

// 7.11.3.6 setup shear process.
bool SetupShear(const int32_t warp_params[6], int* alpha, int* beta, int* gamma, int* delta) {
  const int64_t p2 = warp_params[2], p3 = warp_params[3], p4 = warp_params[4],
                p5 = warp_params[5];
  const int alpha0 = static_cast<int>(Clip3<int64_t>(-32768, 32767, p2 - kOne));
  const int beta0 = static_cast<int>(Clip3<int64_t>(-32768, 32767, p3));
  int div_shift, div_factor;
  ResolveDivisor(p2, &div_shift, &div_factor);
  const Int128 v = Int128{p4} * kOne;
  const int gamma0 = static_cast<int>(
      Clip3Wide(-32768, 32767, Round2Signed128(v * div_factor, div_shift)));
  const Int128 w = Int128{p3} * p4;
  const int delta0 = static_cast<int>(Clip3Wide(
      -32768, 32767, Int128{p5} - Round2Signed128(w * div_factor, div_shift) - kOne));
  *alpha = ReduceShearParam(alpha0);
  *beta = ReduceShearParam(beta0);
  *gamma = ReduceShearParam(gamma0);
  *delta = ReduceShearParam(delta0);
  if (4 * std::abs(*alpha) + 7 * std::abs(*beta) >= (1 << kPrecBits)) return false;
  if (4 * std::abs(*gamma) + 4 * std::abs(*delta) >= (1 << kPrecBits)) return false;
  return true;
}

// 7.11.3.8 warp estimation process.
bool WarpEstimation(const int cand_list[][4], int num_samples, int mi_row, int mi_col,
                    int mi_size, int mv_row, int mv_col, int32_t local_warp_params[6]) {
  if (mi_size < 0 || mi_size >= tile::BLOCK_SIZES) return false;
  // NumSamples never exceeds LEAST_SQUARES_SAMPLES_MAX (7.10.4).
  num_samples = Clip3(0, tile::LEAST_SQUARES_SAMPLES_MAX, num_samples);
  int64_t a00 = 0, a01 = 0, a11 = 0, bx0 = 0, bx1 = 0, by0 = 0, by1 = 0;
  const int64_t w4 = tile::Num_4x4_Blocks_Wide[mi_size];
  const int64_t h4 = tile::Num_4x4_Blocks_High[mi_size];
  const int64_t mid_y = int64_t{mi_row} * 4 + h4 * 2 - 1;
  const int64_t mid_x = int64_t{mi_col} * 4 + w4 * 2 - 1;
  const int64_t suy = mid_y * 8;
  const int64_t sux = mid_x * 8;
  const int64_t duy = suy + mv_row;
  const int64_t dux = sux + mv_col;
  // Candidates are the centres of neighbouring blocks, so |sx|, |sy| stay
  // far below this bound (a few thousand); larger values only come from
  // a corrupt candidate list and are skipped so the sums fit in int64.
  constexpr int64_t kMaxOffset = int64_t{1} << 14;
  for (int i = 0; i < num_samples; i++) {
    const int64_t sy = cand_list[i][0] - suy;
    const int64_t sx = cand_list[i][1] - sux;
    const int64_t dy = cand_list[i][2] - duy;
    const int64_t dx = cand_list[i][3] - dux;
    if (std::abs(sx - dx) < tile::LS_MV_MAX && std::abs(sy - dy) < tile::LS_MV_MAX) {
      if (std::abs(sx) > kMaxOffset || std::abs(sy) > kMaxOffset) continue;
      a00 += LsProduct(sx, sx) + 8;
      a01 += LsProduct(sx, sy) + 4;
      a11 += LsProduct(sy, sy) + 8;
      bx0 += LsProduct(sx, dx) + 8;
      bx1 += LsProduct(sy, dx) + 4;
      by0 += LsProduct(sx, dy) + 4;
      by1 += LsProduct(sy, dy) + 8;
    }
  }
  const int64_t det = a00 * a11 - a01 * a01;
  if (det == 0) return false;  // LocalValid = 0
  int div_shift, div_factor;
  ResolveDivisor(det, &div_shift, &div_factor);
  div_shift -= kPrecBits;
  if (div_shift < 0) {
    div_factor = div_factor * (1 << -div_shift);
    div_shift = 0;
  }
  const auto nondiag = [&](Int128 v) -> int32_t {
    return static_cast<int32_t>(Clip3Wide(-tile::WARPEDMODEL_NONDIAGAFFINE_CLAMP + 1,
                                          tile::WARPEDMODEL_NONDIAGAFFINE_CLAMP - 1,
                                          Round2Signed128(v * div_factor, div_shift)));
  };
  const auto diag = [&](Int128 v) -> int32_t {
    return static_cast<int32_t>(Clip3Wide(kOne - tile::WARPEDMODEL_NONDIAGAFFINE_CLAMP + 1,
                                          kOne + tile::WARPEDMODEL_NONDIAGAFFINE_CLAMP - 1,
                                          Round2Signed128(v * div_factor, div_shift)));
  };
  local_warp_params[2] = diag(Int128{a11} * bx0 - Int128{a01} * bx1);
  local_warp_params[3] = nondiag(-Int128{a01} * bx0 + Int128{a00} * bx1);
  local_warp_params[4] = nondiag(Int128{a11} * by0 - Int128{a01} * by1);
  local_warp_params[5] = diag(-Int128{a01} * by0 + Int128{a00} * by1);
  const int64_t vx = int64_t{mv_col} * (1 << (kPrecBits - 3)) -
                     (mid_x * (local_warp_params[2] - kOne) + mid_y * local_warp_params[3]);
  const int64_t vy = int64_t{mv_row} * (1 << (kPrecBits - 3)) -
                     (mid_x * local_warp_params[4] + mid_y * (local_warp_params[5] - kOne));
  local_warp_params[0] = static_cast<int32_t>(Clip3<int64_t>(
      -tile::WARPEDMODEL_TRANS_CLAMP, tile::WARPEDMODEL_TRANS_CLAMP - 1, vx));
  local_warp_params[1] = static_cast<int32_t>(Clip3<int64_t>(
      -tile::WARPEDMODEL_TRANS_CLAMP, tile::WARPEDMODEL_TRANS_CLAMP - 1, vy));
  return true;  // LocalValid = 1
}

// 7.11.3.5 block warp process (one 8x8 section).
template <typename Pixel>
void BlockWarp(const WarpRefPlane<Pixel>& ref, const int32_t warp_params[6], int x, int y,
               int i8, int j8, int sub_x, int sub_y, int /*bitdepth*/, int inter_round0,
               int inter_round1, int32_t* pred, ptrdiff_t pred_stride) {
  int32_t* out = pred + (static_cast<ptrdiff_t>(i8) * 8) * pred_stride + j8 * 8;
  if (ref.data == nullptr || ref.last_x < 0 || ref.last_y < 0) {
    // No reference samples (cannot happen for a valid reference): predict 0.
    for (int i = 0; i < 8; i++) {
      for (int j = 0; j < 8; j++) out[i * pred_stride + j] = 0;
    }
    return;
  }
  const int64_t src_x = (int64_t{x} + j8 * 8 + 4) * (int64_t{1} << sub_x);
  const int64_t src_y = (int64_t{y} + i8 * 8 + 4) * (int64_t{1} << sub_y);
  const int64_t dst_x =
      int64_t{warp_params[2]} * src_x + int64_t{warp_params[3]} * src_y + warp_params[0];
  const int64_t dst_y =
      int64_t{warp_params[4]} * src_x + int64_t{warp_params[5]} * src_y + warp_params[1];
  int alpha, beta, gamma, delta;
  SetupShear(warp_params, &alpha, &beta, &gamma, &delta);  // warpValid is 1 here

  const int64_t x4 = dst_x >> sub_x;
  const int64_t y4 = dst_y >> sub_y;
  const int64_t ix4 = x4 >> kPrecBits;
  const int64_t sx4 = x4 & (kOne - 1);
  const int64_t iy4 = y4 >> kPrecBits;
  const int64_t sy4 = y4 & (kOne - 1);
  const int64_t last_x = ref.last_x, last_y = ref.last_y;

  // Column indices Clip3( 0, lastX, ix4 + i2 - 3 + i3 ) for i2 + i3 in
  // -4..10 (t = i2 + 4 + i3 in 0..14).
  int cols[15];
  for (int t = 0; t < 15; t++) {
    cols[t] = static_cast<int>(Clip3<int64_t>(0, last_x, ix4 - 7 + t));
  }

  int32_t intermediate[15][8];
  for (int i1 = -7; i1 < 8; i1++) {
    const Pixel* row = ref.data + static_cast<ptrdiff_t>(Clip3<int64_t>(0, last_y, iy4 + i1)) *
                                      ref.stride;
    for (int i2 = -4; i2 < 4; i2++) {
      const int16_t* filter = WarpFilter(sx4 + int64_t{alpha} * i2 + int64_t{beta} * i1);
      int32_t s = 0;
      for (int i3 = 0; i3 < 8; i3++) s += filter[i3] * static_cast<int32_t>(row[cols[i2 + 4 + i3]]);
      intermediate[i1 + 7][i2 + 4] = Round2(s, inter_round0);
    }
  }

  // w, h >= 8 whenever warp is used and block sizes are multiples of 8 then,
  // so the section is always a full 8x8.
  for (int i1 = -4; i1 < 4; i1++) {
    for (int i2 = -4; i2 < 4; i2++) {
      const int16_t* filter = WarpFilter(sy4 + int64_t{gamma} * i2 + int64_t{delta} * i1);
      int32_t s = 0;
      for (int i3 = 0; i3 < 8; i3++) s += filter[i3] * intermediate[i1 + i3 + 4][i2 + 4];
      out[(i1 + 4) * pred_stride + (i2 + 4)] = Round2(s, inter_round1);
    }
  }
}

template void BlockWarp<uint8_t>(const WarpRefPlane<uint8_t>&, const int32_t[6], int, int, int,
                                 int, int, int, int, int, int, int32_t*, ptrdiff_t);
template void BlockWarp<uint16_t>(const WarpRefPlane<uint16_t>&, const int32_t[6], int, int,
                                  int, int, int, int, int, int, int, int32_t*, ptrdiff_t);

}  // namespace hav1::recon
