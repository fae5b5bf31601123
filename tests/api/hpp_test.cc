// The C++ RAII layer (include/hav1/hav1.hpp).
#include "hav1/hav1.hpp"

#include <gtest/gtest.h>

#include <type_traits>
#include <vector>

#include "tests/api/test_util.h"

namespace {

static_assert(!std::is_copy_constructible_v<hav1::Decoder>);
static_assert(std::is_nothrow_move_constructible_v<hav1::Decoder>);
static_assert(!std::is_copy_constructible_v<hav1::Picture>);
static_assert(std::is_nothrow_move_constructible_v<hav1::Picture>);
static_assert(!std::is_copy_constructible_v<hav1::Data>);
static_assert(std::is_nothrow_move_constructible_v<hav1::Data>);

void Quiet(void*, Hav1LogLevel, const char*) {}

struct Count {
  int n = 0;
  static void Free(const uint8_t*, void* c) { static_cast<Count*>(c)->n++; }
};

TEST(Hpp, OpenAndFail) {
  auto dec = hav1::Decoder::Open();
  ASSERT_TRUE(dec.ok());
  EXPECT_NE(dec->simd_target(), nullptr);
  auto pic = dec->GetPicture();
  EXPECT_FALSE(pic.ok());
  EXPECT_EQ(pic.error(), HAV1_ERR_AGAIN);
  EXPECT_EQ(dec->Drain(), HAV1_OK);
  EXPECT_EQ(dec->GetPicture().error(), HAV1_ERR_EOF);
  hav1::Decoder moved = std::move(dec.value());
  EXPECT_NE(moved.get(), nullptr);

  Hav1Settings s = hav1::DefaultSettings();
  s.logger.callback = Quiet;
  s.n_threads = -5;
  auto bad = hav1::Decoder::Open(s);
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.error(), HAV1_ERR_INVALID_ARGUMENT);
}

TEST(Hpp, DataOwnership) {
  static const uint8_t bytes[3] = {1, 2, 3};
  Count c;
  {
    auto d = hav1::Data::Wrap(bytes, 3, Count::Free, &c);
    ASSERT_TRUE(d.ok());
    EXPECT_EQ(d->size(), 3u);
    hav1::Data moved = std::move(d.value());
    EXPECT_EQ(moved.data(), bytes);
    EXPECT_TRUE(d->empty());
    EXPECT_EQ(c.n, 0);
  }
  EXPECT_EQ(c.n, 1);
  auto copy = hav1::Data::Copy(bytes, 3);
  ASSERT_TRUE(copy.has_value());
  EXPECT_NE(copy->data(), bytes);
  EXPECT_EQ(copy->data()[2], 3);
  EXPECT_FALSE(hav1::Data::Create(0).has_value());  // logs an error
  EXPECT_FALSE(hav1::Data::Wrap(nullptr, 3, Count::Free, &c).ok());
}

TEST(Hpp, ParseOnlyStream) {
  if (!hav1_test::HaveConformance()) GTEST_SKIP() << "no ../shared/conformance";
  std::vector<hav1_test::IvfFrame> frames;
  ASSERT_TRUE(hav1_test::ReadIvf(
      hav1_test::ConformanceDir() + "/dav1d-test-data/8-bit/intra/av1-1-b8-02-allintra.ivf",
      &frames));
  Hav1Settings s = hav1::DefaultSettings();
  s.parse_only = 1;
  auto dec = hav1::Decoder::Open(s);
  ASSERT_TRUE(dec.ok());
  int errors = 0;
  for (const auto& f : frames) {
    auto d = hav1::Data::Copy(f.data.data(), f.data.size());
    ASSERT_TRUE(d.has_value());
    while (!d->empty()) {
      const int rc = dec->SendData(*d);
      if (rc == HAV1_ERR_AGAIN) {
        while (dec->GetPicture().ok()) {
        }
        continue;
      }
      if (rc < 0) errors++;
      break;
    }
  }
  EXPECT_EQ(errors, 0);
  EXPECT_TRUE(dec->TakeEventFlags() & HAV1_EVENT_FLAG_NEW_SEQUENCE);
  EXPECT_EQ(dec->TakeEventFlags(), 0u);
  EXPECT_EQ(dec->Drain(), HAV1_OK);
  EXPECT_EQ(dec->GetPicture().error(), HAV1_ERR_EOF);
}

}  // namespace
