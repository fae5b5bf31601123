// Highway loop restoration kernels, lowbd and highbd: 7.17.4 Wiener filter
// process (with the rounding variables of 7.11.3.2 for isCompound = 0) and
// 7.17.2 / 7.17.3 self guided filter (see the comment above BoxFilterVec).
//
// Wiener layout: the block is cut into column chunks of N = Lanes(ScalableTag<int32_t>)
// samples (4 on SSSE3/SSE4, 8 on AVX2, 16 on AVX3; the last chunk overlaps the
// previous one so that no column beyond w is read or written; blocks narrower
// than N use 4-lane chunks, narrower than 4 the scalar loop).  Per chunk the
// horizontal filter runs over the h + 6 source rows into a small int32
// buffer, then the vertical filter over that buffer.  Lanes are int32: every
// sum of 7.17.4 fits (|sum| < 2^24 for coefficients in the spec's ranges).
// The decoder's taps are symmetric (7.17.5: filter[ 6 - i ] = filter[ i ]),
// which halves the multiplications; any other tap set takes the scalar loop.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "simd/looprestoration.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
#include "hwy/highway.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "src/common/intops.h"
#include "src/dsp/looprestoration.h"

HWY_BEFORE_NAMESPACE();
namespace hav1 {
namespace HWY_NAMESPACE {
namespace {

namespace hn = hwy::HWY_NAMESPACE;

#if HWY_TARGET != HWY_SCALAR

constexpr int kFilterBits = 7;       // FILTER_BITS
constexpr int kMaxChunk = 16;        // widest chunk (AVX3)
constexpr int kInterRows = kLrMaxBlock + 6;

// Rounding variables of 7.11.3.2 (isCompound = 0) used by 7.17.4.
struct WienerRounding {
  int round0, round1, offset, limit;
  explicit WienerRounding(int bitdepth)
      : round0(bitdepth == 12 ? 5 : 3),
        round1(bitdepth == 12 ? 9 : 11),
        offset(1 << (bitdepth + kFilterBits - round0 - 1)),
        limit((1 << (bitdepth + 1 + kFilterBits - round0)) - 1) {}
};

// 7.17.4 for columns [ c0, c1 ) with plain integer code (the reference's
// arithmetic): narrow blocks and non-symmetric tap sets.
template <typename Pixel>
void WienerColumnsScalar(Pixel* dst, ptrdiff_t dst_stride, const Pixel* src,
                         ptrdiff_t src_stride, int c0, int c1, int h, const int16_t hf[7],
                         const int16_t vf[7], int bitdepth) {
  const WienerRounding rd(bitdepth);
  for (int c = c0; c < c1; c++) {
    int32_t inter[kInterRows];
    for (int r = 0; r < h + 6; r++) {
      const Pixel* row = src + (r - 3) * src_stride + c;
      int32_t s = 0;
      for (int t = 0; t < 7; t++) s += hf[t] * row[t - 3];
      inter[r] = Clip3(-rd.offset, rd.limit - rd.offset, Round2(s, rd.round0));
    }
    for (int r = 0; r < h; r++) {
      int32_t s = 0;
      for (int t = 0; t < 7; t++) s += vf[t] * inter[r + t];
      dst[r * dst_stride + c] = static_cast<Pixel>(Clip1(Round2(s, rd.round1), bitdepth));
    }
  }
}

// 7.17.4 for the Lanes(d) columns starting at c0 (symmetric taps).
template <class DI, typename Pixel>
HWY_INLINE void WienerChunk(DI d, Pixel* dst, ptrdiff_t dst_stride, const Pixel* src,
                            ptrdiff_t src_stride, int c0, int h, const int16_t hf[7],
                            const int16_t vf[7], int bitdepth) {
  using VI = hn::Vec<DI>;
  const hn::Rebind<Pixel, DI> dp;
  const WienerRounding rd(bitdepth);
  alignas(64) int32_t inter[kInterRows * kMaxChunk];
  // Horizontal filter: h + 6 rows.
  {
    const VI t0 = hn::Set(d, hf[0]), t1 = hn::Set(d, hf[1]), t2 = hn::Set(d, hf[2]);
    const VI t3 = hn::Set(d, hf[3]);
    const VI rnd = hn::Set(d, 1 << (rd.round0 - 1));
    const VI lo = hn::Set(d, -rd.offset), hi = hn::Set(d, rd.limit - rd.offset);
    const Pixel* row = src - 3 * src_stride + c0;
    for (int r = 0; r < h + 6; r++, row += src_stride) {
      auto x = [&](int k) { return hn::PromoteTo(d, hn::LoadU(dp, row + k)); };
      VI s = hn::Mul(x(0), t3);
      s = hn::Add(s, hn::Mul(hn::Add(x(-3), x(3)), t0));
      s = hn::Add(s, hn::Mul(hn::Add(x(-2), x(2)), t1));
      s = hn::Add(s, hn::Mul(hn::Add(x(-1), x(1)), t2));
      s = hn::ShiftRightSame(hn::Add(s, rnd), rd.round0);
      hn::Store(hn::Min(hn::Max(s, lo), hi), d, inter + r * kMaxChunk);
    }
  }
  // Vertical filter: h rows.
  {
    const VI t0 = hn::Set(d, vf[0]), t1 = hn::Set(d, vf[1]), t2 = hn::Set(d, vf[2]);
    const VI t3 = hn::Set(d, vf[3]);
    const VI rnd = hn::Set(d, 1 << (rd.round1 - 1));
    const VI zero = hn::Zero(d), max = hn::Set(d, (1 << bitdepth) - 1);
    Pixel* out = dst + c0;
    for (int r = 0; r < h; r++, out += dst_stride) {
      const int32_t* col = inter + r * kMaxChunk;
      auto y = [&](int k) { return hn::Load(d, col + k * kMaxChunk); };
      VI s = hn::Mul(y(3), t3);
      s = hn::Add(s, hn::Mul(hn::Add(y(0), y(6)), t0));
      s = hn::Add(s, hn::Mul(hn::Add(y(1), y(5)), t1));
      s = hn::Add(s, hn::Mul(hn::Add(y(2), y(4)), t2));
      s = hn::ShiftRightSame(hn::Add(s, rnd), rd.round1);
      hn::StoreU(hn::DemoteTo(dp, hn::Min(hn::Max(s, zero), max)), dp, out);
    }
  }
}

template <class DI, typename Pixel>
HWY_INLINE void WienerChunks(DI d, Pixel* dst, ptrdiff_t dst_stride, const Pixel* src,
                             ptrdiff_t src_stride, int w, int h, const int16_t hf[7],
                             const int16_t vf[7], int bitdepth) {
  const int n = static_cast<int>(hn::Lanes(d));
  for (int c0 = 0; c0 < w; c0 += n) {
    const int c = std::min(c0, w - n);  // the last chunk overlaps: stays inside w
    WienerChunk(d, dst, dst_stride, src, src_stride, c, h, hf, vf, bitdepth);
  }
}

// 7.17.4 Wiener filter process.
template <typename Pixel>
void Wiener(Pixel* dst, ptrdiff_t dst_stride, const Pixel* src, ptrdiff_t src_stride, int w,
            int h, const int16_t hfilter[7], const int16_t vfilter[7], int bitdepth) {
  bool symmetric = true;
  for (int i = 0; i < 3; i++) {
    symmetric = symmetric && hfilter[i] == hfilter[6 - i] && vfilter[i] == vfilter[6 - i];
  }
  const hn::ScalableTag<int32_t> d;
  const hn::FixedTag<int32_t, 4> d4;
  static_assert(HWY_LANES(int32_t) <= kMaxChunk, "chunk buffer");
  if (!symmetric || w < 4) {
    WienerColumnsScalar(dst, dst_stride, src, src_stride, 0, w, h, hfilter, vfilter, bitdepth);
  } else if (w >= static_cast<int>(hn::Lanes(d))) {
    WienerChunks(d, dst, dst_stride, src, src_stride, w, h, hfilter, vfilter, bitdepth);
  } else {
    WienerChunks(d4, dst, dst_stride, src, src_stride, w, h, hfilter, vfilter, bitdepth);
  }
}

// ---- 7.17.2 / 7.17.3 self guided filter ----------------------------------
// Same arithmetic as the reference, organised for speed: box sums slide over
// column sums (instead of (2r+1)^2 reads per sample), the a2 division of
// 7.17.3 is a table over z in 0..254, and for r = 2 (pass 0) only the odd
// rows of A and B are computed (the weights of the even ones are 0).

constexpr int kSgrMtableBits = 20;  // SGRPROJ_MTABLE_BITS
constexpr int kSgrRecipBits = 12;   // SGRPROJ_RECIP_BITS
constexpr int kSgrSgrBits = 8;      // SGRPROJ_SGR_BITS
constexpr int kSgrRstBits = 4;      // SGRPROJ_RST_BITS
constexpr int kSgrPrjBits = 7;      // SGRPROJ_PRJ_BITS

// a2 of 7.17.3 for z < 255.
struct SgrA2Table {
  uint16_t v[255];
  constexpr SgrA2Table() : v() {
    v[0] = 1;
    for (int z = 1; z < 255; z++) {
      v[z] = static_cast<uint16_t>(((z << kSgrSgrBits) + (z / 2)) / (z + 1));
    }
  }
};
constexpr SgrA2Table kSgrA2;

constexpr int kSgrDim = kLrMaxBlock + 2;  // A / B rows and columns -1 .. 64

// 7.17.3 box filter process for one pass: F[ i * kLrMaxBlock + j ].
// Returns false if the radius is 0.
template <typename Pixel>
bool BoxFilterFast(const Pixel* src, ptrdiff_t src_stride, int w, int h, int set, int pass,
                   int bitdepth, int32_t* f) {
  const int r = kSgrParams[set][pass * 2 + 0];
  if (r == 0) return false;
  const int eps = kSgrParams[set][pass * 2 + 1];
  const int n = (2 * r + 1) * (2 * r + 1);
  const int n2e = n * n * eps;
  const int64_t s = ((1 << kSgrMtableBits) + n2e / 2) / n2e;
  const int64_t one_over_n = ((1 << kSgrRecipBits) + (n / 2)) / n;
  const int sh_a = 2 * (bitdepth - 8), sh_b = bitdepth - 8;
  // A[ i ][ j ] and B[ i ][ j ] at [ i + 1 ][ j + 1 ].
  int32_t a_arr[kSgrDim][kSgrDim];
  int32_t b_arr[kSgrDim][kSgrDim];
  // Column sums over rows i - r .. i + r for x in -1 - r .. w + r at
  // [ x + 1 + r ].
  const int ncols = w + 2 + 2 * r;
  uint32_t col_sq[kLrMaxBlock + 2 + 4];
  int32_t col_sum[kLrMaxBlock + 2 + 4];
  const Pixel* base = src - (1 + r);  // column x = -1 - r
  const int istep = pass == 0 ? 2 : 1;  // r = 2 uses odd rows only
  for (int i = -1; i < h + 1; i += istep) {
    for (int x = 0; x < ncols; x++) {
      uint32_t sq = 0;
      int32_t sum = 0;
      for (int dy = -r; dy <= r; dy++) {
        const int c = base[(i + dy) * src_stride + x];
        sq += static_cast<uint32_t>(c * c);
        sum += c;
      }
      col_sq[x] = sq;
      col_sum[x] = sum;
    }
    int32_t* arow = a_arr[i + 1];
    int32_t* brow = b_arr[i + 1];
    for (int j = 0; j < w + 2; j++) {  // j - 1 = -1 .. w
      uint32_t sq = 0;
      int32_t sum = 0;
      for (int dx = 0; dx <= 2 * r; dx++) {
        sq += col_sq[j + dx];
        sum += col_sum[j + dx];
      }
      const int64_t a = (int64_t{sq} + ((int64_t{1} << sh_a) >> 1)) >> sh_a;
      const int64_t d = (int64_t{sum} + ((int64_t{1} << sh_b) >> 1)) >> sh_b;
      const int64_t p = std::max<int64_t>(0, a * n - d * d);
      const int64_t z = (p * s + (int64_t{1} << (kSgrMtableBits - 1))) >> kSgrMtableBits;
      const int a2 = z >= 255 ? 256 : kSgrA2.v[z];
      const int64_t b2 = int64_t{(1 << kSgrSgrBits) - a2} * sum * one_over_n;
      arow[j] = a2;
      brow[j] = static_cast<int32_t>((b2 + (int64_t{1} << (kSgrRecipBits - 1))) >> kSgrRecipBits);
    }
  }
  for (int i = 0; i < h; i++) {
    const Pixel* srow = src + i * src_stride;
    int32_t* frow = f + i * kLrMaxBlock;
    if (pass == 0) {
      // Odd i: row i weighted 5 6 5, shift 4; even i: rows i - 1 and i + 1.
      const bool odd = (i & 1) != 0;
      const int32_t* a0 = a_arr[odd ? i + 1 : i];
      const int32_t* b0 = b_arr[odd ? i + 1 : i];
      const int32_t* a1 = a_arr[odd ? i + 1 : i + 2];
      const int32_t* b1 = b_arr[odd ? i + 1 : i + 2];
      const int rs = kSgrSgrBits + (odd ? 4 : 5) - kSgrRstBits;
      for (int j = 0; j < w; j++) {
        int64_t a = 5 * (a0[j] + a0[j + 2]) + 6 * a0[j + 1];
        int64_t b = 5 * (int64_t{b0[j]} + b0[j + 2]) + 6 * int64_t{b0[j + 1]};
        if (!odd) {
          a += 5 * (a1[j] + a1[j + 2]) + 6 * a1[j + 1];
          b += 5 * (int64_t{b1[j]} + b1[j + 2]) + 6 * int64_t{b1[j + 1]};
        }
        const int64_t v = a * srow[j] + b;
        frow[j] = static_cast<int32_t>((v + (int64_t{1} << (rs - 1))) >> rs);
      }
    } else {
      const int32_t* au = a_arr[i];
      const int32_t* am = a_arr[i + 1];
      const int32_t* ad = a_arr[i + 2];
      const int32_t* bu = b_arr[i];
      const int32_t* bm = b_arr[i + 1];
      const int32_t* bd = b_arr[i + 2];
      constexpr int rs = kSgrSgrBits + 5 - kSgrRstBits;
      for (int j = 0; j < w; j++) {
        const int64_t a = 3 * int64_t{au[j] + au[j + 2] + ad[j] + ad[j + 2]} +
                          4 * int64_t{au[j + 1] + ad[j + 1] + am[j] + am[j + 1] + am[j + 2]};
        const int64_t b = 3 * (int64_t{bu[j]} + bu[j + 2] + bd[j] + bd[j + 2]) +
                          4 * (int64_t{bu[j + 1]} + bd[j + 1] + bm[j] + bm[j + 1] + bm[j + 2]);
        const int64_t v = a * srow[j] + b;
        frow[j] = static_cast<int32_t>((v + (int64_t{1} << (rs - 1))) >> rs);
      }
    }
  }
  return true;
}

// 7.17.2 self guided filter process (scalar organisation).
template <typename Pixel>
void SgrScalar(Pixel* dst, ptrdiff_t dst_stride, const Pixel* src, ptrdiff_t src_stride, int w, int h,
         int set, int xqd0, int xqd1, int bitdepth) {
  int32_t flt0[kLrMaxBlock * kLrMaxBlock];
  int32_t flt1[kLrMaxBlock * kLrMaxBlock];
  const bool r0 = BoxFilterFast(src, src_stride, w, h, set, 0, bitdepth, flt0);
  const bool r1 = BoxFilterFast(src, src_stride, w, h, set, 1, bitdepth, flt1);
  const int64_t w0 = xqd0, w1 = xqd1;
  const int64_t w2 = (1 << kSgrPrjBits) - w0 - w1;
  const int64_t max = (1 << bitdepth) - 1;
  constexpr int rs = kSgrRstBits + kSgrPrjBits;
  for (int i = 0; i < h; i++) {
    const Pixel* srow = src + i * src_stride;
    const int32_t* f0 = flt0 + i * kLrMaxBlock;
    const int32_t* f1 = flt1 + i * kLrMaxBlock;
    Pixel* out = dst + i * dst_stride;
    for (int j = 0; j < w; j++) {
      const int64_t u = int64_t{srow[j]} << kSgrRstBits;
      int64_t v = w1 * u;
      v += r0 ? w0 * f0[j] : w0 * u;
      v += r1 ? w2 * f1[j] : w2 * u;
      const int64_t x = (v + (int64_t{1} << (rs - 1))) >> rs;
      out[j] = static_cast<Pixel>(std::clamp<int64_t>(x, 0, max));
    }
  }
}

// ---- vector self guided filter: int32 lanes, Lanes(d) columns at a time ----
// Every intermediate of 7.17.3 fits int32 for samples < 2^12 except p * s
// and b2: z only matters below 255, so p is capped where z reaches 255
// (pcap * s < 2^29); b2 = x * oneOverN with x < 2^25 is rounded as
// ( x >> 12 ) * k + Round2( ( x & 4095 ) * k, 12 ).  a2 = ( 256 z + z / 2 ) /
// ( z + 1 ) is a float division (exact: numerator < 2^16, and a non-integer
// quotient is >= 1 / 255 away from an integer).  Chunks overlap at the right
// end (w >= Lanes) so nothing beyond the block and its margin is touched.

constexpr int kSgrRowLen = kSgrDim + 16;
constexpr int kSgrColLen = kLrMaxBlock + 2 + 4 + 16;

template <class DI, typename Pixel>
HWY_INLINE bool BoxFilterVec(DI d, const Pixel* src, ptrdiff_t src_stride, int w, int h,
                             int set, int pass, int bitdepth, int32_t* f) {
  using VI = hn::Vec<DI>;
  const hn::Rebind<Pixel, DI> dp;
  const hn::Rebind<float, DI> df;
  const int N = static_cast<int>(hn::Lanes(d));
  const int r = kSgrParams[set][pass * 2 + 0];
  if (r == 0) return false;
  const int eps = kSgrParams[set][pass * 2 + 1];
  const int n = (2 * r + 1) * (2 * r + 1);
  const int n2e = n * n * eps;
  const int s = ((1 << kSgrMtableBits) + n2e / 2) / n2e;
  const int one_over_n = ((1 << kSgrRecipBits) + (n / 2)) / n;
  constexpr int kZ255 = 255 * (1 << kSgrMtableBits) - (1 << (kSgrMtableBits - 1));
  const int pcap = (kZ255 + s - 1) / s;  // smallest p with z >= 255
  const int sh_a = 2 * (bitdepth - 8), sh_b = bitdepth - 8;
  const VI rnd_a = hn::Set(d, (1 << sh_a) >> 1), rnd_b = hn::Set(d, (1 << sh_b) >> 1);
  const VI vn = hn::Set(d, n), vs = hn::Set(d, s), vk = hn::Set(d, one_over_n);
  const VI vpcap = hn::Set(d, pcap), zero = hn::Zero(d), one = hn::Set(d, 1);
  const VI v255 = hn::Set(d, 255), v256 = hn::Set(d, 256);
  const VI zrnd = hn::Set(d, 1 << (kSgrMtableBits - 1));
  const VI brnd = hn::Set(d, 1 << (kSgrRecipBits - 1)), bmask = hn::Set(d, 4095);
  alignas(64) int32_t a_arr[kSgrDim][kSgrRowLen];
  alignas(64) int32_t b_arr[kSgrDim][kSgrRowLen];
  alignas(64) int32_t col_sq[kSgrColLen];
  alignas(64) int32_t col_sum[kSgrColLen];
  const int ncols = w + 2 + 2 * r;  // x = -1 - r .. w + r
  const Pixel* base = src - (1 + r);
  const int istep = pass == 0 ? 2 : 1;
  for (int i = -1; i < h + 1; i += istep) {
    for (int x0 = 0; x0 < ncols; x0 += N) {
      const int x = std::min(x0, ncols - N);
      VI sq = zero, sum = zero;
      for (int dy = -r; dy <= r; dy++) {
        const VI c = hn::PromoteTo(d, hn::LoadU(dp, base + (i + dy) * src_stride + x));
        sq = hn::Add(sq, hn::Mul(c, c));
        sum = hn::Add(sum, c);
      }
      hn::StoreU(sq, d, col_sq + x);
      hn::StoreU(sum, d, col_sum + x);
    }
    int32_t* arow = a_arr[i + 1];
    int32_t* brow = b_arr[i + 1];
    for (int j0 = 0; j0 < w + 2; j0 += N) {
      const int j = std::min(j0, w + 2 - N);
      VI sq = hn::LoadU(d, col_sq + j), sum = hn::LoadU(d, col_sum + j);
      for (int dx = 1; dx <= 2 * r; dx++) {
        sq = hn::Add(sq, hn::LoadU(d, col_sq + j + dx));
        sum = hn::Add(sum, hn::LoadU(d, col_sum + j + dx));
      }
      const VI a = hn::ShiftRightSame(hn::Add(sq, rnd_a), sh_a);
      const VI dd = hn::ShiftRightSame(hn::Add(sum, rnd_b), sh_b);
      const VI p = hn::Max(zero, hn::Sub(hn::Mul(a, vn), hn::Mul(dd, dd)));
      const VI z = hn::ShiftRight<kSgrMtableBits>(hn::Add(hn::Mul(hn::Min(p, vpcap), vs), zrnd));
      const VI num = hn::Add(hn::ShiftLeft<kSgrSgrBits>(z), hn::ShiftRight<1>(z));
      VI a2 = hn::ConvertTo(d, hn::Div(hn::ConvertTo(df, num), hn::ConvertTo(df, hn::Add(z, one))));
      a2 = hn::IfThenElse(hn::Eq(z, zero), one, a2);
      a2 = hn::IfThenElse(hn::Gt(z, hn::Sub(v255, one)), v256, a2);
      const VI x = hn::Mul(hn::Sub(v256, a2), sum);
      const VI b = hn::Add(hn::Mul(hn::ShiftRight<kSgrRecipBits>(x), vk),
                           hn::ShiftRight<kSgrRecipBits>(
                               hn::Add(hn::Mul(hn::And(x, bmask), vk), brnd)));
      hn::StoreU(a2, d, arow + j);
      hn::StoreU(b, d, brow + j);
    }
  }
  const VI v3 = hn::Set(d, 3), v4 = hn::Set(d, 4), v5 = hn::Set(d, 5), v6 = hn::Set(d, 6);
  for (int i = 0; i < h; i++) {
    const Pixel* srow = src + i * src_stride;
    int32_t* frow = f + i * kLrMaxBlock;
    for (int j0 = 0; j0 < w; j0 += N) {
      const int j = std::min(j0, w - N);
      const VI px = hn::PromoteTo(d, hn::LoadU(dp, srow + j));
      VI a, b;
      int rs;
      auto w565 = [&](const int32_t* row) {
        return hn::Add(hn::Mul(hn::Add(hn::LoadU(d, row + j), hn::LoadU(d, row + j + 2)), v5),
                       hn::Mul(hn::LoadU(d, row + j + 1), v6));
      };
      if (pass == 0) {
        const bool odd = (i & 1) != 0;
        if (odd) {
          a = w565(a_arr[i + 1]);
          b = w565(b_arr[i + 1]);
          rs = kSgrSgrBits + 4 - kSgrRstBits;
        } else {
          a = hn::Add(w565(a_arr[i]), w565(a_arr[i + 2]));
          b = hn::Add(w565(b_arr[i]), w565(b_arr[i + 2]));
          rs = kSgrSgrBits + 5 - kSgrRstBits;
        }
      } else {
        auto w343 = [&](const int32_t* up, const int32_t* mid, const int32_t* dn) {
          const VI corners = hn::Add(hn::Add(hn::LoadU(d, up + j), hn::LoadU(d, up + j + 2)),
                                     hn::Add(hn::LoadU(d, dn + j), hn::LoadU(d, dn + j + 2)));
          const VI cross = hn::Add(
              hn::Add(hn::LoadU(d, up + j + 1), hn::LoadU(d, dn + j + 1)),
              hn::Add(hn::Add(hn::LoadU(d, mid + j), hn::LoadU(d, mid + j + 1)),
                      hn::LoadU(d, mid + j + 2)));
          return hn::Add(hn::Mul(corners, v3), hn::Mul(cross, v4));
        };
        a = w343(a_arr[i], a_arr[i + 1], a_arr[i + 2]);
        b = w343(b_arr[i], b_arr[i + 1], b_arr[i + 2]);
        rs = kSgrSgrBits + 5 - kSgrRstBits;
      }
      const VI v = hn::Add(hn::Mul(a, px), b);
      hn::StoreU(hn::ShiftRightSame(hn::Add(v, hn::Set(d, 1 << (rs - 1))), rs), d, frow + j);
    }
  }
  return true;
}

template <class DI, typename Pixel>
HWY_INLINE void SgrVec(DI d, Pixel* dst, ptrdiff_t dst_stride, const Pixel* src,
                       ptrdiff_t src_stride, int w, int h, int set, int xqd0, int xqd1,
                       int bitdepth) {
  using VI = hn::Vec<DI>;
  const hn::Rebind<Pixel, DI> dp;
  const int N = static_cast<int>(hn::Lanes(d));
  alignas(64) int32_t flt0[kLrMaxBlock * kLrMaxBlock];
  alignas(64) int32_t flt1[kLrMaxBlock * kLrMaxBlock];
  const bool r0 = BoxFilterVec(d, src, src_stride, w, h, set, 0, bitdepth, flt0);
  const bool r1 = BoxFilterVec(d, src, src_stride, w, h, set, 1, bitdepth, flt1);
  const VI w0 = hn::Set(d, xqd0), w1 = hn::Set(d, xqd1);
  const VI w2 = hn::Set(d, (1 << kSgrPrjBits) - xqd0 - xqd1);
  constexpr int rs = kSgrRstBits + kSgrPrjBits;
  const VI rnd = hn::Set(d, 1 << (rs - 1));
  const VI zero = hn::Zero(d), max = hn::Set(d, (1 << bitdepth) - 1);
  for (int i = 0; i < h; i++) {
    const Pixel* srow = src + i * src_stride;
    Pixel* out = dst + i * dst_stride;
    for (int j0 = 0; j0 < w; j0 += N) {
      const int j = std::min(j0, w - N);
      const VI u = hn::ShiftLeft<kSgrRstBits>(hn::PromoteTo(d, hn::LoadU(dp, srow + j)));
      const VI f0 = r0 ? hn::LoadU(d, flt0 + i * kLrMaxBlock + j) : u;
      const VI f1 = r1 ? hn::LoadU(d, flt1 + i * kLrMaxBlock + j) : u;
      VI v = hn::Add(hn::Mul(w1, u), hn::Add(hn::Mul(w0, f0), hn::Mul(w2, f1)));
      v = hn::ShiftRight<rs>(hn::Add(v, rnd));
      hn::StoreU(hn::DemoteTo(dp, hn::Min(hn::Max(v, zero), max)), dp, out + j);
    }
  }
}

// 7.17.2 self guided filter process.  The vector path needs samples below
// 2^12 (every bit depth) and xqd within Sgrproj_Xqd_Min .. Max (5.11.58) for
// its int32 bounds; anything else takes the scalar organisation.
template <typename Pixel>
void Sgr(Pixel* dst, ptrdiff_t dst_stride, const Pixel* src, ptrdiff_t src_stride, int w, int h,
         int set, int xqd0, int xqd1, int bitdepth) {
  const hn::ScalableTag<int32_t> d;
  const hn::FixedTag<int32_t, 4> d4;
  const bool in_range = xqd0 >= -96 && xqd0 <= 31 && xqd1 >= -32 && xqd1 <= 95 &&
                        bitdepth <= 12 && set >= 0 && set < 16;
  if (!in_range || w < 4) {
    SgrScalar(dst, dst_stride, src, src_stride, w, h, set, xqd0, xqd1, bitdepth);
  } else if (w >= static_cast<int>(hn::Lanes(d))) {
    SgrVec(d, dst, dst_stride, src, src_stride, w, h, set, xqd0, xqd1, bitdepth);
  } else {
    SgrVec(d4, dst, dst_stride, src, src_stride, w, h, set, xqd0, xqd1, bitdepth);
  }
}

template <typename Pixel>
void FillPixel(LoopRestorationTable<Pixel>* t) {
  t->wiener = Wiener<Pixel>;
  t->sgr = Sgr<Pixel>;
}

#endif  // HWY_TARGET != HWY_SCALAR

}  // namespace

// Fills the entries this target implements (HWY_SCALAR: none, the reference
// kernels stay).
void FillLoopRestorationTables(LoopRestorationTables* tables) {
#if HWY_TARGET != HWY_SCALAR
  FillPixel(&tables->lowbd);
  FillPixel(&tables->highbd);
#else
  (void)tables;
#endif
}

}  // namespace HWY_NAMESPACE
}  // namespace hav1
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
#include "simd/looprestoration.h"
#include "simd/target_select.h"

namespace hav1 {

HWY_EXPORT(FillLoopRestorationTables);

bool FillLoopRestorationTablesForTarget(int64_t target, LoopRestorationTables* tables) {
  const auto fill =
      HwyTableEntryForTarget(HWY_DISPATCH_TABLE(FillLoopRestorationTables), target);
  if (fill == nullptr) return false;
  fill(tables);
  return true;
}

}  // namespace hav1
#endif  // HWY_ONCE
