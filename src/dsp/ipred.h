// Intra prediction ("ipred") kernel family: function-pointer table types, the
// edge preparation steps the recon driver calls before a kernel, and the plain
// C++ reference kernels (the test oracle and the fallback for Highway kernels).
//
// Spec: 7.11.2 (intra prediction process and its subsections 7.11.2.2 ..
// 7.11.2.12), 7.11.4 (palette prediction), 7.11.5 (predict chroma from luma).
//
// How a recon driver predicts one transform block (the spec's predict_intra):
//
//   1. IntraEdgeBuffer<Pixel> e;                          (AboveRow / LeftCol)
//      BuildIntraEdges(frame_xy, stride, geom, bitdepth, e.above(), e.left());
//   2. by mode:
//      - use_filter_intra (luma only): table.filter_intra[tx](...)
//      - directional mode (Mode_To_Angle + delta): if pAngle is 90 or 180
//        table.pred[kIpredV / kIpredH][tx], otherwise
//        PrepareDirectionalEdges(table, ...) then table.directional[tx](...)
//        (PrepareDirectionalEdges is a no-op for 90 / 180 as in the spec, so
//        calling it for those is harmless too)
//      - SMOOTH*: table.pred[kIpredSmooth*][tx]
//      - DC_PRED: table.pred[DcPredKind(have_above, have_left)][tx]
//      - PAETH_PRED: table.pred[kIpredPaeth][tx]
//   3. CfL (chroma, UV_CFL_PRED): DC prediction as above into the frame, then
//      table.cfl_subsample[subX][subY][tx](ac, luma, ...) and
//      table.cfl_pred[tx](dst, stride, ac, alpha, bitdepth).
//   Palette blocks skip all of this: table.palette[tx](...).
//   Steps 1 and 2 together are PredictIntra (src/dsp/ipred_predict.h).
//
// Conventions (same as the itx family): tables are indexed by the spec's TxSize
// value (TX_4X4 = 0 .. TX_64X16 = 18); strides are in PIXELS; 8-bit video uses
// uint8_t pixels, 10/12-bit video uint16_t pixels with an explicit bitdepth.
#ifndef HAV1_SRC_DSP_IPRED_H_
#define HAV1_SRC_DSP_IPRED_H_

#include <cstddef>
#include <cstdint>

#include "src/common/tx_size.h"

namespace hav1 {

inline constexpr int kIpredTxSizes = kTxSizesAll;

// ---- edge arrays ------------------------------------------------------------------
//
// AboveRow[ i ] and LeftCol[ i ] of 7.11.2 are two separate arrays.  A kernel gets
// pointers to element 0 of each.  Valid entries:
//   - after BuildIntraEdges: -1 .. w + h - 1 (AboveRow[ -1 ] == LeftCol[ -1 ]);
//   - after upsampling (7.11.2.11) of numPx samples: -2 .. 2 * numPx - 2.
// IntraEdgeBuffer provides storage with margins on both sides so that kernels
// may read (never write) a few entries outside the valid range without leaving
// the buffer (SIMD kernels load whole vectors).
inline constexpr int kIntraEdgeMaxLen = 128;   // w + h <= 64 + 64
inline constexpr int kIntraEdgeMargin = 32;    // entries before index 0 / after w + h

template <typename Pixel>
struct IntraEdgeBuffer {
  alignas(64) Pixel above_storage[kIntraEdgeMargin + kIntraEdgeMaxLen + kIntraEdgeMargin];
  alignas(64) Pixel left_storage[kIntraEdgeMargin + kIntraEdgeMaxLen + kIntraEdgeMargin];
  Pixel* above() { return above_storage + kIntraEdgeMargin; }
  Pixel* left() { return left_storage + kIntraEdgeMargin; }
};

// Where the transform block sits, as the spec's predict_intra inputs.
struct IntraEdgeGeometry {
  int w = 0;                  // 1 << log2W (4..64)
  int h = 0;                  // 1 << log2H (4..64)
  bool have_above = false;    // haveAbove
  bool have_left = false;     // haveLeft
  bool have_above_right = false;  // haveAboveRight
  bool have_below_left = false;   // haveBelowLeft
  // maxX - x + 1 and maxY - y + 1 of 7.11.2: how many columns (rows) of the
  // frame's plane exist from the block's first column (row) on (>= 1).
  int frame_px_right = 0;
  int frame_px_below = 0;
};

// 7.11.2 (general part): fills AboveRow[ -1 .. w + h - 1 ] and
// LeftCol[ -1 .. w + h - 1 ] from the reconstructed neighbours of the block
// whose top-left pixel is src (CurrFrame[ plane ][ y ][ x ]), with the spec's
// availability rules and base values ( 1 << ( BitDepth - 1 ) ) -/+ 1.
// Reads only pixels the flags declare available (row y - 1 when have_above,
// column x - 1 when have_left, up to frame_px_right / frame_px_below).
void BuildIntraEdges(const uint8_t* src, ptrdiff_t stride, const IntraEdgeGeometry& geom,
                     int bitdepth, uint8_t* above, uint8_t* left);
void BuildIntraEdges(const uint16_t* src, ptrdiff_t stride, const IntraEdgeGeometry& geom,
                     int bitdepth, uint16_t* above, uint16_t* left);

// 7.11.2.9 intra edge filter strength selection (0..3).
int IntraEdgeFilterStrength(int w, int h, int filter_type, int delta);
// 7.11.2.10 intra edge upsample selection (0 or 1).
int IntraEdgeUpsampleSelect(int w, int h, int filter_type, int delta);

// ---- kernel types -----------------------------------------------------------------
//
// All kernels write exactly the w x h block at dst and nothing else.

// Non-directional predictors and the pure vertical / horizontal copies.
template <typename Pixel>
using IntraPredFn = void (*)(Pixel* dst, ptrdiff_t stride, const Pixel* above,
                             const Pixel* left, int bitdepth);

enum IntraPredKind : int {
  kIpredDc = 0,    // 7.11.2.5, haveAbove and haveLeft
  kIpredDcTop,     // 7.11.2.5, only haveAbove (average of AboveRow)
  kIpredDcLeft,    // 7.11.2.5, only haveLeft (average of LeftCol)
  kIpredDc128,     // 7.11.2.5, neither: 1 << ( BitDepth - 1 )
  kIpredV,         // 7.11.2.4 step 10 (pAngle == 90)
  kIpredH,         // 7.11.2.4 step 11 (pAngle == 180)
  kIpredPaeth,     // 7.11.2.2
  kIpredSmooth,    // 7.11.2.6 SMOOTH_PRED
  kIpredSmoothV,   // 7.11.2.6 SMOOTH_V_PRED
  kIpredSmoothH,   // 7.11.2.6 SMOOTH_H_PRED
  kIpredKinds
};

// The DC_PRED variant of 7.11.2.5 for the availability flags.
constexpr IntraPredKind DcPredKind(bool have_above, bool have_left) {
  return have_above ? (have_left ? kIpredDc : kIpredDcTop)
                    : (have_left ? kIpredDcLeft : kIpredDc128);
}

// 7.11.2.4 steps 5..9 for pAngle not 90 or 180 (3..87, 93..177, 183..267 are
// all handled; AV1 uses 36..212), on edges already prepared by
// PrepareDirectionalEdges.  upsample_above / upsample_left are its outputs.
template <typename Pixel>
using DirectionalPredFn = void (*)(Pixel* dst, ptrdiff_t stride, const Pixel* above,
                                   const Pixel* left, int p_angle, int upsample_above,
                                   int upsample_left, int bitdepth);

// 7.11.2.3 recursive intra prediction, filter_intra_mode 0..4.  Only for
// w, h <= 32 (table entries of larger sizes are nullptr).
template <typename Pixel>
using FilterIntraPredFn = void (*)(Pixel* dst, ptrdiff_t stride, const Pixel* above,
                                   const Pixel* left, int filter_intra_mode, int bitdepth);

// 7.11.4 palette prediction: dst[ i ][ j ] = palette[ map[ i * map_stride + j ] ].
// map points at ColorMap[ y * 4 ][ x * 4 ]; every map value must be < the
// palette size (the parser guarantees it).  palette holds up to 8 colours.
template <typename Pixel>
using PalettePredFn = void (*)(Pixel* dst, ptrdiff_t stride, const uint16_t* palette,
                               const uint8_t* map, ptrdiff_t map_stride);

// 7.11.5 first half: the subsampled luma L[ i ][ j ] (3 fractional bits) minus
// lumaAvg, written to ac[ i * w + j ] for the w x h chroma block.
//   luma      CurrFrame[ 0 ][ startY << subY ][ startX << subX ]
//   avail_w   MaxLumaW - ( startX << subX ): luma columns available from luma on
//   avail_h   MaxLumaH - ( startY << subY )
// Positions past avail_w / avail_h replicate the last available ones (the spec's
// Min( lumaX, MaxLumaW - ( 1 << subX ) )).  avail_w >= 1 << subX and
// avail_h >= 1 << subY are required by the spec; smaller values are treated as
// 1 << subX / 1 << subY.  |ac| <= 8 * 4095, so int16_t holds it.
template <typename Pixel>
using CflSubsampleFn = void (*)(int16_t* ac, const Pixel* luma, ptrdiff_t luma_stride,
                                int avail_w, int avail_h);

// 7.11.5 second half: dst holds the DC prediction on entry;
// dst = Clip1( dst + Round2Signed( alpha * ac, 6 ) ), alpha in -16..16.
template <typename Pixel>
using CflPredFn = void (*)(Pixel* dst, ptrdiff_t stride, const int16_t* ac, int alpha,
                           int bitdepth);

// 7.11.2.12 intra edge filter of sz samples: edge points at AboveRow[ -1 ] (or
// LeftCol[ -1 ]); entries 0 .. sz - 2 of the array (edge[ 1 .. sz - 1 ]) are
// replaced.  strength 1..3 (0 is a no-op), 1 <= sz <= 129.
template <typename Pixel>
using IntraEdgeFilterFn = void (*)(Pixel* edge, int sz, int strength);

// 7.11.2.11 intra edge upsample: buf points at AboveRow[ 0 ] (or LeftCol[ 0 ]);
// reads buf[ -1 .. num_px - 1 ], writes buf[ -2 .. 2 * num_px - 2 ].
// num_px <= 16 (upsampling is only selected for w + h <= 16).
template <typename Pixel>
using IntraEdgeUpsampleFn = void (*)(Pixel* buf, int num_px, int bitdepth);

template <typename Pixel>
struct IpredTable {
  IntraPredFn<Pixel> pred[kIpredKinds][kIpredTxSizes] = {};
  DirectionalPredFn<Pixel> directional[kIpredTxSizes] = {};
  FilterIntraPredFn<Pixel> filter_intra[kIpredTxSizes] = {};  // w, h <= 32
  PalettePredFn<Pixel> palette[kIpredTxSizes] = {};
  // [subsampling_x][subsampling_y][chroma TxSize]; w, h <= 32.
  CflSubsampleFn<Pixel> cfl_subsample[2][2][kIpredTxSizes] = {};
  CflPredFn<Pixel> cfl_pred[kIpredTxSizes] = {};  // w, h <= 32
  IntraEdgeFilterFn<Pixel> edge_filter = nullptr;
  IntraEdgeUpsampleFn<Pixel> edge_upsample = nullptr;
};

struct IpredTables {
  IpredTable<uint8_t> lowbd;    // 8-bit pixels
  IpredTable<uint16_t> highbd;  // 10- and 12-bit pixels
};

// Fills every entry listed above with the reference kernels.
void FillIpredTablesRef(IpredTables* tables);

// ---- directional edge preparation ---------------------------------------------------

struct DirectionalEdgeParams {
  int p_angle = 0;                 // Mode_To_Angle[ mode ] + angleDelta * ANGLE_STEP
  int filter_type = 0;             // 7.11.2.8 (1 if above or left block is smooth)
  bool enable_intra_edge_filter = false;  // sequence header flag
};
struct DirectionalEdgeResult {
  int upsample_above = 0;
  int upsample_left = 0;
};

// 7.11.2.4 step 4: filter corner (7.11.2.7), edge filters (7.11.2.9 / 7.11.2.12)
// and upsampling (7.11.2.10 / 7.11.2.11) of the arrays built by BuildIntraEdges,
// in place, using the table's edge_filter / edge_upsample kernels.
DirectionalEdgeResult PrepareDirectionalEdges(const IpredTable<uint8_t>& table,
                                              const IntraEdgeGeometry& geom,
                                              const DirectionalEdgeParams& params,
                                              int bitdepth, uint8_t* above, uint8_t* left);
DirectionalEdgeResult PrepareDirectionalEdges(const IpredTable<uint16_t>& table,
                                              const IntraEdgeGeometry& geom,
                                              const DirectionalEdgeParams& params,
                                              int bitdepth, uint16_t* above, uint16_t* left);

}  // namespace hav1

#endif  // HAV1_SRC_DSP_IPRED_H_
