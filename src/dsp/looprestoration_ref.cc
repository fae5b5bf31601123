// Reference kernels of loop restoration (spec 7.17.2 - 7.17.5).
#include <algorithm>

#include "src/common/intops.h"
#include "src/dsp/looprestoration.h"

namespace hav1 {
namespace {

constexpr int SGRPROJ_PRJ_BITS = 7;
constexpr int SGRPROJ_RST_BITS = 4;
constexpr int SGRPROJ_MTABLE_BITS = 20;
constexpr int SGRPROJ_RECIP_BITS = 12;
constexpr int SGRPROJ_SGR_BITS = 8;
constexpr int FILTER_BITS = 7;

// 7.17.4 Wiener filter process (with the rounding variables of 7.11.3.2 for
// isCompound = 0).
template <typename Pixel>
void WienerRef(Pixel* dst, ptrdiff_t dst_stride, const Pixel* src, ptrdiff_t src_stride,
               int w, int h, const int16_t hfilter[7], const int16_t vfilter[7],
               int bitdepth) {
  const int round0 = bitdepth == 12 ? 5 : 3;   // InterRound0
  const int round1 = bitdepth == 12 ? 9 : 11;  // InterRound1
  const int offset = 1 << (bitdepth + FILTER_BITS - round0 - 1);
  const int limit = (1 << (bitdepth + 1 + FILTER_BITS - round0)) - 1;
  int32_t intermediate[kLrMaxBlock + 6][kLrMaxBlock];
  for (int r = 0; r < h + 6; r++) {
    const Pixel* row = src + (r - 3) * src_stride;
    for (int c = 0; c < w; c++) {
      int32_t s = 0;
      for (int t = 0; t < 7; t++) s += hfilter[t] * row[c + t - 3];
      intermediate[r][c] = Clip3(-offset, limit - offset, Round2(s, round0));
    }
  }
  for (int r = 0; r < h; r++) {
    for (int c = 0; c < w; c++) {
      int32_t s = 0;
      for (int t = 0; t < 7; t++) s += vfilter[t] * intermediate[r + t][c];
      dst[r * dst_stride + c] = static_cast<Pixel>(Clip1(Round2(s, round1), bitdepth));
    }
  }
}

// 7.17.3 box filter process: writes F[ i * kLrMaxBlock + j ]; false if r == 0.
template <typename Pixel>
bool BoxFilter(const Pixel* src, ptrdiff_t src_stride, int w, int h, int set, int pass,
               int bitdepth, int32_t* f) {
  const int r = kSgrParams[set][pass * 2 + 0];
  if (r == 0) return false;
  const int eps = kSgrParams[set][pass * 2 + 1];
  constexpr int kDim = kLrMaxBlock + 2;
  // A[ i ][ j ], B[ i ][ j ] for i, j in -1 .. h / w: stored at [i + 1][j + 1].
  static_assert(kDim * kDim * 4 * 2 < 64 * 1024, "stack budget");
  int32_t a_arr[kDim][kDim];
  int32_t b_arr[kDim][kDim];
  const int n = (2 * r + 1) * (2 * r + 1);
  const int n2e = n * n * eps;
  const int s = ((1 << SGRPROJ_MTABLE_BITS) + n2e / 2) / n2e;
  const int one_over_n = ((1 << SGRPROJ_RECIP_BITS) + (n / 2)) / n;
  for (int i = -1; i < h + 1; i++) {
    for (int j = -1; j < w + 1; j++) {
      int64_t a = 0;
      int32_t b = 0;
      for (int dy = -r; dy <= r; dy++) {
        for (int dx = -r; dx <= r; dx++) {
          const int c = src[(i + dy) * src_stride + (j + dx)];
          a += c * c;
          b += c;
        }
      }
      a = Round2(a, 2 * (bitdepth - 8));
      const int64_t d = Round2(int64_t{b}, bitdepth - 8);
      const int64_t p = std::max<int64_t>(0, a * n - d * d);
      const int64_t z = Round2(p * s, SGRPROJ_MTABLE_BITS);
      int a2;
      if (z >= 255) {
        a2 = 256;
      } else if (z == 0) {
        a2 = 1;
      } else {
        a2 = static_cast<int>(((z << SGRPROJ_SGR_BITS) + (z / 2)) / (z + 1));
      }
      const int64_t b2 = int64_t{(1 << SGRPROJ_SGR_BITS) - a2} * b * one_over_n;
      a_arr[i + 1][j + 1] = a2;
      b_arr[i + 1][j + 1] = static_cast<int32_t>(Round2(b2, SGRPROJ_RECIP_BITS));
    }
  }
  for (int i = 0; i < h; i++) {
    const int shift = (pass == 0 && (i & 1)) ? 4 : 5;
    for (int j = 0; j < w; j++) {
      int64_t a = 0, b = 0;
      for (int dy = -1; dy <= 1; dy++) {
        for (int dx = -1; dx <= 1; dx++) {
          int weight;
          if (pass == 0) {
            weight = ((i + dy) & 1) ? (dx == 0 ? 6 : 5) : 0;
          } else {
            weight = (dx == 0 || dy == 0) ? 4 : 3;
          }
          a += weight * a_arr[i + dy + 1][j + dx + 1];
          b += weight * b_arr[i + dy + 1][j + dx + 1];
        }
      }
      const int64_t v = a * src[i * src_stride + j] + b;
      f[i * kLrMaxBlock + j] = static_cast<int32_t>(
          Round2(v, SGRPROJ_SGR_BITS + shift - SGRPROJ_RST_BITS));
    }
  }
  return true;
}

// 7.17.2 self guided filter process.
template <typename Pixel>
void SgrRef(Pixel* dst, ptrdiff_t dst_stride, const Pixel* src, ptrdiff_t src_stride,
            int w, int h, int set, int xqd0, int xqd1, int bitdepth) {
  int32_t flt0[kLrMaxBlock * kLrMaxBlock];
  int32_t flt1[kLrMaxBlock * kLrMaxBlock];
  const bool r0 = BoxFilter(src, src_stride, w, h, set, 0, bitdepth, flt0);
  const bool r1 = BoxFilter(src, src_stride, w, h, set, 1, bitdepth, flt1);
  const int w0 = xqd0, w1 = xqd1;
  const int w2 = (1 << SGRPROJ_PRJ_BITS) - w0 - w1;
  for (int i = 0; i < h; i++) {
    for (int j = 0; j < w; j++) {
      const int64_t u = int64_t{src[i * src_stride + j]} << SGRPROJ_RST_BITS;
      int64_t v = w1 * u;
      v += r0 ? int64_t{w0} * flt0[i * kLrMaxBlock + j] : w0 * u;
      v += r1 ? int64_t{w2} * flt1[i * kLrMaxBlock + j] : w2 * u;
      const int64_t s = Round2(v, SGRPROJ_RST_BITS + SGRPROJ_PRJ_BITS);
      dst[i * dst_stride + j] = static_cast<Pixel>(
          Clip3<int64_t>(0, (1 << bitdepth) - 1, s));
    }
  }
}

template <typename Pixel>
void Fill(LoopRestorationTable<Pixel>* t) {
  t->wiener = WienerRef<Pixel>;
  t->sgr = SgrRef<Pixel>;
}

}  // namespace

void WienerCoefficients(const int8_t coeff[3], int16_t filter[7]) {
  filter[3] = 128;
  for (int i = 0; i < 3; i++) {
    const int c = coeff[i];
    filter[i] = static_cast<int16_t>(c);
    filter[6 - i] = static_cast<int16_t>(c);
    filter[3] = static_cast<int16_t>(filter[3] - 2 * c);
  }
}

void FillLoopRestorationTablesRef(LoopRestorationTables* tables) {
  Fill(&tables->lowbd);
  Fill(&tables->highbd);
}

}  // namespace hav1
