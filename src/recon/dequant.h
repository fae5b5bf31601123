// Dequantisation (spec 7.12.2 dequantization functions, 7.12.3 step 1 of the
// reconstruct process): dc_q / ac_q lookups, quantizer matrices and the
// clamping of dequantised coefficients.
#ifndef HAV1_SRC_RECON_DEQUANT_H_
#define HAV1_SRC_RECON_DEQUANT_H_

#include <cstdint>

namespace hav1::recon {

// 7.12.2 dc_q( b ) = Dc_Qlookup[ ( BitDepth - 8 ) >> 1 ][ Clip3( 0, 255, b ) ].
int DcQ(int b, int bitdepth);
// 7.12.2 ac_q( b ) = Ac_Qlookup[ ( BitDepth - 8 ) >> 1 ][ Clip3( 0, 255, b ) ].
int AcQ(int b, int bitdepth);

// Quantizer_Matrix[ level ][ chroma ] + Qm_Offset[ tx_size ]: the matrix of
// one transform size (tw x th entries, row-major with stride tw), or nullptr
// when no matrix applies (level >= 15).
const uint8_t* QuantizerMatrix(int level, bool chroma, int tx_size);

// 7.12.3 dqDenom as a shift: 0, 1 (TX_32X32, TX_16X32, TX_32X16, TX_16X64,
// TX_64X16) or 2 (TX_64X64, TX_32X64, TX_64X32).
int DequantDenomShift(int tx_size);

struct DequantParams {
  int dc_q = 0;                   // get_dc_quant( plane )
  int ac_q = 0;                   // get_ac_quant( plane )
  const uint8_t* qm = nullptr;    // matrix for this tx size, or nullptr
  int bitdepth = 8;
};

// 7.12.3 step 1 for the tw x th coded area (tw = Min( 32, w ), th likewise):
// Dequant[ i ][ j ] from Quant[ i * tw + j ] into out (same layout).
void Dequantize(const int32_t* quant, int tx_size, const DequantParams& p, int32_t* out);

}  // namespace hav1::recon

#endif  // HAV1_SRC_RECON_DEQUANT_H_
