// 7.12.2 / 7.12.3 dequantisation.
#include "src/recon/dequant.h"

#include <algorithm>
#include <cstdlib>

#include "src/common/intops.h"
#include "src/dsp/ipred.h"

namespace hav1::recon {
namespace {

#include "src/recon/quant_tables.inc"

int DepthIndex(int bitdepth) { return Clip3(0, 2, (bitdepth - 8) >> 1); }

}  // namespace

int DcQ(int b, int bitdepth) { return kDcQlookup[DepthIndex(bitdepth)][Clip3(0, 255, b)]; }
int AcQ(int b, int bitdepth) { return kAcQlookup[DepthIndex(bitdepth)][Clip3(0, 255, b)]; }

const uint8_t* QuantizerMatrix(int level, bool chroma, int tx_size) {
  if (level < 0 || level >= 15 || tx_size < 0 || tx_size >= 19) return nullptr;
  return &kQuantizerMatrix[level][chroma ? 1 : 0][kQmOffset[tx_size]];
}

int DequantDenomShift(int tx_size) {
  // TxSize numbering: TX_32X32 = 3, TX_64X64 = 4, TX_16X32 = 9, TX_32X16 = 10,
  // TX_32X64 = 11, TX_64X32 = 12, TX_16X64 = 17, TX_64X16 = 18.
  switch (tx_size) {
    case 3: case 9: case 10: case 17: case 18: return 1;
    case 4: case 11: case 12: return 2;
    default: return 0;
  }
}

void Dequantize(const int32_t* quant, int tx_size, const DequantParams& p, int32_t* out) {
  const int tw = 1 << std::min(5, kTxWidthLog2[tx_size]);
  const int th = 1 << std::min(5, kTxHeightLog2[tx_size]);
  const int shift = DequantDenomShift(tx_size);
  const int32_t hi = (1 << (7 + p.bitdepth)) - 1;
  const int32_t lo = -(1 << (7 + p.bitdepth));
  const int n = tw * th;
  for (int k = 0; k < n; ++k) {
    const int32_t v = quant[k];
    if (v == 0) {
      out[k] = 0;
      continue;
    }
    int64_t q = k == 0 ? p.dc_q : p.ac_q;
    if (p.qm != nullptr) q = Round2(static_cast<int64_t>(q * p.qm[k]), 5);
    const int64_t dq = static_cast<int64_t>(v) * q;
    // dq2 = sign * ( Abs( dq ) & 0xFFFFFF ) / dqDenom
    const int64_t mag = (std::llabs(dq) & 0xFFFFFF) >> shift;
    const int64_t dq2 = dq < 0 ? -mag : mag;
    out[k] = static_cast<int32_t>(Clip3<int64_t>(lo, hi, dq2));
  }
}

}  // namespace hav1::recon
