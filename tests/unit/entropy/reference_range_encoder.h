// Test-only reference range ENCODER: the inverse of the symbol decoder of
// spec 8.2, derived from its math and written independently of
// src/entropy.  Slow and simple (the low end of the interval is a vector of
// bits); used to produce streams whose symbols are known.
//
// The decoder of 8.2.6 keeps SymbolValue = (the complemented bits read so
// far) - (the sum of the chosen interval starts), and picks symbol s when
// cur(s) <= SymbolValue < prev(s), where
//   cur(s)  = ((R >> 8) * (f >> EC_PROB_SHIFT) >> (7 - EC_PROB_SHIFT))
//             + EC_MIN_PROB * (N - s - 1),  f = 32768 - cdf[s]  (0 for s = N-1)
//   prev(s) = R for s == 0, cur(s - 1) otherwise.
// So the encoder keeps the same range R and the low end L of the interval:
// coding s adds cur(s) to L, sets R = prev(s) - cur(s), and renormalisation
// shifts both left by 15 - FloorLog2(R) bits.  At the end any X in
// [L, L + R) works; the stream is the complement of X's bits.  We pick X
// whose last 15 bits are 011111111111111, so that the stream's bit at
// position (total renormalisation bits) is 1 and all later bits are 0: the
// trailing bits required by the exit process (8.2.4).  Bytes after the
// trailing 1 are dropped (the decoder's zero padding restores them).
#ifndef HAV1_TESTS_UNIT_ENTROPY_REFERENCE_RANGE_ENCODER_H_
#define HAV1_TESTS_UNIT_ENTROPY_REFERENCE_RANGE_ENCODER_H_

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <vector>

namespace hav1_test {

// FloorLog2 as in spec 4.7, by repeated halving.
inline int RefFloorLog2(uint32_t x) {
  int s = 0;
  while (x > 1) {
    x >>= 1;
    s++;
  }
  return s;
}

// The CDF update of spec 8.2.6, transcribed line by line.
inline void RefAdaptCdf(uint16_t* cdf, int N, int symbol) {
  const int rate = 3 + (cdf[N] > 15) + (cdf[N] > 31) + std::min(RefFloorLog2(N), 2);
  int tmp = 0;
  for (int i = 0; i < N - 1; i++) {
    tmp = (i == symbol) ? (1 << 15) : tmp;
    if (tmp < cdf[i]) {
      cdf[i] -= ((cdf[i] - tmp) >> rate);
    } else {
      cdf[i] += ((tmp - cdf[i]) >> rate);
    }
  }
  cdf[N] += (cdf[N] < 32);
}

class ReferenceRangeEncoder {
 public:
  ReferenceRangeEncoder() : low_(15, 0) {}

  // Codes symbol s of an N-symbol alphabet; adapts cdf like the decoder when
  // adapt is true.
  void EncodeSymbol(int s, uint16_t* cdf, int N, bool adapt) {
    if (s < 0 || s >= N) throw std::logic_error("symbol out of range");
    const uint32_t cur = Cur(s, cdf, N);
    const uint32_t prev = s == 0 ? range_ : Cur(s - 1, cdf, N);
    AddToLow(cur);
    range_ = prev - cur;
    const int bits = 15 - RefFloorLog2(range_);
    range_ <<= bits;
    low_.insert(low_.end(), bits, 0);
    if (adapt) RefAdaptCdf(cdf, N, s);
  }

  void EncodeBool(bool b) {
    uint16_t cdf[3] = {1 << 14, 1 << 15, 0};  // 8.2.3
    EncodeSymbol(b ? 1 : 0, cdf, 2, false);
  }

  // L(n): n bools, most significant first (8.2.5).
  void EncodeLiteral(uint32_t v, int n) {
    for (int i = n - 1; i >= 0; i--) EncodeBool((v >> i) & 1);
  }

  // NS(n) of 4.10.10, inverted.
  void EncodeNS(uint32_t v, uint32_t n) {
    const int w = RefFloorLog2(n) + 1;
    const uint32_t m = (1u << w) - n;
    if (v < m) {
      EncodeLiteral(v, w - 1);
    } else {
      EncodeLiteral((v + m) >> 1, w - 1);
      EncodeLiteral((v + m) & 1, 1);
    }
  }

  // golomb_length_bit / golomb_data_bit of 5.11.39 for x >= 1.
  void EncodeGolomb(uint32_t x) {
    const int length = RefFloorLog2(x) + 1;
    for (int i = 1; i < length; i++) EncodeBool(false);
    EncodeBool(true);
    for (int i = length - 2; i >= 0; i--) EncodeBool((x >> i) & 1);
  }

  // Total renormalisation bits so far (the decoder's trailingBitPosition).
  size_t renorm_bits() const { return low_.size() - 15; }

  // The coded bytes, ending just after the trailing 1 bit.
  std::vector<uint8_t> Finish() const {
    std::vector<uint8_t> x = low_;
    // X = L + ((0x3FFF - (L mod 2^15)) mod 2^15) < L + R since R >= 2^15.
    uint32_t low15 = 0;
    for (size_t i = x.size() - 15; i < x.size(); i++) low15 = (low15 << 1) | x[i];
    AddTo(x, (0x3FFFu - low15) & 0x7FFFu);
    const size_t trailing = x.size() - 15;  // position of the trailing 1
    std::vector<uint8_t> out((trailing + 1 + 7) / 8, 0);
    for (size_t i = 0; i <= trailing; i++) {
      const int bit = 1 - x[i];  // the stream is the complement of X
      out[i / 8] |= static_cast<uint8_t>(bit << (7 - i % 8));
    }
    return out;
  }

 private:
  uint32_t Cur(int s, const uint16_t* cdf, int N) const {
    if (s == N - 1) return 0;
    const uint32_t f = (1u << 15) - cdf[s];
    return (((range_ >> 8) * (f >> 6)) >> 1) + 4u * static_cast<uint32_t>(N - s - 1);
  }
  void AddToLow(uint32_t v) { AddTo(low_, v); }
  static void AddTo(std::vector<uint8_t>& bits, uint32_t v) {
    uint64_t carry = v;
    for (size_t i = bits.size(); i-- > 0 && carry != 0;) {
      const uint64_t sum = bits[i] + (carry & 1);
      bits[i] = static_cast<uint8_t>(sum & 1);
      carry = (carry >> 1) + (sum >> 1);
    }
    if (carry != 0) throw std::logic_error("interval overflow: encoder bug");
  }

  std::vector<uint8_t> low_;  // L, most significant bit first
  uint32_t range_ = 1u << 15;
};

}  // namespace hav1_test

#endif  // HAV1_TESTS_UNIT_ENTROPY_REFERENCE_RANGE_ENCODER_H_
