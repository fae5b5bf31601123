// Motion compensation ("mc") kernel family (spec 7.11.3.4 block inter
// prediction and the final writes of 7.11.3.1): function-pointer table types
// and the plain C++ reference kernels.
//
// The recon driver (src/recon/inter_pred.*) computes startX / startY /
// xStep / yStep (7.11.3.3), picks the two Subpel_Filters rows and calls:
//   - put (xStep == yStep == 1 << SCALE_SUBPEL_BITS): the separable 8-tap
//     filter.  src points at ref[ y >> 10 ][ x >> 10 ]; the kernel reads
//     src[ -3 .. h + 3 ][ -3 .. w + 3 ] (rows in src_stride units).  The
//     driver guarantees those samples exist: where the spec's clamping to
//     lastX / lastY would apply, it passes an edge-extended copy instead.
//   - put_scaled (any step): the spec's loops verbatim, reading the whole
//     reference plane with the clamping to lastX / lastY.
//   Both write the spec's pred[ r ][ c ] (after InterRound1, before
//   InterPostRound) as int32 with row stride pred_stride.
//   - write / avg / dist: the three non-mask cases of the end of 7.11.3.1
//     (Clip1 of pred, the compound average, the distance-weighted compound).
//
// Conventions (as the other families): strides in elements (pixels or
// int32), 8-bit video uses uint8_t, 10/12-bit uint16_t with explicit bitdepth.
// w, h: 2..128; scratch: at least McScratchSize( w, h ) int32.
#ifndef HAV1_SRC_DSP_MC_H_
#define HAV1_SRC_DSP_MC_H_

#include <cstddef>
#include <cstdint>

namespace hav1 {

inline constexpr int kMcMaxBlock = 128;
// The intermediate array of 7.11.3.4: at most ((h - 1) * yStep + 1023 >> 10)
// + 8 rows of w columns, yStep <= 2048 + a rounding margin.
inline constexpr int kMcMaxIntermediateRows = 2 * kMcMaxBlock + 16;
constexpr size_t McScratchSize() {
  return static_cast<size_t>(kMcMaxIntermediateRows) * kMcMaxBlock;
}

// Unscaled 7.11.3.4: filter_x / filter_y are Subpel_Filters[ f ][ frac ]
// rows (8 taps each).
template <typename Pixel>
using McPutFn = void (*)(int32_t* pred, ptrdiff_t pred_stride, const Pixel* src,
                         ptrdiff_t src_stride, int w, int h, const int16_t* filter_x,
                         const int16_t* filter_y, int round0, int round1, int32_t* scratch);

// Scaled (general) 7.11.3.4: ref is the plane origin, last_x / last_y the
// clamp limits, x / y the startX / startY positions (1/1024 sample),
// step_x / step_y the steps; filters_x / filters_y the 16 x 8 Subpel_Filters
// sets for the horizontal and vertical pass.
template <typename Pixel>
using McPutScaledFn = void (*)(int32_t* pred, ptrdiff_t pred_stride, const Pixel* ref,
                               ptrdiff_t ref_stride, int last_x, int last_y, int64_t x,
                               int64_t y, int step_x, int step_y, int w, int h,
                               const int16_t (*filters_x)[8], const int16_t (*filters_y)[8],
                               int round0, int round1, int32_t* scratch);

// CurrFrame = Clip1( Round2( pred, post_round ) ) (post_round is
// InterPostRound: 0 for single prediction; OBMC's Clip1 uses it too).
template <typename Pixel>
using McWriteFn = void (*)(Pixel* dst, ptrdiff_t dst_stride, const int32_t* pred,
                           ptrdiff_t pred_stride, int w, int h, int post_round, int bitdepth);

// COMPOUND_AVERAGE: Clip1( Round2( p0 + p1, 1 + post_round ) ).
template <typename Pixel>
using McAvgFn = void (*)(Pixel* dst, ptrdiff_t dst_stride, const int32_t* pred0,
                         const int32_t* pred1, ptrdiff_t pred_stride, int w, int h,
                         int post_round, int bitdepth);

// COMPOUND_DISTANCE: Clip1( Round2( fwd * p0 + bck * p1, 4 + post_round ) ).
template <typename Pixel>
using McDistFn = void (*)(Pixel* dst, ptrdiff_t dst_stride, const int32_t* pred0,
                          const int32_t* pred1, ptrdiff_t pred_stride, int w, int h,
                          int fwd_weight, int bck_weight, int post_round, int bitdepth);

template <typename Pixel>
struct McTable {
  McPutFn<Pixel> put = nullptr;
  McPutScaledFn<Pixel> put_scaled = nullptr;
  McWriteFn<Pixel> write = nullptr;
  McAvgFn<Pixel> avg = nullptr;
  McDistFn<Pixel> dist = nullptr;
};

struct McTables {
  McTable<uint8_t> lowbd;
  McTable<uint16_t> highbd;
};

void FillMcTablesRef(McTables* tables);

}  // namespace hav1

#endif  // HAV1_SRC_DSP_MC_H_
