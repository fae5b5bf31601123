// Reference kernels of the non-directional intra predictors, written straight
// from the spec text: DC (7.11.2.5), the vertical / horizontal copies
// (7.11.2.4 steps 10 and 11), Paeth (7.11.2.2), smooth (7.11.2.6), and palette
// prediction (7.11.4).  Also FillIpredTablesRef, which collects every part.
#include <cstdint>
#include <cstdlib>

#include "src/common/intops.h"
#include "src/dsp/ipred.h"
#include "src/dsp/ipred_ref.h"
#include "src/dsp/ipred_tables.h"

namespace hav1 {
namespace ipred_ref {
namespace {

template <typename Pixel>
void Fill(Pixel* dst, ptrdiff_t stride, int w, int h, int value) {
  for (int i = 0; i < h; i++) {
    for (int j = 0; j < w; j++) dst[i * stride + j] = static_cast<Pixel>(value);
  }
}

// 7.11.2.5 DC intra prediction process, haveLeft = 1 and haveAbove = 1.
template <typename Pixel>
void DcIntraPred(Pixel* dst, ptrdiff_t stride, const Pixel* above, const Pixel* left,
                 int w, int h, int /*bitdepth*/) {
  int sum = 0;
  for (int k = 0; k < h; k++) sum += left[k];
  for (int k = 0; k < w; k++) sum += above[k];
  sum += (w + h) >> 1;
  Fill(dst, stride, w, h, sum / (w + h));
}

// 7.11.2.5 with haveLeft = 0 and haveAbove = 1 (aboveAvg).
template <typename Pixel>
void DcTopIntraPred(Pixel* dst, ptrdiff_t stride, const Pixel* above, const Pixel*,
                    int w, int h, int bitdepth) {
  int sum = 0;
  for (int k = 0; k < w; k++) sum += above[k];
  Fill(dst, stride, w, h, Clip1((sum + (w >> 1)) >> FloorLog2(w), bitdepth));
}

// 7.11.2.5 with haveLeft = 1 and haveAbove = 0 (leftAvg).
template <typename Pixel>
void DcLeftIntraPred(Pixel* dst, ptrdiff_t stride, const Pixel*, const Pixel* left,
                     int w, int h, int bitdepth) {
  int sum = 0;
  for (int k = 0; k < h; k++) sum += left[k];
  Fill(dst, stride, w, h, Clip1((sum + (h >> 1)) >> FloorLog2(h), bitdepth));
}

// 7.11.2.5 with haveLeft = 0 and haveAbove = 0.
template <typename Pixel>
void Dc128IntraPred(Pixel* dst, ptrdiff_t stride, const Pixel*, const Pixel*, int w,
                    int h, int bitdepth) {
  Fill(dst, stride, w, h, 1 << (bitdepth - 1));
}

// 7.11.2.4 step 10 (pAngle == 90): every row is a copy of AboveRow.
template <typename Pixel>
void VIntraPred(Pixel* dst, ptrdiff_t stride, const Pixel* above, const Pixel*, int w,
                int h, int) {
  for (int i = 0; i < h; i++) {
    for (int j = 0; j < w; j++) dst[i * stride + j] = above[j];
  }
}

// 7.11.2.4 step 11 (pAngle == 180): every column is a copy of LeftCol.
template <typename Pixel>
void HIntraPred(Pixel* dst, ptrdiff_t stride, const Pixel*, const Pixel* left, int w,
                int h, int) {
  for (int i = 0; i < h; i++) {
    for (int j = 0; j < w; j++) dst[i * stride + j] = left[i];
  }
}

// 7.11.2.2 basic intra prediction process (PAETH_PRED).
template <typename Pixel>
void BasicIntraPred(Pixel* dst, ptrdiff_t stride, const Pixel* above, const Pixel* left,
                    int w, int h, int) {
  const int top_left = above[-1];
  for (int i = 0; i < h; i++) {
    for (int j = 0; j < w; j++) {
      const int base = above[j] + left[i] - top_left;
      const int p_left = std::abs(base - left[i]);
      const int p_top = std::abs(base - above[j]);
      const int p_top_left = std::abs(base - top_left);
      Pixel v;
      if (p_left <= p_top && p_left <= p_top_left) {
        v = left[i];
      } else if (p_top <= p_top_left) {
        v = above[j];
      } else {
        v = static_cast<Pixel>(top_left);
      }
      dst[i * stride + j] = v;
    }
  }
}

// 7.11.2.6 smooth intra prediction process, SMOOTH_PRED.
template <typename Pixel>
void SmoothIntraPred(Pixel* dst, ptrdiff_t stride, const Pixel* above, const Pixel* left,
                     int w, int h, int) {
  const uint8_t* sm_weights_x = SmWeights(w);
  const uint8_t* sm_weights_y = SmWeights(h);
  for (int i = 0; i < h; i++) {
    for (int j = 0; j < w; j++) {
      const int smooth_pred = sm_weights_y[i] * above[j] +
                              (256 - sm_weights_y[i]) * left[h - 1] +
                              sm_weights_x[j] * left[i] +
                              (256 - sm_weights_x[j]) * above[w - 1];
      dst[i * stride + j] = static_cast<Pixel>(Round2(smooth_pred, 9));
    }
  }
}

// 7.11.2.6, SMOOTH_V_PRED.
template <typename Pixel>
void SmoothVIntraPred(Pixel* dst, ptrdiff_t stride, const Pixel* above,
                      const Pixel* left, int w, int h, int) {
  const uint8_t* sm_weights = SmWeights(h);
  for (int i = 0; i < h; i++) {
    for (int j = 0; j < w; j++) {
      const int smooth_pred =
          sm_weights[i] * above[j] + (256 - sm_weights[i]) * left[h - 1];
      dst[i * stride + j] = static_cast<Pixel>(Round2(smooth_pred, 8));
    }
  }
}

// 7.11.2.6, SMOOTH_H_PRED.
template <typename Pixel>
void SmoothHIntraPred(Pixel* dst, ptrdiff_t stride, const Pixel* above,
                      const Pixel* left, int w, int h, int) {
  const uint8_t* sm_weights = SmWeights(w);
  for (int i = 0; i < h; i++) {
    for (int j = 0; j < w; j++) {
      const int smooth_pred =
          sm_weights[j] * left[i] + (256 - sm_weights[j]) * above[w - 1];
      dst[i * stride + j] = static_cast<Pixel>(Round2(smooth_pred, 8));
    }
  }
}

// 7.11.4 palette prediction process.
template <typename Pixel, int kTx>
void PalettePred(Pixel* dst, ptrdiff_t stride, const uint16_t* palette,
                 const uint8_t* map, ptrdiff_t map_stride) {
  for (int i = 0; i < kH<kTx>; i++) {
    for (int j = 0; j < kW<kTx>; j++) {
      dst[i * stride + j] = static_cast<Pixel>(palette[map[i * map_stride + j]]);
    }
  }
}

// Fixed-size entry points for the table.
template <typename Pixel, int kTx, auto kImpl>
void PredThunk(Pixel* dst, ptrdiff_t stride, const Pixel* above, const Pixel* left,
               int bitdepth) {
  kImpl(dst, stride, above, left, kW<kTx>, kH<kTx>, bitdepth);
}

template <typename Pixel, auto kImpl, size_t... kTx>
void FillPred(IntraPredFn<Pixel>* out, std::index_sequence<kTx...>) {
  ((out[kTx] = &PredThunk<Pixel, kTx, kImpl>), ...);
}

template <typename Pixel, size_t... kTx>
void FillPalette(PalettePredFn<Pixel>* out, std::index_sequence<kTx...>) {
  ((out[kTx] = &PalettePred<Pixel, kTx>), ...);
}

}  // namespace

template <typename Pixel>
void FillBasicRef(IpredTable<Pixel>* t) {
  FillPred<Pixel, &DcIntraPred<Pixel>>(t->pred[kIpredDc], TxSizeSequence{});
  FillPred<Pixel, &DcTopIntraPred<Pixel>>(t->pred[kIpredDcTop], TxSizeSequence{});
  FillPred<Pixel, &DcLeftIntraPred<Pixel>>(t->pred[kIpredDcLeft], TxSizeSequence{});
  FillPred<Pixel, &Dc128IntraPred<Pixel>>(t->pred[kIpredDc128], TxSizeSequence{});
  FillPred<Pixel, &VIntraPred<Pixel>>(t->pred[kIpredV], TxSizeSequence{});
  FillPred<Pixel, &HIntraPred<Pixel>>(t->pred[kIpredH], TxSizeSequence{});
  FillPred<Pixel, &BasicIntraPred<Pixel>>(t->pred[kIpredPaeth], TxSizeSequence{});
  FillPred<Pixel, &SmoothIntraPred<Pixel>>(t->pred[kIpredSmooth], TxSizeSequence{});
  FillPred<Pixel, &SmoothVIntraPred<Pixel>>(t->pred[kIpredSmoothV], TxSizeSequence{});
  FillPred<Pixel, &SmoothHIntraPred<Pixel>>(t->pred[kIpredSmoothH], TxSizeSequence{});
  FillPalette<Pixel>(t->palette, TxSizeSequence{});
}

template void FillBasicRef(IpredTable<uint8_t>*);
template void FillBasicRef(IpredTable<uint16_t>*);

}  // namespace ipred_ref

namespace {
template <typename Pixel>
void FillIpredTableRef(IpredTable<Pixel>* t) {
  ipred_ref::FillBasicRef(t);
  ipred_ref::FillDirectionalRef(t);
  ipred_ref::FillFilterIntraRef(t);
  ipred_ref::FillCflRef(t);
  ipred_ref::FillEdgeRef(t);
}
}  // namespace

void FillIpredTablesRef(IpredTables* tables) {
  FillIpredTableRef(&tables->lowbd);
  FillIpredTableRef(&tables->highbd);
}

}  // namespace hav1
