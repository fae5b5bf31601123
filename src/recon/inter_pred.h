// Inter prediction of inter blocks (spec 7.11.3): the inter part of
// compute_prediction (5.11.33) per plane, the general inter prediction
// process (7.11.3.1) with its rounding variables (7.11.3.2), motion vector
// scaling (7.11.3.3), block inter prediction (7.11.3.4, through the mc
// kernel table), the calls into warp (src/recon/warp.h) and masks
// (src/recon/inter_masks.h), and overlapped motion compensation (7.11.3.9).
//
// Used by IntraReconstructor (src/recon/intra_recon.h), which does the
// intra half of inter-intra blocks (predict_intra with the II mode) before
// calling PredictPlane.
#ifndef HAV1_SRC_RECON_INTER_PRED_H_
#define HAV1_SRC_RECON_INTER_PRED_H_

#include <cstddef>
#include <cstdint>
#include <initializer_list>  // sequence_header.h needs it
#include <vector>

#include "src/bitstream/frame_header.h"
#include "src/bitstream/sequence_header.h"
#include "src/dsp/mc.h"
#include "src/recon/inter_refs.h"
#include "src/recon/recon_frame.h"
#include "src/tile/block_info.h"
#include "src/tile/recon_hook.h"

namespace hav1::recon {

// Outputs of 7.11.3.3: startX / startY (1/1024 sample) and xStep / yStep.
struct McPosition {
  int64_t start_x = 0, start_y = 0;
  int step_x = 0, step_y = 0;
};

// 7.11.3.3 motion vector scaling process for the sample ( x, y ) of a plane
// with subsampling ( sub_x, sub_y ), motion vector ( mv_row, mv_col ) and a
// reference of RefUpscaledWidth x RefFrameHeight, the current frame being
// FrameWidth x FrameHeight (both > 0).
McPosition ScaleMotionVector(int x, int y, int mv_row, int mv_col, int sub_x, int sub_y,
                             int ref_upscaled_width, int ref_frame_height, int frame_width,
                             int frame_height);

// 7.11.3.2 rounding variables derivation process.
struct InterRounding {
  int round0 = 3, round1 = 11, post_round = 0;  // InterRound0/1, InterPostRound
};
InterRounding RoundingVariables(bool is_compound, int bitdepth);

template <typename Pixel>
class InterPredictor {
 public:
  static constexpr int kPredStride = 128;

  // All references must outlive the predictor.
  InterPredictor(const SequenceHeader& seq, const FrameHeader& hdr, const McTable<Pixel>& mc,
                 const tile::FrameBlockInfo& blocks, const InterRefs& refs,
                 ReconFrame<Pixel>* frame);

  // Per block, before the planes: steps 2 and 3 of 7.11.3.1 (warp
  // estimation and LocalValid for LOCALWARP blocks) and parameter checks.
  // False (see error()) when the block cannot be predicted.
  bool BeginBlock(const tile::BlockParams& block);

  // The is_inter part of compute_prediction (5.11.33) for one plane:
  // someUseIntra, then predict_inter (7.11.3.1, followed by 7.11.3.9 for
  // OBMC blocks) per prediction block.  For inter-intra blocks CurrFrame
  // must hold the intra prediction of the plane on entry.
  bool PredictPlane(const tile::BlockParams& block, int plane);

  const char* error() const { return error_; }

 private:
  // One reference plane as 7.11.3.4 reads it.
  struct RefPlane {
    const Pixel* data = nullptr;
    ptrdiff_t stride = 0;  // pixels
    int last_x = 0, last_y = 0;
    int upscaled_width = 0, frame_height = 0;  // RefUpscaledWidth, RefFrameHeight
  };

  bool Fail(const char* what) {
    error_ = what;
    return false;
  }
  // refIdx = ref_frame_idx[ refFrame - LAST_FRAME ] and its plane, checked.
  bool GetRefPlane(int ref_frame, int plane, RefPlane* out);
  bool IsScaled(const RefPlane& ref) const;  // is_scaled( refFrame )
  // 7.11.3.1 general inter prediction process (predict_inter).
  bool PredictInter(const tile::BlockParams& block, int plane, int x, int y, int w, int h,
                    int cand_row, int cand_col);
  // 7.11.3.4 block inter prediction process into pred (stride kPredStride).
  void BlockInterPrediction(const RefPlane& ref, const McPosition& pos, int w, int h,
                            const tile::BlockInfo& cand, int32_t* pred);
  // 7.11.3.9 overlapped motion compensation process.
  bool OverlappedMotionCompensation(const tile::BlockParams& block, int plane, int w, int h);
  bool PredictOverlap(int plane, int cand_row, int cand_col, int x4, int y4, int pred_w,
                      int pred_h, int pass, const uint8_t* mask);

  const SequenceHeader& seq_;
  const FrameHeader& hdr_;
  const McTable<Pixel>& mc_;
  const tile::FrameBlockInfo& blocks_;
  const InterRefs& refs_;
  ReconFrame<Pixel>* frame_;
  int bitdepth_ = 8;
  int sub_x_ = 0, sub_y_ = 0;
  const char* error_ = "";

  // Per block state.
  bool local_valid_ = false;         // LocalValid
  int32_t local_warp_params_[6] = {};  // LocalWarpParams
  bool mask_ready_ = false;          // Mask holds this block's luma mask
  InterRounding current_rounding_;   // InterRound0/1 and InterPostRound in use

  std::vector<int32_t> preds_[2];    // preds[ refList ], kPredStride x 128
  std::vector<uint8_t> mask_;        // Mask, kPredStride x 128
  std::vector<int32_t> scratch_;     // the intermediate array of 7.11.3.4
  std::vector<Pixel> edge_;          // edge-extended reference block
  std::vector<Pixel> obmc_pred_;     // obmcPred after Clip1
};

extern template class InterPredictor<uint8_t>;
extern template class InterPredictor<uint16_t>;

}  // namespace hav1::recon

#endif  // HAV1_SRC_RECON_INTER_PRED_H_
