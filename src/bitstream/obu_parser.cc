// OBU layer (spec 5.3 open_bitstream_unit, 5.9.1 frame_header_obu,
// 5.10 frame_obu, 5.11.1 tile_group_obu header, 7.5 ordering of OBUs):
// frames are assembled from their header and tile groups and handed out
// with the tile bytes; the header-level reference state is updated at the
// end of each frame (7.20, 7.21).
#include "src/bitstream/obu_parser.h"

#include <algorithm>
#include <cstring>
#include <string>

#include "src/bitstream/bit_reader.h"
#include "src/bitstream/constants.h"
#include "src/bitstream/frame_header.h"
#include "src/bitstream/frame_header_parser.h"
#include "src/bitstream/metadata_parser.h"
#include "src/bitstream/sequence_header.h"
#include "src/bitstream/sequence_header_parser.h"
#include "src/refs/ref_state.h"

namespace hav1 {
namespace {

// 5.3.2 obu_header() and 5.3.3 obu_extension_header(), plus obu_size.
struct ObuHeader {
  int obu_type = 0;
  int obu_extension_flag = 0;
  int obu_has_size_field = 0;
  int temporal_id = 0;
  int spatial_id = 0;
  size_t header_bytes = 0;  // header + extension + obu_size field
  size_t obu_size = 0;
};

Status ParseObuHeader(std::span<const uint8_t> data, const Hav1SyntaxTracer* tracer,
                      ObuHeader* h) {
  BitReader r(data, tracer);
  r.Begin("obu_header");
  int obu_forbidden_bit = r.f(1, "obu_forbidden_bit");
  h->obu_type = r.f(4, "obu_type");
  h->obu_extension_flag = r.f(1, "obu_extension_flag");
  h->obu_has_size_field = r.f(1, "obu_has_size_field");
  r.f(1, "obu_reserved_1bit");
  if (h->obu_extension_flag) {
    h->temporal_id = r.f(3, "temporal_id");
    h->spatial_id = r.f(2, "spatial_id");
    r.f(3, "extension_header_reserved_3bits");
  }
  if (r.error()) return InvalidData("obu_header: truncated");
  if (obu_forbidden_bit) return InvalidData("obu_header: obu_forbidden_bit is set");
  size_t used = r.byte_position();
  if (h->obu_has_size_field) {
    uint64_t obu_size = r.leb128("obu_size");
    if (r.error()) return InvalidData("obu_header: obu_size truncated or too large");
    used = r.byte_position();
    if (obu_size > data.size() - used)
      return InvalidData("obu_header: obu_size " + std::to_string(obu_size) +
                         " exceeds the remaining " + std::to_string(data.size() - used) +
                         " bytes");
    h->obu_size = static_cast<size_t>(obu_size);
  } else {
    // obu_size = sz - 1 - obu_extension_flag: the OBU spans the rest.
    h->obu_size = data.size() - used;
    r.Trace("obu_size", static_cast<int64_t>(h->obu_size));
  }
  h->header_bytes = used;
  return Status::Ok();
}

void FillSequenceInfo(const SequenceHeader& s, Hav1SequenceInfo* o) {
  *o = Hav1SequenceInfo{};
  const ColorConfig& c = s.color_config;
  o->profile = s.seq_profile;
  o->still_picture = s.still_picture;
  o->reduced_still_picture_header = s.reduced_still_picture_header;
  o->max_width = s.max_frame_width_minus_1 + 1;
  o->max_height = s.max_frame_height_minus_1 + 1;
  o->bitdepth = c.BitDepth;
  if (c.mono_chrome)
    o->layout = HAV1_PIXEL_LAYOUT_I400;
  else if (c.subsampling_x && c.subsampling_y)
    o->layout = HAV1_PIXEL_LAYOUT_I420;
  else if (c.subsampling_x)
    o->layout = HAV1_PIXEL_LAYOUT_I422;
  else
    o->layout = HAV1_PIXEL_LAYOUT_I444;
  o->mono_chrome = c.mono_chrome;
  o->color.color_primaries = c.color_primaries;
  o->color.transfer_characteristics = c.transfer_characteristics;
  o->color.matrix_coefficients = c.matrix_coefficients;
  o->color.color_range = c.color_range;
  o->color.chroma_sample_position = c.chroma_sample_position;
  o->film_grain_params_present = s.film_grain_params_present;
  o->operating_points = s.operating_points_cnt_minus_1 + 1;
  for (int i = 0; i < o->operating_points; i++) {
    o->operating_point_idc[i] = s.operating_points[i].operating_point_idc;
    o->seq_level_idx[i] = s.operating_points[i].seq_level_idx;
    o->seq_tier[i] = s.operating_points[i].seq_tier;
  }
  o->timing_info_present = s.timing_info_present_flag;
  o->num_units_in_display_tick = s.timing_info.num_units_in_display_tick;
  o->time_scale = s.timing_info.time_scale;
}

void FillFilmGrain(const FilmGrainParams& g, Hav1FilmGrainParams* o) {
  *o = Hav1FilmGrainParams{};
  o->apply_grain = g.apply_grain;
  o->grain_seed = static_cast<uint16_t>(g.grain_seed);
  o->num_y_points = g.num_y_points;
  for (int i = 0; i < 14; i++) {
    o->point_y_value[i] = static_cast<uint8_t>(g.point_y_value[i]);
    o->point_y_scaling[i] = static_cast<uint8_t>(g.point_y_scaling[i]);
  }
  o->chroma_scaling_from_luma = g.chroma_scaling_from_luma;
  o->num_cb_points = g.num_cb_points;
  o->num_cr_points = g.num_cr_points;
  for (int i = 0; i < 10; i++) {
    o->point_cb_value[i] = static_cast<uint8_t>(g.point_cb_value[i]);
    o->point_cb_scaling[i] = static_cast<uint8_t>(g.point_cb_scaling[i]);
    o->point_cr_value[i] = static_cast<uint8_t>(g.point_cr_value[i]);
    o->point_cr_scaling[i] = static_cast<uint8_t>(g.point_cr_scaling[i]);
  }
  o->grain_scaling_minus_8 = g.grain_scaling_minus_8;
  o->ar_coeff_lag = g.ar_coeff_lag;
  for (int i = 0; i < 24; i++) o->ar_coeffs_y[i] = static_cast<int8_t>(g.ar_coeffs_y_plus_128[i] - 128);
  for (int i = 0; i < 25; i++) {
    o->ar_coeffs_cb[i] = static_cast<int8_t>(g.ar_coeffs_cb_plus_128[i] - 128);
    o->ar_coeffs_cr[i] = static_cast<int8_t>(g.ar_coeffs_cr_plus_128[i] - 128);
  }
  o->ar_coeff_shift_minus_6 = g.ar_coeff_shift_minus_6;
  o->grain_scale_shift = g.grain_scale_shift;
  o->cb_mult = g.cb_mult;
  o->cb_luma_mult = g.cb_luma_mult;
  o->cb_offset = g.cb_offset;
  o->cr_mult = g.cr_mult;
  o->cr_luma_mult = g.cr_luma_mult;
  o->cr_offset = g.cr_offset;
  o->overlap_flag = g.overlap_flag;
  o->clip_to_restricted_range = g.clip_to_restricted_range;
}

void FillFrameInfo(const FrameHeader& h, Hav1FrameInfo* o) {
  *o = Hav1FrameInfo{};
  o->frame_type = static_cast<Hav1FrameType>(h.frame_type);
  o->show_existing_frame = h.show_existing_frame;
  o->temporal_id = h.temporal_id;
  o->spatial_id = h.spatial_id;
  o->frame_width = h.UpscaledWidth;
  o->frame_height = h.FrameHeight;
  o->render_width = h.RenderWidth;
  o->render_height = h.RenderHeight;
  o->order_hint = h.OrderHint;
  FillFilmGrain(h.film_grain_params, &o->film_grain);
}

// Compares the first nbits bits of a and b.
bool SameBits(std::span<const uint8_t> a, std::span<const uint8_t> b, size_t nbits) {
  if (a.size() * 8 < nbits || b.size() * 8 < nbits) return false;
  size_t full = nbits / 8;
  if (std::memcmp(a.data(), b.data(), full) != 0) return false;
  int rem = static_cast<int>(nbits % 8);
  if (rem == 0) return true;
  uint8_t mask = static_cast<uint8_t>(0xFF << (8 - rem));
  return (a[full] & mask) == (b[full] & mask);
}

}  // namespace

struct ObuParser::Impl {
  explicit Impl(const Config& c) : config(c) {}

  Status Parse(std::span<const uint8_t> data, std::vector<ParsedFrame>* frames);
  Status ParseObu(const ObuHeader& oh, std::span<const uint8_t> payload,
                  std::vector<ParsedFrame>* frames);
  Status SequenceHeaderObu(std::span<const uint8_t> payload);
  Status FrameHeaderObu(const ObuHeader& oh, std::span<const uint8_t> payload,
                        size_t* header_bits, std::vector<ParsedFrame>* frames);
  Status TileGroupObu(std::span<const uint8_t> payload, bool is_frame_obu,
                      std::vector<ParsedFrame>* frames);
  void FinishFrame(std::vector<ParsedFrame>* frames);
  void ShowExistingFrame(std::vector<ParsedFrame>* frames);
  const Hav1SyntaxTracer* tracer() const {
    return (config.tracer.begin || config.tracer.element) ? &config.tracer : nullptr;
  }

  Config config;
  RefState refs;
  std::shared_ptr<SequenceHeader> seq;
  Hav1SequenceInfo seq_info{};
  bool new_sequence = false;
  bool new_op_params = false;
  // After an error: drop everything until a sequence header or a key frame.
  bool resync = false;
  int prev_frame_id = -1;

  // The frame being assembled (SeenFrameHeader == 1).
  bool SeenFrameHeader = false;
  std::shared_ptr<FrameHeader> cur;
  std::vector<uint8_t> cur_header_raw;  // bits of the original frame header
  size_t cur_header_bits = 0;
  int TileNum = 0;
  ParsedFrame pending;
  ParsedMetadata metadata;
};

// 7.5 / 5.3.1: walks the OBUs of data.
Status ObuParser::Impl::Parse(std::span<const uint8_t> data, std::vector<ParsedFrame>* frames) {
  size_t pos = 0;
  while (pos < data.size()) {
    ObuHeader oh;
    std::span<const uint8_t> rest = data.subspan(pos);
    Status st = ParseObuHeader(rest, tracer(), &oh);
    if (!st.ok()) {
      resync = true;
      SeenFrameHeader = false;
      return st;
    }
    std::span<const uint8_t> payload = rest.subspan(oh.header_bytes, oh.obu_size);
    pos += oh.header_bytes + oh.obu_size;

    // 5.3.1: drop OBUs outside the chosen operating point.
    if (oh.obu_type != OBU_SEQUENCE_HEADER && oh.obu_type != OBU_TEMPORAL_DELIMITER && seq &&
        seq->OperatingPointIdc != 0 && oh.obu_extension_flag == 1) {
      int inTemporalLayer = (seq->OperatingPointIdc >> oh.temporal_id) & 1;
      int inSpatialLayer = (seq->OperatingPointIdc >> (oh.spatial_id + 8)) & 1;
      if (!inTemporalLayer || !inSpatialLayer) continue;
    }
    st = ParseObu(oh, payload, frames);
    if (!st.ok()) {
      if (st.code() == HAV1_ERR_INVALID_DATA || st.code() == HAV1_ERR_LIMIT) {
        resync = true;
        SeenFrameHeader = false;
      }
      return st;
    }
  }
  return Status::Ok();
}

Status ObuParser::Impl::ParseObu(const ObuHeader& oh, std::span<const uint8_t> payload,
                                 std::vector<ParsedFrame>* frames) {
  switch (oh.obu_type) {
    case OBU_SEQUENCE_HEADER:
      return SequenceHeaderObu(payload);
    case OBU_TEMPORAL_DELIMITER: {
      BitReader r(payload, tracer());
      r.Begin("temporal_delimiter_obu");
      // 5.6: a new temporal unit; an unfinished frame is abandoned.
      if (SeenFrameHeader && !resync) {
        SeenFrameHeader = false;
        resync = true;
        return InvalidData("temporal_delimiter_obu: previous frame is missing tiles");
      }
      SeenFrameHeader = false;
      return Status::Ok();
    }
    case OBU_FRAME_HEADER:
    case OBU_REDUNDANT_FRAME_HEADER:
    case OBU_FRAME: {
      if (!seq) {
        if (resync) return Status::Ok();
        return InvalidData("frame_header_obu: no sequence header before the frame header");
      }
      size_t header_bits = 0;
      Status st = FrameHeaderObu(oh, payload, &header_bits, frames);
      if (!st.ok() || oh.obu_type != OBU_FRAME || !SeenFrameHeader) return st;
      // 5.10 frame_obu(): byte_alignment, then the tile group.
      size_t header_bytes = (header_bits + 7) / 8;
      if (header_bytes > payload.size()) return InvalidData("frame_obu: truncated frame header");
      return TileGroupObu(payload.subspan(header_bytes), true, frames);
    }
    case OBU_TILE_GROUP:
      if (resync && !SeenFrameHeader) return Status::Ok();
      return TileGroupObu(payload, false, frames);
    case OBU_METADATA: {
      ParsedMetadata m = metadata;
      Status st = ParseMetadataObu(payload, tracer(), &m);
      if (st.ok()) {
        metadata = std::move(m);
      } else if (config.strict) {
        return st;
      }
      return Status::Ok();
    }
    case OBU_TILE_LIST:
      return Unsupported("tile_list_obu: large scale tile decoding is not supported");
    case OBU_PADDING: {
      BitReader r(payload, tracer());
      r.Begin("padding_obu");
      return Status::Ok();
    }
    default:
      return Status::Ok();  // reserved_obu(): ignored
  }
}

// 5.5 sequence_header_obu()
Status ObuParser::Impl::SequenceHeaderObu(std::span<const uint8_t> payload) {
  BitReader r(payload, tracer());
  r.Begin("sequence_header_obu");
  auto s = std::make_shared<SequenceHeader>();
  HAV1_RETURN_IF_ERROR(ParseSequenceHeader(r, config.operating_point, s.get()));
  // 7.5: the sequence header may repeat; only operating_parameters_info()
  // may differ within a coded video sequence.  A changed header starts a
  // new one (the references stay until its key frame replaces them).
  if (seq && *seq == *s) return Status::Ok();  // a plain repetition
  const bool same = seq && seq->SameSequence(*s);
  seq = std::move(s);
  if (same) {
    new_op_params = true;
    return Status::Ok();
  }
  FillSequenceInfo(*seq, &seq_info);
  new_sequence = true;
  return Status::Ok();
}

// 5.9.1 frame_header_obu()
Status ObuParser::Impl::FrameHeaderObu(const ObuHeader& oh, std::span<const uint8_t> payload,
                                       size_t* header_bits, std::vector<ParsedFrame>* frames) {
  if (SeenFrameHeader) {
    // frame_header_copy(): must equal the original frame header.
    BitReader r(payload, tracer());
    r.Begin(oh.obu_type == OBU_REDUNDANT_FRAME_HEADER ? "redundant_frame_header_obu"
                                                      : "frame_header_obu");
    if (oh.obu_type != OBU_REDUNDANT_FRAME_HEADER) {
      SeenFrameHeader = false;
      return InvalidData("frame_header_obu: a new frame header before the previous frame's "
                         "last tile group");
    }
    if (!SameBits(payload, cur_header_raw, cur_header_bits))
      return InvalidData("redundant_frame_header_obu: differs from the frame header");
    *header_bits = cur_header_bits;
    return Status::Ok();
  }
  if (oh.obu_type == OBU_REDUNDANT_FRAME_HEADER) {
    // A redundant copy of a frame we did not see (e.g. dropped): ignore.
    return Status::Ok();
  }
  BitReader r(payload, tracer());
  r.Begin("frame_header_obu");
  auto h = std::make_shared<FrameHeader>();
  h->temporal_id = oh.temporal_id;
  h->spatial_id = oh.spatial_id;
  FrameHeaderContext ctx;
  ctx.seq = seq.get();
  ctx.refs = &refs;
  ctx.temporal_id = oh.temporal_id;
  ctx.spatial_id = oh.spatial_id;
  ctx.frame_size_limit = config.frame_size_limit;
  ctx.prev_frame_id = prev_frame_id;
  Status st = ParseUncompressedHeader(r, ctx, h.get());
  if (resync) {
    // Only a key frame shown (or a sequence header) ends the resync.
    if (!st.ok() || h->show_existing_frame || h->frame_type != KEY_FRAME || !h->show_frame)
      return Status::Ok();
    resync = false;
  }
  HAV1_RETURN_IF_ERROR(st);
  *header_bits = r.position();
  if (h->show_existing_frame) {
    if (oh.obu_type == OBU_FRAME)
      return InvalidData("frame_obu: show_existing_frame is set in an OBU_FRAME");
    cur = std::move(h);
    ShowExistingFrame(frames);
    return Status::Ok();
  }
  if (seq->frame_id_numbers_present_flag) prev_frame_id = h->current_frame_id;
  // Header-level RefValid changes (key frame, mark_ref_frames, ...).
  for (int i = 0; i < NUM_REF_FRAMES; i++)
    if (!h->RefValid[i]) refs.slot[i].RefValid = 0;
  cur = std::move(h);
  cur_header_bits = r.position();
  cur_header_raw.assign(payload.begin(),
                        payload.begin() + std::min(payload.size(), (cur_header_bits + 7) / 8));
  SeenFrameHeader = true;
  TileNum = 0;
  pending = ParsedFrame();
  return Status::Ok();
}

// 5.11.1 tile_group_obu() header.
Status ObuParser::Impl::TileGroupObu(std::span<const uint8_t> payload, bool is_frame_obu,
                                     std::vector<ParsedFrame>* frames) {
  if (!SeenFrameHeader || !cur)
    return InvalidData("tile_group_obu: no frame header before the tile group");
  BitReader r(payload, tracer());
  r.Begin("tile_group_obu");
  const TileInfo& t = cur->tile_info;
  int NumTiles = t.TileCols * t.TileRows;
  int tile_start_and_end_present_flag = 0;
  if (NumTiles > 1) tile_start_and_end_present_flag = r.f(1, "tile_start_and_end_present_flag");
  int tg_start, tg_end;
  if (NumTiles == 1 || !tile_start_and_end_present_flag) {
    tg_start = 0;
    tg_end = NumTiles - 1;
  } else {
    int tileBits = t.TileColsLog2 + t.TileRowsLog2;
    tg_start = r.f(tileBits, "tg_start");
    tg_end = r.f(tileBits, "tg_end");
  }
  r.byte_alignment();
  if (r.error()) return InvalidData("tile_group_obu: truncated header");
  if (is_frame_obu && tile_start_and_end_present_flag)
    return InvalidData("frame_obu: tile_start_and_end_present_flag is set");
  if (tg_start != TileNum)
    return InvalidData("tile_group_obu: tg_start " + std::to_string(tg_start) +
                       " is not the next tile " + std::to_string(TileNum));
  if (tg_end < tg_start || tg_end >= NumTiles)
    return InvalidData("tile_group_obu: tg_end " + std::to_string(tg_end) + " out of range");
  size_t headerBytes = r.position() / 8;
  ParsedTileGroup tg;
  tg.tg_start = tg_start;
  tg.tg_end = tg_end;
  tg.data = payload.subspan(headerBytes);
  pending.tile_groups.push_back(payload);
  pending.tile_group_info.push_back(tg);
  TileNum = tg_end + 1;
  if (tg_end == NumTiles - 1) FinishFrame(frames);
  return Status::Ok();
}

// The frame's last tile arrived: hand it out and run the header-level part
// of decode_frame_wrapup (7.4): the reference frame update process (7.20).
void ObuParser::Impl::FinishFrame(std::vector<ParsedFrame>* frames) {
  ParsedFrame f = std::move(pending);
  pending = ParsedFrame();
  f.seq = seq;
  f.hdr = cur;
  f.seq_info = seq_info;
  FillFrameInfo(*cur, &f.frame_info);
  f.show_existing_frame = false;
  f.shown = cur->show_frame;
  f.temporal_id = cur->temporal_id;
  f.spatial_id = cur->spatial_id;
  f.metadata = std::move(metadata);
  metadata = ParsedMetadata();
  const ColorConfig& c = seq->color_config;
  refs.Update(cur, c.BitDepth, c.subsampling_x, c.subsampling_y);
  frames->push_back(std::move(f));
  SeenFrameHeader = false;
}

// show_existing_frame: decode_frame_wrapup with the reference frame loading
// process (7.21) for key frames.
void ObuParser::Impl::ShowExistingFrame(std::vector<ParsedFrame>* frames) {
  ParsedFrame f;
  f.seq = seq;
  f.hdr = cur;
  f.seq_info = seq_info;
  FillFrameInfo(*cur, &f.frame_info);
  f.show_existing_frame = true;
  f.shown = true;
  f.temporal_id = cur->temporal_id;
  f.spatial_id = cur->spatial_id;
  f.metadata = std::move(metadata);
  metadata = ParsedMetadata();
  if (cur->frame_type == KEY_FRAME) {
    // 7.21 loads the slot, 7.20 stores it into every slot.
    const int idx = cur->frame_to_show_map_idx;
    RefSlot shown = refs.slot[idx];
    if (seq->film_grain_params_present) shown.grain_params = cur->film_grain_params;
    for (int i = 0; i < NUM_REF_FRAMES; i++) refs.slot[i] = shown;
  }
  frames->push_back(std::move(f));
  SeenFrameHeader = false;
}

ObuParser::ObuParser(const Config& config) : impl_(std::make_unique<Impl>(config)) {}
ObuParser::~ObuParser() = default;

Status ObuParser::Parse(std::span<const uint8_t> data, std::vector<ParsedFrame>* frames) {
  return impl_->Parse(data, frames);
}

bool ObuParser::TakeNewSequenceEvent() {
  bool r = impl_->new_sequence;
  impl_->new_sequence = false;
  return r;
}

bool ObuParser::TakeNewOpParamsEvent() {
  bool r = impl_->new_op_params;
  impl_->new_op_params = false;
  return r;
}

void ObuParser::Flush() {
  impl_->refs.Reset();
  impl_->SeenFrameHeader = false;
  impl_->cur.reset();
  impl_->pending = ParsedFrame();
  impl_->metadata = ParsedMetadata();
  impl_->prev_frame_id = -1;
  impl_->resync = true;
}

// hav1_parse_sequence_header(): the first sequence header OBU in data.
Status ParseSequenceInfo(std::span<const uint8_t> data, Hav1SequenceInfo* out) {
  size_t pos = 0;
  while (pos < data.size()) {
    ObuHeader oh;
    HAV1_RETURN_IF_ERROR(ParseObuHeader(data.subspan(pos), nullptr, &oh));
    std::span<const uint8_t> payload = data.subspan(pos + oh.header_bytes, oh.obu_size);
    pos += oh.header_bytes + oh.obu_size;
    if (oh.obu_type == OBU_SEQUENCE_HEADER) {
      BitReader r(payload);
      SequenceHeader s;
      HAV1_RETURN_IF_ERROR(ParseSequenceHeader(r, 0, &s));
      FillSequenceInfo(s, out);
      return Status::Ok();
    }
  }
  return InvalidData("no sequence header found");
}

}  // namespace hav1
