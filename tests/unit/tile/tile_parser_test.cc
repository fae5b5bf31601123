// Unit tests of src/tile: tables against values read from the spec, tile
// group splitting, and block parsing of hand-made tiles whose symbols are
// written with the test-only reference range encoder of tests/unit/entropy
// (contexts worked out by hand from spec 8.3.2 in the comments).
#include <gtest/gtest.h>

#include <cstring>
#include <memory>
#include <vector>

#include "src/bitstream/frame_header.h"
#include "src/bitstream/sequence_header.h"
#include "src/entropy/cdf_context.h"
#include "src/entropy/symbol_decoder.h"
#include "src/tile/tile_constants.h"
#include "src/tile/tile_group.h"
#include "tests/unit/entropy/reference_range_encoder.h"

namespace hav1::tile {
namespace {

using hav1_test::ReferenceRangeEncoder;

TEST(TileTables, SpotValuesFromTheSpec) {
  // 10.additional.tables: Default_Scan_4x4 = 0, 1, 4, 8, 5, 2, ...
  const int16_t scan[16] = {0, 1, 4, 8, 5, 2, 3, 6, 9, 12, 13, 10, 7, 11, 14, 15};
  for (int i = 0; i < 16; ++i) EXPECT_EQ(Default_Scan_4x4[i], scan[i]) << i;
  EXPECT_EQ(Mcol_Scan_4x4[1], 4);
  EXPECT_EQ(Partition_Subsize[PARTITION_SPLIT][BLOCK_128X128], BLOCK_64X64);
  EXPECT_EQ(Partition_Subsize[PARTITION_HORZ_4][BLOCK_32X32], BLOCK_32X8);
  EXPECT_EQ(Partition_Subsize[PARTITION_VERT_4][BLOCK_8X8], BLOCK_INVALID);
  // Split_Tx_Size has a missing comma in the spec after TX_32X32.
  EXPECT_EQ(Split_Tx_Size[TX_64X32], TX_32X32);
  EXPECT_EQ(Split_Tx_Size[TX_4X16], TX_4X8);
  EXPECT_EQ(Split_Tx_Size[TX_64X16], TX_32X16);
  EXPECT_EQ(Max_Tx_Depth[BLOCK_64X16], 4);
  EXPECT_EQ(Subsampled_Size[BLOCK_16X4][1][1], BLOCK_8X4);
  EXPECT_EQ(Coeff_Base_Pos_Ctx_Offset[2], 36);
  EXPECT_EQ(Palette_Color_Context[8], 1);
  EXPECT_EQ(Mode_To_Txfm[UV_CFL_PRED], DCT_DCT);
  EXPECT_EQ(Sgr_Params[10][0], 0);
  EXPECT_EQ(SIG_COEF_CONTEXTS, 42);
  EXPECT_EQ(Block_Width(BLOCK_64X16), 64);
  EXPECT_EQ(Block_Height(BLOCK_64X16), 16);
}

FrameHeader TwoTileHeader() {
  FrameHeader h;
  h.MiRows = 16;
  h.MiCols = 32;
  h.tile_info.TileCols = 2;
  h.tile_info.TileRows = 1;
  h.tile_info.MiColStarts[0] = 0;
  h.tile_info.MiColStarts[1] = 16;
  h.tile_info.MiColStarts[2] = 32;
  h.tile_info.MiRowStarts[0] = 0;
  h.tile_info.MiRowStarts[1] = 16;
  h.tile_info.TileSizeBytes = 2;
  return h;
}

TEST(SplitTileGroup, SizesAndLastTileTakesTheRest) {
  const FrameHeader h = TwoTileHeader();
  // tile_size_minus_1 = 2 (le16), 3 bytes of tile 0, then 4 bytes of tile 1.
  const uint8_t data[] = {2, 0, 10, 11, 12, 20, 21, 22, 23};
  std::vector<TileData> tiles;
  ASSERT_TRUE(SplitTileGroup(h, 0, 1, data, &tiles).ok());
  ASSERT_EQ(tiles.size(), 2u);
  EXPECT_EQ(tiles[0].data.size(), 3u);
  EXPECT_EQ(tiles[0].data[0], 10);
  EXPECT_EQ(tiles[0].bounds.mi_col_end, 16);
  EXPECT_EQ(tiles[1].data.size(), 4u);
  EXPECT_EQ(tiles[1].data[0], 20);
  EXPECT_EQ(tiles[1].bounds.mi_col_start, 16);
  EXPECT_EQ(tiles[1].tile_num, 1);
}

TEST(SplitTileGroup, RejectsSizesPastTheEnd) {
  const FrameHeader h = TwoTileHeader();
  std::vector<TileData> tiles;
  const uint8_t too_big[] = {8, 0, 1, 2, 3};  // claims 9 bytes, 3 left
  EXPECT_FALSE(SplitTileGroup(h, 0, 1, too_big, &tiles).ok());
  const uint8_t no_room[] = {1};  // not even the size field
  EXPECT_FALSE(SplitTileGroup(h, 0, 1, no_room, &tiles).ok());
  const uint8_t empty_last[] = {0, 0, 7};  // tile 0 takes the only byte
  EXPECT_FALSE(SplitTileGroup(h, 0, 1, empty_last, &tiles).ok());
  EXPECT_FALSE(SplitTileGroup(h, 1, 2, too_big, &tiles).ok());  // tg_end too big
}

// A monochrome 8x8 key frame with one tile: MiRows = MiCols = 2.
struct TinyFrame {
  SequenceHeader seq;
  FrameHeader hdr;
  TinyFrame() {
    seq.color_config.mono_chrome = 1;
    seq.color_config.NumPlanes = 1;
    seq.color_config.BitDepth = 8;
    hdr.FrameIsIntra = 1;
    hdr.frame_type = KEY_FRAME;
    hdr.FrameWidth = hdr.FrameHeight = hdr.UpscaledWidth = 8;
    hdr.MiRows = hdr.MiCols = 2;
    hdr.tile_info.MiColStarts[1] = 2;
    hdr.tile_info.MiRowStarts[1] = 2;
    hdr.quantization_params.base_q_idx = 100;
    hdr.TxMode = TX_MODE_LARGEST;
    hdr.disable_cdf_update = 0;
  }
};

struct Recorder : TileReconHook {
  int blocks = 0;
  std::vector<TransformBlockParams> tx;
  std::vector<std::vector<int32_t>> quant;
  void OnBlock(const BlockParams&) override { ++blocks; }
  void OnTransformBlock(const BlockParams&, const TransformBlockParams& t) override {
    tx.push_back(t);
    quant.emplace_back(t.quant ? std::vector<int32_t>(t.quant, t.quant + 64)
                               : std::vector<int32_t>());
  }
};

Status ParseTiny(const TinyFrame& f, const std::vector<uint8_t>& data, FrameBlockInfo* blocks,
                 Recorder* rec) {
  auto cdfs = std::make_unique<CdfContext>();
  cdfs->InitNonCoeffCdfs();
  cdfs->InitCoeffCdfs(f.hdr.quantization_params.base_q_idx);
  ResetFrameBlockInfo(f.seq, f.hdr, blocks);
  FrameTileDecoder dec(f.seq, f.hdr, *cdfs, blocks, rec);
  TileData t;
  t.bounds = {0, 2, 0, 2};
  t.data = data;
  return dec.DecodeTile(t);
}

TEST(TileParser, SkippedDirectionalBlock) {
  TinyFrame f;
  auto c = std::make_unique<CdfContext>();
  c->InitNonCoeffCdfs();
  c->InitCoeffCdfs(100);
  c->InitTileCdfs(*c);
  ReferenceRangeEncoder enc;
  // 64x64 -> 32 -> 16 are implicit splits (no rows/cols inside the frame);
  // the 8x8 level reads partition from PartitionW8Cdf[ 0 ] (no neighbours).
  enc.EncodeSymbol(PARTITION_NONE, c->partition_w8_cdf[0], 4, true);
  enc.EncodeSymbol(1, c->skip_cdf[0], 2, true);  // skip, ctx 0
  // intra_frame_y_mode with abovemode = leftmode = Intra_Mode_Context[DC].
  enc.EncodeSymbol(V_PRED, c->intra_frame_y_mode_cdf[0][0], 13, true);
  // angle_delta_y = 5 -> AngleDeltaY = +2 (AngleDeltaCdf[ V_PRED - V_PRED ]).
  enc.EncodeSymbol(5, c->angle_delta_cdf[0], 7, true);
  const std::vector<uint8_t> data = enc.Finish();
  FrameBlockInfo blocks;
  Recorder rec;
  ASSERT_TRUE(ParseTiny(f, data, &blocks, &rec).ok());
  for (int r = 0; r < 2; ++r) {
    for (int col = 0; col < 2; ++col) {
      const BlockInfo& b = blocks.at(r, col);
      EXPECT_EQ(b.mi_size, BLOCK_8X8);
      EXPECT_EQ(b.y_mode, V_PRED);
      EXPECT_EQ(b.angle_delta[0], 2);
      EXPECT_EQ(b.skip, 1);
      EXPECT_EQ(b.tx_size, TX_8X8);
      EXPECT_EQ(b.lf_tx_size[0], TX_8X8);
    }
  }
  EXPECT_EQ(rec.blocks, 1);
  ASSERT_EQ(rec.tx.size(), 1u);
  EXPECT_EQ(rec.tx[0].eob, 0);
  EXPECT_FALSE(rec.tx[0].have_left);
  EXPECT_FALSE(rec.tx[0].have_above);
}

TEST(TileParser, OneCoefficientWithRangeAndSign) {
  TinyFrame f;
  auto c = std::make_unique<CdfContext>();
  c->InitNonCoeffCdfs();
  c->InitCoeffCdfs(100);
  c->InitTileCdfs(*c);
  ReferenceRangeEncoder enc;
  enc.EncodeSymbol(PARTITION_NONE, c->partition_w8_cdf[0], 4, true);
  enc.EncodeSymbol(0, c->skip_cdf[0], 2, true);
  enc.EncodeSymbol(DC_PRED, c->intra_frame_y_mode_cdf[0][0], 13, true);
  // all_zero: txSzCtx = (TX_8X8 + TX_8X8 + 1) >> 1 = 1; ctx 0 (block size
  // equals transform size).
  enc.EncodeSymbol(0, c->txb_skip_cdf[1][0], 2, true);
  // intra_tx_type: set TX_SET_INTRA_1, IntraTxTypeSet1Cdf[ TX_8X8 ][ DC_PRED ],
  // symbol 1 -> Tx_Type_Intra_Inv_Set1[ 1 ] = DCT_DCT.
  enc.EncodeSymbol(1, c->intra_tx_type_set1_cdf[1][DC_PRED], 7, true);
  // eob_pt_64 (eobMultisize 2), ctx 0 (2D class): eobPt = 1 -> eob = 1.
  enc.EncodeSymbol(0, c->eob_pt_64_cdf[0][0], 7, true);
  // coeff_base_eob at c = 0: ctx SIG_COEF_CONTEXTS - 4 - 38 = 0; symbol 2
  // -> level 3.
  enc.EncodeSymbol(2, c->coeff_base_eob_cdf[1][0][0], 3, true);
  // coeff_br at pos 0 with no neighbours: ctx 0; symbol 1 -> level 4.
  enc.EncodeSymbol(1, c->coeff_br_cdf[1][0][0], 4, true);
  // dc_sign with empty above/left contexts: ctx 0; negative.
  enc.EncodeSymbol(1, c->dc_sign_cdf[0][0], 2, true);
  const std::vector<uint8_t> data = enc.Finish();
  FrameBlockInfo blocks;
  Recorder rec;
  ASSERT_TRUE(ParseTiny(f, data, &blocks, &rec).ok());
  ASSERT_EQ(rec.tx.size(), 1u);
  EXPECT_EQ(rec.tx[0].eob, 1);
  EXPECT_EQ(rec.tx[0].tx_type, DCT_DCT);
  EXPECT_EQ(rec.tx[0].tx_size, TX_8X8);
  EXPECT_EQ(rec.tx[0].qindex, 100);
  ASSERT_EQ(rec.quant[0].size(), 64u);
  EXPECT_EQ(rec.quant[0][0], -4);
  for (int i = 1; i < 64; ++i) EXPECT_EQ(rec.quant[0][i], 0) << i;
}

// An inter frame version of TinyFrame: one 8x8 block, no neighbours, no
// segmentation, no temporal motion vectors, identity global motion.
struct TinyInterFrame : TinyFrame {
  TinyInterFrame() {
    hdr.FrameIsIntra = 0;
    hdr.frame_type = INTER_FRAME;
    hdr.allow_high_precision_mv = 1;
    hdr.interpolation_filter = EIGHTTAP;
    for (int i = 0; i < 7; ++i) hdr.ref_frame_idx[i] = i;
  }
};

struct InterRecorder : TileReconHook {
  int blocks = 0;
  bool had_inter = false;
  InterBlockParams inter;
  int tx_blocks = 0;
  void OnBlock(const BlockParams& b) override {
    ++blocks;
    if (b.inter) {
      had_inter = true;
      inter = *b.inter;
    }
  }
  void OnTransformBlock(const BlockParams&, const TransformBlockParams&) override {
    ++tx_blocks;
  }
};

Status ParseTinyInter(const TinyFrame& f, const std::vector<uint8_t>& data,
                      FrameBlockInfo* blocks, InterRecorder* rec) {
  auto cdfs = std::make_unique<CdfContext>();
  cdfs->InitNonCoeffCdfs();
  cdfs->InitCoeffCdfs(f.hdr.quantization_params.base_q_idx);
  ResetFrameBlockInfo(f.seq, f.hdr, blocks);
  FrameTileDecoder dec(f.seq, f.hdr, *cdfs, blocks, rec);
  TileData t;
  t.bounds = {0, 2, 0, 2};
  t.data = data;
  return dec.DecodeTile(t);
}

std::unique_ptr<CdfContext> TileCdfs() {
  auto c = std::make_unique<CdfContext>();
  c->InitNonCoeffCdfs();
  c->InitCoeffCdfs(100);
  c->InitTileCdfs(*c);
  return c;
}

// The mode info of a skipped single-reference NEWMV block read from LAST_FRAME
// (contexts from 8.3.2 with no neighbours: is_inter ctx 0; single_ref_p1,
// p3, p4 ctx = ref_count_ctx( 0, 0 ) = 1; 7.10.2.14 with no candidates:
// NewMvContext = RefMvContext = 0, ZeroMvContext = 0; interp_filter ctx
// = 0 * 4 + 3 with both neighbour types 3).
TEST(TileParserInter, SkippedNewMvBlock) {
  TinyInterFrame f;
  f.hdr.interpolation_filter = SWITCHABLE;
  auto c = TileCdfs();
  ReferenceRangeEncoder enc;
  enc.EncodeSymbol(PARTITION_NONE, c->partition_w8_cdf[0], 4, true);
  enc.EncodeSymbol(1, c->skip_cdf[0], 2, true);
  enc.EncodeSymbol(1, c->is_inter_cdf[0], 2, true);
  enc.EncodeSymbol(0, c->single_ref_cdf[1][0], 2, true);  // single_ref_p1
  enc.EncodeSymbol(0, c->single_ref_cdf[1][2], 2, true);  // single_ref_p3
  enc.EncodeSymbol(0, c->single_ref_cdf[1][3], 2, true);  // single_ref_p4: LAST
  enc.EncodeSymbol(0, c->new_mv_cdf[0], 2, true);         // NEWMV
  // read_mv( 0 ): PredMv = GlobalMvs[ 0 ] = 0 (7.10.2.12).
  enc.EncodeSymbol(MV_JOINT_HNZVNZ, c->mv_joint_cdf[0], 4, true);
  // Row: negative, class 0, class0_bit 1, class0_fr 2, class0_hp 1:
  // mag = ((1 << 3) | (2 << 1) | 1) + 1 = 14.
  enc.EncodeSymbol(1, c->mv_sign_cdf[0][0], 2, true);
  enc.EncodeSymbol(0, c->mv_class_cdf[0][0], 11, true);
  enc.EncodeSymbol(1, c->mv_class0_bit_cdf[0][0], 2, true);
  enc.EncodeSymbol(2, c->mv_class0_fr_cdf[0][0][1], 4, true);
  enc.EncodeSymbol(1, c->mv_class0_hp_cdf[0][0], 2, true);
  // Col: positive, class 1, mv_bit 1, fr 3, hp 0:
  // mag = (2 << 3) + ((1 << 3) | (3 << 1) | 0) + 1 = 31.
  enc.EncodeSymbol(0, c->mv_sign_cdf[0][1], 2, true);
  enc.EncodeSymbol(1, c->mv_class_cdf[0][1], 11, true);
  enc.EncodeSymbol(1, c->mv_bit_cdf[0][1][0], 2, true);
  enc.EncodeSymbol(3, c->mv_fr_cdf[0][1], 4, true);
  enc.EncodeSymbol(0, c->mv_hp_cdf[0][1], 2, true);
  // interp_filter[ 0 ] = EIGHTTAP_SHARP (no dual filter: [ 1 ] = [ 0 ]).
  enc.EncodeSymbol(EIGHTTAP_SHARP, c->interp_filter_cdf[3], 3, true);
  const std::vector<uint8_t> data = enc.Finish();
  FrameBlockInfo blocks;
  InterRecorder rec;
  const Status st = ParseTinyInter(f, data, &blocks, &rec);
  ASSERT_TRUE(st.ok()) << st.message();
  for (int r = 0; r < 2; ++r) {
    for (int col = 0; col < 2; ++col) {
      const BlockInfo& b = blocks.at(r, col);
      EXPECT_EQ(b.is_inter, 1);
      EXPECT_EQ(b.use_intrabc, 0);
      EXPECT_EQ(b.skip, 1);
      EXPECT_EQ(b.y_mode, NEWMV);
      EXPECT_EQ(b.ref_frame[0], LAST_FRAME);
      EXPECT_EQ(b.ref_frame[1], NONE);
      EXPECT_EQ(b.mv[0].row, -14);
      EXPECT_EQ(b.mv[0].col, 31);
      EXPECT_EQ(b.interp_filter[0], EIGHTTAP_SHARP);
      EXPECT_EQ(b.interp_filter[1], EIGHTTAP_SHARP);
      EXPECT_EQ(b.motion_mode, SIMPLE);
      EXPECT_EQ(b.tx_size, TX_8X8);
    }
  }
  EXPECT_EQ(rec.blocks, 1);
  ASSERT_TRUE(rec.had_inter);
  EXPECT_EQ(rec.inter.compound_type, COMPOUND_AVERAGE);
  EXPECT_EQ(rec.tx_blocks, 1);
}

// A compound LAST + ALTREF block, NEAREST_NEARESTMV, wedge compound
// (comp_mode ctx 1 with no neighbours; comp_ref_type ctx 2; comp_ref,
// comp_ref_p1 and comp_bwdref ctx 1; compound_mode ctx
// Compound_Mode_Ctx_Map[ 0 ][ 0 ] = 0; comp_group_idx ctx 0).
TEST(TileParserInter, CompoundWedgeBlock) {
  TinyInterFrame f;
  f.hdr.reference_select = 1;
  f.seq.enable_masked_compound = 1;
  auto c = TileCdfs();
  ReferenceRangeEncoder enc;
  enc.EncodeSymbol(PARTITION_NONE, c->partition_w8_cdf[0], 4, true);
  enc.EncodeSymbol(1, c->skip_cdf[0], 2, true);
  enc.EncodeSymbol(1, c->is_inter_cdf[0], 2, true);
  enc.EncodeSymbol(1, c->comp_mode_cdf[1], 2, true);      // COMPOUND_REFERENCE
  enc.EncodeSymbol(1, c->comp_ref_type_cdf[2], 2, true);  // BIDIR_COMP_REFERENCE
  enc.EncodeSymbol(0, c->comp_ref_cdf[1][0], 2, true);    // comp_ref
  enc.EncodeSymbol(0, c->comp_ref_cdf[1][1], 2, true);    // comp_ref_p1: LAST
  enc.EncodeSymbol(1, c->comp_bwd_ref_cdf[1][0], 2, true);  // comp_bwdref: ALTREF
  enc.EncodeSymbol(0, c->compound_mode_cdf[0], 8, true);  // NEAREST_NEARESTMV
  enc.EncodeSymbol(1, c->comp_group_idx_cdf[0], 2, true);
  enc.EncodeSymbol(COMPOUND_WEDGE, c->compound_type_cdf[BLOCK_8X8], 2, true);
  enc.EncodeSymbol(5, c->wedge_index_cdf[BLOCK_8X8], 16, true);
  enc.EncodeLiteral(1, 1);  // wedge_sign
  const std::vector<uint8_t> data = enc.Finish();
  FrameBlockInfo blocks;
  InterRecorder rec;
  const Status st = ParseTinyInter(f, data, &blocks, &rec);
  ASSERT_TRUE(st.ok()) << st.message();
  const BlockInfo& b = blocks.at(1, 1);
  EXPECT_EQ(b.y_mode, NEAREST_NEARESTMV);
  EXPECT_EQ(b.ref_frame[0], LAST_FRAME);
  EXPECT_EQ(b.ref_frame[1], ALTREF_FRAME);
  EXPECT_EQ(b.mv[0].row, 0);
  EXPECT_EQ(b.mv[1].col, 0);
  EXPECT_EQ(b.comp_group_idx, 1);
  EXPECT_EQ(b.compound_idx, 1);
  EXPECT_EQ(b.interp_filter[0], EIGHTTAP);
  ASSERT_TRUE(rec.had_inter);
  EXPECT_EQ(rec.inter.compound_type, COMPOUND_WEDGE);
  EXPECT_EQ(rec.inter.wedge_index, 5);
  EXPECT_EQ(rec.inter.wedge_sign, 1);
}

// An intra block of an inter frame: y_mode from YModeCdf[ Size_Group[ 8X8 ] ],
// then (monochrome) no uv_mode, filter intra off in the sequence.
TEST(TileParserInter, IntraBlockInInterFrame) {
  TinyInterFrame f;
  auto c = TileCdfs();
  ReferenceRangeEncoder enc;
  enc.EncodeSymbol(PARTITION_NONE, c->partition_w8_cdf[0], 4, true);
  enc.EncodeSymbol(1, c->skip_cdf[0], 2, true);
  enc.EncodeSymbol(0, c->is_inter_cdf[0], 2, true);
  enc.EncodeSymbol(SMOOTH_PRED, c->y_mode_cdf[Size_Group[BLOCK_8X8]], 13, true);
  const std::vector<uint8_t> data = enc.Finish();
  FrameBlockInfo blocks;
  InterRecorder rec;
  const Status st = ParseTinyInter(f, data, &blocks, &rec);
  ASSERT_TRUE(st.ok()) << st.message();
  const BlockInfo& b = blocks.at(0, 0);
  EXPECT_EQ(b.is_inter, 0);
  EXPECT_EQ(b.y_mode, SMOOTH_PRED);
  EXPECT_EQ(b.ref_frame[0], INTRA_FRAME);
  EXPECT_EQ(b.ref_frame[1], NONE);
  EXPECT_FALSE(rec.had_inter);
}

// A GLOBALMV block with var-tx (TX_MODE_SELECT, not skipped): txfm_split
// of the 8x8 at depth 0 (ctx = 0 * 3 + (TX_SIZES - 1 - TX_8X8) * 6 + 0 + 0
// = 18; both neighbour widths are 64 outside the tile) splits into four
// 4x4 transform blocks read by transform_tree in raster order.  The first
// has one coefficient with an inter transform type (TX_SET_INTER_1,
// InterTxTypeSet1Cdf[ TX_4X4 ], symbol 7 -> DCT_DCT); the all_zero ctx of
// the others follows their neighbours' levels (2, 2, 1).
TEST(TileParserInter, VarTxInterBlockWithCoefficients) {
  TinyInterFrame f;
  f.hdr.TxMode = TX_MODE_SELECT;
  auto c = TileCdfs();
  ReferenceRangeEncoder enc;
  enc.EncodeSymbol(PARTITION_NONE, c->partition_w8_cdf[0], 4, true);
  enc.EncodeSymbol(0, c->skip_cdf[0], 2, true);
  enc.EncodeSymbol(1, c->is_inter_cdf[0], 2, true);
  enc.EncodeSymbol(0, c->single_ref_cdf[1][0], 2, true);
  enc.EncodeSymbol(0, c->single_ref_cdf[1][2], 2, true);
  enc.EncodeSymbol(0, c->single_ref_cdf[1][3], 2, true);
  enc.EncodeSymbol(1, c->new_mv_cdf[0], 2, true);   // not NEWMV
  enc.EncodeSymbol(0, c->zero_mv_cdf[0], 2, true);  // GLOBALMV
  enc.EncodeSymbol(1, c->txfm_split_cdf[18], 2, true);
  // Transform block ( 0, 0 ): all_zero ctx 1 (txSzCtx 0; block 8x8 larger
  // than the transform, empty contexts).
  enc.EncodeSymbol(0, c->txb_skip_cdf[0][1], 2, true);
  enc.EncodeSymbol(7, c->inter_tx_type_set1_cdf[TX_4X4], 16, true);
  enc.EncodeSymbol(0, c->eob_pt_16_cdf[0][0], 5, true);         // eob 1
  enc.EncodeSymbol(0, c->coeff_base_eob_cdf[0][0][0], 3, true);  // level 1
  enc.EncodeSymbol(0, c->dc_sign_cdf[0][0], 2, true);            // positive
  enc.EncodeSymbol(1, c->txb_skip_cdf[0][2], 2, true);  // ( 4, 0 ): left level 1
  enc.EncodeSymbol(1, c->txb_skip_cdf[0][2], 2, true);  // ( 0, 4 ): above level 1
  enc.EncodeSymbol(1, c->txb_skip_cdf[0][1], 2, true);  // ( 4, 4 ): both 0
  const std::vector<uint8_t> data = enc.Finish();
  FrameBlockInfo blocks;
  auto cdfs = std::make_unique<CdfContext>();
  cdfs->InitNonCoeffCdfs();
  cdfs->InitCoeffCdfs(100);
  ResetFrameBlockInfo(f.seq, f.hdr, &blocks);
  Recorder rec;
  FrameTileDecoder dec(f.seq, f.hdr, *cdfs, &blocks, &rec);
  TileData t;
  t.bounds = {0, 2, 0, 2};
  t.data = data;
  const Status st = dec.DecodeTile(t);
  ASSERT_TRUE(st.ok()) << st.message();
  const BlockInfo& b = blocks.at(0, 0);
  EXPECT_EQ(b.y_mode, GLOBALMV);
  EXPECT_EQ(b.skip, 0);
  EXPECT_EQ(b.tx_size, TX_4X4);
  for (int r = 0; r < 2; ++r) {
    for (int col = 0; col < 2; ++col) EXPECT_EQ(blocks.at(r, col).inter_tx_size, TX_4X4);
  }
  ASSERT_EQ(rec.tx.size(), 4u);
  const int xs[4] = {0, 4, 0, 4}, ys[4] = {0, 0, 4, 4};
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(rec.tx[i].start_x, xs[i]) << i;
    EXPECT_EQ(rec.tx[i].start_y, ys[i]) << i;
    EXPECT_EQ(rec.tx[i].tx_size, TX_4X4) << i;
    EXPECT_EQ(rec.tx[i].eob, i == 0 ? 1 : 0) << i;
  }
  EXPECT_EQ(rec.tx[0].tx_type, DCT_DCT);
  EXPECT_EQ(rec.quant[0][0], 1);
}

// Segmentation with temporal prediction (SegIdPreSkip 0): inter_segment_id
// ( 1 ) sets segment_id 0 without reading; after skip (0), seg_id_predicted
// (ctx = LeftSegPredContext + AboveSegPredContext = 0) = 1 takes
// get_segment_id( ) = the smallest PrevSegmentIds value under the block.
TEST(TileParserInter, TemporallyPredictedSegmentId) {
  TinyInterFrame f;
  SegmentationParams& seg = f.hdr.segmentation_params;
  seg.segmentation_enabled = 1;
  seg.segmentation_update_map = 1;
  seg.segmentation_temporal_update = 1;
  seg.LastActiveSegId = 7;
  const uint8_t prev_seg[4] = {6, 3, 5, 4};
  InterFrameInputs inputs;
  inputs.prev_segment_ids = prev_seg;
  auto c = TileCdfs();
  ReferenceRangeEncoder enc;
  enc.EncodeSymbol(PARTITION_NONE, c->partition_w8_cdf[0], 4, true);
  enc.EncodeSymbol(0, c->skip_cdf[0], 2, true);
  enc.EncodeSymbol(1, c->segment_id_predicted_cdf[0], 2, true);
  enc.EncodeSymbol(0, c->is_inter_cdf[0], 2, true);
  enc.EncodeSymbol(DC_PRED, c->y_mode_cdf[Size_Group[BLOCK_8X8]], 13, true);
  // One all-zero 8x8 transform block (all_zero ctx 0, txSzCtx 1).
  enc.EncodeSymbol(1, c->txb_skip_cdf[1][0], 2, true);
  const std::vector<uint8_t> data = enc.Finish();
  FrameBlockInfo blocks;
  auto cdfs = std::make_unique<CdfContext>();
  cdfs->InitNonCoeffCdfs();
  cdfs->InitCoeffCdfs(100);
  ResetFrameBlockInfo(f.seq, f.hdr, &blocks);
  FrameTileDecoder dec(f.seq, f.hdr, *cdfs, &blocks, nullptr, inputs);
  TileData t;
  t.bounds = {0, 2, 0, 2};
  t.data = data;
  const Status st = dec.DecodeTile(t);
  ASSERT_TRUE(st.ok()) << st.message();
  for (int r = 0; r < 2; ++r) {
    for (int col = 0; col < 2; ++col) EXPECT_EQ(blocks.at(r, col).segment_id, 3);
  }
}

// A NEWMV difference that takes the motion vector to 1 << 14 breaks the
// is_mv_valid requirement (6.10.25): InvalidData.
TEST(TileParserInter, MotionVectorOutOfRangeIsInvalidData) {
  TinyInterFrame f;
  auto c = TileCdfs();
  ReferenceRangeEncoder enc;
  enc.EncodeSymbol(PARTITION_NONE, c->partition_w8_cdf[0], 4, true);
  enc.EncodeSymbol(1, c->skip_cdf[0], 2, true);
  enc.EncodeSymbol(1, c->is_inter_cdf[0], 2, true);
  enc.EncodeSymbol(0, c->single_ref_cdf[1][0], 2, true);
  enc.EncodeSymbol(0, c->single_ref_cdf[1][2], 2, true);
  enc.EncodeSymbol(0, c->single_ref_cdf[1][3], 2, true);
  enc.EncodeSymbol(0, c->new_mv_cdf[0], 2, true);
  enc.EncodeSymbol(MV_JOINT_HZVNZ, c->mv_joint_cdf[0], 4, true);
  // Class 10 with every bit set: mag = (2 << 12) + ((1023 << 3) | 7) + 1
  // = 16384.
  enc.EncodeSymbol(0, c->mv_sign_cdf[0][0], 2, true);
  enc.EncodeSymbol(10, c->mv_class_cdf[0][0], 11, true);
  for (int i = 0; i < 10; ++i) enc.EncodeSymbol(1, c->mv_bit_cdf[0][0][i], 2, true);
  enc.EncodeSymbol(3, c->mv_fr_cdf[0][0], 4, true);
  enc.EncodeSymbol(1, c->mv_hp_cdf[0][0], 2, true);
  const std::vector<uint8_t> data = enc.Finish();
  FrameBlockInfo blocks;
  InterRecorder rec;
  const Status st = ParseTinyInter(f, data, &blocks, &rec);
  EXPECT_FALSE(st.ok());
  EXPECT_EQ(st.code(), HAV1_ERR_INVALID_DATA);
}

TEST(TileParser, GarbageEndsInAnErrorNotACrash) {
  TinyFrame f;
  f.hdr.MiRows = f.hdr.MiCols = 64;  // 256x256
  f.hdr.FrameWidth = f.hdr.FrameHeight = f.hdr.UpscaledWidth = 256;
  f.hdr.tile_info.MiColStarts[1] = 64;
  f.hdr.tile_info.MiRowStarts[1] = 64;
  f.hdr.TxMode = TX_MODE_SELECT;
  f.hdr.allow_screen_content_tools = 1;
  uint32_t x = 12345;
  int failures = 0;
  for (int trial = 0; trial < 50; ++trial) {
    std::vector<uint8_t> data(1 + trial * 7);
    for (auto& b : data) {
      x = x * 1103515245u + 12345u;
      b = static_cast<uint8_t>(x >> 24);
    }
    auto cdfs = std::make_unique<CdfContext>();
    cdfs->InitNonCoeffCdfs();
    cdfs->InitCoeffCdfs(100);
    FrameBlockInfo blocks;
    ResetFrameBlockInfo(f.seq, f.hdr, &blocks);
    FrameTileDecoder dec(f.seq, f.hdr, *cdfs, &blocks, nullptr);
    TileData t;
    t.bounds = {0, 64, 0, 64};
    t.data = data;
    failures += !dec.DecodeTile(t).ok();
  }
  EXPECT_GE(failures, 45);
}

// Garbage in inter frames with every inter tool switched on (segmentation
// with temporal prediction, compound, switchable and dual filters, warped
// and switchable motion, skip mode) must end in an error, never a crash.
TEST(TileParserInter, GarbageEndsInAnErrorNotACrash) {
  TinyInterFrame f;
  f.hdr.MiRows = f.hdr.MiCols = 64;
  f.hdr.FrameWidth = f.hdr.FrameHeight = f.hdr.UpscaledWidth = 256;
  f.hdr.tile_info.MiColStarts[1] = 64;
  f.hdr.tile_info.MiRowStarts[1] = 64;
  f.hdr.TxMode = TX_MODE_SELECT;
  f.hdr.reference_select = 1;
  f.hdr.skip_mode_present = 1;
  f.hdr.SkipModeFrame[0] = LAST_FRAME;
  f.hdr.SkipModeFrame[1] = ALTREF_FRAME;
  f.hdr.interpolation_filter = SWITCHABLE;
  f.hdr.is_motion_mode_switchable = 1;
  f.hdr.allow_warped_motion = 1;
  f.hdr.allow_screen_content_tools = 1;
  SegmentationParams& seg = f.hdr.segmentation_params;
  seg.segmentation_enabled = 1;
  seg.segmentation_update_map = 1;
  seg.segmentation_temporal_update = 1;
  seg.LastActiveSegId = 7;
  seg.FeatureEnabled[3][SEG_LVL_REF_FRAME] = 1;
  seg.FeatureData[3][SEG_LVL_REF_FRAME] = GOLDEN_FRAME;
  seg.FeatureEnabled[5][SEG_LVL_GLOBALMV] = 1;
  f.seq.enable_dual_filter = 1;
  f.seq.enable_masked_compound = 1;
  f.seq.enable_jnt_comp = 1;
  f.seq.enable_order_hint = 1;
  f.seq.order_hint_bits_minus_1 = 6;
  f.seq.OrderHintBits = 7;
  f.seq.enable_interintra_compound = 1;
  f.seq.enable_filter_intra = 1;
  std::vector<uint8_t> prev_seg(64 * 64);
  for (size_t i = 0; i < prev_seg.size(); ++i) prev_seg[i] = static_cast<uint8_t>(i * 7 % 8);
  InterFrameInputs inputs;
  inputs.prev_segment_ids = prev_seg.data();
  inputs.ref_is_scaled[GOLDEN_FRAME] = true;
  uint32_t x = 777;
  int failures = 0;
  for (int trial = 0; trial < 50; ++trial) {
    std::vector<uint8_t> data(1 + trial * 13);
    for (auto& b : data) {
      x = x * 1103515245u + 12345u;
      b = static_cast<uint8_t>(x >> 24);
    }
    auto cdfs = std::make_unique<CdfContext>();
    cdfs->InitNonCoeffCdfs();
    cdfs->InitCoeffCdfs(100);
    FrameBlockInfo blocks;
    ResetFrameBlockInfo(f.seq, f.hdr, &blocks);
    FrameTileDecoder dec(f.seq, f.hdr, *cdfs, &blocks, nullptr, inputs);
    TileData t;
    t.bounds = {0, 64, 0, 64};
    t.data = data;
    failures += !dec.DecodeTile(t).ok();
  }
  EXPECT_GE(failures, 45);
}

}  // namespace
}  // namespace hav1::tile
