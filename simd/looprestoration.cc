// Placeholder: no Highway looprestoration kernels yet (the reference kernels stay).
#include "simd/looprestoration.h"

namespace hav1 {

bool FillLoopRestorationTablesForTarget(int64_t, LoopRestorationTables*) { return false; }

}  // namespace hav1
