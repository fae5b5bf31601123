// Intra block copy prediction (spec 7.11.3 inter prediction with
// use_intrabc = 1: refIdx -1, the current frame's pre-filter samples, no
// scaling, BILINEAR filters, single reference).
#ifndef HAV1_SRC_RECON_INTRABC_H_
#define HAV1_SRC_RECON_INTRABC_H_

#include <cstdint>
#include <vector>

#include "src/recon/recon_frame.h"

namespace hav1::recon {

struct IntrabcBlock {
  int plane = 0;
  int x = 0, y = 0;        // top-left sample in the plane
  int w = 0, h = 0;        // predW, predH (4..128)
  int mv_row = 0, mv_col = 0;  // Mv[ 0 ] (1/8 luma sample units)
  int sub_x = 0, sub_y = 0;    // of this plane
  int mi_cols = 0, mi_rows = 0;
  int bitdepth = 8;
};

// 7.11.3.3 motion vector scaling (unscaled) + 7.11.3.4 block inter
// prediction + Clip1 into CurrFrame.  The block must lie inside the padded
// plane (checked: returns false otherwise).  scratch holds the intermediate
// array.
template <typename Pixel>
bool PredictIntrabc(const IntrabcBlock& b, ReconPlane<Pixel>* plane,
                    std::vector<int32_t>* scratch);

}  // namespace hav1::recon

#endif  // HAV1_SRC_RECON_INTRABC_H_
