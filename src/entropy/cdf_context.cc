// CDF sets of a frame: initialisation from the defaults, load/save, counters
// (spec 6.8.2, 7.20, 7.21, 8.2.2).
#include "src/entropy/cdf_context.h"

#include <cstring>

#include "src/entropy/default_cdfs.h"

namespace hav1 {
namespace {

// Copies a default table into a member of exactly the same shape (a shape
// mismatch does not compile).
template <typename T, size_t N>
void CopyCdf(T (&dst)[N], const T (&src)[N]) {
  static_assert(sizeof(dst) == sizeof(src));
  std::memcpy(dst, src, sizeof(dst));
}

}  // namespace

// 6.8.2 init_non_coeff_cdfs( ).
void CdfContext::InitNonCoeffCdfs() {
  CopyCdf(intra_frame_y_mode_cdf, Default_Intra_Frame_Y_Mode_Cdf);
  CopyCdf(y_mode_cdf, Default_Y_Mode_Cdf);
  CopyCdf(uv_mode_cfl_not_allowed_cdf, Default_Uv_Mode_Cfl_Not_Allowed_Cdf);
  CopyCdf(uv_mode_cfl_allowed_cdf, Default_Uv_Mode_Cfl_Allowed_Cdf);
  CopyCdf(angle_delta_cdf, Default_Angle_Delta_Cdf);
  CopyCdf(intrabc_cdf, Default_Intrabc_Cdf);
  CopyCdf(partition_w8_cdf, Default_Partition_W8_Cdf);
  CopyCdf(partition_w16_cdf, Default_Partition_W16_Cdf);
  CopyCdf(partition_w32_cdf, Default_Partition_W32_Cdf);
  CopyCdf(partition_w64_cdf, Default_Partition_W64_Cdf);
  CopyCdf(partition_w128_cdf, Default_Partition_W128_Cdf);
  CopyCdf(segment_id_cdf, Default_Segment_Id_Cdf);
  CopyCdf(segment_id_predicted_cdf, Default_Segment_Id_Predicted_Cdf);
  CopyCdf(tx_8x8_cdf, Default_Tx_8x8_Cdf);
  CopyCdf(tx_16x16_cdf, Default_Tx_16x16_Cdf);
  CopyCdf(tx_32x32_cdf, Default_Tx_32x32_Cdf);
  CopyCdf(tx_64x64_cdf, Default_Tx_64x64_Cdf);
  CopyCdf(txfm_split_cdf, Default_Txfm_Split_Cdf);
  CopyCdf(filter_intra_mode_cdf, Default_Filter_Intra_Mode_Cdf);
  CopyCdf(filter_intra_cdf, Default_Filter_Intra_Cdf);
  CopyCdf(interp_filter_cdf, Default_Interp_Filter_Cdf);
  CopyCdf(motion_mode_cdf, Default_Motion_Mode_Cdf);
  CopyCdf(new_mv_cdf, Default_New_Mv_Cdf);
  CopyCdf(zero_mv_cdf, Default_Zero_Mv_Cdf);
  CopyCdf(ref_mv_cdf, Default_Ref_Mv_Cdf);
  CopyCdf(compound_mode_cdf, Default_Compound_Mode_Cdf);
  CopyCdf(drl_mode_cdf, Default_Drl_Mode_Cdf);
  CopyCdf(is_inter_cdf, Default_Is_Inter_Cdf);
  CopyCdf(comp_mode_cdf, Default_Comp_Mode_Cdf);
  CopyCdf(skip_mode_cdf, Default_Skip_Mode_Cdf);
  CopyCdf(skip_cdf, Default_Skip_Cdf);
  CopyCdf(comp_ref_cdf, Default_Comp_Ref_Cdf);
  CopyCdf(comp_bwd_ref_cdf, Default_Comp_Bwd_Ref_Cdf);
  CopyCdf(single_ref_cdf, Default_Single_Ref_Cdf);
  // MV CDFs: one default copy per MvCtx (i = 0..MV_CONTEXTS-1), and per
  // comp (0..1) where the default has no comp dimension.
  for (int i = 0; i < 2; ++i) {
    CopyCdf(mv_joint_cdf[i], Default_Mv_Joint_Cdf);
    CopyCdf(mv_class_cdf[i], Default_Mv_Class_Cdf);
    CopyCdf(mv_fr_cdf[i], Default_Mv_Fr_Cdf);
    CopyCdf(mv_class0_fr_cdf[i], Default_Mv_Class0_Fr_Cdf);
    for (int comp = 0; comp < 2; ++comp) {
      CopyCdf(mv_class0_bit_cdf[i][comp], Default_Mv_Class0_Bit_Cdf);
      CopyCdf(mv_class0_hp_cdf[i][comp], Default_Mv_Class0_Hp_Cdf);
      CopyCdf(mv_sign_cdf[i][comp], Default_Mv_Sign_Cdf);
      CopyCdf(mv_bit_cdf[i][comp], Default_Mv_Bit_Cdf);
      CopyCdf(mv_hp_cdf[i][comp], Default_Mv_Hp_Cdf);
    }
  }
  CopyCdf(palette_y_mode_cdf, Default_Palette_Y_Mode_Cdf);
  CopyCdf(palette_uv_mode_cdf, Default_Palette_Uv_Mode_Cdf);
  CopyCdf(palette_y_size_cdf, Default_Palette_Y_Size_Cdf);
  CopyCdf(palette_uv_size_cdf, Default_Palette_Uv_Size_Cdf);
  CopyCdf(palette_size_2_y_color_cdf, Default_Palette_Size_2_Y_Color_Cdf);
  CopyCdf(palette_size_3_y_color_cdf, Default_Palette_Size_3_Y_Color_Cdf);
  CopyCdf(palette_size_4_y_color_cdf, Default_Palette_Size_4_Y_Color_Cdf);
  CopyCdf(palette_size_5_y_color_cdf, Default_Palette_Size_5_Y_Color_Cdf);
  CopyCdf(palette_size_6_y_color_cdf, Default_Palette_Size_6_Y_Color_Cdf);
  CopyCdf(palette_size_7_y_color_cdf, Default_Palette_Size_7_Y_Color_Cdf);
  CopyCdf(palette_size_8_y_color_cdf, Default_Palette_Size_8_Y_Color_Cdf);
  CopyCdf(palette_size_2_uv_color_cdf, Default_Palette_Size_2_Uv_Color_Cdf);
  CopyCdf(palette_size_3_uv_color_cdf, Default_Palette_Size_3_Uv_Color_Cdf);
  CopyCdf(palette_size_4_uv_color_cdf, Default_Palette_Size_4_Uv_Color_Cdf);
  CopyCdf(palette_size_5_uv_color_cdf, Default_Palette_Size_5_Uv_Color_Cdf);
  CopyCdf(palette_size_6_uv_color_cdf, Default_Palette_Size_6_Uv_Color_Cdf);
  CopyCdf(palette_size_7_uv_color_cdf, Default_Palette_Size_7_Uv_Color_Cdf);
  CopyCdf(palette_size_8_uv_color_cdf, Default_Palette_Size_8_Uv_Color_Cdf);
  CopyCdf(delta_q_cdf, Default_Delta_Q_Cdf);
  CopyCdf(delta_lf_cdf, Default_Delta_Lf_Cdf);
  for (auto& cdf : delta_lf_multi_cdf) CopyCdf(cdf, Default_Delta_Lf_Cdf);  // i = 0..FRAME_LF_COUNT-1
  CopyCdf(intra_tx_type_set1_cdf, Default_Intra_Tx_Type_Set1_Cdf);
  CopyCdf(intra_tx_type_set2_cdf, Default_Intra_Tx_Type_Set2_Cdf);
  CopyCdf(inter_tx_type_set1_cdf, Default_Inter_Tx_Type_Set1_Cdf);
  CopyCdf(inter_tx_type_set2_cdf, Default_Inter_Tx_Type_Set2_Cdf);
  CopyCdf(inter_tx_type_set3_cdf, Default_Inter_Tx_Type_Set3_Cdf);
  CopyCdf(use_obmc_cdf, Default_Use_Obmc_Cdf);
  CopyCdf(inter_intra_cdf, Default_Inter_Intra_Cdf);
  CopyCdf(comp_ref_type_cdf, Default_Comp_Ref_Type_Cdf);
  CopyCdf(cfl_sign_cdf, Default_Cfl_Sign_Cdf);
  CopyCdf(uni_comp_ref_cdf, Default_Uni_Comp_Ref_Cdf);
  CopyCdf(wedge_inter_intra_cdf, Default_Wedge_Inter_Intra_Cdf);
  CopyCdf(comp_group_idx_cdf, Default_Comp_Group_Idx_Cdf);
  CopyCdf(compound_idx_cdf, Default_Compound_Idx_Cdf);
  CopyCdf(compound_type_cdf, Default_Compound_Type_Cdf);
  CopyCdf(inter_intra_mode_cdf, Default_Inter_Intra_Mode_Cdf);
  CopyCdf(wedge_index_cdf, Default_Wedge_Index_Cdf);
  CopyCdf(cfl_alpha_cdf, Default_Cfl_Alpha_Cdf);
  CopyCdf(use_wiener_cdf, Default_Use_Wiener_Cdf);
  CopyCdf(use_sgrproj_cdf, Default_Use_Sgrproj_Cdf);
  CopyCdf(restoration_type_cdf, Default_Restoration_Type_Cdf);
}

// 6.8.2 init_coeff_cdfs( ).
void CdfContext::InitCoeffCdfs(int base_q_idx) {
  const int idx = CoeffCdfQContext(base_q_idx);
  CopyCdf(txb_skip_cdf, Default_Txb_Skip_Cdf[idx]);
  CopyCdf(eob_pt_16_cdf, Default_Eob_Pt_16_Cdf[idx]);
  CopyCdf(eob_pt_32_cdf, Default_Eob_Pt_32_Cdf[idx]);
  CopyCdf(eob_pt_64_cdf, Default_Eob_Pt_64_Cdf[idx]);
  CopyCdf(eob_pt_128_cdf, Default_Eob_Pt_128_Cdf[idx]);
  CopyCdf(eob_pt_256_cdf, Default_Eob_Pt_256_Cdf[idx]);
  CopyCdf(eob_pt_512_cdf, Default_Eob_Pt_512_Cdf[idx]);
  CopyCdf(eob_pt_1024_cdf, Default_Eob_Pt_1024_Cdf[idx]);
  CopyCdf(eob_extra_cdf, Default_Eob_Extra_Cdf[idx]);
  CopyCdf(dc_sign_cdf, Default_Dc_Sign_Cdf[idx]);
  CopyCdf(coeff_base_eob_cdf, Default_Coeff_Base_Eob_Cdf[idx]);
  CopyCdf(coeff_base_cdf, Default_Coeff_Base_Cdf[idx]);
  CopyCdf(coeff_br_cdf, Default_Coeff_Br_Cdf[idx]);
}

// 6.8.2 load_cdfs( ctx ).
void CdfContext::LoadCdfs(const CdfContext& saved_slot) {
  *this = saved_slot;
  ClearCounters();
}

void CdfContext::ClearCounters() {
  ForEachCdfArray([](auto& array) {
    ForEachCdf(array, [](uint16_t* cdf, size_t n_plus_1) { cdf[n_plus_1 - 1] = 0; });
  });
}

// 8.2.2: the Tile* arrays.
void CdfContext::InitTileCdfs(const CdfContext& frame_cdfs) {
  if (this != &frame_cdfs) *this = frame_cdfs;
  CopyCdf(intra_frame_y_mode_cdf, Default_Intra_Frame_Y_Mode_Cdf);
}

}  // namespace hav1
