// MD5 from RFC 1321 (sections 3.1-3.5).
#include "tools/hav1dec/md5.h"

#include <cstring>

namespace hav1::cli {
namespace {

// RFC 1321 3.4: T[i] = floor(4294967296 * abs(sin(i + 1))), i = 0..63.
constexpr uint32_t kT[64] = {
    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a,
    0xa8304613, 0xfd469501, 0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be,
    0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821, 0xf61e2562, 0xc040b340,
    0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
    0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8,
    0x676f02d9, 0x8d2a4c8a, 0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c,
    0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70, 0x289b7ec6, 0xeaa127fa,
    0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
    0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92,
    0xffeff47d, 0x85845dd1, 0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1,
    0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391};

// Per-round shift amounts s of RFC 1321 3.4 (rounds 1..4, four per round).
constexpr int kS[4][4] = {
    {7, 12, 17, 22}, {5, 9, 14, 20}, {4, 11, 16, 23}, {6, 10, 15, 21}};

constexpr uint32_t RotateLeft(uint32_t x, int n) {
  return (x << n) | (x >> (32 - n));
}

uint32_t LoadLe32(const uint8_t* p) {
  return uint32_t{p[0]} | (uint32_t{p[1]} << 8) | (uint32_t{p[2]} << 16) |
         (uint32_t{p[3]} << 24);
}

}  // namespace

void Md5::Reset() {
  state_ = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
  length_ = 0;
}

void Md5::Transform(const uint8_t block[64]) {
  uint32_t x[16];
  for (int i = 0; i < 16; ++i) x[i] = LoadLe32(block + 4 * i);
  uint32_t a = state_[0], b = state_[1], c = state_[2], d = state_[3];
  for (int i = 0; i < 64; ++i) {
    const int round = i / 16;
    uint32_t f;
    int k;
    switch (round) {
      case 0:  // F(X,Y,Z) = XY v not(X) Z
        f = (b & c) | (~b & d);
        k = i;
        break;
      case 1:  // G(X,Y,Z) = XZ v Y not(Z)
        f = (b & d) | (c & ~d);
        k = (5 * i + 1) % 16;
        break;
      case 2:  // H(X,Y,Z) = X xor Y xor Z
        f = b ^ c ^ d;
        k = (3 * i + 5) % 16;
        break;
      default:  // I(X,Y,Z) = Y xor (X v not(Z))
        f = c ^ (b | ~d);
        k = (7 * i) % 16;
        break;
    }
    const uint32_t t = b + RotateLeft(a + f + x[k] + kT[i], kS[round][i % 4]);
    a = d;
    d = c;
    c = b;
    b = t;
  }
  state_[0] += a;
  state_[1] += b;
  state_[2] += c;
  state_[3] += d;
}

void Md5::Update(std::span<const uint8_t> bytes) {
  size_t used = static_cast<size_t>(length_ % 64);
  length_ += bytes.size();
  const uint8_t* p = bytes.data();
  size_t n = bytes.size();
  if (used != 0) {
    const size_t take = n < 64 - used ? n : 64 - used;
    std::memcpy(buffer_.data() + used, p, take);
    used += take;
    p += take;
    n -= take;
    if (used < 64) return;
    Transform(buffer_.data());
  }
  for (; n >= 64; p += 64, n -= 64) Transform(p);
  if (n != 0) std::memcpy(buffer_.data(), p, n);
}

std::array<uint8_t, 16> Md5::Final() {
  const uint64_t bit_length = length_ * 8;
  // 3.1: a single 1 bit, then 0 bits up to 56 bytes modulo 64.
  uint8_t pad[72] = {0x80};
  const size_t used = static_cast<size_t>(length_ % 64);
  const size_t pad_len = used < 56 ? 56 - used : 120 - used;
  Update(std::span<const uint8_t>(pad, pad_len));
  // 3.2: the 64-bit length, low-order word first.
  uint8_t len[8];
  for (int i = 0; i < 8; ++i) len[i] = static_cast<uint8_t>(bit_length >> (8 * i));
  Update(len);
  // 3.5: output A, B, C, D, low-order byte first.
  std::array<uint8_t, 16> out;
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 4; ++j)
      out[4 * i + j] = static_cast<uint8_t>(state_[i] >> (8 * j));
  return out;
}

std::string Md5::FinalHex() {
  const auto digest = Final();
  return ToHex(digest);
}

std::string ToHex(std::span<const uint8_t> digest) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string s;
  s.reserve(digest.size() * 2);
  for (uint8_t v : digest) {
    s += kDigits[v >> 4];
    s += kDigits[v & 15];
  }
  return s;
}

}  // namespace hav1::cli
