// --dump-headers and --info helpers of hav1dec.
#include "tools/hav1dec/inspect.h"

#include <cinttypes>
#include <cstring>
#include <string_view>

namespace hav1::cli {

Hav1SyntaxTracer HeaderDumper::Tracer() {
  Hav1SyntaxTracer t{};
  t.cookie = this;
  t.begin = &HeaderDumper::Begin;
  t.element = &HeaderDumper::Element;
  return t;
}

void HeaderDumper::Begin(void* cookie, const char* structure) {
  auto* self = static_cast<HeaderDumper*>(cookie);
  std::fprintf(self->out_, "[%s]\n", structure);
}

void HeaderDumper::Element(void* cookie, const char* name, int64_t value) {
  auto* self = static_cast<HeaderDumper*>(cookie);
  std::fprintf(self->out_, "%s = %" PRId64 "\n", name, value);
}

Hav1SyntaxTracer StreamStats::Tracer() {
  Hav1SyntaxTracer t{};
  t.cookie = this;
  t.begin = &StreamStats::Begin;
  t.element = &StreamStats::Element;
  return t;
}

void StreamStats::CloseHeader() {
  if (!in_frame_header_) return;
  in_frame_header_ = false;
  // A frame_header_obu with no element read is a redundant copy.
  if (!header_has_elements_) return;
  ++frame_headers;
  if (show_existing_) {
    ++show_existing;
    ++shown;
    return;
  }
  if (frame_type_ >= 0 && frame_type_ < 4) ++by_type[frame_type_];
  if (show_frame_) ++shown;
  else ++hidden;
}

void StreamStats::Begin(void* cookie, const char* structure) {
  auto* self = static_cast<StreamStats*>(cookie);
  const std::string_view s(structure);
  if (s == "frame_header_obu" || s == "uncompressed_header") {
    if (s == "uncompressed_header" && self->in_frame_header_ &&
        !self->header_has_elements_)
      return;  // nested inside frame_header_obu
    self->CloseHeader();
    self->in_frame_header_ = true;
    self->header_has_elements_ = false;
    // Defaults for elements a reduced still picture header leaves out.
    self->frame_type_ = 0;
    self->show_frame_ = 1;
    self->show_existing_ = false;
    self->width_minus_1_.reset();
  } else if (s == "obu_header" || s == "sequence_header_obu" ||
             s == "tile_group_obu" || s == "metadata_obu") {
    self->CloseHeader();
  }
}

void StreamStats::Element(void* cookie, const char* name, int64_t value) {
  auto* self = static_cast<StreamStats*>(cookie);
  const std::string_view n(name);
  if (n == "obu_type") {
    ++self->obu_types[value];
    return;
  }
  if (n == "temporal_id") {
    if (value > self->max_temporal_id) self->max_temporal_id = static_cast<int>(value);
    return;
  }
  if (n == "spatial_id") {
    if (value > self->max_spatial_id) self->max_spatial_id = static_cast<int>(value);
    return;
  }
  if (!self->in_frame_header_) return;
  self->header_has_elements_ = true;
  if (n == "show_existing_frame") self->show_existing_ = value != 0;
  else if (n == "frame_type") self->frame_type_ = value;
  else if (n == "show_frame") self->show_frame_ = value;
  else if (n == "use_superres" && value != 0) ++self->superres_frames;
  else if (n == "frame_width_minus_1") self->width_minus_1_ = value;
  else if (n == "frame_height_minus_1" && self->width_minus_1_)
    self->frame_sizes.insert({*self->width_minus_1_ + 1, value + 1});
}

const char* ProfileName(int profile) {
  switch (profile) {
    case 0: return "Main (0)";
    case 1: return "High (1)";
    case 2: return "Professional (2)";
  }
  return "reserved";
}

const char* LayoutName(Hav1PixelLayout layout) {
  switch (layout) {
    case HAV1_PIXEL_LAYOUT_I400: return "4:0:0 (monochrome)";
    case HAV1_PIXEL_LAYOUT_I420: return "4:2:0";
    case HAV1_PIXEL_LAYOUT_I422: return "4:2:2";
    case HAV1_PIXEL_LAYOUT_I444: return "4:4:4";
  }
  return "?";
}

// Spec 6.2.2, Table of obu_type.
const char* ObuTypeName(int64_t t) {
  switch (t) {
    case 1: return "sequence header";
    case 2: return "temporal delimiter";
    case 3: return "frame header";
    case 4: return "tile group";
    case 5: return "metadata";
    case 6: return "frame";
    case 7: return "redundant frame header";
    case 8: return "tile list";
    case 15: return "padding";
  }
  return "reserved";
}

namespace {

// Spec 6.4.2 colour_primaries / transfer / matrix names (common values).
const char* PrimariesName(int v) {
  switch (v) {
    case 1: return "BT.709";
    case 2: return "unspecified";
    case 4: return "BT.470M";
    case 5: return "BT.470BG";
    case 6: return "BT.601";
    case 7: return "SMPTE 240";
    case 8: return "generic film";
    case 9: return "BT.2020";
    case 10: return "XYZ";
    case 11: return "SMPTE 431";
    case 12: return "SMPTE 432";
    case 22: return "EBU 3213";
  }
  return "reserved";
}

const char* TransferName(int v) {
  switch (v) {
    case 1: return "BT.709";
    case 2: return "unspecified";
    case 4: return "BT.470M";
    case 5: return "BT.470BG";
    case 6: return "BT.601";
    case 7: return "SMPTE 240";
    case 8: return "linear";
    case 9: return "log 100";
    case 10: return "log 100 sqrt10";
    case 11: return "IEC 61966";
    case 12: return "BT.1361";
    case 13: return "sRGB";
    case 14: return "BT.2020 10-bit";
    case 15: return "BT.2020 12-bit";
    case 16: return "SMPTE 2084 (PQ)";
    case 17: return "SMPTE 428";
    case 18: return "HLG";
  }
  return "reserved";
}

const char* MatrixName(int v) {
  switch (v) {
    case 0: return "identity (RGB)";
    case 1: return "BT.709";
    case 2: return "unspecified";
    case 4: return "FCC";
    case 5: return "BT.470BG";
    case 6: return "BT.601";
    case 7: return "SMPTE 240";
    case 8: return "YCgCo";
    case 9: return "BT.2020 NCL";
    case 10: return "BT.2020 CL";
    case 11: return "SMPTE 2085";
    case 12: return "chromaticity NCL";
    case 13: return "chromaticity CL";
    case 14: return "ICtCp";
  }
  return "reserved";
}

}  // namespace

std::string ColorDescription(const Hav1ColorInfo& c) {
  static const char* const kCsp[] = {"unknown", "vertical", "colocated", "reserved"};
  std::string s = std::string("primaries ") + PrimariesName(c.color_primaries) +
                  " (" + std::to_string(c.color_primaries) + "), transfer " +
                  TransferName(c.transfer_characteristics) + " (" +
                  std::to_string(c.transfer_characteristics) + "), matrix " +
                  MatrixName(c.matrix_coefficients) + " (" +
                  std::to_string(c.matrix_coefficients) + "), " +
                  (c.color_range ? "full range" : "studio range");
  if (c.chroma_sample_position >= 0 && c.chroma_sample_position < 4)
    s += std::string(", chroma position ") + kCsp[c.chroma_sample_position];
  return s;
}

std::string LevelName(int idx) {
  if (idx == 31) return "31 (max parameters)";
  if (idx < 0 || idx > 31) return "?";
  return std::to_string(2 + (idx >> 2)) + "." + std::to_string(idx & 3) + " (" +
         std::to_string(idx) + ")";
}

}  // namespace hav1::cli
