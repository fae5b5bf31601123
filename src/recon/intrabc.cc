// 7.11.3 inter prediction for intra block copy.
#include "src/recon/intrabc.h"

#include "src/common/intops.h"

namespace hav1::recon {
namespace {

constexpr int kSubpelBits = 4;        // SUBPEL_BITS
constexpr int kSubpelMask = 15;       // SUBPEL_MASK
constexpr int kScaleSubpelBits = 10;  // SCALE_SUBPEL_BITS
constexpr int kRefScaleShift = 14;    // REF_SCALE_SHIFT
constexpr int kFilterBits = 7;        // FILTER_BITS

// Subpel_Filters[ BILINEAR ][ f ]: taps 3 and 4 are 128 - 8 * f and 8 * f,
// all others 0.
inline int BilinearTap(int f, int t) {
  return t == 3 ? 128 - 8 * f : (t == 4 ? 8 * f : 0);
}

}  // namespace

template <typename Pixel>
bool PredictIntrabc(const IntrabcBlock& b, ReconPlane<Pixel>* plane,
                    std::vector<int32_t>* scratch) {
  if (b.w <= 0 || b.h <= 0 || b.w > 128 || b.h > 128 || b.x < 0 || b.y < 0 ||
      b.x + b.w > plane->width || b.y + b.h > plane->height) {
    return false;
  }
  // 7.11.3.2 rounding variables (isCompound = 0).
  int round0 = 3, round1 = 11;
  if (b.bitdepth == 12) {
    round0 += 2;
    round1 -= 2;
  }
  // 7.11.3.3 with RefUpscaledWidth[ -1 ] = UpscaledWidth = FrameWidth:
  // xScale = yScale = 1 << REF_SCALE_SHIFT.
  const int64_t scale = int64_t{1} << kRefScaleShift;
  const int half = 1 << (kSubpelBits - 1);
  const int64_t orig_x = (int64_t{b.x} << kSubpelBits) + ((2 * b.mv_col) >> b.sub_x) + half;
  const int64_t orig_y = (int64_t{b.y} << kSubpelBits) + ((2 * b.mv_row) >> b.sub_y) + half;
  const int64_t base_x = orig_x * scale - (int64_t{half} << kRefScaleShift);
  const int64_t base_y = orig_y * scale - (int64_t{half} << kRefScaleShift);
  const int off = (1 << (kScaleSubpelBits - kSubpelBits)) / 2;
  const int shift = kRefScaleShift + kSubpelBits - kScaleSubpelBits;
  const int64_t start_x = Round2Signed(base_x, shift) + off;
  const int64_t start_y = Round2Signed(base_y, shift) + off;
  const int64_t step = Round2Signed(scale, kRefScaleShift - kScaleSubpelBits);  // 1024

  // 7.11.3.4 with RefUpscaledWidth[ -1 ] = MiCols * MI_SIZE and
  // RefFrameHeight[ -1 ] = MiRows * MI_SIZE (step 11 of 7.11.3.1).
  const int last_x = ((b.mi_cols * 4 + b.sub_x) >> b.sub_x) - 1;
  const int last_y = ((b.mi_rows * 4 + b.sub_y) >> b.sub_y) - 1;
  const int inter_h =
      static_cast<int>((((b.h - 1) * step + (1 << kScaleSubpelBits) - 1) >> kScaleSubpelBits) + 8);
  scratch->resize(static_cast<size_t>(inter_h) * b.w);
  int32_t* inter = scratch->data();
  for (int r = 0; r < inter_h; ++r) {
    const int ry = Clip3<int64_t>(0, last_y, (start_y >> 10) + r - 3);
    const Pixel* row = plane->at(0, ry);
    for (int c = 0; c < b.w; ++c) {
      const int64_t p = start_x + step * c;
      const int f = static_cast<int>((p >> 6) & kSubpelMask);
      int32_t s = 0;
      for (int t = 3; t <= 4; ++t) {  // the only non-zero BILINEAR taps
        const int rx = Clip3<int64_t>(0, last_x, (p >> 10) + t - 3);
        s += BilinearTap(f, t) * row[rx];
      }
      inter[r * b.w + c] = Round2(s, round0);
    }
  }
  // 7.11.3.1: InterPostRound = 2 * FILTER_BITS - ( round0 + round1 ) = 0
  // here, so CurrFrame = Clip1( pred ).
  static_assert(2 * kFilterBits - (3 + 11) == 0);
  for (int r = 0; r < b.h; ++r) {
    const int64_t p = (start_y & 1023) + step * r;
    const int f = static_cast<int>((p >> 6) & kSubpelMask);
    const int base = static_cast<int>(p >> 10);
    Pixel* dst = plane->at(b.x, b.y + r);
    for (int c = 0; c < b.w; ++c) {
      int32_t s = 0;
      for (int t = 3; t <= 4; ++t) s += BilinearTap(f, t) * inter[(base + t) * b.w + c];
      dst[c] = static_cast<Pixel>(Clip1(Round2(s, round1), b.bitdepth));
    }
  }
  return true;
}

template bool PredictIntrabc(const IntrabcBlock&, ReconPlane<uint8_t>*, std::vector<int32_t>*);
template bool PredictIntrabc(const IntrabcBlock&, ReconPlane<uint16_t>*, std::vector<int32_t>*);

}  // namespace hav1::recon
