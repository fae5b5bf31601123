// Highway inverse transform + add kernels (7.13.2, 7.13.3, 7.12.3 step 3).
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "simd/itx.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
#include "hwy/highway.h"

#include "src/dsp/itx.h"

HWY_BEFORE_NAMESPACE();
namespace hav1 {
namespace HWY_NAMESPACE {

// Fills the entries this target implements.
void FillItxTables(ItxTables* /*tables*/) {}

}  // namespace HWY_NAMESPACE
}  // namespace hav1
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
#include "simd/itx.h"
#include "simd/target_select.h"

namespace hav1 {

HWY_EXPORT(FillItxTables);

bool FillItxTablesForTarget(int64_t target, ItxTables* tables) {
  const auto fill = HwyTableEntryForTarget(HWY_DISPATCH_TABLE(FillItxTables), target);
  if (fill == nullptr) return false;
  fill(tables);
  return true;
}

}  // namespace hav1
#endif  // HWY_ONCE
