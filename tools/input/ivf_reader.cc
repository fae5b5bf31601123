// IVF: a 32-byte file header ("DKIF", version, header size, FourCC, width,
// height, timebase denominator, timebase numerator, frame count) followed by
// frames, each a 12-byte header (32-bit size, 64-bit timestamp, little
// endian) and that many bytes of Section 5 OBUs (one temporal unit).
#include <cstring>
#include <string>
#include <vector>

#include "tools/input/readers.h"

namespace hav1::input {
namespace {

constexpr uint64_t kIvfHeaderSize = 32;
constexpr uint64_t kIvfFrameHeaderSize = 12;

uint32_t Le16(const uint8_t* p) { return p[0] | (p[1] << 8); }
uint32_t Le32(const uint8_t* p) {
  return uint32_t{p[0]} | (uint32_t{p[1]} << 8) | (uint32_t{p[2]} << 16) |
         (uint32_t{p[3]} << 24);
}
uint64_t Le64(const uint8_t* p) {
  return uint64_t{Le32(p)} | (uint64_t{Le32(p + 4)} << 32);
}

class IvfReader final : public Reader {
 public:
  IvfReader(std::unique_ptr<ByteSource> src, StreamInfo info, uint64_t pos)
      : src_(std::move(src)), info_(info), pos_(pos) {}

  int Read(TemporalUnit* tu, std::string* error) override {
    if (failed_) {
      *error = error_;
      return -1;
    }
    for (;;) {
      const uint64_t size = src_->size();
      if (pos_ == size) return 0;
      const uint64_t left = size - pos_;
      if (left < kIvfFrameHeaderSize) {
        return Fail("ivf: frame header at offset " + std::to_string(pos_) +
                        " is truncated: " + std::to_string(left) +
                        " of 12 bytes left",
                    error);
      }
      uint8_t hdr[kIvfFrameHeaderSize];
      if (!src_->ReadAt(pos_, hdr)) {
        return Fail("ivf: read error at offset " + std::to_string(pos_), error);
      }
      const uint64_t frame_size = Le32(hdr);
      const uint64_t payload_left = left - kIvfFrameHeaderSize;
      if (frame_size > payload_left) {
        return Fail("ivf: frame at offset " + std::to_string(pos_) +
                        " claims " + std::to_string(frame_size) +
                        " bytes, only " + std::to_string(payload_left) + " left",
                    error);
      }
      if (frame_size > kMaxUnitSize) {
        return Fail("ivf: frame at offset " + std::to_string(pos_) +
                        " claims " + std::to_string(frame_size) +
                        " bytes, more than the limit of " +
                        std::to_string(kMaxUnitSize),
                    error);
      }
      const uint64_t frame_offset = pos_;
      pos_ += kIvfFrameHeaderSize + frame_size;
      if (frame_size == 0) continue;  // nothing to decode; skip empty frames
      tu->data.resize(frame_size);
      if (!src_->ReadAt(frame_offset + kIvfFrameHeaderSize, tu->data)) {
        return Fail("ivf: read error at offset " + std::to_string(frame_offset),
                    error);
      }
      tu->timestamp = static_cast<int64_t>(Le64(hdr + 4));
      tu->duration = 0;
      tu->offset = frame_offset;
      return 1;
    }
  }

  const StreamInfo& info() const override { return info_; }

 private:
  int Fail(std::string msg, std::string* error) {
    failed_ = true;
    error_ = std::move(msg);
    *error = error_;
    return -1;
  }

  std::unique_ptr<ByteSource> src_;
  StreamInfo info_;
  uint64_t pos_;
  bool failed_ = false;
  std::string error_;
};

}  // namespace

bool LooksLikeIvf(ByteSource* src) {
  uint8_t magic[4];
  return src->size() >= 4 && src->ReadAt(0, magic) &&
         std::memcmp(magic, "DKIF", 4) == 0;
}

std::unique_ptr<Reader> OpenIvf(std::unique_ptr<ByteSource> src,
                                std::string* error) {
  if (src->size() < kIvfHeaderSize) {
    *error = "ivf: file header truncated: " + std::to_string(src->size()) +
             " of 32 bytes";
    return nullptr;
  }
  uint8_t h[kIvfHeaderSize];
  if (!src->ReadAt(0, h)) {
    *error = "ivf: read error at offset 0";
    return nullptr;
  }
  if (std::memcmp(h, "DKIF", 4) != 0) {
    *error = "ivf: bad signature at offset 0 (not DKIF)";
    return nullptr;
  }
  const uint32_t header_size = Le16(h + 6);
  if (header_size < kIvfHeaderSize || header_size > src->size()) {
    *error = "ivf: header size field at offset 6 is " +
             std::to_string(header_size) + " (must be >= 32 and <= file size " +
             std::to_string(src->size()) + ")";
    return nullptr;
  }
  // The FourCC must name AV1 ("AV01"; accept any letter case).
  char fourcc[5] = {};
  std::memcpy(fourcc, h + 8, 4);
  static constexpr char kAv01[] = "AV01";
  for (int i = 0; i < 4; ++i) {
    char c = fourcc[i];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c != kAv01[i]) {
      for (char& d : fourcc) {
        if (d != 0 && (d < 0x20 || d > 0x7e)) d = '?';
      }
      *error = std::string("ivf: FourCC '") + fourcc +
               "' at offset 8 is not AV01";
      return nullptr;
    }
  }
  StreamInfo info;
  info.format = Format::kIvf;
  info.width = Le16(h + 12);
  info.height = Le16(h + 14);
  const uint32_t rate = Le32(h + 16);   // timebase denominator
  const uint32_t scale = Le32(h + 20);  // timebase numerator
  if (rate != 0 && scale != 0) {
    info.timebase_num = scale;
    info.timebase_den = rate;
    info.fps_num = rate;
    info.fps_den = scale;
  }
  info.frame_count = Le32(h + 24);
  return std::make_unique<IvfReader>(std::move(src), info, header_size);
}

}  // namespace hav1::input
