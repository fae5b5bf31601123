// Dequantisation: table values read from the spec text (7.12.2 Dc_Qlookup /
// Ac_Qlookup, section 10 Qm_Offset / Quantizer_Matrix) and 7.12.3 step 1
// worked by hand.
#include "src/recon/dequant.h"

#include <gtest/gtest.h>

#include <vector>

namespace hav1::recon {
namespace {

TEST(Dequant, DcQlookupSpotValues) {
  // First and last entries of each bit depth row of Dc_Qlookup.
  EXPECT_EQ(DcQ(0, 8), 4);
  EXPECT_EQ(DcQ(1, 8), 8);
  EXPECT_EQ(DcQ(255, 8), 1336);
  EXPECT_EQ(DcQ(0, 10), 4);
  EXPECT_EQ(DcQ(1, 10), 9);
  EXPECT_EQ(DcQ(255, 10), 5347);
  EXPECT_EQ(DcQ(255, 12), 21387);
  // Clip3( 0, 255, b ).
  EXPECT_EQ(DcQ(-7, 8), 4);
  EXPECT_EQ(DcQ(400, 8), 1336);
}

TEST(Dequant, AcQlookupSpotValues) {
  EXPECT_EQ(AcQ(0, 8), 4);
  EXPECT_EQ(AcQ(2, 8), 9);
  EXPECT_EQ(AcQ(255, 8), 1828);
  EXPECT_EQ(AcQ(255, 10), 7312);
  EXPECT_EQ(AcQ(255, 12), 29247);
  EXPECT_EQ(AcQ(1000, 12), 29247);
}

TEST(Dequant, QuantizerMatrixSpotValues) {
  // Level 0, luma, "Size 4x4" starts the table: 32, 43, 73, 97, ...
  const uint8_t* m = QuantizerMatrix(0, false, 0);
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m[0], 32);
  EXPECT_EQ(m[1], 43);
  EXPECT_EQ(m[2], 73);
  EXPECT_EQ(m[3], 97);
  EXPECT_EQ(m[15], 200);
  // Level 0, luma, 8x8 (Qm_Offset[ TX_8X8 ] = 16): 32, 32, 38, 51, ... 220.
  m = QuantizerMatrix(0, false, 1);
  EXPECT_EQ(m[0], 32);
  EXPECT_EQ(m[3], 51);
  EXPECT_EQ(m[63], 220);
  // TX_64X64 shares the 32x32 matrix (Qm_Offset 336 for both).
  EXPECT_EQ(QuantizerMatrix(3, true, 3), QuantizerMatrix(3, true, 4));
  EXPECT_EQ(QuantizerMatrix(15, false, 0), nullptr);
}

TEST(Dequant, DenomShift) {
  EXPECT_EQ(DequantDenomShift(0), 0);   // TX_4X4
  EXPECT_EQ(DequantDenomShift(2), 0);   // TX_16X16
  EXPECT_EQ(DequantDenomShift(3), 1);   // TX_32X32
  EXPECT_EQ(DequantDenomShift(9), 1);   // TX_16X32
  EXPECT_EQ(DequantDenomShift(18), 1);  // TX_64X16
  EXPECT_EQ(DequantDenomShift(4), 2);   // TX_64X64
  EXPECT_EQ(DequantDenomShift(12), 2);  // TX_64X32
}

TEST(Dequant, StepOneByHand) {
  std::vector<int32_t> quant(16, 0), out(16, 99);
  quant[0] = 3;
  quant[1] = -2;
  quant[5] = 1;
  DequantParams p;
  p.dc_q = 10;
  p.ac_q = 7;
  p.bitdepth = 8;
  Dequantize(quant.data(), /*TX_4X4*/ 0, p, out.data());
  EXPECT_EQ(out[0], 30);
  EXPECT_EQ(out[1], -14);
  EXPECT_EQ(out[5], 7);
  EXPECT_EQ(out[2], 0);
  // With the level-0 luma 4x4 matrix: q2 = Round2( q * m, 5 ).
  p.qm = QuantizerMatrix(0, false, 0);
  Dequantize(quant.data(), 0, p, out.data());
  EXPECT_EQ(out[0], 3 * ((10 * 32 + 16) >> 5));   // m = 32
  EXPECT_EQ(out[1], -2 * ((7 * 43 + 16) >> 5));   // m = 43: q2 = 9
  EXPECT_EQ(out[5], 1 * ((7 * 67 + 16) >> 5));    // m = 67: q2 = 15
}

TEST(Dequant, DenominatorMaskAndClamp) {
  // TX_32X32: dqDenom 2, truncation toward zero for negative values.
  std::vector<int32_t> quant(32 * 32, 0), out(32 * 32, 0);
  quant[0] = -3;
  quant[1] = 3;
  DequantParams p;
  p.dc_q = 5;
  p.ac_q = 5;
  p.bitdepth = 8;
  Dequantize(quant.data(), 3, p, out.data());
  EXPECT_EQ(out[0], -7);  // -15 / 2
  EXPECT_EQ(out[1], 7);
  // Abs( dq ) & 0xFFFFFF, then the clamp to [-(1 << 15), (1 << 15) - 1].
  quant[0] = (1 << 24) / 5 + 1;  // dq = 16777220: masked to 4
  quant[1] = 100000;             // dq = 500000 / 2 = 250000: clamped
  quant[2] = -100000;
  Dequantize(quant.data(), 3, p, out.data());
  EXPECT_EQ(out[0], 4 / 2);
  EXPECT_EQ(out[1], (1 << 15) - 1);
  EXPECT_EQ(out[2], -(1 << 15));
}

}  // namespace
}  // namespace hav1::recon
