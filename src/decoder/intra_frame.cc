// Intra frame decoding: tile groups -> tile parser -> intra reconstruction
// -> picture.
#include "src/decoder/intra_frame.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <type_traits>
#include <vector>

#include "src/entropy/cdf_context.h"
#include "src/postfilter/inloop_filter.h"
#include "src/recon/intra_recon.h"
#include "src/recon/recon_frame.h"
#include "src/tile/block_info.h"
#include "src/tile/tile_group.h"

namespace hav1 {
namespace {

Hav1PixelLayout LayoutOf(const ColorConfig& cc) {
  if (cc.mono_chrome) return HAV1_PIXEL_LAYOUT_I400;
  if (cc.subsampling_x && cc.subsampling_y) return HAV1_PIXEL_LAYOUT_I420;
  if (cc.subsampling_x) return HAV1_PIXEL_LAYOUT_I422;
  return HAV1_PIXEL_LAYOUT_I444;
}

template <typename Pixel>
postfilter::FramePlanes PlaneViews(recon::ReconFrame<Pixel>* rf) {
  postfilter::FramePlanes fp;
  fp.high_bitdepth = !std::is_same_v<Pixel, uint8_t>;
  for (int p = 0; p < rf->num_planes(); ++p) {
    recon::ReconPlane<Pixel>& pl = rf->plane(p);
    postfilter::PlaneView<Pixel> v;
    v.data = pl.data.data();
    v.stride = pl.stride;
    v.width = pl.width;
    v.height = pl.height;
    if constexpr (std::is_same_v<Pixel, uint8_t>) {
      fp.p8[p] = v;
    } else {
      fp.p16[p] = v;
    }
  }
  return fp;
}

template <typename Pixel>
Status DecodeIntraFrameT(const Hav1Settings& settings, const ParsedFrame& frame,
                         const DspTables& tables, ThreadPool& pool, PictureAllocator& allocator,
                         std::shared_ptr<DecodedPicture>* out) {
  const SequenceHeader& seq = *frame.seq;
  const FrameHeader& hdr = *frame.hdr;
  const ColorConfig& cc = seq.color_config;

  // Intra frames use primary_ref_frame == PRIMARY_REF_NONE: default CDFs.
  auto frame_cdfs = std::make_unique<CdfContext>();
  frame_cdfs->InitNonCoeffCdfs();
  frame_cdfs->InitCoeffCdfs(hdr.quantization_params.base_q_idx);
  auto blocks = std::make_unique<tile::FrameBlockInfo>();
  tile::ResetFrameBlockInfo(seq, hdr, blocks.get());
  recon::ReconFrame<Pixel> rf;
  rf.Allocate(hdr.MiCols, hdr.MiRows, cc.NumPlanes, cc.subsampling_x, cc.subsampling_y,
              hdr.UpscaledWidth);
  // The tiles of all tile groups, in tile order (each tile exactly once).
  const int num_tiles = hdr.tile_info.TileCols * hdr.tile_info.TileRows;
  std::vector<tile::TileData> tiles;
  for (const ParsedTileGroup& tg : frame.tile_group_info) {
    std::vector<tile::TileData> group;
    HAV1_RETURN_IF_ERROR(tile::SplitTileGroup(hdr, tg.tg_start, tg.tg_end, tg.data, &group));
    for (const tile::TileData& t : group) {
      if (t.tile_num != static_cast<int>(tiles.size())) {
        return InvalidData("tile groups do not cover the tiles in order");
      }
      tiles.push_back(t);
    }
  }
  if (static_cast<int>(tiles.size()) != num_tiles) return InvalidData("frame is missing tiles");

  // Tiles are independent (prediction and parsing contexts stop at tile
  // edges, tiles write disjoint parts of blocks and of the frame): decode
  // them on up to num_threads lanes, each with its own parser and
  // reconstructor, taking tiles in order from a shared counter.
  const int lanes = std::max(1, std::min(pool.num_threads(), num_tiles));
  std::vector<Status> tile_status(tiles.size());
  std::vector<const char*> recon_error(tiles.size(), nullptr);
  std::atomic<int> next_tile{0};
  const recon::InterRefs no_refs{};
  auto run_lane = [&](int) {
    recon::IntraReconstructor<Pixel> recon(seq, hdr, tables, *blocks, no_refs, &rf);
    tile::FrameTileDecoder dec(seq, hdr, *frame_cdfs, blocks.get(), &recon);
    for (int i = next_tile++; i < num_tiles; i = next_tile++) {
      tile_status[i] = dec.DecodeTile(tiles[i]);
      if (!recon.ok()) {
        recon_error[i] = recon.error();
        next_tile = num_tiles;  // stop the other lanes early
        return;
      }
      if (!tile_status[i].ok()) {
        next_tile = num_tiles;
        return;
      }
    }
  };
  if (lanes == 1) {
    run_lane(0);
  } else {
    pool.ParallelFor(lanes, run_lane);
  }
  // The first failing tile in tile order decides the error.
  for (size_t i = 0; i < tiles.size(); ++i) {
    HAV1_RETURN_IF_ERROR(tile_status[i]);
    if (recon_error[i] != nullptr) return InvalidData(recon_error[i]);
  }

  // decode_frame_wrapup: deblocking, CDEF, superres, loop restoration.
  HAV1_RETURN_IF_ERROR(postfilter::ApplyInloopFilters(PlaneViews(&rf), hdr, seq, *blocks, tables,
                                                      settings.inloop_filters, &pool));

  Hav1PictureParameters pp{};
  pp.w = hdr.UpscaledWidth;
  pp.h = hdr.FrameHeight;
  pp.layout = LayoutOf(cc);
  pp.bpc = cc.BitDepth;
  auto pic = std::make_shared<DecodedPicture>();
  HAV1_RETURN_IF_ERROR(allocator.Allocate(pp, &pic->buffer));
  for (int p = 0; p < cc.NumPlanes; ++p) {
    const int sx = p ? cc.subsampling_x : 0, sy = p ? cc.subsampling_y : 0;
    const int w = (pp.w + sx) >> sx, h = (pp.h + sy) >> sy;
    const recon::ReconPlane<Pixel>& src = rf.plane(p);
    if (w > src.width || h > src.height) return InvalidData("frame larger than its mode info");
    auto* dst = static_cast<uint8_t*>(pic->buffer->data[p]);
    const ptrdiff_t dst_stride = pic->buffer->stride[p ? 1 : 0];
    for (int y = 0; y < h; ++y) {
      std::memcpy(dst + y * dst_stride, src.at(0, y), sizeof(Pixel) * w);
    }
  }
  *out = std::move(pic);
  return Status::Ok();
}

}  // namespace

Status CheckFrameSupported(const Hav1Settings& settings, const SequenceHeader& seq,
                           const FrameHeader& hdr) {
  if (!hdr.FrameIsIntra) return NotImplemented("inter frames not implemented yet");
  if (settings.apply_grain && seq.film_grain_params_present &&
      hdr.film_grain_params.apply_grain) {
    return NotImplemented("film grain not implemented yet");
  }
  return Status::Ok();
}

Status DecodeIntraFrame(const Hav1Settings& settings, const ParsedFrame& frame,
                        const DspTables& tables, ThreadPool& pool, PictureAllocator& allocator,
                        std::shared_ptr<DecodedPicture>* out) {
  if (frame.seq->color_config.BitDepth == 8) {
    return DecodeIntraFrameT<uint8_t>(settings, frame, tables, pool, allocator, out);
  }
  return DecodeIntraFrameT<uint16_t>(settings, frame, tables, pool, allocator, out);
}

}  // namespace hav1
