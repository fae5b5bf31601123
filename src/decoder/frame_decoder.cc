#include "src/decoder/frame_decoder.h"

#include "src/decoder/intra_frame.h"

namespace hav1 {

Status FrameDecoder::DecodeFrame(const ParsedFrame& frame, const RefPictures& refs,
                                 std::shared_ptr<DecodedPicture>* out) {
  (void)refs;
  out->reset();
  if (frame.seq == nullptr || frame.hdr == nullptr) {
    return InvalidData("frame without sequence or frame header");
  }
  HAV1_RETURN_IF_ERROR(CheckFrameSupported(settings_, *frame.seq, *frame.hdr));
  // Key frames and intra-only frames.
  return DecodeIntraFrame(settings_, frame, tables_, pool_, allocator_, out);
}

}  // namespace hav1
