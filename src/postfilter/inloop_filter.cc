// decode_frame_wrapup steps 1-5 (spec 7.4): deblock -> CDEF -> superres ->
// loop restoration, over the frame's planes.
#include "src/postfilter/inloop_filter.h"

#include <algorithm>
#include <vector>

#include "hav1/hav1.h"
#include "src/common/intops.h"
#include "src/threading/thread_pool.h"
#include "src/tile/tile_constants.h"

namespace hav1::postfilter {
namespace {

bool CdefHasWork(const FrameHeader& fh, int num_planes) {
  const CdefParams& cp = fh.cdef_params;
  for (int i = 0; i < (1 << cp.cdef_bits) && i < 8; i++) {
    if (cp.cdef_y_pri_strength[i] || cp.cdef_y_sec_strength[i]) return true;
    if (num_planes > 1 && (cp.cdef_uv_pri_strength[i] || cp.cdef_uv_sec_strength[i])) {
      return true;
    }
  }
  return false;
}

// Runs fn(0) .. fn(count - 1), on the pool's threads when there is one.
template <typename Fn>
void ForEach(ThreadPool* pool, int count, const Fn& fn) {
  if (pool == nullptr || pool->num_threads() <= 1 || count <= 1) {
    for (int i = 0; i < count; i++) fn(i);
  } else {
    pool->ParallelFor(count, fn);
  }
}

// Mode info rows per band of the threaded passes: 64 luma rows, the CDEF
// block height, even as DeblockRows requires.
constexpr int kBandMiRows = 16;

template <typename Pixel>
Status Apply(const PlaneView<Pixel> planes[3], const FrameHeader& fh, const SequenceHeader& seq,
             const tile::FrameBlockInfo& blocks, const LoopFilterTable<Pixel>& lf,
             const CdefTable<Pixel>& cdef, SuperresRowFn<Pixel> superres,
             const LoopRestorationTable<Pixel>& lr, int mask, ThreadPool* pool) {
  const ColorConfig& cc = seq.color_config;
  const int num_planes = std::clamp(cc.NumPlanes, 1, 3);
  if (cc.BitDepth < 8 || cc.BitDepth > 12) return InvalidArgument("in-loop filters: bit depth");
  if (fh.MiRows > blocks.mi_rows() || fh.MiCols > blocks.mi_cols()) {
    return InvalidArgument("in-loop filters: block info smaller than the frame");
  }
  const bool superres_on = fh.use_superres && fh.UpscaledWidth != fh.FrameWidth;
  const int bands = (fh.MiRows + kBandMiRows - 1) / kBandMiRows;
  const auto band_end = [&](int i) { return std::min(fh.MiRows, (i + 1) * kBandMiRows); };
  for (int p = 0; p < num_planes; p++) {
    const int sub_x = p ? cc.subsampling_x : 0, sub_y = p ? cc.subsampling_y : 0;
    const int need_w = std::max((fh.MiCols * tile::MI_SIZE) >> sub_x,
                                Round2(fh.UpscaledWidth, sub_x));
    const int need_h = (fh.MiRows * tile::MI_SIZE) >> sub_y;
    if (planes[p].data == nullptr || planes[p].width < need_w || planes[p].height < need_h) {
      return InvalidArgument("in-loop filters: plane smaller than the decoded frame");
    }
  }
  // 1. Loop filter (7.14).
  const LoopFilterParams& lfp = fh.loop_filter_params;
  if ((mask & HAV1_INLOOPFILTER_DEBLOCK) &&
      (lfp.loop_filter_level[0] != 0 || lfp.loop_filter_level[1] != 0)) {
    // All vertical edges first, then all horizontal ones (7.14.1).
    for (int pass = 0; pass < 2; pass++) {
      ForEach(pool, bands, [&](int i) {
        DeblockRows(planes, fh, seq, blocks, lf, pass, i * kBandMiRows, band_end(i));
      });
    }
  }
  // Loop restoration reads deblocked, pre-CDEF rows around its stripes.
  const bool do_lr = (mask & HAV1_INLOOPFILTER_RESTORATION) && fh.lr_params.UsesLr;
  StripeBoundaryRows<Pixel> boundaries[3];
  if (do_lr) {
    for (int p = 0; p < num_planes; p++) {
      if (fh.lr_params.FrameRestorationType[p] == RESTORE_NONE) continue;
      const int sub_x = p ? cc.subsampling_x : 0, sub_y = p ? cc.subsampling_y : 0;
      const int decoded_w = (fh.MiCols * tile::MI_SIZE) >> sub_x;
      const int alloc_w = std::max(decoded_w, Round2(fh.UpscaledWidth, sub_x));
      SaveStripeBoundaries(planes[p], Round2(fh.FrameHeight, sub_y), sub_y, decoded_w, alloc_w,
                           &boundaries[p]);
    }
  }
  // 2. CDEF (7.15).
  if ((mask & HAV1_INLOOPFILTER_CDEF) && seq.enable_cdef && CdefHasWork(fh, num_planes)) {
    const CdefFrameFilter<Pixel> filter(planes, fh, seq, blocks);
    ForEach(pool, bands,
            [&](int i) { filter.FilterRows(cdef, i * kBandMiRows, band_end(i)); });
  }
  // 3. / 4. Upscaling of CdefFrame and of the (saved rows of) CurrFrame (7.16).
  if (superres_on) {
    for (int p = 0; p < num_planes; p++) {
      const int sub_x = p ? cc.subsampling_x : 0, sub_y = p ? cc.subsampling_y : 0;
      const SuperresPlaneParams sp = ComputeSuperresParams(fh, sub_x);
      SuperresPlane(planes[p], Round2(fh.FrameHeight, sub_y), sp, superres, cc.BitDepth);
      StripeBoundaryRows<Pixel>& b = boundaries[p];
      if (b.num_boundaries > 0) {
        const PlaneView<Pixel> rows{b.rows.data(), b.width, b.width, b.num_boundaries * 4};
        SuperresPlane(rows, rows.height, sp, superres, cc.BitDepth);
      }
    }
  }
  // 5. Loop restoration (7.17).
  if (do_lr) {
    for (int p = 0; p < num_planes; p++) {
      if (fh.lr_params.FrameRestorationType[p] == RESTORE_NONE) continue;
      const int sub_x = p ? cc.subsampling_x : 0, sub_y = p ? cc.subsampling_y : 0;
      const int stripes = LoopRestorationStripeCount(fh, sub_y);
      std::vector<Status> status(static_cast<size_t>(std::max(stripes, 0)));
      ForEach(pool, stripes, [&](int k) {
        status[k] = LoopRestoreStripes(planes[p], p, fh, sub_x, sub_y, boundaries[p], blocks, lr,
                                       cc.BitDepth, k, k + 1);
      });
      for (const Status& st : status) HAV1_RETURN_IF_ERROR(st);
    }
  }
  return Status::Ok();
}

}  // namespace

Status ApplyInloopFilters(const FramePlanes& planes, const FrameHeader& fh,
                          const SequenceHeader& seq, const tile::FrameBlockInfo& blocks,
                          const DspTables& dsp, int filter_mask, ThreadPool* pool) {
  if (planes.high_bitdepth) {
    return Apply(planes.p16, fh, seq, blocks, dsp.loopfilter.highbd, dsp.cdef.highbd,
                 dsp.superres.highbd, dsp.looprestoration.highbd, filter_mask, pool);
  }
  return Apply(planes.p8, fh, seq, blocks, dsp.loopfilter.lowbd, dsp.cdef.lowbd,
               dsp.superres.lowbd, dsp.looprestoration.lowbd, filter_mask, pool);
}

}  // namespace hav1::postfilter
