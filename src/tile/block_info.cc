#include "src/tile/block_info.h"

namespace hav1::tile {

void FrameBlockInfo::Reset(int mi_rows, int mi_cols, bool use_128x128, int num_planes,
                           const int lr_unit_rows[3], const int lr_unit_cols[3]) {
  mi_rows_ = mi_rows;
  mi_cols_ = mi_cols;
  mi_.assign(static_cast<size_t>(mi_rows) * mi_cols, BlockInfo{});
  // cdef_idx is addressed per 64x64 block; clear_cdef of a 128x128
  // superblock touches the 64x64 blocks past the frame edge too.
  const int extra = use_128x128 ? 1 : 0;
  cdef_rows_ = (mi_rows + 15) / 16 + extra;
  cdef_cols_ = (mi_cols + 15) / 16 + extra;
  cdef_.assign(static_cast<size_t>(cdef_rows_) * cdef_cols_, -1);
  for (int p = 0; p < 3; ++p) {
    lr_rows_[p] = p < num_planes ? lr_unit_rows[p] : 0;
    lr_cols_[p] = p < num_planes ? lr_unit_cols[p] : 0;
    lr_[p].assign(static_cast<size_t>(lr_rows_[p]) * lr_cols_[p], LrUnit{});
  }
}

}  // namespace hav1::tile
