// Dumps hav1's WedgeMasks (spec 7.11.3.11) for every block size, sign and
// wedge index, for wedge_oracle.py to compare with its own re-implementation
// of initialise_wedge_mask_table() from the spec text.
//
// One line per (bsize, sign, index):
//   "bsize sign index 0"                           WedgeMask refused the size
//   "bsize sign index 1 w h crc32 hex-bytes"       the w x h mask, row-major
// crc32 is the IEEE CRC-32 (zlib's crc32) of the w * h bytes.
#include <cstdint>
#include <cstdio>
#include <vector>

#include "src/recon/inter_masks.h"
#include "src/tile/tile_constants.h"

namespace {

uint32_t Crc32(const uint8_t* p, size_t n) {
  uint32_t crc = 0xFFFFFFFFu;
  for (size_t i = 0; i < n; i++) {
    crc ^= p[i];
    for (int k = 0; k < 8; k++) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

}  // namespace

int main() {
  using namespace hav1::tile;  // NOLINT: Block_Width, BLOCK_SIZES, WEDGE_TYPES
  std::vector<uint8_t> mask(128 * 128);
  for (int bsize = 0; bsize < BLOCK_SIZES; bsize++) {
    const int w = Block_Width(bsize), h = Block_Height(bsize);
    for (int sign = 0; sign < 2; sign++) {
      for (int index = 0; index < WEDGE_TYPES; index++) {
        const bool ok = hav1::recon::WedgeMask(bsize, sign, index, w, h, mask.data(), w);
        if (!ok) {
          std::printf("%d %d %d 0\n", bsize, sign, index);
          continue;
        }
        const size_t n = static_cast<size_t>(w) * h;
        std::printf("%d %d %d 1 %d %d %08x ", bsize, sign, index, w, h, Crc32(mask.data(), n));
        for (size_t k = 0; k < n; k++) std::printf("%02x", mask[k]);
        std::printf("\n");
      }
    }
  }
  return 0;
}
