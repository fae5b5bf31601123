// Decoding of one frame (spec 7.3 onwards for a frame with
// show_existing_frame = 0): the frame's CDFs (init or load_cdfs),
// PrevSegmentIds, the motion field estimation (7.9), tile decoding with
// reconstruction (tiles in parallel), frame_end_update_cdf, the in-loop
// filters (src/postfilter) and the state the reference frame update process
// (7.20) saves: picture, CDFs, segmentation map and motion field.
#ifndef HAV1_SRC_DECODER_DECODE_FRAME_H_
#define HAV1_SRC_DECODER_DECODE_FRAME_H_

#include <memory>

#include "hav1/hav1.h"
#include "src/bitstream/frame_header.h"
#include "src/bitstream/obu_parser.h"
#include "src/bitstream/sequence_header.h"
#include "src/common/status.h"
#include "src/dsp/dsp.h"
#include "src/frame/picture_buffer.h"
#include "src/refs/reference_frame.h"
#include "src/threading/thread_pool.h"

namespace hav1 {

// NOT_IMPLEMENTED naming the first tool this frame needs that the decoder
// does not have yet (film grain), Ok otherwise.
Status CheckFrameSupported(const Hav1Settings& settings, const SequenceHeader& seq,
                           const FrameHeader& hdr);

// Decodes all tile groups of frame into a new ReferenceFrame whose picture
// comes from allocator, predicting from refs (the eight slots).
// settings.inloop_filters selects the in-loop filters.
Status DecodeFrame(const Hav1Settings& settings, const ParsedFrame& frame, const RefFrames& refs,
                   const DspTables& tables, ThreadPool& pool, PictureAllocator& allocator,
                   std::shared_ptr<ReferenceFrame>* out);

}  // namespace hav1

#endif  // HAV1_SRC_DECODER_DECODE_FRAME_H_
