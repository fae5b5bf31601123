// Superblock loop, partitions and intra frame mode info: spec 5.11.2 -
// 5.11.22, 5.11.42 - 5.11.43, 5.11.46, 5.11.56 - 5.11.58 with the CDF
// selection of 8.3.2.
#include "src/tile/tile_parser.h"

#include <algorithm>
#include <cstring>

#include "src/common/intops.h"

namespace hav1::tile {

TileParser::TileParser(const SequenceHeader& seq, const FrameHeader& hdr,
                       FrameBlockInfo* blocks, TileReconHook* hook,
                       const InterFrameInputs& inter)
    : seq_(seq),
      hdr_(hdr),
      inter_(inter),
      blocks_(blocks),
      hook_(hook),
      mv_pred_(hdr, blocks, inter.motion_field) {
  const ColorConfig& cc = seq.color_config;
  sub_x_ = cc.subsampling_x;
  sub_y_ = cc.subsampling_y;
  num_planes_ = cc.NumPlanes;
  bit_depth_ = cc.BitDepth;
  sb_size_ = seq.use_128x128_superblock ? BLOCK_128X128 : BLOCK_64X64;
  // Room for transform blocks (up to 16 4x4 units) and 128x128 superblocks
  // reaching past the frame edge.
  const size_t cols = static_cast<size_t>(hdr.MiCols) + 64;
  const size_t rows = static_cast<size_t>(hdr.MiRows) + 64;
  for (int p = 0; p < 3; ++p) {
    above_level_[p].assign(cols, 0);
    above_dc_[p].assign(cols, 0);
    left_level_[p].assign(rows, 0);
    left_dc_[p].assign(rows, 0);
  }
  for (int p = 0; p < 2; ++p) {
    above_palette_[p].assign(cols * 8, 0);
    left_palette_[p].assign(rows * 8, 0);
  }
  above_seg_pred_.assign(cols, 0);
  left_seg_pred_.assign(rows, 0);
}

// 5.11.2 decode_tile( )
Status TileParser::DecodeTile(const TileBounds& tile, SymbolDecoder* sd, CdfContext* cdf) {
  if (tile.mi_row_start < 0 || tile.mi_row_end > hdr_.MiRows || tile.mi_col_start < 0 ||
      tile.mi_col_end > hdr_.MiCols || tile.mi_row_start >= tile.mi_row_end ||
      tile.mi_col_start >= tile.mi_col_end || blocks_->mi_rows() != hdr_.MiRows ||
      blocks_->mi_cols() != hdr_.MiCols) {
    return InvalidArgument("tile: bounds outside the frame");
  }
  tile_ = tile;
  sd_ = sd;
  cdf_ = cdf;
  mv_pred_.SetTile(tile);
  current_q_index_ = hdr_.quantization_params.base_q_idx;
  // clear_above_context( )
  for (int p = 0; p < 3; ++p) {
    std::fill(above_level_[p].begin(), above_level_[p].end(), 0);
    std::fill(above_dc_[p].begin(), above_dc_[p].end(), 0);
  }
  std::fill(above_seg_pred_.begin(), above_seg_pred_.end(), 0);
  for (int i = 0; i < 4; ++i) delta_lf_[i] = 0;
  for (int plane = 0; plane < num_planes_; ++plane) {
    for (int pass = 0; pass < 2; ++pass) {
      ref_sgr_xqd_[plane][pass] = Sgrproj_Xqd_Mid[pass];
      for (int i = 0; i < WIENER_COEFFS; ++i) {
        ref_lr_wiener_[plane][pass][i] = Wiener_Taps_Mid[i];
      }
    }
  }
  const int sb_size4 = Num_4x4_Blocks_Wide[sb_size_];
  for (int r = tile.mi_row_start; r < tile.mi_row_end; r += sb_size4) {
    // clear_left_context( )
    for (int p = 0; p < 3; ++p) {
      std::fill(left_level_[p].begin(), left_level_[p].end(), 0);
      std::fill(left_dc_[p].begin(), left_dc_[p].end(), 0);
    }
    std::fill(left_seg_pred_.begin(), left_seg_pred_.end(), 0);
    for (int c = tile.mi_col_start; c < tile.mi_col_end; c += sb_size4) {
      read_deltas_ = hdr_.delta_params.delta_q_present;
      // clear_cdef( r, c )
      blocks_->cdef_idx(r >> 4, c >> 4) = -1;
      if (seq_.use_128x128_superblock) {
        blocks_->cdef_idx(r >> 4, (c >> 4) + 1) = -1;
        blocks_->cdef_idx((r >> 4) + 1, c >> 4) = -1;
        blocks_->cdef_idx((r >> 4) + 1, (c >> 4) + 1) = -1;
      }
      ClearBlockDecodedFlags(r, c, sb_size4);
      ReadLr(r, c, sb_size_);
      HAV1_RETURN_IF_ERROR(DecodePartition(r, c, sb_size_));
    }
  }
  return Status::Ok();
}

// 5.11.4 decode_partition( r, c, bSize )
Status TileParser::DecodePartition(int r, int c, int bsize) {
  if (r >= hdr_.MiRows || c >= hdr_.MiCols) return Status::Ok();
  // SymbolMaxBits only decreases; below -14 the exit process must fail
  // (8.2.4), so stop early on exhausted (e.g. truncated or garbage) data.
  if (sd_->symbol_max_bits() < -14) return InvalidData("tile: data exhausted");
  const bool avail_u = IsInside(r - 1, c);
  const bool avail_l = IsInside(r, c - 1);
  const int num4x4 = Num_4x4_Blocks_Wide[bsize];
  const int half_block4x4 = num4x4 >> 1;
  const int quarter_block4x4 = half_block4x4 >> 1;
  const bool has_rows = (r + half_block4x4) < hdr_.MiRows;
  const bool has_cols = (c + half_block4x4) < hdr_.MiCols;
  int partition;
  if (bsize < BLOCK_8X8) {
    partition = PARTITION_NONE;
  } else {
    // 8.3.2 partition ctx.
    const int bsl = Mi_Width_Log2[bsize];
    const int above = avail_u && (Mi_Width_Log2[blocks_->at(r - 1, c).mi_size] < bsl);
    const int left = avail_l && (Mi_Height_Log2[blocks_->at(r, c - 1).mi_size] < bsl);
    const int ctx = left * 2 + above;
    uint16_t* pcdf;
    int n;
    if (bsl == 1) {
      pcdf = cdf_->partition_w8_cdf[ctx];
      n = 4;
    } else if (bsl == 2) {
      pcdf = cdf_->partition_w16_cdf[ctx];
      n = 10;
    } else if (bsl == 3) {
      pcdf = cdf_->partition_w32_cdf[ctx];
      n = 10;
    } else if (bsl == 4) {
      pcdf = cdf_->partition_w64_cdf[ctx];
      n = 10;
    } else {
      pcdf = cdf_->partition_w128_cdf[ctx];
      n = 8;
    }
    auto p = [&](int k) { return static_cast<int>(pcdf[k]) - static_cast<int>(pcdf[k - 1]); };
    if (has_rows && has_cols) {
      partition = sd_->ReadSymbol(pcdf, n);
    } else if (has_cols) {
      // split_or_horz
      int psum = p(PARTITION_VERT) + p(PARTITION_SPLIT) + p(PARTITION_HORZ_A) +
                 p(PARTITION_VERT_A) + p(PARTITION_VERT_B);
      if (bsize != BLOCK_128X128) psum += p(PARTITION_VERT_4);
      uint16_t tmp[3] = {static_cast<uint16_t>((1 << 15) - psum), 1 << 15, 0};
      partition = sd_->ReadSymbol(tmp, 2) ? PARTITION_SPLIT : PARTITION_HORZ;
    } else if (has_rows) {
      // split_or_vert
      int psum = p(PARTITION_HORZ) + p(PARTITION_SPLIT) + p(PARTITION_HORZ_A) +
                 p(PARTITION_HORZ_B) + p(PARTITION_VERT_A);
      if (bsize != BLOCK_128X128) psum += p(PARTITION_HORZ_4);
      uint16_t tmp[3] = {static_cast<uint16_t>((1 << 15) - psum), 1 << 15, 0};
      partition = sd_->ReadSymbol(tmp, 2) ? PARTITION_SPLIT : PARTITION_VERT;
    } else {
      partition = PARTITION_SPLIT;
    }
  }
  const int sub_size = Partition_Subsize[partition][bsize];
  const int split_size = Partition_Subsize[PARTITION_SPLIT][bsize];
  if (sub_size == BLOCK_INVALID) return InvalidData("tile: invalid partition");
  const int hb = half_block4x4, qb = quarter_block4x4;
  switch (partition) {
    case PARTITION_NONE:
      return DecodeBlock(r, c, sub_size);
    case PARTITION_HORZ:
      HAV1_RETURN_IF_ERROR(DecodeBlock(r, c, sub_size));
      if (has_rows) return DecodeBlock(r + hb, c, sub_size);
      return Status::Ok();
    case PARTITION_VERT:
      HAV1_RETURN_IF_ERROR(DecodeBlock(r, c, sub_size));
      if (has_cols) return DecodeBlock(r, c + hb, sub_size);
      return Status::Ok();
    case PARTITION_SPLIT:
      HAV1_RETURN_IF_ERROR(DecodePartition(r, c, sub_size));
      HAV1_RETURN_IF_ERROR(DecodePartition(r, c + hb, sub_size));
      HAV1_RETURN_IF_ERROR(DecodePartition(r + hb, c, sub_size));
      return DecodePartition(r + hb, c + hb, sub_size);
    case PARTITION_HORZ_A:
      HAV1_RETURN_IF_ERROR(DecodeBlock(r, c, split_size));
      HAV1_RETURN_IF_ERROR(DecodeBlock(r, c + hb, split_size));
      return DecodeBlock(r + hb, c, sub_size);
    case PARTITION_HORZ_B:
      HAV1_RETURN_IF_ERROR(DecodeBlock(r, c, sub_size));
      HAV1_RETURN_IF_ERROR(DecodeBlock(r + hb, c, split_size));
      return DecodeBlock(r + hb, c + hb, split_size);
    case PARTITION_VERT_A:
      HAV1_RETURN_IF_ERROR(DecodeBlock(r, c, split_size));
      HAV1_RETURN_IF_ERROR(DecodeBlock(r + hb, c, split_size));
      return DecodeBlock(r, c + hb, sub_size);
    case PARTITION_VERT_B:
      HAV1_RETURN_IF_ERROR(DecodeBlock(r, c, sub_size));
      HAV1_RETURN_IF_ERROR(DecodeBlock(r, c + hb, split_size));
      return DecodeBlock(r + hb, c + hb, split_size);
    case PARTITION_HORZ_4:
      HAV1_RETURN_IF_ERROR(DecodeBlock(r, c, sub_size));
      HAV1_RETURN_IF_ERROR(DecodeBlock(r + qb, c, sub_size));
      HAV1_RETURN_IF_ERROR(DecodeBlock(r + qb * 2, c, sub_size));
      if (r + qb * 3 < hdr_.MiRows) return DecodeBlock(r + qb * 3, c, sub_size);
      return Status::Ok();
    default:  // PARTITION_VERT_4
      HAV1_RETURN_IF_ERROR(DecodeBlock(r, c, sub_size));
      HAV1_RETURN_IF_ERROR(DecodeBlock(r, c + qb, sub_size));
      HAV1_RETURN_IF_ERROR(DecodeBlock(r, c + qb * 2, sub_size));
      if (c + qb * 3 < hdr_.MiCols) return DecodeBlock(r, c + qb * 3, sub_size);
      return Status::Ok();
  }
}

// 5.11.5 decode_block( r, c, subSize )
Status TileParser::DecodeBlock(int r, int c, int bsize) {
  mi_row_ = r;
  mi_col_ = c;
  mi_size_ = bsize;
  // A conformance requirement (5.11.4 semantics, 4:2:2 / 4:4:0): the
  // chroma residual size must exist; the tables are indexed by it.
  if (num_planes_ > 1 && GetPlaneResidualSize(bsize, 1) == BLOCK_INVALID) {
    return InvalidData("tile: block size invalid for the chroma subsampling");
  }
  const int bw4 = Num_4x4_Blocks_Wide[bsize];
  const int bh4 = Num_4x4_Blocks_High[bsize];
  if (bh4 == 1 && sub_y_ && (mi_row_ & 1) == 0) {
    has_chroma_ = false;
  } else if (bw4 == 1 && sub_x_ && (mi_col_ & 1) == 0) {
    has_chroma_ = false;
  } else {
    has_chroma_ = num_planes_ > 1;
  }
  avail_u_ = IsInside(r - 1, c);
  avail_l_ = IsInside(r, c - 1);
  avail_u_chroma_ = avail_u_;
  avail_l_chroma_ = avail_l_;
  if (has_chroma_) {
    if (sub_y_ && bh4 == 1) avail_u_chroma_ = IsInside(r - 2, c);
    if (sub_x_ && bw4 == 1) avail_l_chroma_ = IsInside(r, c - 2);
  } else {
    avail_u_chroma_ = false;
    avail_l_chroma_ = false;
  }
  // 5.11.6 mode_info( )
  use_intrabc_ = 0;
  if (hdr_.FrameIsIntra) {
    IntraFrameModeInfo();
    if (use_intrabc_) HAV1_RETURN_IF_ERROR(IntrabcModeInfo());
  } else {
    HAV1_RETURN_IF_ERROR(InterFrameModeInfo());
  }
  PaletteTokens();
  ReadBlockTxSize();
  if (skip_) ResetBlockContext(bw4, bh4);
  StoreBlockInfo();

  block_params_ = BlockParams{};
  block_params_.mi_row = r;
  block_params_.mi_col = c;
  block_params_.info = &blocks_->at(r, c);
  block_params_.has_chroma = has_chroma_;
  block_params_.avail_u = avail_u_;
  block_params_.avail_l = avail_l_;
  block_params_.avail_u_chroma = avail_u_chroma_;
  block_params_.avail_l_chroma = avail_l_chroma_;
  block_params_.lossless = lossless_;
  if (is_inter_ && !use_intrabc_) {
    inter_params_.compound_type = compound_type_;
    inter_params_.interintra_mode = interintra_mode_;
    inter_params_.wedge_interintra = wedge_interintra_;
    inter_params_.wedge_index = wedge_index_;
    inter_params_.wedge_sign = wedge_sign_;
    inter_params_.mask_type = mask_type_;
    inter_params_.num_samples = motion_mode_ == LOCALWARP ? warp_.num_samples : 0;
    for (int i = 0; i < inter_params_.num_samples; ++i) {
      for (int j = 0; j < 4; ++j) inter_params_.cand_list[i][j] = warp_.cand_list[i][j];
    }
    block_params_.inter = &inter_params_;
  }
  if (palette_size_y_) {
    block_params_.palette_colors[0] = palette_colors_[0];
    block_params_.color_map[0] = color_map_[0];
  }
  if (palette_size_uv_) {
    block_params_.palette_colors[1] = palette_colors_[1];
    block_params_.palette_colors[2] = palette_colors_[2];
    block_params_.color_map[1] = color_map_[1];
  }
  // compute_prediction( ) happens in reconstruction.
  if (hook_) hook_->OnBlock(block_params_);
  Residual();

  // Palette colours for get_palette_cache of later blocks.
  for (int plane = 0; plane < 2; ++plane) {
    const int n = plane ? palette_size_uv_ : palette_size_y_;
    const uint16_t* colors = palette_colors_[plane];
    for (int x = 0; x < bw4 && c + x < hdr_.MiCols; ++x) {
      uint16_t* dst = &above_palette_[plane][static_cast<size_t>(c + x) * 8];
      for (int i = 0; i < n; ++i) dst[i] = colors[i];
    }
    for (int y = 0; y < bh4 && r + y < hdr_.MiRows; ++y) {
      uint16_t* dst = &left_palette_[plane][static_cast<size_t>(r + y) * 8];
      for (int i = 0; i < n; ++i) dst[i] = colors[i];
    }
  }
  return Status::Ok();
}

// The YModes, RefFrames, ..., DeltaLFs stores of decode_block (5.11.5).
// InterTxSizes were written by read_block_tx_size, TxTypes and
// LoopfilterTxSizes are written by the residual.
void TileParser::StoreBlockInfo() {
  const int bw4 = Num_4x4_Blocks_Wide[mi_size_];
  const int bh4 = Num_4x4_Blocks_High[mi_size_];
  BlockInfo b;
  b.decoded = 1;
  b.mi_size = static_cast<uint8_t>(mi_size_);
  b.skip = static_cast<uint8_t>(skip_);
  b.skip_mode = static_cast<uint8_t>(skip_mode_);
  b.is_inter = static_cast<uint8_t>(is_inter_);
  b.use_intrabc = static_cast<uint8_t>(use_intrabc_);
  b.segment_id = static_cast<uint8_t>(segment_id_);
  b.y_mode = static_cast<uint8_t>(y_mode_);
  b.uv_mode = static_cast<uint8_t>(uv_mode_);
  b.ref_frame[0] = static_cast<int8_t>(ref_frame_[0]);
  b.ref_frame[1] = static_cast<int8_t>(ref_frame_[1]);
  b.tx_size = static_cast<uint8_t>(tx_size_);
  b.palette_size[0] = static_cast<uint8_t>(palette_size_y_);
  b.palette_size[1] = static_cast<uint8_t>(palette_size_uv_);
  b.angle_delta[0] = static_cast<int8_t>(angle_delta_y_);
  b.angle_delta[1] = static_cast<int8_t>(angle_delta_uv_);
  b.cfl_alpha[0] = static_cast<int8_t>(cfl_alpha_u_);
  b.cfl_alpha[1] = static_cast<int8_t>(cfl_alpha_v_);
  b.use_filter_intra = static_cast<uint8_t>(use_filter_intra_);
  b.filter_intra_mode = static_cast<uint8_t>(filter_intra_mode_);
  if (use_intrabc_) {
    b.interp_filter[0] = b.interp_filter[1] = BILINEAR;
  } else if (is_inter_) {
    b.interp_filter[0] = static_cast<uint8_t>(interp_filter_[0]);
    b.interp_filter[1] = static_cast<uint8_t>(interp_filter_[1]);
    b.motion_mode = static_cast<uint8_t>(motion_mode_);
    b.interintra = ref_frame_[1] == kIntraFrame;
    b.comp_group_idx = static_cast<uint8_t>(comp_group_idx_);
    b.compound_idx = static_cast<uint8_t>(compound_idx_);
  }
  b.qindex = static_cast<uint8_t>(current_q_index_);
  for (int i = 0; i < 4; ++i) b.delta_lf[i] = static_cast<int8_t>(delta_lf_[i]);
  b.mv[0] = mv_[0];
  b.mv[1] = mv_[1];
  const int rows = std::min(bh4, hdr_.MiRows - mi_row_);
  const int cols = std::min(bw4, hdr_.MiCols - mi_col_);
  for (int y = 0; y < rows; ++y) {
    for (int x = 0; x < cols; ++x) {
      BlockInfo& dst = blocks_->at(mi_row_ + y, mi_col_ + x);
      // UVModes is only written for intra blocks with chroma.
      const uint8_t keep_uv = dst.uv_mode;
      const uint8_t inter_tx = dst.inter_tx_size;
      dst = b;
      dst.inter_tx_size = inter_tx;
      if (!has_chroma_ || ref_frame_[0] != kIntraFrame) dst.uv_mode = keep_uv;
    }
  }
}

// 5.11.3 clear_block_decoded_flags( r, c, sbSize4 )
void TileParser::ClearBlockDecodedFlags(int r, int c, int sb_size4) {
  for (int plane = 0; plane < num_planes_; ++plane) {
    const int sx = plane > 0 ? sub_x_ : 0;
    const int sy = plane > 0 ? sub_y_ : 0;
    const int sb_width4 = (tile_.mi_col_end - c) >> sx;
    const int sb_height4 = (tile_.mi_row_end - r) >> sy;
    for (int y = -1; y <= (sb_size4 >> sy); ++y) {
      for (int x = -1; x <= (sb_size4 >> sx); ++x) {
        if (y < 0 && x < sb_width4) {
          BlockDecoded(plane, y, x) = 1;
        } else if (x < 0 && y < sb_height4) {
          BlockDecoded(plane, y, x) = 1;
        } else {
          BlockDecoded(plane, y, x) = 0;
        }
      }
    }
    BlockDecoded(plane, sb_size4 >> sy, -1) = 0;
  }
}

// reset_block_context( bw4, bh4 ) (5.11.5)
void TileParser::ResetBlockContext(int bw4, int bh4) {
  for (int plane = 0; plane < 1 + 2 * has_chroma_; ++plane) {
    const int sx = plane > 0 ? sub_x_ : 0;
    const int sy = plane > 0 ? sub_y_ : 0;
    for (int i = mi_col_ >> sx; i < ((mi_col_ + bw4) >> sx); ++i) {
      above_level_[plane][i] = 0;
      above_dc_[plane][i] = 0;
    }
    for (int i = mi_row_ >> sy; i < ((mi_row_ + bh4) >> sy); ++i) {
      left_level_[plane][i] = 0;
      left_dc_[plane][i] = 0;
    }
  }
}

// 5.11.7 intra_frame_mode_info( )
void TileParser::IntraFrameModeInfo() {
  const SegmentationParams& seg = hdr_.segmentation_params;
  skip_ = 0;
  skip_mode_ = 0;
  segment_id_ = 0;
  ref_frame_[0] = kIntraFrame;
  ref_frame_[1] = kRefNone;
  if (seg.SegIdPreSkip) IntraSegmentId();
  ReadSkip();
  if (!seg.SegIdPreSkip) IntraSegmentId();
  ReadCdef();
  ReadDeltaQIndex();
  ReadDeltaLf();
  read_deltas_ = false;
  mv_[0] = mv_[1] = Mv{};
  palette_size_y_ = palette_size_uv_ = 0;
  angle_delta_y_ = angle_delta_uv_ = 0;
  cfl_alpha_u_ = cfl_alpha_v_ = 0;
  use_filter_intra_ = 0;
  filter_intra_mode_ = 0;
  if (hdr_.allow_intrabc) {
    use_intrabc_ = sd_->ReadSymbol(cdf_->intrabc_cdf);
  } else {
    use_intrabc_ = 0;
  }
  if (use_intrabc_) {
    is_inter_ = 1;
    y_mode_ = DC_PRED;
    uv_mode_ = DC_PRED;
    return;  // the motion vector is read by IntrabcModeInfo
  }
  is_inter_ = 0;
  // 8.3.2 intra_frame_y_mode ctx.
  const int above_mode =
      Intra_Mode_Context[avail_u_ ? blocks_->at(mi_row_ - 1, mi_col_).y_mode : int{DC_PRED}];
  const int left_mode =
      Intra_Mode_Context[avail_l_ ? blocks_->at(mi_row_, mi_col_ - 1).y_mode : int{DC_PRED}];
  y_mode_ = sd_->ReadSymbol(cdf_->intra_frame_y_mode_cdf[above_mode][left_mode]);
  IntraAngleInfoY();
  if (has_chroma_) ReadUvMode();
  if (mi_size_ >= BLOCK_8X8 && Block_Width(mi_size_) <= 64 &&
      Block_Height(mi_size_) <= 64 && hdr_.allow_screen_content_tools) {
    PaletteModeInfo();
  }
  FilterIntraModeInfo();
}

// The uv_mode part of 5.11.7 intra_frame_mode_info and 5.11.22
// intra_block_mode_info (HasChroma is 1): uv_mode, read_cfl_alphas,
// intra_angle_info_uv.
void TileParser::ReadUvMode() {
  {
    // 8.3.2 uv_mode cdf.
    bool cfl_allowed;
    if (lossless_ && GetPlaneResidualSize(mi_size_, 1) == BLOCK_4X4) {
      cfl_allowed = true;
    } else if (!lossless_ &&
               std::max(Block_Width(mi_size_), Block_Height(mi_size_)) <= 32) {
      cfl_allowed = true;
    } else {
      cfl_allowed = false;
    }
    if (cfl_allowed) {
      uv_mode_ = sd_->ReadSymbol(cdf_->uv_mode_cfl_allowed_cdf[y_mode_]);
    } else {
      uv_mode_ = sd_->ReadSymbol(cdf_->uv_mode_cfl_not_allowed_cdf[y_mode_]);
    }
    if (uv_mode_ == UV_CFL_PRED) ReadCflAlphas();
    IntraAngleInfoUv();
  }
}

// 5.11.8 intra_segment_id( )
void TileParser::IntraSegmentId() {
  if (hdr_.segmentation_params.segmentation_enabled) {
    ReadSegmentId();
  } else {
    segment_id_ = 0;
  }
  lossless_ = hdr_.LosslessArray[segment_id_];
}

// 5.11.9 read_segment_id( )
void TileParser::ReadSegmentId() {
  int prev_ul = -1, prev_u = -1, prev_l = -1;
  if (avail_u_ && avail_l_) prev_ul = blocks_->at(mi_row_ - 1, mi_col_ - 1).segment_id;
  if (avail_u_) prev_u = blocks_->at(mi_row_ - 1, mi_col_).segment_id;
  if (avail_l_) prev_l = blocks_->at(mi_row_, mi_col_ - 1).segment_id;
  int pred;
  if (prev_u == -1) {
    pred = prev_l == -1 ? 0 : prev_l;
  } else if (prev_l == -1) {
    pred = prev_u;
  } else {
    pred = prev_ul == prev_u ? prev_u : prev_l;
  }
  if (skip_) {
    segment_id_ = pred;
    return;
  }
  int ctx;
  if (prev_ul < 0) {
    ctx = 0;
  } else if (prev_ul == prev_u && prev_ul == prev_l) {
    ctx = 2;
  } else if (prev_ul == prev_u || prev_ul == prev_l || prev_u == prev_l) {
    ctx = 1;
  } else {
    ctx = 0;
  }
  const int diff = sd_->ReadSymbol(cdf_->segment_id_cdf[ctx]);
  const int max = hdr_.segmentation_params.LastActiveSegId + 1;
  // neg_deinterleave( diff, pred, max )
  int v;
  if (!pred) {
    v = diff;
  } else if (pred >= max - 1) {
    v = max - diff - 1;
  } else if (2 * pred < max) {
    if (diff <= 2 * pred) {
      v = (diff & 1) ? pred + ((diff + 1) >> 1) : pred - (diff >> 1);
    } else {
      v = diff;
    }
  } else {
    if (diff <= 2 * (max - pred - 1)) {
      v = (diff & 1) ? pred + ((diff + 1) >> 1) : pred - (diff >> 1);
    } else {
      v = max - (diff + 1);
    }
  }
  // Out of range only for non-conformant data; keep indices valid.
  segment_id_ = Clip3(0, MAX_SEGMENTS - 1, v);
}

// 5.11.11 read_skip( )
void TileParser::ReadSkip() {
  if (hdr_.segmentation_params.SegIdPreSkip && SegFeatureActive(SEG_LVL_SKIP)) {
    skip_ = 1;
    return;
  }
  int ctx = 0;
  if (avail_u_) ctx += blocks_->at(mi_row_ - 1, mi_col_).skip;
  if (avail_l_) ctx += blocks_->at(mi_row_, mi_col_ - 1).skip;
  skip_ = sd_->ReadSymbol(cdf_->skip_cdf[ctx]);
}

// 5.11.14 seg_feature_active( feature )
bool TileParser::SegFeatureActive(int feature) const {
  return hdr_.segmentation_params.segmentation_enabled &&
         hdr_.segmentation_params.FeatureEnabled[segment_id_][feature];
}

// 7.12.2 get_qindex( ignoreDeltaQ, segmentId )
int TileParser::GetQIndex(bool ignore_delta_q, int segment_id) const {
  const SegmentationParams& seg = hdr_.segmentation_params;
  const int base = hdr_.quantization_params.base_q_idx;
  if (seg.segmentation_enabled && seg.FeatureEnabled[segment_id][SEG_LVL_ALT_Q]) {
    const int data = seg.FeatureData[segment_id][SEG_LVL_ALT_Q];
    int qindex = base + data;
    if (!ignore_delta_q && hdr_.delta_params.delta_q_present) qindex = current_q_index_ + data;
    return Clip3(0, 255, qindex);
  }
  if (!ignore_delta_q && hdr_.delta_params.delta_q_present) return current_q_index_;
  return base;
}

// 5.11.56 read_cdef( )
void TileParser::ReadCdef() {
  if (skip_ || hdr_.CodedLossless || !seq_.enable_cdef || hdr_.allow_intrabc) return;
  const int r = mi_row_ & ~15;
  const int c = mi_col_ & ~15;
  if (blocks_->cdef_idx(r >> 4, c >> 4) == -1) {
    const int v = static_cast<int>(sd_->ReadLiteral(hdr_.cdef_params.cdef_bits));
    const int w4 = Num_4x4_Blocks_Wide[mi_size_];
    const int h4 = Num_4x4_Blocks_High[mi_size_];
    for (int i = r; i < r + h4; i += 16) {
      for (int j = c; j < c + w4; j += 16) {
        blocks_->cdef_idx(i >> 4, j >> 4) = static_cast<int8_t>(v);
      }
    }
  }
}

// 5.11.12 read_delta_qindex( )
void TileParser::ReadDeltaQIndex() {
  if (mi_size_ == sb_size_ && skip_) return;
  if (!read_deltas_) return;
  int delta_q_abs = sd_->ReadSymbol(cdf_->delta_q_cdf);
  if (delta_q_abs == DELTA_Q_SMALL) {
    const int rem_bits = static_cast<int>(sd_->ReadLiteral(3)) + 1;
    const int abs_bits = static_cast<int>(sd_->ReadLiteral(rem_bits));
    delta_q_abs = abs_bits + (1 << rem_bits) + 1;
  }
  if (delta_q_abs) {
    const int sign = static_cast<int>(sd_->ReadLiteral(1));
    const int reduced = sign ? -delta_q_abs : delta_q_abs;
    current_q_index_ =
        Clip3(1, 255, current_q_index_ + (reduced << hdr_.delta_params.delta_q_res));
  }
}

// 5.11.13 read_delta_lf( )
void TileParser::ReadDeltaLf() {
  if (mi_size_ == sb_size_ && skip_) return;
  if (!read_deltas_ || !hdr_.delta_params.delta_lf_present) return;
  int frame_lf_count = 1;
  if (hdr_.delta_params.delta_lf_multi) {
    frame_lf_count = num_planes_ > 1 ? FRAME_LF_COUNT : FRAME_LF_COUNT - 2;
  }
  for (int i = 0; i < frame_lf_count; ++i) {
    int abs = hdr_.delta_params.delta_lf_multi
                  ? sd_->ReadSymbol(cdf_->delta_lf_multi_cdf[i])
                  : sd_->ReadSymbol(cdf_->delta_lf_cdf);
    if (abs == DELTA_LF_SMALL) {
      const int n = static_cast<int>(sd_->ReadLiteral(3)) + 1;
      const int abs_bits = static_cast<int>(sd_->ReadLiteral(n));
      abs = abs_bits + (1 << n) + 1;
    }
    if (abs) {
      const int sign = static_cast<int>(sd_->ReadLiteral(1));
      const int reduced = sign ? -abs : abs;
      delta_lf_[i] = Clip3(-MAX_LOOP_FILTER, MAX_LOOP_FILTER,
                           delta_lf_[i] + (reduced << hdr_.delta_params.delta_lf_res));
    }
  }
}

static bool IsDirectionalMode(int mode) { return mode >= V_PRED && mode <= D67_PRED; }

// 5.11.42 intra_angle_info_y( )
void TileParser::IntraAngleInfoY() {
  angle_delta_y_ = 0;
  if (mi_size_ >= BLOCK_8X8 && IsDirectionalMode(y_mode_)) {
    angle_delta_y_ = sd_->ReadSymbol(cdf_->angle_delta_cdf[y_mode_ - V_PRED]) - MAX_ANGLE_DELTA;
  }
}

// 5.11.43 intra_angle_info_uv( )
void TileParser::IntraAngleInfoUv() {
  angle_delta_uv_ = 0;
  if (mi_size_ >= BLOCK_8X8 && IsDirectionalMode(uv_mode_)) {
    angle_delta_uv_ =
        sd_->ReadSymbol(cdf_->angle_delta_cdf[uv_mode_ - V_PRED]) - MAX_ANGLE_DELTA;
  }
}

// 5.11.45 read_cfl_alphas( )
void TileParser::ReadCflAlphas() {
  const int signs = sd_->ReadSymbol(cdf_->cfl_sign_cdf);
  const int sign_u = (signs + 1) / 3;
  const int sign_v = (signs + 1) % 3;
  if (sign_u != CFL_SIGN_ZERO) {
    const int ctx = (sign_u - 1) * 3 + sign_v;
    cfl_alpha_u_ = 1 + sd_->ReadSymbol(cdf_->cfl_alpha_cdf[ctx]);
    if (sign_u == CFL_SIGN_NEG) cfl_alpha_u_ = -cfl_alpha_u_;
  } else {
    cfl_alpha_u_ = 0;
  }
  if (sign_v != CFL_SIGN_ZERO) {
    const int ctx = (sign_v - 1) * 3 + sign_u;
    cfl_alpha_v_ = 1 + sd_->ReadSymbol(cdf_->cfl_alpha_cdf[ctx]);
    if (sign_v == CFL_SIGN_NEG) cfl_alpha_v_ = -cfl_alpha_v_;
  } else {
    cfl_alpha_v_ = 0;
  }
}

// 5.11.24 filter_intra_mode_info( )
void TileParser::FilterIntraModeInfo() {
  use_filter_intra_ = 0;
  if (seq_.enable_filter_intra && y_mode_ == DC_PRED && palette_size_y_ == 0 &&
      std::max(Block_Width(mi_size_), Block_Height(mi_size_)) <= 32) {
    use_filter_intra_ = sd_->ReadSymbol(cdf_->filter_intra_cdf[mi_size_]);
    if (use_filter_intra_) filter_intra_mode_ = sd_->ReadSymbol(cdf_->filter_intra_mode_cdf);
  }
}

// 5.11.57 read_lr( r, c, bSize )
void TileParser::ReadLr(int r, int c, int bsize) {
  if (hdr_.allow_intrabc) return;
  const int w = Num_4x4_Blocks_Wide[bsize];
  const int h = Num_4x4_Blocks_High[bsize];
  for (int plane = 0; plane < num_planes_; ++plane) {
    if (hdr_.lr_params.FrameRestorationType[plane] == 0) continue;  // RESTORE_NONE
    const int sx = plane == 0 ? 0 : sub_x_;
    const int sy = plane == 0 ? 0 : sub_y_;
    const int unit_size = hdr_.lr_params.LoopRestorationSize[plane];
    const int unit_rows = blocks_->lr_rows(plane);
    const int unit_cols = blocks_->lr_cols(plane);
    const int unit_row_start = (r * (MI_SIZE >> sy) + unit_size - 1) / unit_size;
    const int unit_row_end =
        std::min(unit_rows, ((r + h) * (MI_SIZE >> sy) + unit_size - 1) / unit_size);
    int numerator, denominator;
    if (hdr_.use_superres) {
      numerator = (MI_SIZE >> sx) * hdr_.SuperresDenom;
      denominator = unit_size * SUPERRES_NUM;
    } else {
      numerator = MI_SIZE >> sx;
      denominator = unit_size;
    }
    const int unit_col_start = (c * numerator + denominator - 1) / denominator;
    const int unit_col_end =
        std::min(unit_cols, ((c + w) * numerator + denominator - 1) / denominator);
    for (int unit_row = unit_row_start; unit_row < unit_row_end; ++unit_row) {
      for (int unit_col = unit_col_start; unit_col < unit_col_end; ++unit_col) {
        ReadLrUnit(plane, unit_row, unit_col);
      }
    }
  }
}

// 5.11.58 read_lr_unit( plane, unitRow, unitCol )
void TileParser::ReadLrUnit(int plane, int unit_row, int unit_col) {
  const int frame_type = hdr_.lr_params.FrameRestorationType[plane];
  int restoration_type;
  if (frame_type == 1) {  // RESTORE_WIENER
    restoration_type = sd_->ReadSymbol(cdf_->use_wiener_cdf) ? 1 : 0;
  } else if (frame_type == 2) {  // RESTORE_SGRPROJ
    restoration_type = sd_->ReadSymbol(cdf_->use_sgrproj_cdf) ? 2 : 0;
  } else {
    restoration_type = sd_->ReadSymbol(cdf_->restoration_type_cdf);
  }
  LrUnit& u = blocks_->lr(plane, unit_row, unit_col);
  u.type = static_cast<uint8_t>(restoration_type);
  if (restoration_type == 1) {
    for (int pass = 0; pass < 2; ++pass) {
      int first_coeff;
      if (plane) {
        first_coeff = 1;
        u.wiener[pass][0] = 0;
      } else {
        first_coeff = 0;
      }
      for (int j = first_coeff; j < 3; ++j) {
        const int v = DecodeSignedSubexpWithRefBool(Wiener_Taps_Min[j], Wiener_Taps_Max[j] + 1,
                                                    Wiener_Taps_K[j],
                                                    ref_lr_wiener_[plane][pass][j]);
        u.wiener[pass][j] = static_cast<int8_t>(v);
        ref_lr_wiener_[plane][pass][j] = v;
      }
    }
  } else if (restoration_type == 2) {
    const int set = static_cast<int>(sd_->ReadLiteral(SGRPROJ_PARAMS_BITS));
    u.sgr_set = static_cast<uint8_t>(set);
    for (int i = 0; i < 2; ++i) {
      const int radius = Sgr_Params[set][i * 2];
      const int mn = Sgrproj_Xqd_Min[i];
      const int mx = Sgrproj_Xqd_Max[i];
      int v;
      if (radius) {
        v = DecodeSignedSubexpWithRefBool(mn, mx + 1, SGRPROJ_PRJ_SUBEXP_K,
                                          ref_sgr_xqd_[plane][i]);
      } else {
        v = 0;
        if (i == 1) v = Clip3(mn, mx, (1 << SGRPROJ_PRJ_BITS) - ref_sgr_xqd_[plane][0]);
      }
      u.sgr_xqd[i] = static_cast<int16_t>(v);
      ref_sgr_xqd_[plane][i] = v;
    }
  }
}

static int InverseRecenter(int r, int v) {
  if (v > 2 * r) return v;
  if (v & 1) return r - ((v + 1) >> 1);
  return r + (v >> 1);
}

// decode_signed_subexp_with_ref_bool (5.11.58)
int TileParser::DecodeSignedSubexpWithRefBool(int low, int high, int k, int r) {
  const int mx = high - low;
  r -= low;
  const int v = DecodeSubexpBool(mx, k);
  int x;
  if ((r << 1) <= mx) {
    x = InverseRecenter(r, v);
  } else {
    x = mx - 1 - InverseRecenter(mx - 1 - r, v);
  }
  return x + low;
}

int TileParser::DecodeSubexpBool(int num_syms, int k) {
  int i = 0, mk = 0;
  while (true) {
    const int b2 = i ? k + i - 1 : k;
    const int a = 1 << b2;
    if (num_syms <= mk + 3 * a) {
      return static_cast<int>(sd_->ReadNS(static_cast<uint32_t>(num_syms - mk))) + mk;
    }
    if (sd_->ReadLiteral(1)) {
      ++i;
      mk += a;
    } else {
      return static_cast<int>(sd_->ReadLiteral(b2)) + mk;
    }
  }
}

// get_plane_residual_size( subsize, plane ) (5.11.38)
int TileParser::GetPlaneResidualSize(int subsize, int plane) const {
  const int sx = plane > 0 ? sub_x_ : 0;
  const int sy = plane > 0 ? sub_y_ : 0;
  return Subsampled_Size[subsize][sx][sy];
}

}  // namespace hav1::tile
