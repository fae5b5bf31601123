// A decoded frame as the decoder keeps it (in reference slots and the output
// queue) and its export as a public Hav1Picture whose Hav1Ref owns
// everything the picture points to.
#ifndef HAV1_SRC_FRAME_PICTURE_H_
#define HAV1_SRC_FRAME_PICTURE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "hav1/hav1.h"
#include "src/frame/picture_buffer.h"
#include "src/frame/props.h"

namespace hav1 {

// Metadata OBUs that came with a frame (spec 6.7).
struct PictureMetadata {
  struct T35 {
    uint8_t country_code = 0;
    uint8_t country_code_extension_byte = 0;
    std::vector<uint8_t> payload;
  };
  std::optional<Hav1ContentLightLevel> content_light;
  std::optional<Hav1MasteringDisplay> mastering_display;
  std::vector<T35> itut_t35;
  std::optional<Hav1Timecode> timecode;
};

struct DecodedPicture {
  std::shared_ptr<PictureBuffer> buffer;  // the pixels
  Hav1SequenceInfo seq{};
  Hav1FrameInfo frame{};
  PictureMetadata metadata;
  PropsHolder props;  // of the packet that started the frame
};

// Fills *out (overwritten, not released) with a new reference to pic.
// Throws std::bad_alloc.
void ExportPicture(std::shared_ptr<const DecodedPicture> pic, Hav1Picture* out);

}  // namespace hav1

#endif  // HAV1_SRC_FRAME_PICTURE_H_
