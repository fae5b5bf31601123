// Intra reconstruction of hand-made blocks, expected values worked out from
// the spec text (7.11.2.5 DC prediction, 7.12.3 dequantisation, 7.13.3 2D
// inverse DCT, 7.11.4 palette prediction).
#include "src/recon/intra_recon.h"

#include <gtest/gtest.h>

#include <vector>

#include "src/dsp/dsp.h"

namespace hav1::recon {
namespace {

struct Fixture {
  SequenceHeader seq;
  FrameHeader hdr;
  DspTables tables;
  tile::FrameBlockInfo blocks;
  InterRefs refs{};
  ReconFrame<uint8_t> frame;

  explicit Fixture(int mi_cols = 2, int mi_rows = 2) {
    seq.color_config.BitDepth = 8;
    seq.color_config.mono_chrome = 1;
    seq.color_config.NumPlanes = 1;
    hdr.MiCols = mi_cols;
    hdr.MiRows = mi_rows;
    FillItxTablesRef(&tables.itx);
    FillIpredTablesRef(&tables.ipred);
    const int zeros[3] = {};
    blocks.Reset(mi_rows, mi_cols, false, 1, zeros, zeros);
    frame.Allocate(mi_cols, mi_rows, 1, 1, 1);
  }
};

TEST(IntraRecon, DcOnlyBlockByHand) {
  Fixture f;
  IntraReconstructor<uint8_t> recon(f.seq, f.hdr, f.tables, f.blocks, f.refs, &f.frame);
  tile::BlockInfo info;
  info.y_mode = 0;  // DC_PRED
  tile::BlockParams bp;
  bp.info = &info;
  recon.OnBlock(bp);
  std::vector<int32_t> quant(16, 0);
  quant[0] = 16;
  tile::TransformBlockParams tx;
  tx.plane = 0;
  tx.tx_size = 0;  // TX_4X4
  tx.tx_type = 0;  // DCT_DCT
  tx.eob = 1;
  tx.quant = quant.data();
  tx.qindex = 0;
  recon.OnTransformBlock(bp, tx);
  ASSERT_TRUE(recon.ok()) << recon.error();
  // Prediction: no neighbours, 1 << ( BitDepth - 1 ) = 128.
  // Dequant[ 0 ][ 0 ] = 16 * dc_q( 0 ) = 64.  Row 0: DCT4 of (64, 0, 0, 0):
  // Round2( 64 * cos128( 32 ) = 64 * 2896, 12 ) = 45 everywhere, row shift 0.
  // Columns: Round2( 45 * 2896, 12 ) = 32, column shift 4: Round2( 32, 4 ) = 2.
  for (int y = 0; y < 4; ++y) {
    for (int x = 0; x < 4; ++x) EXPECT_EQ(*f.frame.plane(0).at(x, y), 130) << x << "," << y;
  }
  // Nothing outside the block was written.
  EXPECT_EQ(*f.frame.plane(0).at(4, 0), 0);
  EXPECT_EQ(*f.frame.plane(0).at(0, 4), 0);

  // The block to its right: DC_PRED with only the left column available
  // averages LeftCol = 130; no residual.
  tile::TransformBlockParams tx2;
  tx2.plane = 0;
  tx2.start_x = 4;
  tx2.tx_size = 0;
  tx2.have_left = true;
  recon.OnTransformBlock(bp, tx2);
  ASSERT_TRUE(recon.ok());
  for (int y = 0; y < 4; ++y) {
    for (int x = 4; x < 8; ++x) EXPECT_EQ(*f.frame.plane(0).at(x, y), 130);
  }
}

TEST(IntraRecon, PaletteBlock) {
  Fixture f;
  IntraReconstructor<uint8_t> recon(f.seq, f.hdr, f.tables, f.blocks, f.refs, &f.frame);
  tile::BlockInfo info;
  info.palette_size[0] = 2;
  info.mi_size = 3;  // BLOCK_8X8
  const uint16_t colors[8] = {10, 200};
  std::vector<uint8_t> map(64 * 64, 0);
  for (int i = 0; i < 8; ++i) {
    for (int j = 0; j < 8; ++j) map[i * 64 + j] = (i + j) & 1;
  }
  tile::BlockParams bp;
  bp.info = &info;
  bp.palette_colors[0] = colors;
  bp.color_map[0] = map.data();
  recon.OnBlock(bp);
  // Second 4x4 transform block of the row: map[ y * 4 + i ][ x * 4 + j ] with x = 1.
  tile::TransformBlockParams tx;
  tx.plane = 0;
  tx.start_x = 4;
  tx.tx_size = 0;
  recon.OnTransformBlock(bp, tx);
  ASSERT_TRUE(recon.ok());
  for (int y = 0; y < 4; ++y) {
    for (int x = 4; x < 8; ++x) {
      EXPECT_EQ(*f.frame.plane(0).at(x, y), ((x + y) & 1) ? 200 : 10);
    }
  }
}

TEST(IntraRecon, ChromaFromLuma) {
  Fixture f;
  f.seq.color_config.mono_chrome = 0;
  f.seq.color_config.NumPlanes = 3;
  f.seq.color_config.subsampling_x = 1;
  f.seq.color_config.subsampling_y = 1;
  const int zeros[3] = {};
  f.blocks.Reset(2, 2, false, 3, zeros, zeros);
  f.frame.Allocate(2, 2, 3, 1, 1);
  IntraReconstructor<uint8_t> recon(f.seq, f.hdr, f.tables, f.blocks, f.refs, &f.frame);
  // An 8x8 block: luma by palette (rows 0..3 = 100, rows 4..7 = 200),
  // chroma UV_CFL_PRED with CflAlphaU = 8.
  tile::BlockInfo info;
  info.mi_size = 3;  // BLOCK_8X8
  info.palette_size[0] = 2;
  info.uv_mode = 13;  // UV_CFL_PRED
  info.cfl_alpha[0] = 8;
  const uint16_t colors[8] = {100, 200};
  std::vector<uint8_t> map(64 * 64, 0);
  for (int i = 4; i < 8; ++i) {
    for (int j = 0; j < 8; ++j) map[i * 64 + j] = 1;
  }
  tile::BlockParams bp;
  bp.info = &info;
  bp.has_chroma = true;
  bp.palette_colors[0] = colors;
  bp.color_map[0] = map.data();
  recon.OnBlock(bp);
  tile::TransformBlockParams luma;
  luma.plane = 0;
  luma.tx_size = 1;  // TX_8X8
  recon.OnTransformBlock(bp, luma);
  tile::TransformBlockParams chroma;
  chroma.plane = 1;
  chroma.tx_size = 0;  // TX_4X4
  recon.OnTransformBlock(bp, chroma);
  ASSERT_TRUE(recon.ok()) << recon.error();
  // 7.11.5: L = ( sum of 2x2 luma ) << 1: 800 for chroma rows 0..1, 1600 for
  // rows 2..3; lumaAvg = 1200; DC prediction (no neighbours) = 128;
  // Round2Signed( 8 * -/+400, 6 ) = -/+50.
  for (int y = 0; y < 4; ++y) {
    for (int x = 0; x < 4; ++x) {
      EXPECT_EQ(*f.frame.plane(1).at(x, y), y < 2 ? 78 : 178) << x << "," << y;
    }
  }
}

TEST(IntraRecon, BlockOutsidePlaneFails) {
  Fixture f(2, 2);
  IntraReconstructor<uint8_t> recon(f.seq, f.hdr, f.tables, f.blocks, f.refs, &f.frame);
  tile::BlockInfo info;
  tile::BlockParams bp;
  bp.info = &info;
  tile::TransformBlockParams tx;
  tx.plane = 0;
  tx.start_x = 120;
  tx.tx_size = 4;  // TX_64X64 reaching past the 128-sample padded plane
  recon.OnTransformBlock(bp, tx);
  EXPECT_FALSE(recon.ok());
}

}  // namespace
}  // namespace hav1::recon
