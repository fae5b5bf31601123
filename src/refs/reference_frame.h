// The pixel-level state of one reference slot (spec 7.20 reference frame
// update process): the picture (FrameStore, upscaled and filtered), its
// sizes, the saved CDFs (save_cdfs), the segmentation map
// (SavedSegmentIds) and the motion field (SavedRefFrames / SavedMvs).  The
// header-level part (loop filter deltas, segmentation features, gm params,
// order hints for later headers) lives in the OBU parser's RefState.
//
// One ReferenceFrame is built per decoded frame and shared by every slot
// its refresh_frame_flags name; it is immutable once stored.
#ifndef HAV1_SRC_REFS_REFERENCE_FRAME_H_
#define HAV1_SRC_REFS_REFERENCE_FRAME_H_

#include <array>
#include <cstdint>
#include <memory>
#include <vector>

#include "src/entropy/cdf_context.h"
#include "src/frame/picture.h"
#include "src/refs/motion_field.h"

namespace hav1 {

struct ReferenceFrame {
  // FrameStore: UpscaledWidth x FrameHeight samples per plane.
  std::shared_ptr<DecodedPicture> picture;
  int upscaled_width = 0;  // RefUpscaledWidth
  int frame_width = 0;     // RefFrameWidth
  int frame_height = 0;    // RefFrameHeight
  int mi_rows = 0;         // RefMiRows
  int mi_cols = 0;         // RefMiCols
  int frame_type = 0;      // RefFrameType
  int order_hint = 0;      // RefOrderHint
  int saved_order_hints[8] = {};  // SavedOrderHints[ i ][ ]
  int bit_depth = 8;       // RefBitDepth
  int subsampling_x = 0, subsampling_y = 0;  // RefSubsamplingX / Y
  bool mono_chrome = false;
  // save_cdfs: the frame's CDFs after frame_end_update_cdf.  NULL for
  // frames made by a test frame decoder.
  std::shared_ptr<const CdfContext> cdfs;
  // SavedSegmentIds[ row ][ col ], MiRows x MiCols.
  std::vector<uint8_t> segment_ids;
  // SavedRefFrames / SavedMvs.
  SavedMotionField motion;
};

// The eight slots (spec NUM_REF_FRAMES), NULL where nothing is stored.
using RefFrames = std::array<std::shared_ptr<const ReferenceFrame>, 8>;

}  // namespace hav1

#endif  // HAV1_SRC_REFS_REFERENCE_FRAME_H_
