// 7.15 CDEF process and 7.15.1 CDEF block process (the 8x8 block loop, skip
// rules, strengths); the kernels do 7.15.2 / 7.15.3.
#include <algorithm>
#include <vector>

#include "src/common/intops.h"
#include "src/postfilter/inloop_filter.h"
#include "src/tile/tile_constants.h"

namespace hav1::postfilter {
namespace {

// Per 8x8 block: the luma direction, or -1 when the block is not filtered.
struct CdefBlockState {
  int8_t y_dir = -1;
  int8_t idx = -1;
};

// CurrFrame of one plane as 16-bit samples with a kCdefBorder margin; samples
// outside the filter region (is_inside_filter_region) are kCdefUnavailable.
template <typename Pixel>
class CdefSource {
 public:
  CdefSource(const PlaneView<Pixel>& pv, int region_w, int region_h)
      : stride_(region_w + 2 * kCdefBorder),
        buf_(static_cast<size_t>(stride_) * (region_h + 2 * kCdefBorder), kCdefUnavailable) {
    for (int y = 0; y < region_h; y++) {
      const Pixel* src = pv.row(y);
      uint16_t* dst = at(0, y);
      for (int x = 0; x < region_w; x++) dst[x] = src[x];
    }
  }
  const uint16_t* at(int x, int y) const {
    return buf_.data() + static_cast<ptrdiff_t>(y + kCdefBorder) * stride_ + x + kCdefBorder;
  }
  uint16_t* at(int x, int y) {
    return buf_.data() + static_cast<ptrdiff_t>(y + kCdefBorder) * stride_ + x + kCdefBorder;
  }
  ptrdiff_t stride() const { return stride_; }

 private:
  ptrdiff_t stride_;
  std::vector<uint16_t> buf_;
};

}  // namespace

// 7.15 CDEF process.
template <typename Pixel>
void CdefFrame(const PlaneView<Pixel> planes[3], const FrameHeader& fh,
               const SequenceHeader& seq, const tile::FrameBlockInfo& blocks,
               const CdefTable<Pixel>& table) {
  const ColorConfig& cc = seq.color_config;
  const CdefParams& cp = fh.cdef_params;
  const int mi_rows = std::min(fh.MiRows, blocks.mi_rows()) & ~1;
  const int mi_cols = std::min(fh.MiCols, blocks.mi_cols()) & ~1;
  const int coeff_shift = cc.BitDepth - 8;
  const int rows8 = mi_rows / 2, cols8 = mi_cols / 2;
  if (rows8 == 0 || cols8 == 0) return;
  std::vector<CdefBlockState> state(static_cast<size_t>(rows8) * cols8);
  auto& cdef_blocks = const_cast<tile::FrameBlockInfo&>(blocks);  // cdef_idx() is non-const

  for (int plane = 0; plane < cc.NumPlanes; plane++) {
    const int sub_x = plane ? cc.subsampling_x : 0;
    const int sub_y = plane ? cc.subsampling_y : 0;
    if (sub_x < sub_y) return;  // 4:4:0 does not exist in AV1
    const PlaneView<Pixel>& pv = planes[plane];
    const int region_w = (mi_cols * tile::MI_SIZE) >> sub_x;
    const int region_h = (mi_rows * tile::MI_SIZE) >> sub_y;
    if (pv.width < region_w || pv.height < region_h) return;
    const CdefSource<Pixel> src(pv, region_w, region_h);
    const CdefBlockKind kind = sub_x ? (sub_y ? kCdef4x4 : kCdef4x8) : kCdef8x8;
    for (int r8 = 0; r8 < rows8; r8++) {
      for (int c8 = 0; c8 < cols8; c8++) {
        const int r = r8 * 2, c = c8 * 2;
        CdefBlockState& st = state[static_cast<size_t>(r8) * cols8 + c8];
        if (plane == 0) {
          // 7.15.1: idx, skip, direction.
          if ((r >> 4) >= blocks.cdef_rows() || (c >> 4) >= blocks.cdef_cols()) continue;
          const int idx = cdef_blocks.cdef_idx(r >> 4, c >> 4);
          if (idx < 0 || idx >= 8) continue;
          const bool skip = blocks.at(r, c).skip && blocks.at(r + 1, c).skip &&
                            blocks.at(r, c + 1).skip && blocks.at(r + 1, c + 1).skip;
          if (skip) continue;
          int var = 0;
          const int y_dir =
              table.dir(pv.row(r * tile::MI_SIZE) + c * tile::MI_SIZE, pv.stride, cc.BitDepth, &var);
          st.y_dir = static_cast<int8_t>(y_dir);
          st.idx = static_cast<int8_t>(idx);
          int pri_str = cp.cdef_y_pri_strength[idx] << coeff_shift;
          const int sec_str = cp.cdef_y_sec_strength[idx] << coeff_shift;
          const int dir = pri_str == 0 ? 0 : y_dir;
          const int var_str = (var >> 6) ? std::min(FloorLog2(static_cast<uint32_t>(var >> 6)), 12) : 0;
          pri_str = var ? (pri_str * (4 + var_str) + 8) >> 4 : 0;
          const int damping = cp.CdefDamping + coeff_shift;
          const int x0 = c * tile::MI_SIZE, y0 = r * tile::MI_SIZE;
          table.filter[kCdef8x8](pv.row(y0) + x0, pv.stride, src.at(x0, y0), src.stride(),
                                 pri_str, sec_str, dir, damping, cc.BitDepth);
        } else {
          if (st.idx < 0) continue;
          const int idx = st.idx;
          const int pri_str = cp.cdef_uv_pri_strength[idx] << coeff_shift;
          const int sec_str = cp.cdef_uv_sec_strength[idx] << coeff_shift;
          const int dir = pri_str == 0 ? 0 : kCdefUvDir[sub_x][sub_y][st.y_dir];
          const int damping = cp.CdefDamping + coeff_shift - 1;
          const int x0 = (c * tile::MI_SIZE) >> sub_x, y0 = (r * tile::MI_SIZE) >> sub_y;
          table.filter[kind](pv.row(y0) + x0, pv.stride, src.at(x0, y0), src.stride(), pri_str,
                             sec_str, dir, damping, cc.BitDepth);
        }
      }
    }
  }
}

template void CdefFrame<uint8_t>(const PlaneView<uint8_t>[3], const FrameHeader&,
                                 const SequenceHeader&, const tile::FrameBlockInfo&,
                                 const CdefTable<uint8_t>&);
template void CdefFrame<uint16_t>(const PlaneView<uint16_t>[3], const FrameHeader&,
                                  const SequenceHeader&, const tile::FrameBlockInfo&,
                                  const CdefTable<uint16_t>&);

}  // namespace hav1::postfilter
