// Loop restoration (7.17): Wiener with known kernels, self guided on flat
// areas, and the whole per-plane process (units, stripes, get_source_sample
// reading deblocked rows outside the stripe) against a spec-literal oracle
// that runs the spec's 4x4 block loop here.
#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

#include "gtest/gtest.h"
#include "src/common/intops.h"
#include "src/dsp/looprestoration.h"
#include "src/postfilter/inloop_filter.h"

namespace hav1 {
namespace {

template <typename Pixel>
const LoopRestorationTable<Pixel>& TableFor(const LoopRestorationTables& t) {
  if constexpr (sizeof(Pixel) == 1) {
    return t.lowbd;
  } else {
    return t.highbd;
  }
}

// ---- spec-literal oracle over whole planes -----------------------------------------
struct Oracle {
  int bd, sub_y, plane_end_x, plane_end_y;
  const std::vector<int>* cur;   // UpscaledCurrFrame (deblocked)
  const std::vector<int>* cdef;  // UpscaledCdefFrame
  int w;                         // row length of both
  int stripe_start = 0, stripe_end = 0;
  // 7.17.6 get source sample process.
  int Get(int x, int y) const {
    x = std::max(0, std::min(plane_end_x, x));
    y = std::max(0, std::min(plane_end_y, y));
    if (y < stripe_start) {
      y = std::max(stripe_start - 2, y);
      return (*cur)[y * w + x];
    }
    if (y > stripe_end) {
      y = std::min(stripe_end + 2, y);
      return (*cur)[y * w + x];
    }
    return (*cdef)[y * w + x];
  }
  // 7.17.4
  void Wiener(std::vector<int>& out, const tile::LrUnit& u, int x, int y, int bw, int bh) const {
    int vf[7], hf[7];
    for (int pass = 0; pass < 2; pass++) {
      int* f = pass == 0 ? vf : hf;
      f[3] = 128;
      for (int i = 0; i < 3; i++) {
        f[i] = f[6 - i] = u.wiener[pass][i];
        f[3] -= 2 * u.wiener[pass][i];
      }
    }
    const int r0 = bd == 12 ? 5 : 3, r1 = bd == 12 ? 9 : 11;
    const int offset = 1 << (bd + 7 - r0 - 1), limit = (1 << (bd + 1 + 7 - r0)) - 1;
    std::vector<int> inter((bh + 6) * bw);
    for (int r = 0; r < bh + 6; r++)
      for (int c = 0; c < bw; c++) {
        int s = 0;
        for (int t = 0; t < 7; t++) s += hf[t] * Get(x + c + t - 3, y + r - 3);
        inter[r * bw + c] = Clip3(-offset, limit - offset, Round2(s, r0));
      }
    for (int r = 0; r < bh; r++)
      for (int c = 0; c < bw; c++) {
        int s = 0;
        for (int t = 0; t < 7; t++) s += vf[t] * inter[(r + t) * bw + c];
        out[(y + r) * w + x + c] = Clip1(Round2(s, r1), bd);
      }
  }
  // 7.17.3
  std::vector<int64_t> Box(int x, int y, int bw, int bh, int set, int pass) const {
    const int r = kSgrParams[set][pass * 2];
    std::vector<int64_t> f(bw * bh);
    if (r == 0) return f;
    const int eps = kSgrParams[set][pass * 2 + 1];
    const int n = (2 * r + 1) * (2 * r + 1), n2e = n * n * eps;
    const int s = ((1 << 20) + n2e / 2) / n2e;
    const int aw = bw + 2;
    std::vector<int64_t> A((bh + 2) * aw), B((bh + 2) * aw);
    for (int i = -1; i < bh + 1; i++)
      for (int j = -1; j < bw + 1; j++) {
        int64_t a = 0, b = 0;
        for (int dy = -r; dy <= r; dy++)
          for (int dx = -r; dx <= r; dx++) {
            const int c = Get(x + j + dx, y + i + dy);
            a += c * c;
            b += c;
          }
        a = Round2(a, 2 * (bd - 8));
        const int64_t d = Round2(b, bd - 8);
        const int64_t p = std::max<int64_t>(0, a * n - d * d);
        const int64_t z = Round2(p * s, 20);
        const int64_t a2 = z >= 255 ? 256 : z == 0 ? 1 : ((z << 8) + z / 2) / (z + 1);
        const int64_t one_over_n = ((1 << 12) + n / 2) / n;
        A[(i + 1) * aw + j + 1] = a2;
        B[(i + 1) * aw + j + 1] = Round2((256 - a2) * b * one_over_n, 12);
      }
    for (int i = 0; i < bh; i++) {
      const int shift = (pass == 0 && (i & 1)) ? 4 : 5;
      for (int j = 0; j < bw; j++) {
        int64_t a = 0, b = 0;
        for (int dy = -1; dy <= 1; dy++)
          for (int dx = -1; dx <= 1; dx++) {
            const int wt = pass == 0 ? (((i + dy) & 1) ? (dx == 0 ? 6 : 5) : 0)
                                     : ((dx == 0 || dy == 0) ? 4 : 3);
            a += wt * A[(i + dy + 1) * aw + j + dx + 1];
            b += wt * B[(i + dy + 1) * aw + j + dx + 1];
          }
        f[i * bw + j] = Round2(a * (*cdef)[(y + i) * w + x + j] + b, 8 + shift - 4);
      }
    }
    return f;
  }
  // 7.17.2
  void Sgr(std::vector<int>& out, const tile::LrUnit& u, int x, int y, int bw, int bh) const {
    const auto f0 = Box(x, y, bw, bh, u.sgr_set, 0), f1 = Box(x, y, bw, bh, u.sgr_set, 1);
    const int w0 = u.sgr_xqd[0], w1 = u.sgr_xqd[1], w2 = 128 - w0 - w1;
    for (int i = 0; i < bh; i++)
      for (int j = 0; j < bw; j++) {
        const int64_t uu = int64_t{(*cdef)[(y + i) * w + x + j]} << 4;
        int64_t v = w1 * uu;
        v += kSgrParams[u.sgr_set][0] ? w0 * f0[i * bw + j] : w0 * uu;
        v += kSgrParams[u.sgr_set][2] ? w2 * f1[i * bw + j] : w2 * uu;
        out[(y + i) * w + x + j] = Clip1(static_cast<int>(Round2(v, 11)), bd);
      }
  }
};

int CountUnits(int unit_size, int frame_size) {
  return std::max((frame_size + (unit_size >> 1)) / unit_size, 1);
}

template <typename Pixel>
void RunPlane(int bd, int sub_x, int sub_y, int width, int height, int unit_size,
              bool flat, uint32_t seed) {
  std::mt19937 rng(seed);
  FrameHeader fh;
  fh.FrameWidth = fh.UpscaledWidth = width;
  fh.FrameHeight = height;
  fh.MiCols = 2 * ((width + 7) >> 3);
  fh.MiRows = 2 * ((height + 7) >> 3);
  const int plane = sub_x ? 1 : 0;
  fh.lr_params.LoopRestorationSize[plane] = unit_size;
  const int pw = Round2(width, sub_x), ph = Round2(height, sub_y);
  const int unit_rows = CountUnits(unit_size, ph), unit_cols = CountUnits(unit_size, pw);
  tile::FrameBlockInfo blocks;
  int lr_rows[3] = {1, 1, 1}, lr_cols[3] = {1, 1, 1};
  lr_rows[plane] = unit_rows;
  lr_cols[plane] = unit_cols;
  blocks.Reset(fh.MiRows, fh.MiCols, false, 3, lr_rows, lr_cols);
  for (int r = 0; r < unit_rows; r++)
    for (int c = 0; c < unit_cols; c++) {
      tile::LrUnit& u = blocks.lr(plane, r, c);
      u.type = static_cast<uint8_t>((r + c) % 4 == 3 ? 0 : 1 + rng() % 2);  // NONE sometimes
      // Spec ranges: Wiener_Taps_Min/Max = {-5, -23, -17} .. {10, 8, 46}.
      const int lo[3] = {-5, -23, -17}, hi[3] = {10, 8, 46};
      for (int p = 0; p < 2; p++)
        for (int i = 0; i < 3; i++)
          u.wiener[p][i] = static_cast<int8_t>(
              (plane && i == 0) ? 0 : lo[i] + static_cast<int>(rng() % (hi[i] - lo[i] + 1)));
      u.sgr_set = static_cast<uint8_t>(rng() % 16);
      u.sgr_xqd[0] = static_cast<int16_t>(kSgrParams[u.sgr_set][0] ? -96 + static_cast<int>(rng() % 128) : 0);
      u.sgr_xqd[1] = static_cast<int16_t>(kSgrParams[u.sgr_set][2] ? -32 + static_cast<int>(rng() % 128) : 0);
      if (!kSgrParams[u.sgr_set][2]) u.sgr_xqd[1] = static_cast<int16_t>(128 - u.sgr_xqd[0]);
    }
  // Deblocked frame (cur) and CDEF output (cdef) differ everywhere.
  const int maxv = (1 << bd) - 1;
  std::vector<int> cur(pw * ph), cdef(pw * ph);
  const int c0 = static_cast<int>(rng() % (maxv + 1));
  // Smooth content with mild noise (very noisy content makes SGR an identity);
  // every 7th row is extreme so clipping is exercised too.
  const int sh = bd - 8;
  for (int y = 0; y < ph; y++) {
    for (int x = 0; x < pw; x++) {
      const int i = y * pw + x;
      const int base = ((x * 3 + y * 2) & 255) << sh;
      const int noise = (static_cast<int>(rng() % 17) - 8) << sh;
      cur[i] = flat ? c0 : Clip3(0, maxv, (y % 7 == 6) ? (x & 1) * maxv : base + noise);
      cdef[i] = flat ? c0 : Clip3(0, maxv, cur[i] + ((static_cast<int>(rng() % 9) - 4) << sh));
    }
  }
  std::vector<int> want = cdef;
  Oracle o{bd, sub_y, pw - 1, ph - 1, &cur, &cdef, pw};
  for (int y = 0; y < height; y += 4) {
    for (int x = 0; x < width; x += 4) {
      const int row = y >> 2, col = x >> 2;
      const int stripe = (row * 4 + 8) / 64;
      o.stripe_start = (-8 + stripe * 64) >> sub_y;
      o.stripe_end = o.stripe_start + (64 >> sub_y) - 1;
      const int ur = std::min(unit_rows - 1, ((row * 4 + 8) >> sub_y) / unit_size);
      const int uc = std::min(unit_cols - 1, ((col * 4) >> sub_x) / unit_size);
      const int px = (col * 4) >> sub_x, py = (row * 4) >> sub_y;
      const int bw = std::min(4 >> sub_x, pw - 1 - px + 1), bh = std::min(4 >> sub_y, ph - 1 - py + 1);
      const tile::LrUnit& u = blocks.lr(plane, ur, uc);
      if (u.type == 1) o.Wiener(want, u, px, py, bw, bh);
      if (u.type == 2) o.Sgr(want, u, px, py, bw, bh);
    }
  }
  if (!flat) {
    int changed = 0;
    for (int i = 0; i < pw * ph; i++) changed += want[i] != cdef[i];
    ASSERT_GT(changed, pw * ph / 10) << "oracle filtered almost nothing";
  }
  // hav1: plane with guard band, boundaries saved from "cur", plane holds cdef.
  const int stride = pw + 16;
  std::vector<Pixel> store(static_cast<size_t>(stride) * (ph + 16), 3);
  postfilter::PlaneView<Pixel> pv{store.data() + 8 * stride + 8, stride, pw, ph};
  for (int y = 0; y < ph; y++)
    for (int x = 0; x < pw; x++) pv.row(y)[x] = static_cast<Pixel>(cur[y * pw + x]);
  postfilter::StripeBoundaryRows<Pixel> b;
  postfilter::SaveStripeBoundaries(pv, ph, sub_y, pw, pw, &b);
  for (int y = 0; y < ph; y++)
    for (int x = 0; x < pw; x++) pv.row(y)[x] = static_cast<Pixel>(cdef[y * pw + x]);
  LoopRestorationTables t;
  FillLoopRestorationTablesRef(&t);
  if (seed % 2 == 0) {
    ASSERT_TRUE(postfilter::LoopRestorePlane(pv, plane, fh, sub_x, sub_y, b, blocks,
                                             TableFor<Pixel>(t), bd)
                    .ok());
  } else {
    // As threads would: one stripe per call, in a shuffled order.
    std::vector<int> stripes;
    for (int k = 0; k < postfilter::LoopRestorationStripeCount(fh, sub_y); k++) stripes.push_back(k);
    ASSERT_GT(stripes.size(), 0u);
    std::shuffle(stripes.begin(), stripes.end(), rng);
    for (int k : stripes) {
      ASSERT_TRUE(postfilter::LoopRestoreStripes(pv, plane, fh, sub_x, sub_y, b, blocks,
                                                 TableFor<Pixel>(t), bd, k, k + 1)
                      .ok());
    }
  }
  for (int y = -8; y < ph + 8; y++)
    for (int x = -8; x < pw + 8; x++) {
      const bool in = y >= 0 && y < ph && x >= 0 && x < pw;
      ASSERT_EQ(in ? want[y * pw + x] : 3, pv.row(y)[x])
          << "x " << x << " y " << y << " bd " << bd << " sub " << sub_x << sub_y << " unit "
          << unit_size << " seed " << seed;
    }
}

TEST(LoopRestoration, WienerIdentityKernel) {
  LoopRestorationTables t;
  FillLoopRestorationTablesRef(&t);
  const int8_t zero[3] = {0, 0, 0};
  int16_t f[7];
  WienerCoefficients(zero, f);
  EXPECT_EQ(f[3], 128);
  constexpr int kS = 70;
  std::vector<uint16_t> src(kS * kS), dst(kS * kS, 0);
  std::mt19937 rng(5);
  for (auto& v : src) v = static_cast<uint16_t>(rng() % 4096);
  t.highbd.wiener(dst.data(), kS, src.data() + 3 * kS + 3, kS, 64, 64, f, f, 12);
  for (int i = 0; i < 64; i++)
    for (int j = 0; j < 64; j++) ASSERT_EQ(dst[i * kS + j], src[(i + 3) * kS + j + 3]);
}

TEST(LoopRestoration, WienerCoefficientsSymmetric) {
  const int8_t c[3] = {3, -7, 15};
  int16_t f[7];
  WienerCoefficients(c, f);
  const int16_t want[7] = {3, -7, 15, 128 - 2 * (3 - 7 + 15), 15, -7, 3};
  for (int i = 0; i < 7; i++) EXPECT_EQ(f[i], want[i]);
}

TEST(LoopRestoration, FlatAreas) {
  RunPlane<uint8_t>(8, 0, 0, 80, 90, 64, true, 1);
  RunPlane<uint16_t>(10, 1, 1, 150, 130, 32, true, 2);
  RunPlane<uint16_t>(12, 0, 0, 70, 70, 64, true, 3);
}

TEST(LoopRestoration, PlaneMatchesSpecOracleLowbd) {
  RunPlane<uint8_t>(8, 0, 0, 200, 180, 64, false, 10);
  RunPlane<uint8_t>(8, 1, 1, 210, 250, 32, false, 11);
  RunPlane<uint8_t>(8, 0, 0, 130, 300, 128, false, 12);
  RunPlane<uint8_t>(8, 1, 0, 99, 141, 64, false, 13);
  RunPlane<uint8_t>(8, 0, 0, 37, 21, 256, false, 14);
}
TEST(LoopRestoration, PlaneMatchesSpecOracleHighbd) {
  RunPlane<uint16_t>(10, 0, 0, 150, 140, 64, false, 20);
  RunPlane<uint16_t>(12, 1, 1, 190, 170, 32, false, 21);
  RunPlane<uint16_t>(12, 0, 0, 100, 200, 64, false, 22);
}

}  // namespace
}  // namespace hav1
