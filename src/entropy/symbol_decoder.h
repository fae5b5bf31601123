// The AV1 symbol decoder (spec 8.2): init_symbol, read_symbol with CDF
// adaptation, read_bool, read_literal, exit_symbol, plus the symbol-coded
// descriptors of 4.10 (L(n), S(), NS(n)) and the Exp-Golomb tail of the
// coefficient syntax (5.11.39).
//
// The state variables and formulas are the spec's (SymbolValue, SymbolRange,
// SymbolMaxBits).  Only the bit input differs from a literal reading: bits
// come from a 64-bit cache instead of one f(n) call at a time.  The spec pads
// the tile data with zero bits once SymbolMaxBits goes negative; reading a
// zero-extended buffer gives exactly the same bits, so the reader returns
// zeros past the end of its span and never touches memory outside it.
//
// Hot paths are inline; there is no virtual call or per-symbol dispatch.
#ifndef HAV1_SRC_ENTROPY_SYMBOL_DECODER_H_
#define HAV1_SRC_ENTROPY_SYMBOL_DECODER_H_

#include <bit>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <span>

#include "src/common/status.h"

namespace hav1 {

class SymbolDecoder {
 public:
  // Section 3 constants used by 8.2.6.
  static constexpr int kEcProbShift = 6;  // EC_PROB_SHIFT
  static constexpr int kEcMinProb = 4;    // EC_MIN_PROB
  // Largest alphabet a CDF can have (S() codes at most 16 symbols, 4.10.9).
  static constexpr int kMaxSymbols = 16;
  // coeffs( ) (5.11.39): golomb_length_bit must be 1 when length reaches 20.
  static constexpr int kMaxGolombLength = 20;

  SymbolDecoder() { InitSymbol({}, true); }
  SymbolDecoder(std::span<const uint8_t> data, bool disable_cdf_update) {
    InitSymbol(data, disable_cdf_update);
  }

  // 8.2.2 init_symbol( sz ): data holds the sz bytes of the tile.
  // disable_cdf_update is the frame header flag of the same name (8.2.6).
  // The tile copies of the CDF arrays are made by the caller (see
  // CdfContext::InitTileCdfs in cdf_context.h).
  void InitSymbol(std::span<const uint8_t> data, bool disable_cdf_update);

  // 8.2.6 read_symbol( cdf ) for an alphabet of n symbols (2 <= n <= 16):
  // cdf has n + 1 entries, cdf[n - 1] == 32768, cdf[n] is the counter.
  // Adapts cdf unless disable_cdf_update was set.
  int ReadSymbol(uint16_t* cdf, int n);
  // The same with n taken from the array type (n + 1 entries).
  template <size_t M>
  int ReadSymbol(uint16_t (&cdf)[M]) {
    static_assert(M >= 3 && M <= kMaxSymbols + 1, "CDF of 2..16 symbols");
    return ReadSymbol(cdf, static_cast<int>(M) - 1);
  }

  // 8.2.3 read_bool( ): read_symbol on the fixed CDF {1 << 14, 1 << 15, 0};
  // the adaptation is skipped because that array is discarded (spec note).
  bool ReadBool();

  // 8.2.5 read_literal( n ), the L(n) descriptor (4.10.8): n <= 32 bools,
  // most significant first.
  uint32_t ReadLiteral(int n);

  // 4.10.10 NS( n ): an integer in 0..n-1 coded with L() bits (n >= 1).
  uint32_t ReadNS(uint32_t n);

  // 5.11.39 coeffs( ): the golomb_length_bit / golomb_data_bit loop.  Returns
  // x (>= 1); the caller adds COEFF_BASE_RANGE + NUM_BASE_LEVELS.  A stream
  // whose length would exceed 20 is non-conformant: reading stops there and
  // the error is reported by ExitSymbol (so hostile data cannot loop).
  uint32_t ReadGolomb();

  // 8.2.4 exit_symbol( ): checks the conformance requirements of the exit
  // process: SymbolMaxBits >= -14, the bit at trailingBitPosition is 1 and
  // every later bit of the tile is 0.  Also reports an over-long Golomb code
  // read earlier.  Copying the tile CDFs to the Saved set when
  // TileNum == context_update_tile_id is the caller's job (CdfContext).
  [[nodiscard]] Status ExitSymbol() const;

  // SymbolMaxBits of 8.2.2 (may be negative: padding bits used).
  int64_t symbol_max_bits() const { return symbol_max_bits_; }
  bool disable_cdf_update() const { return disable_cdf_update_; }
  // True once a non-conformance was seen while reading (over-long Golomb).
  bool has_error() const { return golomb_error_; }

 private:
  // f(n) on the zero-padded tile data, 0 <= n <= 16.
  uint32_t ReadBits(int n);
  // The renormalization steps 1-7 of 8.2.6.
  void Renormalize();

  std::span<const uint8_t> data_;
  size_t next_byte_ = 0;   // next byte of data_ to load into cache_
  uint64_t cache_ = 0;     // unread bits, left-aligned
  int cache_bits_ = 0;     // number of valid bits in cache_
  uint32_t symbol_value_ = 0;   // SymbolValue
  uint32_t symbol_range_ = 0;   // SymbolRange
  int64_t symbol_max_bits_ = 0; // SymbolMaxBits
  bool disable_cdf_update_ = true;
  bool golomb_error_ = false;
};

// ---- inline hot paths -------------------------------------------------------

inline uint32_t SymbolDecoder::ReadBits(int n) {
  assert(n >= 0 && n <= 16);
  if (n == 0) return 0;
  if (cache_bits_ < n) {
    // Refill whole bytes; past the end of the data the spec's padding is 0.
    while (cache_bits_ <= 56) {
      const uint64_t byte = next_byte_ < data_.size() ? data_[next_byte_] : 0;
      ++next_byte_;
      cache_ |= byte << (56 - cache_bits_);
      cache_bits_ += 8;
    }
  }
  const uint32_t bits = static_cast<uint32_t>(cache_ >> (64 - n));
  cache_ <<= n;
  cache_bits_ -= n;
  return bits;
}

inline void SymbolDecoder::Renormalize() {
  // 1. bits = 15 - FloorLog2( SymbolRange ); SymbolRange is in 1..65535.
  const int bits = 16 - static_cast<int>(std::bit_width(symbol_range_));
  // 2.
  symbol_range_ <<= bits;
  // 3.-5. newData, padded with zeros past the end: ReadBits does both.
  const uint32_t padded_data = ReadBits(bits);
  // 6.
  symbol_value_ = padded_data ^ (((symbol_value_ + 1) << bits) - 1);
  // 7.
  symbol_max_bits_ -= bits;
}

inline int SymbolDecoder::ReadSymbol(uint16_t* cdf, int n) {
  assert(n >= 2 && n <= kMaxSymbols);
  assert(cdf[n - 1] == 32768);
  // 8.2.6: find the symbol whose interval [cur, prev) holds SymbolValue.
  // The last symbol has f == 0 and so cur == 0: the search ends there.
  uint32_t prev = symbol_range_;
  uint32_t cur = 0;
  int symbol = 0;
  for (; symbol < n - 1; ++symbol) {
    const uint32_t f = (1u << 15) - cdf[symbol];
    cur = (((symbol_range_ >> 8) * (f >> kEcProbShift)) >> (7 - kEcProbShift)) +
          kEcMinProb * static_cast<uint32_t>(n - symbol - 1);
    if (symbol_value_ >= cur) break;
    prev = cur;
  }
  if (symbol == n - 1) cur = 0;
  symbol_range_ = prev - cur;
  symbol_value_ -= cur;
  Renormalize();

  if (!disable_cdf_update_) {
    // CDF adaptation, 8.2.6.  Min( FloorLog2( N ), 2 ) is 1 for N < 4.
    const int rate = 3 + (cdf[n] > 15) + (cdf[n] > 31) + (n >= 4 ? 2 : 1);
    // tmp is 0 below the decoded symbol and 1 << 15 from it on.
    for (int i = 0; i < symbol; ++i) {
      cdf[i] -= static_cast<uint16_t>(cdf[i] >> rate);
    }
    for (int i = symbol; i < n - 1; ++i) {
      cdf[i] += static_cast<uint16_t>(((1u << 15) - cdf[i]) >> rate);
    }
    cdf[n] += (cdf[n] < 32);
  }
  return symbol;
}

inline bool SymbolDecoder::ReadBool() {
  // read_symbol on {1 << 14, 1 << 15, 0} with N == 2: only symbol 0 needs a
  // product, f = 1 << 14 gives cur = ((SymbolRange >> 8) << 7) + EC_MIN_PROB.
  const uint32_t cur = ((symbol_range_ >> 8) << 7) + kEcMinProb;
  bool symbol;
  if (symbol_value_ >= cur) {  // symbol 0: interval [cur, SymbolRange)
    symbol = false;
    symbol_range_ -= cur;
    symbol_value_ -= cur;
  } else {  // symbol 1: interval [0, cur)
    symbol = true;
    symbol_range_ = cur;
  }
  Renormalize();
  return symbol;
}

inline uint32_t SymbolDecoder::ReadLiteral(int n) {
  assert(n >= 0 && n <= 32);
  uint32_t x = 0;
  for (int i = 0; i < n; ++i) x = 2 * x + ReadBool();
  return x;
}

}  // namespace hav1

#endif  // HAV1_SRC_ENTROPY_SYMBOL_DECODER_H_
