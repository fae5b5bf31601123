// Sequence header (spec 5.5 syntax, 6.4 semantics).  Field names are the
// spec's syntax elements and derived variables.
#ifndef HAV1_SRC_BITSTREAM_SEQUENCE_HEADER_H_
#define HAV1_SRC_BITSTREAM_SEQUENCE_HEADER_H_

#include <cstdint>
#include <initializer_list>

namespace hav1 {

// 5.5.2 color_config()
struct ColorConfig {
  int high_bitdepth = 0;
  int twelve_bit = 0;
  int BitDepth = 8;
  int mono_chrome = 0;
  int NumPlanes = 3;
  int color_description_present_flag = 0;
  int color_primaries = 2;           // CP_UNSPECIFIED
  int transfer_characteristics = 2;  // TC_UNSPECIFIED
  int matrix_coefficients = 2;       // MC_UNSPECIFIED
  int color_range = 0;
  int subsampling_x = 1;
  int subsampling_y = 1;
  int chroma_sample_position = 0;
  int separate_uv_delta_q = 0;

  bool operator==(const ColorConfig&) const = default;
};

// 5.5.3 timing_info()
struct TimingInfo {
  uint32_t num_units_in_display_tick = 0;
  uint32_t time_scale = 0;
  int equal_picture_interval = 0;
  uint32_t num_ticks_per_picture_minus_1 = 0;

  bool operator==(const TimingInfo&) const = default;
};

// 5.5.4 decoder_model_info()
struct DecoderModelInfo {
  int buffer_delay_length_minus_1 = 0;
  uint32_t num_units_in_decoding_tick = 0;
  int buffer_removal_time_length_minus_1 = 0;
  int frame_presentation_time_length_minus_1 = 0;

  bool operator==(const DecoderModelInfo&) const = default;
};

// Per operating point fields (5.5.1, 5.5.5 operating_parameters_info()).
struct OperatingPoint {
  int operating_point_idc = 0;
  int seq_level_idx = 0;
  int seq_tier = 0;
  int decoder_model_present_for_this_op = 0;
  uint32_t decoder_buffer_delay = 0;
  uint32_t encoder_buffer_delay = 0;
  int low_delay_mode_flag = 0;
  int initial_display_delay_present_for_this_op = 0;
  int initial_display_delay_minus_1 = 0;

  bool operator==(const OperatingPoint&) const = default;
};

// 5.5.1 sequence_header_obu()
struct SequenceHeader {
  int seq_profile = 0;
  int still_picture = 0;
  int reduced_still_picture_header = 0;
  int timing_info_present_flag = 0;
  TimingInfo timing_info;
  int decoder_model_info_present_flag = 0;
  DecoderModelInfo decoder_model_info;
  int initial_display_delay_present_flag = 0;
  int operating_points_cnt_minus_1 = 0;
  OperatingPoint operating_points[32];
  // Chosen by choose_operating_point() (Config.operating_point, clamped).
  int operatingPoint = 0;
  int OperatingPointIdc = 0;
  int frame_width_bits_minus_1 = 0;
  int frame_height_bits_minus_1 = 0;
  int max_frame_width_minus_1 = 0;
  int max_frame_height_minus_1 = 0;
  int frame_id_numbers_present_flag = 0;
  int delta_frame_id_length_minus_2 = 0;
  int additional_frame_id_length_minus_1 = 0;
  int use_128x128_superblock = 0;
  int enable_filter_intra = 0;
  int enable_intra_edge_filter = 0;
  int enable_interintra_compound = 0;
  int enable_masked_compound = 0;
  int enable_warped_motion = 0;
  int enable_dual_filter = 0;
  int enable_order_hint = 0;
  int enable_jnt_comp = 0;
  int enable_ref_frame_mvs = 0;
  int seq_choose_screen_content_tools = 0;
  int seq_force_screen_content_tools = 2;  // SELECT_SCREEN_CONTENT_TOOLS
  int seq_choose_integer_mv = 0;
  int seq_force_integer_mv = 2;  // SELECT_INTEGER_MV
  int order_hint_bits_minus_1 = 0;
  int OrderHintBits = 0;
  int enable_superres = 0;
  int enable_cdef = 0;
  int enable_restoration = 0;
  ColorConfig color_config;
  int film_grain_params_present = 0;

  bool operator==(const SequenceHeader&) const = default;
  // 7.5: equal except for operating_parameters_info() (the only part that
  // may change within a coded video sequence).
  bool SameSequence(const SequenceHeader& o) const {
    SequenceHeader a = *this, b = o;
    for (int i = 0; i < 32; i++) {
      for (SequenceHeader* x : {&a, &b}) {
        x->operating_points[i].decoder_buffer_delay = 0;
        x->operating_points[i].encoder_buffer_delay = 0;
        x->operating_points[i].low_delay_mode_flag = 0;
      }
    }
    return a == b;
  }
};

}  // namespace hav1

#endif  // HAV1_SRC_BITSTREAM_SEQUENCE_HEADER_H_
