// Motion vector prediction (spec 7.10.2 find_mv_stack, 7.10.3
// has_overlappable_candidates, 7.10.4 find_warp_samples) on hand-made block
// grids.  Every expected value is worked out by hand from the spec text; the
// comments walk through the spec's steps.
#include "src/tile/mv_pred.h"

#include <gtest/gtest.h>

#include <cstdint>

#include "src/bitstream/frame_header.h"
#include "src/refs/motion_field.h"
#include "src/tile/block_info.h"
#include "src/tile/tile_constants.h"

namespace hav1::tile {
namespace {

constexpr int LAST = 1, BWDREF = 5;

// A 128x128 frame: MiRows = MiCols = 32, one tile, high precision MVs,
// identity global motion, no temporal MVs.
class MvPredTest : public ::testing::Test {
 protected:
  void SetUp() override {
    hdr_.MiRows = 32;
    hdr_.MiCols = 32;
    hdr_.allow_high_precision_mv = 1;
    const int lr[3] = {0, 0, 0};
    blocks_.Reset(32, 32, false, 3, lr, lr);
  }

  // Writes a decoded block into every mi it covers (inside the frame), as
  // decode_block does.
  void Place(int r, int c, int bsize, int ref0, int ref1, Mv mv0, Mv mv1 = Mv(),
             int mode = NEARESTMV, uint8_t decoded = 1) {
    for (int y = r; y < r + Num_4x4_Blocks_High[bsize] && y < 32; ++y) {
      for (int x = c; x < c + Num_4x4_Blocks_Wide[bsize] && x < 32; ++x) {
        BlockInfo& b = blocks_.at(y, x);
        b.decoded = decoded;
        b.mi_size = static_cast<uint8_t>(bsize);
        b.is_inter = ref0 > 0;
        b.ref_frame[0] = static_cast<int8_t>(ref0);
        b.ref_frame[1] = static_cast<int8_t>(ref1);
        b.mv[0] = mv0;
        b.mv[1] = mv1;
        b.y_mode = static_cast<uint8_t>(mode);
      }
    }
  }
  // An intra block (decoded, not inter).
  void PlaceIntra(int r, int c, int bsize) {
    Place(r, c, bsize, 0, -1, Mv(), Mv(), DC_PRED);
  }

  MvStack Find(int r, int c, int bsize, int ref0, int ref1 = -1) {
    MvPredictor p(hdr_, &blocks_, mf_);
    TileBounds t{0, 32, 0, 32};
    if (tile_set_) t = tile_;
    p.SetTile(t);
    MvBlock b;
    b.mi_row = r;
    b.mi_col = c;
    b.mi_size = bsize;
    b.ref_frame[0] = ref0;
    b.ref_frame[1] = ref1;
    MvStack s;
    p.FindMvStack(b, ref1 > 0, &s);
    return s;
  }

  FrameHeader hdr_;
  FrameBlockInfo blocks_;
  const MotionField* mf_ = nullptr;
  bool tile_set_ = false;
  TileBounds tile_;
};

Mv M(int row, int col) {
  Mv m;
  m.row = static_cast<int16_t>(row);
  m.col = static_cast<int16_t>(col);
  return m;
}

#define EXPECT_MV(s, idx, list, r, c)                \
  do {                                               \
    EXPECT_EQ((s).ref_stack_mv[idx][list][0], (r));  \
    EXPECT_EQ((s).ref_stack_mv[idx][list][1], (c));  \
  } while (0)

// Current block 16x16 (bw4 = bh4 = 4) at mi (8, 8), LAST.  One NEWMV 16x16
// neighbour above at (4, 8) with mv (10, -6); everything else intra/unset.
//  - scan row -1: (7, 8): len = Min(4, 4) = 4, weight 8, NEWMV -> NewMvCount 1,
//    stack [ (10,-6) w 8 ], foundAboveMatch.
//  - scan col -1: column 7 holds no inter block; top-right (7, 12) not decoded.
//  - CloseMatches 1, numNearest 1, numNew 1, weight 8 + REF_CAT_LEVEL = 648.
//  - scan point (-1,-1): (7, 7) not decoded.
//  - scan row -3: deltaRow = -3 + (8 & 1) = -3, deltaCol = 1 - (8 & 1) = 1:
//    (5, 9) is the above block: len Max(2, 4) = 4, weight 8 -> 656,
//    NewMvCount 2.
//  - scan col -3 / row -5 / col -5: nothing.  TotalMatches = 1.
//  - NumMvFound 1 < 2: extra search finds only (10,-6) again (already in
//    the stack); RefStackMv[ 1 ][ 0 ] = GlobalMvs[ 0 ] = (0, 0).
//  - CloseMatches 1: NewMvContext = 3 - Min(1, 1) = 2, RefMvContext = 2 + 1.
TEST_F(MvPredTest, OneNewmvNeighbourAbove) {
  Place(4, 8, BLOCK_16X16, LAST, -1, M(10, -6), Mv(), NEWMV);
  const MvStack s = Find(8, 8, BLOCK_16X16, LAST);
  EXPECT_EQ(s.num_mv_found, 1);
  EXPECT_MV(s, 0, 0, 10, -6);
  EXPECT_EQ(s.weight_stack[0], 656);
  EXPECT_MV(s, 1, 0, 0, 0);
  EXPECT_EQ(s.new_mv_count, 2);
  EXPECT_EQ(s.new_mv_context, 2);
  EXPECT_EQ(s.ref_mv_context, 3);
  EXPECT_EQ(s.zero_mv_context, 0);
  EXPECT_EQ(s.drl_ctx_stack[0], 0);
}

// Above (4, 8) and left (8, 4) 16x16 NEARESTMV blocks with the same mv
// (4, 4): weights add.  row -1: w 8; col -1: +8 = 16 (foundLeftMatch);
// + 640 = 656; row -3 (5, 9): +8 = 664; col -3: deltaRow = 1 - (8 & 1) = 1,
// deltaCol = -3 + (8 & 1) = -3: (9, 5) is the left block, len 4, +8 = 672.
// CloseMatches 2, numNew 0: NewMvContext 5, RefMvContext 5.
TEST_F(MvPredTest, SameMvWeightsAdd) {
  Place(4, 8, BLOCK_16X16, LAST, -1, M(4, 4));
  Place(8, 4, BLOCK_16X16, LAST, -1, M(4, 4));
  const MvStack s = Find(8, 8, BLOCK_16X16, LAST);
  EXPECT_EQ(s.num_mv_found, 1);
  EXPECT_MV(s, 0, 0, 4, 4);
  EXPECT_EQ(s.weight_stack[0], 672);
  EXPECT_MV(s, 1, 0, 0, 0);
  EXPECT_EQ(s.new_mv_count, 0);
  EXPECT_EQ(s.new_mv_context, 5);
  EXPECT_EQ(s.ref_mv_context, 5);
}

// Sorting and DrlCtxStack.  Current 16x16 at (8, 8), LAST.
//  A: 8x8 at (6, 8) mv (1, 1); B: 8x8 at (6, 10) mv (2, 2);
//  left 16x16 at (8, 4) mv (2, 2) (= B); C: 8x8 at (4, 10) mv (3, 3);
//  D: 4x4 at (7, 7) mv (5, 5).
//  - row -1: (7, 8) A len Min(4, 2) = 2 w 4; (7, 10) B w 4.
//  - col -1: (8, 7) left block len 4 w 8: B -> 12.
//  - nearest: A 644, B 652.
//  - point (-1,-1): (7, 7) D w 4 -> idx 2.
//  - row -3: row 5, cols 9 + i: (5, 9) unset (len Max(2, 1) = 2), (5, 11)
//    C: len Max(2, Min(4, 2)) = 2, w 4 -> idx 3.
//  - col -3: (9, 5) left block, len 4: B -> 660.
//  - row -5 (row 3) and col -5 (col 3): unset.
//  - sort 0..2: [B 660, A 644]; sort 2..4: D 4, C 4 stay (stable).
//  - DrlCtxStack: idx 0: 660 / 644 both >= 640 -> 0; idx 1: 644 >= 640,
//    next 4 < 640 -> 1; idx 2: 4 < 640 -> 2; idx 3: last -> 0.
TEST_F(MvPredTest, SortingAndDrlContexts) {
  Place(6, 8, BLOCK_8X8, LAST, -1, M(1, 1));
  Place(6, 10, BLOCK_8X8, LAST, -1, M(2, 2));
  Place(8, 4, BLOCK_16X16, LAST, -1, M(2, 2));
  Place(4, 10, BLOCK_8X8, LAST, -1, M(3, 3));
  Place(7, 7, BLOCK_4X4, LAST, -1, M(5, 5));
  const MvStack s = Find(8, 8, BLOCK_16X16, LAST);
  ASSERT_EQ(s.num_mv_found, 4);
  EXPECT_MV(s, 0, 0, 2, 2);
  EXPECT_MV(s, 1, 0, 1, 1);
  EXPECT_MV(s, 2, 0, 5, 5);
  EXPECT_MV(s, 3, 0, 3, 3);
  EXPECT_EQ(s.weight_stack[0], 660);
  EXPECT_EQ(s.weight_stack[1], 644);
  EXPECT_EQ(s.weight_stack[2], 4);
  EXPECT_EQ(s.weight_stack[3], 4);
  EXPECT_EQ(s.drl_ctx_stack[0], 0);
  EXPECT_EQ(s.drl_ctx_stack[1], 1);
  EXPECT_EQ(s.drl_ctx_stack[2], 2);
  EXPECT_EQ(s.drl_ctx_stack[3], 0);
  EXPECT_EQ(s.new_mv_context, 5);
  EXPECT_EQ(s.ref_mv_context, 5);
}

// The top-right scan point needs the position to be decoded in this frame.
// Above 16x16 at (4, 8) mv (1, 0); a block at (6, 12) covering (7, 12) with
// mv (9, 9).  Not decoded: one candidate.  Decoded: weight 4 for (9, 9) in
// the nearest part: [ (1,0) 8+640+8 (row -3 at (5, 9)), (9,9) 4+640 ].
TEST_F(MvPredTest, TopRightNeedsDecoded) {
  Place(4, 8, BLOCK_16X16, LAST, -1, M(1, 0));
  Place(6, 12, BLOCK_8X8, LAST, -1, M(9, 9), Mv(), NEARESTMV, /*decoded=*/0);
  MvStack s = Find(8, 8, BLOCK_16X16, LAST);
  EXPECT_EQ(s.num_mv_found, 1);
  Place(6, 12, BLOCK_8X8, LAST, -1, M(9, 9));
  s = Find(8, 8, BLOCK_16X16, LAST);
  ASSERT_EQ(s.num_mv_found, 2);
  EXPECT_MV(s, 0, 0, 1, 0);
  EXPECT_EQ(s.weight_stack[0], 656);
  EXPECT_MV(s, 1, 0, 9, 9);
  EXPECT_EQ(s.weight_stack[1], 644);
}

// 64x64 block at (16, 16): useStep16.  Row 14..15 above holds 8x8 blocks
// with the same mv (1, 2) (NEARMV).  row -1: end4 = Min(Min(16, 32 - 16), 16)
// = 16; len = Max(4, Min(16, 2)) = 4, weight 8 at i = 0, 4, 8, 12 -> 32.
// Top-right (15, 32) is outside the frame.  +640 = 672; rows 13 and 11 and
// columns 15, 13, 11 hold nothing.  CloseMatches 1, numNew 0:
// NewMvContext 3, RefMvContext 2 + 1 = 3.
TEST_F(MvPredTest, Step16Weights) {
  // Columns 16.. only, so that the top-left point (15, 15) stays empty.
  for (int c = 16; c < 32; c += 2) Place(14, c, BLOCK_8X8, LAST, -1, M(1, 2), Mv(), NEARMV);
  const MvStack s = Find(16, 16, BLOCK_64X64, LAST);
  EXPECT_EQ(s.num_mv_found, 1);
  EXPECT_MV(s, 0, 0, 1, 2);
  EXPECT_EQ(s.weight_stack[0], 672);
  EXPECT_EQ(s.new_mv_context, 3);
  EXPECT_EQ(s.ref_mv_context, 3);
}

// Compound LAST + BWDREF (sign bias 0 / 1).  Above (4, 8) 16x16 NEW_NEWMV and
// left (8, 4) 16x16 NEAREST_NEARESTMV, both with mvs (2,2) / (-4,-4).
//  row -1: w 8, NewMvCount 1; col -1: +8; +640; row -3 (5, 9): +8;
//  col -3 (9, 5): +8 -> 672.  NumMvFound 1: extra search.
//  pass 0 (7, 8): candList 0 (LAST): list 0 RefIdMvs[0] = (2,2); list 1:
//  RefDiffMvs[1] = (-2,-2) (sign bias differs).  candList 1 (BWDREF): list 0
//  RefDiffMvs[0] = (4,4); list 1 RefIdMvs[1] = (-4,-4).  pass 1 (8, 7): the
//  same again (second entries).  combinedMvs[0] = combinedMvs[1] =
//  ((2,2), (-4,-4)); NumMvFound == 1 and combinedMvs[0] equals RefStackMv[0]:
//  RefStackMv[1] = combinedMvs[1], weight 2.
//  CloseMatches 2, numNew 1: NewMvContext 4, RefMvContext 5.
TEST_F(MvPredTest, CompoundSameNeighbours) {
  hdr_.RefFrameSignBias[BWDREF] = 1;
  Place(4, 8, BLOCK_16X16, LAST, BWDREF, M(2, 2), M(-4, -4), NEW_NEWMV);
  Place(8, 4, BLOCK_16X16, LAST, BWDREF, M(2, 2), M(-4, -4), NEAREST_NEARESTMV);
  const MvStack s = Find(8, 8, BLOCK_16X16, LAST, BWDREF);
  ASSERT_EQ(s.num_mv_found, 2);
  EXPECT_MV(s, 0, 0, 2, 2);
  EXPECT_MV(s, 0, 1, -4, -4);
  EXPECT_EQ(s.weight_stack[0], 672);
  EXPECT_MV(s, 1, 0, 2, 2);
  EXPECT_MV(s, 1, 1, -4, -4);
  EXPECT_EQ(s.weight_stack[1], 2);
  EXPECT_EQ(s.new_mv_context, 4);
  EXPECT_EQ(s.ref_mv_context, 5);
  EXPECT_EQ(s.drl_ctx_stack[0], 1);  // 672 >= 640, 2 < 640
}

// Compound LAST + BWDREF with only a single-reference LAST neighbour above
// (mv (6, 8)) and TRANSLATION global motion for LAST: gm_params[1][0] =
// 3 << 13, gm_params[1][1] = -5 << 13 -> GlobalMvs[0] = (3, -5) (7.10.2.1:
// mv[0] from gm_params[0], mv[1] from gm_params[1]); GlobalMvs[1] = (0, 0).
// No compound match: NumMvFound 0, CloseMatches = TotalMatches = 0.
// Extra search: (7, 8) gives RefIdMvs[0] = (6,8), RefDiffMvs[1] = (-6,-8).
// combinedMvs[0] = ((6,8), (-6,-8)), combinedMvs[1] = (GlobalMvs[0],
// GlobalMvs[1]) = ((3,-5), (0,0)); both pushed with weight 2.
// DrlCtxStack[0] = 2 (weight < 640).  NewMvContext 0, RefMvContext 0.
TEST_F(MvPredTest, CompoundExtraSearchWithGlobal) {
  hdr_.RefFrameSignBias[BWDREF] = 1;
  hdr_.GmType[LAST] = TRANSLATION;
  hdr_.gm_params[LAST][0] = 3 << 13;
  hdr_.gm_params[LAST][1] = -5 * (1 << 13);
  Place(4, 8, BLOCK_16X16, LAST, -1, M(6, 8), Mv(), NEWMV);
  const MvStack s = Find(8, 8, BLOCK_16X16, LAST, BWDREF);
  EXPECT_EQ(s.global_mvs[0][0], 3);
  EXPECT_EQ(s.global_mvs[0][1], -5);
  EXPECT_EQ(s.global_mvs[1][0], 0);
  EXPECT_EQ(s.global_mvs[1][1], 0);
  ASSERT_EQ(s.num_mv_found, 2);
  EXPECT_MV(s, 0, 0, 6, 8);
  EXPECT_MV(s, 0, 1, -6, -8);
  EXPECT_MV(s, 1, 0, 3, -5);
  EXPECT_MV(s, 1, 1, 0, 0);
  EXPECT_EQ(s.weight_stack[0], 2);
  EXPECT_EQ(s.weight_stack[1], 2);
  EXPECT_EQ(s.drl_ctx_stack[0], 2);
  EXPECT_EQ(s.drl_ctx_stack[1], 0);
  EXPECT_EQ(s.new_mv_context, 0);
  EXPECT_EQ(s.ref_mv_context, 0);
  EXPECT_EQ(s.new_mv_count, 0);
}

// Single prediction, extra search with a different-sign-bias reference:
// above 16x16 BWDREF (bias 1) mv (10, -20) for a LAST block: no match in
// the scans; the extra search negates it: (-10, 20) weight 2;
// RefStackMv[1] = GlobalMvs[0] = (0, 0).
TEST_F(MvPredTest, SingleExtraSearchSignBias) {
  hdr_.RefFrameSignBias[BWDREF] = 1;
  Place(4, 8, BLOCK_16X16, BWDREF, -1, M(10, -20), Mv(), NEWMV);
  const MvStack s = Find(8, 8, BLOCK_16X16, LAST);
  EXPECT_EQ(s.num_mv_found, 1);
  EXPECT_MV(s, 0, 0, -10, 20);
  EXPECT_EQ(s.weight_stack[0], 2);
  EXPECT_MV(s, 1, 0, 0, 0);
  EXPECT_EQ(s.new_mv_context, 0);
  EXPECT_EQ(s.ref_mv_context, 0);
  EXPECT_EQ(s.new_mv_count, 0);
}

// ROTZOOM global motion for LAST: gm_params = { 8192, -8192, 65536 + 64, 0,
// 0, 65536 + 64 }.  Block 16x16 at (8, 8): x = y = 8 * 4 + 16 / 2 - 1 = 39.
// xc = 64 * 39 + 0 * 39 + 8192 = 10688, yc = 0 * 39 + 64 * 39 - 8192 = -5696.
// allow_high_precision_mv: mv = (Round2Signed(-5696, 13),
// Round2Signed(10688, 13)) = (-(9792 >> 13), 14784 >> 13) = (-1, 1).
// Above 16x16 GLOBALMV with stored mv (100, 100) is large: candMv =
// GlobalMvs[0] = (-1, 1).  Left 4x8 GLOBALMV (8, 7) with mv (20, 30) is
// not large (Min(4, 8) < 8): its own mv.
// row -1: (-1,1) w 8; col -1: (8, 7) len Min(4, 2) = 2 w 4; (10, 7) and
// (11, 7) unset.  +640: 648, 644.  row -3 (5, 9): +8 -> 656.
TEST_F(MvPredTest, GlobalMvSubstitution) {
  hdr_.GmType[LAST] = 2;  // ROTZOOM
  const int32_t gm[6] = {8192, -8192, 65536 + 64, 0, 0, 65536 + 64};
  for (int i = 0; i < 6; ++i) hdr_.gm_params[LAST][i] = gm[i];
  Place(4, 8, BLOCK_16X16, LAST, -1, M(100, 100), Mv(), GLOBALMV);
  Place(8, 7, BLOCK_4X8, LAST, -1, M(20, 30), Mv(), GLOBALMV);
  MvStack s = Find(8, 8, BLOCK_16X16, LAST);
  EXPECT_EQ(s.global_mvs[0][0], -1);
  EXPECT_EQ(s.global_mvs[0][1], 1);
  ASSERT_EQ(s.num_mv_found, 2);
  EXPECT_MV(s, 0, 0, -1, 1);
  EXPECT_EQ(s.weight_stack[0], 656);
  EXPECT_MV(s, 1, 0, 20, 30);
  EXPECT_EQ(s.weight_stack[1], 644);

  // Without high precision: (Round2Signed(-5696, 14) * 2,
  // Round2Signed(10688, 14) * 2) = (-(13888 >> 14) * 2, (18880 >> 14) * 2)
  // = (0, 2); the 4x8 candidate (20, 30) is even and stays.
  hdr_.allow_high_precision_mv = 0;
  s = Find(8, 8, BLOCK_16X16, LAST);
  EXPECT_EQ(s.global_mvs[0][0], 0);
  EXPECT_EQ(s.global_mvs[0][1], 2);
  EXPECT_MV(s, 0, 0, 0, 2);

  // TRANSLATION global motion does not substitute (GmType > TRANSLATION is
  // required): the stored (100, 100) is used.
  hdr_.GmType[LAST] = TRANSLATION;
  s = Find(8, 8, BLOCK_16X16, LAST);
  EXPECT_MV(s, 0, 0, 100, 100);
}

// Compound GLOBAL_GLOBALMV candidate: per list, GlobalMvs[ list ] only when
// GmType[ RefFrame[ list ] ] > TRANSLATION.  LAST ROTZOOM (as above, ->
// (-1, 1)), BWDREF identity: the pair becomes ((-1,1), stored (7,7)).
TEST_F(MvPredTest, CompoundGlobalGlobalSubstitution) {
  hdr_.GmType[LAST] = 2;
  const int32_t gm[6] = {8192, -8192, 65536 + 64, 0, 0, 65536 + 64};
  for (int i = 0; i < 6; ++i) hdr_.gm_params[LAST][i] = gm[i];
  Place(4, 8, BLOCK_16X16, LAST, BWDREF, M(50, 50), M(7, 7), GLOBAL_GLOBALMV);
  const MvStack s = Find(8, 8, BLOCK_16X16, LAST, BWDREF);
  EXPECT_MV(s, 0, 0, -1, 1);
  EXPECT_MV(s, 0, 1, 7, 7);
}

// Lower precision (7.10.2.10).  allow_high_precision_mv = 0: odd components
// move towards zero: (5, -7) -> (4, -6).  force_integer_mv = 1: a = |v|,
// (a + 3) >> 3 << 3 with the sign: (13, -4) -> (16, 0), (5, -7) -> (8, -8);
// TRANSLATION global (3, -5) -> (0, -8).
// The extra search (7.10.2.12 / 7.10.2.13) compares and adds the
// candidates' Mvs as stored, without lower_mv_precision: the raw (5, -7)
// differs from the lowered stack entry and becomes RefStackMv[ 1 ] with
// weight 2.  (In a conformant frame every stored Mv already has the frame's
// precision, so this only shows on hand-made grids.)
TEST_F(MvPredTest, LowerPrecision) {
  hdr_.allow_high_precision_mv = 0;
  Place(4, 8, BLOCK_16X16, LAST, -1, M(5, -7), Mv(), NEWMV);
  MvStack s = Find(8, 8, BLOCK_16X16, LAST);
  ASSERT_EQ(s.num_mv_found, 2);
  EXPECT_MV(s, 0, 0, 4, -6);
  EXPECT_MV(s, 1, 0, 5, -7);
  EXPECT_EQ(s.weight_stack[1], 2);

  hdr_.force_integer_mv = 1;
  s = Find(8, 8, BLOCK_16X16, LAST);
  EXPECT_MV(s, 0, 0, 8, -8);
  EXPECT_MV(s, 1, 0, 5, -7);
  Place(4, 8, BLOCK_16X16, LAST, -1, M(13, -4), Mv(), NEWMV);
  hdr_.GmType[LAST] = TRANSLATION;
  hdr_.gm_params[LAST][0] = 3 << 13;
  hdr_.gm_params[LAST][1] = -5 * (1 << 13);
  s = Find(8, 8, BLOCK_16X16, LAST);
  EXPECT_MV(s, 0, 0, 16, 0);
  EXPECT_EQ(s.global_mvs[0][0], 0);
  EXPECT_EQ(s.global_mvs[0][1], -8);
  EXPECT_MV(s, 1, 0, 13, -4);  // raw, from the extra search
  // Without neighbours both entries are the global fill (0, -8).
  PlaceIntra(4, 8, BLOCK_16X16);
  s = Find(8, 8, BLOCK_16X16, LAST);
  EXPECT_EQ(s.num_mv_found, 0);
  EXPECT_MV(s, 0, 0, 0, -8);
  EXPECT_MV(s, 1, 0, 0, -8);
}

// Clamping at the frame edge (7.10.2.14).  Current 16x16 at (0, 8); left
// 16x16 at (0, 4), NEWMV, mv (-2000, 3000).  clamp_mv_row: mbToTopEdge 0,
// border 128 + 16 * 8 = 256 -> min -256.  clamp_mv_col: mbToLeftEdge =
// -(8 * 4 * 8) = -256, mbToRightEdge = (32 - 4 - 8) * 4 * 8 = 640, border
// 256 -> max 896.  -> (-256, 896).  The global fill entry RefStackMv[1]
// (TRANSLATION: gm_params[1][0] = -3000 << 13 -> (-3000, 0)) is not clamped.
// col -1 and col -3 ((1, 5), deltaRow = 1) match: CloseMatches 1,
// TotalMatches 1, numNew 1: NewMvContext 2, RefMvContext 3.
TEST_F(MvPredTest, ClampingAtFrameEdge) {
  hdr_.GmType[LAST] = TRANSLATION;
  hdr_.gm_params[LAST][0] = -3000 * (1 << 13);
  Place(0, 4, BLOCK_16X16, LAST, -1, M(-2000, 3000), Mv(), NEWMV);
  const MvStack s = Find(0, 8, BLOCK_16X16, LAST);
  EXPECT_EQ(s.num_mv_found, 1);
  EXPECT_MV(s, 0, 0, -256, 896);
  EXPECT_EQ(s.weight_stack[0], 656);
  EXPECT_MV(s, 1, 0, -3000, 0);
  EXPECT_EQ(s.new_mv_context, 2);
  EXPECT_EQ(s.ref_mv_context, 3);
}

// Intra block copy (RefFrame = { INTRA_FRAME, NONE }, force_integer_mv):
// current 8x8 at (8, 8) (bw4 = bh4 = 2), above 8x8 intrabc block at (6, 8)
// with mv (-64, 0) (integer, unchanged by lower precision).  row -1: (7, 8)
// len Min(2, 2) = 2, w 4; + 640 = 644; row -3 ((5, 9)), col -3, row -5,
// col -5 see nothing.  Extra search: RefFrames[ 0 ] = INTRA_FRAME is not
// > INTRA_FRAME: nothing; RefStackMv[ 1 ] = GlobalMvs[ 0 ] = (0, 0).
// With an inter (LAST) block on the left, which an intra frame cannot have,
// the scans ignore it (RefFrames differ) but the extra search's pass 1
// takes any candRef > INTRA_FRAME: (8, 8) with weight 2.
TEST_F(MvPredTest, IntraBlockCopySearch) {
  hdr_.allow_high_precision_mv = 0;
  hdr_.force_integer_mv = 1;
  Place(6, 8, BLOCK_8X8, 0, -1, M(-64, 0), Mv(), DC_PRED);
  blocks_.at(6, 8).is_inter = blocks_.at(6, 9).is_inter = 1;
  blocks_.at(7, 8).is_inter = blocks_.at(7, 9).is_inter = 1;
  MvStack s = Find(8, 8, BLOCK_8X8, 0);
  EXPECT_EQ(s.num_mv_found, 1);
  EXPECT_MV(s, 0, 0, -64, 0);
  EXPECT_EQ(s.weight_stack[0], 644);
  EXPECT_MV(s, 1, 0, 0, 0);
  EXPECT_EQ(s.new_mv_context, 3);  // CloseMatches 1, numNew 0
  Place(8, 6, BLOCK_8X8, LAST, -1, M(8, 8), Mv(), NEWMV);
  s = Find(8, 8, BLOCK_8X8, 0);
  ASSERT_EQ(s.num_mv_found, 2);
  EXPECT_MV(s, 0, 0, -64, 0);
  EXPECT_MV(s, 1, 0, 8, 8);
  EXPECT_EQ(s.weight_stack[1], 2);
}

// Tile bounds: with the tile starting at column 8, the left neighbour at
// column 7 is outside (is_inside), so nothing is found.
TEST_F(MvPredTest, TileBoundsLimitTheSearch) {
  Place(8, 4, BLOCK_16X16, LAST, -1, M(4, 4));
  tile_set_ = true;
  tile_ = TileBounds{0, 32, 8, 32};
  const MvStack s = Find(8, 8, BLOCK_16X16, LAST);
  EXPECT_EQ(s.num_mv_found, 0);
  EXPECT_MV(s, 0, 0, 0, 0);
  EXPECT_MV(s, 1, 0, 0, 0);
  EXPECT_EQ(s.new_mv_context, 0);
  EXPECT_EQ(s.ref_mv_context, 0);
}

// Temporal candidates (7.10.2.5 / 7.10.2.6).  Current 16x16 at (8, 8),
// LAST, no spatial neighbours.  stepW4 = stepH4 = 2: samples (0,0), (0,2),
// (2,0), (2,2) -> mvRow/mvCol = (9, 9), (9, 11), (11, 9), (11, 11) ->
// (y8, x8) = (4,4), (4,5), (5,4), (5,5).  allowExtension (4 in 2..15):
// tplSamplePos (4,-2), (4,4), (2,4); check_sb_border with (8&15, 8&15) =
// (8, 8): (12, 6), (12, 12), (10, 12) all inside -> (13, 7), (13, 13),
// (11, 13) -> (6,3), (6,6), (5,6).
// MotionFieldMvs[LAST]: (4,4) = (5,5) = (20, 12); (6,6) = (-3, 7).
// Stack: (20,12) w 2 + 2 = 4, (-3,7) w 2.  ZeroMvContext: the (0,0) sample
// is (20, 12), |20 - 0| >= 16 -> 1.  numNearest 0; DrlCtxStack[0] = 2.
TEST_F(MvPredTest, TemporalCandidates) {
  hdr_.use_ref_frame_mvs = 1;
  MotionField mf;
  mf.Reset(32, 32);
  ASSERT_EQ(mf.rows(), 16);
  mf.at(LAST, 4, 4) = M(20, 12);
  mf.at(LAST, 5, 5) = M(20, 12);
  mf.at(LAST, 6, 6) = M(-3, 7);
  mf.at(LAST, 6, 3) = M(MotionField::kInvalid, MotionField::kInvalid);
  mf_ = &mf;
  MvStack s = Find(8, 8, BLOCK_16X16, LAST);
  ASSERT_EQ(s.num_mv_found, 2);
  EXPECT_MV(s, 0, 0, 20, 12);
  EXPECT_EQ(s.weight_stack[0], 4);
  EXPECT_MV(s, 1, 0, -3, 7);
  EXPECT_EQ(s.weight_stack[1], 2);
  EXPECT_EQ(s.zero_mv_context, 1);
  EXPECT_EQ(s.drl_ctx_stack[0], 2);
  EXPECT_EQ(s.new_mv_context, 0);
  EXPECT_EQ(s.ref_mv_context, 0);

  // Lowered before the ZeroMvContext test: without high precision (15, 1)
  // -> (14, 0): both within 16 of (0, 0) -> 0.  (17, 1) -> (16, 0) -> 1.
  hdr_.allow_high_precision_mv = 0;
  mf.at(LAST, 4, 4) = M(15, 1);
  s = Find(8, 8, BLOCK_16X16, LAST);
  EXPECT_EQ(s.zero_mv_context, 0);
  // Stack in scan order (all weights 2, the stable sort keeps it):
  // (14, 0) from (4,4), (20, 12) from (5,5), (-2, 6) from (6,6).
  ASSERT_EQ(s.num_mv_found, 3);
  EXPECT_MV(s, 0, 0, 14, 0);
  EXPECT_MV(s, 1, 0, 20, 12);
  EXPECT_MV(s, 2, 0, -2, 6);
  mf.at(LAST, 4, 4) = M(17, 1);
  s = Find(8, 8, BLOCK_16X16, LAST);
  EXPECT_EQ(s.zero_mv_context, 1);

  // An invalid (0, 0) sample leaves ZeroMvContext at 1.
  mf.at(LAST, 4, 4) = M(MotionField::kInvalid, MotionField::kInvalid);
  s = Find(8, 8, BLOCK_16X16, LAST);
  EXPECT_EQ(s.zero_mv_context, 1);

  // use_ref_frame_mvs = 0: no temporal scan, ZeroMvContext 0.
  hdr_.use_ref_frame_mvs = 0;
  s = Find(8, 8, BLOCK_16X16, LAST);
  EXPECT_EQ(s.zero_mv_context, 0);
  EXPECT_EQ(s.num_mv_found, 0);
}

// check_sb_border: current 16x16 at (12, 12) sits at the bottom-right of
// its 64x64 block ((12 & 15) + 4 = 16): no extension sample is taken.  The
// in-block samples are (13, 13), (13, 15), (15, 13), (15, 15) -> (y8, x8)
// (6,6), (6,7), (7,6), (7,7); the extension ones would be (17, 11) ->
// (8, 5), (17, 17) -> (8, 8), (15, 17) -> (7, 8).
TEST_F(MvPredTest, TemporalExtensionStaysInSuperblock) {
  hdr_.use_ref_frame_mvs = 1;
  MotionField mf;
  mf.Reset(32, 32);
  mf.at(LAST, 8, 5) = M(1, 1);
  mf.at(LAST, 8, 8) = M(2, 2);
  mf.at(LAST, 7, 8) = M(3, 3);
  mf_ = &mf;
  MvStack s = Find(12, 12, BLOCK_16X16, LAST);
  EXPECT_EQ(s.num_mv_found, 0);
  // At (8, 8) the same positions relative to the block are inside:
  // (12, 6), (12, 12), (10, 12) -> (13, 7), (13, 13), (11, 13) -> (6, 3),
  // (6, 6), (5, 6).
  mf.at(LAST, 6, 3) = M(4, 4);
  s = Find(8, 8, BLOCK_16X16, LAST);
  ASSERT_EQ(s.num_mv_found, 1);
  EXPECT_MV(s, 0, 0, 4, 4);
  EXPECT_EQ(s.zero_mv_context, 1);  // the (0, 0) sample (4, 4) is invalid
}

// Temporal compound: both MotionFieldMvs[ RefFrame[ 0 ] ] and
// [ RefFrame[ 1 ] ] must be valid.  Only (4, 4) has both: one pair, w 2.
TEST_F(MvPredTest, TemporalCompound) {
  hdr_.use_ref_frame_mvs = 1;
  MotionField mf;
  mf.Reset(32, 32);
  mf.at(LAST, 4, 4) = M(2, 4);
  mf.at(BWDREF, 4, 4) = M(-2, -4);
  mf.at(LAST, 5, 5) = M(8, 8);  // BWDREF (5,5) invalid: skipped
  mf_ = &mf;
  const MvStack s = Find(8, 8, BLOCK_16X16, LAST, BWDREF);
  // NumMvFound 1 -> compound extra search adds (GlobalMvs) = ((0,0),(0,0)).
  ASSERT_EQ(s.num_mv_found, 2);
  EXPECT_MV(s, 0, 0, 2, 4);
  EXPECT_MV(s, 0, 1, -2, -4);
  EXPECT_EQ(s.weight_stack[0], 2);
  EXPECT_MV(s, 1, 0, 0, 0);
  EXPECT_MV(s, 1, 1, 0, 0);
  EXPECT_EQ(s.zero_mv_context, 0);  // (2,4)/(-2,-4) within 16 of (0,0)
}

// 7.10.4 find_warp_samples.  Current 16x16 at (8, 8), LAST, Mv[0] = (0, 0);
// threshold = Clip3(16, 112, 16) = 16.
//  above 16x16 (4, 8) mv (4, 4): w4 <= srcW, colOffset = -(8 & 3) = 0:
//    add_sample(-1, 0): candRow 4, candCol 8, midY = 16 + 8 - 1 = 23,
//    midX = 32 + 8 - 1 = 39; diff 8 valid: (184, 312, 188, 316).
//  left 16x16 (8, 4) mv (40, 0): add_sample(0, -1): diff 40 invalid,
//    NumSamplesScanned 2 > 1: dropped.
//  top-left 8x8 (6, 6) mv (2, -2): candRow = 7 & ~1 = 6, candCol 6,
//    midY = midX = 24 + 4 - 1 = 27: (216, 216, 218, 214).
//  top-right 8x8 (6, 12) mv (0, 8): midY 27, midX 48 + 4 - 1 = 51:
//    (216, 408, 216, 416).
// NumSamples 3, NumSamplesScanned 4.
TEST_F(MvPredTest, FindWarpSamples) {
  Place(4, 8, BLOCK_16X16, LAST, -1, M(4, 4));
  Place(8, 4, BLOCK_16X16, LAST, -1, M(40, 0));
  Place(6, 6, BLOCK_8X8, LAST, -1, M(2, -2));
  Place(6, 12, BLOCK_8X8, LAST, -1, M(0, 8));
  MvPredictor p(hdr_, &blocks_, nullptr);
  p.SetTile(TileBounds{0, 32, 0, 32});
  MvBlock b;
  b.mi_row = 8;
  b.mi_col = 8;
  b.mi_size = BLOCK_16X16;
  b.ref_frame[0] = LAST;
  WarpSamples w;
  p.FindWarpSamples(b, M(0, 0), &w);
  EXPECT_EQ(w.num_samples, 3);
  EXPECT_EQ(w.num_samples_scanned, 4);
  const int expect[3][4] = {{184, 312, 188, 316}, {216, 216, 218, 214}, {216, 408, 216, 416}};
  for (int i = 0; i < 3; ++i) {
    for (int j = 0; j < 4; ++j) EXPECT_EQ(w.cand_list[i][j], expect[i][j]) << i << " " << j;
  }
}

// Only a large-MV candidate: it is kept as CandList[0] and NumSamples
// becomes 1.  Compound and other-reference neighbours are not samples.
TEST_F(MvPredTest, FindWarpSamplesOnlyLarge) {
  Place(8, 4, BLOCK_16X16, LAST, -1, M(40, 0));          // left: large
  Place(4, 8, BLOCK_16X16, LAST, BWDREF, M(0, 0), M(0, 0));  // compound
  Place(6, 6, BLOCK_8X8, BWDREF, -1, M(0, 0));            // other ref
  MvPredictor p(hdr_, &blocks_, nullptr);
  p.SetTile(TileBounds{0, 32, 0, 32});
  MvBlock b;
  b.mi_row = 8;
  b.mi_col = 8;
  b.mi_size = BLOCK_16X16;
  b.ref_frame[0] = LAST;
  WarpSamples w;
  p.FindWarpSamples(b, M(0, 0), &w);
  EXPECT_EQ(w.num_samples_scanned, 1);
  EXPECT_EQ(w.num_samples, 1);
  // left: candRow 8, candCol 4: midY = 32 + 8 - 1 = 39, midX = 16 + 8 - 1 = 23.
  EXPECT_EQ(w.cand_list[0][0], 312);
  EXPECT_EQ(w.cand_list[0][1], 184);
  EXPECT_EQ(w.cand_list[0][2], 352);
  EXPECT_EQ(w.cand_list[0][3], 184);
}

// Above row made of 4x4 blocks wider than... w4 > srcW: the loop steps by
// Min(w4, srcW).  Current 16x16 at (8, 8); above: 8x8 blocks at (6, 8) mv
// (1, 0) and (6, 10) mv (0, 1) -> add_sample(-1, 0) and (-1, 2), both valid;
// top-left / top-right stay enabled (the loop branch does not clear them)
// but (7, 7) and (7, 12) are unset.  NumSamples 2.
TEST_F(MvPredTest, FindWarpSamplesNarrowAbove) {
  Place(6, 8, BLOCK_8X8, LAST, -1, M(1, 0));
  Place(6, 10, BLOCK_8X8, LAST, -1, M(0, 1));
  MvPredictor p(hdr_, &blocks_, nullptr);
  p.SetTile(TileBounds{0, 32, 0, 32});
  MvBlock b;
  b.mi_row = 8;
  b.mi_col = 8;
  b.mi_size = BLOCK_16X16;
  b.ref_frame[0] = LAST;
  WarpSamples w;
  p.FindWarpSamples(b, M(0, 0), &w);
  EXPECT_EQ(w.num_samples, 2);
  EXPECT_EQ(w.num_samples_scanned, 2);
  // (6, 8) 8x8: midY = 24 + 4 - 1 = 27, midX = 32 + 4 - 1 = 35.
  EXPECT_EQ(w.cand_list[0][0], 216);
  EXPECT_EQ(w.cand_list[0][1], 280);
  EXPECT_EQ(w.cand_list[0][2], 217);
  EXPECT_EQ(w.cand_list[1][1], 43 * 8);
}

// 7.10.3: only odd mi positions (8x8 granularity) of the row above / the
// column left are looked at, and only inter blocks (RefFrames[0] > INTRA).
TEST_F(MvPredTest, HasOverlappableCandidates) {
  MvPredictor p(hdr_, &blocks_, nullptr);
  p.SetTile(TileBounds{0, 32, 0, 32});
  MvBlock b;
  b.mi_row = 8;
  b.mi_col = 8;
  b.mi_size = BLOCK_16X16;
  EXPECT_FALSE(p.HasOverlappableCandidates(b));
  Place(7, 10, BLOCK_4X4, LAST, -1, M(0, 0));  // even column: not looked at
  EXPECT_FALSE(p.HasOverlappableCandidates(b));
  Place(7, 11, BLOCK_4X4, LAST, -1, M(0, 0));  // x4 = 10 -> 10 | 1 = 11
  EXPECT_TRUE(p.HasOverlappableCandidates(b));
  Place(7, 11, BLOCK_4X4, 0, -1, M(0, 0));  // intra again
  Place(9, 7, BLOCK_4X4, LAST, -1, M(0, 0));  // y4 = 8 -> 9
  EXPECT_TRUE(p.HasOverlappableCandidates(b));
  // AvailL false once the tile starts at column 8.
  p.SetTile(TileBounds{0, 32, 8, 32});
  EXPECT_FALSE(p.HasOverlappableCandidates(b));
}

// Hostile grids never read out of bounds: out-of-range block sizes and
// reference frames, blocks at the frame corner, use_ref_frame_mvs without a
// motion field, tile bounds past the frame.
TEST_F(MvPredTest, HostileInputsStayInBounds) {
  for (int r = 0; r < 32; ++r) {
    for (int c = 0; c < 32; ++c) {
      BlockInfo& bi = blocks_.at(r, c);
      bi.decoded = 1;
      bi.is_inter = 1;
      bi.mi_size = static_cast<uint8_t>((r * 7 + c) % 2 ? 255 : 40);
      bi.ref_frame[0] = static_cast<int8_t>((r + c) % 3 ? 100 : -100);
      bi.ref_frame[1] = static_cast<int8_t>(r % 2 ? 9 : 1);
      bi.y_mode = 200;
      bi.mv[0] = M(-32768, 32767);
      bi.mv[1] = M(32767, -32768);
    }
  }
  hdr_.use_ref_frame_mvs = 1;
  tile_set_ = true;
  tile_ = TileBounds{-5, 40, -5, 40};
  for (int bs = 0; bs < BLOCK_SIZES; ++bs) {
    for (int pos : {0, 1, 16, 30, 31}) {
      for (int ref = 1; ref <= 7; ++ref) {
        MvStack s = Find(pos, pos, bs, ref);
        EXPECT_GE(s.num_mv_found, 0);
        EXPECT_LE(s.num_mv_found, MAX_REF_MV_STACK_SIZE);
        s = Find(pos, 31 - pos, bs, ref, 7);
        EXPECT_LE(s.num_mv_found, MAX_REF_MV_STACK_SIZE);
        MvPredictor p(hdr_, &blocks_, nullptr);
        p.SetTile(tile_);
        MvBlock b;
        b.mi_row = pos;
        b.mi_col = pos;
        b.mi_size = bs;
        b.ref_frame[0] = ref;
        WarpSamples w;
        p.FindWarpSamples(b, M(0, 0), &w);
        EXPECT_LE(w.num_samples, LEAST_SQUARES_SAMPLES_MAX);
        (void)p.HasOverlappableCandidates(b);
      }
    }
  }
}

}  // namespace
}  // namespace hav1::tile
