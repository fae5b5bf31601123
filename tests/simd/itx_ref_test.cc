// The reference inverse transforms against values worked out by hand from
// the spec's formulas (7.13.2, 7.13.3), independent of the reference code.
#include <cstdint>
#include <cstring>
#include <vector>

#include <gtest/gtest.h>

#include "src/common/intops.h"
#include "src/dsp/itx.h"

namespace hav1 {
namespace {

constexpr int kTx4x4 = 0, kTx8x8 = 1, kTx4x8 = 5;
constexpr int kTx16x16 = 2, kTx32x32 = 3, kTx64x64 = 4, kTx16x32 = 9, kTx64x16 = 18;
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

// DC only, DCT_DCT for the big sizes: every 1D DCT of [ dc, 0, ... ] gives
// Round2( dc * 2896, 12 ) everywhere (7.13.2.3 step 12, the later H steps add
// zeros).  64x64: rowShift = 2, no rectangular scaling; 16x32: rowShift = 1
// and the rectangular scale first; 64x16: rowShift = 2, Abs( 6 - 4 ) = 2 so no
// rectangular scale.  The 64-point sizes take a 32-wide coefficient layout.
TEST(ItxReference, DcOnlyDctBigSizesMatchSpecFormula) {
  struct Size {
    int tx_size, w, h, row_shift;
    bool rect2;
  };
  for (const Size& sz : {Size{kTx64x64, 64, 64, 2, false}, Size{kTx16x32, 16, 32, 1, true},
                         Size{kTx64x16, 64, 16, 2, false}, Size{kTx32x32, 32, 32, 2, false},
                         Size{kTx16x16, 16, 16, 2, false}}) {
    for (int32_t dc : {1, -1, 77, -300, 4000, -20000}) {
      int32_t coeffs[32 * 32] = {};
      coeffs[0] = dc;
      std::vector<uint8_t> dst(sz.w * sz.h, 120);
      InverseTransformAddRef(dst.data(), sz.w, coeffs, sz.tx_size, kDctDct, false, 8);
      const int32_t in = sz.rect2 ? Round2(dc * 2896, 12) : dc;
      const int32_t row = Round2(Round2(in * 2896, 12), sz.row_shift);
      const int32_t col = Round2(Round2(row * 2896, 12), 4);
      const int want = Clip1(120 + col, 8);
      for (int k = 0; k < sz.w * sz.h; k++) {
        ASSERT_EQ(dst[k], want) << "size " << sz.w << "x" << sz.h << " dc=" << dc << " k=" << k;
      }
      for (int k = 0; k < 32 * 32; k++) ASSERT_EQ(coeffs[k], 0);
    }
  }
}

// IDTX 16x16 (7.13.2.13: Round2( x * 11586, 12 ), rowShift = 2) and 32x32
// (7.13.2.14: x * 4, rowShift = 2) with one coefficient: only that position
// changes.
TEST(ItxReference, IdentityBigSizesSingleCoefficient) {
  for (int tx_size : {kTx16x16, kTx32x32}) {
    const int n = tx_size == kTx16x16 ? 16 : 32;
    for (int pos : {0, 5, n + 3, n * n - 1}) {
      for (int32_t v : {300, -1234}) {
        std::vector<int32_t> coeffs(n * n, 0);
        coeffs[pos] = v;
        std::vector<uint16_t> dst(n * n, 600);
        InverseTransformAddRef(dst.data(), n, coeffs.data(), tx_size, kIdtx, false, 10);
        int32_t r;
        if (n == 16) {
          r = Round2(Round2(Round2(v * 11586, 12), 2) * 11586, 12);
        } else {
          r = Round2(v * 4, 2) * 4;
        }
        const int want = Clip1(600 + Round2(r, 4), 10);
        for (int k = 0; k < n * n; k++) {
          ASSERT_EQ(dst[k], k == pos ? want : 600) << n << " pos=" << pos << " k=" << k;
        }
      }
    }
  }
}

}  // namespace
}  // namespace hav1
