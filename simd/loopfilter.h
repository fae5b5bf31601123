// Highway loopfilter kernels (simd/loopfilter.cc): fills a LoopFilterTables's entries with the kernels
// of one compiled Highway target.
#ifndef HAV1_SIMD_LOOPFILTER_H_
#define HAV1_SIMD_LOOPFILTER_H_

#include <cstdint>

#include "src/dsp/loopfilter.h"

namespace hav1 {

// Overwrites the entries that target `target` (one HWY_* bit) implements;
// leaves the others (reference kernels) untouched.  Returns false, touching
// nothing, if that target is not compiled in.
bool FillLoopFilterTablesForTarget(int64_t target, LoopFilterTables* tables);

}  // namespace hav1

#endif  // HAV1_SIMD_LOOPFILTER_H_
