// 5.9 uncompressed_header() parsing, with the header-level processes it
// invokes (7.8 set_frame_refs, load_previous, setup_past_independence,
// load_grain_params, 7.21 reference frame loading for show_existing_frame).
#ifndef HAV1_SRC_BITSTREAM_FRAME_HEADER_PARSER_H_
#define HAV1_SRC_BITSTREAM_FRAME_HEADER_PARSER_H_

#include <cstdint>

#include "src/bitstream/bit_reader.h"
#include "src/bitstream/frame_header.h"
#include "src/bitstream/sequence_header.h"
#include "src/common/status.h"
#include "src/refs/ref_state.h"

namespace hav1 {

struct FrameHeaderContext {
  const SequenceHeader* seq = nullptr;
  const RefState* refs = nullptr;
  int temporal_id = 0;
  int spatial_id = 0;
  uint64_t frame_size_limit = 0;  // max pixels, 0 = 8192*8192
  // current_frame_id of the previous frame (PrevFrameID), -1 if none.
  int prev_frame_id = -1;
};

// Parses uncompressed_header() from r into *h.  The reference state is
// only read; the caller applies 7.20 after the frame.
Status ParseUncompressedHeader(BitReader& r, const FrameHeaderContext& ctx, FrameHeader* h);

// 5.9.2 get_relative_dist()
int GetRelativeDist(const SequenceHeader& seq, int a, int b);

}  // namespace hav1

#endif  // HAV1_SRC_BITSTREAM_FRAME_HEADER_PARSER_H_
