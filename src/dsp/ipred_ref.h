// Internal to the ipred reference kernels: each ipred_*_ref.cc file fills its
// part of an IpredTable.  Not for use outside src/dsp (use ipred.h).
#ifndef HAV1_SRC_DSP_IPRED_REF_H_
#define HAV1_SRC_DSP_IPRED_REF_H_

#include <cstddef>
#include <utility>

#include "src/dsp/ipred.h"

namespace hav1 {
namespace ipred_ref {

// Compile-time block dimensions of a TxSize.
template <int kTx>
inline constexpr int kW = 1 << kTxWidthLog2[kTx];
template <int kTx>
inline constexpr int kH = 1 << kTxHeightLog2[kTx];

using TxSizeSequence = std::make_index_sequence<kIpredTxSizes>;

// ipred_ref.cc: DC, V, H, Paeth, smooth (pred[][]) and palette.
template <typename Pixel>
void FillBasicRef(IpredTable<Pixel>* t);
// ipred_directional_ref.cc: directional[].
template <typename Pixel>
void FillDirectionalRef(IpredTable<Pixel>* t);
// ipred_filter_ref.cc: filter_intra[].
template <typename Pixel>
void FillFilterIntraRef(IpredTable<Pixel>* t);
// ipred_cfl_ref.cc: cfl_subsample[][][] and cfl_pred[].
template <typename Pixel>
void FillCflRef(IpredTable<Pixel>* t);
// ipred_edge_ref.cc: edge_filter and edge_upsample.
template <typename Pixel>
void FillEdgeRef(IpredTable<Pixel>* t);

}  // namespace ipred_ref
}  // namespace hav1

#endif  // HAV1_SRC_DSP_IPRED_REF_H_
