// The whole intra prediction process of one transform block (7.11.2,
// predict_intra), composed from the edge preparation functions and the
// IpredTable kernels.  A convenience for the recon driver; everything it does
// can also be done step by step with ipred.h.
#ifndef HAV1_SRC_DSP_IPRED_PREDICT_H_
#define HAV1_SRC_DSP_IPRED_PREDICT_H_

#include <cstddef>
#include <cstdint>

#include "src/dsp/ipred.h"

namespace hav1 {

struct IntraPredParams {
  int tx_size = 0;          // TxSize of the transform block (gives w and h)
  int mode = 0;             // YMode, or UVMode (DC_PRED for UV_CFL_PRED), 0..12
  int angle_delta = 0;      // AngleDeltaY / AngleDeltaUV, -3..3 (directional modes)
  bool use_filter_intra = false;  // plane 0 and use_filter_intra
  int filter_intra_mode = 0;      // 0..4
  int filter_type = 0;            // 7.11.2.8 intra filter type (0 or 1)
  bool enable_intra_edge_filter = false;
};

// 7.11.2: writes the w x h prediction at dst = CurrFrame[ plane ][ y ][ x ],
// reading the neighbours the availability flags of geom allow.  geom.w and
// geom.h are taken from params.tx_size.  Out-of-range mode / angle_delta /
// filter_intra_mode values (never produced by a conformant parser) are
// clamped into range instead of reading outside tables.
void PredictIntra(const IpredTable<uint8_t>& table, uint8_t* dst, ptrdiff_t stride,
                  const IntraEdgeGeometry& geom, const IntraPredParams& params, int bitdepth);
void PredictIntra(const IpredTable<uint16_t>& table, uint16_t* dst, ptrdiff_t stride,
                  const IntraEdgeGeometry& geom, const IntraPredParams& params, int bitdepth);

}  // namespace hav1

#endif  // HAV1_SRC_DSP_IPRED_PREDICT_H_
