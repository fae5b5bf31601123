// Decoding of intra frames (key frames and intra-only frames): tile
// decoding with intra reconstruction, then the in-loop filters
// (src/postfilter), into a new picture (spec 7.3 onwards for FrameIsIntra
// frames).
#ifndef HAV1_SRC_DECODER_INTRA_FRAME_H_
#define HAV1_SRC_DECODER_INTRA_FRAME_H_

#include <memory>

#include "hav1/hav1.h"
#include "src/bitstream/obu_parser.h"
#include "src/common/status.h"
#include "src/dsp/dsp.h"
#include "src/frame/picture.h"
#include "src/frame/picture_buffer.h"
#include "src/threading/thread_pool.h"

namespace hav1 {

// NOT_IMPLEMENTED naming the first tool this frame needs that the decoder
// does not have yet (inter prediction, film grain), Ok otherwise.
Status CheckFrameSupported(const Hav1Settings& settings, const SequenceHeader& seq,
                           const FrameHeader& hdr);

// Decodes all tile groups of an intra frame into a new picture from
// allocator, the tiles in parallel on pool.  settings.inloop_filters selects
// the in-loop filters.
Status DecodeIntraFrame(const Hav1Settings& settings, const ParsedFrame& frame,
                        const DspTables& tables, ThreadPool& pool, PictureAllocator& allocator,
                        std::shared_ptr<DecodedPicture>* out);

}  // namespace hav1

#endif  // HAV1_SRC_DECODER_INTRA_FRAME_H_
