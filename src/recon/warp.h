// CONTRACT (lead): warped motion (spec 7.11.3.5 block warp, 7.11.3.6 setup
// shear, 7.11.3.7 resolve divisor, 7.11.3.8 warp estimation).  Pure
// functions; the inter predictor (src/recon/inter_pred.*) calls them.
#ifndef HAV1_SRC_RECON_WARP_H_
#define HAV1_SRC_RECON_WARP_H_

#include <cstddef>
#include <cstdint>

namespace hav1::recon {

// 7.11.3.6 setup shear process: returns warpValid; *alpha.. *delta get the
// shear parameters (also when not valid).
bool SetupShear(const int32_t warp_params[6], int* alpha, int* beta, int* gamma, int* delta);

// 7.11.3.7 resolve divisor process: divShift / divFactor such that a
// division by d is approximately a multiplication by divFactor followed by a
// right shift by divShift.  (Added by the warp helper, for tests.)
void ResolveDivisor(int64_t d, int* div_shift, int* div_factor);

// 7.11.3.8 warp estimation process for the block at ( mi_row, mi_col ) of
// size mi_size with Mv[ 0 ] = ( mv_row, mv_col ) and the num_samples
// candidates of 7.10.4 (CandList): fills LocalWarpParams and returns
// LocalValid.
bool WarpEstimation(const int cand_list[][4], int num_samples, int mi_row, int mi_col,
                    int mi_size, int mv_row, int mv_col, int32_t local_warp_params[6]);

// One reference plane as 7.11.3.5 reads it: ref[ y ][ x ] for
// 0 <= x <= last_x, 0 <= y <= last_y (lastX / lastY of the spec: from
// RefUpscaledWidth / RefFrameHeight and the plane's subsampling).
template <typename Pixel>
struct WarpRefPlane {
  const Pixel* data = nullptr;
  ptrdiff_t stride = 0;  // in pixels
  int last_x = 0, last_y = 0;
};

// 7.11.3.5 block warp process for the 8x8 section ( i8, j8 ) of a block at
// ( x, y ) of plane (subsampling sub_x / sub_y) warped by warp_params
// (LocalWarpParams or gm_params[ refFrame ]): writes pred[ i8 * 8 + i ]
// [ j8 * 8 + j ] for i, j < 8 (row stride pred_stride; the caller's pred
// array covers the block rounded up to 8).  inter_round0 / inter_round1:
// InterRound0 / InterRound1 of 7.11.3.2.  bitdepth: BitDepth.
template <typename Pixel>
void BlockWarp(const WarpRefPlane<Pixel>& ref, const int32_t warp_params[6], int x, int y,
               int i8, int j8, int sub_x, int sub_y, int bitdepth, int inter_round0,
               int inter_round1, int32_t* pred, ptrdiff_t pred_stride);

}  // namespace hav1::recon

#endif  // HAV1_SRC_RECON_WARP_H_
