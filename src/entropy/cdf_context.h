// Every CDF array of a frame context (spec 6.8.2 init_non_coeff_cdfs and
// init_coeff_cdfs), as one plain value type.  The same type serves for the
// spec's four sets of arrays, which differ only by name prefix:
//   - the frame arrays (no prefix): set by init_*_cdfs or load_cdfs at the
//     frame header, replaced by frame_end_update_cdf (7.7);
//   - the Tile* arrays: a copy of the frame arrays made by init_symbol
//     (8.2.2), adapted while the tile is decoded;
//   - the Saved* arrays: a copy of the Tile* arrays made by exit_symbol
//     (8.2.4) for tile context_update_tile_id;
//   - the reference slots: save_cdfs / load_cdfs (7.20, 7.21, 6.8.2).
// Copies are plain assignments.  AV1 has no CDF averaging.
//
// Each member is named after the spec array (YModeCdf -> y_mode_cdf) and has
// the spec's dimensions; the comment gives the spec's dimension names.  The
// innermost dimension is N + 1 for an N-symbol alphabet, the last entry being
// the counter of 8.2.6.
#ifndef HAV1_SRC_ENTROPY_CDF_CONTEXT_H_
#define HAV1_SRC_ENTROPY_CDF_CONTEXT_H_

#include <cstddef>
#include <cstdint>
#include <type_traits>

namespace hav1 {

struct CdfContext {
  // ---- 6.8.2 init_non_coeff_cdfs ------------------------------------------
  // TileIntraFrameYModeCdf is not a frame array: init_symbol (8.2.2) sets it
  // from Default_Intra_Frame_Y_Mode_Cdf at every tile start, and it is neither
  // saved nor loaded.  (Only intra frames read it, and those always have
  // primary_ref_frame == PRIMARY_REF_NONE, 5.9.2, so they start from the
  // defaults anyway.)  It lives here so that a tile's context is one object.
  uint16_t intra_frame_y_mode_cdf[5][5][14];   // [INTRA_MODE_CONTEXTS]^2[INTRA_MODES + 1]
  uint16_t y_mode_cdf[4][14];                  // [BLOCK_SIZE_GROUPS][INTRA_MODES + 1]
  uint16_t uv_mode_cfl_not_allowed_cdf[13][14];  // [INTRA_MODES][13 + 1]
  uint16_t uv_mode_cfl_allowed_cdf[13][15];    // [INTRA_MODES][14 + 1]
  uint16_t angle_delta_cdf[8][8];              // [DIRECTIONAL_MODES][7 + 1]
  uint16_t intrabc_cdf[3];
  uint16_t partition_w8_cdf[4][5];             // [PARTITION_CONTEXTS][4 + 1]
  uint16_t partition_w16_cdf[4][11];           // [PARTITION_CONTEXTS][10 + 1]
  uint16_t partition_w32_cdf[4][11];
  uint16_t partition_w64_cdf[4][11];
  uint16_t partition_w128_cdf[4][9];           // [PARTITION_CONTEXTS][8 + 1]
  uint16_t segment_id_cdf[3][9];               // [SEGMENT_ID_CONTEXTS][MAX_SEGMENTS + 1]
  uint16_t segment_id_predicted_cdf[3][3];     // [SEGMENT_ID_PREDICTED_CONTEXTS][3]
  uint16_t tx_8x8_cdf[3][3];                   // [TX_SIZE_CONTEXTS][MAX_TX_DEPTH + 1]
  uint16_t tx_16x16_cdf[3][4];                 // [TX_SIZE_CONTEXTS][MAX_TX_DEPTH + 2]
  uint16_t tx_32x32_cdf[3][4];
  uint16_t tx_64x64_cdf[3][4];
  uint16_t txfm_split_cdf[21][3];              // [TXFM_PARTITION_CONTEXTS][3]
  uint16_t filter_intra_mode_cdf[6];
  uint16_t filter_intra_cdf[22][3];            // [BLOCK_SIZES][3]
  uint16_t interp_filter_cdf[16][4];           // [INTERP_FILTER_CONTEXTS][INTERP_FILTERS + 1]
  uint16_t motion_mode_cdf[22][4];             // [BLOCK_SIZES][MOTION_MODES + 1]
  uint16_t new_mv_cdf[6][3];                   // [NEW_MV_CONTEXTS][3]
  uint16_t zero_mv_cdf[2][3];                  // [ZERO_MV_CONTEXTS][3]
  uint16_t ref_mv_cdf[6][3];                   // [REF_MV_CONTEXTS][3]
  uint16_t compound_mode_cdf[8][9];            // [COMPOUND_MODE_CONTEXTS][COMPOUND_MODES + 1]
  uint16_t drl_mode_cdf[3][3];                 // [DRL_MODE_CONTEXTS][3]
  uint16_t is_inter_cdf[4][3];                 // [IS_INTER_CONTEXTS][3]
  uint16_t comp_mode_cdf[5][3];                // [COMP_INTER_CONTEXTS][3]
  uint16_t skip_mode_cdf[3][3];                // [SKIP_MODE_CONTEXTS][3]
  uint16_t skip_cdf[3][3];                     // [SKIP_CONTEXTS][3]
  uint16_t comp_ref_cdf[3][3][3];              // [REF_CONTEXTS][FWD_REFS - 1][3]
  uint16_t comp_bwd_ref_cdf[3][2][3];          // [REF_CONTEXTS][BWD_REFS - 1][3]
  uint16_t single_ref_cdf[3][6][3];            // [REF_CONTEXTS][SINGLE_REFS - 1][3]
  // Motion vectors: the first index is MvCtx (MV_CONTEXTS = 2, 1 for intrabc),
  // the second comp (0 vertical, 1 horizontal); every [MvCtx] (and
  // [MvCtx][comp] for the per-component defaults) starts as a default copy.
  uint16_t mv_joint_cdf[2][5];                 // [MV_CONTEXTS][MV_JOINTS + 1]
  uint16_t mv_class_cdf[2][2][12];             // [MV_CONTEXTS][2][MV_CLASSES + 1]
  uint16_t mv_class0_bit_cdf[2][2][3];         // [MV_CONTEXTS][2][3]
  uint16_t mv_fr_cdf[2][2][5];                 // [MV_CONTEXTS][2][4 + 1]
  uint16_t mv_class0_fr_cdf[2][2][2][5];       // [MV_CONTEXTS][2][CLASS0_SIZE][4 + 1]
  uint16_t mv_class0_hp_cdf[2][2][3];          // [MV_CONTEXTS][2][3]
  uint16_t mv_sign_cdf[2][2][3];               // [MV_CONTEXTS][2][3]
  uint16_t mv_bit_cdf[2][2][10][3];            // [MV_CONTEXTS][2][MV_OFFSET_BITS][3]
  uint16_t mv_hp_cdf[2][2][3];                 // [MV_CONTEXTS][2][3]
  uint16_t palette_y_mode_cdf[7][3][3];        // [PALETTE_BLOCK_SIZE_CONTEXTS][PALETTE_Y_MODE_CONTEXTS][3]
  uint16_t palette_uv_mode_cdf[2][3];          // [PALETTE_UV_MODE_CONTEXTS][3]
  uint16_t palette_y_size_cdf[7][8];           // [PALETTE_BLOCK_SIZE_CONTEXTS][PALETTE_SIZES + 1]
  uint16_t palette_uv_size_cdf[7][8];
  // PaletteSize<n>{Y,UV}ColorCdf[ PALETTE_COLOR_CONTEXTS ][ n + 1 ].
  uint16_t palette_size_2_y_color_cdf[5][3];
  uint16_t palette_size_3_y_color_cdf[5][4];
  uint16_t palette_size_4_y_color_cdf[5][5];
  uint16_t palette_size_5_y_color_cdf[5][6];
  uint16_t palette_size_6_y_color_cdf[5][7];
  uint16_t palette_size_7_y_color_cdf[5][8];
  uint16_t palette_size_8_y_color_cdf[5][9];
  uint16_t palette_size_2_uv_color_cdf[5][3];
  uint16_t palette_size_3_uv_color_cdf[5][4];
  uint16_t palette_size_4_uv_color_cdf[5][5];
  uint16_t palette_size_5_uv_color_cdf[5][6];
  uint16_t palette_size_6_uv_color_cdf[5][7];
  uint16_t palette_size_7_uv_color_cdf[5][8];
  uint16_t palette_size_8_uv_color_cdf[5][9];
  uint16_t delta_q_cdf[5];                     // [DELTA_Q_SMALL + 2]
  uint16_t delta_lf_cdf[5];                    // [DELTA_LF_SMALL + 2]
  uint16_t delta_lf_multi_cdf[4][5];           // [FRAME_LF_COUNT][DELTA_LF_SMALL + 2]
  uint16_t intra_tx_type_set1_cdf[2][13][8];   // [2][INTRA_MODES][7 + 1]
  uint16_t intra_tx_type_set2_cdf[3][13][6];   // [3][INTRA_MODES][5 + 1]
  uint16_t inter_tx_type_set1_cdf[2][17];      // [2][16 + 1]
  uint16_t inter_tx_type_set2_cdf[13];         // [12 + 1]
  uint16_t inter_tx_type_set3_cdf[4][3];       // [4][2 + 1]
  uint16_t use_obmc_cdf[22][3];                // [BLOCK_SIZES][3]
  uint16_t inter_intra_cdf[3][3];              // [BLOCK_SIZE_GROUPS - 1][3]
  uint16_t comp_ref_type_cdf[5][3];            // [COMP_REF_TYPE_CONTEXTS][3]
  uint16_t cfl_sign_cdf[9];                    // [CFL_JOINT_SIGNS + 1]
  uint16_t uni_comp_ref_cdf[3][3][3];          // [REF_CONTEXTS][UNIDIR_COMP_REFS - 1][3]
  uint16_t wedge_inter_intra_cdf[22][3];       // [BLOCK_SIZES][3]
  uint16_t comp_group_idx_cdf[6][3];           // [COMP_GROUP_IDX_CONTEXTS][3]
  uint16_t compound_idx_cdf[6][3];             // [COMPOUND_IDX_CONTEXTS][3]
  uint16_t compound_type_cdf[22][3];           // [BLOCK_SIZES][COMPOUND_TYPES + 1]
  uint16_t inter_intra_mode_cdf[3][5];         // [BLOCK_SIZE_GROUPS - 1][INTERINTRA_MODES + 1]
  uint16_t wedge_index_cdf[22][17];            // [BLOCK_SIZES][16 + 1]
  uint16_t cfl_alpha_cdf[6][17];               // [CFL_ALPHA_CONTEXTS][CFL_ALPHABET_SIZE + 1]
  uint16_t use_wiener_cdf[3];
  uint16_t use_sgrproj_cdf[3];
  uint16_t restoration_type_cdf[4];            // [RESTORE_SWITCHABLE + 1]

  // ---- 6.8.2 init_coeff_cdfs (defaults chosen by base_q_idx) ---------------
  uint16_t txb_skip_cdf[5][13][3];             // [TX_SIZES][TXB_SKIP_CONTEXTS][3]
  uint16_t eob_pt_16_cdf[2][2][6];             // [PLANE_TYPES][2][5 + 1]
  uint16_t eob_pt_32_cdf[2][2][7];
  uint16_t eob_pt_64_cdf[2][2][8];
  uint16_t eob_pt_128_cdf[2][2][9];
  uint16_t eob_pt_256_cdf[2][2][10];
  uint16_t eob_pt_512_cdf[2][11];              // [PLANE_TYPES][10 + 1]
  uint16_t eob_pt_1024_cdf[2][12];             // [PLANE_TYPES][11 + 1]
  uint16_t eob_extra_cdf[5][2][9][3];          // [TX_SIZES][PLANE_TYPES][EOB_COEF_CONTEXTS][3]
  uint16_t dc_sign_cdf[2][3][3];               // [PLANE_TYPES][DC_SIGN_CONTEXTS][3]
  uint16_t coeff_base_eob_cdf[5][2][4][4];     // [TX_SIZES][PLANE_TYPES][SIG_COEF_CONTEXTS_EOB][3 + 1]
  uint16_t coeff_base_cdf[5][2][42][5];        // [TX_SIZES][PLANE_TYPES][SIG_COEF_CONTEXTS][4 + 1]
  uint16_t coeff_br_cdf[5][2][21][5];          // [TX_SIZES][PLANE_TYPES][LEVEL_CONTEXTS][BR_CDF_SIZE + 1]

  // 6.8.2 init_non_coeff_cdfs( ); also sets intra_frame_y_mode_cdf.
  void InitNonCoeffCdfs();
  // 6.8.2 init_coeff_cdfs( ): the defaults for base_q_idx (0..255).
  void InitCoeffCdfs(int base_q_idx);
  // 6.8.2 load_cdfs( ctx ): copy the frame context saved in a reference slot
  // (by save_cdfs, 7.20) and set every symbol counter to 0.
  void LoadCdfs(const CdfContext& saved_slot);
  // The counter reset of load_cdfs alone: the last entry of every CDF is 0.
  void ClearCounters();
  // 8.2.2 init_symbol( ): the Tile* copies of the frame arrays, with
  // TileIntraFrameYModeCdf set from Default_Intra_Frame_Y_Mode_Cdf.
  void InitTileCdfs(const CdfContext& frame_cdfs);
  // 7.7 frame_end_update_cdf( ): the frame arrays become the Saved arrays
  // (the Tile* arrays of tile context_update_tile_id when it exited, see
  // TileCdfsAreSaved).  save_cdfs( i ) (7.20) is a plain copy into slot i.
  void FrameEndUpdateCdf(const CdfContext& saved) { *this = saved; }

  // Calls f(array) for every CDF array member (f must accept any
  // multi-dimensional uint16_t array by reference), in declaration order.
  template <typename F>
  void ForEachCdfArray(F&& f);
  template <typename F>
  void ForEachCdfArray(F&& f) const;

  // Index into the coefficient defaults for base_q_idx (6.8.2).
  static constexpr int CoeffCdfQContext(int base_q_idx) {
    return base_q_idx <= 20 ? 0 : base_q_idx <= 60 ? 1 : base_q_idx <= 120 ? 2 : 3;
  }
};

// 8.2.4 exit_symbol( ): whether the tile's final CDFs become the Saved set
// (copied back to the frame arrays by frame_end_update_cdf, 7.7).
constexpr bool TileCdfsAreSaved(bool disable_frame_end_update_cdf, int tile_num,
                                int context_update_tile_id) {
  return !disable_frame_end_update_cdf && tile_num == context_update_tile_id;
}

// Applies f to every member array; Self is CdfContext or const CdfContext.
template <typename Self, typename F>
void ForEachCdfArrayOf(Self& c, F&& f) {
  f(c.intra_frame_y_mode_cdf);
  f(c.y_mode_cdf);
  f(c.uv_mode_cfl_not_allowed_cdf);
  f(c.uv_mode_cfl_allowed_cdf);
  f(c.angle_delta_cdf);
  f(c.intrabc_cdf);
  f(c.partition_w8_cdf);
  f(c.partition_w16_cdf);
  f(c.partition_w32_cdf);
  f(c.partition_w64_cdf);
  f(c.partition_w128_cdf);
  f(c.segment_id_cdf);
  f(c.segment_id_predicted_cdf);
  f(c.tx_8x8_cdf);
  f(c.tx_16x16_cdf);
  f(c.tx_32x32_cdf);
  f(c.tx_64x64_cdf);
  f(c.txfm_split_cdf);
  f(c.filter_intra_mode_cdf);
  f(c.filter_intra_cdf);
  f(c.interp_filter_cdf);
  f(c.motion_mode_cdf);
  f(c.new_mv_cdf);
  f(c.zero_mv_cdf);
  f(c.ref_mv_cdf);
  f(c.compound_mode_cdf);
  f(c.drl_mode_cdf);
  f(c.is_inter_cdf);
  f(c.comp_mode_cdf);
  f(c.skip_mode_cdf);
  f(c.skip_cdf);
  f(c.comp_ref_cdf);
  f(c.comp_bwd_ref_cdf);
  f(c.single_ref_cdf);
  f(c.mv_joint_cdf);
  f(c.mv_class_cdf);
  f(c.mv_class0_bit_cdf);
  f(c.mv_fr_cdf);
  f(c.mv_class0_fr_cdf);
  f(c.mv_class0_hp_cdf);
  f(c.mv_sign_cdf);
  f(c.mv_bit_cdf);
  f(c.mv_hp_cdf);
  f(c.palette_y_mode_cdf);
  f(c.palette_uv_mode_cdf);
  f(c.palette_y_size_cdf);
  f(c.palette_uv_size_cdf);
  f(c.palette_size_2_y_color_cdf);
  f(c.palette_size_3_y_color_cdf);
  f(c.palette_size_4_y_color_cdf);
  f(c.palette_size_5_y_color_cdf);
  f(c.palette_size_6_y_color_cdf);
  f(c.palette_size_7_y_color_cdf);
  f(c.palette_size_8_y_color_cdf);
  f(c.palette_size_2_uv_color_cdf);
  f(c.palette_size_3_uv_color_cdf);
  f(c.palette_size_4_uv_color_cdf);
  f(c.palette_size_5_uv_color_cdf);
  f(c.palette_size_6_uv_color_cdf);
  f(c.palette_size_7_uv_color_cdf);
  f(c.palette_size_8_uv_color_cdf);
  f(c.delta_q_cdf);
  f(c.delta_lf_cdf);
  f(c.delta_lf_multi_cdf);
  f(c.intra_tx_type_set1_cdf);
  f(c.intra_tx_type_set2_cdf);
  f(c.inter_tx_type_set1_cdf);
  f(c.inter_tx_type_set2_cdf);
  f(c.inter_tx_type_set3_cdf);
  f(c.use_obmc_cdf);
  f(c.inter_intra_cdf);
  f(c.comp_ref_type_cdf);
  f(c.cfl_sign_cdf);
  f(c.uni_comp_ref_cdf);
  f(c.wedge_inter_intra_cdf);
  f(c.comp_group_idx_cdf);
  f(c.compound_idx_cdf);
  f(c.compound_type_cdf);
  f(c.inter_intra_mode_cdf);
  f(c.wedge_index_cdf);
  f(c.cfl_alpha_cdf);
  f(c.use_wiener_cdf);
  f(c.use_sgrproj_cdf);
  f(c.restoration_type_cdf);
  f(c.txb_skip_cdf);
  f(c.eob_pt_16_cdf);
  f(c.eob_pt_32_cdf);
  f(c.eob_pt_64_cdf);
  f(c.eob_pt_128_cdf);
  f(c.eob_pt_256_cdf);
  f(c.eob_pt_512_cdf);
  f(c.eob_pt_1024_cdf);
  f(c.eob_extra_cdf);
  f(c.dc_sign_cdf);
  f(c.coeff_base_eob_cdf);
  f(c.coeff_base_cdf);
  f(c.coeff_br_cdf);
}

template <typename F>
void CdfContext::ForEachCdfArray(F&& f) {
  ForEachCdfArrayOf(*this, f);
}
template <typename F>
void CdfContext::ForEachCdfArray(F&& f) const {
  ForEachCdfArrayOf(*this, f);
}

// Calls f(cdf, n_plus_1) for every single CDF (innermost row) of array a.
template <typename F, typename T, size_t N>
void ForEachCdf(T (&a)[N], F&& f) {
  if constexpr (std::is_array_v<T>) {
    for (auto& sub : a) ForEachCdf(sub, f);
  } else {
    f(&a[0], N);
  }
}

}  // namespace hav1

#endif  // HAV1_SRC_ENTROPY_CDF_CONTEXT_H_
