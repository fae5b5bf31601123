// CDEF kernel family: function-pointer table types and the plain C++
// reference kernels (the test oracle).
//
// Spec: 7.15.2 (CDEF direction process) and 7.15.3 (CDEF filter process).
// The driver (src/postfilter/cdef.cc) does 7.15 / 7.15.1: the 8x8 block
// loop, the skip rules and the strengths.
#ifndef HAV1_SRC_DSP_CDEF_H_
#define HAV1_SRC_DSP_CDEF_H_

#include <cstddef>
#include <cstdint>

namespace hav1 {

// The filter reads CurrFrame (deblocked samples) through a 16-bit copy in
// which samples outside the filter region (is_inside_filter_region false,
// i.e. CdefAvailable = 0) hold this value.  Real samples are < 4096.
inline constexpr uint16_t kCdefUnavailable = 0xFFFF;
// Margin of that copy around every block: Cdef_Directions reach 2 samples.
inline constexpr int kCdefBorder = 2;

// Block shapes of 7.15.3 (w = 8 >> subX, h = 8 >> subY).
enum CdefBlockKind : int { kCdef8x8 = 0, kCdef4x8, kCdef4x4, kCdefKinds };

// 7.15.2: direction (returned, 0..7) and *var of the 8x8 luma block at src
// (CurrFrame[ 0 ][ y0 ][ x0 ]).
template <typename Pixel>
using CdefDirFn = int (*)(const Pixel* src, ptrdiff_t stride, int bitdepth, int* var);

// 7.15.3 for one block: dst = CdefFrame at (x0, y0); src = the 16-bit copy at
// (x0, y0), rows -2 .. h + 1 and columns -2 .. w + 1 readable (in units of
// src_stride), kCdefUnavailable where not available.  pri_str / sec_str are
// priStr / secStr of 7.15.1 (already shifted by coeffShift, priStr already
// adjusted by the variance for luma), damping is the damping of 7.15.1.
template <typename Pixel>
using CdefFilterFn = void (*)(Pixel* dst, ptrdiff_t dst_stride, const uint16_t* src,
                              ptrdiff_t src_stride, int pri_str, int sec_str, int dir,
                              int damping, int bitdepth);

template <typename Pixel>
struct CdefTable {
  CdefDirFn<Pixel> dir = nullptr;
  CdefFilterFn<Pixel> filter[kCdefKinds] = {};
};

struct CdefTables {
  CdefTable<uint8_t> lowbd;
  CdefTable<uint16_t> highbd;
};

void FillCdefTablesRef(CdefTables* tables);

// Cdef_Uv_Dir[ subsampling_x ][ subsampling_y ][ yDir ] (7.15.1).
inline constexpr int kCdefUvDir[2][2][8] = {
    {{0, 1, 2, 3, 4, 5, 6, 7}, {1, 2, 2, 2, 3, 4, 6, 0}},
    {{7, 0, 2, 4, 5, 6, 6, 6}, {0, 1, 2, 3, 4, 5, 6, 7}}};

}  // namespace hav1

#endif  // HAV1_SRC_DSP_CDEF_H_
