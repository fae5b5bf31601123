// Parse-only modes of hav1dec: --dump-headers (syntax trace as text) and
// --info (a human description of the stream), both fed by the library's
// syntax tracer (Hav1SyntaxTracer).
#ifndef HAV1_TOOLS_HAV1DEC_INSPECT_H_
#define HAV1_TOOLS_HAV1DEC_INSPECT_H_

#include <cstdint>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>

#include "hav1/hav1.h"

namespace hav1::cli {

// Prints "[structure]" when a syntax structure begins and "name = value"
// for every element, one per line.
class HeaderDumper {
 public:
  explicit HeaderDumper(std::FILE* out) : out_(out) {}
  Hav1SyntaxTracer Tracer();

 private:
  static void Begin(void* cookie, const char* structure);
  static void Element(void* cookie, const char* name, int64_t value);
  std::FILE* out_;
};

// Counts what the header parser reports: frames by type, shown, hidden and
// show-existing frames, OBU types, layers, frame sizes.
class StreamStats {
 public:
  Hav1SyntaxTracer Tracer();
  // Closes the frame header being collected (call at the end).
  void Finish() { CloseHeader(); }

  uint64_t frame_headers = 0;
  uint64_t by_type[4] = {0, 0, 0, 0};  // KEY, INTER, INTRA_ONLY, SWITCH
  uint64_t shown = 0, hidden = 0, show_existing = 0;
  std::map<int64_t, uint64_t> obu_types;  // obu_type -> count
  int max_temporal_id = 0, max_spatial_id = 0;
  std::set<std::pair<int64_t, int64_t>> frame_sizes;  // when coded
  uint64_t superres_frames = 0;

 private:
  static void Begin(void* cookie, const char* structure);
  static void Element(void* cookie, const char* name, int64_t value);
  void CloseHeader();

  bool in_frame_header_ = false;
  bool header_has_elements_ = false;
  int64_t frame_type_ = 0;
  int64_t show_frame_ = 1;
  bool show_existing_ = false;
  std::optional<int64_t> width_minus_1_;
};

// Human readable names of spec values.
const char* ProfileName(int profile);
const char* LayoutName(Hav1PixelLayout layout);
const char* ObuTypeName(int64_t obu_type);
std::string ColorDescription(const Hav1ColorInfo& c);
// seq_level_idx as "X.Y" (spec annex A.3), "31 (max)" for 31.
std::string LevelName(int seq_level_idx);

}  // namespace hav1::cli

#endif  // HAV1_TOOLS_HAV1DEC_INSPECT_H_
