// The concrete container readers behind input.h, and the limits they share.
#ifndef HAV1_TOOLS_INPUT_READERS_H_
#define HAV1_TOOLS_INPUT_READERS_H_

#include <cstdint>
#include <memory>
#include <string>

#include "tools/input/byte_source.h"
#include "tools/input/input.h"

namespace hav1::input {

// Largest temporal unit any reader hands out.  Claimed sizes above it are
// errors, and no reader allocates more than the bytes left in the source.
inline constexpr uint64_t kMaxUnitSize = uint64_t{256} << 20;

// Each factory reads and checks the container header; nullptr + *error when
// the bytes are not (a valid start of) that container.
std::unique_ptr<Reader> OpenIvf(std::unique_ptr<ByteSource> src, std::string* error);
std::unique_ptr<Reader> OpenSection5(std::unique_ptr<ByteSource> src, std::string* error);
std::unique_ptr<Reader> OpenAnnexB(std::unique_ptr<ByteSource> src, std::string* error);
std::unique_ptr<Reader> OpenWebm(std::unique_ptr<ByteSource> src, std::string* error);

// Cheap content probes used by detection (they read only the first bytes /
// first temporal unit).
bool LooksLikeIvf(ByteSource* src);
bool LooksLikeWebm(ByteSource* src);
// Parse the first temporal unit: 2 when it is well formed in that format, 1
// when it starts like one but is cut short or broken later, 0 when not.
int ProbeSection5(ByteSource* src);
int ProbeAnnexB(ByteSource* src);

}  // namespace hav1::input

#endif  // HAV1_TOOLS_INPUT_READERS_H_
