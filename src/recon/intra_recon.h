// Reconstruction of a frame's blocks (the name is historical: it handles
// intra and inter frames): the TileReconHook that predicts each intra
// transform block (7.11.2 intra prediction, 7.11.4 palette, 7.11.5 chroma
// from luma), predicts inter blocks whole at compute_prediction (5.11.33:
// 7.11.3 through InterPredictor, intrabc through PredictIntrabc, the intra
// half of inter-intra), and adds every transform block's dequantised,
// inverse-transformed residual (7.12.3) into the frame being decoded.
#ifndef HAV1_SRC_RECON_INTRA_RECON_H_
#define HAV1_SRC_RECON_INTRA_RECON_H_

#include <cstdint>
#include <initializer_list>  // sequence_header.h needs it
#include <vector>

#include "src/bitstream/frame_header.h"
#include "src/bitstream/sequence_header.h"
#include "src/dsp/dsp.h"
#include "src/recon/inter_pred.h"
#include "src/recon/inter_refs.h"
#include "src/recon/recon_frame.h"
#include "src/tile/block_info.h"
#include "src/tile/recon_hook.h"

namespace hav1::recon {

template <typename Pixel>
class IntraReconstructor final : public tile::TileReconHook {
 public:
  // All references must outlive the reconstructor.  frame must have been
  // allocated for the frame's MiCols x MiRows.
  IntraReconstructor(const SequenceHeader& seq, const FrameHeader& hdr,
                     const DspTables& tables, const tile::FrameBlockInfo& blocks,
                     const InterRefs& refs, ReconFrame<Pixel>* frame);

  void OnBlock(const tile::BlockParams& block) override;
  void OnTransformBlock(const tile::BlockParams& block,
                        const tile::TransformBlockParams& tx) override;

  // False once a block could not be reconstructed (a tool not implemented
  // yet, or parameters outside the spec's ranges).
  bool ok() const { return !failed_; }
  const char* error() const { return error_; }

 private:
  void Fail(const char* what) {
    if (!failed_) error_ = what;
    failed_ = true;
  }
  int FilterType(const tile::BlockParams& block, int plane) const;  // 7.11.2.8
  void Predict(const tile::BlockParams& block, const tile::TransformBlockParams& tx);
  void Reconstruct(const tile::BlockParams& block, const tile::TransformBlockParams& tx);
  void PredictIntrabcBlock(const tile::BlockParams& block);
  void PredictInterBlock(const tile::BlockParams& block);
  // predict_intra of compute_prediction for an inter-intra block's plane.
  void PredictInterIntra(const tile::BlockParams& block, int plane);

  const SequenceHeader& seq_;
  const FrameHeader& hdr_;
  const IpredTable<Pixel>& ipred_;
  const ItxTable<Pixel>& itx_;
  const tile::FrameBlockInfo& blocks_;
  const InterRefs& refs_;  // reference pictures by slot (inter frames)
  ReconFrame<Pixel>* frame_;
  int bitdepth_ = 8;
  int sub_x_ = 0, sub_y_ = 0;
  int max_luma_w_ = 0, max_luma_h_ = 0;  // MaxLumaW, MaxLumaH
  bool failed_ = false;
  const char* error_ = "";
  alignas(64) int32_t coeffs_[32 * 32] = {};
  alignas(64) int16_t cfl_ac_[32 * 32] = {};
  std::vector<int32_t> intrabc_scratch_;
  InterPredictor<Pixel> inter_;
};

extern template class IntraReconstructor<uint8_t>;
extern template class IntraReconstructor<uint16_t>;

}  // namespace hav1::recon

#endif  // HAV1_SRC_RECON_INTRA_RECON_H_
