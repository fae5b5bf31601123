// Helpers for the API tests: the conformance folder, a tiny IVF reader and
// the manifest.
#ifndef HAV1_TESTS_API_TEST_UTIL_H_
#define HAV1_TESTS_API_TEST_UTIL_H_

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

namespace hav1_test {

inline std::string ConformanceDir() { return std::string(HAV1_SHARED_DIR) + "/conformance"; }

inline bool HaveConformance() {
  std::ifstream f(ConformanceDir() + "/MANIFEST.tsv");
  return f.good();
}

struct IvfFrame {
  std::vector<uint8_t> data;
  int64_t timestamp = 0;
  int64_t offset = 0;
};

// Reads every frame (temporal unit) of an IVF file; false if it is not one.
inline bool ReadIvf(const std::string& path, std::vector<IvfFrame>* frames) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return false;
  std::vector<uint8_t> b((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  if (b.size() < 32 || b[0] != 'D' || b[1] != 'K' || b[2] != 'I' || b[3] != 'F') return false;
  size_t pos = b[6] | (b[7] << 8);
  frames->clear();
  while (pos + 12 <= b.size()) {
    const uint32_t size = b[pos] | (b[pos + 1] << 8) | (b[pos + 2] << 16) |
                          (static_cast<uint32_t>(b[pos + 3]) << 24);
    int64_t ts = 0;
    for (int i = 7; i >= 0; --i) ts = (ts << 8) | b[pos + 4 + i];
    IvfFrame fr;
    fr.offset = static_cast<int64_t>(pos);
    pos += 12;
    if (size > b.size() - pos) break;
    fr.data.assign(b.begin() + static_cast<ptrdiff_t>(pos),
                   b.begin() + static_cast<ptrdiff_t>(pos + size));
    fr.timestamp = ts;
    frames->push_back(std::move(fr));
    pos += size;
  }
  return true;
}

struct ManifestRow {
  std::string file, container, expect, tags, args, chroma;
  int frames = 0, bitdepth = 0;
};

inline std::vector<ManifestRow> ReadManifest() {
  std::vector<ManifestRow> rows;
  std::ifstream f(ConformanceDir() + "/MANIFEST.tsv");
  std::string line;
  std::getline(f, line);  // header
  while (std::getline(f, line)) {
    std::vector<std::string> col;
    std::stringstream ss(line);
    std::string c;
    while (std::getline(ss, c, '\t')) col.push_back(c);
    if (col.size() < 11) continue;
    ManifestRow r;
    r.file = col[0];
    r.frames = col[3] == "-" ? 0 : std::atoi(col[3].c_str());
    r.bitdepth = col[6] == "-" ? 0 : std::atoi(col[6].c_str());
    r.chroma = col[7];
    r.container = col[8];
    r.expect = col[9];
    r.tags = col[10];
    r.args = col.size() > 13 ? col[13] : "";
    rows.push_back(r);
  }
  return rows;
}

}  // namespace hav1_test

#endif  // HAV1_TESTS_API_TEST_UTIL_H_
