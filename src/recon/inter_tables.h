// The constant tables of inter prediction (spec 7.11.3), generated from the
// spec by tools/spec/gen_inter_tables.py into inter_tables.inc: Subpel_Filters
// (7.11.3.4), Warped_Filters (7.11.3.5), Div_Lut (7.11.3.7), Wedge_Codebook
// (7.11.3.11), Obmc_Mask_* (7.11.3.10), Ii_Weights_1d (7.11.3.13),
// Quant_Dist_Weight / Quant_Dist_Lookup (7.11.3.15).
#ifndef HAV1_SRC_RECON_INTER_TABLES_H_
#define HAV1_SRC_RECON_INTER_TABLES_H_

#include <cstdint>

#include "src/tile/tile_constants.h"

namespace hav1::recon {

using namespace hav1::tile;  // NOLINT: the generated tables use the spec's symbols

// 7.11.3.11 wedge directions (the values of the table after Wedge_Codebook).
enum WedgeDirection : int {
  WEDGE_HORIZONTAL = 0, WEDGE_VERTICAL = 1, WEDGE_OBLIQUE27 = 2,
  WEDGE_OBLIQUE63 = 3, WEDGE_OBLIQUE117 = 4, WEDGE_OBLIQUE153 = 5,
};

#include "src/recon/inter_tables.inc"

}  // namespace hav1::recon

#endif  // HAV1_SRC_RECON_INTER_TABLES_H_
