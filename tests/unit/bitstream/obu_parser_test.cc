// Unit tests for the OBU layer (spec 5.3) on hand-built bytes, and the
// sequence and frame headers of real streams against values read from
// ffmpeg's trace_headers output (hard-coded below).
#include "src/bitstream/obu_parser.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

#include "src/bitstream/frame_header.h"
#include "src/bitstream/sequence_header.h"
#include "tools/input/input.h"

namespace hav1 {
namespace {

Status ParseBytes(const std::vector<uint8_t>& bytes, std::vector<ParsedFrame>* frames,
                  ObuParser::Config config = {}) {
  ObuParser p(config);
  return p.Parse(bytes, frames);
}

// obu_header byte: forbidden(1) type(4) ext(1) has_size(1) reserved(1).
constexpr uint8_t Hdr(int type, bool ext = false, bool has_size = true) {
  return static_cast<uint8_t>((type << 3) | (ext ? 4 : 0) | (has_size ? 2 : 0));
}

TEST(ObuParser, TemporalDelimiter) {
  std::vector<ParsedFrame> frames;
  EXPECT_TRUE(ParseBytes({Hdr(2), 0x00}, &frames).ok());
  EXPECT_TRUE(frames.empty());
}

TEST(ObuParser, EmptyData) {
  std::vector<ParsedFrame> frames;
  EXPECT_TRUE(ParseBytes({}, &frames).ok());
}

TEST(ObuParser, ForbiddenBitRejected) {
  std::vector<ParsedFrame> frames;
  Status st = ParseBytes({0x80 | Hdr(2), 0x00}, &frames);
  EXPECT_EQ(st.code(), HAV1_ERR_INVALID_DATA);
  EXPECT_NE(st.message().find("obu_forbidden_bit"), std::string::npos);
}

TEST(ObuParser, OversizedObuSizeRejected) {
  std::vector<ParsedFrame> frames;
  Status st = ParseBytes({Hdr(15), 0x05, 0x00, 0x00}, &frames);
  EXPECT_EQ(st.code(), HAV1_ERR_INVALID_DATA);
  EXPECT_NE(st.message().find("obu_size"), std::string::npos);
}

TEST(ObuParser, TruncatedObuSizeRejected) {
  std::vector<ParsedFrame> frames;
  EXPECT_EQ(ParseBytes({Hdr(15), 0x80}, &frames).code(), HAV1_ERR_INVALID_DATA);
  // Header with extension flag but no extension byte.
  EXPECT_EQ(ParseBytes({Hdr(15, true)}, &frames).code(), HAV1_ERR_INVALID_DATA);
}

TEST(ObuParser, Leb128TooLongRejected) {
  std::vector<ParsedFrame> frames;
  std::vector<uint8_t> b = {Hdr(15), 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00};
  EXPECT_EQ(ParseBytes(b, &frames).code(), HAV1_ERR_INVALID_DATA);
}

TEST(ObuParser, PaddingAndReservedIgnored) {
  std::vector<ParsedFrame> frames;
  EXPECT_TRUE(ParseBytes({Hdr(15), 0x02, 0xAA, 0x80, Hdr(9), 0x01, 0x80, Hdr(0), 0x00},
                         &frames)
                  .ok());
  EXPECT_TRUE(frames.empty());
}

TEST(ObuParser, ObuWithoutSizeSpansTheRest) {
  std::vector<ParsedFrame> frames;
  EXPECT_TRUE(ParseBytes({Hdr(15, false, false), 0x12, 0x34, 0x80}, &frames).ok());
}

TEST(ObuParser, TileListUnsupported) {
  std::vector<ParsedFrame> frames;
  EXPECT_EQ(ParseBytes({Hdr(8), 0x00}, &frames).code(), HAV1_ERR_UNSUPPORTED);
}

TEST(ObuParser, FrameHeaderWithoutSequenceHeaderRejected) {
  std::vector<ParsedFrame> frames;
  Status st = ParseBytes({Hdr(3), 0x01, 0x10}, &frames);
  EXPECT_EQ(st.code(), HAV1_ERR_INVALID_DATA);
}

TEST(ObuParser, TileGroupWithoutFrameHeaderRejected) {
  std::vector<ParsedFrame> frames;
  EXPECT_EQ(ParseBytes({Hdr(4), 0x01, 0x00}, &frames).code(), HAV1_ERR_INVALID_DATA);
}

TEST(ObuParser, TracerSeesObuHeader) {
  struct T {
    std::vector<std::string> names;
  } t;
  ObuParser::Config c;
  c.tracer.cookie = &t;
  c.tracer.begin = [](void* k, const char* s) {
    static_cast<T*>(k)->names.push_back(std::string("[") + s + "]");
  };
  c.tracer.element = [](void* k, const char* n, int64_t) {
    static_cast<T*>(k)->names.push_back(n);
  };
  std::vector<ParsedFrame> frames;
  // Temporal delimiter with an extension header (temporal_id 2, spatial_id 1).
  ASSERT_TRUE(ParseBytes({Hdr(2, true), 0x48, 0x00}, &frames, c).ok());
  std::vector<std::string> want = {"[obu_header]",  "obu_forbidden_bit",
                                   "obu_type",      "obu_extension_flag",
                                   "obu_has_size_field", "obu_reserved_1bit",
                                   "temporal_id",   "spatial_id",
                                   "extension_header_reserved_3bits", "obu_size",
                                   "[temporal_delimiter_obu]"};
  EXPECT_EQ(t.names, want);
}

// Reads all temporal units of a stream from ../shared.
std::vector<std::vector<uint8_t>> ReadStream(const std::string& rel) {
  const char* shared = std::getenv("HAV1_SHARED_DIR");
  std::vector<std::vector<uint8_t>> tus;
  if (!shared) return tus;
  std::string error;
  auto reader = input::OpenFile(std::string(shared) + "/" + rel, &error);
  if (!reader) return tus;
  input::TemporalUnit tu;
  while (reader->Read(&tu, &error) == 1) tus.push_back(tu.data);
  return tus;
}

// Values from: ffmpeg -v trace -i seq_hdr_op_param_info.ivf -c copy
//              -bsf:v trace_headers -f null -
TEST(ObuParser, RealSequenceHeaderMatchesFfmpeg) {
  auto tus = ReadStream("conformance/dav1d-test-data/8-bit/features/seq_hdr_op_param_info.ivf");
  if (tus.empty()) GTEST_SKIP() << "../shared/conformance not available";
  ObuParser p(ObuParser::Config{});
  std::vector<ParsedFrame> frames;
  ASSERT_TRUE(p.Parse(tus[0], &frames).ok());
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_TRUE(p.TakeNewSequenceEvent());
  EXPECT_FALSE(p.TakeNewSequenceEvent());
  const SequenceHeader& s = *frames[0].seq;
  EXPECT_EQ(s.seq_profile, 0);
  EXPECT_EQ(s.still_picture, 0);
  EXPECT_EQ(s.timing_info_present_flag, 1);
  EXPECT_EQ(s.timing_info.num_units_in_display_tick, 1001u);
  EXPECT_EQ(s.timing_info.time_scale, 24000u);
  EXPECT_EQ(s.timing_info.equal_picture_interval, 0);
  EXPECT_EQ(s.decoder_model_info_present_flag, 1);
  EXPECT_EQ(s.decoder_model_info.buffer_delay_length_minus_1, 15);
  EXPECT_EQ(s.decoder_model_info.num_units_in_decoding_tick, 1001u);
  EXPECT_EQ(s.decoder_model_info.buffer_removal_time_length_minus_1, 9);
  EXPECT_EQ(s.decoder_model_info.frame_presentation_time_length_minus_1, 9);
  EXPECT_EQ(s.initial_display_delay_present_flag, 1);
  EXPECT_EQ(s.operating_points_cnt_minus_1, 0);
  EXPECT_EQ(s.operating_points[0].operating_point_idc, 0);
  EXPECT_EQ(s.operating_points[0].seq_level_idx, 0);
  EXPECT_EQ(s.operating_points[0].decoder_model_present_for_this_op, 1);
  EXPECT_EQ(s.operating_points[0].decoder_buffer_delay, 45000u);
  EXPECT_EQ(s.operating_points[0].encoder_buffer_delay, 0u);
  EXPECT_EQ(s.operating_points[0].low_delay_mode_flag, 0);
  EXPECT_EQ(s.operating_points[0].initial_display_delay_present_for_this_op, 1);
  EXPECT_EQ(s.operating_points[0].initial_display_delay_minus_1, 7);
  EXPECT_EQ(s.frame_width_bits_minus_1, 8);
  EXPECT_EQ(s.frame_height_bits_minus_1, 7);
  EXPECT_EQ(s.max_frame_width_minus_1, 319);
  EXPECT_EQ(s.max_frame_height_minus_1, 175);
  EXPECT_EQ(s.frame_id_numbers_present_flag, 0);
  EXPECT_EQ(s.use_128x128_superblock, 0);
  EXPECT_EQ(s.enable_filter_intra, 1);
  EXPECT_EQ(s.enable_intra_edge_filter, 1);
  EXPECT_EQ(s.enable_interintra_compound, 1);
  EXPECT_EQ(s.enable_masked_compound, 1);
  EXPECT_EQ(s.enable_warped_motion, 1);
  EXPECT_EQ(s.enable_dual_filter, 0);
  EXPECT_EQ(s.enable_order_hint, 1);
  EXPECT_EQ(s.enable_jnt_comp, 1);
  EXPECT_EQ(s.enable_ref_frame_mvs, 1);
  EXPECT_EQ(s.seq_choose_screen_content_tools, 1);
  EXPECT_EQ(s.seq_choose_integer_mv, 1);
  EXPECT_EQ(s.order_hint_bits_minus_1, 6);
  EXPECT_EQ(s.OrderHintBits, 7);
  EXPECT_EQ(s.enable_superres, 0);
  EXPECT_EQ(s.enable_cdef, 1);
  EXPECT_EQ(s.enable_restoration, 1);
  EXPECT_EQ(s.color_config.high_bitdepth, 0);
  EXPECT_EQ(s.color_config.BitDepth, 8);
  EXPECT_EQ(s.color_config.mono_chrome, 0);
  EXPECT_EQ(s.color_config.color_description_present_flag, 0);
  EXPECT_EQ(s.color_config.color_range, 0);
  EXPECT_EQ(s.color_config.chroma_sample_position, 0);
  EXPECT_EQ(s.color_config.separate_uv_delta_q, 0);
  EXPECT_EQ(s.film_grain_params_present, 0);

  // First frame header (ffmpeg): key frame, shown, frame_presentation_time 0,
  // buffer_removal_time[0] 0, base_q_idx 34, loop_filter_level 5 0 0 4.
  const FrameHeader& h = *frames[0].hdr;
  EXPECT_EQ(h.frame_type, KEY_FRAME);
  EXPECT_EQ(h.show_frame, 1);
  EXPECT_EQ(h.frame_presentation_time, 0u);
  EXPECT_EQ(h.buffer_removal_time_present_flag, 1);
  EXPECT_EQ(h.quantization_params.base_q_idx, 34);
  EXPECT_EQ(h.loop_filter_params.loop_filter_level[0], 5);
  EXPECT_EQ(h.loop_filter_params.loop_filter_level[1], 0);
  EXPECT_EQ(h.loop_filter_params.loop_filter_level[2], 0);
  EXPECT_EQ(h.loop_filter_params.loop_filter_level[3], 4);
  EXPECT_EQ(h.FrameWidth, 320);
  EXPECT_EQ(h.FrameHeight, 176);
  EXPECT_EQ(frames[0].frame_info.frame_width, 320);
  EXPECT_EQ(frames[0].seq_info.max_width, 320);
  EXPECT_EQ(frames[0].tile_groups.size(), 1u);

  // The whole stream parses; the repeated sequence headers (different
  // encoder_buffer_delay only) do not start a new sequence.
  for (size_t i = 1; i < tus.size(); i++) {
    frames.clear();
    ASSERT_TRUE(p.Parse(tus[i], &frames).ok()) << "temporal unit " << i;
  }
  EXPECT_FALSE(p.TakeNewSequenceEvent());
  EXPECT_TRUE(p.TakeNewOpParamsEvent());
  EXPECT_FALSE(p.TakeNewOpParamsEvent());
}

// Values from ffmpeg trace_headers of 00000671.ivf (10-bit, 2 tiles).
TEST(ObuParser, RealFrameHeaderMatchesFfmpeg) {
  auto tus = ReadStream("conformance/dav1d-test-data/10-bit/data/00000671.ivf");
  if (tus.empty()) GTEST_SKIP() << "../shared/conformance not available";
  ObuParser p(ObuParser::Config{});
  std::vector<ParsedFrame> frames;
  ASSERT_TRUE(p.Parse(tus[0], &frames).ok());
  ASSERT_EQ(frames.size(), 1u);
  const FrameHeader& h = *frames[0].hdr;
  EXPECT_EQ(frames[0].seq->color_config.BitDepth, 10);
  EXPECT_EQ(frames[0].seq->use_128x128_superblock, 1);
  EXPECT_EQ(h.FrameWidth, 160);
  EXPECT_EQ(h.FrameHeight, 90);
  EXPECT_EQ(h.allow_screen_content_tools, 1);
  EXPECT_EQ(h.tile_info.TileColsLog2, 1);
  EXPECT_EQ(h.tile_info.TileRowsLog2, 0);
  EXPECT_EQ(h.tile_info.TileCols, 2);
  EXPECT_EQ(h.tile_info.TileRows, 1);
  EXPECT_EQ(h.tile_info.tile_size_bytes_minus_1, 1);
  EXPECT_EQ(h.quantization_params.base_q_idx, 50);
  EXPECT_EQ(h.cdef_params.cdef_bits, 2);
  EXPECT_EQ(h.cdef_params.cdef_y_pri_strength[2], 2);
  EXPECT_EQ(h.cdef_params.cdef_y_sec_strength[3], 1);
  EXPECT_EQ(h.lr_params.lr_type[1], 2);
  EXPECT_EQ(h.lr_params.lr_unit_shift, 1);
  EXPECT_EQ(h.TxMode, TX_MODE_SELECT);
  // Second frame: inter, refresh_frame_flags 4, ref_frame_idx 0..6, base_q_idx 85.
  frames.clear();
  ASSERT_TRUE(p.Parse(tus[1], &frames).ok());
  ASSERT_EQ(frames.size(), 1u);
  const FrameHeader& h2 = *frames[0].hdr;
  EXPECT_EQ(h2.frame_type, INTER_FRAME);
  EXPECT_EQ(h2.refresh_frame_flags, 4);
  for (int i = 0; i < 7; i++) EXPECT_EQ(h2.ref_frame_idx[i], i);
  EXPECT_EQ(h2.quantization_params.base_q_idx, 85);
  EXPECT_EQ(h2.primary_ref_frame, 0);
  EXPECT_EQ(h2.allow_high_precision_mv, 1);
  EXPECT_EQ(h2.interpolation_filter, SWITCHABLE);
}

// Frame counts from the manifest: api_svc_L1T3 shows 20 frames at operating
// point 0 and 10 at operating point 1 (the temporal base layer only).
int CountShown(const std::vector<std::vector<uint8_t>>& tus, int op, int* max_spatial) {
  ObuParser::Config c;
  c.operating_point = op;
  ObuParser p(c);
  int shown = 0;
  *max_spatial = 0;
  for (const auto& tu : tus) {
    std::vector<ParsedFrame> frames;
    if (!p.Parse(tu, &frames).ok()) return -1;
    for (const auto& f : frames) {
      shown += f.shown;
      *max_spatial = std::max(*max_spatial, f.spatial_id);
    }
  }
  return shown;
}

TEST(ObuParser, OperatingPointSelection) {
  auto l1t3 = ReadStream("conformance/generated/api_svc_L1T3_natcomp_176x144.ivf");
  auto l2t1 = ReadStream("conformance/generated/api_svc_L2T1_natcomp_176x144.ivf");
  if (l1t3.empty() || l2t1.empty()) GTEST_SKIP() << "../shared/conformance not available";
  int sp = 0;
  EXPECT_EQ(CountShown(l1t3, 0, &sp), 20);
  EXPECT_EQ(CountShown(l1t3, 1, &sp), 10);
  // L2T1: operating point 1 drops spatial layer 1 (20 frames of 88x72);
  // operating point 0 keeps both layers (40 frames with --alllayers).
  EXPECT_EQ(CountShown(l2t1, 1, &sp), 20);
  EXPECT_EQ(sp, 0);
  EXPECT_EQ(CountShown(l2t1, 0, &sp), 40);
  EXPECT_EQ(sp, 1);
}

// After an error the parser drops everything up to the next key frame;
// Flush() forgets the references.
TEST(ObuParser, ResyncAfterErrorAndFlush) {
  auto tus = ReadStream("conformance/dav1d-test-data/10-bit/data/00000671.ivf");
  if (tus.size() < 3) GTEST_SKIP() << "../shared/conformance not available";
  ObuParser p(ObuParser::Config{});
  std::vector<ParsedFrame> frames;
  ASSERT_TRUE(p.Parse(tus[0], &frames).ok());
  ASSERT_EQ(frames.size(), 1u);
  frames.clear();
  const std::vector<uint8_t> bad = {0x80 | Hdr(2), 0x00};
  EXPECT_FALSE(p.Parse(bad, &frames).ok());
  EXPECT_TRUE(p.Parse(tus[1], &frames).ok());
  EXPECT_TRUE(frames.empty());  // inter frame skipped while resyncing
  ASSERT_TRUE(p.Parse(tus[0], &frames).ok());
  EXPECT_EQ(frames.size(), 1u);  // key frame ends the resync
  frames.clear();
  ASSERT_TRUE(p.Parse(tus[1], &frames).ok());
  EXPECT_EQ(frames.size(), 1u);
  frames.clear();
  p.Flush();
  EXPECT_TRUE(p.Parse(tus[2], &frames).ok());
  EXPECT_TRUE(frames.empty());
  ASSERT_TRUE(p.Parse(tus[0], &frames).ok());
  EXPECT_EQ(frames.size(), 1u);
}

// A truncated frame header is rejected with the OBU named.
TEST(ObuParser, TruncatedFrameRejected) {
  auto tus = ReadStream("conformance/dav1d-test-data/10-bit/data/00000671.ivf");
  if (tus.empty()) GTEST_SKIP() << "../shared/conformance not available";
  ObuParser p(ObuParser::Config{});
  std::vector<ParsedFrame> frames;
  // Cut the data inside the first frame OBU: its obu_size now exceeds the
  // remaining bytes.
  std::vector<uint8_t> cut(tus[0].begin(), tus[0].begin() + 20);
  Status st = p.Parse(cut, &frames);
  EXPECT_EQ(st.code(), HAV1_ERR_INVALID_DATA);
  EXPECT_NE(st.message().find("obu_size"), std::string::npos);
  EXPECT_TRUE(frames.empty());
}

TEST(ParseSequenceInfo, FromRealStream) {
  auto tus = ReadStream("conformance/dav1d-test-data/10-bit/data/00000671.ivf");
  if (tus.empty()) GTEST_SKIP() << "../shared/conformance not available";
  Hav1SequenceInfo info{};
  ASSERT_TRUE(ParseSequenceInfo(tus[0], &info).ok());
  EXPECT_EQ(info.profile, 0);
  EXPECT_EQ(info.bitdepth, 10);
  EXPECT_EQ(info.max_width, 160);
  EXPECT_EQ(info.max_height, 90);
  EXPECT_EQ(info.layout, HAV1_PIXEL_LAYOUT_I420);
  EXPECT_EQ(info.operating_points, 1);
  Hav1SequenceInfo none{};
  const std::vector<uint8_t> td = {0x12, 0x00};
  EXPECT_EQ(ParseSequenceInfo(td, &none).code(), HAV1_ERR_INVALID_DATA);
}

}  // namespace
}  // namespace hav1
