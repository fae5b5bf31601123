// use_intrabc blocks of intra frames: the rest of 5.11.7 for use_intrabc,
// assign_mv( 0 ) (5.11.26) on the stack of find_mv_stack( 0 ) (MvPredictor,
// 7.10.2), read_mv (5.11.31, 5.11.32) and is_mv_valid (6.10.25).
#include <algorithm>
#include <cstdlib>

#include "src/tile/tile_parser.h"

namespace hav1::tile {

Status TileParser::IntrabcModeInfo() {
  // 5.11.7: is_inter = 1, YMode = UVMode = DC_PRED were set; the palette
  // sizes are 0; interp_filter = BILINEAR (stored by StoreBlockInfo).
  // find_mv_stack( 0 ) with RefFrame = { INTRA_FRAME, NONE } (7.10.2;
  // the candidates are intrabc blocks, no temporal ones in intra frames).
  MvBlock mb;
  mb.mi_row = mi_row_;
  mb.mi_col = mi_col_;
  mb.mi_size = mi_size_;
  mb.ref_frame[0] = kIntraFrame;
  mb.ref_frame[1] = kRefNone;
  mv_pred_.FindMvStack(mb, false, &mv_stack_);
  const MvStack& st = mv_stack_;
  // assign_mv( 0 ) with use_intrabc (5.11.26).
  int pred[2] = {st.ref_stack_mv[0][0][0], st.ref_stack_mv[0][0][1]};
  if (pred[0] == 0 && pred[1] == 0) {
    pred[0] = st.ref_stack_mv[1][0][0];
    pred[1] = st.ref_stack_mv[1][0][1];
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
