// Intra edge preparation: building AboveRow / LeftCol from the neighbours
// (7.11.2, general part) and the directional edge steps of 7.11.2.4 step 4:
// filter corner (7.11.2.7), edge filter strength selection (7.11.2.9), upsample
// selection (7.11.2.10), upsampling (7.11.2.11) and the edge filter
// (7.11.2.12).  The per-sample loops of 7.11.2.11 and 7.11.2.12 are table
// kernels (edge_upsample / edge_filter) so that Highway versions can replace
// them; the selection logic here is scalar glue run once per block.
#include <algorithm>
#include <cstdint>
#include <cstdlib>

#include "src/common/intops.h"
#include "src/dsp/ipred.h"
#include "src/dsp/ipred_ref.h"
#include "src/dsp/ipred_tables.h"

namespace hav1 {
namespace {

// 7.11.2 general part: AboveRow[ -1 .. w + h - 1 ] and LeftCol[ -1 .. w + h - 1 ].
template <typename Pixel>
void BuildIntraEdgesImpl(const Pixel* src, ptrdiff_t stride, const IntraEdgeGeometry& g,
                         int bitdepth, Pixel* above, Pixel* left) {
  const int w = g.w;
  const int h = g.h;
  const int n = w + h;
  const int base = 1 << (bitdepth - 1);

  if (!g.have_above && g.have_left) {
    for (int i = 0; i < n; i++) above[i] = src[-1];
  } else if (!g.have_above && !g.have_left) {
    for (int i = 0; i < n; i++) above[i] = static_cast<Pixel>(base - 1);
  } else {
    // aboveLimit - x = Min( maxX - x, ( haveAboveRight ? 2 * w : w ) - 1 ).
    const int above_limit =
        std::min(std::max(g.frame_px_right, 1), g.have_above_right ? 2 * w : w) - 1;
    const Pixel* row = src - stride;
    for (int i = 0; i < n; i++) above[i] = row[std::min(above_limit, i)];
  }

  if (!g.have_left && g.have_above) {
    for (int i = 0; i < n; i++) left[i] = src[-stride];
  } else if (!g.have_left && !g.have_above) {
    for (int i = 0; i < n; i++) left[i] = static_cast<Pixel>(base + 1);
  } else {
    // leftLimit - y = Min( maxY - y, ( haveBelowLeft ? 2 * h : h ) - 1 ).
    const int left_limit =
        std::min(std::max(g.frame_px_below, 1), g.have_below_left ? 2 * h : h) - 1;
    for (int i = 0; i < n; i++) left[i] = src[std::min(left_limit, i) * stride - 1];
  }

  if (g.have_above && g.have_left) {
    above[-1] = src[-stride - 1];
  } else if (g.have_above) {
    above[-1] = src[-stride];
  } else if (g.have_left) {
    above[-1] = src[-1];
  } else {
    above[-1] = static_cast<Pixel>(base);
  }
  left[-1] = above[-1];
}

// 7.11.2.7 filter corner process.
template <typename Pixel>
Pixel FilterCorner(const Pixel* above, const Pixel* left) {
  const int s = left[0] * 5 + above[-1] * 6 + above[0] * 5;
  return static_cast<Pixel>(Round2(s, 4));
}

// 7.11.2.12 intra edge filter process; edge points at AboveRow[ -1 ] / LeftCol[ -1 ].
template <typename Pixel>
void IntraEdgeFilter(Pixel* buf, int sz, int strength) {
  if (strength == 0) return;
  sz = std::clamp(sz, 1, kIntraEdgeMaxLen + 1);
  int edge[kIntraEdgeMaxLen + 1];
  for (int i = 0; i < sz; i++) edge[i] = buf[i];
  const int* kernel = kIntraEdgeKernel[strength - 1];
  for (int i = 1; i < sz; i++) {
    int s = 0;
    for (int j = 0; j < kIntraEdgeTaps; j++) {
      const int k = Clip3(0, sz - 1, i - 2 + j);
      s += kernel[j] * edge[k];
    }
    buf[i] = static_cast<Pixel>((s + 8) >> 4);  // AboveRow[ i - 1 ]
  }
}

// 7.11.2.11 intra edge upsample process; buf points at AboveRow[ 0 ] / LeftCol[ 0 ].
template <typename Pixel>
void IntraEdgeUpsample(Pixel* buf, int num_px, int bitdepth) {
  num_px = std::clamp(num_px, 1, 16);
  int dup[16 + 3];
  dup[0] = buf[-1];
  for (int i = -1; i < num_px; i++) dup[i + 2] = buf[i];
  dup[num_px + 2] = buf[num_px - 1];
  buf[-2] = static_cast<Pixel>(dup[0]);
  for (int i = 0; i < num_px; i++) {
    int s = -dup[i] + (9 * dup[i + 1]) + (9 * dup[i + 2]) - dup[i + 3];
    s = Clip1(Round2(s, 4), bitdepth);
    buf[2 * i - 1] = static_cast<Pixel>(s);
    buf[2 * i] = static_cast<Pixel>(dup[i + 2]);
  }
}

// 7.11.2.4 step 4.
template <typename Pixel>
DirectionalEdgeResult PrepareDirectionalEdgesImpl(const IpredTable<Pixel>& table,
                                                  const IntraEdgeGeometry& g,
                                                  const DirectionalEdgeParams& params,
                                                  int bitdepth, Pixel* above, Pixel* left) {
  DirectionalEdgeResult r;
  if (!params.enable_intra_edge_filter) return r;
  const int p_angle = params.p_angle;
  const int w = g.w;
  const int h = g.h;
  const int filter_type = params.filter_type;
  if (p_angle != 90 && p_angle != 180) {
    if (p_angle > 90 && p_angle < 180 && (w + h) >= 24) {
      const Pixel corner = FilterCorner(above, left);
      above[-1] = corner;
      left[-1] = corner;
    }
    if (g.have_above) {
      const int strength = IntraEdgeFilterStrength(w, h, filter_type, p_angle - 90);
      const int num_px =
          std::min(w, std::max(g.frame_px_right, 1)) + (p_angle < 90 ? h : 0) + 1;
      if (strength > 0) table.edge_filter(above - 1, num_px, strength);
    }
    if (g.have_left) {
      const int strength = IntraEdgeFilterStrength(w, h, filter_type, p_angle - 180);
      const int num_px =
          std::min(h, std::max(g.frame_px_below, 1)) + (p_angle > 180 ? w : 0) + 1;
      if (strength > 0) table.edge_filter(left - 1, num_px, strength);
    }
  }
  r.upsample_above = IntraEdgeUpsampleSelect(w, h, filter_type, p_angle - 90);
  if (r.upsample_above) table.edge_upsample(above, w + (p_angle < 90 ? h : 0), bitdepth);
  r.upsample_left = IntraEdgeUpsampleSelect(w, h, filter_type, p_angle - 180);
  if (r.upsample_left) table.edge_upsample(left, h + (p_angle > 180 ? w : 0), bitdepth);
  return r;
}

}  // namespace

void BuildIntraEdges(const uint8_t* src, ptrdiff_t stride, const IntraEdgeGeometry& geom,
                     int bitdepth, uint8_t* above, uint8_t* left) {
  BuildIntraEdgesImpl(src, stride, geom, bitdepth, above, left);
}
void BuildIntraEdges(const uint16_t* src, ptrdiff_t stride, const IntraEdgeGeometry& geom,
                     int bitdepth, uint16_t* above, uint16_t* left) {
  BuildIntraEdgesImpl(src, stride, geom, bitdepth, above, left);
}

// 7.11.2.9 intra edge filter strength selection process.
int IntraEdgeFilterStrength(int w, int h, int filter_type, int delta) {
  const int d = std::abs(delta);
  const int blk_wh = w + h;
  int strength = 0;
  if (filter_type == 0) {
    if (blk_wh <= 8) {
      if (d >= 56) strength = 1;
    } else if (blk_wh <= 12) {
      if (d >= 40) strength = 1;
    } else if (blk_wh <= 16) {
      if (d >= 40) strength = 1;
    } else if (blk_wh <= 24) {
      if (d >= 8) strength = 1;
      if (d >= 16) strength = 2;
      if (d >= 32) strength = 3;
    } else if (blk_wh <= 32) {
      strength = 1;
      if (d >= 4) strength = 2;
      if (d >= 32) strength = 3;
    } else {
      strength = 3;
    }
  } else {
    if (blk_wh <= 8) {
      if (d >= 40) strength = 1;
      if (d >= 64) strength = 2;
    } else if (blk_wh <= 16) {
      if (d >= 20) strength = 1;
      if (d >= 48) strength = 2;
    } else if (blk_wh <= 24) {
      if (d >= 4) strength = 3;
    } else {
      strength = 3;
    }
  }
  return strength;
}

// 7.11.2.10 intra edge upsample selection process.
int IntraEdgeUpsampleSelect(int w, int h, int filter_type, int delta) {
  const int d = std::abs(delta);
  const int blk_wh = w + h;
  if (d <= 0 || d >= 40) return 0;
  if (filter_type == 0) return blk_wh <= 16;
  return blk_wh <= 8;
}

DirectionalEdgeResult PrepareDirectionalEdges(const IpredTable<uint8_t>& table,
                                              const IntraEdgeGeometry& geom,
                                              const DirectionalEdgeParams& params,
                                              int bitdepth, uint8_t* above, uint8_t* left) {
  return PrepareDirectionalEdgesImpl(table, geom, params, bitdepth, above, left);
}
DirectionalEdgeResult PrepareDirectionalEdges(const IpredTable<uint16_t>& table,
                                              const IntraEdgeGeometry& geom,
                                              const DirectionalEdgeParams& params,
                                              int bitdepth, uint16_t* above,
                                              uint16_t* left) {
  return PrepareDirectionalEdgesImpl(table, geom, params, bitdepth, above, left);
}

namespace ipred_ref {

template <typename Pixel>
void FillEdgeRef(IpredTable<Pixel>* t) {
  t->edge_filter = &IntraEdgeFilter<Pixel>;
  t->edge_upsample = &IntraEdgeUpsample<Pixel>;
}

template void FillEdgeRef(IpredTable<uint8_t>*);
template void FillEdgeRef(IpredTable<uint16_t>*);

}  // namespace ipred_ref
}  // namespace hav1
