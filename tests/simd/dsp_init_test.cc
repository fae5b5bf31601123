// InitDspTables (simd/dsp_init.h): target caps, unknown names, fallbacks,
// per-decoder choice without global state.
#include "simd/dsp_init.h"

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>

#include <gtest/gtest.h>

#include "hwy/highway.h"
#include "hwy/targets.h"
#include "src/dsp/dsp.h"

namespace hav1 {
namespace {

constexpr int kTx4x4 = 0, kTx8x8 = 1, kTx32x32 = 3, kTx64x64 = 4, kTx4x8 = 5, kTx8x4 = 6;
constexpr int kDctDct = 0, kAdstAdst = 3, kIdtx = 9;

TEST(InitDspTables, AutoPicksBestCompiledAndSupportedTarget) {
  DspTables t;
  const char* name = nullptr;
  ASSERT_TRUE(InitDspTables(nullptr, &t, &name).ok());
  ASSERT_NE(name, nullptr);
  const int64_t available = HWY_TARGETS & hwy::SupportedTargets();
  const int64_t best = available & -available;
  EXPECT_STREQ(name, hwy::TargetName(best));
  std::fprintf(stderr, "[simd] auto target: %s (compiled+supported:", name);
  for (int64_t rest = available; rest != 0; rest &= rest - 1)
    std::fprintf(stderr, " %s", hwy::TargetName(rest & -rest));
  std::fprintf(stderr, ")\n");

  const char* name2 = nullptr;
  DspTables t2;
  ASSERT_TRUE(InitDspTables("auto", &t2, &name2).ok());
  EXPECT_STREQ(name, name2);
  ASSERT_TRUE(InitDspTables("", &t2, &name2).ok());
  EXPECT_STREQ(name, name2);
}

TEST(InitDspTables, FillsEveryReferenceEntry) {
  DspTables t;
  ASSERT_TRUE(InitDspTables(nullptr, &t, nullptr).ok());
  for (int s : {kTx4x4, kTx8x8, kTx4x8, kTx8x4}) {
    for (int ty = 0; ty < kItxTxTypes; ty++) {
      EXPECT_NE(t.itx.lowbd.add[s][ty], nullptr) << s << " " << ty;
      EXPECT_NE(t.itx.highbd.add[s][ty], nullptr) << s << " " << ty;
    }
  }
  // Reference-only sizes are present where the 1D transforms exist.
  EXPECT_NE(t.itx.lowbd.add[kTx64x64][kDctDct], nullptr);
  EXPECT_EQ(t.itx.lowbd.add[kTx64x64][kIdtx], nullptr);  // no 64-point identity
  EXPECT_NE(t.itx.highbd.add[kTx32x32][kIdtx], nullptr);
  EXPECT_EQ(t.itx.highbd.add[kTx32x32][kAdstAdst], nullptr);  // no 32-point ADST
  EXPECT_NE(t.itx.lowbd.wht4x4_add, nullptr);
  EXPECT_NE(t.itx.highbd.wht4x4_add, nullptr);
}

TEST(InitDspTables, UnknownNameIsInvalidArgument) {
  DspTables t;
  const char* name = nullptr;
  for (const char* bad : {"avx9", "sse", "best", "avx2 ", "x"}) {
    const Status st = InitDspTables(bad, &t, &name);
    EXPECT_EQ(st.code(), HAV1_ERR_INVALID_ARGUMENT) << bad;
  }
  EXPECT_EQ(InitDspTables("avx2", nullptr, &name).code(), HAV1_ERR_INVALID_ARGUMENT);
}

TEST(InitDspTables, CapToEachAvailableTarget) {
  const int64_t available = HWY_TARGETS & hwy::SupportedTargets();
  for (int64_t rest = available; rest != 0; rest &= rest - 1) {
    const int64_t target = rest & -rest;
    std::string cap = hwy::TargetName(target);
    for (char& ch : cap) ch = static_cast<char>(std::tolower(ch));  // case-insensitive
    DspTables t;
    const char* name = nullptr;
    ASSERT_TRUE(InitDspTables(cap.c_str(), &t, &name).ok()) << cap;
    EXPECT_STREQ(name, hwy::TargetName(target)) << "cap " << cap;
  }
}

TEST(InitDspTables, PortableFallbackCaps) {
  DspTables t;
  const char* name = nullptr;
  ASSERT_TRUE(InitDspTables("EMU128", &t, &name).ok());
  if (HWY_TARGETS & HWY_EMU128) {
    EXPECT_STREQ(name, "EMU128");
  }
  std::fprintf(stderr, "[simd] cap emu128 -> %s\n", name);
  // SCALAR is usually not compiled; the closest available target is used.
  ASSERT_TRUE(InitDspTables("scalar", &t, &name).ok());
  if (HWY_TARGETS & HWY_SCALAR) {
    EXPECT_STREQ(name, "SCALAR");
  } else if (HWY_TARGETS & HWY_EMU128) {
    EXPECT_STREQ(name, "EMU128");
  }
  std::fprintf(stderr, "[simd] cap scalar -> %s\n", name);
  // A target of another architecture is a known name.
  ASSERT_TRUE(InitDspTables(HWY_ARCH_X86 ? "neon" : "avx2", &t, &name).ok());
}

TEST(InitDspTables, TwoDecodersTwoTargetsNoGlobalState) {
  const int64_t available = HWY_TARGETS & hwy::SupportedTargets();
  if ((available & (available - 1)) == 0) GTEST_SKIP() << "only one target available";
  const int64_t best = available & -available;
  int64_t worst = 0;
  for (int64_t rest = available; rest != 0; rest &= rest - 1) worst = rest & -rest;
  DspTables a, b;
  const char* na = nullptr;
  const char* nb = nullptr;
  ASSERT_TRUE(InitDspTables(hwy::TargetName(best), &a, &na).ok());
  ASSERT_TRUE(InitDspTables(hwy::TargetName(worst), &b, &nb).ok());
  EXPECT_STREQ(na, hwy::TargetName(best));
  EXPECT_STREQ(nb, hwy::TargetName(worst));
  EXPECT_NE(a.itx.lowbd.add[kTx8x8][kDctDct], b.itx.lowbd.add[kTx8x8][kDctDct]);
  // Highway's process-wide choice was not narrowed by the capped init
  // (hwy::SupportedTargets() itself caches the supported set there).
  hwy::ChosenTarget expected;
  expected.Update(hwy::SupportedTargets());
  EXPECT_EQ(hwy::GetChosenTarget().GetIndex(), expected.GetIndex());
  // Both produce the same pixels.
  int32_t ca[64] = {}, cb[64] = {};
  for (int k = 0; k < 64; k++) ca[k] = cb[k] = (k * 37 % 101) - 50;
  uint8_t pa[64], pb[64];
  std::memset(pa, 128, sizeof(pa));
  std::memset(pb, 128, sizeof(pb));
  a.itx.lowbd.add[kTx8x8][kDctDct](pa, 8, ca, 64, 8);
  b.itx.lowbd.add[kTx8x8][kDctDct](pb, 8, cb, 64, 8);
  EXPECT_EQ(0, std::memcmp(pa, pb, sizeof(pa)));
}

}  // namespace
}  // namespace hav1
