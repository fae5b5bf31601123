// Superres upscaling kernel family (spec 7.16): function-pointer table type
// and the plain C++ reference kernel.  The driver (src/postfilter/superres.cc)
// computes stepX / initialSubpelX per plane and calls the kernel per row.
#ifndef HAV1_SRC_DSP_SUPERRES_H_
#define HAV1_SRC_DSP_SUPERRES_H_

#include <cstddef>
#include <cstdint>

namespace hav1 {

inline constexpr int kSuperresScaleBits = 14;   // SUPERRES_SCALE_BITS
inline constexpr int kSuperresExtraBits = 8;    // SUPERRES_EXTRA_BITS
inline constexpr int kSuperresFilterBits = 6;   // SUPERRES_FILTER_BITS
inline constexpr int kSuperresFilterTaps = 8;   // SUPERRES_FILTER_TAPS
inline constexpr int kSuperresFilterOffset = 3; // SUPERRES_FILTER_OFFSET

// Upscale one row: dst[ x ] for x in 0 .. dst_w - 1 from src[ 0 .. src_w - 1 ]
// (src_w = maxX + 1 of 7.16; positions outside are clamped to it, as the
// spec's Clip3( minX, maxX, ... )).  dst and src must not overlap.
template <typename Pixel>
using SuperresRowFn = void (*)(Pixel* dst, const Pixel* src, int src_w, int dst_w,
                               int initial_subpel_x, int step_x, int bitdepth);

struct SuperresTables {
  SuperresRowFn<uint8_t> lowbd = nullptr;
  SuperresRowFn<uint16_t> highbd = nullptr;
};

void FillSuperresTablesRef(SuperresTables* tables);

// Upscale_Filter[ 64 ][ 8 ] of 7.16.
extern const int16_t kUpscaleFilter[64][8];

}  // namespace hav1

#endif  // HAV1_SRC_DSP_SUPERRES_H_
