// Deblocking driver (src/postfilter/deblock.cc, 7.14.1 - 7.14.5) with the
// reference kernels against a spec-literal whole-frame oracle written here,
// on frames of random block / transform layouts, skip flags, segments,
// reference frames, modes, delta LF and loop filter deltas.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <random>
#include <vector>

#include "gtest/gtest.h"
#include "src/common/intops.h"
#include "src/dsp/loopfilter.h"
#include "src/postfilter/inloop_filter.h"
#include "src/tile/tile_constants.h"

namespace hav1 {
namespace {

using tile::BlockInfo;

// 7.14.6 on one line given as a function of the offset k across the edge
// (k = 0 is q0, -1 is p0); returns the new values for k = -7 .. 6.
void SpecSampleFilter(int v[14], int filter_size, int plane, int limit, int blimit, int thresh,
                      int bd) {
  auto P = [&](int k) { return v[6 - k]; };
  auto Q = [&](int k) { return v[7 + k]; };
  const int s = bd - 8;
  const int hev = std::abs(P(1) - P(0)) > (thresh << s) || std::abs(Q(1) - Q(0)) > (thresh << s);
  const int len = filter_size == 4 ? 4 : plane ? 6 : filter_size == 8 ? 8 : 16;
  int m = std::abs(P(1) - P(0)) > (limit << s) || std::abs(Q(1) - Q(0)) > (limit << s) ||
          std::abs(P(0) - Q(0)) * 2 + std::abs(P(1) - Q(1)) / 2 > (blimit << s);
  if (len >= 6) m |= std::abs(P(2) - P(1)) > (limit << s) || std::abs(Q(2) - Q(1)) > (limit << s);
  if (len >= 8) m |= std::abs(P(3) - P(2)) > (limit << s) || std::abs(Q(3) - Q(2)) > (limit << s);
  if (m) return;
  const int t = 1 << s;
  int flat = 0, flat2 = 0;
  if (filter_size >= 8) {
    int f = 0;
    for (int k = 1; k <= (len >= 8 ? 3 : 2); k++)
      f |= std::abs(P(k) - P(0)) > t || std::abs(Q(k) - Q(0)) > t;
    flat = !f;
  }
  if (filter_size >= 16) {
    int f = 0;
    for (int k = 4; k <= 6; k++) f |= std::abs(P(k) - P(0)) > t || std::abs(Q(k) - Q(0)) > t;
    flat2 = !f;
  }
  if (filter_size == 4 || !flat) {
    const int lo = -(1 << (bd - 1)), hi = (1 << (bd - 1)) - 1, off = 0x80 << s;
    auto c4 = [&](int x) { return Clip3(lo, hi, x); };
    const int ps1 = P(1) - off, ps0 = P(0) - off, qs0 = Q(0) - off, qs1 = Q(1) - off;
    int f = hev ? c4(ps1 - qs1) : 0;
    f = c4(f + 3 * (qs0 - ps0));
    const int f1 = c4(f + 4) >> 3, f2 = c4(f + 3) >> 3;
    v[7] = c4(qs0 - f1) + off;
    v[6] = c4(ps0 + f2) + off;
    if (!hev) {
      f = Round2(f1, 1);
      v[8] = c4(qs1 - f) + off;
      v[5] = c4(ps1 + f) + off;
    }
    return;
  }
  const int log2 = (filter_size == 8 || !flat2) ? 3 : 4;
  const int n = log2 == 4 ? 6 : plane == 0 ? 3 : 2;
  const int n2 = (log2 == 3 && plane == 0) ? 0 : 1;
  int in[14];
  std::copy(v, v + 14, in);
  for (int i = -n; i < n; i++) {
    int sum = 0;
    for (int j = -n; j <= n; j++) {
      const int p = Clip3(-(n + 1), n, i + j);
      sum += in[7 + p] * (std::abs(j) <= n2 ? 2 : 1);
    }
    v[7 + i] = Round2(sum, log2);
  }
}

struct Plane {
  int w, h;
  std::vector<int> px;
  int& at(int y, int x) { return px[y * w + x]; }
};

struct Setup {
  FrameHeader fh;
  SequenceHeader seq;
  tile::FrameBlockInfo blocks;
};

// 7.14.5
int SpecLevel(const FrameHeader& fh, const BlockInfo& b, int plane, int pass) {
  const int i = plane == 0 ? pass : plane + 1;
  const int mode = b.y_mode;
  // YMode values of 6.10.23: NEARESTMV 14, GLOBALMV 16, GLOBAL_GLOBALMV 24.
  const int mode_type = mode >= 14 && mode != 16 && mode != 24;
  const int delta = fh.delta_params.delta_lf_multi ? b.delta_lf[i] : b.delta_lf[0];
  int lvl = Clip3(0, 63, delta + fh.loop_filter_params.loop_filter_level[i]);
  const auto& sp = fh.segmentation_params;
  if (sp.segmentation_enabled && sp.FeatureEnabled[b.segment_id][1 + i])
    lvl = Clip3(0, 63, sp.FeatureData[b.segment_id][1 + i] + lvl);
  const auto& lf = fh.loop_filter_params;
  if (lf.loop_filter_delta_enabled) {
    const int sh = lvl >> 5;
    if (b.ref_frame[0] == 0)
      lvl += lf.loop_filter_ref_deltas[0] * (1 << sh);
    else
      lvl += lf.loop_filter_ref_deltas[b.ref_frame[0]] * (1 << sh) +
             lf.loop_filter_mode_deltas[mode_type] * (1 << sh);
    lvl = Clip3(0, 63, lvl);
  }
  return lvl;
}

void SpecDeblock(Setup& s, Plane planes[3]) {
  const FrameHeader& fh = s.fh;
  const auto& cc = s.seq.color_config;
  for (int plane = 0; plane < cc.NumPlanes; plane++) {
    if (plane && !fh.loop_filter_params.loop_filter_level[1 + plane]) continue;
    const int sx = plane ? cc.subsampling_x : 0, sy = plane ? cc.subsampling_y : 0;
    for (int pass = 0; pass < 2; pass++) {
      for (int row0 = 0; row0 < fh.MiRows; row0 += (1 << sy)) {
        for (int col0 = 0; col0 < fh.MiCols; col0 += (1 << sx)) {
          const int dx = pass == 0, dy = pass == 1;
          const int x = col0 * 4, y = row0 * 4;
          const int row = row0 | sy, col = col0 | sx;
          if (x >= fh.FrameWidth || y >= fh.FrameHeight) continue;
          if ((pass == 0 && x == 0) || (pass == 1 && y == 0)) continue;
          const int xp = x >> sx, yp = y >> sy;
          const int prow = row - (dy << sy), pcol = col - (dx << sx);
          const BlockInfo& b = s.blocks.at(row, col);
          const int tx = s.blocks.at((row >> sy) << sy, (col >> sx) << sx).lf_tx_size[plane];
          const int ptx = s.blocks.at((prow >> sy) << sy, (pcol >> sx) << sx).lf_tx_size[plane];
          const int psz = tile::Subsampled_Size[b.mi_size][sx][sy];
          const int is_intra = b.ref_frame[0] <= 0;
          const int block_edge = pass == 0 ? xp % tile::Block_Width(psz) == 0
                                           : yp % tile::Block_Height(psz) == 0;
          const int tx_edge = pass == 0 ? xp % tile::Tx_Width[tx] == 0 : yp % tile::Tx_Height[tx] == 0;
          const int apply = tx_edge && (block_edge || !b.skip || is_intra);
          const int base = pass == 0 ? std::min<int>(tile::Tx_Width[ptx], tile::Tx_Width[tx])
                                     : std::min<int>(tile::Tx_Height[ptx], tile::Tx_Height[tx]);
          const int fsize = plane == 0 ? std::min(16, base) : std::min(8, base);
          int lvl = SpecLevel(fh, b, plane, pass);
          if (lvl == 0) lvl = SpecLevel(fh, s.blocks.at(prow, pcol), plane, pass);
          const int sharp = fh.loop_filter_params.loop_filter_sharpness;
          const int shift = sharp > 4 ? 2 : sharp > 0 ? 1 : 0;
          const int limit = sharp > 0 ? Clip3(1, 9 - sharp, lvl >> shift) : std::max(1, lvl >> shift);
          const int blimit = 2 * (lvl + 2) + limit, thresh = lvl >> 4;
          if (!apply || lvl == 0) continue;
          Plane& pl = planes[plane];
          for (int i = 0; i < 4; i++) {
            const int sxp = xp + dy * i, syp = yp + dx * i;
            int v[14];
            for (int k = -7; k < 7; k++) {
              const int yy = Clip3(0, pl.h - 1, syp + k * dy), xx = Clip3(0, pl.w - 1, sxp + k * dx);
              v[7 + k] = pl.at(yy, xx);
            }
            SpecSampleFilter(v, fsize, plane, limit, blimit, thresh, cc.BitDepth);
            for (int k = -7; k < 7; k++) {
              const int yy = syp + k * dy, xx = sxp + k * dx;
              if (yy >= 0 && yy < pl.h && xx >= 0 && xx < pl.w) pl.at(yy, xx) = v[7 + k];
            }
          }
        }
      }
    }
  }
}

// Random but consistent layout: 16x16 luma areas, each one BLOCK_16X16 or
// four BLOCK_8X8, transform sizes uniform per block.
void RandomLayout(Setup& s, std::mt19937& rng) {
  const auto& cc = s.seq.color_config;
  FrameHeader& fh = s.fh;
  for (int r16 = 0; r16 < fh.MiRows; r16 += 4) {
    for (int c16 = 0; c16 < fh.MiCols; c16 += 4) {
      const bool split = rng() % 2;
      const int bsize = split ? tile::BLOCK_8X8 : tile::BLOCK_16X16;
      const int n4 = split ? 2 : 4;
      for (int br = r16; br < r16 + 4; br += n4) {
        for (int bc = c16; bc < c16 + 4; bc += n4) {
          BlockInfo b;
          b.mi_size = static_cast<uint8_t>(bsize);
          b.skip = rng() % 2;
          const bool inter = rng() % 2;
          b.ref_frame[0] = static_cast<int8_t>(inter ? 1 + rng() % 7 : 0);
          b.is_inter = inter;
          b.y_mode = static_cast<uint8_t>(inter ? 14 + rng() % 12 : rng() % 13);
          b.segment_id = static_cast<uint8_t>(rng() % 8);
          for (int k = 0; k < 4; k++) b.delta_lf[k] = static_cast<int8_t>(static_cast<int>(rng() % 9) - 4);
          const int luma_tx = split ? (rng() % 2 ? tile::TX_8X8 : tile::TX_4X4)
                                    : (rng() % 3 == 0 ? tile::TX_16X16
                                                      : rng() % 2 ? tile::TX_8X8 : tile::TX_4X4);
          b.lf_tx_size[0] = static_cast<uint8_t>(luma_tx);
          const int csz = tile::Subsampled_Size[bsize][cc.subsampling_x][cc.subsampling_y];
          const int ctx = (tile::Block_Width(csz) >= 8 && tile::Block_Height(csz) >= 8 && rng() % 2)
                              ? tile::TX_8X8 : tile::TX_4X4;
          b.lf_tx_size[1] = b.lf_tx_size[2] = static_cast<uint8_t>(ctx);
          for (int r = br; r < br + n4 && r < fh.MiRows; r++)
            for (int c = bc; c < bc + n4 && c < fh.MiCols; c++) s.blocks.at(r, c) = b;
        }
      }
    }
  }
}

template <typename Pixel>
void RunFrame(int bd, int sx, int sy, uint32_t seed) {
  std::mt19937 rng(seed);
  Setup s;
  auto& cc = s.seq.color_config;
  cc.BitDepth = bd;
  cc.NumPlanes = 3;
  cc.subsampling_x = sx;
  cc.subsampling_y = sy;
  FrameHeader& fh = s.fh;
  fh.FrameWidth = 9 + static_cast<int>(rng() % 120);
  fh.FrameHeight = 9 + static_cast<int>(rng() % 120);
  fh.UpscaledWidth = fh.FrameWidth;
  fh.MiCols = 2 * ((fh.FrameWidth + 7) >> 3);
  fh.MiRows = 2 * ((fh.FrameHeight + 7) >> 3);
  auto& lf = fh.loop_filter_params;
  for (int i = 0; i < 4; i++) lf.loop_filter_level[i] = static_cast<int>(rng() % 64);
  if (rng() % 4 == 0) lf.loop_filter_level[2] = 0;
  lf.loop_filter_sharpness = static_cast<int>(rng() % 8);
  lf.loop_filter_delta_enabled = rng() % 2;
  for (int i = 0; i < 8; i++) lf.loop_filter_ref_deltas[i] = static_cast<int>(rng() % 21) - 10;
  for (int i = 0; i < 2; i++) lf.loop_filter_mode_deltas[i] = static_cast<int>(rng() % 21) - 10;
  fh.delta_params.delta_lf_multi = rng() % 2;
  auto& sp = fh.segmentation_params;
  sp.segmentation_enabled = rng() % 2;
  for (int g = 0; g < 8; g++)
    for (int f = 1; f <= 4; f++) {
      sp.FeatureEnabled[g][f] = rng() % 2;
      sp.FeatureData[g][f] = static_cast<int>(rng() % 41) - 20;
    }
  const int lr1[3] = {1, 1, 1};
  s.blocks.Reset(fh.MiRows, fh.MiCols, false, 3, lr1, lr1);
  RandomLayout(s, rng);

  Plane ref[3];
  std::vector<Pixel> store[3];
  postfilter::PlaneView<Pixel> pv[3];
  const int maxv = (1 << bd) - 1;
  for (int p = 0; p < 3; p++) {
    const int px = p ? sx : 0, py = p ? sy : 0;
    ref[p].w = (fh.MiCols * 4) >> px;
    ref[p].h = (fh.MiRows * 4) >> py;
    ref[p].px.resize(ref[p].w * ref[p].h);
    // Blocky content: flat 4x4 / 8x8 areas with small steps, plus noise.
    for (int y = 0; y < ref[p].h; y++)
      for (int x = 0; x < ref[p].w; x++) {
        const int cell = ((x >> 2) * 7 + (y >> 2) * 13) % 5;
        const int noise = rng() % 8 == 0 ? static_cast<int>(rng() % 5) - 2 : 0;
        ref[p].at(y, x) = Clip3(0, maxv, ((100 + cell * 3 + noise) << (bd - 8)) +
                                             (rng() % 16 == 0 ? static_cast<int>(rng() % 64) : 0));
      }
    const int stride = ref[p].w + 32;
    store[p].assign(static_cast<size_t>(stride) * (ref[p].h + 32), 0x33);
    pv[p] = {store[p].data() + 16 * stride + 16, stride, ref[p].w, ref[p].h};
    for (int y = 0; y < ref[p].h; y++)
      for (int x = 0; x < ref[p].w; x++) pv[p].row(y)[x] = static_cast<Pixel>(ref[p].at(y, x));
  }
  Plane before[3] = {ref[0], ref[1], ref[2]};
  SpecDeblock(s, ref);
  int changed = 0;
  for (int p = 0; p < 3; p++)
    for (size_t i = 0; i < ref[p].px.size(); i++) changed += ref[p].px[i] != before[p].px[i];
  EXPECT_GT(changed, 0) << "oracle changed nothing, seed " << seed;
  LoopFilterTables t;
  FillLoopFilterTablesRef(&t);
  const LoopFilterTable<Pixel>* table;
  if constexpr (sizeof(Pixel) == 1) {
    table = &t.lowbd;
  } else {
    table = &t.highbd;
  }
  if (seed % 2 == 0) {
    postfilter::DeblockFrame(pv, fh, s.seq, s.blocks, *table);
  } else {
    // As threads would: each pass over row ranges of 16 mi rows (one 64x64
    // superblock row) in a shuffled order.
    std::vector<int> starts;
    for (int r = 0; r < fh.MiRows; r += 16) starts.push_back(r);
    for (int pass = 0; pass < 2; pass++) {
      std::shuffle(starts.begin(), starts.end(), rng);
      for (int r : starts) postfilter::DeblockRows(pv, fh, s.seq, s.blocks, *table, pass, r, r + 16);
    }
  }
  for (int p = 0; p < 3; p++) {
    for (int y = -16; y < ref[p].h + 16; y++)
      for (int x = -16; x < ref[p].w + 16; x++) {
        const bool in = y >= 0 && y < ref[p].h && x >= 0 && x < ref[p].w;
        ASSERT_EQ(in ? ref[p].at(y, x) : 0x33, pv[p].row(y)[x])
            << "plane " << p << " y " << y << " x " << x << " seed " << seed << " bd " << bd;
      }
  }
}

TEST(DeblockFrame, MatchesSpecOracle420) {
  for (uint32_t seed = 0; seed < 12; seed++) RunFrame<uint8_t>(8, 1, 1, seed);
}
TEST(DeblockFrame, MatchesSpecOracle444And422) {
  for (uint32_t seed = 20; seed < 26; seed++) RunFrame<uint8_t>(8, 0, 0, seed);
  for (uint32_t seed = 30; seed < 36; seed++) RunFrame<uint8_t>(8, 1, 0, seed);
}
TEST(DeblockFrame, MatchesSpecOracleHighbd) {
  for (uint32_t seed = 40; seed < 46; seed++) RunFrame<uint16_t>(10, 1, 1, seed);
  for (uint32_t seed = 50; seed < 56; seed++) RunFrame<uint16_t>(12, 1, 1, seed);
}

}  // namespace
}  // namespace hav1
