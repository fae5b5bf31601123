// Reference kernel of the directional intra prediction process, 7.11.2.4
// steps 5..9 (the edges were already filtered / upsampled by step 4, see
// PrepareDirectionalEdges in ipred_edge_ref.cc; steps 10 and 11, the pure
// vertical and horizontal copies, are the kIpredV / kIpredH kernels).
#include <cstdint>

#include "src/common/intops.h"
#include "src/dsp/ipred.h"
#include "src/dsp/ipred_ref.h"
#include "src/dsp/ipred_tables.h"

namespace hav1 {
namespace ipred_ref {
namespace {

// Round2( a * ( 32 - shift ) + b * shift, 5 ): the two-tap interpolation.
template <typename Pixel>
Pixel Interpolate(int a, int b, int shift) {
  return static_cast<Pixel>(Round2(a * (32 - shift) + b * shift, 5));
}

// 7.11.2.4 directional intra prediction process, steps 5..9.
template <typename Pixel>
void DirectionalIntraPred(Pixel* dst, ptrdiff_t stride, const Pixel* above,
                          const Pixel* left, int w, int h, int p_angle,
                          int upsample_above, int upsample_left) {
  // Steps 5 and 6: dx and dy (each only defined where it is used).
  int dx = 0;
  int dy = 0;
  if (p_angle < 90) {
    dx = kDrIntraDerivative[p_angle];
  } else if (p_angle > 90 && p_angle < 180) {
    dx = kDrIntraDerivative[180 - p_angle];
  }
  if (p_angle > 90 && p_angle < 180) {
    dy = kDrIntraDerivative[p_angle - 90];
  } else if (p_angle > 180) {
    dy = kDrIntraDerivative[270 - p_angle];
  }

  for (int i = 0; i < h; i++) {
    for (int j = 0; j < w; j++) {
      Pixel v;
      if (p_angle < 90) {
        // Step 7: from AboveRow only.
        const int idx = (i + 1) * dx;
        const int base = (idx >> (6 - upsample_above)) + (j << upsample_above);
        const int shift = ((idx << upsample_above) >> 1) & 0x1F;
        const int max_base_x = (w + h - 1) << upsample_above;
        if (base < max_base_x) {
          v = Interpolate<Pixel>(above[base], above[base + 1], shift);
        } else {
          v = above[max_base_x];
        }
      } else if (p_angle < 180) {
        // Step 8: from AboveRow, or LeftCol when the projection falls left of it.
        int idx = (j << 6) - (i + 1) * dx;
        int base = idx >> (6 - upsample_above);
        if (base >= -(1 << upsample_above)) {
          const int shift = ((idx * (1 << upsample_above)) >> 1) & 0x1F;
          v = Interpolate<Pixel>(above[base], above[base + 1], shift);
        } else {
          idx = (i << 6) - (j + 1) * dy;
          base = idx >> (6 - upsample_left);
          const int shift = ((idx * (1 << upsample_left)) >> 1) & 0x1F;
          v = Interpolate<Pixel>(left[base], left[base + 1], shift);
        }
      } else {
        // Step 9 (pAngle > 180): from LeftCol only.
        const int idx = (j + 1) * dy;
        const int base = (idx >> (6 - upsample_left)) + (i << upsample_left);
        const int shift = ((idx << upsample_left) >> 1) & 0x1F;
        v = Interpolate<Pixel>(left[base], left[base + 1], shift);
      }
      dst[i * stride + j] = v;
    }
  }
}

template <typename Pixel, int kTx>
void DirectionalThunk(Pixel* dst, ptrdiff_t stride, const Pixel* above, const Pixel* left,
                      int p_angle, int upsample_above, int upsample_left, int) {
  DirectionalIntraPred(dst, stride, above, left, kW<kTx>, kH<kTx>, p_angle,
                       upsample_above, upsample_left);
}

template <typename Pixel, size_t... kTx>
void FillDirectional(DirectionalPredFn<Pixel>* out, std::index_sequence<kTx...>) {
  ((out[kTx] = &DirectionalThunk<Pixel, kTx>), ...);
}

}  // namespace

template <typename Pixel>
void FillDirectionalRef(IpredTable<Pixel>* t) {
  FillDirectional<Pixel>(t->directional, TxSizeSequence{});
}

template void FillDirectionalRef(IpredTable<uint8_t>*);
template void FillDirectionalRef(IpredTable<uint16_t>*);

}  // namespace ipred_ref
}  // namespace hav1
