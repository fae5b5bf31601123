// 7.17 loop restoration process: restoration units, 64-row stripes offset by
// 8 luma rows, and 7.17.6 get source sample (CDEF output inside the stripe,
// deblocked pre-CDEF rows above / below it).  Kernels do 7.17.2 - 7.17.4.
#include <algorithm>
#include <vector>

#include "src/common/intops.h"
#include "src/postfilter/inloop_filter.h"
#include "src/tile/tile_constants.h"

namespace hav1::postfilter {
namespace {

// count_units_in_frame() of 5.9.20 / 7.17.1.
int CountUnitsInFrame(int unit_size, int frame_size) {
  return std::max((frame_size + (unit_size >> 1)) / unit_size, 1);
}

}  // namespace

template <typename Pixel>
void SaveStripeBoundaries(const PlaneView<Pixel>& plane, int plane_h, int sub_y, int copy_w,
                          int alloc_w, StripeBoundaryRows<Pixel>* out) {
  out->sub_y = sub_y;
  out->width = alloc_w;
  int k = 1;
  while (StripeBoundaryY(k, sub_y) - 2 < plane_h) k++;
  out->num_boundaries = k - 1;
  out->rows.assign(static_cast<size_t>(out->num_boundaries) * 4 * alloc_w, 0);
  const int w = std::min({copy_w, alloc_w, plane.width});
  for (k = 1; k <= out->num_boundaries; k++) {
    const int b = StripeBoundaryY(k, sub_y);
    for (int i = 0; i < 4; i++) {
      const int y = std::clamp(b - 2 + i, 0, std::min(plane_h, plane.height) - 1);
      std::copy(plane.row(y), plane.row(y) + w, out->row(k, i));
    }
  }
}

// 7.17.1 loop restore block process over whole stripe pieces of at most
// kLrMaxBlock x kLrMaxBlock samples inside one unit (the spec notes larger
// blocks give the same output as its 4x4 loop inside one unit and stripe).
template <typename Pixel>
Status LoopRestoreStripes(const PlaneView<Pixel>& plane, int plane_index,
                          const FrameHeader& fh, int sub_x, int sub_y,
                          const StripeBoundaryRows<Pixel>& boundaries,
                          const tile::FrameBlockInfo& blocks,
                          const LoopRestorationTable<Pixel>& table, int bitdepth,
                          int stripe_begin, int stripe_end) {
  const int unit_size = fh.lr_params.LoopRestorationSize[plane_index];
  if (unit_size <= 0) return InvalidArgument("loop restoration: bad unit size");
  const int plane_w = Round2(fh.UpscaledWidth, sub_x);
  const int plane_h = Round2(fh.FrameHeight, sub_y);
  if (plane_w <= 0 || plane_h <= 0) return Status::Ok();
  if (plane.width < plane_w || plane.height < plane_h) {
    return InvalidArgument("loop restoration: plane smaller than the frame");
  }
  const int unit_rows = CountUnitsInFrame(unit_size, plane_h);
  const int unit_cols = CountUnitsInFrame(unit_size, plane_w);
  if (blocks.lr_rows(plane_index) < unit_rows || blocks.lr_cols(plane_index) < unit_cols) {
    return InvalidArgument("loop restoration: unit arrays smaller than the frame's units");
  }
  auto& lr_blocks = const_cast<tile::FrameBlockInfo&>(blocks);  // lr() is non-const
  const int plane_end_x = plane_w - 1;  // PlaneEndX
  const int plane_end_y = plane_h - 1;  // PlaneEndY

  // UpscaledCdefFrame rows of the current stripe: a copy (LrFrame is written
  // in place, and a stripe reads no CDEF output outside itself).
  const ptrdiff_t cstride = plane_w;
  std::vector<Pixel> cdef(static_cast<size_t>(plane_w) * (64 >> sub_y));
  constexpr int kPad = kLrMaxBlock + 2 * kLrBorder;
  std::vector<Pixel> padded(static_cast<size_t>(kPad) * kPad);

  for (int stripe = std::max(0, stripe_begin); stripe < stripe_end; stripe++) {
    const int stripe_start = (-8 + stripe * 64) >> sub_y;  // StripeStartY
    const int stripe_end_y = stripe_start + (64 >> sub_y) - 1;  // StripeEndY
    const int y0 = std::max(0, stripe_start);
    if (y0 > plane_end_y) break;
    const int y1 = std::min(stripe_end_y, plane_end_y);
    for (int y = y0; y <= y1; y++) {
      std::copy(plane.row(y), plane.row(y) + plane_w, cdef.begin() + (y - y0) * cstride);
    }
    const int luma_y = std::max(0, stripe * 64 - 8);
    const int unit_row = std::min(unit_rows - 1, ((luma_y + 8) >> sub_y) / unit_size);
    // 7.17.6 get source sample for plane row y (already clamped to the plane).
    auto source_row = [&](int y) -> const Pixel* {
      if (y < stripe_start) {
        y = std::max(stripe_start - 2, y);
        const int i = y - stripe_start + 2;  // 0 or 1 of boundary `stripe`
        if (stripe < 1 || stripe > boundaries.num_boundaries) return nullptr;
        return boundaries.row(stripe, i);
      }
      if (y > stripe_end_y) {
        y = std::min(stripe_end_y + 2, y);
        const int i = y - (stripe_end_y + 1) + 2;  // 2 or 3 of boundary stripe + 1
        if (stripe + 1 > boundaries.num_boundaries) return nullptr;
        return boundaries.row(stripe + 1, i);
      }
      return cdef.data() + (y - y0) * cstride;
    };
    for (int x0 = 0; x0 <= plane_end_x;) {
      const int unit_col = std::min(unit_cols - 1, x0 / unit_size);
      int x1 = std::min(x0 + kLrMaxBlock, plane_end_x + 1);
      if (unit_col < unit_cols - 1) x1 = std::min(x1, (unit_col + 1) * unit_size);
      const tile::LrUnit& unit = lr_blocks.lr(plane_index, unit_row, unit_col);
      const int w = x1 - x0;
      for (int ys = y0; ys <= y1; ys += kLrMaxBlock) {
        const int h = std::min(kLrMaxBlock, y1 - ys + 1);
        if (unit.type != RESTORE_WIENER && unit.type != RESTORE_SGRPROJ) continue;
        // Gather the padded source block.
        for (int i = -kLrBorder; i < h + kLrBorder; i++) {
          const int sy = std::clamp(ys + i, 0, plane_end_y);
          const Pixel* srow = source_row(sy);
          if (srow == nullptr) return InvalidArgument("loop restoration: missing stripe rows");
          Pixel* drow = padded.data() + (i + kLrBorder) * kPad + kLrBorder;
          for (int j = -kLrBorder; j < w + kLrBorder; j++) {
            drow[j] = srow[std::clamp(x0 + j, 0, plane_end_x)];
          }
        }
        const Pixel* src = padded.data() + kLrBorder * kPad + kLrBorder;
        Pixel* dst = plane.row(ys) + x0;
        if (unit.type == RESTORE_WIENER) {
          int16_t vfilter[7], hfilter[7];
          WienerCoefficients(unit.wiener[0], vfilter);
          WienerCoefficients(unit.wiener[1], hfilter);
          table.wiener(dst, plane.stride, src, kPad, w, h, hfilter, vfilter, bitdepth);
        } else {
          if (unit.sgr_set >= 16) continue;
          table.sgr(dst, plane.stride, src, kPad, w, h, unit.sgr_set, unit.sgr_xqd[0],
                    unit.sgr_xqd[1], bitdepth);
        }
      }
      x0 = x1;
    }
  }
  return Status::Ok();
}

template <typename Pixel>
Status LoopRestorePlane(const PlaneView<Pixel>& plane, int plane_index, const FrameHeader& fh,
                        int sub_x, int sub_y, const StripeBoundaryRows<Pixel>& boundaries,
                        const tile::FrameBlockInfo& blocks,
                        const LoopRestorationTable<Pixel>& table, int bitdepth) {
  return LoopRestoreStripes(plane, plane_index, fh, sub_x, sub_y, boundaries, blocks, table,
                            bitdepth, 0, LoopRestorationStripeCount(fh, sub_y));
}

int LoopRestorationStripeCount(const FrameHeader& fh, int sub_y) {
  const int plane_h = Round2(fh.FrameHeight, sub_y);
  int n = 0;
  while (std::max(0, (-8 + n * 64) >> sub_y) < plane_h) n++;
  return n;
}

template Status LoopRestoreStripes<uint8_t>(const PlaneView<uint8_t>&, int, const FrameHeader&,
                                            int, int, const StripeBoundaryRows<uint8_t>&,
                                            const tile::FrameBlockInfo&,
                                            const LoopRestorationTable<uint8_t>&, int, int, int);
template Status LoopRestoreStripes<uint16_t>(const PlaneView<uint16_t>&, int,
                                             const FrameHeader&, int, int,
                                             const StripeBoundaryRows<uint16_t>&,
                                             const tile::FrameBlockInfo&,
                                             const LoopRestorationTable<uint16_t>&, int, int,
                                             int);
template void SaveStripeBoundaries<uint8_t>(const PlaneView<uint8_t>&, int, int, int, int,
                                            StripeBoundaryRows<uint8_t>*);
template void SaveStripeBoundaries<uint16_t>(const PlaneView<uint16_t>&, int, int, int, int,
                                             StripeBoundaryRows<uint16_t>*);
template Status LoopRestorePlane<uint8_t>(const PlaneView<uint8_t>&, int, const FrameHeader&,
                                          int, int, const StripeBoundaryRows<uint8_t>&,
                                          const tile::FrameBlockInfo&,
                                          const LoopRestorationTable<uint8_t>&, int);
template Status LoopRestorePlane<uint16_t>(const PlaneView<uint16_t>&, int, const FrameHeader&,
                                           int, int, const StripeBoundaryRows<uint16_t>&,
                                           const tile::FrameBlockInfo&,
                                           const LoopRestorationTable<uint16_t>&, int);

}  // namespace hav1::postfilter
