// Intra block copy (7.11.3 with use_intrabc): integer copies and the
// BILINEAR half-sample case of subsampled chroma, worked out from 7.11.3.3 /
// 7.11.3.4 by hand.
#include "src/recon/intrabc.h"

#include <gtest/gtest.h>

#include <vector>

namespace hav1::recon {
namespace {

int Pattern(int x, int y) { return (x * 3 + y * 7) & 255; }

ReconPlane<uint8_t> MakePlane() {
  ReconPlane<uint8_t> p;
  p.width = 64;
  p.height = 16;
  p.stride = 64;
  p.data.resize(64 * 16);
  for (int y = 0; y < 16; ++y) {
    for (int x = 0; x < 64; ++x) p.data[y * 64 + x] = static_cast<uint8_t>(Pattern(x, y));
  }
  return p;
}

TEST(Intrabc, IntegerCopy) {
  ReconPlane<uint8_t> plane = MakePlane();
  std::vector<int32_t> scratch;
  IntrabcBlock b;
  b.x = 16;
  b.y = 8;
  b.w = 8;
  b.h = 8;
  b.mv_row = -8 * 8;   // 8 rows up
  b.mv_col = -16 * 8;  // 16 columns left
  b.mi_cols = 16;
  b.mi_rows = 4;
  ASSERT_TRUE(PredictIntrabc(b, &plane, &scratch));
  for (int y = 0; y < 8; ++y) {
    for (int x = 0; x < 8; ++x) {
      EXPECT_EQ(*plane.at(16 + x, 8 + y), Pattern(x, y)) << x << "," << y;
    }
  }
}

TEST(Intrabc, ChromaHalfSample) {
  ReconPlane<uint8_t> plane = MakePlane();
  std::vector<int32_t> scratch;
  IntrabcBlock b;
  b.plane = 1;
  b.sub_x = 1;
  b.sub_y = 1;
  b.x = 16;
  b.w = 4;
  b.h = 4;
  b.mv_col = -9 * 8;  // -9 luma samples: -4.5 chroma samples
  b.mi_cols = 32;
  b.mi_rows = 8;
  ASSERT_TRUE(PredictIntrabc(b, &plane, &scratch));
  // startX = 11 * 1024 + 512 (+ off): taps 64 / 64 on columns 11 + c and
  // 12 + c; Round2( 64 * ( a + b ), 3 ) then Round2( 128 * that, 11 ) is the
  // rounded average.
  for (int y = 0; y < 4; ++y) {
    for (int x = 0; x < 4; ++x) {
      const int expect = (Pattern(11 + x, y) + Pattern(12 + x, y) + 1) >> 1;
      EXPECT_EQ(*plane.at(16 + x, y), expect) << x << "," << y;
    }
  }
}

TEST(Intrabc, RejectsBlocksOutsideThePlane) {
  ReconPlane<uint8_t> plane = MakePlane();
  std::vector<int32_t> scratch;
  IntrabcBlock b;
  b.x = 60;
  b.w = 8;
  b.h = 8;
  b.mi_cols = 16;
  b.mi_rows = 4;
  EXPECT_FALSE(PredictIntrabc(b, &plane, &scratch));
}

}  // namespace
}  // namespace hav1::recon
