// The little OBU syntax the container readers need to find unit boundaries:
// leb128 (spec 4.10.5) and the OBU header (5.3.2).  The decoder parses the
// rest.
#ifndef HAV1_TOOLS_INPUT_OBU_SYNTAX_H_
#define HAV1_TOOLS_INPUT_OBU_SYNTAX_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace hav1::input {

inline constexpr int kObuTemporalDelimiter = 2;  // 6.2.2 OBU_TEMPORAL_DELIMITER
inline constexpr int kObuSequenceHeader = 1;     // OBU_SEQUENCE_HEADER
inline constexpr size_t kMaxLeb128Bytes = 8;

enum class LebResult { kOk, kTruncated, kTooLarge };

// 4.10.5 leb128(): reads at most 8 bytes from `bytes`.  kTruncated when the
// bytes end before the last byte of the encoding; kTooLarge when the value
// exceeds (1 << 32) - 1 (a bitstream conformance requirement).
LebResult ReadLeb128(std::span<const uint8_t> bytes, uint64_t* value,
                     size_t* length);

// Appends the shortest leb128 encoding of value.
void WriteLeb128(uint64_t value, std::vector<uint8_t>* out);

// 5.3.2 obu_header(), first byte (and the extension byte's presence).
struct ObuHeader {
  bool forbidden_bit = false;
  int type = 0;
  bool extension_flag = false;
  bool has_size_field = false;
  size_t size() const { return extension_flag ? 2 : 1; }  // header bytes
};
ObuHeader ParseObuHeader(uint8_t first_byte);

}  // namespace hav1::input

#endif  // HAV1_TOOLS_INPUT_OBU_SYNTAX_H_
