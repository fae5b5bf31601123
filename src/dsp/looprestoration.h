// Loop restoration ("looprestoration") kernel family: function-pointer table
// types and the plain C++ reference kernels (the test oracle).
//
// Spec: 7.17.2 (self guided filter), 7.17.3 (box filter), 7.17.4 (Wiener
// filter), 7.17.5 (Wiener coefficients).  The driver
// (src/postfilter/loop_restoration.cc) does 7.17 / 7.17.1 (units, stripes)
// and 7.17.6 (get source sample): it hands each kernel a block of at most
// kLrMaxBlock x kLrMaxBlock samples that lies inside one restoration unit and
// one stripe, together with a padded copy of the source samples around it.
#ifndef HAV1_SRC_DSP_LOOPRESTORATION_H_
#define HAV1_SRC_DSP_LOOPRESTORATION_H_

#include <cstddef>
#include <cstdint>

namespace hav1 {

inline constexpr int kLrMaxBlock = 64;  // max w and h of one kernel call
inline constexpr int kLrBorder = 3;     // source margin on every side

// src: the samples get_source_sample( plane, x + j, y + i ) of 7.17.6 for
// i in -3 .. h + 2 and j in -3 .. w + 2, at src[ i * src_stride + j ]
// (so src points at the block's own top-left sample, which is
// UpscaledCdefFrame[ y ][ x ]).  dst: LrFrame at (x, y).  1 <= w, h <= 64.

// 7.17.4: hfilter / vfilter are the 7 taps of 7.17.5 (see WienerCoefficients).
template <typename Pixel>
using WienerFn = void (*)(Pixel* dst, ptrdiff_t dst_stride, const Pixel* src,
                          ptrdiff_t src_stride, int w, int h, const int16_t hfilter[7],
                          const int16_t vfilter[7], int bitdepth);

// 7.17.2: set = LrSgrSet (0..15), xqd0 / xqd1 = LrSgrXqd[ ][ ][ ][ 0 / 1 ].
template <typename Pixel>
using SgrFn = void (*)(Pixel* dst, ptrdiff_t dst_stride, const Pixel* src,
                       ptrdiff_t src_stride, int w, int h, int set, int xqd0, int xqd1,
                       int bitdepth);

template <typename Pixel>
struct LoopRestorationTable {
  WienerFn<Pixel> wiener = nullptr;
  SgrFn<Pixel> sgr = nullptr;
};

struct LoopRestorationTables {
  LoopRestorationTable<uint8_t> lowbd;
  LoopRestorationTable<uint16_t> highbd;
};

void FillLoopRestorationTablesRef(LoopRestorationTables* tables);

// 7.17.5 Wiener coefficient process: 3 coded coefficients -> 7 taps.
void WienerCoefficients(const int8_t coeff[3], int16_t filter[7]);

// Sgr_Params[ 16 ][ 4 ] of 7.17.3 (r0, eps0, r1, eps1).
inline constexpr int kSgrParams[16][4] = {
    {2, 12, 1, 4},  {2, 15, 1, 6},  {2, 18, 1, 8},  {2, 21, 1, 9},
    {2, 24, 1, 10}, {2, 29, 1, 11}, {2, 36, 1, 12}, {2, 45, 1, 13},
    {2, 56, 1, 14}, {2, 68, 1, 15}, {0, 0, 1, 5},   {0, 0, 1, 8},
    {0, 0, 1, 11},  {0, 0, 1, 14},  {2, 30, 0, 0},  {2, 75, 0, 0}};

}  // namespace hav1

#endif  // HAV1_SRC_DSP_LOOPRESTORATION_H_
