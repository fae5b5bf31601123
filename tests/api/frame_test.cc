// Pictures (src/frame): the pooled allocator, the user allocator adapter
// and exported pictures with their reference counting, user data and
// metadata.  Uses the internals because the decoder makes no pictures yet.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <memory>
#include <thread>
#include <vector>

#include "hav1/hav1.h"
#include "src/frame/picture.h"
#include "src/frame/picture_buffer.h"
#include "src/frame/ref.h"

namespace hav1 {
namespace {

bool Aligned(const void* p) {
  return (reinterpret_cast<uintptr_t>(p) % HAV1_PICTURE_ALIGNMENT) == 0;
}

TEST(PictureBuffer, PooledAlignmentAndPadding) {
  auto alloc = MakePooledPictureAllocator();
  for (Hav1PixelLayout layout : {HAV1_PIXEL_LAYOUT_I400, HAV1_PIXEL_LAYOUT_I420,
                                 HAV1_PIXEL_LAYOUT_I422, HAV1_PIXEL_LAYOUT_I444}) {
    for (int bpc : {8, 10, 12}) {
      const Hav1PictureParameters p{33, 17, layout, bpc};
      std::shared_ptr<PictureBuffer> buf;
      ASSERT_TRUE(alloc->Allocate(p, &buf).ok());
      const int bytes = bpc > 8 ? 2 : 1;
      EXPECT_TRUE(Aligned(buf->data[0]));
      EXPECT_EQ(buf->stride[0] % HAV1_PICTURE_ALIGNMENT, 0);
      EXPECT_GE(buf->stride[0], 33 * bytes);
      const int ss_x = layout == HAV1_PIXEL_LAYOUT_I420 || layout == HAV1_PIXEL_LAYOUT_I422;
      const int ss_y = layout == HAV1_PIXEL_LAYOUT_I420;
      const int ch = (17 + ss_y) >> ss_y;
      if (layout == HAV1_PIXEL_LAYOUT_I400) {
        EXPECT_EQ(buf->data[1], nullptr);
        EXPECT_EQ(buf->data[2], nullptr);
      } else {
        for (int i = 1; i < 3; ++i) EXPECT_TRUE(Aligned(buf->data[i]));
        EXPECT_EQ(buf->stride[1] % HAV1_PICTURE_ALIGNMENT, 0);
        EXPECT_GE(buf->stride[1], ((33 + ss_x) >> ss_x) * bytes);
        // Planes do not overlap and each has the padding after its last row.
        auto* y = static_cast<uint8_t*>(buf->data[0]);
        auto* u = static_cast<uint8_t*>(buf->data[1]);
        auto* v = static_cast<uint8_t*>(buf->data[2]);
        EXPECT_GE(u, y + buf->stride[0] * 17 + HAV1_PICTURE_ALIGNMENT);
        EXPECT_GE(v, u + buf->stride[1] * ch + HAV1_PICTURE_ALIGNMENT);
        // Writing every byte including the padding must be fine (ASan).
        std::memset(v, 1, static_cast<size_t>(buf->stride[1] * ch + HAV1_PICTURE_ALIGNMENT));
      }
      EXPECT_EQ(buf->p.w, 33);
      EXPECT_EQ(buf->p.layout, layout);
    }
  }
}

TEST(PictureBuffer, PooledReuse) {
  auto alloc = MakePooledPictureAllocator();
  const Hav1PictureParameters p{64, 64, HAV1_PIXEL_LAYOUT_I420, 8};
  std::shared_ptr<PictureBuffer> a;
  ASSERT_TRUE(alloc->Allocate(p, &a).ok());
  void* first = a->data[0];
  a.reset();  // back to the pool
  ASSERT_TRUE(alloc->Allocate(p, &a).ok());
  EXPECT_EQ(a->data[0], first);
  // Buffers may outlive the allocator.
  alloc.reset();
  a.reset();
}

TEST(PictureBuffer, RejectsBadParameters) {
  auto alloc = MakePooledPictureAllocator();
  std::shared_ptr<PictureBuffer> buf;
  EXPECT_FALSE(alloc->Allocate({0, 10, HAV1_PIXEL_LAYOUT_I420, 8}, &buf).ok());
  EXPECT_FALSE(alloc->Allocate({10, 70000, HAV1_PIXEL_LAYOUT_I420, 8}, &buf).ok());
  // A C caller's out-of-range layout (set through memory: in C++ an
  // out-of-range enum value cannot be formed without undefined behaviour).
  Hav1PictureParameters bad_layout = {10, 10, HAV1_PIXEL_LAYOUT_I420, 8};
  const int seven = 7;
  std::memcpy(&bad_layout.layout, &seven, sizeof(seven));
  EXPECT_FALSE(alloc->Allocate(bad_layout, &buf).ok());
  EXPECT_FALSE(alloc->Allocate({10, 10, HAV1_PIXEL_LAYOUT_I420, 9}, &buf).ok());
}

struct UserAlloc {
  int allocs = 0, releases = 0;
  bool misalign = false;
  alignas(64) uint8_t mem[3][64 * 64 + 64];
  static int Alloc(Hav1Picture* pic, void* cookie) {
    auto* self = static_cast<UserAlloc*>(cookie);
    self->allocs++;
    if (pic->p.w > 64 || pic->p.h > 64) return -1;
    for (int i = 0; i < 3; ++i) pic->data[i] = self->mem[i] + (self->misalign ? 1 : 0);
    pic->stride[0] = 64;
    pic->stride[1] = 64;
    pic->allocator_data = self;
    return 0;
  }
  static void Release(Hav1Picture* pic, void* cookie) {
    auto* self = static_cast<UserAlloc*>(cookie);
    EXPECT_EQ(pic->allocator_data, self);
    EXPECT_EQ(pic->data[0], self->mem[0] + (self->misalign ? 1 : 0));
    self->releases++;
  }
};

TEST(PictureBuffer, UserAllocator) {
  UserAlloc ua;
  auto alloc = MakeUserPictureAllocator({&ua, &UserAlloc::Alloc, &UserAlloc::Release});
  std::shared_ptr<PictureBuffer> buf;
  ASSERT_TRUE(alloc->Allocate({64, 64, HAV1_PIXEL_LAYOUT_I420, 8}, &buf).ok());
  EXPECT_EQ(buf->data[0], ua.mem[0]);
  EXPECT_EQ(buf->allocator_data, &ua);
  EXPECT_EQ(ua.releases, 0);
  buf.reset();
  EXPECT_EQ(ua.releases, 1);
  // A failing callback.
  const Status st = alloc->Allocate({100, 64, HAV1_PIXEL_LAYOUT_I420, 8}, &buf);
  EXPECT_EQ(st.code(), HAV1_ERR_CALLBACK);
  EXPECT_EQ(ua.releases, 1);  // nothing was allocated
  // Misaligned planes are refused (and given back).
  ua.misalign = true;
  EXPECT_EQ(alloc->Allocate({64, 64, HAV1_PIXEL_LAYOUT_I420, 8}, &buf).code(), HAV1_ERR_CALLBACK);
  EXPECT_EQ(ua.releases, 2);
  // 10-bit needs 128 bytes per row: stride 64 is too small.
  ua.misalign = false;
  EXPECT_EQ(alloc->Allocate({64, 64, HAV1_PIXEL_LAYOUT_I420, 10}, &buf).code(),
            HAV1_ERR_CALLBACK);
  EXPECT_EQ(ua.releases, 3);
}

struct Counter {
  int calls = 0;
  static void Free(const uint8_t*, void* cookie) { static_cast<Counter*>(cookie)->calls++; }
};

TEST(Picture, ExportOwnsEverything) {
  auto alloc = MakePooledPictureAllocator();
  auto pic = std::make_shared<DecodedPicture>();
  ASSERT_TRUE(alloc->Allocate({16, 16, HAV1_PIXEL_LAYOUT_I444, 10}, &pic->buffer).ok());
  pic->seq.bitdepth = 10;
  pic->frame.frame_width = 16;
  pic->metadata.content_light = Hav1ContentLightLevel{1000, 400};
  pic->metadata.itut_t35.push_back({0xb5, 0, {1, 2, 3}});
  pic->metadata.timecode = Hav1Timecode{};
  pic->metadata.timecode->hours_value = 5;
  // Props with user data, as the packet had them.
  static const uint8_t user[2] = {7, 8};
  Counter user_free;
  Hav1Data d;
  std::memset(&d, 0, sizeof(d));
  hav1_data_props_init(&d.m);
  ASSERT_EQ(hav1_data_wrap_user_data(&d, user, Counter::Free, &user_free), HAV1_OK);
  d.m.timestamp = 42;
  pic->props = PropsHolder(d.m);
  hav1_data_props_unref(&d.m);  // the packet is gone
  EXPECT_EQ(user_free.calls, 0);

  Hav1Picture out;
  ExportPicture(pic, &out);
  pic.reset();  // the decoder forgets it
  ASSERT_NE(out.ref, nullptr);
  EXPECT_EQ(out.p.w, 16);
  EXPECT_EQ(out.p.bpc, 10);
  EXPECT_EQ(out.seq->bitdepth, 10);
  EXPECT_EQ(out.frame->frame_width, 16);
  EXPECT_EQ(out.m.timestamp, 42);
  EXPECT_EQ(out.m.user_data.data, user);
  ASSERT_NE(out.content_light, nullptr);
  EXPECT_EQ(out.content_light->max_content_light_level, 1000);
  EXPECT_EQ(out.mastering_display, nullptr);
  ASSERT_EQ(out.n_itut_t35, 1u);
  EXPECT_EQ(out.itut_t35[0].country_code, 0xb5);
  ASSERT_EQ(out.itut_t35[0].payload_size, 3u);
  EXPECT_EQ(out.itut_t35[0].payload[2], 3);
  ASSERT_NE(out.timecode, nullptr);
  EXPECT_EQ(out.timecode->hours_value, 5);

  Hav1Picture second;
  ASSERT_EQ(hav1_picture_ref(&second, &out), HAV1_OK);
  EXPECT_EQ(second.data[0], out.data[0]);
  hav1_picture_unref(&out);
  EXPECT_EQ(out.ref, nullptr);
  EXPECT_EQ(out.data[0], nullptr);
  EXPECT_EQ(user_free.calls, 0);  // second still holds it
  EXPECT_EQ(second.m.user_data.data, user);
  EXPECT_EQ(second.itut_t35[0].payload[0], 1);
  hav1_picture_unref(&second);
  EXPECT_EQ(user_free.calls, 1);
}

TEST(Ref, CountsAcrossThreads) {
  Counter c;
  static const uint8_t buf[1] = {0};
  Hav1Ref* ref = NewRef<CallbackRef>(buf, Counter::Free, &c);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([ref] {
      for (int i = 0; i < 10000; ++i) {
        RefAcquire(ref);
        Hav1Ref* r = ref;
        RefRelease(&r);
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(c.calls, 0);
  RefRelease(&ref);
  EXPECT_EQ(c.calls, 1);
  EXPECT_EQ(ref, nullptr);
}

}  // namespace
}  // namespace hav1
