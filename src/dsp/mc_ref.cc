// Reference kernels of motion compensation (spec 7.11.3.4 block inter
// prediction, final writes of 7.11.3.1).
#include "src/common/intops.h"
#include "src/dsp/mc.h"

namespace hav1 {
namespace {

// 7.11.3.4 with xStep = yStep = 1024: the horizontal filter over rows
// -3 .. h + 3 into the intermediate array, then the vertical filter.
template <typename Pixel>
void PutRef(int32_t* pred, ptrdiff_t pred_stride, const Pixel* src, ptrdiff_t src_stride,
            int w, int h, const int16_t* filter_x, const int16_t* filter_y, int round0,
            int round1, int32_t* scratch) {
  const int inter_h = h + 7;
  for (int r = 0; r < inter_h; ++r) {
    const Pixel* row = src + (r - 3) * src_stride - 3;
    for (int c = 0; c < w; ++c) {
      int32_t s = 0;
      for (int t = 0; t < 8; ++t) s += filter_x[t] * row[c + t];
      scratch[r * w + c] = Round2(s, round0);
    }
  }
  for (int r = 0; r < h; ++r) {
    for (int c = 0; c < w; ++c) {
      int32_t s = 0;
      for (int t = 0; t < 8; ++t) s += filter_y[t] * scratch[(r + t) * w + c];
      pred[r * pred_stride + c] = Round2(s, round1);
    }
  }
}

// 7.11.3.4, general case (the spec's loops as written).
template <typename Pixel>
void PutScaledRef(int32_t* pred, ptrdiff_t pred_stride, const Pixel* ref, ptrdiff_t ref_stride,
                  int last_x, int last_y, int64_t x, int64_t y, int step_x, int step_y, int w,
                  int h, const int16_t (*filters_x)[8], const int16_t (*filters_y)[8],
                  int round0, int round1, int32_t* scratch) {
  const int inter_h =
      static_cast<int>(((int64_t{h - 1} * step_y + (1 << 10) - 1) >> 10) + 8);
  for (int r = 0; r < inter_h; ++r) {
    const int64_t ry = Clip3<int64_t>(0, last_y, (y >> 10) + r - 3);
    const Pixel* row = ref + ry * ref_stride;
    for (int c = 0; c < w; ++c) {
      const int64_t p = x + int64_t{step_x} * c;
      const int16_t* f = filters_x[(p >> 6) & 15];
      int32_t s = 0;
      for (int t = 0; t < 8; ++t) {
        s += f[t] * row[Clip3<int64_t>(0, last_x, (p >> 10) + t - 3)];
      }
      scratch[r * w + c] = Round2(s, round0);
    }
  }
  for (int r = 0; r < h; ++r) {
    const int64_t p = (y & 1023) + int64_t{step_y} * r;
    const int16_t* f = filters_y[(p >> 6) & 15];
    const int32_t* col = scratch + (p >> 10) * w;
    for (int c = 0; c < w; ++c) {
      int32_t s = 0;
      for (int t = 0; t < 8; ++t) s += f[t] * col[t * w + c];
      pred[r * pred_stride + c] = Round2(s, round1);
    }
  }
}

template <typename Pixel>
void WriteRef(Pixel* dst, ptrdiff_t dst_stride, const int32_t* pred, ptrdiff_t pred_stride,
              int w, int h, int post_round, int bitdepth) {
  for (int i = 0; i < h; ++i) {
    for (int j = 0; j < w; ++j) {
      dst[i * dst_stride + j] =
          static_cast<Pixel>(Clip1(Round2(pred[i * pred_stride + j], post_round), bitdepth));
    }
  }
}

template <typename Pixel>
void AvgRef(Pixel* dst, ptrdiff_t dst_stride, const int32_t* pred0, const int32_t* pred1,
            ptrdiff_t pred_stride, int w, int h, int post_round, int bitdepth) {
  for (int i = 0; i < h; ++i) {
    for (int j = 0; j < w; ++j) {
      const int32_t s = pred0[i * pred_stride + j] + pred1[i * pred_stride + j];
      dst[i * dst_stride + j] = static_cast<Pixel>(Clip1(Round2(s, 1 + post_round), bitdepth));
    }
  }
}

template <typename Pixel>
void DistRef(Pixel* dst, ptrdiff_t dst_stride, const int32_t* pred0, const int32_t* pred1,
             ptrdiff_t pred_stride, int w, int h, int fwd_weight, int bck_weight,
             int post_round, int bitdepth) {
  for (int i = 0; i < h; ++i) {
    for (int j = 0; j < w; ++j) {
      const int64_t s = int64_t{fwd_weight} * pred0[i * pred_stride + j] +
                        int64_t{bck_weight} * pred1[i * pred_stride + j];
      dst[i * dst_stride + j] = static_cast<Pixel>(
          Clip1(static_cast<int>(Round2(s, 4 + post_round)), bitdepth));
    }
  }
}

template <typename Pixel>
void Fill(McTable<Pixel>* t) {
  t->put = PutRef<Pixel>;
  t->put_scaled = PutScaledRef<Pixel>;
  t->write = WriteRef<Pixel>;
  t->avg = AvgRef<Pixel>;
  t->dist = DistRef<Pixel>;
}

}  // namespace

void FillMcTablesRef(McTables* tables) {
  Fill(&tables->lowbd);
  Fill(&tables->highbd);
}

}  // namespace hav1
