// In-loop filters of one frame in the normative order (spec 7.4 decode frame
// wrapup process, steps 1-5): deblocking (7.14), CDEF (7.15), superres
// upscaling (7.16), loop restoration (7.17).  Kernels come from the DspTables.
#ifndef HAV1_SRC_POSTFILTER_INLOOP_FILTER_H_
#define HAV1_SRC_POSTFILTER_INLOOP_FILTER_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "src/bitstream/frame_header.h"
#include "src/bitstream/sequence_header.h"
#include "src/common/status.h"
#include "src/dsp/dsp.h"
#include "src/tile/block_info.h"

namespace hav1 {
class ThreadPool;
}  // namespace hav1

namespace hav1::postfilter {

// One plane of the frame being decoded.  Pixels are uint8_t when BitDepth is
// 8, uint16_t otherwise; stride in PIXELS; width / height are the allocated
// extent (what may be read and written).
template <typename Pixel>
struct PlaneView {
  Pixel* data = nullptr;
  ptrdiff_t stride = 0;
  int width = 0;
  int height = 0;
  Pixel* row(int y) const { return data + static_cast<ptrdiff_t>(y) * stride; }
};

// The frame's planes (CurrFrame).  On input: the reconstruction of the
// decoded area, MiCols * 4 x MiRows * 4 luma samples (FrameWidth wide plus
// padding to whole 8x8 blocks).  On output: the filtered frame, UpscaledWidth
// wide.  Each plane must be allocated at least
//   width  >= Max( ( MiCols * 4 ) >> subX, Round2( UpscaledWidth, subX ) )
//   height >= ( MiRows * 4 ) >> subY
// (checked: InvalidArgument otherwise).
struct FramePlanes {
  bool high_bitdepth = false;  // true: use p16, false: use p8
  PlaneView<uint8_t> p8[3];
  PlaneView<uint16_t> p16[3];
};

// HAV1_INLOOPFILTER_* bits (include/hav1/hav1.h): deblock, cdef, restoration.
// Superres always runs when use_superres is set (it changes the frame size).
//
// Applies 7.14 (if loop_filter_level[ 0 ] or [ 1 ] is non-zero), 7.15, 7.16
// and 7.17 (if UsesLr) as decode_frame_wrapup does.  Allocates its line
// buffers / copies per call.  With a pool, deblocking and CDEF run split by
// 64-row bands and loop restoration by stripes on its threads; the result is
// the same for every thread count.
Status ApplyInloopFilters(const FramePlanes& planes, const FrameHeader& fh,
                          const SequenceHeader& seq, const tile::FrameBlockInfo& blocks,
                          const DspTables& dsp, int filter_mask, ThreadPool* pool = nullptr);

// ---- the individual stages (each in its own file) --------------------------------
// All take the same plane views; they are exposed for tests.

// 7.14 loop filter process (both passes, all planes), in place.
template <typename Pixel>
void DeblockFrame(const PlaneView<Pixel> planes[3], const FrameHeader& fh,
                  const SequenceHeader& seq, const tile::FrameBlockInfo& blocks,
                  const LoopFilterTable<Pixel>& table);

// One pass (0: vertical edges, 1: horizontal edges) of 7.14 over the mode
// info rows [ mi_row_start, mi_row_end ) of every plane (even row numbers).
// The spec's note in 7.14.1 makes any edge order give the same result as long
// as all vertical edges come first: so for threads, run pass 0 over disjoint
// row ranges in parallel, wait for all, then pass 1 the same way.
template <typename Pixel>
void DeblockRows(const PlaneView<Pixel> planes[3], const FrameHeader& fh,
                 const SequenceHeader& seq, const tile::FrameBlockInfo& blocks,
                 const LoopFilterTable<Pixel>& table, int pass, int mi_row_start,
                 int mi_row_end);

// 7.15 CDEF process, in place (CdefFrame replaces CurrFrame).
template <typename Pixel>
void CdefFrame(const PlaneView<Pixel> planes[3], const FrameHeader& fh,
               const SequenceHeader& seq, const tile::FrameBlockInfo& blocks,
               const CdefTable<Pixel>& table);

// 7.15 split by rows: the constructor copies CurrFrame (call it once all
// deblocking is done); FilterRows filters the 8x8 blocks of mode info rows
// [ mi_row_start, mi_row_end ) (even) of every plane in place.  Calls for
// disjoint row ranges may run in parallel (they read only the copy and their
// own blocks).  The planes must outlive the object.
template <typename Pixel>
class CdefFrameFilter {
 public:
  CdefFrameFilter(const PlaneView<Pixel> planes[3], const FrameHeader& fh,
                  const SequenceHeader& seq, const tile::FrameBlockInfo& blocks);
  void FilterRows(const CdefTable<Pixel>& table, int mi_row_start, int mi_row_end) const;

 private:
  const uint16_t* Source(int plane, int x, int y) const {
    return src_[plane].data() + static_cast<ptrdiff_t>(y + kCdefBorder) * stride_[plane] + x +
           kCdefBorder;
  }
  const FrameHeader& fh_;
  const SequenceHeader& seq_;
  const tile::FrameBlockInfo& blocks_;
  PlaneView<Pixel> planes_[3];
  std::vector<uint16_t> src_[3];
  ptrdiff_t stride_[3] = {};
  int mi_rows_ = 0, mi_cols_ = 0, num_planes_ = 1;
  bool valid_ = false;
};

// 7.16 parameters of one plane.
struct SuperresPlaneParams {
  int src_w = 0;            // maxX + 1 = ( MiCols >> subX ) * MI_SIZE
  int dst_w = 0;            // upscaledPlaneW
  int initial_subpel_x = 0;
  int step_x = 0;
};
SuperresPlaneParams ComputeSuperresParams(const FrameHeader& fh, int sub_x);

// 7.16 upscaling of rows [ 0, rows ) of one plane, in place (row by row via a
// line copy).  Requires plane.width >= dst_w.
template <typename Pixel>
void SuperresPlane(const PlaneView<Pixel>& plane, int rows, const SuperresPlaneParams& p,
                   SuperresRowFn<Pixel> fn, int bitdepth);

// The deblocked, pre-CDEF rows loop restoration reads above and below its
// stripes (7.17.6): for every stripe boundary k >= 1 (luma row 64 * k - 8,
// plane row B = that >> subY), rows B - 2 .. B + 1 of the plane.
template <typename Pixel>
struct StripeBoundaryRows {
  int sub_y = 0;
  int width = 0;        // allocated width of each row
  int num_boundaries = 0;
  std::vector<Pixel> rows;  // [boundary k - 1][0..3][width]
  Pixel* row(int k, int i) {
    return rows.data() + (static_cast<size_t>(k - 1) * 4 + i) * width;
  }
  const Pixel* row(int k, int i) const {
    return rows.data() + (static_cast<size_t>(k - 1) * 4 + i) * width;
  }
};

// Plane row of stripe boundary k (k >= 1).
constexpr int StripeBoundaryY(int k, int sub_y) { return (64 * k - 8) >> sub_y; }

// Saves the boundary rows of one plane of height plane_h (Round2( FrameHeight,
// subY )), copying copy_w samples per row into rows of alloc_w samples.
template <typename Pixel>
void SaveStripeBoundaries(const PlaneView<Pixel>& plane, int plane_h, int sub_y,
                          int copy_w, int alloc_w, StripeBoundaryRows<Pixel>* out);

// 7.17 loop restoration of one plane, in place.  boundaries hold the
// (upscaled) deblocked rows.  unit_size = LoopRestorationSize[ plane ].
template <typename Pixel>
Status LoopRestorePlane(const PlaneView<Pixel>& plane, int plane_index, const FrameHeader& fh,
                        int sub_x, int sub_y, const StripeBoundaryRows<Pixel>& boundaries,
                        const tile::FrameBlockInfo& blocks,
                        const LoopRestorationTable<Pixel>& table, int bitdepth);

// 7.17 for the stripes [ stripe_begin, stripe_end ) of one plane only
// (stripe k covers luma rows 64 * k - 8 .. 64 * k + 55).  Each call copies
// the rows of its stripes it reads, so calls for disjoint stripe ranges may
// run in parallel once CDEF and superres are done for their rows.
template <typename Pixel>
Status LoopRestoreStripes(const PlaneView<Pixel>& plane, int plane_index,
                          const FrameHeader& fh, int sub_x, int sub_y,
                          const StripeBoundaryRows<Pixel>& boundaries,
                          const tile::FrameBlockInfo& blocks,
                          const LoopRestorationTable<Pixel>& table, int bitdepth,
                          int stripe_begin, int stripe_end);
// Number of stripes of a plane.
int LoopRestorationStripeCount(const FrameHeader& fh, int sub_y);

}  // namespace hav1::postfilter

#endif  // HAV1_SRC_POSTFILTER_INLOOP_FILTER_H_
