// tools/input readers on containers built in memory: round trips, format
// detection, exact error messages, truncation at every byte and random
// corruption (no crash, no hang, errors name an offset).
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "tests/unit/input/container_builders.h"
#include "tools/input/input.h"

namespace hav1::input {
namespace {

using namespace hav1::input::testing;  // NOLINT

struct ReadResult {
  bool opened = false;
  Format format = Format::kIvf;
  std::vector<TemporalUnit> units;
  int last_rc = 0;
  std::string error;
};

ReadResult ReadAll(const Bytes& bytes) {
  ReadResult r;
  std::unique_ptr<Reader> reader = OpenMemory(bytes, &r.error);
  if (!reader) {
    EXPECT_FALSE(r.error.empty());
    return r;
  }
  r.opened = true;
  r.format = reader->info().format;
  // Every unit is at least one byte of input, so this bounds a hang.
  for (size_t i = 0; i <= bytes.size() + 1; ++i) {
    TemporalUnit tu;
    r.last_rc = reader->Read(&tu, &r.error);
    if (r.last_rc != 1) break;
    EXPECT_FALSE(tu.data.empty());
    r.units.push_back(std::move(tu));
  }
  EXPECT_NE(r.last_rc, 1) << "reader did not stop";
  if (r.last_rc == -1) {
    EXPECT_FALSE(r.error.empty());
    // A failed reader stays failed.
    TemporalUnit tu;
    std::string again;
    EXPECT_EQ(reader->Read(&tu, &again), -1);
    EXPECT_EQ(again, r.error);
  }
  return r;
}

// Two units in Section 5 form.
Bytes Unit1() { return Cat({Td(), Obu(1, Payload(11, 1)), Obu(6, Payload(20, 2))}); }
Bytes Unit2() { return Cat({Td(), Obu(6, Payload(9, 3))}); }
Bytes Unit3() { return Cat({Td(), Obu(6, Payload(300, 4), true, 0x28)}); }

// Truncates `full` at every length and checks the reader never crashes or
// hangs, fails with a message naming an offset, and that what it did return
// matches the complete stream's units (a Section 5 unit may end early at an
// OBU boundary: that is a valid, shorter stream).
void CheckEveryTruncation(const Bytes& full, bool units_may_shrink) {
  const ReadResult whole = ReadAll(full);
  ASSERT_TRUE(whole.opened) << whole.error;
  ASSERT_EQ(whole.last_rc, 0) << whole.error;
  for (size_t len = 0; len < full.size(); ++len) {
    SCOPED_TRACE("truncated to " + std::to_string(len) + " of " + std::to_string(full.size()));
    const ReadResult r = ReadAll(Bytes(full.begin(), full.begin() + len));
    if (r.last_rc == -1 && r.opened) {
      EXPECT_NE(r.error.find("offset"), std::string::npos) << r.error;
    }
    ASSERT_LE(r.units.size(), whole.units.size());
    for (size_t i = 0; i < r.units.size(); ++i) {
      const Bytes& got = r.units[i].data;
      const Bytes& want = whole.units[i].data;
      if (units_may_shrink && i + 1 == r.units.size()) {
        ASSERT_LE(got.size(), want.size());
        EXPECT_TRUE(std::equal(got.begin(), got.end(), want.begin()));
      } else {
        EXPECT_EQ(got, want) << "unit " << i;
      }
    }
  }
}

// Flips random bytes and checks nothing crashes (run under ASan/UBSan).
void CheckRandomCorruption(const Bytes& full, int rounds) {
  std::mt19937 rng(1234);
  for (int i = 0; i < rounds; ++i) {
    Bytes b = full;
    const int flips = 1 + static_cast<int>(rng() % 4);
    for (int f = 0; f < flips; ++f) {
      b[rng() % b.size()] = static_cast<uint8_t>(rng());
    }
    ReadAll(b);
  }
}

// ---- IVF --------------------------------------------------------------

TEST(InputIvf, RoundTrip) {
  const Bytes ivf = Ivf({{Unit1(), 0}, {Unit2(), 5}, {Unit3(), 7}}, 30000, 1001);
  std::string error;
  auto reader = OpenMemory(ivf, &error);
  ASSERT_TRUE(reader) << error;
  EXPECT_EQ(reader->info().format, Format::kIvf);
  EXPECT_EQ(reader->info().width, 176u);
  EXPECT_EQ(reader->info().height, 144u);
  EXPECT_EQ(reader->info().timebase_num, 1001u);
  EXPECT_EQ(reader->info().timebase_den, 30000u);
  EXPECT_EQ(reader->info().frame_count, 3u);
  const ReadResult r = ReadAll(ivf);
  ASSERT_EQ(r.units.size(), 3u);
  EXPECT_EQ(r.units[0].data, Unit1());
  EXPECT_EQ(r.units[1].data, Unit2());
  EXPECT_EQ(r.units[2].data, Unit3());
  EXPECT_EQ(r.units[1].timestamp, 5);
  EXPECT_EQ(r.units[2].timestamp, 7);
  EXPECT_EQ(r.units[0].offset, 32u);
  EXPECT_EQ(r.units[1].offset, 32u + 12 + Unit1().size());
}

TEST(InputIvf, LargerHeaderSizeIsSkipped) {
  const ReadResult r = ReadAll(Ivf({{Unit1(), 0}}, 30, 1, 40));
  ASSERT_EQ(r.last_rc, 0) << r.error;
  ASSERT_EQ(r.units.size(), 1u);
  EXPECT_EQ(r.units[0].data, Unit1());
  EXPECT_EQ(r.units[0].offset, 40u);
}

TEST(InputIvf, EmptyFramesAreSkipped) {
  const ReadResult r = ReadAll(Ivf({{Unit1(), 0}, {{}, 1}, {Unit2(), 2}}));
  ASSERT_EQ(r.last_rc, 0) << r.error;
  ASSERT_EQ(r.units.size(), 2u);
  EXPECT_EQ(r.units[1].data, Unit2());
}

TEST(InputIvf, FrameSizeBeyondEndNamesOffset) {
  Bytes ivf = Ivf({{Unit2(), 0}});
  // Frame header at 32 claims 99999 bytes; Unit2 has 13 bytes.
  ASSERT_EQ(Unit2().size(), 13u);
  ivf[32] = 99999 & 0xff;
  ivf[33] = (99999 >> 8) & 0xff;
  ivf[34] = 99999 >> 16;
  const ReadResult r = ReadAll(ivf);
  ASSERT_TRUE(r.opened);
  EXPECT_EQ(r.last_rc, -1);
  EXPECT_EQ(r.error, "ivf: frame at offset 32 claims 99999 bytes, only 13 left");
}

TEST(InputIvf, HugeFrameSizeDoesNotAllocate) {
  Bytes ivf = Ivf({{Unit2(), 0}});
  ivf[32] = ivf[33] = ivf[34] = ivf[35] = 0xff;
  const ReadResult r = ReadAll(ivf);
  EXPECT_EQ(r.last_rc, -1);
  EXPECT_EQ(r.error, "ivf: frame at offset 32 claims 4294967295 bytes, only 13 left");
}

TEST(InputIvf, TruncatedFrameHeader) {
  Bytes ivf = Ivf({{Unit2(), 0}});
  ivf.resize(32 + 5);
  const ReadResult r = ReadAll(ivf);
  EXPECT_EQ(r.error, "ivf: frame header at offset 32 is truncated: 5 of 12 bytes left");
}

TEST(InputIvf, BadHeaderFields) {
  Bytes small_header = Ivf({{Unit1(), 0}});
  small_header[6] = 16;
  ReadResult r = ReadAll(small_header);
  EXPECT_FALSE(r.opened);
  EXPECT_NE(r.error.find("header size field at offset 6 is 16"), std::string::npos) << r.error;

  Bytes huge_header = Ivf({{Unit1(), 0}});
  huge_header[6] = 0xff;
  huge_header[7] = 0xff;
  r = ReadAll(huge_header);
  EXPECT_FALSE(r.opened);

  r = ReadAll(Ivf({{Unit1(), 0}}, 30, 1, 32, "VP90"));
  EXPECT_FALSE(r.opened);
  EXPECT_EQ(r.error, "ivf: FourCC 'VP90' at offset 8 is not AV01");

  r = ReadAll(Ivf({{Unit1(), 0}}, 30, 1, 32, "av01"));
  EXPECT_TRUE(r.opened) << r.error;

  r = ReadAll(Bytes{'D', 'K', 'I', 'F', 0, 0});
  EXPECT_FALSE(r.opened);
  EXPECT_EQ(r.error, "ivf: file header truncated: 6 of 32 bytes");
}

TEST(InputIvf, EveryTruncation) {
  CheckEveryTruncation(Ivf({{Unit1(), 0}, {Unit2(), 1}, {Unit3(), 2}}), false);
}

TEST(InputIvf, RandomCorruption) {
  CheckRandomCorruption(Ivf({{Unit1(), 0}, {Unit2(), 1}, {Unit3(), 2}}), 3000);
}

// ---- Section 5 ----------------------------------------------------------

TEST(InputSection5, SplitsAtTemporalDelimiters) {
  const Bytes s5 = Cat({Unit1(), Unit2(), Unit3()});
  const ReadResult r = ReadAll(s5);
  ASSERT_TRUE(r.opened) << r.error;
  EXPECT_EQ(r.format, Format::kSection5);
  ASSERT_EQ(r.last_rc, 0) << r.error;
  ASSERT_EQ(r.units.size(), 3u);
  EXPECT_EQ(r.units[0].data, Unit1());
  EXPECT_EQ(r.units[1].data, Unit2());
  EXPECT_EQ(r.units[2].data, Unit3());
  EXPECT_EQ(r.units[1].offset, Unit1().size());
  EXPECT_EQ(r.units[2].timestamp, 2);
}

TEST(InputSection5, TemporalDelimiterWithExtension) {
  const Bytes unit = Cat({Obu(2, {}, true, 0x08), Obu(6, Payload(5, 9), true, 0x08)});
  const ReadResult r = ReadAll(Cat({unit, unit}));
  ASSERT_EQ(r.format, Format::kSection5);
  ASSERT_EQ(r.units.size(), 2u);
  EXPECT_EQ(r.units[1].data, unit);
}

TEST(InputSection5, LongLeb128Sizes) {
  // obu_size coded with 8 bytes (padded leb128 is legal).
  Bytes obu = {0x32};  // OBU_FRAME, has_size_field
  Append(&obu, Leb128(3, 8));
  Append(&obu, Payload(3, 5));
  const Bytes padded_td = {0x12, 0x80, 0x80, 0x00};  // obu_size 0 in 3 bytes
  const Bytes unit = Cat({padded_td, obu});
  const ReadResult r = ReadAll(Cat({unit, unit}));
  ASSERT_EQ(r.format, Format::kSection5);
  ASSERT_EQ(r.last_rc, 0) << r.error;
  ASSERT_EQ(r.units.size(), 2u);
  EXPECT_EQ(r.units[0].data, unit);
}

TEST(InputSection5, ObuBeyondEndNamesOffset) {
  Bytes s5 = Cat({Unit2(), Td(), Obu(6, Payload(40, 1))});
  s5.resize(s5.size() - 30);
  const ReadResult r = ReadAll(s5);
  ASSERT_TRUE(r.opened) << r.error;
  ASSERT_EQ(r.units.size(), 1u);
  EXPECT_EQ(r.error, "section5: OBU at offset 15 claims 40 bytes, only 10 left");
}

TEST(InputSection5, MissingSizeFieldIsAnError) {
  const Bytes s5 = Cat({Td(), Obu(6, Payload(4, 1)), Td(), Obu(6, Payload(4, 1), false)});
  const ReadResult r = ReadAll(s5);
  ASSERT_EQ(r.format, Format::kSection5);
  ASSERT_EQ(r.units.size(), 1u);
  EXPECT_NE(r.error.find("OBU at offset 10 has obu_has_size_field 0"), std::string::npos)
      << r.error;
}

TEST(InputSection5, ObuSizeAbove32BitsIsAnError) {
  Bytes obu = {0x32};
  Append(&obu, Bytes{0xff, 0xff, 0xff, 0xff, 0x7f});  // 2^35 - 1
  const Bytes s5 = Cat({Unit2(), Td(), obu});
  const ReadResult r = ReadAll(s5);
  EXPECT_EQ(r.error, "section5: obu_size of the OBU at offset 15 exceeds 2^32-1");
}

TEST(InputSection5, EveryTruncation) {
  CheckEveryTruncation(Cat({Unit1(), Unit2(), Unit3()}), true);
}

TEST(InputSection5, RandomCorruption) { CheckRandomCorruption(Cat({Unit1(), Unit2(), Unit3()}), 3000); }

// ---- Annex B ------------------------------------------------------------

TEST(InputAnnexB, ConvertsToSection5) {
  // OBUs without obu_size (the usual Annex B form), one with an extension
  // header, one that already has obu_size.
  const Bytes annexb = AnnexB({
      {{Obu(2, {}, false), Obu(1, Payload(11, 1), false)}, {Obu(6, Payload(20, 2), false)}},
      {{Obu(2, {}, false), Obu(6, Payload(9, 3), true)}},
      {{Obu(2, {}, false), Obu(6, Payload(300, 4), false, 0x28)}},
  });
  const ReadResult r = ReadAll(annexb);
  ASSERT_TRUE(r.opened) << r.error;
  EXPECT_EQ(r.format, Format::kAnnexB);
  ASSERT_EQ(r.last_rc, 0) << r.error;
  ASSERT_EQ(r.units.size(), 3u);
  EXPECT_EQ(r.units[0].data, Unit1());
  EXPECT_EQ(r.units[1].data, Unit2());
  EXPECT_EQ(r.units[2].data, Unit3());
  EXPECT_EQ(r.units[0].offset, 0u);
  EXPECT_EQ(r.units[2].timestamp, 2);
}

TEST(InputAnnexB, InconsistentObuSizeIsAnError) {
  Bytes obu = Obu(6, Payload(5, 1), true);
  obu.push_back(0);  // obu_length is one more than the OBU's obu_size says
  const ReadResult r = ReadAll(AnnexB({{{Obu(2, {}, false)}}, {{Obu(2, {}, false), obu}}}));
  ASSERT_TRUE(r.opened);
  ASSERT_EQ(r.units.size(), 1u);
  EXPECT_EQ(r.error,
            "annexb: OBU at offset 8 has obu_size 5 inconsistent with obu_length 8");
}

TEST(InputAnnexB, TemporalUnitBeyondEnd) {
  Bytes annexb = AnnexB({{{Obu(2, {}, false), Obu(6, Payload(5, 1), false)}},
                         {{Obu(2, {}, false), Obu(6, Payload(50, 1), false)}}});
  annexb.resize(annexb.size() - 20);
  const ReadResult r = ReadAll(annexb);
  ASSERT_EQ(r.units.size(), 1u);
  EXPECT_EQ(r.error, "annexb: temporal unit at offset 11 claims 55 bytes, only 35 left");
}

TEST(InputAnnexB, FrameAndObuLengthsBeyondTheirParents) {
  // frame_unit_size larger than the temporal unit.
  Bytes tu = {0x7f};  // frame_unit_size 127
  Append(&tu, Bytes{0x01, 0x10});
  Bytes annexb = Cat({AnnexB({{{Obu(2, {}, false)}}}), Leb128(tu.size()), tu});
  ReadResult r = ReadAll(annexb);
  EXPECT_EQ(r.error,
            "annexb: frame unit at offset 5 claims 127 bytes, only 2 left in its temporal unit");
  // obu_length larger than the frame unit.
  Bytes fu = {0x09, 0x10};
  annexb = Cat({AnnexB({{{Obu(2, {}, false)}}}), Leb128(fu.size() + 1), Leb128(fu.size()), fu});
  r = ReadAll(annexb);
  EXPECT_EQ(r.error, "annexb: OBU at offset 6 claims 9 bytes, only 1 left in its frame unit");
  // obu_length 0.
  annexb = Cat({AnnexB({{{Obu(2, {}, false)}}}), Bytes{0x02, 0x01, 0x00}});
  r = ReadAll(annexb);
  EXPECT_EQ(r.error, "annexb: OBU at offset 6 has obu_length 0");
}

TEST(InputAnnexB, EveryTruncation) {
  CheckEveryTruncation(
      AnnexB({{{Obu(2, {}, false), Obu(1, Payload(11, 1), false)}, {Obu(6, Payload(20, 2), false)}},
              {{Obu(2, {}, false), Obu(6, Payload(9, 3), true)}},
              {{Obu(2, {}, false), Obu(6, Payload(300, 4), false, 0x28)}}}),
      false);
}

TEST(InputAnnexB, RandomCorruption) {
  CheckRandomCorruption(
      AnnexB({{{Obu(2, {}, false), Obu(1, Payload(11, 1), false)}, {Obu(6, Payload(20, 2), false)}},
              {{Obu(2, {}, false), Obu(6, Payload(300, 4), false, 0x28)}}}),
      3000);
}

// ---- detection ------------------------------------------------------------

TEST(InputDetect, EmptyAndGarbage) {
  ReadResult r = ReadAll({});
  EXPECT_FALSE(r.opened);
  EXPECT_EQ(r.error, "input is empty");
  r = ReadAll(Payload(100, 0x55));
  EXPECT_FALSE(r.opened);
  EXPECT_NE(r.error.find("unknown container"), std::string::npos);
}

TEST(InputDetect, Section5IsNotTakenForAnnexB) {
  // 0x12 0x00 read as Annex B is temporal_unit_size 18, frame_unit_size 0:
  // the Section 5 reading must win.
  for (const Bytes& s5 : {Cat({Unit1(), Unit2()}), Unit2(), Cat({Td(), Obu(15, Payload(16, 0))})}) {
    EXPECT_EQ(ReadAll(s5).format, Format::kSection5);
  }
}

TEST(InputDetect, AnnexBIsNotTakenForSection5) {
  // Single-OBU units and units whose first bytes happen to be 0x12 0x00.
  const Bytes a = AnnexB({{{Obu(2, {}, false)}}, {{Obu(2, {}, false), Obu(6, Payload(3, 1), false)}}});
  EXPECT_EQ(ReadAll(a).format, Format::kAnnexB);
  const Bytes b = AnnexB({{{Obu(2, {}, false), Obu(6, Payload(13, 0), false)}}});
  ASSERT_EQ(b[0], 0x12);  // temporal_unit_size 18
  EXPECT_EQ(ReadAll(b).format, Format::kAnnexB);
}

TEST(InputDetect, TruncatedFirstUnitStillDetected) {
  Bytes s5 = Cat({Td(), Obu(6, Payload(100, 1))});
  s5.resize(20);
  ReadResult r = ReadAll(s5);
  EXPECT_TRUE(r.opened);
  EXPECT_EQ(r.format, Format::kSection5);
  EXPECT_NE(r.error.find("section5: OBU at offset 2 claims 100 bytes"), std::string::npos)
      << r.error;
  Bytes annexb = AnnexB({{{Obu(2, {}, false), Obu(6, Payload(100, 1), false)}}});
  annexb.resize(20);
  r = ReadAll(annexb);
  EXPECT_TRUE(r.opened);
  EXPECT_EQ(r.format, Format::kAnnexB);
  EXPECT_NE(r.error.find("annexb: temporal unit at offset 0 claims"), std::string::npos)
      << r.error;
}

TEST(InputDetect, FileErrors) {
  std::string error;
  EXPECT_FALSE(OpenFile("/nonexistent/hav1.ivf", &error));
  EXPECT_NE(error.find("/nonexistent/hav1.ivf"), std::string::npos);
  EXPECT_FALSE(OpenFile("/", &error));
  EXPECT_NE(error.find("not a regular file"), std::string::npos);
}

// ---- WebM / Matroska -----------------------------------------------------

Bytes SeqObu() { return Obu(1, Payload(11, 1)); }
Bytes FrameObu(uint8_t seed) { return Obu(6, Payload(20, seed)); }

TEST(InputWebm, BlocksBecomeSection5Units) {
  // Blocks without temporal delimiters (as the Matroska AV1 mapping says),
  // the sequence header only in CodecPrivate, the last OBU without obu_size.
  const Bytes webm = Webm(
      {AudioTrack(2), VideoTrack(1, "V_AV1", Av1C(SeqObu()), 33333333)},
      {Cluster(1000, {SimpleBlock(2, 0, {Payload(7, 9)}), SimpleBlock(1, 0, {FrameObu(2)}),
                      SimpleBlock(1, 33, {Obu(6, Payload(5, 3), false)})}),
       Cluster(2000, {BlockGroup(1, -5, Cat({Td(), FrameObu(4)}))})});
  std::string error;
  auto reader = OpenMemory(webm, &error);
  ASSERT_TRUE(reader) << error;
  EXPECT_EQ(reader->info().format, Format::kWebm);
  EXPECT_EQ(reader->info().width, 176u);
  EXPECT_EQ(reader->info().height, 144u);
  EXPECT_EQ(reader->info().timebase_num, 1u);
  EXPECT_EQ(reader->info().timebase_den, 1000u);
  ASSERT_NE(reader->info().fps_den, 0u);
  EXPECT_NEAR(double(reader->info().fps_num) / reader->info().fps_den, 30.0, 1e-6);
  const ReadResult r = ReadAll(webm);
  ASSERT_EQ(r.last_rc, 0) << r.error;
  ASSERT_EQ(r.units.size(), 3u);
  EXPECT_EQ(r.units[0].data, Cat({Td(), SeqObu(), FrameObu(2)}));
  EXPECT_EQ(r.units[1].data, Cat({Td(), Obu(6, Payload(5, 3))}));
  EXPECT_EQ(r.units[2].data, Cat({Td(), FrameObu(4)}));
  EXPECT_EQ(r.units[0].timestamp, 1000);
  EXPECT_EQ(r.units[1].timestamp, 1033);
  EXPECT_EQ(r.units[2].timestamp, 1995);
  EXPECT_EQ(r.units[0].duration, 33);
}

TEST(InputWebm, SequenceHeaderInFirstBlockIsNotDuplicated) {
  const Bytes webm = Webm({VideoTrack(1, "V_AV1", Av1C(SeqObu()))},
                          {Cluster(0, {SimpleBlock(1, 0, {Cat({Td(), SeqObu(), FrameObu(2)})})})},
                          1000000, "matroska");
  const ReadResult r = ReadAll(webm);
  ASSERT_EQ(r.units.size(), 1u) << r.error;
  EXPECT_EQ(r.units[0].data, Cat({Td(), SeqObu(), FrameObu(2)}));
}

TEST(InputWebm, LacedFramesAreSeparateUnits) {
  const Bytes webm = Webm({VideoTrack(1, "V_AV1", {}, 40000000)},
                          {Cluster(0, {SimpleBlock(1, 0, {FrameObu(1), FrameObu(2)})})});
  const ReadResult r = ReadAll(webm);
  ASSERT_EQ(r.last_rc, 0) << r.error;
  ASSERT_EQ(r.units.size(), 2u);
  EXPECT_EQ(r.units[1].data, Cat({Td(), FrameObu(2)}));
  EXPECT_EQ(r.units[1].timestamp, 40);
}

TEST(InputWebm, TimecodeScale) {
  const Bytes webm = Webm({VideoTrack(1, "V_AV1", {})},
                          {Cluster(10, {SimpleBlock(1, 1, {FrameObu(1)})})}, 100000);
  std::string error;
  auto reader = OpenMemory(webm, &error);
  ASSERT_TRUE(reader) << error;
  EXPECT_EQ(reader->info().timebase_num, 1u);
  EXPECT_EQ(reader->info().timebase_den, 10000u);
  TemporalUnit tu;
  ASSERT_EQ(reader->Read(&tu, &error), 1);
  EXPECT_EQ(tu.timestamp, 11);
}

TEST(InputWebm, NoAv1Track) {
  ReadResult r = ReadAll(Webm({VideoTrack(1, "V_VP9", {})},
                              {Cluster(0, {SimpleBlock(1, 0, {FrameObu(1)})})}));
  EXPECT_FALSE(r.opened);
  EXPECT_NE(r.error.find("no V_AV1 video track"), std::string::npos) << r.error;
  r = ReadAll(EbmlHeader());
  EXPECT_FALSE(r.opened);
}

TEST(InputWebm, BadBlockContent) {
  // An obu_size beyond the block.
  Bytes bad = {0x32, 0x40, 0x01};
  const ReadResult r = ReadAll(Webm({VideoTrack(1, "V_AV1", {})},
                                    {Cluster(0, {SimpleBlock(1, 0, {FrameObu(1)}),
                                                 SimpleBlock(1, 1, {bad})})}));
  ASSERT_EQ(r.units.size(), 1u);
  EXPECT_EQ(r.last_rc, -1);
  EXPECT_NE(r.error.find("claims 64 bytes, only 1 left in the frame"), std::string::npos)
      << r.error;
  // A CodecPrivate that is not av1C.
  const ReadResult r2 = ReadAll(Webm({VideoTrack(1, "V_AV1", Bytes{1, 2, 3, 4, 5})},
                                     {Cluster(0, {SimpleBlock(1, 0, {FrameObu(1)})})}));
  EXPECT_NE(r2.error.find("not an av1C record"), std::string::npos) << r2.error;
}

TEST(InputWebm, HugeElementSizeIsRefusedBeforeAllocation) {
  // Unknown-size Segment, Tracks and TrackEntry around a CodecPrivate that
  // claims 2^32 bytes: libwebm would allocate that much for the body.
  const Bytes unknown = {0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
  const Bytes huge = {0x01, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00};
  const Bytes entry = Cat({Bytes{0xAE}, unknown, Uint(0xD7, 1), Uint(0x83, 1), Str(0x86, "V_AV1"),
                           Bytes{0x63, 0xA2}, huge, Bytes(16, 0x81)});
  const Bytes webm = Cat({EbmlHeader(), Bytes{0x18, 0x53, 0x80, 0x67}, unknown,
                          Bytes{0x16, 0x54, 0xAE, 0x6B}, unknown, entry});
  const ReadResult r = ReadAll(webm);
  EXPECT_FALSE(r.opened);
  EXPECT_NE(r.error.find("element 0x63A2 at offset"), std::string::npos) << r.error;
  EXPECT_NE(r.error.find("claims 4294967296 bytes, only 16 left"), std::string::npos) << r.error;
}

Bytes SampleWebm() {
  return Webm({AudioTrack(2), VideoTrack(1, "V_AV1", Av1C(SeqObu()), 33333333)},
              {Cluster(0, {SimpleBlock(1, 0, {FrameObu(1)}), SimpleBlock(2, 0, {Payload(7, 9)}),
                           SimpleBlock(1, 33, {Obu(6, Payload(5, 3), false)})}),
               Cluster(66, {BlockGroup(1, 0, FrameObu(4)),
                            SimpleBlock(1, 33, {FrameObu(5), FrameObu(6)})})});
}

TEST(InputWebm, EveryTruncation) { CheckEveryTruncation(SampleWebm(), false); }

TEST(InputWebm, RandomCorruption) { CheckRandomCorruption(SampleWebm(), 3000); }

}  // namespace
}  // namespace hav1::input
