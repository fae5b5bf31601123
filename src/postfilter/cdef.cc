// 7.15 CDEF process and 7.15.1 CDEF block process (the 8x8 block loop, skip
// rules, strengths); the kernels do 7.15.2 / 7.15.3.
#include <algorithm>
#include <vector>

#include "src/common/intops.h"
#include "src/postfilter/inloop_filter.h"
#include "src/tile/tile_constants.h"

namespace hav1::postfilter {

// CurrFrame of every plane as 16-bit samples with a kCdefBorder margin;
// samples outside the filter region (is_inside_filter_region) are
// kCdefUnavailable.
template <typename Pixel>
CdefFrameFilter<Pixel>::CdefFrameFilter(const PlaneView<Pixel> planes[3], const FrameHeader& fh,
                                        const SequenceHeader& seq,
                                        const tile::FrameBlockInfo& blocks)
    : fh_(fh), seq_(seq), blocks_(blocks) {
  const ColorConfig& cc = seq.color_config;
  mi_rows_ = std::min(fh.MiRows, blocks.mi_rows()) & ~1;
  mi_cols_ = std::min(fh.MiCols, blocks.mi_cols()) & ~1;
  num_planes_ = std::clamp(cc.NumPlanes, 1, 3);
  for (int plane = 0; plane < num_planes_; plane++) {
    const int sub_x = plane ? cc.subsampling_x : 0;
    const int sub_y = plane ? cc.subsampling_y : 0;
    if (sub_x < sub_y) return;  // 4:4:0 does not exist in AV1
    const PlaneView<Pixel>& pv = planes[plane];
    const int region_w = (mi_cols_ * tile::MI_SIZE) >> sub_x;
    const int region_h = (mi_rows_ * tile::MI_SIZE) >> sub_y;
    if (pv.width < region_w || pv.height < region_h) return;
    planes_[plane] = pv;
    stride_[plane] = region_w + 2 * kCdefBorder;
    src_[plane].assign(static_cast<size_t>(stride_[plane]) * (region_h + 2 * kCdefBorder),
                       kCdefUnavailable);
    for (int y = 0; y < region_h; y++) {
      const Pixel* row = pv.row(y);
      uint16_t* dst = src_[plane].data() + (y + kCdefBorder) * stride_[plane] + kCdefBorder;
      for (int x = 0; x < region_w; x++) dst[x] = row[x];
    }
  }
  valid_ = mi_rows_ > 0 && mi_cols_ > 0 && !src_[0].empty();
}

// 7.15 / 7.15.1 for the 8x8 blocks of mode info rows [ start, end ).
template <typename Pixel>
void CdefFrameFilter<Pixel>::FilterRows(const CdefTable<Pixel>& table, int mi_row_start,
                                        int mi_row_end) const {
  if (!valid_) return;
  const ColorConfig& cc = seq_.color_config;
  const CdefParams& cp = fh_.cdef_params;
  const int coeff_shift = cc.BitDepth - 8;
  auto& cdef_blocks = const_cast<tile::FrameBlockInfo&>(blocks_);  // cdef_idx() is non-const
  const int row_end = std::min(mi_rows_, mi_row_end);
  for (int r = std::max(0, mi_row_start) & ~1; r < row_end; r += 2) {
    for (int c = 0; c < mi_cols_; c += 2) {
      if ((r >> 4) >= blocks_.cdef_rows() || (c >> 4) >= blocks_.cdef_cols()) continue;
      const int idx = cdef_blocks.cdef_idx(r >> 4, c >> 4);
      if (idx < 0 || idx >= 8) continue;
      const bool skip = blocks_.at(r, c).skip && blocks_.at(r + 1, c).skip &&
                        blocks_.at(r, c + 1).skip && blocks_.at(r + 1, c + 1).skip;
      if (skip) continue;
      // 7.15.2 on CurrFrame (this block's samples are not yet filtered).
      const PlaneView<Pixel>& luma = planes_[0];
      const int x0 = c * tile::MI_SIZE, y0 = r * tile::MI_SIZE;
      int var = 0;
      const int y_dir = table.dir(luma.row(y0) + x0, luma.stride, cc.BitDepth, &var);
      int pri_str = cp.cdef_y_pri_strength[idx] << coeff_shift;
      int sec_str = cp.cdef_y_sec_strength[idx] << coeff_shift;
      int dir = pri_str == 0 ? 0 : y_dir;
      const int var_str =
          (var >> 6) ? std::min(FloorLog2(static_cast<uint32_t>(var >> 6)), 12) : 0;
      pri_str = var ? (pri_str * (4 + var_str) + 8) >> 4 : 0;
      table.filter[kCdef8x8](luma.row(y0) + x0, luma.stride, Source(0, x0, y0), stride_[0],
                             pri_str, sec_str, dir, cp.CdefDamping + coeff_shift, cc.BitDepth);
      if (num_planes_ == 1) continue;
      const int sub_x = cc.subsampling_x, sub_y = cc.subsampling_y;
      const CdefBlockKind kind = sub_x ? (sub_y ? kCdef4x4 : kCdef4x8) : kCdef8x8;
      pri_str = cp.cdef_uv_pri_strength[idx] << coeff_shift;
      sec_str = cp.cdef_uv_sec_strength[idx] << coeff_shift;
      dir = pri_str == 0 ? 0 : kCdefUvDir[sub_x][sub_y][y_dir];
      for (int plane = 1; plane < num_planes_; plane++) {
        if (src_[plane].empty()) continue;
        const PlaneView<Pixel>& pv = planes_[plane];
        const int cx = x0 >> sub_x, cy = y0 >> sub_y;
        table.filter[kind](pv.row(cy) + cx, pv.stride, Source(plane, cx, cy), stride_[plane],
                           pri_str, sec_str, dir, cp.CdefDamping + coeff_shift - 1,
                           cc.BitDepth);
      }
    }
  }
}

// 7.15 CDEF process.
template <typename Pixel>
void CdefFrame(const PlaneView<Pixel> planes[3], const FrameHeader& fh,
               const SequenceHeader& seq, const tile::FrameBlockInfo& blocks,
               const CdefTable<Pixel>& table) {
  const CdefFrameFilter<Pixel> filter(planes, fh, seq, blocks);
  filter.FilterRows(table, 0, fh.MiRows);
}

template class CdefFrameFilter<uint8_t>;
template class CdefFrameFilter<uint16_t>;
template void CdefFrame<uint8_t>(const PlaneView<uint8_t>[3], const FrameHeader&,
                                 const SequenceHeader&, const tile::FrameBlockInfo&,
                                 const CdefTable<uint8_t>&);
template void CdefFrame<uint16_t>(const PlaneView<uint16_t>[3], const FrameHeader&,
                                  const SequenceHeader&, const tile::FrameBlockInfo&,
                                  const CdefTable<uint16_t>&);

}  // namespace hav1::postfilter
