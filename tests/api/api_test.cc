// Behaviour of the public C API, linked against the shared library.
#include <gtest/gtest.h>

#include <atomic>
#include <cstring>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "hav1/hav1.h"
#include "tests/api/test_util.h"

namespace {

using hav1_test::ConformanceDir;
using hav1_test::HaveConformance;
using hav1_test::IvfFrame;
using hav1_test::ReadIvf;

// Collects log messages.
struct LogCapture {
  std::mutex mutex;
  std::vector<std::string> messages;
  static void Callback(void* cookie, Hav1LogLevel, const char* message) {
    auto* self = static_cast<LogCapture*>(cookie);
    std::lock_guard<std::mutex> lock(self->mutex);
    self->messages.push_back(message);
  }
  bool Contains(const std::string& needle) {
    std::lock_guard<std::mutex> lock(mutex);
    for (const auto& m : messages) {
      if (m.find(needle) != std::string::npos) return true;
    }
    return false;
  }
  Hav1Logger logger() { return Hav1Logger{this, &Callback}; }
};

struct FreeCounter {
  std::atomic<int> calls{0};
  const uint8_t* last = nullptr;
  static void Callback(const uint8_t* buf, void* cookie) {
    auto* self = static_cast<FreeCounter*>(cookie);
    self->last = buf;
    self->calls++;
  }
};

Hav1Settings QuietSettings(LogCapture* log) {
  Hav1Settings s;
  hav1_default_settings(&s);
  s.logger = log->logger();
  return s;
}

// A packet owning a copy of bytes.
void MakePacket(Hav1Data* d, const std::vector<uint8_t>& bytes, int64_t ts = INT64_MIN) {
  uint8_t* p = hav1_data_create(d, bytes.size());
  ASSERT_NE(p, nullptr);
  std::memcpy(p, bytes.data(), bytes.size());
  d->m.timestamp = ts;
}

std::string Stream(const char* rel) { return ConformanceDir() + "/" + rel; }

#define SKIP_WITHOUT_CONFORMANCE()                                                    \
  if (!HaveConformance()) GTEST_SKIP() << "no ../shared/conformance (" << ConformanceDir() \
                                       << "): skipping stream tests"

// ---------------------------------------------------------------------------

TEST(Api, VersionAndStrerror) {
  EXPECT_STREQ(hav1_version(), "0.1.0");
  EXPECT_EQ(hav1_version_api(), static_cast<unsigned>(HAV1_API_VERSION));
  const int codes[] = {HAV1_OK,          HAV1_ERR_AGAIN,           HAV1_ERR_INVALID_ARGUMENT,
                       HAV1_ERR_NO_MEMORY, HAV1_ERR_INVALID_DATA,  HAV1_ERR_UNSUPPORTED,
                       HAV1_ERR_NOT_IMPLEMENTED, HAV1_ERR_LIMIT,   HAV1_ERR_EOF,
                       HAV1_ERR_CALLBACK};
  std::vector<std::string> seen;
  for (int c : codes) {
    const char* s = hav1_strerror(c);
    ASSERT_NE(s, nullptr);
    EXPECT_STRNE(s, "unknown error") << c;
    for (const auto& o : seen) EXPECT_NE(o, s);
    seen.push_back(s);
  }
  EXPECT_STREQ(hav1_strerror(12345), "unknown error");
  EXPECT_STREQ(hav1_strerror(-100), "unknown error");
}

TEST(Api, DefaultSettings) {
  Hav1Settings s;
  std::memset(&s, 0x5a, sizeof(s));
  hav1_default_settings(&s);
  EXPECT_EQ(s.struct_size, sizeof(Hav1Settings));
  EXPECT_EQ(s.n_threads, 0);
  EXPECT_EQ(s.max_frame_delay, 0);
  EXPECT_EQ(s.apply_grain, 1);
  EXPECT_EQ(s.operating_point, 0);
  EXPECT_EQ(s.all_layers, 0);
  EXPECT_EQ(s.frame_size_limit, 0u);
  EXPECT_EQ(s.strict_std_compliance, 0);
  EXPECT_EQ(s.output_invisible_frames, 0);
  EXPECT_EQ(s.inloop_filters, HAV1_INLOOPFILTER_ALL);
  EXPECT_EQ(s.decode_frame_type, HAV1_DECODEFRAMETYPE_ALL);
  EXPECT_EQ(s.parse_only, 0);
  EXPECT_EQ(s.cpu_target, nullptr);
  EXPECT_EQ(s.allocator.alloc_picture_callback, nullptr);
  EXPECT_EQ(s.allocator.release_picture_callback, nullptr);
  EXPECT_NE(s.logger.callback, nullptr);  // errors and warnings to stderr
  EXPECT_EQ(s.tracer.begin, nullptr);
  EXPECT_EQ(s.tracer.element, nullptr);
  for (uint8_t b : s.reserved) EXPECT_EQ(b, 0);

  Hav1Context* c = nullptr;
  ASSERT_EQ(hav1_open(&c, nullptr), HAV1_OK);
  ASSERT_NE(c, nullptr);
  const char* target = hav1_get_simd_target(c);
  ASSERT_NE(target, nullptr);
  EXPECT_GT(std::strlen(target), 0u);
  hav1_close(&c);
  EXPECT_EQ(c, nullptr);
  hav1_close(&c);      // NULL-safe
  hav1_close(nullptr);
}

TEST(Api, FrameDelay) {
  Hav1Settings s;
  hav1_default_settings(&s);
  const int automatic = hav1_get_frame_delay(&s);
  EXPECT_GE(automatic, 1);
  EXPECT_LE(automatic, 8);
  s.max_frame_delay = 1;
  EXPECT_EQ(hav1_get_frame_delay(&s), 1);
  s.n_threads = 4;
  s.max_frame_delay = 3;
  EXPECT_EQ(hav1_get_frame_delay(&s), 3);
  s.max_frame_delay = 16;
  EXPECT_EQ(hav1_get_frame_delay(&s), 4);  // at most one frame per thread
  s.max_frame_delay = 0;
  s.n_threads = 16;
  EXPECT_EQ(hav1_get_frame_delay(&s), 4);  // about sqrt(threads)
  s.n_threads = 1;
  EXPECT_EQ(hav1_get_frame_delay(&s), 1);
  s.max_frame_delay = -1;
  EXPECT_EQ(hav1_get_frame_delay(&s), HAV1_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(hav1_get_frame_delay(nullptr), HAV1_ERR_INVALID_ARGUMENT);
}

TEST(Api, OpenRejectsBadSettings) {
  LogCapture log;
  struct Case {
    const char* name;
    void (*mutate)(Hav1Settings*);
  };
  const Case cases[] = {
      {"struct_size 0", [](Hav1Settings* s) { s->struct_size = 0; }},
      {"struct_size small", [](Hav1Settings* s) { s->struct_size = sizeof(Hav1Settings) - 1; }},
      {"n_threads -1", [](Hav1Settings* s) { s->n_threads = -1; }},
      {"n_threads 100000", [](Hav1Settings* s) { s->n_threads = 100000; }},
      {"max_frame_delay -1", [](Hav1Settings* s) { s->max_frame_delay = -1; }},
      {"max_frame_delay 1000", [](Hav1Settings* s) { s->max_frame_delay = 1000; }},
      {"apply_grain 2", [](Hav1Settings* s) { s->apply_grain = 2; }},
      {"operating_point 32", [](Hav1Settings* s) { s->operating_point = 32; }},
      {"operating_point -1", [](Hav1Settings* s) { s->operating_point = -1; }},
      {"all_layers 2", [](Hav1Settings* s) { s->all_layers = 2; }},
      {"strict 2", [](Hav1Settings* s) { s->strict_std_compliance = 2; }},
      {"invisible -1", [](Hav1Settings* s) { s->output_invisible_frames = -1; }},
      {"inloop 8", [](Hav1Settings* s) { const int v = 8; std::memcpy(&s->inloop_filters, &v, sizeof(v)); }},
      {"decode_frame_type 4",
       [](Hav1Settings* s) { const int v = 4; std::memcpy(&s->decode_frame_type, &v, sizeof(v)); }},
      {"parse_only 2", [](Hav1Settings* s) { s->parse_only = 2; }},
      {"cpu_target bogus", [](Hav1Settings* s) { s->cpu_target = "pentium-mmx-turbo"; }},
      {"allocator half", [](Hav1Settings* s) {
         s->allocator.alloc_picture_callback = [](Hav1Picture*, void*) { return 0; };
       }},
      {"reserved", [](Hav1Settings* s) { s->reserved[3] = 1; }},
  };
  for (const Case& k : cases) {
    Hav1Settings s = QuietSettings(&log);
    k.mutate(&s);
    Hav1Context* c = reinterpret_cast<Hav1Context*>(&s);  // must be reset to NULL
    log.messages.clear();
    EXPECT_EQ(hav1_open(&c, &s), HAV1_ERR_INVALID_ARGUMENT) << k.name;
    EXPECT_EQ(c, nullptr) << k.name;
    if (s.struct_size >= sizeof(Hav1Settings)) {
      EXPECT_FALSE(log.messages.empty()) << "no message logged for " << k.name;
    }
  }
  EXPECT_EQ(hav1_open(nullptr, nullptr), HAV1_ERR_INVALID_ARGUMENT);
}

TEST(Api, StructSizeLargerThanKnown) {
  LogCapture log;
  // A newer caller's settings: this library's layout followed by fields it
  // does not know.  Zero there means "default" and is accepted.
  struct Bigger {
    Hav1Settings s;
    uint64_t future[4];
  } big;
  std::memset(&big, 0, sizeof(big));
  hav1_default_settings(&big.s);
  big.s.logger = log.logger();
  big.s.struct_size = sizeof(big);
  Hav1Context* c = nullptr;
  EXPECT_EQ(hav1_open(&c, &big.s), HAV1_OK);
  hav1_close(&c);
  big.future[2] = 1;
  EXPECT_EQ(hav1_open(&c, &big.s), HAV1_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(c, nullptr);
  EXPECT_EQ(hav1_get_frame_delay(&big.s), HAV1_ERR_INVALID_ARGUMENT);
}

TEST(Api, CpuTargets) {
  LogCapture log;
  for (const char* t : {"auto", "AUTO", "scalar", "emu128"}) {
    Hav1Settings s = QuietSettings(&log);
    s.cpu_target = t;
    Hav1Context* c = nullptr;
    ASSERT_EQ(hav1_open(&c, &s), HAV1_OK) << t;
    EXPECT_NE(hav1_get_simd_target(c), nullptr);
    hav1_close(&c);
  }
}

TEST(Api, NullArguments) {
  LogCapture log;
  Hav1Settings s = QuietSettings(&log);
  Hav1Context* c = nullptr;
  ASSERT_EQ(hav1_open(&c, &s), HAV1_OK);
  Hav1Data d;
  std::memset(&d, 0, sizeof(d));
  Hav1Picture p;
  Hav1EventFlags flags;
  Hav1DataProps props;
  EXPECT_EQ(hav1_send_data(nullptr, &d), HAV1_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(hav1_send_data(c, nullptr), HAV1_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(hav1_send_data(c, &d), HAV1_ERR_INVALID_ARGUMENT);  // empty
  static const uint8_t bytes[4] = {0x12, 0, 0, 0};
  d.data = bytes;
  d.sz = sizeof(bytes);
  EXPECT_EQ(hav1_send_data(c, &d), HAV1_ERR_INVALID_ARGUMENT);  // no ref
  EXPECT_TRUE(log.Contains("hav1_send_data"));
  EXPECT_EQ(hav1_get_picture(nullptr, &p), HAV1_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(hav1_get_picture(c, nullptr), HAV1_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(hav1_drain(nullptr), HAV1_ERR_INVALID_ARGUMENT);
  hav1_flush(nullptr);
  EXPECT_EQ(hav1_get_event_flags(nullptr, &flags), HAV1_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(hav1_get_event_flags(c, nullptr), HAV1_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(hav1_get_decode_error_data_props(nullptr, &props), HAV1_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(hav1_get_decode_error_data_props(c, nullptr), HAV1_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(hav1_get_simd_target(nullptr), nullptr);
  EXPECT_EQ(hav1_picture_ref(nullptr, &p), HAV1_ERR_INVALID_ARGUMENT);
  std::memset(&p, 0, sizeof(p));
  Hav1Picture q;
  EXPECT_EQ(hav1_picture_ref(&q, nullptr), HAV1_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(hav1_picture_ref(&q, &p), HAV1_ERR_INVALID_ARGUMENT);  // not a real picture
  hav1_picture_unref(nullptr);
  hav1_picture_unref(&p);
  Hav1SequenceInfo info;
  EXPECT_EQ(hav1_parse_sequence_header(nullptr, bytes, 4), HAV1_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(hav1_parse_sequence_header(&info, nullptr, 4), HAV1_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(hav1_parse_sequence_header(&info, bytes, 0), HAV1_ERR_INVALID_ARGUMENT);
  // Data functions.
  EXPECT_EQ(hav1_data_create(nullptr, 10), nullptr);
  EXPECT_EQ(hav1_data_create(&d, 0), nullptr);
  EXPECT_EQ(d.data, nullptr);
  EXPECT_EQ(d.sz, 0u);
  FreeCounter fc;
  EXPECT_EQ(hav1_data_wrap(nullptr, bytes, 4, FreeCounter::Callback, &fc), HAV1_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(hav1_data_wrap(&d, nullptr, 4, FreeCounter::Callback, &fc), HAV1_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(hav1_data_wrap(&d, bytes, 0, FreeCounter::Callback, &fc), HAV1_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(hav1_data_wrap(&d, bytes, 4, nullptr, &fc), HAV1_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(hav1_data_wrap_user_data(nullptr, bytes, FreeCounter::Callback, &fc),
            HAV1_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(hav1_data_wrap_user_data(&d, nullptr, FreeCounter::Callback, &fc),
            HAV1_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(hav1_data_wrap_user_data(&d, bytes, nullptr, &fc), HAV1_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(fc.calls, 0);  // rejected wraps never call back
  hav1_data_unref(nullptr);
  hav1_data_props_unref(nullptr);
  hav1_close(&c);
}

TEST(Api, DataCreateAndProps) {
  Hav1Data d;
  uint8_t* p = hav1_data_create(&d, 100);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(d.data, p);
  EXPECT_EQ(d.sz, 100u);
  EXPECT_NE(d.ref, nullptr);
  EXPECT_EQ(d.m.timestamp, INT64_MIN);
  EXPECT_EQ(d.m.duration, 0);
  EXPECT_EQ(d.m.offset, -1);
  EXPECT_EQ(d.m.size, 100u);
  EXPECT_EQ(d.m.user_data.ref, nullptr);
  std::memset(p, 0xab, 100);  // writable
  hav1_data_unref(&d);
  EXPECT_EQ(d.data, nullptr);
  EXPECT_EQ(d.sz, 0u);
  EXPECT_EQ(d.ref, nullptr);
  hav1_data_unref(&d);  // twice is fine

  Hav1DataProps props;
  std::memset(&props, 0x33, sizeof(props));
  hav1_data_props_init(&props);
  EXPECT_EQ(props.timestamp, INT64_MIN);
  EXPECT_EQ(props.offset, -1);
  EXPECT_EQ(props.user_data.data, nullptr);
  EXPECT_EQ(props.user_data.ref, nullptr);
}

TEST(Api, WrapCallsFreeExactlyOnce) {
  static const uint8_t bytes[16] = {};
  FreeCounter fc;
  Hav1Data d;
  ASSERT_EQ(hav1_data_wrap(&d, bytes, sizeof(bytes), FreeCounter::Callback, &fc), HAV1_OK);
  EXPECT_EQ(d.data, bytes);
  EXPECT_EQ(d.sz, sizeof(bytes));
  EXPECT_EQ(fc.calls, 0);
  hav1_data_unref(&d);
  EXPECT_EQ(fc.calls, 1);
  EXPECT_EQ(fc.last, bytes);
  hav1_data_unref(&d);
  EXPECT_EQ(fc.calls, 1);
}

TEST(Api, UserDataFreedWhenLastHolderGoes) {
  static const uint8_t bytes[8] = {};
  static const uint8_t user[3] = {1, 2, 3};
  FreeCounter data_fc, user_fc;
  Hav1Data d;
  ASSERT_EQ(hav1_data_wrap(&d, bytes, sizeof(bytes), FreeCounter::Callback, &data_fc), HAV1_OK);
  ASSERT_EQ(hav1_data_wrap_user_data(&d, user, FreeCounter::Callback, &user_fc), HAV1_OK);
  EXPECT_EQ(d.m.user_data.data, user);
  // Replacing user data releases the old one.
  FreeCounter user2_fc;
  ASSERT_EQ(hav1_data_wrap_user_data(&d, user, FreeCounter::Callback, &user2_fc), HAV1_OK);
  EXPECT_EQ(user_fc.calls, 1);
  EXPECT_EQ(user2_fc.calls, 0);
  hav1_data_props_unref(&d.m);  // releases the user data only
  EXPECT_EQ(user2_fc.calls, 1);
  EXPECT_EQ(d.m.user_data.ref, nullptr);
  EXPECT_EQ(data_fc.calls, 0);
  hav1_data_unref(&d);
  EXPECT_EQ(data_fc.calls, 1);
  EXPECT_EQ(user2_fc.calls, 1);
}

// The props of a packet that fails travel to hav1_get_decode_error_data_props
// with a reference of their own to the user data.
TEST(Api, ErrorPropsKeepUserData) {
  LogCapture log;
  Hav1Settings s = QuietSettings(&log);
  Hav1Context* c = nullptr;
  ASSERT_EQ(hav1_open(&c, &s), HAV1_OK);
  Hav1DataProps props;
  ASSERT_EQ(hav1_get_decode_error_data_props(c, &props), HAV1_OK);
  EXPECT_EQ(props.timestamp, INT64_MIN);  // no error yet
  hav1_data_props_unref(&props);

  // An OBU whose obu_size runs past the packet.
  static const uint8_t bad[4] = {0x32, 0x7f, 0, 0};
  static const uint8_t user[1] = {9};
  FreeCounter data_fc, user_fc;
  Hav1Data d;
  ASSERT_EQ(hav1_data_wrap(&d, bad, sizeof(bad), FreeCounter::Callback, &data_fc), HAV1_OK);
  ASSERT_EQ(hav1_data_wrap_user_data(&d, user, FreeCounter::Callback, &user_fc), HAV1_OK);
  d.m.timestamp = 1234;
  d.m.offset = 77;
  const int rc = hav1_send_data(c, &d);
  EXPECT_EQ(rc, HAV1_ERR_INVALID_DATA);
  EXPECT_FALSE(log.messages.empty());
  EXPECT_EQ(d.sz, 0u);          // the failing packet is consumed
  EXPECT_EQ(d.ref, nullptr);
  EXPECT_EQ(data_fc.calls, 1);  // and released
  EXPECT_EQ(user_fc.calls, 0);  // the decoder keeps the error props
  ASSERT_EQ(hav1_get_decode_error_data_props(c, &props), HAV1_OK);
  EXPECT_EQ(props.timestamp, 1234);
  EXPECT_EQ(props.offset, 77);
  EXPECT_EQ(props.user_data.data, user);
  hav1_close(&c);
  EXPECT_EQ(user_fc.calls, 0);  // props still referenced by us
  hav1_data_props_unref(&props);
  EXPECT_EQ(user_fc.calls, 1);
}

TEST(Api, GetPictureBeforeDataAndDrainOnEmpty) {
  LogCapture log;
  Hav1Settings s = QuietSettings(&log);
  Hav1Context* c = nullptr;
  ASSERT_EQ(hav1_open(&c, &s), HAV1_OK);
  Hav1Picture p;
  EXPECT_EQ(hav1_get_picture(c, &p), HAV1_ERR_AGAIN);
  EXPECT_EQ(hav1_drain(c), HAV1_OK);
  EXPECT_EQ(hav1_get_picture(c, &p), HAV1_ERR_EOF);
  EXPECT_EQ(hav1_get_picture(c, &p), HAV1_ERR_EOF);
  hav1_flush(c);
  EXPECT_EQ(hav1_get_picture(c, &p), HAV1_ERR_AGAIN);
  Hav1EventFlags flags;
  ASSERT_EQ(hav1_get_event_flags(c, &flags), HAV1_OK);
  EXPECT_EQ(flags, 0);
  hav1_close(&c);
}

// ---------------------------------------------------------------------------
// Real streams.

struct DecodeStats {
  int packets = 0;
  int errors = 0;
  int first_error = HAV1_OK;
  int pictures = 0;
  int new_sequence_events = 0;
  bool eof = false;
};

// Sends every frame, takes pictures on AGAIN, drains to EOF.
DecodeStats DecodeFrames(Hav1Context* c, const std::vector<IvfFrame>& frames, size_t begin = 0,
                         size_t end = SIZE_MAX) {
  DecodeStats st;
  Hav1Picture pic;
  for (size_t i = begin; i < frames.size() && i < end; ++i) {
    if (frames[i].data.empty()) continue;  // broken files have empty frames
    Hav1Data d;
    MakePacket(&d, frames[i].data, frames[i].timestamp);
    st.packets++;
    for (int guard = 0; d.sz > 0 && guard < 1000; ++guard) {
      const int rc = hav1_send_data(c, &d);
      if (rc == HAV1_ERR_AGAIN) {
        while (hav1_get_picture(c, &pic) == HAV1_OK) {
          st.pictures++;
          hav1_picture_unref(&pic);
        }
        continue;
      }
      if (rc < 0) {
        st.errors++;
        if (st.first_error == HAV1_OK) st.first_error = rc;
      }
      break;
    }
    hav1_data_unref(&d);
    Hav1EventFlags flags;
    EXPECT_EQ(hav1_get_event_flags(c, &flags), HAV1_OK);
    if (flags & HAV1_EVENT_FLAG_NEW_SEQUENCE) st.new_sequence_events++;
    int rc;
    while ((rc = hav1_get_picture(c, &pic)) == HAV1_OK) {
      st.pictures++;
      hav1_picture_unref(&pic);
    }
    EXPECT_EQ(rc, HAV1_ERR_AGAIN);
  }
  EXPECT_EQ(hav1_drain(c), HAV1_OK);
  int rc;
  while ((rc = hav1_get_picture(c, &pic)) == HAV1_OK) {
    st.pictures++;
    hav1_picture_unref(&pic);
  }
  st.eof = rc == HAV1_ERR_EOF;
  return st;
}

Hav1Context* OpenParseOnly(LogCapture* log) {
  Hav1Settings s = QuietSettings(log);
  s.parse_only = 1;
  Hav1Context* c = nullptr;
  EXPECT_EQ(hav1_open(&c, &s), HAV1_OK);
  return c;
}

// A spread of IVF streams from the manifest (every profile, bit depth and
// chroma format appear among them).
std::vector<std::string> SampleStreams(size_t step) {
  std::vector<std::string> out;
  size_t i = 0;
  for (const auto& r : hav1_test::ReadManifest()) {
    if (r.container != "ivf" || r.expect != "match" || !r.args.empty()) continue;
    if (i++ % step == 0) out.push_back(r.file);
  }
  return out;
}

TEST(Streams, ParseOnlyFlow) {
  SKIP_WITHOUT_CONFORMANCE();
  const std::vector<std::string> files = SampleStreams(20);
  ASSERT_FALSE(files.empty());
  for (const std::string& f : files) {
    SCOPED_TRACE(f);
    std::vector<IvfFrame> frames;
    ASSERT_TRUE(ReadIvf(Stream(f.c_str()), &frames));
    LogCapture log;
    Hav1Context* c = OpenParseOnly(&log);
    ASSERT_NE(c, nullptr);
    const DecodeStats st = DecodeFrames(c, frames);
    EXPECT_EQ(st.errors, 0) << "first error " << hav1_strerror(st.first_error) << ": "
                            << (log.messages.empty() ? "" : log.messages[0]);
    EXPECT_EQ(st.pictures, 0);  // parse only
    EXPECT_GE(st.new_sequence_events, 1);
    EXPECT_TRUE(st.eof);
    // After EOF, new data starts a new segment (same stream again).
    const DecodeStats again = DecodeFrames(c, frames);
    EXPECT_EQ(again.errors, 0);
    EXPECT_TRUE(again.eof);
    hav1_close(&c);
  }
}

TEST(Streams, NewSequenceEventOnce) {
  SKIP_WITHOUT_CONFORMANCE();
  std::vector<IvfFrame> frames;
  ASSERT_TRUE(ReadIvf(Stream("dav1d-test-data/8-bit/intra/av1-1-b8-02-allintra.ivf"), &frames));
  ASSERT_GT(frames.size(), 3u);
  LogCapture log;
  Hav1Context* c = OpenParseOnly(&log);
  const DecodeStats st = DecodeFrames(c, frames);
  EXPECT_EQ(st.errors, 0);
  // The same sequence header repeated is no new sequence.
  EXPECT_EQ(st.new_sequence_events, 1);
  hav1_close(&c);
}

TEST(Streams, ParseSequenceHeader) {
  SKIP_WITHOUT_CONFORMANCE();
  int checked = 0;
  for (const auto& r : hav1_test::ReadManifest()) {
    if (r.container != "ivf" || r.expect != "match" || !r.args.empty()) continue;
    if (checked >= 40) break;
    std::vector<IvfFrame> frames;
    if (!ReadIvf(Stream(r.file.c_str()), &frames) || frames.empty()) continue;
    SCOPED_TRACE(r.file);
    Hav1SequenceInfo info;
    ASSERT_EQ(hav1_parse_sequence_header(&info, frames[0].data.data(), frames[0].data.size()),
              HAV1_OK);
    EXPECT_EQ(info.bitdepth, r.bitdepth);
    const Hav1PixelLayout want = r.chroma == "420"   ? HAV1_PIXEL_LAYOUT_I420
                                 : r.chroma == "422" ? HAV1_PIXEL_LAYOUT_I422
                                 : r.chroma == "444" ? HAV1_PIXEL_LAYOUT_I444
                                                     : HAV1_PIXEL_LAYOUT_I400;
    EXPECT_EQ(info.layout, want);
    EXPECT_GT(info.max_width, 0);
    EXPECT_GT(info.max_height, 0);
    checked++;
  }
  EXPECT_GT(checked, 0);
}

TEST(Streams, FlushThenContinue) {
  SKIP_WITHOUT_CONFORMANCE();
  std::vector<IvfFrame> frames;
  ASSERT_TRUE(ReadIvf(Stream("dav1d-test-data/8-bit/data/00000528.ivf"), &frames));
  ASSERT_GT(frames.size(), 4u);
  LogCapture log;
  Hav1Context* c = OpenParseOnly(&log);
  // Half the stream, no drain.
  Hav1Picture pic;
  for (size_t i = 0; i < frames.size() / 2; ++i) {
    Hav1Data d;
    MakePacket(&d, frames[i].data);
    EXPECT_EQ(hav1_send_data(c, &d), HAV1_OK) << i;
    hav1_data_unref(&d);
  }
  hav1_flush(c);
  EXPECT_EQ(hav1_get_picture(c, &pic), HAV1_ERR_AGAIN);
  // Seek back to the start (a key frame) and decode everything.
  const DecodeStats st = DecodeFrames(c, frames);
  EXPECT_EQ(st.errors, 0) << (log.messages.empty() ? "" : log.messages[0]);
  EXPECT_TRUE(st.eof);
  hav1_close(&c);
}

TEST(Streams, PixelDecodingNotImplementedYet) {
  SKIP_WITHOUT_CONFORMANCE();
  std::vector<IvfFrame> frames;
  // Every frame of this stream needs film grain and in-loop filters, which
  // the decoder does not do yet; every packet holds one new frame.
  ASSERT_TRUE(ReadIvf(Stream("dav1d-test-data/8-bit/vq_suite/"
                             "Syntax_AV1_mainb8ss420_432x240_018_vq_aom_ctest_4.2.stripped.ivf"),
                      &frames));
  ASSERT_GT(frames.size(), 2u);
  LogCapture log;
  Hav1Settings s = QuietSettings(&log);
  Hav1Context* c = nullptr;
  ASSERT_EQ(hav1_open(&c, &s), HAV1_OK);
  FreeCounter user_fc;
  static const uint8_t user[1] = {1};
  for (size_t i = 0; i < frames.size(); ++i) {
    Hav1Data d;
    MakePacket(&d, frames[i].data, 1000 + static_cast<int64_t>(i));
    ASSERT_EQ(hav1_data_wrap_user_data(&d, user, FreeCounter::Callback, &user_fc), HAV1_OK);
    const int rc = hav1_send_data(c, &d);
    // Film grain is not implemented; frames that would predict from an
    // undecoded frame find an empty reference slot.
    EXPECT_TRUE(rc == HAV1_ERR_NOT_IMPLEMENTED || rc == HAV1_ERR_INVALID_DATA)
        << "packet " << i << " rc " << rc;
    EXPECT_EQ(d.sz, 0u);
    hav1_data_unref(&d);
    Hav1DataProps props;
    ASSERT_EQ(hav1_get_decode_error_data_props(c, &props), HAV1_OK);
    EXPECT_EQ(props.timestamp, 1000 + static_cast<int64_t>(i));
    hav1_data_props_unref(&props);
    Hav1Picture pic;
    EXPECT_EQ(hav1_get_picture(c, &pic), HAV1_ERR_AGAIN);
  }
  EXPECT_TRUE(log.Contains("not implemented yet"));
  EXPECT_EQ(hav1_drain(c), HAV1_OK);
  Hav1Picture pic;
  EXPECT_EQ(hav1_get_picture(c, &pic), HAV1_ERR_EOF);
  hav1_flush(c);
  hav1_close(&c);
  // Every packet's user data was released (the last one with the decoder).
  EXPECT_EQ(user_fc.calls, static_cast<int>(frames.size()));
}

TEST(Streams, TwoDecodersInTwoThreads) {
  SKIP_WITHOUT_CONFORMANCE();
  std::vector<IvfFrame> a, b;
  ASSERT_TRUE(ReadIvf(Stream("dav1d-test-data/8-bit/intra/av1-1-b8-02-allintra.ivf"), &a));
  ASSERT_TRUE(ReadIvf(Stream("dav1d-test-data/10-bit/data/00000671.ivf"), &b));
  DecodeStats sa, sb;
  LogCapture la, lb;
  auto run = [](const std::vector<IvfFrame>* frames, DecodeStats* out, LogCapture* log) {
    for (int round = 0; round < 5; ++round) {
      Hav1Context* c = OpenParseOnly(log);
      if (c == nullptr) return;
      const DecodeStats st = DecodeFrames(c, *frames);
      out->errors += st.errors;
      out->packets += st.packets;
      hav1_close(&c);
    }
  };
  std::thread ta(run, &a, &sa, &la);
  std::thread tb(run, &b, &sb, &lb);
  ta.join();
  tb.join();
  EXPECT_EQ(sa.errors, 0);
  EXPECT_EQ(sb.errors, 0);
  EXPECT_EQ(sa.packets, 5 * static_cast<int>(a.size()));
  EXPECT_EQ(sb.packets, 5 * static_cast<int>(b.size()));
}

// Broken input gives error codes, never a crash or a hang, and the decoder
// keeps working afterwards.
TEST(Robustness, GarbageInput) {
  LogCapture log;
  std::mt19937 rng(1234);
  for (int parse_only = 0; parse_only < 2; ++parse_only) {
    Hav1Settings s = QuietSettings(&log);
    s.parse_only = parse_only;
    Hav1Context* c = nullptr;
    ASSERT_EQ(hav1_open(&c, &s), HAV1_OK);
    for (int i = 0; i < 300; ++i) {
      std::vector<uint8_t> bytes(1 + rng() % 200);
      for (auto& b : bytes) b = static_cast<uint8_t>(rng());
      if (i % 3 == 0) bytes[0] = 0x12;  // a temporal delimiter first
      Hav1Data d;
      MakePacket(&d, bytes);
      const int rc = hav1_send_data(c, &d);
      EXPECT_TRUE(rc == HAV1_OK || rc == HAV1_ERR_INVALID_DATA || rc == HAV1_ERR_UNSUPPORTED ||
                  rc == HAV1_ERR_NOT_IMPLEMENTED || rc == HAV1_ERR_LIMIT)
          << rc;
      hav1_data_unref(&d);
      Hav1Picture pic;
      while (hav1_get_picture(c, &pic) == HAV1_OK) hav1_picture_unref(&pic);
      if (i % 50 == 49) hav1_flush(c);
    }
    EXPECT_EQ(hav1_drain(c), HAV1_OK);
    hav1_close(&c);
  }
}

TEST(Robustness, BrokenConformanceInputs) {
  SKIP_WITHOUT_CONFORMANCE();
  int n = 0;
  for (const auto& r : hav1_test::ReadManifest()) {
    if (r.expect != "no-crash" || r.container != "ivf") continue;
    if (n++ % 4 != 0) continue;  // a quarter of them keeps the test quick
    std::vector<IvfFrame> frames;
    if (!ReadIvf(Stream(r.file.c_str()), &frames)) continue;
    SCOPED_TRACE(r.file);
    LogCapture log;
    for (int parse_only = 0; parse_only < 2; ++parse_only) {
      Hav1Settings s = QuietSettings(&log);
      s.parse_only = parse_only;
      Hav1Context* c = nullptr;
      ASSERT_EQ(hav1_open(&c, &s), HAV1_OK);
      const DecodeStats st = DecodeFrames(c, frames);
      EXPECT_TRUE(st.eof);
      hav1_close(&c);
    }
  }
}

}  // namespace
