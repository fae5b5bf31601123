// CONTRACT (lead): the contexts of the inter mode info symbols that depend
// on the neighbouring blocks (spec 8.3.2, the "ctx" derivations of is_inter,
// skip_mode, comp_mode, comp_ref_type, uni_comp_ref*, comp_ref*,
// comp_bwdref*, single_ref_p1..p6, interp_filter, comp_group_idx,
// compound_idx).
//
// above / left are the grid entries at ( MiRow - 1, MiCol ) and
// ( MiRow, MiCol - 1 ), or NULL when AvailU / AvailL is 0 (the spec's
// AvailU / AvailL tests).  Each function returns the ctx value of 8.3.2
// (the CDF index the parser uses).  Pure functions, no state.
#ifndef HAV1_SRC_TILE_INTER_CONTEXTS_H_
#define HAV1_SRC_TILE_INTER_CONTEXTS_H_

#include "src/bitstream/frame_header.h"
#include "src/bitstream/sequence_header.h"
#include "src/tile/block_info.h"

namespace hav1::tile {

struct Neighbors {
  const BlockInfo* above = nullptr;  // NULL unless AvailU
  const BlockInfo* left = nullptr;   // NULL unless AvailL
};

int IsInterCtx(const Neighbors& n);
int SkipModeCtx(const Neighbors& n);
int CompModeCtx(const Neighbors& n);      // comp_mode
int CompRefTypeCtx(const Neighbors& n);   // comp_ref_type
int UniCompRefCtx(const Neighbors& n);    // uni_comp_ref
int UniCompRefP1Ctx(const Neighbors& n);  // uni_comp_ref_p1
int UniCompRefP2Ctx(const Neighbors& n);  // uni_comp_ref_p2
int CompRefCtx(const Neighbors& n);       // comp_ref
int CompRefP1Ctx(const Neighbors& n);     // comp_ref_p1
int CompRefP2Ctx(const Neighbors& n);     // comp_ref_p2
int CompBwdrefCtx(const Neighbors& n);    // comp_bwdref
int CompBwdrefP1Ctx(const Neighbors& n);  // comp_bwdref_p1
// single_ref_p1 .. single_ref_p6: n_p = 1..6.
int SingleRefCtx(const Neighbors& n, int n_p);
// interp_filter[ dir ] for the current block with RefFrame[ 0..1 ] =
// ref_frame (8.3.2: depends on dir, the reference frames and the neighbours'
// InterpFilters).
int InterpFilterCtx(const Neighbors& n, int dir, const int ref_frame[2]);
// comp_group_idx.
int CompGroupIdxCtx(const Neighbors& n);
// compound_idx: uses the frame's order hints (hdr.OrderHint, hdr.OrderHints,
// enable_order_hint via get_relative_dist) for the current RefFrame[].
int CompoundIdxCtx(const Neighbors& n, const SequenceHeader& seq, const FrameHeader& hdr,
                   const int ref_frame[2]);

}  // namespace hav1::tile

#endif  // HAV1_SRC_TILE_INTER_CONTEXTS_H_
