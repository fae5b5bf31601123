#include "src/refs/ref_state.h"

#include <cstring>

namespace hav1 {

// 7.20 Reference frame update process (header-level part).
void RefState::Update(const std::shared_ptr<const FrameHeader>& hdr,
                      int bit_depth, int subsampling_x, int subsampling_y) {
  const FrameHeader& h = *hdr;
  for (int i = 0; i < NUM_REF_FRAMES; i++) {
    if (!((h.refresh_frame_flags >> i) & 1)) continue;
    RefSlot& s = slot[i];
    s.RefValid = 1;
    s.RefFrameId = h.current_frame_id;
    s.RefUpscaledWidth = h.UpscaledWidth;
    s.RefFrameWidth = h.FrameWidth;
    s.RefFrameHeight = h.FrameHeight;
    s.RefRenderWidth = h.RenderWidth;
    s.RefRenderHeight = h.RenderHeight;
    s.RefMiCols = h.MiCols;
    s.RefMiRows = h.MiRows;
    s.RefFrameType = h.frame_type;
    s.RefSubsamplingX = subsampling_x;
    s.RefSubsamplingY = subsampling_y;
    s.RefBitDepth = bit_depth;
    s.RefOrderHint = h.OrderHint;
    s.RefShowableFrame = h.showable_frame;
    std::memcpy(s.SavedOrderHints, h.OrderHints, sizeof(s.SavedOrderHints));
    s.grain_params = h.film_grain_params;
    std::memcpy(s.loop_filter_ref_deltas, h.loop_filter_params.loop_filter_ref_deltas,
                sizeof(s.loop_filter_ref_deltas));
    std::memcpy(s.loop_filter_mode_deltas, h.loop_filter_params.loop_filter_mode_deltas,
                sizeof(s.loop_filter_mode_deltas));
    std::memcpy(s.FeatureEnabled, h.segmentation_params.FeatureEnabled,
                sizeof(s.FeatureEnabled));
    std::memcpy(s.FeatureData, h.segmentation_params.FeatureData, sizeof(s.FeatureData));
    std::memcpy(s.SavedGmParams, h.gm_params, sizeof(s.SavedGmParams));
    s.header = hdr;
  }
}

}  // namespace hav1
