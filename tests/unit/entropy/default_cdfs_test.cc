// Checks of the generated default CDF tables (spec 9.4): values read by eye
// from the spec text (file:line given for each), and structure.
#include "src/entropy/default_cdfs.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "src/entropy/cdf_context.h"

namespace hav1 {
namespace {

template <size_t N>
std::vector<uint16_t> Row(const uint16_t (&cdf)[N]) {
  return std::vector<uint16_t>(cdf, cdf + N);
}
using V = std::vector<uint16_t>;

TEST(DefaultCdfs, ValuesReadFromTheSpec) {
  // 10.additional.tables.md:1383
  EXPECT_EQ(Row(Default_Intrabc_Cdf), (V{30531, 32768, 0}));
  // :1224-1225, first row of Default_Intra_Frame_Y_Mode_Cdf
  EXPECT_EQ(Row(Default_Intra_Frame_Y_Mode_Cdf[0][0]),
            (V{15588, 17027, 19338, 20218, 20682, 21110, 21825, 23244, 24189, 28165, 29093,
               30466, 32768, 0}));
  // :1280-1281, last row
  EXPECT_EQ(Row(Default_Intra_Frame_Y_Mode_Cdf[4][4]),
            (V{7618, 8288, 9859, 10509, 15386, 18657, 22903, 28776, 29180, 31355, 31802,
               32593, 32768, 0}));
  // :1427, Default_Partition_W128_Cdf[3]
  EXPECT_EQ(Row(Default_Partition_W128_Cdf[3]),
            (V{711, 966, 1172, 32448, 32538, 32617, 32664, 32768, 0}));
  // :1514, "160*128, 32768, 0"
  EXPECT_EQ(Row(Default_Mv_Class0_Hp_Cdf), (V{20480, 32768, 0}));
  // :1508, Default_Segment_Id_Predicted_Cdf "{ 128 * 128, 32768, 0 }"
  EXPECT_EQ(Row(Default_Segment_Id_Predicted_Cdf[2]), (V{16384, 32768, 0}));
  // :1541, Default_Mv_Bit_Cdf last row "{ 240*128, 32768, 0 }"
  EXPECT_EQ(Row(Default_Mv_Bit_Cdf[9]), (V{30720, 32768, 0}));
  // :1920, Default_Delta_Lf_Cdf
  EXPECT_EQ(Row(Default_Delta_Lf_Cdf), (V{28160, 32120, 32677, 32768, 0}));
  // :2231-2232, Default_Cfl_Alpha_Cdf[5]
  EXPECT_EQ(Row(Default_Cfl_Alpha_Cdf[5]),
            (V{14738, 21678, 25779, 27901, 29024, 30302, 30980, 31843, 32144, 32413, 32520,
               32594, 32622, 32656, 32660, 32768, 0}));
  // :2257, first entry of Default_Txb_Skip_Cdf
  EXPECT_EQ(Row(Default_Txb_Skip_Cdf[0][0][0]), (V{31849, 32768, 0}));
  // :2270-2271, Default_Txb_Skip_Cdf[0][1][0..1]
  EXPECT_EQ(Row(Default_Txb_Skip_Cdf[0][1][0]), (V{31548, 32768, 0}));
  EXPECT_EQ(Row(Default_Txb_Skip_Cdf[0][1][1]), (V{1549, 32768, 0}));
  // :2544, Default_Eob_Pt_16_Cdf[3][1][1]
  EXPECT_EQ(Row(Default_Eob_Pt_16_Cdf[3][1][1]), (V{7297, 10767, 19273, 28194, 32768, 0}));
  // :2826 and :2828, Default_Dc_Sign_Cdf "128 * 125" and "128 * 147"
  EXPECT_EQ(Row(Default_Dc_Sign_Cdf[0][0][0]), (V{16000, 32768, 0}));
  EXPECT_EQ(Row(Default_Dc_Sign_Cdf[0][0][2]), (V{18816, 32768, 0}));
  // :2870 and :2874, Default_Coeff_Base_Eob_Cdf[0][0][0][0] and [0][0][1][0]
  EXPECT_EQ(Row(Default_Coeff_Base_Eob_Cdf[0][0][0][0]), (V{17837, 29055, 32768, 0}));
  EXPECT_EQ(Row(Default_Coeff_Base_Eob_Cdf[0][0][1][0]), (V{21365, 30026, 32768, 0}));
  // :3035, :4295 and :4300, Default_Coeff_Base_Cdf
  EXPECT_EQ(Row(Default_Coeff_Base_Cdf[0][0][0][0]), (V{4034, 8930, 12727, 32768, 0}));
  EXPECT_EQ(Row(Default_Coeff_Base_Cdf[3][0][0][0]), (V{7062, 16472, 22319, 32768, 0}));
  EXPECT_EQ(Row(Default_Coeff_Base_Cdf[3][0][0][5]), (V{3655, 9898, 15731, 32768, 0}));
  // :4714, the last row of Default_Coeff_Base_Cdf
  EXPECT_EQ(Row(Default_Coeff_Base_Cdf[3][4][1][41]), (V{8192, 16384, 24576, 32768, 0}));
  // :4720, :4930, :5350, Default_Coeff_Br_Cdf[q][0][0][0]
  EXPECT_EQ(Row(Default_Coeff_Br_Cdf[0][0][0][0]), (V{14298, 20718, 24174, 32768, 0}));
  EXPECT_EQ(Row(Default_Coeff_Br_Cdf[1][0][0][0]), (V{14995, 21341, 24749, 32768, 0}));
  EXPECT_EQ(Row(Default_Coeff_Br_Cdf[3][0][0][0]), (V{18315, 24289, 27551, 32768, 0}));
}

// Shapes from the spec's declarations with the section 3 constants.
TEST(DefaultCdfs, Dimensions) {
  EXPECT_EQ(sizeof(Default_Intra_Frame_Y_Mode_Cdf), 5 * 5 * 14 * sizeof(uint16_t));
  EXPECT_EQ(sizeof(Default_Uv_Mode_Cfl_Allowed_Cdf), 13 * 15 * sizeof(uint16_t));
  EXPECT_EQ(sizeof(Default_Txb_Skip_Cdf), 4 * 5 * 13 * 3 * sizeof(uint16_t));
  EXPECT_EQ(sizeof(Default_Eob_Extra_Cdf), 4 * 5 * 2 * 9 * 3 * sizeof(uint16_t));
  EXPECT_EQ(sizeof(Default_Coeff_Base_Cdf), 4 * 5 * 2 * 42 * 5 * sizeof(uint16_t));
  EXPECT_EQ(sizeof(Default_Coeff_Br_Cdf), 4 * 5 * 2 * 21 * 5 * sizeof(uint16_t));
  EXPECT_EQ(sizeof(Default_Restoration_Type_Cdf), 4 * sizeof(uint16_t));
}

// Every default CDF (all of them are reachable through a CdfContext
// initialised for each of the four coefficient q contexts) is non-decreasing,
// has cdf[0] >= 1, cdf[N - 1] == 32768 and a zero counter.
TEST(DefaultCdfs, EveryCdfIsWellFormed) {
  for (int q : {0, 40, 100, 200}) {
    CdfContext ctx;
    ctx.InitNonCoeffCdfs();
    ctx.InitCoeffCdfs(q);
    int count = 0;
    ctx.ForEachCdfArray([&](const auto& array) {
      ForEachCdf(array, [&](const uint16_t* cdf, size_t n_plus_1) {
        count++;
        ASSERT_GE(n_plus_1, 3u);
        ASSERT_LE(n_plus_1, 17u);
        EXPECT_EQ(cdf[n_plus_1 - 1], 0);
        EXPECT_EQ(cdf[n_plus_1 - 2], 32768);
        EXPECT_GE(cdf[0], 1);
        for (size_t i = 1; i + 1 < n_plus_1; i++) EXPECT_LE(cdf[i - 1], cdf[i]);
      });
    });
    EXPECT_GT(count, 1000);
  }
}

}  // namespace
}  // namespace hav1
