// Superres upscaling (7.16): filter table sanity, constant rows, and the
// driver + kernel against the spec's loop written out here.
#include <cstdint>
#include <random>
#include <vector>

#include "gtest/gtest.h"
#include "src/common/intops.h"
#include "src/dsp/superres.h"
#include "src/postfilter/inloop_filter.h"

namespace hav1 {
namespace {

TEST(Superres, FilterRowsHaveUnitGain) {
  for (int i = 0; i < 64; i++) {
    int sum = 0;
    for (int k = 0; k < 8; k++) sum += kUpscaleFilter[i][k];
    EXPECT_EQ(sum, 128) << "phase " << i;
  }
}

// The spec's 7.16 loop for one plane (frame = input rows of miW * 4 samples).
std::vector<int> SpecUpscale(const std::vector<int>& in, int in_stride, int rows,
                             int frame_w, int upscaled_w, int mi_cols, int sub_x, int bd) {
  const int down = Round2(frame_w, sub_x), up = Round2(upscaled_w, sub_x);
  const int step = ((down << 14) + (up / 2)) / up;
  const int err = (up * step) - (down << 14);
  int init = (-((up - down) << (14 - 1)) + up / 2) / up + (1 << (8 - 1)) - err / 2;
  init &= (1 << 14) - 1;
  const int max_x = (mi_cols >> sub_x) * 4 - 1;
  std::vector<int> out(static_cast<size_t>(rows) * up);
  for (int y = 0; y < rows; y++) {
    for (int x = 0; x < up; x++) {
      const int src_x = -(1 << 14) + init + x * step;
      const int px = src_x >> 14;
      const int sub = (src_x & ((1 << 14) - 1)) >> 8;
      int sum = 0;
      for (int k = 0; k < 8; k++) {
        const int sx = Clip3(0, max_x, px + (k - 3));
        sum += in[y * in_stride + sx] * kUpscaleFilter[sub][k];
      }
      out[y * up + x] = Clip1(Round2(sum, 7), bd);
    }
  }
  return out;
}

template <typename Pixel>
void RunPlane(int bd, int frame_w, int denom, int sub_x, bool constant, uint32_t seed) {
  std::mt19937 rng(seed);
  FrameHeader fh;
  fh.use_superres = 1;
  fh.SuperresDenom = denom;
  fh.UpscaledWidth = frame_w;
  fh.FrameWidth = (frame_w * 8 + denom / 2) / denom;
  fh.MiCols = 2 * ((fh.FrameWidth + 7) >> 3);
  const int rows = 5;
  const int in_w = (fh.MiCols >> sub_x) * 4;
  const int up = Round2(fh.UpscaledWidth, sub_x);
  const int alloc_w = std::max(in_w, up) + 16;  // guard columns on the right
  std::vector<Pixel> buf(static_cast<size_t>(alloc_w) * rows);
  std::vector<int> in(static_cast<size_t>(in_w) * rows);
  const int maxv = (1 << bd) - 1;
  const int c = static_cast<int>(rng() % (maxv + 1));
  for (int i = 0; i < in_w * rows; i++) in[i] = constant ? c : static_cast<int>(rng() % (maxv + 1));
  for (int y = 0; y < rows; y++)
    for (int x = 0; x < alloc_w; x++)
      buf[y * alloc_w + x] = static_cast<Pixel>(x < in_w ? in[y * in_w + x] : 7);
  const std::vector<int> want = SpecUpscale(in, in_w, rows, fh.FrameWidth, fh.UpscaledWidth,
                                            fh.MiCols, sub_x, bd);
  SuperresTables t;
  FillSuperresTablesRef(&t);
  postfilter::PlaneView<Pixel> pv{buf.data(), alloc_w, alloc_w - 16, rows};
  SuperresRowFn<Pixel> fn;
  if constexpr (sizeof(Pixel) == 1) fn = t.lowbd; else fn = t.highbd;
  postfilter::SuperresPlane(pv, rows, postfilter::ComputeSuperresParams(fh, sub_x), fn, bd);
  for (int y = 0; y < rows; y++) {
    for (int x = 0; x < up; x++) {
      ASSERT_EQ(want[y * up + x], buf[y * alloc_w + x]) << "x " << x << " y " << y;
      if (constant) {
        ASSERT_EQ(c, buf[y * alloc_w + x]);
      }
    }
    for (int x = alloc_w - 16; x < alloc_w; x++) ASSERT_EQ(7, buf[y * alloc_w + x]) << "guard";
  }
}

TEST(Superres, ConstantRowsStayConstant) {
  RunPlane<uint8_t>(8, 200, 16, 0, true, 1);
  RunPlane<uint16_t>(10, 333, 11, 1, true, 2);
  RunPlane<uint16_t>(12, 1000, 9, 0, true, 3);
}

TEST(Superres, MatchesSpecLoop) {
  uint32_t seed = 10;
  for (int denom = 9; denom <= 16; denom++) {
    for (int w : {16, 97, 256, 641}) {
      RunPlane<uint8_t>(8, w, denom, 0, false, seed++);
      RunPlane<uint8_t>(8, w, denom, 1, false, seed++);
      RunPlane<uint16_t>(10, w, denom, 1, false, seed++);
      RunPlane<uint16_t>(12, w, denom, 0, false, seed++);
    }
  }
}

}  // namespace
}  // namespace hav1
