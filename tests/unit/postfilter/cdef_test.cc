// CDEF: direction search on synthetic blocks of known orientation, and the
// whole 7.15 process (driver + kernels) against a spec-literal oracle written
// here (cdef_get_at with is_inside_filter_region, CdefFrame from CurrFrame).
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <random>
#include <vector>

#include "gtest/gtest.h"
#include "src/common/intops.h"
#include "src/dsp/cdef.h"
#include "src/postfilter/inloop_filter.h"

namespace hav1 {
namespace {

template <typename F>
int DirOf(F f, int* var, int bd = 8) {
  CdefTables t;
  FillCdefTablesRef(&t);
  if (bd == 8) {
    uint8_t b[8 * 8];
    for (int i = 0; i < 8; i++)
      for (int j = 0; j < 8; j++) b[i * 8 + j] = static_cast<uint8_t>(f(i, j));
    return t.lowbd.dir(b, 8, 8, var);
  }
  uint16_t b[8 * 8];
  for (int i = 0; i < 8; i++)
    for (int j = 0; j < 8; j++) b[i * 8 + j] = static_cast<uint16_t>(f(i, j) << (bd - 8));
  return t.highbd.dir(b, 8, bd, var);
}

TEST(CdefDirection, KnownOrientations) {
  int var = 0;
  // Horizontal stripes (each row constant): direction 2.
  EXPECT_EQ(DirOf([](int i, int) { return (i & 1) ? 200 : 40; }, &var), 2);
  EXPECT_GT(var, 0);
  // Vertical stripes: direction 6.
  EXPECT_EQ(DirOf([](int, int j) { return (j & 1) ? 200 : 40; }, &var), 6);
  // Constant along i + j (45 degree lines): direction 0.
  EXPECT_EQ(DirOf([](int i, int j) { return ((i + j) % 3 == 0) ? 220 : 30; }, &var), 0);
  // Constant along i - j (135 degrees): direction 4.
  EXPECT_EQ(DirOf([](int i, int j) { return ((i - j + 9) % 3 == 0) ? 220 : 30; }, &var), 4);
  // Same at 10 and 12 bits.
  EXPECT_EQ(DirOf([](int i, int) { return (i & 1) ? 200 : 40; }, &var, 10), 2);
  EXPECT_EQ(DirOf([](int, int j) { return (j & 1) ? 255 : 0; }, &var, 12), 6);
  // Flat block: all costs 0 -> direction 0, variance 0.
  EXPECT_EQ(DirOf([](int, int) { return 77; }, &var), 0);
  EXPECT_EQ(var, 0);
}

// ---- spec-literal 7.15 oracle ------------------------------------------------------
struct Frame {
  int w[3], h[3];
  std::vector<int> px[3];
  int& at(int p, int y, int x) { return px[p][y * w[p] + x]; }
};

constexpr int kDirs[8][2][2] = {{{-1, 1}, {-2, 2}}, {{0, 1}, {-1, 2}}, {{0, 1}, {0, 2}},
                                {{0, 1}, {1, 2}},   {{1, 1}, {2, 2}},  {{1, 0}, {2, 1}},
                                {{1, 0}, {2, 0}},   {{1, 0}, {2, -1}}};

int Constrain(int diff, int threshold, int damping) {
  if (!threshold) return 0;
  const int adj = std::max(0, damping - FloorLog2(threshold));
  const int m = Clip3(0, std::abs(diff), threshold - (std::abs(diff) >> adj));
  return diff < 0 ? -m : m;
}

void OracleFilter(Frame& cur, Frame& out, int plane, int r, int c, int pri, int sec, int damping,
                  int dir, int sx, int sy, int mi_rows, int mi_cols, int bd) {
  const int x0 = (c * 4) >> sx, y0 = (r * 4) >> sy, w = 8 >> sx, h = 8 >> sy;
  const int cs = bd - 8;
  const int pri_taps[2][2] = {{4, 2}, {3, 3}}, sec_taps[2][2] = {{2, 1}, {2, 1}};
  for (int i = 0; i < h; i++) {
    for (int j = 0; j < w; j++) {
      int sum = 0, x = cur.at(plane, y0 + i, x0 + j), mx = x, mn = x;
      for (int k = 0; k < 2; k++) {
        for (int sign = -1; sign <= 1; sign += 2) {
          auto get = [&](int d, bool* avail) {
            const int y = y0 + i + sign * kDirs[d][k][0];
            const int xx = x0 + j + sign * kDirs[d][k][1];
            const int cr = (y << sy) >> 2, cc = (xx << sx) >> 2;
            *avail = cr >= 0 && cr < mi_rows && cc >= 0 && cc < mi_cols;
            return *avail ? cur.at(plane, y, xx) : 0;
          };
          bool av;
          int p = get(dir, &av);
          if (av) {
            sum += pri_taps[(pri >> cs) & 1][k] * Constrain(p - x, pri, damping);
            mx = std::max(p, mx);
            mn = std::min(p, mn);
          }
          for (int off = -2; off <= 2; off += 4) {
            int s = get((dir + off) & 7, &av);
            if (av) {
              sum += sec_taps[(pri >> cs) & 1][k] * Constrain(s - x, sec, damping);
              mx = std::max(s, mx);
              mn = std::min(s, mn);
            }
          }
        }
      }
      out.at(plane, y0 + i, x0 + j) = Clip3(mn, mx, x + ((8 + sum - (sum < 0)) >> 4));
    }
  }
}

template <typename Pixel>
const CdefTable<Pixel>& TableFor(const CdefTables& t) {
  if constexpr (sizeof(Pixel) == 1) {
    return t.lowbd;
  } else {
    return t.highbd;
  }
}

template <typename Pixel>
void RunFrame(int bd, int sx, int sy, uint32_t seed) {
  std::mt19937 rng(seed);
  const int mi_rows = 2 * (2 + static_cast<int>(rng() % 20));  // up to 84 rows of 4x4
  const int mi_cols = 2 * (2 + static_cast<int>(rng() % 20));
  SequenceHeader seq;
  seq.color_config.BitDepth = bd;
  seq.color_config.NumPlanes = 3;
  seq.color_config.subsampling_x = sx;
  seq.color_config.subsampling_y = sy;
  seq.enable_cdef = 1;
  FrameHeader fh;
  fh.MiRows = mi_rows;
  fh.MiCols = mi_cols;
  fh.FrameWidth = mi_cols * 4;
  fh.FrameHeight = mi_rows * 4;
  fh.UpscaledWidth = fh.FrameWidth;
  CdefParams& cp = fh.cdef_params;
  cp.cdef_bits = 3;
  cp.cdef_damping_minus_3 = static_cast<int>(rng() % 4);
  cp.CdefDamping = cp.cdef_damping_minus_3 + 3;
  for (int i = 0; i < 8; i++) {
    cp.cdef_y_pri_strength[i] = static_cast<int>(rng() % 16);
    cp.cdef_y_sec_strength[i] = static_cast<int>(rng() % 4);
    if (cp.cdef_y_sec_strength[i] == 3) cp.cdef_y_sec_strength[i] = 4;
    cp.cdef_uv_pri_strength[i] = static_cast<int>(rng() % 16);
    cp.cdef_uv_sec_strength[i] = static_cast<int>(rng() % 4);
    if (cp.cdef_uv_sec_strength[i] == 3) cp.cdef_uv_sec_strength[i] = 4;
  }
  tile::FrameBlockInfo blocks;
  const int lr1[3] = {1, 1, 1};
  blocks.Reset(mi_rows, mi_cols, false, 3, lr1, lr1);
  for (int r = 0; r < mi_rows; r++)
    for (int c = 0; c < mi_cols; c++) blocks.at(r, c).skip = (rng() % 3) != 0;
  for (int r = 0; r < blocks.cdef_rows(); r++)
    for (int c = 0; c < blocks.cdef_cols(); c++)
      blocks.cdef_idx(r, c) = static_cast<int8_t>(static_cast<int>(rng() % 9) - 1);

  Frame cur;
  std::vector<Pixel> store[3];
  postfilter::PlaneView<Pixel> pv[3];
  // Smooth-ish content with noise so that directions and strengths vary.
  for (int p = 0; p < 3; p++) {
    const int px = p ? sx : 0, py = p ? sy : 0;
    cur.w[p] = (mi_cols * 4) >> px;
    cur.h[p] = (mi_rows * 4) >> py;
    cur.px[p].resize(cur.w[p] * cur.h[p]);
    const int a = static_cast<int>(rng() % 7) - 3, b = static_cast<int>(rng() % 7) - 3;
    for (int y = 0; y < cur.h[p]; y++)
      for (int x = 0; x < cur.w[p]; x++)
        cur.at(p, y, x) = Clip3(0, (1 << bd) - 1,
                                ((128 + a * x + b * y + static_cast<int>(rng() % 24)) & 255)
                                    << (bd - 8));
    // Plane buffer with a guard band of 8 around it.
    const int stride = cur.w[p] + 16;
    store[p].assign(static_cast<size_t>(stride) * (cur.h[p] + 16), 0x5A);
    pv[p] = {store[p].data() + 8 * stride + 8, stride, cur.w[p], cur.h[p]};
    for (int y = 0; y < cur.h[p]; y++)
      for (int x = 0; x < cur.w[p]; x++) pv[p].row(y)[x] = static_cast<Pixel>(cur.at(p, y, x));
  }
  Frame out = cur;
  // Oracle: 7.15 / 7.15.1 / 7.15.2 (direction via the kernel, tested above).
  CdefTables tables;
  FillCdefTablesRef(&tables);
  const int cs = bd - 8;
  for (int r = 0; r < mi_rows; r += 2) {
    for (int c = 0; c < mi_cols; c += 2) {
      const int idx = blocks.cdef_idx(r >> 4, c >> 4);
      if (idx == -1) continue;
      if (blocks.at(r, c).skip && blocks.at(r + 1, c).skip && blocks.at(r, c + 1).skip &&
          blocks.at(r + 1, c + 1).skip)
        continue;
      std::vector<Pixel> blk(64);
      for (int i = 0; i < 8; i++)
        for (int j = 0; j < 8; j++) blk[i * 8 + j] = static_cast<Pixel>(cur.at(0, r * 4 + i, c * 4 + j));
      int var = 0;
      int y_dir;
      if constexpr (sizeof(Pixel) == 1) y_dir = tables.lowbd.dir(blk.data(), 8, bd, &var);
      else y_dir = tables.highbd.dir(blk.data(), 8, bd, &var);
      int pri = cp.cdef_y_pri_strength[idx] << cs, sec = cp.cdef_y_sec_strength[idx] << cs;
      const int dir = pri == 0 ? 0 : y_dir;
      const int var_str = (var >> 6) ? std::min(FloorLog2(var >> 6), 12) : 0;
      pri = var ? (pri * (4 + var_str) + 8) >> 4 : 0;
      OracleFilter(cur, out, 0, r, c, pri, sec, cp.CdefDamping + cs, dir, 0, 0, mi_rows, mi_cols, bd);
      pri = cp.cdef_uv_pri_strength[idx] << cs;
      sec = cp.cdef_uv_sec_strength[idx] << cs;
      const int uv_dir = pri == 0 ? 0 : kCdefUvDir[sx][sy][y_dir];
      for (int p = 1; p < 3; p++)
        OracleFilter(cur, out, p, r, c, pri, sec, cp.CdefDamping + cs - 1, uv_dir, sx, sy, mi_rows,
                     mi_cols, bd);
    }
  }
  if (seed % 2 == 0) {
    postfilter::CdefFrame(pv, fh, seq, blocks, TableFor<Pixel>(tables));
  } else {
    // As threads would: 64x64 block rows in a shuffled order.
    const postfilter::CdefFrameFilter<Pixel> filter(pv, fh, seq, blocks);
    std::vector<int> starts;
    for (int r = 0; r < mi_rows; r += 16) starts.push_back(r);
    std::shuffle(starts.begin(), starts.end(), rng);
    for (int r : starts) filter.FilterRows(TableFor<Pixel>(tables), r, r + 16);
  }
  for (int p = 0; p < 3; p++) {
    const int stride = cur.w[p] + 16;
    for (int y = -8; y < cur.h[p] + 8; y++) {
      for (int x = -8; x < cur.w[p] + 8; x++) {
        const int got = pv[p].row(y)[x];
        const bool inside = y >= 0 && y < cur.h[p] && x >= 0 && x < cur.w[p];
        const int want = inside ? out.at(p, y, x) : 0x5A;
        ASSERT_EQ(want, got) << "plane " << p << " y " << y << " x " << x << " bd " << bd
                             << " sub " << sx << sy << " stride " << stride;
      }
    }
  }
}

TEST(CdefFrame, MatchesSpecOracle420And444Lowbd) {
  for (uint32_t s = 0; s < 6; s++) RunFrame<uint8_t>(8, 1, 1, s);
  for (uint32_t s = 0; s < 3; s++) RunFrame<uint8_t>(8, 0, 0, 100 + s);
  for (uint32_t s = 0; s < 3; s++) RunFrame<uint8_t>(8, 1, 0, 200 + s);
}
TEST(CdefFrame, MatchesSpecOracleHighbd) {
  for (uint32_t s = 0; s < 3; s++) RunFrame<uint16_t>(10, 1, 1, 300 + s);
  for (uint32_t s = 0; s < 3; s++) RunFrame<uint16_t>(12, 1, 1, 400 + s);
}

}  // namespace
}  // namespace hav1
