// Motion fields: spec 7.19 (motion field motion vector storage) and 7.9
// (motion field estimation).
#include "src/refs/motion_field.h"

#include <algorithm>
#include <cstdlib>

#include "src/bitstream/constants.h"
#include "src/bitstream/frame_header_parser.h"
#include "src/common/intops.h"
#include "src/tile/tile_constants.h"

namespace hav1 {

namespace {

using tile::MAX_FRAME_DISTANCE;
using tile::MAX_OFFSET_HEIGHT;
using tile::MAX_OFFSET_WIDTH;
using tile::MFMV_STACK_SIZE;
using tile::MI_SIZE_LOG2;
using tile::Mv;
using tile::REFMVS_LIMIT;

// 7.9.3: Div_Mult[ 32 ], transcribed from the spec (get mv projection process).
constexpr int kDivMult[32] = {
    0,    16384, 8192, 5461, 4096, 3276, 2730, 2340, 2048, 1820, 1638,
    1489, 1365,  1260, 1170, 1092, 1024, 963,  910,  862,  819,  780,
    744,  712,   682,  655,  630,  606,  585,  564,  546,  528};

}  // namespace

// 7.9.3 get mv projection process.
Mv GetMvProjection(Mv mv, int numerator, int denominator) {
  // denominator > 0 whenever the spec calls this (refOffset > 0); the lower
  // clamp only keeps the table index in range.
  const int clipped_den = Clip3(0, MAX_FRAME_DISTANCE, denominator);
  const int clipped_num = Clip3(-MAX_FRAME_DISTANCE, MAX_FRAME_DISTANCE, numerator);
  const int in[2] = {mv.row, mv.col};
  int out[2];
  for (int i = 0; i < 2; i++) {
    const int64_t scaled = Round2Signed(
        int64_t{in[i]} * clipped_num * kDivMult[clipped_den], 14);
    out[i] = static_cast<int>(
        Clip3<int64_t>(-(1 << 14) + 1, (1 << 14) - 1, scaled));
  }
  Mv r;
  r.row = static_cast<int16_t>(out[0]);
  r.col = static_cast<int16_t>(out[1]);
  return r;
}

namespace {

// 7.9.4 project( v8, delta, dstSign, max8, maxOff8 ); clears *pos_valid when
// the projected position is outside the frame or too far from v8's 64x64
// column/row of the motion field.
int Project(int v8, int delta, int dst_sign, int max8, int max_off8, bool* pos_valid) {
  const int base8 = (v8 >> 3) << 3;
  int offset8;
  if (delta >= 0) {
    offset8 = delta >> (3 + 1 + MI_SIZE_LOG2);
  } else {
    offset8 = -((-delta) >> (3 + 1 + MI_SIZE_LOG2));
  }
  v8 += dst_sign * offset8;
  if (v8 < 0 || v8 >= max8 || v8 < base8 - max_off8 || v8 >= base8 + 8 + max_off8) {
    *pos_valid = false;
  }
  return v8;
}

// A reference's saved field can be used only if it really covers the frame.
bool SavedFieldUsable(const SavedMotionField* f, int mi_rows, int mi_cols) {
  if (f == nullptr || mi_rows <= 0 || mi_cols <= 0) return false;
  if (f->mi_rows != mi_rows || f->mi_cols != mi_cols) return false;
  const size_t n = static_cast<size_t>(mi_rows) * static_cast<size_t>(mi_cols);
  return f->ref_frames.size() >= n && f->mvs.size() >= n;
}

class Projector {
 public:
  Projector(const SequenceHeader& seq, const FrameHeader& hdr,
            const MotionFieldRef refs[8], MotionField* out)
      : seq_(seq), hdr_(hdr), refs_(refs), out_(out) {}

  // 7.9.2 projection process; returns its output (1: source frame valid).
  bool Projection(int src, int dst_sign) {
    const int src_idx = hdr_.ref_frame_idx[src - LAST_FRAME];
    if (src_idx < 0 || src_idx >= NUM_REF_FRAMES) return false;
    const MotionFieldRef& ref = refs_[src_idx];
    const int mi_rows = hdr_.MiRows, mi_cols = hdr_.MiCols;
    if (ref.mi_rows != mi_rows || ref.mi_cols != mi_cols ||
        ref.frame_type == INTRA_ONLY_FRAME || ref.frame_type == KEY_FRAME) {
      return false;
    }
    // Not a spec condition: a slot without a usable saved field (broken
    // stream) is treated like an invalid source.
    if (!SavedFieldUsable(ref.saved, mi_rows, mi_cols)) return false;
    const SavedMotionField& saved = *ref.saved;
    const int w8 = mi_cols >> 1, h8 = mi_rows >> 1;
    const int ref_to_cur = Dist(hdr_.OrderHints[src], hdr_.OrderHint);
    int ref_to_dst[TOTAL_REFS_PER_FRAME] = {};
    for (int dst = LAST_FRAME; dst <= ALTREF_FRAME; dst++) {
      ref_to_dst[dst] = Dist(hdr_.OrderHint, hdr_.OrderHints[dst]);
    }
    // refOffset per srcRef (depends only on the slot and srcRef).
    int ref_offset[TOTAL_REFS_PER_FRAME] = {};
    for (int r = LAST_FRAME; r <= ALTREF_FRAME; r++) {
      ref_offset[r] = Dist(hdr_.OrderHints[src], ref.saved_order_hints[r]);
    }
    for (int y8 = 0; y8 < h8; y8++) {
      for (int x8 = 0; x8 < w8; x8++) {
        const int row = 2 * y8 + 1;
        const int col = 2 * x8 + 1;
        const size_t i = static_cast<size_t>(row) * mi_cols + col;
        const int src_ref = saved.ref_frames[i];
        if (src_ref <= INTRA_FRAME || src_ref > ALTREF_FRAME) continue;
        const int refoff = ref_offset[src_ref];
        bool pos_valid = std::abs(ref_to_cur) <= MAX_FRAME_DISTANCE &&
                         std::abs(refoff) <= MAX_FRAME_DISTANCE && refoff > 0;
        if (!pos_valid) continue;
        const Mv mv = saved.mvs[i];
        const Mv proj = GetMvProjection(mv, ref_to_cur * dst_sign, refoff);
        // 7.9.4 get block position process.
        const int pos_y8 = Project(y8, proj.row, dst_sign, h8, MAX_OFFSET_HEIGHT, &pos_valid);
        const int pos_x8 = Project(x8, proj.col, dst_sign, w8, MAX_OFFSET_WIDTH, &pos_valid);
        if (!pos_valid) continue;
        for (int dst = LAST_FRAME; dst <= ALTREF_FRAME; dst++) {
          out_->at(dst, pos_y8, pos_x8) = GetMvProjection(mv, ref_to_dst[dst], refoff);
        }
      }
    }
    return true;
  }

  int Dist(int a, int b) const { return GetRelativeDist(seq_, a, b); }

 private:
  const SequenceHeader& seq_;
  const FrameHeader& hdr_;
  const MotionFieldRef* refs_;
  MotionField* out_;
};

}  // namespace

void MotionField::Reset(int mi_rows, int mi_cols) {
  rows_ = std::max(mi_rows, 0) >> 1;
  cols_ = std::max(mi_cols, 0) >> 1;
  plane_ = static_cast<size_t>(rows_) * static_cast<size_t>(cols_);
  Mv invalid;
  invalid.row = kInvalid;
  invalid.col = kInvalid;
  mvs_.assign(plane_ * TOTAL_REFS_PER_FRAME, invalid);
}

// 7.19 motion field motion vector storage process.
void StoreMotionField(const SequenceHeader& seq, const FrameHeader& hdr,
                      const tile::FrameBlockInfo& blocks, SavedMotionField* out) {
  const int mi_rows = std::max(hdr.MiRows, 0), mi_cols = std::max(hdr.MiCols, 0);
  const size_t n = static_cast<size_t>(mi_rows) * static_cast<size_t>(mi_cols);
  out->mi_rows = mi_rows;
  out->mi_cols = mi_cols;
  out->ref_frames.assign(n, static_cast<int8_t>(NONE));
  out->mvs.assign(n, Mv{});
  if (hdr.FrameIsIntra) return;
  // dist < 0 test per reference name (7.19: RefOrderHint[ ref_frame_idx[ r -
  // LAST_FRAME ] ] is the header's OrderHints[ r ]).
  bool backward[TOTAL_REFS_PER_FRAME] = {};
  for (int r = LAST_FRAME; r <= ALTREF_FRAME; r++) {
    backward[r] = GetRelativeDist(seq, hdr.OrderHints[r], hdr.OrderHint) < 0;
  }
  // Only the part of the grid that exists is read (defensive: the grid
  // should be MiRows x MiCols).
  const int rows = std::min(mi_rows, blocks.mi_rows());
  const int cols = std::min(mi_cols, blocks.mi_cols());
  for (int row = 0; row < rows; row++) {
    for (int col = 0; col < cols; col++) {
      const tile::BlockInfo& b = blocks.at(row, col);
      const size_t i = static_cast<size_t>(row) * mi_cols + col;
      for (int list = 0; list < 2; list++) {
        const int r = b.ref_frame[list];
        if (r <= INTRA_FRAME || r > ALTREF_FRAME || !backward[r]) continue;
        const int mv_row = b.mv[list].row;
        const int mv_col = b.mv[list].col;
        if (std::abs(mv_row) <= REFMVS_LIMIT && std::abs(mv_col) <= REFMVS_LIMIT) {
          out->ref_frames[i] = static_cast<int8_t>(r);
          out->mvs[i] = b.mv[list];
        }
      }
    }
  }
}

// 7.9.1 motion field estimation process (general).
void EstimateMotionField(const SequenceHeader& seq, const FrameHeader& hdr,
                         const MotionFieldRef refs[8], MotionField* out) {
  out->Reset(hdr.MiRows, hdr.MiCols);
  if (hdr.FrameIsIntra || !hdr.use_ref_frame_mvs || refs == nullptr) return;
  Projector p(seq, hdr, refs, out);

  const int last_idx = hdr.ref_frame_idx[0];
  if (last_idx >= 0 && last_idx < NUM_REF_FRAMES) {
    const int cur_gold_order_hint = hdr.OrderHints[GOLDEN_FRAME];
    const int last_alt_order_hint = refs[last_idx].saved_order_hints[ALTREF_FRAME];
    const bool use_last = last_alt_order_hint != cur_gold_order_hint;
    if (use_last) p.Projection(LAST_FRAME, -1);
  }
  int ref_stamp = MFMV_STACK_SIZE - 2;
  if (p.Dist(hdr.OrderHints[BWDREF_FRAME], hdr.OrderHint) > 0) {
    if (p.Projection(BWDREF_FRAME, 1)) ref_stamp--;
  }
  if (p.Dist(hdr.OrderHints[ALTREF2_FRAME], hdr.OrderHint) > 0) {
    if (p.Projection(ALTREF2_FRAME, 1)) ref_stamp--;
  }
  if (p.Dist(hdr.OrderHints[ALTREF_FRAME], hdr.OrderHint) > 0 && ref_stamp >= 0) {
    if (p.Projection(ALTREF_FRAME, 1)) ref_stamp--;
  }
  if (ref_stamp >= 0) p.Projection(LAST2_FRAME, -1);
}

}  // namespace hav1
