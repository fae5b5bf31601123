// 8.3.2 CDF selection process: the contexts of the inter mode info symbols
// that depend on the above / left neighbours.
//
// All of them are written in terms of the variables that 5.11.18
// inter_frame_mode_info() sets up before any symbol is read:
//   LeftRefFrame[ 0 ]  = AvailL ? RefFrames[ MiRow ][ MiCol-1 ][ 0 ] : INTRA_FRAME
//   AboveRefFrame[ 0 ] = AvailU ? RefFrames[ MiRow-1 ][ MiCol ][ 0 ] : INTRA_FRAME
//   LeftRefFrame[ 1 ]  = AvailL ? RefFrames[ MiRow ][ MiCol-1 ][ 1 ] : NONE
//   AboveRefFrame[ 1 ] = AvailU ? RefFrames[ MiRow-1 ][ MiCol ][ 1 ] : NONE
//   LeftIntra   = LeftRefFrame[ 0 ] <= INTRA_FRAME
//   AboveIntra  = AboveRefFrame[ 0 ] <= INTRA_FRAME
//   LeftSingle  = LeftRefFrame[ 1 ] <= INTRA_FRAME
//   AboveSingle = AboveRefFrame[ 1 ] <= INTRA_FRAME
// so "intra" here is a RefFrames test, never IsInters: an intrabc block
// (IsInters 1, RefFrame = { INTRA_FRAME, NONE }) counts as intra, and an
// inter-intra block (RefFrame[ 1 ] = INTRA_FRAME) counts as single.
#include "src/tile/inter_contexts.h"

#include <algorithm>
#include <cstdlib>

#include "src/bitstream/constants.h"
#include "src/bitstream/frame_header_parser.h"

namespace hav1::tile {
namespace {

// The neighbour variables of 5.11.18 inter_frame_mode_info().
struct NeighbourRefs {
  bool avail_u, avail_l;
  int above_ref[2];  // AboveRefFrame[ 0..1 ]
  int left_ref[2];   // LeftRefFrame[ 0..1 ]
  bool above_intra, left_intra;    // AboveIntra, LeftIntra
  bool above_single, left_single;  // AboveSingle, LeftSingle
};

NeighbourRefs GetNeighbourRefs(const Neighbors& n) {
  NeighbourRefs r;
  r.avail_u = n.above != nullptr;
  r.avail_l = n.left != nullptr;
  r.above_ref[0] = r.avail_u ? int{n.above->ref_frame[0]} : int{INTRA_FRAME};
  r.above_ref[1] = r.avail_u ? int{n.above->ref_frame[1]} : int{NONE};
  r.left_ref[0] = r.avail_l ? int{n.left->ref_frame[0]} : int{INTRA_FRAME};
  r.left_ref[1] = r.avail_l ? int{n.left->ref_frame[1]} : int{NONE};
  r.above_intra = r.above_ref[0] <= INTRA_FRAME;
  r.left_intra = r.left_ref[0] <= INTRA_FRAME;
  r.above_single = r.above_ref[1] <= INTRA_FRAME;
  r.left_single = r.left_ref[1] <= INTRA_FRAME;
  return r;
}

// 8.3.2 check_backward()
int CheckBackward(int ref_frame) { return ref_frame >= BWDREF_FRAME && ref_frame <= ALTREF_FRAME; }

// 8.3.2 count_refs()
int CountRefs(const NeighbourRefs& r, int frame_type) {
  int c = 0;
  if (r.avail_u) {
    c += r.above_ref[0] == frame_type;
    c += r.above_ref[1] == frame_type;
  }
  if (r.avail_l) {
    c += r.left_ref[0] == frame_type;
    c += r.left_ref[1] == frame_type;
  }
  return c;
}

// 8.3.2 ref_count_ctx()
int RefCountCtx(int counts0, int counts1) {
  if (counts0 < counts1) return 0;
  if (counts0 == counts1) return 1;
  return 2;
}

// 8.3.2 is_samedir_ref_pair()
bool IsSamedirRefPair(int ref0, int ref1) { return (ref0 >= BWDREF_FRAME) == (ref1 >= BWDREF_FRAME); }

}  // namespace

// 8.3.2 is_inter
int IsInterCtx(const Neighbors& n) {
  const NeighbourRefs r = GetNeighbourRefs(n);
  if (r.avail_u && r.avail_l) return (r.left_intra && r.above_intra) ? 3 : (r.left_intra || r.above_intra);
  if (r.avail_u || r.avail_l) return 2 * (r.avail_u ? r.above_intra : r.left_intra);
  return 0;
}

// 8.3.2 skip_mode
int SkipModeCtx(const Neighbors& n) {
  int ctx = 0;
  if (n.above != nullptr) ctx += n.above->skip_mode;
  if (n.left != nullptr) ctx += n.left->skip_mode;
  return ctx;
}

// 8.3.2 comp_mode
int CompModeCtx(const Neighbors& n) {
  const NeighbourRefs r = GetNeighbourRefs(n);
  if (r.avail_u && r.avail_l) {
    if (r.above_single && r.left_single) {
      return CheckBackward(r.above_ref[0]) ^ CheckBackward(r.left_ref[0]);
    }
    if (r.above_single) return 2 + (CheckBackward(r.above_ref[0]) || r.above_intra);
    if (r.left_single) return 2 + (CheckBackward(r.left_ref[0]) || r.left_intra);
    return 4;
  }
  if (r.avail_u) return r.above_single ? CheckBackward(r.above_ref[0]) : 3;
  if (r.avail_l) return r.left_single ? CheckBackward(r.left_ref[0]) : 3;
  return 1;
}

// 8.3.2 comp_ref_type
int CompRefTypeCtx(const Neighbors& n) {
  const NeighbourRefs r = GetNeighbourRefs(n);
  const int above0 = r.above_ref[0], above1 = r.above_ref[1];
  const int left0 = r.left_ref[0], left1 = r.left_ref[1];
  const bool above_comp_inter = r.avail_u && !r.above_intra && !r.above_single;
  const bool left_comp_inter = r.avail_l && !r.left_intra && !r.left_single;
  const bool above_uni_comp = above_comp_inter && IsSamedirRefPair(above0, above1);
  const bool left_uni_comp = left_comp_inter && IsSamedirRefPair(left0, left1);

  if (r.avail_u && !r.above_intra && r.avail_l && !r.left_intra) {
    const int samedir = IsSamedirRefPair(above0, left0);
    if (!above_comp_inter && !left_comp_inter) return 1 + 2 * samedir;
    if (!above_comp_inter) return left_uni_comp ? 3 + samedir : 1;
    if (!left_comp_inter) return above_uni_comp ? 3 + samedir : 1;
    if (!above_uni_comp && !left_uni_comp) return 0;
    if (!above_uni_comp || !left_uni_comp) return 2;
    return 3 + ((above0 == BWDREF_FRAME) == (left0 == BWDREF_FRAME));
  }
  if (r.avail_u && r.avail_l) {
    if (above_comp_inter) return 1 + 2 * above_uni_comp;
    if (left_comp_inter) return 1 + 2 * left_uni_comp;
    return 2;
  }
  if (above_comp_inter) return 4 * above_uni_comp;
  if (left_comp_inter) return 4 * left_uni_comp;
  return 2;
}

// 8.3.2 uni_comp_ref: as single_ref_p1.
int UniCompRefCtx(const Neighbors& n) { return SingleRefCtx(n, 1); }

// 8.3.2 uni_comp_ref_p1
int UniCompRefP1Ctx(const Neighbors& n) {
  const NeighbourRefs r = GetNeighbourRefs(n);
  const int last2_count = CountRefs(r, LAST2_FRAME);
  const int last3_gold_count = CountRefs(r, LAST3_FRAME) + CountRefs(r, GOLDEN_FRAME);
  return RefCountCtx(last2_count, last3_gold_count);
}

// 8.3.2 uni_comp_ref_p2: as comp_ref_p2.
int UniCompRefP2Ctx(const Neighbors& n) { return CompRefP2Ctx(n); }

// 8.3.2 comp_ref
int CompRefCtx(const Neighbors& n) {
  const NeighbourRefs r = GetNeighbourRefs(n);
  const int last12_count = CountRefs(r, LAST_FRAME) + CountRefs(r, LAST2_FRAME);
  const int last3_gold_count = CountRefs(r, LAST3_FRAME) + CountRefs(r, GOLDEN_FRAME);
  return RefCountCtx(last12_count, last3_gold_count);
}

// 8.3.2 comp_ref_p1
int CompRefP1Ctx(const Neighbors& n) {
  const NeighbourRefs r = GetNeighbourRefs(n);
  return RefCountCtx(CountRefs(r, LAST_FRAME), CountRefs(r, LAST2_FRAME));
}

// 8.3.2 comp_ref_p2
int CompRefP2Ctx(const Neighbors& n) {
  const NeighbourRefs r = GetNeighbourRefs(n);
  return RefCountCtx(CountRefs(r, LAST3_FRAME), CountRefs(r, GOLDEN_FRAME));
}

// 8.3.2 comp_bwdref
int CompBwdrefCtx(const Neighbors& n) {
  const NeighbourRefs r = GetNeighbourRefs(n);
  const int brfarf2_count = CountRefs(r, BWDREF_FRAME) + CountRefs(r, ALTREF2_FRAME);
  return RefCountCtx(brfarf2_count, CountRefs(r, ALTREF_FRAME));
}

// 8.3.2 comp_bwdref_p1
int CompBwdrefP1Ctx(const Neighbors& n) {
  const NeighbourRefs r = GetNeighbourRefs(n);
  return RefCountCtx(CountRefs(r, BWDREF_FRAME), CountRefs(r, ALTREF2_FRAME));
}

// 8.3.2 single_ref_p1 .. single_ref_p6
int SingleRefCtx(const Neighbors& n, int n_p) {
  switch (n_p) {
    case 1: {
      const NeighbourRefs r = GetNeighbourRefs(n);
      const int fwd_count = CountRefs(r, LAST_FRAME) + CountRefs(r, LAST2_FRAME) +
                            CountRefs(r, LAST3_FRAME) + CountRefs(r, GOLDEN_FRAME);
      const int bwd_count =
          CountRefs(r, BWDREF_FRAME) + CountRefs(r, ALTREF2_FRAME) + CountRefs(r, ALTREF_FRAME);
      return RefCountCtx(fwd_count, bwd_count);
    }
    case 2:
      return CompBwdrefCtx(n);
    case 3:
      return CompRefCtx(n);
    case 4:
      return CompRefP1Ctx(n);
    case 5:
      return CompRefP2Ctx(n);
    case 6:
      return CompBwdrefP1Ctx(n);
    default:
      return 0;  // not a spec symbol: callers only pass 1..6
  }
}

// 8.3.2 interp_filter
int InterpFilterCtx(const Neighbors& n, int dir, const int ref_frame[2]) {
  int ctx = ((dir & 1) * 2 + (ref_frame[1] > INTRA_FRAME)) * 4;
  int left_type = 3;
  int above_type = 3;
  if (n.left != nullptr) {
    if (n.left->ref_frame[0] == ref_frame[0] || n.left->ref_frame[1] == ref_frame[0]) {
      left_type = n.left->interp_filter[dir & 1];
    }
  }
  if (n.above != nullptr) {
    if (n.above->ref_frame[0] == ref_frame[0] || n.above->ref_frame[1] == ref_frame[0]) {
      above_type = n.above->interp_filter[dir & 1];
    }
  }
  if (left_type == above_type) {
    ctx += left_type;
  } else if (left_type == 3) {
    ctx += above_type;
  } else if (above_type == 3) {
    ctx += left_type;
  } else {
    ctx += 3;
  }
  return ctx;
}

// 8.3.2 comp_group_idx
int CompGroupIdxCtx(const Neighbors& n) {
  const NeighbourRefs r = GetNeighbourRefs(n);
  int ctx = 0;
  if (r.avail_u) {
    if (!r.above_single) {
      ctx += n.above->comp_group_idx;
    } else if (r.above_ref[0] == ALTREF_FRAME) {
      ctx += 3;
    }
  }
  if (r.avail_l) {
    if (!r.left_single) {
      ctx += n.left->comp_group_idx;
    } else if (r.left_ref[0] == ALTREF_FRAME) {
      ctx += 3;
    }
  }
  return std::min(5, ctx);
}

// 8.3.2 compound_idx
int CompoundIdxCtx(const Neighbors& n, const SequenceHeader& seq, const FrameHeader& hdr,
                   const int ref_frame[2]) {
  // OrderHints[] is indexed by a reference frame LAST_FRAME..ALTREF_FRAME;
  // compound_idx is only read for compound blocks, whose two references are
  // in that range.  Clamp so that a misuse can not index out of bounds.
  const int ref0 = std::clamp(ref_frame[0], int{INTRA_FRAME}, int{ALTREF_FRAME});
  const int ref1 = std::clamp(ref_frame[1], int{INTRA_FRAME}, int{ALTREF_FRAME});
  const int fwd = std::abs(GetRelativeDist(seq, hdr.OrderHints[ref0], hdr.OrderHint));
  const int bck = std::abs(GetRelativeDist(seq, hdr.OrderHints[ref1], hdr.OrderHint));
  const NeighbourRefs r = GetNeighbourRefs(n);
  int ctx = (fwd == bck) ? 3 : 0;
  if (r.avail_u) {
    if (!r.above_single) {
      ctx += n.above->compound_idx;
    } else if (r.above_ref[0] == ALTREF_FRAME) {
      ctx++;
    }
  }
  if (r.avail_l) {
    if (!r.left_single) {
      ctx += n.left->compound_idx;
    } else if (r.left_ref[0] == ALTREF_FRAME) {
      ctx++;
    }
  }
  return ctx;
}

}  // namespace hav1::tile
