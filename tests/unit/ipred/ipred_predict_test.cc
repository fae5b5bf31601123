// PredictIntra (the whole 7.11.2 for one transform block, in a frame) against
// the spec-literal oracle for directional modes, and against the individual
// kernels on oracle-built edges for the mode dispatch of the other modes.
#include <vector>

#include "gtest/gtest.h"
#include "src/dsp/ipred.h"
#include "src/dsp/ipred_predict.h"
#include "tests/unit/ipred/ipred_spec_oracle.h"
#include "tests/unit/ipred/ipred_test_util.h"

namespace hav1::ipred_test {
namespace {

const int kModeToAngleSpec[13] = {0, 90, 180, 45, 135, 113, 157, 203, 67, 0, 0, 0, 0};

template <typename Pixel>
void RunCase(Rng& rng, int tx, int mode, bool filter_intra, int bitdepth) {
  const int w = kTxDims[tx].w, h = kTxDims[tx].h;
  SpecIntra spec;
  spec.w = w;
  spec.h = h;
  spec.bitDepth = bitdepth;
  spec.x = 4;
  spec.y = 3;
  spec.haveAbove = rng.Uniform(0, 1);
  spec.haveLeft = rng.Uniform(0, 1);
  spec.haveAboveRight = rng.Uniform(0, 1);
  spec.haveBelowLeft = rng.Uniform(0, 1);
  spec.enable_intra_edge_filter = rng.Uniform(0, 1);
  spec.filterType = rng.Uniform(0, 1);
  const int px_right = rng.Uniform(1, 2 * w + 4), px_below = rng.Uniform(1, 2 * h + 4);
  spec.maxX = spec.x + px_right - 1;
  spec.maxY = spec.y + px_below - 1;
  const int angle_delta = rng.Uniform(-3, 3);
  const int filter_mode = rng.Uniform(0, 4);

  SpecPlane plane;
  plane.width = spec.x + 2 * w + 8;
  plane.height = spec.y + 2 * h + 8;
  plane.px.resize(plane.width * plane.height);
  std::vector<Pixel> frame(plane.px.size());
  for (size_t k = 0; k < frame.size(); k++) {
    plane.px[k] = rng.Pixel(Pattern::kRandom, bitdepth, 0);
    frame[k] = static_cast<Pixel>(plane.px[k]);
  }
  spec.BuildEdges(plane);

  // Expected prediction.
  const auto& t = RefTable<Pixel>();
  std::vector<int> expected;
  const bool use_filter = filter_intra && w <= 32 && h <= 32;
  const bool directional = mode >= 1 && mode <= 8;
  if (directional && !use_filter) {
    expected = spec.Directional(kModeToAngleSpec[mode] + angle_delta * 3);
  } else {
    std::vector<Pixel> a(w + h + 1), l(w + h + 1);
    for (int i = -1; i < w + h; i++) {
      a[i + 1] = static_cast<Pixel>(spec.AboveRow(i));
      l[i + 1] = static_cast<Pixel>(spec.LeftCol(i));
    }
    GuardedBlock<Pixel> b(w, h);
    if (use_filter) {
      t.filter_intra[tx](b.dst(), b.stride(), a.data() + 1, l.data() + 1, filter_mode, bitdepth);
    } else {
      IntraPredKind kind = kIpredPaeth;
      if (mode == 0) kind = DcPredKind(spec.haveAbove, spec.haveLeft);
      if (mode == 9) kind = kIpredSmooth;
      if (mode == 10) kind = kIpredSmoothV;
      if (mode == 11) kind = kIpredSmoothH;
      t.pred[kind][tx](b.dst(), b.stride(), a.data() + 1, l.data() + 1, bitdepth);
    }
    for (int i = 0; i < h; i++)
      for (int j = 0; j < w; j++) expected.push_back(b.at(i, j));
  }

  IntraEdgeGeometry g;
  g.have_above = spec.haveAbove;
  g.have_left = spec.haveLeft;
  g.have_above_right = spec.haveAboveRight;
  g.have_below_left = spec.haveBelowLeft;
  g.frame_px_right = px_right;
  g.frame_px_below = px_below;
  IntraPredParams p;
  p.tx_size = tx;
  p.mode = mode;
  p.angle_delta = angle_delta;
  p.use_filter_intra = filter_intra;
  p.filter_intra_mode = filter_mode;
  p.filter_type = spec.filterType;
  p.enable_intra_edge_filter = spec.enable_intra_edge_filter;
  const std::vector<Pixel> before = frame;
  PredictIntra(t, frame.data() + spec.y * plane.width + spec.x, plane.width, g, p, bitdepth);
  for (int r = 0; r < plane.height; r++) {
    for (int c = 0; c < plane.width; c++) {
      const int i = r - spec.y, j = c - spec.x;
      const bool inside = i >= 0 && i < h && j >= 0 && j < w;
      const int want = inside ? expected[i * w + j] : before[r * plane.width + c];
      ASSERT_EQ(frame[r * plane.width + c], want)
          << (inside ? "inside" : "OUTSIDE") << " the block at row " << i << " col " << j
          << "; size " << SizeName(tx) << " mode " << mode << " filter_intra " << filter_intra
          << " angle_delta " << angle_delta << " bitdepth " << bitdepth;
    }
  }
}

TEST(IpredPredictIntra, AllModesSizesDepths) {
  ForEachBitDepth([]<typename Pixel>(int bitdepth) {
    Rng rng(2024 + bitdepth);
    for (int tx = 0; tx < kIpredTxSizes; tx++) {
      for (int mode = 0; mode <= 12; mode++) {
        for (int rep = 0; rep < 3; rep++) {
          RunCase<Pixel>(rng, tx, mode, false, bitdepth);
          if (::testing::Test::HasFatalFailure()) return;
        }
      }
      RunCase<Pixel>(rng, tx, 0, true, bitdepth);
      if (::testing::Test::HasFatalFailure()) return;
    }
  });
}

}  // namespace
}  // namespace hav1::ipred_test
