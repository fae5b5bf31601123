// Deblocking kernels (src/dsp/loopfilter*) against the spec formulas of
// 7.14.6 written out independently here, on hand-built edges.
#include <cstdint>
#include <cstdlib>
#include <random>
#include <vector>

#include "gtest/gtest.h"
#include "src/dsp/loopfilter.h"

namespace hav1 {
namespace {

int Clamp(int lo, int hi, int v) { return v < lo ? lo : (v > hi ? hi : v); }

// One line p6..p0 q0..q6 as an array v[0..13] (v[7] = q0), filtered per spec.
void SpecFilterLine(std::vector<int>& v, int filter_size, bool chroma, int limit, int blimit,
                    int thresh, int bd) {
  auto P = [&](int k) { return v[6 - k]; };   // p0 = v[6]
  auto Q = [&](int k) { return v[7 + k]; };   // q0 = v[7]
  const int s = bd - 8;
  const bool hev = std::abs(P(1) - P(0)) > (thresh << s) || std::abs(Q(1) - Q(0)) > (thresh << s);
  int len = filter_size == 4 ? 4 : chroma ? 6 : filter_size == 8 ? 8 : 16;
  bool m = std::abs(P(1) - P(0)) > (limit << s) || std::abs(Q(1) - Q(0)) > (limit << s) ||
           std::abs(P(0) - Q(0)) * 2 + std::abs(P(1) - Q(1)) / 2 > (blimit << s);
  if (len >= 6) m |= std::abs(P(2) - P(1)) > (limit << s) || std::abs(Q(2) - Q(1)) > (limit << s);
  if (len >= 8) m |= std::abs(P(3) - P(2)) > (limit << s) || std::abs(Q(3) - Q(2)) > (limit << s);
  if (m) return;
  const int t = 1 << s;
  bool flat = false, flat2 = false;
  if (filter_size >= 8) {
    bool f = false;
    for (int k = 1; k <= (len >= 8 ? 3 : 2); k++)
      f |= std::abs(P(k) - P(0)) > t || std::abs(Q(k) - Q(0)) > t;
    flat = !f;
  }
  if (filter_size >= 16) {
    bool f = false;
    for (int k = 4; k <= 6; k++) f |= std::abs(P(k) - P(0)) > t || std::abs(Q(k) - Q(0)) > t;
    flat2 = !f;
  }
  if (filter_size == 4 || !flat) {
    const int lo = -(1 << (bd - 1)), hi = (1 << (bd - 1)) - 1, off = 128 << s;
    int ps1 = P(1) - off, ps0 = P(0) - off, qs0 = Q(0) - off, qs1 = Q(1) - off;
    int f = hev ? Clamp(lo, hi, ps1 - qs1) : 0;
    f = Clamp(lo, hi, f + 3 * (qs0 - ps0));
    int f1 = Clamp(lo, hi, f + 4) >> 3, f2 = Clamp(lo, hi, f + 3) >> 3;
    v[7] = Clamp(lo, hi, qs0 - f1) + off;
    v[6] = Clamp(lo, hi, ps0 + f2) + off;
    if (!hev) {
      f = (f1 + 1) >> 1;
      v[8] = Clamp(lo, hi, qs1 - f) + off;
      v[5] = Clamp(lo, hi, ps1 + f) + off;
    }
    return;
  }
  // Wide filters written as explicit tap lists (sum of taps = 8 or 16).
  std::vector<int> in = v;
  auto X = [&](int i) { return in[7 + i]; };  // i = 0 is q0, -1 is p0
  if (filter_size == 8 || !flat2) {
    if (chroma) {  // 6-tap: p1..q1 modified
      for (int i = -2; i < 2; i++) {
        int sum = 0;
        for (int j = -2; j <= 2; j++)
          sum += X(Clamp(-3, 2, i + j)) * (std::abs(j) <= 1 ? 2 : 1);
        v[7 + i] = (sum + 4) >> 3;
      }
    } else {  // 8-tap: p2..q2
      for (int i = -3; i < 3; i++) {
        int sum = 0;
        for (int j = -3; j <= 3; j++) sum += X(Clamp(-4, 3, i + j)) * (j == 0 ? 2 : 1);
        v[7 + i] = (sum + 4) >> 3;
      }
    }
  } else {  // 14-tap: p5..q5
    for (int i = -6; i < 6; i++) {
      int sum = 0;
      for (int j = -6; j <= 6; j++) sum += X(Clamp(-7, 6, i + j)) * (std::abs(j) <= 1 ? 2 : 1);
      v[7 + i] = (sum + 8) >> 4;
    }
  }
}

template <typename Pixel>
void RunCase(const LoopFilterTable<Pixel>& table, int pass, int filter_size, bool chroma,
             const std::vector<std::vector<int>>& lines, int limit, int blimit, int thresh,
             int bd) {
  // 32x32 buffer, edge between columns/rows 15 and 16, 4 lines at 8..11.
  constexpr int kN = 32;
  std::vector<Pixel> buf(kN * kN);
  for (int i = 0; i < kN * kN; i++) buf[i] = static_cast<Pixel>((i * 37) % (1 << bd));
  for (int l = 0; l < 4; l++) {
    for (int k = 0; k < 14; k++) {
      const int a = 9 + k, b = 8 + l;  // across, along
      buf[pass == 0 ? b * kN + a : a * kN + b] = static_cast<Pixel>(lines[l][k]);
    }
  }
  std::vector<Pixel> expect = buf;
  for (int l = 0; l < 4; l++) {
    std::vector<int> v = lines[l];
    SpecFilterLine(v, filter_size, chroma, limit, blimit, thresh, bd);
    for (int k = 0; k < 14; k++) {
      const int a = 9 + k, b = 8 + l;
      expect[pass == 0 ? b * kN + a : a * kN + b] = static_cast<Pixel>(v[k]);
    }
  }
  Pixel* dst = buf.data() + (pass == 0 ? 8 * kN + 16 : 16 * kN + 8);
  table.edge[pass][LoopFilterLenIndex(filter_size, chroma ? 1 : 0)](dst, kN, limit, blimit,
                                                                     thresh, bd);
  for (int i = 0; i < kN * kN; i++) {
    ASSERT_EQ(expect[i], buf[i]) << "pos " << i << " pass " << pass << " size " << filter_size
                                 << " chroma " << chroma << " bd " << bd;
  }
}

template <typename Pixel>
void RandomCases(const LoopFilterTable<Pixel>& table, int bd, uint32_t seed) {
  std::mt19937 rng(seed);
  const int maxv = (1 << bd) - 1;
  for (int iter = 0; iter < 3000; iter++) {
    const int kind = iter % 4;
    const int filter_size = kind == 0 ? 4 : kind == 3 ? 16 : 8;
    const bool chroma = kind == 1;
    const int lvl = static_cast<int>(rng() % 64);
    const int sharp = static_cast<int>(rng() % 8);
    const int shift = sharp > 4 ? 2 : sharp > 0 ? 1 : 0;
    const int limit = sharp > 0 ? Clamp(1, 9 - sharp, lvl >> shift) : std::max(1, lvl >> shift);
    const int blimit = 2 * (lvl + 2) + limit, thresh = lvl >> 4;
    std::vector<std::vector<int>> lines(4, std::vector<int>(14));
    // Mostly smooth lines with a step so every branch is taken.
    const int mode = static_cast<int>(rng() % 4);
    for (auto& line : lines) {
      const int base = static_cast<int>(rng() % (maxv + 1));
      const int step = static_cast<int>(rng() % (mode == 0 ? 3 : mode == 1 ? 20 : 200)) - (mode == 0 ? 1 : mode == 1 ? 10 : 100);
      const int noise = mode == 3 ? maxv : (mode == 0 ? 2 : 6);
      for (int k = 0; k < 14; k++) {
        int v = base + (k >= 7 ? step << (bd - 8) : 0) +
                (static_cast<int>(rng() % (noise + 1)) - noise / 2) * (mode == 0 ? 1 : 1);
        line[k] = Clamp(0, maxv, v);
      }
    }
    RunCase(table, iter & 1, filter_size, chroma, lines, limit, blimit, thresh, bd);
    if (::testing::Test::HasFatalFailure()) return;
  }
}

TEST(LoopFilter, RandomLowbd) {
  LoopFilterTables t;
  FillLoopFilterTablesRef(&t);
  RandomCases(t.lowbd, 8, 1);
}
TEST(LoopFilter, RandomHighbd10And12) {
  LoopFilterTables t;
  FillLoopFilterTablesRef(&t);
  RandomCases(t.highbd, 10, 2);
  RandomCases(t.highbd, 12, 3);
}

// A flat step edge: the 14-tap filter must be applied and smooth it; extreme
// values at 12 bits stay in range.
TEST(LoopFilter, FlatStepWideFilter) {
  LoopFilterTables t;
  FillLoopFilterTablesRef(&t);
  std::vector<std::vector<int>> lines(4, std::vector<int>(14));
  for (auto& l : lines)
    for (int k = 0; k < 14; k++) l[k] = k < 7 ? 100 : 101;
  RunCase(t.lowbd, 0, 16, false, lines, 10, 30, 0, 8);
  for (auto& l : lines)
    for (int k = 0; k < 14; k++) l[k] = k < 7 ? 4095 : 4095 - 16;
  RunCase(t.highbd, 1, 16, false, lines, 63, 200, 3, 12);
  for (auto& l : lines)
    for (int k = 0; k < 14; k++) l[k] = k < 7 ? 0 : 15;
  RunCase(t.highbd, 0, 8, true, lines, 63, 200, 3, 12);
}

// Hand-checked narrow filter: p1 p0 | q0 q1 = 60 60 | 68 68 (8-bit), no hev.
TEST(LoopFilter, NarrowHandComputed) {
  LoopFilterTables t;
  FillLoopFilterTablesRef(&t);
  uint8_t line[16] = {};
  for (int i = 0; i < 8; i++) line[i] = 60;
  for (int i = 8; i < 16; i++) line[i] = 68;
  uint8_t buf[4][16];
  for (auto& r : buf) std::copy(line, line + 16, r);
  // filter = 3 * 8 = 24; filter1 = 28 >> 3 = 3, filter2 = 27 >> 3 = 3;
  // q0 = 65, p0 = 63; filter = Round2(3, 1) = 2: q1 = 66, p1 = 62.
  t.lowbd.edge[0][kLf4](&buf[0][8], 16, 10, 40, 4, 8);
  for (auto& r : buf) {
    EXPECT_EQ(r[6], 62);
    EXPECT_EQ(r[7], 63);
    EXPECT_EQ(r[8], 65);
    EXPECT_EQ(r[9], 66);
    EXPECT_EQ(r[5], 60);
    EXPECT_EQ(r[10], 68);
  }
}

}  // namespace
}  // namespace hav1
