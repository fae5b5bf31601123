// Palette syntax: spec 5.11.46 palette_mode_info( ) with get_palette_cache,
// 5.11.49 palette_tokens( ) and 5.11.50 get_palette_color_context( ), with
// the CDF selection of 8.3.2.
#include <algorithm>

#include "src/common/intops.h"
#include "src/tile/tile_parser.h"

namespace hav1::tile {

namespace {

// Merges the sorted cache entries and the sorted new colours (sort() of
// 5.11.46: both runs are ascending).
void SortColors(uint16_t* colors, int n) { std::sort(colors, colors + n); }

uint16_t* PaletteColorCdf(CdfContext* cdf, int plane, int n, int ctx) {
  if (plane == 0) {
    switch (n) {
      case 2: return cdf->palette_size_2_y_color_cdf[ctx];
      case 3: return cdf->palette_size_3_y_color_cdf[ctx];
      case 4: return cdf->palette_size_4_y_color_cdf[ctx];
      case 5: return cdf->palette_size_5_y_color_cdf[ctx];
      case 6: return cdf->palette_size_6_y_color_cdf[ctx];
      case 7: return cdf->palette_size_7_y_color_cdf[ctx];
      default: return cdf->palette_size_8_y_color_cdf[ctx];
    }
  }
  switch (n) {
    case 2: return cdf->palette_size_2_uv_color_cdf[ctx];
    case 3: return cdf->palette_size_3_uv_color_cdf[ctx];
    case 4: return cdf->palette_size_4_uv_color_cdf[ctx];
    case 5: return cdf->palette_size_5_uv_color_cdf[ctx];
    case 6: return cdf->palette_size_6_uv_color_cdf[ctx];
    case 7: return cdf->palette_size_7_uv_color_cdf[ctx];
    default: return cdf->palette_size_8_uv_color_cdf[ctx];
  }
}

}  // namespace

// get_palette_cache( plane ) (5.11.46)
int TileParser::GetPaletteCache(int plane, uint16_t* cache) {
  int above_n = 0;
  if ((mi_row_ * MI_SIZE) % 64) above_n = blocks_->at(mi_row_ - 1, mi_col_).palette_size[plane];
  int left_n = 0;
  if (avail_l_) left_n = blocks_->at(mi_row_, mi_col_ - 1).palette_size[plane];
  const uint16_t* above = &above_palette_[plane][static_cast<size_t>(mi_col_) * 8];
  const uint16_t* left = &left_palette_[plane][static_cast<size_t>(mi_row_) * 8];
  int above_idx = 0, left_idx = 0, n = 0;
  while (above_idx < above_n && left_idx < left_n) {
    const uint16_t above_c = above[above_idx];
    const uint16_t left_c = left[left_idx];
    if (left_c < above_c) {
      if (n == 0 || left_c != cache[n - 1]) cache[n++] = left_c;
      ++left_idx;
    } else {
      if (n == 0 || above_c != cache[n - 1]) cache[n++] = above_c;
      ++above_idx;
      if (left_c == above_c) ++left_idx;
    }
  }
  while (above_idx < above_n) {
    const uint16_t val = above[above_idx++];
    if (n == 0 || val != cache[n - 1]) cache[n++] = val;
  }
  while (left_idx < left_n) {
    const uint16_t val = left[left_idx++];
    if (n == 0 || val != cache[n - 1]) cache[n++] = val;
  }
  return n;
}

// 5.11.46 palette_mode_info( )
void TileParser::PaletteModeInfo() {
  const int bsize_ctx = Mi_Width_Log2[mi_size_] + Mi_Height_Log2[mi_size_] - 2;
  const int max_val = (1 << bit_depth_) - 1;
  uint16_t cache[16];
  if (y_mode_ == DC_PRED) {
    int ctx = 0;
    if (avail_u_ && blocks_->at(mi_row_ - 1, mi_col_).palette_size[0] > 0) ++ctx;
    if (avail_l_ && blocks_->at(mi_row_, mi_col_ - 1).palette_size[0] > 0) ++ctx;
    if (sd_->ReadSymbol(cdf_->palette_y_mode_cdf[bsize_ctx][ctx])) {
      palette_size_y_ = sd_->ReadSymbol(cdf_->palette_y_size_cdf[bsize_ctx]) + 2;
      uint16_t* colors = palette_colors_[0];
      const int cache_n = GetPaletteCache(0, cache);
      int idx = 0;
      for (int i = 0; i < cache_n && idx < palette_size_y_; ++i) {
        if (sd_->ReadLiteral(1)) colors[idx++] = cache[i];
      }
      if (idx < palette_size_y_) {
        colors[idx++] = static_cast<uint16_t>(sd_->ReadLiteral(bit_depth_));
      }
      int palette_bits = 0;
      if (idx < palette_size_y_) {
        palette_bits = bit_depth_ - 3 + static_cast<int>(sd_->ReadLiteral(2));
      }
      while (idx < palette_size_y_) {
        const int delta = static_cast<int>(sd_->ReadLiteral(palette_bits)) + 1;
        colors[idx] = static_cast<uint16_t>(Clip3(0, max_val, colors[idx - 1] + delta));
        const int range = (1 << bit_depth_) - colors[idx] - 1;
        palette_bits = std::min(palette_bits, CeilLog2(static_cast<uint32_t>(range)));
        ++idx;
      }
      SortColors(colors, palette_size_y_);
    }
  }
  if (has_chroma_ && uv_mode_ == DC_PRED) {
    const int ctx = palette_size_y_ > 0 ? 1 : 0;
    if (sd_->ReadSymbol(cdf_->palette_uv_mode_cdf[ctx])) {
      palette_size_uv_ = sd_->ReadSymbol(cdf_->palette_uv_size_cdf[bsize_ctx]) + 2;
      uint16_t* u = palette_colors_[1];
      uint16_t* v = palette_colors_[2];
      const int cache_n = GetPaletteCache(1, cache);
      int idx = 0;
      for (int i = 0; i < cache_n && idx < palette_size_uv_; ++i) {
        if (sd_->ReadLiteral(1)) u[idx++] = cache[i];
      }
      if (idx < palette_size_uv_) u[idx++] = static_cast<uint16_t>(sd_->ReadLiteral(bit_depth_));
      int palette_bits = 0;
      if (idx < palette_size_uv_) {
        palette_bits = bit_depth_ - 3 + static_cast<int>(sd_->ReadLiteral(2));
      }
      while (idx < palette_size_uv_) {
        const int delta = static_cast<int>(sd_->ReadLiteral(palette_bits));
        u[idx] = static_cast<uint16_t>(Clip3(0, max_val, u[idx - 1] + delta));
        const int range = (1 << bit_depth_) - u[idx];
        palette_bits = std::min(palette_bits, CeilLog2(static_cast<uint32_t>(range)));
        ++idx;
      }
      SortColors(u, palette_size_uv_);
      if (sd_->ReadLiteral(1)) {  // delta_encode_palette_colors_v
        const int min_bits = bit_depth_ - 4;
        const int max_v = 1 << bit_depth_;
        const int bits = min_bits + static_cast<int>(sd_->ReadLiteral(2));
        v[0] = static_cast<uint16_t>(sd_->ReadLiteral(bit_depth_));
        for (idx = 1; idx < palette_size_uv_; ++idx) {
          int delta = static_cast<int>(sd_->ReadLiteral(bits));
          if (delta && sd_->ReadLiteral(1)) delta = -delta;
          int val = v[idx - 1] + delta;
          if (val < 0) val += max_v;
          if (val >= max_v) val -= max_v;
          v[idx] = static_cast<uint16_t>(Clip3(0, max_val, val));
        }
      } else {
        for (idx = 0; idx < palette_size_uv_; ++idx) {
          v[idx] = static_cast<uint16_t>(sd_->ReadLiteral(bit_depth_));
        }
      }
    }
  }
}

// The colour index map loop of 5.11.49 palette_tokens( ) for one plane
// type, with get_palette_color_context( ) (5.11.50).
void TileParser::ReadColorMap(int plane, int block_w, int block_h, int onscreen_w,
                              int onscreen_h, int n) {
  uint8_t* map = color_map_[plane];
  constexpr int kStride = BlockParams::kColorMapStride;
  map[0] = static_cast<uint8_t>(sd_->ReadNS(static_cast<uint32_t>(n)));
  for (int i = 1; i < onscreen_h + onscreen_w - 1; ++i) {
    for (int j = std::min(i, onscreen_w - 1); j >= std::max(0, i - onscreen_h + 1); --j) {
      const int r = i - j, c = j;
      // get_palette_color_context( colorMap, r, c, n )
      int scores[PALETTE_COLORS] = {};
      int order[PALETTE_COLORS];
      for (int k = 0; k < PALETTE_COLORS; ++k) order[k] = k;
      if (c > 0) scores[map[r * kStride + c - 1]] += 2;
      if (r > 0 && c > 0) scores[map[(r - 1) * kStride + c - 1]] += 1;
      if (r > 0) scores[map[(r - 1) * kStride + c]] += 2;
      for (int k = 0; k < PALETTE_NUM_NEIGHBORS; ++k) {
        int max_score = scores[k], max_idx = k;
        for (int l = k + 1; l < n; ++l) {
          if (scores[l] > max_score) {
            max_score = scores[l];
            max_idx = l;
          }
        }
        if (max_idx != k) {
          max_score = scores[max_idx];
          const int max_order = order[max_idx];
          for (int l = max_idx; l > k; --l) {
            scores[l] = scores[l - 1];
            order[l] = order[l - 1];
          }
          scores[k] = max_score;
          order[k] = max_order;
        }
      }
      int hash = 0;
      for (int k = 0; k < PALETTE_NUM_NEIGHBORS; ++k) {
        hash += scores[k] * Palette_Color_Hash_Multipliers[k];
      }
      const int ctx = Palette_Color_Context[hash];
      const int sym = sd_->ReadSymbol(PaletteColorCdf(cdf_, plane, n, ctx < 0 ? 0 : ctx), n);
      map[r * kStride + c] = static_cast<uint8_t>(order[sym]);
    }
  }
  for (int i = 0; i < onscreen_h; ++i) {
    for (int j = onscreen_w; j < block_w; ++j) {
      map[i * kStride + j] = map[i * kStride + onscreen_w - 1];
    }
  }
  for (int i = onscreen_h; i < block_h; ++i) {
    for (int j = 0; j < block_w; ++j) {
      map[i * kStride + j] = map[(onscreen_h - 1) * kStride + j];
    }
  }
}

// 5.11.49 palette_tokens( )
void TileParser::PaletteTokens() {
  int block_h = Block_Height(mi_size_);
  int block_w = Block_Width(mi_size_);
  int onscreen_h = std::min(block_h, (hdr_.MiRows - mi_row_) * MI_SIZE);
  int onscreen_w = std::min(block_w, (hdr_.MiCols - mi_col_) * MI_SIZE);
  if (palette_size_y_) {
    ReadColorMap(0, block_w, block_h, onscreen_w, onscreen_h, palette_size_y_);
  }
  if (palette_size_uv_) {
    block_h >>= sub_y_;
    block_w >>= sub_x_;
    onscreen_h >>= sub_y_;
    onscreen_w >>= sub_x_;
    if (block_w < 4) {
      block_w += 2;
      onscreen_w += 2;
    }
    if (block_h < 4) {
      block_h += 2;
      onscreen_h += 2;
    }
    ReadColorMap(1, block_w, block_h, onscreen_w, onscreen_h, palette_size_uv_);
  }
}

}  // namespace hav1::tile
