// Per-tile block parsing (spec 5.11.2 decode_tile and everything below it)
// for intra frames (key frames and intra-only frames) and inter frames.  One TileParser
// object decodes one tile at a time; it owns the tile's context arrays
// (above arrays spanning the frame width, left arrays spanning the frame
// height; decode_tile clears the above arrays and each superblock row the
// left arrays, as clear_above_context / clear_left_context do) and writes
// block info into the shared FrameBlockInfo (disjoint per tile).
#ifndef HAV1_SRC_TILE_TILE_PARSER_H_
#define HAV1_SRC_TILE_TILE_PARSER_H_

#include <cstdint>
#include <vector>

#include "src/bitstream/frame_header.h"
#include "src/bitstream/sequence_header.h"
#include "src/common/status.h"
#include "src/entropy/cdf_context.h"
#include "src/entropy/symbol_decoder.h"
#include "src/tile/block_info.h"
#include "src/tile/inter_contexts.h"
#include "src/tile/inter_frame_inputs.h"
#include "src/tile/mv_pred.h"
#include "src/tile/recon_hook.h"
#include "src/tile/tile_constants.h"

namespace hav1::tile {

class TileParser {
 public:
  TileParser(const SequenceHeader& seq, const FrameHeader& hdr,
             FrameBlockInfo* blocks, TileReconHook* hook,
             const InterFrameInputs& inter = InterFrameInputs());

  // 5.11.2 decode_tile( ) on an initialised symbol decoder and the tile's
  // CDF copy.  Errors: non-conformant or exhausted data, unsupported tools.
  Status DecodeTile(const TileBounds& tile, SymbolDecoder* sd, CdfContext* cdf);

 private:
  // ---- tile_parser.cc: superblocks, partitions, mode info ----
  Status DecodePartition(int r, int c, int bsize);
  Status DecodeBlock(int r, int c, int bsize);
  void IntraFrameModeInfo();
  void IntraSegmentId();
  void ReadSegmentId();
  void ReadSkip();
  void ReadCdef();
  void ReadDeltaQIndex();
  void ReadDeltaLf();
  void IntraAngleInfoY();
  void IntraAngleInfoUv();
  void ReadCflAlphas();
  void FilterIntraModeInfo();
  void ReadLr(int r, int c, int bsize);
  void ReadLrUnit(int plane, int unit_row, int unit_col);
  int DecodeSignedSubexpWithRefBool(int low, int high, int k, int r);
  int DecodeSubexpBool(int num_syms, int k);
  bool IsInside(int r, int c) const {
    return c >= tile_.mi_col_start && c < tile_.mi_col_end &&
           r >= tile_.mi_row_start && r < tile_.mi_row_end;
  }
  bool SegFeatureActive(int feature) const;
  int GetQIndex(bool ignore_delta_q, int segment_id) const;
  void ResetBlockContext(int bw4, int bh4);
  void ClearBlockDecodedFlags(int r, int c, int sb_size4);
  // BlockDecoded[ plane ][ y ][ x ] for y, x in -1..32.
  // (Indices outside that range cannot occur for aligned transform blocks;
  // they map to a scratch entry rather than outside the array.)
  uint8_t& BlockDecoded(int plane, int y, int x) {
    if (y < -1 || y > 32 || x < -1 || x > 32) {
      block_decoded_scratch_ = 0;
      return block_decoded_scratch_;
    }
    return block_decoded_[plane][y + 1][x + 1];
  }
  void StoreBlockInfo();

  void ReadUvMode();

  // ---- inter_mode_info.cc: mode info of inter frames ----
  Status InterFrameModeInfo();
  void InterSegmentId(bool pre_skip);
  int GetSegmentId() const;
  void ReadSkipMode();
  void ReadIsInter();
  void IntraBlockModeInfo();
  Status InterBlockModeInfo();
  Status ReadRefFrames();
  Status AssignMv(bool is_compound);
  void ReadMv(int ref);
  void ReadInterIntraMode(bool is_compound);
  void ReadMotionMode(bool is_compound);
  void ReadCompoundType(bool is_compound);
  void ReadInterpFilter();
  int GetMode(int ref_list) const;
  bool HasNearmv() const;
  bool NeedsInterpFilter() const;
  void SetSegPredContext(int seg_id_predicted);
  Neighbors GetNeighbors() const {
    Neighbors n;
    n.above = avail_u_ ? &blocks_->at(mi_row_ - 1, mi_col_) : nullptr;
    n.left = avail_l_ ? &blocks_->at(mi_row_, mi_col_ - 1) : nullptr;
    return n;
  }

  // ---- palette_parser.cc ----
  void PaletteModeInfo();
  int GetPaletteCache(int plane, uint16_t* cache);
  void PaletteTokens();
  void ReadColorMap(int plane, int block_w, int block_h, int onscreen_w,
                    int onscreen_h, int n);

  // ---- intrabc.cc ----
  Status IntrabcModeInfo();
  int ReadMvComponent(int ctx, int comp);
  bool IsMvValid() const;

  // ---- residual_parser.cc: transform sizes, residual, coefficients ----
  void ReadBlockTxSize();
  void ReadTxSize(bool allow_select);
  void ReadVarTxSize(int row, int col, int tx_sz, int depth);
  int GetAboveTxWidth(int row, int col) const;
  int GetLeftTxHeight(int row, int col) const;
  void Residual();
  void TransformTree(int start_x, int start_y, int w, int h);
  void TransformBlock(int plane, int base_x, int base_y, int tx_sz, int x, int y);
  int Coeffs(int plane, int start_x, int start_y, int tx_sz);
  void TransformType(int x4, int y4, int tx_sz);
  int ComputeTxType(int plane, int tx_sz, int block_x, int block_y) const;
  int GetTxSet(int tx_sz) const;
  int GetTxSize(int plane, int tx_sz) const;
  int GetPlaneResidualSize(int subsize, int plane) const;

  const SequenceHeader& seq_;
  const FrameHeader& hdr_;
  InterFrameInputs inter_;
  FrameBlockInfo* blocks_;
  TileReconHook* hook_;
  SymbolDecoder* sd_ = nullptr;
  CdfContext* cdf_ = nullptr;
  TileBounds tile_;

  int sub_x_ = 1, sub_y_ = 1, num_planes_ = 3, bit_depth_ = 8;
  int sb_size_ = 12;  // BLOCK_64X64 or BLOCK_128X128

  // Tile state.
  int current_q_index_ = 0;  // CurrentQIndex
  bool read_deltas_ = false;  // ReadDeltas
  int delta_lf_[4] = {};      // DeltaLF
  int ref_sgr_xqd_[3][2] = {};
  int ref_lr_wiener_[3][2][3] = {};
  // Above/left context arrays, indexed by absolute 4x4 positions in each
  // plane (with room for transform blocks reaching past the frame edge).
  std::vector<uint8_t> above_level_[3], above_dc_[3];
  std::vector<uint8_t> left_level_[3], left_dc_[3];
  // PaletteColors of the blocks above (per mi column) and to the left (per
  // mi row), 8 per entry.
  std::vector<uint16_t> above_palette_[2], left_palette_[2];

  uint8_t block_decoded_[3][34][34] = {};
  uint8_t block_decoded_scratch_ = 0;

  // Current block (5.11.5).
  int mi_row_ = 0, mi_col_ = 0, mi_size_ = 0;
  bool has_chroma_ = false;
  bool avail_u_ = false, avail_l_ = false;
  bool avail_u_chroma_ = false, avail_l_chroma_ = false;
  int skip_ = 0, segment_id_ = 0, lossless_ = 0;
  int is_inter_ = 0, use_intrabc_ = 0;
  int y_mode_ = 0, uv_mode_ = 0;
  int angle_delta_y_ = 0, angle_delta_uv_ = 0;
  int cfl_alpha_u_ = 0, cfl_alpha_v_ = 0;
  int use_filter_intra_ = 0, filter_intra_mode_ = 0;
  int palette_size_y_ = 0, palette_size_uv_ = 0;
  uint16_t palette_colors_[3][8] = {};  // y, u, v
  uint8_t color_map_[2][64 * 64] = {};
  int tx_size_ = 0;
  Mv mv_[2];
  BlockParams block_params_;

  // Inter mode info of the current block (5.11.18 - 5.11.32).
  MvPredictor mv_pred_;
  MvStack mv_stack_;
  WarpSamples warp_;
  InterBlockParams inter_params_;
  int skip_mode_ = 0;
  int ref_frame_[2] = {0, -1};  // RefFrame[ 0..1 ]
  int ref_mv_idx_ = 0;          // RefMvIdx
  int pred_mv_[2][2] = {};      // PredMv[ ref ][ comp ]
  int block_mvs_[2][2] = {};    // Mv[ ref ][ comp ] before the validity check
  int motion_mode_ = 0;
  int interintra_ = 0, interintra_mode_ = 0, wedge_interintra_ = 0;
  int wedge_index_ = 0, wedge_sign_ = 0, mask_type_ = 0;
  int comp_group_idx_ = 0, compound_idx_ = 0, compound_type_ = 2;
  int interp_filter_[2] = {};
  // AboveSegPredContext (per mi column) / LeftSegPredContext (per mi row).
  std::vector<uint8_t> above_seg_pred_, left_seg_pred_;

  // Mv[ 0 ] of intrabc blocks before the validity check.
  int block_mv_[2] = {};

  // Coefficient state (5.11.39).
  int plane_tx_type_ = 0;  // PlaneTxType
  int32_t quant_[1024] = {};
};

}  // namespace hav1::tile

#endif  // HAV1_SRC_TILE_TILE_PARSER_H_
