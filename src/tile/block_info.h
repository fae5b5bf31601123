// Per-frame block information written by the tile parser (spec 5.11.5
// decode_block, 5.11.35 transform_block, 5.11.56 read_cdef, 5.11.57 read_lr)
// and read by reconstruction, the loop filters and the next frame.
//
// Storage: one BlockInfo per 4x4 luma unit (mode info unit, "mi") of the
// frame, row-major, MiRows x MiCols.  decode_block writes the same BlockInfo
// into every mi the block covers (the spec's YModes[][], Skips[][], ...
// arrays are all fields of it), transform_block writes the per-plane
// LoopfilterTxSizes and the luma TxTypes.  Tiles write disjoint regions, so
// tiles can be parsed in parallel into one FrameBlockInfo.  Palette colours
// are not stored per mi (16 values): the parser keeps them in its above/left
// context lines, and hands them to the recon hook per block.
#ifndef HAV1_SRC_TILE_BLOCK_INFO_H_
#define HAV1_SRC_TILE_BLOCK_INFO_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace hav1::tile {

struct Mv {
  int16_t row = 0;  // Mv[ ][ 0 ]
  int16_t col = 0;  // Mv[ ][ 1 ]
};

// The current tile's extent in mode info units (5.11.2 / 7.3).
struct TileBounds {
  int mi_row_start = 0, mi_row_end = 0;  // MiRowStart, MiRowEnd
  int mi_col_start = 0, mi_col_end = 0;  // MiColStart, MiColEnd
};

struct BlockInfo {
  uint8_t decoded = 0;        // 1 once decode_block wrote this mi (this frame)
  uint8_t mi_size = 0;        // MiSizes (BlockSize)
  uint8_t skip = 0;           // Skips
  uint8_t skip_mode = 0;      // SkipModes
  uint8_t is_inter = 0;       // IsInters (1 for intrabc blocks)
  uint8_t use_intrabc = 0;
  uint8_t segment_id = 0;     // SegmentIds
  uint8_t y_mode = 0;         // YModes
  uint8_t uv_mode = 0;        // UVModes (valid when the block has chroma)
  int8_t ref_frame[2] = {0, -1};  // RefFrames (INTRA_FRAME, NONE)
  uint8_t tx_size = 0;        // TxSizes (the block's TxSize)
  uint8_t inter_tx_size = 0;  // InterTxSizes
  uint8_t tx_type = 0;        // TxTypes (luma, per 4x4)
  uint8_t lf_tx_size[3] = {}; // LoopfilterTxSizes per plane (at the plane's
                              // subsampled position: see FrameBlockInfo)
  uint8_t palette_size[2] = {};  // PaletteSizes (Y, UV)
  int8_t angle_delta[2] = {};    // AngleDeltaY, AngleDeltaUV
  int8_t cfl_alpha[2] = {};      // CflAlphaU, CflAlphaV
  uint8_t use_filter_intra = 0;
  uint8_t filter_intra_mode = 0;
  uint8_t interp_filter[2] = {};
  uint8_t qindex = 0;            // CurrentQIndex when the block was decoded
  int8_t delta_lf[4] = {};       // DeltaLFs
  Mv mv[2];                      // Mvs
  // Inter mode info (5.11.23 inter_block_mode_info and below), for blocks
  // with is_inter && !use_intrabc.  y_mode then holds the inter mode
  // (NEARESTMV .. NEW_NEWMV), ref_frame the RefFrame[ 0..1 ] (ref_frame[1]
  // is INTRA_FRAME for inter-intra blocks, NONE for single prediction),
  // interp_filter InterpFilters[ ][ ][ dir ].
  uint8_t motion_mode = 0;       // motion_mode (SIMPLE, OBMC, LOCALWARP)
  uint8_t interintra = 0;        // IsInterIntra (is_inter && RefFrame[1] == INTRA_FRAME)
  uint8_t comp_group_idx = 0;    // CompGroupIdxs
  uint8_t compound_idx = 0;      // CompoundIdxs
};

// Loop restoration parameters of one restoration unit (5.11.58).
struct LrUnit {
  uint8_t type = 0;  // LrType (RESTORE_*)
  uint8_t sgr_set = 0;
  int8_t wiener[2][3] = {};  // LrWiener[ pass ][ j ]
  int16_t sgr_xqd[2] = {};
};

class FrameBlockInfo {
 public:
  // (Re)allocates for a frame of mi_rows x mi_cols mode info units.
  void Reset(int mi_rows, int mi_cols, bool use_128x128, int num_planes,
             const int lr_unit_rows[3], const int lr_unit_cols[3]);

  int mi_rows() const { return mi_rows_; }
  int mi_cols() const { return mi_cols_; }
  BlockInfo& at(int row, int col) { return mi_[static_cast<size_t>(row) * mi_cols_ + col]; }
  const BlockInfo& at(int row, int col) const {
    return mi_[static_cast<size_t>(row) * mi_cols_ + col];
  }
  // LoopfilterTxSizes[ plane ][ row ][ col ] with row/col in the plane's 4x4
  // units: stored in the BlockInfo at luma mi (row << subY, col << subX).
  // cdef_idx[ ][ ] per 64x64 block (-1: not coded).
  int8_t& cdef_idx(int row64, int col64) {
    return cdef_[static_cast<size_t>(row64) * cdef_cols_ + col64];
  }
  int cdef_rows() const { return cdef_rows_; }
  int cdef_cols() const { return cdef_cols_; }
  LrUnit& lr(int plane, int unit_row, int unit_col) {
    return lr_[plane][static_cast<size_t>(unit_row) * lr_cols_[plane] + unit_col];
  }
  int lr_rows(int plane) const { return lr_rows_[plane]; }
  int lr_cols(int plane) const { return lr_cols_[plane]; }

 private:
  int mi_rows_ = 0, mi_cols_ = 0;
  std::vector<BlockInfo> mi_;
  int cdef_rows_ = 0, cdef_cols_ = 0;
  std::vector<int8_t> cdef_;
  int lr_rows_[3] = {}, lr_cols_[3] = {};
  std::vector<LrUnit> lr_[3];
};

}  // namespace hav1::tile

#endif  // HAV1_SRC_TILE_BLOCK_INFO_H_
