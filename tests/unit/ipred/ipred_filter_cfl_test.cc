// Recursive filter intra (7.11.2.3) and chroma from luma (7.11.5) reference
// kernels against spec-literal computations written here.
#include <algorithm>
#include <vector>

#include "gtest/gtest.h"
#include "src/dsp/ipred.h"
#include "tests/unit/ipred/ipred_test_util.h"

namespace hav1::ipred_test {
namespace {

// Intra_Filter_Taps, transcribed again from section 10 for the test.
const int kTaps[5][8][7] = {
    {{-6, 10, 0, 0, 0, 12, 0}, {-5, 2, 10, 0, 0, 9, 0}, {-3, 1, 1, 10, 0, 7, 0},
     {-3, 1, 1, 2, 10, 5, 0}, {-4, 6, 0, 0, 0, 2, 12}, {-3, 2, 6, 0, 0, 2, 9},
     {-3, 2, 2, 6, 0, 2, 7}, {-3, 1, 2, 2, 6, 3, 5}},
    {{-10, 16, 0, 0, 0, 10, 0}, {-6, 0, 16, 0, 0, 6, 0}, {-4, 0, 0, 16, 0, 4, 0},
     {-2, 0, 0, 0, 16, 2, 0}, {-10, 16, 0, 0, 0, 0, 10}, {-6, 0, 16, 0, 0, 0, 6},
     {-4, 0, 0, 16, 0, 0, 4}, {-2, 0, 0, 0, 16, 0, 2}},
    {{-8, 8, 0, 0, 0, 16, 0}, {-8, 0, 8, 0, 0, 16, 0}, {-8, 0, 0, 8, 0, 16, 0},
     {-8, 0, 0, 0, 8, 16, 0}, {-4, 4, 0, 0, 0, 0, 16}, {-4, 0, 4, 0, 0, 0, 16},
     {-4, 0, 0, 4, 0, 0, 16}, {-4, 0, 0, 0, 4, 0, 16}},
    {{-2, 8, 0, 0, 0, 10, 0}, {-1, 3, 8, 0, 0, 6, 0}, {-1, 2, 3, 8, 0, 4, 0},
     {0, 1, 2, 3, 8, 2, 0}, {-1, 4, 0, 0, 0, 3, 10}, {-1, 3, 4, 0, 0, 4, 6},
     {-1, 2, 3, 4, 0, 4, 4}, {-1, 2, 2, 3, 4, 3, 3}},
    {{-12, 14, 0, 0, 0, 14, 0}, {-10, 0, 14, 0, 0, 12, 0}, {-9, 0, 0, 14, 0, 11, 0},
     {-8, 0, 0, 0, 14, 10, 0}, {-10, 12, 0, 0, 0, 0, 14}, {-9, 1, 12, 0, 0, 0, 12},
     {-8, 0, 0, 12, 0, 1, 11}, {-7, 0, 0, 1, 12, 1, 9}}};

int Round2Signed(int x, int n) {
  const int r = (std::abs(x) + (1 << (n - 1))) >> n;
  return x >= 0 ? r : -r;
}

// 7.11.2.3 with a separate pred array; AboveRow / LeftCol as maps from i to value.
std::vector<int> SpecRecursive(const std::vector<int>& above, const std::vector<int>& left,
                               int w, int h, int mode, int bitdepth) {
  auto A = [&](int i) { return above.at(i + 1); };
  auto L = [&](int i) { return left.at(i + 1); };
  std::vector<std::vector<int>> pred(h, std::vector<int>(w));
  for (int i2 = 0; i2 < h / 2; i2++) {
    for (int j4 = 0; j4 < w / 4; j4++) {
      int p[7];
      for (int i = 0; i < 7; i++) {
        if (i < 5) {
          if (i2 == 0) p[i] = A(4 * j4 + i - 1);
          else if (j4 == 0 && i == 0) p[i] = L(2 * i2 - 1);
          else p[i] = pred[2 * i2 - 1][4 * j4 + i - 1];
        } else {
          if (j4 == 0) p[i] = L(2 * i2 + i - 5);
          else p[i] = pred[2 * i2 + i - 5][4 * j4 - 1];
        }
      }
      for (int i1 = 0; i1 < 2; i1++) {
        for (int j1 = 0; j1 < 4; j1++) {
          int pr = 0;
          for (int i = 0; i < 7; i++) pr += kTaps[mode][4 * i1 + j1][i] * p[i];
          pred[2 * i2 + i1][4 * j4 + j1] =
              std::clamp(Round2Signed(pr, 4), 0, (1 << bitdepth) - 1);
        }
      }
    }
  }
  std::vector<int> out;
  for (auto& row : pred) out.insert(out.end(), row.begin(), row.end());
  return out;
}

TEST(IpredFilterIntra, MatchesSpecAllSizesModesDepths) {
  ForEachBitDepth([]<typename Pixel>(int bitdepth) {
    const auto& t = RefTable<Pixel>();
    Rng rng(31 + bitdepth);
    for (int tx = 0; tx < kIpredTxSizes; tx++) {
      const int w = kTxDims[tx].w, h = kTxDims[tx].h;
      if (w > 32 || h > 32) {
        EXPECT_EQ(t.filter_intra[tx], nullptr) << SizeName(tx);
        continue;
      }
      ASSERT_NE(t.filter_intra[tx], nullptr);
      for (int mode = 0; mode < 5; mode++) {
        for (Pattern p : kPatterns) {
          std::vector<int> above(w + h + 1), left(w + h + 1);
          std::vector<Pixel> ab(w + h + 1), lb(w + h + 1);
          for (int i = 0; i <= w + h; i++) {
            above[i] = rng.Pixel(p, bitdepth, i);
            left[i] = rng.Pixel(p, bitdepth, i + 1);
          }
          left[0] = above[0];
          for (int i = 0; i <= w + h; i++) {
            ab[i] = static_cast<Pixel>(above[i]);
            lb[i] = static_cast<Pixel>(left[i]);
          }
          GuardedBlock<Pixel> b(w, h);
          t.filter_intra[tx](b.dst(), b.stride(), ab.data() + 1, lb.data() + 1, mode, bitdepth);
          ASSERT_TRUE(BlockEquals(b, SpecRecursive(above, left, w, h, mode, bitdepth), w, h))
              << SizeName(tx) << " mode " << mode << " bitdepth " << bitdepth;
        }
      }
    }
  });
}

TEST(IpredFilterIntra, ConstantEdgesStayConstant) {
  // Every row of Intra_Filter_Taps sums to 16 = 1 << INTRA_FILTER_SCALE_BITS.
  const auto& t = RefTable<uint8_t>();
  std::vector<uint8_t> e(100, 77);
  for (int mode = 0; mode < 5; mode++) {
    GuardedBlock<uint8_t> b(32, 16);
    t.filter_intra[10](b.dst(), b.stride(), e.data() + 1, e.data() + 1, mode, 8);
    EXPECT_TRUE(BlockEquals(b, std::vector<int>(32 * 16, 77), 32, 16)) << mode;
  }
}

// 7.11.5 on a luma plane in absolute coordinates: startX / startY are chroma
// positions, maxLumaW / maxLumaH the spec's MaxLumaW / MaxLumaH; dc the DC
// prediction value already in the chroma block.
std::vector<int> SpecCfl(const std::vector<int>& luma, int luma_stride, int startX, int startY,
                         int w, int h, int subX, int subY, int maxLumaW, int maxLumaH,
                         const std::vector<int>& dc, int alpha, int bitdepth) {
  std::vector<int> L(w * h);
  int lumaAvg = 0;
  for (int i = 0; i < h; i++) {
    int lumaY = (startY + i) << subY;
    lumaY = std::min(lumaY, maxLumaH - (1 << subY));
    for (int j = 0; j < w; j++) {
      int lumaX = (startX + j) << subX;
      lumaX = std::min(lumaX, maxLumaW - (1 << subX));
      int t = 0;
      for (int dy = 0; dy <= subY; dy += 1)
        for (int dx = 0; dx <= subX; dx += 1) t += luma.at((lumaY + dy) * luma_stride + lumaX + dx);
      const int v = t << (3 - subX - subY);
      L[i * w + j] = v;
      lumaAvg += v;
    }
  }
  int log2wh = 0;
  while ((1 << log2wh) < w * h) log2wh++;
  lumaAvg = (lumaAvg + (1 << (log2wh - 1))) >> log2wh;
  std::vector<int> out(w * h);
  for (int i = 0; i < h; i++) {
    for (int j = 0; j < w; j++) {
      const int scaledLuma = Round2Signed(alpha * (L[i * w + j] - lumaAvg), 6);
      out[i * w + j] = std::clamp(dc[i * w + j] + scaledLuma, 0, (1 << bitdepth) - 1);
    }
  }
  return out;
}

TEST(IpredCfl, MatchesSpecAllSizesSubsamplingsDepths) {
  ForEachBitDepth([]<typename Pixel>(int bitdepth) {
    const auto& t = RefTable<Pixel>();
    Rng rng(555 + bitdepth);
    const int max = (1 << bitdepth) - 1;
    for (int tx = 0; tx < kIpredTxSizes; tx++) {
      const int w = kTxDims[tx].w, h = kTxDims[tx].h;
      if (w > 32 || h > 32) {
        EXPECT_EQ(t.cfl_pred[tx], nullptr);
        EXPECT_EQ(t.cfl_subsample[1][1][tx], nullptr);
        continue;
      }
      ASSERT_NE(t.cfl_pred[tx], nullptr);
      for (int sub_x = 0; sub_x <= 1; sub_x++) {
        for (int sub_y = 0; sub_y <= 1; sub_y++) {
          ASSERT_NE(t.cfl_subsample[sub_x][sub_y][tx], nullptr);
          for (Pattern p : kPatterns) {
            for (int rep = 0; rep < 3; rep++) {
              // A chroma block at chroma (startX, startY); luma plane big enough.
              const int start_x = 4 * rng.Uniform(0, 3), start_y = 4 * rng.Uniform(0, 3);
              const int lw = ((start_x + w) << sub_x) + 8, lh = ((start_y + h) << sub_y) + 8;
              std::vector<int> luma(lw * lh);
              std::vector<Pixel> luma_px(lw * lh);
              for (int k = 0; k < lw * lh; k++) {
                luma[k] = rng.Pixel(p, bitdepth, k + (k / lw));
                luma_px[k] = static_cast<Pixel>(luma[k]);
              }
              // MaxLumaW / MaxLumaH: from one (subsampled) sample up to past the block.
              const int luma_x0 = start_x << sub_x, luma_y0 = start_y << sub_y;
              const int avail_w = rng.Uniform(0, 2) == 0 ? (w << sub_x)
                                  : (rng.Uniform(1, w) << sub_x);
              const int avail_h = rng.Uniform(0, 2) == 0 ? (h << sub_y)
                                  : (rng.Uniform(1, h) << sub_y);
              const int alpha = rep == 0 ? (rng.Uniform(0, 1) ? 16 : -16) : rng.Uniform(-16, 16);
              std::vector<int> dc(w * h, rng.Uniform(0, max));
              const std::vector<int> expected =
                  SpecCfl(luma, lw, start_x, start_y, w, h, sub_x, sub_y, luma_x0 + avail_w,
                          luma_y0 + avail_h, dc, alpha, bitdepth);
              std::vector<int16_t> ac(w * h);
              t.cfl_subsample[sub_x][sub_y][tx](ac.data(), luma_px.data() + luma_y0 * lw + luma_x0,
                                                lw, avail_w, avail_h);
              GuardedBlock<Pixel> b(w, h);
              for (int i = 0; i < h; i++)
                for (int j = 0; j < w; j++) b.set(i, j, dc[i * w + j]);
              t.cfl_pred[tx](b.dst(), b.stride(), ac.data(), alpha, bitdepth);
              ASSERT_TRUE(BlockEquals(b, expected, w, h))
                  << SizeName(tx) << " sub " << sub_x << sub_y << " alpha " << alpha
                  << " avail " << avail_w << "x" << avail_h << " bitdepth " << bitdepth;
            }
          }
        }
      }
    }
  });
}

TEST(IpredCfl, FlatLumaGivesDcAndAcIsZeroMean) {
  const auto& t = RefTable<uint16_t>();
  std::vector<uint16_t> luma(64 * 64, 4095);
  std::vector<int16_t> ac(32 * 32, 1);
  t.cfl_subsample[1][1][3](ac.data(), luma.data(), 64, 64, 64);
  for (int16_t v : ac) ASSERT_EQ(v, 0);
  GuardedBlock<uint16_t> b(32, 32);
  for (int i = 0; i < 32; i++)
    for (int j = 0; j < 32; j++) b.set(i, j, 1000);
  t.cfl_pred[3](b.dst(), b.stride(), ac.data(), -16, 12);
  EXPECT_TRUE(BlockEquals(b, std::vector<int>(32 * 32, 1000), 32, 32));
  // A left half of 0 and right half of 4095 (4:4:4, 4x4): L = 0 or 32760,
  // lumaAvg = 16380, so ac = -16380 / +16380 and alpha 1 moves the DC by
  // Round2Signed( 16380, 6 ) = 256.
  std::vector<uint16_t> l2 = {0, 0, 4095, 4095, 0, 0, 4095, 4095,
                              0, 0, 4095, 4095, 0, 0, 4095, 4095};
  std::vector<int16_t> ac2(16);
  t.cfl_subsample[0][0][0](ac2.data(), l2.data(), 4, 4, 4);
  EXPECT_EQ(ac2[0], -16380);
  EXPECT_EQ(ac2[3], 16380);
  GuardedBlock<uint16_t> b2(4, 4);
  for (int i = 0; i < 4; i++)
    for (int j = 0; j < 4; j++) b2.set(i, j, 2048);
  t.cfl_pred[0](b2.dst(), b2.stride(), ac2.data(), 1, 12);
  EXPECT_EQ(b2.at(0, 0), 2048 - 256);
  EXPECT_EQ(b2.at(3, 3), 2048 + 256);
  EXPECT_TRUE(b2.GuardsIntact());
}

}  // namespace
}  // namespace hav1::ipred_test
