// MD5 message digest, implemented from RFC 1321.  Used by the md5 and
// framemd5 muxers; the conformance MD5s are MD5s of the raw decoded output.
#ifndef HAV1_TOOLS_HAV1DEC_MD5_H_
#define HAV1_TOOLS_HAV1DEC_MD5_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

namespace hav1::cli {

class Md5 {
 public:
  Md5() { Reset(); }
  // RFC 1321 3.3: initialise the MD buffer.
  void Reset();
  // RFC 1321 3.1-3.4: absorb bytes (any length, any number of calls).
  void Update(std::span<const uint8_t> bytes);
  // RFC 1321 3.1, 3.2, 3.5: pad, append the bit length, return the digest.
  // The object must be Reset() before it is used again.
  std::array<uint8_t, 16> Final();
  // Final() as 32 lower-case hex digits.
  std::string FinalHex();

 private:
  // RFC 1321 3.4: process one 64-byte block.
  void Transform(const uint8_t block[64]);

  std::array<uint32_t, 4> state_{};
  std::array<uint8_t, 64> buffer_{};
  uint64_t length_ = 0;  // bytes absorbed so far
};

// Lower-case hex of a digest.
std::string ToHex(std::span<const uint8_t> digest);

}  // namespace hav1::cli

#endif  // HAV1_TOOLS_HAV1DEC_MD5_H_
