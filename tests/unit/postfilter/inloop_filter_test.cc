// ApplyInloopFilters: argument checks, the settings mask, and the extreme
// sample values at 8/10/12 bits through every stage.
#include <cstdint>
#include <random>
#include <vector>

#include "gtest/gtest.h"
#include "hav1/hav1.h"
#include "src/dsp/dsp.h"
#include "src/postfilter/inloop_filter.h"

namespace hav1 {
namespace {

struct TestFrame {
  SequenceHeader seq;
  FrameHeader fh;
  tile::FrameBlockInfo blocks;
  DspTables dsp;
  std::vector<uint16_t> store[3];
  postfilter::FramePlanes planes;

  TestFrame(int w, int h, int bd) {
    seq.color_config.BitDepth = bd;
    seq.color_config.NumPlanes = 3;
    seq.enable_cdef = 1;
    fh.FrameWidth = fh.UpscaledWidth = w;
    fh.FrameHeight = h;
    fh.MiCols = 2 * ((w + 7) >> 3);
    fh.MiRows = 2 * ((h + 7) >> 3);
    for (int i = 0; i < 4; i++) fh.loop_filter_params.loop_filter_level[i] = 40;
    fh.cdef_params.cdef_y_pri_strength[0] = 15;
    fh.cdef_params.cdef_y_sec_strength[0] = 4;
    fh.cdef_params.cdef_uv_pri_strength[0] = 7;
    fh.cdef_params.cdef_uv_sec_strength[0] = 2;
    fh.lr_params.UsesLr = 1;
    for (int p = 0; p < 3; p++) {
      fh.lr_params.FrameRestorationType[p] = 3;  // RESTORE_SWITCHABLE
      fh.lr_params.LoopRestorationSize[p] = 64;
    }
    const int units[3] = {8, 8, 8};
    blocks.Reset(fh.MiRows, fh.MiCols, false, 3, units, units);
    for (int r = 0; r < fh.MiRows; r++)
      for (int c = 0; c < fh.MiCols; c++) {
        tile::BlockInfo& b = blocks.at(r, c);
        b.mi_size = 3;  // BLOCK_8X8
        b.lf_tx_size[0] = 1;  // TX_8X8
        b.lf_tx_size[1] = b.lf_tx_size[2] = 0;
      }
    for (int r = 0; r < blocks.cdef_rows(); r++)
      for (int c = 0; c < blocks.cdef_cols(); c++) blocks.cdef_idx(r, c) = 0;
    for (int p = 0; p < 3; p++)
      for (int r = 0; r < blocks.lr_rows(p); r++)
        for (int c = 0; c < blocks.lr_cols(p); c++) {
          tile::LrUnit& u = blocks.lr(p, r, c);
          u.type = static_cast<uint8_t>(1 + (r + c) % 2);
          u.wiener[0][1] = u.wiener[1][1] = -10;
          u.wiener[0][2] = u.wiener[1][2] = 30;
          u.sgr_set = static_cast<uint8_t>((r * 3 + c) % 16);
          u.sgr_xqd[0] = -20;
          u.sgr_xqd[1] = 40;
        }
    FillLoopFilterTablesRef(&dsp.loopfilter);
    FillCdefTablesRef(&dsp.cdef);
    FillSuperresTablesRef(&dsp.superres);
    FillLoopRestorationTablesRef(&dsp.looprestoration);
    planes.high_bitdepth = true;
    for (int p = 0; p < 3; p++) {
      const int pw = p ? fh.MiCols * 2 : fh.MiCols * 4, ph = p ? fh.MiRows * 2 : fh.MiRows * 4;
      store[p].assign(static_cast<size_t>(pw + 32) * (ph + 32), 0xBEEF);
      planes.p16[p] = {store[p].data() + 16 * (pw + 32) + 16, pw + 32, pw, ph};
    }
  }
  template <typename F>
  void Fill(F f) {
    for (int p = 0; p < 3; p++)
      for (int y = 0; y < planes.p16[p].height; y++)
        for (int x = 0; x < planes.p16[p].width; x++) planes.p16[p].row(y)[x] = static_cast<uint16_t>(f(p, y, x));
  }
  bool GuardsIntact() const {
    for (int p = 0; p < 3; p++) {
      const auto& v = planes.p16[p];
      for (int y = -16; y < v.height + 16; y++)
        for (int x = -16; x < v.width + 16; x++) {
          const bool in = y >= 0 && y < v.height && x >= 0 && x < v.width;
          if (!in && v.row(y)[x] != 0xBEEF) return false;
        }
    }
    return true;
  }
};

TEST(ApplyInloopFilters, RejectsTooSmallPlanes) {
  TestFrame t(64, 64, 10);
  t.planes.p16[1].width = 8;
  EXPECT_FALSE(postfilter::ApplyInloopFilters(t.planes, t.fh, t.seq, t.blocks, t.dsp,
                                              HAV1_INLOOPFILTER_ALL).ok());
}

TEST(ApplyInloopFilters, MaskNoneLeavesFrameAlone) {
  TestFrame t(100, 70, 10);
  std::mt19937 rng(1);
  t.Fill([&](int, int, int) { return rng() % 1024; });
  std::vector<uint16_t> before[3] = {t.store[0], t.store[1], t.store[2]};
  ASSERT_TRUE(postfilter::ApplyInloopFilters(t.planes, t.fh, t.seq, t.blocks, t.dsp,
                                             HAV1_INLOOPFILTER_NONE).ok());
  for (int p = 0; p < 3; p++) EXPECT_EQ(before[p], t.store[p]);
}

TEST(ApplyInloopFilters, ExtremesStayInRangeAndInsideThePlanes) {
  for (int bd : {8, 10, 12}) {
    TestFrame t(136, 150, bd);
    t.planes.high_bitdepth = true;  // 8-bit content in 16-bit storage is fine for range checks
    const int maxv = (1 << bd) - 1;
    std::mt19937 rng(bd);
    // Blocks of 0 / max and alternating columns: every filter saturates somewhere.
    t.Fill([&](int, int y, int x) {
      const int k = ((x >> 3) + (y >> 3)) % 3;
      return k == 0 ? 0 : k == 1 ? maxv : ((x & 1) ? maxv : 0);
    });
    if (bd == 8) {
      // Use the 8-bit table types too: run the lowbd path on a copy.
      std::vector<uint8_t> s8[3];
      postfilter::FramePlanes p8;
      for (int p = 0; p < 3; p++) {
        const auto& v = t.planes.p16[p];
        s8[p].resize(static_cast<size_t>(v.width) * v.height);
        for (int y = 0; y < v.height; y++)
          for (int x = 0; x < v.width; x++) s8[p][y * v.width + x] = static_cast<uint8_t>(v.row(y)[x]);
        p8.p8[p] = {s8[p].data(), v.width, v.width, v.height};
      }
      ASSERT_TRUE(postfilter::ApplyInloopFilters(p8, t.fh, t.seq, t.blocks, t.dsp,
                                                 HAV1_INLOOPFILTER_ALL).ok());
      // Same result as the 16-bit path on the same 8-bit values.
      ASSERT_TRUE(postfilter::ApplyInloopFilters(t.planes, t.fh, t.seq, t.blocks, t.dsp,
                                                 HAV1_INLOOPFILTER_ALL).ok());
      for (int p = 0; p < 3; p++) {
        const auto& v = t.planes.p16[p];
        for (int y = 0; y < v.height; y++)
          for (int x = 0; x < v.width; x++)
            ASSERT_EQ(s8[p][y * v.width + x], v.row(y)[x]) << "p " << p << " y " << y << " x " << x;
      }
    } else {
      ASSERT_TRUE(postfilter::ApplyInloopFilters(t.planes, t.fh, t.seq, t.blocks, t.dsp,
                                                 HAV1_INLOOPFILTER_ALL).ok());
    }
    EXPECT_TRUE(t.GuardsIntact()) << "bd " << bd;
    for (int p = 0; p < 3; p++) {
      const auto& v = t.planes.p16[p];
      for (int y = 0; y < v.height; y++)
        for (int x = 0; x < v.width; x++) ASSERT_LE(v.row(y)[x], maxv);
    }
  }
}

}  // namespace
}  // namespace hav1
