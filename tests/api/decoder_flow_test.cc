// The decoder instance around pixel decoding, with a stand-in for the frame
// decoding step (which does not exist yet): output order and count against
// the conformance manifest (including scalable streams with every
// operating point / all-layers row), the send/get flow control with
// HAV1_ERR_AGAIN, props reaching pictures, show_existing_frame.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "src/decoder/decoder.h"
#include "src/decoder/obu_framing.h"
#include "src/decoder/settings.h"
#include "tests/api/test_util.h"

namespace hav1 {
namespace {

using hav1_test::IvfFrame;

// Makes a picture of the frame's size; Y sample (0,0) = order_hint.
class FakeFrameDecoder : public FrameDecoder {
 public:
  using FrameDecoder::FrameDecoder;
  int decoded = 0, hidden = 0;
  Status DecodeFrame(const ParsedFrame& frame, const RefFrames&,
                     std::shared_ptr<ReferenceFrame>* out) override {
    auto pic = std::make_shared<DecodedPicture>();
    const Hav1PictureParameters p{frame.frame_info.frame_width, frame.frame_info.frame_height,
                                  frame.seq_info.layout, frame.seq_info.bitdepth};
    HAV1_RETURN_IF_ERROR(allocator_.Allocate(p, &pic->buffer));
    static_cast<uint8_t*>(pic->buffer->data[0])[0] =
        static_cast<uint8_t>(frame.frame_info.order_hint);
    decoded++;
    if (!frame.shown) hidden++;
    auto ref = std::make_shared<ReferenceFrame>();
    ref->picture = std::move(pic);
    *out = std::move(ref);
    return Status::Ok();
  }
};

void Quiet(void*, Hav1LogLevel, const char*) {}

FakeFrameDecoder* last_fake = nullptr;

std::unique_ptr<Decoder> Open(Hav1Settings s) {
  s.logger.callback = Quiet;
  Hav1Settings checked;
  EXPECT_TRUE(ReadSettings(&s, &checked).ok());
  std::unique_ptr<Decoder> d;
  EXPECT_TRUE(Decoder::Create(checked, &d).ok());
  auto fake = std::make_unique<FakeFrameDecoder>(d->settings(), d->tables(), d->pool(),
                                                 d->allocator());
  last_fake = fake.get();
  d->SetFrameDecoderForTesting(std::move(fake));
  return d;
}

struct Outcome {
  int pictures = 0, errors = 0, again = 0;
  bool eof = false;
  std::vector<int64_t> timestamps;
};

Outcome DecodeAll(Decoder* d, const std::vector<IvfFrame>& frames) {
  Outcome r;
  Hav1Picture pic;
  auto take = [&] {
    while (d->GetPicture(&pic) == HAV1_OK) {
      r.pictures++;
      r.timestamps.push_back(pic.m.timestamp);
      EXPECT_NE(pic.data[0], nullptr);
      EXPECT_EQ(pic.p.w, pic.frame->frame_width);
      hav1_picture_unref(&pic);
    }
  };
  for (const IvfFrame& f : frames) {
    if (f.data.empty()) continue;
    Hav1Data data;
    std::memcpy(hav1_data_create(&data, f.data.size()), f.data.data(), f.data.size());
    data.m.timestamp = f.timestamp;
    while (data.sz > 0) {
      const size_t before = data.sz;
      const int rc = d->SendData(&data);
      if (rc == HAV1_ERR_AGAIN) {
        r.again++;
        EXPECT_GT(data.sz, 0u);
        EXPECT_LE(data.sz, before);
        take();
        continue;
      }
      if (rc < 0) r.errors++;
      break;
    }
    hav1_data_unref(&data);
  }
  d->Drain();
  take();
  r.eof = d->GetPicture(&pic) == HAV1_ERR_EOF;
  return r;
}

TEST(DecoderFlow, OutputCountsMatchTheManifest) {
  if (!hav1_test::HaveConformance()) GTEST_SKIP() << "no ../shared/conformance";
  // HAV1_TEST_ALL_STREAMS=1 checks every IVF row instead of a sample.
  const bool all = std::getenv("HAV1_TEST_ALL_STREAMS") != nullptr;
  int checked = 0, n = 0;
  for (const auto& row : hav1_test::ReadManifest()) {
    if (row.container != "ivf" || row.expect != "match") continue;
    const bool svc = row.file.find("svc") != std::string::npos;
    if (!all && !svc && n++ % 15 != 0) continue;  // every scalable stream, a sample of the rest
    std::vector<IvfFrame> frames;
    if (!hav1_test::ReadIvf(hav1_test::ConformanceDir() + "/" + row.file, &frames)) continue;
    SCOPED_TRACE(row.file + " " + row.args);
    Hav1Settings s;
    DefaultSettings(&s);
    if (row.args.find("--alllayers 1") != std::string::npos) s.all_layers = 1;
    if (row.args.find("--oppoint ") != std::string::npos) {
      s.operating_point = std::atoi(row.args.c_str() + row.args.find("--oppoint ") + 10);
    }
    auto d = Open(s);
    const Outcome r = DecodeAll(d.get(), frames);
    EXPECT_EQ(r.errors, 0);
    EXPECT_EQ(r.pictures, row.frames);
    EXPECT_TRUE(r.eof);
    checked++;
  }
  EXPECT_GT(checked, 10);
}

TEST(DecoderFlow, FrameDelayOneGivesAgain) {
  if (!hav1_test::HaveConformance()) GTEST_SKIP() << "no ../shared/conformance";
  std::vector<IvfFrame> frames;
  ASSERT_TRUE(hav1_test::ReadIvf(
      hav1_test::ConformanceDir() + "/dav1d-test-data/8-bit/data/00000528.ivf", &frames));
  Hav1Settings s;
  DefaultSettings(&s);
  s.max_frame_delay = 1;
  auto d = Open(s);
  // Send without taking pictures: the second packet must wait.
  Hav1Data a, b;
  std::memcpy(hav1_data_create(&a, frames[0].data.size()), frames[0].data.data(),
              frames[0].data.size());
  std::memcpy(hav1_data_create(&b, frames[1].data.size()), frames[1].data.data(),
              frames[1].data.size());
  a.m.timestamp = 100;
  b.m.timestamp = 200;
  EXPECT_EQ(d->SendData(&a), HAV1_OK);
  EXPECT_EQ(a.sz, 0u);
  const size_t bsz = b.sz;
  EXPECT_EQ(d->SendData(&b), HAV1_ERR_AGAIN);
  EXPECT_EQ(b.sz, bsz);  // nothing consumed
  Hav1Picture pic;
  ASSERT_EQ(d->GetPicture(&pic), HAV1_OK);
  EXPECT_EQ(pic.m.timestamp, 100);
  hav1_picture_unref(&pic);
  EXPECT_EQ(d->GetPicture(&pic), HAV1_ERR_AGAIN);
  EXPECT_EQ(d->SendData(&b), HAV1_OK);
  ASSERT_EQ(d->GetPicture(&pic), HAV1_OK);
  EXPECT_EQ(pic.m.timestamp, 200);
  hav1_picture_unref(&pic);
  hav1_data_unref(&a);
  hav1_data_unref(&b);

  // The whole stream with delay 1 and with the default delay: same output.
  auto d1 = Open(s);
  const Outcome r1 = DecodeAll(d1.get(), frames);
  s.max_frame_delay = 0;
  auto d2 = Open(s);
  const Outcome r2 = DecodeAll(d2.get(), frames);
  EXPECT_EQ(r1.pictures, 20);
  EXPECT_EQ(r1.timestamps, r2.timestamps);
  // One shown frame per temporal unit: picture i carries packet i's props.
  ASSERT_EQ(r1.timestamps.size(), frames.size());
  for (size_t i = 0; i < frames.size(); ++i) EXPECT_EQ(r1.timestamps[i], frames[i].timestamp);
}

TEST(DecoderFlow, PicturesOutliveTheDecoder) {
  if (!hav1_test::HaveConformance()) GTEST_SKIP() << "no ../shared/conformance";
  std::vector<IvfFrame> frames;
  ASSERT_TRUE(hav1_test::ReadIvf(
      hav1_test::ConformanceDir() + "/dav1d-test-data/8-bit/data/00000528.ivf", &frames));
  Hav1Settings s;
  DefaultSettings(&s);
  auto d = Open(s);
  Hav1Data data;
  std::memcpy(hav1_data_create(&data, frames[0].data.size()), frames[0].data.data(),
              frames[0].data.size());
  ASSERT_EQ(d->SendData(&data), HAV1_OK);
  Hav1Picture pic;
  ASSERT_EQ(d->GetPicture(&pic), HAV1_OK);
  d.reset();
  EXPECT_EQ(pic.seq->bitdepth, 8);
  std::memset(pic.data[0], 0, static_cast<size_t>(pic.stride[0]));
  hav1_picture_unref(&pic);
}

TEST(DecoderFlow, DecodeFrameTypeKeyOnly) {
  if (!hav1_test::HaveConformance()) GTEST_SKIP() << "no ../shared/conformance";
  std::vector<IvfFrame> frames;
  ASSERT_TRUE(hav1_test::ReadIvf(
      hav1_test::ConformanceDir() + "/dav1d-test-data/8-bit/data/00000528.ivf", &frames));
  Hav1Settings s;
  DefaultSettings(&s);
  s.decode_frame_type = HAV1_DECODEFRAMETYPE_KEY;
  auto d = Open(s);
  const Outcome r = DecodeAll(d.get(), frames);
  EXPECT_EQ(r.errors, 0);
  EXPECT_GE(r.pictures, 1);
  EXPECT_LT(r.pictures, 20);
}

std::vector<IvfFrame> Load(const char* rel) {
  std::vector<IvfFrame> frames;
  EXPECT_TRUE(hav1_test::ReadIvf(hav1_test::ConformanceDir() + "/" + rel, &frames)) << rel;
  return frames;
}

// Every OBU in a packet of its own: frames span packets, the parser keeps
// its state, the output is the same.
TEST(DecoderFlow, OneObuPerPacket) {
  if (!hav1_test::HaveConformance()) GTEST_SKIP() << "no ../shared/conformance";
  for (const char* rel : {"dav1d-test-data/8-bit/data/00000528.ivf",
                          "dav1d-test-data/8-bit/svc/av1-1-b8-22-svc-L2T2.ivf",
                          "generated/api_tiles_nonuniform_natpan_352x288.ivf"}) {
    SCOPED_TRACE(rel);
    const std::vector<IvfFrame> frames = Load(rel);
    std::vector<IvfFrame> obus;
    for (const IvfFrame& f : frames) {
      std::span<const uint8_t> rest(f.data);
      while (!rest.empty()) {
        ObuExtent e;
        ASSERT_TRUE(ReadObuExtent(rest, &e).ok());
        IvfFrame o;
        o.data.assign(rest.begin(), rest.begin() + static_cast<ptrdiff_t>(e.size));
        o.timestamp = f.timestamp;
        obus.push_back(std::move(o));
        rest = rest.subspan(e.size);
      }
    }
    ASSERT_GT(obus.size(), frames.size());
    Hav1Settings s;
    DefaultSettings(&s);
    auto whole = Open(s);
    const Outcome a = DecodeAll(whole.get(), frames);
    auto split = Open(s);
    const Outcome b = DecodeAll(split.get(), obus);
    EXPECT_EQ(a.errors, 0);
    EXPECT_EQ(b.errors, 0);
    EXPECT_GT(a.pictures, 0);
    EXPECT_EQ(a.timestamps, b.timestamps);
  }
}

TEST(DecoderFlow, OutputInvisibleFrames) {
  if (!hav1_test::HaveConformance()) GTEST_SKIP() << "no ../shared/conformance";
  // libaom's alt-ref frames are decoded hidden and shown later.
  const std::vector<IvfFrame> frames = Load("generated/aom_inter_base_natcomp.ivf");
  Hav1Settings s;
  DefaultSettings(&s);
  auto normal = Open(s);
  const Outcome a = DecodeAll(normal.get(), frames);
  s.output_invisible_frames = 1;
  auto all = Open(s);
  const Outcome b = DecodeAll(all.get(), frames);
  EXPECT_GT(last_fake->hidden, 0);
  EXPECT_EQ(b.pictures, a.pictures + last_fake->hidden);
}

struct CountingAllocator {
  std::atomic<int> allocs{0}, releases{0};
  static int Alloc(Hav1Picture* pic, void* cookie) {
    auto* self = static_cast<CountingAllocator*>(cookie);
    const int bytes = pic->p.bpc > 8 ? 2 : 1;
    const ptrdiff_t stride = (pic->p.w * bytes + 63) & ~63;
    const size_t size = static_cast<size_t>(stride) * static_cast<size_t>(pic->p.h) + 64;
    void* mem = std::aligned_alloc(64, (size + 63) & ~size_t{63});
    if (!mem) return -1;
    for (int i = 0; i < 3; ++i) pic->data[i] = mem;  // planes may share for this test
    pic->stride[0] = pic->stride[1] = stride;
    pic->allocator_data = mem;
    self->allocs++;
    return 0;
  }
  static void Release(Hav1Picture* pic, void* cookie) {
    std::free(pic->allocator_data);
    static_cast<CountingAllocator*>(cookie)->releases++;
  }
};

// Flushing drops pending pictures and references; everything allocated
// through the caller's allocator is given back.
TEST(DecoderFlow, FlushReleasesPictures) {
  if (!hav1_test::HaveConformance()) GTEST_SKIP() << "no ../shared/conformance";
  const std::vector<IvfFrame> frames = Load("dav1d-test-data/8-bit/data/00000528.ivf");
  CountingAllocator ca;
  Hav1Settings s;
  DefaultSettings(&s);
  s.max_frame_delay = 8;
  s.n_threads = 8;
  s.allocator = {&ca, &CountingAllocator::Alloc, &CountingAllocator::Release};
  auto d = Open(s);
  Hav1Picture kept;
  for (size_t i = 0; i < 6; ++i) {
    Hav1Data data;
    std::memcpy(hav1_data_create(&data, frames[i].data.size()), frames[i].data.data(),
                frames[i].data.size());
    ASSERT_EQ(d->SendData(&data), HAV1_OK) << i;
    if (i == 0) {
      ASSERT_EQ(d->GetPicture(&kept), HAV1_OK);
    }
  }
  EXPECT_GT(ca.allocs, 1);
  d->Flush();
  Hav1Picture pic;
  EXPECT_EQ(d->GetPicture(&pic), HAV1_ERR_AGAIN);
  EXPECT_EQ(ca.releases, ca.allocs - 1);  // all but the picture we hold
  // Decoding goes on from the key frame at the start.
  const Outcome r = DecodeAll(d.get(), frames);
  EXPECT_EQ(r.errors, 0);
  EXPECT_EQ(r.pictures, 20);
  d.reset();
  EXPECT_EQ(ca.releases, ca.allocs - 1);
  EXPECT_EQ(kept.p.w, kept.frame->frame_width);
  hav1_picture_unref(&kept);
  EXPECT_EQ(ca.releases, ca.allocs);
}

}  // namespace
}  // namespace hav1
