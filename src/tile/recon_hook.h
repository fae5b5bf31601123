// The interface through which the tile parser hands decoded blocks to
// reconstruction (src/recon plugs in here).  Calls happen in the spec's
// decode order: OnBlock once per decode_block (at the point of
// compute_prediction, 5.11.33, after mode info, palette tokens and the
// transform size), then OnTransformBlock once per transform_block (5.11.35)
// that lies inside the frame, after its coefficients were read (also for
// skipped blocks and all-zero blocks: prediction still happens there).
// One virtual call per block / transform block; nothing per symbol.
#ifndef HAV1_SRC_TILE_RECON_HOOK_H_
#define HAV1_SRC_TILE_RECON_HOOK_H_

#include <cstdint>

#include "src/tile/block_info.h"

namespace hav1::tile {

// What inter prediction (7.11.3) needs of an inter block beyond its grid
// entry (BlockInfo: y_mode, ref_frame, mv, interp_filter, motion_mode,
// interintra, compound_idx).  Filled by the parser for blocks with
// is_inter && !use_intrabc.
struct InterBlockParams {
  int compound_type = 2;   // compound_type (COMPOUND_AVERAGE), 5.11.28/5.11.25
  int interintra_mode = 0; // interintra_mode (when BlockInfo::interintra)
  int wedge_interintra = 0;
  int wedge_index = 0;     // wedge_index (COMPOUND_WEDGE, wedge inter-intra)
  int wedge_sign = 0;      // wedge_sign (0 for inter-intra)
  int mask_type = 0;       // mask_type (COMPOUND_DIFFWTD)
  // 7.10.4 find_warp_samples outputs (valid when motion_mode == LOCALWARP):
  // CandList[ i ][ 0..3 ] for i < NumSamples.
  int num_samples = 0;
  int cand_list[8][4] = {};
};

struct BlockParams {
  int mi_row = 0, mi_col = 0;    // MiRow, MiCol
  const BlockInfo* info = nullptr;  // the block's mode info (grid entry)
  bool has_chroma = false;       // HasChroma
  bool avail_u = false, avail_l = false;              // AvailU, AvailL
  bool avail_u_chroma = false, avail_l_chroma = false;  // AvailUChroma, AvailLChroma
  bool lossless = false;         // Lossless
  // palette_colors_y/u/v (PaletteSize entries each) and the colour index
  // maps ColorMapY / ColorMapUV (row-major, stride 64), when palettes are used.
  const uint16_t* palette_colors[3] = {};
  const uint8_t* color_map[2] = {};
  static constexpr int kColorMapStride = 64;
  // Inter blocks (is_inter && !use_intrabc): the inter syntax values; NULL
  // for intra and intrabc blocks.
  const InterBlockParams* inter = nullptr;
};

struct TransformBlockParams {
  int plane = 0;
  int start_x = 0, start_y = 0;  // startX, startY in the plane's samples
  int tx_size = 0;               // txSz
  int tx_type = 0;               // PlaneTxType (valid when eob > 0)
  bool have_left = false;        // (AvailL / AvailLChroma) || x > 0
  bool have_above = false;       // (AvailU / AvailUChroma) || y > 0
  // The haveAboveRt / haveBelowLt arguments of predict_intra (5.11.35):
  // BlockDecoded flags (5.11.3) of the positions above-right and
  // below-left of this transform block, at the time it is decoded.
  bool have_above_right = false;
  bool have_below_left = false;
  int eob = 0;                   // 0: no residual
  // Quant[ pos ] (5.11.39), pos = row * Min(Tx_Width, 32) + col over the
  // coded (at most 32x32) area, signs and Golomb tails applied: the input
  // of the dequantisation of 7.12.3.  Valid when eob > 0.
  const int32_t* quant = nullptr;
  int qindex = 0;                // get_qindex( 0, segment_id )
};

class TileReconHook {
 public:
  virtual ~TileReconHook() = default;
  virtual void OnBlock(const BlockParams& block) = 0;
  virtual void OnTransformBlock(const BlockParams& block,
                                const TransformBlockParams& tx) = 0;
};

}  // namespace hav1::tile

#endif  // HAV1_SRC_TILE_RECON_HOOK_H_
