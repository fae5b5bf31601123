// Highway inverse transform kernels (simd/itx.cc): fills an ItxTable's entries
// with the kernels of one compiled Highway target.
#ifndef HAV1_SIMD_ITX_H_
#define HAV1_SIMD_ITX_H_

#include <cstdint>

#include "src/dsp/itx.h"

namespace hav1 {

// Overwrites the entries that target `target` (one HWY_* bit) implements;
// leaves the others (reference kernels) untouched.  Returns false, touching
// nothing, if that target is not compiled in.
bool FillItxTablesForTarget(int64_t target, ItxTables* tables);

}  // namespace hav1

#endif  // HAV1_SIMD_ITX_H_
