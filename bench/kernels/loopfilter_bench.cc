// Deblocking kernels, per compiled and CPU-supported Highway target beside the
// reference: lf_<v|h>_len<4|6|8|16>_<bpc>bpc_<smooth|texture>/<TARGET|ref>.
// "smooth" content makes most lines take the wide filters (flat / flat2),
// "texture" the narrow one.  Registered at static initialisation (main() is
// in itx_bench.cc).  Run e.g.
//   build/bench/kernels/hav1_bench_kernels --benchmark_filter=lf_
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "hwy/highway.h"
#include "hwy/targets.h"
#include "simd/dsp_init.h"
#include "src/dsp/dsp.h"
#include "src/dsp/loopfilter.h"

namespace hav1 {
namespace {

constexpr const char* kLenNames[kLfLens] = {"4", "6", "8", "16"};

// 16 edge segments per iteration: along a 64-sample edge (16 x 4 lines),
// restored from a pristine copy every iteration is too costly, so the
// content is re-filtered (deblocking a deblocked edge still takes the same
// branches for this content: offsets stay within the flat / narrow ranges).
template <typename Pixel>
void BenchEdge(benchmark::State& state, LoopFilterEdgeFn<Pixel> fn, int pass, int bitdepth,
               bool smooth) {
  constexpr int kSegs = 16;
  const int along = kSegs * 4, across = 32;
  const int rows = pass == 0 ? along : across, cols = pass == 0 ? across : along;
  const ptrdiff_t stride = cols + 8;
  std::mt19937 rng(5);
  const int sh = bitdepth - 8;
  std::vector<Pixel> buf(static_cast<size_t>(stride) * rows);
  for (int r = 0; r < rows; r++) {
    for (int x = 0; x < cols; x++) {
      const int pos = pass == 0 ? x : r;
      const int noise = smooth ? static_cast<int>(rng() % 2) : static_cast<int>(rng() % 7) - 3;
      const int v = 128 + (pos >= across / 2 ? (smooth ? 1 : 6) : 0) + noise;
      buf[r * stride + x] = static_cast<Pixel>(v << sh);
    }
  }
  const ptrdiff_t seg_step = pass == 0 ? 4 * stride : 4;
  Pixel* edge = buf.data() + (pass == 0 ? across / 2 : (across / 2) * stride);
  for (auto _ : state) {
    for (int s = 0; s < kSegs; s++) fn(edge + s * seg_step, stride, 10, 40, 1, bitdepth);
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * kSegs);  // segments
}

void RegisterTables(const LoopFilterTables& t, const std::string& label) {
  for (int pass = 0; pass < 2; pass++) {
    for (int len = 0; len < kLfLens; len++) {
      for (bool smooth : {true, false}) {
        const std::string base = std::string("lf_") + (pass == 0 ? "v" : "h") + "_len" +
                                 kLenNames[len];
        const std::string suffix = std::string(smooth ? "_smooth/" : "_texture/") + label;
        if (auto fn = t.lowbd.edge[pass][len]) {
          benchmark::RegisterBenchmark((base + "_8bpc" + suffix).c_str(),
                                       [fn, pass, smooth](benchmark::State& st) {
                                         BenchEdge<uint8_t>(st, fn, pass, 8, smooth);
                                       });
        }
        if (auto fn = t.highbd.edge[pass][len]) {
          benchmark::RegisterBenchmark((base + "_10bpc" + suffix).c_str(),
                                       [fn, pass, smooth](benchmark::State& st) {
                                         BenchEdge<uint16_t>(st, fn, pass, 10, smooth);
                                       });
        }
      }
    }
  }
}

bool RegisterLoopFilterBenchmarks() {
  LoopFilterTables ref;  // the lambdas keep function pointers only
  FillLoopFilterTablesRef(&ref);
  RegisterTables(ref, "ref");
  const int64_t available = HWY_TARGETS & hwy::SupportedTargets();
  for (int64_t rest = available; rest != 0; rest &= rest - 1) {
    const int64_t target = rest & -rest;
    DspTables tables;
    const char* name = nullptr;
    if (!InitDspTables(hwy::TargetName(target), &tables, &name).ok()) continue;
    if (std::string(name) != hwy::TargetName(target)) continue;
    RegisterTables(tables.loopfilter, name);
  }
  return true;
}

[[maybe_unused]] const bool kLoopFilterBenchmarksRegistered = RegisterLoopFilterBenchmarks();

}  // namespace
}  // namespace hav1
