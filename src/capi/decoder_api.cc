// Settings and decoding: hav1_default_settings, hav1_open, hav1_close,
// hav1_send_data, hav1_get_picture, hav1_drain, hav1_flush, events, errors,
// frame delay, SIMD target, hav1_parse_sequence_header.
#include <cstring>
#include <memory>
#include <span>

#include "hav1/hav1.h"
#include "src/bitstream/obu_parser.h"
#include "src/capi/context.h"
#include "src/capi/guard.h"
#include "src/decoder/settings.h"
#include "src/frame/props.h"

using hav1::capi::Guarded;
using hav1::capi::InvalidArg;
using hav1::capi::LogError;

namespace {

// The logger to report problems with settings s: its own when it looks
// usable, else the default.
hav1::Logger SettingsLogger(const Hav1Settings* s) {
  if (s != nullptr && s->struct_size >= sizeof(Hav1Settings) && s->logger.callback != nullptr) {
    return hav1::Logger(s->logger);
  }
  return hav1::Logger::Default();
}

}  // namespace

extern "C" {

HAV1_API void hav1_default_settings(Hav1Settings* s) {
  if (s == nullptr) {
    InvalidArg("hav1_default_settings", "s is NULL");
    return;
  }
  hav1::DefaultSettings(s);
}

HAV1_API int hav1_get_frame_delay(const Hav1Settings* s) {
  const char* fn = "hav1_get_frame_delay";
  if (s == nullptr) return InvalidArg(fn, "s is NULL");
  const hav1::Logger log = SettingsLogger(s);
  return Guarded(log, fn, [&]() -> int {
    Hav1Settings checked;
    const hav1::Status st = hav1::ReadSettings(s, &checked);
    if (!st.ok()) return InvalidArg(log, fn, st.message().c_str());
    return hav1::FrameDelay(checked);
  });
}

HAV1_API int hav1_open(Hav1Context** c_out, const Hav1Settings* s) {
  const char* fn = "hav1_open";
  if (c_out == nullptr) return InvalidArg(SettingsLogger(s), fn, "c_out is NULL");
  *c_out = nullptr;
  const hav1::Logger log = SettingsLogger(s);
  return Guarded(log, fn, [&]() -> int {
    Hav1Settings settings;
    if (s == nullptr) {
      hav1::DefaultSettings(&settings);
    } else {
      const hav1::Status st = hav1::ReadSettings(s, &settings);
      if (!st.ok()) return InvalidArg(log, fn, st.message().c_str());
    }
    auto context = std::make_unique<Hav1Context>();
    const hav1::Status st = hav1::Decoder::Create(settings, &context->decoder);
    if (!st.ok()) {
      LogError(log, fn, st.message().c_str());
      return st.code();
    }
    *c_out = context.release();
    return HAV1_OK;
  });
}

HAV1_API void hav1_close(Hav1Context** c_out) {
  if (c_out == nullptr || *c_out == nullptr) return;
  std::unique_ptr<Hav1Context> context(*c_out);
  *c_out = nullptr;
  // Destruction does not throw: joins the workers, releases everything.
}

HAV1_API int hav1_parse_sequence_header(Hav1SequenceInfo* out, const uint8_t* buf, size_t sz) {
  const char* fn = "hav1_parse_sequence_header";
  if (out == nullptr) return InvalidArg(fn, "out is NULL");
  if (buf == nullptr) return InvalidArg(fn, "buf is NULL");
  if (sz == 0) return InvalidArg(fn, "sz is 0");
  const hav1::Logger log = hav1::Logger::Default();
  return Guarded(log, fn, [&]() -> int {
    Hav1SequenceInfo info{};
    const hav1::Status st = hav1::ParseSequenceInfo(std::span<const uint8_t>(buf, sz), &info);
    if (!st.ok()) return st.code();
    *out = info;
    return HAV1_OK;
  });
}

HAV1_API int hav1_send_data(Hav1Context* c, Hav1Data* in) {
  const char* fn = "hav1_send_data";
  if (c == nullptr) return InvalidArg(fn, "c is NULL");
  const hav1::Logger& log = c->decoder->logger();
  if (in == nullptr) return InvalidArg(log, fn, "in is NULL");
  if (in->data == nullptr || in->sz == 0) return InvalidArg(log, fn, "in holds no data");
  if (in->ref == nullptr) {
    return InvalidArg(log, fn, "in->ref is NULL: make packets with hav1_data_create or hav1_data_wrap");
  }
  return Guarded(log, fn, [&] { return c->decoder->SendData(in); });
}

HAV1_API int hav1_get_picture(Hav1Context* c, Hav1Picture* out) {
  const char* fn = "hav1_get_picture";
  if (c == nullptr) return InvalidArg(fn, "c is NULL");
  const hav1::Logger& log = c->decoder->logger();
  if (out == nullptr) return InvalidArg(log, fn, "out is NULL");
  return Guarded(log, fn, [&] { return c->decoder->GetPicture(out); });
}

HAV1_API int hav1_drain(Hav1Context* c) {
  const char* fn = "hav1_drain";
  if (c == nullptr) return InvalidArg(fn, "c is NULL");
  return Guarded(c->decoder->logger(), fn, [&] { return c->decoder->Drain(); });
}

HAV1_API void hav1_flush(Hav1Context* c) {
  const char* fn = "hav1_flush";
  if (c == nullptr) {
    InvalidArg(fn, "c is NULL");
    return;
  }
  Guarded(c->decoder->logger(), fn, [&]() -> int {
    c->decoder->Flush();
    return HAV1_OK;
  });
}

HAV1_API int hav1_get_event_flags(Hav1Context* c, Hav1EventFlags* flags) {
  const char* fn = "hav1_get_event_flags";
  if (c == nullptr) return InvalidArg(fn, "c is NULL");
  if (flags == nullptr) return InvalidArg(c->decoder->logger(), fn, "flags is NULL");
  *flags = c->decoder->TakeEventFlags();
  return HAV1_OK;
}

HAV1_API int hav1_get_decode_error_data_props(Hav1Context* c, Hav1DataProps* out) {
  const char* fn = "hav1_get_decode_error_data_props";
  if (c == nullptr) return InvalidArg(fn, "c is NULL");
  if (out == nullptr) return InvalidArg(c->decoder->logger(), fn, "out is NULL");
  c->decoder->GetErrorProps(out);
  return HAV1_OK;
}

HAV1_API const char* hav1_get_simd_target(const Hav1Context* c) {
  if (c == nullptr) {
    InvalidArg("hav1_get_simd_target", "c is NULL");
    return nullptr;
  }
  return c->decoder->simd_target();
}

}  // extern "C"
