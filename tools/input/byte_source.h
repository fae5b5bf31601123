// Random-access byte sources behind the container readers: a file (read with
// pread, so large streams are never loaded whole) or a copy of a memory
// buffer (fuzzers, tests).  Readers only ever ask for ranges inside size(),
// after checking the claimed lengths against it.
#ifndef HAV1_TOOLS_INPUT_BYTE_SOURCE_H_
#define HAV1_TOOLS_INPUT_BYTE_SOURCE_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace hav1::input {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  virtual uint64_t size() const = 0;
  // Copies bytes [offset, offset + out.size()) into out.  False when the range
  // is outside the source or the read fails.
  [[nodiscard]] virtual bool ReadAt(uint64_t offset, std::span<uint8_t> out) = 0;
};

std::unique_ptr<ByteSource> OpenFileSource(const std::string& path,
                                           std::string* error);
std::unique_ptr<ByteSource> OpenMemorySource(std::span<const uint8_t> bytes);

}  // namespace hav1::input

#endif  // HAV1_TOOLS_INPUT_BYTE_SOURCE_H_
