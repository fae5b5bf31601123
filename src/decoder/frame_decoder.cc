#include "src/decoder/frame_decoder.h"

namespace hav1 {

Status FrameDecoder::DecodeFrame(const ParsedFrame& frame, const RefPictures& refs,
                                 std::shared_ptr<DecodedPicture>* out) {
  (void)frame;
  (void)refs;
  out->reset();
  // Next step: allocate the picture from allocator_ (size from
  // frame.frame_info, layout and bit depth from frame.seq_info), decode the
  // tiles on pool_ with the kernels in tables_, then run the in-loop filters.
  return NotImplemented("tile decoding is not implemented yet");
}

}  // namespace hav1
