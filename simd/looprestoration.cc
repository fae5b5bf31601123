// Highway loop restoration kernels: 7.17.4 Wiener filter process (with the
// rounding variables of 7.11.3.2 for isCompound = 0), lowbd and highbd.
// The self guided filter (7.17.2 / 7.17.3) keeps the reference kernel.
//
// Layout: the block is cut into column chunks of N = Lanes(ScalableTag<int32_t>)
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

template <typename Pixel>
void FillPixel(LoopRestorationTable<Pixel>* t) {
  t->wiener = Wiener<Pixel>;
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
