// Annex B length-delimited bitstream format: temporal_unit(sz) holds
// frame_unit(sz)s, which hold obu_length-prefixed OBUs, all sizes leb128.
// Each OBU is rewritten in the Section 5 form (obu_has_size_field = 1 and an
// obu_size after the header) so the decoder only ever sees one format.
#include <algorithm>
#include <string>
#include <vector>

#include "tools/input/obu_syntax.h"
#include "tools/input/readers.h"

namespace hav1::input {
namespace {

// Reads a leb128 at `pos` of the source.
bool ReadSourceLeb128(ByteSource* src, uint64_t pos, const char* what,
                      uint64_t* value, size_t* len, std::string* error) {
  uint8_t buf[kMaxLeb128Bytes];
  const size_t n =
      static_cast<size_t>(std::min<uint64_t>(src->size() - pos, sizeof(buf)));
  if (!src->ReadAt(pos, std::span<uint8_t>(buf, n))) {
    *error = "annexb: read error at offset " + std::to_string(pos);
    return false;
  }
  switch (ReadLeb128(std::span<const uint8_t>(buf, n), value, len)) {
    case LebResult::kOk: return true;
    case LebResult::kTruncated:
      *error = std::string("annexb: ") + what + " at offset " +
               std::to_string(pos) + " is truncated";
      return false;
    case LebResult::kTooLarge:
      *error = std::string("annexb: ") + what + " at offset " +
               std::to_string(pos) + " exceeds 2^32-1";
      return false;
  }
  return false;
}

// Annex B temporal_unit(sz) (bytes `tu`, which start at file offset `base`)
// to Section 5 OBUs appended to *out.  With first_td_required, the first OBU
// must be a temporal delimiter (as Annex B demands of every temporal unit).
bool ConvertTemporalUnit(std::span<const uint8_t> tu, uint64_t base,
                         bool first_td_required, std::vector<uint8_t>* out,
                         std::string* error) {
  size_t pos = 0;
  bool first_obu = true;
  // "annexb: <what> at offset <base + at><rest>"
  auto fail = [&](size_t at, const std::string& what, const std::string& rest) {
    *error = "annexb: " + what + " at offset " + std::to_string(base + at) + rest;
    return false;
  };
  auto read_leb = [&](std::span<const uint8_t> bytes, size_t at,
                      const char* what, uint64_t* v, size_t* len) {
    switch (ReadLeb128(bytes, v, len)) {
      case LebResult::kOk: return true;
      case LebResult::kTruncated:
        return fail(at, what, " runs past its enclosing unit");
      case LebResult::kTooLarge:
        return fail(at, what, " exceeds 2^32-1");
    }
    return false;
  };
  // temporal_unit( sz )
  while (pos < tu.size()) {
    uint64_t fu_size = 0;
    size_t len = 0;
    if (!read_leb(tu.subspan(pos), pos, "frame_unit_size", &fu_size, &len)) {
      return false;
    }
    const size_t fu_at = pos;
    pos += len;
    if (fu_size > tu.size() - pos) {
      return fail(fu_at, "frame unit", " claims " + std::to_string(fu_size) +
                             " bytes, only " + std::to_string(tu.size() - pos) +
                             " left in its temporal unit");
    }
    const std::span<const uint8_t> fu = tu.subspan(pos, fu_size);
    const size_t fu_base = pos;
    pos += fu_size;
    // frame_unit( sz )
    size_t fpos = 0;
    while (fpos < fu.size()) {
      uint64_t obu_length = 0;
      const size_t obu_at = fu_base + fpos;
      if (!read_leb(fu.subspan(fpos), obu_at, "obu_length", &obu_length, &len)) {
        return false;
      }
      fpos += len;
      if (obu_length > fu.size() - fpos) {
        return fail(obu_at, "OBU", " claims " + std::to_string(obu_length) +
                                " bytes, only " +
                                std::to_string(fu.size() - fpos) +
                                " left in its frame unit");
      }
      const std::span<const uint8_t> obu = fu.subspan(fpos, obu_length);
      fpos += obu_length;
      // open_bitstream_unit( obu_length )
      if (obu.empty()) return fail(obu_at, "OBU", " has obu_length 0");
      const ObuHeader h = ParseObuHeader(obu[0]);
      if (h.forbidden_bit) return fail(obu_at, "OBU", " has obu_forbidden_bit set");
      if (obu.size() < h.size()) return fail(obu_at, "OBU header", " is truncated");
      if (first_obu && first_td_required && h.type != kObuTemporalDelimiter) {
        return fail(obu_at, "first OBU", " of the temporal unit is not a temporal delimiter");
      }
      first_obu = false;
      if (h.has_size_field) {
        uint64_t obu_size = 0;
        size_t leb_len = 0;
        if (!read_leb(obu.subspan(h.size()), obu_at, "obu_size", &obu_size,
                      &leb_len)) {
          return false;
        }
        if (h.size() + leb_len + obu_size != obu.size()) {
          return fail(obu_at, "OBU", " has obu_size " + std::to_string(obu_size) +
                                  " inconsistent with obu_length " +
                                  std::to_string(obu_length));
        }
        out->insert(out->end(), obu.begin(), obu.end());
      } else {
        out->push_back(static_cast<uint8_t>(obu[0] | 0x02));
        if (h.extension_flag) out->push_back(obu[1]);
        WriteLeb128(obu.size() - h.size(), out);
        out->insert(out->end(), obu.begin() + h.size(), obu.end());
      }
    }
  }
  return true;
}

class AnnexBReader final : public Reader {
 public:
  explicit AnnexBReader(std::unique_ptr<ByteSource> src) : src_(std::move(src)) {
    info_.format = Format::kAnnexB;
  }

  int Read(TemporalUnit* tu, std::string* error) override {
    if (failed_) {
      *error = error_;
      return -1;
    }
    for (;;) {
      const uint64_t start = pos_;
      if (start == src_->size()) return 0;
      uint64_t tu_size = 0;
      size_t len = 0;
      if (!ReadSourceLeb128(src_.get(), start, "temporal_unit_size", &tu_size,
                            &len, &error_)) {
        return Fail(error);
      }
      const uint64_t left = src_->size() - start - len;
      if (tu_size > left) {
        error_ = "annexb: temporal unit at offset " + std::to_string(start) +
                 " claims " + std::to_string(tu_size) + " bytes, only " +
                 std::to_string(left) + " left";
        return Fail(error);
      }
      if (tu_size > kMaxUnitSize) {
        error_ = "annexb: temporal unit at offset " + std::to_string(start) +
                 " claims " + std::to_string(tu_size) +
                 " bytes, more than the limit of " + std::to_string(kMaxUnitSize);
        return Fail(error);
      }
      pos_ = start + len + tu_size;
      if (tu_size == 0) continue;  // empty temporal unit: nothing to decode
      raw_.resize(tu_size);
      if (!src_->ReadAt(start + len, raw_)) {
        error_ = "annexb: read error at offset " + std::to_string(start);
        return Fail(error);
      }
      tu->data.clear();
      tu->data.reserve(raw_.size());  // the Section 5 form is never longer
      if (!ConvertTemporalUnit(raw_, start + len, /*first_td_required=*/false,
                               &tu->data, &error_)) {
        return Fail(error);
      }
      tu->timestamp = index_++;
      tu->duration = 0;
      tu->offset = start;
      return 1;
    }
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
  std::vector<uint8_t> raw_;
  uint64_t pos_ = 0;
  int64_t index_ = 0;
  bool failed_ = false;
  std::string error_;
};

}  // namespace

// The first temporal unit must convert cleanly and start with a temporal
// delimiter.  A first unit that is cut off by the end of the input but starts
// with a temporal delimiter scores 1.
int ProbeAnnexB(ByteSource* src) {
  std::string error;
  uint64_t tu_size = 0;
  size_t len = 0;
  if (!ReadSourceLeb128(src, 0, "temporal_unit_size", &tu_size, &len, &error) ||
      tu_size == 0 || tu_size > kMaxUnitSize) {
    return 0;
  }
  const uint64_t avail = std::min<uint64_t>(tu_size, src->size() - len);
  std::vector<uint8_t> raw(avail);
  if (!src->ReadAt(len, raw)) return 0;
  std::vector<uint8_t> out;
  if (avail == tu_size) {
    return ConvertTemporalUnit(raw, len, /*first_td_required=*/true, &out, &error)
               ? 2
               : 0;
  }
  // Truncated first unit: check its first frame unit starts with a TD OBU.
  uint64_t fu_size = 0, obu_length = 0;
  size_t l1 = 0, l2 = 0;
  if (ReadLeb128(raw, &fu_size, &l1) != LebResult::kOk ||
      ReadLeb128(std::span<const uint8_t>(raw).subspan(l1), &obu_length, &l2) !=
          LebResult::kOk ||
      obu_length == 0 || raw.size() <= l1 + l2) {
    return 0;
  }
  const ObuHeader h = ParseObuHeader(raw[l1 + l2]);
  return !h.forbidden_bit && h.type == kObuTemporalDelimiter ? 1 : 0;
}

std::unique_ptr<Reader> OpenAnnexB(std::unique_ptr<ByteSource> src,
                                   std::string* /*error*/) {
  return std::make_unique<AnnexBReader>(std::move(src));
}

}  // namespace hav1::input
