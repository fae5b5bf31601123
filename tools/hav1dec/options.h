// Command line of hav1dec: option-compatible with dav1d's CLI where the
// options overlap, so scripts can swap the two.
#ifndef HAV1_TOOLS_HAV1DEC_OPTIONS_H_
#define HAV1_TOOLS_HAV1DEC_OPTIONS_H_

#include <cstdint>
#include <string>

namespace hav1::cli {

enum class MuxerType { kAuto, kYuv, kY4m, kMd5, kFrameMd5, kNull };
enum class Mode { kDecode, kDumpHeaders, kInfo };

struct Options {
  Mode mode = Mode::kDecode;
  std::string input;
  std::string output;  // "" = none given, "-" = stdout
  MuxerType muxer = MuxerType::kAuto;
  std::string verify;  // expected MD5 (lower case), "" = no check
  uint64_t limit = 0;  // frames to output, 0 = all
  uint64_t skip = 0;   // output frames to drop first
  int threads = 0;
  int framedelay = 0;
  int filmgrain = 1;
  int oppoint = 0;
  int alllayers = 0;
  unsigned sizelimit = 0;
  int strict = -1;            // -1 = library default
  int outputinvisible = 0;
  int inloopfilters = 7;      // HAV1_INLOOPFILTER_ALL
  std::string cpu;            // "" = auto
  std::string frametimes;     // per-frame times file, "" = none
  std::string demuxer;        // "" = detect; else must match the content
  bool quiet = false;
  bool keep_going = false;
};

enum class ParseOutcome { kRun, kExitSuccess, kExitUsage };

// Parses argv into *o; prints help/version or the error (naming the option)
// itself.  kExitSuccess after --help/--version/--cpu list.
ParseOutcome ParseOptions(int argc, char** argv, Options* o);

const char* MuxerName(MuxerType m);

}  // namespace hav1::cli

#endif  // HAV1_TOOLS_HAV1DEC_OPTIONS_H_
