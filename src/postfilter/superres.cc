// 7.16 upscaling process (superres): per-plane parameters and the row loop.
#include <algorithm>
#include <vector>

#include "src/common/intops.h"
#include "src/postfilter/inloop_filter.h"
#include "src/tile/tile_constants.h"

namespace hav1::postfilter {

// 7.16: stepX and initialSubpelX of one plane.
SuperresPlaneParams ComputeSuperresParams(const FrameHeader& fh, int sub_x) {
  SuperresPlaneParams p;
  const int downscaled_w = Round2(fh.FrameWidth, sub_x);
  const int upscaled_w = Round2(fh.UpscaledWidth, sub_x);
  p.dst_w = upscaled_w;
  p.src_w = (fh.MiCols >> sub_x) * tile::MI_SIZE;
  if (upscaled_w <= 0) return p;
  const int64_t step_x =
      ((int64_t{downscaled_w} << kSuperresScaleBits) + (upscaled_w / 2)) / upscaled_w;
  const int64_t err = upscaled_w * step_x - (int64_t{downscaled_w} << kSuperresScaleBits);
  // C division truncates toward zero; the numerator may be negative.
  int64_t initial =
      (-(int64_t{upscaled_w - downscaled_w} << (kSuperresScaleBits - 1)) + upscaled_w / 2) /
          upscaled_w +
      (1 << (kSuperresExtraBits - 1)) - err / 2;
  initial &= (1 << kSuperresScaleBits) - 1;
  p.step_x = static_cast<int>(step_x);
  p.initial_subpel_x = static_cast<int>(initial);
  return p;
}

template <typename Pixel>
void SuperresPlane(const PlaneView<Pixel>& plane, int rows, const SuperresPlaneParams& p,
                   SuperresRowFn<Pixel> fn, int bitdepth) {
  const int src_w = std::min(p.src_w, plane.width);
  if (src_w <= 0 || p.dst_w > plane.width) return;
  std::vector<Pixel> line(static_cast<size_t>(src_w));
  for (int y = 0; y < std::min(rows, plane.height); y++) {
    std::copy(plane.row(y), plane.row(y) + src_w, line.begin());
    fn(plane.row(y), line.data(), src_w, p.dst_w, p.initial_subpel_x, p.step_x, bitdepth);
  }
}

template void SuperresPlane<uint8_t>(const PlaneView<uint8_t>&, int, const SuperresPlaneParams&,
                                     SuperresRowFn<uint8_t>, int);
template void SuperresPlane<uint16_t>(const PlaneView<uint16_t>&, int,
                                      const SuperresPlaneParams&, SuperresRowFn<uint16_t>, int);

}  // namespace hav1::postfilter
