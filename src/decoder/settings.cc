#include "src/decoder/settings.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>
#include <thread>
#include <type_traits>

#include "src/decoder/logger.h"

namespace hav1 {
namespace {

constexpr int kMaxThreads = 256;
constexpr int kMaxFrameDelay = 256;
// struct_size beyond this is surely not a Hav1Settings of any version.
constexpr size_t kMaxStructSize = 64 * 1024;

// The int stored in an enum field, whatever a C caller put there.
template <typename Enum>
long long EnumBits(const Enum& e) {
  std::underlying_type_t<Enum> v;
  std::memcpy(&v, &e, sizeof(v));
  return static_cast<long long>(v);
}

Status CheckRange(const char* name, long long v, long long lo, long long hi) {
  if (v < lo || v > hi) {
    return InvalidArgument(std::string("settings.") + name + " = " + std::to_string(v) +
                           " is out of range [" + std::to_string(lo) + ", " +
                           std::to_string(hi) + "]");
  }
  return Status::Ok();
}

}  // namespace

void DefaultSettings(Hav1Settings* s) {
  std::memset(s, 0, sizeof(*s));
  s->struct_size = sizeof(Hav1Settings);
  s->n_threads = 0;
  s->max_frame_delay = 0;
  s->apply_grain = 1;
  s->operating_point = 0;
  s->all_layers = 0;
  s->frame_size_limit = 0;
  s->strict_std_compliance = 0;
  s->output_invisible_frames = 0;
  s->inloop_filters = HAV1_INLOOPFILTER_ALL;
  s->decode_frame_type = HAV1_DECODEFRAMETYPE_ALL;
  s->parse_only = 0;
  s->cpu_target = nullptr;
  s->logger.callback = DefaultLogCallback;
}

Status ReadSettings(const Hav1Settings* s, Hav1Settings* out) {
  const size_t size = s->struct_size;
  // This is the first released layout: anything smaller is not a
  // Hav1Settings (e.g. struct_size was never set).
  if (size < sizeof(Hav1Settings) || size > kMaxStructSize) {
    return InvalidArgument("settings.struct_size = " + std::to_string(size) +
                           " is not a valid Hav1Settings size (expected " +
                           std::to_string(sizeof(Hav1Settings)) +
                           "; use hav1_default_settings)");
  }
  // A newer caller's settings: fields this library does not know must be
  // left at zero (their default).
  const auto* bytes = reinterpret_cast<const unsigned char*>(s);
  for (size_t i = sizeof(Hav1Settings); i < size; ++i) {
    if (bytes[i] != 0) {
      return InvalidArgument("settings has non-zero fields unknown to this version at byte " +
                             std::to_string(i));
    }
  }
  std::memcpy(out, s, sizeof(Hav1Settings));
  out->struct_size = sizeof(Hav1Settings);
  HAV1_RETURN_IF_ERROR(CheckRange("n_threads", out->n_threads, 0, kMaxThreads));
  HAV1_RETURN_IF_ERROR(CheckRange("max_frame_delay", out->max_frame_delay, 0, kMaxFrameDelay));
  HAV1_RETURN_IF_ERROR(CheckRange("apply_grain", out->apply_grain, 0, 1));
  HAV1_RETURN_IF_ERROR(CheckRange("operating_point", out->operating_point, 0, 31));
  HAV1_RETURN_IF_ERROR(CheckRange("all_layers", out->all_layers, 0, 1));
  HAV1_RETURN_IF_ERROR(
      CheckRange("strict_std_compliance", out->strict_std_compliance, 0, 1));
  HAV1_RETURN_IF_ERROR(
      CheckRange("output_invisible_frames", out->output_invisible_frames, 0, 1));
  // Enum fields come from C callers and may hold any int: check their bytes
  // (loading an out-of-range enum is undefined in C++).
  HAV1_RETURN_IF_ERROR(CheckRange("inloop_filters", EnumBits(out->inloop_filters), 0,
                                  HAV1_INLOOPFILTER_ALL));
  HAV1_RETURN_IF_ERROR(CheckRange("decode_frame_type", EnumBits(out->decode_frame_type),
                                  HAV1_DECODEFRAMETYPE_ALL, HAV1_DECODEFRAMETYPE_KEY));
  HAV1_RETURN_IF_ERROR(CheckRange("parse_only", out->parse_only, 0, 1));
  const bool has_alloc = out->allocator.alloc_picture_callback != nullptr;
  const bool has_release = out->allocator.release_picture_callback != nullptr;
  if (has_alloc != has_release) {
    return InvalidArgument(
        "settings.allocator needs both alloc_picture_callback and "
        "release_picture_callback, or neither");
  }
  for (uint8_t b : out->reserved) {
    if (b != 0) return InvalidArgument("settings.reserved must be zero");
  }
  return Status::Ok();
}

int ResolveThreadCount(const Hav1Settings& s) {
  if (s.n_threads > 0) return s.n_threads;
  const unsigned hc = std::thread::hardware_concurrency();
  return static_cast<int>(std::clamp(hc, 1u, static_cast<unsigned>(kMaxThreads)));
}

int FrameDelay(const Hav1Settings& s) {
  const int threads = ResolveThreadCount(s);
  if (s.max_frame_delay > 0) return std::min(s.max_frame_delay, threads);
  const int automatic = static_cast<int>(std::ceil(std::sqrt(static_cast<double>(threads))));
  return std::clamp(automatic, 1, 8);
}

}  // namespace hav1
