// CONTRACT (lead): the reference pictures inter prediction reads
// (FrameStore[ refIdx ] of spec 7.11.3.3 / 7.11.3.4 / 7.11.3.5 with
// RefUpscaledWidth, RefFrameWidth, RefFrameHeight), indexed by slot
// (refIdx = ref_frame_idx[ refFrame - LAST_FRAME ]).  The frame decoder
// fills it from the reference slots; pictures stay alive for the frame.
#ifndef HAV1_SRC_RECON_INTER_REFS_H_
#define HAV1_SRC_RECON_INTER_REFS_H_

#include <array>
#include <cstddef>
#include <cstdint>

namespace hav1::recon {

struct InterRefPicture {
  bool valid = false;            // a decoded picture is in the slot
  const uint8_t* data[3] = {};   // plane origins (Pixel = uint8_t for 8-bit, else uint16_t)
  ptrdiff_t stride[3] = {};      // in bytes
  int upscaled_width = 0;        // RefUpscaledWidth (the picture's width)
  int frame_width = 0;           // RefFrameWidth
  int frame_height = 0;          // RefFrameHeight
  int mi_rows = 0, mi_cols = 0;  // RefMiRows, RefMiCols
};

using InterRefs = std::array<InterRefPicture, 8>;

}  // namespace hav1::recon

#endif  // HAV1_SRC_RECON_INTER_REFS_H_
