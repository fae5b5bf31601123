#include "src/bitstream/bit_reader.h"

#include <algorithm>
#include <cstdio>

namespace hav1 {

void SyntaxName::Format(char* buf, size_t size) const {
  if (n == 0)
    std::snprintf(buf, size, "%s", base);
  else if (n == 1)
    std::snprintf(buf, size, "%s[%d]", base, idx[0]);
  else
    std::snprintf(buf, size, "%s[%d][%d]", base, idx[0], idx[1]);
}

BitReader::BitReader(std::span<const uint8_t> data,
                     const Hav1SyntaxTracer* tracer)
    : data_(data), tracer_(tracer) {}

void BitReader::Emit(const SyntaxName& name, int64_t value) const {
  char buf[96];
  name.Format(buf, sizeof(buf));
  tracer_->element(tracer_->cookie, buf, value);
}

void BitReader::Trace(const SyntaxName& name, int64_t value) const {
  if (tracing()) Emit(name, value);
}

void BitReader::Begin(const char* structure) const {
  if (tracer_ != nullptr && tracer_->begin != nullptr)
    tracer_->begin(tracer_->cookie, structure);
}

uint32_t BitReader::ReadBits(int n) {
  uint32_t x = 0;
  const size_t total = data_.size() * 8;
  for (int i = 0; i < n; i++) {
    uint32_t bit = 0;
    if (bit_pos_ < total) {
      bit = (data_[bit_pos_ >> 3] >> (7 - (bit_pos_ & 7))) & 1;
    } else {
      error_ = true;
    }
    bit_pos_++;
    x = (x << 1) | bit;
  }
  return x;
}

void BitReader::SkipBits(size_t n) {
  const size_t total = data_.size() * 8;
  if (n > total - std::min(total, bit_pos_)) error_ = true;
  bit_pos_ += n;
  if (bit_pos_ > total + 64) bit_pos_ = total + 64;  // keep it bounded
}

// 4.10.2
uint32_t BitReader::f(int n, const SyntaxName& name) {
  uint32_t v = ReadBits(n);
  if (n > 0 && tracing()) Emit(name, v);  // f(0) reads nothing
  return v;
}

// 4.10.6
int32_t BitReader::su(int n, const SyntaxName& name) {
  uint32_t value = ReadBits(n);
  int64_t signMask = int64_t{1} << (n - 1);
  int64_t v = value;
  if (v & signMask) v = v - 2 * signMask;
  if (tracing()) Emit(name, v);
  return static_cast<int32_t>(v);
}

// 4.10.7
uint32_t BitReader::ns(uint32_t n, const SyntaxName& name) {
  uint32_t v = 0;
  if (n <= 1) {
    v = 0;
  } else {
    int w = 0;
    uint32_t x = n;
    while (x != 0) {
      x >>= 1;
      w++;
    }
    uint32_t m = (uint32_t{1} << w) - n;
    uint32_t value = ReadBits(w - 1);
    if (value < m) {
      v = value;
    } else {
      uint32_t extra_bit = ReadBits(1);
      v = (value << 1) - m + extra_bit;
    }
  }
  if (tracing()) Emit(name, v);
  return v;
}

// 4.10.4
uint64_t BitReader::le(int n, const SyntaxName& name) {
  uint64_t t = 0;
  for (int i = 0; i < n; i++) {
    uint64_t byte = ReadBits(8);
    t += byte << (i * 8);
  }
  if (tracing()) Emit(name, static_cast<int64_t>(t));
  return t;
}

// 4.10.5
uint64_t BitReader::leb128(const SyntaxName& name) {
  uint64_t value = 0;
  bool done = false;
  for (int i = 0; i < 8; i++) {
    uint64_t leb128_byte = ReadBits(8);
    value |= (leb128_byte & 0x7f) << (i * 7);
    if (!(leb128_byte & 0x80)) {
      done = true;
      break;
    }
  }
  // More than 8 bytes, or a value of 2^32 or more, is not allowed.
  if (!done || value > 0xFFFFFFFFull) error_ = true;
  if (tracing()) Emit(name, static_cast<int64_t>(value));
  return value;
}

// 4.10.3
uint32_t BitReader::uvlc(const SyntaxName& name) {
  int leadingZeros = 0;
  while (true) {
    if (bits_left() == 0) {
      error_ = true;
      break;
    }
    if (ReadBits(1)) break;
    leadingZeros++;
  }
  uint64_t value = 0;
  if (leadingZeros >= 32) {
    value = 0xFFFFFFFFull;  // (1 << 32) - 1, no further bits read
  } else {
    uint64_t bits = ReadBits(leadingZeros);
    value = bits + (uint64_t{1} << leadingZeros) - 1;
  }
  if (tracing()) Emit(name, static_cast<int64_t>(value));
  return static_cast<uint32_t>(value);
}

// 5.3.5
void BitReader::byte_alignment() {
  while (bit_pos_ & 7) ReadBits(1);
}

}  // namespace hav1
