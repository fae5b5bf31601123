// The single entry that fills a decoder's kernel tables (ARCHITECTURE.md):
// reference kernels first, then the chosen Highway target's kernels over them.
//
// CONTRACT shared by simd/ (implements it) and src/decoder (calls it at open).
#ifndef HAV1_SIMD_DSP_INIT_H_
#define HAV1_SIMD_DSP_INIT_H_

#include "src/common/status.h"
#include "src/dsp/dsp.h"

namespace hav1 {

// Fills *tables for the best Highway target that is compiled in, supported by
// this CPU and not above max_target (nullptr or "auto": no cap; otherwise a
// target name, case-insensitive: "scalar", "emu128", "ssse3", "sse4", "avx2",
// "avx3", "avx3_dl", "neon", ...).  Sets *target_name to the chosen target's
// static name.  Unknown names give HAV1_ERR_INVALID_ARGUMENT.  Touches no
// global mutable state (two decoders may use different targets).
Status InitDspTables(const char* max_target, DspTables* tables,
                     const char** target_name);

}  // namespace hav1

#endif  // HAV1_SIMD_DSP_INIT_H_
