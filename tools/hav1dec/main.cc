// hav1dec: command line AV1 decoder (see --help).  Uses only the public API
// (hav1/hav1.h) and the container readers (tools/input).
#include <unistd.h>

#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "hav1/hav1.h"
#include "tools/hav1dec/inspect.h"
#include "tools/hav1dec/options.h"
#include "tools/hav1dec/output.h"
#include "tools/input/input.h"

namespace hav1::cli {
namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::duration d) {
  return std::chrono::duration<double>(d).count();
}

// Owns a decoder context.
struct ContextCloser {
  void operator()(Hav1Context* c) const { hav1_close(&c); }
};
using ContextPtr = std::unique_ptr<Hav1Context, ContextCloser>;

// Owns a picture reference.
class PictureRef {
 public:
  PictureRef() { std::memset(&pic_, 0, sizeof(pic_)); }
  ~PictureRef() { hav1_picture_unref(&pic_); }
  PictureRef(const PictureRef&) = delete;
  PictureRef& operator=(const PictureRef&) = delete;
  Hav1Picture* get() { return &pic_; }

 private:
  Hav1Picture pic_;
};

// Owns a packet.
class DataRef {
 public:
  DataRef() { std::memset(&data_, 0, sizeof(data_)); }
  ~DataRef() { hav1_data_unref(&data_); }
  DataRef(const DataRef&) = delete;
  DataRef& operator=(const DataRef&) = delete;
  Hav1Data* get() { return &data_; }

 private:
  Hav1Data data_;
};

// Progress line on stderr, in place, only when stderr is a terminal.
class Progress {
 public:
  explicit Progress(bool enabled)
      : enabled_(enabled && isatty(STDERR_FILENO)), start_(Clock::now()) {}
  void Update(uint64_t frames, bool force = false) {
    if (!enabled_) return;
    const auto now = Clock::now();
    if (!force && now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    const double t = Seconds(now - start_);
    std::fprintf(stderr, "\rhav1dec: %" PRIu64 " frames, %.2f fps, %.1f s   ",
                 frames, t > 0 ? frames / t : 0.0, t);
    std::fflush(stderr);
    shown_ = true;
  }
  // Ends the in-place line so that later messages start on a fresh line.
  void Clear() {
    if (shown_) std::fputc('\n', stderr);
    shown_ = false;
  }
  Clock::time_point start() const { return start_; }

 private:
  bool enabled_;
  bool shown_ = false;
  Clock::time_point start_;
  Clock::time_point last_{};
};

// What the decode loop reports.
struct LoopResult {
  bool error = false;      // some decode error happened
  bool stopped = false;    // the picture callback asked to stop
  uint64_t units = 0;      // temporal units sent
};

// Prints a decode error naming the packet that failed.
void ReportDecodeError(Hav1Context* c, int err, const char* where,
                       uint64_t fallback_offset, uint64_t unit, Progress* progress) {
  progress->Clear();
  Hav1DataProps props;
  hav1_data_props_init(&props);
  int64_t offset = static_cast<int64_t>(fallback_offset);
  if (hav1_get_decode_error_data_props(c, &props) == 0 && props.offset >= 0)
    offset = props.offset;
  hav1_data_props_unref(&props);
  std::fprintf(stderr,
               "hav1dec: error %s (packet at byte offset %" PRId64
               ", temporal unit %" PRIu64 "): %s (%d)\n",
               where, offset, unit, hav1_strerror(err), err);
}

// Feeds every temporal unit of reader to the decoder and passes each output
// picture to on_picture (which returns false to stop).  Errors are printed;
// with keep_going decoding goes on after them.
LoopResult DecodeLoop(input::Reader* reader, Hav1Context* c, bool keep_going,
                      Progress* progress,
                      const std::function<bool(Hav1Picture*)>& on_picture) {
  LoopResult r;
  // Takes every picture available; false when the decode must end.
  auto drain_pictures = [&](uint64_t offset, bool* got_any) -> bool {
    for (;;) {
      PictureRef pic;
      const int res = hav1_get_picture(c, pic.get());
      if (res == HAV1_ERR_AGAIN || res == HAV1_ERR_EOF) return true;
      if (res < 0) {
        ReportDecodeError(c, res, "decoding", offset, r.units, progress);
        r.error = true;
        if (!keep_going) return false;
        continue;
      }
      if (got_any) *got_any = true;
      if (!on_picture(pic.get())) {
        r.stopped = true;
        return false;
      }
    }
  };

  std::string read_error;
  // A decode error without keep_going ends the input, but the pictures
  // decoded before it still come out (drained below).
  bool stop_input = false;
  while (!stop_input) {
    input::TemporalUnit tu;
    const int got = reader->Read(&tu, &read_error);
    if (got < 0) {
      progress->Clear();
      std::fprintf(stderr, "hav1dec: input error: %s\n", read_error.c_str());
      r.error = true;
      break;
    }
    if (got == 0) break;
    ++r.units;
    if (tu.data.empty()) continue;
    DataRef data;
    uint8_t* dst = hav1_data_create(data.get(), tu.data.size());
    if (dst == nullptr) {
      progress->Clear();
      std::fprintf(stderr, "hav1dec: out of memory for a %zu-byte packet\n",
                   tu.data.size());
      r.error = true;
      return r;
    }
    std::memcpy(dst, tu.data.data(), tu.data.size());
    data.get()->m.timestamp = tu.timestamp;
    data.get()->m.duration = tu.duration;
    data.get()->m.offset = static_cast<int64_t>(tu.offset);
    int stalls = 0;
    while (data.get()->sz > 0) {
      const size_t before = data.get()->sz;
      const int res = hav1_send_data(c, data.get());
      if (res < 0 && res != HAV1_ERR_AGAIN) {
        ReportDecodeError(c, res, "decoding", tu.offset, r.units, progress);
        r.error = true;
        if (!keep_going) stop_input = true;
        hav1_data_unref(data.get());
        break;
      }
      bool got_any = false;
      if (!drain_pictures(tu.offset, &got_any)) return r;
      if (res == HAV1_ERR_AGAIN && !got_any && data.get()->sz == before) {
        // AGAIN both ways: the library cannot make progress.
        if (++stalls > 1000) {
          progress->Clear();
          std::fprintf(stderr,
                       "hav1dec: decoder stalled at temporal unit %" PRIu64
                       " (byte offset %" PRIu64 ")\n", r.units, tu.offset);
          r.error = true;
          return r;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
      } else {
        stalls = 0;
      }
    }
  }

  // End of stream: take the remaining pictures.
  const int res = hav1_drain(c);
  if (res < 0) {
    ReportDecodeError(c, res, "draining", 0, r.units, progress);
    r.error = true;
    return r;
  }
  for (int again = 0;;) {
    PictureRef pic;
    const int got = hav1_get_picture(c, pic.get());
    if (got == HAV1_ERR_EOF) break;
    if (got == HAV1_ERR_AGAIN) {
      if (++again > 10000) {
        progress->Clear();
        std::fprintf(stderr, "hav1dec: decoder returned AGAIN after drain\n");
        r.error = true;
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
      continue;
    }
    again = 0;
    if (got < 0) {
      ReportDecodeError(c, got, "draining", 0, r.units, progress);
      r.error = true;
      if (!keep_going) break;
      continue;
    }
    if (!on_picture(pic.get())) {
      r.stopped = true;
      break;
    }
  }
  return r;
}

Hav1Settings MakeSettings(const Options& o) {
  Hav1Settings s;
  hav1_default_settings(&s);
  s.n_threads = o.threads;
  s.max_frame_delay = o.framedelay;
  s.apply_grain = o.filmgrain;
  s.operating_point = o.oppoint;
  s.all_layers = o.alllayers;
  s.frame_size_limit = o.sizelimit;
  if (o.strict >= 0) s.strict_std_compliance = o.strict;
  s.output_invisible_frames = o.outputinvisible;
  s.inloop_filters = static_cast<Hav1InloopFilterType>(o.inloopfilters);
  s.cpu_target = o.cpu.empty() ? nullptr : o.cpu.c_str();
  return s;
}

ContextPtr OpenDecoder(const Options& o, const Hav1Settings& s) {
  Hav1Context* raw = nullptr;
  const int res = hav1_open(&raw, &s);
  if (res < 0) {
    if (res == HAV1_ERR_INVALID_ARGUMENT && !o.cpu.empty())
      std::fprintf(stderr,
                   "hav1dec: --cpu: the library rejected target '%s' (see "
                   "--cpu list): %s\n", o.cpu.c_str(), hav1_strerror(res));
    else
      std::fprintf(stderr, "hav1dec: cannot open the decoder: %s (%d)\n",
                   hav1_strerror(res), res);
    return nullptr;
  }
  return ContextPtr(raw);
}

int RunDecode(const Options& o, input::Reader* reader) {
  std::string error;
  const MuxerType type = ChooseMuxer(o, &error);
  if (type == MuxerType::kAuto) {
    std::fprintf(stderr, "hav1dec: %s\n", error.c_str());
    return 2;
  }
  FrameRate rate;
  const input::StreamInfo& info = reader->info();
  if (info.fps_num != 0 && info.fps_den != 0) rate = {info.fps_num, info.fps_den};
  // md5 without -o prints to stdout, except for --verify.
  std::string path = o.output;
  if (type == MuxerType::kMd5 && path.empty() && o.verify.empty()) path = "-";
  std::unique_ptr<Muxer> muxer = OpenMuxer(type, path, rate, &error);
  if (!muxer) {
    std::fprintf(stderr, "hav1dec: %s\n", error.c_str());
    return 1;
  }
  std::FILE* frametimes = nullptr;
  if (!o.frametimes.empty()) {
    frametimes = std::fopen(o.frametimes.c_str(), "w");
    if (frametimes == nullptr) {
      std::fprintf(stderr, "hav1dec: --frametimes: cannot open '%s': %s\n",
                   o.frametimes.c_str(), std::strerror(errno));
      return 1;
    }
  }

  const Hav1Settings settings = MakeSettings(o);
  ContextPtr ctx = OpenDecoder(o, settings);
  if (!ctx) {
    if (frametimes) std::fclose(frametimes);
    return 1;
  }

  Progress progress(!o.quiet);
  uint64_t seen = 0, written = 0;
  bool write_failed = false;
  Clock::time_point last = progress.start();
  const LoopResult r = DecodeLoop(
      reader, ctx.get(), o.keep_going, &progress, [&](Hav1Picture* pic) {
        const auto now = Clock::now();
        if (frametimes)
          std::fprintf(frametimes, "%" PRId64 "\n",
                       static_cast<int64_t>(std::chrono::duration_cast<
                           std::chrono::microseconds>(now - last).count()));
        last = now;
        if (seen++ < o.skip) return true;
        if (!muxer->Write(*pic, &error)) {
          progress.Clear();
          std::fprintf(stderr, "hav1dec: %s\n", error.c_str());
          write_failed = true;
          return false;
        }
        ++written;
        progress.Update(written);
        return o.limit == 0 || written < o.limit;
      });
  const double elapsed = Seconds(Clock::now() - progress.start());
  progress.Update(written, true);
  progress.Clear();
  ctx.reset();
  if (frametimes) std::fclose(frametimes);

  bool failed = r.error || write_failed;
  // A digest of a decode that stopped at an error would look like a result:
  // the md5 muxer prints nothing then (unless --keep-going).
  const bool aborted = r.error && !o.keep_going && type == MuxerType::kMd5;
  if (!write_failed && !aborted && !muxer->Finish(&error)) {
    std::fprintf(stderr, "hav1dec: %s\n", error.c_str());
    failed = true;
  }
  if (!o.quiet) {
    std::fprintf(stderr,
                 "hav1dec: decoded %" PRIu64 " frames (%" PRIu64
                 " written) in %.3f s, %.2f fps%s\n",
                 seen, written, elapsed, elapsed > 0 ? seen / elapsed : 0.0,
                 r.error ? ", with errors" : "");
  }
  if (!o.verify.empty() && aborted) {
    std::fprintf(stderr, "hav1dec: --verify: no MD5, the decode failed\n");
    return 1;
  }
  if (!o.verify.empty()) {
    const std::string got = muxer->Digest();
    if (got != o.verify) {
      std::fprintf(stderr, "hav1dec: --verify: MD5 mismatch\n  expected %s\n  decoded  %s\n",
                   o.verify.c_str(), got.c_str());
      return 1;
    }
    if (!o.quiet) std::fprintf(stderr, "hav1dec: --verify: MD5 matches (%s)\n", got.c_str());
  }
  return failed ? 1 : 0;
}

int RunDumpHeaders(const Options& o, input::Reader* reader) {
  std::FILE* out = stdout;
  if (!o.output.empty() && o.output != "-") {
    out = std::fopen(o.output.c_str(), "w");
    if (out == nullptr) {
      std::fprintf(stderr, "hav1dec: -o: cannot open '%s': %s\n",
                   o.output.c_str(), std::strerror(errno));
      return 1;
    }
  }
  HeaderDumper dumper(out);
  Hav1Settings s = MakeSettings(o);
  s.parse_only = 1;
  s.tracer = dumper.Tracer();
  int status = 1;
  if (ContextPtr ctx = OpenDecoder(o, s)) {
    Progress progress(false);
    const LoopResult r = DecodeLoop(reader, ctx.get(), o.keep_going, &progress,
                                    [](Hav1Picture*) { return true; });
    status = r.error ? 1 : 0;
  }
  if (std::fflush(out) != 0 || (out != stdout && std::fclose(out) != 0)) {
    std::fprintf(stderr, "hav1dec: write error: %s\n", std::strerror(errno));
    status = 1;
  }
  return status;
}

int RunInfo(const Options& o, input::Reader* reader, const std::string& path) {
  StreamStats stats;
  Hav1Settings s = MakeSettings(o);
  s.parse_only = 1;
  s.tracer = stats.Tracer();
  ContextPtr ctx = OpenDecoder(o, s);
  if (!ctx) return 1;

  // The sequence header comes from the first unit that has one; hav1_send_data
  // consumes the unit, so look at a copy first.
  Hav1SequenceInfo seq{};
  bool have_seq = false;
  uint64_t bytes = 0;
  Progress progress(false);
  input::Reader* const source = reader;
  class Peek : public input::Reader {
   public:
    Peek(input::Reader* r, Hav1SequenceInfo* seq, bool* have, uint64_t* bytes)
        : r_(r), seq_(seq), have_(have), bytes_(bytes) {}
    int Read(input::TemporalUnit* tu, std::string* error) override {
      const int got = r_->Read(tu, error);
      if (got == 1) {
        *bytes_ += tu->data.size();
        if (!*have_ && hav1_parse_sequence_header(seq_, tu->data.data(),
                                                  tu->data.size()) == 0)
          *have_ = true;
      }
      return got;
    }
    const input::StreamInfo& info() const override { return r_->info(); }

   private:
    input::Reader* r_;
    Hav1SequenceInfo* seq_;
    bool* have_;
    uint64_t* bytes_;
  } peek(source, &seq, &have_seq, &bytes);
  const LoopResult r = DecodeLoop(&peek, ctx.get(), o.keep_going, &progress,
                                  [](Hav1Picture*) { return true; });
  stats.Finish();

  const input::StreamInfo& info = reader->info();
  std::printf("file:            %s\n", path.c_str());
  std::printf("container:       %s", input::FormatName(info.format));
  if (info.width != 0 && info.height != 0)
    std::printf(", %ux%u", info.width, info.height);
  if (info.fps_num != 0 && info.fps_den != 0)
    std::printf(", %.3f fps (%u/%u)", static_cast<double>(info.fps_num) / info.fps_den,
                info.fps_num, info.fps_den);
  std::printf(", timebase %u/%u", info.timebase_num, info.timebase_den);
  if (info.frame_count != 0) std::printf(", %" PRIu64 " frames in the header", info.frame_count);
  std::printf("\n");
  std::printf("temporal units:  %" PRIu64 " (%" PRIu64 " bytes of OBUs)\n", r.units, bytes);
  if (have_seq) {
    std::printf("profile:         %s%s%s\n", ProfileName(seq.profile),
                seq.still_picture ? ", still picture" : "",
                seq.reduced_still_picture_header ? " (reduced header)" : "");
    std::printf("max frame size:  %dx%d\n", seq.max_width, seq.max_height);
    std::printf("bit depth:       %d\n", seq.bitdepth);
    std::printf("layout:          %s\n", LayoutName(seq.layout));
    std::printf("colour:          %s\n", ColorDescription(seq.color).c_str());
    std::printf("film grain:      %s\n", seq.film_grain_params_present ? "parameters present" : "no");
    if (seq.timing_info_present)
      std::printf("timing:          %u/%u s per tick (%.3f fps)\n",
                  seq.num_units_in_display_tick, seq.time_scale,
                  seq.num_units_in_display_tick
                      ? static_cast<double>(seq.time_scale) / seq.num_units_in_display_tick
                      : 0.0);
    std::printf("operating points: %d\n", seq.operating_points);
    for (int i = 0; i < seq.operating_points && i < 32; ++i) {
      std::printf("  %2d: idc 0x%03x, level %s, tier %d\n", i,
                  seq.operating_point_idc[i], LevelName(seq.seq_level_idx[i]).c_str(),
                  seq.seq_tier[i]);
    }
  } else {
    std::printf("sequence header: none found\n");
  }
  if (stats.frame_headers != 0) {
    std::printf("frame headers:   %" PRIu64 " (key %" PRIu64 ", inter %" PRIu64
                ", intra-only %" PRIu64 ", switch %" PRIu64 ", show-existing %" PRIu64 ")\n",
                stats.frame_headers, stats.by_type[0], stats.by_type[1],
                stats.by_type[2], stats.by_type[3], stats.show_existing);
    std::printf("shown frames:    %" PRIu64 " (hidden %" PRIu64 ")\n", stats.shown, stats.hidden);
  } else {
    std::printf("frame headers:   none traced\n");
  }
  if (!stats.frame_sizes.empty()) {
    std::printf("coded sizes:    ");
    for (const auto& [w, h] : stats.frame_sizes) std::printf(" %" PRId64 "x%" PRId64, w, h);
    std::printf("\n");
  }
  if (stats.superres_frames) std::printf("superres frames: %" PRIu64 "\n", stats.superres_frames);
  if (stats.max_temporal_id || stats.max_spatial_id)
    std::printf("layers:          temporal ids 0..%d, spatial ids 0..%d\n",
                stats.max_temporal_id, stats.max_spatial_id);
  if (!stats.obu_types.empty()) {
    std::printf("OBUs:           ");
    const char* sep = " ";
    for (const auto& [type, n] : stats.obu_types) {
      std::printf("%s%s %" PRIu64, sep, ObuTypeName(type), n);
      sep = ", ";
    }
    std::printf("\n");
  }
  const char* simd = hav1_get_simd_target(ctx.get());
  std::printf("decoder SIMD:    %s\n", simd != nullptr ? simd : "?");
  if (r.error) std::printf("errors:          yes (see above)\n");
  return r.error ? 1 : 0;
}

int Main(int argc, char** argv) {
  Options o;
  switch (ParseOptions(argc, argv, &o)) {
    case ParseOutcome::kExitSuccess: return 0;
    case ParseOutcome::kExitUsage: return 2;
    case ParseOutcome::kRun: break;
  }
  std::string error;
  std::unique_ptr<input::Reader> reader = input::OpenFile(o.input, &error);
  if (!reader) {
    std::fprintf(stderr, "hav1dec: cannot read '%s': %s\n", o.input.c_str(), error.c_str());
    return 1;
  }
  const char* format = input::FormatName(reader->info().format);
  if (!o.demuxer.empty() && o.demuxer != format) {
    std::fprintf(stderr, "hav1dec: --demuxer: '%s' is a %s stream, not %s\n",
                 o.input.c_str(), format, o.demuxer.c_str());
    return 1;
  }
  switch (o.mode) {
    case Mode::kDumpHeaders: return RunDumpHeaders(o, reader.get());
    case Mode::kInfo: return RunInfo(o, reader.get(), o.input);
    case Mode::kDecode: break;
  }
  return RunDecode(o, reader.get());
}

}  // namespace
}  // namespace hav1::cli

int main(int argc, char** argv) { return hav1::cli::Main(argc, argv); }
