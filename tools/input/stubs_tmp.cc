// Temporary: readers not written yet.
#include "tools/input/readers.h"
namespace hav1::input {
std::unique_ptr<Reader> OpenSection5(std::unique_ptr<ByteSource>, std::string* e) { *e = "section5: not implemented yet"; return nullptr; }
std::unique_ptr<Reader> OpenAnnexB(std::unique_ptr<ByteSource>, std::string* e) { *e = "annexb: not implemented yet"; return nullptr; }
std::unique_ptr<Reader> OpenWebm(std::unique_ptr<ByteSource>, std::string* e) { *e = "webm: not implemented yet"; return nullptr; }
bool LooksLikeWebm(ByteSource*) { return false; }
bool ProbeSection5(ByteSource*) { return false; }
bool ProbeAnnexB(ByteSource*) { return false; }
}  // namespace hav1::input
