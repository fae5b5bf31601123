// Edge preparation (7.11.2 general part, 7.11.2.7, 7.11.2.9 .. 7.11.2.12) and
// the directional kernels (7.11.2.4): hand-computed cases, and the whole
// BuildIntraEdges -> PrepareDirectionalEdges -> kernel chain against the
// spec-literal oracle of ipred_spec_oracle.h on random frames.
#include <vector>

#include "gtest/gtest.h"
#include "src/dsp/ipred.h"
#include "tests/unit/ipred/ipred_spec_oracle.h"
#include "tests/unit/ipred/ipred_test_util.h"

namespace hav1::ipred_test {
namespace {

// Every pAngle AV1 can produce: Mode_To_Angle of V_PRED .. D67_PRED plus
// AngleDelta * ANGLE_STEP for AngleDelta = -3..3.
std::vector<int> AllAngles() {
  std::vector<int> out;
  for (int base : {90, 180, 45, 135, 113, 157, 203, 67}) {
    for (int delta = -3; delta <= 3; delta++) out.push_back(base + delta * 3);
  }
  return out;
}

// ---- hand-computed cases -----------------------------------------------------

TEST(IpredEdge, FilterStrengthSelectionSamples) {
  // 7.11.2.9, values read off the spec's table.
  EXPECT_EQ(IntraEdgeFilterStrength(4, 4, 0, 55), 0);
  EXPECT_EQ(IntraEdgeFilterStrength(4, 4, 0, -56), 1);
  EXPECT_EQ(IntraEdgeFilterStrength(8, 4, 0, 39), 0);
  EXPECT_EQ(IntraEdgeFilterStrength(8, 4, 0, 40), 1);
  EXPECT_EQ(IntraEdgeFilterStrength(16, 8, 0, 7), 0);
  EXPECT_EQ(IntraEdgeFilterStrength(16, 8, 0, 8), 1);
  EXPECT_EQ(IntraEdgeFilterStrength(16, 8, 0, 16), 2);
  EXPECT_EQ(IntraEdgeFilterStrength(16, 8, 0, 32), 3);
  EXPECT_EQ(IntraEdgeFilterStrength(16, 16, 0, 3), 1);
  EXPECT_EQ(IntraEdgeFilterStrength(16, 16, 0, 4), 2);
  EXPECT_EQ(IntraEdgeFilterStrength(32, 4, 0, 0), 3);
  EXPECT_EQ(IntraEdgeFilterStrength(4, 4, 1, 39), 0);
  EXPECT_EQ(IntraEdgeFilterStrength(4, 4, 1, 40), 1);
  EXPECT_EQ(IntraEdgeFilterStrength(4, 4, 1, 64), 2);
  EXPECT_EQ(IntraEdgeFilterStrength(8, 8, 1, 20), 1);
  EXPECT_EQ(IntraEdgeFilterStrength(8, 8, 1, 48), 2);
  EXPECT_EQ(IntraEdgeFilterStrength(16, 8, 1, 3), 0);
  EXPECT_EQ(IntraEdgeFilterStrength(16, 8, 1, 4), 3);
  EXPECT_EQ(IntraEdgeFilterStrength(16, 16, 1, 0), 3);
}

TEST(IpredEdge, UpsampleSelectionSamples) {
  // 7.11.2.10.
  EXPECT_EQ(IntraEdgeUpsampleSelect(8, 8, 0, 0), 0);
  EXPECT_EQ(IntraEdgeUpsampleSelect(8, 8, 0, -3), 1);
  EXPECT_EQ(IntraEdgeUpsampleSelect(8, 8, 0, 39), 1);
  EXPECT_EQ(IntraEdgeUpsampleSelect(8, 8, 0, 40), 0);
  EXPECT_EQ(IntraEdgeUpsampleSelect(16, 4, 0, 10), 0);
  EXPECT_EQ(IntraEdgeUpsampleSelect(4, 4, 1, 10), 1);
  EXPECT_EQ(IntraEdgeUpsampleSelect(8, 4, 1, 10), 0);
}

TEST(IpredEdge, EdgeFilterByHand) {
  const auto& t = RefTable<uint8_t>();
  // AboveRow[ -1 .. 3 ] = 10, 20, 30, 40, 50; sz = 5.
  // Strength 1 (kernel 0 4 8 4 0), e.g. AboveRow[ 3 ] = ( 4*40 + 8*50 + 4*50 + 8 ) >> 4 = 48.
  std::vector<uint8_t> e = {10, 20, 30, 40, 50, 99};
  t.edge_filter(e.data(), 5, 1);
  EXPECT_EQ(e, (std::vector<uint8_t>{10, 20, 30, 40, 48, 99}));
  // Strength 3 (kernel 2 4 4 4 2):
  // [0] = ( 2*10 + 4*10 + 4*20 + 4*30 + 2*40 + 8 ) >> 4 = 21
  // [1] = ( 2*10 + 4*20 + 4*30 + 4*40 + 2*50 + 8 ) >> 4 = 30
  // [2] = ( 2*20 + 4*30 + 4*40 + 4*50 + 2*50 + 8 ) >> 4 = 39
  // [3] = ( 2*30 + 4*40 + 4*50 + 4*50 + 2*50 + 8 ) >> 4 = 45
  e = {10, 20, 30, 40, 50, 99};
  t.edge_filter(e.data(), 5, 3);
  EXPECT_EQ(e, (std::vector<uint8_t>{10, 21, 30, 39, 45, 99}));
  // Strength 2 (kernel 0 5 6 5 0) on an impulse: 0 0 160 0 0 -> 0 50 60 50 0.
  e = {0, 0, 160, 0, 0, 7};
  t.edge_filter(e.data(), 5, 2);
  EXPECT_EQ(e, (std::vector<uint8_t>{0, 50, 60, 50, 0, 7}));
  // Strength 0 does nothing.
  e = {0, 0, 160, 0, 0, 7};
  t.edge_filter(e.data(), 5, 0);
  EXPECT_EQ(e, (std::vector<uint8_t>{0, 0, 160, 0, 0, 7}));
}

TEST(IpredEdge, UpsampleByHand) {
  const auto& t = RefTable<uint8_t>();
  // buf[ -1 .. 3 ] = 0, 16, 32, 48, 64, numPx = 4:
  // buf[ -2 .. 6 ] = 0, 7, 16, 24, 32, 40, 48, 57, 64
  // e.g. buf[ -1 ] = Round2( -0 + 9*0 + 9*16 - 32, 4 ) = 7.
  std::vector<uint8_t> b = {77, 77, 0, 16, 32, 48, 64, 77, 77, 77};
  t.edge_upsample(b.data() + 3, 4, 8);
  EXPECT_EQ(b, (std::vector<uint8_t>{77, 0, 7, 16, 24, 32, 40, 48, 57, 64}));
  // Clipping: buf[ -1 .. 2 ] = 0, 255, 255, 0 (numPx 3):
  // buf[ -1 ] = Round2( 0 + 0 + 9*255 - 255, 4 ) = 128,
  // buf[ 1 ] = Round2( -0 + 9*255 + 9*255 - 0, 4 ) = 287 -> 255,
  // buf[ 3 ] = Round2( -255 + 9*255 + 0 - 0, 4 ) = 128.
  b = {77, 77, 0, 255, 255, 0, 77, 77, 77};
  t.edge_upsample(b.data() + 3, 3, 8);
  EXPECT_EQ(b, (std::vector<uint8_t>{77, 0, 128, 255, 255, 255, 128, 0, 77}));
  // Negative values clip to 0: 1023, 0, 0, 1023 at 10 bits:
  // buf[ 1 ] = Round2( -1023 + 0 + 0 - 1023, 4 ) < 0 -> 0.
  std::vector<uint16_t> c = {7, 7, 1023, 0, 0, 1023, 7, 7, 7};
  RefTable<uint16_t>().edge_upsample(c.data() + 3, 3, 10);
  // buf[ -1 ] = Round2( -1023 + 9*1023 + 0 - 0, 4 ) = 512 (8184 / 16 = 511.5),
  // buf[ 3 ] = Round2( -0 + 0 + 9*1023 - 1023, 4 ) = 512.
  EXPECT_EQ(c, (std::vector<uint16_t>{7, 1023, 512, 0, 0, 0, 512, 1023, 7}));
}

TEST(IpredEdge, BaseValuesWithoutNeighbours) {
  // 7.11.2: no neighbours -> AboveRow = ( 1 << ( BitDepth - 1 ) ) - 1,
  // LeftCol = ( 1 << ( BitDepth - 1 ) ) + 1, corner 1 << ( BitDepth - 1 ).
  // The source pointer is the first pixel of an exactly sized plane, so any
  // read of a neighbour would be out of bounds (caught by ASan builds).
  for (int bitdepth : {10, 12}) {
    std::vector<uint16_t> plane(64 * 64, 0);
    IntraEdgeBuffer<uint16_t> e;
    IntraEdgeGeometry g;
    g.w = 64;
    g.h = 16;
    g.frame_px_right = 64;
    g.frame_px_below = 64;
    BuildIntraEdges(plane.data(), 64, g, bitdepth, e.above(), e.left());
    const int half = 1 << (bitdepth - 1);
    for (int i = 0; i < 80; i++) {
      ASSERT_EQ(e.above()[i], half - 1);
      ASSERT_EQ(e.left()[i], half + 1);
    }
    EXPECT_EQ(e.above()[-1], half);
    EXPECT_EQ(e.left()[-1], half);
  }
  std::vector<uint8_t> plane(16, 0);
  IntraEdgeBuffer<uint8_t> e;
  IntraEdgeGeometry g;
  g.w = g.h = 4;
  g.frame_px_right = g.frame_px_below = 4;
  BuildIntraEdges(plane.data(), 4, g, 8, e.above(), e.left());
  EXPECT_EQ(e.above()[0], 127);
  EXPECT_EQ(e.left()[7], 129);
  EXPECT_EQ(e.above()[-1], 128);
}

TEST(IpredEdge, OnlyAboveOrOnlyLeft) {
  // 5 x 5 plane, block 4x4 at (1, 1).
  std::vector<uint8_t> p(25);
  for (int i = 0; i < 25; i++) p[i] = static_cast<uint8_t>(10 * i);
  const uint8_t* src = p.data() + 5 + 1;
  IntraEdgeBuffer<uint8_t> e;
  IntraEdgeGeometry g;
  g.w = g.h = 4;
  g.frame_px_right = g.frame_px_below = 4;
  g.have_above = true;  // row 0 = 0 10 20 30 40
  BuildIntraEdges(src, 5, g, 8, e.above(), e.left());
  EXPECT_EQ(e.above()[-1], 10);  // CurrFrame[ y - 1 ][ x ]
  EXPECT_EQ(e.above()[0], 10);
  EXPECT_EQ(e.above()[3], 40);
  EXPECT_EQ(e.above()[7], 40);   // no above-right: replicate AboveRow[ w - 1 ]
  EXPECT_EQ(e.left()[5], 10);    // LeftCol = CurrFrame[ y - 1 ][ x ]
  EXPECT_EQ(e.left()[-1], 10);
  g.have_above = false;
  g.have_left = true;  // column 0 = 0 50 100 150 200
  BuildIntraEdges(src, 5, g, 8, e.above(), e.left());
  EXPECT_EQ(e.above()[-1], 50);  // CurrFrame[ y ][ x - 1 ]
  EXPECT_EQ(e.above()[6], 50);   // AboveRow = CurrFrame[ y ][ x - 1 ]
  EXPECT_EQ(e.left()[0], 50);
  EXPECT_EQ(e.left()[3], 200);
  EXPECT_EQ(e.left()[7], 200);
  g.have_above = true;
  BuildIntraEdges(src, 5, g, 8, e.above(), e.left());
  EXPECT_EQ(e.above()[-1], 0);   // CurrFrame[ y - 1 ][ x - 1 ]
  EXPECT_EQ(e.left()[-1], 0);
}

template <typename Pixel>
struct DirectionalCase {
  static void Run(int p_angle, int tx, bool enable) {
    // Unfiltered edges; pAngle 45, 135 and 225 step exactly one sample per row.
    const int w = kTxDims[tx].w, h = kTxDims[tx].h;
    const auto& t = RefTable<Pixel>();
    IntraEdgeBuffer<Pixel> e;
    for (int i = -1; i < w + h; i++) {
      e.above()[i] = static_cast<Pixel>(100 + i);
      e.left()[i] = static_cast<Pixel>(300 + i);
    }
    e.left()[-1] = e.above()[-1];
    IntraEdgeGeometry g;
    g.w = w;
    g.h = h;
    g.have_above = g.have_left = true;
    g.frame_px_right = g.frame_px_below = 1000;
    DirectionalEdgeParams params;
    params.p_angle = p_angle;
    params.enable_intra_edge_filter = enable;
    const DirectionalEdgeResult r = PrepareDirectionalEdges(t, g, params, 10, e.above(), e.left());
    GuardedBlock<Pixel> b(w, h);
    if (p_angle == 90) {
      t.pred[kIpredV][tx](b.dst(), b.stride(), e.above(), e.left(), 10);
    } else if (p_angle == 180) {
      t.pred[kIpredH][tx](b.dst(), b.stride(), e.above(), e.left(), 10);
    } else {
      t.directional[tx](b.dst(), b.stride(), e.above(), e.left(), p_angle, r.upsample_above,
                        r.upsample_left, 10);
    }
    std::vector<int> expected(w * h);
    for (int i = 0; i < h; i++) {
      for (int j = 0; j < w; j++) {
        int v = 0;
        if (p_angle == 45) v = 100 + std::min(i + j + 1, w + h - 1);
        if (p_angle == 90) v = 100 + j;
        if (p_angle == 180) v = 300 + i;
        if (p_angle == 135) v = j >= i ? 100 + j - i - 1 : 300 + i - j - 1;
        if (p_angle == 225) v = 300 + i + j + 1;
        expected[i * w + j] = v;
      }
    }
    EXPECT_TRUE(BlockEquals(b, expected, w, h)) << "pAngle " << p_angle << " " << SizeName(tx);
  }
};

TEST(IpredDirectional, ExactAnglesAreEdgeCopies) {
  for (int tx = 0; tx < kIpredTxSizes; tx++) {
    for (int angle : {45, 135, 225}) {
      DirectionalCase<uint16_t>::Run(angle, tx, false);
    }
    // The edge filter is never applied at 90 and 180 degrees.
    for (int angle : {90, 180}) {
      DirectionalCase<uint16_t>::Run(angle, tx, false);
      DirectionalCase<uint16_t>::Run(angle, tx, true);
    }
  }
}

// ---- the whole chain against the oracle ------------------------------------------

template <typename Pixel>
void CompareWithOracle(Rng& rng, int tx, int p_angle, int bitdepth) {
  const int w = kTxDims[tx].w, h = kTxDims[tx].h;
  const Pattern pattern = kPatterns[rng.Uniform(0, 3)];
  SpecIntra spec;
  spec.w = w;
  spec.h = h;
  spec.bitDepth = bitdepth;
  spec.x = rng.Uniform(1, 8);
  spec.y = rng.Uniform(1, 8);
  spec.haveAbove = rng.Uniform(0, 1);
  spec.haveLeft = rng.Uniform(0, 1);
  spec.haveAboveRight = rng.Uniform(0, 1);
  spec.haveBelowLeft = rng.Uniform(0, 1);
  spec.enable_intra_edge_filter = rng.Uniform(0, 3) != 0;
  spec.filterType = rng.Uniform(0, 1);
  auto pick_extent = [&](int n) {
    switch (rng.Uniform(0, 4)) {
      case 0: return 1;
      case 1: return rng.Uniform(1, n);
      case 2: return n;
      case 3: return rng.Uniform(n, 2 * n);
      default: return 2 * n + rng.Uniform(0, 10);
    }
  };
  const int px_right = pick_extent(w);
  const int px_below = pick_extent(h);
  spec.maxX = spec.x + px_right - 1;
  spec.maxY = spec.y + px_below - 1;

  // The plane: pixels past maxX / maxY exist in memory but must never be used.
  SpecPlane plane;
  plane.width = 8 + 2 * 64 + 24;
  plane.height = 8 + 2 * 64 + 24;
  plane.px.resize(plane.width * plane.height);
  std::vector<Pixel> frame(plane.px.size());
  for (size_t k = 0; k < frame.size(); k++) {
    plane.px[k] = rng.Pixel(pattern, bitdepth, static_cast<int>(k));
    frame[k] = static_cast<Pixel>(plane.px[k]);
  }

  spec.BuildEdges(plane);
  const std::vector<int> expected = spec.Directional(p_angle);

  const auto& t = RefTable<Pixel>();
  IntraEdgeBuffer<Pixel> e;
  IntraEdgeGeometry g;
  g.w = w;
  g.h = h;
  g.have_above = spec.haveAbove;
  g.have_left = spec.haveLeft;
  g.have_above_right = spec.haveAboveRight;
  g.have_below_left = spec.haveBelowLeft;
  g.frame_px_right = px_right;
  g.frame_px_below = px_below;
  const Pixel* src = frame.data() + spec.y * plane.width + spec.x;
  BuildIntraEdges(src, plane.width, g, bitdepth, e.above(), e.left());
  DirectionalEdgeParams params;
  params.p_angle = p_angle;
  params.filter_type = spec.filterType;
  params.enable_intra_edge_filter = spec.enable_intra_edge_filter;
  const DirectionalEdgeResult r = PrepareDirectionalEdges(t, g, params, bitdepth, e.above(), e.left());
  GuardedBlock<Pixel> b(w, h);
  if (p_angle == 90) {
    t.pred[kIpredV][tx](b.dst(), b.stride(), e.above(), e.left(), bitdepth);
  } else if (p_angle == 180) {
    t.pred[kIpredH][tx](b.dst(), b.stride(), e.above(), e.left(), bitdepth);
  } else {
    t.directional[tx](b.dst(), b.stride(), e.above(), e.left(), p_angle, r.upsample_above,
                      r.upsample_left, bitdepth);
  }
  ASSERT_TRUE(BlockEquals(b, expected, w, h))
      << "size " << SizeName(tx) << " pAngle " << p_angle << " bitdepth " << bitdepth
      << " haveAbove " << spec.haveAbove << " haveLeft " << spec.haveLeft << " haveAboveRight "
      << spec.haveAboveRight << " haveBelowLeft " << spec.haveBelowLeft << " enable "
      << spec.enable_intra_edge_filter << " filterType " << spec.filterType << " px_right "
      << px_right << " px_below " << px_below;
}

TEST(IpredDirectional, ChainMatchesSpecOracleAllSizesAnglesDepths) {
  ForEachBitDepth([]<typename Pixel>(int bitdepth) {
    Rng rng(777 + bitdepth);
    for (int tx = 0; tx < kIpredTxSizes; tx++) {
      for (int p_angle : AllAngles()) {
        for (int rep = 0; rep < 6; rep++) {
          CompareWithOracle<Pixel>(rng, tx, p_angle, bitdepth);
          if (::testing::Test::HasFatalFailure()) return;
        }
      }
    }
  });
}

TEST(IpredEdge, BuildMatchesSpecOracle) {
  ForEachBitDepth([]<typename Pixel>(int bitdepth) {
    Rng rng(4242 + bitdepth);
    for (int tx = 0; tx < kIpredTxSizes; tx++) {
      for (int rep = 0; rep < 40; rep++) {
        const int w = kTxDims[tx].w, h = kTxDims[tx].h;
        SpecIntra spec;
        spec.w = w;
        spec.h = h;
        spec.bitDepth = bitdepth;
        spec.x = 3;
        spec.y = 2;
        spec.haveAbove = rng.Uniform(0, 1);
        spec.haveLeft = rng.Uniform(0, 1);
        spec.haveAboveRight = rng.Uniform(0, 1);
        spec.haveBelowLeft = rng.Uniform(0, 1);
        const int px_right = rng.Uniform(1, 2 * w + 3);
        const int px_below = rng.Uniform(1, 2 * h + 3);
        spec.maxX = spec.x + px_right - 1;
        spec.maxY = spec.y + px_below - 1;
        SpecPlane plane;
        plane.width = 3 + 2 * w + 8;
        plane.height = 2 + 2 * h + 8;
        plane.px.resize(plane.width * plane.height);
        std::vector<Pixel> frame(plane.px.size());
        for (size_t k = 0; k < frame.size(); k++) {
          plane.px[k] = rng.Pixel(Pattern::kRandom, bitdepth, 0);
          frame[k] = static_cast<Pixel>(plane.px[k]);
        }
        spec.BuildEdges(plane);
        IntraEdgeBuffer<Pixel> e;
        IntraEdgeGeometry g;
        g.w = w;
        g.h = h;
        g.have_above = spec.haveAbove;
        g.have_left = spec.haveLeft;
        g.have_above_right = spec.haveAboveRight;
        g.have_below_left = spec.haveBelowLeft;
        g.frame_px_right = px_right;
        g.frame_px_below = px_below;
        BuildIntraEdges(frame.data() + spec.y * plane.width + spec.x, plane.width, g, bitdepth,
                        e.above(), e.left());
        for (int i = -1; i < w + h; i++) {
          ASSERT_EQ(e.above()[i], spec.AboveRow(i)) << "AboveRow " << i << " " << SizeName(tx);
          ASSERT_EQ(e.left()[i], spec.LeftCol(i)) << "LeftCol " << i << " " << SizeName(tx);
        }
      }
    }
  });
}

}  // namespace
}  // namespace hav1::ipred_test
