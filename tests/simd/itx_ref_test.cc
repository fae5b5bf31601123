// The reference inverse transforms against values worked out by hand from
// the spec's formulas (7.13.2, 7.13.3), independent of the reference code.
#include <cstdint>
#include <cstring>

#include <gtest/gtest.h>

#include "src/common/intops.h"
#include "src/dsp/itx.h"

namespace hav1 {
namespace {

constexpr int kTx4x4 = 0, kTx8x8 = 1, kTx4x8 = 5;
constexpr int kDctDct = 0, kIdtx = 9;

// DC only, DCT_DCT 4x4: each 1D DCT4 of [ dc, 0, 0, 0 ] (7.13.2.3 steps 12 and
// 17: B( 0, 1, 32, 1 ) then H) gives Round2( dc * cos128( 32 ), 12 ) everywhere;
// rowShift = 0 for TX_4X4, colShift = 4.
TEST(ItxReference, DcOnlyDct4x4MatchesSpecFormula) {
  for (int32_t dc : {1, 7, 100, -100, 1000, -4096, 32767, -32768}) {
    int32_t coeffs[16] = {};
    coeffs[0] = dc;
    uint8_t dst[16];
    std::memset(dst, 128, sizeof(dst));
    InverseTransformAddRef(dst, 4, coeffs, kTx4x4, kDctDct, false, 8);
    const int32_t row = Round2(dc * 2896, 12);
    const int32_t col = Round2(Round2(row * 2896, 12), 4);
    const int want = Clip1(128 + col, 8);
    for (int k = 0; k < 16; k++) {
      EXPECT_EQ(dst[k], want) << "dc=" << dc << " k=" << k;
      EXPECT_EQ(coeffs[k], 0);
    }
  }
}

// DC only, DCT_DCT 8x8 (rowShift = 1), 10-bit.
TEST(ItxReference, DcOnlyDct8x8MatchesSpecFormula) {
  for (int32_t dc : {3, -3, 5000, -5000, 131071, -131072}) {
    int32_t coeffs[64] = {};
    coeffs[0] = dc;
    uint16_t dst[64];
    for (auto& p : dst) p = 512;
    InverseTransformAddRef(dst, 8, coeffs, kTx8x8, kDctDct, false, 10);
    const int32_t row = Round2(Round2(dc * 2896, 12), 1);
    const int32_t col = Round2(Round2(row * 2896, 12), 4);
    const int want = Clip1(512 + col, 10);
    for (int k = 0; k < 64; k++) EXPECT_EQ(dst[k], want) << "dc=" << dc << " k=" << k;
  }
}

// DC only, DCT_DCT 4x8: rows get the rectangular scale Round2( x * 2896, 12 )
// first (Abs( log2W - log2H ) == 1), rowShift = 0.
TEST(ItxReference, DcOnlyDct4x8MatchesSpecFormula) {
  const int32_t dc = 2000;
  int32_t coeffs[32] = {};
  coeffs[0] = dc;
  uint8_t dst[32];
  std::memset(dst, 100, sizeof(dst));
  InverseTransformAddRef(dst, 4, coeffs, kTx4x8, kDctDct, false, 8);
  const int32_t scaled = Round2(dc * 2896, 12);
  const int32_t row = Round2(scaled * 2896, 12);
  const int32_t col = Round2(Round2(row * 2896, 12), 4);
  for (int k = 0; k < 32; k++) EXPECT_EQ(dst[k], Clip1(100 + col, 8)) << k;
}

// IDTX 4x4 with one coefficient: identity4 (7.13.2.11) on rows and columns
// touches only that position.
TEST(ItxReference, Identity4x4SingleCoefficient) {
  for (int pos = 0; pos < 16; pos++) {
    int32_t coeffs[16] = {};
    coeffs[pos] = 300;
    uint8_t dst[16];
    std::memset(dst, 50, sizeof(dst));
    InverseTransformAddRef(dst, 4, coeffs, kTx4x4, kIdtx, false, 8);
    const int32_t v = Round2(Round2(Round2(300 * 5793, 12) * 5793, 12), 4);
    for (int k = 0; k < 16; k++) {
      EXPECT_EQ(dst[k], k == pos ? Clip1(50 + v, 8) : 50) << pos << " " << k;
    }
  }
}

// Lossless WHT (7.13.2.10) with DC 40: rows [ 40 >> 2 = 10 -> a - e, e, e, e ]
// with e = 5; columns of [ 5, 0, 0, 0 ] -> [ 3, 2, 2, 2 ].
TEST(ItxReference, LosslessWhtDcOnly) {
  int32_t coeffs[16] = {};
  coeffs[0] = 40;
  uint8_t dst[16];
  std::memset(dst, 10, sizeof(dst));
  InverseTransformAddRef(dst, 4, coeffs, kTx4x4, 0, true, 8);
  for (int i = 0; i < 4; i++)
    for (int j = 0; j < 4; j++) EXPECT_EQ(dst[i * 4 + j], 10 + (i == 0 ? 3 : 2));
}

// Clip1: all-max prediction plus positive residual stays at the maximum,
// zero prediction minus stays 0.
TEST(ItxReference, Clip1AtBothEnds) {
  int32_t coeffs[16] = {};
  coeffs[0] = 4000;
  uint16_t dst[16];
  for (auto& p : dst) p = 4095;
  InverseTransformAddRef(dst, 4, coeffs, kTx4x4, kDctDct, false, 12);
  for (auto p : dst) EXPECT_EQ(p, 4095);
  coeffs[0] = -4000;
  for (auto& p : dst) p = 0;
  InverseTransformAddRef(dst, 4, coeffs, kTx4x4, kDctDct, false, 12);
  for (auto p : dst) EXPECT_EQ(p, 0);
}

}  // namespace
}  // namespace hav1
