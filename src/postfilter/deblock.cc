// 7.14 loop filter process (deblocking): edge loop, filter size, levels.
#include <algorithm>

#include "src/common/intops.h"
#include "src/postfilter/inloop_filter.h"
#include "src/tile/tile_constants.h"

namespace hav1::postfilter {
namespace {

using tile::BlockInfo;


struct Strength {
  int lvl = 0, limit = 0, blimit = 0, thresh = 0;
};

// 7.14.5 adaptive filter strength selection process.
int FilterLevel(const FrameHeader& fh, const BlockInfo& b, int plane, int pass) {
  const LoopFilterParams& lf = fh.loop_filter_params;
  const int i = plane == 0 ? pass : plane + 1;
  const int segment = b.segment_id < MAX_SEGMENTS ? b.segment_id : 0;
  const int ref = Clip3(0, TOTAL_REFS_PER_FRAME - 1, static_cast<int>(b.ref_frame[0]));
  const int mode = b.y_mode;
  const int mode_type =
      (mode >= tile::NEARESTMV && mode != tile::GLOBALMV && mode != tile::GLOBAL_GLOBALMV);
  const int delta_lf = fh.delta_params.delta_lf_multi ? b.delta_lf[i] : b.delta_lf[0];
  int lvl_seg = Clip3(0, MAX_LOOP_FILTER, delta_lf + lf.loop_filter_level[i]);
  const int feature = SEG_LVL_ALT_LF_Y_V + i;
  const SegmentationParams& seg = fh.segmentation_params;
  if (seg.segmentation_enabled && seg.FeatureEnabled[segment][feature]) {
    lvl_seg = Clip3(0, MAX_LOOP_FILTER, seg.FeatureData[segment][feature] + lvl_seg);
  }
  if (lf.loop_filter_delta_enabled) {
    const int n_shift = lvl_seg >> 5;
    if (ref == 0) {  // INTRA_FRAME
      lvl_seg += lf.loop_filter_ref_deltas[0] * (1 << n_shift);
    } else {
      lvl_seg += lf.loop_filter_ref_deltas[ref] * (1 << n_shift) +
                 lf.loop_filter_mode_deltas[mode_type] * (1 << n_shift);
    }
    lvl_seg = Clip3(0, MAX_LOOP_FILTER, lvl_seg);
  }
  return lvl_seg;
}

// 7.14.4 adaptive filter strength process.
Strength FilterStrength(const FrameHeader& fh, const BlockInfo& b, int plane, int pass) {
  Strength s;
  s.lvl = FilterLevel(fh, b, plane, pass);
  const int sharp = fh.loop_filter_params.loop_filter_sharpness;
  const int shift = sharp > 4 ? 2 : (sharp > 0 ? 1 : 0);
  s.limit = sharp > 0 ? Clip3(1, 9 - sharp, s.lvl >> shift) : std::max(1, s.lvl >> shift);
  s.blimit = 2 * (s.lvl + 2) + s.limit;
  s.thresh = s.lvl >> 4;
  return s;
}

// How many samples each side of the edge the filter of this size reads
// (p( n - 1 ) .. q( n - 1 )).
int Reach(int filter_size, int plane) {
  return filter_size == 4 ? 2 : (plane ? 3 : (filter_size == 8 ? 4 : 7));
}

// 7.14.2 edge loop filter process for the 4-sample edge at mi (row, col).
template <typename Pixel>
void LoopFilterEdge(const PlaneView<Pixel>& pv, const FrameHeader& fh,
                    const tile::FrameBlockInfo& blocks, const LoopFilterTable<Pixel>& table,
                    int plane, int pass, int row, int col, int sub_x, int sub_y,
                    int bitdepth) {
  const int dx = pass == 0 ? 1 : 0, dy = pass == 0 ? 0 : 1;
  const int x = col * tile::MI_SIZE, y = row * tile::MI_SIZE;
  row |= sub_y;
  col |= sub_x;
  if (x >= fh.FrameWidth || y >= fh.FrameHeight) return;  // onScreen
  if (pass == 0 && x == 0) return;
  if (pass == 1 && y == 0) return;
  const int xp = x >> sub_x, yp = y >> sub_y;
  const int prev_row = row - (dy << sub_y);
  const int prev_col = col - (dx << sub_x);
  if (row >= blocks.mi_rows() || col >= blocks.mi_cols()) return;
  const BlockInfo& cur = blocks.at(row, col);
  const BlockInfo& prev = blocks.at(prev_row, prev_col);
  // LoopfilterTxSizes[ plane ][ r >> subY ][ c >> subX ] lives at the luma mi
  // ( ( r >> subY ) << subY, ( c >> subX ) << subX ).
  const int tx_sz =
      blocks.at((row >> sub_y) << sub_y, (col >> sub_x) << sub_x).lf_tx_size[plane];
  const int prev_tx_sz =
      blocks.at((prev_row >> sub_y) << sub_y, (prev_col >> sub_x) << sub_x).lf_tx_size[plane];
  if (tx_sz >= tile::TX_SIZES_ALL || prev_tx_sz >= tile::TX_SIZES_ALL ||
      cur.mi_size >= tile::BLOCK_SIZES) {
    return;
  }
  const int plane_size = tile::Subsampled_Size[cur.mi_size][sub_x][sub_y];
  if (plane_size >= tile::BLOCK_SIZES) return;
  const bool is_intra = cur.ref_frame[0] <= tile::kIntraFrame;
  const bool is_block_edge = pass == 0 ? (xp % tile::Block_Width(plane_size)) == 0
                                       : (yp % tile::Block_Height(plane_size)) == 0;
  const bool is_tx_edge = pass == 0 ? (xp % tile::Tx_Width[tx_sz]) == 0
                                    : (yp % tile::Tx_Height[tx_sz]) == 0;
  const bool apply = is_tx_edge && (is_block_edge || !cur.skip || is_intra);
  if (!apply) return;
  // 7.14.3 filter size process.
  const int base_size = pass == 0 ? std::min(tile::Tx_Width[prev_tx_sz], tile::Tx_Width[tx_sz])
                                  : std::min(tile::Tx_Height[prev_tx_sz], tile::Tx_Height[tx_sz]);
  int filter_size = plane == 0 ? std::min(16, base_size) : std::min(8, base_size);
  Strength s = FilterStrength(fh, cur, plane, pass);
  if (s.lvl == 0) s = FilterStrength(fh, prev, plane, pass);
  if (s.lvl == 0) return;
  // Defensive: never read outside the plane (conformant streams never need it).
  const int pos = pass == 0 ? xp : yp;
  const int extent = pass == 0 ? pv.width : pv.height;
  while (filter_size > 4 &&
         (pos < Reach(filter_size, plane) || pos + Reach(filter_size, plane) > extent)) {
    filter_size >>= 1;
  }
  if (pos < 2 || pos + 2 > extent) return;
  const int seg_len = 4;  // MI_SIZE samples along the edge
  if ((pass == 0 ? yp : xp) + seg_len > (pass == 0 ? pv.height : pv.width)) return;
  table.edge[pass][LoopFilterLenIndex(filter_size, plane)](
      pv.row(yp) + xp, pv.stride, s.limit, s.blimit, s.thresh, bitdepth);
}

}  // namespace

// 7.14.1 loop filter process, one pass, mode info rows [ mi_row_start,
// mi_row_end ) (even numbers).
template <typename Pixel>
void DeblockRows(const PlaneView<Pixel> planes[3], const FrameHeader& fh,
                 const SequenceHeader& seq, const tile::FrameBlockInfo& blocks,
                 const LoopFilterTable<Pixel>& table, int pass, int mi_row_start,
                 int mi_row_end) {
  const ColorConfig& cc = seq.color_config;
  const int mi_rows = std::min({fh.MiRows, blocks.mi_rows(), mi_row_end});
  const int mi_cols = std::min(fh.MiCols, blocks.mi_cols());
  const int row_start = std::max(0, mi_row_start) & ~1;
  for (int plane = 0; plane < cc.NumPlanes; plane++) {
    if (plane != 0 && !fh.loop_filter_params.loop_filter_level[1 + plane]) continue;
    const int sub_x = plane ? cc.subsampling_x : 0;
    const int sub_y = plane ? cc.subsampling_y : 0;
    const int row_step = 1 << sub_y, col_step = 1 << sub_x;
    for (int row = row_start; row < mi_rows; row += row_step) {
      for (int col = 0; col < mi_cols; col += col_step) {
        LoopFilterEdge(planes[plane], fh, blocks, table, plane, pass, row, col, sub_x, sub_y,
                       cc.BitDepth);
      }
    }
  }
}

// 7.14.1 loop filter process.  Planes are independent, so all vertical
// edges of every plane, then all horizontal edges, is the spec's order.
template <typename Pixel>
void DeblockFrame(const PlaneView<Pixel> planes[3], const FrameHeader& fh,
                  const SequenceHeader& seq, const tile::FrameBlockInfo& blocks,
                  const LoopFilterTable<Pixel>& table) {
  for (int pass = 0; pass < 2; pass++) {
    DeblockRows(planes, fh, seq, blocks, table, pass, 0, fh.MiRows);
  }
}

template void DeblockRows<uint8_t>(const PlaneView<uint8_t>[3], const FrameHeader&,
                                   const SequenceHeader&, const tile::FrameBlockInfo&,
                                   const LoopFilterTable<uint8_t>&, int, int, int);
template void DeblockRows<uint16_t>(const PlaneView<uint16_t>[3], const FrameHeader&,
                                    const SequenceHeader&, const tile::FrameBlockInfo&,
                                    const LoopFilterTable<uint16_t>&, int, int, int);
template void DeblockFrame<uint8_t>(const PlaneView<uint8_t>[3], const FrameHeader&,
                                    const SequenceHeader&, const tile::FrameBlockInfo&,
                                    const LoopFilterTable<uint8_t>&);
template void DeblockFrame<uint16_t>(const PlaneView<uint16_t>[3], const FrameHeader&,
                                     const SequenceHeader&, const tile::FrameBlockInfo&,
                                     const LoopFilterTable<uint16_t>&);

}  // namespace hav1::postfilter
