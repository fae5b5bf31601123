// Highway looprestoration kernels (simd/looprestoration.cc): fills a LoopRestorationTables's entries with the kernels
// of one compiled Highway target.
#ifndef HAV1_SIMD_LOOPRESTORATION_H_
#define HAV1_SIMD_LOOPRESTORATION_H_

#include <cstdint>

#include "src/dsp/looprestoration.h"

namespace hav1 {

// Overwrites the entries that target `target` (one HWY_* bit) implements;
// leaves the others (reference kernels) untouched.  Returns false, touching
// nothing, if that target is not compiled in.
bool FillLoopRestorationTablesForTarget(int64_t target, LoopRestorationTables* tables);

}  // namespace hav1

#endif  // HAV1_SIMD_LOOPRESTORATION_H_
