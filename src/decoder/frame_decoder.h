// The frame decoding step: turns one parsed frame (headers + tile group
// bytes) into a picture.  This is the one place where tile decoding
// (src/tile, src/recon, src/postfilter) plugs in; the decoder around it
// owns ordering, reference slots and output.
#ifndef HAV1_SRC_DECODER_FRAME_DECODER_H_
#define HAV1_SRC_DECODER_FRAME_DECODER_H_

#include <array>
#include <memory>

#include "src/bitstream/obu_parser.h"
#include "src/common/status.h"
#include "src/dsp/dsp.h"
#include "src/frame/picture.h"
#include "src/frame/picture_buffer.h"
#include "src/refs/reference_frame.h"
#include "src/threading/thread_pool.h"

namespace hav1 {

class FrameDecoder {
 public:
  // settings: the checked decoder settings (inloop_filters, apply_grain,
  // strict_std_compliance...).
  FrameDecoder(const Hav1Settings& settings, const DspTables& tables, ThreadPool& pool,
               PictureAllocator& allocator)
      : settings_(settings), tables_(tables), pool_(pool), allocator_(allocator) {}
  // Virtual only so that tests can stand in for pixel decoding.
  virtual ~FrameDecoder() = default;

  // Decodes the tile groups of frame (spec 7.3 onwards: tile decoding,
  // reconstruction, in-loop filters) into *out: a new picture from the
  // allocator and the state 7.20 saves with it, predicting from refs (the
  // eight slots).
  virtual Status DecodeFrame(const ParsedFrame& frame, const RefFrames& refs,
                             std::shared_ptr<ReferenceFrame>* out);

 protected:
  const Hav1Settings& settings_;
  const DspTables& tables_;
  ThreadPool& pool_;
  PictureAllocator& allocator_;
};

}  // namespace hav1

#endif  // HAV1_SRC_DECODER_FRAME_DECODER_H_
