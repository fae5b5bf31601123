// Inverse transform + add kernels, per compiled and CPU-supported Highway
// target beside the reference: itx_<size>_<type>_<bpc>bpc/<TARGET|ref>.
#include <benchmark/benchmark.h>

#include <cctype>
#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "hwy/highway.h"
#include "hwy/targets.h"
#include "simd/dsp_init.h"
#include "src/dsp/dsp.h"

namespace hav1 {
namespace {

constexpr const char* kTxTypeNames[kItxTxTypes] = {
    "dct_dct",      "adst_dct",      "dct_adst",          "adst_adst",
    "flipadst_dct", "dct_flipadst",  "flipadst_flipadst", "adst_flipadst",
    "flipadst_adst", "idtx",         "v_dct",             "h_dct",
    "v_adst",       "h_adst",        "v_flipadst",        "h_flipadst"};

struct SizeInfo {
  int tx_size;
  const char* name;
};
// The sizes that have Highway kernels so far.
constexpr SizeInfo kSizes[] = {{0, "4x4"}, {5, "4x8"}, {6, "8x4"}, {1, "8x8"}};

template <typename Pixel>
void BenchItx(benchmark::State& state, ItxAddFn<Pixel> fn, int tx_size, int bitdepth) {
  const int w = 1 << ItxWidthLog2(tx_size);
  const int h = 1 << ItxHeightLog2(tx_size);
  const int n = (w < 32 ? w : 32) * (h < 32 ? h : 32);
  std::mt19937 rng(1234);
  std::vector<int32_t> src(n);
  for (auto& c : src) c = std::uniform_int_distribution<int32_t>(-300, 300)(rng);
  std::vector<int32_t> coeffs(n);
  const ptrdiff_t stride = 64;
  std::vector<Pixel> dst(stride * h);
  for (auto& p : dst) p = static_cast<Pixel>(rng() & ((1 << bitdepth) - 1));
  for (auto _ : state) {
    std::memcpy(coeffs.data(), src.data(), n * sizeof(int32_t));
    fn(dst.data(), stride, coeffs.data(), n, bitdepth);
    benchmark::DoNotOptimize(dst.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * w * h);  // pixels
}

void RegisterTables(const DspTables& tables, const std::string& label) {
  for (const SizeInfo& s : kSizes) {
    for (int t = 0; t < kItxTxTypes; t++) {
      const std::string base = std::string("itx_") + s.name + "_" + kTxTypeNames[t];
      if (auto fn = tables.itx.lowbd.add[s.tx_size][t]) {
        benchmark::RegisterBenchmark((base + "_8bpc/" + label).c_str(),
                                     [fn, s](benchmark::State& st) {
                                       BenchItx<uint8_t>(st, fn, s.tx_size, 8);
                                     });
      }
      if (auto fn = tables.itx.highbd.add[s.tx_size][t]) {
        benchmark::RegisterBenchmark((base + "_10bpc/" + label).c_str(),
                                     [fn, s](benchmark::State& st) {
                                       BenchItx<uint16_t>(st, fn, s.tx_size, 10);
                                     });
      }
    }
  }
}

void RegisterAll() {
  static DspTables ref;  // benchmark lambdas keep function pointers only
  FillItxTablesRef(&ref.itx);
  RegisterTables(ref, "ref");
  const int64_t available = HWY_TARGETS & hwy::SupportedTargets();
  for (int64_t rest = available; rest != 0; rest &= rest - 1) {
    const int64_t target = rest & -rest;
    DspTables tables;
    const char* name = nullptr;
    if (!InitDspTables(hwy::TargetName(target), &tables, &name).ok()) continue;
    if (std::string(name) != hwy::TargetName(target)) continue;
    RegisterTables(tables, name);
  }
}

}  // namespace
}  // namespace hav1

int main(int argc, char** argv) {
  hav1::RegisterAll();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
