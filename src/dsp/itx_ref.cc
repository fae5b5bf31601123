// Reference inverse transforms, written straight from the spec text:
// 7.13.2 (1D transforms), 7.13.3 (2D inverse transform process) and step 3 of
// 7.12.3 (add the residual to the prediction).  Readability over speed: this
// is the oracle the SIMD kernels are tested against.
//
// Arithmetic model (see itx.h): int32 values, wrapping modulo 2^32.  The spec
// guarantees conformant streams never need more than 32 bits, so for them this
// is exactly the spec; for hostile input it stays defined and matches SIMD.
#include <algorithm>
#include <cstdlib>
#include <utility>

#include "src/common/intops.h"
#include "src/dsp/itx.h"
#include "src/dsp/itx_spec_tables.h"

namespace hav1 {
namespace {

using namespace itx;  // NOLINT: the spec tables

// ---- wrapping int32 arithmetic ------------------------------------------------
int32_t WAdd(int32_t a, int32_t b) {
  return static_cast<int32_t>(static_cast<uint32_t>(a) + static_cast<uint32_t>(b));
}
int32_t WSub(int32_t a, int32_t b) {
  return static_cast<int32_t>(static_cast<uint32_t>(a) - static_cast<uint32_t>(b));
}
int32_t WMul(int32_t a, int32_t b) {
  return static_cast<int32_t>(static_cast<uint32_t>(a) * static_cast<uint32_t>(b));
}
// Round2( x, n ) of 4.7 on a wrapped 32-bit value.
int32_t WRound2(int32_t x, int n) {
  if (n == 0) return x;
  return WAdd(x, int32_t{1} << (n - 1)) >> n;
}

// 7.13.2.1 brev( numBits, x ).
int Brev(int num_bits, int x) {
  int t = 0;
  for (int i = 0; i < num_bits; i++) {
    const int bit = (x >> i) & 1;
    t += bit << (num_bits - 1 - i);
  }
  return t;
}

// The array T of 7.13.2 and the processes that work on it in place.
class Transform1D {
 public:
  int32_t T[64] = {};

  // 7.13.2.1 B( a, b, angle, flip, r ).  (r only states a conformance
  // requirement on the outputs; nothing is clamped.)
  void B(int a, int b, int angle, int flip) {
    const int32_t x = WSub(WMul(T[a], Cos128(angle)), WMul(T[b], Sin128(angle)));
    const int32_t y = WAdd(WMul(T[a], Sin128(angle)), WMul(T[b], Cos128(angle)));
    T[a] = WRound2(x, 12);
    T[b] = WRound2(y, 12);
    if (flip) std::swap(T[a], T[b]);
  }

  // 7.13.2.1 H( a, b, flip, r ).
  void H(int a, int b, int flip, int r) {
    if (flip) std::swap(a, b);
    const int32_t x = T[a];
    const int32_t y = T[b];
    const int32_t lo = -(int32_t{1} << (r - 1));
    const int32_t hi = (int32_t{1} << (r - 1)) - 1;
    T[a] = Clip3(lo, hi, WAdd(x, y));
    T[b] = Clip3(lo, hi, WSub(x, y));
  }

  // 7.13.2.2 inverse DCT array permutation.
  void DctPermutation(int n) {
    int32_t copy[64];
    std::copy(T, T + 64, copy);
    for (int i = 0; i < (1 << n); i++) T[i] = copy[Brev(n, i)];
  }

  // 7.13.2.3 inverse DCT process.
  void InverseDct(int n, int r) {
    DctPermutation(n);  // step 1
    if (n == 6)
      for (int i = 0; i < 16; i++) B(32 + i, 63 - i, 63 - 4 * Brev(4, i), 0);
    if (n >= 5)
      for (int i = 0; i < 8; i++) B(16 + i, 31 - i, 6 + (Brev(3, 7 - i) << 3), 0);
    if (n == 6)
      for (int i = 0; i < 16; i++) H(32 + i * 2, 33 + i * 2, i & 1, r);
    if (n >= 4)
      for (int i = 0; i < 4; i++) B(8 + i, 15 - i, 12 + (Brev(2, 3 - i) << 4), 0);
    if (n >= 5)
      for (int i = 0; i < 8; i++) H(16 + 2 * i, 17 + 2 * i, i & 1, r);
    if (n == 6)
      for (int i = 0; i < 4; i++)
        for (int j = 0; j < 2; j++)
          B(62 - i * 4 - j, 33 + i * 4 + j, 60 - 16 * Brev(2, i) + 64 * j, 1);
    if (n >= 3)
      for (int i = 0; i < 2; i++) B(4 + i, 7 - i, 56 - 32 * i, 0);
    if (n >= 4)
      for (int i = 0; i < 4; i++) H(8 + 2 * i, 9 + 2 * i, i & 1, r);
    if (n >= 5)
      for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++)
          B(30 - 4 * i - j, 17 + 4 * i + j, 24 + (j << 6) + ((1 - i) << 5), 1);
    if (n == 6)
      for (int i = 0; i < 8; i++)
        for (int j = 0; j < 2; j++) H(32 + i * 4 + j, 35 + i * 4 - j, i & 1, r);
    for (int i = 0; i < 2; i++) B(2 * i, 2 * i + 1, 32 + 16 * i, 1 - i);  // step 12
    if (n >= 3)
      for (int i = 0; i < 2; i++) H(4 + 2 * i, 5 + 2 * i, i, r);
    if (n >= 4)
      for (int i = 0; i < 2; i++) B(14 - i, 9 + i, 48 + 64 * i, 1);
    if (n >= 5)
      for (int i = 0; i < 4; i++)
        for (int j = 0; j < 2; j++) H(16 + 4 * i + j, 19 + 4 * i - j, i & 1, r);
    if (n == 6)
      for (int i = 0; i < 2; i++)
        for (int j = 0; j < 4; j++)
          B(61 - i * 8 - j, 34 + i * 8 + j, 56 - i * 32 + (j >> 1) * 64, 1);
    for (int i = 0; i < 2; i++) H(i, 3 - i, 0, r);  // step 17
    if (n >= 3) B(6, 5, 32, 1);
    if (n >= 4)
      for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++) H(8 + 4 * i + j, 11 + 4 * i - j, i, r);
    if (n >= 5)
      for (int i = 0; i < 4; i++) B(29 - i, 18 + i, 48 + (i >> 1) * 64, 1);
    if (n == 6)
      for (int i = 0; i < 4; i++)
        for (int j = 0; j < 4; j++) H(32 + 8 * i + j, 39 + 8 * i - j, i & 1, r);
    if (n >= 3)
      for (int i = 0; i < 4; i++) H(i, 7 - i, 0, r);
    if (n >= 4)
      for (int i = 0; i < 2; i++) B(13 - i, 10 + i, 32, 1);
    if (n >= 5)
      for (int i = 0; i < 2; i++)
        for (int j = 0; j < 4; j++) H(16 + i * 8 + j, 23 + i * 8 - j, i, r);
    if (n == 6)
      for (int i = 0; i < 8; i++) B(59 - i, 36 + i, i < 4 ? 48 : 112, 1);
    if (n >= 4)
      for (int i = 0; i < 8; i++) H(i, 15 - i, 0, r);
    if (n >= 5)
      for (int i = 0; i < 4; i++) B(27 - i, 20 + i, 32, 1);
    if (n == 6) {
      for (int i = 0; i < 8; i++) {
        H(32 + i, 47 - i, 0, r);
        H(48 + i, 63 - i, 1, r);
      }
    }
    if (n >= 5)
      for (int i = 0; i < 16; i++) H(i, 31 - i, 0, r);
    if (n == 6)
      for (int i = 0; i < 8; i++) B(55 - i, 40 + i, 32, 1);
    if (n == 6)
      for (int i = 0; i < 32; i++) H(i, 63 - i, 0, r);
  }

  // 7.13.2.4 inverse ADST input array permutation.
  void AdstInputPermutation(int n) {
    const int n0 = 1 << n;
    int32_t copy[64];
    std::copy(T, T + 64, copy);
    for (int i = 0; i < n0; i++) {
      const int idx = (i & 1) ? (i - 1) : (n0 - i - 1);
      T[i] = copy[idx];
    }
  }

  // 7.13.2.5 inverse ADST output array permutation.
  void AdstOutputPermutation(int n) {
    const int n0 = 1 << n;
    int32_t copy[64];
    std::copy(T, T + 64, copy);
    for (int i = 0; i < n0; i++) {
      const int a = (i >> 3) & 1;
      const int b = ((i >> 2) & 1) ^ ((i >> 3) & 1);
      const int c = ((i >> 1) & 1) ^ ((i >> 2) & 1);
      const int d = (i & 1) ^ ((i >> 1) & 1);
      const int idx = ((d << 3) | (c << 2) | (b << 1) | a) >> (4 - n);
      T[i] = (i & 1) ? WSub(0, copy[idx]) : copy[idx];
    }
  }

  // 7.13.2.6 inverse ADST4.
  void InverseAdst4() {
    int32_t s[7];
    int32_t x[4];
    s[0] = WMul(kSinPi19, T[0]);
    s[1] = WMul(kSinPi29, T[0]);
    s[2] = WMul(kSinPi39, T[1]);
    s[3] = WMul(kSinPi49, T[2]);
    s[4] = WMul(kSinPi19, T[2]);
    s[5] = WMul(kSinPi29, T[3]);
    s[6] = WMul(kSinPi49, T[3]);
    const int32_t a7 = WSub(T[0], T[2]);
    const int32_t b7 = WAdd(a7, T[3]);

    s[0] = WAdd(s[0], s[3]);
    s[1] = WSub(s[1], s[4]);
    s[3] = s[2];
    s[2] = WMul(kSinPi39, b7);

    s[0] = WAdd(s[0], s[5]);
    s[1] = WSub(s[1], s[6]);

    x[0] = WAdd(s[0], s[3]);
    x[1] = WAdd(s[1], s[3]);
    x[2] = s[2];
    x[3] = WAdd(s[0], s[1]);

    x[3] = WSub(x[3], s[3]);

    for (int i = 0; i < 4; i++) T[i] = WRound2(x[i], 12);
  }

  // 7.13.2.7 inverse ADST8.
  void InverseAdst8(int r) {
    AdstInputPermutation(3);
    for (int i = 0; i < 4; i++) B(2 * i, 2 * i + 1, 60 - 16 * i, 1);
    for (int i = 0; i < 4; i++) H(i, 4 + i, 0, r);
    for (int i = 0; i < 2; i++) B(4 + 3 * i, 5 + i, 48 - 32 * i, 1);
    for (int i = 0; i < 2; i++)
      for (int j = 0; j < 2; j++) H(4 * j + i, 2 + 4 * j + i, 0, r);
    for (int i = 0; i < 2; i++) B(2 + 4 * i, 3 + 4 * i, 32, 1);
    AdstOutputPermutation(3);
  }

  // 7.13.2.8 inverse ADST16.
  void InverseAdst16(int r) {
    AdstInputPermutation(4);
    for (int i = 0; i < 8; i++) B(2 * i, 2 * i + 1, 62 - 8 * i, 1);
    for (int i = 0; i < 8; i++) H(i, 8 + i, 0, r);
    for (int i = 0; i < 2; i++) {
      B(8 + 2 * i, 9 + 2 * i, 56 - 32 * i, 1);
      B(13 + 2 * i, 12 + 2 * i, 8 + 32 * i, 1);
    }
    for (int i = 0; i < 4; i++)
      for (int j = 0; j < 2; j++) H(8 * j + i, 4 + 8 * j + i, 0, r);
    for (int i = 0; i < 2; i++)
      for (int j = 0; j < 2; j++) B(4 + 8 * j + 3 * i, 5 + 8 * j + i, 48 - 32 * i, 1);
    for (int i = 0; i < 2; i++)
      for (int j = 0; j < 4; j++) H(4 * j + i, 2 + 4 * j + i, 0, r);
    for (int i = 0; i < 4; i++) B(2 + 4 * i, 3 + 4 * i, 32, 1);
    AdstOutputPermutation(4);
  }

  // 7.13.2.9 inverse ADST process.
  void InverseAdst(int n, int r) {
    if (n == 2) {
      InverseAdst4();
    } else if (n == 3) {
      InverseAdst8(r);
    } else {
      InverseAdst16(r);
    }
  }

  // 7.13.2.10 inverse Walsh-Hadamard transform.
  void InverseWht(int shift) {
    int32_t a = T[0] >> shift;
    int32_t c = T[1] >> shift;
    int32_t d = T[2] >> shift;
    int32_t b = T[3] >> shift;
    a = WAdd(a, c);
    d = WSub(d, b);
    const int32_t e = WSub(a, d) >> 1;
    b = WSub(e, b);
    c = WSub(e, c);
    a = WSub(a, b);
    d = WAdd(d, c);
    T[0] = a;
    T[1] = b;
    T[2] = c;
    T[3] = d;
  }

  // 7.13.2.11 .. 7.13.2.15 inverse identity transforms.
  void InverseIdentity(int n) {
    for (int i = 0; i < (1 << n); i++) {
      if (n == 2) {
        T[i] = WRound2(WMul(T[i], 5793), 12);
      } else if (n == 3) {
        T[i] = WMul(T[i], 2);
      } else if (n == 4) {
        T[i] = WRound2(WMul(T[i], 11586), 12);
      } else {
        T[i] = WMul(T[i], 4);
      }
    }
  }

  void Inverse1D(Kind kind, int n, int r) {
    switch (kind) {
      case Kind::kDct: InverseDct(n, r); break;
      case Kind::kAdst: InverseAdst(n, r); break;
      case Kind::kIdentity: InverseIdentity(n); break;
    }
  }
};

// 7.13.3 2D inverse transform process followed by 7.12.3 step 3.
template <typename Pixel>
void InverseTransformAddImpl(Pixel* dst, ptrdiff_t stride, int32_t* coeffs,
                             int tx_size, int tx_type, bool lossless, int bitdepth) {
  const int log2w = kTxWidthLog2[tx_size];
  const int log2h = kTxHeightLog2[tx_size];
  const int w = 1 << log2w;
  const int h = 1 << log2h;
  const int tw = std::min(32, w);
  const int th = std::min(32, h);
  const int row_shift = lossless ? 0 : kTransformRowShift[tx_size];
  const int col_shift = lossless ? 0 : 4;
  const int row_clamp_range = bitdepth + 8;
  const int col_clamp_range = std::max(bitdepth + 6, 16);

  int32_t residual[64][64];
  // Row transforms.
  for (int i = 0; i < h; i++) {
    Transform1D t;
    for (int j = 0; j < w; j++) t.T[j] = (i < 32 && j < 32) ? coeffs[i * tw + j] : 0;
    if (std::abs(log2w - log2h) == 1) {
      for (int j = 0; j < w; j++) t.T[j] = WRound2(WMul(t.T[j], 2896), 12);
    }
    if (lossless) {
      t.InverseWht(2);
    } else {
      t.Inverse1D(RowKind(tx_type), log2w, row_clamp_range);
    }
    for (int j = 0; j < w; j++) residual[i][j] = WRound2(t.T[j], row_shift);
  }
  // Clamp between the row and column transforms.
  const int32_t col_lo = -(int32_t{1} << (col_clamp_range - 1));
  const int32_t col_hi = (int32_t{1} << (col_clamp_range - 1)) - 1;
  for (int i = 0; i < h; i++)
    for (int j = 0; j < w; j++) residual[i][j] = Clip3(col_lo, col_hi, residual[i][j]);
  // Column transforms.
  for (int j = 0; j < w; j++) {
    Transform1D t;
    for (int i = 0; i < h; i++) t.T[i] = residual[i][j];
    if (lossless) {
      t.InverseWht(0);
    } else {
      t.Inverse1D(ColKind(tx_type), log2h, col_clamp_range);
    }
    for (int i = 0; i < h; i++) residual[i][j] = WRound2(t.T[i], col_shift);
  }
  // 7.12.3 step 3: add to the prediction with flips and Clip1.
  const bool flip_ud = !lossless && FlipUD(tx_type);
  const bool flip_lr = !lossless && FlipLR(tx_type);
  for (int i = 0; i < h; i++) {
    for (int j = 0; j < w; j++) {
      const int xx = flip_lr ? (w - j - 1) : j;
      const int yy = flip_ud ? (h - i - 1) : i;
      Pixel& p = dst[yy * stride + xx];
      const int32_t v = WAdd(p, residual[i][j]);
      p = static_cast<Pixel>(Clip3(0, (1 << bitdepth) - 1, v));
    }
  }
  std::fill(coeffs, coeffs + tw * th, 0);
}

template <typename Pixel, int kTxSize, int kTxType>
void RefKernel(Pixel* dst, ptrdiff_t stride, int32_t* coeffs, int /*eob*/,
               int bitdepth) {
  InverseTransformAddImpl(dst, stride, coeffs, kTxSize, kTxType, false, bitdepth);
}

template <typename Pixel>
void RefWht4x4(Pixel* dst, ptrdiff_t stride, int32_t* coeffs, int /*eob*/,
               int bitdepth) {
  InverseTransformAddImpl(dst, stride, coeffs, 0, 0, true, bitdepth);
}

template <typename Pixel, int kSize, int... kType>
void FillSize(ItxTable<Pixel>* table, std::integer_sequence<int, kType...>) {
  ((table->add[kSize][kType] =
        ItxRefHasKernel(kSize, kType) ? &RefKernel<Pixel, kSize, kType> : nullptr),
   ...);
}

template <typename Pixel, int... kSize>
void FillAll(ItxTable<Pixel>* table, std::integer_sequence<int, kSize...>) {
  (FillSize<Pixel, kSize>(table, std::make_integer_sequence<int, kItxTxTypes>()), ...);
  table->wht4x4_add = &RefWht4x4<Pixel>;
}

}  // namespace

int ItxWidthLog2(int tx_size) { return kTxWidthLog2[tx_size]; }
int ItxHeightLog2(int tx_size) { return kTxHeightLog2[tx_size]; }

bool ItxRefHasKernel(int tx_size, int tx_type) {
  if (tx_size < 0 || tx_size >= kItxTxSizes || tx_type < 0 || tx_type >= kItxTxTypes)
    return false;
  return KindExists(RowKind(tx_type), kTxWidthLog2[tx_size]) &&
         KindExists(ColKind(tx_type), kTxHeightLog2[tx_size]);
}

void InverseTransformAddRef(uint8_t* dst, ptrdiff_t stride, int32_t* coeffs,
                            int tx_size, int tx_type, bool lossless, int bitdepth) {
  InverseTransformAddImpl(dst, stride, coeffs, tx_size, tx_type, lossless, bitdepth);
}
void InverseTransformAddRef(uint16_t* dst, ptrdiff_t stride, int32_t* coeffs,
                            int tx_size, int tx_type, bool lossless, int bitdepth) {
  InverseTransformAddImpl(dst, stride, coeffs, tx_size, tx_type, lossless, bitdepth);
}

void FillItxTablesRef(ItxTables* tables) {
  constexpr auto kAll = std::make_integer_sequence<int, kItxTxSizes>();
  FillAll(&tables->lowbd, kAll);
  FillAll(&tables->highbd, kAll);
}

}  // namespace hav1
