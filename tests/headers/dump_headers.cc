// hav1_dump_headers: prints every OBU header, sequence header, frame header,
// tile group header and metadata syntax element hav1's ObuParser reads,
// one per line: "[structure]" when a syntax structure starts and
// "name = value" for each element.  Used by header_oracle.py to compare
// with ffmpeg's trace_headers.
//
//   hav1_dump_headers [--oppoint N] [--quiet] FILE
//
// Exit code: 0 when every temporal unit parsed, 1 on a parse error (the
// first error is printed to stderr; parsing goes on with the next unit),
// 2 when the file cannot be read.
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "src/bitstream/obu_parser.h"
#include "tools/input/input.h"

namespace {

struct Printer {
  bool quiet = false;
};

void Begin(void* cookie, const char* structure) {
  if (static_cast<Printer*>(cookie)->quiet) return;
  std::printf("[%s]\n", structure);
}

void Element(void* cookie, const char* name, int64_t value) {
  if (static_cast<Printer*>(cookie)->quiet) return;
  std::printf("%s = %" PRId64 "\n", name, value);
}

}  // namespace

int main(int argc, char** argv) {
  int oppoint = 0;
  Printer printer;
  const char* path = nullptr;
  for (int i = 1; i < argc; i++) {
    if (!std::strcmp(argv[i], "--oppoint") && i + 1 < argc) {
      oppoint = std::atoi(argv[++i]);
    } else if (!std::strcmp(argv[i], "--quiet")) {
      printer.quiet = true;
    } else if (!std::strcmp(argv[i], "-i") && i + 1 < argc) {
      path = argv[++i];
    } else if (argv[i][0] == '-' && argv[i][1] == '-') {
      // Unknown options (e.g. --alllayers 1) take a value and are ignored.
      if (i + 1 < argc && argv[i + 1][0] != '-') i++;
    } else {
      path = argv[i];
    }
  }
  if (!path) {
    std::fprintf(stderr, "usage: %s [--oppoint N] [--quiet] FILE\n", argv[0]);
    return 2;
  }
  std::string error;
  auto reader = hav1::input::OpenFile(path, &error);
  if (!reader) {
    std::fprintf(stderr, "%s: %s\n", path, error.c_str());
    return 2;
  }
  hav1::ObuParser::Config config;
  config.operating_point = oppoint;
  config.tracer.cookie = &printer;
  config.tracer.begin = Begin;
  config.tracer.element = Element;
  hav1::ObuParser parser(config);
  hav1::input::TemporalUnit tu;
  int rc = 0;
  int index = 0;
  std::vector<hav1::ParsedFrame> frames;
  while (true) {
    int r = reader->Read(&tu, &error);
    if (r == 0) break;
    if (r < 0) {
      std::fprintf(stderr, "%s: read error: %s\n", path, error.c_str());
      rc = rc ? rc : 1;
      break;
    }
    frames.clear();
    hav1::Status st = parser.Parse(tu.data, &frames);
    if (!st.ok()) {
      if (rc == 0)
        std::fprintf(stderr, "%s: temporal unit %d: error %d: %s\n", path, index, st.code(),
                     st.message().c_str());
      rc = 1;
    }
    index++;
  }
  std::fflush(stdout);
  return rc;
}
