// Intra frame reconstruction: transform_block's prediction and reconstruct
// steps (5.11.35, 7.11.2, 7.11.4, 7.11.5, 7.12.3).
#include "src/recon/intra_recon.h"

#include <algorithm>
#include <type_traits>

#include "src/common/intops.h"
#include "src/dsp/ipred_predict.h"
#include "src/recon/dequant.h"
#include "src/recon/intrabc.h"
#include "src/tile/tile_constants.h"

namespace hav1::recon {
namespace {

// Spec symbols (section 3 / y_mode semantics).
constexpr int kDcPred = 0;
constexpr int kSmoothPred = 9;
constexpr int kSmoothHPred = 11;
constexpr int kUvCflPred = 13;
constexpr int kIdtx = 9;
constexpr int kIntraFrame = 0;
constexpr int kBlockSizes = 22;  // BLOCK_SIZES
// Mi_Width_Log2 / Mi_Height_Log2 (section 10): log2 of the block size in
// 4x4 units, indexed by MiSize.
constexpr int kBlockWidthLog2[kBlockSizes] = {0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3,
                                              4, 4, 4, 5, 5, 0, 2, 1, 3, 2, 4};
constexpr int kBlockHeightLog2[kBlockSizes] = {0, 1, 0, 1, 2, 1, 2, 3, 2, 3, 4,
                                               3, 4, 5, 4, 5, 2, 0, 3, 1, 4, 2};

template <typename Pixel>
const IpredTable<Pixel>& IpredOf(const DspTables& t) {
  if constexpr (std::is_same_v<Pixel, uint8_t>) {
    return t.ipred.lowbd;
  } else {
    return t.ipred.highbd;
  }
}
template <typename Pixel>
const McTable<Pixel>& McOf(const DspTables& t) {
  if constexpr (std::is_same_v<Pixel, uint8_t>) {
    return t.mc.lowbd;
  } else {
    return t.mc.highbd;
  }
}
template <typename Pixel>
const ItxTable<Pixel>& ItxOf(const DspTables& t) {
  if constexpr (std::is_same_v<Pixel, uint8_t>) {
    return t.itx.lowbd;
  } else {
    return t.itx.highbd;
  }
}

bool IsSmooth(int mode) { return mode >= kSmoothPred && mode <= kSmoothHPred; }

}  // namespace

template <typename Pixel>
IntraReconstructor<Pixel>::IntraReconstructor(const SequenceHeader& seq, const FrameHeader& hdr,
                                              const DspTables& tables,
                                              const tile::FrameBlockInfo& blocks,
                                              const InterRefs& refs, ReconFrame<Pixel>* frame)
    : seq_(seq),
      hdr_(hdr),
      ipred_(IpredOf<Pixel>(tables)),
      itx_(ItxOf<Pixel>(tables)),
      blocks_(blocks),
      refs_(refs),
      frame_(frame),
      bitdepth_(seq.color_config.BitDepth),
      sub_x_(seq.color_config.subsampling_x),
      sub_y_(seq.color_config.subsampling_y),
      inter_(seq, hdr, McOf<Pixel>(tables), blocks, refs, frame) {}

template <typename Pixel>
void IntraReconstructor<Pixel>::OnBlock(const tile::BlockParams& block) {
  // compute_prediction (5.11.33): intra blocks predict per transform block;
  // inter blocks (and intrabc blocks) are predicted here, whole.
  if (block.info == nullptr || !block.info->is_inter || failed_) return;
  const tile::BlockInfo& b = *block.info;
  if (b.mi_size >= kBlockSizes) {
    Fail("block size out of range");
    return;
  }
  if (b.use_intrabc) {
    PredictIntrabcBlock(block);
  } else if (hdr_.FrameIsIntra) {
    Fail("inter block in an intra frame");
  } else {
    PredictInterBlock(block);
  }
}

template <typename Pixel>
void IntraReconstructor<Pixel>::PredictIntrabcBlock(const tile::BlockParams& block) {
  const tile::BlockInfo& b = *block.info;
  const int num_planes = block.has_chroma ? frame_->num_planes() : 1;
  for (int plane = 0; plane < num_planes; ++plane) {
    const int sx = plane ? sub_x_ : 0, sy = plane ? sub_y_ : 0;
    // In intra frames every RefFrames[ ][ ][ 0 ] is INTRA_FRAME, so
    // someUseIntra is 1: one prediction of the plane residual size with
    // the block's own motion vector.
    IntrabcBlock ib;
    ib.plane = plane;
    ib.w = std::max(4, (4 << kBlockWidthLog2[b.mi_size]) >> sx);
    ib.h = std::max(4, (4 << kBlockHeightLog2[b.mi_size]) >> sy);
    ib.x = (block.mi_col >> sx) * 4;
    ib.y = (block.mi_row >> sy) * 4;
    ib.mv_row = b.mv[0].row;
    ib.mv_col = b.mv[0].col;
    ib.sub_x = sx;
    ib.sub_y = sy;
    ib.mi_cols = hdr_.MiCols;
    ib.mi_rows = hdr_.MiRows;
    ib.bitdepth = bitdepth_;
    if (!PredictIntrabc(ib, &frame_->plane(plane), &intrabc_scratch_)) {
      Fail("intrabc block outside the frame");
      return;
    }
  }
}

// compute_prediction (5.11.33) for an inter block: per plane, the intra
// prediction of inter-intra blocks, then the inter prediction.
template <typename Pixel>
void IntraReconstructor<Pixel>::PredictInterBlock(const tile::BlockParams& block) {
  const tile::BlockInfo& b = *block.info;
  if (!inter_.BeginBlock(block)) {
    Fail(inter_.error());
    return;
  }
  const int num_planes = block.has_chroma ? frame_->num_planes() : 1;
  const bool is_inter_intra = b.ref_frame[1] == kIntraFrame;
  for (int plane = 0; plane < num_planes; ++plane) {
    if (is_inter_intra) {
      PredictInterIntra(block, plane);
      if (failed_) return;
    }
    if (!inter_.PredictPlane(block, plane)) {
      Fail(inter_.error());
      return;
    }
  }
}

// The predict_intra call of compute_prediction for inter-intra blocks
// (modes DC, V, H and SMOOTH read neither above-right nor below-left
// samples, so haveAboveRt / haveBelowLt do not matter).
template <typename Pixel>
void IntraReconstructor<Pixel>::PredictInterIntra(const tile::BlockParams& block, int plane) {
  const tile::BlockInfo& b = *block.info;
  const int sx = plane ? sub_x_ : 0, sy = plane ? sub_y_ : 0;
  const int plane_sz = tile::Subsampled_Size[b.mi_size][sx][sy];
  if (block.inter == nullptr || plane_sz >= kBlockSizes) {
    Fail("inter-intra block without parameters");
    return;
  }
  const int log2w = 2 + kBlockWidthLog2[plane_sz];
  const int log2h = 2 + kBlockHeightLog2[plane_sz];
  int tx_size = -1;
  for (int t = 0; t < kIpredTxSizes; ++t) {
    if (kTxWidthLog2[t] == log2w && kTxHeightLog2[t] == log2h) tx_size = t;
  }
  int mode = kDcPred;
  switch (block.inter->interintra_mode) {
    case tile::II_DC_PRED: mode = kDcPred; break;
    case tile::II_V_PRED: mode = tile::V_PRED; break;
    case tile::II_H_PRED: mode = tile::H_PRED; break;
    case tile::II_SMOOTH_PRED: mode = kSmoothPred; break;
    default: tx_size = -1; break;
  }
  const int base_x = (block.mi_col >> sx) * 4, base_y = (block.mi_row >> sy) * 4;
  ReconPlane<Pixel>& pl = frame_->plane(plane);
  if (tx_size < 0 || log2w > 5 || log2h > 5 || base_x + (1 << log2w) > pl.width ||
      base_y + (1 << log2h) > pl.height) {
    Fail("inter-intra block size or mode out of range");
    return;
  }
  IntraEdgeGeometry geom;
  geom.w = 1 << log2w;
  geom.h = 1 << log2h;
  geom.have_left = plane == 0 ? block.avail_l : block.avail_l_chroma;
  geom.have_above = plane == 0 ? block.avail_u : block.avail_u_chroma;
  geom.have_above_right = false;
  geom.have_below_left = false;
  geom.frame_px_right = (((hdr_.MiCols * 4) >> sx) - 1) - base_x + 1;
  geom.frame_px_below = (((hdr_.MiRows * 4) >> sy) - 1) - base_y + 1;
  IntraPredParams p;
  p.tx_size = tx_size;
  p.mode = mode;
  p.enable_intra_edge_filter = seq_.enable_intra_edge_filter != 0;
  PredictIntra(ipred_, pl.at(base_x, base_y), pl.stride, geom, p, bitdepth_);
}

// 7.11.2.8 intra filter type process.
template <typename Pixel>
int IntraReconstructor<Pixel>::FilterType(const tile::BlockParams& block, int plane) const {
  const int mi_row = block.mi_row, mi_col = block.mi_col;
  auto is_smooth = [&](int r, int c) {
    if (r < 0 || c < 0 || r >= blocks_.mi_rows() || c >= blocks_.mi_cols()) return false;
    const tile::BlockInfo& b = blocks_.at(r, c);
    if (plane == 0) return IsSmooth(b.y_mode);
    if (b.ref_frame[0] > kIntraFrame) return false;
    return IsSmooth(b.uv_mode);
  };
  bool above = false, left = false;
  if (plane == 0 ? block.avail_u : block.avail_u_chroma) {
    int r = mi_row - 1, c = mi_col;
    if (plane > 0) {
      if (sub_x_ && !(mi_col & 1)) c++;
      if (sub_y_ && (mi_row & 1)) r--;
    }
    above = is_smooth(r, c);
  }
  if (plane == 0 ? block.avail_l : block.avail_l_chroma) {
    int r = mi_row, c = mi_col - 1;
    if (plane > 0) {
      if (sub_x_ && (mi_col & 1)) c--;
      if (sub_y_ && !(mi_row & 1)) r++;
    }
    left = is_smooth(r, c);
  }
  return above || left;
}

// The prediction part of transform_block (5.11.35) for intra blocks.
template <typename Pixel>
void IntraReconstructor<Pixel>::Predict(const tile::BlockParams& block,
                                        const tile::TransformBlockParams& tx) {
  const tile::BlockInfo& b = *block.info;
  const int plane = tx.plane;
  const int sx = plane ? sub_x_ : 0, sy = plane ? sub_y_ : 0;
  ReconPlane<Pixel>& pl = frame_->plane(plane);
  Pixel* dst = pl.at(tx.start_x, tx.start_y);
  const int log2w = kTxWidthLog2[tx.tx_size];
  const int log2h = kTxHeightLog2[tx.tx_size];
  const int w = 1 << log2w, h = 1 << log2h;

  if (b.palette_size[plane > 0] > 0) {
    // 7.11.4 palette prediction.
    const uint16_t* colors = block.palette_colors[plane];
    const uint8_t* map = block.color_map[plane > 0];
    const int base_x = (block.mi_col >> sx) * 4, base_y = (block.mi_row >> sy) * 4;
    const int ox = tx.start_x - base_x, oy = tx.start_y - base_y;
    if (colors == nullptr || map == nullptr || ox < 0 || oy < 0 ||
        ox + w > tile::BlockParams::kColorMapStride ||
        oy + h > tile::BlockParams::kColorMapStride) {
      Fail("palette block outside its colour map");
      return;
    }
    ipred_.palette[tx.tx_size](dst, pl.stride, colors,
                               map + oy * tile::BlockParams::kColorMapStride + ox,
                               tile::BlockParams::kColorMapStride);
    return;
  }

  const bool is_cfl = plane > 0 && b.uv_mode == kUvCflPred;
  const int mode = plane == 0 ? b.y_mode : (is_cfl ? kDcPred : b.uv_mode);
  // maxX / maxY of 7.11.2.
  const int max_x = ((hdr_.MiCols * 4) >> sx) - 1;
  const int max_y = ((hdr_.MiRows * 4) >> sy) - 1;
  IntraEdgeGeometry geom;
  geom.w = w;
  geom.h = h;
  geom.have_left = tx.have_left;
  geom.have_above = tx.have_above;
  geom.have_above_right = tx.have_above_right;
  geom.have_below_left = tx.have_below_left;
  geom.frame_px_right = max_x - tx.start_x + 1;
  geom.frame_px_below = max_y - tx.start_y + 1;
  IntraPredParams p;
  p.tx_size = tx.tx_size;
  p.mode = mode;
  p.angle_delta = b.angle_delta[plane > 0];
  p.use_filter_intra = plane == 0 && b.use_filter_intra;
  p.filter_intra_mode = b.filter_intra_mode;
  p.enable_intra_edge_filter = seq_.enable_intra_edge_filter != 0;
  p.filter_type = p.enable_intra_edge_filter ? FilterType(block, plane) : 0;
  PredictIntra(ipred_, dst, pl.stride, geom, p, bitdepth_);

  if (is_cfl) {
    // 7.11.5 predict chroma from luma.
    if (ipred_.cfl_subsample[sub_x_][sub_y_][tx.tx_size] == nullptr ||
        ipred_.cfl_pred[tx.tx_size] == nullptr) {
      Fail("CfL on a transform size without a kernel");
      return;
    }
    const int lx = tx.start_x << sub_x_, ly = tx.start_y << sub_y_;
    const ReconPlane<Pixel>& luma = frame_->plane(0);
    ipred_.cfl_subsample[sub_x_][sub_y_][tx.tx_size](cfl_ac_, luma.at(lx, ly), luma.stride,
                                                    max_luma_w_ - lx, max_luma_h_ - ly);
    ipred_.cfl_pred[tx.tx_size](dst, pl.stride, cfl_ac_, b.cfl_alpha[plane - 1], bitdepth_);
  }
}

// 7.12.3 reconstruct process.
template <typename Pixel>
void IntraReconstructor<Pixel>::Reconstruct(const tile::BlockParams& block,
                                            const tile::TransformBlockParams& tx) {
  const tile::BlockInfo& b = *block.info;
  const int plane = tx.plane;
  const QuantizationParams& qp = hdr_.quantization_params;
  const int qindex = tx.qindex;
  DequantParams dp;
  dp.bitdepth = bitdepth_;
  const int dc_delta = plane == 0 ? qp.DeltaQYDc : (plane == 1 ? qp.DeltaQUDc : qp.DeltaQVDc);
  const int ac_delta = plane == 0 ? 0 : (plane == 1 ? qp.DeltaQUAc : qp.DeltaQVAc);
  dp.dc_q = DcQ(qindex + dc_delta, bitdepth_);
  dp.ac_q = AcQ(qindex + ac_delta, bitdepth_);
  const int seg = std::min<int>(b.segment_id, MAX_SEGMENTS - 1);
  const int qm_level = hdr_.SegQMLevel[plane][seg];
  if (qp.using_qmatrix && tx.tx_type < kIdtx && qm_level < 15) {
    dp.qm = QuantizerMatrix(qm_level, plane > 0, tx.tx_size);
  }
  Dequantize(tx.quant, tx.tx_size, dp, coeffs_);

  ReconPlane<Pixel>& pl = frame_->plane(plane);
  Pixel* dst = pl.at(tx.start_x, tx.start_y);
  if (block.lossless) {
    if (tx.tx_size != 0 || itx_.wht4x4_add == nullptr) {
      Fail("lossless block with a transform size other than 4x4");
      std::fill(std::begin(coeffs_), std::end(coeffs_), 0);
      return;
    }
    itx_.wht4x4_add(dst, pl.stride, coeffs_, tx.eob, bitdepth_);
    return;
  }
  ItxAddFn<Pixel> fn = itx_.add[tx.tx_size][tx.tx_type];
  if (fn == nullptr) {
    Fail("transform type not defined for the transform size");
    std::fill(std::begin(coeffs_), std::end(coeffs_), 0);
    return;
  }
  fn(dst, pl.stride, coeffs_, tx.eob, bitdepth_);
}

template <typename Pixel>
void IntraReconstructor<Pixel>::OnTransformBlock(const tile::BlockParams& block,
                                                 const tile::TransformBlockParams& tx) {
  if (failed_ || block.info == nullptr) return;
  if (tx.plane < 0 || tx.plane >= frame_->num_planes() || tx.tx_size < 0 ||
      tx.tx_size >= kIpredTxSizes || tx.tx_type < 0 || tx.tx_type >= kItxTxTypes) {
    Fail("transform block parameters out of range");
    return;
  }
  {
    // The whole block must lie in the padded plane (true for every block
    // that starts inside the frame).
    const ReconPlane<Pixel>& pl = frame_->plane(tx.plane);
    const int w = 1 << kTxWidthLog2[tx.tx_size];
    const int h = 1 << kTxHeightLog2[tx.tx_size];
    if (tx.start_x < 0 || tx.start_y < 0 || tx.start_x + w > pl.width ||
        tx.start_y + h > pl.height) {
      Fail("transform block outside the frame");
      return;
    }
  }
  if (!block.info->is_inter) {
    Predict(block, tx);
    if (tx.plane == 0) {
      max_luma_w_ = tx.start_x + (1 << kTxWidthLog2[tx.tx_size]);
      max_luma_h_ = tx.start_y + (1 << kTxHeightLog2[tx.tx_size]);
    }
  }
  if (tx.eob > 0 && tx.quant != nullptr) Reconstruct(block, tx);
}

template class IntraReconstructor<uint8_t>;
template class IntraReconstructor<uint16_t>;

}  // namespace hav1::recon
