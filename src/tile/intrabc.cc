// use_intrabc blocks of intra frames: the rest of 5.11.7 for use_intrabc,
// find_mv_stack( 0 ) of 7.10.2 restricted to what intra frames can reach
// (RefFrame = { INTRA_FRAME, NONE }, no temporal candidates since
// use_ref_frame_mvs is 0, every candidate is an intrabc block), assign_mv( 0 )
// (5.11.26), read_mv (5.11.31, 5.11.32) and is_mv_valid (6.10.25).
#include <algorithm>
#include <cstdlib>

#include "src/common/intops.h"
#include "src/tile/tile_parser.h"

namespace hav1::tile {

Status TileParser::IntrabcModeInfo() {
  // 5.11.7: is_inter = 1, YMode = UVMode = DC_PRED were set; the palette
  // sizes are 0; interp_filter = BILINEAR (stored by StoreBlockInfo).
  FindMvStackIntrabc();
  // assign_mv( 0 ) with use_intrabc (5.11.26).
  int pred[2] = {ref_stack_mv_[0][0], ref_stack_mv_[0][1]};
  if (pred[0] == 0 && pred[1] == 0) {
    pred[0] = ref_stack_mv_[1][0];
    pred[1] = ref_stack_mv_[1][1];
  }
  if (pred[0] == 0 && pred[1] == 0) {
    const int sb_size4 = Num_4x4_Blocks_High[sb_size_];
    if (mi_row_ - sb_size4 < tile_.mi_row_start) {
      pred[0] = 0;
      pred[1] = -(sb_size4 * MI_SIZE + INTRABC_DELAY_PIXELS) * 8;
    } else {
      pred[0] = -(sb_size4 * MI_SIZE * 8);
      pred[1] = 0;
    }
  }
  // read_mv( 0 ) with MvCtx = MV_INTRABC_CONTEXT.
  int diff[2] = {0, 0};
  const int mv_joint = sd_->ReadSymbol(cdf_->mv_joint_cdf[MV_INTRABC_CONTEXT]);
  if (mv_joint == MV_JOINT_HZVNZ || mv_joint == MV_JOINT_HNZVNZ) {
    diff[0] = ReadMvComponent(MV_INTRABC_CONTEXT, 0);
  }
  if (mv_joint == MV_JOINT_HNZVZ || mv_joint == MV_JOINT_HNZVNZ) {
    diff[1] = ReadMvComponent(MV_INTRABC_CONTEXT, 1);
  }
  block_mv_[0] = pred[0] + diff[0];
  block_mv_[1] = pred[1] + diff[1];
  if (!IsMvValid()) return InvalidData("tile: invalid intrabc displacement vector");
  mv_[0].row = static_cast<int16_t>(block_mv_[0]);
  mv_[0].col = static_cast<int16_t>(block_mv_[1]);
  return Status::Ok();
}

// 5.11.32 read_mv_component( comp ) with MvCtx = ctx (MV_INTRABC_CONTEXT for
// intrabc blocks, 0 for inter blocks).
int TileParser::ReadMvComponent(int ctx, int comp) {
  const int mv_sign = sd_->ReadSymbol(cdf_->mv_sign_cdf[ctx][comp]);
  const int mv_class = sd_->ReadSymbol(cdf_->mv_class_cdf[ctx][comp]);
  int mag;
  if (mv_class == MV_CLASS_0) {
    const int class0_bit = sd_->ReadSymbol(cdf_->mv_class0_bit_cdf[ctx][comp]);
    const int fr = hdr_.force_integer_mv
                       ? 3
                       : sd_->ReadSymbol(cdf_->mv_class0_fr_cdf[ctx][comp][class0_bit]);
    const int hp =
        hdr_.allow_high_precision_mv ? sd_->ReadSymbol(cdf_->mv_class0_hp_cdf[ctx][comp]) : 1;
    mag = ((class0_bit << 3) | (fr << 1) | hp) + 1;
  } else {
    int d = 0;
    for (int i = 0; i < mv_class; ++i) {
      d |= sd_->ReadSymbol(cdf_->mv_bit_cdf[ctx][comp][i]) << i;
    }
    mag = CLASS0_SIZE << (mv_class + 2);
    const int fr = hdr_.force_integer_mv ? 3 : sd_->ReadSymbol(cdf_->mv_fr_cdf[ctx][comp]);
    const int hp = hdr_.allow_high_precision_mv ? sd_->ReadSymbol(cdf_->mv_hp_cdf[ctx][comp]) : 1;
    mag += ((d << 3) | (fr << 1) | hp) + 1;
  }
  return mv_sign ? -mag : mag;
}

// 7.10.2 find_mv_stack( 0 ) for RefFrame[ 0 ] == INTRA_FRAME.
void TileParser::FindMvStackIntrabc() {
  const int bw4 = Num_4x4_Blocks_Wide[mi_size_];
  const int bh4 = Num_4x4_Blocks_High[mi_size_];
  num_mv_found_ = 0;
  new_mv_count_ = 0;
  // GlobalMvs[ 0 ] is (0, 0) for INTRA_FRAME (7.10.2.1).
  found_match_ = false;
  ScanRow(-1);
  bool found_above_match = found_match_;
  found_match_ = false;
  ScanCol(-1);
  bool found_left_match = found_match_;
  found_match_ = false;
  if (std::max(bw4, bh4) <= 16) ScanPoint(-1, bw4);
  if (found_match_) found_above_match = true;
  const int num_nearest = num_mv_found_;
  for (int idx = 0; idx < num_nearest; ++idx) weight_stack_[idx] += REF_CAT_LEVEL;
  // use_ref_frame_mvs is 0 in intra frames: no temporal scan.
  found_match_ = false;
  ScanPoint(-1, -1);
  if (found_match_) found_above_match = true;
  found_match_ = false;
  ScanRow(-3);
  if (found_match_) found_above_match = true;
  found_match_ = false;
  ScanCol(-3);
  if (found_match_) found_left_match = true;
  found_match_ = false;
  if (bh4 > 1) ScanRow(-5);
  if (found_match_) found_above_match = true;
  found_match_ = false;
  if (bw4 > 1) ScanCol(-5);
  if (found_match_) found_left_match = true;
  (void)found_above_match;
  (void)found_left_match;
  // 7.10.2.11 sorting process (stable bubble sort by weight).
  auto sort = [this](int start, int end) {
    while (end > start) {
      int new_end = start;
      for (int idx = start + 1; idx < end; ++idx) {
        if (weight_stack_[idx - 1] < weight_stack_[idx]) {
          std::swap(weight_stack_[idx - 1], weight_stack_[idx]);
          std::swap(ref_stack_mv_[idx - 1][0], ref_stack_mv_[idx][0]);
          std::swap(ref_stack_mv_[idx - 1][1], ref_stack_mv_[idx][1]);
          new_end = idx;
        }
      }
      end = new_end;
    }
  };
  sort(0, num_nearest);
  sort(num_nearest, num_mv_found_);
  // 7.10.2.12 extra search: add_extra_mv_candidate only takes candidates
  // with RefFrames > INTRA_FRAME, which intra frames do not have; the stack
  // is extended with GlobalMvs[ 0 ] = (0, 0).
  for (int idx = num_mv_found_; idx < 2; ++idx) {
    ref_stack_mv_[idx][0] = 0;
    ref_stack_mv_[idx][1] = 0;
  }
  // 7.10.2.14 clamping (the contexts are not used by intrabc).
  const int bw = Block_Width(mi_size_);
  const int bh = Block_Height(mi_size_);
  for (int idx = 0; idx < num_mv_found_; ++idx) {
    // clamp_mv_row / clamp_mv_col (5.11.54, 5.11.55)
    const int mb_to_top_edge = -((mi_row_ * MI_SIZE) * 8);
    const int mb_to_bottom_edge = ((hdr_.MiRows - bh4 - mi_row_) * MI_SIZE) * 8;
    const int mb_to_left_edge = -((mi_col_ * MI_SIZE) * 8);
    const int mb_to_right_edge = ((hdr_.MiCols - bw4 - mi_col_) * MI_SIZE) * 8;
    const int border_r = MV_BORDER + bh * 8;
    const int border_c = MV_BORDER + bw * 8;
    ref_stack_mv_[idx][0] = Clip3(mb_to_top_edge - border_r, mb_to_bottom_edge + border_r,
                                  ref_stack_mv_[idx][0]);
    ref_stack_mv_[idx][1] = Clip3(mb_to_left_edge - border_c, mb_to_right_edge + border_c,
                                  ref_stack_mv_[idx][1]);
  }
}

// 7.10.2.2 scan row process.
void TileParser::ScanRow(int delta_row) {
  const int bw4 = Num_4x4_Blocks_Wide[mi_size_];
  const int end4 = std::min(std::min(bw4, hdr_.MiCols - mi_col_), 16);
  int delta_col = 0;
  const bool use_step16 = bw4 >= 16;
  if (std::abs(delta_row) > 1) {
    delta_row += mi_row_ & 1;
    delta_col = 1 - (mi_col_ & 1);
  }
  int i = 0;
  while (i < end4) {
    const int mv_row = mi_row_ + delta_row;
    const int mv_col = mi_col_ + delta_col + i;
    if (!IsInside(mv_row, mv_col)) break;
    int len = std::min<int>(bw4, Num_4x4_Blocks_Wide[blocks_->at(mv_row, mv_col).mi_size]);
    if (std::abs(delta_row) > 1) len = std::max(2, len);
    if (use_step16) len = std::max(4, len);
    AddRefMvCandidate(mv_row, mv_col, len * 2);
    i += len;
  }
}

// 7.10.2.3 scan col process.
void TileParser::ScanCol(int delta_col) {
  const int bh4 = Num_4x4_Blocks_High[mi_size_];
  const int end4 = std::min(std::min(bh4, hdr_.MiRows - mi_row_), 16);
  int delta_row = 0;
  const bool use_step16 = bh4 >= 16;
  if (std::abs(delta_col) > 1) {
    delta_row = 1 - (mi_row_ & 1);
    delta_col += mi_col_ & 1;
  }
  int i = 0;
  while (i < end4) {
    const int mv_row = mi_row_ + delta_row + i;
    const int mv_col = mi_col_ + delta_col;
    if (!IsInside(mv_row, mv_col)) break;
    int len = std::min<int>(bh4, Num_4x4_Blocks_High[blocks_->at(mv_row, mv_col).mi_size]);
    if (std::abs(delta_col) > 1) len = std::max(2, len);
    if (use_step16) len = std::max(4, len);
    AddRefMvCandidate(mv_row, mv_col, len * 2);
    i += len;
  }
}

// 7.10.2.4 scan point process.
void TileParser::ScanPoint(int delta_row, int delta_col) {
  const int mv_row = mi_row_ + delta_row;
  const int mv_col = mi_col_ + delta_col;
  if (IsInside(mv_row, mv_col) && mv_row < hdr_.MiRows && mv_col < hdr_.MiCols &&
      blocks_->at(mv_row, mv_col).decoded) {
    AddRefMvCandidate(mv_row, mv_col, 4);
  }
}

// 7.10.2.7 add reference motion vector process and 7.10.2.8 search stack
// process, single prediction with RefFrame[ 0 ] == INTRA_FRAME.
void TileParser::AddRefMvCandidate(int mv_row, int mv_col, int weight) {
  const BlockInfo& cand = blocks_->at(mv_row, mv_col);
  if (!cand.is_inter) return;
  for (int cand_list = 0; cand_list < 2; ++cand_list) {
    if (cand.ref_frame[cand_list] != kIntraFrame) continue;
    // candMode is DC_PRED for intrabc blocks: never GLOBALMV, never NEWMV.
    int cand_mv[2] = {cand.mv[cand_list].row, cand.mv[cand_list].col};
    LowerMvPrecision(cand_mv);
    found_match_ = true;
    int idx = 0;
    for (; idx < num_mv_found_; ++idx) {
      if (ref_stack_mv_[idx][0] == cand_mv[0] && ref_stack_mv_[idx][1] == cand_mv[1]) break;
    }
    if (idx < num_mv_found_) {
      weight_stack_[idx] += weight;
    } else if (num_mv_found_ < MAX_REF_MV_STACK_SIZE) {
      ref_stack_mv_[num_mv_found_][0] = cand_mv[0];
      ref_stack_mv_[num_mv_found_][1] = cand_mv[1];
      weight_stack_[num_mv_found_] = weight;
      ++num_mv_found_;
    }
  }
}

// 7.10.2.10 lower precision process.
void TileParser::LowerMvPrecision(int* mv) const {
  if (hdr_.allow_high_precision_mv) return;
  for (int i = 0; i < 2; ++i) {
    if (hdr_.force_integer_mv) {
      const int a = std::abs(mv[i]);
      const int a_int = (a + 3) >> 3;
      mv[i] = mv[i] > 0 ? (a_int << 3) : -(a_int << 3);
    } else if (mv[i] & 1) {
      mv[i] += mv[i] > 0 ? -1 : 1;
    }
  }
}

// is_mv_valid( 0 ) (6.10.25) for use_intrabc.
bool TileParser::IsMvValid() const {
  for (int comp = 0; comp < 2; ++comp) {
    if (std::abs(block_mv_[comp]) >= (1 << 14)) return false;
  }
  const int bw = Block_Width(mi_size_);
  const int bh = Block_Height(mi_size_);
  if ((block_mv_[0] & 7) || (block_mv_[1] & 7)) return false;
  const int delta_row = block_mv_[0] >> 3;
  const int delta_col = block_mv_[1] >> 3;
  int src_top_edge = mi_row_ * MI_SIZE + delta_row;
  int src_left_edge = mi_col_ * MI_SIZE + delta_col;
  const int src_bottom_edge = src_top_edge + bh;
  const int src_right_edge = src_left_edge + bw;
  if (has_chroma_) {
    if (bw < 8 && sub_x_) src_left_edge -= 4;
    if (bh < 8 && sub_y_) src_top_edge -= 4;
  }
  if (src_top_edge < tile_.mi_row_start * MI_SIZE ||
      src_left_edge < tile_.mi_col_start * MI_SIZE ||
      src_bottom_edge > tile_.mi_row_end * MI_SIZE ||
      src_right_edge > tile_.mi_col_end * MI_SIZE) {
    return false;
  }
  const int sb_h = Block_Height(sb_size_);
  const int active_sb_row = (mi_row_ * MI_SIZE) / sb_h;
  const int active_sb64_col = (mi_col_ * MI_SIZE) >> 6;
  const int src_sb_row = (src_bottom_edge - 1) / sb_h;
  const int src_sb64_col = (src_right_edge - 1) >> 6;
  const int total_sb64_per_row = ((tile_.mi_col_end - tile_.mi_col_start - 1) >> 4) + 1;
  const int active_sb64 = active_sb_row * total_sb64_per_row + active_sb64_col;
  const int src_sb64 = src_sb_row * total_sb64_per_row + src_sb64_col;
  if (src_sb64 >= active_sb64 - INTRABC_DELAY_SB64) return false;
  const int gradient = 1 + INTRABC_DELAY_SB64 + seq_.use_128x128_superblock;
  const int wf_offset = gradient * (active_sb_row - src_sb_row);
  if (src_sb_row > active_sb_row ||
      src_sb64_col >= active_sb64_col - INTRABC_DELAY_SB64 + wf_offset) {
    return false;
  }
  return true;
}

}  // namespace hav1::tile
