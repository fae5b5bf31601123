// Builders for small containers in memory (tests only): Section 5 OBUs, IVF,
// Annex B and a minimal WebM/Matroska writer.  Written from the container
// descriptions (AV1 spec 5 and Annex B, the IVF layout, EBML/Matroska
// element ids), not from any reader under test.
#ifndef HAV1_TESTS_UNIT_INPUT_CONTAINER_BUILDERS_H_
#define HAV1_TESTS_UNIT_INPUT_CONTAINER_BUILDERS_H_

#include <cstdint>
#include <string>
#include <vector>

namespace hav1::input::testing {

using Bytes = std::vector<uint8_t>;

inline void Append(Bytes* out, const Bytes& b) { out->insert(out->end(), b.begin(), b.end()); }

inline Bytes Leb128(uint64_t v, size_t min_bytes = 1) {
  Bytes out;
  do {
    uint8_t b = v & 0x7f;
    v >>= 7;
    if (v != 0 || out.size() + 1 < min_bytes) b |= 0x80;
    out.push_back(b);
  } while (v != 0 || out.size() < min_bytes);
  return out;
}

// An OBU: header (type, optional extension byte), optional obu_size, payload.
inline Bytes Obu(int type, const Bytes& payload, bool size_field = true, int extension = -1) {
  Bytes out;
  out.push_back(static_cast<uint8_t>((type << 3) | (extension >= 0 ? 4 : 0) | (size_field ? 2 : 0)));
  if (extension >= 0) out.push_back(static_cast<uint8_t>(extension));
  if (size_field) Append(&out, Leb128(payload.size()));
  Append(&out, payload);
  return out;
}
inline Bytes Td() { return Obu(2, {}); }
inline Bytes Payload(size_t n, uint8_t seed) {
  Bytes b(n);
  for (size_t i = 0; i < n; ++i) b[i] = static_cast<uint8_t>(seed + 7 * i);
  return b;
}

inline void PutLe(Bytes* out, uint64_t v, int n) {
  for (int i = 0; i < n; ++i) out->push_back(static_cast<uint8_t>(v >> (8 * i)));
}

struct IvfFrame {
  Bytes data;
  uint64_t pts = 0;
};
inline Bytes Ivf(const std::vector<IvfFrame>& frames, uint32_t rate = 30, uint32_t scale = 1,
                 uint16_t header_size = 32, const char* fourcc = "AV01") {
  Bytes out = {'D', 'K', 'I', 'F'};
  PutLe(&out, 0, 2);
  PutLe(&out, header_size, 2);
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<uint8_t>(fourcc[i]));
  PutLe(&out, 176, 2);
  PutLe(&out, 144, 2);
  PutLe(&out, rate, 4);
  PutLe(&out, scale, 4);
  PutLe(&out, frames.size(), 4);
  PutLe(&out, 0, 4);
  out.resize(header_size > 32 ? header_size : 32, 0);
  for (const IvfFrame& f : frames) {
    PutLe(&out, f.data.size(), 4);
    PutLe(&out, f.pts, 8);
    Append(&out, f.data);
  }
  return out;
}

// Annex B: a temporal unit is a list of frame units, a frame unit a list of
// OBUs (each given whole, with or without its own obu_size).
using FrameUnit = std::vector<Bytes>;
using AnnexBUnit = std::vector<FrameUnit>;
inline Bytes AnnexB(const std::vector<AnnexBUnit>& units) {
  Bytes out;
  for (const AnnexBUnit& tu : units) {
    Bytes tu_bytes;
    for (const FrameUnit& fu : tu) {
      Bytes fu_bytes;
      for (const Bytes& obu : fu) {
        Append(&fu_bytes, Leb128(obu.size()));
        Append(&fu_bytes, obu);
      }
      Append(&tu_bytes, Leb128(fu_bytes.size()));
      Append(&tu_bytes, fu_bytes);
    }
    Append(&out, Leb128(tu_bytes.size()));
    Append(&out, tu_bytes);
  }
  return out;
}

// EBML: element id bytes (with their length marker, as in the Matroska
// specification), a size vint, the body.
inline Bytes EbmlSize(uint64_t n) {
  for (int len = 1; len <= 8; ++len) {
    if (n < (uint64_t{1} << (7 * len)) - 1) {
      Bytes out(len);
      for (int i = len - 1; i >= 0; --i) {
        out[i] = static_cast<uint8_t>(n);
        n >>= 8;
      }
      out[0] |= static_cast<uint8_t>(0x80 >> (len - 1));
      return out;
    }
  }
  return {};
}
inline Bytes El(uint32_t id, const Bytes& body) {
  Bytes out;
  for (int shift = 24; shift >= 0; shift -= 8) {
    if ((id >> shift) != 0 || shift == 0) out.push_back(static_cast<uint8_t>(id >> shift));
  }
  Append(&out, EbmlSize(body.size()));
  Append(&out, body);
  return out;
}
inline Bytes Uint(uint32_t id, uint64_t v) {
  Bytes b;
  for (int i = 7; i >= 0; --i) {
    if ((v >> (8 * i)) != 0 || i == 0 || !b.empty()) b.push_back(static_cast<uint8_t>(v >> (8 * i)));
  }
  return El(id, b);
}
inline Bytes Str(uint32_t id, const std::string& s) { return El(id, Bytes(s.begin(), s.end())); }
inline Bytes Cat(std::initializer_list<Bytes> parts) {
  Bytes out;
  for (const Bytes& p : parts) Append(&out, p);
  return out;
}

inline Bytes EbmlHeader(const std::string& doctype = "webm") {
  return El(0x1A45DFA3, Cat({Uint(0x4286, 1), Uint(0x42F7, 1), Uint(0x42F2, 4),
                             Uint(0x42F3, 8), Str(0x4282, doctype), Uint(0x4287, 4),
                             Uint(0x4285, 2)}));
}
inline Bytes VideoTrack(uint64_t number, const std::string& codec, const Bytes& codec_private,
                        uint64_t default_duration_ns = 0) {
  Bytes body = Cat({Uint(0xD7, number), Uint(0x73C5, number), Uint(0x83, 1), Str(0x86, codec)});
  if (!codec_private.empty()) Append(&body, El(0x63A2, codec_private));
  if (default_duration_ns) Append(&body, Uint(0x23E383, default_duration_ns));
  Append(&body, El(0xE0, Cat({Uint(0xB0, 176), Uint(0xBA, 144)})));
  return El(0xAE, body);
}
inline Bytes AudioTrack(uint64_t number) {
  return El(0xAE, Cat({Uint(0xD7, number), Uint(0x73C5, number), Uint(0x83, 2),
                       Str(0x86, "A_OPUS")}));
}
// SimpleBlock (or a Block inside a BlockGroup) for track < 127, no lacing
// unless several frames are given (then fixed-size lacing: equal sizes).
inline Bytes BlockBody(uint64_t track, int16_t timecode, const std::vector<Bytes>& frames,
                       uint8_t flags) {
  Bytes b = {static_cast<uint8_t>(0x80 | track), static_cast<uint8_t>(timecode >> 8),
             static_cast<uint8_t>(timecode & 0xff)};
  if (frames.size() > 1) {
    b.push_back(static_cast<uint8_t>(flags | 0x04));
    b.push_back(static_cast<uint8_t>(frames.size() - 1));
  } else {
    b.push_back(flags);
  }
  for (const Bytes& f : frames) Append(&b, f);
  return b;
}
inline Bytes SimpleBlock(uint64_t track, int16_t timecode, const std::vector<Bytes>& frames) {
  return El(0xA3, BlockBody(track, timecode, frames, 0x80));
}
inline Bytes BlockGroup(uint64_t track, int16_t timecode, const Bytes& frame) {
  return El(0xA0, El(0xA1, BlockBody(track, timecode, {frame}, 0x00)));
}
inline Bytes Cluster(uint64_t timecode, const std::vector<Bytes>& blocks) {
  Bytes body = Uint(0xE7, timecode);
  for (const Bytes& b : blocks) Append(&body, b);
  return El(0x1F43B675, body);
}
inline Bytes Webm(const std::vector<Bytes>& tracks, const std::vector<Bytes>& clusters,
                  uint64_t timecode_scale = 1000000, const std::string& doctype = "webm") {
  Bytes tracks_body;
  for (const Bytes& t : tracks) Append(&tracks_body, t);
  Bytes seg = Cat({El(0x1549A966, Uint(0x2AD7B1, timecode_scale)), El(0x1654AE6B, tracks_body)});
  for (const Bytes& c : clusters) Append(&seg, c);
  return Cat({EbmlHeader(doctype), El(0x18538067, seg)});
}
// av1C: marker/version 0x81, profile/level, flags, no initial delay; then
// configOBUs.
inline Bytes Av1C(const Bytes& config_obus) {
  Bytes out = {0x81, 0x00, 0x0c, 0x00};
  Append(&out, config_obus);
  return out;
}

}  // namespace hav1::input::testing

#endif  // HAV1_TESTS_UNIT_INPUT_CONTAINER_BUILDERS_H_
