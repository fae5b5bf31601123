// CONTRACT (lead): motion fields (spec 7.19 motion field motion vector
// storage, 7.9 motion field estimation).
//
// A decoded frame keeps a SavedMotionField (7.19: MfRefFrames / MfMvs,
// saved with the frame as SavedRefFrames / SavedMvs by 7.20).  A later
// frame with use_ref_frame_mvs = 1 projects the saved fields of its
// references into its MotionField (7.9: MotionFieldMvs), which the motion
// vector prediction's temporal scan reads (src/tile/mv_pred.h).
#ifndef HAV1_SRC_REFS_MOTION_FIELD_H_
#define HAV1_SRC_REFS_MOTION_FIELD_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "src/bitstream/frame_header.h"
#include "src/bitstream/sequence_header.h"
#include "src/tile/block_info.h"

namespace hav1 {

// 7.19 output for one frame, per mode info unit (MiRows x MiCols, row-major).
struct SavedMotionField {
  int mi_rows = 0, mi_cols = 0;
  std::vector<int8_t> ref_frames;  // MfRefFrames (NONE = -1, or LAST..ALTREF)
  std::vector<tile::Mv> mvs;       // MfMvs
};

// 7.19 motion field motion vector storage process, from the frame's grid
// (RefFrames, Mvs) and header (ref_frame_idx, OrderHint, OrderHints: the
// RefOrderHint[ ref_frame_idx[ r - LAST_FRAME ] ] of 7.19 are the header's
// OrderHints[ r ]).  For intra frames every entry is NONE.
// get_relative_dist needs the sequence header (enable_order_hint,
// OrderHintBits), hence seq (added by helper mfmv: the FrameHeader alone
// cannot tell dist < 0 from dist == 0, so the seq-less form is deleted).
void StoreMotionField(const SequenceHeader& seq, const FrameHeader& hdr,
                      const tile::FrameBlockInfo& blocks, SavedMotionField* out);
void StoreMotionField(const FrameHeader& hdr, const tile::FrameBlockInfo& blocks,
                      SavedMotionField* out) = delete;

// What 7.9 reads of one reference slot (index = slot, 0..7).
struct MotionFieldRef {
  const SavedMotionField* saved = nullptr;  // NULL: nothing usable in the slot
  int mi_rows = 0, mi_cols = 0;  // RefMiRows, RefMiCols
  int frame_type = 0;            // RefFrameType
  int saved_order_hints[8] = {}; // SavedOrderHints[ slot ][ 0..7 ]
};

// MotionFieldMvs[ ref ][ row ][ col ] (7.9) for ref LAST_FRAME..ALTREF_FRAME,
// row < MiRows >> 1, col < MiCols >> 1.  Invalid entries hold -1 << 15 in
// both components.
class MotionField {
 public:
  static constexpr int16_t kInvalid = -32768;
  void Reset(int mi_rows, int mi_cols);  // sizes and fills with kInvalid
  int rows() const { return rows_; }     // MiRows >> 1
  int cols() const { return cols_; }     // MiCols >> 1
  tile::Mv& at(int ref, int row, int col) {
    return mvs_[static_cast<size_t>(ref) * plane_ + static_cast<size_t>(row) * cols_ + col];
  }
  const tile::Mv& at(int ref, int row, int col) const {
    return mvs_[static_cast<size_t>(ref) * plane_ + static_cast<size_t>(row) * cols_ + col];
  }

 private:
  int rows_ = 0, cols_ = 0;
  size_t plane_ = 0;
  std::vector<tile::Mv> mvs_;  // [8][rows][cols]; ref 0 unused
};

// 7.9.3 get mv projection process (projMv = mv * numerator / denominator
// via Div_Mult, clamped to +-((1 << 14) - 1)).  Exposed for tests.
tile::Mv GetMvProjection(tile::Mv mv, int numerator, int denominator);

// 7.9 motion field estimation process for the frame hdr, from the slots its
// ref_frame_idx[] name.  out is Reset to the frame's size first.  The spec
// invokes 7.9 only when use_ref_frame_mvs = 1; for other frames (and intra
// frames) out is left all kInvalid.  A slot whose saved field is NULL or
// smaller than MiRows x MiCols is not projected (7.9.2 output 0).
void EstimateMotionField(const SequenceHeader& seq, const FrameHeader& hdr,
                         const MotionFieldRef refs[8], MotionField* out);

}  // namespace hav1

#endif  // HAV1_SRC_REFS_MOTION_FIELD_H_
