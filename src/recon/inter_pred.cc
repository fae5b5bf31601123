// 7.11.3 inter prediction of inter blocks (see inter_pred.h).
#include "src/recon/inter_pred.h"

#include <algorithm>

#include "src/common/intops.h"
#include "src/recon/inter_masks.h"
#include "src/recon/inter_tables.h"
#include "src/recon/warp.h"
#include "src/tile/tile_constants.h"

namespace hav1::recon {
namespace {

constexpr int kFilterBits = 7;  // FILTER_BITS
constexpr int kNoScale = 1 << tile::REF_SCALE_SHIFT;

bool IsGlobalMode(int y_mode) {
  return y_mode == tile::GLOBALMV || y_mode == tile::GLOBAL_GLOBALMV;
}

// The Subpel_Filters set of 7.11.3.4 for one direction, with the switch to
// the 4-tap filters for sizes <= 4.
int FilterIndex(int interp_filter, int size) {
  if (size <= 4) {
    if (interp_filter == EIGHTTAP || interp_filter == EIGHTTAP_SHARP) return 4;
    if (interp_filter == EIGHTTAP_SMOOTH) return 5;
  }
  return interp_filter;
}

}  // namespace

// 7.11.3.3 motion vector scaling process.
McPosition ScaleMotionVector(int x, int y, int mv_row, int mv_col, int sub_x, int sub_y,
                             int ref_upscaled_width, int ref_frame_height, int frame_width,
                             int frame_height) {
  using tile::REF_SCALE_SHIFT;
  using tile::SCALE_SUBPEL_BITS;
  using tile::SUBPEL_BITS;
  const int64_t x_scale =
      ((int64_t{ref_upscaled_width} << REF_SCALE_SHIFT) + (frame_width / 2)) / frame_width;
  const int64_t y_scale =
      ((int64_t{ref_frame_height} << REF_SCALE_SHIFT) + (frame_height / 2)) / frame_height;
  const int half_sample = 1 << (SUBPEL_BITS - 1);
  const int64_t orig_x =
      (int64_t{x} << SUBPEL_BITS) + ((2 * mv_col) >> sub_x) + half_sample;
  const int64_t orig_y =
      (int64_t{y} << SUBPEL_BITS) + ((2 * mv_row) >> sub_y) + half_sample;
  const int64_t base_x = orig_x * x_scale - (int64_t{half_sample} << REF_SCALE_SHIFT);
  const int64_t base_y = orig_y * y_scale - (int64_t{half_sample} << REF_SCALE_SHIFT);
  const int off = (1 << (SCALE_SUBPEL_BITS - SUBPEL_BITS)) / 2;
  const int shift = REF_SCALE_SHIFT + SUBPEL_BITS - SCALE_SUBPEL_BITS;
  McPosition p;
  p.start_x = Round2Signed(base_x, shift) + off;
  p.start_y = Round2Signed(base_y, shift) + off;
  p.step_x = static_cast<int>(Round2Signed(x_scale, REF_SCALE_SHIFT - SCALE_SUBPEL_BITS));
  p.step_y = static_cast<int>(Round2Signed(y_scale, REF_SCALE_SHIFT - SCALE_SUBPEL_BITS));
  return p;
}

// 7.11.3.2 rounding variables derivation process.
InterRounding RoundingVariables(bool is_compound, int bitdepth) {
  InterRounding r;
  r.round0 = 3;
  r.round1 = is_compound ? 7 : 11;
  if (bitdepth == 12) r.round0 += 2;
  if (bitdepth == 12 && !is_compound) r.round1 -= 2;
  r.post_round = 2 * kFilterBits - (r.round0 + r.round1);
  return r;
}

template <typename Pixel>
InterPredictor<Pixel>::InterPredictor(const SequenceHeader& seq, const FrameHeader& hdr,
                                      const McTable<Pixel>& mc,
                                      const tile::FrameBlockInfo& blocks, const InterRefs& refs,
                                      ReconFrame<Pixel>* frame)
    : seq_(seq),
      hdr_(hdr),
      mc_(mc),
      blocks_(blocks),
      refs_(refs),
      frame_(frame),
      bitdepth_(seq.color_config.BitDepth),
      sub_x_(seq.color_config.subsampling_x),
      sub_y_(seq.color_config.subsampling_y) {}

template <typename Pixel>
bool InterPredictor<Pixel>::GetRefPlane(int ref_frame, int plane, RefPlane* out) {
  if (ref_frame < LAST_FRAME || ref_frame > ALTREF_FRAME) {
    return Fail("inter block with a reference frame out of range");
  }
  const int ref_idx = hdr_.ref_frame_idx[ref_frame - LAST_FRAME];
  if (ref_idx < 0 || ref_idx >= hav1::NUM_REF_FRAMES) return Fail("ref_frame_idx out of range");
  const InterRefPicture& pic = refs_[ref_idx];
  if (!pic.valid || pic.data[plane] == nullptr || pic.upscaled_width <= 0 ||
      pic.frame_height <= 0 || pic.stride[plane] <= 0 ||
      pic.stride[plane] % static_cast<ptrdiff_t>(sizeof(Pixel)) != 0) {
    return Fail("inter block referencing an empty reference slot");
  }
  // Requirements of bitstream conformance of 7.11.3.3 (they bound the steps).
  if (2 * hdr_.FrameWidth < pic.upscaled_width || 2 * hdr_.FrameHeight < pic.frame_height ||
      hdr_.FrameWidth > 16 * pic.upscaled_width || hdr_.FrameHeight > 16 * pic.frame_height) {
    return Fail("reference frame size ratio out of range");
  }
  const int sx = plane ? sub_x_ : 0, sy = plane ? sub_y_ : 0;
  out->data = reinterpret_cast<const Pixel*>(pic.data[plane]);
  out->stride = pic.stride[plane] / static_cast<ptrdiff_t>(sizeof(Pixel));
  out->upscaled_width = pic.upscaled_width;
  out->frame_height = pic.frame_height;
  out->last_x = ((pic.upscaled_width + sx) >> sx) - 1;
  out->last_y = ((pic.frame_height + sy) >> sy) - 1;
  return true;
}

// is_scaled( refFrame ) (5.11.27).
template <typename Pixel>
bool InterPredictor<Pixel>::IsScaled(const RefPlane& ref) const {
  const int64_t x_scale =
      ((int64_t{ref.upscaled_width} << tile::REF_SCALE_SHIFT) + (hdr_.FrameWidth / 2)) /
      hdr_.FrameWidth;
  const int64_t y_scale =
      ((int64_t{ref.frame_height} << tile::REF_SCALE_SHIFT) + (hdr_.FrameHeight / 2)) /
      hdr_.FrameHeight;
  return x_scale != kNoScale || y_scale != kNoScale;
}

template <typename Pixel>
bool InterPredictor<Pixel>::BeginBlock(const tile::BlockParams& block) {
  const tile::BlockInfo& b = *block.info;
  local_valid_ = false;
  mask_ready_ = false;
  if (block.inter == nullptr) return Fail("inter block without inter parameters");
  if (b.mi_size >= tile::BLOCK_SIZES) return Fail("block size out of range");
  if (hdr_.FrameWidth <= 0 || hdr_.FrameHeight <= 0) return Fail("frame size is zero");
  if (mc_.put == nullptr || mc_.put_scaled == nullptr || mc_.write == nullptr ||
      mc_.avg == nullptr || mc_.dist == nullptr) {
    return Fail("mc kernels missing");
  }
  if (preds_[0].empty()) {
    for (auto& p : preds_) p.assign(static_cast<size_t>(kPredStride) * tile::MAX_SB_SIZE, 0);
    mask_.assign(static_cast<size_t>(kPredStride) * tile::MAX_SB_SIZE, 0);
    scratch_.assign(McScratchSize(), 0);
    edge_.assign(static_cast<size_t>(tile::MAX_SB_SIZE + 7) * (tile::MAX_SB_SIZE + 7), 0);
    obmc_pred_.assign(static_cast<size_t>(kPredStride) * tile::MAX_SB_SIZE, 0);
  }
  if (b.motion_mode == tile::LOCALWARP) {
    // Steps 2 and 3 of 7.11.3.1 (done once, for plane 0).
    const tile::InterBlockParams& ip = *block.inter;
    if (ip.num_samples < 1 || ip.num_samples > tile::LEAST_SQUARES_SAMPLES_MAX) {
      return Fail("LOCALWARP block without warp samples");
    }
    local_valid_ = WarpEstimation(ip.cand_list, ip.num_samples, block.mi_row, block.mi_col,
                                  b.mi_size, b.mv[0].row, b.mv[0].col, local_warp_params_);
    if (local_valid_) {
      int alpha, beta, gamma, delta;
      local_valid_ = SetupShear(local_warp_params_, &alpha, &beta, &gamma, &delta);
    }
  } else if (b.motion_mode > tile::LOCALWARP) {
    return Fail("motion_mode out of range");
  }
  return true;
}

// 5.11.33 compute_prediction, the is_inter part for one plane.
template <typename Pixel>
bool InterPredictor<Pixel>::PredictPlane(const tile::BlockParams& block, int plane) {
  const tile::BlockInfo& b = *block.info;
  const int sx = plane ? sub_x_ : 0, sy = plane ? sub_y_ : 0;
  const int plane_sz = tile::Subsampled_Size[b.mi_size][sx][sy];
  if (plane_sz >= tile::BLOCK_SIZES) return Fail("invalid chroma block size");
  const int num4x4_w = tile::Num_4x4_Blocks_Wide[plane_sz];
  const int num4x4_h = tile::Num_4x4_Blocks_High[plane_sz];
  const int base_x = (block.mi_col >> sx) * 4;
  const int base_y = (block.mi_row >> sy) * 4;
  int cand_row = (block.mi_row >> sy) << sy;
  int cand_col = (block.mi_col >> sx) << sx;
  int pred_w = tile::Block_Width(b.mi_size) >> sx;
  int pred_h = tile::Block_Height(b.mi_size) >> sy;
  bool some_use_intra = false;
  for (int r = 0; r < (num4x4_h << sy); ++r) {
    for (int c = 0; c < (num4x4_w << sx); ++c) {
      const int rr = cand_row + r, cc = cand_col + c;
      if (rr >= blocks_.mi_rows() || cc >= blocks_.mi_cols() ||
          blocks_.at(rr, cc).ref_frame[0] == INTRA_FRAME) {
        // Positions outside the frame cannot hold an inter block: treat
        // them as intra (only reachable with a broken grid).
        some_use_intra = true;
      }
    }
  }
  if (some_use_intra) {
    pred_w = num4x4_w * 4;
    pred_h = num4x4_h * 4;
    cand_row = block.mi_row;
    cand_col = block.mi_col;
  }
  if (pred_w < 2 || pred_h < 2) return Fail("inter prediction block too small");
  int r = 0;
  for (int y = 0; y < num4x4_h * 4; y += pred_h) {
    int c = 0;
    for (int x = 0; x < num4x4_w * 4; x += pred_w) {
      if (!PredictInter(block, plane, base_x + x, base_y + y, pred_w, pred_h, cand_row + r,
                        cand_col + c)) {
        return false;
      }
      c++;
    }
    r++;
  }
  return true;
}

// 7.11.3.4 block inter prediction process.
template <typename Pixel>
void InterPredictor<Pixel>::BlockInterPrediction(const RefPlane& ref, const McPosition& pos,
                                                 int w, int h, const tile::BlockInfo& cand,
                                                 int32_t* pred) {
  const InterRounding rnd = current_rounding_;
  const int fx = FilterIndex(cand.interp_filter[1], w);
  const int fy = FilterIndex(cand.interp_filter[0], h);
  const int scale = 1 << tile::SCALE_SUBPEL_BITS;
  if (pos.step_x != scale || pos.step_y != scale) {
    mc_.put_scaled(pred, kPredStride, ref.data, ref.stride, ref.last_x, ref.last_y, pos.start_x,
                   pos.start_y, pos.step_x, pos.step_y, w, h, Subpel_Filters[fx],
                   Subpel_Filters[fy], rnd.round0, rnd.round1, scratch_.data());
    return;
  }
  const int64_t ix = pos.start_x >> 10, iy = pos.start_y >> 10;
  const int16_t* filter_x = Subpel_Filters[fx][(pos.start_x >> 6) & tile::SUBPEL_MASK];
  const int16_t* filter_y = Subpel_Filters[fy][(pos.start_y >> 6) & tile::SUBPEL_MASK];
  if (ix - 3 >= 0 && iy - 3 >= 0 && ix + w + 3 <= ref.last_x && iy + h + 3 <= ref.last_y) {
    mc_.put(pred, kPredStride, ref.data + iy * ref.stride + ix, ref.stride, w, h, filter_x,
            filter_y, rnd.round0, rnd.round1, scratch_.data());
    return;
  }
  // Near the reference's edges: the samples the filters read, clamped to
  // lastX / lastY as in the spec, copied into edge_.
  const int ew = w + 7, eh = h + 7;
  // Columns c < left read column 0, c >= right column lastX, the rest
  // ref[ ][ ix - 3 + c ] unclamped.
  const int64_t x0 = ix - 3;
  const int left = static_cast<int>(Clip3<int64_t>(0, ew, -x0));
  const int right = static_cast<int>(Clip3<int64_t>(left, ew, ref.last_x + 1 - x0));
  for (int r = 0; r < eh; ++r) {
    const int64_t ry = Clip3<int64_t>(0, ref.last_y, iy - 3 + r);
    const Pixel* row = ref.data + ry * ref.stride;
    Pixel* out = edge_.data() + static_cast<ptrdiff_t>(r) * ew;
    std::fill(out, out + left, row[0]);
    if (right > left) std::copy(row + x0 + left, row + x0 + right, out + left);
    std::fill(out + right, out + ew, row[ref.last_x]);
  }
  mc_.put(pred, kPredStride, edge_.data() + 3 * ew + 3, ew, w, h, filter_x, filter_y,
          rnd.round0, rnd.round1, scratch_.data());
}

// 7.11.3.1 general inter prediction process.
template <typename Pixel>
bool InterPredictor<Pixel>::PredictInter(const tile::BlockParams& block, int plane, int x,
                                         int y, int w, int h, int cand_row, int cand_col) {
  const tile::BlockInfo& b = *block.info;
  const tile::InterBlockParams& ip = *block.inter;
  if (cand_row < 0 || cand_col < 0 || cand_row >= blocks_.mi_rows() ||
      cand_col >= blocks_.mi_cols()) {
    return Fail("inter prediction candidate outside the frame");
  }
  ReconPlane<Pixel>& pl = frame_->plane(plane);
  if (w > kPredStride || h > tile::MAX_SB_SIZE || x < 0 || y < 0 || x + w > pl.width ||
      y + h > pl.height) {
    return Fail("inter prediction block outside the frame");
  }
  const tile::BlockInfo& cand = blocks_.at(cand_row, cand_col);
  const int sx = plane ? sub_x_ : 0, sy = plane ? sub_y_ : 0;
  const bool is_compound = cand.ref_frame[1] > INTRA_FRAME;
  const bool is_inter_intra = b.ref_frame[1] == INTRA_FRAME;
  current_rounding_ = RoundingVariables(is_compound, bitdepth_);
  const InterRounding rnd = current_rounding_;
  if (cand.interp_filter[0] > BILINEAR || cand.interp_filter[1] > BILINEAR) {
    return Fail("interpolation filter out of range");
  }

  for (int ref_list = 0; ref_list < 1 + is_compound; ++ref_list) {
    const int ref_frame = cand.ref_frame[ref_list];
    RefPlane ref;
    if (!GetRefPlane(ref_frame, plane, &ref)) return false;
    const bool global_mode = IsGlobalMode(b.y_mode);
    const int gm_type = hdr_.GmType[ref_frame];
    bool global_valid = false;
    if (global_mode && gm_type > hav1::TRANSLATION) {
      int alpha, beta, gamma, delta;
      global_valid = SetupShear(hdr_.gm_params[ref_frame], &alpha, &beta, &gamma, &delta);
    }
    int use_warp = 0;
    if (w < 8 || h < 8) {
      use_warp = 0;
    } else if (hdr_.force_integer_mv) {
      use_warp = 0;
    } else if (b.motion_mode == tile::LOCALWARP && local_valid_) {
      use_warp = 1;
    } else if (global_mode && gm_type > hav1::TRANSLATION && !IsScaled(ref) && global_valid) {
      use_warp = 2;
    }
    int32_t* pred = preds_[ref_list].data();
    if (use_warp != 0) {
      WarpRefPlane<Pixel> wref;
      wref.data = ref.data;
      wref.stride = ref.stride;
      wref.last_x = ref.last_x;
      wref.last_y = ref.last_y;
      const int32_t* params = use_warp == 1 ? local_warp_params_ : hdr_.gm_params[ref_frame];
      for (int i8 = 0; i8 <= (h - 1) >> 3; ++i8) {
        for (int j8 = 0; j8 <= (w - 1) >> 3; ++j8) {
          BlockWarp(wref, params, x, y, i8, j8, sx, sy, bitdepth_, rnd.round0, rnd.round1, pred,
                    kPredStride);
        }
      }
    } else {
      const tile::Mv mv = cand.mv[ref_list];
      const McPosition pos = ScaleMotionVector(x, y, mv.row, mv.col, sx, sy, ref.upscaled_width,
                                               ref.frame_height, hdr_.FrameWidth,
                                               hdr_.FrameHeight);
      BlockInterPrediction(ref, pos, w, h, cand, pred);
    }
  }

  // The Mask.
  const int compound_type = ip.compound_type;
  if (compound_type < tile::COMPOUND_WEDGE || compound_type > tile::COMPOUND_DISTANCE) {
    return Fail("compound_type out of range");
  }
  const bool blend_with_mask =
      (is_compound || is_inter_intra) && compound_type != tile::COMPOUND_AVERAGE &&
      compound_type != tile::COMPOUND_DISTANCE;
  if (compound_type == tile::COMPOUND_WEDGE && plane == 0) {
    if (!WedgeMask(b.mi_size, ip.wedge_sign, ip.wedge_index, w, h, mask_.data(), kPredStride)) {
      return Fail("wedge mask for a block size without wedges");
    }
    mask_ready_ = true;
  } else if (compound_type == tile::COMPOUND_INTRA) {
    if (ip.interintra_mode < tile::II_DC_PRED || ip.interintra_mode > tile::II_SMOOTH_PRED) {
      return Fail("interintra_mode out of range");
    }
    IntraModeVariantMask(ip.interintra_mode, w, h, mask_.data(), kPredStride);
  } else if (compound_type == tile::COMPOUND_DIFFWTD && plane == 0) {
    if (!is_compound) return Fail("COMPOUND_DIFFWTD on a single reference block");
    DifferenceWeightMask(preds_[0].data(), preds_[1].data(), kPredStride, w, h, ip.mask_type,
                         bitdepth_, rnd.post_round, mask_.data(), kPredStride);
    mask_ready_ = true;
  }
  if (blend_with_mask && compound_type != tile::COMPOUND_INTRA && !mask_ready_) {
    return Fail("mask blend without a luma mask");
  }
  if (blend_with_mask && compound_type == tile::COMPOUND_INTRA && is_compound) {
    return Fail("COMPOUND_INTRA on a compound block");
  }

  Pixel* dst = pl.at(x, y);
  if (!is_compound && !is_inter_intra) {
    mc_.write(dst, pl.stride, preds_[0].data(), kPredStride, w, h, rnd.post_round, bitdepth_);
  } else if (compound_type == tile::COMPOUND_AVERAGE) {
    if (!is_compound) return Fail("compound average on a single reference block");
    mc_.avg(dst, pl.stride, preds_[0].data(), preds_[1].data(), kPredStride, w, h,
            rnd.post_round, bitdepth_);
  } else if (compound_type == tile::COMPOUND_DISTANCE) {
    if (!is_compound) return Fail("compound distance on a single reference block");
    const int refs[2] = {cand.ref_frame[0], cand.ref_frame[1]};
    int fwd = 0, bck = 0;
    DistanceWeights(seq_, hdr_, refs, &fwd, &bck);
    mc_.dist(dst, pl.stride, preds_[0].data(), preds_[1].data(), kPredStride, w, h, fwd, bck,
             rnd.post_round, bitdepth_);
  } else {
    MaskBlend<Pixel>(preds_[0].data(), preds_[1].data(), kPredStride, mask_.data(), kPredStride,
                     sx, sy, is_inter_intra, is_inter_intra && ip.wedge_interintra != 0, w, h,
                     bitdepth_, rnd.post_round, dst, pl.stride);
  }

  if (b.motion_mode == tile::OBMC) return OverlappedMotionCompensation(block, plane, w, h);
  return true;
}

// 7.11.3.9 overlapped motion compensation process.
template <typename Pixel>
bool InterPredictor<Pixel>::OverlappedMotionCompensation(const tile::BlockParams& block,
                                                         int plane, int w, int h) {
  const tile::BlockInfo& b = *block.info;
  const int sx = plane ? sub_x_ : 0, sy = plane ? sub_y_ : 0;
  const int mi_row = block.mi_row, mi_col = block.mi_col;
  const int mi_size = b.mi_size;
  const int mi_rows = std::min(hdr_.MiRows, blocks_.mi_rows());
  const int mi_cols = std::min(hdr_.MiCols, blocks_.mi_cols());
  if (block.avail_u && mi_row >= 1) {
    if (tile::Subsampled_Size[mi_size][sx][sy] >= tile::BLOCK_8X8) {
      const int w4 = tile::Num_4x4_Blocks_Wide[mi_size];
      int x4 = mi_col;
      const int y4 = mi_row;
      int n_count = 0;
      const int n_limit = std::min<int>(4, tile::Mi_Width_Log2[mi_size]);
      while (n_count < n_limit && x4 < std::min(mi_cols, mi_col + w4)) {
        const int cand_row = mi_row - 1;
        const int cand_col = x4 | 1;
        if (cand_col >= blocks_.mi_cols()) return Fail("OBMC candidate outside the frame");
        const tile::BlockInfo& cand = blocks_.at(cand_row, cand_col);
        if (cand.mi_size >= tile::BLOCK_SIZES) return Fail("block size out of range");
        const int step4 = Clip3(2, 16, static_cast<int>(tile::Num_4x4_Blocks_Wide[cand.mi_size]));
        if (cand.ref_frame[0] > INTRA_FRAME) {
          n_count++;
          const int pred_w = std::min(w, (step4 * 4) >> sx);
          const int pred_h = std::min(h >> 1, 32 >> sy);
          const uint8_t* mask = ObmcMask(pred_h);
          if (mask == nullptr) return Fail("OBMC mask length out of range");
          if (!PredictOverlap(plane, cand_row, cand_col, x4, y4, pred_w, pred_h, 0, mask)) {
            return false;
          }
        }
        x4 += step4;
      }
    }
  }
  if (block.avail_l && mi_col >= 1) {
    const int h4 = tile::Num_4x4_Blocks_High[mi_size];
    const int x4 = mi_col;
    int y4 = mi_row;
    int n_count = 0;
    const int n_limit = std::min<int>(4, tile::Mi_Height_Log2[mi_size]);
    while (n_count < n_limit && y4 < std::min(mi_rows, mi_row + h4)) {
      const int cand_col = mi_col - 1;
      const int cand_row = y4 | 1;
      if (cand_row >= blocks_.mi_rows()) return Fail("OBMC candidate outside the frame");
      const tile::BlockInfo& cand = blocks_.at(cand_row, cand_col);
      if (cand.mi_size >= tile::BLOCK_SIZES) return Fail("block size out of range");
      const int step4 = Clip3(2, 16, static_cast<int>(tile::Num_4x4_Blocks_High[cand.mi_size]));
      if (cand.ref_frame[0] > INTRA_FRAME) {
        n_count++;
        const int pred_w = std::min(w >> 1, 32 >> sx);
        const int pred_h = std::min(h, (step4 * 4) >> sy);
        const uint8_t* mask = ObmcMask(pred_w);
        if (mask == nullptr) return Fail("OBMC mask length out of range");
        if (!PredictOverlap(plane, cand_row, cand_col, x4, y4, pred_w, pred_h, 1, mask)) {
          return false;
        }
      }
      y4 += step4;
    }
  }
  return true;
}

// predict_overlap of 7.11.3.9.
template <typename Pixel>
bool InterPredictor<Pixel>::PredictOverlap(int plane, int cand_row, int cand_col, int x4,
                                           int y4, int pred_w, int pred_h, int pass,
                                           const uint8_t* mask) {
  const tile::BlockInfo& cand = blocks_.at(cand_row, cand_col);
  const int sx = plane ? sub_x_ : 0, sy = plane ? sub_y_ : 0;
  if (cand.interp_filter[0] > BILINEAR || cand.interp_filter[1] > BILINEAR) {
    return Fail("interpolation filter out of range");
  }
  RefPlane ref;
  if (!GetRefPlane(cand.ref_frame[0], plane, &ref)) return false;
  const int pred_x = (x4 * 4) >> sx;
  const int pred_y = (y4 * 4) >> sy;
  ReconPlane<Pixel>& pl = frame_->plane(plane);
  if (pred_w < 1 || pred_h < 1 || pred_x + pred_w > pl.width || pred_y + pred_h > pl.height) {
    return Fail("OBMC block outside the frame");
  }
  const McPosition pos = ScaleMotionVector(pred_x, pred_y, cand.mv[0].row, cand.mv[0].col, sx,
                                           sy, ref.upscaled_width, ref.frame_height,
                                           hdr_.FrameWidth, hdr_.FrameHeight);
  // OBMC blocks are single prediction blocks: the rounding variables are
  // those of isCompound = 0 (InterPostRound 0, so Clip1 is the whole step 7).
  current_rounding_ = RoundingVariables(false, bitdepth_);
  int32_t* pred = preds_[1].data();
  BlockInterPrediction(ref, pos, pred_w, pred_h, cand, pred);
  mc_.write(obmc_pred_.data(), kPredStride, pred, kPredStride, pred_w, pred_h, 0, bitdepth_);
  OverlapBlend<Pixel>(obmc_pred_.data(), kPredStride, pred_w, pred_h, pass, mask,
                      pl.at(pred_x, pred_y), pl.stride);
  return true;
}

template class InterPredictor<uint8_t>;
template class InterPredictor<uint16_t>;

}  // namespace hav1::recon
