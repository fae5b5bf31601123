// Format detection (from the content only) and the public entry points.
#include "tools/input/input.h"

#include "tools/input/readers.h"

namespace hav1::input {

const char* FormatName(Format f) {
  switch (f) {
    case Format::kIvf: return "ivf";
    case Format::kSection5: return "section5";
    case Format::kAnnexB: return "annexb";
    case Format::kWebm: return "webm";
  }
  return "unknown";
}

namespace {

// IVF and EBML (WebM/Matroska) have magic numbers.  OBU streams do not: a
// Section 5 stream starts with a temporal delimiter OBU (0x12 0x00), an Annex B
// stream with leb128 sizes, so the first temporal unit is parsed both ways.
// Section 5 wins a tie: its first two bytes are far more specific.
std::unique_ptr<Reader> Open(std::unique_ptr<ByteSource> src, std::string* error) {
  if (src->size() == 0) {
    *error = "input is empty";
    return nullptr;
  }
  if (LooksLikeIvf(src.get())) return OpenIvf(std::move(src), error);
  if (LooksLikeWebm(src.get())) return OpenWebm(std::move(src), error);
  const int section5 = ProbeSection5(src.get());
  const int annexb = ProbeAnnexB(src.get());
  if (section5 > 0 && section5 >= annexb) return OpenSection5(std::move(src), error);
  if (annexb > 0) return OpenAnnexB(std::move(src), error);
  *error =
      "unknown container: not IVF (no DKIF), not WebM/Matroska (no EBML "
      "header), and the first temporal unit parses neither as a Section 5 OBU "
      "stream nor as Annex B";
  return nullptr;
}

}  // namespace

std::unique_ptr<Reader> OpenFile(const std::string& path, std::string* error) {
  std::unique_ptr<ByteSource> src = OpenFileSource(path, error);
  if (!src) return nullptr;
  std::unique_ptr<Reader> r = Open(std::move(src), error);
  if (!r) *error = path + ": " + *error;
  return r;
}

std::unique_ptr<Reader> OpenMemory(std::span<const uint8_t> bytes,
                                   std::string* error) {
  return Open(OpenMemorySource(bytes), error);
}

}  // namespace hav1::input
