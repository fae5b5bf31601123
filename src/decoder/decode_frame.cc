// Frame decoding: frame state from the references -> tile groups -> tile
// parser -> reconstruction -> in-loop filters -> picture and saved state.
#include "src/decoder/decode_frame.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <type_traits>
#include <vector>

#include "src/entropy/cdf_context.h"
#include "src/postfilter/inloop_filter.h"
#include "src/recon/inter_refs.h"
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

// The reference a frame names through ref_frame_idx[ i ] (i = refFrame -
// LAST_FRAME), checked to be usable by this frame (7.11.3.3 / 7.9 read it):
// decoded, same bit depth and subsampling.
Status CheckReferences(const SequenceHeader& seq, const FrameHeader& hdr, const RefFrames& refs) {
  const ColorConfig& cc = seq.color_config;
  for (int i = 0; i < REFS_PER_FRAME; ++i) {
    const int slot = hdr.ref_frame_idx[i];
    if (slot < 0 || slot >= NUM_REF_FRAMES) return InvalidData("ref_frame_idx out of range");
    const ReferenceFrame* ref = refs[slot].get();
    if (ref == nullptr || ref->picture == nullptr) {
      return InvalidData("inter frame refers to an empty reference slot");
    }
    if (ref->bit_depth != cc.BitDepth || ref->subsampling_x != cc.subsampling_x ||
        ref->subsampling_y != cc.subsampling_y || ref->mono_chrome != (cc.mono_chrome != 0)) {
      return InvalidData("reference frame has another bit depth or chroma format");
    }
    // 7.11.3.3: 2 * FrameWidth >= RefUpscaledWidth, ... (conformance limits
    // of reference scaling).
    if (2 * hdr.FrameWidth < ref->upscaled_width || 2 * hdr.FrameHeight < ref->frame_height ||
        hdr.FrameWidth > 16 * ref->upscaled_width || hdr.FrameHeight > 16 * ref->frame_height) {
      return InvalidData("reference frame size outside the scaling limits");
    }
  }
  return Status::Ok();
}

// is_scaled( refFrame ) of 5.11.27.
bool IsScaled(const FrameHeader& hdr, const ReferenceFrame& ref) {
  const int x_scale = static_cast<int>(
      ((int64_t{ref.upscaled_width} << tile::REF_SCALE_SHIFT) + hdr.FrameWidth / 2) / hdr.FrameWidth);
  const int y_scale = static_cast<int>(
      ((int64_t{ref.frame_height} << tile::REF_SCALE_SHIFT) + hdr.FrameHeight / 2) / hdr.FrameHeight);
  const int no_scale = 1 << tile::REF_SCALE_SHIFT;
  return x_scale != no_scale || y_scale != no_scale;
}

template <typename Pixel>
Status DecodeFrameT(const Hav1Settings& settings, const ParsedFrame& frame, const RefFrames& refs,
                    const DspTables& tables, ThreadPool& pool, PictureAllocator& allocator,
                    std::shared_ptr<ReferenceFrame>* out) {
  const SequenceHeader& seq = *frame.seq;
  const FrameHeader& hdr = *frame.hdr;
  const ColorConfig& cc = seq.color_config;
  if (!hdr.FrameIsIntra) HAV1_RETURN_IF_ERROR(CheckReferences(seq, hdr, refs));

  // The frame's CDFs (5.9.2: init_non_coeff_cdfs / load_cdfs, then
  // init_coeff_cdfs when primary_ref_frame is PRIMARY_REF_NONE) and
  // PrevSegmentIds (load_previous_segment_ids, 7.20 semantics).
  auto frame_cdfs = std::make_unique<CdfContext>();
  const ReferenceFrame* primary = nullptr;
  if (hdr.primary_ref_frame == PRIMARY_REF_NONE) {
    frame_cdfs->InitNonCoeffCdfs();
    frame_cdfs->InitCoeffCdfs(hdr.quantization_params.base_q_idx);
  } else {
    if (hdr.primary_ref_frame < 0 || hdr.primary_ref_frame >= REFS_PER_FRAME) {
      return InvalidData("primary_ref_frame out of range");
    }
    primary = refs[hdr.ref_frame_idx[hdr.primary_ref_frame]].get();
    if (primary == nullptr || primary->cdfs == nullptr) {
      return InvalidData("primary reference frame has no saved state");
    }
    frame_cdfs->LoadCdfs(*primary->cdfs);
  }
  const size_t mi_count = static_cast<size_t>(hdr.MiRows) * hdr.MiCols;
  const uint8_t* prev_segment_ids = nullptr;
  if (primary != nullptr && hdr.segmentation_params.segmentation_enabled &&
      primary->mi_rows == hdr.MiRows && primary->mi_cols == hdr.MiCols &&
      primary->segment_ids.size() == mi_count) {
    prev_segment_ids = primary->segment_ids.data();
  }

  // 7.9 motion field estimation.
  tile::InterFrameInputs inter;
  inter.prev_segment_ids = prev_segment_ids;
  MotionField motion_field;
  if (!hdr.FrameIsIntra) {
    if (hdr.use_ref_frame_mvs) {
      MotionFieldRef mrefs[NUM_REF_FRAMES];
      for (int i = 0; i < NUM_REF_FRAMES; ++i) {
        const ReferenceFrame* r = refs[i].get();
        if (r == nullptr) continue;
        mrefs[i].saved = &r->motion;
        mrefs[i].mi_rows = r->mi_rows;
        mrefs[i].mi_cols = r->mi_cols;
        mrefs[i].frame_type = r->frame_type;
        std::copy(std::begin(r->saved_order_hints), std::end(r->saved_order_hints),
                  mrefs[i].saved_order_hints);
      }
      EstimateMotionField(seq, hdr, mrefs, &motion_field);
      inter.motion_field = &motion_field;
    }
    for (int ref = LAST_FRAME; ref <= ALTREF_FRAME; ++ref) {
      inter.ref_is_scaled[ref] = IsScaled(hdr, *refs[hdr.ref_frame_idx[ref - LAST_FRAME]]);
    }
  }
  recon::InterRefs inter_refs{};
  for (int i = 0; i < NUM_REF_FRAMES; ++i) {
    const ReferenceFrame* r = refs[i].get();
    if (r == nullptr || r->picture == nullptr || r->picture->buffer == nullptr) continue;
    recon::InterRefPicture& ir = inter_refs[i];
    const PictureBuffer& buf = *r->picture->buffer;
    ir.valid = r->bit_depth == cc.BitDepth && r->subsampling_x == cc.subsampling_x &&
               r->subsampling_y == cc.subsampling_y;
    for (int p = 0; p < 3; ++p) {
      ir.data[p] = static_cast<const uint8_t*>(buf.data[p]);
      ir.stride[p] = buf.stride[p ? 1 : 0];
    }
    ir.upscaled_width = r->upscaled_width;
    ir.frame_width = r->frame_width;
    ir.frame_height = r->frame_height;
    ir.mi_rows = r->mi_rows;
    ir.mi_cols = r->mi_cols;
  }

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
  // reconstructor, taking tiles in order from a shared counter.  The lane
  // that decodes tile context_update_tile_id keeps its Saved CDFs (8.2.4).
  const int lanes = std::max(1, std::min(pool.num_threads(), num_tiles));
  std::vector<Status> tile_status(tiles.size());
  std::vector<const char*> recon_error(tiles.size(), nullptr);
  std::atomic<int> next_tile{0};
  std::unique_ptr<CdfContext> saved_cdfs;
  const int context_update_tile_id = hdr.tile_info.context_update_tile_id;
  auto run_lane = [&](int) {
    recon::IntraReconstructor<Pixel> recon(seq, hdr, tables, *blocks, inter_refs, &rf);
    tile::FrameTileDecoder dec(seq, hdr, *frame_cdfs, blocks.get(), &recon, inter);
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
      if (i == context_update_tile_id && dec.has_saved_cdfs()) {
        saved_cdfs = std::make_unique<CdfContext>(dec.saved_cdfs());
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
  // 7.4 frame_end_update_cdf.
  if (!hdr.disable_frame_end_update_cdf) {
    if (saved_cdfs == nullptr) return InvalidData("context_update_tile_id names no decoded tile");
    frame_cdfs->FrameEndUpdateCdf(*saved_cdfs);
  }

  // decode_frame_wrapup: deblocking, CDEF, superres, loop restoration.
  HAV1_RETURN_IF_ERROR(postfilter::ApplyInloopFilters(PlaneViews(&rf), hdr, seq, *blocks, tables,
                                                      settings.inloop_filters, &pool));

  auto ref = std::make_shared<ReferenceFrame>();
  ref->upscaled_width = hdr.UpscaledWidth;
  ref->frame_width = hdr.FrameWidth;
  ref->frame_height = hdr.FrameHeight;
  ref->mi_rows = hdr.MiRows;
  ref->mi_cols = hdr.MiCols;
  ref->frame_type = hdr.frame_type;
  ref->order_hint = hdr.OrderHint;
  std::copy(std::begin(hdr.OrderHints), std::end(hdr.OrderHints), ref->saved_order_hints);
  ref->bit_depth = cc.BitDepth;
  ref->subsampling_x = cc.subsampling_x;
  ref->subsampling_y = cc.subsampling_y;
  ref->mono_chrome = cc.mono_chrome != 0;
  ref->cdfs = std::move(frame_cdfs);
  // 7.21 wrapup step 7 and 7.20 SavedSegmentIds: SegmentIds, or
  // PrevSegmentIds when segmentation_enabled && !segmentation_update_map.
  ref->segment_ids.resize(mi_count);
  const SegmentationParams& sp = hdr.segmentation_params;
  if (sp.segmentation_enabled && !sp.segmentation_update_map) {
    if (prev_segment_ids != nullptr) {
      std::copy(prev_segment_ids, prev_segment_ids + mi_count, ref->segment_ids.begin());
    }
  } else {
    for (int r = 0; r < hdr.MiRows; ++r) {
      for (int c = 0; c < hdr.MiCols; ++c) {
        ref->segment_ids[static_cast<size_t>(r) * hdr.MiCols + c] = blocks->at(r, c).segment_id;
      }
    }
  }
  // 7.19 motion field motion vector storage.
  StoreMotionField(seq, hdr, *blocks, &ref->motion);

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
  ref->picture = std::move(pic);
  *out = std::move(ref);
  return Status::Ok();
}

}  // namespace

Status CheckFrameSupported(const Hav1Settings& settings, const SequenceHeader& seq,
                           const FrameHeader& hdr) {
  if (settings.apply_grain && seq.film_grain_params_present &&
      hdr.film_grain_params.apply_grain) {
    return NotImplemented("film grain not implemented yet");
  }
  return Status::Ok();
}

Status DecodeFrame(const Hav1Settings& settings, const ParsedFrame& frame, const RefFrames& refs,
                   const DspTables& tables, ThreadPool& pool, PictureAllocator& allocator,
                   std::shared_ptr<ReferenceFrame>* out) {
  if (frame.seq->color_config.BitDepth == 8) {
    return DecodeFrameT<uint8_t>(settings, frame, refs, tables, pool, allocator, out);
  }
  return DecodeFrameT<uint16_t>(settings, frame, refs, tables, pool, allocator, out);
}

}  // namespace hav1
