#include "src/bitstream/metadata_parser.h"

#include "src/bitstream/constants.h"

namespace hav1 {
namespace {

// 5.8.2 metadata_itut_t35()
Status ParseItutT35(BitReader& r, std::span<const uint8_t> payload, ParsedMetadata* out) {
  T35Metadata t;
  t.country_code = static_cast<uint8_t>(r.f(8, "itu_t_t35_country_code"));
  if (t.country_code == 0xFF)
    t.country_code_extension_byte =
        static_cast<uint8_t>(r.f(8, "itu_t_t35_country_code_extension_byte"));
  if (r.error()) return InvalidData("metadata_obu: itu_t_t35 truncated");
  // The payload runs up to the trailing bits: the last non-zero byte holds
  // the trailing one bit (5.8 note).
  size_t start = r.byte_position();
  size_t end = payload.size();
  while (end > start && payload[end - 1] == 0) end--;
  if (end > start) end--;  // the byte with trailing_one_bit
  t.payload.assign(payload.begin() + start, payload.begin() + end);
  if (r.tracing())
    for (size_t i = 0; i < t.payload.size(); i++)
      r.Trace(SyntaxName("itu_t_t35_payload_bytes", static_cast<int>(i)), t.payload[i]);
  out->itut_t35.push_back(std::move(t));
  return Status::Ok();
}

// 5.8.3 metadata_hdr_cll()
void ParseHdrCll(BitReader& r, ParsedMetadata* out) {
  Hav1ContentLightLevel c{};
  c.max_content_light_level = static_cast<uint16_t>(r.f(16, "max_cll"));
  c.max_frame_average_light_level = static_cast<uint16_t>(r.f(16, "max_fall"));
  out->content_light = c;
}

// 5.8.4 metadata_hdr_mdcv()
void ParseHdrMdcv(BitReader& r, ParsedMetadata* out) {
  Hav1MasteringDisplay m{};
  for (int i = 0; i < 3; i++) {
    m.primaries[i][0] = static_cast<uint16_t>(r.f(16, SyntaxName("primary_chromaticity_x", i)));
    m.primaries[i][1] = static_cast<uint16_t>(r.f(16, SyntaxName("primary_chromaticity_y", i)));
  }
  m.white_point[0] = static_cast<uint16_t>(r.f(16, "white_point_chromaticity_x"));
  m.white_point[1] = static_cast<uint16_t>(r.f(16, "white_point_chromaticity_y"));
  m.max_luminance = r.f(32, "luminance_max");
  m.min_luminance = r.f(32, "luminance_min");
  out->mastering_display = m;
}

// 5.8.5 metadata_scalability(), 5.8.6 scalability_structure()
void ParseScalability(BitReader& r, ParsedMetadata* out) {
  int scalability_mode_idc = r.f(8, "scalability_mode_idc");
  if (scalability_mode_idc == SCALABILITY_SS) {
    int spatial_layers_cnt_minus_1 = r.f(2, "spatial_layers_cnt_minus_1");
    int dims = r.f(1, "spatial_layer_dimensions_present_flag");
    int desc = r.f(1, "spatial_layer_description_present_flag");
    int tgroup = r.f(1, "temporal_group_description_present_flag");
    r.f(3, "scalability_structure_reserved_3bits");
    if (dims) {
      for (int i = 0; i <= spatial_layers_cnt_minus_1; i++) {
        r.f(16, SyntaxName("spatial_layer_max_width", i));
        r.f(16, SyntaxName("spatial_layer_max_height", i));
      }
    }
    if (desc)
      for (int i = 0; i <= spatial_layers_cnt_minus_1; i++)
        r.f(8, SyntaxName("spatial_layer_ref_id", i));
    if (tgroup) {
      int temporal_group_size = r.f(8, "temporal_group_size");
      for (int i = 0; i < temporal_group_size && !r.error(); i++) {
        r.f(3, SyntaxName("temporal_group_temporal_id", i));
        r.f(1, SyntaxName("temporal_group_temporal_switching_up_point_flag", i));
        r.f(1, SyntaxName("temporal_group_spatial_switching_up_point_flag", i));
        int cnt = r.f(3, SyntaxName("temporal_group_ref_cnt", i));
        for (int j = 0; j < cnt; j++) r.f(8, SyntaxName("temporal_group_ref_pic_diff", i, j));
      }
    }
  }
  out->has_scalability = true;
}

// 5.8.7 metadata_timecode()
void ParseTimecode(BitReader& r, ParsedMetadata* out) {
  Hav1Timecode t{};
  t.counting_type = r.f(5, "counting_type");
  t.full_timestamp_flag = r.f(1, "full_timestamp_flag");
  t.discontinuity_flag = r.f(1, "discontinuity_flag");
  t.cnt_dropped_flag = r.f(1, "cnt_dropped_flag");
  t.n_frames = r.f(9, "n_frames");
  if (t.full_timestamp_flag) {
    t.seconds_value = r.f(6, "seconds_value");
    t.minutes_value = r.f(6, "minutes_value");
    t.hours_value = r.f(5, "hours_value");
  } else {
    if (r.f(1, "seconds_flag")) {
      t.seconds_value = r.f(6, "seconds_value");
      if (r.f(1, "minutes_flag")) {
        t.minutes_value = r.f(6, "minutes_value");
        if (r.f(1, "hours_flag")) t.hours_value = r.f(5, "hours_value");
      }
    }
  }
  t.time_offset_length = r.f(5, "time_offset_length");
  if (t.time_offset_length > 0) t.time_offset_value = r.f(t.time_offset_length, "time_offset_value");
  out->timecode = t;
}

}  // namespace

// 5.8.1 metadata_obu()
Status ParseMetadataObu(std::span<const uint8_t> payload, const Hav1SyntaxTracer* tracer,
                        ParsedMetadata* out) {
  BitReader r(payload, tracer);
  r.Begin("metadata_obu");
  uint64_t metadata_type = r.leb128("metadata_type");
  if (r.error()) return InvalidData("metadata_obu: metadata_type truncated");
  switch (metadata_type) {
    case METADATA_TYPE_ITUT_T35:
      return ParseItutT35(r, payload, out);
    case METADATA_TYPE_HDR_CLL:
      ParseHdrCll(r, out);
      break;
    case METADATA_TYPE_HDR_MDCV:
      ParseHdrMdcv(r, out);
      break;
    case METADATA_TYPE_SCALABILITY:
      ParseScalability(r, out);
      break;
    case METADATA_TYPE_TIMECODE:
      ParseTimecode(r, out);
      break;
    default:
      return Status::Ok();  // reserved / user private: ignored
  }
  if (r.error())
    return InvalidData("metadata_obu: metadata type " + std::to_string(metadata_type) +
                       " truncated");
  return Status::Ok();
}

}  // namespace hav1
