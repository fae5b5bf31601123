// Placeholder: no Highway mc kernels yet (the reference kernels stay).
#include "simd/mc.h"

namespace hav1 {

bool FillMcTablesForTarget(int64_t, McTables*) { return false; }

}  // namespace hav1
