// Tests for src/refs/motion_field: 7.19 motion field motion vector storage
// and 7.9 motion field estimation.  Every expected value is worked out by
// hand from the spec text (08.decoding.process.md 7.9.x / 7.19); the
// arithmetic is in the comments.
#include "src/refs/motion_field.h"

#include <gtest/gtest.h>

#include "src/bitstream/constants.h"

namespace hav1 {
namespace {

using tile::Mv;

Mv M(int row, int col) {
  Mv m;
  m.row = static_cast<int16_t>(row);
  m.col = static_cast<int16_t>(col);
  return m;
}

constexpr int16_t kInv = MotionField::kInvalid;

bool IsInvalid(const MotionField& f, int ref, int y8, int x8) {
  return f.at(ref, y8, x8).row == kInv && f.at(ref, y8, x8).col == kInv;
}

int CountValid(const MotionField& f) {
  int n = 0;
  for (int ref = LAST_FRAME; ref <= ALTREF_FRAME; ref++)
    for (int y = 0; y < f.rows(); y++)
      for (int x = 0; x < f.cols(); x++) n += !IsInvalid(f, ref, y, x);
  return n;
}

SequenceHeader Seq7Bits() {
  SequenceHeader seq;
  seq.enable_order_hint = 1;
  seq.OrderHintBits = 7;
  return seq;
}

// ---------------------------------------------------------------- 7.9.3

TEST(MotionField, DivMultSpotValues) {
  // projMv[i] = Clip3(-16383, 16383, Round2Signed(mv[i] * num * Div_Mult[den], 14)).
  // With mv = +-1024 and num = 16, mv * num = +-2^14, so the result is exactly
  // +-Div_Mult[den] (7.9.3 table: 0, 16384, 8192, 5461, 4096, 3276, ...).
  struct { int den, div_mult; } cases[] = {
      {2, 8192}, {3, 5461}, {4, 4096}, {5, 3276}, {6, 2730}, {7, 2340},
      {10, 1638}, {11, 1489}, {17, 963}, {21, 780}, {24, 682}, {29, 564},
      {30, 546}, {31, 528}};
  for (const auto& c : cases) {
    const Mv p = GetMvProjection(M(1024, -1024), 16, c.den);
    EXPECT_EQ(p.row, c.div_mult) << "den " << c.den;
    EXPECT_EQ(p.col, -c.div_mult) << "den " << c.den;
  }
  // Div_Mult[1] = 16384: 2^14 * 16384 >> 14 = 16384, clipped to (1 << 14) - 1.
  EXPECT_EQ(GetMvProjection(M(1024, -1024), 16, 1).row, 16383);
  EXPECT_EQ(GetMvProjection(M(1024, -1024), 16, 1).col, -16383);
  // Denominators above 31 use Div_Mult[31] = 528 (clippedDenominator).
  EXPECT_EQ(GetMvProjection(M(1024, 0), 16, 200).row, 528);
  // Numerators are clipped to +-31: 1024 * 31 * 8192 >> 14 = 15872 for
  // num 31 and num 100 alike; -15872 for num -100.
  EXPECT_EQ(GetMvProjection(M(1024, 0), 100, 2).row, 15872);
  EXPECT_EQ(GetMvProjection(M(1024, 0), -100, 2).row, -15872);
}

TEST(MotionField, MvProjectionRounding) {
  // Round2Signed(30 * 2 * 5461, 14) = (327660 + 8192) >> 14 = 20.
  // Round2Signed(-100 * 2 * 5461, 14) = -((1092200 + 8192) >> 14) = -67.
  const Mv p = GetMvProjection(M(30, -100), 2, 3);
  EXPECT_EQ(p.row, 20);
  EXPECT_EQ(p.col, -67);
  // Round2Signed(-3 * 1 * 8192, 14) = -((24576 + 8192) >> 14) = -2 (ties
  // away from zero); +3 -> 2.
  EXPECT_EQ(GetMvProjection(M(-3, 3), 1, 2).row, -2);
  EXPECT_EQ(GetMvProjection(M(-3, 3), 1, 2).col, 2);
}

TEST(MotionField, ResetSizesAndFillsInvalid) {
  MotionField f;
  f.Reset(5, 9);  // h8 = 5 >> 1 = 2, w8 = 9 >> 1 = 4
  EXPECT_EQ(f.rows(), 2);
  EXPECT_EQ(f.cols(), 4);
  EXPECT_EQ(CountValid(f), 0);
  f.at(ALTREF_FRAME, 1, 3) = M(1, 2);
  EXPECT_EQ(CountValid(f), 1);
  f.Reset(5, 9);
  EXPECT_EQ(CountValid(f), 0);
  f.Reset(-3, 1);  // hostile sizes give an empty field
  EXPECT_EQ(f.rows(), 0);
  EXPECT_EQ(f.cols(), 0);
}

// ---------------------------------------------------------------- 7.19

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    seq_ = Seq7Bits();
    hdr_.frame_type = INTER_FRAME;
    hdr_.FrameIsIntra = 0;
    hdr_.OrderHint = 10;
    hdr_.MiRows = 4;
    hdr_.MiCols = 4;
    // get_relative_dist( OrderHints[ r ], 10 ) with 7 bits:
    hdr_.OrderHints[LAST_FRAME] = 8;     // -2: stored
    hdr_.OrderHints[LAST2_FRAME] = 9;    // -1: stored
    hdr_.OrderHints[LAST3_FRAME] = 2;    // -8: stored
    hdr_.OrderHints[GOLDEN_FRAME] = 10;  //  0: not stored
    hdr_.OrderHints[BWDREF_FRAME] = 12;  //  2: not stored
    hdr_.OrderHints[ALTREF2_FRAME] = 74; // 64: diff 64 -> (64 & 63) - (64 & 64) = -64: stored
    hdr_.OrderHints[ALTREF_FRAME] = 110; // 100 -> (100 & 63) - (100 & 64) = 36 - 64 = -28: stored
    const int lr[3] = {0, 0, 0};
    blocks_.Reset(4, 4, false, 1, lr, lr);
  }
  void Set(int row, int col, int r0, Mv mv0, int r1 = NONE, Mv mv1 = Mv{}) {
    tile::BlockInfo& b = blocks_.at(row, col);
    b.is_inter = 1;
    b.ref_frame[0] = static_cast<int8_t>(r0);
    b.ref_frame[1] = static_cast<int8_t>(r1);
    b.mv[0] = mv0;
    b.mv[1] = mv1;
  }
  int RefAt(int row, int col) const { return out_.ref_frames[row * 4 + col]; }
  Mv MvAt(int row, int col) const { return out_.mvs[row * 4 + col]; }

  SequenceHeader seq_;
  FrameHeader hdr_;
  tile::FrameBlockInfo blocks_;
  SavedMotionField out_;
};

TEST_F(StoreTest, FiltersAndListOrder) {
  Set(0, 0, LAST_FRAME, M(5, -7));                             // -> LAST (5,-7)
  Set(0, 1, BWDREF_FRAME, M(5, -7));                           // dist 2 > 0 -> NONE
  Set(0, 2, LAST_FRAME, M(1, 2), ALTREF_FRAME, M(3, 4));       // both pass: list 1 wins
  Set(0, 3, LAST_FRAME, M(1, 2), BWDREF_FRAME, M(3, 4));       // list 1 fails: list 0
  Set(1, 0, LAST_FRAME, M(4095, -4095));                       // |mv| == REFMVS_LIMIT: kept
  Set(1, 1, LAST_FRAME, M(4096, 0));                           // 4096 > 4095 -> NONE
  Set(1, 2, LAST2_FRAME, M(1, 1), ALTREF_FRAME, M(0, -4096));  // list 1 too big: list 0
  Set(1, 3, GOLDEN_FRAME, M(9, 9));                            // dist 0 -> NONE
  Set(2, 0, INTRA_FRAME, M(9, 9));                             // intra -> NONE
  Set(2, 1, LAST3_FRAME, M(2, 2), INTRA_FRAME, M(7, 7));       // inter-intra: LAST3 (2,2)
  Set(2, 2, ALTREF2_FRAME, M(-6, 6));                          // wrapped dist -64 -> kept
  Set(2, 3, LAST_FRAME, M(-4095, 4096));                       // col too big -> NONE
  StoreMotionField(seq_, hdr_, blocks_, &out_);
  ASSERT_EQ(out_.mi_rows, 4);
  ASSERT_EQ(out_.mi_cols, 4);
  ASSERT_EQ(out_.ref_frames.size(), 16u);
  ASSERT_EQ(out_.mvs.size(), 16u);

  EXPECT_EQ(RefAt(0, 0), LAST_FRAME);
  EXPECT_EQ(MvAt(0, 0).row, 5);
  EXPECT_EQ(MvAt(0, 0).col, -7);
  EXPECT_EQ(RefAt(0, 1), NONE);
  EXPECT_EQ(RefAt(0, 2), ALTREF_FRAME);
  EXPECT_EQ(MvAt(0, 2).row, 3);
  EXPECT_EQ(MvAt(0, 2).col, 4);
  EXPECT_EQ(RefAt(0, 3), LAST_FRAME);
  EXPECT_EQ(MvAt(0, 3).row, 1);
  EXPECT_EQ(MvAt(0, 3).col, 2);
  EXPECT_EQ(RefAt(1, 0), LAST_FRAME);
  EXPECT_EQ(MvAt(1, 0).row, 4095);
  EXPECT_EQ(MvAt(1, 0).col, -4095);
  EXPECT_EQ(RefAt(1, 1), NONE);
  EXPECT_EQ(RefAt(1, 2), LAST2_FRAME);
  EXPECT_EQ(MvAt(1, 2).row, 1);
  EXPECT_EQ(RefAt(1, 3), NONE);
  EXPECT_EQ(RefAt(2, 0), NONE);
  EXPECT_EQ(RefAt(2, 1), LAST3_FRAME);
  EXPECT_EQ(MvAt(2, 1).row, 2);
  EXPECT_EQ(RefAt(2, 2), ALTREF2_FRAME);
  EXPECT_EQ(MvAt(2, 2).col, 6);
  EXPECT_EQ(RefAt(2, 3), NONE);
  // NONE entries have a zero MfMvs.
  for (int i : {1, 5, 7, 8, 11}) {
    EXPECT_EQ(out_.mvs[i].row, 0) << i;
    EXPECT_EQ(out_.mvs[i].col, 0) << i;
  }
  // Untouched mi (default INTRA_FRAME) are NONE.
  for (int col = 0; col < 4; col++) EXPECT_EQ(RefAt(3, col), NONE);
}

TEST_F(StoreTest, IntraFrameAndNoOrderHintStoreNothing) {
  Set(0, 0, LAST_FRAME, M(5, -7));
  Set(3, 3, LAST_FRAME, M(1, 1), ALTREF_FRAME, M(2, 2));
  hdr_.FrameIsIntra = 1;  // stale grid content must not leak into an intra frame's field
  StoreMotionField(seq_, hdr_, blocks_, &out_);
  for (int v : out_.ref_frames) EXPECT_EQ(v, NONE);
  hdr_.FrameIsIntra = 0;
  seq_.enable_order_hint = 0;  // get_relative_dist = 0: never dist < 0
  StoreMotionField(seq_, hdr_, blocks_, &out_);
  for (int v : out_.ref_frames) EXPECT_EQ(v, NONE);
}

TEST_F(StoreTest, GridSmallerThanFrameIsSafe) {
  Set(0, 0, LAST_FRAME, M(5, -7));
  hdr_.MiRows = 6;  // grid is 4x4: the rest is NONE, no out of bounds read
  hdr_.MiCols = 5;
  StoreMotionField(seq_, hdr_, blocks_, &out_);
  ASSERT_EQ(out_.ref_frames.size(), 30u);
  EXPECT_EQ(out_.ref_frames[0], LAST_FRAME);
  for (size_t i = 1; i < out_.ref_frames.size(); i++) EXPECT_EQ(out_.ref_frames[i], NONE);
}

// ---------------------------------------------------------------- 7.9

// Frame: MiRows 32, MiCols 48 -> h8 = 16, w8 = 24.  OrderHint 8, 7-bit hints.
// ref_frame_idx[ i ] = i (LAST -> slot 0, ..., ALTREF -> slot 6).
// OrderHints: LAST 6, LAST2 4, LAST3 2, GOLDEN 0, BWDREF 10, ALTREF2 12, ALTREF 16.
// refToDst = get_relative_dist( 8, OrderHints[ dst ] ):
//   LAST 2, LAST2 4, LAST3 6, GOLDEN 8, BWDREF -2, ALTREF2 -4, ALTREF -8.
class EstimateTest : public ::testing::Test {
 protected:
  static constexpr int kMiRows = 32, kMiCols = 48;
  void SetUp() override {
    seq_ = Seq7Bits();
    hdr_.frame_type = INTER_FRAME;
    hdr_.FrameIsIntra = 0;
    hdr_.use_ref_frame_mvs = 1;
    hdr_.OrderHint = 8;
    hdr_.MiRows = kMiRows;
    hdr_.MiCols = kMiCols;
    const int hints[8] = {0, 6, 4, 2, 0, 10, 12, 16};
    for (int r = 0; r < 8; r++) hdr_.OrderHints[r] = hints[r];
    for (int i = 0; i < REFS_PER_FRAME; i++) hdr_.ref_frame_idx[i] = i;
    for (int s = 0; s < 8; s++) {
      fields_[s].mi_rows = kMiRows;
      fields_[s].mi_cols = kMiCols;
      fields_[s].ref_frames.assign(kMiRows * kMiCols, static_cast<int8_t>(NONE));
      fields_[s].mvs.assign(kMiRows * kMiCols, Mv{});
      refs_[s].saved = &fields_[s];
      refs_[s].mi_rows = kMiRows;
      refs_[s].mi_cols = kMiCols;
      // By default every slot is a key frame: not projected.
      refs_[s].frame_type = KEY_FRAME;
    }
  }
  // Makes slot an inter frame with SavedOrderHints[ slot ][ r ] = hints[ r ].
  void InterSlot(int slot, const int hints[8]) {
    refs_[slot].frame_type = INTER_FRAME;
    for (int r = 0; r < 8; r++) refs_[slot].saved_order_hints[r] = hints[r];
  }
  // SavedRefFrames / SavedMvs at the odd mi of 8x8 unit (y8, x8).
  void SetSaved(int slot, int y8, int x8, int ref, Mv mv) {
    const int i = (2 * y8 + 1) * kMiCols + 2 * x8 + 1;
    fields_[slot].ref_frames[i] = static_cast<int8_t>(ref);
    fields_[slot].mvs[i] = mv;
  }
  void ExpectAll(int y8, int x8, const int rows[8], const int cols[8]) {
    for (int dst = LAST_FRAME; dst <= ALTREF_FRAME; dst++) {
      EXPECT_EQ(mf_.at(dst, y8, x8).row, rows[dst]) << "dst " << dst << " at " << y8 << "," << x8;
      EXPECT_EQ(mf_.at(dst, y8, x8).col, cols[dst]) << "dst " << dst << " at " << y8 << "," << x8;
    }
  }

  SequenceHeader seq_;
  FrameHeader hdr_;
  SavedMotionField fields_[8];
  MotionFieldRef refs_[8];
  MotionField mf_;
};

// SavedOrderHints of the LAST slot (order hint 6): its LAST 4, LAST2 3,
// LAST3 2, GOLDEN 0, BWDREF 7, ALTREF2 6, ALTREF 16.
constexpr int kLastSlotHints[8] = {0, 4, 3, 2, 0, 7, 6, 16};

TEST_F(EstimateTest, ProjectsLastFrame) {
  // useLast: SavedOrderHints[ 0 ][ ALTREF ] = 16 != OrderHints[ GOLDEN ] = 0.
  // LAST: dstSign -1, refToCur = get_relative_dist( 6, 8 ) = -2, numerator
  // for the position = refToCur * dstSign = 2.
  InterSlot(0, kLastSlotHints);

  // (a) y8 2, x8 3 (mi 5,7), srcRef LAST: refOffset = dist( 6, 4 ) = 2,
  // Div_Mult[ 2 ] = 8192, so projMv = mv * 2 * 8192 >> 14 = mv = (-64, 128).
  // PosY8: offset8 = -(64 >> 6) = -1, 2 + (-1)(-1) = 3; base8 0, [0, 8) ok.
  // PosX8: offset8 = 128 >> 6 = 2, 3 + (-1)(2) = 1; base8 0, [-8, 16) ok.
  // Stored at (3, 1): mv * refToDst * 8192 >> 14 = mv * refToDst / 2.
  SetSaved(0, 2, 3, LAST_FRAME, M(-64, 128));
  // (b) y8 5, x8 10 (mi 11,21), srcRef LAST2: refOffset = dist( 6, 3 ) = 3,
  // Div_Mult[ 3 ] = 5461.  projMv = (Round2Signed(30*2*5461, 14),
  // Round2Signed(-100*2*5461, 14)) = ((327660+8192)>>14, -((1092200+8192)>>14))
  // = (20, -67).  PosY8: 20 >> 6 = 0 -> 5.  PosX8: -(67 >> 6) = -1,
  // 10 + (-1)(-1) = 11; base8 8, [0, 24) and < w8 24: ok.  Stored at (5, 11).
  SetSaved(0, 5, 10, LAST2_FRAME, M(30, -100));
  // (c) y8 7, x8 0: mv (-64, 0) -> PosY8 = 7 + 1 = 8 >= base8 0 + 8 +
  // MAX_OFFSET_HEIGHT 0: outside the 64-row band, not stored at (8, 0).
  SetSaved(0, 7, 0, LAST_FRAME, M(-64, 0));
  // (d) y8 0, x8 0: mv (64, 0) -> PosY8 = 0 - 1 = -1 < 0: not stored.
  SetSaved(0, 0, 0, LAST_FRAME, M(64, 0));
  // (e) y8 1, x8 4: mv (0, -768) -> offset8 = -(768 >> 6) = -12, PosX8 =
  // 4 + 12 = 16 >= base8 0 + 8 + MAX_OFFSET_WIDTH 8: not stored at (1, 16).
  SetSaved(0, 1, 4, LAST_FRAME, M(0, -768));
  // (f) y8 3, x8 3: mv (0, -768) -> PosX8 = 3 + 12 = 15 < 16: stored at (3, 15).
  SetSaved(0, 3, 3, LAST_FRAME, M(0, -768));
  // (g) y8 4, x8 4, srcRef BWDREF: refOffset = dist( 6, 7 ) = -1, not > 0.
  SetSaved(0, 4, 4, BWDREF_FRAME, M(0, 0));
  // (h) y8 6, x8 6, srcRef ALTREF2: refOffset = dist( 6, 6 ) = 0, not > 0.
  SetSaved(0, 6, 6, ALTREF2_FRAME, M(0, 0));
  // (i) an even mi (row 4, col 4) is never read: would land at (2, 2).
  fields_[0].ref_frames[4 * kMiCols + 4] = LAST_FRAME;

  EstimateMotionField(seq_, hdr_, refs_, &mf_);
  ASSERT_EQ(mf_.rows(), 16);
  ASSERT_EQ(mf_.cols(), 24);

  // (a): mv * refToDst / 2 for refToDst 2, 4, 6, 8, -2, -4, -8.
  const int a_rows[8] = {0, -64, -128, -192, -256, 64, 128, 256};
  const int a_cols[8] = {0, 128, 256, 384, 512, -128, -256, -512};
  ExpectAll(3, 1, a_rows, a_cols);
  // (b): Round2Signed(m * refToDst * 5461, 14):
  //   m = 30: 2 -> 20; 4 -> (655320+8192)>>14 = 40; 6 -> (982980+8192)>>14 = 60;
  //           8 -> (1310640+8192)>>14 = 80; negatives mirror: -20, -40, -80.
  //   m = -100: 2 -> -67; 4 -> -((2184400+8192)>>14) = -133;
  //           6 -> -((3276600+8192)>>14) = -200; 8 -> -((4368800+8192)>>14) = -267.
  const int b_rows[8] = {0, 20, 40, 60, 80, -20, -40, -80};
  const int b_cols[8] = {0, -67, -133, -200, -267, 67, 133, 267};
  ExpectAll(5, 11, b_rows, b_cols);
  // (f): mv * refToDst / 2.
  const int f_rows[8] = {0, 0, 0, 0, 0, 0, 0, 0};
  const int f_cols[8] = {0, -768, -1536, -2304, -3072, 768, 1536, 3072};
  ExpectAll(3, 15, f_rows, f_cols);
  // Nothing else: 3 positions x 7 references.
  EXPECT_EQ(CountValid(mf_), 3 * 7);
  EXPECT_TRUE(IsInvalid(mf_, LAST_FRAME, 8, 0));   // (c)
  EXPECT_TRUE(IsInvalid(mf_, LAST_FRAME, 1, 16));  // (e)
  EXPECT_TRUE(IsInvalid(mf_, LAST_FRAME, 4, 4));   // (g)
  EXPECT_TRUE(IsInvalid(mf_, LAST_FRAME, 6, 6));   // (h)
  EXPECT_TRUE(IsInvalid(mf_, LAST_FRAME, 2, 2));   // (i)
}

TEST_F(EstimateTest, UseLastOffWhenLastAltEqualsCurrentGolden) {
  int hints[8];
  for (int r = 0; r < 8; r++) hints[r] = kLastSlotHints[r];
  hints[ALTREF_FRAME] = 0;  // == OrderHints[ GOLDEN ] = 0: useLast = 0
  InterSlot(0, hints);
  SetSaved(0, 2, 3, LAST_FRAME, M(-64, 128));
  EstimateMotionField(seq_, hdr_, refs_, &mf_);
  EXPECT_EQ(CountValid(mf_), 0);
}

TEST_F(EstimateTest, ProjectsBwdrefForward) {
  // BWDREF slot 4 (order hint 10): its LAST has order hint 6.
  // useBwd: dist( 10, 8 ) = 2 > 0.  dstSign 1, refToCur = 2, refOffset =
  // dist( 10, 6 ) = 4, Div_Mult[ 4 ] = 4096: projMv = mv * 2 * 4096 >> 14 =
  // mv / 2 = (64, 128).  PosY8 = 2 + (64 >> 6) = 3, PosX8 = 2 + (128 >> 6) = 4.
  // Values: mv * refToDst * 4096 >> 14 = mv * refToDst / 4.
  const int bwd_hints[8] = {0, 6, 4, 2, 0, 12, 14, 16};
  InterSlot(4, bwd_hints);
  SetSaved(4, 2, 2, LAST_FRAME, M(128, 256));
  EstimateMotionField(seq_, hdr_, refs_, &mf_);
  const int rows[8] = {0, 64, 128, 192, 256, -64, -128, -256};
  const int cols[8] = {0, 128, 256, 384, 512, -128, -256, -512};
  ExpectAll(3, 4, rows, cols);
  EXPECT_EQ(CountValid(mf_), 7);
}

TEST_F(EstimateTest, RefStampLimitsProjections) {
  // All three of BWDREF, ALTREF2, ALTREF valid: refStamp 1 -> 0 -> -1, so
  // ALTREF (and LAST2) are not projected.  Each slot's LAST (order hint 6)
  // entry with mv 0 lands on its own 8x8 position.
  const int hints[8] = {0, 6, 4, 2, 0, 10, 12, 16};
  InterSlot(4, hints);
  InterSlot(5, hints);
  InterSlot(6, hints);
  InterSlot(1, hints);  // LAST2 (order hint 4): refOffset = dist( 4, 6 ) < 0 for LAST
  SetSaved(1, 0, 0, LAST3_FRAME, M(0, 0));  // LAST2's LAST3 = 2: refOffset 2 > 0
  SetSaved(4, 1, 1, LAST_FRAME, M(0, 0));
  SetSaved(5, 2, 2, LAST_FRAME, M(0, 0));
  SetSaved(6, 3, 3, LAST_FRAME, M(0, 0));
  EstimateMotionField(seq_, hdr_, refs_, &mf_);
  EXPECT_FALSE(IsInvalid(mf_, LAST_FRAME, 1, 1));  // BWDREF
  EXPECT_FALSE(IsInvalid(mf_, LAST_FRAME, 2, 2));  // ALTREF2
  EXPECT_TRUE(IsInvalid(mf_, LAST_FRAME, 3, 3));   // ALTREF skipped
  EXPECT_TRUE(IsInvalid(mf_, LAST_FRAME, 0, 0));   // LAST2 skipped
  EXPECT_EQ(CountValid(mf_), 2 * 7);

  // ALTREF2 a key frame: BWDREF (stamp 0), ALTREF (stamp -1), LAST2 skipped.
  refs_[5].frame_type = KEY_FRAME;
  EstimateMotionField(seq_, hdr_, refs_, &mf_);
  EXPECT_FALSE(IsInvalid(mf_, LAST_FRAME, 1, 1));
  EXPECT_TRUE(IsInvalid(mf_, LAST_FRAME, 2, 2));
  EXPECT_FALSE(IsInvalid(mf_, LAST_FRAME, 3, 3));
  EXPECT_TRUE(IsInvalid(mf_, LAST_FRAME, 0, 0));

  // Only BWDREF valid: refStamp 0 >= 0, LAST2 (dstSign -1) projected too.
  // LAST2 entry: refToCur = dist( 4, 8 ) = -4, refOffset = dist( 4, 2 ) = 2,
  // mv 0 -> stays at (0, 0); values 0.
  refs_[6].frame_type = KEY_FRAME;
  EstimateMotionField(seq_, hdr_, refs_, &mf_);
  EXPECT_FALSE(IsInvalid(mf_, LAST_FRAME, 1, 1));
  EXPECT_FALSE(IsInvalid(mf_, LAST_FRAME, 0, 0));
  EXPECT_EQ(mf_.at(ALTREF_FRAME, 0, 0).row, 0);
  EXPECT_EQ(CountValid(mf_), 2 * 7);
}

TEST_F(EstimateTest, LaterProjectionOverwrites) {
  // LAST (first) and BWDREF (later) both land on (3, 4): BWDREF's values win.
  InterSlot(0, kLastSlotHints);
  SetSaved(0, 3, 4, LAST_FRAME, M(0, 0));  // LAST entry, mv 0: values 0
  const int bwd_hints[8] = {0, 6, 4, 2, 0, 12, 14, 16};
  InterSlot(4, bwd_hints);
  SetSaved(4, 2, 2, LAST_FRAME, M(128, 256));  // as in ProjectsBwdrefForward
  EstimateMotionField(seq_, hdr_, refs_, &mf_);
  EXPECT_EQ(mf_.at(LAST_FRAME, 3, 4).row, 64);
  EXPECT_EQ(mf_.at(LAST_FRAME, 3, 4).col, 128);
}

TEST_F(EstimateTest, InvalidReferencesAreNotProjected) {
  InterSlot(0, kLastSlotHints);
  SetSaved(0, 2, 3, LAST_FRAME, M(-64, 128));
  // Baseline: projected.
  EstimateMotionField(seq_, hdr_, refs_, &mf_);
  EXPECT_EQ(CountValid(mf_), 7);

  refs_[0].frame_type = INTRA_ONLY_FRAME;
  EstimateMotionField(seq_, hdr_, refs_, &mf_);
  EXPECT_EQ(CountValid(mf_), 0);
  refs_[0].frame_type = INTER_FRAME;

  refs_[0].mi_rows = kMiRows - 2;  // RefMiRows != MiRows
  EstimateMotionField(seq_, hdr_, refs_, &mf_);
  EXPECT_EQ(CountValid(mf_), 0);
  refs_[0].mi_rows = kMiRows;
  refs_[0].mi_cols = kMiCols + 2;  // RefMiCols != MiCols
  EstimateMotionField(seq_, hdr_, refs_, &mf_);
  EXPECT_EQ(CountValid(mf_), 0);
  refs_[0].mi_cols = kMiCols;

  refs_[0].saved = nullptr;  // nothing saved in the slot
  EstimateMotionField(seq_, hdr_, refs_, &mf_);
  EXPECT_EQ(CountValid(mf_), 0);
  refs_[0].saved = &fields_[0];

  fields_[0].mvs.resize(10);  // saved vectors shorter than MiRows * MiCols
  EstimateMotionField(seq_, hdr_, refs_, &mf_);
  EXPECT_EQ(CountValid(mf_), 0);
  fields_[0].mvs.assign(kMiRows * kMiCols, Mv{});
  SetSaved(0, 2, 3, LAST_FRAME, M(-64, 128));

  fields_[0].mi_cols = kMiCols - 1;  // saved field of another size
  EstimateMotionField(seq_, hdr_, refs_, &mf_);
  EXPECT_EQ(CountValid(mf_), 0);
  fields_[0].mi_cols = kMiCols;

  // Saved reference names outside LAST..ALTREF are ignored.
  fields_[0].ref_frames[(2 * 2 + 1) * kMiCols + 2 * 3 + 1] = 9;
  EstimateMotionField(seq_, hdr_, refs_, &mf_);
  EXPECT_EQ(CountValid(mf_), 0);
  SetSaved(0, 2, 3, LAST_FRAME, M(-64, 128));

  // Hostile ref_frame_idx: no crash, nothing projected from it.
  hdr_.ref_frame_idx[0] = 9;
  EstimateMotionField(seq_, hdr_, refs_, &mf_);
  EXPECT_EQ(CountValid(mf_), 0);
  hdr_.ref_frame_idx[0] = -1;
  EstimateMotionField(seq_, hdr_, refs_, &mf_);
  EXPECT_EQ(CountValid(mf_), 0);
  hdr_.ref_frame_idx[0] = 0;

  // |refToCur| > MAX_FRAME_DISTANCE: LAST at order hint 8 - 40 = -32 -> 96
  // (7 bits): dist( 96, 8 ) = 88 -> (88 & 63) - (88 & 64) = 24 - 64 = -40.
  // The slot's LAST hint 94 gives refOffset dist( 96, 94 ) = 2.
  hdr_.OrderHints[LAST_FRAME] = 96;
  int far_hints[8];
  for (int r = 0; r < 8; r++) far_hints[r] = kLastSlotHints[r];
  far_hints[LAST_FRAME] = 94;
  InterSlot(0, far_hints);
  EstimateMotionField(seq_, hdr_, refs_, &mf_);
  EXPECT_EQ(CountValid(mf_), 0);
  hdr_.OrderHints[LAST_FRAME] = 6;
  InterSlot(0, kLastSlotHints);

  // use_ref_frame_mvs 0 or an intra frame: 7.9 is not invoked, all invalid.
  hdr_.use_ref_frame_mvs = 0;
  EstimateMotionField(seq_, hdr_, refs_, &mf_);
  EXPECT_EQ(CountValid(mf_), 0);
  EXPECT_EQ(mf_.rows(), 16);
  hdr_.use_ref_frame_mvs = 1;
  EstimateMotionField(seq_, hdr_, refs_, &mf_);
  EXPECT_EQ(CountValid(mf_), 7);
}

}  // namespace
}  // namespace hav1
