// Tests of the warped motion processes (spec 7.11.3.5 - 7.11.3.8).  The
// expected values are worked out from the spec text (see the comments at
// each case); the tables are the spec's Warped_Filters / Div_Lut.
#include "src/recon/warp.h"

#include "src/recon/inter_tables.h"

#include <gtest/gtest.h>

#include <array>
#include <climits>
#include <cstdlib>
#include <cstdint>
#include <random>
#include <vector>

namespace hav1::recon {
namespace {

constexpr int32_t kOne = 1 << 16;  // 1 << WARPEDMODEL_PREC_BITS

struct Shear {
  bool valid;
  int alpha, beta, gamma, delta;
};

Shear RunSetupShear(int32_t p0, int32_t p1, int32_t p2, int32_t p3, int32_t p4, int32_t p5) {
  const int32_t wp[6] = {p0, p1, p2, p3, p4, p5};
  Shear s{};
  s.valid = SetupShear(wp, &s.alpha, &s.beta, &s.gamma, &s.delta);
  return s;
}

// ---------------------------------------------------------------------------
// 7.11.3.7 resolve divisor.

struct DivCase {
  int64_t d;
  int shift, factor;
};

TEST(ResolveDivisor, SpotValues) {
  const DivCase cases[] = {
      // n = 0, e = 0, f = 0 << 8 = 0: Div_Lut[ 0 ] = 16384.
      {1, 14, 16384},
      // n = 1, e = 1, f = 1 << 7 = 128: Div_Lut[ 128 ] = 10923 (~ 2^14 / 1.5).
      {3, 15, 10923},
      {-3, 15, -10923},
      // n = 16, e = 0: 16384 with shift 30.
      {65536, 30, 16384},
      // n = 16, e = 1000, f = Round2( 1000, 8 ) = 4: Div_Lut[ 4 ] = 16132.
      {65536 + 1000, 30, 16132},
      // n = 16, e = 32832, f = Round2( 32832, 8 ) = 128.
      {65536 + 32768 + 64, 30, 10923},
      // n = 8, e = 255, f = 255 << 0: Div_Lut[ 255 ] = 8208.
      {511, 22, 8208},
      // n = 9, e = 511, f = Round2( 511, 1 ) = 256: the last entry, 8192.
      {1023, 23, 8192},
      // A determinant beyond 32 bits: n = 40, e = 2^39, f = 128.
      {(int64_t{1} << 40) + (int64_t{1} << 39), 54, 10923},
      {-((int64_t{1} << 40) + (int64_t{1} << 39)), 54, -10923},
  };
  for (const DivCase& c : cases) {
    int shift = -1, factor = -1;
    ResolveDivisor(c.d, &shift, &factor);
    EXPECT_EQ(shift, c.shift) << "d=" << c.d;
    EXPECT_EQ(factor, c.factor) << "d=" << c.d;
  }
}

TEST(ResolveDivisor, ExtremesStayInTable) {
  for (int64_t d : {int64_t{0}, int64_t{INT64_MAX}, int64_t{INT64_MIN}, int64_t{INT32_MIN},
                    int64_t{INT32_MAX}}) {
    int shift = 0, factor = 0;
    ResolveDivisor(d, &shift, &factor);
    EXPECT_GE(shift, 14);
    EXPECT_LE(shift, 14 + 63);
    EXPECT_GE(std::abs(factor), 8192);
    EXPECT_LE(std::abs(factor), 16384);
  }
}

// ---------------------------------------------------------------------------
// 7.11.3.6 setup shear.

TEST(SetupShear, Identity) {
  // alpha0 = beta0 = 0; divisor of 65536: shift 30, factor 16384; v = w = 0
  // so gamma0 = 0 and delta0 = 65536 - 0 - 65536 = 0.
  const Shear s = RunSetupShear(0, 0, kOne, 0, 0, kOne);
  EXPECT_TRUE(s.valid);
  EXPECT_EQ(s.alpha, 0);
  EXPECT_EQ(s.beta, 0);
  EXPECT_EQ(s.gamma, 0);
  EXPECT_EQ(s.delta, 0);
}

TEST(SetupShear, PureTranslation) {
  // The translation terms warpParams[ 0..1 ] do not enter the shear.
  const Shear s = RunSetupShear(12345 << 4, -6789 << 4, kOne, 0, 0, kOne);
  EXPECT_TRUE(s.valid);
  EXPECT_EQ(s.alpha, 0);
  EXPECT_EQ(s.beta, 0);
  EXPECT_EQ(s.gamma, 0);
  EXPECT_EQ(s.delta, 0);
}

TEST(SetupShear, KnownAffine) {
  // warpParams = { 0, 0, 65536 + 1000, 500, -300, 65536 - 2000 }:
  //   alpha0 = 1000 -> Round2Signed( 1000, 6 ) = 16 -> alpha = 1024
  //   beta0 = 500 -> 8 -> beta = 512
  //   divisor of 66536: shift 30, factor Div_Lut[ 4 ] = 16132
  //   gamma0 = Round2Signed( -300 * 65536 * 16132, 30 ) = -295
  //     -> Round2Signed( -295, 6 ) = -5 -> gamma = -320
  //   w = 500 * -300 = -150000; Round2Signed( w * 16132, 30 ) = -2
  //   delta0 = 63536 + 2 - 65536 = -1998 -> -31 -> delta = -1984
  //   4 * 1024 + 7 * 512 = 7680 and 4 * 320 + 4 * 1984 = 9216: valid.
  const Shear s = RunSetupShear(0, 0, kOne + 1000, 500, -300, kOne - 2000);
  EXPECT_TRUE(s.valid);
  EXPECT_EQ(s.alpha, 1024);
  EXPECT_EQ(s.beta, 512);
  EXPECT_EQ(s.gamma, -320);
  EXPECT_EQ(s.delta, -1984);
}

TEST(SetupShear, ValidityLimits) {
  // warpParams[ 4 ] = 16350: gamma0 = 16350 -> Round2Signed( 16350, 6 ) = 255
  // -> gamma = 16320; 4 * 16320 = 65280 < 65536: valid.
  Shear s = RunSetupShear(0, 0, kOne, 0, 16350, kOne);
  EXPECT_TRUE(s.valid);
  EXPECT_EQ(s.gamma, 16320);
  EXPECT_EQ(s.delta, 0);
  // 16383 rounds to 256 -> gamma = 16384; 4 * 16384 = 65536: not valid.
  s = RunSetupShear(0, 0, kOne, 0, 16383, kOne);
  EXPECT_FALSE(s.valid);
  EXPECT_EQ(s.gamma, 16384);
  // alpha = beta = 8192: 4 * 8192 + 7 * 8192 >= 65536: not valid.
  s = RunSetupShear(0, 0, kOne + 8192, 8192, 0, kOne);
  EXPECT_FALSE(s.valid);
  EXPECT_EQ(s.alpha, 8192);
  EXPECT_EQ(s.beta, 8192);
  // 4 * alpha + 7 * beta = 4 * 4096 + 7 * 6784 = 63872 < 65536: valid.
  s = RunSetupShear(0, 0, kOne + 4096, 6784, 0, kOne);
  EXPECT_TRUE(s.valid);
  // 4 * 4160 + 7 * 6848 = 64576: valid.
  s = RunSetupShear(0, 0, kOne + 4160, 6848, 0, kOne);
  EXPECT_TRUE(s.valid);
  // 4 * 4096 + 7 * 7040 = 65664: not valid.
  s = RunSetupShear(0, 0, kOne + 4096, 7040, 0, kOne);
  EXPECT_FALSE(s.valid);
}

TEST(SetupShear, ClampsExtremeParameters) {
  // alpha0 / beta0 / gamma0 / delta0 clip to [ -32768, 32767 ];
  // Round2Signed( 32767, 6 ) = 512 -> 32768, Round2Signed( -32768, 6 ) = -512.
  Shear s = RunSetupShear(0, 0, INT32_MAX, INT32_MAX, INT32_MAX, INT32_MAX);
  EXPECT_FALSE(s.valid);
  EXPECT_EQ(s.alpha, 32768);
  EXPECT_EQ(s.beta, 32768);
  EXPECT_EQ(s.gamma, 32768);
  s = RunSetupShear(INT32_MIN, INT32_MIN, INT32_MIN, INT32_MIN, INT32_MIN, INT32_MIN);
  EXPECT_FALSE(s.valid);
  EXPECT_EQ(s.alpha, -32768);
  EXPECT_EQ(s.beta, -32768);
  // warpParams[ 2 ] = 0 never occurs in the spec; it must not crash.
  s = RunSetupShear(0, 0, 0, 0, 0, 0);
  EXPECT_FALSE(s.valid);
  EXPECT_EQ(s.alpha, -32768);
}

// ---------------------------------------------------------------------------
// 7.11.3.8 warp estimation.  Block BLOCK_16X16 (6) at MiRow = MiCol = 4:
// midY = midX = 16 + 8 - 1 = 23, suy = sux = 184; Mv[ 0 ] = ( 16, -8 ).
// Samples (7.10.4.2, 1/8 units) from neighbours centred at ( 56, 184 ),
// ( 184, 56 ), ( 88, 88 ), ( 56, 312 ).  The sources are the same in every
// case, so A and det are too: det = 96594688 (n = 26, e = 29485824,
// f = Round2( e, 18 ) = 112), divShift = 40 - 16 = 24 and divFactor =
// Div_Lut[ 112 ] = 11398.  The expected parameters were worked out with the
// spec's formulas step by step (ls_product sums, diag / nondiag, vx / vy).

constexpr int kMiRow = 4, kMiCol = 4, kBlock16x16 = 6;
constexpr int kMvRow = 16, kMvCol = -8;
constexpr int kCentres[4][2] = {{56, 184}, {184, 56}, {88, 88}, {56, 312}};

struct Estimate {
  bool valid;
  int32_t p[6];
};

Estimate RunEstimation(const std::vector<std::array<int, 4>>& cands, int mi_row, int mi_col,
                       int mi_size, int mv_row, int mv_col) {
  int list[8][4] = {};
  for (size_t i = 0; i < cands.size() && i < 8; i++) {
    for (int j = 0; j < 4; j++) list[i][j] = cands[i][j];
  }
  Estimate e{};
  e.valid = WarpEstimation(list, static_cast<int>(cands.size()), mi_row, mi_col, mi_size, mv_row,
                           mv_col, e.p);
  return e;
}

// Destination of a sample: the centre scaled by num / den about ( 184, 184 ),
// then moved by the block's motion vector.
std::vector<std::array<int, 4>> ZoomSamples(int num, int den, int offset) {
  std::vector<std::array<int, 4>> c;
  for (const auto& s : kCentres) {
    c.push_back({s[0] + offset, s[1] + offset,
                 184 + (s[0] - 184) * num / den + kMvRow + offset,
                 184 + (s[1] - 184) * num / den + kMvCol + offset});
  }
  return c;
}

TEST(WarpEstimation, ExactTranslation) {
  // Every neighbour moved by Mv: dx = sx, dy = sy, so Bx = ( A00, A01 ) and
  // By = ( A01, A11 ): params[ 2 ] = params[ 5 ] = diag( det ) =
  // Round2Signed( 96594688 * 11398, 24 ) = 65624 (the +8 / +4 biases and the
  // table make it slightly above 65536), params[ 3 ] = params[ 4 ] = 0;
  // vx = -8 * 8192 - 23 * 88 = -67560, vy = 16 * 8192 - 23 * 88 = 129048.
  const Estimate e = RunEstimation(ZoomSamples(1, 1, 0), kMiRow, kMiCol, kBlock16x16, kMvRow,
                                   kMvCol);
  ASSERT_TRUE(e.valid);
  const int32_t expected[6] = {-67560, 129048, 65624, 0, 0, 65624};
  for (int i = 0; i < 6; i++) EXPECT_EQ(e.p[i], expected[i]) << i;
}

TEST(WarpEstimation, Zoom) {
  // Zoom by 17/16: params[ 2 ] ~ 65536 * 17 / 16 = 69632 (spec arithmetic:
  // 69784 / 69873), small cross terms from the biases.
  Estimate e = RunEstimation(ZoomSamples(17, 16, 0), kMiRow, kMiCol, kBlock16x16, kMvRow, kMvCol);
  ASSERT_TRUE(e.valid);
  const int32_t zoom_in[6] = {-166782, 29849, 69784, 154, 64, 69873};
  for (int i = 0; i < 6; i++) EXPECT_EQ(e.p[i], zoom_in[i]) << i;
  // Zoom by 15/16.
  e = RunEstimation(ZoomSamples(15, 16, 0), kMiRow, kMiCol, kBlock16x16, kMvRow, kMvCol);
  ASSERT_TRUE(e.valid);
  const int32_t zoom_out[6] = {31662, 228270, 61464, -154, -64, 61374};
  for (int i = 0; i < 6; i++) EXPECT_EQ(e.p[i], zoom_out[i]) << i;
}

TEST(WarpEstimation, DiagonalAndNonDiagonalClamps) {
  // Zoom by 5/4: diag() clamps to 65536 + WARPEDMODEL_NONDIAGAFFINE_CLAMP - 1.
  Estimate e = RunEstimation(ZoomSamples(5, 4, 0), kMiRow, kMiCol, kBlock16x16, kMvRow, kMvCol);
  ASSERT_TRUE(e.valid);
  const int32_t zoom[6] = {-268051, -63163, 73727, 614, 254, 73727};
  for (int i = 0; i < 6; i++) EXPECT_EQ(e.p[i], zoom[i]) << i;
  // dx = sx + sy / 8: params[ 3 ] ~ 65536 / 8 = 8192, clamped to 8191.
  std::vector<std::array<int, 4>> shear;
  for (const auto& s : kCentres) {
    shear.push_back({s[0], s[1], s[0] + kMvRow, s[1] + (s[0] - 184) / 8 + kMvCol});
  }
  e = RunEstimation(shear, kMiRow, kMiCol, kBlock16x16, kMvRow, kMvCol);
  ASSERT_TRUE(e.valid);
  const int32_t sheared[6] = {-258874, 129048, 65751, 8191, 0, 65624};
  for (int i = 0; i < 6; i++) EXPECT_EQ(e.p[i], sheared[i]) << i;
}

TEST(WarpEstimation, TranslationClamp) {
  // The 17/16 zoom 4000 luma samples into the frame: vx and vy are far
  // below -WARPEDMODEL_TRANS_CLAMP and clamp to -( 1 << 23 ).
  const Estimate e = RunEstimation(ZoomSamples(17, 16, 8 * 4 * 1000), kMiRow + 1000,
                                   kMiCol + 1000, kBlock16x16, kMvRow, kMvCol);
  ASSERT_TRUE(e.valid);
  const int32_t expected[6] = {-8388608, -8388608, 69784, 154, 64, 69873};
  for (int i = 0; i < 6; i++) EXPECT_EQ(e.p[i], expected[i]) << i;
}

TEST(WarpEstimation, LocalValidConditions) {
  // No samples: A = 0, det = 0 -> LocalValid = 0.
  EXPECT_FALSE(RunEstimation({}, kMiRow, kMiCol, kBlock16x16, 0, 0).valid);
  // The only sample moves by 300 / 8 samples more than the block: ignored
  // (|sy - dy| >= LS_MV_MAX), so det = 0 again.
  EXPECT_FALSE(RunEstimation({{56, 184, 56 + 300, 184}}, kMiRow, kMiCol, kBlock16x16, 0, 0).valid);
  // One sample at the block centre: A = { 8, 4 ; 4, 8 }, det = 48 (n = 5,
  // f = 16 << 3 = 128, divShift = 19 - 16 = 3, divFactor = 10923);
  // params[ 2 ] = diag( 8 * 8 - 4 * 4 ) = Round2Signed( 48 * 10923, 3 ) = 65538,
  // vx = -23 * 2 = -46.
  const Estimate e = RunEstimation({{184, 184, 184, 184}}, kMiRow, kMiCol, kBlock16x16, 0, 0);
  ASSERT_TRUE(e.valid);
  const int32_t expected[6] = {-46, -46, 65538, 0, 0, 65538};
  for (int i = 0; i < 6; i++) EXPECT_EQ(e.p[i], expected[i]) << i;
}

TEST(WarpEstimation, HostileInputs) {
  int32_t p[6];
  // A block size out of range is rejected.
  const int one[1][4] = {{0, 0, 0, 0}};
  EXPECT_FALSE(WarpEstimation(one, 1, 0, 0, 22, 0, 0, p));
  EXPECT_FALSE(WarpEstimation(one, 1, 0, 0, -1, 0, 0, p));
  // Huge candidate values must not overflow (no UB under sanitizers).
  const int big[8][4] = {{INT_MAX, INT_MAX, INT_MAX, INT_MAX}, {INT_MIN, INT_MIN, INT_MIN, INT_MIN},
                         {INT_MAX, INT_MIN, INT_MAX, INT_MIN}, {0, INT_MAX, 0, INT_MAX},
                         {INT_MIN, 0, INT_MIN, 0},             {1 << 13, -(1 << 13), 1 << 13, -(1 << 13)},
                         {-(1 << 13), 1 << 13, -(1 << 13), 1 << 13},
                         {1 << 13, 1 << 13, 1 << 13, 1 << 13}};
  WarpEstimation(big, 8, INT_MAX / 8, INT_MIN / 8, 15, INT_MAX, INT_MIN, p);
  WarpEstimation(big, 1000, 0, 0, 15, 0, 0, p);
  SUCCEED();
}

// ---------------------------------------------------------------------------
// 7.11.3.5 block warp.
//
// With sx4 = sy4 = 0 and alpha = beta = gamma = delta = 0 (identity or an
// integer translation) every filter is Warped_Filters[ 64 ] =
// { 0, 0, 0, 127, 1, 0, 0, 0 }: tap 3 weights ref[ r ][ c ] by 127 and tap 4
// weights ref[ r ][ c + 1 ] by 1, vertically likewise.  So
//   H( r, c ) = Round2( 127 * ref( r, c ) + ref( r, c + 1 ), InterRound0 )
//   pred      = Round2( 127 * H( r, c ) + H( r + 1, c ), InterRound1 )
// with ref( r, c ) = ref[ Clip3( 0, lastY, r ) ][ Clip3( 0, lastX, c ) ].
// On flat areas that is an exact copy (128 * 128 * p >> 14 = p).

template <typename Pixel>
struct Plane {
  int w, h;
  std::vector<Pixel> px;
  Plane(int w_, int h_, int bitdepth, uint32_t seed) : w(w_), h(h_), px(size_t(w_) * h_) {
    std::mt19937 rng(seed);
    for (auto& p : px) p = static_cast<Pixel>(rng() & ((1u << bitdepth) - 1));
  }
  WarpRefPlane<Pixel> View() const { return {px.data(), w, w - 1, h - 1}; }
  int At(int64_t r, int64_t c) const {
    r = r < 0 ? 0 : (r > h - 1 ? h - 1 : r);
    c = c < 0 ? 0 : (c > w - 1 ? w - 1 : c);
    return px[r * w + c];
  }
};

int Round2Ref(int x, int n) { return n == 0 ? x : (x + (1 << (n - 1))) >> n; }

// Expected pred[ r ][ c ] for an integer offset warp: output ( r, c ) of
// the block reads around ref( y0 + r, x0 + c ).
template <typename Pixel>
int ExpectedIntegerWarp(const Plane<Pixel>& ref, int64_t y0, int64_t x0, int r, int c, int round0,
                        int round1) {
  auto h = [&](int64_t rr) {
    return Round2Ref(127 * ref.At(rr, x0 + c) + ref.At(rr, x0 + c + 1), round0);
  };
  return Round2Ref(127 * h(y0 + r) + h(y0 + r + 1), round1);
}

template <typename Pixel>
void CheckIntegerWarp(const Plane<Pixel>& ref, const int32_t wp[6], int x, int y, int bw, int bh,
                      int sub_x, int sub_y, int bitdepth, int round0, int round1, int64_t y0,
                      int64_t x0) {
  std::vector<int32_t> pred(size_t(bw) * bh, -12345);
  for (int i8 = 0; i8 < bh / 8; i8++) {
    for (int j8 = 0; j8 < bw / 8; j8++) {
      BlockWarp<Pixel>(ref.View(), wp, x, y, i8, j8, sub_x, sub_y, bitdepth, round0, round1,
                       pred.data(), bw);
    }
  }
  for (int r = 0; r < bh; r++) {
    for (int c = 0; c < bw; c++) {
      ASSERT_EQ(pred[r * bw + c], ExpectedIntegerWarp(ref, y0, x0, r, c, round0, round1))
          << "r=" << r << " c=" << c << " x=" << x << " y=" << y;
    }
  }
}

TEST(BlockWarp, Identity8Bit) {
  const Plane<uint8_t> ref(48, 40, 8, 1);
  const int32_t wp[6] = {0, 0, kOne, 0, 0, kOne};
  // Non-compound 8-bit: InterRound0 = 3, InterRound1 = 11.
  CheckIntegerWarp(ref, wp, 8, 16, 16, 16, 0, 0, 8, 3, 11, 16, 8);
  // Compound: InterRound1 = 7.
  CheckIntegerWarp(ref, wp, 16, 8, 32, 8, 0, 0, 8, 3, 7, 8, 16);
}

TEST(BlockWarp, IdentityIsCopyOnFlatArea) {
  Plane<uint8_t> ref(32, 32, 8, 2);
  for (auto& p : ref.px) p = 200;
  const int32_t wp[6] = {0, 0, kOne, 0, 0, kOne};
  int32_t pred[8 * 8];
  BlockWarp<uint8_t>(ref.View(), wp, 8, 8, 0, 0, 0, 0, 8, 3, 11, pred, 8);
  for (int v : pred) EXPECT_EQ(v, 200);
  // Compound rounding keeps 4 more bits: 200 << 4.
  BlockWarp<uint8_t>(ref.View(), wp, 8, 8, 0, 0, 0, 0, 8, 3, 7, pred, 8);
  for (int v : pred) EXPECT_EQ(v, 200 << 4);
}

TEST(BlockWarp, Identity10And12Bit) {
  const Plane<uint16_t> ref10(40, 40, 10, 3);
  const int32_t wp[6] = {0, 0, kOne, 0, 0, kOne};
  CheckIntegerWarp(ref10, wp, 8, 8, 16, 16, 0, 0, 10, 3, 11, 8, 8);
  // 12-bit: InterRound0 = 5, InterRound1 = 9 (non-compound) / 7 (compound).
  const Plane<uint16_t> ref12(40, 40, 12, 4);
  CheckIntegerWarp(ref12, wp, 16, 8, 16, 16, 0, 0, 12, 5, 9, 8, 16);
  CheckIntegerWarp(ref12, wp, 16, 8, 16, 16, 0, 0, 12, 5, 7, 8, 16);
}

TEST(BlockWarp, EdgeClampingTopLeft) {
  // Translation by ( -5, -3 ) samples at the frame's top-left corner: rows
  // and columns before 0 read row / column 0.
  const Plane<uint8_t> ref(24, 24, 8, 5);
  const int32_t wp[6] = {-5 * kOne, -3 * kOne, kOne, 0, 0, kOne};
  CheckIntegerWarp(ref, wp, 0, 0, 16, 16, 0, 0, 8, 3, 11, -3, -5);
}

TEST(BlockWarp, EdgeClampingBottomRight) {
  // Block reaching past lastX / lastY plus a translation of ( +6, +9 ).
  const Plane<uint16_t> ref(20, 28, 10, 6);
  const int32_t wp[6] = {6 * kOne, 9 * kOne, kOne, 0, 0, kOne};
  CheckIntegerWarp(ref, wp, 8, 16, 16, 16, 0, 0, 10, 3, 11, 16 + 9, 8 + 6);
}

TEST(BlockWarp, FarOutsideReadsCornerSample) {
  // A translation of 10000 samples up and left: every tap reads ref[ 0 ][ 0 ]
  // and the result is that sample exactly; likewise ref[ lastY ][ lastX ].
  const Plane<uint8_t> ref(16, 16, 8, 7);
  int32_t pred[16 * 16];
  const int32_t far_up_left[6] = {-10000 * kOne, -10000 * kOne, kOne, 0, 0, kOne};
  BlockWarp<uint8_t>(ref.View(), far_up_left, 0, 0, 1, 1, 0, 0, 8, 3, 11, pred, 16);
  for (int r = 8; r < 16; r++) {
    for (int c = 8; c < 16; c++) EXPECT_EQ(pred[r * 16 + c], ref.px[0]);
  }
  const int32_t far_down_right[6] = {10000 * kOne, 10000 * kOne, kOne, 0, 0, kOne};
  BlockWarp<uint8_t>(ref.View(), far_down_right, 0, 0, 0, 0, 0, 0, 8, 3, 11, pred, 16);
  for (int r = 0; r < 8; r++) {
    for (int c = 0; c < 8; c++) EXPECT_EQ(pred[r * 16 + c], ref.px[16 * 16 - 1]);
  }
}

TEST(BlockWarp, ChromaSubsampling) {
  // 4:2:0 chroma block at ( 8, 4 ) with a luma translation of ( -6, 10 ):
  // srcX = ( 8 + 4 ) << 1, dstX = 65536 * srcX - 6 * 65536,
  // x4 = dstX >> 1 = ( 12 - 3 ) << 16: chroma moves by ( -3, 5 ).
  const Plane<uint8_t> ref(24, 20, 8, 8);
  const int32_t wp[6] = {-6 * kOne, 10 * kOne, kOne, 0, 0, kOne};
  CheckIntegerWarp(ref, wp, 8, 4, 16, 8, 1, 1, 8, 3, 11, 4 + 5, 8 - 3);
}

TEST(BlockWarp, HalfSampleTranslation) {
  // warpParams[ 0 ] = warpParams[ 1 ] = 1 << 15: sx4 = sy4 = 32768, so
  // offs = Round2( 32768, 10 ) + 64 = 96: Warped_Filters[ 96 ] =
  // { -2, 8, -21, 79, 79, -21, 8, -2 } over columns ix4 + i2 - 3 .. + 4.
  const int f[8] = {-2, 8, -21, 79, 79, -21, 8, -2};
  const Plane<uint16_t> ref(40, 40, 10, 9);
  const int32_t wp[6] = {1 << 15, 1 << 15, kOne, 0, 0, kOne};
  const int x = 16, y = 8, round0 = 3, round1 = 11;
  int32_t pred[8 * 8];
  BlockWarp<uint16_t>(ref.View(), wp, x, y, 0, 0, 0, 0, 10, round0, round1, pred, 8);
  for (int r = 0; r < 8; r++) {
    for (int c = 0; c < 8; c++) {
      int v = 0;
      for (int k = 0; k < 8; k++) {
        int hsum = 0;
        for (int t = 0; t < 8; t++) hsum += f[t] * ref.At(y + r - 3 + k, x + c - 3 + t);
        v += f[k] * Round2Ref(hsum, round0);
      }
      EXPECT_EQ(pred[r * 8 + c], Round2Ref(v, round1)) << r << "," << c;
    }
  }
}

TEST(BlockWarp, ShearedParamsStayInBounds) {
  // The largest valid shear (setup shear passes) and garbage parameters
  // (setup shear fails; the caller should not warp, but nothing may read
  // outside the plane or the filter table).
  const Plane<uint8_t> ref(16, 16, 8, 10);
  int32_t pred[16 * 16];
  // alpha = 4096, beta = 6784 (4 * 4096 + 7 * 6784 = 63872); divisor of
  // 69632: shift 30, Div_Lut[ 16 ] = 15420; gamma0 = -7710 -> gamma = -7680,
  // delta0 = 4000 + 798 = 4798 -> delta = 4800 (4 * 7680 + 4 * 4800 = 49920).
  const int32_t valid[6] = {0, 0, kOne + 4096, 6784, -8192, kOne + 4000};
  int a, b, g, d;
  ASSERT_TRUE(SetupShear(valid, &a, &b, &g, &d));
  EXPECT_EQ(a, 4096);
  EXPECT_EQ(b, 6784);
  EXPECT_EQ(g, -7680);
  EXPECT_EQ(d, 4800);
  BlockWarp<uint8_t>(ref.View(), valid, 0, 0, 1, 1, 0, 0, 8, 3, 11, pred, 16);
  for (int r = 8; r < 16; r++) {
    for (int c = 8; c < 16; c++) {
      EXPECT_GE(pred[r * 16 + c], -255);
      EXPECT_LE(pred[r * 16 + c], 2 * 255);
    }
  }
  const int32_t garbage[6] = {INT32_MAX, INT32_MIN, INT32_MIN, INT32_MAX, INT32_MAX, INT32_MIN};
  BlockWarp<uint8_t>(ref.View(), garbage, 0, 0, 1, 1, 1, 1, 8, 3, 11, pred, 16);
  const int32_t garbage2[6] = {INT32_MIN, INT32_MAX, INT32_MAX, INT32_MIN, INT32_MIN, INT32_MAX};
  BlockWarp<uint8_t>(ref.View(), garbage2, 1 << 20, 1 << 20, 1, 1, 0, 0, 8, 3, 11, pred, 16);
  SUCCEED();
}

// A literal transcription of the two loops of 7.11.3.5 (no precomputed
// columns, plain ints), for random affine parameters that pass setup shear.
template <typename Pixel>
void SpecBlockWarp(const Plane<Pixel>& ref, const int32_t wp[6], int x, int y, int i8, int j8,
                   int sub_x, int sub_y, int round0, int round1, int32_t* pred, int stride) {
  const int64_t src_x = int64_t{x + j8 * 8 + 4} << sub_x;
  const int64_t src_y = int64_t{y + i8 * 8 + 4} << sub_y;
  const int64_t dst_x = int64_t{wp[2]} * src_x + int64_t{wp[3]} * src_y + wp[0];
  const int64_t dst_y = int64_t{wp[4]} * src_x + int64_t{wp[5]} * src_y + wp[1];
  int alpha, beta, gamma, delta;
  EXPECT_TRUE(SetupShear(wp, &alpha, &beta, &gamma, &delta));
  const int64_t x4 = dst_x >> sub_x, y4 = dst_y >> sub_y;
  const int64_t ix4 = x4 >> 16, sx4 = x4 & 65535, iy4 = y4 >> 16, sy4 = y4 & 65535;
  int intermediate[15][8];
  for (int i1 = -7; i1 < 8; i1++) {
    for (int i2 = -4; i2 < 4; i2++) {
      const int64_t sx = sx4 + alpha * i2 + beta * i1;
      const int64_t offs = ((sx + 512) >> 10) + 64;
      EXPECT_GE(offs, 0);
      EXPECT_LE(offs, 192);
      int s = 0;
      for (int i3 = 0; i3 < 8; i3++) {
        s += Warped_Filters[offs][i3] * ref.At(iy4 + i1, ix4 + i2 - 3 + i3);
      }
      intermediate[i1 + 7][i2 + 4] = Round2Ref(s, round0);
    }
  }
  for (int i1 = -4; i1 < 4; i1++) {
    for (int i2 = -4; i2 < 4; i2++) {
      const int64_t sy = sy4 + gamma * i2 + delta * i1;
      const int64_t offs = ((sy + 512) >> 10) + 64;
      int s = 0;
      for (int i3 = 0; i3 < 8; i3++) s += Warped_Filters[offs][i3] * intermediate[i1 + i3 + 4][i2 + 4];
      pred[(i8 * 8 + i1 + 4) * stride + j8 * 8 + i2 + 4] = Round2Ref(s, round1);
    }
  }
}

TEST(BlockWarp, RandomAffineMatchesSpecLoops) {
  std::mt19937 rng(42);
  auto uniform = [&](int lo, int hi) {
    return lo + static_cast<int>(rng() % static_cast<uint32_t>(hi - lo + 1));
  };
  const Plane<uint8_t> ref8(64, 48, 8, 11);
  const Plane<uint16_t> ref10(64, 48, 10, 12);
  int tested = 0;
  for (int iter = 0; iter < 4000 && tested < 600; iter++) {
    // Global-motion-sized parameters (GM_ALPHA range) and translations that
    // reach past every edge of the 64x48 plane.
    const int32_t wp[6] = {uniform(-40, 100) * kOne + uniform(0, 65535),
                           uniform(-40, 80) * kOne + uniform(0, 65535),
                           kOne + uniform(-8192, 8192), uniform(-8192, 8192),
                           uniform(-8192, 8192), kOne + uniform(-8192, 8192)};
    int a, b, g, d;
    if (!SetupShear(wp, &a, &b, &g, &d)) continue;
    tested++;
    const int sub = uniform(0, 1);
    const int x = uniform(0, 3) * 8, y = uniform(0, 2) * 8;
    int32_t got[16 * 16], want[16 * 16];
    for (int i8 = 0; i8 < 2; i8++) {
      for (int j8 = 0; j8 < 2; j8++) {
        if (tested % 2) {
          BlockWarp<uint8_t>(ref8.View(), wp, x, y, i8, j8, sub, sub, 8, 3, 11, got, 16);
          SpecBlockWarp(ref8, wp, x, y, i8, j8, sub, sub, 3, 11, want, 16);
        } else {
          BlockWarp<uint16_t>(ref10.View(), wp, x, y, i8, j8, sub, sub, 10, 3, 7, got, 16);
          SpecBlockWarp(ref10, wp, x, y, i8, j8, sub, sub, 3, 7, want, 16);
        }
      }
    }
    for (int i = 0; i < 256; i++) {
      ASSERT_EQ(got[i], want[i]) << "i=" << i << " params " << wp[0] << " " << wp[1] << " "
                                 << wp[2] << " " << wp[3] << " " << wp[4] << " " << wp[5];
    }
  }
  EXPECT_GE(tested, 300);
}

TEST(BlockWarp, EmptyReferencePredictsZero) {
  int32_t pred[8 * 8];
  const int32_t wp[6] = {0, 0, kOne, 0, 0, kOne};
  WarpRefPlane<uint16_t> empty;  // data == nullptr, last_x = last_y = 0
  BlockWarp<uint16_t>(empty, wp, 0, 0, 0, 0, 0, 0, 10, 3, 11, pred, 8);
  for (int v : pred) EXPECT_EQ(v, 0);
  const uint16_t one = 5;
  const WarpRefPlane<uint16_t> negative{&one, 1, -1, 0};
  BlockWarp<uint16_t>(negative, wp, 0, 0, 0, 0, 0, 0, 10, 3, 11, pred, 8);
  for (int v : pred) EXPECT_EQ(v, 0);
  // A 1x1 plane: every tap reads the single sample.
  const WarpRefPlane<uint16_t> single{&one, 1, 0, 0};
  BlockWarp<uint16_t>(single, wp, 0, 0, 0, 0, 0, 0, 10, 3, 11, pred, 8);
  for (int v : pred) EXPECT_EQ(v, 5);
}

}  // namespace
}  // namespace hav1::recon
