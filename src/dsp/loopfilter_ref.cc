// Reference kernels of the deblocking filter (spec 7.14.6).
#include <cstdlib>

#include "src/common/intops.h"
#include "src/dsp/loopfilter.h"

namespace hav1 {
namespace {

// 7.14.6 sample filtering process for one line of samples: s points at q0,
// step is the distance between samples across the edge.
template <typename Pixel>
void FilterLine(Pixel* s, ptrdiff_t step, int filter_size, int plane_is_chroma,
                int limit, int blimit, int thresh, int bitdepth) {
  auto at = [&](int k) -> int { return s[k * step]; };  // k = 0 is q0, -1 is p0
  const int q0 = at(0), q1 = at(1), p0 = at(-1), p1 = at(-2);
  const int shift = bitdepth - 8;
  // 7.14.6.2 filter mask process.
  const int thresh_bd = thresh << shift;
  const bool hev = std::abs(p1 - p0) > thresh_bd || std::abs(q1 - q0) > thresh_bd;
  const int filter_len =
      filter_size == 4 ? 4 : (plane_is_chroma ? 6 : (filter_size == 8 ? 8 : 16));
  const int limit_bd = limit << shift;
  const int blimit_bd = blimit << shift;
  bool mask = std::abs(p1 - p0) > limit_bd || std::abs(q1 - q0) > limit_bd ||
              std::abs(p0 - q0) * 2 + std::abs(p1 - q1) / 2 > blimit_bd;
  if (filter_len >= 6) {
    const int q2 = at(2), p2 = at(-3);
    mask = mask || std::abs(p2 - p1) > limit_bd || std::abs(q2 - q1) > limit_bd;
  }
  if (filter_len >= 8) {
    const int q2 = at(2), p2 = at(-3), q3 = at(3), p3 = at(-4);
    mask = mask || std::abs(p3 - p2) > limit_bd || std::abs(q3 - q2) > limit_bd;
  }
  if (mask) return;  // filterMask == 0
  const int flat_th = 1 << shift;
  bool flat = false, flat2 = false;
  if (filter_size >= 8) {
    const int q2 = at(2), p2 = at(-3);
    bool m = std::abs(p1 - p0) > flat_th || std::abs(q1 - q0) > flat_th ||
             std::abs(p2 - p0) > flat_th || std::abs(q2 - q0) > flat_th;
    if (filter_len >= 8) {
      m = m || std::abs(at(-4) - p0) > flat_th || std::abs(at(3) - q0) > flat_th;
    }
    flat = !m;
  }
  if (filter_size >= 16) {
    bool m = false;
    for (int k = 4; k <= 6; k++) {
      m = m || std::abs(at(-k - 1) - p0) > flat_th || std::abs(at(k) - q0) > flat_th;
    }
    flat2 = !m;
  }
  if (filter_size == 4 || !flat) {
    // 7.14.6.3 narrow filter process.
    const int lo = -(1 << (bitdepth - 1)), hi = (1 << (bitdepth - 1)) - 1;
    auto c4 = [&](int v) { return Clip3(lo, hi, v); };
    const int off = 0x80 << shift;
    const int ps1 = p1 - off, ps0 = p0 - off, qs0 = q0 - off, qs1 = q1 - off;
    int filter = hev ? c4(ps1 - qs1) : 0;
    filter = c4(filter + 3 * (qs0 - ps0));
    const int filter1 = c4(filter + 4) >> 3;
    const int filter2 = c4(filter + 3) >> 3;
    s[0] = static_cast<Pixel>(c4(qs0 - filter1) + off);
    s[-step] = static_cast<Pixel>(c4(ps0 + filter2) + off);
    if (!hev) {
      filter = Round2(filter1, 1);
      s[step] = static_cast<Pixel>(c4(qs1 - filter) + off);
      s[-2 * step] = static_cast<Pixel>(c4(ps1 + filter) + off);
    }
    return;
  }
  // 7.14.6.4 wide filter process.
  const int log2_size = (filter_size == 8 || !flat2) ? 3 : 4;
  const int n = log2_size == 4 ? 6 : (plane_is_chroma ? 2 : 3);
  const int n2 = (log2_size == 3 && !plane_is_chroma) ? 0 : 1;
  int f[12];
  for (int i = -n; i < n; i++) {
    int t = 0;
    for (int j = -n; j <= n; j++) {
      const int p = Clip3(-(n + 1), n, i + j);
      const int tap = std::abs(j) <= n2 ? 2 : 1;
      t += at(p) * tap;
    }
    f[i + n] = Round2(t, log2_size);
  }
  for (int i = -n; i < n; i++) s[i * step] = static_cast<Pixel>(f[i + n]);
}

template <typename Pixel, int kPass, int kLen>
void LoopFilterEdgeRef(Pixel* dst, ptrdiff_t stride, int limit, int blimit, int thresh,
                       int bitdepth) {
  // kLen -> (filterSize, chroma) pair giving the same filterLen.
  constexpr int filter_size = kLen == kLf4 ? 4 : (kLen == kLf16 ? 16 : 8);
  constexpr int chroma = kLen == kLf6 ? 1 : 0;
  const ptrdiff_t along = kPass == 0 ? stride : 1;    // next line
  const ptrdiff_t across = kPass == 0 ? 1 : stride;   // next sample across the edge
  for (int i = 0; i < 4; i++) {
    FilterLine(dst + i * along, across, filter_size, chroma, limit, blimit, thresh, bitdepth);
  }
}

template <typename Pixel>
void Fill(LoopFilterTable<Pixel>* t) {
  t->edge[0][kLf4] = LoopFilterEdgeRef<Pixel, 0, kLf4>;
  t->edge[0][kLf6] = LoopFilterEdgeRef<Pixel, 0, kLf6>;
  t->edge[0][kLf8] = LoopFilterEdgeRef<Pixel, 0, kLf8>;
  t->edge[0][kLf16] = LoopFilterEdgeRef<Pixel, 0, kLf16>;
  t->edge[1][kLf4] = LoopFilterEdgeRef<Pixel, 1, kLf4>;
  t->edge[1][kLf6] = LoopFilterEdgeRef<Pixel, 1, kLf6>;
  t->edge[1][kLf8] = LoopFilterEdgeRef<Pixel, 1, kLf8>;
  t->edge[1][kLf16] = LoopFilterEdgeRef<Pixel, 1, kLf16>;
}

}  // namespace

void FillLoopFilterTablesRef(LoopFilterTables* tables) {
  Fill(&tables->lowbd);
  Fill(&tables->highbd);
}

}  // namespace hav1
