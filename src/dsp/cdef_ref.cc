// Reference kernels of CDEF (spec 7.15.2, 7.15.3).
#include <algorithm>
#include <cstdlib>

#include "src/common/intops.h"
#include "src/dsp/cdef.h"

namespace hav1 {
namespace {

constexpr int kDivTable[9] = {0, 840, 420, 280, 210, 168, 140, 120, 105};
constexpr int kCdefPriTaps[2][2] = {{4, 2}, {3, 3}};
constexpr int kCdefSecTaps[2][2] = {{2, 1}, {2, 1}};
constexpr int kCdefDirections[8][2][2] = {
    {{-1, 1}, {-2, 2}}, {{0, 1}, {-1, 2}}, {{0, 1}, {0, 2}}, {{0, 1}, {1, 2}},
    {{1, 1}, {2, 2}},   {{1, 0}, {2, 1}},  {{1, 0}, {2, 0}}, {{1, 0}, {2, -1}}};

// 7.15.2 CDEF direction process.
template <typename Pixel>
int CdefDirRef(const Pixel* src, ptrdiff_t stride, int bitdepth, int* var) {
  int32_t cost[8] = {};
  int32_t partial[8][15] = {};
  for (int i = 0; i < 8; i++) {
    for (int j = 0; j < 8; j++) {
      const int x = (src[i * stride + j] >> (bitdepth - 8)) - 128;
      partial[0][i + j] += x;
      partial[1][i + j / 2] += x;
      partial[2][i] += x;
      partial[3][3 + i - j / 2] += x;
      partial[4][7 + i - j] += x;
      partial[5][3 - i / 2 + j] += x;
      partial[6][j] += x;
      partial[7][i / 2 + j] += x;
    }
  }
  for (int i = 0; i < 8; i++) {
    cost[2] += partial[2][i] * partial[2][i];
    cost[6] += partial[6][i] * partial[6][i];
  }
  cost[2] *= kDivTable[8];
  cost[6] *= kDivTable[8];
  for (int i = 0; i < 7; i++) {
    cost[0] += (partial[0][i] * partial[0][i] + partial[0][14 - i] * partial[0][14 - i]) *
               kDivTable[i + 1];
    cost[4] += (partial[4][i] * partial[4][i] + partial[4][14 - i] * partial[4][14 - i]) *
               kDivTable[i + 1];
  }
  cost[0] += partial[0][7] * partial[0][7] * kDivTable[8];
  cost[4] += partial[4][7] * partial[4][7] * kDivTable[8];
  for (int i = 1; i < 8; i += 2) {
    for (int j = 0; j < 4 + 1; j++) cost[i] += partial[i][3 + j] * partial[i][3 + j];
    cost[i] *= kDivTable[8];
    for (int j = 0; j < 4 - 1; j++) {
      cost[i] += (partial[i][j] * partial[i][j] + partial[i][10 - j] * partial[i][10 - j]) *
                 kDivTable[2 * j + 2];
    }
  }
  int32_t best_cost = 0;
  int y_dir = 0;
  for (int i = 0; i < 8; i++) {
    if (cost[i] > best_cost) {
      best_cost = cost[i];
      y_dir = i;
    }
  }
  *var = (best_cost - cost[(y_dir + 4) & 7]) >> 10;
  return y_dir;
}

// constrain() of 7.15.3.
int Constrain(int diff, int threshold, int damping) {
  if (!threshold) return 0;
  const int damping_adj = std::max(0, damping - FloorLog2(static_cast<uint32_t>(threshold)));
  const int mag = Clip3(0, std::abs(diff), threshold - (std::abs(diff) >> damping_adj));
  return diff < 0 ? -mag : mag;
}

// 7.15.3 CDEF filter process for one w x h block.
template <typename Pixel, int kW, int kH>
void CdefFilterRef(Pixel* dst, ptrdiff_t dst_stride, const uint16_t* src,
                   ptrdiff_t src_stride, int pri_str, int sec_str, int dir, int damping,
                   int bitdepth) {
  const int coeff_shift = bitdepth - 8;
  const int tap_set = (pri_str >> coeff_shift) & 1;
  for (int i = 0; i < kH; i++) {
    for (int j = 0; j < kW; j++) {
      const int x = src[i * src_stride + j];
      int sum = 0, mx = x, mn = x;
      for (int k = 0; k < 2; k++) {
        for (int sign = -1; sign <= 1; sign += 2) {
          auto get = [&](int d) -> int {
            const int yy = i + sign * kCdefDirections[d][k][0];
            const int xx = j + sign * kCdefDirections[d][k][1];
            return src[yy * src_stride + xx];
          };
          const int p = get(dir);
          if (p != kCdefUnavailable) {
            sum += kCdefPriTaps[tap_set][k] * Constrain(p - x, pri_str, damping);
            mx = std::max(p, mx);
            mn = std::min(p, mn);
          }
          for (int dir_off = -2; dir_off <= 2; dir_off += 4) {
            const int s = get((dir + dir_off) & 7);
            if (s != kCdefUnavailable) {
              sum += kCdefSecTaps[tap_set][k] * Constrain(s - x, sec_str, damping);
              mx = std::max(s, mx);
              mn = std::min(s, mn);
            }
          }
        }
      }
      dst[i * dst_stride + j] =
          static_cast<Pixel>(Clip3(mn, mx, x + ((8 + sum - (sum < 0)) >> 4)));
    }
  }
}

template <typename Pixel>
void Fill(CdefTable<Pixel>* t) {
  t->dir = CdefDirRef<Pixel>;
  t->filter[kCdef8x8] = CdefFilterRef<Pixel, 8, 8>;
  t->filter[kCdef4x8] = CdefFilterRef<Pixel, 4, 8>;
  t->filter[kCdef4x4] = CdefFilterRef<Pixel, 4, 4>;
}

}  // namespace

void FillCdefTablesRef(CdefTables* tables) {
  Fill(&tables->lowbd);
  Fill(&tables->highbd);
}

}  // namespace hav1
