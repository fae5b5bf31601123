// Container readers shared by the CLI, tests, benchmarks and fuzzers:
// IVF, Section 5 low-overhead OBU streams (.obu), Annex B length-delimited
// streams and WebM/Matroska (through libwebm's webm_parser).  The format is
// detected from the content, never from the file name.  Every reader yields
// temporal units as Section 5 OBUs (Annex B units are rewritten with
// obu_has_size_field set), so the decoder sees one format.
//
// CONTRACT shared by tools/input (implements it) and its users.
#ifndef HAV1_TOOLS_INPUT_INPUT_H_
#define HAV1_TOOLS_INPUT_INPUT_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace hav1::input {

enum class Format { kIvf, kSection5, kAnnexB, kWebm };
const char* FormatName(Format f);  // "ivf", "section5", "annexb", "webm"

struct TemporalUnit {
  std::vector<uint8_t> data;  // Section 5 OBUs
  int64_t timestamp = 0;      // in timebase units (see Reader::timebase)
  int64_t duration = 0;       // 0 when unknown
  uint64_t offset = 0;        // byte offset of the unit in the file
};

struct StreamInfo {
  Format format = Format::kIvf;
  uint32_t timebase_num = 1, timebase_den = 1;  // seconds per tick
  uint32_t fps_num = 0, fps_den = 0;            // 0 when unknown
  uint32_t width = 0, height = 0;               // container's, 0 if unknown
  uint64_t frame_count = 0;                     // 0 when unknown
};

class Reader {
 public:
  virtual ~Reader() = default;
  // 1: *tu filled; 0: end of stream; -1: error (*error says what, with the
  // byte offset).
  virtual int Read(TemporalUnit* tu, std::string* error) = 0;
  virtual const StreamInfo& info() const = 0;
};

// Opens a file ("-" for stdin is not supported: containers need seeking).
std::unique_ptr<Reader> OpenFile(const std::string& path, std::string* error);
// Reads from memory (fuzzers, tests); the bytes are copied.
std::unique_ptr<Reader> OpenMemory(std::span<const uint8_t> bytes,
                                   std::string* error);

}  // namespace hav1::input

#endif  // HAV1_TOOLS_INPUT_INPUT_H_
