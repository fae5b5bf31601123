#include "tools/input/obu_syntax.h"

namespace hav1::input {

// 4.10.5 leb128()
LebResult ReadLeb128(std::span<const uint8_t> bytes, uint64_t* value,
                     size_t* length) {
  uint64_t v = 0;
  for (size_t i = 0; i < kMaxLeb128Bytes; ++i) {
    if (i >= bytes.size()) return LebResult::kTruncated;
    const uint8_t b = bytes[i];
    v |= uint64_t{b & 0x7fu} << (i * 7);
    if (!(b & 0x80) || i + 1 == kMaxLeb128Bytes) {
      *value = v;
      *length = i + 1;
      return v > 0xffffffffu ? LebResult::kTooLarge : LebResult::kOk;
    }
  }
  return LebResult::kTruncated;  // not reached
}

void WriteLeb128(uint64_t value, std::vector<uint8_t>* out) {
  do {
    uint8_t b = value & 0x7f;
    value >>= 7;
    if (value != 0) b |= 0x80;
    out->push_back(b);
  } while (value != 0);
}

// 5.3.2 obu_header()
ObuHeader ParseObuHeader(uint8_t b) {
  ObuHeader h;
  h.forbidden_bit = (b >> 7) & 1;
  h.type = (b >> 3) & 15;
  h.extension_flag = (b >> 2) & 1;
  h.has_size_field = (b >> 1) & 1;
  return h;
}

}  // namespace hav1::input
