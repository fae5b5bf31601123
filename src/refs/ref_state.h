// Header-level reference state of one decoder instance (spec 7.20
// reference frame update process, 7.21 reference frame loading process,
// 7.8 set_frame_refs needs): everything later frame headers read from the
// eight reference slots.  Pixel data and motion fields live elsewhere.
#ifndef HAV1_SRC_REFS_REF_STATE_H_
#define HAV1_SRC_REFS_REF_STATE_H_

#include <cstdint>
#include <memory>

#include "src/bitstream/frame_header.h"

namespace hav1 {

struct RefSlot {
  int RefValid = 0;
  int RefFrameId = 0;
  int RefUpscaledWidth = 0;
  int RefFrameWidth = 0;
  int RefFrameHeight = 0;
  int RefRenderWidth = 0;
  int RefRenderHeight = 0;
  int RefMiCols = 0;
  int RefMiRows = 0;
  int RefFrameType = 0;
  int RefSubsamplingX = 0;
  int RefSubsamplingY = 0;
  int RefBitDepth = 0;
  int RefOrderHint = 0;
  int RefShowableFrame = 0;
  // SavedOrderHints[i][j] (7.20).
  int SavedOrderHints[TOTAL_REFS_PER_FRAME] = {};
  // save_grain_params / save_loop_filter_params / save_segmentation_params.
  FilmGrainParams grain_params;
  int loop_filter_ref_deltas[TOTAL_REFS_PER_FRAME] = {1, 0, 0, 0, -1, 0, -1, -1};
  int loop_filter_mode_deltas[2] = {};
  int FeatureEnabled[MAX_SEGMENTS][SEG_LVL_MAX] = {};
  int FeatureData[MAX_SEGMENTS][SEG_LVL_MAX] = {};
  // SavedGmParams (7.20).
  int32_t SavedGmParams[TOTAL_REFS_PER_FRAME][6] = {};
  // The whole header of the frame stored here (show_existing_frame).
  std::shared_ptr<const FrameHeader> header;
};

struct RefState {
  RefSlot slot[NUM_REF_FRAMES];

  // Forgets everything (RefValid = 0 for all slots).
  void Reset() {
    for (auto& s : slot) s = RefSlot();
  }
  // 7.20 reference frame update process for the header-level state:
  // stores hdr in every slot of refresh_frame_flags.
  void Update(const std::shared_ptr<const FrameHeader>& hdr, int bit_depth,
              int subsampling_x, int subsampling_y);
};

}  // namespace hav1

#endif  // HAV1_SRC_REFS_REF_STATE_H_
