// Highway cdef kernels (simd/cdef.cc): fills a CdefTables's entries with the kernels
// of one compiled Highway target: the direction search (7.15.2) and the filter
// (7.15.3) for 8x8, 4x8 and 4x4 blocks, lowbd and highbd.  HWY_SCALAR keeps
// the reference kernels.
//
// The filter is bit-exact with CdefFilterRef for every input 7.15.1 can give:
// source samples < 4096 or kCdefUnavailable, damping <= 14 (7.15.1 gives at
// most CdefDamping + coeffShift = 6 + 4), strengths < 2^15 (at most 15 << 4).
// Unavailable samples drop out of the sum through constrain() itself, which
// needs damping <= 14 (see simd/cdef.cc).
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
