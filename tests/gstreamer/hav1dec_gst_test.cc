// Tests of the GStreamer element hav1dec (tools/gstreamer), one case per run:
//
//   hav1dec_gst_test CASE SOURCE_ROOT
//
// Cases that need no decoded picture (they pass now):
//   properties   element metadata, pad templates, property defaults/ranges
//   caps         av1parse negotiates obu-stream/tu with hav1dec (IVF, Annex B)
//   error        a stream hav1 cannot decode (yet) ends in an error message
//                from hav1dec (EOS once it decodes): no crash, no hang
//   garbage      random and corrupted temporal units: no crash, no hang, no
//                leak of pending frames
//   latency      reported latency follows the frame delay of the settings;
//                max-frame-delay=-1 means 1 (no delay) behind a live source
// Cases that need decoded pictures take their streams from
// conformance/expected_pass.txt and SKIP (77) while no listed stream fits:
//   md5          GstHarness pushes the temporal units of streams, the output
//                (zero-copy with GstVideoMeta and copied without) matches the
//                manifest MD5 and frame count
//   ivf          filesrc ! ivfparse ! av1parse ! hav1dec ! checksumsink
//   webm         filesrc ! matroskademux ! av1parse ! hav1dec ! fakesink on
//                conformance/samples/hav1-inter-420-8bit.webm
//   seek         flushing seek in the middle: decoding continues and every
//                frame after the seek equals the frame of a straight decode
//   drain        with a frame delay, EOS drains every frame
//   size-change  caps follow mid-stream frame size changes
//
// Expected values come from the manifests (reference decoders), never from
// hav1.  Environment: GST_PLUGIN_PATH must contain the built plugin (meson
// sets it); HAV1_GST_TEST_EXPECTED_PASS overrides the expected_pass.txt path.
#include <gst/check/gstharness.h>
#include <gst/gst.h>
#include <gst/video/video.h>
#include <unistd.h>

#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <hav1/hav1.h>

#include "tools/input/input.h"

namespace {

constexpr int kSkip = 77;
constexpr GstClockTime kPipelineTimeout = 60 * GST_SECOND;
constexpr GstClockTime kFrameDuration = GST_SECOND / 30;

std::string g_source_root;

std::string SharedConformance() {
  return g_source_root + "/../shared/conformance";
}

#define CHECK(cond, ...)                                            \
  do {                                                              \
    if (!(cond)) {                                                  \
      std::fprintf(stderr, "FAILED %s:%d: %s: ", __FILE__, __LINE__, \
                   #cond);                                          \
      std::fprintf(stderr, __VA_ARGS__);                            \
      std::fprintf(stderr, "\n");                                   \
      return 1;                                                     \
    }                                                               \
  } while (0)

bool FileExists(const std::string& path) {
  return access(path.c_str(), R_OK) == 0;
}

// ---------------------------------------------------------------- manifest

struct Stream {
  std::string path;  // absolute
  std::string name;  // as listed in expected_pass.txt
  std::string md5;
  int frames = 0;
  int width = 0, height = 0;
  int bitdepth = 0;
  std::string chroma;
  std::string container;
  std::set<std::string> tags;
};

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> out;
  std::stringstream ss(line);
  std::string field;
  while (std::getline(ss, field, '\t')) out.push_back(field);
  return out;
}

// Rows of a manifest with an empty args column (the default decode), by file.
std::map<std::string, Stream> ReadManifest(const std::string& path,
                                           const std::string& dir) {
  std::map<std::string, Stream> rows;
  std::ifstream in(path);
  std::string line;
  if (!std::getline(in, line)) return rows;
  std::vector<std::string> header = SplitTabs(line);
  std::map<std::string, size_t> col;
  for (size_t i = 0; i < header.size(); i++) col[header[i]] = i;
  for (const char* c : {"file", "md5", "frames", "width", "height",
                        "container", "expect", "tags"})
    if (!col.count(c)) return rows;
  while (std::getline(in, line)) {
    std::vector<std::string> f = SplitTabs(line);
    f.resize(header.size());
    if (f[col["expect"]] != "match") continue;
    if (col.count("args") && !f[col["args"]].empty()) continue;
    Stream s;
    s.path = dir + "/" + f[col["file"]];
    s.md5 = f[col["md5"]];
    s.frames = std::atoi(f[col["frames"]].c_str());
    s.width = std::atoi(f[col["width"]].c_str());
    s.height = std::atoi(f[col["height"]].c_str());
    if (col.count("bitdepth")) s.bitdepth = std::atoi(f[col["bitdepth"]].c_str());
    if (col.count("chroma")) s.chroma = f[col["chroma"]];
    s.container = f[col["container"]];
    std::stringstream tags(f[col["tags"]]);
    std::string tag;
    while (std::getline(tags, tag, ',')) s.tags.insert(tag);
    rows.emplace(f[col["file"]], s);
  }
  return rows;
}

// The streams of conformance/expected_pass.txt and of
// conformance/samples/expected_pass.txt (hav1 decodes them
// bit-exactly) with their manifest rows.  Names are looked up in the shared
// manifest (paths relative to ../shared/conformance) and in the samples
// manifest ("samples/<file>", "conformance/samples/<file>" or "<file>").
std::vector<Stream> ExpectedPass() {
  std::vector<Stream> out;
  const char* env = std::getenv("HAV1_GST_TEST_EXPECTED_PASS");
  std::vector<std::string> lists;
  if (env) {
    lists.push_back(env);
  } else {
    lists.push_back(g_source_root + "/conformance/expected_pass.txt");
    lists.push_back(g_source_root + "/conformance/samples/expected_pass.txt");
  }
  std::string samples_dir = g_source_root + "/conformance/samples";
  auto shared = ReadManifest(SharedConformance() + "/MANIFEST.tsv",
                             SharedConformance());
  auto samples = ReadManifest(samples_dir + "/MANIFEST.tsv", samples_dir);
  for (const std::string& list : lists) {
    std::ifstream in(list);
    std::string line;
    while (in && std::getline(in, line)) {
      std::stringstream ss(line);
      std::string name;
      if (!(ss >> name) || name[0] == '#') continue;
      std::string key = name;
      for (const char* prefix : {"conformance/samples/", "samples/"})
        if (key.rfind(prefix, 0) == 0) key = key.substr(std::strlen(prefix));
      const Stream* s = nullptr;
      if (shared.count(name)) s = &shared[name];
      else if (samples.count(key)) s = &samples[key];
      if (!s || !FileExists(s->path)) continue;
      Stream copy = *s;
      copy.name = name;
      out.push_back(copy);
    }
  }
  return out;
}

int SkipNoPictures(const char* what) {
  std::printf(
      "SKIP: %s: no stream of the expected-pass lists qualifies (this test "
      "runs once a fitting stream is listed in conformance/expected_pass.txt "
      "or conformance/samples/expected_pass.txt)\n",
      what);
  return kSkip;
}

// ------------------------------------------------------------ frame digest

// MD5 of a frame as the manifest defines it: planes Y, U, V (Y only for
// GRAY) row by row at the frame size, no padding, 16-bit samples LE.
void HashFrame(const GstVideoFrame* f, GChecksum* sum) {
  for (guint p = 0; p < GST_VIDEO_FRAME_N_PLANES(f); p++) {
    const guint8* data = static_cast<const guint8*>(GST_VIDEO_FRAME_PLANE_DATA(f, p));
    gint stride = GST_VIDEO_FRAME_PLANE_STRIDE(f, p);
    gsize row = static_cast<gsize>(GST_VIDEO_FRAME_COMP_WIDTH(f, p)) *
                GST_VIDEO_FRAME_COMP_PSTRIDE(f, p);
    for (gint y = 0; y < GST_VIDEO_FRAME_COMP_HEIGHT(f, p); y++)
      g_checksum_update(sum, data + static_cast<gsize>(y) * stride, row);
  }
}

struct OutputFrame {
  GstClockTime pts;
  int width, height;
  std::string md5;
  bool had_meta;
};

// Collects what leaves a pad: per-frame MD5s and the stream MD5, hashed in
// a buffer probe with the caps current at push time.
struct Collector {
  GChecksum* stream = g_checksum_new(G_CHECKSUM_MD5);
  std::vector<OutputFrame> frames;
  std::string error;
  std::vector<std::pair<int, int>> caps_sizes;  // every distinct caps change
  bool hash = true;
  ~Collector() { g_checksum_free(stream); }
};

GstPadProbeReturn CollectProbe(GstPad* pad, GstPadProbeInfo* info,
                               gpointer user_data) {
  auto* c = static_cast<Collector*>(user_data);
  if (GST_PAD_PROBE_INFO_TYPE(info) & GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM) {
    GstEvent* ev = GST_PAD_PROBE_INFO_EVENT(info);
    if (GST_EVENT_TYPE(ev) == GST_EVENT_CAPS) {
      GstCaps* caps;
      GstVideoInfo vi;
      gst_event_parse_caps(ev, &caps);
      if (gst_video_info_from_caps(&vi, caps))
        c->caps_sizes.emplace_back(GST_VIDEO_INFO_WIDTH(&vi),
                                   GST_VIDEO_INFO_HEIGHT(&vi));
    }
    return GST_PAD_PROBE_OK;
  }
  GstBuffer* buf = GST_PAD_PROBE_INFO_BUFFER(info);
  GstCaps* caps = gst_pad_get_current_caps(pad);
  GstVideoInfo vi;
  OutputFrame out{GST_BUFFER_PTS(buf), 0, 0, "", false};
  out.had_meta = gst_buffer_get_video_meta(buf) != nullptr;
  if (!caps || !gst_video_info_from_caps(&vi, caps)) {
    c->error = "output buffer without video caps";
  } else {
    out.width = GST_VIDEO_INFO_WIDTH(&vi);
    out.height = GST_VIDEO_INFO_HEIGHT(&vi);
    GstVideoMeta* meta = gst_buffer_get_video_meta(buf);
    if (meta && (static_cast<int>(meta->width) != out.width ||
                 static_cast<int>(meta->height) != out.height))
      c->error = "GstVideoMeta size differs from the caps";
    GstVideoFrame f;
    if (c->hash) {
      if (!gst_video_frame_map(&f, &vi, buf, GST_MAP_READ)) {
        c->error = "cannot map an output buffer";
      } else {
        GChecksum* one = g_checksum_new(G_CHECKSUM_MD5);
        HashFrame(&f, one);
        HashFrame(&f, c->stream);
        out.md5 = g_checksum_get_string(one);
        g_checksum_free(one);
        gst_video_frame_unmap(&f);
      }
    }
  }
  if (caps) gst_caps_unref(caps);
  c->frames.push_back(out);
  return GST_PAD_PROBE_OK;
}

void AttachCollector(GstPad* pad, Collector* c) {
  gst_pad_add_probe(pad,
                    static_cast<GstPadProbeType>(
                        GST_PAD_PROBE_TYPE_BUFFER |
                        GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM),
                    CollectProbe, c, nullptr);
}

// ---------------------------------------------------------------- harness

// The temporal units of a file; on a read error none, or (keep_partial)
// those read before it.
std::vector<std::vector<uint8_t>> ReadTemporalUnits(const std::string& path,
                                                    std::string* error,
                                                    bool keep_partial = false) {
  std::vector<std::vector<uint8_t>> units;
  auto reader = hav1::input::OpenFile(path, error);
  if (!reader) return units;
  hav1::input::TemporalUnit tu;
  int r;
  while ((r = reader->Read(&tu, error)) == 1 && units.size() < 2000)
    units.push_back(tu.data);
  if (r < 0 && !keep_partial) units.clear();
  return units;
}

struct HarnessRun {
  GstFlowReturn last_flow = GST_FLOW_OK;
  std::set<std::string> flows;  // every flow return seen
  int pushed = 0;
  int frames_before_eos = 0;
};

// Pushes units through a GstHarness around hav1dec; meta: whether the
// harness sink announces GstVideoMeta (zero-copy path); stop_on_error: stop
// pushing at the first flow error (else push everything, as a fuzzer would).
HarnessRun RunHarness(const std::vector<std::vector<uint8_t>>& units,
                      Collector* c, bool meta, const char* props = nullptr,
                      bool stop_on_error = true) {
  HarnessRun run;
  std::string desc = std::string("hav1dec") + (props ? std::string(" ") + props : "");
  GstHarness* h = gst_harness_new_parse(desc.c_str());
  gst_harness_set_src_caps_str(
      h, "video/x-av1, stream-format=(string)obu-stream, alignment=(string)tu");
  if (meta) gst_harness_add_propose_allocation_meta(h, GST_VIDEO_META_API_TYPE, nullptr);
  GstPad* src = gst_element_get_static_pad(h->element, "src");
  AttachCollector(src, c);
  gst_object_unref(src);
  for (size_t i = 0; i < units.size(); i++) {
    GstBuffer* buf = gst_buffer_new_memdup(units[i].data(), units[i].size());
    GST_BUFFER_PTS(buf) = GST_BUFFER_DTS(buf) = i * kFrameDuration;
    GST_BUFFER_DURATION(buf) = kFrameDuration;
    if (i) GST_BUFFER_FLAG_SET(buf, GST_BUFFER_FLAG_DELTA_UNIT);
    run.last_flow = gst_harness_push(h, buf);
    run.flows.insert(gst_flow_get_name(run.last_flow));
    run.pushed++;
    while (GstBuffer* out = gst_harness_try_pull(h)) gst_buffer_unref(out);
    if (run.last_flow != GST_FLOW_OK && stop_on_error) break;
  }
  run.frames_before_eos = static_cast<int>(c->frames.size());
  gst_harness_push_event(h, gst_event_new_eos());
  while (GstBuffer* out = gst_harness_try_pull(h)) gst_buffer_unref(out);
  gst_harness_teardown(h);
  return run;
}

// ---------------------------------------------------------------- pipelines

struct PipelineResult {
  bool eos = false, error = false, timeout = false;
  std::string error_source, error_text;
};

PipelineResult WaitForEnd(GstElement* pipeline, GstClockTime timeout) {
  PipelineResult r;
  GstBus* bus = gst_element_get_bus(pipeline);
  GstMessage* msg = gst_bus_timed_pop_filtered(
      bus, timeout,
      static_cast<GstMessageType>(GST_MESSAGE_EOS | GST_MESSAGE_ERROR));
  if (!msg) {
    r.timeout = true;
  } else if (GST_MESSAGE_TYPE(msg) == GST_MESSAGE_EOS) {
    r.eos = true;
  } else {
    GError* err = nullptr;
    gchar* dbg = nullptr;
    gst_message_parse_error(msg, &err, &dbg);
    r.error = true;
    r.error_source = GST_OBJECT_NAME(GST_MESSAGE_SRC(msg));
    r.error_text = std::string(err->message) + " (" + (dbg ? dbg : "") + ")";
    g_error_free(err);
    g_free(dbg);
  }
  if (msg) gst_message_unref(msg);
  gst_object_unref(bus);
  return r;
}

GstElement* Launch(const std::string& desc) {
  GError* err = nullptr;
  GstElement* p = gst_parse_launch(desc.c_str(), &err);
  if (err) {
    std::fprintf(stderr, "cannot build '%s': %s\n", desc.c_str(), err->message);
    g_error_free(err);
    if (p) gst_object_unref(p);
    return nullptr;
  }
  return p;
}

GstPad* SinkPadOf(GstElement* pipeline, const char* name) {
  GstElement* e = gst_bin_get_by_name(GST_BIN(pipeline), name);
  GstPad* pad = gst_element_get_static_pad(e, "sink");
  gst_object_unref(e);
  return pad;
}

// What goes between filesrc and av1parse for a container.  av1parse reads
// Section 5 streams directly but must be told about Annex B.
std::string Demuxer(const Stream& s) {
  if (s.container == "ivf") return "ivfparse ! ";
  if (s.container == "webm" || s.container == "mkv") return "matroskademux ! ";
  if (s.container == "mp4") return "qtdemux ! ";
  if (s.container == "annexb")
    return "video/x-av1,stream-format=(string)annexb,alignment=(string)tu ! ";
  return "";
}

// Decodes s with filesrc ! demux ! av1parse ! hav1dec ! <sink> and checks
// the frame count and the stream MD5.
int RunFilePipeline(const Stream& s, const std::string& sink) {
  std::string desc = "filesrc location=\"" + s.path + "\" ! " + Demuxer(s) +
                     "av1parse ! hav1dec name=dec ! " + sink + " name=sink";
  GstElement* p = Launch(desc);
  CHECK(p, "pipeline");
  Collector c;
  GstPad* pad = SinkPadOf(p, "sink");
  AttachCollector(pad, &c);
  gst_object_unref(pad);
  gst_element_set_state(p, GST_STATE_PLAYING);
  PipelineResult r = WaitForEnd(p, kPipelineTimeout);
  gst_element_set_state(p, GST_STATE_NULL);
  gst_object_unref(p);
  std::printf("%s: %zu frames, md5 %s\n", desc.c_str(), c.frames.size(),
              g_checksum_get_string(c.stream));
  CHECK(!r.timeout, "timeout");
  CHECK(!r.error, "error from %s: %s", r.error_source.c_str(), r.error_text.c_str());
  CHECK(c.error.empty(), "%s", c.error.c_str());
  CHECK(static_cast<int>(c.frames.size()) == s.frames, "%zu frames, manifest %d",
        c.frames.size(), s.frames);
  CHECK(s.md5 == g_checksum_get_string(c.stream), "md5 %s, manifest %s",
        g_checksum_get_string(c.stream), s.md5.c_str());
  return 0;
}

// -------------------------------------------------------------------- cases

int TestProperties() {
  GstElementFactory* f = gst_element_factory_find("hav1dec");
  CHECK(f, "hav1dec not found (GST_PLUGIN_PATH=%s)",
        g_getenv("GST_PLUGIN_PATH") ? g_getenv("GST_PLUGIN_PATH") : "");
  CHECK(gst_plugin_feature_get_rank(GST_PLUGIN_FEATURE(f)) == GST_RANK_PRIMARY,
        "rank");
  CHECK(!g_strcmp0(gst_element_factory_get_metadata(f, GST_ELEMENT_METADATA_KLASS),
                   "Codec/Decoder/Video"), "klass");
  GstElement* e = gst_element_factory_create(f, nullptr);
  CHECK(e && GST_IS_VIDEO_DECODER(e), "not a GstVideoDecoder");

  struct Prop {
    const char* name;
    GType type;
    const char* default_value;  // as g_strdup_value_contents prints it
  };
  const Prop props[] = {
      {"n-threads", G_TYPE_UINT, "0"},
      {"max-frame-delay", G_TYPE_INT, "-1"},
      {"apply-grain", G_TYPE_BOOLEAN, "TRUE"},
      {"operating-point", G_TYPE_UINT, "0"},
      {"output-all-layers", G_TYPE_BOOLEAN, "FALSE"},
      {"inloop-filters", G_TYPE_FLAGS, nullptr},
  };
  for (const Prop& prop : props) {
    GParamSpec* spec = g_object_class_find_property(G_OBJECT_GET_CLASS(e), prop.name);
    CHECK(spec, "no property %s", prop.name);
    CHECK(G_TYPE_FUNDAMENTAL(spec->value_type) == prop.type, "type of %s", prop.name);
    GValue v = G_VALUE_INIT;
    g_value_init(&v, spec->value_type);
    g_object_get_property(G_OBJECT(e), prop.name, &v);
    if (prop.default_value) {
      gchar* s = g_strdup_value_contents(&v);
      CHECK(!std::strcmp(s, prop.default_value), "%s default %s", prop.name, s);
      g_free(s);
    } else {
      CHECK(g_value_get_flags(&v) == 7, "inloop-filters default %u",
            g_value_get_flags(&v));
    }
    g_value_unset(&v);
  }
  auto* op = G_PARAM_SPEC_UINT(g_object_class_find_property(G_OBJECT_GET_CLASS(e),
                                                            "operating-point"));
  CHECK(op->maximum == 31, "operating-point maximum %u", op->maximum);
  g_object_set(e, "n-threads", 3u, "max-frame-delay", 1, "apply-grain", FALSE,
               "operating-point", 2u, "output-all-layers", TRUE, nullptr);
  gst_util_set_object_arg(G_OBJECT(e), "inloop-filters", "deblock+cdef");
  guint threads, point, filters;
  gint delay;
  gboolean grain, layers;
  g_object_get(e, "n-threads", &threads, "max-frame-delay", &delay, "apply-grain",
               &grain, "operating-point", &point, "output-all-layers", &layers,
               "inloop-filters", &filters, nullptr);
  CHECK(threads == 3 && delay == 1 && !grain && point == 2 && layers && filters == 3,
        "set/get round trip");

  // Sink: packetized AV1 as av1parse produces it; source: the raw formats.
  GstPad* sink = gst_element_get_static_pad(e, "sink");
  GstCaps* caps = gst_pad_get_pad_template_caps(sink);
  GstCaps* want = gst_caps_from_string(
      "video/x-av1, stream-format=(string)obu-stream, alignment=(string){ tu, frame }");
  CHECK(gst_caps_is_equal(caps, want), "sink caps %s", gst_caps_to_string(caps));
  gst_caps_unref(caps);
  gst_caps_unref(want);
  gst_object_unref(sink);
  GstPad* src = gst_element_get_static_pad(e, "src");
  caps = gst_pad_get_pad_template_caps(src);
  for (const char* fmt : {"GRAY8", "GRAY16_LE", "I420", "Y42B", "Y444", "I420_10LE",
                          "I422_10LE", "Y444_10LE", "I420_12LE", "I422_12LE",
                          "Y444_12LE", "GBR", "GBR_10LE", "GBR_12LE"}) {
    std::string one = std::string("video/x-raw, format=(string)") + fmt;
    GstCaps* c = gst_caps_from_string(one.c_str());
    CHECK(gst_caps_can_intersect(caps, c), "src caps lack %s", fmt);
    gst_caps_unref(c);
  }
  gst_caps_unref(caps);
  gst_object_unref(src);
  // READY -> NULL without data must work.
  CHECK(gst_element_set_state(e, GST_STATE_READY) == GST_STATE_CHANGE_SUCCESS, "READY");
  CHECK(gst_element_set_state(e, GST_STATE_PAUSED) != GST_STATE_CHANGE_FAILURE, "PAUSED");
  gst_element_set_state(e, GST_STATE_NULL);
  gst_object_unref(e);
  gst_object_unref(f);
  std::printf("hav1dec: metadata, pads and properties OK\n");
  return 0;
}

// av1parse must fix its output to what hav1dec takes (obu-stream, tu) for
// IVF input and for Section 5 and Annex B streams; frame alignment with
// output-all-layers.
int TestCaps() {
  struct Case {
    const char* file;
    const char* head;
    const char* props;
    const char* alignment;
  } cases[] = {
      {"hav1-intra-420-8bit.ivf", "ivfparse ! ", "", "tu"},
      {"hav1-444-8bit-annexb.obu",
       "video/x-av1,stream-format=(string)annexb,alignment=(string)tu ! ", "", "tu"},
      {"hav1-mono-8bit.obu", "", "", "tu"},
      // Every spatial layer is a picture of its own: one layer per buffer.
      {"hav1-inter-420-8bit.ivf", "ivfparse ! ", "output-all-layers=true", "frame"},
  };
  for (const Case& k : cases) {
    std::string path = g_source_root + "/conformance/samples/" + k.file;
    CHECK(FileExists(path), "missing %s", path.c_str());
    std::string desc = "filesrc location=\"" + path + "\" ! " + k.head +
                       "av1parse ! hav1dec name=dec " + k.props + " ! fakesink name=sink";
    GstElement* p = Launch(desc);
    CHECK(p, "pipeline");
    GstPad* pad = SinkPadOf(p, "dec");
    GstCaps* negotiated = nullptr;
    gst_pad_add_probe(
        pad, GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM,
        [](GstPad*, GstPadProbeInfo* info, gpointer data) {
          GstEvent* ev = GST_PAD_PROBE_INFO_EVENT(info);
          auto** out = static_cast<GstCaps**>(data);
          if (GST_EVENT_TYPE(ev) == GST_EVENT_CAPS && !*out) {
            GstCaps* caps;
            gst_event_parse_caps(ev, &caps);
            *out = gst_caps_ref(caps);
          }
          return GST_PAD_PROBE_OK;
        },
        &negotiated, nullptr);
    gst_object_unref(pad);
    gst_element_set_state(p, GST_STATE_PLAYING);
    PipelineResult r = WaitForEnd(p, kPipelineTimeout);
    gst_element_set_state(p, GST_STATE_NULL);
    gst_object_unref(p);
    CHECK(!r.timeout, "%s: timeout", k.file);
    CHECK(!r.error || r.error_source == "dec", "%s: error from %s: %s", k.file,
          r.error_source.c_str(), r.error_text.c_str());
    CHECK(negotiated, "%s: no caps reached hav1dec", k.file);
    GstStructure* s = gst_caps_get_structure(negotiated, 0);
    gchar* text = gst_caps_to_string(negotiated);
    std::printf("%s: %s\n", k.file, text);
    g_free(text);
    CHECK(!g_strcmp0(gst_structure_get_string(s, "stream-format"), "obu-stream") &&
              !g_strcmp0(gst_structure_get_string(s, "alignment"), k.alignment),
          "%s: caps", k.file);
    gst_caps_unref(negotiated);
  }
  return 0;
}

// The first error the library itself reports for a stream decoded through
// the public API (what hav1dec has to turn into a message), or HAV1_OK.
int LibraryError(const std::vector<std::vector<uint8_t>>& units) {
  Hav1Settings settings;
  hav1_default_settings(&settings);
  settings.n_threads = 1;
  settings.max_frame_delay = 1;
  Hav1Context* ctx = nullptr;
  if (hav1_open(&ctx, &settings) != HAV1_OK) return HAV1_ERR_NO_MEMORY;
  int error = HAV1_OK;
  auto take_pictures = [&]() {
    for (;;) {
      Hav1Picture pic{};
      int r = hav1_get_picture(ctx, &pic);
      if (r == HAV1_OK) {
        hav1_picture_unref(&pic);
        continue;
      }
      if (r != HAV1_ERR_AGAIN && r != HAV1_ERR_EOF && error == HAV1_OK) error = r;
      return;
    }
  };
  for (const auto& u : units) {
    Hav1Data data{};
    uint8_t* bytes = hav1_data_create(&data, u.size());
    if (!bytes) break;
    std::memcpy(bytes, u.data(), u.size());
    for (int tries = 0; data.sz > 0 && tries < 1000; tries++) {
      int r = hav1_send_data(ctx, &data);
      if (r == HAV1_ERR_AGAIN) {
        take_pictures();
        continue;
      }
      if (r != HAV1_OK && error == HAV1_OK) error = r;
      break;
    }
    hav1_data_unref(&data);
    take_pictures();
    if (error != HAV1_OK) break;
  }
  hav1_close(&ctx);
  return error;
}

// Streams hav1 does not decode (yet): the pipeline ends in an ERROR message
// posted by hav1dec when the library reports that it cannot decode them
// (HAV1_ERR_NOT_IMPLEMENTED, HAV1_ERR_UNSUPPORTED), with EOS when the
// library decodes them without error; never a crash or a hang.
int TestError() {
  std::set<std::string> passing;
  for (const Stream& s : ExpectedPass()) passing.insert(s.path);
  std::string samples_dir = g_source_root + "/conformance/samples";
  auto samples = ReadManifest(samples_dir + "/MANIFEST.tsv", samples_dir);
  int errors = 0;
  for (const char* name : {"hav1-intra-420-8bit.ivf", "hav1-inter-420-8bit.webm",
                           "hav1-svt-420-10bit.ivf", "hav1-444-8bit-annexb.obu"}) {
    CHECK(samples.count(name), "%s not in the samples manifest", name);
    const Stream& s = samples[name];
    if (passing.count(s.path)) continue;
    std::string read_error;
    auto units = ReadTemporalUnits(s.path, &read_error);
    CHECK(!units.empty(), "%s: %s", name, read_error.c_str());
    int lib = LibraryError(units);
    std::string desc = "filesrc location=\"" + s.path + "\" ! " + Demuxer(s) +
                       "av1parse ! hav1dec name=dec ! fakesink name=sink";
    GstElement* p = Launch(desc);
    CHECK(p, "pipeline");
    gst_element_set_state(p, GST_STATE_PLAYING);
    PipelineResult r = WaitForEnd(p, kPipelineTimeout);
    gst_element_set_state(p, GST_STATE_NULL);
    gst_object_unref(p);
    std::printf("%s: library says \"%s\"; pipeline: %s %s %s\n", name,
                lib == HAV1_OK ? "ok" : hav1_strerror(lib),
                r.eos ? "EOS" : r.error ? "ERROR from" : "TIMEOUT",
                r.error_source.c_str(), r.error_text.c_str());
    CHECK(!r.timeout, "%s: pipeline hangs", name);
    CHECK(!r.error || r.error_source == "dec", "%s: error from %s", name,
          r.error_source.c_str());
    if (lib == HAV1_ERR_NOT_IMPLEMENTED || lib == HAV1_ERR_UNSUPPORTED) {
      CHECK(r.error, "%s: expected an error message from hav1dec", name);
      errors++;
    } else if (lib == HAV1_OK) {
      CHECK(r.eos, "%s: the library decodes it, the pipeline must reach EOS", name);
    }
  }
  std::printf("%d streams ended in an error message from hav1dec\n", errors);
  return 0;
}

// Random bytes, truncated and bit-flipped units: every push returns, the
// element never outputs more frames than units, and teardown is clean.
int TestGarbage() {
  std::mt19937 rng(20261127);
  std::vector<std::vector<uint8_t>> units;
  for (int i = 0; i < 40; i++) {
    std::vector<uint8_t> u(1 + rng() % 300);
    for (auto& b : u) b = static_cast<uint8_t>(rng());
    units.push_back(u);
  }
  // Well-formed OBU headers around garbage payloads: temporal delimiter,
  // then a "frame" OBU (type 6) with has_size_field and a random body.
  for (int i = 0; i < 20; i++) {
    std::vector<uint8_t> u = {0x12, 0x00, 0x32, 60};
    for (int k = 0; k < 60; k++) u.push_back(static_cast<uint8_t>(rng()));
    units.push_back(u);
  }
  std::string error;
  auto real = ReadTemporalUnits(
      g_source_root + "/conformance/samples/hav1-inter-420-8bit.ivf", &error);
  CHECK(!real.empty(), "reading the sample: %s", error.c_str());
  for (size_t i = 0; i < real.size(); i++) {
    std::vector<uint8_t> cut(real[i].begin(), real[i].begin() + real[i].size() / 2);
    if (!cut.empty()) units.push_back(cut);
    std::vector<uint8_t> flipped = real[i];
    for (int k = 0; k < 8; k++) flipped[rng() % flipped.size()] ^= 1u << (rng() % 8);
    units.push_back(flipped);
  }
  // The oss-fuzz inputs of the shared set (broken on purpose), when present.
  std::vector<std::string> fuzz;
  if (GDir* dir = g_dir_open((SharedConformance() + "/fuzz").c_str(), 0, nullptr)) {
    while (const gchar* name = g_dir_read_name(dir))
      if (g_str_has_suffix(name, ".ivf")) fuzz.push_back(SharedConformance() + "/fuzz/" + name);
    g_dir_close(dir);
  }
  std::sort(fuzz.begin(), fuzz.end());
  for (size_t i = 0; i < fuzz.size() && i < 40; i++) {
    auto fuzz_units = ReadTemporalUnits(fuzz[i], &error, true);
    if (fuzz_units.empty()) continue;
    Collector c;
    HarnessRun run = RunHarness(fuzz_units, &c, i % 2, "max-errors=-1", false);
    CHECK(run.pushed == static_cast<int>(fuzz_units.size()), "%s: pushes", fuzz[i].c_str());
    CHECK(c.error.empty(), "%s: %s", fuzz[i].c_str(), c.error.c_str());
  }
  std::printf("oss-fuzz inputs pushed: %zu\n", std::min<size_t>(fuzz.size(), 40));
  for (bool meta : {false, true}) {
    Collector c;
    c.hash = true;
    HarnessRun run = RunHarness(units, &c, meta, "max-errors=-1", false);
    std::string flows;
    for (const auto& f : run.flows) flows += " " + f;
    std::printf("garbage (meta %d): %d units pushed, flows:%s, %zu frames out\n",
                meta, run.pushed, flows.c_str(), c.frames.size());
    CHECK(run.pushed == static_cast<int>(units.size()), "pushes");
    for (const auto& f : run.flows)
      CHECK(f == "ok" || f == "error" || f == "not-supported", "flow %s", f.c_str());
    CHECK(c.frames.size() <= units.size(), "more frames than units");
    CHECK(c.error.empty(), "%s", c.error.c_str());
  }
  return 0;
}

// Latency = (frame delay - 1) frame durations; the frame delay is what the
// library reports for the settings the element uses.
int TestLatency() {
  struct Case {
    const char* props;
    bool live;
    int max_frame_delay;  // what the element must give the library
  } cases[] = {
      // Latency only counts (and is only answered) behind a live source.
      {"max-frame-delay=-1", true, 1},
      {"max-frame-delay=1", true, 1},
      {"max-frame-delay=4 n-threads=4", true, 4},
      {"max-frame-delay=0 n-threads=2", true, 0},
  };
  for (const Case& k : cases) {
    Hav1Settings settings;
    hav1_default_settings(&settings);
    settings.max_frame_delay = k.max_frame_delay;
    if (std::strstr(k.props, "n-threads=4")) settings.n_threads = 4;
    if (std::strstr(k.props, "n-threads=2")) settings.n_threads = 2;
    int delay = hav1_get_frame_delay(&settings);
    CHECK(delay >= 1, "hav1_get_frame_delay %d", delay);
    GstClockTime want = gst_util_uint64_scale(delay - 1, GST_SECOND, 30);

    GstHarness* h = gst_harness_new_parse((std::string("hav1dec ") + k.props).c_str());
    gst_harness_set_live(h, k.live);
    gst_harness_set_src_caps_str(h, "video/x-av1, stream-format=(string)obu-stream, "
                                    "alignment=(string)tu, framerate=(fraction)30/1");
    GstClockTime got = gst_harness_query_latency(h);
    gst_harness_teardown(h);
    std::printf("%s live=%d: frame delay %d, latency %" GST_TIME_FORMAT "\n", k.props,
                k.live, delay, GST_TIME_ARGS(got));
    CHECK(got == want, "latency %" GST_TIME_FORMAT ", want %" GST_TIME_FORMAT,
          GST_TIME_ARGS(got), GST_TIME_ARGS(want));
  }
  return 0;
}

// Small enough to decode twice within the test timeout.
bool Small(const Stream& s) {
  return static_cast<double>(s.frames) * s.width * s.height <= 40e6;
}

int TestMd5() {
  // Up to 8 streams, one per (depth, chroma, container) first so that the
  // format mapping and every container are covered, then any.
  std::vector<Stream> listed = ExpectedPass(), streams;
  std::set<std::string> kinds;
  for (int round = 0; round < 2; round++) {
    for (const Stream& s : listed) {
      std::string kind = std::to_string(s.bitdepth) + s.chroma + s.container;
      bool taken = false;
      for (const Stream& t : streams) taken |= t.path == s.path;
      if (taken || !Small(s) || (round == 0 && kinds.count(kind))) continue;
      kinds.insert(kind);
      streams.push_back(s);
    }
  }
  int tested = 0;
  for (const Stream& s : streams) {
    if (tested >= 8) break;
    std::string error;
    auto units = ReadTemporalUnits(s.path, &error);
    if (units.empty()) {
      std::printf("%s: cannot read (%s), not used\n", s.name.c_str(), error.c_str());
      continue;
    }
    for (bool meta : {true, false}) {
      Collector c;
      HarnessRun run = RunHarness(units, &c, meta);
      std::string md5 = g_checksum_get_string(c.stream);
      std::printf("%s (%s): %zu frames, md5 %s\n", s.name.c_str(),
                  meta ? "zero-copy" : "copy", c.frames.size(), md5.c_str());
      CHECK(run.last_flow == GST_FLOW_OK, "flow %s", gst_flow_get_name(run.last_flow));
      CHECK(c.error.empty(), "%s", c.error.c_str());
      CHECK(static_cast<int>(c.frames.size()) == s.frames, "%zu frames, manifest %d",
            c.frames.size(), s.frames);
      CHECK(md5 == s.md5, "md5 %s, manifest %s", md5.c_str(), s.md5.c_str());
      if (meta) {
        bool all_meta = true;
        for (const auto& f : c.frames) all_meta &= f.had_meta;
        CHECK(all_meta, "zero-copy output lacks GstVideoMeta");
      }
    }
    tested++;
  }
  if (!tested) return SkipNoPictures("md5");
  return 0;
}

const Stream* FirstWith(const std::vector<Stream>& streams, const std::string& container,
                        const std::string& name = "") {
  for (const Stream& s : streams)
    if (s.container == container && (name.empty() || s.name.find(name) != std::string::npos))
      return &s;
  return nullptr;
}

int TestIvf() {
  auto streams = ExpectedPass();
  const Stream* s = FirstWith(streams, "ivf", "hav1-inter-420-8bit.ivf");
  if (!s) s = FirstWith(streams, "ivf");
  if (!s) return SkipNoPictures("ivf pipeline");
  return RunFilePipeline(*s, "checksumsink");
}

int TestWebm() {
  auto streams = ExpectedPass();
  const Stream* s = FirstWith(streams, "webm", "hav1-inter-420-8bit.webm");
  if (!s) return SkipNoPictures("webm pipeline (hav1-inter-420-8bit.webm)");
  return RunFilePipeline(*s, "fakesink");
}

int TestSeek() {
  auto streams = ExpectedPass();
  // matroskademux seeks in time (ivfparse does not).
  const Stream* s = nullptr;
  for (const Stream& k : streams)
    if ((k.container == "webm" || k.container == "mkv") && k.frames >= 6 &&
        Small(k) && (!s || k.frames > s->frames))
      s = &k;
  if (!s) return SkipNoPictures("seek (needs a WebM/Matroska stream)");
  std::string desc = "filesrc location=\"" + s->path + "\" ! " + Demuxer(*s) +
                     "av1parse ! hav1dec name=dec ! fakesink name=sink sync=false";
  // 1. Straight decode: frame MD5 by timestamp.
  std::map<GstClockTime, std::string> reference;
  {
    GstElement* p = Launch(desc);
    CHECK(p, "pipeline");
    Collector c;
    GstPad* pad = SinkPadOf(p, "sink");
    AttachCollector(pad, &c);
    gst_object_unref(pad);
    gst_element_set_state(p, GST_STATE_PLAYING);
    PipelineResult r = WaitForEnd(p, kPipelineTimeout);
    gst_element_set_state(p, GST_STATE_NULL);
    gst_object_unref(p);
    CHECK(r.eos, "straight decode: %s", r.error_text.c_str());
    CHECK(static_cast<int>(c.frames.size()) == s->frames, "frames");
    for (const auto& f : c.frames) reference[f.pts] = f.md5;
  }
  // 2. Preroll, flush-seek (accurate) to the frame in the middle, finish.
  // The target is a frame's own timestamp, so no output buffer is clipped.
  auto middle = reference.begin();
  std::advance(middle, std::max<size_t>(reference.size() / 2, 1));
  GstClockTime target = middle->first;
  GstElement* p = Launch(desc);
  CHECK(p, "pipeline");
  Collector c;
  GstPad* pad = SinkPadOf(p, "sink");
  AttachCollector(pad, &c);
  gst_object_unref(pad);
  CHECK(gst_element_set_state(p, GST_STATE_PAUSED) != GST_STATE_CHANGE_FAILURE, "PAUSED");
  CHECK(gst_element_get_state(p, nullptr, nullptr, kPipelineTimeout) ==
            GST_STATE_CHANGE_SUCCESS, "preroll");
  size_t before = c.frames.size();
  CHECK(gst_element_seek_simple(p, GST_FORMAT_TIME,
                                static_cast<GstSeekFlags>(GST_SEEK_FLAG_FLUSH |
                                                          GST_SEEK_FLAG_ACCURATE),
                                target), "seek");
  CHECK(gst_element_get_state(p, nullptr, nullptr, kPipelineTimeout) ==
            GST_STATE_CHANGE_SUCCESS, "preroll after seek");
  gst_element_set_state(p, GST_STATE_PLAYING);
  PipelineResult r = WaitForEnd(p, kPipelineTimeout);
  gst_element_set_state(p, GST_STATE_NULL);
  gst_object_unref(p);
  CHECK(r.eos, "after seek: %s", r.error_text.c_str());
  CHECK(c.error.empty(), "%s", c.error.c_str());
  // GstVideoDecoder clips a frame overlapping the segment start to it: the
  // frame before the target may come out once with the target's timestamp.
  std::string before_target = std::prev(middle)->second;
  size_t after = 0;
  for (size_t i = before; i < c.frames.size(); i++) {
    const OutputFrame& f = c.frames[i];
    CHECK(reference.count(f.pts), "frame at %" GST_TIME_FORMAT " not in the straight decode",
          GST_TIME_ARGS(f.pts));
    if (f.pts == target && f.md5 == before_target && f.md5 != reference[f.pts] &&
        i + 1 < c.frames.size() && c.frames[i + 1].pts == target)
      continue;
    CHECK(reference[f.pts] == f.md5, "frame at %" GST_TIME_FORMAT " differs after the seek",
          GST_TIME_ARGS(f.pts));
    after++;
  }
  size_t expected = 0;
  for (const auto& kv : reference) expected += kv.first >= target;
  std::printf("%s: %zu frames before the seek, %zu after (straight decode has %zu "
              "at or after %" GST_TIME_FORMAT ")\n", s->name.c_str(), before, after,
              expected, GST_TIME_ARGS(target));
  CHECK(after == expected, "frame count after the seek");
  return 0;
}

int TestDrain() {
  auto streams = ExpectedPass();
  for (const Stream& s : streams) {
    if (s.frames < 2 || !Small(s)) continue;
    std::string error;
    auto units = ReadTemporalUnits(s.path, &error);
    if (units.empty()) continue;
    Collector c;
    HarnessRun run = RunHarness(units, &c, true, "max-frame-delay=8 n-threads=2");
    std::printf("%s: %d frames before EOS, %zu after, manifest %d\n", s.name.c_str(),
                run.frames_before_eos, c.frames.size(), s.frames);
    CHECK(run.last_flow == GST_FLOW_OK, "flow");
    CHECK(static_cast<int>(c.frames.size()) == s.frames, "EOS must drain every frame");
    CHECK(g_checksum_get_string(c.stream) == s.md5, "md5 %s, manifest %s",
            g_checksum_get_string(c.stream), s.md5.c_str());
    return 0;
  }
  return SkipNoPictures("drain");
}

int TestSizeChange() {
  auto streams = ExpectedPass();
  for (const Stream& s : streams) {
    if (!s.tags.count("size-change") || !Small(s)) continue;
    std::string error;
    auto units = ReadTemporalUnits(s.path, &error);
    if (units.empty()) continue;
    for (bool meta : {true, false}) {
      Collector c;
      HarnessRun run = RunHarness(units, &c, meta);
      std::set<std::pair<int, int>> sizes;
      for (const auto& f : c.frames) sizes.insert({f.width, f.height});
      std::printf("%s (%s): %zu frames, %zu sizes, %zu caps events\n", s.name.c_str(),
                  meta ? "zero-copy" : "copy", c.frames.size(), sizes.size(),
                  c.caps_sizes.size());
      CHECK(run.last_flow == GST_FLOW_OK, "flow");
      CHECK(c.error.empty(), "%s", c.error.c_str());
      CHECK(sizes.size() > 1, "one output size only");
      CHECK(c.caps_sizes.size() >= sizes.size(), "caps did not follow");
      CHECK(c.frames.front().width == s.width && c.frames.front().height == s.height,
            "first size");
      CHECK(static_cast<int>(c.frames.size()) == s.frames, "%zu frames, manifest %d",
            c.frames.size(), s.frames);
      CHECK(g_checksum_get_string(c.stream) == s.md5, "md5 %s, manifest %s",
            g_checksum_get_string(c.stream), s.md5.c_str());
    }
    return 0;
  }
  return SkipNoPictures("size-change (needs a size-change tagged stream)");
}

int RunCase(const std::string& c) {
  if (c == "properties") return TestProperties();
  if (c == "caps") return TestCaps();
  if (c == "error") return TestError();
  if (c == "garbage") return TestGarbage();
  if (c == "latency") return TestLatency();
  if (c == "md5") return TestMd5();
  if (c == "ivf") return TestIvf();
  if (c == "webm") return TestWebm();
  if (c == "seek") return TestSeek();
  if (c == "drain") return TestDrain();
  if (c == "size-change") return TestSizeChange();
  std::fprintf(stderr, "unknown case %s\n", c.c_str());
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s CASE SOURCE_ROOT\n", argv[0]);
    return 2;
  }
  g_source_root = argv[2];
  alarm(170);  // never hang, whatever the element does
  gst_init(nullptr, nullptr);
  GstElementFactory* factory = gst_element_factory_find("hav1dec");
  if (!factory) {
    std::fprintf(stderr, "hav1dec not found; GST_PLUGIN_PATH=%s\n",
                 g_getenv("GST_PLUGIN_PATH") ? g_getenv("GST_PLUGIN_PATH") : "");
    return 1;
  }
  gst_object_unref(factory);
  std::string c = argv[1];
  bool needs_shared = c != "properties" && c != "caps" && c != "error" &&
                      c != "garbage" && c != "latency";
  if (needs_shared && !FileExists(SharedConformance() + "/MANIFEST.tsv") &&
      c != "webm" && c != "ivf") {
    // Samples-only lists still work; say so when nothing else can.
    std::printf("note: %s missing, only conformance/samples streams are used\n",
                SharedConformance().c_str());
  }
  int rc = RunCase(c);
  gst_deinit();  // lets the leaks tracer (GST_TRACERS=leaks) report
  return rc;
}

