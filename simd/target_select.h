// Per-decoder Highway target selection without global mutable state.
//
// HWY_DYNAMIC_DISPATCH uses one process-wide "chosen target".  A decoder instead
// picks its own target (possibly capped by the user) and takes the matching
// entry of each family's HWY_EXPORT table.  The table layout is Highway's
// (highway.h, HWY_EXPORT): entry 0 is the lazy-init trampoline, then one entry
// per dynamic target, then the EMU128/SCALAR fallback; a local
// hwy::ChosenTarget computes the index exactly as Highway does, but on the
// stack.  Include this header only from a translation unit that defines the
// HWY_EXPORT table, so HWY_TARGETS is the set compiled into that table.
#ifndef HAV1_SIMD_TARGET_SELECT_H_
#define HAV1_SIMD_TARGET_SELECT_H_

#include <cstddef>
#include <cstdint>

#include "hwy/highway.h"

namespace hav1 {

// Returns the entry of an HWY_EXPORT table for the single target bit `target`,
// or nullptr if that target is not compiled into the table.
template <typename Fn, size_t kN>
Fn HwyTableEntryForTarget(Fn const (&table)[kN], int64_t target) {
  if ((target & HWY_TARGETS) == 0 || (target & (target - 1)) != 0) return nullptr;
  if constexpr (kN == 1) {
    return table[0];  // single compiled target: static dispatch table
  } else {
    hwy::ChosenTarget chosen;  // local: no global state is touched
    chosen.Update(target);
    const size_t index = chosen.GetIndex();
    return index < kN ? table[index] : nullptr;
  }
}

}  // namespace hav1

#endif  // HAV1_SIMD_TARGET_SELECT_H_
