// Loop restoration kernels, per compiled and CPU-supported Highway target
// beside the reference: lr_wiener_<w>x<h>_<bpc>bpc/<TARGET|ref> and
// lr_sgr_<set>_64x64_<bpc>bpc/<TARGET|ref>.  Registered at static
// initialisation (main() is in itx_bench.cc).  Run e.g.
//   build/bench/kernels/hav1_bench_kernels --benchmark_filter=lr_
#include <benchmark/benchmark.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "hwy/highway.h"
#include "hwy/targets.h"
#include "simd/dsp_init.h"
#include "src/dsp/dsp.h"
#include "src/dsp/looprestoration.h"

namespace hav1 {
namespace {

struct Size {
  int w, h;
};
constexpr Size kSizes[] = {{64, 64}, {64, 8}, {24, 64}};

// A noisy padded source; the Wiener taps are Wiener_Taps_Mid (6.10.15).
template <typename Pixel>
struct Source {
  std::vector<Pixel> buf;
  ptrdiff_t stride;
  const Pixel* origin() const { return buf.data() + kLrBorder * stride + kLrBorder; }
  explicit Source(int bitdepth) : stride(kLrMaxBlock + 2 * kLrBorder + 2) {
    std::mt19937 rng(11);
    buf.resize(static_cast<size_t>(stride) * (kLrMaxBlock + 2 * kLrBorder));
    for (size_t i = 0; i < buf.size(); i++) {
      buf[i] = static_cast<Pixel>((100 + static_cast<int>(i % 37) + static_cast<int>(rng() % 9))
                                  << (bitdepth - 8));
    }
  }
};

template <typename Pixel>
void BenchWiener(benchmark::State& state, WienerFn<Pixel> fn, Size s, int bitdepth) {
  const Source<Pixel> src(bitdepth);
  std::vector<Pixel> dst(static_cast<size_t>(kLrMaxBlock) * kLrMaxBlock);
  const int8_t coeff[3] = {3, -7, 15};
  int16_t filter[7];
  WienerCoefficients(coeff, filter);
  for (auto _ : state) {
    fn(dst.data(), kLrMaxBlock, src.origin(), src.stride, s.w, s.h, filter, filter, bitdepth);
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * s.w * s.h);  // pixels
}

template <typename Pixel>
void BenchSgr(benchmark::State& state, SgrFn<Pixel> fn, int set, int bitdepth) {
  const Source<Pixel> src(bitdepth);
  std::vector<Pixel> dst(static_cast<size_t>(kLrMaxBlock) * kLrMaxBlock);
  for (auto _ : state) {
    fn(dst.data(), kLrMaxBlock, src.origin(), src.stride, 64, 64, set, -32, 31, bitdepth);
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * 64 * 64);  // pixels
}

void RegisterTables(const LoopRestorationTables& t, const std::string& label) {
  for (const Size& s : kSizes) {
    const std::string base =
        "lr_wiener_" + std::to_string(s.w) + "x" + std::to_string(s.h);
    if (auto fn = t.lowbd.wiener) {
      benchmark::RegisterBenchmark((base + "_8bpc/" + label).c_str(),
                                   [fn, s](benchmark::State& st) {
                                     BenchWiener<uint8_t>(st, fn, s, 8);
                                   });
    }
    if (auto fn = t.highbd.wiener) {
      benchmark::RegisterBenchmark((base + "_10bpc/" + label).c_str(),
                                   [fn, s](benchmark::State& st) {
                                     BenchWiener<uint16_t>(st, fn, s, 10);
                                   });
    }
  }
  for (int set : {0, 10, 14}) {  // both passes, r = 1 only, r = 2 only
    const std::string base = "lr_sgr_set" + std::to_string(set) + "_64x64";
    if (auto fn = t.lowbd.sgr) {
      benchmark::RegisterBenchmark((base + "_8bpc/" + label).c_str(),
                                   [fn, set](benchmark::State& st) {
                                     BenchSgr<uint8_t>(st, fn, set, 8);
                                   });
    }
  }
}

bool RegisterLoopRestorationBenchmarks() {
  LoopRestorationTables ref;  // the lambdas keep function pointers only
  FillLoopRestorationTablesRef(&ref);
  RegisterTables(ref, "ref");
  const int64_t available = HWY_TARGETS & hwy::SupportedTargets();
  for (int64_t rest = available; rest != 0; rest &= rest - 1) {
    const int64_t target = rest & -rest;
    DspTables tables;
    const char* name = nullptr;
    if (!InitDspTables(hwy::TargetName(target), &tables, &name).ok()) continue;
    if (std::string(name) != hwy::TargetName(target)) continue;
    RegisterTables(tables.looprestoration, name);
  }
  return true;
}

[[maybe_unused]] const bool kLoopRestorationBenchmarksRegistered =
    RegisterLoopRestorationBenchmarks();

}  // namespace
}  // namespace hav1
