// Reference kernels of the predict chroma from luma process, 7.11.5, split in
// two: the luma subsampling / averaging (producing L[ i ][ j ] - lumaAvg) and
// the alpha application on top of the DC prediction already in the frame.
#include <algorithm>
#include <cstdint>

#include "src/common/intops.h"
#include "src/dsp/ipred.h"
#include "src/dsp/ipred_ref.h"

namespace hav1 {
namespace ipred_ref {
namespace {

// 7.11.5, the array L and lumaAvg; writes ac[ i * w + j ] = L[ i ][ j ] - lumaAvg.
// Positions are relative to luma = CurrFrame[ 0 ][ startY << subY ][ startX << subX ],
// so Min( lumaX, MaxLumaW - ( 1 << subX ) ) becomes Min( j << subX, avail_w - ( 1 << subX ) ).
template <typename Pixel>
void CflSubsample(int16_t* ac, const Pixel* luma, ptrdiff_t luma_stride, int avail_w,
                  int avail_h, int log2w, int log2h, int sub_x, int sub_y) {
  const int w = 1 << log2w;
  const int h = 1 << log2h;
  // The spec guarantees at least one (subsampled) luma sample is available.
  avail_w = std::max(avail_w, 1 << sub_x);
  avail_h = std::max(avail_h, 1 << sub_y);
  int luma_avg = 0;
  for (int i = 0; i < h; i++) {
    const int luma_y = std::min(i << sub_y, avail_h - (1 << sub_y));
    for (int j = 0; j < w; j++) {
      const int luma_x = std::min(j << sub_x, avail_w - (1 << sub_x));
      int t = 0;
      for (int dy = 0; dy <= sub_y; dy++) {
        for (int dx = 0; dx <= sub_x; dx++) {
          t += luma[(luma_y + dy) * luma_stride + luma_x + dx];
        }
      }
      const int v = t << (3 - sub_x - sub_y);
      ac[i * w + j] = static_cast<int16_t>(v);
      luma_avg += v;
    }
  }
  luma_avg = Round2(luma_avg, log2w + log2h);
  for (int k = 0; k < w * h; k++) ac[k] = static_cast<int16_t>(ac[k] - luma_avg);
}

// 7.11.5, the predicted chroma samples: dc is the DC prediction already in dst.
template <typename Pixel>
void CflPred(Pixel* dst, ptrdiff_t stride, const int16_t* ac, int alpha, int w, int h,
             int bitdepth) {
  for (int i = 0; i < h; i++) {
    for (int j = 0; j < w; j++) {
      const int dc = dst[i * stride + j];
      const int scaled_luma = Round2Signed(alpha * ac[i * w + j], 6);
      dst[i * stride + j] = static_cast<Pixel>(Clip1(dc + scaled_luma, bitdepth));
    }
  }
}

template <typename Pixel, int kTx, int kSubX, int kSubY>
void CflSubsampleThunk(int16_t* ac, const Pixel* luma, ptrdiff_t luma_stride, int avail_w,
                       int avail_h) {
  CflSubsample(ac, luma, luma_stride, avail_w, avail_h, kTxWidthLog2[kTx],
               kTxHeightLog2[kTx], kSubX, kSubY);
}

template <typename Pixel, int kTx>
void CflPredThunk(Pixel* dst, ptrdiff_t stride, const int16_t* ac, int alpha,
                  int bitdepth) {
  CflPred(dst, stride, ac, alpha, kW<kTx>, kH<kTx>, bitdepth);
}

// CfL is allowed for blocks up to 32x32 luma (is_cfl_allowed), so chroma
// transform blocks are at most 32x32.
template <int kTx>
inline constexpr bool kCflSize = kW<kTx> <= 32 && kH<kTx> <= 32;

template <typename Pixel, int kSubX, int kSubY, size_t... kTx>
void FillSubsample(CflSubsampleFn<Pixel>* out, std::index_sequence<kTx...>) {
  ((out[kTx] = kCflSize<kTx> ? &CflSubsampleThunk<Pixel, kTx, kSubX, kSubY> : nullptr),
   ...);
}

template <typename Pixel, size_t... kTx>
void FillCflPred(CflPredFn<Pixel>* out, std::index_sequence<kTx...>) {
  ((out[kTx] = kCflSize<kTx> ? &CflPredThunk<Pixel, kTx> : nullptr), ...);
}

}  // namespace

template <typename Pixel>
void FillCflRef(IpredTable<Pixel>* t) {
  FillSubsample<Pixel, 0, 0>(t->cfl_subsample[0][0], TxSizeSequence{});
  FillSubsample<Pixel, 0, 1>(t->cfl_subsample[0][1], TxSizeSequence{});
  FillSubsample<Pixel, 1, 0>(t->cfl_subsample[1][0], TxSizeSequence{});
  FillSubsample<Pixel, 1, 1>(t->cfl_subsample[1][1], TxSizeSequence{});
  FillCflPred<Pixel>(t->cfl_pred, TxSizeSequence{});
}

template void FillCflRef(IpredTable<uint8_t>*);
template void FillCflRef(IpredTable<uint16_t>*);

}  // namespace ipred_ref
}  // namespace hav1
