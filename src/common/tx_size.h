// Transform size dimensions shared by parsing, reconstruction and kernels:
// Tx_Width_Log2 / Tx_Height_Log2 of the spec's section 10 (additional
// tables), indexed by TxSize (TX_4X4 = 0 .. TX_64X16 = 18).
#ifndef HAV1_SRC_COMMON_TX_SIZE_H_
#define HAV1_SRC_COMMON_TX_SIZE_H_

namespace hav1 {

inline constexpr int kTxSizesAll = 19;  // TX_SIZES_ALL
inline constexpr int kTxWidthLog2[kTxSizesAll] = {2, 3, 4, 5, 6, 2, 3, 3, 4, 4,
                                                  5, 5, 6, 2, 4, 3, 5, 4, 6};
inline constexpr int kTxHeightLog2[kTxSizesAll] = {2, 3, 4, 5, 6, 3, 2, 4, 3, 5,
                                                   4, 6, 5, 4, 2, 5, 3, 6, 4};

}  // namespace hav1

#endif  // HAV1_SRC_COMMON_TX_SIZE_H_
