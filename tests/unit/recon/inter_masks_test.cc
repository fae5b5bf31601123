// Tests of src/recon/inter_masks.*: spec 7.11.3.10 - 7.11.3.15.  Every
// expected value is worked out by hand from the spec text (the formulas and
// tables of 08.decoding.process.md); the derivations are in the comments.
#include "src/recon/inter_masks.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <thread>
#include <vector>

#include "src/recon/inter_tables.h"

namespace hav1::recon {
namespace {

// Spec block size numbers (6.10.4).
constexpr int kBlock4x4 = 0, kBlock8x8 = 3, kBlock8x16 = 4, kBlock16x8 = 5, kBlock16x16 = 6,
              kBlock32x32 = 9, kBlock32x64 = 10, kBlock64x64 = 12, kBlock128x128 = 15,
              kBlock4x16 = 16, kBlock16x4 = 17, kBlock8x32 = 18, kBlock32x8 = 19,
              kBlock16x64 = 20, kBlock64x16 = 21;

std::vector<uint8_t> Wedge(int bsize, int sign, int index, int w, int h) {
  std::vector<uint8_t> m(static_cast<size_t>(w) * h, 0xEE);
  EXPECT_TRUE(WedgeMask(bsize, sign, index, w, h, m.data(), w));
  return m;
}

// ---------------------------------------------------------------------------
// 7.11.3.11 wedge mask.

// The first use builds WedgeMasks (a function-local static const); threads
// racing on that first use all see the complete table.  This test runs
// first in this binary, so the table is not built yet when it starts.
TEST(WedgeMask, ConcurrentFirstUse) {
  constexpr int kThreads = 4;
  std::vector<std::vector<uint8_t>> got(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; t++) {
    threads.emplace_back([&got, t] {
      std::vector<uint8_t>& out = got[t];
      for (int b : {3, 4, 5, 6, 7, 8, 9, 18, 19}) {
        const int w = Block_Width(b), h = Block_Height(b);
        std::vector<uint8_t> m(static_cast<size_t>(w) * h);
        for (int s = 0; s < 2; s++) {
          for (int idx = 0; idx < 16; idx++) {
            if (!WedgeMask(b, s, idx, w, h, m.data(), w)) out.push_back(0xFF);
            out.insert(out.end(), m.begin(), m.end());
          }
        }
      }
    });
  }
  for (std::thread& th : threads) th.join();
  // 2 * 16 masks of 64+128+128+256+512+512+1024+256+256 = 3136 samples.
  ASSERT_EQ(got[0].size(), size_t{32 * 3136});
  for (int t = 1; t < kThreads; t++) EXPECT_EQ(got[t], got[0]) << "thread " << t;
}

// Wedge_Bits (section 10) is 4 exactly for 8x8, 8x16, 16x8, 16x16, 16x32,
// 32x16, 32x32, 8x32, 32x8 (block sizes 3..9, 18, 19) and 0 elsewhere.
TEST(WedgeMask, OnlyBlockSizesWithWedgeBits) {
  uint8_t m[32 * 32];
  for (int b = 0; b < 22; b++) {
    const bool has = (b >= 3 && b <= 9) || b == 18 || b == 19;
    const int w = std::min(32, Block_Width(b)), h = std::min(32, Block_Height(b));
    EXPECT_EQ(WedgeMask(b, 0, 0, w, h, m, 32), has) << "bsize " << b;
  }
  EXPECT_FALSE(WedgeMask(kBlock4x4, 0, 0, 4, 4, m, 4));
  EXPECT_FALSE(WedgeMask(kBlock4x16, 0, 0, 4, 16, m, 4));
  EXPECT_FALSE(WedgeMask(kBlock16x4, 0, 0, 16, 4, m, 16));
  EXPECT_FALSE(WedgeMask(kBlock32x64, 0, 0, 32, 32, m, 32));
  EXPECT_FALSE(WedgeMask(kBlock64x64, 0, 0, 32, 32, m, 32));
  EXPECT_FALSE(WedgeMask(kBlock128x128, 0, 0, 32, 32, m, 32));
  EXPECT_FALSE(WedgeMask(kBlock16x64, 0, 0, 16, 32, m, 16));
  EXPECT_FALSE(WedgeMask(kBlock64x16, 0, 0, 32, 16, m, 32));
  // Out-of-range inputs are refused, never read out of bounds.
  EXPECT_FALSE(WedgeMask(-1, 0, 0, 8, 8, m, 8));
  EXPECT_FALSE(WedgeMask(22, 0, 0, 8, 8, m, 8));
  EXPECT_FALSE(WedgeMask(kBlock8x8, 2, 0, 8, 8, m, 8));
  EXPECT_FALSE(WedgeMask(kBlock8x8, -1, 0, 8, 8, m, 8));
  EXPECT_FALSE(WedgeMask(kBlock8x8, 0, 16, 8, 8, m, 8));
  EXPECT_FALSE(WedgeMask(kBlock8x8, 0, -1, 8, 8, m, 8));
  EXPECT_FALSE(WedgeMask(kBlock8x8, 0, 0, 16, 8, m, 16));
  EXPECT_FALSE(WedgeMask(kBlock8x8, 0, 0, 8, 9, m, 8));
}

// The two signs of every wedge are complementary: WedgeMasks[ b ][ flipSign ]
// = MasterMask and WedgeMasks[ b ][ !flipSign ] = 64 - MasterMask.
TEST(WedgeMask, SignsAreComplementary) {
  for (int b : {3, 4, 5, 6, 7, 8, 9, 18, 19}) {
    const int w = Block_Width(b), h = Block_Height(b);
    for (int idx = 0; idx < 16; idx++) {
      const auto m0 = Wedge(b, 0, idx, w, h);
      const auto m1 = Wedge(b, 1, idx, w, h);
      for (size_t k = 0; k < m0.size(); k++) {
        ASSERT_LE(m0[k], 64);
        ASSERT_EQ(m0[k] + m1[k], 64) << "bsize " << b << " index " << idx << " pos " << k;
      }
    }
  }
}

// 8x8, index 4 (square codebook: WEDGE_HORIZONTAL, xoff 4, yoff 2):
// xoff = 32 - (4*8 >> 3) = 28, yoff = 32 - (2*8 >> 3) = 30, and
// MasterMask[ HORIZONTAL ][ a ][ b ] = Wedge_Master_Vertical[ a ], so row i
// is Vertical[ 30 + i ] = 7, 21, 43, 57, 62, 64, 64, 64.
// sum = 8 * 7 (row 0) + 21 + 43 + 57 + 62 + 64 * 3 (column 0, rows 1..7)
//     = 431, avg = (431 + 7) / 15 = 29 < 32, so flipSign = 1: sign 1 holds
// the master values, sign 0 their complement.
TEST(WedgeMask, Square8x8HorizontalByHand) {
  const int rows[8] = {7, 21, 43, 57, 62, 64, 64, 64};
  const auto s1 = Wedge(kBlock8x8, 1, 4, 8, 8);
  const auto s0 = Wedge(kBlock8x8, 0, 4, 8, 8);
  for (int i = 0; i < 8; i++) {
    for (int j = 0; j < 8; j++) {
      EXPECT_EQ(s1[i * 8 + j], rows[i]) << i << "," << j;
      EXPECT_EQ(s0[i * 8 + j], 64 - rows[i]) << i << "," << j;
    }
  }
}

// 8x8, index 7 (WEDGE_VERTICAL, 6, 4): xoff = 32 - 6 = 26, yoff = 28; every
// row is Vertical[ 26..33 ] = 0, 0, 0, 2, 7, 21, 43, 57.  sum = 130 + 7 * 0,
// avg = 137 / 15 = 9 -> flipSign = 1.
TEST(WedgeMask, Square8x8VerticalByHand) {
  const int cols[8] = {0, 0, 0, 2, 7, 21, 43, 57};
  const auto s1 = Wedge(kBlock8x8, 1, 7, 8, 8);
  for (int i = 0; i < 8; i++) {
    for (int j = 0; j < 8; j++) EXPECT_EQ(s1[i * 8 + j], cols[j]) << i << "," << j;
  }
}

// 8x8, index 1 (WEDGE_OBLIQUE63, 4, 4): xoff = yoff = 28.  From the first
// loop of initialise_wedge_mask_table, MasterMask[ OBLIQUE63 ][ 2k ][ c ] =
// Even[ Clip3( 0, 63, c - 16 + k ) ] and [ 2k+1 ][ c ] = Odd[ c - 15 + k ].
// Row 28 (k = 14): Even[ 26 + j ] = 0 0 1 4 11 27 46 58
// Row 29:          Odd[ 27 + j ]  = 0 1 2 6 18 37 53 60
// Row 30 (k = 15): Even[ 27 + j ] = 0 1 4 11 27 46 58 62
// Row 31:          Odd[ 28 + j ]  = 1 2 6 18 37 53 60 63
// Row 32 (k = 16): Even[ 28 + j ] = 1 4 11 27 46 58 62 63
// Row 33:          Odd[ 29 + j ]  = 2 6 18 37 53 60 63 64
// Row 34 (k = 17): Even[ 29 + j ] = 4 11 27 46 58 62 63 64
// Row 35:          Odd[ 30 + j ]  = 6 18 37 53 60 63 64 64
// sum = 147 (row 0) + 0+0+1+1+2+4+6 (column 0) = 161, avg = 168 / 15 = 11
// -> flipSign = 1.
constexpr uint8_t kOblique63_8x8[8][8] = {
    {0, 0, 1, 4, 11, 27, 46, 58},  {0, 1, 2, 6, 18, 37, 53, 60},
    {0, 1, 4, 11, 27, 46, 58, 62}, {1, 2, 6, 18, 37, 53, 60, 63},
    {1, 4, 11, 27, 46, 58, 62, 63}, {2, 6, 18, 37, 53, 60, 63, 64},
    {4, 11, 27, 46, 58, 62, 63, 64}, {6, 18, 37, 53, 60, 63, 64, 64},
};

TEST(WedgeMask, Square8x8Oblique63ByHand) {
  const auto s1 = Wedge(kBlock8x8, 1, 1, 8, 8);
  for (int i = 0; i < 8; i++) {
    for (int j = 0; j < 8; j++) EXPECT_EQ(s1[i * 8 + j], kOblique63_8x8[i][j]) << i << "," << j;
  }
}

// 8x8, index 0 (WEDGE_OBLIQUE27, 4, 4): MasterMask[ OBLIQUE27 ][ a ][ b ] =
// MasterMask[ OBLIQUE63 ][ b ][ a ] and the same offsets, so the mask is the
// transpose of index 1 (the flip sum row 0 + column 0 is transpose
// invariant, so the sign is the same).
TEST(WedgeMask, Square8x8Oblique27IsTranspose) {
  const auto s1 = Wedge(kBlock8x8, 1, 0, 8, 8);
  for (int i = 0; i < 8; i++) {
    for (int j = 0; j < 8; j++) EXPECT_EQ(s1[i * 8 + j], kOblique63_8x8[j][i]) << i << "," << j;
  }
}

// 8x8, index 2 (WEDGE_OBLIQUE117, 4, 4): MasterMask[ OBLIQUE117 ][ a ][ b ] =
// 64 - MasterMask[ OBLIQUE63 ][ a ][ 63 - b ], so mask[ i ][ j ] = 64 -
// O63[ 28 + i ][ 35 - j ].  Row 0: 64 - Even[ 33 - j ] = 6 18 37 53 60 63 64 64
// (sum 365); column 0, rows 1..7: 64 - (Odd[34], Even[34], Odd[35],
// Even[35], Odd[36], Even[36], Odd[37]) = 4 2 1 1 0 0 0 (sum 8);
// avg = (373 + 7) / 15 = 25 -> flipSign = 1.
TEST(WedgeMask, Square8x8Oblique117ByHand) {
  const auto s1 = Wedge(kBlock8x8, 1, 2, 8, 8);
  const int row0[8] = {6, 18, 37, 53, 60, 63, 64, 64};
  const int col0[8] = {6, 4, 2, 1, 1, 0, 0, 0};
  for (int j = 0; j < 8; j++) EXPECT_EQ(s1[j], row0[j]) << j;
  for (int i = 0; i < 8; i++) EXPECT_EQ(s1[i * 8], col0[i]) << i;
  // Horizontal mirror of index 1 complemented: O117[ a ][ b ] = 64 -
  // O63[ a ][ 63 - b ]; with xoff 28 the columns 28..35 map to 35..28.
  for (int i = 0; i < 8; i++) {
    for (int j = 0; j < 8; j++) {
      EXPECT_EQ(s1[i * 8 + j], 64 - kOblique63_8x8[i][7 - j]) << i << "," << j;
    }
  }
}

// 16x8 (wide: block_shape 1), index 4 (WEDGE_VERTICAL, 2, 4):
// xoff = 32 - (2*16 >> 3) = 28, yoff = 32 - (4*8 >> 3) = 28; every row is
// Vertical[ 28..43 ] = 0 2 7 21 43 57 62 64 ... 64.  sum = 192 + 9*64 = 768
// (column 0 adds 7 zeros), avg = (768 + 11) / 23 = 33 -> flipSign = 0: sign
// 0 is the master, sign 1 the complement.
TEST(WedgeMask, Wide16x8VerticalFlipZero) {
  const int row[16] = {0, 2, 7, 21, 43, 57, 62, 64, 64, 64, 64, 64, 64, 64, 64, 64};
  const auto s0 = Wedge(kBlock16x8, 0, 4, 16, 8);
  for (int i = 0; i < 8; i++) {
    for (int j = 0; j < 16; j++) EXPECT_EQ(s0[i * 16 + j], row[j]) << i << "," << j;
  }
}

// 8x16 (tall: block_shape 0), index 4 (WEDGE_HORIZONTAL, 4, 2):
// xoff = 32 - 4 = 28, yoff = 32 - (2*16 >> 3) = 28; row i is
// Vertical[ 28 + i ] = 0 2 7 21 43 57 62 64 64 ...  sum = 8*0 (row 0) +
// 2+7+21+43+57+62 + 9*64 (rows 1..15) = 768, avg = (768 + 11) / 23 = 33 ->
// flipSign = 0.
TEST(WedgeMask, Tall8x16HorizontalByHand) {
  const int col[16] = {0, 2, 7, 21, 43, 57, 62, 64, 64, 64, 64, 64, 64, 64, 64, 64};
  const auto s0 = Wedge(kBlock8x16, 0, 4, 8, 16);
  for (int i = 0; i < 16; i++) {
    for (int j = 0; j < 8; j++) EXPECT_EQ(s0[i * 8 + j], col[i]) << i << "," << j;
  }
}

// A region smaller than the block reads the top-left part (the spec's loop
// over i < h, j < w) and writes nothing else.
TEST(WedgeMask, PartialRegionAndStride) {
  std::vector<uint8_t> m(10 * 4, 0xEE);
  ASSERT_TRUE(WedgeMask(kBlock8x8, 1, 1, 6, 3, m.data(), 10));
  for (int i = 0; i < 4; i++) {
    for (int j = 0; j < 10; j++) {
      if (i < 3 && j < 6) {
        EXPECT_EQ(m[i * 10 + j], kOblique63_8x8[i][j]);
      } else {
        EXPECT_EQ(m[i * 10 + j], 0xEE);
      }
    }
  }
}

// Every wedge mask has exactly the block's size in entries and takes
// values 0..64; 16x16 index 5 equals the square codebook's
// { WEDGE_HORIZONTAL, 4, 6 }: yoff = 32 - 12 = 20, row i = Vertical[20 + i]:
// rows 0..8 are 0, then 2 7 21 43 57 62 64 (rows 9..15).  sum = 0 + 256 = 256
// over 31 samples: avg = (256 + 15) / 31 = 8 -> flipSign = 1.
TEST(WedgeMask, Square16x16HorizontalLow) {
  const auto s1 = Wedge(kBlock16x16, 1, 5, 16, 16);
  const int col[16] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 7, 21, 43, 57, 62, 64};
  for (int i = 0; i < 16; i++) EXPECT_EQ(s1[i * 16 + 3], col[i]) << i;
}

// Tables reachable for the largest sizes: 32x32, 8x32 and 32x8.
TEST(WedgeMask, LargestSizes) {
  // 32x32 index 7 (square: WEDGE_VERTICAL, 6, 4): xoff = 32 - 24 = 8;
  // row = Vertical[ 8..39 ]: 21 zeros, then 2 7 21 43 57 62 64 ...
  const auto m = Wedge(kBlock32x32, 0, 7, 32, 32);
  const auto n = Wedge(kBlock32x32, 1, 7, 32, 32);
  // sum = row 0 (2+7+21+43+57+62+64*5 = 512) + 31 * 0 = 512,
  // avg = (512 + 31) / 63 = 8 -> flipSign = 1.
  EXPECT_EQ(n[20], 0);
  EXPECT_EQ(n[21], 2);
  EXPECT_EQ(n[22], 7);
  EXPECT_EQ(n[31 * 32 + 31], 64);
  EXPECT_EQ(m[31 * 32 + 21], 62);
  // 8x32 (tall) index 7 (WEDGE_VERTICAL, 4, 4): xoff = 28, yoff = 16;
  // every row = Vertical[ 28..35 ] = 0 2 7 21 43 57 62 64, sum = 256,
  // avg = (256 + 19) / 39 = 7 -> flipSign = 1.
  const auto t = Wedge(kBlock8x32, 1, 7, 8, 32);
  const int row[8] = {0, 2, 7, 21, 43, 57, 62, 64};
  for (int i = 0; i < 32; i++) {
    for (int j = 0; j < 8; j++) EXPECT_EQ(t[i * 8 + j], row[j]);
  }
  // 32x8 (wide) index 7 (WEDGE_HORIZONTAL, 4, 4): the transpose.
  const auto u = Wedge(kBlock32x8, 1, 7, 32, 8);
  for (int i = 0; i < 8; i++) {
    for (int j = 0; j < 32; j++) EXPECT_EQ(u[i * 32 + j], row[i]);
  }
}

// ---------------------------------------------------------------------------
// 7.11.3.12 difference weight mask.

// 8-bit compound: InterRound0 = 3, InterRound1 = 7, InterPostRound = 4, so
// diff = Round2( |p0 - p1|, 4 ) and m = Clip3( 0, 64, 38 + diff / 16 ).
//   raw 0    -> 0 -> 38          raw 7 -> (7+8)>>4 = 0 -> 38
//   raw 247  -> 255>>4 = 15 -> 38    raw 248 -> 256>>4 = 16 -> 39
//   raw 6647 -> 6655>>4 = 415 -> 38 + 25 = 63
//   raw 6648 -> 6656>>4 = 416 -> 38 + 26 = 64     raw 100000 -> 64
TEST(DifferenceWeightMask, Thresholds8Bit) {
  const int32_t p0[8] = {1000, 1007, 1247, 1248, 7647, 7648, 100000, -100};
  const int32_t p1[8] = {1000, 1000, 1000, 1000, 1000, 1000, 0, 148};
  const int expect[8] = {38, 38, 38, 39, 63, 64, 64, 39};
  uint8_t m[8], inv[8];
  DifferenceWeightMask(p0, p1, 8, 8, 1, 0, 8, 4, m, 8);
  DifferenceWeightMask(p0, p1, 8, 8, 1, 1, 8, 4, inv, 8);
  for (int j = 0; j < 8; j++) {
    EXPECT_EQ(m[j], expect[j]) << j;
    EXPECT_EQ(inv[j], 64 - expect[j]) << j;  // mask_type UNIFORM_45_INV
  }
  // Symmetric in the two predictions (Abs).
  DifferenceWeightMask(p1, p0, 8, 8, 1, 0, 8, 4, m, 8);
  for (int j = 0; j < 8; j++) EXPECT_EQ(m[j], expect[j]) << j;
}

// 10-bit compound: shift (10 - 8) + 4 = 6.  raw 1023 -> (1023+32)>>6 = 16
// -> 39; raw 991 -> 1023>>6 = 15 -> 38; raw 26592 -> 26624>>6 = 416 -> 64;
// raw 26591 -> 415 -> 63.  12-bit compound: InterRound0 = 5, so
// InterPostRound = 2 and the shift is 4 + 2 = 6 as well.
TEST(DifferenceWeightMask, HighBitDepth) {
  const int32_t p0[2][4] = {{1023, 991, 26592, 26591}, {0, 0, 0, 0}};
  uint8_t m[2][4];
  DifferenceWeightMask(p0[0], p0[1], 4, 4, 1, 0, 10, 4, m[0], 4);
  DifferenceWeightMask(p0[0], p0[1], 4, 4, 1, 0, 12, 2, m[1], 4);
  const int expect[4] = {39, 38, 64, 63};
  for (int j = 0; j < 4; j++) {
    EXPECT_EQ(m[0][j], expect[j]) << j;
    EXPECT_EQ(m[1][j], expect[j]) << j;
  }
}

TEST(DifferenceWeightMask, StridesAndRows) {
  // Two rows, pred stride 3, mask stride 5.
  const int32_t p0[6] = {0, 256, 99, 6648, 0, 99};
  const int32_t p1[6] = {0, 0, 99, 0, 0, 99};
  uint8_t m[10];
  std::fill(m, m + 10, 0xEE);
  DifferenceWeightMask(p0, p1, 3, 2, 2, 0, 8, 4, m, 5);
  EXPECT_EQ(m[0], 38);
  EXPECT_EQ(m[1], 39);  // 256 -> 16 -> 39
  EXPECT_EQ(m[2], 0xEE);
  EXPECT_EQ(m[5], 64);
  EXPECT_EQ(m[6], 38);
  EXPECT_EQ(m[7], 0xEE);
}

// ---------------------------------------------------------------------------
// 7.11.3.13 intra mode variant mask.

// 8x8: sizeScale = 128 / 8 = 16; Ii_Weights_1d[ 16 k ] for k = 0..7 is
// 60, 34, 19, 11, 6, 4, 2, 1 (the table's entries 0, 16, 32, ..., 112).
TEST(IntraModeVariantMask, Square8x8AllModes) {
  const int w16[8] = {60, 34, 19, 11, 6, 4, 2, 1};
  uint8_t m[64];
  IntraModeVariantMask(II_V_PRED, 8, 8, m, 8);
  for (int i = 0; i < 8; i++) {
    for (int j = 0; j < 8; j++) EXPECT_EQ(m[i * 8 + j], w16[i]);
  }
  IntraModeVariantMask(II_H_PRED, 8, 8, m, 8);
  for (int i = 0; i < 8; i++) {
    for (int j = 0; j < 8; j++) EXPECT_EQ(m[i * 8 + j], w16[j]);
  }
  IntraModeVariantMask(II_SMOOTH_PRED, 8, 8, m, 8);
  for (int i = 0; i < 8; i++) {
    for (int j = 0; j < 8; j++) EXPECT_EQ(m[i * 8 + j], w16[std::min(i, j)]);
  }
  IntraModeVariantMask(II_DC_PRED, 8, 8, m, 8);
  for (int k = 0; k < 64; k++) EXPECT_EQ(m[k], 32);
}

// 16x4 (w = 16, h = 4): sizeScale = 128 / 16 = 8.  V: Ii[ 8 i ] = 60, 45, 34,
// 26 (entries 0, 8, 16, 24); H: Ii[ 8 j ], j = 15 -> Ii[ 120 ] = 1.
// 4x4 chroma (sizeScale 32): Ii[ 0, 32, 64, 96 ] = 60, 19, 6, 2.
TEST(IntraModeVariantMask, RectangularAndSmall) {
  uint8_t m[16 * 4];
  IntraModeVariantMask(II_V_PRED, 16, 4, m, 16);
  const int v[4] = {60, 45, 34, 26};
  for (int i = 0; i < 4; i++) {
    for (int j = 0; j < 16; j++) EXPECT_EQ(m[i * 16 + j], v[i]);
  }
  IntraModeVariantMask(II_H_PRED, 16, 4, m, 16);
  EXPECT_EQ(m[0], 60);
  EXPECT_EQ(m[1], 45);
  EXPECT_EQ(m[15], 1);
  EXPECT_EQ(m[3 * 16 + 3], 26);
  IntraModeVariantMask(II_SMOOTH_PRED, 16, 4, m, 16);
  EXPECT_EQ(m[3 * 16 + 15], 26);  // min(3, 15) = 3 -> Ii[ 24 ]
  EXPECT_EQ(m[2 * 16 + 1], 45);   // min(2, 1) = 1 -> Ii[ 8 ]
  uint8_t s[4 * 4];
  IntraModeVariantMask(II_SMOOTH_PRED, 4, 4, s, 4);
  EXPECT_EQ(s[0], 60);
  EXPECT_EQ(s[1 * 4 + 2], 19);
  EXPECT_EQ(s[2 * 4 + 3], 6);
  EXPECT_EQ(s[3 * 4 + 3], 2);
  // 32x32: sizeScale 4, Ii[ 4 * 31 ] = Ii[ 124 ] = 1; Ii[ 4 ] = 52.
  std::vector<uint8_t> big(32 * 32);
  IntraModeVariantMask(II_V_PRED, 32, 32, big.data(), 32);
  EXPECT_EQ(big[31 * 32], 1);
  EXPECT_EQ(big[1 * 32 + 7], 52);
}

// ---------------------------------------------------------------------------
// 7.11.3.14 mask blend.

// 8-bit compound, InterPostRound 4: dst = Clip1( Round2( m*p0 + (64-m)*p1,
// 10 ) ).  With p = 16 * v:
//   m = 64, p0 = 1600:            102400 >> 10 = 100
//   m = 32, p0 = 1600, p1 = 3216: (51200 + 102912 + 512) >> 10 = 151
//   m = 0, p1 = 16 * 300:         300 -> Clip1 = 255 (8-bit), 300 (10-bit)
//   m = 64, p0 = -1600:           -> 0
//   m = 10, p0 = 1600, p1 = 0:    (16000 + 512) >> 10 = 16
TEST(MaskBlend, Compound8And10Bit) {
  const int32_t p0[5] = {1600, 1600, 0, -1600, 1600};
  const int32_t p1[5] = {0, 3216, 4800, 0, 0};
  const uint8_t mask[5] = {64, 32, 0, 64, 10};
  uint8_t d8[5] = {};
  MaskBlend<uint8_t>(p0, p1, 5, mask, 5, 0, 0, false, false, 5, 1, 8, 4, d8, 5);
  const int e8[5] = {100, 151, 255, 0, 16};
  for (int j = 0; j < 5; j++) EXPECT_EQ(d8[j], e8[j]) << j;
  uint16_t d10[5] = {};
  MaskBlend<uint16_t>(p0, p1, 5, mask, 5, 0, 0, false, false, 5, 1, 10, 4, d10, 5);
  const int e10[5] = {100, 151, 300, 0, 16};
  for (int j = 0; j < 5; j++) EXPECT_EQ(d10[j], e10[j]) << j;
  // 10-bit upper clip: p0 = 16 * 1100 -> 1100 -> 1023.  12-bit (InterPostRound
  // 2): p0 = 4 * 4000, m = 64 -> 4000; p0 = 4 * 5000 -> 4095.
  const int32_t q0[2] = {16 * 1100, 0};
  const int32_t q1[2] = {0, 0};
  const uint8_t mm[2] = {64, 64};
  MaskBlend<uint16_t>(q0, q1, 2, mm, 2, 0, 0, false, false, 1, 1, 10, 4, d10, 2);
  EXPECT_EQ(d10[0], 1023);
  const int32_t r0[2] = {4 * 4000, 4 * 5000};
  MaskBlend<uint16_t>(r0, q1, 2, mm, 2, 0, 0, false, false, 2, 1, 12, 2, d10, 2);
  EXPECT_EQ(d10[0], 4000);
  EXPECT_EQ(d10[1], 4095);
}

// Chroma with a luma-sized mask.  4:2:0 (subX = subY = 1): m = Round2( sum of
// the 2x2 luma weights, 2 ); 4:2:2 (subX only): m = Round2( pair, 1 ).
//   2x2 {64, 0, 0, 1}: (65 + 2) >> 2 = 16; blend of p0 = 1600 (100), p1 = 0:
//   (16 * 1600 + 512) >> 10 = 25
//   pair {64, 1}: (65 + 1) >> 1 = 33 -> (33 * 1600 + 512) >> 10 = 52
//   pair {63, 0}: 32 -> 50 ; 2x2 {1, 1, 0, 0}: (2 + 2) >> 2 = 1 -> 2
TEST(MaskBlend, ChromaSubsampledMaskAveraging) {
  // Luma mask 4x2, stride 4:  row 0: 64 0 1 1   row 1: 0 1 0 0
  const uint8_t mask[8] = {64, 0, 1, 1, 0, 1, 0, 0};
  const int32_t p0[2] = {1600, 1600};
  const int32_t p1[2] = {0, 0};
  uint8_t d[2] = {};
  MaskBlend<uint8_t>(p0, p1, 2, mask, 4, 1, 1, false, false, 2, 1, 8, 4, d, 2);
  EXPECT_EQ(d[0], 25);  // {64, 0, 0, 1} -> 16
  EXPECT_EQ(d[1], 2);   // {1, 1, 0, 0} -> 1: (1600 + 512) >> 10 = 2
  // 4:2:2: row 0 pairs {64, 0} -> 32, {1, 1} -> 1; row 1 pairs {0, 1} -> 1,
  // {0, 0} -> 0.
  const int32_t q0[4] = {1600, 1600, 1600, 1600};
  const int32_t q1[4] = {0, 0, 0, 0};
  uint8_t e[4] = {};
  MaskBlend<uint8_t>(q0, q1, 2, mask, 4, 1, 0, false, false, 2, 2, 8, 4, e, 2);
  EXPECT_EQ(e[0], 50);  // (32 * 1600 + 512) >> 10 = 50
  EXPECT_EQ(e[1], 2);
  EXPECT_EQ(e[2], 2);
  EXPECT_EQ(e[3], 0);
  // Odd sum in a pair rounds up: {64, 1} -> 33 -> (33*1600 + 512) >> 10 = 52.
  const uint8_t pair[2] = {64, 1};
  MaskBlend<uint8_t>(q0, q1, 2, pair, 2, 1, 0, false, false, 1, 1, 8, 4, e, 2);
  EXPECT_EQ(e[0], 52);
  // 10-bit 4:2:0 with the same weights.
  uint16_t d10[2] = {};
  MaskBlend<uint16_t>(p0, p1, 2, mask, 4, 1, 1, false, false, 2, 1, 10, 4, d10, 2);
  EXPECT_EQ(d10[0], 25);
  EXPECT_EQ(d10[1], 2);
}

// Inter-intra: dst holds the intra prediction; pred0 = Clip1( Round2( p0,
// InterPostRound ) ) and dst = Round2( m * intra + (64 - m) * pred0, 6 ).
// Single prediction, 8-bit: InterRound1 = 11, InterPostRound = 0.
//   intra 200, p0 100, m 40: (8000 + 2400 + 32) >> 6 = 163
//   intra 0, p0 300 -> Clip1 255, m 0: 255
//   intra 10, p0 -5 -> 0, m 63: (630 + 32) >> 6 = 10
// Non-wedge inter-intra reads Mask[ y ][ x ] even for subsampled chroma;
// wedge inter-intra averages the luma-sized mask.
TEST(MaskBlend, InterIntra) {
  const int32_t p0[3] = {100, 300, -5};
  const uint8_t mask[3] = {40, 0, 63};
  uint8_t d[3] = {200, 0, 10};
  MaskBlend<uint8_t>(p0, nullptr, 3, mask, 3, 1, 1, true, false, 3, 1, 8, 0, d, 3);
  EXPECT_EQ(d[0], 163);
  EXPECT_EQ(d[1], 255);
  EXPECT_EQ(d[2], 10);
  // Wedge inter-intra, 4:2:0: 2x2 {64, 0, 0, 0} -> 16.  intra 200, p0 = 100
  // with InterPostRound 2 (12-bit single prediction: 4 * 100 -> 100):
  // (16 * 200 + 48 * 100 + 32) >> 6 = 8032 >> 6 = 125.
  const uint8_t wmask[4] = {64, 0, 0, 0};
  const int32_t q0[1] = {400};
  uint16_t e[1] = {200};
  MaskBlend<uint16_t>(q0, nullptr, 1, wmask, 2, 1, 1, true, true, 1, 1, 12, 2, e, 1);
  EXPECT_EQ(e[0], 125);
  // 10-bit inter-intra upper clip: p0 2000 -> 1023, m = 0.
  const int32_t r0[1] = {2000};
  const uint8_t zero[1] = {0};
  uint16_t f[1] = {5};
  MaskBlend<uint16_t>(r0, nullptr, 1, zero, 1, 0, 0, true, false, 1, 1, 10, 0, f, 1);
  EXPECT_EQ(f[0], 1023);
}

// ---------------------------------------------------------------------------
// 7.11.3.10 overlap blending and the 7.11.3.9 masks.

TEST(ObmcMask, Selection) {
  EXPECT_EQ(ObmcMask(2), Obmc_Mask_2);
  EXPECT_EQ(ObmcMask(4), Obmc_Mask_4);
  EXPECT_EQ(ObmcMask(8), Obmc_Mask_8);
  EXPECT_EQ(ObmcMask(16), Obmc_Mask_16);
  EXPECT_EQ(ObmcMask(32), Obmc_Mask_32);
  // get_obmc_mask's final else: any other length gets Obmc_Mask_32.
  EXPECT_EQ(ObmcMask(1), Obmc_Mask_32);
  EXPECT_EQ(ObmcMask(0), nullptr);
  EXPECT_EQ(ObmcMask(33), nullptr);
  EXPECT_EQ(ObmcMask(64), nullptr);
  EXPECT_EQ(ObmcMask(-2), nullptr);
  EXPECT_EQ(Obmc_Mask_4[0], 39);
  EXPECT_EQ(Obmc_Mask_32[31], 64);
}

// dst = Round2( m * dst + (64 - m) * obmc, 6 ) with Obmc_Mask_4 = 39 50 59 64
// and dst 100, obmc 200:
//   39: (3900 + 5000 + 32) >> 6 = 139   50: (5000 + 2800 + 32) >> 6 = 122
//   59: (5900 + 1000 + 32) >> 6 = 108   64: 100
TEST(OverlapBlend, AboveAndLeft8Bit) {
  const int expect[4] = {139, 122, 108, 100};
  std::array<uint8_t, 6 * 5> dst;
  std::array<uint8_t, 3 * 4> obmc;
  // Pass 0 (above): 3 wide, 4 high; mask by row.  dst stride 6: the
  // columns 3..5 and row 4 must be left alone.
  dst.fill(100);
  obmc.fill(200);
  OverlapBlend<uint8_t>(obmc.data(), 3, 3, 4, 0, ObmcMask(4), dst.data(), 6);
  for (int i = 0; i < 5; i++) {
    for (int j = 0; j < 6; j++) {
      EXPECT_EQ(dst[i * 6 + j], (i < 4 && j < 3) ? expect[i] : 100) << i << "," << j;
    }
  }
  // Pass 1 (left): 4 wide, 3 high; mask by column.
  dst.fill(100);
  std::array<uint8_t, 4 * 3> obmc2;
  obmc2.fill(200);
  OverlapBlend<uint8_t>(obmc2.data(), 4, 4, 3, 1, ObmcMask(4), dst.data(), 6);
  for (int i = 0; i < 5; i++) {
    for (int j = 0; j < 6; j++) {
      EXPECT_EQ(dst[i * 6 + j], (i < 3 && j < 4) ? expect[j] : 100) << i << "," << j;
    }
  }
}

// 16-bit: dst 1000, obmc 0, Obmc_Mask_2 = 45 64: (45000 + 32) >> 6 = 703;
// dst 1000, obmc 4095, m = 45: (45000 + 19 * 4095 + 32) >> 6 =
// (45000 + 77805 + 32) >> 6 = 122837 >> 6 = 1919.
TEST(OverlapBlend, HighBitDepth) {
  uint16_t dst[4] = {1000, 1000, 1000, 1000};
  const uint16_t obmc[4] = {0, 0, 4095, 4095};
  OverlapBlend<uint16_t>(obmc, 2, 2, 2, 0, ObmcMask(2), dst, 2);
  EXPECT_EQ(dst[0], 703);
  EXPECT_EQ(dst[1], 703);
  EXPECT_EQ(dst[2], 1000);  // m = 64
  EXPECT_EQ(dst[3], 1000);
  uint16_t d2[2] = {1000, 1000};
  const uint16_t o2[2] = {4095, 4095};
  OverlapBlend<uint16_t>(o2, 2, 2, 1, 1, ObmcMask(2), d2, 2);
  EXPECT_EQ(d2[0], 1919);
  EXPECT_EQ(d2[1], 1000);
}

// ---------------------------------------------------------------------------
// 7.11.3.15 distance weights.

struct DistCase {
  int bits;            // OrderHintBits (0: enable_order_hint = 0)
  int order_hint;      // OrderHint of the current frame
  int hint0, hint1;    // OrderHints[ RefFrame[ 0 ] ], OrderHints[ RefFrame[ 1 ] ]
  int fwd, bck;
};

// dist[ k ] = Clip3( 0, 31, |get_relative_dist( hint_k, OrderHint )| ),
// d0 = dist[ 1 ], d1 = dist[ 0 ], order = d0 <= d1.
//  a) 8 / 12 around 10: d0 = d1 = 2, order 1; i = 0: 2*3 > 2*2 -> break:
//     Fwd = Lookup[0][1] = 7, Bck = Lookup[0][0] = 9.
//  b) 9 / 14 around 10: dist 1, 4: d0 = 4, d1 = 1, order 0; 4*2 < 1*3? no,
//     8 < 5? no, 8 < 7? no -> i = 3: Fwd = Lookup[3][0] = 13, Bck = 3.
//  c) 6 / 11 around 10: dist 4, 1: d0 = 1, d1 = 4, order 1; 3 > 8? 5 > 8?
//     7 > 8? no -> i = 3: Fwd = Lookup[3][1] = 3, Bck = 13.
//  d) 8 / 11 around 10: dist 2, 1: d0 = 1, d1 = 2, order 1; 3 > 4 no,
//     5 > 4 yes -> i = 1: Fwd = Lookup[1][1] = 5, Bck = Lookup[1][0] = 11.
//  e) 4 / 12 around 10: dist 6, 2: d0 = 2, d1 = 6, order 1; 6 > 12 no,
//     10 > 12 no, 14 > 12 yes -> i = 2: Fwd = 4, Bck = 12.
//  f) 10 / 12 around 10: d1 = 0 -> Lookup[3][order = (2 <= 0) = 0] = 13,
//     Bck = Lookup[3][1] = 3.
//  g) 12 / 10 around 10: d0 = 0, order 1: Fwd = 3, Bck = 13.
//  h) 3 order-hint bits, OrderHint 1, hints 7 and 2: get_relative_dist( 7, 1 )
//     = (6 & 3) - (6 & 4) = -2 -> 2; dist[ 1 ] = 1: like d): 5, 11.
//  i) 7 bits, OrderHint 100, hints 40 (60 -> Clip3 31) and 101 (1): d0 = 1,
//     d1 = 31: 3 > 62, 5 > 62, 7 > 62 no -> i = 3: 3, 13.
//  j) enable_order_hint = 0: get_relative_dist = 0, d0 = d1 = 0: order 1:
//     Fwd = 3, Bck = 13.
//  k) 10 / 12 around 20 (both past): dist 10, 8: d0 = 8, d1 = 10, order 1;
//     8*3 > 10*2 = 24 > 20 -> i = 0: 7, 9.
//  l) 2 / 10 around 20: dist 18, 10: d0 = 10, d1 = 18, order 1; 30 > 36 no,
//     50 > 36 -> i = 1: 5, 11.
//  m) 10 / 16 around 20: dist 10, 4: d0 = 4, d1 = 10, order 1; 12 > 20 no,
//     20 > 20 no, 28 > 20 -> i = 2: 4, 12.
//  n) 18 / 10 around 20: dist 2, 10: d0 = 10, d1 = 2, order 0; c0 = 2,
//     c1 = 3: 20 < 6 no ... -> i = 3: 13, 3.
//  o) 17 / 15 around 20: dist 3, 5: d0 = 5, d1 = 3, order 0; 10 < 9 no,
//     10 < 15 yes -> i = 1: Fwd = Lookup[1][0] = 11, Bck = 5.
//  p) 16 / 15 around 20: dist 4, 5: d0 = 5, d1 = 4, order 0; 10 < 12 yes ->
//     i = 0: Fwd = Lookup[0][0] = 9, Bck = 7.
TEST(DistanceWeights, OrderHintSetups) {
  const DistCase cases[] = {
      {7, 10, 8, 12, 7, 9},    {7, 10, 9, 14, 13, 3},   {7, 10, 6, 11, 3, 13},
      {7, 10, 8, 11, 5, 11},   {7, 10, 4, 12, 4, 12},   {7, 10, 10, 12, 13, 3},
      {7, 10, 12, 10, 3, 13},  {3, 1, 7, 2, 5, 11},     {7, 100, 40, 101, 3, 13},
      {0, 10, 8, 12, 3, 13},   {7, 20, 10, 12, 7, 9},   {7, 20, 2, 10, 5, 11},
      {7, 20, 10, 16, 4, 12},  {7, 20, 18, 10, 13, 3},  {7, 20, 17, 15, 11, 5},
      {7, 20, 16, 15, 9, 7},
  };
  for (const DistCase& c : cases) {
    SequenceHeader seq;
    seq.enable_order_hint = c.bits > 0;
    seq.OrderHintBits = c.bits;
    seq.order_hint_bits_minus_1 = c.bits > 0 ? c.bits - 1 : 0;
    FrameHeader hdr;
    hdr.OrderHint = c.order_hint;
    hdr.order_hint = c.order_hint;
    // RefFrame = { LAST_FRAME, ALTREF_FRAME } and { GOLDEN_FRAME, BWDREF_FRAME }.
    hdr.OrderHints[1] = c.hint0;
    hdr.OrderHints[7] = c.hint1;
    hdr.OrderHints[4] = c.hint0;
    hdr.OrderHints[5] = c.hint1;
    const int refs[2][2] = {{1, 7}, {4, 5}};
    for (const auto& rf : refs) {
      int fwd = -1, bck = -1;
      DistanceWeights(seq, hdr, rf, &fwd, &bck);
      EXPECT_EQ(fwd, c.fwd) << "bits " << c.bits << " hint " << c.order_hint << " refs "
                            << c.hint0 << "/" << c.hint1;
      EXPECT_EQ(bck, c.bck) << "bits " << c.bits << " hint " << c.order_hint << " refs "
                            << c.hint0 << "/" << c.hint1;
    }
  }
}

}  // namespace
}  // namespace hav1::recon
