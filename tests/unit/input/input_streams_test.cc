// tools/input on the shared conformance streams (../shared/conformance):
// unit counts against the manifest's frame counts, units against ffmpeg's
// remux of the same file to IVF and ffprobe's packet count, and identical
// Section 5 bytes for the same content in two containers.  Exits 77 (meson:
// skipped) when the shared folder is missing.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tools/input/input.h"

namespace hav1::input {
namespace {

std::string g_conformance;  // .../shared/conformance

struct Row {
  std::map<std::string, std::string> col;
  const std::string& operator[](const std::string& k) const { return col.at(k); }
};

std::vector<Row> LoadManifest() {
  std::vector<Row> rows;
  std::ifstream in(g_conformance + "/MANIFEST.tsv");
  std::string line;
  std::vector<std::string> names;
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, '\t')) f.push_back(cell);
    if (names.empty()) {
      names = f;
      continue;
    }
    Row r;
    for (size_t i = 0; i < names.size(); ++i) r.col[names[i]] = i < f.size() ? f[i] : "";
    rows.push_back(std::move(r));
  }
  return rows;
}

struct Units {
  bool ok = false;
  Format format = Format::kIvf;
  std::vector<TemporalUnit> units;
  std::string error;
};

Units ReadFile(const std::string& path) {
  Units u;
  std::unique_ptr<Reader> r = OpenFile(path, &u.error);
  if (!r) return u;
  u.format = r->info().format;
  TemporalUnit tu;
  int rc;
  while ((rc = r->Read(&tu, &u.error)) == 1) u.units.push_back(tu);
  u.ok = rc == 0;
  return u;
}

bool HaveProgram(const char* name) {
  return std::system((std::string("command -v ") + name + " >/dev/null 2>&1").c_str()) == 0;
}

std::string Quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

std::string RunCapture(const std::string& cmd) {
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof(buf), p)) > 0) out.append(buf, n);
  pclose(p);
  return out;
}

const std::set<std::string> kObuContainers = {"section5", "annexb", "webm", "mkv"};

TEST(InputStreams, ManifestContainersMatchFrameCounts) {
  int checked = 0;
  std::set<std::string> seen;
  for (const Row& row : LoadManifest()) {
    if (!kObuContainers.count(row["container"]) || !seen.insert(row["file"]).second) continue;
    SCOPED_TRACE(row["file"]);
    const Units u = ReadFile(g_conformance + "/" + row["file"]);
    ASSERT_TRUE(u.ok) << u.error;
    const std::string& c = row["container"];
    const Format want = c == "section5" ? Format::kSection5
                        : c == "annexb" ? Format::kAnnexB
                                        : Format::kWebm;
    EXPECT_EQ(u.format, want);
    // One shown frame per temporal unit in these streams.
    if (row["expect"] == "match" && row["args"].empty()) {
      EXPECT_EQ(std::to_string(u.units.size()), row["frames"]);
    }
    for (const TemporalUnit& tu : u.units) {
      ASSERT_GE(tu.data.size(), 2u);
      EXPECT_EQ(tu.data[0], 0x12) << "unit does not start with a temporal delimiter";
    }
    ++checked;
  }
  EXPECT_GE(checked, 6);
  std::printf("checked %d non-IVF streams\n", checked);
}

TEST(InputStreams, AllIvfStreamsMatchFrameCounts) {
  // Temporal units that carry no shown frame make the count differ; these
  // were checked with ffprobe (its packet count equals our unit count).
  const std::set<std::string> kMoreUnitsThanFrames = {
      "dav1d-test-data/8-bit/vq_suite/Syntax_AV1_mainb8ss420_432x240_006_vq_aom_ctest_4.2.stripped.ivf",
  };
  int checked = 0;
  std::set<std::string> seen;
  for (const Row& row : LoadManifest()) {
    if (row["container"] != "ivf" || row["expect"] != "match" || !row["args"].empty() ||
        !seen.insert(row["file"]).second) {
      continue;
    }
    SCOPED_TRACE(row["file"]);
    const Units u = ReadFile(g_conformance + "/" + row["file"]);
    ASSERT_TRUE(u.ok) << u.error;
    EXPECT_EQ(u.format, Format::kIvf);
    if (kMoreUnitsThanFrames.count(row["file"])) {
      EXPECT_GT(u.units.size(), std::stoul(row["frames"]));
    } else {
      EXPECT_EQ(std::to_string(u.units.size()), row["frames"]);
    }
    ++checked;
  }
  std::printf("checked %d IVF streams\n", checked);
}

TEST(InputStreams, NoCrashRowsDoNotCrashTheReaders) {
  int opened = 0, errors = 0, total = 0;
  for (const Row& row : LoadManifest()) {
    if (row["expect"] != "no-crash") continue;
    const Units u = ReadFile(g_conformance + "/" + row["file"]);
    ++total;
    if (!u.error.empty()) ++errors;
    if (u.ok || !u.units.empty()) ++opened;
  }
  std::printf("%d no-crash inputs: %d read units, %d ended with a container error\n", total,
              opened, errors);
}

// ffmpeg's IVF muxer inserts temporal delimiters where they are missing, as
// our readers do, so its remux must give the same units byte for byte.
TEST(InputStreams, SameUnitsAsFfmpegRemuxToIvf) {
  if (!HaveProgram("ffmpeg") || !HaveProgram("ffprobe")) GTEST_SKIP() << "ffmpeg not installed";
  const std::string tmp =
      (std::filesystem::temp_directory_path() / ("hav1_input_remux_" + std::to_string(getpid()) + ".ivf"))
          .string();
  int checked = 0;
  std::set<std::string> seen;
  for (const Row& row : LoadManifest()) {
    const std::string& c = row["container"];
    // ffmpeg cannot read Annex B (see the conformance README).
    if ((c != "webm" && c != "mkv" && c != "section5") || !seen.insert(row["file"]).second) {
      continue;
    }
    SCOPED_TRACE(row["file"]);
    const std::string path = g_conformance + "/" + row["file"];
    const std::string fmt = c == "section5" ? "-f obu " : "";
    ASSERT_EQ(std::system(("ffmpeg -v error -y " + fmt + "-i " + Quote(path) +
                           " -map 0:v:0 -c copy -f ivf " + Quote(tmp))
                              .c_str()),
              0);
    const Units ours = ReadFile(path);
    const Units theirs = ReadFile(tmp);
    ASSERT_TRUE(ours.ok) << ours.error;
    ASSERT_TRUE(theirs.ok) << theirs.error;
    ASSERT_EQ(ours.units.size(), theirs.units.size());
    for (size_t i = 0; i < ours.units.size(); ++i) {
      EXPECT_EQ(ours.units[i].data, theirs.units[i].data) << "unit " << i;
    }
    const std::string packets = RunCapture("ffprobe -v error " + fmt +
                                           "-select_streams v:0 -show_entries packet=size "
                                           "-of csv=p=0 " + Quote(path));
    size_t lines = 0;
    for (char ch : packets) lines += ch == '\n';
    EXPECT_EQ(lines, ours.units.size()) << "ffprobe packet count";
    ++checked;
  }
  std::remove(tmp.c_str());
  std::printf("compared %d streams with ffmpeg\n", checked);
}

TEST(InputStreams, SameContentInTwoContainersGivesIdenticalObus) {
  // The same encodes stored in different containers (see the manifest's
  // source column: identical aomenc settings and source).
  const std::vector<std::pair<std::string, std::string>> pairs = {
      {"dav1d-test-data/8-bit/features/annexb.obu", "dav1d-test-data/8-bit/features/section5.obu"},
      {"generated/aom_annexb_natcomp.annexb.obu", "generated/aom_webm_natcomp.webm"},
      {"generated/aom_webm_natcomp.webm", "generated/aom_mkv_natcomp.mkv"},
  };
  int checked = 0;
  for (const auto& [a, b] : pairs) {
    if (!std::filesystem::exists(g_conformance + "/" + a) ||
        !std::filesystem::exists(g_conformance + "/" + b)) {
      continue;
    }
    SCOPED_TRACE(a + " vs " + b);
    const Units ua = ReadFile(g_conformance + "/" + a);
    const Units ub = ReadFile(g_conformance + "/" + b);
    ASSERT_TRUE(ua.ok) << ua.error;
    ASSERT_TRUE(ub.ok) << ub.error;
    ASSERT_EQ(ua.units.size(), ub.units.size());
    for (size_t i = 0; i < ua.units.size(); ++i) {
      EXPECT_EQ(ua.units[i].data, ub.units[i].data) << "unit " << i;
    }
    ++checked;
  }
  EXPECT_GT(checked, 0);
}

}  // namespace
}  // namespace hav1::input

int main(int argc, char** argv) {
  const char* dir = std::getenv("HAV1_SHARED_DIR");
  const std::string conformance = std::string(dir ? dir : "") + "/conformance";
  if (!dir || !std::filesystem::exists(conformance + "/MANIFEST.tsv")) {
    std::printf("SKIP: shared conformance streams not found (%s)\n", conformance.c_str());
    return 77;
  }
  hav1::input::g_conformance = conformance;
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
