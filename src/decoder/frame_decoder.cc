#include "src/decoder/frame_decoder.h"

#include "src/decoder/decode_frame.h"

namespace hav1 {

Status FrameDecoder::DecodeFrame(const ParsedFrame& frame, const RefFrames& refs,
                                 std::shared_ptr<ReferenceFrame>* out) {
  out->reset();
  if (frame.seq == nullptr || frame.hdr == nullptr) {
    return InvalidData("frame without sequence or frame header");
  }
  HAV1_RETURN_IF_ERROR(CheckFrameSupported(settings_, *frame.seq, *frame.hdr));
  return hav1::DecodeFrame(settings_, frame, refs, tables_, pool_, allocator_, out);
}

}  // namespace hav1
