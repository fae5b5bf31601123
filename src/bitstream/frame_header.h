// Frame header (spec 5.9 syntax, 6.8 semantics).  Field names are the
// spec's syntax elements and derived variables.
#ifndef HAV1_SRC_BITSTREAM_FRAME_HEADER_H_
#define HAV1_SRC_BITSTREAM_FRAME_HEADER_H_

#include <cstdint>

#include "src/bitstream/constants.h"

namespace hav1 {

// 5.9.15 tile_info()
struct TileInfo {
  int uniform_tile_spacing_flag = 0;
  int TileColsLog2 = 0;
  int TileRowsLog2 = 0;
  int TileCols = 1;
  int TileRows = 1;
  int MiColStarts[MAX_TILE_COLS + 1] = {};
  int MiRowStarts[MAX_TILE_ROWS + 1] = {};
  int context_update_tile_id = 0;
  int tile_size_bytes_minus_1 = 0;
  int TileSizeBytes = 4;
};

// 5.9.12 quantization_params()
struct QuantizationParams {
  int base_q_idx = 0;
  int DeltaQYDc = 0;
  int diff_uv_delta = 0;
  int DeltaQUDc = 0;
  int DeltaQUAc = 0;
  int DeltaQVDc = 0;
  int DeltaQVAc = 0;
  int using_qmatrix = 0;
  int qm_y = 15;
  int qm_u = 15;
  int qm_v = 15;
};

// 5.9.14 segmentation_params()
struct SegmentationParams {
  int segmentation_enabled = 0;
  int segmentation_update_map = 0;
  int segmentation_temporal_update = 0;
  int segmentation_update_data = 0;
  int FeatureEnabled[MAX_SEGMENTS][SEG_LVL_MAX] = {};
  int FeatureData[MAX_SEGMENTS][SEG_LVL_MAX] = {};
  int SegIdPreSkip = 0;
  int LastActiveSegId = 0;
};

// 5.9.17, 5.9.18 delta_q_params(), delta_lf_params()
struct DeltaParams {
  int delta_q_present = 0;
  int delta_q_res = 0;
  int delta_lf_present = 0;
  int delta_lf_res = 0;
  int delta_lf_multi = 0;
};

// 5.9.11 loop_filter_params()
struct LoopFilterParams {
  int loop_filter_level[4] = {};
  int loop_filter_sharpness = 0;
  int loop_filter_delta_enabled = 0;
  int loop_filter_delta_update = 0;
  int loop_filter_ref_deltas[TOTAL_REFS_PER_FRAME] = {1, 0, 0, 0, -1, 0, -1, -1};
  int loop_filter_mode_deltas[2] = {};
};

// 5.9.19 cdef_params()
struct CdefParams {
  int cdef_damping_minus_3 = 0;
  int CdefDamping = 3;
  int cdef_bits = 0;
  int cdef_y_pri_strength[8] = {};
  int cdef_y_sec_strength[8] = {};
  int cdef_uv_pri_strength[8] = {};
  int cdef_uv_sec_strength[8] = {};
};

// 5.9.20 lr_params()
struct LrParams {
  int lr_type[3] = {};
  int FrameRestorationType[3] = {};
  int UsesLr = 0;
  int lr_unit_shift = 0;
  int lr_unit_extra_shift = 0;
  int lr_uv_shift = 0;
  int LoopRestorationSize[3] = {RESTORATION_TILESIZE_MAX, RESTORATION_TILESIZE_MAX,
                                RESTORATION_TILESIZE_MAX};
};

// 5.9.30 film_grain_params()
struct FilmGrainParams {
  int apply_grain = 0;
  int grain_seed = 0;
  int update_grain = 0;
  int film_grain_params_ref_idx = 0;
  int num_y_points = 0;
  int point_y_value[16] = {};
  int point_y_scaling[16] = {};
  int chroma_scaling_from_luma = 0;
  int num_cb_points = 0;
  int point_cb_value[16] = {};
  int point_cb_scaling[16] = {};
  int num_cr_points = 0;
  int point_cr_value[16] = {};
  int point_cr_scaling[16] = {};
  int grain_scaling_minus_8 = 0;
  int ar_coeff_lag = 0;
  int ar_coeffs_y_plus_128[24] = {};
  int ar_coeffs_cb_plus_128[25] = {};
  int ar_coeffs_cr_plus_128[25] = {};
  int ar_coeff_shift_minus_6 = 0;
  int grain_scale_shift = 0;
  int cb_mult = 0;
  int cb_luma_mult = 0;
  int cb_offset = 0;
  int cr_mult = 0;
  int cr_luma_mult = 0;
  int cr_offset = 0;
  int overlap_flag = 0;
  int clip_to_restricted_range = 0;
};

// 5.9.2 uncompressed_header() with everything it derives.
struct FrameHeader {
  int temporal_id = 0;  // from the OBU extension header
  int spatial_id = 0;

  int show_existing_frame = 0;
  int frame_to_show_map_idx = 0;
  uint32_t frame_presentation_time = 0;
  int display_frame_id = 0;
  int frame_type = KEY_FRAME;
  int FrameIsIntra = 1;
  int show_frame = 1;
  int showable_frame = 0;
  int error_resilient_mode = 0;
  int disable_cdf_update = 0;
  int allow_screen_content_tools = 0;
  int force_integer_mv = 0;
  int current_frame_id = 0;
  int frame_size_override_flag = 0;
  int order_hint = 0;
  int OrderHint = 0;
  int primary_ref_frame = PRIMARY_REF_NONE;
  int buffer_removal_time_present_flag = 0;
  uint32_t buffer_removal_time[32] = {};
  int refresh_frame_flags = 0;
  int ref_order_hint[NUM_REF_FRAMES] = {};
  int allow_intrabc = 0;
  int frame_refs_short_signaling = 0;
  int last_frame_idx = 0;
  int gold_frame_idx = 0;
  int ref_frame_idx[REFS_PER_FRAME] = {};
  int delta_frame_id_minus_1[REFS_PER_FRAME] = {};
  int expectedFrameId[REFS_PER_FRAME] = {};
  int allow_high_precision_mv = 0;
  int is_filter_switchable = 0;
  int interpolation_filter = EIGHTTAP;
  int is_motion_mode_switchable = 0;
  int use_ref_frame_mvs = 0;
  int OrderHints[TOTAL_REFS_PER_FRAME] = {};
  int RefFrameSignBias[TOTAL_REFS_PER_FRAME] = {};
  int disable_frame_end_update_cdf = 1;

  // 5.9.5 - 5.9.9 frame size, superres, render size
  int frame_width_minus_1 = 0;
  int frame_height_minus_1 = 0;
  int found_ref = 0;
  int use_superres = 0;
  int coded_denom = 0;
  int SuperresDenom = SUPERRES_NUM;
  int FrameWidth = 0;
  int FrameHeight = 0;
  int UpscaledWidth = 0;
  int render_and_frame_size_different = 0;
  int RenderWidth = 0;
  int RenderHeight = 0;
  int MiCols = 0;
  int MiRows = 0;

  TileInfo tile_info;
  QuantizationParams quantization_params;
  SegmentationParams segmentation_params;
  DeltaParams delta_params;
  int CodedLossless = 0;
  int AllLossless = 0;
  int LosslessArray[MAX_SEGMENTS] = {};
  int SegQMLevel[3][MAX_SEGMENTS] = {};
  LoopFilterParams loop_filter_params;
  CdefParams cdef_params;
  LrParams lr_params;
  int tx_mode_select = 0;
  int TxMode = ONLY_4X4;
  int reference_select = 0;
  int skipModeAllowed = 0;
  int skip_mode_present = 0;
  int SkipModeFrame[2] = {};
  int allow_warped_motion = 0;
  int reduced_tx_set = 0;
  // 5.9.24 global_motion_params(); indexed by reference frame (0..7).
  int GmType[TOTAL_REFS_PER_FRAME] = {};
  int32_t gm_params[TOTAL_REFS_PER_FRAME][6] = {};
  FilmGrainParams film_grain_params;

  // RefValid[] after this header (mark_ref_frames, ref_order_hint and key
  // frames clear entries); the parser stores it back into the RefState.
  int RefValid[NUM_REF_FRAMES] = {};
};

}  // namespace hav1

#endif  // HAV1_SRC_BITSTREAM_FRAME_HEADER_H_
