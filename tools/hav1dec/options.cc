// hav1dec command line parsing (getopt_long, like dav1d's CLI).
#include "tools/hav1dec/options.h"

#include <getopt.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include "hav1/hav1.h"

namespace hav1::cli {
namespace {

constexpr const char* kHelp = R"(Usage: hav1dec [options] -i INPUT [-o OUTPUT]
Decode an AV1 stream (IVF, Section 5 .obu, Annex B .obu, WebM/Matroska; the
container is detected from the content).  Options follow dav1d's CLI.

Input and output:
  -i, --input FILE       input stream (required)
  -o, --output FILE      output file, '-' for stdout; the muxer follows the
                         extension: .yuv raw planes, .y4m YUV4MPEG2, .md5 MD5
                         of the raw output, .framemd5 one MD5 per frame.
                         Without -o nothing is written (null muxer); with
                         '-o -' the default muxer is yuv.
      --muxer NAME       force the muxer: yuv, y4m (or yuv4mpeg2), md5,
                         framemd5, null
      --demuxer NAME     check the container is NAME (ivf, section5, annexb,
                         webm); the content decides anyway
      --verify MD5       decode, hash the raw output (md5 muxer, nothing
                         written) and exit 0 only if it equals MD5; both
                         sums are printed on a mismatch
      --frametimes FILE  write the time each output frame took (us), one per line

Raw output format (yuv, md5, framemd5): each frame's visible rows, planes Y, U,
V (Y only for monochrome), 8-bit samples as bytes, 10/12-bit samples as 16-bit
little-endian; film grain applied unless --filmgrain 0.  This is the MD5 of the
conformance manifest (column md5; md5_nograin with --filmgrain 0).

Decoding:
  -l, --limit N          stop after N output frames (0 = all)
  -s, --skip N           decode but do not output the first N frames
      --threads N        worker threads (0 = one per core; default 0)
      --framedelay N     maximum frame delay (0 = automatic, 1 = lowest latency)
      --filmgrain 0|1    apply film grain synthesis (default 1, for every
                         muxer including md5, unlike dav1d)
      --oppoint N        operating point of a scalable stream (0..31, default 0)
      --alllayers 0|1    output every spatial layer (default 0: only the
                         highest of each temporal unit, unlike dav1d)
      --sizelimit N      reject frames with more than N pixels
      --strict 0|1       reject streams with non-normative quirks
      --outputinvisible 0|1  also output frames that are not shown
      --inloopfilters S  none, deblock, nodeblock, cdef, nocdef, restoration,
                         norestoration or all (default all)
      --cpu TARGET       highest SIMD target: auto (default), scalar, emu128,
                         ssse3, sse4, avx2, avx3, avx3_dl, neon, sve;
                         '--cpu list' prints them
      --cpumask MASK     dav1d spelling: 0, sse2, ssse3, sse41, avx2,
                         avx512icl or -1 (mapped onto --cpu)
  -k, --keep-going       report decode errors and go on at the next packet
                         (the exit status still says an error happened)

Inspection (parse only, no pixels decoded):
      --info             describe the stream: container, profile, size, bit
                         depth, layout, colour, frame counts by type,
                         operating points
      --dump-headers     print every syntax element the header parser reads:
                         '[structure]' when a syntax structure starts, then
                         'name = value', one per line, on stdout

Messages:
  -q, --quiet            no progress line and no summary
  -v, --version          print the versions and exit
  -h, --help             this help

A progress line (frames, fps, elapsed) is shown on stderr when it is a
terminal; a summary line follows the decode.  Exit status: 0 success,
1 decode/input/output error or --verify mismatch, 2 bad command line.

Examples:
  hav1dec -i in.ivf -o out.y4m                  decode to YUV4MPEG2
  hav1dec -i in.obu -o - --muxer md5            print the MD5 of the output
  hav1dec -i in.ivf --verify 0123...cdef        check against a known MD5
  hav1dec -i in.ivf -o frames.framemd5          one MD5 per frame
  hav1dec -i in.ivf --threads 2 --muxer null    time a decode
  hav1dec -i in.webm --info                     what is in the stream
  hav1dec -i in.ivf --dump-headers | less       header syntax trace
)";

constexpr const char* kCpuTargets[] = {
    "auto", "scalar", "emu128", "ssse3", "sse4", "avx2", "avx3", "avx3_dl",
    "neon", "sve"};

enum LongOnly {
  kOptMuxer = 256,
  kOptDemuxer,
  kOptVerify,
  kOptFrameTimes,
  kOptThreads,
  kOptFrameDelay,
  kOptFilmGrain,
  kOptOpPoint,
  kOptAllLayers,
  kOptSizeLimit,
  kOptStrict,
  kOptOutputInvisible,
  kOptInloopFilters,
  kOptCpu,
  kOptCpuMask,
  kOptInfo,
  kOptDumpHeaders,
  kOptNegStride,
  kOptRealtime,
  kOptRealtimeCache,
};

const option kLongOptions[] = {
    {"input", required_argument, nullptr, 'i'},
    {"output", required_argument, nullptr, 'o'},
    {"muxer", required_argument, nullptr, kOptMuxer},
    {"demuxer", required_argument, nullptr, kOptDemuxer},
    {"verify", required_argument, nullptr, kOptVerify},
    {"frametimes", required_argument, nullptr, kOptFrameTimes},
    {"limit", required_argument, nullptr, 'l'},
    {"skip", required_argument, nullptr, 's'},
    {"threads", required_argument, nullptr, kOptThreads},
    {"framedelay", required_argument, nullptr, kOptFrameDelay},
    {"filmgrain", required_argument, nullptr, kOptFilmGrain},
    {"oppoint", required_argument, nullptr, kOptOpPoint},
    {"alllayers", required_argument, nullptr, kOptAllLayers},
    {"sizelimit", required_argument, nullptr, kOptSizeLimit},
    {"strict", required_argument, nullptr, kOptStrict},
    {"outputinvisible", required_argument, nullptr, kOptOutputInvisible},
    {"inloopfilters", required_argument, nullptr, kOptInloopFilters},
    {"cpu", required_argument, nullptr, kOptCpu},
    {"cpumask", required_argument, nullptr, kOptCpuMask},
    {"keep-going", no_argument, nullptr, 'k'},
    {"info", no_argument, nullptr, kOptInfo},
    {"dump-headers", no_argument, nullptr, kOptDumpHeaders},
    {"negstride", no_argument, nullptr, kOptNegStride},
    {"realtime", optional_argument, nullptr, kOptRealtime},
    {"realtimecache", required_argument, nullptr, kOptRealtimeCache},
    {"quiet", no_argument, nullptr, 'q'},
    {"version", no_argument, nullptr, 'v'},
    {"help", no_argument, nullptr, 'h'},
    {nullptr, 0, nullptr, 0},
};

// Prints "hav1dec: OPTION: message" and returns false.
bool Bad(const char* option, const std::string& message) {
  std::fprintf(stderr, "hav1dec: %s: %s (see hav1dec --help)\n", option,
               message.c_str());
  return false;
}

// Parses a whole decimal integer in [lo, hi].
bool ParseInt(const char* option, const char* arg, long long lo, long long hi,
              long long* out) {
  errno = 0;
  char* end = nullptr;
  const long long v = std::strtoll(arg, &end, 10);
  if (arg[0] == '\0' || *end != '\0' || errno == ERANGE || v < lo || v > hi) {
    return Bad(option, std::string("'") + arg + "' is not an integer in " +
                           std::to_string(lo) + ".." + std::to_string(hi));
  }
  *out = v;
  return true;
}

template <typename T>
bool ParseIntTo(const char* option, const char* arg, long long lo,
                long long hi, T* out) {
  long long v;
  if (!ParseInt(option, arg, lo, hi, &v)) return false;
  *out = static_cast<T>(v);
  return true;
}

bool ParseMuxer(const char* arg, MuxerType* m) {
  const std::string_view s(arg);
  if (s == "yuv") *m = MuxerType::kYuv;
  else if (s == "y4m" || s == "yuv4mpeg2") *m = MuxerType::kY4m;
  else if (s == "md5") *m = MuxerType::kMd5;
  else if (s == "framemd5") *m = MuxerType::kFrameMd5;
  else if (s == "null") *m = MuxerType::kNull;
  else
    return Bad("--muxer", std::string("unknown muxer '") + arg +
                              "' (yuv, y4m, md5, framemd5, null)");
  return true;
}

bool ParseInloopFilters(const char* arg, int* out) {
  const std::string_view s(arg);
  constexpr int kAll = HAV1_INLOOPFILTER_ALL;
  if (s == "none") *out = HAV1_INLOOPFILTER_NONE;
  else if (s == "all") *out = kAll;
  else if (s == "deblock") *out = HAV1_INLOOPFILTER_DEBLOCK;
  else if (s == "nodeblock") *out = kAll & ~HAV1_INLOOPFILTER_DEBLOCK;
  else if (s == "cdef") *out = HAV1_INLOOPFILTER_CDEF;
  else if (s == "nocdef") *out = kAll & ~HAV1_INLOOPFILTER_CDEF;
  else if (s == "restoration") *out = HAV1_INLOOPFILTER_RESTORATION;
  else if (s == "norestoration") *out = kAll & ~HAV1_INLOOPFILTER_RESTORATION;
  else
    return Bad("--inloopfilters",
               std::string("unknown value '") + arg +
                   "' (none, deblock, nodeblock, cdef, nocdef, restoration, "
                   "norestoration, all)");
  return true;
}

// dav1d's --cpumask values mapped onto Highway target names.
bool ParseCpuMask(const char* arg, std::string* cpu) {
  const std::string_view s(arg);
  if (s == "-1") *cpu = "";
  else if (s == "0") *cpu = "scalar";
  else if (s == "sse2") *cpu = "emu128";
  else if (s == "ssse3") *cpu = "ssse3";
  else if (s == "sse41") *cpu = "sse4";
  else if (s == "avx2") *cpu = "avx2";
  else if (s == "avx512icl") *cpu = "avx3_dl";
  else
    return Bad("--cpumask", std::string("unknown mask '") + arg +
                                "' (0, sse2, ssse3, sse41, avx2, avx512icl, -1)");
  return true;
}

bool ParseMd5(const char* arg, std::string* out) {
  std::string s(arg);
  if (s.size() != 32) return Bad("--verify", "'" + s + "' is not 32 hex digits");
  for (char& c : s) {
    if (c >= 'A' && c <= 'F') c = static_cast<char>(c - 'A' + 'a');
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
      return Bad("--verify", "'" + std::string(arg) + "' is not 32 hex digits");
  }
  *out = s;
  return true;
}

void PrintVersion() {
  const unsigned api = hav1_version_api();
  std::printf("hav1dec %s (library %s, API %u.%u.%u)\n", HAV1DEC_VERSION,
              hav1_version(), (api >> 16) & 255, (api >> 8) & 255, api & 255);
}

}  // namespace

const char* MuxerName(MuxerType m) {
  switch (m) {
    case MuxerType::kAuto: return "auto";
    case MuxerType::kYuv: return "yuv";
    case MuxerType::kY4m: return "y4m";
    case MuxerType::kMd5: return "md5";
    case MuxerType::kFrameMd5: return "framemd5";
    case MuxerType::kNull: return "null";
  }
  return "?";
}

ParseOutcome ParseOptions(int argc, char** argv, Options* o) {
  bool ok = true;
  bool info = false, dump = false;
  opterr = 0;  // we print our own messages
  optind = 1;
  int c;
  while (ok && (c = getopt_long(argc, argv, ":i:o:l:s:kqvh", kLongOptions,
                                nullptr)) != -1) {
    switch (c) {
      case 'i': o->input = optarg; break;
      case 'o': o->output = optarg; break;
      case kOptMuxer: ok = ParseMuxer(optarg, &o->muxer); break;
      case kOptDemuxer: {
        const std::string_view s(optarg);
        if (s != "ivf" && s != "section5" && s != "annexb" && s != "webm")
          ok = Bad("--demuxer", std::string("unknown demuxer '") + optarg +
                                    "' (ivf, section5, annexb, webm)");
        o->demuxer = optarg;
        break;
      }
      case kOptVerify: ok = ParseMd5(optarg, &o->verify); break;
      case kOptFrameTimes: o->frametimes = optarg; break;
      case 'l': ok = ParseIntTo("--limit", optarg, 0, INT64_MAX, &o->limit); break;
      case 's': ok = ParseIntTo("--skip", optarg, 0, INT64_MAX, &o->skip); break;
      case kOptThreads: ok = ParseIntTo("--threads", optarg, 0, 256, &o->threads); break;
      case kOptFrameDelay: ok = ParseIntTo("--framedelay", optarg, 0, 256, &o->framedelay); break;
      case kOptFilmGrain: ok = ParseIntTo("--filmgrain", optarg, 0, 1, &o->filmgrain); break;
      case kOptOpPoint: ok = ParseIntTo("--oppoint", optarg, 0, 31, &o->oppoint); break;
      case kOptAllLayers: ok = ParseIntTo("--alllayers", optarg, 0, 1, &o->alllayers); break;
      case kOptSizeLimit: ok = ParseIntTo("--sizelimit", optarg, 0, UINT32_MAX, &o->sizelimit); break;
      case kOptStrict: ok = ParseIntTo("--strict", optarg, 0, 1, &o->strict); break;
      case kOptOutputInvisible: ok = ParseIntTo("--outputinvisible", optarg, 0, 1, &o->outputinvisible); break;
      case kOptInloopFilters: ok = ParseInloopFilters(optarg, &o->inloopfilters); break;
      case kOptCpu:
        if (std::string_view(optarg) == "list") {
          std::printf("SIMD targets for --cpu (the library rejects those it "
                      "was not built for):\n");
          for (const char* t : kCpuTargets) std::printf("  %s\n", t);
          return ParseOutcome::kExitSuccess;
        }
        if (optarg[0] == '\0') {
          ok = Bad("--cpu", "empty target name (see --cpu list)");
          break;
        }
        o->cpu = std::string_view(optarg) == "auto" ? "" : optarg;
        break;
      case kOptCpuMask: ok = ParseCpuMask(optarg, &o->cpu); break;
      case 'k': o->keep_going = true; break;
      case kOptInfo: info = true; break;
      case kOptDumpHeaders: dump = true; break;
      case kOptNegStride:
        std::fprintf(stderr, "hav1dec: --negstride: ignored (no effect on the output)\n");
        break;
      case kOptRealtime:
      case kOptRealtimeCache:
        ok = Bad(argv[optind - 1], "real-time playback is not supported by hav1dec");
        break;
      case 'q': o->quiet = true; break;
      case 'v': PrintVersion(); return ParseOutcome::kExitSuccess;
      case 'h': std::fputs(kHelp, stdout); return ParseOutcome::kExitSuccess;
      case ':':
        ok = Bad(argv[optind - 1], "needs a value");
        break;
      default:
        ok = Bad(argv[optind - 1], "unknown option");
        break;
    }
  }
  if (!ok) return ParseOutcome::kExitUsage;
  if (optind < argc) {
    Bad(argv[optind], "unexpected argument (the input is given with -i)");
    return ParseOutcome::kExitUsage;
  }
  if (o->input.empty()) {
    Bad("-i/--input", "no input file given");
    return ParseOutcome::kExitUsage;
  }
  if (info && dump) {
    Bad("--info", "cannot be combined with --dump-headers");
    return ParseOutcome::kExitUsage;
  }
  o->mode = info ? Mode::kInfo : dump ? Mode::kDumpHeaders : Mode::kDecode;
  if (o->mode != Mode::kDecode && !o->verify.empty()) {
    Bad("--verify", "needs a decode (not --info or --dump-headers)");
    return ParseOutcome::kExitUsage;
  }
  if (!o->verify.empty()) {
    if (o->muxer != MuxerType::kAuto && o->muxer != MuxerType::kMd5) {
      Bad("--verify", "implies the md5 muxer; drop --muxer");
      return ParseOutcome::kExitUsage;
    }
    o->muxer = MuxerType::kMd5;
  }
  return ParseOutcome::kRun;
}

}  // namespace hav1::cli
