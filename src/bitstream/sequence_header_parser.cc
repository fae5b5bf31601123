#include "src/bitstream/sequence_header_parser.h"

#include "src/bitstream/constants.h"

namespace hav1 {
namespace {

// 5.5.3 timing_info()
void ParseTimingInfo(BitReader& r, TimingInfo* t) {
  t->num_units_in_display_tick = r.f(32, "num_units_in_display_tick");
  t->time_scale = r.f(32, "time_scale");
  t->equal_picture_interval = r.f(1, "equal_picture_interval");
  if (t->equal_picture_interval)
    t->num_ticks_per_picture_minus_1 = r.uvlc("num_ticks_per_picture_minus_1");
}

// 5.5.4 decoder_model_info()
void ParseDecoderModelInfo(BitReader& r, DecoderModelInfo* d) {
  d->buffer_delay_length_minus_1 = r.f(5, "buffer_delay_length_minus_1");
  d->num_units_in_decoding_tick = r.f(32, "num_units_in_decoding_tick");
  d->buffer_removal_time_length_minus_1 = r.f(5, "buffer_removal_time_length_minus_1");
  d->frame_presentation_time_length_minus_1 =
      r.f(5, "frame_presentation_time_length_minus_1");
}

// 5.5.2 color_config()
Status ParseColorConfig(BitReader& r, int seq_profile, ColorConfig* c) {
  c->high_bitdepth = r.f(1, "high_bitdepth");
  if (seq_profile == 2 && c->high_bitdepth) {
    c->twelve_bit = r.f(1, "twelve_bit");
    c->BitDepth = c->twelve_bit ? 12 : 10;
  } else {
    c->BitDepth = c->high_bitdepth ? 10 : 8;
  }
  if (seq_profile == 1)
    c->mono_chrome = 0;
  else
    c->mono_chrome = r.f(1, "mono_chrome");
  c->NumPlanes = c->mono_chrome ? 1 : 3;
  c->color_description_present_flag = r.f(1, "color_description_present_flag");
  if (c->color_description_present_flag) {
    c->color_primaries = r.f(8, "color_primaries");
    c->transfer_characteristics = r.f(8, "transfer_characteristics");
    c->matrix_coefficients = r.f(8, "matrix_coefficients");
  } else {
    c->color_primaries = CP_UNSPECIFIED;
    c->transfer_characteristics = TC_UNSPECIFIED;
    c->matrix_coefficients = MC_UNSPECIFIED;
  }
  if (c->mono_chrome) {
    c->color_range = r.f(1, "color_range");
    c->subsampling_x = 1;
    c->subsampling_y = 1;
    c->chroma_sample_position = CSP_UNKNOWN;
    c->separate_uv_delta_q = 0;
    return Status::Ok();
  } else if (c->color_primaries == CP_BT_709 && c->transfer_characteristics == TC_SRGB &&
             c->matrix_coefficients == MC_IDENTITY) {
    c->color_range = 1;
    c->subsampling_x = 0;
    c->subsampling_y = 0;
  } else {
    c->color_range = r.f(1, "color_range");
    if (seq_profile == 0) {
      c->subsampling_x = 1;
      c->subsampling_y = 1;
    } else if (seq_profile == 1) {
      c->subsampling_x = 0;
      c->subsampling_y = 0;
    } else {
      if (c->BitDepth == 12) {
        c->subsampling_x = r.f(1, "subsampling_x");
        if (c->subsampling_x)
          c->subsampling_y = r.f(1, "subsampling_y");
        else
          c->subsampling_y = 0;
      } else {
        c->subsampling_x = 1;
        c->subsampling_y = 0;
      }
    }
    if (c->subsampling_x && c->subsampling_y)
      c->chroma_sample_position = r.f(2, "chroma_sample_position");
  }
  c->separate_uv_delta_q = r.f(1, "separate_uv_delta_q");
  // 6.4.2: sRGB/identity matrix requires 4:4:4 (profile 1 or 2 at 12 bit).
  if (c->matrix_coefficients == MC_IDENTITY &&
      !(c->subsampling_x == 0 && c->subsampling_y == 0))
    return InvalidData("sequence_header_obu: matrix_coefficients MC_IDENTITY requires 4:4:4");
  return Status::Ok();
}

}  // namespace

// 5.5.1 sequence_header_obu()
Status ParseSequenceHeader(BitReader& r, int operating_point, SequenceHeader* s) {
  *s = SequenceHeader();
  s->seq_profile = r.f(3, "seq_profile");
  if (s->seq_profile > 2)
    return InvalidData("sequence_header_obu: seq_profile " + std::to_string(s->seq_profile));
  s->still_picture = r.f(1, "still_picture");
  s->reduced_still_picture_header = r.f(1, "reduced_still_picture_header");
  if (s->reduced_still_picture_header) {
    if (!s->still_picture)
      return InvalidData("sequence_header_obu: reduced_still_picture_header without still_picture");
    s->operating_points[0].seq_level_idx = r.f(5, SyntaxName("seq_level_idx", 0));
  } else {
    s->timing_info_present_flag = r.f(1, "timing_info_present_flag");
    if (s->timing_info_present_flag) {
      ParseTimingInfo(r, &s->timing_info);
      s->decoder_model_info_present_flag = r.f(1, "decoder_model_info_present_flag");
      if (s->decoder_model_info_present_flag) ParseDecoderModelInfo(r, &s->decoder_model_info);
    }
    s->initial_display_delay_present_flag = r.f(1, "initial_display_delay_present_flag");
    s->operating_points_cnt_minus_1 = r.f(5, "operating_points_cnt_minus_1");
    for (int i = 0; i <= s->operating_points_cnt_minus_1; i++) {
      OperatingPoint& op = s->operating_points[i];
      op.operating_point_idc = r.f(12, SyntaxName("operating_point_idc", i));
      op.seq_level_idx = r.f(5, SyntaxName("seq_level_idx", i));
      if (op.seq_level_idx > 7) op.seq_tier = r.f(1, SyntaxName("seq_tier", i));
      if (s->decoder_model_info_present_flag) {
        op.decoder_model_present_for_this_op =
            r.f(1, SyntaxName("decoder_model_present_for_this_op", i));
        if (op.decoder_model_present_for_this_op) {
          // 5.5.5 operating_parameters_info()
          int n = s->decoder_model_info.buffer_delay_length_minus_1 + 1;
          op.decoder_buffer_delay = r.f(n, SyntaxName("decoder_buffer_delay", i));
          op.encoder_buffer_delay = r.f(n, SyntaxName("encoder_buffer_delay", i));
          op.low_delay_mode_flag = r.f(1, SyntaxName("low_delay_mode_flag", i));
        }
      }
      if (s->initial_display_delay_present_flag) {
        op.initial_display_delay_present_for_this_op =
            r.f(1, SyntaxName("initial_display_delay_present_for_this_op", i));
        if (op.initial_display_delay_present_for_this_op)
          op.initial_display_delay_minus_1 =
              r.f(4, SyntaxName("initial_display_delay_minus_1", i));
      }
    }
  }
  // 7.1 choose_operating_point(): the requested one if it exists, else 0.
  s->operatingPoint = operating_point;
  if (s->operatingPoint < 0 || s->operatingPoint > s->operating_points_cnt_minus_1)
    s->operatingPoint = 0;
  s->OperatingPointIdc = s->operating_points[s->operatingPoint].operating_point_idc;

  s->frame_width_bits_minus_1 = r.f(4, "frame_width_bits_minus_1");
  s->frame_height_bits_minus_1 = r.f(4, "frame_height_bits_minus_1");
  s->max_frame_width_minus_1 = r.f(s->frame_width_bits_minus_1 + 1, "max_frame_width_minus_1");
  s->max_frame_height_minus_1 =
      r.f(s->frame_height_bits_minus_1 + 1, "max_frame_height_minus_1");
  if (s->reduced_still_picture_header)
    s->frame_id_numbers_present_flag = 0;
  else
    s->frame_id_numbers_present_flag = r.f(1, "frame_id_numbers_present_flag");
  if (s->frame_id_numbers_present_flag) {
    s->delta_frame_id_length_minus_2 = r.f(4, "delta_frame_id_length_minus_2");
    s->additional_frame_id_length_minus_1 = r.f(3, "additional_frame_id_length_minus_1");
    // 6.4.1: idLen (<= 16 bits) must exceed the delta length.
    int idLen = s->additional_frame_id_length_minus_1 + s->delta_frame_id_length_minus_2 + 3;
    if (idLen > 16)
      return InvalidData("sequence_header_obu: frame id length " + std::to_string(idLen) +
                         " > 16");
  }
  s->use_128x128_superblock = r.f(1, "use_128x128_superblock");
  s->enable_filter_intra = r.f(1, "enable_filter_intra");
  s->enable_intra_edge_filter = r.f(1, "enable_intra_edge_filter");
  if (s->reduced_still_picture_header) {
    s->seq_force_screen_content_tools = SELECT_SCREEN_CONTENT_TOOLS;
    s->seq_force_integer_mv = SELECT_INTEGER_MV;
    s->OrderHintBits = 0;
  } else {
    s->enable_interintra_compound = r.f(1, "enable_interintra_compound");
    s->enable_masked_compound = r.f(1, "enable_masked_compound");
    s->enable_warped_motion = r.f(1, "enable_warped_motion");
    s->enable_dual_filter = r.f(1, "enable_dual_filter");
    s->enable_order_hint = r.f(1, "enable_order_hint");
    if (s->enable_order_hint) {
      s->enable_jnt_comp = r.f(1, "enable_jnt_comp");
      s->enable_ref_frame_mvs = r.f(1, "enable_ref_frame_mvs");
    }
    s->seq_choose_screen_content_tools = r.f(1, "seq_choose_screen_content_tools");
    if (s->seq_choose_screen_content_tools)
      s->seq_force_screen_content_tools = SELECT_SCREEN_CONTENT_TOOLS;
    else
      s->seq_force_screen_content_tools = r.f(1, "seq_force_screen_content_tools");
    if (s->seq_force_screen_content_tools > 0) {
      s->seq_choose_integer_mv = r.f(1, "seq_choose_integer_mv");
      if (s->seq_choose_integer_mv)
        s->seq_force_integer_mv = SELECT_INTEGER_MV;
      else
        s->seq_force_integer_mv = r.f(1, "seq_force_integer_mv");
    } else {
      s->seq_force_integer_mv = SELECT_INTEGER_MV;
    }
    if (s->enable_order_hint) {
      s->order_hint_bits_minus_1 = r.f(3, "order_hint_bits_minus_1");
      s->OrderHintBits = s->order_hint_bits_minus_1 + 1;
    }
  }
  s->enable_superres = r.f(1, "enable_superres");
  s->enable_cdef = r.f(1, "enable_cdef");
  s->enable_restoration = r.f(1, "enable_restoration");
  HAV1_RETURN_IF_ERROR(ParseColorConfig(r, s->seq_profile, &s->color_config));
  s->film_grain_params_present = r.f(1, "film_grain_params_present");
  if (r.error()) return InvalidData("sequence_header_obu: truncated");
  return Status::Ok();
}

}  // namespace hav1
