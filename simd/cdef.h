// Highway cdef kernels (simd/cdef.cc): fills a CdefTables's entries with the kernels
// of one compiled Highway target.
#ifndef HAV1_SIMD_CDEF_H_
#define HAV1_SIMD_CDEF_H_

#include <cstdint>

#include "src/dsp/cdef.h"

namespace hav1 {

// Overwrites the entries that target `target` (one HWY_* bit) implements;
// leaves the others (reference kernels) untouched.  Returns false, touching
// nothing, if that target is not compiled in.
bool FillCdefTablesForTarget(int64_t target, CdefTables* tables);

}  // namespace hav1

#endif  // HAV1_SIMD_CDEF_H_
