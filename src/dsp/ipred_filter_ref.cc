// Reference kernel of the recursive intra prediction process (filter intra),
// 7.11.2.3: each 4x2 sub-block is predicted from 7 neighbours with the
// Intra_Filter_Taps of filter_intra_mode; neighbours inside the block are the
// already predicted samples, so dst doubles as the spec's pred array.
#include <cstdint>

#include "src/common/intops.h"
#include "src/dsp/ipred.h"
#include "src/dsp/ipred_ref.h"
#include "src/dsp/ipred_tables.h"

namespace hav1 {
namespace ipred_ref {
namespace {

// 7.11.2.3 recursive intra prediction process.
template <typename Pixel>
void RecursiveIntraPred(Pixel* pred, ptrdiff_t stride, const Pixel* above,
                        const Pixel* left, int w, int h, int filter_intra_mode,
                        int bitdepth) {
  const int w4 = w >> 2;
  const int h2 = h >> 1;
  const auto& taps = kIntraFilterTaps[filter_intra_mode];
  for (int i2 = 0; i2 < h2; i2++) {
    for (int j4 = 0; j4 < w4; j4++) {
      int p[7];
      for (int i = 0; i < 7; i++) {
        if (i < 5) {
          if (i2 == 0) {
            p[i] = above[(j4 << 2) + i - 1];
          } else if (j4 == 0 && i == 0) {
            p[i] = left[(i2 << 1) - 1];
          } else {
            p[i] = pred[((i2 << 1) - 1) * stride + (j4 << 2) + i - 1];
          }
        } else {
          if (j4 == 0) {
            p[i] = left[(i2 << 1) + i - 5];
          } else {
            p[i] = pred[((i2 << 1) + i - 5) * stride + (j4 << 2) - 1];
          }
        }
      }
      for (int i1 = 0; i1 < 2; i1++) {
        for (int j1 = 0; j1 < 4; j1++) {
          int pr = 0;
          for (int i = 0; i < 7; i++) pr += taps[(i1 << 2) + j1][i] * p[i];
          pred[((i2 << 1) + i1) * stride + (j4 << 2) + j1] = static_cast<Pixel>(
              Clip1(Round2Signed(pr, kIntraFilterScaleBits), bitdepth));
        }
      }
    }
  }
}

template <typename Pixel, int kTx>
void RecursiveThunk(Pixel* dst, ptrdiff_t stride, const Pixel* above, const Pixel* left,
                    int filter_intra_mode, int bitdepth) {
  RecursiveIntraPred(dst, stride, above, left, kW<kTx>, kH<kTx>, filter_intra_mode,
                     bitdepth);
}

template <typename Pixel, size_t... kTx>
void FillRecursive(FilterIntraPredFn<Pixel>* out, std::index_sequence<kTx...>) {
  // Filter intra exists only for blocks up to 32x32 (filter_intra_mode_info syntax).
  ((out[kTx] = (kW<kTx> <= 32 && kH<kTx> <= 32) ? &RecursiveThunk<Pixel, kTx> : nullptr),
   ...);
}

}  // namespace

template <typename Pixel>
void FillFilterIntraRef(IpredTable<Pixel>* t) {
  FillRecursive<Pixel>(t->filter_intra, TxSizeSequence{});
}

template void FillFilterIntraRef(IpredTable<uint8_t>*);
template void FillFilterIntraRef(IpredTable<uint16_t>*);

}  // namespace ipred_ref
}  // namespace hav1
