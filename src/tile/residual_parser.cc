// Transform sizes, transform types and coefficients: spec 5.11.15 -
// 5.11.17, 5.11.34 - 5.11.40, 5.11.47 - 5.11.48, with the CDF selection of
// 8.3.2 (tx_depth, txfm_split, all_zero, eob_pt_*, eob_extra, coeff_base,
// coeff_base_eob, dc_sign, coeff_br, intra_tx_type, inter_tx_type).
#include <algorithm>
#include <cstdlib>

#include "src/tile/tile_parser.h"

namespace hav1::tile {

namespace {

int GetTxClass(int tx_type) {
  if (tx_type == V_DCT || tx_type == V_ADST || tx_type == V_FLIPADST) return TX_CLASS_VERT;
  if (tx_type == H_DCT || tx_type == H_ADST || tx_type == H_FLIPADST) return TX_CLASS_HORIZ;
  return TX_CLASS_2D;
}

int FindTxSize(int w, int h) {
  int tx_sz = 0;
  for (; tx_sz < TX_SIZES_ALL; ++tx_sz) {
    if (Tx_Width[tx_sz] == w && Tx_Height[tx_sz] == h) break;
  }
  return tx_sz;
}

const int16_t* GetMrowScan(int tx_sz) {
  switch (tx_sz) {
    case TX_4X4: return Mrow_Scan_4x4;
    case TX_4X8: return Mrow_Scan_4x8;
    case TX_8X4: return Mrow_Scan_8x4;
    case TX_8X8: return Mrow_Scan_8x8;
    case TX_8X16: return Mrow_Scan_8x16;
    case TX_16X8: return Mrow_Scan_16x8;
    case TX_16X16: return Mrow_Scan_16x16;
    case TX_4X16: return Mrow_Scan_4x16;
    default: return Mrow_Scan_16x4;
  }
}

const int16_t* GetMcolScan(int tx_sz) {
  switch (tx_sz) {
    case TX_4X4: return Mcol_Scan_4x4;
    case TX_4X8: return Mcol_Scan_4x8;
    case TX_8X4: return Mcol_Scan_8x4;
    case TX_8X8: return Mcol_Scan_8x8;
    case TX_8X16: return Mcol_Scan_8x16;
    case TX_16X8: return Mcol_Scan_16x8;
    case TX_16X16: return Mcol_Scan_16x16;
    case TX_4X16: return Mcol_Scan_4x16;
    default: return Mcol_Scan_16x4;
  }
}

const int16_t* GetDefaultScan(int tx_sz) {
  switch (tx_sz) {
    case TX_4X4: return Default_Scan_4x4;
    case TX_4X8: return Default_Scan_4x8;
    case TX_8X4: return Default_Scan_8x4;
    case TX_8X8: return Default_Scan_8x8;
    case TX_8X16: return Default_Scan_8x16;
    case TX_16X8: return Default_Scan_16x8;
    case TX_16X16: return Default_Scan_16x16;
    case TX_16X32: return Default_Scan_16x32;
    case TX_32X16: return Default_Scan_32x16;
    case TX_4X16: return Default_Scan_4x16;
    case TX_16X4: return Default_Scan_16x4;
    case TX_8X32: return Default_Scan_8x32;
    case TX_32X8: return Default_Scan_32x8;
    default: return Default_Scan_32x32;
  }
}

// 5.11.41 get_scan( txSz )
const int16_t* GetScan(int tx_sz, int plane_tx_type) {
  if (tx_sz == TX_16X64) return Default_Scan_16x32;
  if (tx_sz == TX_64X16) return Default_Scan_32x16;
  if (Tx_Size_Sqr_Up[tx_sz] == TX_64X64) return Default_Scan_32x32;
  if (plane_tx_type == IDTX) return GetDefaultScan(tx_sz);
  const bool prefer_row =
      plane_tx_type == V_DCT || plane_tx_type == V_ADST || plane_tx_type == V_FLIPADST;
  const bool prefer_col =
      plane_tx_type == H_DCT || plane_tx_type == H_ADST || plane_tx_type == H_FLIPADST;
  if (prefer_row) return GetMrowScan(tx_sz);
  if (prefer_col) return GetMcolScan(tx_sz);
  return GetDefaultScan(tx_sz);
}

}  // namespace

// 5.11.16 read_block_tx_size( )
void TileParser::ReadBlockTxSize() {
  const int bw4 = Num_4x4_Blocks_Wide[mi_size_];
  const int bh4 = Num_4x4_Blocks_High[mi_size_];
  if (hdr_.TxMode == ::hav1::TX_MODE_SELECT && mi_size_ > BLOCK_4X4 && is_inter_ && !skip_ &&
      !lossless_) {
    const int max_tx_sz = Max_Tx_Size_Rect[mi_size_];
    const int tx_w4 = Tx_Width[max_tx_sz] / MI_SIZE;
    const int tx_h4 = Tx_Height[max_tx_sz] / MI_SIZE;
    for (int row = mi_row_; row < mi_row_ + bh4; row += tx_h4) {
      for (int col = mi_col_; col < mi_col_ + bw4; col += tx_w4) {
        ReadVarTxSize(row, col, max_tx_sz, 0);
      }
    }
  } else {
    ReadTxSize(!skip_ || !is_inter_);
    for (int row = mi_row_; row < std::min(mi_row_ + bh4, hdr_.MiRows); ++row) {
      for (int col = mi_col_; col < std::min(mi_col_ + bw4, hdr_.MiCols); ++col) {
        blocks_->at(row, col).inter_tx_size = static_cast<uint8_t>(tx_size_);
      }
    }
  }
}

// get_above_tx_width( row, col ) (8.3.2, txfm_split)
int TileParser::GetAboveTxWidth(int row, int col) const {
  if (row == mi_row_) {
    if (!avail_u_) return 64;
    const BlockInfo& a = blocks_->at(row - 1, col);
    if (a.skip && a.is_inter) return Block_Width(a.mi_size);
  }
  return Tx_Width[blocks_->at(row - 1, col).inter_tx_size];
}

// get_left_tx_height( row, col ) (8.3.2, txfm_split)
int TileParser::GetLeftTxHeight(int row, int col) const {
  if (col == mi_col_) {
    if (!avail_l_) return 64;
    const BlockInfo& l = blocks_->at(row, col - 1);
    if (l.skip && l.is_inter) return Block_Height(l.mi_size);
  }
  return Tx_Height[blocks_->at(row, col - 1).inter_tx_size];
}

// 5.11.15 read_tx_size( allowSelect )
void TileParser::ReadTxSize(bool allow_select) {
  if (lossless_) {
    tx_size_ = TX_4X4;
    return;
  }
  const int max_rect_tx_size = Max_Tx_Size_Rect[mi_size_];
  const int max_tx_depth = Max_Tx_Depth[mi_size_];
  tx_size_ = max_rect_tx_size;
  if (mi_size_ > BLOCK_4X4 && allow_select && hdr_.TxMode == ::hav1::TX_MODE_SELECT) {
    // 8.3.2 tx_depth ctx.
    const int max_tx_width = Tx_Width[max_rect_tx_size];
    const int max_tx_height = Tx_Height[max_rect_tx_size];
    int above_w = 0, left_h = 0;
    if (avail_u_) {
      const BlockInfo& a = blocks_->at(mi_row_ - 1, mi_col_);
      above_w = a.is_inter ? Block_Width(a.mi_size) : GetAboveTxWidth(mi_row_, mi_col_);
    }
    if (avail_l_) {
      const BlockInfo& l = blocks_->at(mi_row_, mi_col_ - 1);
      left_h = l.is_inter ? Block_Height(l.mi_size) : GetLeftTxHeight(mi_row_, mi_col_);
    }
    const int ctx = (above_w >= max_tx_width) + (left_h >= max_tx_height);
    int tx_depth;
    if (max_tx_depth == 4) {
      tx_depth = sd_->ReadSymbol(cdf_->tx_64x64_cdf[ctx]);
    } else if (max_tx_depth == 3) {
      tx_depth = sd_->ReadSymbol(cdf_->tx_32x32_cdf[ctx]);
    } else if (max_tx_depth == 2) {
      tx_depth = sd_->ReadSymbol(cdf_->tx_16x16_cdf[ctx]);
    } else {
      tx_depth = sd_->ReadSymbol(cdf_->tx_8x8_cdf[ctx]);
    }
    for (int i = 0; i < tx_depth; ++i) tx_size_ = Split_Tx_Size[tx_size_];
  }
}

// 5.11.17 read_var_tx_size( row, col, txSz, depth )
void TileParser::ReadVarTxSize(int row, int col, int tx_sz, int depth) {
  if (row >= hdr_.MiRows || col >= hdr_.MiCols) return;
  int txfm_split;
  if (tx_sz == TX_4X4 || depth == MAX_VARTX_DEPTH) {
    txfm_split = 0;
  } else {
    // 8.3.2 txfm_split ctx.
    const int above = GetAboveTxWidth(row, col) < Tx_Width[tx_sz];
    const int left = GetLeftTxHeight(row, col) < Tx_Height[tx_sz];
    const int size = std::min(64, std::max(Block_Width(mi_size_), Block_Height(mi_size_)));
    const int max_tx_sz = FindTxSize(size, size);
    const int tx_sz_sqr_up = Tx_Size_Sqr_Up[tx_sz];
    const int ctx = (tx_sz_sqr_up != max_tx_sz) * 3 + (TX_SIZES - 1 - max_tx_sz) * 6 + above + left;
    txfm_split = sd_->ReadSymbol(cdf_->txfm_split_cdf[ctx]);
  }
  const int w4 = Tx_Width[tx_sz] / MI_SIZE;
  const int h4 = Tx_Height[tx_sz] / MI_SIZE;
  if (txfm_split) {
    const int sub_tx_sz = Split_Tx_Size[tx_sz];
    const int step_w = Tx_Width[sub_tx_sz] / MI_SIZE;
    const int step_h = Tx_Height[sub_tx_sz] / MI_SIZE;
    for (int i = 0; i < h4; i += step_h) {
      for (int j = 0; j < w4; j += step_w) ReadVarTxSize(row + i, col + j, sub_tx_sz, depth + 1);
    }
  } else {
    for (int i = 0; i < h4 && row + i < hdr_.MiRows; ++i) {
      for (int j = 0; j < w4 && col + j < hdr_.MiCols; ++j) {
        blocks_->at(row + i, col + j).inter_tx_size = static_cast<uint8_t>(tx_sz);
      }
    }
    tx_size_ = tx_sz;
  }
}

// 5.11.37 get_tx_size( plane, txSz )
int TileParser::GetTxSize(int plane, int tx_sz) const {
  if (plane == 0) return tx_sz;
  const int uv_tx = Max_Tx_Size_Rect[GetPlaneResidualSize(mi_size_, plane)];
  if (Tx_Width[uv_tx] == 64 || Tx_Height[uv_tx] == 64) {
    if (Tx_Width[uv_tx] == 16) return TX_16X32;
    if (Tx_Height[uv_tx] == 16) return TX_32X16;
    return TX_32X32;
  }
  return uv_tx;
}

// 5.11.34 residual( )
void TileParser::Residual() {
  const int width_chunks = std::max(1, Block_Width(mi_size_) >> 6);
  const int height_chunks = std::max(1, Block_Height(mi_size_) >> 6);
  const int mi_size_chunk = (width_chunks > 1 || height_chunks > 1) ? BLOCK_64X64 : mi_size_;
  for (int chunk_y = 0; chunk_y < height_chunks; ++chunk_y) {
    for (int chunk_x = 0; chunk_x < width_chunks; ++chunk_x) {
      const int mi_row_chunk = mi_row_ + (chunk_y << 4);
      const int mi_col_chunk = mi_col_ + (chunk_x << 4);
      for (int plane = 0; plane < 1 + has_chroma_ * 2; ++plane) {
        const int tx_sz = lossless_ ? TX_4X4 : GetTxSize(plane, tx_size_);
        const int step_x = Tx_Width[tx_sz] >> 2;
        const int step_y = Tx_Height[tx_sz] >> 2;
        const int plane_sz = GetPlaneResidualSize(mi_size_chunk, plane);
        const int num4x4_w = Num_4x4_Blocks_Wide[plane_sz];
        const int num4x4_h = Num_4x4_Blocks_High[plane_sz];
        const int sx = plane > 0 ? sub_x_ : 0;
        const int sy = plane > 0 ? sub_y_ : 0;
        const int base_x = (mi_col_chunk >> sx) * MI_SIZE;
        const int base_y = (mi_row_chunk >> sy) * MI_SIZE;
        if (is_inter_ && !lossless_ && !plane) {
          TransformTree(base_x, base_y, num4x4_w * 4, num4x4_h * 4);
        } else {
          const int base_x_block = (mi_col_ >> sx) * MI_SIZE;
          const int base_y_block = (mi_row_ >> sy) * MI_SIZE;
          for (int y = 0; y < num4x4_h; y += step_y) {
            for (int x = 0; x < num4x4_w; x += step_x) {
              TransformBlock(plane, base_x_block, base_y_block, tx_sz,
                             x + ((chunk_x << 4) >> sx), y + ((chunk_y << 4) >> sy));
            }
          }
        }
      }
    }
  }
}

// 5.11.36 transform_tree( startX, startY, w, h )
void TileParser::TransformTree(int start_x, int start_y, int w, int h) {
  const int max_x = hdr_.MiCols * MI_SIZE;
  const int max_y = hdr_.MiRows * MI_SIZE;
  if (start_x >= max_x || start_y >= max_y) return;
  const int row = start_y >> MI_SIZE_LOG2;
  const int col = start_x >> MI_SIZE_LOG2;
  const int luma_tx_sz = blocks_->at(row, col).inter_tx_size;
  const int luma_w = Tx_Width[luma_tx_sz];
  const int luma_h = Tx_Height[luma_tx_sz];
  if (w <= luma_w && h <= luma_h) {
    TransformBlock(0, start_x, start_y, FindTxSize(w, h), 0, 0);
  } else if (w > h) {
    TransformTree(start_x, start_y, w / 2, h);
    TransformTree(start_x + w / 2, start_y, w / 2, h);
  } else if (w < h) {
    TransformTree(start_x, start_y, w, h / 2);
    TransformTree(start_x, start_y + h / 2, w, h / 2);
  } else {
    TransformTree(start_x, start_y, w / 2, h / 2);
    TransformTree(start_x + w / 2, start_y, w / 2, h / 2);
    TransformTree(start_x, start_y + h / 2, w / 2, h / 2);
    TransformTree(start_x + w / 2, start_y + h / 2, w / 2, h / 2);
  }
}

// 5.11.35 transform_block( plane, baseX, baseY, txSz, x, y )
void TileParser::TransformBlock(int plane, int base_x, int base_y, int tx_sz, int x, int y) {
  const int start_x = base_x + 4 * x;
  const int start_y = base_y + 4 * y;
  const int sx = plane > 0 ? sub_x_ : 0;
  const int sy = plane > 0 ? sub_y_ : 0;
  const int row = (start_y << sy) >> MI_SIZE_LOG2;
  const int col = (start_x << sx) >> MI_SIZE_LOG2;
  const int step_x = Tx_Width[tx_sz] >> MI_SIZE_LOG2;
  const int step_y = Tx_Height[tx_sz] >> MI_SIZE_LOG2;
  const int max_x = (hdr_.MiCols * MI_SIZE) >> sx;
  const int max_y = (hdr_.MiRows * MI_SIZE) >> sy;
  if (start_x >= max_x || start_y >= max_y) return;
  TransformBlockParams t;
  t.plane = plane;
  t.start_x = start_x;
  t.start_y = start_y;
  t.tx_size = tx_sz;
  t.have_left = (plane == 0 ? avail_l_ : avail_l_chroma_) || x > 0;
  t.have_above = (plane == 0 ? avail_u_ : avail_u_chroma_) || y > 0;
  t.qindex = GetQIndex(false, segment_id_);
  const int sb_mask = seq_.use_128x128_superblock ? 31 : 15;
  const int sub_block_mi_row = row & sb_mask;
  const int sub_block_mi_col = col & sb_mask;
  t.have_above_right =
      BlockDecoded(plane, (sub_block_mi_row >> sy) - 1, (sub_block_mi_col >> sx) + step_x);
  t.have_below_left =
      BlockDecoded(plane, (sub_block_mi_row >> sy) + step_y, (sub_block_mi_col >> sx) - 1);
  if (!skip_) {
    t.eob = Coeffs(plane, start_x, start_y, tx_sz);
    t.tx_type = plane_tx_type_;
    t.quant = quant_;
  }
  if (hook_) hook_->OnTransformBlock(block_params_, t);
  for (int i = 0; i < step_y; ++i) {
    for (int j = 0; j < step_x; ++j) {
      BlockDecoded(plane, (sub_block_mi_row >> sy) + i, (sub_block_mi_col >> sx) + j) = 1;
    }
  }
  // LoopfilterTxSizes[ plane ][ (row >> subY) + i ][ (col >> subX) + j ],
  // stored at the luma mi of that plane position.
  for (int i = 0; i < step_y; ++i) {
    const int lr = (((row >> sy) + i) << sy);
    if (lr >= hdr_.MiRows) break;
    for (int j = 0; j < step_x; ++j) {
      const int lc = (((col >> sx) + j) << sx);
      if (lc >= hdr_.MiCols) break;
      blocks_->at(lr, lc).lf_tx_size[plane] = static_cast<uint8_t>(tx_sz);
    }
  }
}

// 5.11.48 get_tx_set( txSz )
int TileParser::GetTxSet(int tx_sz) const {
  const int tx_sz_sqr = Tx_Size_Sqr[tx_sz];
  const int tx_sz_sqr_up = Tx_Size_Sqr_Up[tx_sz];
  if (tx_sz_sqr_up > TX_32X32) return TX_SET_DCTONLY;
  if (is_inter_) {
    if (hdr_.reduced_tx_set || tx_sz_sqr_up == TX_32X32) return TX_SET_INTER_3;
    if (tx_sz_sqr == TX_16X16) return TX_SET_INTER_2;
    return TX_SET_INTER_1;
  }
  if (tx_sz_sqr_up == TX_32X32) return TX_SET_DCTONLY;
  if (hdr_.reduced_tx_set) return TX_SET_INTRA_2;
  if (tx_sz_sqr == TX_16X16) return TX_SET_INTRA_2;
  return TX_SET_INTRA_1;
}

// 5.11.47 transform_type( x4, y4, txSz )
void TileParser::TransformType(int x4, int y4, int tx_sz) {
  const int set = GetTxSet(tx_sz);
  const int qidx = hdr_.segmentation_params.segmentation_enabled ? GetQIndex(true, segment_id_)
                                                                 : hdr_.quantization_params.base_q_idx;
  int tx_type = DCT_DCT;
  if (set > 0 && qidx > 0) {
    const int sqr = Tx_Size_Sqr[tx_sz];
    if (is_inter_) {
      if (set == TX_SET_INTER_1) {
        tx_type = Tx_Type_Inter_Inv_Set1[sd_->ReadSymbol(cdf_->inter_tx_type_set1_cdf[sqr])];
      } else if (set == TX_SET_INTER_2) {
        tx_type = Tx_Type_Inter_Inv_Set2[sd_->ReadSymbol(cdf_->inter_tx_type_set2_cdf)];
      } else {
        tx_type = Tx_Type_Inter_Inv_Set3[sd_->ReadSymbol(cdf_->inter_tx_type_set3_cdf[sqr])];
      }
    } else {
      const int intra_dir =
          use_filter_intra_ ? Filter_Intra_Mode_To_Intra_Dir[filter_intra_mode_] : y_mode_;
      if (set == TX_SET_INTRA_1) {
        tx_type = Tx_Type_Intra_Inv_Set1[sd_->ReadSymbol(
            cdf_->intra_tx_type_set1_cdf[sqr][intra_dir])];
      } else {
        tx_type = Tx_Type_Intra_Inv_Set2[sd_->ReadSymbol(
            cdf_->intra_tx_type_set2_cdf[sqr][intra_dir])];
      }
    }
  }
  for (int i = 0; i < (Tx_Width[tx_sz] >> 2); ++i) {
    for (int j = 0; j < (Tx_Height[tx_sz] >> 2); ++j) {
      if (y4 + j < hdr_.MiRows && x4 + i < hdr_.MiCols) {
        blocks_->at(y4 + j, x4 + i).tx_type = static_cast<uint8_t>(tx_type);
      }
    }
  }
}

// 5.11.40 compute_tx_type( plane, txSz, blockX, blockY )
int TileParser::ComputeTxType(int plane, int tx_sz, int block_x, int block_y) const {
  const int tx_sz_sqr_up = Tx_Size_Sqr_Up[tx_sz];
  if (lossless_ || tx_sz_sqr_up > TX_32X32) return DCT_DCT;
  const int tx_set = GetTxSet(tx_sz);
  if (plane == 0) return blocks_->at(block_y, block_x).tx_type;
  int tx_type;
  if (is_inter_) {
    const int x4 = std::max(mi_col_, block_x << sub_x_);
    const int y4 = std::max(mi_row_, block_y << sub_y_);
    tx_type = blocks_->at(y4, x4).tx_type;
    if (!Tx_Type_In_Set_Inter[tx_set][tx_type]) return DCT_DCT;
    return tx_type;
  }
  tx_type = Mode_To_Txfm[uv_mode_];
  if (!Tx_Type_In_Set_Intra[tx_set][tx_type]) return DCT_DCT;
  return tx_type;
}

// 5.11.39 coeffs( plane, startX, startY, txSz )
int TileParser::Coeffs(int plane, int start_x, int start_y, int tx_sz) {
  const int x4 = start_x >> 2;
  const int y4 = start_y >> 2;
  const int w4 = Tx_Width[tx_sz] >> 2;
  const int h4 = Tx_Height[tx_sz] >> 2;
  const int tx_sz_ctx = (Tx_Size_Sqr[tx_sz] + Tx_Size_Sqr_Up[tx_sz] + 1) >> 1;
  const int ptype = plane > 0;
  const int seg_eob = (tx_sz == TX_16X64 || tx_sz == TX_64X16)
                          ? 512
                          : std::min(1024, Tx_Width[tx_sz] * Tx_Height[tx_sz]);
  for (int c = 0; c < seg_eob; ++c) quant_[c] = 0;
  int eob = 0;
  int cul_level = 0;
  int dc_category = 0;
  int max_x4 = hdr_.MiCols, max_y4 = hdr_.MiRows;
  if (plane > 0) {
    max_x4 >>= sub_x_;
    max_y4 >>= sub_y_;
  }
  uint8_t* above_level = above_level_[plane].data();
  uint8_t* above_dc = above_dc_[plane].data();
  uint8_t* left_level = left_level_[plane].data();
  uint8_t* left_dc = left_dc_[plane].data();

  // 8.3.2 all_zero ctx.
  int ctx;
  {
    const int w = Tx_Width[tx_sz];
    const int h = Tx_Height[tx_sz];
    const int bsize = GetPlaneResidualSize(mi_size_, plane);
    const int bw = Block_Width(bsize);
    const int bh = Block_Height(bsize);
    if (plane == 0) {
      int top = 0, left = 0;
      for (int k = 0; k < w4; ++k) {
        if (x4 + k < max_x4) top = std::max(top, static_cast<int>(above_level[x4 + k]));
      }
      for (int k = 0; k < h4; ++k) {
        if (y4 + k < max_y4) left = std::max(left, static_cast<int>(left_level[y4 + k]));
      }
      top = std::min(top, 255);
      left = std::min(left, 255);
      if (bw == w && bh == h) {
        ctx = 0;
      } else if (top == 0 && left == 0) {
        ctx = 1;
      } else if (top == 0 || left == 0) {
        ctx = 2 + (std::max(top, left) > 3);
      } else if (std::max(top, left) <= 3) {
        ctx = 4;
      } else if (std::min(top, left) <= 3) {
        ctx = 5;
      } else {
        ctx = 6;
      }
    } else {
      int above = 0, left = 0;
      for (int i = 0; i < w4; ++i) {
        if (x4 + i < max_x4) above |= above_level[x4 + i] | above_dc[x4 + i];
      }
      for (int i = 0; i < h4; ++i) {
        if (y4 + i < max_y4) left |= left_level[y4 + i] | left_dc[y4 + i];
      }
      ctx = (above != 0) + (left != 0) + 7;
      if (bw * bh > w * h) ctx += 3;
    }
  }
  const int all_zero = sd_->ReadSymbol(cdf_->txb_skip_cdf[tx_sz_ctx][ctx]);
  if (all_zero) {
    if (plane == 0) {
      for (int i = 0; i < w4; ++i) {
        for (int j = 0; j < h4; ++j) {
          if (y4 + j < hdr_.MiRows && x4 + i < hdr_.MiCols) {
            blocks_->at(y4 + j, x4 + i).tx_type = DCT_DCT;
          }
        }
      }
    }
    plane_tx_type_ = DCT_DCT;
  } else {
    if (plane == 0) TransformType(x4, y4, tx_sz);
    plane_tx_type_ = ComputeTxType(plane, tx_sz, x4, y4);
    const int tx_class = GetTxClass(plane_tx_type_);
    const int16_t* scan = GetScan(tx_sz, plane_tx_type_);
    const int eob_multisize =
        std::min<int>(Tx_Width_Log2[tx_sz], 5) + std::min<int>(Tx_Height_Log2[tx_sz], 5) - 4;
    const int ectx = tx_class == TX_CLASS_2D ? 0 : 1;
    int eob_pt;
    switch (eob_multisize) {
      case 0: eob_pt = sd_->ReadSymbol(cdf_->eob_pt_16_cdf[ptype][ectx]) + 1; break;
      case 1: eob_pt = sd_->ReadSymbol(cdf_->eob_pt_32_cdf[ptype][ectx]) + 1; break;
      case 2: eob_pt = sd_->ReadSymbol(cdf_->eob_pt_64_cdf[ptype][ectx]) + 1; break;
      case 3: eob_pt = sd_->ReadSymbol(cdf_->eob_pt_128_cdf[ptype][ectx]) + 1; break;
      case 4: eob_pt = sd_->ReadSymbol(cdf_->eob_pt_256_cdf[ptype][ectx]) + 1; break;
      case 5: eob_pt = sd_->ReadSymbol(cdf_->eob_pt_512_cdf[ptype]) + 1; break;
      default: eob_pt = sd_->ReadSymbol(cdf_->eob_pt_1024_cdf[ptype]) + 1; break;
    }
    eob = (eob_pt < 2) ? eob_pt : ((1 << (eob_pt - 2)) + 1);
    int eob_shift = std::max(-1, eob_pt - 3);
    if (eob_shift >= 0) {
      if (sd_->ReadSymbol(cdf_->eob_extra_cdf[tx_sz_ctx][ptype][eob_pt - 3])) {
        eob += 1 << eob_shift;
      }
      for (int i = 1; i < std::max(0, eob_pt - 2); ++i) {
        eob_shift = std::max(0, eob_pt - 2) - 1 - i;
        if (sd_->ReadLiteral(1)) eob += 1 << eob_shift;
      }
    }
    // eob <= seg_eob holds for every eob_pt the CDFs can produce.
    const int adj_tx_sz = Adjusted_Tx_Size[tx_sz];
    const int bwl = Tx_Width_Log2[adj_tx_sz];
    const int width = 1 << bwl;
    const int height = Tx_Height[adj_tx_sz];
    for (int c = eob - 1; c >= 0; --c) {
      const int pos = scan[c];
      int level;
      if (c == eob - 1) {
        // get_coeff_base_ctx( ..., isEob = 1 )
        int bctx;
        if (c == 0) {
          bctx = 0;
        } else if (c <= (height << bwl) / 8) {
          bctx = 1;
        } else if (c <= (height << bwl) / 4) {
          bctx = 2;
        } else {
          bctx = 3;
        }
        level = sd_->ReadSymbol(cdf_->coeff_base_eob_cdf[tx_sz_ctx][ptype][bctx]) + 1;
      } else {
        // get_coeff_base_ctx( ..., isEob = 0 )
        const int row = pos >> bwl;
        const int col = pos - (row << bwl);
        int mag = 0;
        for (int idx = 0; idx < SIG_REF_DIFF_OFFSET_NUM; ++idx) {
          const int ref_row = row + Sig_Ref_Diff_Offset[tx_class][idx][0];
          const int ref_col = col + Sig_Ref_Diff_Offset[tx_class][idx][1];
          if (ref_row >= 0 && ref_col >= 0 && ref_row < height && ref_col < width) {
            mag += std::min(std::abs(quant_[(ref_row << bwl) + ref_col]), 3);
          }
        }
        int bctx = std::min((mag + 1) >> 1, 4);
        if (tx_class == TX_CLASS_2D) {
          if (row == 0 && col == 0) {
            bctx = 0;
          } else {
            bctx += Coeff_Base_Ctx_Offset[tx_sz][std::min(row, 4)][std::min(col, 4)];
          }
        } else {
          const int idx = tx_class == TX_CLASS_VERT ? row : col;
          bctx += Coeff_Base_Pos_Ctx_Offset[std::min(idx, 2)];
        }
        level = sd_->ReadSymbol(cdf_->coeff_base_cdf[tx_sz_ctx][ptype][bctx]);
      }
      if (level > NUM_BASE_LEVELS) {
        // 8.3.2 coeff_br ctx.
        const int row = pos >> bwl;
        const int col = pos - (row << bwl);
        int mag = 0;
        for (int idx = 0; idx < 3; ++idx) {
          const int ref_row = row + Mag_Ref_Offset_With_Tx_Class[tx_class][idx][0];
          const int ref_col = col + Mag_Ref_Offset_With_Tx_Class[tx_class][idx][1];
          if (ref_row >= 0 && ref_col >= 0 && ref_row < height && ref_col < width) {
            mag += std::min(quant_[ref_row * width + ref_col],
                            COEFF_BASE_RANGE + NUM_BASE_LEVELS + 1);
          }
        }
        mag = std::min((mag + 1) >> 1, 6);
        int rctx;
        if (pos == 0) {
          rctx = mag;
        } else if (tx_class == TX_CLASS_2D) {
          rctx = (row < 2 && col < 2) ? mag + 7 : mag + 14;
        } else if (tx_class == TX_CLASS_HORIZ) {
          rctx = col == 0 ? mag + 7 : mag + 14;
        } else {
          rctx = row == 0 ? mag + 7 : mag + 14;
        }
        uint16_t* br_cdf = cdf_->coeff_br_cdf[std::min(tx_sz_ctx, static_cast<int>(TX_32X32))]
                                             [ptype][rctx];
        for (int idx = 0; idx < COEFF_BASE_RANGE / (BR_CDF_SIZE - 1); ++idx) {
          const int coeff_br = sd_->ReadSymbol(br_cdf, BR_CDF_SIZE);
          level += coeff_br;
          if (coeff_br < BR_CDF_SIZE - 1) break;
        }
      }
      quant_[pos] = level;
    }
    for (int c = 0; c < eob; ++c) {
      const int pos = scan[c];
      int sign = 0;
      if (quant_[pos] != 0) {
        if (c == 0) {
          // 8.3.2 dc_sign ctx.
          int dc_sign = 0;
          for (int k = 0; k < w4; ++k) {
            if (x4 + k < max_x4) {
              const int s = above_dc[x4 + k];
              if (s == 1) --dc_sign;
              else if (s == 2) ++dc_sign;
            }
          }
          for (int k = 0; k < h4; ++k) {
            if (y4 + k < max_y4) {
              const int s = left_dc[y4 + k];
              if (s == 1) --dc_sign;
              else if (s == 2) ++dc_sign;
            }
          }
          const int sctx = dc_sign < 0 ? 1 : dc_sign > 0 ? 2 : 0;
          sign = sd_->ReadSymbol(cdf_->dc_sign_cdf[ptype][sctx]);
        } else {
          sign = static_cast<int>(sd_->ReadLiteral(1));
        }
      }
      if (quant_[pos] > NUM_BASE_LEVELS + COEFF_BASE_RANGE) {
        quant_[pos] = static_cast<int32_t>(sd_->ReadGolomb()) + COEFF_BASE_RANGE + NUM_BASE_LEVELS;
      }
      if (pos == 0 && quant_[pos] > 0) dc_category = sign ? 1 : 2;
      quant_[pos] &= 0xFFFFF;
      cul_level += quant_[pos];
      if (sign) quant_[pos] = -quant_[pos];
    }
    cul_level = std::min(63, cul_level);
  }
  for (int i = 0; i < w4; ++i) {
    above_level[x4 + i] = static_cast<uint8_t>(cul_level);
    above_dc[x4 + i] = static_cast<uint8_t>(dc_category);
  }
  for (int i = 0; i < h4; ++i) {
    left_level[y4 + i] = static_cast<uint8_t>(cul_level);
    left_dc[y4 + i] = static_cast<uint8_t>(dc_category);
  }
  return eob;
}

}  // namespace hav1::tile
