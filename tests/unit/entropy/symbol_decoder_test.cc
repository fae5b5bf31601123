// Tests of the symbol decoder (spec 8.2) against a reference encoder written
// from the spec's math (reference_range_encoder.h) and against a bit-serial
// transcription of 8.2.2 / 8.2.6 written here.
#include "src/entropy/symbol_decoder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

#include "tests/unit/entropy/reference_range_encoder.h"

namespace hav1 {
namespace {

using hav1_test::ReferenceRangeEncoder;
using hav1_test::RefAdaptCdf;
using hav1_test::RefFloorLog2;

// A random CDF of n symbols in the spec layout (n + 1 entries, counter 0).
// Values are non-decreasing in 1..32767 with occasional repeats and extremes.
std::vector<uint16_t> RandomCdf(std::mt19937& rng, int n) {
  std::vector<uint16_t> cdf(n + 1);
  std::uniform_int_distribution<int> value(1, 32767);
  for (int i = 0; i < n - 1; i++) {
    switch (rng() % 8) {
      case 0: cdf[i] = 1; break;
      case 1: cdf[i] = 32767; break;
      default: cdf[i] = static_cast<uint16_t>(value(rng)); break;
    }
  }
  std::sort(cdf.begin(), cdf.begin() + (n - 1));
  cdf[n - 1] = 32768;
  cdf[n] = 0;
  return cdf;
}

// Spec 8.2.2 and 8.2.6 transcribed literally: bits one at a time through
// f(n), SymbolMaxBits deciding how many come from the data.
class SpecDecoder {
 public:
  SpecDecoder(const std::vector<uint8_t>& data, bool disable_cdf_update)
      : data_(data), disable_cdf_update_(disable_cdf_update) {
    const int64_t sz = static_cast<int64_t>(data.size());
    const int num_bits = static_cast<int>(std::min<int64_t>(sz * 8, 15));
    const uint32_t buf = F(num_bits);
    const uint32_t padded_buf = buf << (15 - num_bits);
    SymbolValue = ((1u << 15) - 1) ^ padded_buf;
    SymbolRange = 1u << 15;
    SymbolMaxBits = 8 * sz - 15;
  }
  int ReadSymbol(uint16_t* cdf, int N) {
    uint32_t cur = SymbolRange;
    uint32_t prev;
    int symbol = -1;
    do {
      symbol++;
      prev = cur;
      const uint32_t f = (1u << 15) - cdf[symbol];
      cur = ((SymbolRange >> 8) * (f >> 6)) >> (7 - 6);
      cur += 4 * (N - symbol - 1);
    } while (SymbolValue < cur);
    SymbolRange = prev - cur;
    SymbolValue = SymbolValue - cur;
    const int bits = 15 - RefFloorLog2(SymbolRange);
    SymbolRange = SymbolRange << bits;
    const int num_bits = static_cast<int>(std::min<int64_t>(bits, std::max<int64_t>(0, SymbolMaxBits)));
    const uint32_t new_data = F(num_bits);
    const uint32_t padded_data = new_data << (bits - num_bits);
    SymbolValue = padded_data ^ (((SymbolValue + 1) << bits) - 1);
    SymbolMaxBits = SymbolMaxBits - bits;
    if (!disable_cdf_update_) RefAdaptCdf(cdf, N, symbol);
    return symbol;
  }
  int64_t symbol_max_bits() const { return SymbolMaxBits; }

 private:
  uint32_t F(int n) {  // 8.1 f(n); only called for bits inside the data
    uint32_t x = 0;
    for (int i = 0; i < n; i++) {
      const int bit = (data_.at(pos_ / 8) >> (7 - pos_ % 8)) & 1;
      pos_++;
      x = 2 * x + bit;
    }
    return x;
  }
  const std::vector<uint8_t>& data_;
  size_t pos_ = 0;
  bool disable_cdf_update_;
  uint32_t SymbolValue, SymbolRange;
  int64_t SymbolMaxBits;
};

// One coded element of a random test sequence.
struct Element {
  enum Kind { kSymbol, kBool, kLiteral, kNS, kGolomb } kind;
  int cdf_index;  // kSymbol: which CDF of the pool
  uint32_t value;
  uint32_t param;  // kLiteral: bit count; kNS: n
};

// Encodes a random mix of elements, decodes it and checks every value, the
// adapted CDFs and the exit process.
void RoundTrip(uint32_t seed, int count, bool adapt, bool symbols_only) {
  std::mt19937 rng(seed);
  std::vector<std::vector<uint16_t>> pool;
  for (int i = 0; i < 24; i++) pool.push_back(RandomCdf(rng, 2 + static_cast<int>(rng() % 15)));
  std::vector<std::vector<uint16_t>> enc_pool = pool, dec_pool = pool;

  std::vector<Element> elements;
  ReferenceRangeEncoder enc;
  for (int i = 0; i < count; i++) {
    Element e{};
    const int kind = symbols_only ? 0 : static_cast<int>(rng() % 8);
    if (kind < 4) {
      e.kind = Element::kSymbol;
      e.cdf_index = static_cast<int>(rng() % pool.size());
      auto& cdf = enc_pool[e.cdf_index];
      const int n = static_cast<int>(cdf.size()) - 1;
      // Mostly symbols that are likely under the current CDF, some uniform.
      if (rng() % 4 == 0) {
        e.value = rng() % n;
      } else {
        const uint32_t u = rng() % 32768;
        int s = 0;
        while (s < n - 1 && cdf[s] <= u) s++;
        e.value = s;
      }
      enc.EncodeSymbol(static_cast<int>(e.value), cdf.data(), n, adapt);
    } else if (kind == 4) {
      e.kind = Element::kBool;
      e.value = rng() & 1;
      enc.EncodeBool(e.value);
    } else if (kind == 5) {
      e.kind = Element::kLiteral;
      e.param = rng() % 33;
      e.value = e.param == 0 ? 0 : static_cast<uint32_t>(rng()) >> (32 - e.param);
      enc.EncodeLiteral(e.value, static_cast<int>(e.param));
    } else if (kind == 6) {
      e.kind = Element::kNS;
      e.param = 1 + rng() % 300;
      e.value = rng() % e.param;
      enc.EncodeNS(e.value, e.param);
    } else {
      e.kind = Element::kGolomb;
      const int length = 1 + static_cast<int>(rng() % 20);
      e.value = (1u << (length - 1)) | (static_cast<uint32_t>(rng()) & ((1u << (length - 1)) - 1));
      enc.EncodeGolomb(e.value);
    }
    elements.push_back(e);
  }
  const std::vector<uint8_t> data = enc.Finish();

  SymbolDecoder dec(data, /*disable_cdf_update=*/!adapt);
  for (size_t i = 0; i < elements.size(); i++) {
    const Element& e = elements[i];
    uint32_t got = 0;
    switch (e.kind) {
      case Element::kSymbol: {
        auto& cdf = dec_pool[e.cdf_index];
        got = dec.ReadSymbol(cdf.data(), static_cast<int>(cdf.size()) - 1);
        break;
      }
      case Element::kBool: got = dec.ReadBool(); break;
      case Element::kLiteral: got = dec.ReadLiteral(static_cast<int>(e.param)); break;
      case Element::kNS: got = dec.ReadNS(e.param); break;
      case Element::kGolomb: got = dec.ReadGolomb(); break;
    }
    ASSERT_EQ(got, e.value) << "element " << i << " kind " << e.kind << " seed " << seed;
  }
  // The decoder adapted its CDFs exactly like the 8.2.6 transcription (or
  // left them alone with disable_cdf_update).
  for (size_t i = 0; i < pool.size(); i++) {
    EXPECT_EQ(dec_pool[i], enc_pool[i]) << "cdf " << i;
    if (!adapt) {
      EXPECT_EQ(dec_pool[i], pool[i]) << "cdf " << i;
    }
  }
  // Exit process: trailing bits as the encoder wrote them.
  EXPECT_GE(dec.symbol_max_bits(), -14);
  EXPECT_EQ(8 * static_cast<int64_t>(data.size()) - 15 - dec.symbol_max_bits(),
            static_cast<int64_t>(enc.renorm_bits()));
  const Status st = dec.ExitSymbol();
  EXPECT_TRUE(st.ok()) << st.message();
  EXPECT_FALSE(dec.has_error());
}

TEST(SymbolDecoder, RoundTripAdaptiveSymbols) {
  for (uint32_t seed = 1; seed <= 40; seed++) RoundTrip(seed, 2000, true, true);
}

TEST(SymbolDecoder, RoundTripNonAdaptiveSymbols) {
  for (uint32_t seed = 100; seed <= 120; seed++) RoundTrip(seed, 2000, false, true);
}

TEST(SymbolDecoder, RoundTripMixedElements) {
  for (uint32_t seed = 200; seed <= 240; seed++) RoundTrip(seed, 1500, true, false);
  for (uint32_t seed = 300; seed <= 310; seed++) RoundTrip(seed, 1500, false, false);
}

TEST(SymbolDecoder, RoundTripShortStreams) {
  // Streams of 0..3 elements: shorter than the 15-bit window.
  for (uint32_t seed = 400; seed < 600; seed++) RoundTrip(seed, seed % 4, true, false);
}

TEST(SymbolDecoder, TemplateReadSymbolDeducesAlphabet) {
  uint16_t enc_cdf[5] = {4000, 12000, 30000, 32768, 0};
  uint16_t dec_cdf[5] = {4000, 12000, 30000, 32768, 0};
  ReferenceRangeEncoder enc;
  const int symbols[] = {0, 3, 2, 2, 1, 0, 3};
  for (int s : symbols) enc.EncodeSymbol(s, enc_cdf, 4, true);
  const auto data = enc.Finish();
  SymbolDecoder dec(data, false);
  for (int s : symbols) EXPECT_EQ(dec.ReadSymbol(dec_cdf), s);
  for (int i = 0; i < 5; i++) EXPECT_EQ(dec_cdf[i], enc_cdf[i]);
  EXPECT_EQ(dec_cdf[4], 7);  // the counter
  EXPECT_TRUE(dec.ExitSymbol().ok());
}

// 8.2.6 adaptation worked by hand: N = 2, cdf {16384, 32768, 0}, symbol 0:
// rate = 3 + 0 + 0 + Min(FloorLog2(2), 2) = 4, tmp = 32768 at i = 0, so
// cdf[0] += (32768 - 16384) >> 4 = 1024.  Then symbol 1 (count 1): tmp = 0,
// cdf[0] -= 17408 >> 4 = 1088.
TEST(SymbolDecoder, AdaptationByHand) {
  uint16_t enc_cdf[3] = {16384, 32768, 0};
  ReferenceRangeEncoder enc;
  enc.EncodeSymbol(0, enc_cdf, 2, true);
  enc.EncodeSymbol(1, enc_cdf, 2, true);
  const auto data = enc.Finish();
  uint16_t cdf[3] = {16384, 32768, 0};
  SymbolDecoder dec(data, false);
  EXPECT_EQ(dec.ReadSymbol(cdf, 2), 0);
  EXPECT_EQ(cdf[0], 17408);
  EXPECT_EQ(cdf[2], 1);
  EXPECT_EQ(dec.ReadSymbol(cdf, 2), 1);
  EXPECT_EQ(cdf[0], 17408 - 1088);
  EXPECT_EQ(cdf[1], 32768);
  EXPECT_EQ(cdf[2], 2);
}

// Counter saturation and the rate steps (count > 15, > 31; N >= 4).
TEST(SymbolDecoder, AdaptationMatchesSpecFormulaOverManySymbols) {
  std::mt19937 rng(7);
  for (int n = 2; n <= 16; n++) {
    std::vector<uint16_t> enc_cdf = RandomCdf(rng, n), dec_cdf = enc_cdf;
    ReferenceRangeEncoder enc;
    std::vector<int> symbols;
    for (int i = 0; i < 100; i++) {
      symbols.push_back(static_cast<int>(rng() % n));
      enc.EncodeSymbol(symbols.back(), enc_cdf.data(), n, true);
    }
    const auto data = enc.Finish();
    SymbolDecoder dec(data, false);
    for (int s : symbols) ASSERT_EQ(dec.ReadSymbol(dec_cdf.data(), n), s);
    EXPECT_EQ(dec_cdf, enc_cdf) << "n " << n;
    EXPECT_EQ(dec_cdf[n], 32);
  }
}

// read_bool is read_symbol on a fresh {1 << 14, 1 << 15, 0} (8.2.3).
TEST(SymbolDecoder, ReadBoolEqualsReadSymbolOnFixedCdf) {
  std::mt19937 rng(11);
  for (int trial = 0; trial < 50; trial++) {
    std::vector<uint8_t> data(rng() % 64);
    for (auto& b : data) b = static_cast<uint8_t>(rng());
    SymbolDecoder a(data, false), b(data, false);
    for (int i = 0; i < 800; i++) {
      uint16_t cdf[3] = {1 << 14, 1 << 15, 0};
      ASSERT_EQ(a.ReadBool(), b.ReadSymbol(cdf, 2) == 1) << "trial " << trial << " bool " << i;
    }
    EXPECT_EQ(a.symbol_max_bits(), b.symbol_max_bits());
  }
}

// Random data of every small size, decoded by the implementation and by the
// literal transcription of the spec: same symbols, CDFs and SymbolMaxBits,
// including far past the end of the data (the zero padding).
TEST(SymbolDecoder, MatchesBitSerialSpecTranscriptionOnRandomData) {
  std::mt19937 rng(21);
  for (int size = 0; size < 40; size++) {
    for (int trial = 0; trial < 8; trial++) {
      std::vector<uint8_t> data(size);
      for (auto& b : data) b = static_cast<uint8_t>(rng());
      const bool disable = trial % 2;
      SymbolDecoder dec(data, disable);
      SpecDecoder spec(data, disable);
      std::vector<std::vector<uint16_t>> cdfs_a, cdfs_b;
      for (int i = 0; i < 6; i++) cdfs_a.push_back(RandomCdf(rng, 2 + static_cast<int>(rng() % 15)));
      cdfs_b = cdfs_a;
      for (int i = 0; i < 400; i++) {
        const size_t k = rng() % cdfs_a.size();
        const int n = static_cast<int>(cdfs_a[k].size()) - 1;
        ASSERT_EQ(dec.ReadSymbol(cdfs_a[k].data(), n), spec.ReadSymbol(cdfs_b[k].data(), n))
            << "size " << size << " trial " << trial << " symbol " << i;
        ASSERT_EQ(dec.symbol_max_bits(), spec.symbol_max_bits());
      }
      EXPECT_EQ(cdfs_a, cdfs_b);
    }
  }
}

// The decoder only reads inside its span: bytes after it do not matter.
TEST(SymbolDecoder, NeverReadsPastTheSpan) {
  std::mt19937 rng(31);
  for (int size = 0; size < 24; size++) {
    std::vector<uint8_t> buffer(size + 16);
    for (auto& b : buffer) b = static_cast<uint8_t>(rng());
    std::vector<uint8_t> zero_padded(buffer.begin(), buffer.begin() + size);
    zero_padded.resize(size + 16, 0);
    SymbolDecoder a(std::span<const uint8_t>(buffer.data(), size), true);
    SymbolDecoder b(zero_padded, true);
    uint16_t cdf[9] = {3000, 9000, 12000, 20000, 21000, 30000, 31000, 32768, 0};
    for (int i = 0; i < 300; i++) {
      ASSERT_EQ(a.ReadSymbol(cdf, 8), b.ReadSymbol(cdf, 8));
      ASSERT_EQ(a.ReadLiteral(3), b.ReadLiteral(3));
    }
  }
}

TEST(SymbolDecoder, ReadsPastTheEndAreSafeAndReported) {
  SymbolDecoder dec(std::span<const uint8_t>(), false);
  uint16_t cdf[17] = {2048, 4096, 6144, 8192, 10240, 12288, 14336, 16384, 18432,
                      20480, 22528, 24576, 26624, 28672, 30720, 32768, 0};
  for (int i = 0; i < 10000; i++) {
    const int s = dec.ReadSymbol(cdf, 16);
    ASSERT_GE(s, 0);
    ASSERT_LT(s, 16);
    (void)dec.ReadLiteral(32);
    (void)dec.ReadNS(1000);
  }
  EXPECT_LT(dec.symbol_max_bits(), -14);
  EXPECT_FALSE(dec.ExitSymbol().ok());
}

// After the data, the padding makes every bool 0: a Golomb code would never
// end; the decoder stops at length 20 and reports it.
TEST(SymbolDecoder, OverlongGolombStopsAndIsReported) {
  SymbolDecoder dec(std::span<const uint8_t>(), true);
  const uint32_t x = dec.ReadGolomb();
  EXPECT_GE(x, 1u << 19);
  EXPECT_LT(x, 1u << 20);
  EXPECT_TRUE(dec.has_error());
  EXPECT_FALSE(dec.ExitSymbol().ok());
  // A longest conformant code (length 20) is fine.
  ReferenceRangeEncoder enc;
  enc.EncodeGolomb((1u << 20) - 1);
  enc.EncodeGolomb(1);
  const auto data = enc.Finish();
  SymbolDecoder ok(data, true);
  EXPECT_EQ(ok.ReadGolomb(), (1u << 20) - 1);
  EXPECT_EQ(ok.ReadGolomb(), 1u);
  EXPECT_FALSE(ok.has_error());
  EXPECT_TRUE(ok.ExitSymbol().ok());
}

// 8.2.4 with no symbol read: trailingBitPosition is 0 (bit 0 must be 1) and
// SymbolMaxBits = 8 * sz - 15 must be >= -14.
TEST(SymbolDecoder, ExitProcessChecksTrailingBits) {
  auto exit_ok = [](std::vector<uint8_t> data) {
    SymbolDecoder dec(data, false);
    return dec.ExitSymbol().ok();
  };
  EXPECT_TRUE(exit_ok({0x80}));
  EXPECT_TRUE(exit_ok({0x80, 0x00}));
  EXPECT_TRUE(exit_ok({0x80, 0x00, 0x00, 0x00}));
  EXPECT_FALSE(exit_ok({}));            // SymbolMaxBits = -15
  EXPECT_FALSE(exit_ok({0x00}));        // trailing bit 0
  EXPECT_FALSE(exit_ok({0x40}));        // trailing bit 0
  EXPECT_FALSE(exit_ok({0xC0}));        // a 1 after the trailing bit
  EXPECT_FALSE(exit_ok({0x81}));
  EXPECT_FALSE(exit_ok({0x80, 0x01}));  // a 1 in the padding bytes
  EXPECT_FALSE(exit_ok({0x80, 0x00, 0x10}));
}

TEST(SymbolDecoder, ExitProcessOnEncodedStreams) {
  std::mt19937 rng(41);
  for (int trial = 0; trial < 30; trial++) {
    ReferenceRangeEncoder enc;
    std::vector<int> bools;
    for (int i = 0; i < 50 + trial * 7; i++) {
      bools.push_back(rng() & 1);
      enc.EncodeBool(bools.back());
    }
    std::vector<uint8_t> data = enc.Finish();
    auto decode_and_exit = [&](const std::vector<uint8_t>& d) {
      SymbolDecoder dec(d, false);
      for (int b : bools) EXPECT_EQ(dec.ReadBool(), b != 0);
      return dec.ExitSymbol();
    };
    EXPECT_TRUE(decode_and_exit(data).ok());
    // Extra zero bytes: SymbolMaxBits grows, the trailing bit stays.
    std::vector<uint8_t> longer = data;
    longer.insert(longer.end(), 3, 0);
    EXPECT_TRUE(decode_and_exit(longer).ok());
    // A 1 bit beyond the 15-bit window the decoder used: symbols are the
    // same, the exit process fails.
    longer.push_back(0x01);
    EXPECT_FALSE(decode_and_exit(longer).ok());
  }
}

TEST(SymbolDecoder, ReadingTooMuchFailsTheExitProcess) {
  ReferenceRangeEncoder enc;
  for (int i = 0; i < 40; i++) enc.EncodeBool(i % 3 == 0);
  const auto data = enc.Finish();
  SymbolDecoder dec(data, false);
  for (int i = 0; i < 40; i++) (void)dec.ReadBool();
  for (int i = 0; i < 64; i++) (void)dec.ReadLiteral(8);  // far too many
  EXPECT_LT(dec.symbol_max_bits(), -14);
  EXPECT_FALSE(dec.ExitSymbol().ok());
}

TEST(SymbolDecoder, NsCoversItsWholeRange) {
  for (uint32_t n : {1u, 2u, 3u, 5u, 7u, 8u, 9u, 100u, 255u, 256u, 257u}) {
    ReferenceRangeEncoder enc;
    for (uint32_t v = 0; v < n; v++) enc.EncodeNS(v, n);
    const auto data = enc.Finish();
    SymbolDecoder dec(data, false);
    for (uint32_t v = 0; v < n; v++) ASSERT_EQ(dec.ReadNS(n), v) << "n " << n;
    EXPECT_TRUE(dec.ExitSymbol().ok());
  }
}

}  // namespace
}  // namespace hav1
