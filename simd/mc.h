// Highway mc kernels (simd/mc.cc): fills a McTables's entries with the kernels
// of one compiled Highway target.
#ifndef HAV1_SIMD_MC_H_
#define HAV1_SIMD_MC_H_

#include <cstdint>

#include "src/dsp/mc.h"

namespace hav1 {

// Overwrites the entries that target `target` (one HWY_* bit) implements;
// leaves the others (reference kernels) untouched.  Returns false, touching
// nothing, if that target is not compiled in.
bool FillMcTablesForTarget(int64_t target, McTables* tables);

}  // namespace hav1

#endif  // HAV1_SIMD_MC_H_
