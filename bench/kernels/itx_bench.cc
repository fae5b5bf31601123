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
  bool all_types;  // every tx type; otherwise dct_dct, adst_adst and idtx
};
constexpr SizeInfo kSizes[] = {
    {0, "4x4", true},     {5, "4x8", true},     {6, "8x4", true},
    {1, "8x8", true},     {13, "4x16", false},  {14, "16x4", false},
    {7, "8x16", false},   {8, "16x8", false},   {2, "16x16", false},
    {15, "8x32", false},  {16, "32x8", false},  {9, "16x32", false},
    {10, "32x16", false}, {3, "32x32", false},  {17, "16x64", false},
    {18, "64x16", false}, {11, "32x64", false}, {12, "64x32", false},
    {4, "64x64", false}};
// Sizes also measured with only the DC coefficient (eob = 1) and with a
// low-frequency 8x8 corner (a typical small eob).
constexpr int kEobSizes[] = {2 /*16x16*/, 3 /*32x32*/, 4 /*64x64*/};

enum class Fill { kFull, kDcOnly, kCorner8x8 };

template <typename Pixel>
void BenchItx(benchmark::State& state, ItxAddFn<Pixel> fn, int tx_size, int bitdepth,
              Fill fill = Fill::kFull) {
  const int w = 1 << ItxWidthLog2(tx_size);
  const int h = 1 << ItxHeightLog2(tx_size);
  const int tw = w < 32 ? w : 32;
  const int n = tw * (h < 32 ? h : 32);
  std::mt19937 rng(1234);
  std::vector<int32_t> src(n);
  int eob = n;
  for (int k = 0; k < n; k++) {
    const bool keep = fill == Fill::kFull || (fill == Fill::kDcOnly && k == 0) ||
                      (fill == Fill::kCorner8x8 && k / tw < 8 && k % tw < 8);
    src[k] = keep ? std::uniform_int_distribution<int32_t>(-300, 300)(rng) : 0;
  }
  if (fill == Fill::kDcOnly) eob = 1;
  if (fill == Fill::kCorner8x8) eob = 64;
  std::vector<int32_t> coeffs(n);
  const ptrdiff_t stride = 64;
  std::vector<Pixel> dst(stride * h);
  for (auto& p : dst) p = static_cast<Pixel>(rng() & ((1 << bitdepth) - 1));
  for (auto _ : state) {
    std::memcpy(coeffs.data(), src.data(), n * sizeof(int32_t));
    fn(dst.data(), stride, coeffs.data(), eob, bitdepth);
    benchmark::DoNotOptimize(dst.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * w * h);  // pixels
}

void RegisterTables(const DspTables& tables, const std::string& label) {
  for (const SizeInfo& s : kSizes) {
    for (int t = 0; t < kItxTxTypes; t++) {
      if (!s.all_types && t != 0 && t != 3 && t != 9) continue;
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

// DCT_DCT with eob = 1 (DC only) and an 8x8 low-frequency corner.
void RegisterEobTables(const DspTables& tables, const std::string& label) {
  for (int tx_size : kEobSizes) {
    const int w = 1 << ItxWidthLog2(tx_size);
    const int h = 1 << ItxHeightLog2(tx_size);
    const std::string size = std::to_string(w) + "x" + std::to_string(h);
    for (Fill fill : {Fill::kDcOnly, Fill::kCorner8x8}) {
      const std::string base = std::string("itx_") + size + "_dct_dct_" +
                               (fill == Fill::kDcOnly ? "dconly" : "corner8x8");
      if (auto fn = tables.itx.lowbd.add[tx_size][0]) {
        benchmark::RegisterBenchmark((base + "_8bpc/" + label).c_str(),
                                     [fn, tx_size, fill](benchmark::State& st) {
                                       BenchItx<uint8_t>(st, fn, tx_size, 8, fill);
                                     });
      }
    }
  }
}

void RegisterAll() {
  static DspTables ref;  // benchmark lambdas keep function pointers only
  FillItxTablesRef(&ref.itx);
  RegisterTables(ref, "ref");
  RegisterEobTables(ref, "ref");
  const int64_t available = HWY_TARGETS & hwy::SupportedTargets();
  for (int64_t rest = available; rest != 0; rest &= rest - 1) {
    const int64_t target = rest & -rest;
    DspTables tables;
    const char* name = nullptr;
    if (!InitDspTables(hwy::TargetName(target), &tables, &name).ok()) continue;
    if (std::string(name) != hwy::TargetName(target)) continue;
    RegisterTables(tables, name);
    RegisterEobTables(tables, name);
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
