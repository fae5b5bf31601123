#include "src/decoder/decoder.h"

#include <cstring>
#include <string>
#include <utility>

#include "simd/dsp_init.h"
#include "src/bitstream/frame_header.h"
#include "src/decoder/obu_framing.h"
#include "src/decoder/settings.h"

namespace hav1 {
namespace {

PictureMetadata ConvertMetadata(const ParsedMetadata& m) {
  PictureMetadata out;
  out.content_light = m.content_light;
  out.mastering_display = m.mastering_display;
  out.timecode = m.timecode;
  out.itut_t35.reserve(m.itut_t35.size());
  for (const T35Metadata& t : m.itut_t35) {
    PictureMetadata::T35 c;
    c.country_code = t.country_code;
    c.country_code_extension_byte = t.country_code_extension_byte;
    c.payload = t.payload;
    out.itut_t35.push_back(std::move(c));
  }
  return out;
}

// Releases the packet's references and leaves it empty (hav1_data_unref).
void ReleasePacket(Hav1Data* in) {
  RefRelease(&in->ref);
  PropsRelease(&in->m);
  in->data = nullptr;
  in->sz = 0;
}

}  // namespace

Decoder::Decoder(const Hav1Settings& settings)
    : settings_(settings),
      logger_(settings.logger),
      output_(settings.all_layers != 0, settings.operating_point) {}

Decoder::~Decoder() {
  // Workers go first: later they may hold pictures and scratch of this
  // decoder.
  pool_.reset();
}

Status Decoder::Create(const Hav1Settings& settings, std::unique_ptr<Decoder>* out) {
  auto d = std::make_unique<Decoder>(settings);
  // The caller's string need not outlive hav1_open.
  d->settings_.cpu_target = nullptr;
  HAV1_RETURN_IF_ERROR(InitDspTables(settings.cpu_target, &d->tables_, &d->simd_target_));
  d->frame_delay_ = FrameDelay(settings);
  d->pool_ = std::make_unique<ThreadPool>(ResolveThreadCount(settings));
  if (settings.allocator.alloc_picture_callback != nullptr) {
    d->allocator_ = MakeUserPictureAllocator(settings.allocator);
  } else {
    d->allocator_ = MakePooledPictureAllocator();
  }
  ObuParser::Config config;
  config.operating_point = settings.operating_point;
  config.frame_size_limit = settings.frame_size_limit;
  config.strict = settings.strict_std_compliance != 0;
  config.tracer = settings.tracer;
  d->parser_ = std::make_unique<ObuParser>(config);
  d->frame_decoder_ =
      std::make_unique<FrameDecoder>(d->settings_, d->tables_, *d->pool_, *d->allocator_);
  *out = std::move(d);
  return Status::Ok();
}

int Decoder::SendData(Hav1Data* in) {
  const size_t delay = static_cast<size_t>(frame_delay_);
  if (output_.ready() >= delay) return HAV1_ERR_AGAIN;
  draining_ = false;  // data after hav1_drain() starts a new segment
  RefHolder packet(in->ref);
  const Hav1DataProps props = in->m;  // a view; valid while *in is
  while (in->sz > 0) {
    if (output_.ready() >= delay) return HAV1_ERR_AGAIN;  // *in keeps the rest
    ObuExtent obu;
    Status st = ReadObuExtent(std::span<const uint8_t>(in->data, in->sz), &obu);
    if (!st.ok()) return Fail(st, props, in);
    const std::span<const uint8_t> bytes(in->data, obu.size);
    in->data += obu.size;
    in->sz -= obu.size;
    st = DecodeObu(obu.type, bytes, packet, props);
    if (!st.ok()) return Fail(st, props, in);
  }
  ReleasePacket(in);
  return HAV1_OK;
}

Status Decoder::DecodeObu(int obu_type, std::span<const uint8_t> obu,
                          const RefHolder& packet, const Hav1DataProps& props) {
  if (obu_type == OBU_TEMPORAL_DELIMITER) {
    // A temporal unit holds whole frames: nothing can be in progress.
    output_.EndTemporalUnit();
    frame_in_progress_ = false;
    held_packets_.clear();
  }
  if ((obu_type == OBU_FRAME_HEADER || obu_type == OBU_FRAME) && !frame_in_progress_) {
    frame_props_ = PropsHolder(props);
    frame_in_progress_ = true;
  }
  if (frame_in_progress_ &&
      (held_packets_.empty() || held_packets_.back().get() != packet.get())) {
    held_packets_.push_back(packet);
  }
  parsed_.clear();
  const Status st = parser_->Parse(obu, &parsed_);
  if (parser_->TakeNewSequenceEvent()) events_ |= HAV1_EVENT_FLAG_NEW_SEQUENCE;
  if (!st.ok()) {
    parsed_.clear();
    return st;
  }
  Status result;
  for (const ParsedFrame& frame : parsed_) {
    result = HandleFrame(frame);
    if (!result.ok()) break;
  }
  if (!parsed_.empty()) {
    frame_in_progress_ = false;
    held_packets_.clear();
  }
  parsed_.clear();  // its tile group spans point into the packet
  return result;
}

bool Decoder::SkippedByDecodeFrameType(const ParsedFrame& frame) const {
  const Hav1FrameType type = frame.frame_info.frame_type;
  switch (settings_.decode_frame_type) {
    case HAV1_DECODEFRAMETYPE_REFERENCE:
      return frame.hdr == nullptr || frame.hdr->refresh_frame_flags == 0;
    case HAV1_DECODEFRAMETYPE_INTRA:
      return type != HAV1_FRAME_TYPE_KEY && type != HAV1_FRAME_TYPE_INTRA_ONLY;
    case HAV1_DECODEFRAMETYPE_KEY:
      return type != HAV1_FRAME_TYPE_KEY;
    case HAV1_DECODEFRAMETYPE_ALL:
      break;
  }
  return false;
}

// Slots a frame that was not decoded would have refreshed hold nothing
// (spec 7.20 would put that frame there).
void Decoder::ClearRefreshedSlots(const ParsedFrame& frame) {
  const int refresh = frame.hdr ? frame.hdr->refresh_frame_flags : 0xff;
  for (int i = 0; i < 8; ++i) {
    if (refresh & (1 << i)) {
      slots_[i].reset();
      slot_headers_[i] = nullptr;
    }
  }
}

Status Decoder::HandleFrame(const ParsedFrame& frame) {
  if (frame.show_existing_frame) return ShowExistingFrame(frame);
  if (SkippedByDecodeFrameType(frame)) {
    ClearRefreshedSlots(frame);
    return Status::Ok();
  }
  if (settings_.parse_only) return Status::Ok();
  std::shared_ptr<ReferenceFrame> ref;
  const Status st = frame_decoder_->DecodeFrame(frame, slots_, &ref);
  if (!st.ok() || !ref || !ref->picture) {
    ClearRefreshedSlots(frame);
    return st.ok() ? InvalidData("frame decoding produced no picture") : st;
  }
  std::shared_ptr<DecodedPicture> pic = ref->picture;
  pic->seq = frame.seq_info;
  pic->frame = frame.frame_info;
  pic->metadata = ConvertMetadata(frame.metadata);
  pic->props = frame_props_;
  // 7.20 reference frame update process.
  const int refresh = frame.hdr ? frame.hdr->refresh_frame_flags : 0;
  std::shared_ptr<const ReferenceFrame> stored = std::move(ref);
  for (int i = 0; i < 8; ++i) {
    if (refresh & (1 << i)) {
      slots_[i] = stored;
      slot_headers_[i] = frame.hdr.get();
    }
  }
  if (frame.shown) {
    output_.Show(std::move(pic), frame.spatial_id);
  } else if (settings_.output_invisible_frames) {
    output_.PushDirect(std::move(pic));
  }
  return Status::Ok();
}

// 7.21 for show_existing_frame: output the frame in the slot; a shown key
// frame is loaded again and refreshes every slot.
Status Decoder::ShowExistingFrame(const ParsedFrame& frame) {
  int slot = -1;
  if (frame.hdr && frame.hdr->show_existing_frame) {
    // The show_existing_frame header itself: it names the slot.
    slot = frame.hdr->frame_to_show_map_idx;
  } else {
    // The header of the frame being shown: find the slot holding it.
    for (int i = 0; i < 8 && frame.hdr; ++i) {
      if (slots_[i] && slot_headers_[i] == frame.hdr.get()) {
        slot = i;
        break;
      }
    }
  }
  // Nothing to show in parse-only mode or when the frame was not decoded.
  if (slot < 0 || slot >= 8 || !slots_[slot] || !slots_[slot]->picture) return Status::Ok();
  const std::shared_ptr<const ReferenceFrame> shown = slots_[slot];
  auto pic = std::make_shared<DecodedPicture>(*shown->picture);  // shares the pixels
  pic->seq = frame.seq_info;
  pic->frame = frame.frame_info;
  pic->metadata = ConvertMetadata(frame.metadata);
  pic->props = frame_props_;
  // A shown key frame: 7.21 loads the slot's state and 7.20 stores it in
  // every slot (refresh_frame_flags = allFrames).
  if (frame.frame_info.frame_type == HAV1_FRAME_TYPE_KEY) {
    for (int i = 0; i < 8; ++i) {
      slots_[i] = shown;
      slot_headers_[i] = frame.hdr.get();
    }
  }
  output_.Show(std::move(pic), frame.spatial_id);
  return Status::Ok();
}

int Decoder::Fail(const Status& status, const Hav1DataProps& props, Hav1Data* in) {
  logger_.Error(status.message().empty() ? std::string(hav1_strerror(status.code()))
                                         : status.message());
  error_props_ = PropsHolder(props);  // before *in (which props views) goes
  ReleasePacket(in);
  frame_in_progress_ = false;
  held_packets_.clear();
  int code = status.code();
  // Flow-control codes mean something else to the caller.
  if (code == HAV1_OK || code == HAV1_ERR_AGAIN || code == HAV1_ERR_EOF) {
    code = HAV1_ERR_INVALID_DATA;
  }
  return code;
}

int Decoder::GetPicture(Hav1Picture* out) {
  if (output_.ready() > 0) {
    ExportPicture(output_.Front(), out);
    output_.PopFront();
    return HAV1_OK;
  }
  return draining_ ? HAV1_ERR_EOF : HAV1_ERR_AGAIN;
}

int Decoder::Drain() {
  output_.EndTemporalUnit();
  draining_ = true;
  return HAV1_OK;
}

void Decoder::Flush() {
  output_.Clear();
  slots_ = {};
  slot_headers_ = {};
  frame_in_progress_ = false;
  frame_props_ = PropsHolder();
  held_packets_.clear();
  draining_ = false;
  parser_->Flush();
}

Hav1EventFlags Decoder::TakeEventFlags() {
  const auto flags = static_cast<Hav1EventFlags>(events_);
  events_ = 0;
  return flags;
}

void Decoder::GetErrorProps(Hav1DataProps* out) const { PropsCopy(out, error_props_.get()); }

}  // namespace hav1
