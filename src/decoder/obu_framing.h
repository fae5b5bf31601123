// Finds OBU boundaries in Section 5 data so the decoder can feed the OBU
// parser one OBU at a time (and stop between OBUs when the output queue is
// full).  Only the framing is read here: obu_header() and obu_size
// (spec 5.3.1, 4.10.5); the OBU parser checks everything else.
#ifndef HAV1_SRC_DECODER_OBU_FRAMING_H_
#define HAV1_SRC_DECODER_OBU_FRAMING_H_

#include <cstddef>
#include <cstdint>
#include <span>

#include "src/bitstream/constants.h"  // ObuType
#include "src/common/status.h"

namespace hav1 {

struct ObuExtent {
  int type = 0;
  size_t size = 0;  // header, size field and payload, in bytes
};

// Reads the framing of the OBU at the start of data (non-empty).  An OBU
// without obu_size spans the rest of data.
Status ReadObuExtent(std::span<const uint8_t> data, ObuExtent* out);

}  // namespace hav1

#endif  // HAV1_SRC_DECODER_OBU_FRAMING_H_
