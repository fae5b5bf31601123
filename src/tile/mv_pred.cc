// Motion vector prediction (spec 7.10.2 find_mv_stack, 7.10.3
// has_overlappable_candidates, 7.10.4 find_warp_samples).
#include "src/tile/mv_pred.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <utility>

#include "src/common/intops.h"
#include "src/refs/motion_field.h"

namespace hav1::tile {
namespace {

constexpr int kLastFrame = 1;    // LAST_FRAME
constexpr int kAltrefFrame = 7;  // ALTREF_FRAME

// A reference frame value that can name an inter reference.
bool IsInterRef(int ref) { return ref >= kLastFrame && ref <= kAltrefFrame; }

bool ValidBlockSize(int bsize) { return bsize >= 0 && bsize < BLOCK_SIZES; }

// A grid MiSizes value, BLOCK_4X4 if out of range (hostile grids only).
int SafeSize(int bsize) { return ValidBlockSize(bsize) ? bsize : static_cast<int>(BLOCK_4X4); }

// has_newmv( mode ) of 7.10.2.9.
bool HasNewmv(int mode) {
  return mode == NEWMV || mode == NEW_NEWMV || mode == NEAR_NEWMV || mode == NEW_NEARMV ||
         mode == NEAREST_NEWMV || mode == NEW_NEARESTMV;
}

}  // namespace

MvPredictor::MvPredictor(const FrameHeader& hdr, const FrameBlockInfo* blocks,
                         const MotionField* motion_field)
    : hdr_(hdr), blocks_(blocks), motion_field_(motion_field) {}

void MvPredictor::SetTile(const TileBounds& tile) {
  const int rows = std::min(hdr_.MiRows, blocks_->mi_rows());
  const int cols = std::min(hdr_.MiCols, blocks_->mi_cols());
  tile_.mi_row_start = std::max(0, tile.mi_row_start);
  tile_.mi_col_start = std::max(0, tile.mi_col_start);
  tile_.mi_row_end = std::min(rows, tile.mi_row_end);
  tile_.mi_col_end = std::min(cols, tile.mi_col_end);
}

bool MvPredictor::SignBias(int ref) const {
  return IsInterRef(ref) && hdr_.RefFrameSignBias[ref] != 0;
}

// 7.10.2 find mv stack process.
void MvPredictor::FindMvStack(const MvBlock& block, bool is_compound, MvStack* out) {
  *out = MvStack();
  b_ = block;
  if (!ValidBlockSize(b_.mi_size)) b_.mi_size = BLOCK_4X4;
  compound_ = is_compound ? 1 : 0;
  s_ = out;
  const int bw4 = Num_4x4_Blocks_Wide[b_.mi_size];
  const int bh4 = Num_4x4_Blocks_High[b_.mi_size];

  s_->num_mv_found = 0;
  s_->new_mv_count = 0;
  SetupGlobalMv(0, s_->global_mvs[0]);
  if (compound_) SetupGlobalMv(1, s_->global_mvs[1]);

  found_match_ = false;
  ScanRow(-1);
  bool found_above_match = found_match_;
  found_match_ = false;
  ScanCol(-1);
  bool found_left_match = found_match_;
  found_match_ = false;
  if (std::max(bw4, bh4) <= 16) ScanPoint(-1, bw4);
  if (found_match_) found_above_match = true;
  close_matches_ = found_above_match + found_left_match;
  const int num_nearest = s_->num_mv_found;
  const int num_new = s_->new_mv_count;
  for (int idx = 0; idx < num_nearest; ++idx) s_->weight_stack[idx] += REF_CAT_LEVEL;
  s_->zero_mv_context = 0;
  if (hdr_.use_ref_frame_mvs == 1) TemporalScan();
  // The spec does not clear FoundMatch before this scan point: a match of
  // the top-right scan point above sets foundAboveMatch again (harmless).
  ScanPoint(-1, -1);
  if (found_match_) found_above_match = true;
  found_match_ = false;
  ScanRow(-3);
  if (found_match_) found_above_match = true;
  found_match_ = false;
  ScanCol(-3);
  if (found_match_) found_left_match = true;
  found_match_ = false;
  if (bh4 > 1) ScanRow(-5);
  if (found_match_) found_above_match = true;
  found_match_ = false;
  if (bw4 > 1) ScanCol(-5);
  if (found_match_) found_left_match = true;
  total_matches_ = found_above_match + found_left_match;
  Sort(0, num_nearest);
  Sort(num_nearest, s_->num_mv_found);
  if (s_->num_mv_found < 2) ExtraSearch();
  ContextAndClamping(num_new);
  s_ = nullptr;
}

// 7.10.2.1 setup global mv process.
void MvPredictor::SetupGlobalMv(int ref_list, int mv[2]) const {
  const int ref = b_.ref_frame[ref_list];
  const int typ = IsInterRef(ref) ? hdr_.GmType[ref] : IDENTITY;
  const int bw = Block_Width(b_.mi_size);
  const int bh = Block_Height(b_.mi_size);
  if (!IsInterRef(ref) || typ == IDENTITY) {
    mv[0] = 0;
    mv[1] = 0;
  } else if (typ == TRANSLATION) {
    mv[0] = hdr_.gm_params[ref][0] >> (WARPEDMODEL_PREC_BITS - 3);
    mv[1] = hdr_.gm_params[ref][1] >> (WARPEDMODEL_PREC_BITS - 3);
  } else {
    const int64_t x = b_.mi_col * MI_SIZE + bw / 2 - 1;
    const int64_t y = b_.mi_row * MI_SIZE + bh / 2 - 1;
    const int32_t* gm = hdr_.gm_params[ref];
    const int64_t xc =
        (int64_t{gm[2]} - (int64_t{1} << WARPEDMODEL_PREC_BITS)) * x + int64_t{gm[3]} * y + gm[0];
    const int64_t yc =
        int64_t{gm[4]} * x + (int64_t{gm[5]} - (int64_t{1} << WARPEDMODEL_PREC_BITS)) * y + gm[1];
    if (hdr_.allow_high_precision_mv) {
      mv[0] = static_cast<int>(Round2Signed(yc, WARPEDMODEL_PREC_BITS - 3));
      mv[1] = static_cast<int>(Round2Signed(xc, WARPEDMODEL_PREC_BITS - 3));
    } else {
      mv[0] = static_cast<int>(Round2Signed(yc, WARPEDMODEL_PREC_BITS - 2) * 2);
      mv[1] = static_cast<int>(Round2Signed(xc, WARPEDMODEL_PREC_BITS - 2) * 2);
    }
  }
  LowerMvPrecision(mv);
}

// 7.10.2.2 scan row process.
void MvPredictor::ScanRow(int delta_row) {
  const int bw4 = Num_4x4_Blocks_Wide[b_.mi_size];
  const int end4 = std::min(std::min(bw4, hdr_.MiCols - b_.mi_col), 16);
  int delta_col = 0;
  const bool use_step16 = bw4 >= 16;
  if (std::abs(delta_row) > 1) {
    delta_row += b_.mi_row & 1;
    delta_col = 1 - (b_.mi_col & 1);
  }
  int i = 0;
  while (i < end4) {
    const int mv_row = b_.mi_row + delta_row;
    const int mv_col = b_.mi_col + delta_col + i;
    const BlockInfo* cand = At(mv_row, mv_col);
    if (cand == nullptr) break;
    const int cand_size = SafeSize(cand->mi_size);
    int len = std::min<int>(bw4, Num_4x4_Blocks_Wide[cand_size]);
    if (std::abs(delta_row) > 1) len = std::max(2, len);
    if (use_step16) len = std::max(4, len);
    const int weight = len * 2;
    AddRefMvCandidate(mv_row, mv_col, weight);
    i += len;
  }
}

// 7.10.2.3 scan col process.
void MvPredictor::ScanCol(int delta_col) {
  const int bh4 = Num_4x4_Blocks_High[b_.mi_size];
  const int end4 = std::min(std::min(bh4, hdr_.MiRows - b_.mi_row), 16);
  int delta_row = 0;
  const bool use_step16 = bh4 >= 16;
  if (std::abs(delta_col) > 1) {
    delta_row = 1 - (b_.mi_row & 1);
    delta_col += b_.mi_col & 1;
  }
  int i = 0;
  while (i < end4) {
    const int mv_row = b_.mi_row + delta_row + i;
    const int mv_col = b_.mi_col + delta_col;
    const BlockInfo* cand = At(mv_row, mv_col);
    if (cand == nullptr) break;
    const int cand_size = SafeSize(cand->mi_size);
    int len = std::min<int>(bh4, Num_4x4_Blocks_High[cand_size]);
    if (std::abs(delta_col) > 1) len = std::max(2, len);
    if (use_step16) len = std::max(4, len);
    const int weight = len * 2;
    AddRefMvCandidate(mv_row, mv_col, weight);
    i += len;
  }
}

// 7.10.2.4 scan point process.
void MvPredictor::ScanPoint(int delta_row, int delta_col) {
  const int mv_row = b_.mi_row + delta_row;
  const int mv_col = b_.mi_col + delta_col;
  const BlockInfo* cand = At(mv_row, mv_col);
  if (cand != nullptr && cand->decoded) AddRefMvCandidate(mv_row, mv_col, 4);
}

// 7.10.2.5 temporal scan process.
void MvPredictor::TemporalScan() {
  const int bw4 = Num_4x4_Blocks_Wide[b_.mi_size];
  const int bh4 = Num_4x4_Blocks_High[b_.mi_size];
  const int step_w4 = bw4 >= 16 ? 4 : 2;
  const int step_h4 = bh4 >= 16 ? 4 : 2;
  for (int delta_row = 0; delta_row < std::min(bh4, 16); delta_row += step_h4) {
    for (int delta_col = 0; delta_col < std::min(bw4, 16); delta_col += step_w4) {
      AddTplRefMv(delta_row, delta_col);
    }
  }
  const bool allow_extension =
      bh4 >= Num_4x4_Blocks_High[BLOCK_8X8] && bh4 < Num_4x4_Blocks_High[BLOCK_64X64] &&
      bw4 >= Num_4x4_Blocks_Wide[BLOCK_8X8] && bw4 < Num_4x4_Blocks_Wide[BLOCK_64X64];
  if (allow_extension) {
    const int tpl_sample_pos[3][2] = {{bh4, -2}, {bh4, bw4}, {bh4 - 2, bw4}};
    for (int i = 0; i < 3; ++i) {
      const int delta_row = tpl_sample_pos[i][0];
      const int delta_col = tpl_sample_pos[i][1];
      // check_sb_border( deltaRow, deltaCol ): inside the same 64x64 block.
      const int row = (b_.mi_row & 15) + delta_row;
      const int col = (b_.mi_col & 15) + delta_col;
      if (row >= 0 && row < 16 && col >= 0 && col < 16) AddTplRefMv(delta_row, delta_col);
    }
  }
}

// 7.10.2.6 temporal sample process.
void MvPredictor::AddTplRefMv(int delta_row, int delta_col) {
  const int mv_row = (b_.mi_row + delta_row) | 1;
  const int mv_col = (b_.mi_col + delta_col) | 1;
  if (!IsInside(mv_row, mv_col)) return;
  const int x8 = mv_col >> 1;
  const int y8 = mv_row >> 1;
  if (delta_row == 0 && delta_col == 0) s_->zero_mv_context = 1;
  const MotionField* mf = motion_field_;
  // Outside the motion field (or without one) every entry counts as
  // invalid (-1 << 15): the candidate is skipped.
  const bool in_field = mf != nullptr && y8 >= 0 && y8 < mf->rows() && x8 >= 0 && x8 < mf->cols();
  const int num_lists = 1 + compound_;
  int cand[2][2];
  for (int list = 0; list < num_lists; ++list) {
    const int ref = b_.ref_frame[list];
    if (!in_field || !IsInterRef(ref)) return;
    const Mv& m = mf->at(ref, y8, x8);
    if (m.row == MotionField::kInvalid) return;
    cand[list][0] = m.row;
    cand[list][1] = m.col;
  }
  for (int list = 0; list < num_lists; ++list) LowerMvPrecision(cand[list]);
  if (delta_row == 0 && delta_col == 0) {
    bool far = false;
    for (int list = 0; list < num_lists; ++list) {
      if (std::abs(cand[list][0] - s_->global_mvs[list][0]) >= 16 ||
          std::abs(cand[list][1] - s_->global_mvs[list][1]) >= 16) {
        far = true;
      }
    }
    s_->zero_mv_context = far ? 1 : 0;
  }
  int idx = 0;
  for (; idx < s_->num_mv_found; ++idx) {
    bool same = true;
    for (int list = 0; list < num_lists; ++list) {
      if (cand[list][0] != s_->ref_stack_mv[idx][list][0] ||
          cand[list][1] != s_->ref_stack_mv[idx][list][1]) {
        same = false;
      }
    }
    if (same) break;
  }
  if (idx < s_->num_mv_found) {
    s_->weight_stack[idx] += 2;
  } else if (s_->num_mv_found < MAX_REF_MV_STACK_SIZE) {
    for (int list = 0; list < num_lists; ++list) {
      s_->ref_stack_mv[s_->num_mv_found][list][0] = cand[list][0];
      s_->ref_stack_mv[s_->num_mv_found][list][1] = cand[list][1];
    }
    s_->weight_stack[s_->num_mv_found] = 2;
    s_->num_mv_found += 1;
  }
}

// 7.10.2.7 add reference motion vector process.
void MvPredictor::AddRefMvCandidate(int mv_row, int mv_col, int weight) {
  const BlockInfo* cand = At(mv_row, mv_col);
  if (cand == nullptr || !cand->is_inter) return;
  if (!compound_) {
    // RefFrame[ 0 ] is INTRA_FRAME only for intra block copy (5.11.7), whose
    // candidates are the intrabc blocks (IsInters 1, RefFrames[ 0 ] INTRA).
    const int ref = b_.ref_frame[0];
    for (int cand_list = 0; cand_list < 2; ++cand_list) {
      if ((ref == kIntraFrame || IsInterRef(ref)) && cand->ref_frame[cand_list] == ref) {
        SearchStack(*cand, cand_list, weight);
      }
    }
  } else if (IsInterRef(cand->ref_frame[0]) && IsInterRef(cand->ref_frame[1]) &&
             cand->ref_frame[0] == b_.ref_frame[0] && cand->ref_frame[1] == b_.ref_frame[1]) {
    CompoundSearchStack(*cand, weight);
  }
}

// 7.10.2.8 search stack process.
void MvPredictor::SearchStack(const BlockInfo& cand, int cand_list, int weight) {
  const int cand_mode = cand.y_mode;
  const int cand_size = SafeSize(cand.mi_size);
  const bool large = std::min(Block_Width(cand_size), Block_Height(cand_size)) >= 8;
  int cand_mv[2];
  if ((cand_mode == GLOBALMV || cand_mode == GLOBAL_GLOBALMV) &&
      IsInterRef(b_.ref_frame[0]) && hdr_.GmType[b_.ref_frame[0]] > TRANSLATION && large) {
    cand_mv[0] = s_->global_mvs[0][0];
    cand_mv[1] = s_->global_mvs[0][1];
  } else {
    cand_mv[0] = cand.mv[cand_list].row;
    cand_mv[1] = cand.mv[cand_list].col;
  }
  LowerMvPrecision(cand_mv);
  if (HasNewmv(cand_mode)) s_->new_mv_count += 1;
  found_match_ = true;
  int idx = 0;
  for (; idx < s_->num_mv_found; ++idx) {
    if (cand_mv[0] == s_->ref_stack_mv[idx][0][0] && cand_mv[1] == s_->ref_stack_mv[idx][0][1]) {
      break;
    }
  }
  if (idx < s_->num_mv_found) {
    s_->weight_stack[idx] += weight;
  } else if (s_->num_mv_found < MAX_REF_MV_STACK_SIZE) {
    s_->ref_stack_mv[s_->num_mv_found][0][0] = cand_mv[0];
    s_->ref_stack_mv[s_->num_mv_found][0][1] = cand_mv[1];
    s_->weight_stack[s_->num_mv_found] = weight;
    s_->num_mv_found += 1;
  }
}

// 7.10.2.9 compound search stack process.
void MvPredictor::CompoundSearchStack(const BlockInfo& cand, int weight) {
  int cand_mvs[2][2] = {{cand.mv[0].row, cand.mv[0].col}, {cand.mv[1].row, cand.mv[1].col}};
  const int cand_mode = cand.y_mode;
  if (cand_mode == GLOBAL_GLOBALMV) {
    for (int ref_list = 0; ref_list < 2; ++ref_list) {
      if (hdr_.GmType[b_.ref_frame[ref_list]] > TRANSLATION) {
        cand_mvs[ref_list][0] = s_->global_mvs[ref_list][0];
        cand_mvs[ref_list][1] = s_->global_mvs[ref_list][1];
      }
    }
  }
  for (int i = 0; i < 2; ++i) LowerMvPrecision(cand_mvs[i]);
  found_match_ = true;
  int idx = 0;
  for (; idx < s_->num_mv_found; ++idx) {
    if (cand_mvs[0][0] == s_->ref_stack_mv[idx][0][0] &&
        cand_mvs[0][1] == s_->ref_stack_mv[idx][0][1] &&
        cand_mvs[1][0] == s_->ref_stack_mv[idx][1][0] &&
        cand_mvs[1][1] == s_->ref_stack_mv[idx][1][1]) {
      break;
    }
  }
  if (idx < s_->num_mv_found) {
    s_->weight_stack[idx] += weight;
  } else if (s_->num_mv_found < MAX_REF_MV_STACK_SIZE) {
    for (int i = 0; i < 2; ++i) {
      s_->ref_stack_mv[s_->num_mv_found][i][0] = cand_mvs[i][0];
      s_->ref_stack_mv[s_->num_mv_found][i][1] = cand_mvs[i][1];
    }
    s_->weight_stack[s_->num_mv_found] = weight;
    s_->num_mv_found += 1;
  }
  if (HasNewmv(cand_mode)) s_->new_mv_count += 1;
}

// 7.10.2.10 lower precision process.
void MvPredictor::LowerMvPrecision(int mv[2]) const {
  if (hdr_.allow_high_precision_mv) return;
  for (int i = 0; i < 2; ++i) {
    if (hdr_.force_integer_mv) {
      const int a = std::abs(mv[i]);
      const int a_int = (a + 3) >> 3;
      if (mv[i] > 0) {
        mv[i] = a_int << 3;
      } else {
        mv[i] = -(a_int << 3);
      }
    } else if (mv[i] & 1) {
      if (mv[i] > 0) {
        mv[i]--;
      } else {
        mv[i]++;
      }
    }
  }
}

// 7.10.2.11 sorting process (stable bubble sort by decreasing weight).
void MvPredictor::Sort(int start, int end) {
  const int num_lists = 1 + compound_;
  while (end > start) {
    int new_end = start;
    for (int idx = start + 1; idx < end; ++idx) {
      if (s_->weight_stack[idx - 1] < s_->weight_stack[idx]) {
        // swap_stack( idx - 1, idx )
        std::swap(s_->weight_stack[idx - 1], s_->weight_stack[idx]);
        for (int list = 0; list < num_lists; ++list) {
          for (int comp = 0; comp < 2; ++comp) {
            std::swap(s_->ref_stack_mv[idx - 1][list][comp], s_->ref_stack_mv[idx][list][comp]);
          }
        }
        new_end = idx;
      }
    }
    end = new_end;
  }
}

// 7.10.2.12 extra search process.
void MvPredictor::ExtraSearch() {
  for (int list = 0; list < 2; ++list) {
    ref_id_count_[list] = 0;
    ref_diff_count_[list] = 0;
  }
  int w4 = std::min<int>(16, Num_4x4_Blocks_Wide[b_.mi_size]);
  int h4 = std::min<int>(16, Num_4x4_Blocks_High[b_.mi_size]);
  w4 = std::min(w4, hdr_.MiCols - b_.mi_col);
  h4 = std::min(h4, hdr_.MiRows - b_.mi_row);
  const int num4x4 = std::min(w4, h4);
  for (int pass = 0; pass < 2; ++pass) {
    int idx = 0;
    while (idx < num4x4 && s_->num_mv_found < 2) {
      int mv_row, mv_col;
      if (pass == 0) {
        mv_row = b_.mi_row - 1;
        mv_col = b_.mi_col + idx;
      } else {
        mv_row = b_.mi_row + idx;
        mv_col = b_.mi_col - 1;
      }
      const BlockInfo* cand = At(mv_row, mv_col);
      if (cand == nullptr) break;
      AddExtraMvCandidate(mv_row, mv_col);
      const int cand_size = SafeSize(cand->mi_size);
      idx += pass == 0 ? Num_4x4_Blocks_Wide[cand_size] : Num_4x4_Blocks_High[cand_size];
    }
  }
  if (compound_) {
    int combined_mvs[2][2][2];  // combinedMvs[ idx ][ list ][ comp ]
    for (int list = 0; list < 2; ++list) {
      int comp_count = 0;
      for (int idx = 0; idx < ref_id_count_[list]; ++idx) {
        combined_mvs[comp_count][list][0] = ref_id_mvs_[list][idx][0];
        combined_mvs[comp_count][list][1] = ref_id_mvs_[list][idx][1];
        comp_count++;
      }
      for (int idx = 0; idx < ref_diff_count_[list] && comp_count < 2; ++idx) {
        combined_mvs[comp_count][list][0] = ref_diff_mvs_[list][idx][0];
        combined_mvs[comp_count][list][1] = ref_diff_mvs_[list][idx][1];
        comp_count++;
      }
      while (comp_count < 2) {
        combined_mvs[comp_count][list][0] = s_->global_mvs[list][0];
        combined_mvs[comp_count][list][1] = s_->global_mvs[list][1];
        comp_count++;
      }
    }
    auto put = [this](const int mvs[2][2]) {
      for (int list = 0; list < 2; ++list) {
        s_->ref_stack_mv[s_->num_mv_found][list][0] = mvs[list][0];
        s_->ref_stack_mv[s_->num_mv_found][list][1] = mvs[list][1];
      }
      s_->weight_stack[s_->num_mv_found] = 2;
      s_->num_mv_found++;
    };
    if (s_->num_mv_found == 1) {
      if (combined_mvs[0][0][0] == s_->ref_stack_mv[0][0][0] &&
          combined_mvs[0][0][1] == s_->ref_stack_mv[0][0][1] &&
          combined_mvs[0][1][0] == s_->ref_stack_mv[0][1][0] &&
          combined_mvs[0][1][1] == s_->ref_stack_mv[0][1][1]) {
        put(combined_mvs[1]);
      } else {
        put(combined_mvs[0]);
      }
    } else {
      // NumMvFound is 0 here (the extra search runs only below 2).
      for (int idx = 0; idx < 2; ++idx) put(combined_mvs[idx]);
    }
  } else {
    for (int idx = s_->num_mv_found; idx < 2; ++idx) {
      s_->ref_stack_mv[idx][0][0] = s_->global_mvs[0][0];
      s_->ref_stack_mv[idx][0][1] = s_->global_mvs[0][1];
    }
  }
}

// 7.10.2.13 add extra mv candidate process.
void MvPredictor::AddExtraMvCandidate(int mv_row, int mv_col) {
  const BlockInfo* cand = At(mv_row, mv_col);
  if (cand == nullptr) return;
  if (compound_) {
    for (int cand_list = 0; cand_list < 2; ++cand_list) {
      const int cand_ref = cand->ref_frame[cand_list];
      if (!IsInterRef(cand_ref)) continue;  // candRef > INTRA_FRAME
      for (int list = 0; list < 2; ++list) {
        int cand_mv[2] = {cand->mv[cand_list].row, cand->mv[cand_list].col};
        if (cand_ref == b_.ref_frame[list] && ref_id_count_[list] < 2) {
          ref_id_mvs_[list][ref_id_count_[list]][0] = cand_mv[0];
          ref_id_mvs_[list][ref_id_count_[list]][1] = cand_mv[1];
          ref_id_count_[list]++;
        } else if (ref_diff_count_[list] < 2) {
          if (SignBias(cand_ref) != SignBias(b_.ref_frame[list])) {
            cand_mv[0] *= -1;
            cand_mv[1] *= -1;
          }
          ref_diff_mvs_[list][ref_diff_count_[list]][0] = cand_mv[0];
          ref_diff_mvs_[list][ref_diff_count_[list]][1] = cand_mv[1];
          ref_diff_count_[list]++;
        }
      }
    }
  } else {
    for (int cand_list = 0; cand_list < 2; ++cand_list) {
      const int cand_ref = cand->ref_frame[cand_list];
      if (!IsInterRef(cand_ref)) continue;
      int cand_mv[2] = {cand->mv[cand_list].row, cand->mv[cand_list].col};
      if (SignBias(cand_ref) != SignBias(b_.ref_frame[0])) {
        cand_mv[0] *= -1;
        cand_mv[1] *= -1;
      }
      int idx = 0;
      for (; idx < s_->num_mv_found; ++idx) {
        if (cand_mv[0] == s_->ref_stack_mv[idx][0][0] &&
            cand_mv[1] == s_->ref_stack_mv[idx][0][1]) {
          break;
        }
      }
      // NumMvFound < 2 on entry and grows by at most 2 per call, so idx
      // stays below MAX_REF_MV_STACK_SIZE.
      if (idx == s_->num_mv_found && idx < MAX_REF_MV_STACK_SIZE) {
        s_->ref_stack_mv[idx][0][0] = cand_mv[0];
        s_->ref_stack_mv[idx][0][1] = cand_mv[1];
        s_->weight_stack[idx] = 2;
        s_->num_mv_found++;
      }
    }
  }
}

// 7.10.2.14 context and clamping process.
void MvPredictor::ContextAndClamping(int num_new) {
  const int bw = Block_Width(b_.mi_size);
  const int bh = Block_Height(b_.mi_size);
  const int bw4 = Num_4x4_Blocks_Wide[b_.mi_size];
  const int bh4 = Num_4x4_Blocks_High[b_.mi_size];
  const int num_lists = compound_ ? 2 : 1;
  for (int idx = 0; idx < s_->num_mv_found; ++idx) {
    int z = 0;
    if (idx + 1 < s_->num_mv_found) {
      const int w0 = s_->weight_stack[idx];
      const int w1 = s_->weight_stack[idx + 1];
      if (w0 >= REF_CAT_LEVEL) {
        if (w1 < REF_CAT_LEVEL) z = 1;
      } else {
        z = 2;
      }
    }
    s_->drl_ctx_stack[idx] = z;
  }
  // clamp_mv_row / clamp_mv_col (5.11.x) with border MV_BORDER + bh * 8 /
  // MV_BORDER + bw * 8.
  const int mb_to_top_edge = -((b_.mi_row * MI_SIZE) * 8);
  const int mb_to_bottom_edge = ((hdr_.MiRows - bh4 - b_.mi_row) * MI_SIZE) * 8;
  const int mb_to_left_edge = -((b_.mi_col * MI_SIZE) * 8);
  const int mb_to_right_edge = ((hdr_.MiCols - bw4 - b_.mi_col) * MI_SIZE) * 8;
  const int border_r = MV_BORDER + bh * 8;
  const int border_c = MV_BORDER + bw * 8;
  for (int list = 0; list < num_lists; ++list) {
    for (int idx = 0; idx < s_->num_mv_found; ++idx) {
      int* ref_mv = s_->ref_stack_mv[idx][list];
      ref_mv[0] = Clip3(mb_to_top_edge - border_r, mb_to_bottom_edge + border_r, ref_mv[0]);
      ref_mv[1] = Clip3(mb_to_left_edge - border_c, mb_to_right_edge + border_c, ref_mv[1]);
    }
  }
  if (close_matches_ == 0) {
    s_->new_mv_context = std::min(total_matches_, 1);
    s_->ref_mv_context = total_matches_;
  } else if (close_matches_ == 1) {
    s_->new_mv_context = 3 - std::min(num_new, 1);
    s_->ref_mv_context = 2 + total_matches_;
  } else {
    s_->new_mv_context = 5 - std::min(num_new, 1);
    s_->ref_mv_context = 5;
  }
}

// 7.10.3 has overlappable candidates process.
bool MvPredictor::HasOverlappableCandidates(const MvBlock& block) const {
  const int mi_size = SafeSize(block.mi_size);
  const int mi_row = block.mi_row;
  const int mi_col = block.mi_col;
  // AvailU = is_inside( MiRow - 1, MiCol ), AvailL = is_inside( MiRow, MiCol - 1 ).
  if (IsInside(mi_row - 1, mi_col)) {
    const int w4 = Num_4x4_Blocks_Wide[mi_size];
    for (int x4 = mi_col; x4 < std::min(hdr_.MiCols, mi_col + w4); x4 += 2) {
      // MiCols is even, so x4 | 1 stays in the frame; the tile check guards
      // against anything else.
      const BlockInfo* cand = At(mi_row - 1, x4 | 1);
      if (cand != nullptr && IsInterRef(cand->ref_frame[0])) return true;
    }
  }
  if (IsInside(mi_row, mi_col - 1)) {
    const int h4 = Num_4x4_Blocks_High[mi_size];
    for (int y4 = mi_row; y4 < std::min(hdr_.MiRows, mi_row + h4); y4 += 2) {
      const BlockInfo* cand = At(y4 | 1, mi_col - 1);
      if (cand != nullptr && IsInterRef(cand->ref_frame[0])) return true;
    }
  }
  return false;
}

// 7.10.4 find warp samples process.
void MvPredictor::FindWarpSamples(const MvBlock& block_in, const Mv& mv0,
                                  WarpSamples* out) const {
  *out = WarpSamples();
  MvBlock block = block_in;
  if (!ValidBlockSize(block.mi_size)) block.mi_size = BLOCK_4X4;
  const int mi_row = block.mi_row;
  const int mi_col = block.mi_col;
  const int w4 = Num_4x4_Blocks_Wide[block.mi_size];
  const int h4 = Num_4x4_Blocks_High[block.mi_size];
  bool do_top_left = true;
  bool do_top_right = true;
  if (const BlockInfo* above = At(mi_row - 1, mi_col)) {  // AvailU
    const int src_size = SafeSize(above->mi_size);
    const int src_w = Num_4x4_Blocks_Wide[src_size];
    if (w4 <= src_w) {
      const int col_offset = -(mi_col & (src_w - 1));
      if (col_offset < 0) do_top_left = false;
      if (col_offset + src_w > w4) do_top_right = false;
      AddSample(block, mv0, -1, 0, out);
    } else {
      int mi_step = 1;
      for (int i = 0; i < std::min(w4, hdr_.MiCols - mi_col); i += mi_step) {
        const BlockInfo* cand = At(mi_row - 1, mi_col + i);
        if (cand == nullptr) break;  // outside the tile: add_sample would return
        const int size = SafeSize(cand->mi_size);
        mi_step = std::min<int>(w4, Num_4x4_Blocks_Wide[size]);
        AddSample(block, mv0, -1, i, out);
      }
    }
  }
  if (const BlockInfo* left = At(mi_row, mi_col - 1)) {  // AvailL
    const int src_size = SafeSize(left->mi_size);
    const int src_h = Num_4x4_Blocks_High[src_size];
    if (h4 <= src_h) {
      const int row_offset = -(mi_row & (src_h - 1));
      if (row_offset < 0) do_top_left = false;
      AddSample(block, mv0, 0, -1, out);
    } else {
      int mi_step = 1;
      for (int i = 0; i < std::min(h4, hdr_.MiRows - mi_row); i += mi_step) {
        const BlockInfo* cand = At(mi_row + i, mi_col - 1);
        if (cand == nullptr) break;
        const int size = SafeSize(cand->mi_size);
        mi_step = std::min<int>(h4, Num_4x4_Blocks_High[size]);
        AddSample(block, mv0, i, -1, out);
      }
    }
  }
  if (do_top_left) AddSample(block, mv0, -1, -1, out);
  if (do_top_right && std::max(w4, h4) <= 16) AddSample(block, mv0, -1, w4, out);
  if (out->num_samples == 0 && out->num_samples_scanned > 0) out->num_samples = 1;
}

// 7.10.4.2 add sample process.
void MvPredictor::AddSample(const MvBlock& block, const Mv& mv0, int delta_row, int delta_col,
                            WarpSamples* out) const {
  if (out->num_samples_scanned >= LEAST_SQUARES_SAMPLES_MAX) return;
  const int mv_row = block.mi_row + delta_row;
  const int mv_col = block.mi_col + delta_col;
  const BlockInfo* cand = At(mv_row, mv_col);
  if (cand == nullptr) return;  // !is_inside( )
  if (!cand->decoded) return;   // RefFrames[ ][ ][ 0 ] not written this frame
  if (!IsInterRef(cand->ref_frame[0]) || cand->ref_frame[0] != block.ref_frame[0]) return;
  if (cand->ref_frame[1] != kRefNone) return;
  const int cand_sz = SafeSize(cand->mi_size);
  const int cand_w4 = Num_4x4_Blocks_Wide[cand_sz];
  const int cand_h4 = Num_4x4_Blocks_High[cand_sz];
  const int cand_row = mv_row & ~(cand_h4 - 1);
  const int cand_col = mv_col & ~(cand_w4 - 1);
  const int mid_y = cand_row * 4 + cand_h4 * 2 - 1;
  const int mid_x = cand_col * 4 + cand_w4 * 2 - 1;
  const int threshold =
      Clip3(16, 112, std::max(Block_Width(block.mi_size), Block_Height(block.mi_size)));
  // Mvs[ candRow ][ candCol ]: the candidate block's top-left mi.  It lies
  // in the frame (0 <= candRow <= mvRow); a conformant grid has the same
  // block there, a hostile one only gives other (in-bounds) values.
  const Mv& cand_mv = blocks_->at(cand_row, cand_col).mv[0];
  const int mv_diff_row = std::abs(cand_mv.row - mv0.row);
  const int mv_diff_col = std::abs(cand_mv.col - mv0.col);
  const bool valid = (mv_diff_row + mv_diff_col) <= threshold;
  const int cand_vals[4] = {mid_y * 8, mid_x * 8, mid_y * 8 + cand_mv.row,
                            mid_x * 8 + cand_mv.col};
  out->num_samples_scanned += 1;
  if (!valid && out->num_samples_scanned > 1) return;
  for (int j = 0; j < 4; ++j) out->cand_list[out->num_samples][j] = cand_vals[j];
  if (valid) out->num_samples += 1;
}

}  // namespace hav1::tile
