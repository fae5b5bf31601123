// Intra frame decoding: tile groups -> tile parser -> intra reconstruction
// -> picture.
#include "src/decoder/intra_frame.h"

#include <cstring>
#include <vector>

#include "src/entropy/cdf_context.h"
#include "src/recon/intra_recon.h"
#include "src/recon/recon_frame.h"
#include "src/tile/block_info.h"
#include "src/tile/tile_group.h"

namespace hav1 {
namespace {

// Whether CDEF changes any pixel of the frame (7.15): all strengths zero
// make the filter the identity.
bool CdefActive(const SequenceHeader& seq, const FrameHeader& hdr) {
  if (!seq.enable_cdef || hdr.CodedLossless || hdr.allow_intrabc) return false;
  const CdefParams& c = hdr.cdef_params;
  const int n = 1 << c.cdef_bits;
  for (int i = 0; i < n && i < 8; ++i) {
    if (c.cdef_y_pri_strength[i] || c.cdef_y_sec_strength[i]) return true;
    if (seq.color_config.NumPlanes > 1 &&
        (c.cdef_uv_pri_strength[i] || c.cdef_uv_sec_strength[i])) {
      return true;
    }
  }
  return false;
}

Hav1PixelLayout LayoutOf(const ColorConfig& cc) {
  if (cc.mono_chrome) return HAV1_PIXEL_LAYOUT_I400;
  if (cc.subsampling_x && cc.subsampling_y) return HAV1_PIXEL_LAYOUT_I420;
  if (cc.subsampling_x) return HAV1_PIXEL_LAYOUT_I422;
  return HAV1_PIXEL_LAYOUT_I444;
}

template <typename Pixel>
Status DecodeIntraFrameT(const ParsedFrame& frame, const DspTables& tables,
                         PictureAllocator& allocator, std::shared_ptr<DecodedPicture>* out) {
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
  rf.Allocate(hdr.MiCols, hdr.MiRows, cc.NumPlanes, cc.subsampling_x, cc.subsampling_y);
  recon::IntraReconstructor<Pixel> recon(seq, hdr, tables, *blocks, &rf);
  tile::FrameTileDecoder dec(seq, hdr, *frame_cdfs, blocks.get(), &recon);

  const int num_tiles = hdr.tile_info.TileCols * hdr.tile_info.TileRows;
  int tiles_done = 0;
  for (const ParsedTileGroup& tg : frame.tile_group_info) {
    std::vector<tile::TileData> tiles;
    HAV1_RETURN_IF_ERROR(tile::SplitTileGroup(hdr, tg.tg_start, tg.tg_end, tg.data, &tiles));
    for (const tile::TileData& t : tiles) {
      HAV1_RETURN_IF_ERROR(dec.DecodeTile(t));
      if (!recon.ok()) return NotImplemented(recon.error());
      ++tiles_done;
    }
  }
  if (tiles_done != num_tiles) return InvalidData("frame is missing tiles");

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
  if (hdr.use_superres && hdr.UpscaledWidth != hdr.FrameWidth) {
    return NotImplemented("superres not implemented yet");
  }
  const bool deblock = settings.inloop_filters & HAV1_INLOOPFILTER_DEBLOCK;
  const bool cdef = settings.inloop_filters & HAV1_INLOOPFILTER_CDEF;
  const bool lr = settings.inloop_filters & HAV1_INLOOPFILTER_RESTORATION;
  if (deblock && (hdr.loop_filter_params.loop_filter_level[0] ||
                  hdr.loop_filter_params.loop_filter_level[1])) {
    return NotImplemented("in-loop filter deblocking not implemented yet");
  }
  if (cdef && CdefActive(seq, hdr)) return NotImplemented("in-loop filter CDEF not implemented yet");
  if (lr && hdr.lr_params.UsesLr) {
    return NotImplemented("in-loop filter loop restoration not implemented yet");
  }
  if (settings.apply_grain && seq.film_grain_params_present &&
      hdr.film_grain_params.apply_grain) {
    return NotImplemented("film grain not implemented yet");
  }
  return Status::Ok();
}

Status DecodeIntraFrame(const ParsedFrame& frame, const DspTables& tables,
                        PictureAllocator& allocator, std::shared_ptr<DecodedPicture>* out) {
  if (frame.seq->color_config.BitDepth == 8) {
    return DecodeIntraFrameT<uint8_t>(frame, tables, allocator, out);
  }
  return DecodeIntraFrameT<uint16_t>(frame, tables, allocator, out);
}

}  // namespace hav1
