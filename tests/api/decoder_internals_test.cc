// Parts of the decoder instance that the public API cannot reach yet
// (there are no pictures before tile decoding exists): spatial layer
// selection in the output queue and the OBU framing.
#include <gtest/gtest.h>

#include <memory>
#include <vector>

#include "src/decoder/obu_framing.h"
#include "src/decoder/output_queue.h"

namespace hav1 {
namespace {

// A picture of a stream with two spatial layers and one temporal layer
// (operating point 0 = both layers, operating point 1 = the base layer).
std::shared_ptr<DecodedPicture> Pic(int id) {
  auto p = std::make_shared<DecodedPicture>();
  p->seq.operating_points = 2;
  p->seq.operating_point_idc[0] = 0x301;
  p->seq.operating_point_idc[1] = 0x101;
  p->frame.order_hint = id;
  return p;
}

int Next(OutputQueue* q) {
  auto p = q->Front();
  if (!p) return -1;
  q->PopFront();
  return p->frame.order_hint;
}

TEST(OutputQueue, HighestSpatialLayerOfEachTemporalUnit) {
  OutputQueue q(/*all_layers=*/false, /*operating_point=*/0);
  EXPECT_EQ(q.MaxSpatialId(Pic(0)->seq), 1);
  q.Show(Pic(10), 0);
  EXPECT_EQ(q.ready(), 0u);  // a higher layer may follow
  q.Show(Pic(11), 1);
  EXPECT_EQ(q.ready(), 1u);  // the top layer goes out at once
  EXPECT_EQ(Next(&q), 11);
  q.EndTemporalUnit();
  EXPECT_EQ(q.ready(), 0u);
  // A unit whose top layer is missing: the base layer at the unit's end.
  q.Show(Pic(20), 0);
  q.EndTemporalUnit();
  EXPECT_EQ(Next(&q), 20);
  EXPECT_EQ(Next(&q), -1);
}

TEST(OutputQueue, AllLayers) {
  OutputQueue q(/*all_layers=*/true, 0);
  q.Show(Pic(10), 0);
  q.Show(Pic(11), 1);
  EXPECT_EQ(Next(&q), 10);
  EXPECT_EQ(Next(&q), 11);
}

TEST(OutputQueue, OperatingPointWithOneLayer) {
  OutputQueue q(false, /*operating_point=*/1);
  EXPECT_EQ(q.MaxSpatialId(Pic(0)->seq), 0);
  q.Show(Pic(10), 0);
  EXPECT_EQ(Next(&q), 10);
  // Out of range operating points use the last one.
  OutputQueue q2(false, 31);
  EXPECT_EQ(q2.MaxSpatialId(Pic(0)->seq), 0);
}

TEST(OutputQueue, NoScalabilityOutputsAtOnce) {
  OutputQueue q(false, 0);
  auto p = std::make_shared<DecodedPicture>();
  p->seq.operating_points = 1;  // idc 0: no layer description
  q.Show(p, 0);
  EXPECT_EQ(q.ready(), 1u);
  q.PushDirect(p);
  EXPECT_EQ(q.ready(), 2u);
  q.Clear();
  EXPECT_EQ(q.ready(), 0u);
}

TEST(ObuFraming, Extents) {
  ObuExtent e;
  // Temporal delimiter with obu_size 0.
  const std::vector<uint8_t> td = {0x12, 0x00, 0xff};
  ASSERT_TRUE(ReadObuExtent(td, &e).ok());
  EXPECT_EQ(e.type, OBU_TEMPORAL_DELIMITER);
  EXPECT_EQ(e.size, 2u);
  // Extension header, two-byte leb128 size (130).
  std::vector<uint8_t> ext = {0x36, 0x00, 0x82, 0x01};
  ext.resize(4 + 130);
  ASSERT_TRUE(ReadObuExtent(ext, &e).ok());
  EXPECT_EQ(e.type, OBU_FRAME);
  EXPECT_EQ(e.size, 134u);
  // No size field: the rest of the data.
  const std::vector<uint8_t> nosize = {0x30, 1, 2, 3};
  ASSERT_TRUE(ReadObuExtent(nosize, &e).ok());
  EXPECT_EQ(e.size, 4u);
  // Truncated and overlong sizes.
  EXPECT_FALSE(ReadObuExtent(std::vector<uint8_t>{0x32, 0x05, 0}, &e).ok());
  EXPECT_FALSE(ReadObuExtent(std::vector<uint8_t>{0x32, 0x80}, &e).ok());
  EXPECT_FALSE(ReadObuExtent(std::vector<uint8_t>{0x36}, &e).ok());
  EXPECT_FALSE(ReadObuExtent(std::vector<uint8_t>{0x32, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80,
                                                  0x80, 0x80, 0x01},
                             &e)
                   .ok());
  // Above 2^32 - 1.
  EXPECT_FALSE(
      ReadObuExtent(std::vector<uint8_t>{0x32, 0xff, 0xff, 0xff, 0xff, 0x1f}, &e).ok());
}

}  // namespace
}  // namespace hav1
