// The kernel tables a decoder instance owns: one member per kernel family.
// Filled once at decoder open by hav1::InitDspTables (simd/dsp_init.h):
// reference kernels first, then the chosen Highway target's kernels over them.
// Hot code calls the plain function pointers; nothing per block goes through
// Highway's dispatcher.  src/dsp never includes simd/.
#ifndef HAV1_SRC_DSP_DSP_H_
#define HAV1_SRC_DSP_DSP_H_

#include "src/dsp/cdef.h"
#include "src/dsp/ipred.h"
#include "src/dsp/itx.h"
#include "src/dsp/loopfilter.h"
#include "src/dsp/mc.h"
#include "src/dsp/looprestoration.h"
#include "src/dsp/superres.h"

namespace hav1 {

struct DspTables {
  ItxTables itx;      // inverse transform + add (7.13)
  IpredTables ipred;  // intra prediction and its edge filters (7.11.2)
  LoopFilterTables loopfilter;  // deblocking edge filters (7.14.6)
  CdefTables cdef;              // CDEF direction and filter (7.15.2, 7.15.3)
  SuperresTables superres;      // superres row upscaling (7.16)
  LoopRestorationTables looprestoration;  // Wiener and self guided (7.17)
  McTables mc;  // inter prediction filters and writes (7.11.3.4, 7.11.3.1)
  // Later families: filmgrain.
};

}  // namespace hav1

#endif  // HAV1_SRC_DSP_DSP_H_
