// Bit reader for the AV1 header syntax (spec 4.10 descriptors, 8.1 f(n)):
// f(n), su(n), ns(n), le(n), leb128(), uvlc() and byte_alignment().
//
// Reads past the end of the buffer yield zero bits and set a sticky error
// flag (error()) that callers check after a syntax structure.  Every read
// takes the element's spec name and, when a tracer is attached, reports
// name (with array subscripts filled in, e.g. "ref_order_hint[3]") and
// value to it.
#ifndef HAV1_SRC_BITSTREAM_BIT_READER_H_
#define HAV1_SRC_BITSTREAM_BIT_READER_H_

#include <cstddef>
#include <cstdint>
#include <span>

#include "hav1/hav1.h"

namespace hav1 {

// A syntax element name with up to two array subscripts.  Formatted only
// when a tracer is active.
struct SyntaxName {
  const char* base = "";
  int idx[2] = {0, 0};
  int n = 0;  // number of subscripts
  SyntaxName(const char* b) : base(b) {}  // NOLINT: implicit on purpose
  SyntaxName(const char* b, int i) : base(b), idx{i, 0}, n(1) {}
  SyntaxName(const char* b, int i, int j) : base(b), idx{i, j}, n(2) {}
  // Writes "base[i][j]" into buf (always NUL terminated).
  void Format(char* buf, size_t size) const;
};

class BitReader {
 public:
  explicit BitReader(std::span<const uint8_t> data,
                     const Hav1SyntaxTracer* tracer = nullptr);

  // 4.10.2 f(n): n (0..32) bits, most significant first.
  uint32_t f(int n, const SyntaxName& name);
  // 4.10.6 su(n): n-bit two's complement signed value.
  int32_t su(int n, const SyntaxName& name);
  // 4.10.7 ns(n): non-symmetric unsigned value in 0..n-1 (n >= 1).
  uint32_t ns(uint32_t n, const SyntaxName& name);
  // 4.10.4 le(n): n little-endian bytes (byte aligned), n <= 8.
  uint64_t le(int n, const SyntaxName& name);
  // 4.10.5 leb128(): at most 8 bytes; values >= 2^32 set the error flag.
  uint64_t leb128(const SyntaxName& name);
  // 4.10.3 uvlc(): values that do not fit 32 bits set the error flag.
  uint32_t uvlc(const SyntaxName& name);
  // 5.3.5 byte_alignment(): zero_bit until byte aligned.  Non-zero bits
  // set the error flag only when strict (they are not traced as errors).
  void byte_alignment();

  // f(n) without tracing (the caller traces a derived value instead).
  uint32_t Read(int n) { return ReadBits(n); }

  // Reports a value that is not read here (derived or read elsewhere)
  // to the tracer under the given name.
  void Trace(const SyntaxName& name, int64_t value) const;
  // Opens a syntax structure in the trace.
  void Begin(const char* structure) const;
  bool tracing() const {
    return tracer_ != nullptr && tracer_->element != nullptr;
  }

  // get_position(): bits read so far.
  size_t position() const { return bit_pos_; }
  size_t byte_position() const { return (bit_pos_ + 7) >> 3; }
  size_t size_bytes() const { return data_.size(); }
  size_t bits_left() const {
    return bit_pos_ >= data_.size() * 8 ? 0 : data_.size() * 8 - bit_pos_;
  }
  // Skips n bits (may overrun: sets the error flag).
  void SkipBits(size_t n);

  // Sticky: set by a read past the end or an out-of-range value.
  bool error() const { return error_; }
  void set_error() { error_ = true; }

 private:
  uint32_t ReadBits(int n);  // no tracing
  void Emit(const SyntaxName& name, int64_t value) const;

  std::span<const uint8_t> data_;
  size_t bit_pos_ = 0;
  bool error_ = false;
  const Hav1SyntaxTracer* tracer_ = nullptr;
};

}  // namespace hav1

#endif  // HAV1_SRC_BITSTREAM_BIT_READER_H_
