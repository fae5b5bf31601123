// DC (7.11.2.5), V / H (7.11.2.4 steps 10, 11), Paeth (7.11.2.2), smooth
// (7.11.2.6) and palette (7.11.4) reference kernels against formulas written
// here from the spec text, for every transform size and bit depth.
#include <cstdlib>
#include <vector>

#include "gtest/gtest.h"
#include "src/dsp/ipred.h"
#include "tests/unit/ipred/ipred_test_util.h"

namespace hav1::ipred_test {
namespace {

// Edge arrays with AboveRow[ -1 ] / LeftCol[ -1 ] at index 0 of the storage.
template <typename Pixel>
struct Edges {
  std::vector<Pixel> above_buf, left_buf;
  Edges(int w, int h) : above_buf(w + h + 1), left_buf(w + h + 1) {}
  Pixel* above() { return above_buf.data() + 1; }
  Pixel* left() { return left_buf.data() + 1; }
  void Fill(Rng& rng, Pattern p, int bitdepth) {
    for (size_t i = 0; i < above_buf.size(); i++) above_buf[i] = rng.Pixel(p, bitdepth, i);
    for (size_t i = 0; i < left_buf.size(); i++) left_buf[i] = rng.Pixel(p, bitdepth, i + 1);
    left_buf[0] = above_buf[0];
  }
};

// Sm_Weights_Tx_NxN, transcribed again from section 10 for the test.
std::vector<int> SpecSmWeights(int n) {
  switch (n) {
    case 4: return {255, 149, 85, 64};
    case 8: return {255, 197, 146, 105, 73, 50, 37, 32};
    case 16: return {255, 225, 196, 170, 145, 123, 102, 84, 68, 54, 43, 33, 26, 20, 17, 16};
    case 32:
      return {255, 240, 225, 210, 196, 182, 169, 157, 145, 133, 122, 111, 101, 92, 83, 74,
              66,  59,  52,  45,  39,  34,  29,  25,  21,  17,  14,  12,  10,  9,  8,  8};
    default:
      return {255, 248, 240, 233, 225, 218, 210, 203, 196, 189, 182, 176, 169, 163, 156, 150,
              144, 138, 133, 127, 121, 116, 111, 106, 101, 96,  91,  86,  82,  77,  73,  69,
              65,  61,  57,  54,  50,  47,  44,  41,  38,  35,  32,  29,  27,  25,  22,  20,
              18,  16,  15,  13,  12,  10,  9,   8,   7,   6,   6,   5,   5,   4,   4,   4};
  }
}

// The expected output of a predictor kind, from the spec text.
template <typename Pixel>
std::vector<int> Expected(IntraPredKind kind, const Pixel* above, const Pixel* left, int w,
                          int h, int bitdepth) {
  std::vector<int> out(w * h);
  int log2w = 0, log2h = 0;
  while ((1 << log2w) < w) log2w++;
  while ((1 << log2h) < h) log2h++;
  int sum_above = 0, sum_left = 0;
  for (int k = 0; k < w; k++) sum_above += above[k];
  for (int k = 0; k < h; k++) sum_left += left[k];
  const int max = (1 << bitdepth) - 1;
  const std::vector<int> wx = SpecSmWeights(w), wy = SpecSmWeights(h);
  for (int i = 0; i < h; i++) {
    for (int j = 0; j < w; j++) {
      int v = 0;
      switch (kind) {
        case kIpredDc: v = (sum_above + sum_left + (w + h) / 2) / (w + h); break;
        case kIpredDcTop: v = std::min(max, (sum_above + w / 2) >> log2w); break;
        case kIpredDcLeft: v = std::min(max, (sum_left + h / 2) >> log2h); break;
        case kIpredDc128: v = 1 << (bitdepth - 1); break;
        case kIpredV: v = above[j]; break;
        case kIpredH: v = left[i]; break;
        case kIpredPaeth: {
          // The neighbour (left, top, top-left, in this order of preference)
          // closest to above + left - topleft.
          const int base = above[j] + left[i] - above[-1];
          const int cand[3] = {left[i], above[j], above[-1]};
          int best = 0;
          for (int c = 1; c < 3; c++) {
            if (std::abs(base - cand[c]) < std::abs(base - cand[best])) best = c;
          }
          v = cand[best];
          break;
        }
        case kIpredSmooth:
          v = (wy[i] * above[j] + (256 - wy[i]) * left[h - 1] + wx[j] * left[i] +
               (256 - wx[j]) * above[w - 1] + 256) >> 9;
          break;
        case kIpredSmoothV: v = (wy[i] * above[j] + (256 - wy[i]) * left[h - 1] + 128) >> 8; break;
        case kIpredSmoothH: v = (wx[j] * left[i] + (256 - wx[j]) * above[w - 1] + 128) >> 8; break;
        default: break;
      }
      out[i * w + j] = v;
    }
  }
  return out;
}

TEST(IpredBasic, AllKindsAllSizesAllDepthsMatchSpecFormulas) {
  ForEachBitDepth([]<typename Pixel>(int bitdepth) {
    const auto& table = RefTable<Pixel>();
    Rng rng(1234 + bitdepth);
    for (int tx = 0; tx < kIpredTxSizes; tx++) {
      const int w = kTxDims[tx].w, h = kTxDims[tx].h;
      for (int kind = 0; kind < kIpredKinds; kind++) {
        ASSERT_NE(table.pred[kind][tx], nullptr);
        for (Pattern p : kPatterns) {
          for (int rep = 0; rep < (p == Pattern::kRandom ? 4 : 1); rep++) {
            Edges<Pixel> e(w, h);
            e.Fill(rng, p, bitdepth);
            GuardedBlock<Pixel> b(w, h);
            table.pred[kind][tx](b.dst(), b.stride(), e.above(), e.left(), bitdepth);
            ASSERT_TRUE(BlockEquals(b, Expected(static_cast<IntraPredKind>(kind), e.above(),
                                                e.left(), w, h, bitdepth),
                                    w, h))
                << "kind " << kind << " size " << SizeName(tx) << " bitdepth " << bitdepth;
          }
        }
      }
    }
  });
}

TEST(IpredBasic, DcOfKnownEdges) {
  const auto& table = RefTable<uint8_t>();
  for (int tx = 0; tx < kIpredTxSizes; tx++) {
    const int w = kTxDims[tx].w, h = kTxDims[tx].h;
    Edges<uint8_t> e(w, h);
    for (int k = 0; k < w + h; k++) {
      e.above()[k] = 100;
      e.left()[k] = 50;
    }
    GuardedBlock<uint8_t> b(w, h);
    table.pred[kIpredDc][tx](b.dst(), b.stride(), e.above(), e.left(), 8);
    // ( 100 * w + 50 * h + ( w + h ) / 2 ) / ( w + h ), e.g. 4x4: 75, 16x4: 90.
    const int expected = (100 * w + 50 * h + (w + h) / 2) / (w + h);
    EXPECT_EQ(b.at(h - 1, w - 1), expected) << SizeName(tx);
    if (w == 16 && h == 4) {
      EXPECT_EQ(b.at(0, 0), 90);
    }
    if (w == 4 && h == 4) {
      EXPECT_EQ(b.at(0, 0), 75);
    }
    table.pred[kIpredDcTop][tx](b.dst(), b.stride(), e.above(), e.left(), 8);
    EXPECT_EQ(b.at(0, 0), 100);
    table.pred[kIpredDcLeft][tx](b.dst(), b.stride(), e.above(), e.left(), 8);
    EXPECT_EQ(b.at(0, 0), 50);
    table.pred[kIpredDc128][tx](b.dst(), b.stride(), e.above(), e.left(), 8);
    EXPECT_EQ(b.at(0, 0), 128);
    EXPECT_TRUE(b.GuardsIntact());
  }
  EXPECT_EQ(DcPredKind(true, true), kIpredDc);
  EXPECT_EQ(DcPredKind(true, false), kIpredDcTop);
  EXPECT_EQ(DcPredKind(false, true), kIpredDcLeft);
  EXPECT_EQ(DcPredKind(false, false), kIpredDc128);
}

TEST(IpredBasic, Dc128AtHighBitDepths) {
  const auto& table = RefTable<uint16_t>();
  std::vector<uint16_t> edge(129, 0);
  for (int bitdepth : {10, 12}) {
    GuardedBlock<uint16_t> b(64, 64);
    table.pred[kIpredDc128][4](b.dst(), b.stride(), edge.data() + 1, edge.data() + 1, bitdepth);
    EXPECT_EQ(b.at(63, 63), bitdepth == 10 ? 512 : 2048);
  }
}

TEST(IpredBasic, PaethHandPickedNeighbours) {
  const auto& table = RefTable<uint8_t>();
  struct Case {
    int top_left, top, left, expected;
  };
  const Case cases[] = {
      {100, 110, 90, 100},  // base 100: pLeft 10, pTop 10, pTopLeft 0 -> top-left
      {100, 120, 100, 120}, // base 120: pLeft 20, pTop 0 -> top
      {100, 100, 130, 130}, // base 130: pLeft 0 -> left
      {50, 60, 70, 70},     // base 80: pLeft 10, pTop 20, pTopLeft 30 -> left
      {50, 80, 60, 80},     // base 90: pLeft 30, pTop 10, pTopLeft 40 -> top
      {200, 100, 100, 100}, // base 0: pLeft 100 == pTop 100 -> left (ties prefer left)
      {0, 255, 255, 255},   // base 510: pLeft 255 = pTop -> left (== top here)
  };
  for (const Case& c : cases) {
    Edges<uint8_t> e(4, 4);
    for (int k = -1; k < 8; k++) {
      e.above()[k] = static_cast<uint8_t>(c.top);
      e.left()[k] = static_cast<uint8_t>(c.left);
    }
    e.above()[-1] = e.left()[-1] = static_cast<uint8_t>(c.top_left);
    GuardedBlock<uint8_t> b(4, 4);
    table.pred[kIpredPaeth][0](b.dst(), b.stride(), e.above(), e.left(), 8);
    EXPECT_EQ(b.at(2, 1), c.expected) << c.top_left << " " << c.top << " " << c.left;
  }
}

TEST(IpredBasic, SmoothWeightsAtCorners) {
  const auto& table = RefTable<uint16_t>();
  for (int tx = 0; tx < kIpredTxSizes; tx++) {
    const int w = kTxDims[tx].w, h = kTxDims[tx].h;
    // AboveRow = 1000 except its last entry 0, LeftCol = 0 except its last entry 2000.
    Edges<uint16_t> e(w, h);
    for (int k = -1; k < w + h; k++) {
      e.above()[k] = 1000;
      e.left()[k] = 0;
    }
    e.above()[w - 1] = 0;
    e.left()[h - 1] = 2000;
    // First weight 255, last weight 256 / n for every size.
    const int last_wx = 256 / w, last_wy = 256 / h;
    GuardedBlock<uint16_t> b(w, h);
    table.pred[kIpredSmoothV][tx](b.dst(), b.stride(), e.above(), e.left(), 12);
    EXPECT_EQ(b.at(0, 0), (255 * 1000 + 1 * 2000 + 128) >> 8) << SizeName(tx);
    EXPECT_EQ(b.at(h - 1, 0), (last_wy * 1000 + (256 - last_wy) * 2000 + 128) >> 8);
    table.pred[kIpredSmoothH][tx](b.dst(), b.stride(), e.above(), e.left(), 12);
    EXPECT_EQ(b.at(h - 1, 0), (255 * 2000 + 128) >> 8) << SizeName(tx);
    EXPECT_EQ(b.at(0, w - 1), 0);
    table.pred[kIpredSmooth][tx](b.dst(), b.stride(), e.above(), e.left(), 12);
    EXPECT_EQ(b.at(0, 0), (255 * 1000 + 1 * 2000 + 0 + 1 * 0 + 256) >> 9);
    EXPECT_EQ(b.at(h - 1, w - 1),
              (last_wy * 0 + (256 - last_wy) * 2000 + last_wx * 2000 + 0 + 256) >> 9);
    EXPECT_TRUE(b.GuardsIntact());
  }
}

TEST(IpredBasic, ConstantEdgesGiveConstantBlocks) {
  ForEachBitDepth([]<typename Pixel>(int bitdepth) {
    const auto& table = RefTable<Pixel>();
    const int c = (1 << bitdepth) - 1;
    for (int tx = 0; tx < kIpredTxSizes; tx++) {
      const int w = kTxDims[tx].w, h = kTxDims[tx].h;
      Edges<Pixel> e(w, h);
      for (auto& v : e.above_buf) v = static_cast<Pixel>(c);
      for (auto& v : e.left_buf) v = static_cast<Pixel>(c);
      for (int kind = 0; kind < kIpredKinds; kind++) {
        if (kind == kIpredDc128) continue;
        GuardedBlock<Pixel> b(w, h);
        table.pred[kind][tx](b.dst(), b.stride(), e.above(), e.left(), bitdepth);
        EXPECT_TRUE(BlockEquals(b, std::vector<int>(w * h, c), w, h)) << kind;
      }
    }
  });
}

TEST(IpredPalette, LooksUpEveryMapEntry) {
  ForEachBitDepth([]<typename Pixel>(int bitdepth) {
    const auto& table = RefTable<Pixel>();
    Rng rng(99);
    for (int tx = 0; tx < kIpredTxSizes; tx++) {
      const int w = kTxDims[tx].w, h = kTxDims[tx].h;
      const int map_stride = w + 5;
      for (int n = 2; n <= 8; n++) {
        uint16_t palette[8] = {};
        for (int k = 0; k < n; k++) palette[k] = static_cast<uint16_t>(rng.Uniform(0, (1 << bitdepth) - 1));
        palette[n - 1] = static_cast<uint16_t>((1 << bitdepth) - 1);
        std::vector<uint8_t> map(map_stride * h, 0xEE);
        std::vector<int> expected(w * h);
        for (int i = 0; i < h; i++) {
          for (int j = 0; j < w; j++) {
            const int idx = rng.Uniform(0, n - 1);
            map[i * map_stride + j] = static_cast<uint8_t>(idx);
            expected[i * w + j] = palette[idx];
          }
        }
        GuardedBlock<Pixel> b(w, h);
        ASSERT_NE(table.palette[tx], nullptr);
        table.palette[tx](b.dst(), b.stride(), palette, map.data(), map_stride);
        ASSERT_TRUE(BlockEquals(b, expected, w, h)) << SizeName(tx) << " n=" << n;
      }
    }
  });
}

}  // namespace
}  // namespace hav1::ipred_test
