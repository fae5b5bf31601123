// InitDspTables (CONTRACT simd/dsp_init.h): reference kernels first, then the
// chosen Highway target's kernels over them.
#include "simd/dsp_init.h"

#include <cctype>
#include <cstdint>
#include <cstring>
#include <string>

#include "hwy/highway.h"
#include "hwy/targets.h"
#include "simd/cdef.h"
#include "simd/itx.h"
#include "simd/loopfilter.h"
#include "simd/looprestoration.h"
#include "simd/mc.h"

namespace hav1 {
namespace {

// Every target name Highway 1.0.3 knows (all architectures), so that a cap
// naming another architecture's target is "known" and simply excludes every
// target of this one except the portable fallback.
struct NamedTarget {
  const char* name;
  int64_t bit;
};
constexpr NamedTarget kTargetNames[] = {
    {"avx3_dl", HWY_AVX3_DL}, {"avx3", HWY_AVX3},         {"avx2", HWY_AVX2},
    {"sse4", HWY_SSE4},       {"ssse3", HWY_SSSE3},       {"sve2_128", HWY_SVE2_128},
    {"sve_256", HWY_SVE_256}, {"sve2", HWY_SVE2},         {"sve", HWY_SVE},
    {"neon", HWY_NEON},       {"rvv", HWY_RVV},           {"ppc8", HWY_PPC8},
    {"wasm_emu256", HWY_WASM_EMU256}, {"wasm", HWY_WASM}, {"emu128", HWY_EMU128},
    {"scalar", HWY_SCALAR},
};

bool EqualsIgnoreCase(const char* a, const char* b) {
  for (; *a != '\0' && *b != '\0'; ++a, ++b) {
    if (std::tolower(static_cast<unsigned char>(*a)) !=
        std::tolower(static_cast<unsigned char>(*b)))
      return false;
  }
  return *a == *b;
}

// Targets are bits; a LOWER bit is a BETTER target.  Returns the mask of
// targets not better than the cap, or 0 for an unknown name.
int64_t CapMask(const char* max_target) {
  if (max_target == nullptr || max_target[0] == '\0' ||
      EqualsIgnoreCase(max_target, "auto")) {
    return ~int64_t{0};
  }
  for (const NamedTarget& t : kTargetNames) {
    if (EqualsIgnoreCase(max_target, t.name)) return ~(t.bit - 1);
  }
  return 0;
}

// The best target that is compiled in, supported by the CPU and within the
// cap; if none is (e.g. cap "scalar" while only EMU128 is compiled), the
// lowest compiled and supported target, i.e. the closest one to the cap.
int64_t ChooseTarget(int64_t cap_mask) {
  const int64_t available = HWY_TARGETS & hwy::SupportedTargets();
  const int64_t allowed = available & cap_mask;
  if (allowed != 0) return allowed & -allowed;  // lowest bit = best
  int64_t worst = 0;
  for (int64_t rest = available; rest != 0; rest &= rest - 1) worst = rest & -rest;
  return worst;
}

}  // namespace

Status InitDspTables(const char* max_target, DspTables* tables,
                     const char** target_name) {
  if (tables == nullptr) return InvalidArgument("InitDspTables: tables is null");
  const int64_t cap_mask = CapMask(max_target);
  if (cap_mask == 0) {
    return InvalidArgument(std::string("unknown SIMD target name: ") + max_target);
  }
  *tables = DspTables{};
  FillItxTablesRef(&tables->itx);
  FillIpredTablesRef(&tables->ipred);
  FillLoopFilterTablesRef(&tables->loopfilter);
  FillCdefTablesRef(&tables->cdef);
  FillSuperresTablesRef(&tables->superres);
  FillLoopRestorationTablesRef(&tables->looprestoration);
  FillMcTablesRef(&tables->mc);

  const int64_t target = ChooseTarget(cap_mask);
  if (target != 0) {
    // Families a target does not implement keep their reference kernels.
    (void)FillItxTablesForTarget(target, &tables->itx);
    (void)FillMcTablesForTarget(target, &tables->mc);
    (void)FillCdefTablesForTarget(target, &tables->cdef);
    (void)FillLoopFilterTablesForTarget(target, &tables->loopfilter);
    (void)FillLoopRestorationTablesForTarget(target, &tables->looprestoration);
  }
  if (target_name != nullptr) {
    *target_name = target != 0 ? hwy::TargetName(target) : "reference";
  }
  return Status::Ok();
}

}  // namespace hav1
