#include "src/tile/tile_group.h"

#include <string>

#include "src/common/intops.h"
#include "src/entropy/symbol_decoder.h"

namespace hav1::tile {

// The tile loop of 5.11.1 tile_group_obu( sz ).
Status SplitTileGroup(const FrameHeader& hdr, int tg_start, int tg_end,
                      std::span<const uint8_t> data, std::vector<TileData>* tiles) {
  const TileInfo& ti = hdr.tile_info;
  const int num_tiles = ti.TileCols * ti.TileRows;
  if (tg_start < 0 || tg_end < tg_start || tg_end >= num_tiles) {
    return InvalidData("tile group: tg_start/tg_end out of range");
  }
  const int tile_size_bytes = ti.TileSizeBytes;
  if (tile_size_bytes < 1 || tile_size_bytes > 4) return InvalidData("tile group: TileSizeBytes");
  size_t pos = 0;
  size_t sz = data.size();
  for (int tile_num = tg_start; tile_num <= tg_end; ++tile_num) {
    const int tile_row = tile_num / ti.TileCols;
    const int tile_col = tile_num % ti.TileCols;
    size_t tile_size;
    if (tile_num == tg_end) {
      tile_size = sz;
    } else {
      if (sz < static_cast<size_t>(tile_size_bytes)) {
        return InvalidData("tile group: tile " + std::to_string(tile_num) +
                           ": no room for tile_size_minus_1");
      }
      uint64_t v = 0;  // le(TileSizeBytes)
      for (int i = 0; i < tile_size_bytes; ++i) v |= uint64_t{data[pos + i]} << (8 * i);
      pos += tile_size_bytes;
      sz -= tile_size_bytes;
      tile_size = static_cast<size_t>(v) + 1;
      if (tile_size > sz) {
        return InvalidData("tile group: tile " + std::to_string(tile_num) + " size " +
                           std::to_string(tile_size) + " exceeds the " + std::to_string(sz) +
                           " bytes left");
      }
    }
    if (tile_size == 0) {
      return InvalidData("tile group: tile " + std::to_string(tile_num) + " is empty");
    }
    TileData t;
    t.tile_num = tile_num;
    t.bounds.mi_row_start = ti.MiRowStarts[tile_row];
    t.bounds.mi_row_end = std::min(ti.MiRowStarts[tile_row + 1], hdr.MiRows);
    t.bounds.mi_col_start = ti.MiColStarts[tile_col];
    t.bounds.mi_col_end = std::min(ti.MiColStarts[tile_col + 1], hdr.MiCols);
    t.data = data.subspan(pos, tile_size);
    tiles->push_back(t);
    pos += tile_size;
    sz -= tile_size;
  }
  return Status::Ok();
}

void ResetFrameBlockInfo(const SequenceHeader& seq, const FrameHeader& hdr,
                         FrameBlockInfo* blocks) {
  const ColorConfig& cc = seq.color_config;
  int rows[3] = {}, cols[3] = {};
  for (int plane = 0; plane < cc.NumPlanes; ++plane) {
    if (hdr.lr_params.FrameRestorationType[plane] == 0) continue;
    const int sx = plane == 0 ? 0 : cc.subsampling_x;
    const int sy = plane == 0 ? 0 : cc.subsampling_y;
    const int unit_size = hdr.lr_params.LoopRestorationSize[plane];
    // count_units_in_frame( unitSize, frameSize ) (5.11.57)
    auto count = [unit_size](int frame_size) {
      return std::max((frame_size + (unit_size >> 1)) / unit_size, 1);
    };
    rows[plane] = count(Round2(hdr.FrameHeight, sy));
    cols[plane] = count(Round2(hdr.UpscaledWidth, sx));
  }
  blocks->Reset(hdr.MiRows, hdr.MiCols, seq.use_128x128_superblock, cc.NumPlanes, rows, cols);
}

FrameTileDecoder::FrameTileDecoder(const SequenceHeader& seq, const FrameHeader& hdr,
                                   const CdfContext& frame_cdfs, FrameBlockInfo* blocks,
                                   TileReconHook* hook, const InterFrameInputs& inter)
    : seq_(seq),
      hdr_(hdr),
      frame_cdfs_(frame_cdfs),
      blocks_(blocks),
      parser_(seq, hdr, blocks, hook, inter),
      tile_cdfs_(std::make_unique<CdfContext>()),
      saved_(std::make_unique<CdfContext>()) {}

Status FrameTileDecoder::DecodeTile(const TileData& tile) {
  // init_symbol( sz ) (8.2.2) with the Tile* CDF copies.
  SymbolDecoder sd(tile.data, hdr_.disable_cdf_update);
  tile_cdfs_->InitTileCdfs(frame_cdfs_);
  HAV1_RETURN_IF_ERROR(parser_.DecodeTile(tile.bounds, &sd, tile_cdfs_.get()));
  // exit_symbol( ) (8.2.4).
  HAV1_RETURN_IF_ERROR(sd.ExitSymbol());
  if (TileCdfsAreSaved(hdr_.disable_frame_end_update_cdf, tile.tile_num,
                       hdr_.tile_info.context_update_tile_id)) {
    *saved_ = *tile_cdfs_;
    has_saved_ = true;
  }
  return Status::Ok();
}

}  // namespace hav1::tile
