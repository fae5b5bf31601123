// Inter prediction of hand-made blocks (spec 7.11.3.1 - 7.11.3.4, 7.11.3.9);
// every expected value is worked out by hand from the spec text and the
// Subpel_Filters / Obmc_Mask tables (the arithmetic is in the comments).
#include "src/recon/inter_pred.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <vector>

#include "src/dsp/dsp.h"
#include "src/dsp/mc.h"
#include "src/recon/intra_recon.h"
#include "src/recon/inter_tables.h"
#include "src/tile/tile_constants.h"

namespace hav1::recon {
namespace {

// A monochrome 8-bit inter frame of 16x16 luma samples (4x4 mode info
// units) with reference pictures in slots 0..2 (LAST, LAST2, LAST3).
struct Fixture {
  SequenceHeader seq;
  FrameHeader hdr;
  DspTables tables;
  tile::FrameBlockInfo blocks;
  InterRefs refs{};
  ReconFrame<uint8_t> frame;
  int num_planes = 1;
  std::vector<uint8_t> ref_pix[4][3];
  std::vector<tile::InterBlockParams> inter_params;

  // chroma: 4:2:0 with three planes instead of monochrome.
  explicit Fixture(bool chroma = false) : num_planes(chroma ? 3 : 1) {
    seq.color_config.BitDepth = 8;
    seq.color_config.mono_chrome = chroma ? 0 : 1;
    seq.color_config.NumPlanes = num_planes;
    seq.color_config.subsampling_x = 1;
    seq.color_config.subsampling_y = 1;
    hdr.FrameIsIntra = 0;
    hdr.frame_type = INTER_FRAME;
    hdr.MiCols = 4;
    hdr.MiRows = 4;
    hdr.FrameWidth = 16;
    hdr.FrameHeight = 16;
    hdr.UpscaledWidth = 16;
    for (int i = 0; i < 7; ++i) hdr.ref_frame_idx[i] = i;
    FillItxTablesRef(&tables.itx);
    FillIpredTablesRef(&tables.ipred);
    FillMcTablesRef(&tables.mc);
    const int zeros[3] = {};
    blocks.Reset(4, 4, false, num_planes, zeros, zeros);
    frame.Allocate(4, 4, num_planes, 1, 1);
  }

  // Slot `slot` holds a w x h picture with samples fn( x, y ) in every
  // plane (chroma planes: ( w + 1 ) / 2 x ( h + 1 ) / 2).
  template <typename Fn>
  void SetRef(int slot, int w, int h, Fn fn) {
    InterRefPicture& p = refs[slot];
    for (int plane = 0; plane < num_planes; ++plane) {
      const int pw = plane ? (w + 1) / 2 : w, ph = plane ? (h + 1) / 2 : h;
      std::vector<uint8_t>& pix = ref_pix[slot][plane];
      pix.resize(static_cast<size_t>(pw) * ph);
      for (int y = 0; y < ph; ++y) {
        for (int x = 0; x < pw; ++x) pix[y * pw + x] = static_cast<uint8_t>(fn(x, y));
      }
      p.data[plane] = pix.data();
      p.stride[plane] = pw;
    }
    p.valid = true;
    p.upscaled_width = w;
    p.frame_width = w;
    p.frame_height = h;
    p.mi_cols = w / 4;
    p.mi_rows = h / 4;
  }

  // Writes a block into the grid (every mi it covers).
  tile::BlockInfo& PutBlock(int mi_row, int mi_col, int mi_size, int ref0, int ref1 = -1) {
    const int bw4 = tile::Num_4x4_Blocks_Wide[mi_size];
    const int bh4 = tile::Num_4x4_Blocks_High[mi_size];
    tile::BlockInfo info;
    info.decoded = 1;
    info.mi_size = static_cast<uint8_t>(mi_size);
    info.is_inter = ref0 > 0;
    info.y_mode = ref0 > 0 ? tile::NEWMV : 0;
    info.ref_frame[0] = static_cast<int8_t>(ref0);
    info.ref_frame[1] = static_cast<int8_t>(ref1);
    for (int r = 0; r < bh4; ++r) {
      for (int c = 0; c < bw4; ++c) blocks.at(mi_row + r, mi_col + c) = info;
    }
    return blocks.at(mi_row, mi_col);
  }
  // Sets a field in every mi of the block at ( mi_row, mi_col ).
  template <typename Fn>
  void Update(int mi_row, int mi_col, Fn fn) {
    const int mi_size = blocks.at(mi_row, mi_col).mi_size;
    for (int r = 0; r < tile::Num_4x4_Blocks_High[mi_size]; ++r) {
      for (int c = 0; c < tile::Num_4x4_Blocks_Wide[mi_size]; ++c) {
        fn(blocks.at(mi_row + r, mi_col + c));
      }
    }
  }

  // Runs compute_prediction for the block at ( mi_row, mi_col ).
  bool Predict(int mi_row, int mi_col, const tile::InterBlockParams& ip, bool avail_u = false,
               bool avail_l = false, std::string* err = nullptr, bool has_chroma = false) {
    IntraReconstructor<uint8_t> recon(seq, hdr, tables, blocks, refs, &frame);
    tile::BlockParams bp;
    bp.mi_row = mi_row;
    bp.mi_col = mi_col;
    bp.info = &blocks.at(mi_row, mi_col);
    bp.inter = &ip;
    bp.avail_u = avail_u;
    bp.avail_l = avail_l;
    bp.has_chroma = has_chroma;
    recon.OnBlock(bp);
    if (err != nullptr) *err = recon.error();
    return recon.ok();
  }
  int At(int x, int y, int plane = 0) const { return *frame.plane(plane).at(x, y); }
};

TEST(InterPred, ScaleMotionVectorUnscaled) {
  // origX = ( 8 << 4 ) + ( 2 * -16 ) + 8 = 104, baseX = 104 * 16384 - 8 * 16384,
  // startX = Round2Signed( 96 * 16384, 8 ) + 32 = 6176 (sample 6, fraction 0).
  // origY = ( 4 << 4 ) + 2 * 8 + 8 = 88, startY = 80 * 64 + 32 = 5152 (sample 5).
  const McPosition p = ScaleMotionVector(8, 4, 8, -16, 0, 0, 64, 64, 64, 64);
  EXPECT_EQ(p.start_x, 6176);
  EXPECT_EQ(p.start_y, 5152);
  EXPECT_EQ(p.step_x, 1024);
  EXPECT_EQ(p.step_y, 1024);
  // Chroma 4:2:0: ( 2 * mv ) >> 1.  x = 4, mv_col = 5: origX = 64 + 5 + 8 = 77,
  // startX = Round2Signed( 69 * 16384, 8 ) + 32 = 69 * 64 + 32 = 4448.
  const McPosition c = ScaleMotionVector(4, 0, 0, 5, 1, 1, 64, 64, 64, 64);
  EXPECT_EQ(c.start_x, 4448);
  // Negative odd: ( 2 * -5 ) >> 1 = -5: origX = 64 - 5 + 8 = 67 -> 59 * 64 + 32.
  EXPECT_EQ(ScaleMotionVector(4, 0, 0, -5, 1, 1, 64, 64, 64, 64).start_x, 59 * 64 + 32);
}

TEST(InterPred, ScaleMotionVectorScaled) {
  // Reference twice as wide: xScale = ( ( 128 << 14 ) + 32 ) / 64 = 32768,
  // stepX = Round2Signed( 32768, 4 ) = 2048.  x = 4, mv 0: origX = 72,
  // baseX = 72 * 32768 - 131072 = 2228224, startX = 8704 + 32 = 8736.
  const McPosition p = ScaleMotionVector(4, 0, 0, 0, 0, 0, 128, 64, 64, 64);
  EXPECT_EQ(p.step_x, 2048);
  EXPECT_EQ(p.step_y, 1024);
  EXPECT_EQ(p.start_x, 8736);
  // 100 / 64: xScale = ( 1638400 + 32 ) / 64 = 25600 (integer division),
  // stepX = Round2Signed( 25600, 4 ) = 1600.  y: 48 / 64: yScale =
  // ( 786432 + 32 ) / 64 = 12288, stepY = 768; y = 2, mv_row = -3: origY =
  // 32 - 6 + 8 = 34, baseY = 34 * 12288 - 131072 = 286720, startY =
  // Round2Signed( 286720, 8 ) + 32 = 1120 + 32 = 1152.
  const McPosition q = ScaleMotionVector(0, 2, -3, 0, 0, 0, 100, 48, 64, 64);
  EXPECT_EQ(q.step_x, 1600);
  EXPECT_EQ(q.step_y, 768);
  EXPECT_EQ(q.start_y, 1152);
  // Negative base: x = 0, mv_col = -64 (8 samples left): origX = -128 + 8,
  // baseX = -120 * 32768 - 131072 = -4063232, Round2Signed = -15872, + 32.
  EXPECT_EQ(ScaleMotionVector(0, 0, 0, -64, 0, 0, 128, 64, 64, 64).start_x, -15872 + 32);
}

TEST(InterPred, RoundingVariables) {
  EXPECT_EQ(RoundingVariables(false, 8).round0, 3);
  EXPECT_EQ(RoundingVariables(false, 8).round1, 11);
  EXPECT_EQ(RoundingVariables(false, 8).post_round, 0);
  EXPECT_EQ(RoundingVariables(true, 10).round1, 7);
  EXPECT_EQ(RoundingVariables(true, 10).post_round, 4);
  EXPECT_EQ(RoundingVariables(false, 12).round0, 5);
  EXPECT_EQ(RoundingVariables(false, 12).round1, 9);
  EXPECT_EQ(RoundingVariables(false, 12).post_round, 0);
  EXPECT_EQ(RoundingVariables(true, 12).round1, 7);
  EXPECT_EQ(RoundingVariables(true, 12).post_round, 2);
}

TEST(InterPred, IntegerMvCopies) {
  Fixture f;
  f.SetRef(0, 16, 16, [](int x, int y) { return (x * 7 + y * 13) & 255; });
  tile::BlockInfo& b = f.PutBlock(0, 0, tile::BLOCK_8X8, LAST_FRAME);
  (void)b;
  f.Update(0, 0, [](tile::BlockInfo& i) { i.mv[0] = {8, 16}; });  // 1 down, 2 right
  tile::InterBlockParams ip;
  ASSERT_TRUE(f.Predict(0, 0, ip));
  // Filter row 0 is { 0, 0, 0, 128, 0, ... }: intermediate = Round2( 128 * s, 3 )
  // = 16 * s, pred = Round2( 128 * 16 * s, 11 ) = s.
  for (int y = 0; y < 8; ++y) {
    for (int x = 0; x < 8; ++x) EXPECT_EQ(f.At(x, y), ((x + 2) * 7 + (y + 1) * 13) & 255);
  }
  EXPECT_EQ(f.At(8, 0), 0);  // nothing written outside the block
  EXPECT_EQ(f.At(0, 8), 0);
}

TEST(InterPred, IntegerMvClampsToTheReferenceEdges) {
  Fixture f;
  f.SetRef(0, 16, 16, [](int x, int y) { return x + 16 * y; });
  f.PutBlock(2, 2, tile::BLOCK_8X8, LAST_FRAME);
  // mv ( 6, 5 ) samples: the block reads ref[ 14 .. 21 ][ 13 .. 20 ], clamped
  // to row / column 15.
  f.Update(2, 2, [](tile::BlockInfo& i) { i.mv[0] = {48, 40}; });
  tile::InterBlockParams ip;
  ASSERT_TRUE(f.Predict(2, 2, ip));
  for (int y = 0; y < 8; ++y) {
    for (int x = 0; x < 8; ++x) {
      const int rx = std::min(15, x + 8 + 5), ry = std::min(15, y + 8 + 6);
      EXPECT_EQ(f.At(x + 8, y + 8), rx + 16 * ry) << x << "," << y;
    }
  }
}

// ref[ y ][ x ] = 10 * x with a horizontal half-sample motion vector: the
// EIGHTTAP half filter is { 0, 2, -14, 76, 76, -14, 2, 0 }.  Unclamped the
// horizontal sum is 1280 * x + 640, intermediate 160 * x + 80, and the
// vertical (integer) pass gives Round2( 128 * ( 160 x + 80 ), 11 ) = 10 x + 5.
TEST(InterPred, HalfSampleEighttapWithEdgeClamping) {
  Fixture f;
  f.SetRef(0, 16, 16, [](int x, int) { return 10 * x; });
  f.PutBlock(0, 0, tile::BLOCK_8X8, LAST_FRAME);
  f.PutBlock(0, 2, tile::BLOCK_8X8, LAST_FRAME);
  f.Update(0, 0, [](tile::BlockInfo& i) { i.mv[0] = {0, 4}; });
  f.Update(0, 2, [](tile::BlockInfo& i) { i.mv[0] = {0, 4}; });
  tile::InterBlockParams ip;
  ASSERT_TRUE(f.Predict(0, 0, ip));
  ASSERT_TRUE(f.Predict(0, 2, ip));
  // Column 0: taps at -3..4 clamp to 0: sum = 76 * 10 - 14 * 20 + 2 * 30 = 540,
  // Round2( 540, 3 ) = 68, Round2( 128 * 68, 11 ) = 4.
  // Column 1: tap 1 at -1 reads 0 instead of -10: 1920 + 20 = 1940 -> 243 -> 15.
  // Column 14: taps at 17, 18 read 150: 18560 + 140 - 40 = 18660 -> 2333 -> 146.
  // Column 15: taps at 16..19 read 150: 19300 -> 2413 -> 151.
  const int expect[16] = {4, 15, 25, 35, 45, 55, 65, 75, 85, 95, 105, 115, 125, 135, 146, 151};
  for (int y = 0; y < 8; ++y) {
    for (int x = 0; x < 16; ++x) EXPECT_EQ(f.At(x, y), expect[x]) << x << "," << y;
  }
}

// The vertical direction uses InterpFilters[ ][ ][ 0 ], the horizontal one
// InterpFilters[ ][ ][ 1 ]: BILINEAR horizontally has taps 64, 64 at 3 and
// 4 only, so column 0 is 10 * 0 + 5 = 5 (no clamped tap matters).
TEST(InterPred, FilterDirections) {
  Fixture f;
  f.SetRef(0, 16, 16, [](int x, int) { return 10 * x; });
  f.PutBlock(0, 0, tile::BLOCK_8X8, LAST_FRAME);
  f.Update(0, 0, [](tile::BlockInfo& i) {
    i.mv[0] = {0, 4};
    i.interp_filter[0] = EIGHTTAP_SHARP;
    i.interp_filter[1] = BILINEAR;
  });
  tile::InterBlockParams ip;
  ASSERT_TRUE(f.Predict(0, 0, ip));
  for (int x = 0; x < 8; ++x) EXPECT_EQ(f.At(x, 3), 10 * x + 5) << x;

  // Swapped: the vertical pass is BILINEAR at fraction 0 (a copy), the
  // horizontal one EIGHTTAP_SHARP: half filter { -4, 12, -24, 80, 80, -24,
  // 12, -4 }.  Column 0 reads 0 at -3..0: 80 * 10 - 24 * 20 + 12 * 30 - 4 * 40
  // = 520 -> Round2( 520, 3 ) = 65 -> Round2( 128 * 65, 11 ) = 4.
  Fixture g;
  g.SetRef(0, 16, 16, [](int x, int) { return 10 * x; });
  g.PutBlock(0, 0, tile::BLOCK_8X8, LAST_FRAME);
  g.Update(0, 0, [](tile::BlockInfo& i) {
    i.mv[0] = {0, 4};
    i.interp_filter[0] = BILINEAR;
    i.interp_filter[1] = EIGHTTAP_SHARP;
  });
  ASSERT_TRUE(g.Predict(0, 0, ip));
  EXPECT_EQ(g.At(0, 0), 4);
  EXPECT_EQ(g.At(4, 0), 45);
}

// w <= 4 switches EIGHTTAP to the 4-tap filter 4: half { 0, 0, -12, 76, 76,
// -12, 0, 0 }.  ref = 50 everywhere except 150 at x = 5; a 4x4 block at x = 4
// with a half-sample horizontal vector.  The constant part passes through
// (taps sum to 128): intermediate = Round2( 6400 + 100 * tap, 3 ).
//   x = 4, 5: tap 76: 14000 -> 1750 -> Round2( 224000, 11 ) = 109
//   x = 6: tap -12: 5200 -> 650 -> Round2( 83200, 11 ) = 41 (8-tap: 39)
//   x = 7: tap 0: 6400 -> 800 -> 50 (8-tap: 52)
TEST(InterPred, FourTapFilterForNarrowBlocks) {
  Fixture f;
  f.SetRef(0, 16, 16, [](int x, int) { return x == 5 ? 150 : 50; });
  f.PutBlock(0, 1, tile::BLOCK_4X4, LAST_FRAME);
  f.Update(0, 1, [](tile::BlockInfo& i) { i.mv[0] = {0, 4}; });
  tile::InterBlockParams ip;
  ASSERT_TRUE(f.Predict(0, 1, ip));
  const int expect[4] = {109, 109, 41, 50};
  for (int y = 0; y < 4; ++y) {
    for (int x = 0; x < 4; ++x) EXPECT_EQ(f.At(4 + x, y), expect[x]) << x << "," << y;
  }
}

// A 32x32 reference for a 16x16 frame: stepX = stepY = 2048, startX =
// startY = 544 for the block at ( 0, 0 ) (see ScaleMotionVectorScaled with
// x = 0: origX = 8, baseX = 131072, 512 + 32).  Column c samples position
// 2c + 1/2 (fraction ( 544 >> 6 ) & 15 = 8) with the 4-tap half filter
// (w = 4).  ref[ y ][ x ] = 4 * x: sum = 1024 c + 256, intermediate 128 c + 32,
// pred Round2( 128 * ( 128 c + 32 ), 11 ) = 8 c + 2; column 0 reads 0 instead
// of -4 at x = -1: 208 -> 26 -> Round2( 3328, 11 ) = 2.
TEST(InterPred, ScaledReferenceStepMath) {
  Fixture f;
  f.SetRef(0, 32, 32, [](int x, int) { return 4 * x; });
  f.PutBlock(0, 0, tile::BLOCK_4X4, LAST_FRAME);
  tile::InterBlockParams ip;
  ASSERT_TRUE(f.Predict(0, 0, ip));
  for (int y = 0; y < 4; ++y) {
    for (int x = 0; x < 4; ++x) EXPECT_EQ(f.At(x, y), 8 * x + 2) << x << "," << y;
  }
}

// Compound: refs of constant 100 and 51.  isCompound: InterRound1 = 7,
// preds = Round2( 128 * Round2( 128 * v, 3 ), 7 ) = 16 * v (1600, 816),
// InterPostRound = 14 - 10 = 4.
TEST(InterPred, CompoundAverageAndDistance) {
  Fixture f;
  f.SetRef(0, 16, 16, [](int, int) { return 100; });
  f.SetRef(1, 16, 16, [](int, int) { return 51; });
  f.PutBlock(0, 0, tile::BLOCK_8X8, LAST_FRAME, LAST2_FRAME);
  tile::InterBlockParams ip;
  ip.compound_type = tile::COMPOUND_AVERAGE;
  ASSERT_TRUE(f.Predict(0, 0, ip));
  // Round2( 1600 + 816, 5 ) = 2432 >> 5 = 76.
  EXPECT_EQ(f.At(0, 0), 76);
  EXPECT_EQ(f.At(7, 7), 76);
  // COMPOUND_DISTANCE without order hints: both distances 0, order = 1,
  // FwdWeight = Quant_Dist_Lookup[ 3 ][ 1 ] = 3, BckWeight = 13:
  // Round2( 3 * 1600 + 13 * 816, 8 ) = ( 15408 + 128 ) >> 8 = 60.
  ip.compound_type = tile::COMPOUND_DISTANCE;
  ASSERT_TRUE(f.Predict(0, 0, ip));
  EXPECT_EQ(f.At(0, 0), 60);
  EXPECT_EQ(f.At(7, 7), 60);
}

TEST(InterPred, DistKernelRounding) {
  McTables t;
  FillMcTablesRef(&t);
  const int32_t p0[2] = {1600, -40};
  const int32_t p1[2] = {816, -40};
  uint16_t dst[2];
  // Round2( 9 * 1600 + 7 * 816, 4 + 4 ) = ( 20112 + 128 ) >> 8 = 79; negative
  // sums clip to 0.
  t.highbd.dist(dst, 2, p0, p1, 2, 2, 1, 9, 7, 4, 10);
  EXPECT_EQ(dst[0], 79);
  EXPECT_EQ(dst[1], 0);
  // Average at 12 bits (InterPostRound 2): Round2( 1600 + 816, 3 ) = 302.
  t.highbd.avg(dst, 2, p0, p1, 2, 1, 1, 2, 12);
  EXPECT_EQ(dst[0], 302);
}

// OBMC on a hand-made grid: the current 8x8 block at mi ( 2, 2 ) predicts 100
// from LAST; the block above (mi ( 0, 2 ), 8x8) uses LAST2 = 20, the block to
// the left (mi ( 2, 0 ), 8x8) LAST3 = 200.
// Above pass: predW = 8, predH = Min( 8 >> 1, 32 ) = 4, Obmc_Mask_4 =
// { 39, 50, 59, 64 } by row: Round2( m * 100 + ( 64 - m ) * 20, 6 ) =
// 69, 83, 94, 100.  Left pass: predW = 4, predH = 8, mask by column:
// row value 69: Round2( 39 * 69 + 25 * 200, 6 ) = 120, ( 50 * 69 + 14 * 200 ) -> 98,
// ( 59 * 69 + 5 * 200 ) -> 79, 69; rows with 100: 139, 122, 108, 100.
TEST(InterPred, ObmcBlendFromAboveAndLeft) {
  Fixture f;
  f.SetRef(0, 16, 16, [](int, int) { return 100; });
  f.SetRef(1, 16, 16, [](int, int) { return 20; });
  f.SetRef(2, 16, 16, [](int, int) { return 200; });
  f.PutBlock(0, 2, tile::BLOCK_8X8, LAST2_FRAME);
  f.PutBlock(2, 0, tile::BLOCK_8X8, LAST3_FRAME);
  f.PutBlock(2, 2, tile::BLOCK_8X8, LAST_FRAME);
  f.Update(2, 2, [](tile::BlockInfo& i) { i.motion_mode = tile::OBMC; });
  tile::InterBlockParams ip;
  ASSERT_TRUE(f.Predict(2, 2, ip, /*avail_u=*/true, /*avail_l=*/true));
  const int row_after_above[8] = {69, 83, 94, 100, 100, 100, 100, 100};
  const int left_mask[4] = {39, 50, 59, 64};
  for (int y = 0; y < 8; ++y) {
    for (int x = 0; x < 8; ++x) {
      int expect = row_after_above[y];
      if (x < 4) expect = (left_mask[x] * expect + (64 - left_mask[x]) * 200 + 32) >> 6;
      EXPECT_EQ(f.At(8 + x, 8 + y), expect) << x << "," << y;
    }
  }
  EXPECT_EQ(f.At(8, 8), 120);
  EXPECT_EQ(f.At(9, 8), 98);
  EXPECT_EQ(f.At(10, 8), 79);
  EXPECT_EQ(f.At(8, 12), 139);
  EXPECT_EQ(f.At(10, 12), 108);

  // An intra neighbour to the left is skipped (only the above pass).
  Fixture g;
  g.SetRef(0, 16, 16, [](int, int) { return 100; });
  g.SetRef(1, 16, 16, [](int, int) { return 20; });
  g.PutBlock(0, 2, tile::BLOCK_8X8, LAST2_FRAME);
  g.PutBlock(2, 0, tile::BLOCK_8X8, INTRA_FRAME);
  g.PutBlock(2, 2, tile::BLOCK_8X8, LAST_FRAME);
  g.Update(2, 2, [](tile::BlockInfo& i) { i.motion_mode = tile::OBMC; });
  ASSERT_TRUE(g.Predict(2, 2, ip, true, true));
  for (int y = 0; y < 8; ++y) EXPECT_EQ(g.At(8, 8 + y), row_after_above[y]) << y;
}

// 5.11.33 for a 4x4 block with chroma in 4:2:0: when none of the four 4x4
// luma blocks of the 8x8 area is intra (someUseIntra = 0), the 4x4 chroma
// block is predicted as four 2x2 blocks, each with the motion information of
// the luma block at the same position; otherwise it is predicted whole with
// the current block's.  References: LAST = 10, LAST2 = 20, LAST3 = 30,
// GOLDEN = 40 in every plane, zero motion vectors.
TEST(InterPred, Sub8x8ChromaUsesEachLumaBlocksMotion) {
  Fixture f(/*chroma=*/true);
  for (int slot = 0; slot < 4; ++slot) {
    f.SetRef(slot, 16, 16, [slot](int, int) { return 10 * (slot + 1); });
  }
  f.PutBlock(0, 0, tile::BLOCK_4X4, LAST_FRAME);
  f.PutBlock(0, 1, tile::BLOCK_4X4, LAST2_FRAME);
  f.PutBlock(1, 0, tile::BLOCK_4X4, LAST3_FRAME);
  f.PutBlock(1, 1, tile::BLOCK_4X4, GOLDEN_FRAME);
  tile::InterBlockParams ip;
  std::string err;
  ASSERT_TRUE(f.Predict(1, 1, ip, false, false, &err, /*has_chroma=*/true)) << err;
  EXPECT_EQ(f.At(4, 4), 40);
  for (int plane = 1; plane < 3; ++plane) {
    for (int y = 0; y < 4; ++y) {
      for (int x = 0; x < 4; ++x) {
        EXPECT_EQ(f.At(x, y, plane), 10 * (1 + (y / 2) * 2 + x / 2)) << plane << " " << x << ","
                                                                     << y;
      }
    }
  }
  // One intra block in the 8x8 area: the whole chroma block from GOLDEN.
  f.PutBlock(0, 1, tile::BLOCK_4X4, INTRA_FRAME);
  ASSERT_TRUE(f.Predict(1, 1, ip, false, false, &err, true)) << err;
  for (int y = 0; y < 4; ++y) {
    for (int x = 0; x < 4; ++x) EXPECT_EQ(f.At(x, y, 2), 40) << x << "," << y;
  }
}

// Inter-intra (5.11.33 then 7.11.3.13 / 7.11.3.14): an 8x8 block at y = 8
// with II_V_PRED copies the row above (200) as its intra prediction, the
// inter prediction is 100, and Mask[ i ][ j ] = Ii_Weights_1d[ i * 16 ] =
// 60, 34, 19, 11, 6, 4, 2, 1 by row: Round2( m * 200 + ( 64 - m ) * 100, 6 )
// = 194, 153, 130, 117, 109, 106, 103, 102.
TEST(InterPred, InterIntraVerticalBlend) {
  Fixture f;
  f.SetRef(0, 16, 16, [](int, int) { return 100; });
  f.PutBlock(2, 0, tile::BLOCK_8X8, LAST_FRAME, INTRA_FRAME);
  f.Update(2, 0, [](tile::BlockInfo& i) { i.interintra = 1; });
  for (int x = 0; x < 16; ++x) *f.frame.plane(0).at(x, 7) = 200;
  tile::InterBlockParams ip;
  ip.compound_type = tile::COMPOUND_INTRA;
  ip.interintra_mode = tile::II_V_PRED;
  std::string err;
  ASSERT_TRUE(f.Predict(2, 0, ip, /*avail_u=*/true, /*avail_l=*/false, &err)) << err;
  const int expect[8] = {194, 153, 130, 117, 109, 106, 103, 102};
  for (int y = 0; y < 8; ++y) {
    for (int x = 0; x < 8; ++x) EXPECT_EQ(f.At(x, 8 + y), expect[y]) << x << "," << y;
  }
}

TEST(InterPred, EmptyOrMismatchedReferenceSlotIsAnError) {
  Fixture f;
  f.PutBlock(0, 0, tile::BLOCK_8X8, LAST_FRAME);
  tile::InterBlockParams ip;
  std::string err;
  EXPECT_FALSE(f.Predict(0, 0, ip, false, false, &err));
  EXPECT_NE(err.find("empty reference"), std::string::npos) << err;
  // A reference more than twice the frame's size.
  f.SetRef(0, 48, 16, [](int, int) { return 0; });
  EXPECT_FALSE(f.Predict(0, 0, ip, false, false, &err));
  // A reference frame name out of range.
  f.SetRef(0, 16, 16, [](int, int) { return 0; });
  f.Update(0, 0, [](tile::BlockInfo& i) { i.ref_frame[0] = 9; });
  EXPECT_FALSE(f.Predict(0, 0, ip, false, false, &err));
}

// Hostile input: random grids, motion vectors, filters, modes and warp
// parameters never make the predictor read or write outside its buffers
// (run under valgrind or a sanitizer build to check the reads); it either
// predicts or fails.
TEST(InterPred, RandomBlocksStayInBounds) {
  std::mt19937 rng(1234);
  auto rnd = [&](int lo, int hi) {
    return lo + static_cast<int>(rng() % static_cast<uint32_t>(hi - lo + 1));
  };
  int predicted = 0;
  for (int iter = 0; iter < 300; ++iter) {
    Fixture f(/*chroma=*/iter % 2 == 0);
    const int ref_w[3] = {16, 8, 32}, ref_h[3] = {16, 24, 9};
    for (int slot = 0; slot < 4; ++slot) {
      if (rnd(0, 5) == 0) continue;  // empty slot
      const int k = rnd(0, 2);
      f.SetRef(slot, ref_w[k], ref_h[k], [&](int, int) { return rnd(0, 255); });
    }
    for (int i = 0; i < 7; ++i) f.hdr.ref_frame_idx[i] = rnd(0, 7);
    for (int r = 1; r < 8; ++r) {
      f.hdr.GmType[r] = rnd(0, 3);
      f.hdr.gm_params[r][0] = rnd(-100000, 100000);
      f.hdr.gm_params[r][1] = rnd(-100000, 100000);
      f.hdr.gm_params[r][2] = (1 << 16) + rnd(-3000, 3000);
      f.hdr.gm_params[r][3] = rnd(-3000, 3000);
      f.hdr.gm_params[r][4] = rnd(-3000, 3000);
      f.hdr.gm_params[r][5] = (1 << 16) + rnd(-3000, 3000);
    }
    f.hdr.force_integer_mv = rnd(0, 3) == 0;
    for (int r = 0; r < 4; ++r) {
      for (int c = 0; c < 4; ++c) {
        tile::BlockInfo& b = f.blocks.at(r, c);
        b.mi_size = static_cast<uint8_t>(rnd(0, tile::BLOCK_SIZES + 2));
        b.is_inter = 1;
        b.y_mode = static_cast<uint8_t>(rnd(tile::NEARESTMV, tile::NEW_NEWMV));
        b.ref_frame[0] = static_cast<int8_t>(rnd(-1, 8));
        b.ref_frame[1] = static_cast<int8_t>(rnd(-1, 8));
        for (auto& mv : b.mv) {
          mv.row = static_cast<int16_t>(rnd(-32768, 32767));
          mv.col = static_cast<int16_t>(rnd(-32768, 32767));
          if (rnd(0, 1)) {
            mv.row = static_cast<int16_t>(rnd(-200, 200));
            mv.col = static_cast<int16_t>(rnd(-200, 200));
          }
        }
        b.interp_filter[0] = static_cast<uint8_t>(rnd(0, 5));
        b.interp_filter[1] = static_cast<uint8_t>(rnd(0, 5));
        b.motion_mode = static_cast<uint8_t>(rnd(0, 3));
      }
    }
    tile::InterBlockParams ip;
    ip.compound_type = rnd(-1, 5);
    ip.interintra_mode = rnd(-1, 4);
    ip.wedge_interintra = rnd(0, 1);
    ip.wedge_index = rnd(0, 15);
    ip.wedge_sign = rnd(0, 1);
    ip.mask_type = rnd(0, 1);
    ip.num_samples = rnd(0, 9);
    for (auto& cand : ip.cand_list) {
      for (int& v : cand) v = rnd(-2000, 2000);
    }
    const int mi_row = rnd(0, 3), mi_col = rnd(0, 3);
    // Mostly valid values for every other block, so that prediction gets
    // past the checks often enough.
    if (iter % 2) {
      tile::BlockInfo& b = f.blocks.at(mi_row, mi_col);
      b.mi_size = static_cast<uint8_t>(rnd(0, tile::BLOCK_SIZES - 1));
      b.interp_filter[0] = static_cast<uint8_t>(rnd(0, 3));
      b.interp_filter[1] = static_cast<uint8_t>(rnd(0, 3));
      b.ref_frame[0] = static_cast<int8_t>(rnd(1, 4));
      b.ref_frame[1] = static_cast<int8_t>(rnd(-1, 4));
      b.motion_mode = static_cast<uint8_t>(rnd(0, 2));
      for (int slot = 0; slot < 4; ++slot) {
        if (!f.refs[slot].valid) f.SetRef(slot, 16, 16, [&](int, int) { return rnd(0, 255); });
      }
      for (int i = 0; i < 7; ++i) f.hdr.ref_frame_idx[i] = rnd(0, 3);
      ip.compound_type = rnd(0, 4);
    }
    predicted += f.Predict(mi_row, mi_col, ip, rnd(0, 1), rnd(0, 1), nullptr, rnd(0, 1));
  }
  EXPECT_GT(predicted, 10);
  printf("random blocks predicted: %d of 300\n", predicted);
}

TEST(InterPred, InterBlockInAnIntraFrameIsAnError) {
  Fixture f;
  f.hdr.FrameIsIntra = 1;
  f.SetRef(0, 16, 16, [](int, int) { return 0; });
  f.PutBlock(0, 0, tile::BLOCK_8X8, LAST_FRAME);
  tile::InterBlockParams ip;
  EXPECT_FALSE(f.Predict(0, 0, ip));
}

// The scaled kernel with steps of 1024 computes the same as the unscaled one
// on an interior block (random samples, every fraction, 10-bit).
TEST(InterPred, ScaledKernelAtUnitStepMatchesUnscaled) {
  McTables t;
  FillMcTablesRef(&t);
  std::mt19937 rng(7);
  const int W = 48, H = 48;
  std::vector<uint16_t> ref(W * H);
  for (auto& v : ref) v = rng() & 1023;
  std::vector<int32_t> scratch(McScratchSize());
  std::vector<int32_t> a(16 * 16), b(16 * 16);
  for (int frac = 0; frac < 16; ++frac) {
    for (int filt = 0; filt < 6; ++filt) {
      const int64_t x = (10 << 10) + (frac << 6), y = (12 << 10) + (((frac * 5) & 15) << 6);
      t.highbd.put(a.data(), 16, ref.data() + 12 * W + 10, W, 16, 8,
                   Subpel_Filters[filt][frac], Subpel_Filters[5 - filt][(frac * 5) & 15], 3, 7,
                   scratch.data());
      t.highbd.put_scaled(b.data(), 16, ref.data(), W, W - 1, H - 1, x, y, 1024, 1024, 16, 8,
                          Subpel_Filters[filt], Subpel_Filters[5 - filt], 3, 7, scratch.data());
      for (int i = 0; i < 16 * 8; ++i) ASSERT_EQ(a[i], b[i]) << frac << " " << filt << " " << i;
    }
  }
}

}  // namespace
}  // namespace hav1::recon
