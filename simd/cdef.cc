// Placeholder: no Highway cdef kernels yet (the reference kernels stay).
#include "simd/cdef.h"

namespace hav1 {

bool FillCdefTablesForTarget(int64_t, CdefTables*) { return false; }

}  // namespace hav1
