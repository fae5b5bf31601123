// OBU layer entry point (spec sections 5.3-5.12, 6.2-6.11, 7.5): splits
// Section 5 data into OBUs, drops OBUs outside the chosen operating point,
// parses sequence headers, frame headers, tile group headers and metadata,
// and keeps the header-level reference state (src/refs) that later frame
// headers depend on.  It never decodes tiles: it hands their bytes on.
//
// CONTRACT shared by src/bitstream (implements it) and src/decoder (uses it).
// Members may be added; do not change the meaning of existing ones.
#ifndef HAV1_SRC_BITSTREAM_OBU_PARSER_H_
#define HAV1_SRC_BITSTREAM_OBU_PARSER_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "hav1/hav1.h"
#include "src/common/status.h"

namespace hav1 {

struct SequenceHeader;  // src/bitstream/sequence_header.h
struct FrameHeader;     // src/bitstream/frame_header.h

// ITU-T T.35 payload (spec 6.7.2), owning its bytes.
struct T35Metadata {
  uint8_t country_code = 0;
  uint8_t country_code_extension_byte = 0;
  std::vector<uint8_t> payload;
};

// Metadata OBUs seen since the previous frame was returned (spec 5.8).
struct ParsedMetadata {
  std::optional<Hav1ContentLightLevel> content_light;
  std::optional<Hav1MasteringDisplay> mastering_display;
  std::vector<T35Metadata> itut_t35;
  std::optional<Hav1Timecode> timecode;
  bool has_scalability = false;  // scalability metadata was present
};

// A tile group of a frame (5.11.1), its header already parsed.
struct ParsedTileGroup {
  int tg_start = 0;
  int tg_end = 0;
  // The tile data after the tile group header's byte_alignment: tile sizes
  // (le(TileSizeBytes)) and tiles, as in tile_group_obu() from the loop
  // over TileNum on.  Points into the data given to Parse().
  std::span<const uint8_t> data;
};

// One frame found in the data: a frame header with its tile groups, or a
// show_existing_frame.
struct ParsedFrame {
  std::shared_ptr<const SequenceHeader> seq;
  // For show_existing_frame: the header of the frame being shown.
  std::shared_ptr<const FrameHeader> hdr;
  Hav1SequenceInfo seq_info{};  // public view of *seq
  Hav1FrameInfo frame_info{};   // public view of *hdr (incl. film grain)
  bool show_existing_frame = false;
  bool shown = false;  // show_frame, or show_existing_frame
  int temporal_id = 0;
  int spatial_id = 0;
  // Payloads of this frame's tile group OBUs (after the OBU header), in
  // order.  They point into the data given to Parse() and are valid only
  // as long as that data.
  std::vector<std::span<const uint8_t>> tile_groups;
  // The same tile groups with their parsed headers (added member).
  std::vector<ParsedTileGroup> tile_group_info;
  ParsedMetadata metadata;  // metadata that came before this frame
};

class ObuParser {
 public:
  struct Config {
    int operating_point = 0;        // settings.operating_point (0..31)
    uint32_t frame_size_limit = 0;  // max pixels per frame, 0 = 8192*8192
    bool strict = false;            // settings.strict_std_compliance
    Hav1SyntaxTracer tracer{};      // may have null callbacks
  };

  explicit ObuParser(const Config& config);
  ~ObuParser();
  ObuParser(const ObuParser&) = delete;
  ObuParser& operator=(const ObuParser&) = delete;

  // Parses the complete OBUs in data (one or more, Section 5 low-overhead
  // format, obu_size fields present or the last OBU spanning the rest) and
  // appends every frame completed in it to *frames.  On invalid data it
  // returns an error naming the OBU and field; the parser then skips
  // everything up to the next sequence header or key frame.
  Status Parse(std::span<const uint8_t> data, std::vector<ParsedFrame>* frames);

  // True once if a new (different) sequence header arrived since the last
  // call; clears the flag.
  bool TakeNewSequenceEvent();
  // True once if a repeated sequence header of the same sequence changed
  // its operating_parameters_info() (HAV1_EVENT_FLAG_NEW_OP_PARAMS_INFO);
  // clears the flag.  (Added member.)
  bool TakeNewOpParamsEvent();

  // Forgets all reference state (seeking): the next frame must be a key
  // frame.
  void Flush();

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

// Parses the first sequence header in data (hav1_parse_sequence_header).
Status ParseSequenceInfo(std::span<const uint8_t> data, Hav1SequenceInfo* out);

}  // namespace hav1

#endif  // HAV1_SRC_BITSTREAM_OBU_PARSER_H_
