// Inverse transform + add ("itx") kernel family: function-pointer table types
// and the plain C++ reference kernels (the test oracle).
//
// Spec: 7.13.2 (1D inverse transforms), 7.13.3 (2D inverse transform process)
// and the add-to-prediction step of 7.12.3 (reconstruction).
#ifndef HAV1_SRC_DSP_ITX_H_
#define HAV1_SRC_DSP_ITX_H_

#include <cstddef>
#include <cstdint>

namespace hav1 {

// Table dimensions use the spec's numbering: a table is indexed by the spec's
// TxSize value (section 6.10.19 / 7 "TX size semantics": TX_4X4 = 0, TX_8X8 = 1,
// ..., TX_4X8 = 5, TX_8X4 = 6, ..., TX_64X16 = 18) and PlaneTxType value
// (section 3 symbols: DCT_DCT = 0, ADST_DCT = 1, ..., H_FLIPADST = 15).
inline constexpr int kItxTxSizes = 19;  // TX_SIZES_ALL
inline constexpr int kItxTxTypes = 16;  // TX_TYPES

// One kernel = "2D inverse transform of one block, then add to prediction".
//
//   dst      top-left pixel of the block in the frame (prediction in, reconstruction out)
//   stride   distance between rows of dst, in PIXELS (not bytes)
//   coeffs   Dequant[ i ][ j ] of 7.12.3 step 1 in row-major order with row stride
//            Min( 32, w ) (the spec's Quant/Dequant layout: index i * tw + j, i = row,
//            j = column); tw * th entries, all are read and all are ZEROED on return.
//            Values are expected inside the spec's Dequant range
//            [-(1 << (7 + BitDepth)), (1 << (7 + BitDepth)) - 1]; other values give
//            defined results (see "Arithmetic" below), never undefined behaviour.
//   eob      number of coded coefficients in scan order (>= 1). Only a hint for
//            kernels (eob == 1: only coeffs[0] may be non-zero); the result never
//            depends on it as long as every non-zero coefficient is within eob.
//   bitdepth 8 for uint8_t pixels; 10 or 12 for uint16_t pixels.
//
// Arithmetic: every intermediate value is an int32 computed modulo 2^32
// (two's complement wrap-around), Round2( x, n ) is ( x + ( 1 << ( n - 1 ) ) ) >> n
// on that wrapped value, the clamps are the spec's.  For conformant streams the
// spec guarantees all intermediates fit in 32 bits, so this IS the spec's
// arithmetic; for hostile input it is still fully defined, and the reference
// and every SIMD target give bit-identical output for ALL inputs.
template <typename Pixel>
using ItxAddFn = void (*)(Pixel* dst, ptrdiff_t stride, int32_t* coeffs,
                          int eob, int bitdepth);

template <typename Pixel>
struct ItxTable {
  // [TxSize][PlaneTxType]; nullptr where the 1D transform does not exist for that
  // dimension (ADST above 16 points, identity above 32 points).
  ItxAddFn<Pixel> add[kItxTxSizes][kItxTxTypes] = {};
  // Lossless blocks (7.13.3 with Lossless = 1): the 4x4 Walsh-Hadamard transform.
  ItxAddFn<Pixel> wht4x4_add = nullptr;
};

struct ItxTables {
  ItxTable<uint8_t> lowbd;    // 8-bit pixels
  ItxTable<uint16_t> highbd;  // 10- and 12-bit pixels
};

// Fills every entry that has a reference kernel (all 19 sizes, every tx type
// whose 1D transforms exist for the size, and the lossless WHT).
void FillItxTablesRef(ItxTables* tables);

// The reference 2D inverse transform + add of one block, straight from the
// spec text (7.13.3 and 7.12.3 step 3): the oracle for tests and benchmarks.
// lossless = 1 selects the WHT (tx_size must then be TX_4X4).
void InverseTransformAddRef(uint8_t* dst, ptrdiff_t stride, int32_t* coeffs,
                            int tx_size, int tx_type, bool lossless, int bitdepth);
void InverseTransformAddRef(uint16_t* dst, ptrdiff_t stride, int32_t* coeffs,
                            int tx_size, int tx_type, bool lossless, int bitdepth);

// Whether the 1D transforms of tx_type exist for tx_size (the table entry is
// non-null in the reference table).
bool ItxRefHasKernel(int tx_size, int tx_type);

// Tx_Width_Log2 / Tx_Height_Log2 (section 10 additional tables).
int ItxWidthLog2(int tx_size);
int ItxHeightLog2(int tx_size);

}  // namespace hav1

#endif  // HAV1_SRC_DSP_ITX_H_
