// Unit tests for the header bit reader (spec 4.10 descriptors).
#include "src/bitstream/bit_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace hav1 {
namespace {

TEST(BitReader, FReadsMsbFirst) {
  const uint8_t data[] = {0xA5, 0x0F};
  BitReader r(data);
  EXPECT_EQ(r.f(1, "a"), 1u);
  EXPECT_EQ(r.f(3, "b"), 0x2u);
  EXPECT_EQ(r.f(8, "c"), 0x50u);
  EXPECT_EQ(r.f(4, "d"), 0xFu);
  EXPECT_EQ(r.position(), 16u);
  EXPECT_FALSE(r.error());
}

TEST(BitReader, F32) {
  const uint8_t data[] = {0xDE, 0xAD, 0xBE, 0xEF};
  BitReader r(data);
  EXPECT_EQ(r.f(32, "x"), 0xDEADBEEFu);
  EXPECT_FALSE(r.error());
}

TEST(BitReader, ReadPastEndGivesZerosAndStickyError) {
  const uint8_t data[] = {0xFF};
  BitReader r(data);
  EXPECT_EQ(r.f(4, "a"), 0xFu);
  EXPECT_FALSE(r.error());
  // 4 real bits (1111) then 4 missing bits read as 0.
  EXPECT_EQ(r.f(8, "b"), 0xF0u);
  EXPECT_TRUE(r.error());
  EXPECT_EQ(r.f(8, "c"), 0u);
  EXPECT_TRUE(r.error());  // sticky
}

TEST(BitReader, EmptyBuffer) {
  BitReader r(std::span<const uint8_t>{});
  EXPECT_EQ(r.f(1, "a"), 0u);
  EXPECT_TRUE(r.error());
}

TEST(BitReader, Su) {
  // su(7): 0x7F -> -1, 0x40 -> -64, 0x3F -> 63 (each in the top 7 bits).
  const uint8_t data[] = {0xFE, 0x80, 0x7E};
  BitReader r(data);
  EXPECT_EQ(r.su(7, "a"), -1);
  r.f(1, "pad");
  EXPECT_EQ(r.su(7, "b"), -64);
  r.f(1, "pad");
  EXPECT_EQ(r.su(7, "c"), 63);
}

TEST(BitReader, Ns) {
  // ns(5): w = 3, m = 3: values 0..2 use 2 bits, 3..4 use 3 bits.
  // Bits: 00 | 10 | 110 | 111 -> 0, 2, 3, 4
  const uint8_t data[] = {0b00101101, 0b11000000};
  BitReader r(data);
  EXPECT_EQ(r.ns(5, "a"), 0u);
  EXPECT_EQ(r.ns(5, "b"), 2u);
  EXPECT_EQ(r.ns(5, "c"), 3u);
  EXPECT_EQ(r.ns(5, "d"), 4u);
  EXPECT_EQ(r.position(), 10u);
  // ns(1) reads nothing.
  EXPECT_EQ(r.ns(1, "e"), 0u);
  EXPECT_EQ(r.position(), 10u);
  EXPECT_FALSE(r.error());
}

TEST(BitReader, Le) {
  const uint8_t data[] = {0x34, 0x12, 0x78, 0x56, 0x34, 0x12};
  BitReader r(data);
  EXPECT_EQ(r.le(2, "a"), 0x1234u);
  EXPECT_EQ(r.le(4, "b"), 0x12345678u);
  EXPECT_FALSE(r.error());
  EXPECT_EQ(r.le(1, "c"), 0u);
  EXPECT_TRUE(r.error());
}

TEST(BitReader, Leb128) {
  {
    const uint8_t data[] = {0x05};
    BitReader r(data);
    EXPECT_EQ(r.leb128("a"), 5u);
    EXPECT_EQ(r.byte_position(), 1u);
    EXPECT_FALSE(r.error());
  }
  {
    const uint8_t data[] = {0x80, 0x01};
    BitReader r(data);
    EXPECT_EQ(r.leb128("a"), 128u);
    EXPECT_FALSE(r.error());
  }
  {
    // Padded encoding (allowed): 0x85 0x80 0x80 0x00 = 5.
    const uint8_t data[] = {0x85, 0x80, 0x80, 0x00};
    BitReader r(data);
    EXPECT_EQ(r.leb128("a"), 5u);
    EXPECT_FALSE(r.error());
  }
  {
    // Largest allowed value 2^32 - 1.
    const uint8_t data[] = {0xFF, 0xFF, 0xFF, 0xFF, 0x0F};
    BitReader r(data);
    EXPECT_EQ(r.leb128("a"), 0xFFFFFFFFu);
    EXPECT_FALSE(r.error());
  }
  {
    // 2^32 is out of range.
    const uint8_t data[] = {0x80, 0x80, 0x80, 0x80, 0x10};
    BitReader r(data);
    r.leb128("a");
    EXPECT_TRUE(r.error());
  }
  {
    // More than 8 bytes: the 8th byte still has its continuation bit.
    const uint8_t data[] = {0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00};
    BitReader r(data);
    r.leb128("a");
    EXPECT_TRUE(r.error());
    EXPECT_EQ(r.byte_position(), 8u);
  }
  {
    // Truncated.
    const uint8_t data[] = {0x80};
    BitReader r(data);
    r.leb128("a");
    EXPECT_TRUE(r.error());
  }
}

TEST(BitReader, Uvlc) {
  // 1 | 010 | 011 | 00100 -> 0, 1, 2, 3
  const uint8_t data[] = {0b10100110, 0b01000000};
  BitReader r(data);
  EXPECT_EQ(r.uvlc("a"), 0u);
  EXPECT_EQ(r.uvlc("b"), 1u);
  EXPECT_EQ(r.uvlc("c"), 2u);
  EXPECT_EQ(r.uvlc("d"), 3u);
  EXPECT_FALSE(r.error());
}

TEST(BitReader, UvlcLongAndTruncated) {
  {
    // 32 leading zeros and a one: 2^32 - 1, and nothing more is read.
    std::vector<uint8_t> data(4, 0);
    data.push_back(0x80);
    BitReader r(data);
    EXPECT_EQ(r.uvlc("a"), 0xFFFFFFFFu);
    EXPECT_EQ(r.position(), 33u);
    EXPECT_FALSE(r.error());
  }
  {
    // Only zeros: never terminates inside the buffer.
    const uint8_t data[] = {0, 0, 0};
    BitReader r(data);
    r.uvlc("a");
    EXPECT_TRUE(r.error());
  }
}

TEST(BitReader, ByteAlignment) {
  const uint8_t data[] = {0xC0, 0xAB};
  BitReader r(data);
  r.f(2, "a");
  r.byte_alignment();
  EXPECT_EQ(r.position(), 8u);
  r.byte_alignment();
  EXPECT_EQ(r.position(), 8u);
  EXPECT_EQ(r.f(8, "b"), 0xABu);
}

struct Trace {
  std::vector<std::pair<std::string, int64_t>> elements;
  std::vector<std::string> structures;
};

TEST(BitReader, TracerGetsSpecNamesWithSubscripts) {
  Trace t;
  Hav1SyntaxTracer tracer{};
  tracer.cookie = &t;
  tracer.begin = [](void* c, const char* s) { static_cast<Trace*>(c)->structures.push_back(s); };
  tracer.element = [](void* c, const char* n, int64_t v) {
    static_cast<Trace*>(c)->elements.emplace_back(n, v);
  };
  const uint8_t data[] = {0xFF, 0x00};
  BitReader r(data, &tracer);
  r.Begin("frame_header_obu");
  r.f(3, SyntaxName("ref_order_hint", 3));
  r.su(3, SyntaxName("feature_value", 1, 2));
  r.f(2, "x");
  r.f(0, "nothing");  // f(0) reads nothing and is not traced
  ASSERT_EQ(t.structures.size(), 1u);
  EXPECT_EQ(t.structures[0], "frame_header_obu");
  ASSERT_EQ(t.elements.size(), 3u);
  EXPECT_EQ(t.elements[0].first, "ref_order_hint[3]");
  EXPECT_EQ(t.elements[0].second, 7);
  EXPECT_EQ(t.elements[1].first, "feature_value[1][2]");
  EXPECT_EQ(t.elements[1].second, -1);
  EXPECT_EQ(t.elements[2].first, "x");
}

}  // namespace
}  // namespace hav1
