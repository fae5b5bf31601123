#include "src/decoder/obu_framing.h"

#include <string>

namespace hav1 {

// 5.3.1 obu_header() and 4.10.5 leb128() for obu_size.
Status ReadObuExtent(std::span<const uint8_t> data, ObuExtent* out) {
  if (data.empty()) return InvalidData("empty OBU");
  const uint8_t header = data[0];
  out->type = (header >> 3) & 15;
  const bool extension_flag = (header >> 2) & 1;
  const bool has_size_field = (header >> 1) & 1;
  size_t pos = 1 + (extension_flag ? 1 : 0);
  if (pos > data.size()) return InvalidData("obu_header: truncated obu_extension_header");
  if (!has_size_field) {
    out->size = data.size();
    return Status::Ok();
  }
  uint64_t value = 0;
  bool done = false;
  for (int i = 0; i < 8; ++i) {
    if (pos >= data.size()) return InvalidData("obu_size: truncated leb128");
    const uint8_t byte = data[pos++];
    value |= static_cast<uint64_t>(byte & 0x7f) << (i * 7);
    if (!(byte & 0x80)) {
      done = true;
      break;
    }
  }
  if (!done || value > UINT32_MAX) return InvalidData("obu_size: invalid leb128 value");
  if (value > data.size() - pos) {
    return InvalidData("obu_size " + std::to_string(value) + " exceeds the " +
                       std::to_string(data.size() - pos) + " bytes left in the packet");
  }
  out->size = pos + static_cast<size_t>(value);
  return Status::Ok();
}

}  // namespace hav1
