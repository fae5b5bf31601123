// Section 5 low-overhead bitstream format (5.2): OBUs with obu_size fields,
// back to back.  A temporal unit starts at a temporal delimiter OBU and runs
// to the next one (7.5).
#include <algorithm>
#include <string>

#include "tools/input/obu_syntax.h"
#include "tools/input/readers.h"

namespace hav1::input {
namespace {

struct ObuExtent {
  ObuHeader header;
  uint64_t total = 0;  // header + leb128 + payload bytes
  uint64_t obu_size = 0;
};

// Reads the OBU header and obu_size at `pos` and checks the OBU fits in the
// source.  Returns false with *error naming the offset otherwise.
bool ScanObu(ByteSource* src, uint64_t pos, ObuExtent* obu, std::string* error) {
  const uint64_t left = src->size() - pos;
  uint8_t buf[2 + kMaxLeb128Bytes];
  const size_t n = static_cast<size_t>(std::min<uint64_t>(left, sizeof(buf)));
  if (!src->ReadAt(pos, std::span<uint8_t>(buf, n))) {
    *error = "section5: read error at offset " + std::to_string(pos);
    return false;
  }
  const std::string at = " at offset " + std::to_string(pos);
  obu->header = ParseObuHeader(buf[0]);
  const ObuHeader& h = obu->header;
  if (h.forbidden_bit) {
    *error = "section5: OBU" + at + " has obu_forbidden_bit set";
    return false;
  }
  if (!h.has_size_field) {
    *error = "section5: OBU" + at +
             " has obu_has_size_field 0 (every OBU of a Section 5 stream needs "
             "obu_size)";
    return false;
  }
  if (n < h.size()) {
    *error = "section5: OBU header" + at + " is truncated";
    return false;
  }
  uint64_t obu_size = 0;
  size_t leb_len = 0;
  switch (ReadLeb128(std::span<const uint8_t>(buf + h.size(), n - h.size()),
                     &obu_size, &leb_len)) {
    case LebResult::kOk: break;
    case LebResult::kTruncated:
      *error = "section5: obu_size of the OBU" + at + " is truncated";
      return false;
    case LebResult::kTooLarge:
      *error = "section5: obu_size of the OBU" + at + " exceeds 2^32-1";
      return false;
  }
  const uint64_t head = h.size() + leb_len;
  if (obu_size > left - head) {
    *error = "section5: OBU" + at + " claims " + std::to_string(obu_size) +
             " bytes, only " + std::to_string(left - head) + " left";
    return false;
  }
  obu->total = head + obu_size;
  obu->obu_size = obu_size;
  return true;
}

class Section5Reader final : public Reader {
 public:
  explicit Section5Reader(std::unique_ptr<ByteSource> src) : src_(std::move(src)) {
    info_.format = Format::kSection5;
  }

  int Read(TemporalUnit* tu, std::string* error) override {
    if (failed_) {
      *error = error_;
      return -1;
    }
    const uint64_t start = pos_;
    if (start == src_->size()) return 0;
    uint64_t end = start;
    // Collect OBUs up to the next temporal delimiter (or the end).
    while (end < src_->size()) {
      ObuExtent obu;
      if (!ScanObu(src_.get(), end, &obu, &error_)) return Fail(error);
      if (end != start && obu.header.type == kObuTemporalDelimiter) break;
      if (end - start + obu.total > kMaxUnitSize) {
        error_ = "section5: temporal unit at offset " + std::to_string(start) +
                 " exceeds the limit of " + std::to_string(kMaxUnitSize) +
                 " bytes";
        return Fail(error);
      }
      end += obu.total;
    }
    tu->data.resize(end - start);
    if (!src_->ReadAt(start, tu->data)) {
      error_ = "section5: read error at offset " + std::to_string(start);
      return Fail(error);
    }
    tu->timestamp = index_++;
    tu->duration = 0;
    tu->offset = start;
    pos_ = end;
    return 1;
  }

  const StreamInfo& info() const override { return info_; }

 private:
  int Fail(std::string* error) {
    failed_ = true;
    *error = error_;
    return -1;
  }

  std::unique_ptr<ByteSource> src_;
  StreamInfo info_;
  uint64_t pos_ = 0;
  int64_t index_ = 0;
  bool failed_ = false;
  std::string error_;
};

}  // namespace

// A Section 5 stream starts with a temporal delimiter (obu_size 0, possibly
// coded with a padded leb128); the OBUs
// up to the next temporal delimiter must be well formed.  We look at no more
// than 64 OBUs.
int ProbeSection5(ByteSource* src) {
  std::string error;
  ObuExtent obu;
  if (!ScanObu(src, 0, &obu, &error) ||
      obu.header.type != kObuTemporalDelimiter || obu.obu_size != 0) {
    return 0;
  }
  uint64_t pos = obu.total;
  for (int i = 0; i < 64 && pos < src->size(); ++i) {
    if (!ScanObu(src, pos, &obu, &error)) return 1;
    if (obu.header.type == kObuTemporalDelimiter) break;
    pos += obu.total;
  }
  return 2;
}

std::unique_ptr<Reader> OpenSection5(std::unique_ptr<ByteSource> src,
                                     std::string* /*error*/) {
  return std::make_unique<Section5Reader>(std::move(src));
}

}  // namespace hav1::input
