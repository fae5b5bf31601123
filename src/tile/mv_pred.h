// CONTRACT (helper mvpred, written because the lead's contract header was
// missing from the tree; the lead may rename): motion vector prediction of
// inter blocks, spec 7.10.2 find_mv_stack (with 7.10.2.1 .. 7.10.2.14),
// 7.10.3 has_overlappable_candidates and 7.10.4 find_warp_samples.
//
// One MvPredictor per tile worker.  It reads the frame's block grid (the
// spec's MiSizes, RefFrames, Mvs, IsInters, YModes of blocks decoded so far
// in this frame: BlockInfo::decoded marks them), the frame header (global
// motion, MV precision, RefFrameSignBias, MiRows / MiCols) and, when
// use_ref_frame_mvs is 1, the projected motion field MotionFieldMvs (7.9).
// Every grid / motion field access is bounds checked: candidate positions
// outside the current tile, the frame or the motion field are never read,
// and reference frame values outside NONE..ALTREF_FRAME never match.
#ifndef HAV1_SRC_TILE_MV_PRED_H_
#define HAV1_SRC_TILE_MV_PRED_H_

#include "src/bitstream/frame_header.h"
#include "src/tile/block_info.h"
#include "src/tile/tile_constants.h"

namespace hav1 {
class MotionField;  // src/refs/motion_field.h
}

namespace hav1::tile {

// The current block as 7.10.2 sees it.
struct MvBlock {
  int mi_row = 0, mi_col = 0;  // MiRow, MiCol
  int mi_size = 0;             // MiSize (BlockSize)
  // RefFrame[ 0..1 ]: LAST_FRAME..ALTREF_FRAME, RefFrame[ 1 ] NONE for
  // single prediction.  RefFrame = { INTRA_FRAME, NONE } gives the intra
  // block copy search of 5.11.7 (find_mv_stack( 0 ) over intrabc blocks).
  int ref_frame[2] = {1, -1};
};

// Outputs of 7.10.2 find_mv_stack.  Motion vectors are [ comp ] with comp 0
// the row (y) and 1 the column (x), in 1/8 luma samples, as in the spec.
// Entries are int (not int16): global motion candidates can exceed the
// int16 range before the caller's is_mv_valid check.
struct MvStack {
  int num_mv_found = 0;  // NumMvFound
  int new_mv_count = 0;  // NewMvCount (whole search; numNew is internal)
  // RefStackMv[ idx ][ list ][ comp ].  For single prediction with
  // NumMvFound < 2, entries NumMvFound..1 of list 0 hold GlobalMvs[ 0 ]
  // (7.10.2.12, not clamped), so idx 0 and 1 are always readable.
  int ref_stack_mv[MAX_REF_MV_STACK_SIZE][2][2] = {};
  int weight_stack[MAX_REF_MV_STACK_SIZE] = {};   // WeightStack
  int drl_ctx_stack[MAX_REF_MV_STACK_SIZE] = {};  // DrlCtxStack
  int global_mvs[2][2] = {};                      // GlobalMvs[ list ][ comp ]
  int new_mv_context = 0;   // NewMvContext
  int ref_mv_context = 0;   // RefMvContext
  int zero_mv_context = 0;  // ZeroMvContext
};

// Outputs of 7.10.4 find_warp_samples.
struct WarpSamples {
  int num_samples = 0;          // NumSamples
  int num_samples_scanned = 0;  // NumSamplesScanned
  // CandList[ i ][ 0..3 ]: source y, x and destination y, x in 1/8 samples.
  int cand_list[LEAST_SQUARES_SAMPLES_MAX][4] = {};
};

class MvPredictor {
 public:
  // hdr, blocks and motion_field (NULL when use_ref_frame_mvs is 0) outlive
  // the predictor.  blocks must be sized hdr.MiRows x hdr.MiCols.
  MvPredictor(const FrameHeader& hdr, const FrameBlockInfo* blocks,
              const MotionField* motion_field);

  // The tile the following blocks belong to (is_inside( ) of 5.11.x).  The
  // bounds are intersected with the frame (0..MiRows / 0..MiCols).
  void SetTile(const TileBounds& tile);

  // 7.10.2 find_mv_stack( isCompound ).
  void FindMvStack(const MvBlock& block, bool is_compound, MvStack* out);

  // 7.10.3 has_overlappable_candidates( ) (AvailU / AvailL are derived from
  // the tile bounds, as 5.11.5 does).
  bool HasOverlappableCandidates(const MvBlock& block) const;

  // 7.10.4 find_warp_samples( ) for the block whose Mv[ 0 ] is mv0.
  void FindWarpSamples(const MvBlock& block, const Mv& mv0, WarpSamples* out) const;

 private:
  bool IsInside(int r, int c) const {
    return c >= tile_.mi_col_start && c < tile_.mi_col_end && r >= tile_.mi_row_start &&
           r < tile_.mi_row_end;
  }
  // The grid entry at (r, c) if is_inside( r, c ), else NULL.
  const BlockInfo* At(int r, int c) const {
    return IsInside(r, c) ? &blocks_->at(r, c) : nullptr;
  }
  void SetupGlobalMv(int ref_list, int mv[2]) const;          // 7.10.2.1
  void ScanRow(int delta_row);                                 // 7.10.2.2
  void ScanCol(int delta_col);                                 // 7.10.2.3
  void ScanPoint(int delta_row, int delta_col);                // 7.10.2.4
  void TemporalScan();                                         // 7.10.2.5
  void AddTplRefMv(int delta_row, int delta_col);              // 7.10.2.6
  void AddRefMvCandidate(int mv_row, int mv_col, int weight);  // 7.10.2.7
  void SearchStack(const BlockInfo& cand, int cand_list, int weight);  // 7.10.2.8
  void CompoundSearchStack(const BlockInfo& cand, int weight);         // 7.10.2.9
  void LowerMvPrecision(int mv[2]) const;                      // 7.10.2.10
  void Sort(int start, int end);                               // 7.10.2.11
  void ExtraSearch();                                          // 7.10.2.12
  void AddExtraMvCandidate(int mv_row, int mv_col);            // 7.10.2.13
  void ContextAndClamping(int num_new);                        // 7.10.2.14
  void AddSample(const MvBlock& block, const Mv& mv0, int delta_row, int delta_col,
                 WarpSamples* out) const;                      // 7.10.4.2
  bool SignBias(int ref) const;  // RefFrameSignBias[ ref ] (0 outside 1..7)

  const FrameHeader& hdr_;
  const FrameBlockInfo* blocks_;
  const MotionField* motion_field_;
  TileBounds tile_;

  // State of the current find_mv_stack call.
  MvBlock b_;
  int compound_ = 0;  // isCompound
  MvStack* s_ = nullptr;
  bool found_match_ = false;  // FoundMatch
  int close_matches_ = 0;     // CloseMatches
  int total_matches_ = 0;     // TotalMatches
  // 7.10.2.12 RefIdMvs / RefDiffMvs [ list ][ idx ][ comp ] and counts.
  int ref_id_count_[2] = {}, ref_diff_count_[2] = {};
  int ref_id_mvs_[2][2][2] = {}, ref_diff_mvs_[2][2][2] = {};
};

}  // namespace hav1::tile

#endif  // HAV1_SRC_TILE_MV_PRED_H_
