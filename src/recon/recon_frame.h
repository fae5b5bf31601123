// CurrFrame of the spec during reconstruction: one buffer per plane, padded
// so that every transform block that starts inside the frame (MiCols x MiRows
// mode info units) can be written whole (prediction and residual write the
// full w x h block even where it crosses the frame edge, as in the spec).
#ifndef HAV1_SRC_RECON_RECON_FRAME_H_
#define HAV1_SRC_RECON_RECON_FRAME_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace hav1::recon {

template <typename Pixel>
struct ReconPlane {
  std::vector<Pixel> data;
  ptrdiff_t stride = 0;  // in pixels
  int width = 0;         // allocated columns
  int height = 0;        // allocated rows
  Pixel* at(int x, int y) { return data.data() + static_cast<ptrdiff_t>(y) * stride + x; }
  const Pixel* at(int x, int y) const {
    return data.data() + static_cast<ptrdiff_t>(y) * stride + x;
  }
};

template <typename Pixel>
class ReconFrame {
 public:
  // Sizes every plane for mi_cols x mi_rows mode info units rounded up to
  // 128 luma samples (the largest superblock), and at least min_width luma
  // columns (the upscaled width with superres).
  void Allocate(int mi_cols, int mi_rows, int num_planes, int sub_x, int sub_y,
                int min_width = 0) {
    const int w = ((std::max(mi_cols * 4, min_width) + 127) & ~127);
    const int h = ((mi_rows * 4 + 127) & ~127);
    num_planes_ = num_planes;
    for (int p = 0; p < 3; ++p) {
      ReconPlane<Pixel>& pl = planes_[p];
      if (p >= num_planes) {
        pl = ReconPlane<Pixel>();
        continue;
      }
      pl.width = p ? w >> sub_x : w;
      pl.height = p ? h >> sub_y : h;
      pl.stride = pl.width;
      pl.data.assign(static_cast<size_t>(pl.width) * pl.height, Pixel{0});
    }
  }
  int num_planes() const { return num_planes_; }
  ReconPlane<Pixel>& plane(int p) { return planes_[p]; }
  const ReconPlane<Pixel>& plane(int p) const { return planes_[p]; }

 private:
  int num_planes_ = 0;
  ReconPlane<Pixel> planes_[3];
};

}  // namespace hav1::recon

#endif  // HAV1_SRC_RECON_RECON_FRAME_H_
