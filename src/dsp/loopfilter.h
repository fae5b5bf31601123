// Deblocking loop filter ("loopfilter") kernel family: function-pointer table
// types and the plain C++ reference kernels (the test oracle).
//
// Spec: 7.14.6 (sample filtering process: 7.14.6.2 filter mask, 7.14.6.3
// narrow filter, 7.14.6.4 wide filter).  The driver (src/postfilter/deblock.cc)
// does 7.14.1 - 7.14.5 (edge loop, filter size, levels) and calls one kernel
// per edge segment of MI_SIZE (4) samples of one plane.
//
// Conventions (as the itx / ipred families): strides are in PIXELS; 8-bit
// video uses uint8_t pixels, 10/12-bit video uint16_t with an explicit bitdepth.
#ifndef HAV1_SRC_DSP_LOOPFILTER_H_
#define HAV1_SRC_DSP_LOOPFILTER_H_

#include <cstddef>
#include <cstdint>

namespace hav1 {

// filterLen of 7.14.6.2: 4, 6 (chroma, filterSize >= 8), 8 (luma,
// filterSize 8), 16 (luma, filterSize 16).  Table index:
enum LoopFilterLen : int { kLf4 = 0, kLf6, kLf8, kLf16, kLfLens };

// LoopFilterLenIndex( filterSize, plane ) -> table index (7.14.6.2 filterLen).
constexpr int LoopFilterLenIndex(int filter_size, int plane) {
  return filter_size == 4 ? kLf4 : (plane != 0 ? kLf6 : (filter_size == 8 ? kLf8 : kLf16));
}

// One edge segment of 4 samples.
//   dst     q0 of the first of the 4 filtered lines: CurrFrame[ plane ][ y ][ x ]
//           of 7.14.6 for i = 0.  For a VERTICAL edge (pass 0, dx = 1) the 4
//           lines are the 4 rows dst + k * stride, samples along a line step by
//           1; for a HORIZONTAL edge (pass 1, dy = 1) the lines are dst + k and
//           samples step by stride.
//   limit, blimit, thresh  7.14.4 outputs for 8-bit (the kernel shifts them by
//           BitDepth - 8 as 7.14.6.2 does).
// Reads samples p( n - 1 ) .. q( n - 1 ) of each line (n = 2, 3, 4, 7 for
// len 4, 6, 8, 16: the p and q samples of 7.14.6.2); writes only the
// samples the filter modifies.
template <typename Pixel>
using LoopFilterEdgeFn = void (*)(Pixel* dst, ptrdiff_t stride, int limit, int blimit,
                                  int thresh, int bitdepth);

template <typename Pixel>
struct LoopFilterTable {
  // [pass: 0 vertical edge, 1 horizontal edge][LoopFilterLen]
  LoopFilterEdgeFn<Pixel> edge[2][kLfLens] = {};
};

struct LoopFilterTables {
  LoopFilterTable<uint8_t> lowbd;
  LoopFilterTable<uint16_t> highbd;
};

void FillLoopFilterTablesRef(LoopFilterTables* tables);

}  // namespace hav1

#endif  // HAV1_SRC_DSP_LOOPFILTER_H_
