// The AV1 symbol decoder, spec 8.2 (see symbol_decoder.h).
#include "src/entropy/symbol_decoder.h"

#include <string>

#include "src/common/intops.h"

namespace hav1 {

// 8.2.2 Initialization process for symbol decoder.
void SymbolDecoder::InitSymbol(std::span<const uint8_t> data, bool disable_cdf_update) {
  data_ = data;
  next_byte_ = 0;
  cache_ = 0;
  cache_bits_ = 0;
  disable_cdf_update_ = disable_cdf_update;
  golomb_error_ = false;
  // numBits = Min( sz * 8, 15 ) bits are read and padded with zeros up to 15
  // bits (paddedBuf): reading 15 bits of the zero-extended data is the same.
  const uint32_t padded_buf = ReadBits(15);
  symbol_value_ = ((1u << 15) - 1) ^ padded_buf;
  symbol_range_ = 1u << 15;
  symbol_max_bits_ = 8 * static_cast<int64_t>(data.size()) - 15;
}

// 4.10.10 NS( n ).
uint32_t SymbolDecoder::ReadNS(uint32_t n) {
  assert(n >= 1);
  const int w = FloorLog2(n) + 1;
  const uint32_t m = (uint32_t{1} << w) - n;
  const uint32_t v = ReadLiteral(w - 1);
  if (v < m) return v;
  const uint32_t extra_bit = ReadLiteral(1);
  return (v << 1) - m + extra_bit;
}

// 5.11.39 coeffs( ): golomb_length_bit and golomb_data_bit, each L(1).
uint32_t SymbolDecoder::ReadGolomb() {
  int length = 0;
  bool golomb_length_bit;
  do {
    length++;
    golomb_length_bit = ReadBool();
    if (!golomb_length_bit && length == kMaxGolombLength) {
      // Non-conformant (6.10.34: golomb_length_bit must be 1 at length 20).
      golomb_error_ = true;
      break;
    }
  } while (!golomb_length_bit);
  uint32_t x = 1;
  for (int i = length - 2; i >= 0; i--) {
    x = (x << 1) | static_cast<uint32_t>(ReadBool());
  }
  return x;
}

// 8.2.4 Exit process for symbol decoder.
Status SymbolDecoder::ExitSymbol() const {
  if (golomb_error_) {
    return InvalidData("symbol decoder: Exp-Golomb length above 20 (5.11.39)");
  }
  if (symbol_max_bits_ < -14) {
    return InvalidData("symbol decoder: tile data exhausted (SymbolMaxBits " +
                       std::to_string(symbol_max_bits_) + " < -14)");
  }
  // Relative to the start of the tile data, get_position( ) is
  // 8 * sz - Max( 0, SymbolMaxBits ), so trailingBitPosition =
  // get_position( ) - Min( 15, SymbolMaxBits + 15 ) = 8 * sz - 15 - SymbolMaxBits
  // (the number of bits consumed by renormalization), and paddingEndPosition
  // = 8 * sz.
  const int64_t size_bits = 8 * static_cast<int64_t>(data_.size());
  const int64_t trailing_bit_position = size_bits - 15 - symbol_max_bits_;
  auto bit_at = [this](int64_t pos) {
    return (data_[static_cast<size_t>(pos >> 3)] >> (7 - (pos & 7))) & 1;
  };
  // trailing_bit_position < size_bits because SymbolMaxBits >= -14.
  if (trailing_bit_position < 0 || bit_at(trailing_bit_position) != 1) {
    return InvalidData("symbol decoder: trailing bit is not 1 (8.2.4)");
  }
  // Every bit strictly between trailingBitPosition and paddingEndPosition is 0.
  int64_t pos = trailing_bit_position + 1;
  for (; pos < size_bits && (pos & 7) != 0; ++pos) {
    if (bit_at(pos) != 0) {
      return InvalidData("symbol decoder: non-zero padding after the trailing bit (8.2.4)");
    }
  }
  for (size_t i = static_cast<size_t>(pos >> 3); i < data_.size(); ++i) {
    if (data_[i] != 0) {
      return InvalidData("symbol decoder: non-zero padding after the trailing bit (8.2.4)");
    }
  }
  return Status::Ok();
}

}  // namespace hav1
