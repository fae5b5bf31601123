// Tests of CdfContext: default initialisation (6.8.2), the base_q_idx
// selection of the coefficient CDFs, load_cdfs counter reset, tile copies
// (8.2.2) and the member visitor.
#include "src/entropy/cdf_context.h"

#include <gtest/gtest.h>

#include <cstring>
#include <type_traits>

#include "src/entropy/default_cdfs.h"

namespace hav1 {
namespace {

template <typename A, typename B>
bool SameBytes(const A& a, const B& b) {
  static_assert(sizeof(A) == sizeof(B));
  return std::memcmp(&a, &b, sizeof(A)) == 0;
}

CdfContext DefaultContext(int base_q_idx) {
  CdfContext c;
  c.InitNonCoeffCdfs();
  c.InitCoeffCdfs(base_q_idx);
  return c;
}

TEST(CdfContext, IsAPlainValueType) {
  EXPECT_TRUE(std::is_trivially_copyable_v<CdfContext>);
  EXPECT_TRUE(std::is_standard_layout_v<CdfContext>);
}

// The visitor reaches every member: the arrays it visits fill the struct.
TEST(CdfContext, VisitorCoversEveryMember) {
  CdfContext c;
  size_t bytes = 0;
  int arrays = 0;
  c.ForEachCdfArray([&](auto& array) {
    bytes += sizeof(array);
    arrays++;
  });
  EXPECT_EQ(bytes, sizeof(CdfContext));
  // One member per default table (96), plus DeltaLFMultiCdf which is also
  // initialised from Default_Delta_Lf_Cdf.
  EXPECT_EQ(arrays, 97);
}

// 6.8.2 init_coeff_cdfs: idx 0 for base_q_idx <= 20, 1 for <= 60, 2 for
// <= 120, else 3.
TEST(CdfContext, CoeffCdfsFollowBaseQIdx) {
  const struct { int q; int idx; } cases[] = {{0, 0},   {20, 0},  {21, 1},  {60, 1},
                                              {61, 2},  {120, 2}, {121, 3}, {255, 3}};
  for (const auto& t : cases) {
    EXPECT_EQ(CdfContext::CoeffCdfQContext(t.q), t.idx) << t.q;
    const CdfContext c = DefaultContext(t.q);
    EXPECT_TRUE(SameBytes(c.txb_skip_cdf, Default_Txb_Skip_Cdf[t.idx])) << t.q;
    EXPECT_TRUE(SameBytes(c.eob_pt_16_cdf, Default_Eob_Pt_16_Cdf[t.idx])) << t.q;
    EXPECT_TRUE(SameBytes(c.eob_pt_1024_cdf, Default_Eob_Pt_1024_Cdf[t.idx])) << t.q;
    EXPECT_TRUE(SameBytes(c.eob_extra_cdf, Default_Eob_Extra_Cdf[t.idx])) << t.q;
    EXPECT_TRUE(SameBytes(c.dc_sign_cdf, Default_Dc_Sign_Cdf[t.idx])) << t.q;
    EXPECT_TRUE(SameBytes(c.coeff_base_eob_cdf, Default_Coeff_Base_Eob_Cdf[t.idx])) << t.q;
    EXPECT_TRUE(SameBytes(c.coeff_base_cdf, Default_Coeff_Base_Cdf[t.idx])) << t.q;
    EXPECT_TRUE(SameBytes(c.coeff_br_cdf, Default_Coeff_Br_Cdf[t.idx])) << t.q;
  }
}

TEST(CdfContext, NonCoeffDefaults) {
  const CdfContext c = DefaultContext(0);
  EXPECT_TRUE(SameBytes(c.y_mode_cdf, Default_Y_Mode_Cdf));
  EXPECT_TRUE(SameBytes(c.intra_frame_y_mode_cdf, Default_Intra_Frame_Y_Mode_Cdf));
  EXPECT_TRUE(SameBytes(c.partition_w128_cdf, Default_Partition_W128_Cdf));
  EXPECT_TRUE(SameBytes(c.restoration_type_cdf, Default_Restoration_Type_Cdf));
  // MV CDFs: one copy per MvCtx, and per comp where the default has none.
  for (int ctx = 0; ctx < 2; ctx++) {
    EXPECT_TRUE(SameBytes(c.mv_joint_cdf[ctx], Default_Mv_Joint_Cdf));
    EXPECT_TRUE(SameBytes(c.mv_class_cdf[ctx], Default_Mv_Class_Cdf));
    EXPECT_TRUE(SameBytes(c.mv_fr_cdf[ctx], Default_Mv_Fr_Cdf));
    EXPECT_TRUE(SameBytes(c.mv_class0_fr_cdf[ctx], Default_Mv_Class0_Fr_Cdf));
    for (int comp = 0; comp < 2; comp++) {
      EXPECT_TRUE(SameBytes(c.mv_class0_bit_cdf[ctx][comp], Default_Mv_Class0_Bit_Cdf));
      EXPECT_TRUE(SameBytes(c.mv_class0_hp_cdf[ctx][comp], Default_Mv_Class0_Hp_Cdf));
      EXPECT_TRUE(SameBytes(c.mv_sign_cdf[ctx][comp], Default_Mv_Sign_Cdf));
      EXPECT_TRUE(SameBytes(c.mv_bit_cdf[ctx][comp], Default_Mv_Bit_Cdf));
      EXPECT_TRUE(SameBytes(c.mv_hp_cdf[ctx][comp], Default_Mv_Hp_Cdf));
    }
  }
  for (const auto& cdf : c.delta_lf_multi_cdf) EXPECT_TRUE(SameBytes(cdf, Default_Delta_Lf_Cdf));
}

// load_cdfs copies a saved context and zeroes every counter; nothing else.
TEST(CdfContext, LoadCdfsClearsOnlyCounters) {
  CdfContext saved = DefaultContext(100);
  // Pretend adaptation happened: bump values and counters everywhere.
  saved.ForEachCdfArray([](auto& array) {
    ForEachCdf(array, [](uint16_t* cdf, size_t n_plus_1) {
      cdf[0] = static_cast<uint16_t>(cdf[0] > 1 ? cdf[0] - 1 : cdf[0]);
      cdf[n_plus_1 - 1] = 17;
    });
  });
  CdfContext frame = DefaultContext(0);
  frame.LoadCdfs(saved);
  int cdfs = 0;
  const CdfContext& fc = frame;
  const CdfContext& sc = saved;
  fc.ForEachCdfArray([&](const auto& array) {
    ForEachCdf(array, [&](const uint16_t* cdf, size_t n_plus_1) {
      EXPECT_EQ(cdf[n_plus_1 - 1], 0);
      cdfs++;
    });
  });
  EXPECT_GT(cdfs, 1000);
  // Values other than the counters are the saved ones.
  CdfContext expected = saved;
  expected.ClearCounters();
  EXPECT_TRUE(SameBytes(frame, expected));
  EXPECT_FALSE(SameBytes(fc, sc));
}

// 8.2.2: the tile copy takes the frame arrays but always the default
// intra_frame_y_mode CDF.
TEST(CdfContext, InitTileCdfs) {
  CdfContext frame = DefaultContext(30);
  frame.intra_frame_y_mode_cdf[1][2][3] += 5;
  frame.y_mode_cdf[0][0] += 7;
  CdfContext tile;
  tile.InitTileCdfs(frame);
  EXPECT_TRUE(SameBytes(tile.intra_frame_y_mode_cdf, Default_Intra_Frame_Y_Mode_Cdf));
  EXPECT_EQ(tile.y_mode_cdf[0][0], frame.y_mode_cdf[0][0]);
  EXPECT_TRUE(SameBytes(tile.coeff_base_cdf, frame.coeff_base_cdf));
  // In place works too.
  frame.InitTileCdfs(frame);
  EXPECT_TRUE(SameBytes(frame, tile));
}

TEST(CdfContext, TileCdfsAreSaved) {
  EXPECT_TRUE(TileCdfsAreSaved(false, 3, 3));
  EXPECT_FALSE(TileCdfsAreSaved(false, 2, 3));
  EXPECT_FALSE(TileCdfsAreSaved(true, 3, 3));
}

}  // namespace
}  // namespace hav1
