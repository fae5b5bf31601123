// Mode info of blocks in inter frames: spec 5.11.18 inter_frame_mode_info
// and everything below it (5.11.19 - 5.11.32: inter_segment_id,
// read_is_inter, get_segment_id, intra_block_mode_info,
// inter_block_mode_info, read_ref_frames, assign_mv, read_motion_mode,
// read_interintra_mode, read_compound_type, get_mode, read_mv), 5.11.10
// read_skip_mode, with the CDF selection of 8.3.2.  The motion vector
// candidate lists come from MvPredictor (7.10.2 - 7.10.4), the neighbour
// contexts of the reference and filter symbols from inter_contexts.h.
#include <algorithm>
#include <cstdlib>

#include "src/common/intops.h"
#include "src/tile/tile_parser.h"

namespace hav1::tile {

namespace {

// Section 10 Wedge_Bits[ BLOCK_SIZES ].
constexpr int8_t Wedge_Bits[BLOCK_SIZES] = {0, 0, 0, 4, 4, 4, 4, 4, 4, 4, 0,
                                            0, 0, 0, 0, 0, 0, 0, 4, 4, 0, 0};

// 8.3.2 compound_mode: Compound_Mode_Ctx_Map[ 3 ][ COMP_NEWMV_CTXS ].
constexpr int8_t Compound_Mode_Ctx_Map[3][COMP_NEWMV_CTXS] = {
    {0, 1, 1, 1, 1}, {1, 2, 3, 4, 4}, {4, 4, 5, 6, 7}};

constexpr int SINGLE_REFERENCE = 0;
constexpr int COMPOUND_REFERENCE = 1;

bool ValidRefFrame(int ref) { return ref >= LAST_FRAME && ref <= ALTREF_FRAME; }

}  // namespace

// 5.11.18 inter_frame_mode_info( )
Status TileParser::InterFrameModeInfo() {
  use_intrabc_ = 0;
  skip_ = 0;
  skip_mode_ = 0;
  segment_id_ = 0;
  mv_[0] = mv_[1] = Mv{};
  palette_size_y_ = palette_size_uv_ = 0;
  angle_delta_y_ = angle_delta_uv_ = 0;
  cfl_alpha_u_ = cfl_alpha_v_ = 0;
  use_filter_intra_ = 0;
  filter_intra_mode_ = 0;
  motion_mode_ = SIMPLE;
  interintra_ = interintra_mode_ = wedge_interintra_ = 0;
  wedge_index_ = wedge_sign_ = mask_type_ = 0;
  comp_group_idx_ = 0;
  compound_idx_ = 0;
  compound_type_ = COMPOUND_AVERAGE;
  interp_filter_[0] = interp_filter_[1] = EIGHTTAP;
  warp_.num_samples = 0;
  // LeftRefFrame / AboveRefFrame, LeftIntra, ... are read from the grid by
  // the context functions (inter_contexts.h).
  InterSegmentId(true);
  ReadSkipMode();
  if (skip_mode_) {
    skip_ = 1;
  } else {
    ReadSkip();
  }
  if (!hdr_.segmentation_params.SegIdPreSkip) InterSegmentId(false);
  lossless_ = hdr_.LosslessArray[segment_id_];
  ReadCdef();
  ReadDeltaQIndex();
  ReadDeltaLf();
  read_deltas_ = false;
  ReadIsInter();
  if (is_inter_) return InterBlockModeInfo();
  IntraBlockModeInfo();
  return Status::Ok();
}

// AboveSegPredContext / LeftSegPredContext updates of 5.11.19.
void TileParser::SetSegPredContext(int seg_id_predicted) {
  const int bw4 = Num_4x4_Blocks_Wide[mi_size_];
  const int bh4 = Num_4x4_Blocks_High[mi_size_];
  // The arrays have 64 entries of room past MiCols / MiRows.
  const uint8_t v = static_cast<uint8_t>(seg_id_predicted);
  for (int i = 0; i < bw4; ++i) above_seg_pred_[mi_col_ + i] = v;
  for (int i = 0; i < bh4; ++i) left_seg_pred_[mi_row_ + i] = v;
}

// 5.11.19 inter_segment_id( preSkip )
void TileParser::InterSegmentId(bool pre_skip) {
  const SegmentationParams& seg = hdr_.segmentation_params;
  if (!seg.segmentation_enabled) {
    segment_id_ = 0;
    return;
  }
  const int predicted_segment_id = GetSegmentId();
  if (!seg.segmentation_update_map) {
    segment_id_ = predicted_segment_id;
    return;
  }
  if (pre_skip && !seg.SegIdPreSkip) {
    segment_id_ = 0;
    return;
  }
  if (!pre_skip && skip_) {
    SetSegPredContext(0);
    ReadSegmentId();
    return;
  }
  if (seg.segmentation_temporal_update == 1) {
    // 8.3.2 seg_id_predicted ctx.
    const int ctx = left_seg_pred_[mi_row_] + above_seg_pred_[mi_col_];
    const int seg_id_predicted = sd_->ReadSymbol(cdf_->segment_id_predicted_cdf[ctx]);
    if (seg_id_predicted) {
      segment_id_ = predicted_segment_id;
    } else {
      ReadSegmentId();
    }
    SetSegPredContext(seg_id_predicted);
  } else {
    ReadSegmentId();
  }
}

// 5.11.21 get_segment_id( ): the smallest PrevSegmentIds value over the
// on-screen part of the block.
int TileParser::GetSegmentId() const {
  if (!inter_.prev_segment_ids) return 0;
  const int bw4 = Num_4x4_Blocks_Wide[mi_size_];
  const int bh4 = Num_4x4_Blocks_High[mi_size_];
  const int x_mis = std::min(hdr_.MiCols - mi_col_, bw4);
  const int y_mis = std::min(hdr_.MiRows - mi_row_, bh4);
  int seg = 7;
  for (int y = 0; y < y_mis; ++y) {
    const uint8_t* row = inter_.prev_segment_ids + static_cast<size_t>(mi_row_ + y) * hdr_.MiCols;
    for (int x = 0; x < x_mis; ++x) seg = std::min(seg, static_cast<int>(row[mi_col_ + x]));
  }
  return seg;
}

// 5.11.10 read_skip_mode( )
void TileParser::ReadSkipMode() {
  if (SegFeatureActive(SEG_LVL_SKIP) || SegFeatureActive(SEG_LVL_REF_FRAME) ||
      SegFeatureActive(SEG_LVL_GLOBALMV) || !hdr_.skip_mode_present ||
      Block_Width(mi_size_) < 8 || Block_Height(mi_size_) < 8) {
    skip_mode_ = 0;
    return;
  }
  const int ctx = SkipModeCtx(GetNeighbors());
  skip_mode_ = sd_->ReadSymbol(cdf_->skip_mode_cdf[std::clamp(ctx, 0, SKIP_MODE_CONTEXTS - 1)]);
}

// 5.11.20 read_is_inter( )
void TileParser::ReadIsInter() {
  if (skip_mode_) {
    is_inter_ = 1;
  } else if (SegFeatureActive(SEG_LVL_REF_FRAME)) {
    is_inter_ = hdr_.segmentation_params.FeatureData[segment_id_][SEG_LVL_REF_FRAME] != INTRA_FRAME;
  } else if (SegFeatureActive(SEG_LVL_GLOBALMV)) {
    is_inter_ = 1;
  } else {
    const int ctx = IsInterCtx(GetNeighbors());
    is_inter_ = sd_->ReadSymbol(cdf_->is_inter_cdf[std::clamp(ctx, 0, IS_INTER_CONTEXTS - 1)]);
  }
}

// 5.11.22 intra_block_mode_info( )
void TileParser::IntraBlockModeInfo() {
  ref_frame_[0] = kIntraFrame;
  ref_frame_[1] = kRefNone;
  // 8.3.2 y_mode ctx.
  y_mode_ = sd_->ReadSymbol(cdf_->y_mode_cdf[Size_Group[mi_size_]]);
  IntraAngleInfoY();
  if (has_chroma_) ReadUvMode();
  palette_size_y_ = 0;
  palette_size_uv_ = 0;
  if (mi_size_ >= BLOCK_8X8 && Block_Width(mi_size_) <= 64 && Block_Height(mi_size_) <= 64 &&
      hdr_.allow_screen_content_tools) {
    PaletteModeInfo();
  }
  FilterIntraModeInfo();
}

// has_nearmv( ) (5.11.23)
bool TileParser::HasNearmv() const {
  return y_mode_ == NEARMV || y_mode_ == NEAR_NEARMV || y_mode_ == NEAR_NEWMV ||
         y_mode_ == NEW_NEARMV;
}

// 5.11.23 inter_block_mode_info( )
Status TileParser::InterBlockModeInfo() {
  palette_size_y_ = 0;
  palette_size_uv_ = 0;
  HAV1_RETURN_IF_ERROR(ReadRefFrames());
  const bool is_compound = ref_frame_[1] > INTRA_FRAME;
  MvBlock mb;
  mb.mi_row = mi_row_;
  mb.mi_col = mi_col_;
  mb.mi_size = mi_size_;
  mb.ref_frame[0] = ref_frame_[0];
  mb.ref_frame[1] = ref_frame_[1];
  mv_pred_.FindMvStack(mb, is_compound, &mv_stack_);
  const MvStack& st = mv_stack_;
  const int new_mv_ctx = std::clamp(st.new_mv_context, 0, NEW_MV_CONTEXTS - 1);
  const int ref_mv_ctx = std::clamp(st.ref_mv_context, 0, REF_MV_CONTEXTS - 1);
  const int zero_mv_ctx = std::clamp(st.zero_mv_context, 0, ZERO_MV_CONTEXTS - 1);
  if (skip_mode_) {
    y_mode_ = NEAREST_NEARESTMV;
  } else if (SegFeatureActive(SEG_LVL_SKIP) || SegFeatureActive(SEG_LVL_GLOBALMV)) {
    y_mode_ = GLOBALMV;
  } else if (is_compound) {
    // 8.3.2 compound_mode ctx.
    const int ctx =
        Compound_Mode_Ctx_Map[ref_mv_ctx >> 1][std::min(new_mv_ctx, COMP_NEWMV_CTXS - 1)];
    const int compound_mode = sd_->ReadSymbol(cdf_->compound_mode_cdf[ctx]);
    y_mode_ = NEAREST_NEARESTMV + compound_mode;
  } else {
    const int new_mv = sd_->ReadSymbol(cdf_->new_mv_cdf[new_mv_ctx]);
    if (new_mv == 0) {
      y_mode_ = NEWMV;
    } else {
      const int zero_mv = sd_->ReadSymbol(cdf_->zero_mv_cdf[zero_mv_ctx]);
      if (zero_mv == 0) {
        y_mode_ = GLOBALMV;
      } else {
        const int ref_mv = sd_->ReadSymbol(cdf_->ref_mv_cdf[ref_mv_ctx]);
        y_mode_ = ref_mv == 0 ? NEARESTMV : NEARMV;
      }
    }
  }
  // drl_mode with the cdf TileDrlModeCdf[ DrlCtxStack[ idx ] ] (8.3.2).
  auto read_drl_mode = [&](int idx) {
    const int ctx = std::clamp(st.drl_ctx_stack[idx], 0, DRL_MODE_CONTEXTS - 1);
    return sd_->ReadSymbol(cdf_->drl_mode_cdf[ctx]);
  };
  ref_mv_idx_ = 0;
  if (y_mode_ == NEWMV || y_mode_ == NEW_NEWMV) {
    for (int idx = 0; idx < 2; ++idx) {
      if (st.num_mv_found > idx + 1) {
        if (read_drl_mode(idx) == 0) {
          ref_mv_idx_ = idx;
          break;
        }
        ref_mv_idx_ = idx + 1;
      }
    }
  } else if (HasNearmv()) {
    ref_mv_idx_ = 1;
    for (int idx = 1; idx < 3; ++idx) {
      if (st.num_mv_found > idx + 1) {
        if (read_drl_mode(idx) == 0) {
          ref_mv_idx_ = idx;
          break;
        }
        ref_mv_idx_ = idx + 1;
      }
    }
  }
  HAV1_RETURN_IF_ERROR(AssignMv(is_compound));
  ReadInterIntraMode(is_compound);
  ReadMotionMode(is_compound);
  ReadCompoundType(is_compound);
  ReadInterpFilter();
  return Status::Ok();
}

// The interp_filter part of 5.11.23 inter_block_mode_info( ).
void TileParser::ReadInterpFilter() {
  if (hdr_.interpolation_filter == SWITCHABLE) {
    const Neighbors n = GetNeighbors();
    for (int dir = 0; dir < (seq_.enable_dual_filter ? 2 : 1); ++dir) {
      if (NeedsInterpFilter()) {
        const int ctx = InterpFilterCtx(n, dir, ref_frame_);
        interp_filter_[dir] = sd_->ReadSymbol(
            cdf_->interp_filter_cdf[std::clamp(ctx, 0, INTERP_FILTER_CONTEXTS - 1)]);
      } else {
        interp_filter_[dir] = EIGHTTAP;
      }
    }
    if (!seq_.enable_dual_filter) interp_filter_[1] = interp_filter_[0];
  } else {
    // interpolation_filter is 0..3 here (f(2) in 5.9.10).
    for (int dir = 0; dir < 2; ++dir) interp_filter_[dir] = hdr_.interpolation_filter & 3;
  }
}

// needs_interp_filter( ) (5.11.23)
bool TileParser::NeedsInterpFilter() const {
  const bool large = std::min(Block_Width(mi_size_), Block_Height(mi_size_)) >= 8;
  if (skip_mode_ || motion_mode_ == LOCALWARP) return false;
  if (large && y_mode_ == GLOBALMV) return hdr_.GmType[ref_frame_[0]] == TRANSLATION;
  if (large && y_mode_ == GLOBAL_GLOBALMV) {
    return hdr_.GmType[ref_frame_[0]] == TRANSLATION ||
           hdr_.GmType[ref_frame_[1]] == TRANSLATION;
  }
  return true;
}

// 5.11.25 read_ref_frames( )
Status TileParser::ReadRefFrames() {
  const SegmentationParams& seg = hdr_.segmentation_params;
  if (skip_mode_) {
    ref_frame_[0] = hdr_.SkipModeFrame[0];
    ref_frame_[1] = hdr_.SkipModeFrame[1];
    if (!ValidRefFrame(ref_frame_[0]) || !ValidRefFrame(ref_frame_[1])) {
      return InvalidData("tile: invalid SkipModeFrame");
    }
    return Status::Ok();
  }
  if (SegFeatureActive(SEG_LVL_REF_FRAME)) {
    ref_frame_[0] = seg.FeatureData[segment_id_][SEG_LVL_REF_FRAME];
    ref_frame_[1] = NONE;
    // is_inter is 0 for INTRA_FRAME (read_is_inter), so only LAST..ALTREF
    // can reach this point in a conformant stream.
    if (!ValidRefFrame(ref_frame_[0])) return InvalidData("tile: invalid segment reference");
    return Status::Ok();
  }
  if (SegFeatureActive(SEG_LVL_SKIP) || SegFeatureActive(SEG_LVL_GLOBALMV)) {
    ref_frame_[0] = LAST_FRAME;
    ref_frame_[1] = NONE;
    return Status::Ok();
  }
  const Neighbors n = GetNeighbors();
  const int bw4 = Num_4x4_Blocks_Wide[mi_size_];
  const int bh4 = Num_4x4_Blocks_High[mi_size_];
  auto rctx = [](int ctx) { return std::clamp(ctx, 0, REF_CONTEXTS - 1); };
  int comp_mode = SINGLE_REFERENCE;
  if (hdr_.reference_select && std::min(bw4, bh4) >= 2) {
    const int ctx = std::clamp(CompModeCtx(n), 0, COMP_INTER_CONTEXTS - 1);
    comp_mode = sd_->ReadSymbol(cdf_->comp_mode_cdf[ctx]);
  }
  if (comp_mode == COMPOUND_REFERENCE) {
    const int type_ctx = std::clamp(CompRefTypeCtx(n), 0, COMP_REF_TYPE_CONTEXTS - 1);
    const int comp_ref_type = sd_->ReadSymbol(cdf_->comp_ref_type_cdf[type_ctx]);
    if (comp_ref_type == UNIDIR_COMP_REFERENCE) {
      const int uni_comp_ref =
          sd_->ReadSymbol(cdf_->uni_comp_ref_cdf[rctx(UniCompRefCtx(n))][0]);
      if (uni_comp_ref) {
        ref_frame_[0] = BWDREF_FRAME;
        ref_frame_[1] = ALTREF_FRAME;
      } else {
        const int uni_comp_ref_p1 =
            sd_->ReadSymbol(cdf_->uni_comp_ref_cdf[rctx(UniCompRefP1Ctx(n))][1]);
        if (uni_comp_ref_p1) {
          const int uni_comp_ref_p2 =
              sd_->ReadSymbol(cdf_->uni_comp_ref_cdf[rctx(UniCompRefP2Ctx(n))][2]);
          ref_frame_[0] = LAST_FRAME;
          ref_frame_[1] = uni_comp_ref_p2 ? GOLDEN_FRAME : LAST3_FRAME;
        } else {
          ref_frame_[0] = LAST_FRAME;
          ref_frame_[1] = LAST2_FRAME;
        }
      }
    } else {
      const int comp_ref = sd_->ReadSymbol(cdf_->comp_ref_cdf[rctx(CompRefCtx(n))][0]);
      if (comp_ref == 0) {
        const int comp_ref_p1 = sd_->ReadSymbol(cdf_->comp_ref_cdf[rctx(CompRefP1Ctx(n))][1]);
        ref_frame_[0] = comp_ref_p1 ? LAST2_FRAME : LAST_FRAME;
      } else {
        const int comp_ref_p2 = sd_->ReadSymbol(cdf_->comp_ref_cdf[rctx(CompRefP2Ctx(n))][2]);
        ref_frame_[0] = comp_ref_p2 ? GOLDEN_FRAME : LAST3_FRAME;
      }
      const int comp_bwdref =
          sd_->ReadSymbol(cdf_->comp_bwd_ref_cdf[rctx(CompBwdrefCtx(n))][0]);
      if (comp_bwdref == 0) {
        const int comp_bwdref_p1 =
            sd_->ReadSymbol(cdf_->comp_bwd_ref_cdf[rctx(CompBwdrefP1Ctx(n))][1]);
        ref_frame_[1] = comp_bwdref_p1 ? ALTREF2_FRAME : BWDREF_FRAME;
      } else {
        ref_frame_[1] = ALTREF_FRAME;
      }
    }
  } else {
    auto single_ref = [&](int p) {
      return sd_->ReadSymbol(cdf_->single_ref_cdf[rctx(SingleRefCtx(n, p))][p - 1]);
    };
    if (single_ref(1)) {
      if (single_ref(2) == 0) {
        ref_frame_[0] = single_ref(6) ? ALTREF2_FRAME : BWDREF_FRAME;
      } else {
        ref_frame_[0] = ALTREF_FRAME;
      }
    } else {
      if (single_ref(3)) {
        ref_frame_[0] = single_ref(5) ? GOLDEN_FRAME : LAST3_FRAME;
      } else {
        ref_frame_[0] = single_ref(4) ? LAST2_FRAME : LAST_FRAME;
      }
    }
    ref_frame_[1] = NONE;
  }
  return Status::Ok();
}

// 5.11.30 get_mode( refList )
int TileParser::GetMode(int ref_list) const {
  const int y = y_mode_;
  if (ref_list == 0) {
    if (y < NEAREST_NEARESTMV) return y;
    if (y == NEW_NEWMV || y == NEW_NEARESTMV || y == NEW_NEARMV) return NEWMV;
    if (y == NEAREST_NEARESTMV || y == NEAREST_NEWMV) return NEARESTMV;
    if (y == NEAR_NEARMV || y == NEAR_NEWMV) return NEARMV;
    return GLOBALMV;
  }
  if (y == NEW_NEWMV || y == NEAREST_NEWMV || y == NEAR_NEWMV) return NEWMV;
  if (y == NEAREST_NEARESTMV || y == NEW_NEARESTMV) return NEARESTMV;
  if (y == NEAR_NEARMV || y == NEW_NEARMV) return NEARMV;
  return GLOBALMV;
}

// 5.11.26 assign_mv( isCompound ) for inter blocks (use_intrabc is 0), with
// the conformance check of is_mv_valid (assign mv semantics, 6.10.25).
Status TileParser::AssignMv(bool is_compound) {
  const MvStack& st = mv_stack_;
  for (int i = 0; i < 1 + is_compound; ++i) {
    const int comp_mode = GetMode(i);
    if (comp_mode == GLOBALMV) {
      pred_mv_[i][0] = st.global_mvs[i][0];
      pred_mv_[i][1] = st.global_mvs[i][1];
    } else {
      int pos = comp_mode == NEARESTMV ? 0 : ref_mv_idx_;
      if (comp_mode == NEWMV && st.num_mv_found <= 1) pos = 0;
      pos = std::clamp(pos, 0, MAX_REF_MV_STACK_SIZE - 1);
      pred_mv_[i][0] = st.ref_stack_mv[pos][i][0];
      pred_mv_[i][1] = st.ref_stack_mv[pos][i][1];
    }
    if (comp_mode == NEWMV) {
      ReadMv(i);
    } else {
      block_mvs_[i][0] = pred_mv_[i][0];
      block_mvs_[i][1] = pred_mv_[i][1];
    }
  }
  // is_mv_valid( isCompound ): a requirement of bitstream conformance.
  for (int i = 0; i < 1 + is_compound; ++i) {
    for (int comp = 0; comp < 2; ++comp) {
      if (std::abs(block_mvs_[i][comp]) >= (1 << 14)) {
        return InvalidData("tile: motion vector out of range");
      }
    }
    mv_[i].row = static_cast<int16_t>(block_mvs_[i][0]);
    mv_[i].col = static_cast<int16_t>(block_mvs_[i][1]);
  }
  if (!is_compound) mv_[1] = Mv{};
  return Status::Ok();
}

// 5.11.31 read_mv( ref ) with MvCtx = 0.
void TileParser::ReadMv(int ref) {
  int diff_mv[2] = {0, 0};
  constexpr int kMvCtx = 0;
  const int mv_joint = sd_->ReadSymbol(cdf_->mv_joint_cdf[kMvCtx]);
  if (mv_joint == MV_JOINT_HZVNZ || mv_joint == MV_JOINT_HNZVNZ) {
    diff_mv[0] = ReadMvComponent(kMvCtx, 0);
  }
  if (mv_joint == MV_JOINT_HNZVZ || mv_joint == MV_JOINT_HNZVNZ) {
    diff_mv[1] = ReadMvComponent(kMvCtx, 1);
  }
  block_mvs_[ref][0] = pred_mv_[ref][0] + diff_mv[0];
  block_mvs_[ref][1] = pred_mv_[ref][1] + diff_mv[1];
}

// 5.11.28 read_interintra_mode( isCompound )
void TileParser::ReadInterIntraMode(bool is_compound) {
  interintra_ = 0;
  if (!skip_mode_ && seq_.enable_interintra_compound && !is_compound &&
      mi_size_ >= BLOCK_8X8 && mi_size_ <= BLOCK_32X32) {
    // 8.3.2 interintra / interintra_mode ctx.
    const int ctx = Size_Group[mi_size_] - 1;
    interintra_ = sd_->ReadSymbol(cdf_->inter_intra_cdf[ctx]);
    if (interintra_) {
      interintra_mode_ = sd_->ReadSymbol(cdf_->inter_intra_mode_cdf[ctx]);
      ref_frame_[1] = INTRA_FRAME;
      angle_delta_y_ = 0;
      angle_delta_uv_ = 0;
      use_filter_intra_ = 0;
      wedge_interintra_ = sd_->ReadSymbol(cdf_->wedge_inter_intra_cdf[mi_size_]);
      if (wedge_interintra_) {
        wedge_index_ = sd_->ReadSymbol(cdf_->wedge_index_cdf[mi_size_]);
        wedge_sign_ = 0;
      }
    }
  }
}

// 5.11.27 read_motion_mode( isCompound )
void TileParser::ReadMotionMode(bool is_compound) {
  motion_mode_ = SIMPLE;
  if (skip_mode_) return;
  if (!hdr_.is_motion_mode_switchable) return;
  if (std::min(Block_Width(mi_size_), Block_Height(mi_size_)) < 8) return;
  if (!hdr_.force_integer_mv && (y_mode_ == GLOBALMV || y_mode_ == GLOBAL_GLOBALMV)) {
    if (hdr_.GmType[ref_frame_[0]] > TRANSLATION) return;
  }
  MvBlock mb;
  mb.mi_row = mi_row_;
  mb.mi_col = mi_col_;
  mb.mi_size = mi_size_;
  mb.ref_frame[0] = ref_frame_[0];
  mb.ref_frame[1] = ref_frame_[1];
  if (is_compound || ref_frame_[1] == INTRA_FRAME || !mv_pred_.HasOverlappableCandidates(mb)) {
    return;
  }
  mv_pred_.FindWarpSamples(mb, mv_[0], &warp_);
  if (hdr_.force_integer_mv || warp_.num_samples == 0 || !hdr_.allow_warped_motion ||
      inter_.ref_is_scaled[ref_frame_[0]]) {
    const int use_obmc = sd_->ReadSymbol(cdf_->use_obmc_cdf[mi_size_]);
    motion_mode_ = use_obmc ? OBMC : SIMPLE;
  } else {
    motion_mode_ = sd_->ReadSymbol(cdf_->motion_mode_cdf[mi_size_]);
  }
}

// 5.11.29 read_compound_type( isCompound )
void TileParser::ReadCompoundType(bool is_compound) {
  comp_group_idx_ = 0;
  compound_idx_ = 1;
  if (skip_mode_) {
    compound_type_ = COMPOUND_AVERAGE;
    return;
  }
  if (is_compound) {
    const Neighbors n = GetNeighbors();
    const int wedge_bits = Wedge_Bits[mi_size_];
    if (seq_.enable_masked_compound) {
      const int ctx = std::clamp(CompGroupIdxCtx(n), 0, COMP_GROUP_IDX_CONTEXTS - 1);
      comp_group_idx_ = sd_->ReadSymbol(cdf_->comp_group_idx_cdf[ctx]);
    }
    if (comp_group_idx_ == 0) {
      if (seq_.enable_jnt_comp) {
        const int ctx =
            std::clamp(CompoundIdxCtx(n, seq_, hdr_, ref_frame_), 0, COMPOUND_IDX_CONTEXTS - 1);
        compound_idx_ = sd_->ReadSymbol(cdf_->compound_idx_cdf[ctx]);
        compound_type_ = compound_idx_ ? COMPOUND_AVERAGE : COMPOUND_DISTANCE;
      } else {
        compound_type_ = COMPOUND_AVERAGE;
      }
    } else {
      if (wedge_bits == 0) {
        compound_type_ = COMPOUND_DIFFWTD;
      } else {
        compound_type_ = sd_->ReadSymbol(cdf_->compound_type_cdf[mi_size_]);
      }
    }
    if (compound_type_ == COMPOUND_WEDGE) {
      wedge_index_ = sd_->ReadSymbol(cdf_->wedge_index_cdf[mi_size_]);
      wedge_sign_ = static_cast<int>(sd_->ReadLiteral(1));
    } else if (compound_type_ == COMPOUND_DIFFWTD) {
      mask_type_ = static_cast<int>(sd_->ReadLiteral(1));
    }
  } else {
    if (interintra_) {
      compound_type_ = wedge_interintra_ ? COMPOUND_WEDGE : COMPOUND_INTRA;
    } else {
      compound_type_ = COMPOUND_AVERAGE;
    }
  }
}

}  // namespace hav1::tile
