// Tile group decoding (spec 5.11.1 tile_group_obu from the tile loop on):
// tile sizes, per-tile symbol decoder and CDF copies (8.2.2), decode_tile,
// the exit process (8.2.4) and the Saved CDFs of tile
// context_update_tile_id for frame_end_update_cdf (7.7).
#ifndef HAV1_SRC_TILE_TILE_GROUP_H_
#define HAV1_SRC_TILE_TILE_GROUP_H_

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "src/bitstream/frame_header.h"
#include "src/bitstream/sequence_header.h"
#include "src/common/status.h"
#include "src/entropy/cdf_context.h"
#include "src/tile/block_info.h"
#include "src/tile/inter_frame_inputs.h"
#include "src/tile/recon_hook.h"
#include "src/tile/tile_parser.h"

namespace hav1::tile {

// One tile's bytes inside a tile group.
struct TileData {
  int tile_num = 0;
  TileBounds bounds;
  std::span<const uint8_t> data;
};

// Splits the tile data of a tile group (after its header) into tiles:
// tile_size_minus_1 (le(TileSizeBytes)) for all but the last tile, which
// takes the rest.  Every size is checked against the bytes left.
Status SplitTileGroup(const FrameHeader& hdr, int tg_start, int tg_end,
                      std::span<const uint8_t> data, std::vector<TileData>* tiles);

// Allocates the block info of a frame (grid, cdef, loop restoration units).
void ResetFrameBlockInfo(const SequenceHeader& seq, const FrameHeader& hdr,
                         FrameBlockInfo* blocks);

class FrameTileDecoder {
 public:
  // frame_cdfs: the frame's CDFs after the frame header (init_*_cdfs or
  // load_cdfs).  blocks must have been reset for this frame.
  FrameTileDecoder(const SequenceHeader& seq, const FrameHeader& hdr,
                   const CdfContext& frame_cdfs, FrameBlockInfo* blocks,
                   TileReconHook* hook, const InterFrameInputs& inter = InterFrameInputs());

  // Decodes one tile: init_symbol, decode_tile, exit_symbol.  Also checks
  // that the tile's data was consumed exactly (the exit process).
  Status DecodeTile(const TileData& tile);

  // The Saved CDFs (valid once tile context_update_tile_id was decoded and
  // disable_frame_end_update_cdf is 0): the frame's CDFs after
  // frame_end_update_cdf.
  bool has_saved_cdfs() const { return has_saved_; }
  const CdfContext& saved_cdfs() const { return *saved_; }

 private:
  const SequenceHeader& seq_;
  const FrameHeader& hdr_;
  const CdfContext& frame_cdfs_;
  FrameBlockInfo* blocks_;
  TileParser parser_;
  std::unique_ptr<CdfContext> tile_cdfs_;
  std::unique_ptr<CdfContext> saved_;
  bool has_saved_ = false;
};

}  // namespace hav1::tile

#endif  // HAV1_SRC_TILE_TILE_GROUP_H_
