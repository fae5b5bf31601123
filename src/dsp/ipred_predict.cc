// 7.11.2 intra prediction process (the mode dispatch of its general part).
#include "src/dsp/ipred_predict.h"

#include "src/common/intops.h"
#include "src/dsp/ipred_tables.h"

namespace hav1 {
namespace {

// Spec mode numbers (intra frame mode info semantics, y_mode).
constexpr int kDcPred = 0;
constexpr int kVPred = 1;
constexpr int kD67Pred = 8;
constexpr int kSmoothPred = 9;
constexpr int kSmoothVPred = 10;
constexpr int kSmoothHPred = 11;
constexpr int kPaethPred = 12;

template <typename Pixel>
void PredictIntraImpl(const IpredTable<Pixel>& table, Pixel* dst, ptrdiff_t stride,
                      const IntraEdgeGeometry& geom_in, const IntraPredParams& params,
                      int bitdepth) {
  const int tx = Clip3(0, kIpredTxSizes - 1, params.tx_size);
  IntraEdgeGeometry geom = geom_in;
  geom.w = 1 << kTxWidthLog2[tx];
  geom.h = 1 << kTxHeightLog2[tx];
  const int mode = Clip3(0, kPaethPred, params.mode);

  IntraEdgeBuffer<Pixel> edges;
  Pixel* above = edges.above();
  Pixel* left = edges.left();
  BuildIntraEdges(dst, stride, geom, bitdepth, above, left);

  if (params.use_filter_intra && table.filter_intra[tx] != nullptr) {
    // 7.11.2.3 recursive intra prediction process.
    table.filter_intra[tx](dst, stride, above, left, Clip3(0, kIntraFilterModes - 1,
                                                           params.filter_intra_mode),
                           bitdepth);
  } else if (mode >= kVPred && mode <= kD67Pred) {
    // is_directional_mode: 7.11.2.4.
    const int p_angle = kModeToAngle[mode] + Clip3(-3, 3, params.angle_delta) * kAngleStep;
    DirectionalEdgeParams dp;
    dp.p_angle = p_angle;
    dp.filter_type = params.filter_type;
    dp.enable_intra_edge_filter = params.enable_intra_edge_filter;
    const DirectionalEdgeResult r =
        PrepareDirectionalEdges(table, geom, dp, bitdepth, above, left);
    if (p_angle == 90) {
      table.pred[kIpredV][tx](dst, stride, above, left, bitdepth);
    } else if (p_angle == 180) {
      table.pred[kIpredH][tx](dst, stride, above, left, bitdepth);
    } else {
      table.directional[tx](dst, stride, above, left, p_angle, r.upsample_above,
                            r.upsample_left, bitdepth);
    }
  } else if (mode == kSmoothPred) {
    table.pred[kIpredSmooth][tx](dst, stride, above, left, bitdepth);
  } else if (mode == kSmoothVPred) {
    table.pred[kIpredSmoothV][tx](dst, stride, above, left, bitdepth);
  } else if (mode == kSmoothHPred) {
    table.pred[kIpredSmoothH][tx](dst, stride, above, left, bitdepth);
  } else if (mode == kDcPred) {
    table.pred[DcPredKind(geom.have_above, geom.have_left)][tx](dst, stride, above, left,
                                                                 bitdepth);
  } else {
    table.pred[kIpredPaeth][tx](dst, stride, above, left, bitdepth);
  }
}

}  // namespace

void PredictIntra(const IpredTable<uint8_t>& table, uint8_t* dst, ptrdiff_t stride,
                  const IntraEdgeGeometry& geom, const IntraPredParams& params, int bitdepth) {
  PredictIntraImpl(table, dst, stride, geom, params, bitdepth);
}
void PredictIntra(const IpredTable<uint16_t>& table, uint16_t* dst, ptrdiff_t stride,
                  const IntraEdgeGeometry& geom, const IntraPredParams& params, int bitdepth) {
  PredictIntraImpl(table, dst, stride, geom, params, bitdepth);
}

}  // namespace hav1
