// hav1_tileparse_check: parses every tile of every intra frame (key frames
// and intra-only frames) of AV1 streams and checks the symbol decoder's exit
// process at each tile end (8.2.4: the trailing bit and the zero padding sit
// exactly where the parse stopped).  Inter frames are skipped.  Without
// pixels this is the oracle for block parsing: one wrong context or table
// entry almost always breaks it.
//
// Usage: hav1_tileparse_check [-q] [--first-only] [--root DIR] [--list FILE]
//                             [FILE...]
// --list reads stream names from FILE (one per line, '#' comments); names
// are relative to --root when given.  --no-crash-set adds the manifest
// rows (ROOT/MANIFEST.tsv) whose expect column is no-crash (broken streams)
// and makes parse failures non-fatal: only a crash fails then.  When --root does not exist the check
// is skipped (exit 77, for meson).
// Prints one line per stream: frames parsed, tiles ok/failed, first
// failure.  Exit status 0 when every tile of every stream passed, 1 when
// some tile failed, 2 on a read/header error.
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sys/stat.h>
#include <memory>
#include <string>
#include <vector>

#include "src/bitstream/frame_header.h"
#include "src/bitstream/obu_parser.h"
#include "src/bitstream/sequence_header.h"
#include "src/entropy/cdf_context.h"
#include "src/tile/tile_group.h"
#include "tools/input/input.h"

namespace {

struct StreamResult {
  int intra_frames = 0;
  int tiles_ok = 0;
  int tiles_failed = 0;
  int skipped_frames = 0;
  std::string first_failure;
  bool read_error = false;
};

StreamResult CheckStream(const std::string& path, bool first_only) {
  StreamResult res;
  std::string error;
  auto reader = hav1::input::OpenFile(path, &error);
  if (!reader) {
    res.read_error = true;
    res.first_failure = "open: " + error;
    return res;
  }
  hav1::ObuParser parser(hav1::ObuParser::Config{});
  hav1::tile::FrameBlockInfo blocks;
  auto frame_cdfs = std::make_unique<hav1::CdfContext>();
  int frame_index = -1;
  hav1::input::TemporalUnit tu;
  while (true) {
    const int r = reader->Read(&tu, &error);
    if (r < 0) {
      res.read_error = true;
      if (res.first_failure.empty()) res.first_failure = "read: " + error;
      break;
    }
    if (r == 0) break;
    std::vector<hav1::ParsedFrame> frames;
    hav1::Status st = parser.Parse(tu.data, &frames);
    if (!st.ok()) {
      res.read_error = true;
      if (res.first_failure.empty()) res.first_failure = "obu: " + st.message();
      break;
    }
    for (const hav1::ParsedFrame& f : frames) {
      if (f.show_existing_frame) continue;
      ++frame_index;
      const hav1::FrameHeader& hdr = *f.hdr;
      const hav1::SequenceHeader& seq = *f.seq;
      if (!hdr.FrameIsIntra) {
        ++res.skipped_frames;
        continue;
      }
      ++res.intra_frames;
      // Intra frames have primary_ref_frame == PRIMARY_REF_NONE: default CDFs.
      frame_cdfs->InitNonCoeffCdfs();
      frame_cdfs->InitCoeffCdfs(hdr.quantization_params.base_q_idx);
      hav1::tile::ResetFrameBlockInfo(seq, hdr, &blocks);
      hav1::tile::FrameTileDecoder dec(seq, hdr, *frame_cdfs, &blocks, nullptr);
      for (const hav1::ParsedTileGroup& tg : f.tile_group_info) {
        std::vector<hav1::tile::TileData> tiles;
        st = hav1::tile::SplitTileGroup(hdr, tg.tg_start, tg.tg_end, tg.data, &tiles);
        if (!st.ok()) {
          ++res.tiles_failed;
          if (res.first_failure.empty()) {
            res.first_failure = "frame " + std::to_string(frame_index) + ": " + st.message();
          }
          continue;
        }
        for (const auto& t : tiles) {
          st = dec.DecodeTile(t);
          if (st.ok()) {
            ++res.tiles_ok;
          } else {
            ++res.tiles_failed;
            if (res.first_failure.empty()) {
              res.first_failure = "frame " + std::to_string(frame_index) + " tile " +
                                  std::to_string(t.tile_num) + ": " + st.message();
            }
          }
        }
      }
      if (first_only) return res;
    }
  }
  return res;
}

}  // namespace

int main(int argc, char** argv) {
  bool quiet = false, first_only = false, no_crash_set = false;
  std::string root, list;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "-q")) {
      quiet = true;
    } else if (!std::strcmp(argv[i], "--first-only")) {
      first_only = true;
    } else if (!std::strcmp(argv[i], "--root") && i + 1 < argc) {
      root = argv[++i];
    } else if (!std::strcmp(argv[i], "--no-crash-set")) {
      no_crash_set = true;
    } else if (!std::strcmp(argv[i], "--list") && i + 1 < argc) {
      list = argv[++i];
    } else {
      files.push_back(argv[i]);
    }
  }
  if (!root.empty()) {
    struct stat st;
    if (stat(root.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
      std::printf("SKIP: %s not found (the shared conformance streams)\n", root.c_str());
      return 77;
    }
  }
  if (!list.empty()) {
    std::ifstream in(list);
    if (!in) {
      std::fprintf(stderr, "cannot read %s\n", list.c_str());
      return 2;
    }
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      files.push_back(line);
    }
  }
  if (no_crash_set) {
    std::ifstream in(root + "/MANIFEST.tsv");
    std::string line;
    int expect_col = -1;
    while (std::getline(in, line)) {
      std::vector<std::string> cols;
      size_t start = 0;
      while (true) {
        const size_t tab = line.find('\t', start);
        cols.push_back(line.substr(start, tab == std::string::npos ? tab : tab - start));
        if (tab == std::string::npos) break;
        start = tab + 1;
      }
      if (expect_col < 0) {
        for (size_t i = 0; i < cols.size(); ++i) {
          if (cols[i] == "expect") expect_col = static_cast<int>(i);
        }
        if (expect_col < 0) break;
        continue;
      }
      if (static_cast<int>(cols.size()) > expect_col && cols[expect_col] == "no-crash") {
        files.push_back(cols[0]);
      }
    }
    if (files.empty()) {
      std::fprintf(stderr, "no no-crash rows in %s/MANIFEST.tsv\n", root.c_str());
      return 2;
    }
  }
  if (!root.empty()) {
    for (std::string& f : files) {
      if (!f.empty() && f[0] != '/') f = root + "/" + f;
    }
  }
  if (files.empty()) {
    std::fprintf(stderr, "usage: %s [-q] [--first-only] FILE...\n", argv[0]);
    return 2;
  }
  int streams_ok = 0, streams_failed = 0, frames = 0, tiles_ok = 0, tiles_failed = 0;
  bool any_read_error = false;
  for (const std::string& f : files) {
    StreamResult r = CheckStream(f, first_only);
    frames += r.intra_frames;
    tiles_ok += r.tiles_ok;
    tiles_failed += r.tiles_failed;
    const bool ok = r.tiles_failed == 0 && !r.read_error && r.tiles_ok > 0;
    any_read_error |= r.read_error;
    ok ? ++streams_ok : ++streams_failed;
    if (!quiet || !ok) {
      std::printf("%s %s intra_frames=%d tiles_ok=%d tiles_failed=%d%s%s\n", ok ? "OK  " : "FAIL",
                  f.c_str(), r.intra_frames, r.tiles_ok, r.tiles_failed,
                  r.first_failure.empty() ? "" : " first_failure=", r.first_failure.c_str());
    }
  }
  std::printf("streams ok=%d failed=%d; intra frames=%d; tiles ok=%d failed=%d\n", streams_ok,
              streams_failed, frames, tiles_ok, tiles_failed);
  if (no_crash_set) return 0;  // errors are expected; we got here: no crash
  if (streams_failed) return 1;
  return any_read_error ? 2 : 0;
}
