// CDEF kernels, per compiled and CPU-supported Highway target beside the
// reference: cdef_filter_<block>_<bpc>bpc[_pri|_sec|_both]/<TARGET|ref> and
// cdef_dir_<bpc>bpc/<TARGET|ref>.  Registered at static initialisation (main()
// is in itx_bench.cc).  Run e.g.
//   build/bench/kernels/hav1_bench_kernels --benchmark_filter=cdef
#include <benchmark/benchmark.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "hwy/highway.h"
#include "hwy/targets.h"
#include "simd/dsp_init.h"
#include "src/dsp/cdef.h"
#include "src/dsp/dsp.h"

namespace hav1 {
namespace {

constexpr const char* kKindNames[kCdefKinds] = {"8x8", "4x8", "4x4"};
constexpr int kKindW[kCdefKinds] = {8, 4, 4};
constexpr int kKindH[kCdefKinds] = {8, 8, 4};

// Strength sets as the decoder passes them (8-bit values, shifted for highbd).
struct Strengths {
  const char* name;
  int pri;
  int sec;
};
constexpr Strengths kStrengths[] = {{"both", 6, 2}, {"pri", 9, 0}, {"sec", 0, 4}};

// 16 blocks side by side in a noisy 16-bit source with a kCdefBorder margin
// (unavailable on the top row), filtered one after the other per iteration.
template <typename Pixel>
void BenchFilter(benchmark::State& state, CdefFilterFn<Pixel> fn, int kind, int bitdepth,
                 Strengths s) {
  constexpr int kBlocks = 16;
  const int w = kKindW[kind], h = kKindH[kind];
  const ptrdiff_t src_stride = kBlocks * w + 2 * kCdefBorder;
  const int rows = h + 2 * kCdefBorder;
  std::mt19937 rng(77);
  const int mid = 1 << (bitdepth - 1);
  std::vector<uint16_t> src(static_cast<size_t>(src_stride) * rows);
  for (int r = 0; r < rows; r++) {
    for (ptrdiff_t x = 0; x < src_stride; x++) {
      src[r * src_stride + x] =
          r < kCdefBorder ? kCdefUnavailable
                          : static_cast<uint16_t>(mid + static_cast<int>(rng() % 33) - 16);
    }
  }
  const ptrdiff_t dst_stride = kBlocks * w + 16;
  std::vector<Pixel> dst(static_cast<size_t>(dst_stride) * h);
  const int cs = bitdepth - 8;
  const int damping = 5 + cs - (kind != kCdef8x8 ? 1 : 0);
  const uint16_t* origin = src.data() + kCdefBorder * src_stride + kCdefBorder;
  int dir = 0;
  for (auto _ : state) {
    for (int b = 0; b < kBlocks; b++) {
      fn(dst.data() + b * w, dst_stride, origin + b * w, src_stride, s.pri << cs, s.sec << cs,
         dir, damping, bitdepth);
      dir = (dir + 3) & 7;
    }
    benchmark::DoNotOptimize(dst.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * kBlocks);  // blocks
}

template <typename Pixel>
void BenchDir(benchmark::State& state, CdefDirFn<Pixel> fn, int bitdepth) {
  constexpr int kBlocks = 16;
  const ptrdiff_t stride = kBlocks * 8 + 8;
  std::mt19937 rng(99);
  std::vector<Pixel> src(static_cast<size_t>(stride) * 8);
  for (int i = 0; i < 8; i++) {
    for (ptrdiff_t x = 0; x < stride; x++) {
      // Oriented texture plus noise.
      const int v = ((i * 3 + static_cast<int>(x)) % 7) * 20 + static_cast<int>(rng() % 16);
      src[i * stride + x] = static_cast<Pixel>(v << (bitdepth - 8));
    }
  }
  for (auto _ : state) {
    int acc = 0;
    for (int b = 0; b < kBlocks; b++) {
      int var = 0;
      acc += fn(src.data() + b * 8, stride, bitdepth, &var) + var;
    }
    benchmark::DoNotOptimize(acc);
  }
  state.SetItemsProcessed(state.iterations() * kBlocks);  // blocks
}

void RegisterTables(const CdefTables& t, const std::string& label) {
  for (int kind = 0; kind < kCdefKinds; kind++) {
    for (const Strengths& s : kStrengths) {
      const std::string base = std::string("cdef_filter_") + kKindNames[kind];
      const std::string suffix = std::string("_") + s.name + "/" + label;
      if (auto fn = t.lowbd.filter[kind]) {
        benchmark::RegisterBenchmark((base + "_8bpc" + suffix).c_str(),
                                     [fn, kind, s](benchmark::State& st) {
                                       BenchFilter<uint8_t>(st, fn, kind, 8, s);
                                     });
      }
      if (auto fn = t.highbd.filter[kind]) {
        benchmark::RegisterBenchmark((base + "_10bpc" + suffix).c_str(),
                                     [fn, kind, s](benchmark::State& st) {
                                       BenchFilter<uint16_t>(st, fn, kind, 10, s);
                                     });
      }
    }
  }
  if (auto fn = t.lowbd.dir) {
    benchmark::RegisterBenchmark(("cdef_dir_8bpc/" + label).c_str(),
                                 [fn](benchmark::State& st) { BenchDir<uint8_t>(st, fn, 8); });
  }
  if (auto fn = t.highbd.dir) {
    benchmark::RegisterBenchmark(("cdef_dir_10bpc/" + label).c_str(),
                                 [fn](benchmark::State& st) { BenchDir<uint16_t>(st, fn, 10); });
  }
}

bool RegisterCdefBenchmarks() {
  CdefTables ref;  // the lambdas keep function pointers only
  FillCdefTablesRef(&ref);
  RegisterTables(ref, "ref");
  const int64_t available = HWY_TARGETS & hwy::SupportedTargets();
  for (int64_t rest = available; rest != 0; rest &= rest - 1) {
    const int64_t target = rest & -rest;
    DspTables tables;
    const char* name = nullptr;
    if (!InitDspTables(hwy::TargetName(target), &tables, &name).ok()) continue;
    if (std::string(name) != hwy::TargetName(target)) continue;
    RegisterTables(tables.cdef, name);
  }
  return true;
}

[[maybe_unused]] const bool kCdefBenchmarksRegistered = RegisterCdefBenchmarks();

}  // namespace
}  // namespace hav1
