// Placeholder: no Highway loopfilter kernels yet (the reference kernels stay).
#include "simd/loopfilter.h"

namespace hav1 {

bool FillLoopFilterTablesForTarget(int64_t, LoopFilterTables*) { return false; }

}  // namespace hav1
