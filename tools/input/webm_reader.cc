// WebM and Matroska through libwebm's incremental webm_parser.  Frames of the
// first V_AV1 video track become temporal units.  Matroska's AV1 mapping
// leaves temporal delimiters out of blocks, may leave obu_size off the last
// OBU and keeps the sequence header in CodecPrivate (av1C configOBUs); each
// unit is brought back to the Section 5 form the other readers produce:
// a temporal delimiter first, the configOBUs in the first unit if it has no
// sequence header, every OBU with obu_size.
#include <webm/callback.h>
#include <webm/reader.h>
#include <webm/status.h>
#include <webm/webm_parser.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <deque>
#include <numeric>
#include <string>
#include <vector>

#include "tools/input/obu_syntax.h"
#include "tools/input/readers.h"

namespace hav1::input {
namespace {

// webm::Reader over a ByteSource.  While `blocked` is set, the parser's
// reads return kWouldBlock, which makes WebmParser::Feed() return so the
// queued frame can be handed out; the next Feed() resumes where it stopped.
class SourceReader final : public webm::Reader {
 public:
  explicit SourceReader(ByteSource* src) : src_(src) {}
  webm::Status Read(std::size_t num_to_read, std::uint8_t* buffer,
                    std::uint64_t* num_actually_read) override {
    *num_actually_read = 0;
    if (blocked) return webm::Status(webm::Status::kWouldBlock);
    if (pos_ >= src_->size()) return webm::Status(webm::Status::kEndOfFile);
    const uint64_t n = std::min<uint64_t>(num_to_read, src_->size() - pos_);
    if (!src_->ReadAt(pos_, std::span<uint8_t>(buffer, n))) {
      return webm::Status(webm::Status::kEndOfFile);
    }
    pos_ += n;
    *num_actually_read = n;
    return webm::Status(n == num_to_read ? webm::Status::kOkCompleted
                                         : webm::Status::kOkPartial);
  }
  webm::Status Skip(std::uint64_t num_to_skip,
                    std::uint64_t* num_actually_skipped) override {
    *num_actually_skipped = 0;
    if (blocked) return webm::Status(webm::Status::kWouldBlock);
    if (pos_ >= src_->size()) return webm::Status(webm::Status::kEndOfFile);
    const uint64_t n = std::min<uint64_t>(num_to_skip, src_->size() - pos_);
    pos_ += n;
    *num_actually_skipped = n;
    return webm::Status(n == num_to_skip ? webm::Status::kOkCompleted
                                         : webm::Status::kOkPartial);
  }
  std::uint64_t Position() const override { return pos_; }
  uint64_t left() const { return src_->size() - std::min(pos_, src_->size()); }

  bool blocked = false;

 private:
  ByteSource* src_;
  uint64_t pos_ = 0;
};

// A user error code (positive, per libwebm's convention) for our own checks;
// the message is in WebmCallback::error.
constexpr int32_t kCallbackError = 1;

class WebmCallback final : public webm::Callback {
 public:
  explicit WebmCallback(SourceReader* reader) : reader_(reader) {}

  // Called for every element once its id and size are parsed, before its
  // body is read: libwebm allocates binary and string bodies at their
  // claimed size, so a size beyond the end of the input is refused here.
  webm::Status OnElementBegin(const webm::ElementMetadata& meta,
                              webm::Action* action) override {
    *action = webm::Action::kRead;
    if (meta.size != webm::kUnknownElementSize && meta.size > reader_->left()) {
      return Error("webm: element 0x" + Hex(static_cast<uint32_t>(meta.id)) +
                   " at offset " + std::to_string(meta.position) + " claims " +
                   std::to_string(meta.size) + " bytes, only " +
                   std::to_string(reader_->left()) + " left");
    }
    return Ok();
  }

  webm::Status OnInfo(const webm::ElementMetadata&, const webm::Info& info) override {
    if (info.timecode_scale.is_present() && info.timecode_scale.value() != 0) {
      timecode_scale = info.timecode_scale.value();
    }
    return Ok();
  }

  webm::Status OnTrackEntry(const webm::ElementMetadata& meta,
                            const webm::TrackEntry& t) override {
    if (have_track || t.track_type.value() != webm::TrackType::kVideo ||
        t.codec_id.value() != "V_AV1") {
      return Ok();
    }
    if (t.content_encodings.is_present() &&
        !t.content_encodings.value().encodings.empty()) {
      return Error("webm: the AV1 track at offset " + std::to_string(meta.position) +
                   " uses ContentEncoding (compression/encryption), not supported");
    }
    have_track = true;
    track_number = t.track_number.value();
    if (t.codec_private.is_present()) codec_private = t.codec_private.value();
    if (t.default_duration.is_present()) default_duration = t.default_duration.value();
    if (t.video.is_present()) {
      const webm::Video& v = t.video.value();
      width = static_cast<uint32_t>(std::min<uint64_t>(v.pixel_width.value(), UINT32_MAX));
      height = static_cast<uint32_t>(std::min<uint64_t>(v.pixel_height.value(), UINT32_MAX));
    }
    return Ok();
  }

  webm::Status OnClusterBegin(const webm::ElementMetadata& meta,
                              const webm::Cluster& cluster,
                              webm::Action* action) override {
    if (!have_track) {
      return Error("webm: no V_AV1 video track before the first cluster (offset " +
                   std::to_string(meta.position) + ")");
    }
    cluster_timecode = cluster.timecode.value();
    *action = webm::Action::kRead;
    return Ok();
  }

  webm::Status OnSimpleBlockBegin(const webm::ElementMetadata&,
                                  const webm::SimpleBlock& block,
                                  webm::Action* action) override {
    return OnAnyBlockBegin(block, action);
  }
  webm::Status OnBlockBegin(const webm::ElementMetadata&, const webm::Block& block,
                            webm::Action* action) override {
    return OnAnyBlockBegin(block, action);
  }

  webm::Status OnFrame(const webm::FrameMetadata& meta, webm::Reader* reader,
                       std::uint64_t* bytes_remaining) override {
    if (!in_av1_block_) return webm::Callback::OnFrame(meta, reader, bytes_remaining);
    const uint64_t size = *bytes_remaining;
    const std::string at = " at offset " + std::to_string(meta.position);
    if (size > kMaxUnitSize) {
      return Error("webm: frame" + at + " claims " + std::to_string(size) +
                   " bytes, more than the limit of " + std::to_string(kMaxUnitSize));
    }
    if (size > reader_->left()) {
      return Error("webm: frame" + at + " claims " + std::to_string(size) +
                   " bytes, only " + std::to_string(reader_->left()) + " left");
    }
    std::vector<uint8_t> raw(size);
    // Our own reads must not be blocked by a frame queued earlier.
    const bool was_blocked = reader_->blocked;
    reader_->blocked = false;
    uint64_t done = 0;
    while (done < size) {
      uint64_t got = 0;
      const webm::Status s = reader->Read(size - done, raw.data() + done, &got);
      done += got;
      if (!s.ok() || got == 0) {
        reader_->blocked = was_blocked;
        *bytes_remaining = size - done;
        return Error("webm: frame" + at + " is truncated (" + std::to_string(done) +
                     " of " + std::to_string(size) + " bytes)");
      }
    }
    *bytes_remaining = 0;
    TemporalUnit tu;
    tu.offset = meta.position;
    tu.timestamp = static_cast<int64_t>(cluster_timecode) + block_timecode_;
    if (default_duration != 0 && timecode_scale != 0) {
      tu.duration = static_cast<int64_t>(default_duration / timecode_scale);
      tu.timestamp += static_cast<int64_t>(frame_in_block_) * tu.duration;
    }
    ++frame_in_block_;
    if (!ToSection5(raw, meta.position, &tu.data)) {
      reader_->blocked = was_blocked;
      return webm::Status(kCallbackError);
    }
    if (!tu.data.empty()) queue.push_back(std::move(tu));
    reader_->blocked = !queue.empty();
    return Ok();
  }

  // Parsed from the headers.
  bool have_track = false;
  uint64_t track_number = 0;
  std::vector<uint8_t> codec_private;
  uint64_t default_duration = 0;  // ns
  uint64_t timecode_scale = 1000000;
  uint32_t width = 0, height = 0;
  uint64_t cluster_timecode = 0;

  std::deque<TemporalUnit> queue;
  std::string error;

 private:
  static std::string Hex(uint32_t v) {
    char buf[16];
    std::snprintf(buf, sizeof(buf), "%X", v);
    return buf;
  }
  static webm::Status Ok() { return webm::Status(webm::Status::kOkCompleted); }
  webm::Status Error(std::string msg) {
    error = std::move(msg);
    return webm::Status(kCallbackError);
  }

  webm::Status OnAnyBlockBegin(const webm::Block& block, webm::Action* action) {
    in_av1_block_ = have_track && block.track_number == track_number;
    *action = in_av1_block_ ? webm::Action::kRead : webm::Action::kSkip;
    block_timecode_ = block.timecode;
    frame_in_block_ = 0;
    return Ok();
  }

  // Rewrites one block frame as a Section 5 temporal unit (see the top).
  bool ToSection5(std::span<const uint8_t> raw, uint64_t base,
                  std::vector<uint8_t>* out) {
    out->clear();
    out->reserve(raw.size() + 2);
    bool has_td = false, has_seq = false;
    // Scan first: does it start with a TD, does it carry a sequence header?
    std::vector<std::pair<size_t, size_t>> obus;  // (offset, header+leb bytes)
    std::vector<uint64_t> sizes;
    size_t pos = 0;
    while (pos < raw.size()) {
      const ObuHeader h = ParseObuHeader(raw[pos]);
      const std::string at = " at offset " + std::to_string(base + pos);
      if (h.forbidden_bit) {
        error = "webm: OBU" + at + " has obu_forbidden_bit set";
        return false;
      }
      if (raw.size() - pos < h.size()) {
        error = "webm: OBU header" + at + " is truncated";
        return false;
      }
      uint64_t obu_size = raw.size() - pos - h.size();  // last OBU, no size
      size_t leb_len = 0;
      if (h.has_size_field) {
        const LebResult r = ReadLeb128(raw.subspan(pos + h.size()), &obu_size, &leb_len);
        if (r != LebResult::kOk) {
          error = "webm: obu_size of the OBU" + at +
                  (r == LebResult::kTruncated ? " is truncated" : " exceeds 2^32-1");
          return false;
        }
        const uint64_t left = raw.size() - pos - h.size() - leb_len;
        if (obu_size > left) {
          error = "webm: OBU" + at + " claims " + std::to_string(obu_size) +
                  " bytes, only " + std::to_string(left) + " left in the frame";
          return false;
        }
      }
      if (pos == 0 && h.type == kObuTemporalDelimiter) has_td = true;
      if (h.type == kObuSequenceHeader) has_seq = true;
      obus.emplace_back(pos, h.size() + leb_len);
      sizes.push_back(obu_size);
      pos += h.size() + leb_len + obu_size;
    }
    if (!has_td) {
      out->push_back(0x12);  // OBU_TEMPORAL_DELIMITER, obu_has_size_field = 1
      out->push_back(0x00);  // obu_size = 0
    }
    if (first_frame_ && !has_seq && !AppendConfigObus(out)) return false;
    first_frame_ = false;
    for (size_t i = 0; i < obus.size(); ++i) {
      const auto [off, head] = obus[i];
      const ObuHeader h = ParseObuHeader(raw[off]);
      if (h.has_size_field) {
        out->insert(out->end(), raw.begin() + off, raw.begin() + off + head + sizes[i]);
      } else {
        out->push_back(static_cast<uint8_t>(raw[off] | 0x02));
        if (h.extension_flag) out->push_back(raw[off + 1]);
        WriteLeb128(sizes[i], out);
        out->insert(out->end(), raw.begin() + off + h.size(), raw.end());
      }
    }
    return true;
  }

  // av1C (AV1 codec ISO media file format binding, 2.3): marker/version byte
  // 0x81, three bytes of profile/level/flags, then configOBUs: Section 5
  // OBUs (normally the sequence header).
  bool AppendConfigObus(std::vector<uint8_t>* out) {
    if (codec_private.size() <= 4) return true;  // nothing to prepend
    if (codec_private[0] != 0x81) {
      error = "webm: CodecPrivate is not an av1C record (first byte " +
              std::to_string(codec_private[0]) + ", expected 129)";
      return false;
    }
    const std::span<const uint8_t> cfg = std::span<const uint8_t>(codec_private).subspan(4);
    size_t pos = 0;
    while (pos < cfg.size()) {
      const ObuHeader h = ParseObuHeader(cfg[pos]);
      uint64_t obu_size = 0;
      size_t leb_len = 0;
      if (h.forbidden_bit || !h.has_size_field || cfg.size() - pos < h.size() ||
          ReadLeb128(cfg.subspan(pos + h.size()), &obu_size, &leb_len) != LebResult::kOk ||
          obu_size > cfg.size() - pos - h.size() - leb_len) {
        error = "webm: av1C configOBUs malformed at byte " + std::to_string(4 + pos) +
                " of CodecPrivate";
        return false;
      }
      pos += h.size() + leb_len + obu_size;
    }
    out->insert(out->end(), cfg.begin(), cfg.end());
    return true;
  }

  SourceReader* reader_;
  bool in_av1_block_ = false;
  int16_t block_timecode_ = 0;
  int frame_in_block_ = 0;
  bool first_frame_ = true;
};

const char* WebmStatusName(int32_t code) {
  switch (code) {
    case webm::Status::kInvalidElementId: return "invalid element id";
    case webm::Status::kInvalidElementSize: return "invalid element size";
    case webm::Status::kIndefiniteUnknownElement: return "unknown element of unknown size";
    case webm::Status::kElementOverflow: return "element overflows its parent";
    case webm::Status::kNotEnoughMemory: return "element too large";
    case webm::Status::kInvalidElementValue: return "invalid element value";
    case webm::Status::kExceededRecursionDepthLimit: return "nesting too deep";
    default: return "parse error";
  }
}

class WebmReader final : public Reader {
 public:
  explicit WebmReader(std::unique_ptr<ByteSource> src)
      : src_(std::move(src)), reader_(src_.get()), callback_(&reader_) {
    info_.format = Format::kWebm;
  }

  // Parses until the first frame is queued (or the end / an error), so that
  // info() is known after opening.  False with *error if that fails before
  // any frame.
  bool Start(std::string* error) {
    Advance();
    if (!callback_.queue.empty() || (done_ && !failed_ && callback_.have_track)) {
      FillInfo();
      return true;
    }
    *error = failed_ ? error_ : "webm: no V_AV1 video track";
    return false;
  }

  int Read(TemporalUnit* tu, std::string* error) override {
    if (callback_.queue.empty()) Advance();
    if (!callback_.queue.empty()) {
      *tu = std::move(callback_.queue.front());
      callback_.queue.pop_front();
      return 1;
    }
    if (failed_) {
      *error = error_;
      return -1;
    }
    return 0;
  }

  const StreamInfo& info() const override { return info_; }

 private:
  void FillInfo() {
    const uint64_t g = std::gcd(callback_.timecode_scale, uint64_t{1000000000});
    info_.timebase_num = static_cast<uint32_t>(callback_.timecode_scale / g);
    info_.timebase_den = static_cast<uint32_t>(1000000000 / g);
    if (callback_.timecode_scale / g > UINT32_MAX) {  // absurd scale: give up on it
      info_.timebase_num = 1;
      info_.timebase_den = 1000;
    }
    if (callback_.default_duration != 0 && callback_.default_duration <= UINT32_MAX) {
      const uint64_t d = std::gcd(callback_.default_duration, uint64_t{1000000000});
      info_.fps_num = static_cast<uint32_t>(1000000000 / d);
      info_.fps_den = static_cast<uint32_t>(callback_.default_duration / d);
    }
    info_.width = callback_.width;
    info_.height = callback_.height;
  }

  // Feeds the parser until a frame is queued, the document ends or fails.
  void Advance() {
    while (!done_ && callback_.queue.empty()) {
      reader_.blocked = false;
      const webm::Status s = parser_.Feed(&callback_, &reader_);
      if (s.code == webm::Status::kWouldBlock) continue;  // frame queued
      done_ = true;
      if (s.completed_ok()) {
        if (!callback_.have_track) Fail("webm: no V_AV1 video track");
      } else if (s.code == kCallbackError) {
        Fail(callback_.error);
      } else if (s.code == webm::Status::kEndOfFile) {
        Fail("webm: truncated: the input ends inside an element (offset " +
             std::to_string(reader_.Position()) + ")");
      } else {
        Fail(std::string("webm: ") + WebmStatusName(s.code) + " near offset " +
             std::to_string(reader_.Position()));
      }
    }
  }

  void Fail(std::string msg) {
    failed_ = true;
    error_ = std::move(msg);
  }

  std::unique_ptr<ByteSource> src_;
  SourceReader reader_;
  WebmCallback callback_;
  webm::WebmParser parser_;
  StreamInfo info_;
  bool done_ = false;
  bool failed_ = false;
  std::string error_;
};

}  // namespace

bool LooksLikeWebm(ByteSource* src) {
  static constexpr uint8_t kEbmlId[4] = {0x1a, 0x45, 0xdf, 0xa3};
  uint8_t magic[4];
  return src->size() >= 4 && src->ReadAt(0, magic) &&
         std::memcmp(magic, kEbmlId, 4) == 0;
}

std::unique_ptr<Reader> OpenWebm(std::unique_ptr<ByteSource> src,
                                 std::string* error) {
  auto r = std::make_unique<WebmReader>(std::move(src));
  if (!r->Start(error)) return nullptr;
  return r;
}

}  // namespace hav1::input
