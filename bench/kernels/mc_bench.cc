// Motion compensation kernels, per compiled and CPU-supported Highway target
// beside the reference: mc_<kernel>_<w>x<h>[_<filters>]_<bpc>bpc/<TARGET|ref>.
// put cases: "hv" subpel x and y (EIGHTTAP rows 5 / 11), "h" subpel x only,
// "v" subpel y only, "int" integer position, "sharp" EIGHTTAP_SHARP both,
// "4tap" the w/h <= 4 set.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "hwy/highway.h"
#include "hwy/targets.h"
#include "simd/dsp_init.h"
#include "src/dsp/dsp.h"
#include "src/dsp/mc.h"
#include "src/recon/inter_tables.h"

namespace hav1 {
namespace {

using recon::Subpel_Filters;

struct PutShape {
  const char* name;
  int fx_set, fx_row, fy_set, fy_row;
};
constexpr PutShape kPutShapes[] = {
    {"hv", 0, 5, 0, 11}, {"h", 0, 5, 0, 0},      {"v", 0, 0, 0, 11},
    {"int", 0, 0, 0, 0}, {"sharp", 2, 5, 2, 11}, {"4tap", 4, 5, 4, 11},
};
struct Size {
  int w, h;
};
constexpr Size kPutSizes[] = {{4, 4}, {8, 8}, {16, 16}, {32, 32}, {64, 64}};

template <typename Pixel>
void BenchPut(benchmark::State& state, McPutFn<Pixel> fn, Size s, const PutShape& shape,
              int bitdepth) {
  const ptrdiff_t stride = 256;
  std::mt19937 rng(42);
  std::vector<Pixel> src(stride * (s.h + 8));
  for (auto& p : src) p = static_cast<Pixel>(rng() & ((1 << bitdepth) - 1));
  std::vector<int32_t> pred(kMcMaxBlock * kMcMaxBlock);
  std::vector<int32_t> scratch(McScratchSize());
  const int round0 = bitdepth == 12 ? 5 : 3;
  for (auto _ : state) {
    fn(pred.data(), kMcMaxBlock, src.data() + 3 * stride + 3, stride, s.w, s.h,
       Subpel_Filters[shape.fx_set][shape.fx_row], Subpel_Filters[shape.fy_set][shape.fy_row],
       round0, 11, scratch.data());
    benchmark::DoNotOptimize(pred.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * s.w * s.h);
}

enum FinalOp { kWrite, kAvg, kDist };

template <typename Pixel>
void BenchFinal(benchmark::State& state, const McTable<Pixel>& t, FinalOp op, Size s,
                int bitdepth) {
  std::mt19937 rng(7);
  std::vector<int32_t> p0(kMcMaxBlock * kMcMaxBlock), p1(p0.size());
  for (auto& v : p0) v = static_cast<int32_t>(rng() % (1 << (bitdepth + 4)));
  for (auto& v : p1) v = static_cast<int32_t>(rng() % (1 << (bitdepth + 4)));
  const ptrdiff_t stride = 256;
  std::vector<Pixel> dst(stride * s.h);
  for (auto _ : state) {
    switch (op) {
      case kWrite:
        t.write(dst.data(), stride, p0.data(), kMcMaxBlock, s.w, s.h, 0, bitdepth);
        break;
      case kAvg:
        t.avg(dst.data(), stride, p0.data(), p1.data(), kMcMaxBlock, s.w, s.h, 4, bitdepth);
        break;
      case kDist:
        t.dist(dst.data(), stride, p0.data(), p1.data(), kMcMaxBlock, s.w, s.h, 9, 7, 4,
               bitdepth);
        break;
    }
    benchmark::DoNotOptimize(dst.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * s.w * s.h);
}

std::string SizeName(Size s) { return std::to_string(s.w) + "x" + std::to_string(s.h); }

void RegisterTables(const McTables& tables, const std::string& label) {
  for (const Size s : kPutSizes) {
    for (const PutShape& shape : kPutShapes) {
      if ((shape.fx_set >= 4) != (s.w <= 4)) continue;  // 4-tap only at 4x4
      const std::string base = "mc_put_" + SizeName(s) + "_" + shape.name;
      const auto fn8 = tables.lowbd.put;
      benchmark::RegisterBenchmark((base + "_8bpc/" + label).c_str(),
                                   [fn8, s, shape](benchmark::State& st) {
                                     BenchPut<uint8_t>(st, fn8, s, shape, 8);
                                   });
      const auto fn16 = tables.highbd.put;
      benchmark::RegisterBenchmark((base + "_10bpc/" + label).c_str(),
                                   [fn16, s, shape](benchmark::State& st) {
                                     BenchPut<uint16_t>(st, fn16, s, shape, 10);
                                   });
    }
  }
  const char* op_names[] = {"write", "avg", "dist"};
  for (FinalOp op : {kWrite, kAvg, kDist}) {
    for (const Size s : {Size{8, 8}, Size{16, 16}, Size{64, 64}}) {
      const std::string base = std::string("mc_") + op_names[op] + "_" + SizeName(s);
      const McTable<uint8_t>* t8 = &tables.lowbd;
      benchmark::RegisterBenchmark((base + "_8bpc/" + label).c_str(),
                                   [t8, op, s](benchmark::State& st) {
                                     BenchFinal<uint8_t>(st, *t8, op, s, 8);
                                   });
      const McTable<uint16_t>* t16 = &tables.highbd;
      benchmark::RegisterBenchmark((base + "_10bpc/" + label).c_str(),
                                   [t16, op, s](benchmark::State& st) {
                                     BenchFinal<uint16_t>(st, *t16, op, s, 10);
                                   });
    }
  }
}

// Tables live as long as the benchmarks (the lambdas keep pointers to them).
std::vector<McTables>& TableStore() {
  static std::vector<McTables> store;
  return store;
}

void RegisterAll() {
  std::vector<McTables>& store = TableStore();
  store.reserve(16);  // no reallocation: registered lambdas point into it
  store.emplace_back();
  FillMcTablesRef(&store.back());
  RegisterTables(store.back(), "ref");
  const int64_t available = HWY_TARGETS & hwy::SupportedTargets();
  for (int64_t rest = available; rest != 0; rest &= rest - 1) {
    const int64_t target = rest & -rest;
    DspTables tables;
    const char* name = nullptr;
    if (!InitDspTables(hwy::TargetName(target), &tables, &name).ok()) continue;
    if (std::string(name) != hwy::TargetName(target)) continue;
    store.push_back(tables.mc);
    RegisterTables(store.back(), name);
  }
}

// Registered before main() runs benchmark::Initialize (itx_bench.cc owns main).
const bool kRegistered = (RegisterAll(), true);

}  // namespace
}  // namespace hav1
