// CONTRACT (lead): what the tile parser of an inter frame reads besides the
// headers and the frame's own grid: the projected motion field (7.9), the
// previous segment ids (7.20 load_previous_segment_ids) and which
// references are scaled (is_scaled( ) of 5.11.27).  The frame decoder fills
// it; everything it points to outlives the frame's tile decoding.
#ifndef HAV1_SRC_TILE_INTER_FRAME_INPUTS_H_
#define HAV1_SRC_TILE_INTER_FRAME_INPUTS_H_

#include <cstdint>

namespace hav1 {
class MotionField;  // src/refs/motion_field.h
}

namespace hav1::tile {

struct InterFrameInputs {
  // MotionFieldMvs of 7.9; NULL when use_ref_frame_mvs is 0.
  const MotionField* motion_field = nullptr;
  // PrevSegmentIds[ row ][ col ] (MiRows x MiCols of this frame, row-major)
  // as load_previous_segment_ids sets them; NULL means all 0.
  const uint8_t* prev_segment_ids = nullptr;
  // is_scaled( refFrame ) for refFrame = LAST_FRAME..ALTREF_FRAME (index
  // refFrame; entry 0 unused).
  bool ref_is_scaled[8] = {};
};

}  // namespace hav1::tile

#endif  // HAV1_SRC_TILE_INTER_FRAME_INPUTS_H_
