// The blending steps of inter prediction: spec 7.11.3.10 overlap blending,
// 7.11.3.11 wedge mask, 7.11.3.12 difference weight mask, 7.11.3.13 intra
// mode variant mask, 7.11.3.14 mask blend, 7.11.3.15 distance weights.
#include "src/recon/inter_masks.h"

#include <algorithm>
#include <cstdlib>

#include "src/bitstream/frame_header_parser.h"
#include "src/common/intops.h"
#include "src/recon/inter_tables.h"

namespace hav1::recon {
namespace {

// Section 10 Wedge_Bits[ BLOCK_SIZES ]: the block sizes that have a wedge
// codebook (8x8 .. 32x32 and 8x32 / 32x8).
constexpr uint8_t kWedgeBits[BLOCK_SIZES] = {
    0, 0, 0, 4, 4, 4, 4, 4, 4, 4, 0,
    0, 0, 0, 0, 0, 0, 0, 4, 4, 0, 0,
};

// 7.11.3.11 the 1d master mask tables (spec text; not in inter_tables.inc).
constexpr uint8_t kWedgeMasterObliqueOdd[MASK_MASTER_SIZE] = {
    0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
    0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  1,  2,  6,  18,
    37, 53, 60, 63, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64,
    64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64,
};
constexpr uint8_t kWedgeMasterObliqueEven[MASK_MASTER_SIZE] = {
    0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
    0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  1,  4,  11, 27,
    46, 58, 62, 63, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64,
    64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64,
};
constexpr uint8_t kWedgeMasterVertical[MASK_MASTER_SIZE] = {
    0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
    0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  2,  7,  21,
    43, 57, 62, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64,
    64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64,
};

constexpr int kWedgeDirections = 6;

// Total bytes of WedgeMasks over the block sizes with Wedge_Bits > 0:
// 2 signs * WEDGE_TYPES masks of Block_Width * Block_Height each.
constexpr size_t WedgeTableSize() {
  size_t n = 0;
  for (int b = 0; b < BLOCK_SIZES; b++) {
    if (kWedgeBits[b] > 0) n += size_t{2} * WEDGE_TYPES * Block_Width(b) * Block_Height(b);
  }
  return n;
}

// WedgeMasks[ bsize ][ sign ][ wedge ][ i ][ j ] stored per block size at
// offset[ bsize ] as [ sign ][ wedge ][ i * Block_Width + j ].
struct WedgeTable {
  WedgeTable();  // initialise_wedge_mask_table()
  uint8_t data[WedgeTableSize()];
  size_t offset[BLOCK_SIZES];
};

// 7.11.3.11 block_shape()
int BlockShape(int bsize) {
  const int w4 = Num_4x4_Blocks_Wide[bsize];
  const int h4 = Num_4x4_Blocks_High[bsize];
  if (h4 > w4) return 0;
  if (h4 < w4) return 1;
  return 2;
}

// 7.11.3.11 initialise_wedge_mask_table().
WedgeTable::WedgeTable() : data{}, offset{} {
  constexpr int kSize = MASK_MASTER_SIZE;
  // MasterMask[ dir ][ i ][ j ]: 6 * 64 * 64 bytes, on the stack for the
  // one-time build.
  uint8_t master[kWedgeDirections][kSize][kSize];
  int w = kSize;
  int h = kSize;
  for (int j = 0; j < w; j++) {
    int shift = kSize / 4;
    for (int i = 0; i < h; i += 2) {
      master[WEDGE_OBLIQUE63][i][j] = kWedgeMasterObliqueEven[Clip3(0, kSize - 1, j - shift)];
      shift -= 1;
      master[WEDGE_OBLIQUE63][i + 1][j] = kWedgeMasterObliqueOdd[Clip3(0, kSize - 1, j - shift)];
      master[WEDGE_VERTICAL][i][j] = kWedgeMasterVertical[j];
      master[WEDGE_VERTICAL][i + 1][j] = kWedgeMasterVertical[j];
    }
  }
  for (int i = 0; i < h; i++) {
    for (int j = 0; j < w; j++) {
      const int msk = master[WEDGE_OBLIQUE63][i][j];
      master[WEDGE_OBLIQUE27][j][i] = static_cast<uint8_t>(msk);
      master[WEDGE_OBLIQUE117][i][w - 1 - j] = static_cast<uint8_t>(64 - msk);
      master[WEDGE_OBLIQUE153][w - 1 - j][i] = static_cast<uint8_t>(64 - msk);
      master[WEDGE_HORIZONTAL][j][i] = master[WEDGE_VERTICAL][i][j];
    }
  }
  size_t pos = 0;
  for (int bsize = 0; bsize < BLOCK_SIZES; bsize++) {
    offset[bsize] = pos;
    if (bsize < BLOCK_8X8 || kWedgeBits[bsize] == 0) continue;
    w = Block_Width(bsize);
    h = Block_Height(bsize);
    const size_t mask_size = static_cast<size_t>(w) * h;
    const int shape = BlockShape(bsize);
    for (int wedge = 0; wedge < WEDGE_TYPES; wedge++) {
      const int dir = Wedge_Codebook[shape][wedge][0];
      const int xoff = kSize / 2 - ((Wedge_Codebook[shape][wedge][1] * w) >> 3);
      const int yoff = kSize / 2 - ((Wedge_Codebook[shape][wedge][2] * h) >> 3);
      int sum = 0;
      for (int i = 0; i < w; i++) sum += master[dir][yoff][xoff + i];
      for (int i = 1; i < h; i++) sum += master[dir][yoff + i][xoff];
      const int avg = (sum + (w + h - 1) / 2) / (w + h - 1);
      const int flip_sign = avg < 32 ? 1 : 0;
      uint8_t* keep = data + pos + (flip_sign * WEDGE_TYPES + wedge) * mask_size;
      uint8_t* inverse = data + pos + ((1 - flip_sign) * WEDGE_TYPES + wedge) * mask_size;
      for (int i = 0; i < h; i++) {
        for (int j = 0; j < w; j++) {
          const int m = master[dir][yoff + i][xoff + j];
          keep[i * w + j] = static_cast<uint8_t>(m);
          inverse[i * w + j] = static_cast<uint8_t>(64 - m);
        }
      }
    }
    pos += 2 * WEDGE_TYPES * mask_size;
  }
}

// The process-wide WedgeMasks, built on first use (thread-safe static
// initialisation of a const object) and immutable afterwards.
const WedgeTable& WedgeMasks() {
  static const WedgeTable table;
  return table;
}

}  // namespace

// 7.11.3.11 wedge mask process.
bool WedgeMask(int mi_size, int wedge_sign, int wedge_index, int w, int h, uint8_t* mask,
               ptrdiff_t mask_stride) {
  if (mi_size < 0 || mi_size >= BLOCK_SIZES || kWedgeBits[mi_size] == 0) return false;
  if (wedge_sign < 0 || wedge_sign > 1 || wedge_index < 0 || wedge_index >= WEDGE_TYPES) {
    return false;
  }
  const int bw = Block_Width(mi_size);
  const int bh = Block_Height(mi_size);
  if (w <= 0 || h <= 0 || w > bw || h > bh) return false;
  const WedgeTable& t = WedgeMasks();
  const uint8_t* src = t.data + t.offset[mi_size] +
                       static_cast<size_t>(wedge_sign * WEDGE_TYPES + wedge_index) * bw * bh;
  for (int i = 0; i < h; i++) {
    std::copy(src + i * bw, src + i * bw + w, mask + i * mask_stride);
  }
  return true;
}

// 7.11.3.12 difference weight mask process.
void DifferenceWeightMask(const int32_t* pred0, const int32_t* pred1, ptrdiff_t pred_stride,
                          int w, int h, int mask_type, int bitdepth, int inter_post_round,
                          uint8_t* mask, ptrdiff_t mask_stride) {
  const int shift = (bitdepth - 8) + inter_post_round;
  for (int i = 0; i < h; i++) {
    const int32_t* p0 = pred0 + i * pred_stride;
    const int32_t* p1 = pred1 + i * pred_stride;
    uint8_t* m_row = mask + i * mask_stride;
    for (int j = 0; j < w; j++) {
      int64_t diff = std::llabs(int64_t{p0[j]} - int64_t{p1[j]});
      diff = Round2(diff, shift);
      const int m = static_cast<int>(Clip3<int64_t>(0, 64, 38 + diff / 16));
      m_row[j] = static_cast<uint8_t>(mask_type ? 64 - m : m);
    }
  }
}

// 7.11.3.13 intra mode variant mask process.
void IntraModeVariantMask(int interintra_mode, int w, int h, uint8_t* mask,
                          ptrdiff_t mask_stride) {
  const int max_wh = std::max(h, w);
  if (w <= 0 || h <= 0 || max_wh > MAX_SB_SIZE) return;
  const int size_scale = MAX_SB_SIZE / max_wh;
  for (int i = 0; i < h; i++) {
    uint8_t* m_row = mask + i * mask_stride;
    for (int j = 0; j < w; j++) {
      uint8_t m;
      if (interintra_mode == II_V_PRED) {
        m = Ii_Weights_1d[i * size_scale];
      } else if (interintra_mode == II_H_PRED) {
        m = Ii_Weights_1d[j * size_scale];
      } else if (interintra_mode == II_SMOOTH_PRED) {
        m = Ii_Weights_1d[std::min(i, j) * size_scale];
      } else {
        m = 32;
      }
      m_row[j] = m;
    }
  }
}

// 7.11.3.14 mask blend process.
template <typename Pixel>
void MaskBlend(const int32_t* pred0, const int32_t* pred1, ptrdiff_t pred_stride,
               const uint8_t* mask, ptrdiff_t mask_stride, int sub_x, int sub_y, bool interintra,
               bool wedge_interintra, int w, int h, int bitdepth, int inter_post_round,
               Pixel* dst, ptrdiff_t dst_stride) {
  const bool full_res = (!sub_x && !sub_y) || (interintra && !wedge_interintra);
  const int64_t pixel_max = (int64_t{1} << bitdepth) - 1;
  for (int y = 0; y < h; y++) {
    const int32_t* p0 = pred0 + y * pred_stride;
    Pixel* d = dst + y * dst_stride;
    for (int x = 0; x < w; x++) {
      int m;
      if (full_res) {
        m = mask[y * mask_stride + x];
      } else if (sub_x && !sub_y) {
        const uint8_t* r = mask + y * mask_stride + 2 * x;
        m = Round2(r[0] + r[1], 1);
      } else {
        const uint8_t* r0 = mask + 2 * y * mask_stride + 2 * x;
        const uint8_t* r1 = r0 + mask_stride;
        m = Round2(r0[0] + r0[1] + r1[0] + r1[1], 2);
      }
      if (interintra) {
        const int64_t v0 = Clip3<int64_t>(0, pixel_max, Round2(int64_t{p0[x]}, inter_post_round));
        const int64_t v1 = d[x];
        d[x] = static_cast<Pixel>(Round2(m * v1 + (64 - m) * v0, 6));
      } else {
        const int64_t v0 = p0[x];
        const int64_t v1 = pred1[y * pred_stride + x];
        d[x] = static_cast<Pixel>(
            Clip3<int64_t>(0, pixel_max, Round2(m * v0 + (64 - m) * v1, 6 + inter_post_round)));
      }
    }
  }
}

// 7.11.3.10 overlap blending process.
template <typename Pixel>
void OverlapBlend(const Pixel* obmc_pred, ptrdiff_t obmc_stride, int pred_w, int pred_h,
                  int pass, const uint8_t* mask, Pixel* dst, ptrdiff_t dst_stride) {
  for (int i = 0; i < pred_h; i++) {
    const Pixel* o = obmc_pred + i * obmc_stride;
    Pixel* d = dst + i * dst_stride;
    for (int j = 0; j < pred_w; j++) {
      const int m = pass == 0 ? mask[i] : mask[j];
      d[j] = static_cast<Pixel>(Round2(m * int32_t{d[j]} + (64 - m) * int32_t{o[j]}, 6));
    }
  }
}

// 7.11.3.9 get_obmc_mask( length ).  The spec returns Obmc_Mask_32 for
// every length other than 2, 4, 8 and 16; lengths outside 1..32 (which the
// mask could not cover) give NULL.
const uint8_t* ObmcMask(int len) {
  if (len < 1 || len > 32) return nullptr;
  if (len == 2) return Obmc_Mask_2;
  if (len == 4) return Obmc_Mask_4;
  if (len == 8) return Obmc_Mask_8;
  if (len == 16) return Obmc_Mask_16;
  return Obmc_Mask_32;
}

// 7.11.3.15 distance weights process.
void DistanceWeights(const SequenceHeader& seq, const FrameHeader& hdr, const int ref_frame[2],
                     int* fwd_weight, int* bck_weight) {
  int dist[2];
  for (int ref_list = 0; ref_list < 2; ref_list++) {
    const int rf = ref_frame[ref_list];
    // RefFrames of a compound block are LAST_FRAME..ALTREF_FRAME; anything
    // else (bad data) reads the current frame's hint, distance 0.
    const int h = (rf >= 0 && rf < hav1::TOTAL_REFS_PER_FRAME) ? hdr.OrderHints[rf] : hdr.OrderHint;
    dist[ref_list] = Clip3(0, MAX_FRAME_DISTANCE, std::abs(GetRelativeDist(seq, h, hdr.OrderHint)));
  }
  const int d0 = dist[1];
  const int d1 = dist[0];
  const int order = d0 <= d1 ? 1 : 0;
  if (d0 == 0 || d1 == 0) {
    *fwd_weight = Quant_Dist_Lookup[3][order];
    *bck_weight = Quant_Dist_Lookup[3][1 - order];
    return;
  }
  int i;
  for (i = 0; i < 3; i++) {
    const int c0 = Quant_Dist_Weight[i][order];
    const int c1 = Quant_Dist_Weight[i][1 - order];
    if (order) {
      if (d0 * c0 > d1 * c1) break;
    } else {
      if (d0 * c0 < d1 * c1) break;
    }
  }
  *fwd_weight = Quant_Dist_Lookup[i][order];
  *bck_weight = Quant_Dist_Lookup[i][1 - order];
}

template void MaskBlend<uint8_t>(const int32_t*, const int32_t*, ptrdiff_t, const uint8_t*,
                                 ptrdiff_t, int, int, bool, bool, int, int, int, int, uint8_t*,
                                 ptrdiff_t);
template void MaskBlend<uint16_t>(const int32_t*, const int32_t*, ptrdiff_t, const uint8_t*,
                                  ptrdiff_t, int, int, bool, bool, int, int, int, int, uint16_t*,
                                  ptrdiff_t);
template void OverlapBlend<uint8_t>(const uint8_t*, ptrdiff_t, int, int, int, const uint8_t*,
                                    uint8_t*, ptrdiff_t);
template void OverlapBlend<uint16_t>(const uint16_t*, ptrdiff_t, int, int, int, const uint8_t*,
                                     uint16_t*, ptrdiff_t);

}  // namespace hav1::recon
