// libFuzzer entry point over the whole public path: container bytes ->
// tools/input (OpenMemory) -> hav1_open -> hav1_send_data for every temporal
// unit -> hav1_get_picture -> hav1_drain -> hav1_close.  Each input is
// decoded twice: with reconstruction, and with settings.parse_only = 1.
// Inputs that no container reader accepts are sent as one raw Section 5
// packet, so mutations that break the container still reach the decoder.
//
// Breaking the API contract (hav1_send_data and hav1_get_picture both
// answering HAV1_ERR_AGAIN, or pictures that never run out after a drain)
// aborts: for a fuzzer that is a hang.
#include <hav1/hav1.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <span>
#include <string>

#include "tools/input/input.h"

namespace {

constexpr unsigned kFrameSizeLimit = 4096 * 2304;
// More pictures than this from one drain means the decoder does not stop.
constexpr int kMaxPicturesPerDrain = 1 << 16;

void SilentLog(void*, Hav1LogLevel, const char*) {}

// Reads every row of every plane so ASan sees the whole picture layout.
void TouchPicture(const Hav1Picture& pic) {
  const int bytes_per_sample = pic.p.bpc > 8 ? 2 : 1;
  volatile uint8_t sink = 0;
  for (int plane = 0; plane < 3; ++plane) {
    if (!pic.data[plane]) continue;
    const bool chroma = plane > 0;
    const int ss_x = chroma && pic.p.layout != HAV1_PIXEL_LAYOUT_I444;
    const int ss_y = chroma && pic.p.layout == HAV1_PIXEL_LAYOUT_I420;
    const int w = (pic.p.w + ss_x) >> ss_x;
    const int h = (pic.p.h + ss_y) >> ss_y;
    const ptrdiff_t stride = pic.stride[chroma ? 1 : 0];
    const auto* base = static_cast<const uint8_t*>(pic.data[plane]);
    for (int y = 0; y < h; ++y) {
      const uint8_t* row = base + y * stride;
      uint8_t acc = 0;
      for (int x = 0; x < w * bytes_per_sample; ++x) acc ^= row[x];
      sink = sink ^ acc;
    }
  }
  (void)sink;
}

// Takes pictures until the decoder wants data (or, after a drain, until
// HAV1_ERR_EOF).  Returns the number of pictures taken.
int TakePictures(Hav1Context* c, bool draining) {
  int taken = 0;
  for (;;) {
    Hav1Picture pic;
    std::memset(&pic, 0, sizeof(pic));
    const int r = hav1_get_picture(c, &pic);
    if (r != HAV1_OK) {
      if (draining && r == HAV1_ERR_AGAIN) std::abort();  // must be EOF after drain
      return taken;
    }
    TouchPicture(pic);
    hav1_picture_unref(&pic);
    if (++taken > kMaxPicturesPerDrain) std::abort();
  }
}

void SendUnit(Hav1Context* c, std::span<const uint8_t> bytes, int64_t timestamp,
              int64_t offset) {
  if (bytes.empty()) return;  // hav1_data_create refuses empty packets
  Hav1Data data;
  std::memset(&data, 0, sizeof(data));
  uint8_t* dst = hav1_data_create(&data, bytes.size());
  if (!dst) return;
  std::memcpy(dst, bytes.data(), bytes.size());
  data.m.timestamp = timestamp;
  data.m.offset = offset;
  while (data.sz > 0) {
    const int r = hav1_send_data(c, &data);
    if (r == HAV1_ERR_AGAIN) {
      // The decoder wants pictures taken out first; taking none means it
      // can make no progress at all.
      if (TakePictures(c, false) == 0) std::abort();
      continue;
    }
    break;  // accepted, or an error (the decoder resumes at a key frame)
  }
  hav1_data_unref(&data);
  TakePictures(c, false);
}

void Decode(std::span<const uint8_t> input, bool parse_only) {
  Hav1Settings s;
  hav1_default_settings(&s);
  s.n_threads = 1;
  s.frame_size_limit = kFrameSizeLimit;
  s.parse_only = parse_only ? 1 : 0;
  s.logger.cookie = nullptr;
  s.logger.callback = SilentLog;
  Hav1Context* c = nullptr;
  if (hav1_open(&c, &s) != HAV1_OK || !c) return;

  std::string error;
  std::unique_ptr<hav1::input::Reader> reader = hav1::input::OpenMemory(input, &error);
  if (!reader) {
    SendUnit(c, input, 0, 0);
  } else {
    hav1::input::TemporalUnit tu;
    while (reader->Read(&tu, &error) == 1) {
      SendUnit(c, tu.data, tu.timestamp, static_cast<int64_t>(tu.offset));
    }
  }
  if (hav1_drain(c) == HAV1_OK) TakePictures(c, true);
  hav1_close(&c);
  if (c != nullptr) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::span<const uint8_t> input(data, size);
  Decode(input, /*parse_only=*/false);
  Decode(input, /*parse_only=*/true);
  return 0;
}
