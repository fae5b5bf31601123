// 8.3.2 contexts of the inter mode info symbols on hand-made neighbours.
// Every expected value is worked out by hand from the spec text (09 parsing
// process, 8.3.2, and the neighbour variables of 5.11.18
// inter_frame_mode_info()); the comment beside each case shows the steps.
//
// Reminders from 5.11.18:
//   AboveRefFrame = AvailU ? RefFrames[ above ] : { INTRA_FRAME, NONE }
//   AboveIntra  = AboveRefFrame[ 0 ] <= INTRA_FRAME
//   AboveSingle = AboveRefFrame[ 1 ] <= INTRA_FRAME   (same for Left)
#include "src/tile/inter_contexts.h"

#include <gtest/gtest.h>

#include "src/bitstream/constants.h"
#include "src/bitstream/frame_header.h"
#include "src/bitstream/sequence_header.h"
#include "src/tile/block_info.h"

namespace hav1::tile {
namespace {

// Neighbour makers.  Field values follow what decode_block stores.
BlockInfo Intra() {
  BlockInfo b;
  b.is_inter = 0;
  b.ref_frame[0] = INTRA_FRAME;
  b.ref_frame[1] = NONE;
  return b;
}
// intrabc: IsInters 1 but RefFrame = { INTRA_FRAME, NONE } (5.11.7).
BlockInfo IntraBc() {
  BlockInfo b = Intra();
  b.is_inter = 1;
  b.use_intrabc = 1;
  return b;
}
BlockInfo Single(int ref) {
  BlockInfo b;
  b.is_inter = 1;
  b.ref_frame[0] = static_cast<int8_t>(ref);
  b.ref_frame[1] = NONE;
  return b;
}
// Inter-intra: RefFrame[ 1 ] = INTRA_FRAME (counts as single).
BlockInfo InterIntra(int ref) {
  BlockInfo b = Single(ref);
  b.ref_frame[1] = INTRA_FRAME;
  b.interintra = 1;
  return b;
}
BlockInfo Comp(int ref0, int ref1) {
  BlockInfo b = Single(ref0);
  b.ref_frame[1] = static_cast<int8_t>(ref1);
  return b;
}

Neighbors N(const BlockInfo* above, const BlockInfo* left) {
  Neighbors n;
  n.above = above;
  n.left = left;
  return n;
}

constexpr int L1 = LAST_FRAME, L2 = LAST2_FRAME, L3 = LAST3_FRAME, GF = GOLDEN_FRAME;
constexpr int BW = BWDREF_FRAME, A2 = ALTREF2_FRAME, AF = ALTREF_FRAME;

// ---------------------------------------------------------------- is_inter
TEST(InterContexts, IsInter) {
  const BlockInfo intra = Intra(), ibc = IntraBc(), inter = Single(L1), ii = InterIntra(GF);
  const BlockInfo comp = Comp(L1, AF);
  // Neither available: ctx = 0.
  EXPECT_EQ(IsInterCtx(N(nullptr, nullptr)), 0);
  // Only one available: 2 * that neighbour's Intra.
  EXPECT_EQ(IsInterCtx(N(&intra, nullptr)), 2);
  EXPECT_EQ(IsInterCtx(N(&inter, nullptr)), 0);
  EXPECT_EQ(IsInterCtx(N(nullptr, &intra)), 2);
  EXPECT_EQ(IsInterCtx(N(nullptr, &comp)), 0);
  // Both available: 3 if both intra, else LeftIntra || AboveIntra.
  EXPECT_EQ(IsInterCtx(N(&intra, &intra)), 3);
  EXPECT_EQ(IsInterCtx(N(&intra, &inter)), 1);
  EXPECT_EQ(IsInterCtx(N(&inter, &intra)), 1);
  EXPECT_EQ(IsInterCtx(N(&inter, &comp)), 0);
  // Intrabc neighbours have RefFrame[ 0 ] = INTRA_FRAME: intra, although
  // IsInters is 1.
  EXPECT_EQ(IsInterCtx(N(&ibc, &inter)), 1);
  EXPECT_EQ(IsInterCtx(N(&ibc, &ibc)), 3);
  EXPECT_EQ(IsInterCtx(N(&ibc, nullptr)), 2);
  // Inter-intra neighbours have RefFrame[ 0 ] = GOLDEN: not intra.
  EXPECT_EQ(IsInterCtx(N(&ii, &ii)), 0);
}

// --------------------------------------------------------------- skip_mode
TEST(InterContexts, SkipMode) {
  BlockInfo sm = Single(L1), nsm = Single(L1);
  sm.skip_mode = 1;
  EXPECT_EQ(SkipModeCtx(N(nullptr, nullptr)), 0);
  EXPECT_EQ(SkipModeCtx(N(&sm, nullptr)), 1);
  EXPECT_EQ(SkipModeCtx(N(nullptr, &sm)), 1);
  EXPECT_EQ(SkipModeCtx(N(&sm, &nsm)), 1);
  EXPECT_EQ(SkipModeCtx(N(&nsm, &sm)), 1);
  EXPECT_EQ(SkipModeCtx(N(&sm, &sm)), 2);
  EXPECT_EQ(SkipModeCtx(N(&nsm, &nsm)), 0);
}

// --------------------------------------------------------------- comp_mode
TEST(InterContexts, CompMode) {
  const BlockInfo intra = Intra(), last = Single(L1), gold = Single(GF), bwd = Single(BW);
  const BlockInfo alt2 = Single(A2), alt = Single(AF), comp = Comp(L1, AF);
  const BlockInfo ii_alt = InterIntra(AF), ii_last = InterIntra(L1);
  // Neither: 1.
  EXPECT_EQ(CompModeCtx(N(nullptr, nullptr)), 1);
  // Above only: AboveSingle ? check_backward( AboveRefFrame[ 0 ] ) : 3.
  EXPECT_EQ(CompModeCtx(N(&last, nullptr)), 0);   // LAST is forward
  EXPECT_EQ(CompModeCtx(N(&alt, nullptr)), 1);    // ALTREF is backward
  EXPECT_EQ(CompModeCtx(N(&comp, nullptr)), 3);   // not single
  EXPECT_EQ(CompModeCtx(N(&intra, nullptr)), 0);  // intra: single (NONE), check_backward(0) = 0
  // Left only: same on the left.
  EXPECT_EQ(CompModeCtx(N(nullptr, &bwd)), 1);
  EXPECT_EQ(CompModeCtx(N(nullptr, &gold)), 0);
  EXPECT_EQ(CompModeCtx(N(nullptr, &comp)), 3);
  // Both single: check_backward( above0 ) ^ check_backward( left0 ).
  EXPECT_EQ(CompModeCtx(N(&last, &alt)), 1);   // 0 ^ 1
  EXPECT_EQ(CompModeCtx(N(&bwd, &alt2)), 0);   // 1 ^ 1
  EXPECT_EQ(CompModeCtx(N(&last, &gold)), 0);  // 0 ^ 0
  EXPECT_EQ(CompModeCtx(N(&intra, &alt)), 1);  // 0 ^ 1
  // Above single, left compound: 2 + ( check_backward( above0 ) || AboveIntra ).
  EXPECT_EQ(CompModeCtx(N(&last, &comp)), 2);
  EXPECT_EQ(CompModeCtx(N(&alt, &comp)), 3);
  EXPECT_EQ(CompModeCtx(N(&intra, &comp)), 3);
  // Left single, above compound: 2 + ( check_backward( left0 ) || LeftIntra ).
  EXPECT_EQ(CompModeCtx(N(&comp, &gold)), 2);
  EXPECT_EQ(CompModeCtx(N(&comp, &bwd)), 3);
  EXPECT_EQ(CompModeCtx(N(&comp, &intra)), 3);
  // Both compound: 4.
  EXPECT_EQ(CompModeCtx(N(&comp, &comp)), 4);
  // Inter-intra neighbours are single: 1 ^ 0 = 1.
  EXPECT_EQ(CompModeCtx(N(&ii_alt, &ii_last)), 1);
  EXPECT_EQ(CompModeCtx(N(&ii_alt, nullptr)), 1);
}

// ----------------------------------------------------------- comp_ref_type
TEST(InterContexts, CompRefType) {
  const BlockInfo intra = Intra(), last = Single(L1), gold = Single(GF), bwd = Single(BW);
  const BlockInfo alt = Single(AF);
  const BlockInfo bidir = Comp(L1, AF);      // compound, not same direction
  const BlockInfo uni_fwd = Comp(L1, L2);    // uni-directional forward
  const BlockInfo uni_fwd2 = Comp(L1, GF);   // uni-directional forward
  const BlockInfo uni_bwd = Comp(BW, AF);    // uni-directional backward
  const BlockInfo ii = InterIntra(L1);       // single (RefFrame[ 1 ] = INTRA_FRAME)

  // Both available and inter.
  // - neither compound: 1 + 2 * samedir( above0, left0 ).
  EXPECT_EQ(CompRefTypeCtx(N(&last, &gold)), 3);  // same direction
  EXPECT_EQ(CompRefTypeCtx(N(&last, &alt)), 1);   // different
  EXPECT_EQ(CompRefTypeCtx(N(&ii, &bwd)), 1);     // inter-intra is single; L1 vs BWD differ
  // - above single, left compound: !leftUniComp ? 1 : 3 + samedir.
  EXPECT_EQ(CompRefTypeCtx(N(&last, &bidir)), 1);
  EXPECT_EQ(CompRefTypeCtx(N(&last, &uni_fwd)), 4);  // samedir( L1, L1 ) = 1
  EXPECT_EQ(CompRefTypeCtx(N(&bwd, &uni_fwd)), 3);   // samedir( BWD, L1 ) = 0
  // - above compound, left single: !aboveUniComp ? 1 : 3 + samedir.
  EXPECT_EQ(CompRefTypeCtx(N(&bidir, &last)), 1);
  EXPECT_EQ(CompRefTypeCtx(N(&uni_bwd, &alt)), 4);  // samedir( BWD, ALT ) = 1
  EXPECT_EQ(CompRefTypeCtx(N(&uni_bwd, &last)), 3);  // samedir( BWD, L1 ) = 0
  // - both compound.
  EXPECT_EQ(CompRefTypeCtx(N(&bidir, &bidir)), 0);     // neither uni
  EXPECT_EQ(CompRefTypeCtx(N(&uni_fwd, &bidir)), 2);   // one uni
  EXPECT_EQ(CompRefTypeCtx(N(&bidir, &uni_bwd)), 2);   // one uni
  // both uni: 3 + ( ( above0 == BWDREF ) == ( left0 == BWDREF ) ).
  EXPECT_EQ(CompRefTypeCtx(N(&uni_bwd, &uni_bwd)), 4);   // 1 == 1
  EXPECT_EQ(CompRefTypeCtx(N(&uni_bwd, &uni_fwd)), 3);   // 1 != 0
  EXPECT_EQ(CompRefTypeCtx(N(&uni_fwd, &uni_fwd2)), 4);  // 0 == 0

  // Both available, at least one intra.
  EXPECT_EQ(CompRefTypeCtx(N(&bidir, &intra)), 1);    // 1 + 2 * aboveUniComp(0)
  EXPECT_EQ(CompRefTypeCtx(N(&uni_fwd, &intra)), 3);  // 1 + 2 * 1
  EXPECT_EQ(CompRefTypeCtx(N(&intra, &uni_bwd)), 3);  // 1 + 2 * leftUniComp(1)
  EXPECT_EQ(CompRefTypeCtx(N(&intra, &bidir)), 1);
  EXPECT_EQ(CompRefTypeCtx(N(&intra, &last)), 2);     // no compound neighbour
  EXPECT_EQ(CompRefTypeCtx(N(&gold, &intra)), 2);
  EXPECT_EQ(CompRefTypeCtx(N(&intra, &intra)), 2);

  // One or no neighbour.
  EXPECT_EQ(CompRefTypeCtx(N(&uni_fwd, nullptr)), 4);  // 4 * aboveUniComp
  EXPECT_EQ(CompRefTypeCtx(N(&bidir, nullptr)), 0);
  EXPECT_EQ(CompRefTypeCtx(N(&last, nullptr)), 2);
  EXPECT_EQ(CompRefTypeCtx(N(&intra, nullptr)), 2);
  EXPECT_EQ(CompRefTypeCtx(N(nullptr, &uni_bwd)), 4);  // 4 * leftUniComp
  EXPECT_EQ(CompRefTypeCtx(N(nullptr, &bidir)), 0);
  EXPECT_EQ(CompRefTypeCtx(N(nullptr, &alt)), 2);
  EXPECT_EQ(CompRefTypeCtx(N(nullptr, nullptr)), 2);
}

// ------------------------------------------------ count_refs based contexts
// ref_count_ctx( a, b ) = a < b ? 0 : a == b ? 1 : 2.

TEST(InterContexts, CompRef) {
  // last12 = count( LAST ) + count( LAST2 ); last3Gold = count( LAST3 ) + count( GOLDEN ).
  const BlockInfo intra = Intra(), gold = Single(GF), last = Single(L1);
  const BlockInfo l1_af = Comp(L1, AF), l2 = Single(L2), l3_bw = Comp(L3, BW);
  const BlockInfo l1_l2 = Comp(L1, L2), l3_gf = Comp(L3, GF);
  EXPECT_EQ(CompRefCtx(N(nullptr, nullptr)), 1);  // 0 vs 0
  EXPECT_EQ(CompRefCtx(N(&intra, &intra)), 1);    // intra counts nothing
  EXPECT_EQ(CompRefCtx(N(&l1_af, &l2)), 2);       // 2 vs 0
  EXPECT_EQ(CompRefCtx(N(&gold, &l3_bw)), 0);     // 0 vs 2
  EXPECT_EQ(CompRefCtx(N(&last, &gold)), 1);      // 1 vs 1
  EXPECT_EQ(CompRefCtx(N(&l1_l2, &l3_gf)), 1);    // both of a pair count: 2 vs 2
  EXPECT_EQ(CompRefCtx(N(&l1_l2, nullptr)), 2);   // 2 vs 0
  EXPECT_EQ(CompRefCtx(N(nullptr, &l3_gf)), 0);   // 0 vs 2
  EXPECT_EQ(CompRefCtx(N(&l1_l2, &l1_l2)), 2);    // 4 vs 0
}

TEST(InterContexts, CompRefP1) {
  // count( LAST ) vs count( LAST2 ).
  const BlockInfo last = Single(L1), l2 = Single(L2), l1_af = Comp(L1, AF);
  EXPECT_EQ(CompRefP1Ctx(N(&last, &l2)), 1);     // 1 vs 1
  EXPECT_EQ(CompRefP1Ctx(N(&l1_af, &last)), 2);  // 2 vs 0
  EXPECT_EQ(CompRefP1Ctx(N(&l2, nullptr)), 0);   // 0 vs 1
  EXPECT_EQ(CompRefP1Ctx(N(nullptr, nullptr)), 1);
}

TEST(InterContexts, CompRefP2) {
  // count( LAST3 ) vs count( GOLDEN ).
  const BlockInfo l3 = Single(L3), l3_bw = Comp(L3, BW), gold = Single(GF), intra = Intra();
  EXPECT_EQ(CompRefP2Ctx(N(&l3, &l3_bw)), 2);    // 2 vs 0
  EXPECT_EQ(CompRefP2Ctx(N(&gold, nullptr)), 0);  // 0 vs 1
  EXPECT_EQ(CompRefP2Ctx(N(&gold, &l3)), 1);      // 1 vs 1
  EXPECT_EQ(CompRefP2Ctx(N(&intra, nullptr)), 1);  // 0 vs 0
  EXPECT_EQ(CompRefP2Ctx(N(nullptr, nullptr)), 1);
}

TEST(InterContexts, CompBwdref) {
  // count( BWDREF ) + count( ALTREF2 ) vs count( ALTREF ).
  const BlockInfo l1_af = Comp(L1, AF), alt2 = Single(A2), alt = Single(AF);
  const BlockInfo bwd = Single(BW), l1_a2 = Comp(L1, A2);
  EXPECT_EQ(CompBwdrefCtx(N(&l1_af, &alt2)), 1);  // 1 vs 1
  EXPECT_EQ(CompBwdrefCtx(N(&alt, &alt)), 0);     // 0 vs 2
  EXPECT_EQ(CompBwdrefCtx(N(&bwd, &l1_a2)), 2);   // 2 vs 0
  EXPECT_EQ(CompBwdrefCtx(N(nullptr, nullptr)), 1);
}

TEST(InterContexts, CompBwdrefP1) {
  // count( BWDREF ) vs count( ALTREF2 ).
  const BlockInfo bwd = Single(BW), alt = Single(AF), alt2 = Single(A2), bw_a2 = Comp(BW, A2);
  EXPECT_EQ(CompBwdrefP1Ctx(N(&bwd, &alt)), 2);      // 1 vs 0
  EXPECT_EQ(CompBwdrefP1Ctx(N(&alt2, nullptr)), 0);  // 0 vs 1
  EXPECT_EQ(CompBwdrefP1Ctx(N(nullptr, &bw_a2)), 1);  // 1 vs 1
  EXPECT_EQ(CompBwdrefP1Ctx(N(&bw_a2, &bwd)), 2);    // 2 vs 1
}

TEST(InterContexts, UniCompRefP1) {
  // count( LAST2 ) vs count( LAST3 ) + count( GOLDEN ).
  const BlockInfo l1_l2 = Comp(L1, L2), gold = Single(GF), l2 = Single(L2), l1_l3 = Comp(L1, L3);
  EXPECT_EQ(UniCompRefP1Ctx(N(&l1_l2, &gold)), 1);    // 1 vs 1
  EXPECT_EQ(UniCompRefP1Ctx(N(&l2, &l2)), 2);         // 2 vs 0
  EXPECT_EQ(UniCompRefP1Ctx(N(&l1_l3, nullptr)), 0);  // 0 vs 1
  EXPECT_EQ(UniCompRefP1Ctx(N(nullptr, nullptr)), 1);
}

TEST(InterContexts, SingleRefP1AndUniCompRef) {
  // fwd = count( LAST..GOLDEN ), bwd = count( BWDREF..ALTREF ).
  const BlockInfo last = Single(L1), alt = Single(AF), l1_gf = Comp(L1, GF), bwd = Single(BW);
  const BlockInfo bw_a2 = Comp(BW, A2), intra = Intra(), ii = InterIntra(L1);
  EXPECT_EQ(SingleRefCtx(N(&last, &alt), 1), 1);     // 1 vs 1
  EXPECT_EQ(SingleRefCtx(N(&l1_gf, &bwd), 1), 2);    // 2 vs 1
  EXPECT_EQ(SingleRefCtx(N(&alt, &bw_a2), 1), 0);    // 0 vs 3
  EXPECT_EQ(SingleRefCtx(N(&intra, &intra), 1), 1);  // 0 vs 0
  // Inter-intra: RefFrame[ 1 ] = INTRA_FRAME is not counted: 1 vs 0.
  EXPECT_EQ(SingleRefCtx(N(&ii, nullptr), 1), 2);
  // uni_comp_ref uses the single_ref_p1 context.
  EXPECT_EQ(UniCompRefCtx(N(&last, &alt)), 1);
  EXPECT_EQ(UniCompRefCtx(N(&l1_gf, &bwd)), 2);
  EXPECT_EQ(UniCompRefCtx(N(&alt, &bw_a2)), 0);
}

TEST(InterContexts, SingleRefP2ToP6AndUniCompRefP2) {
  // p2 = comp_bwdref, p3 = comp_ref, p4 = comp_ref_p1, p5 = comp_ref_p2,
  // p6 = comp_bwdref_p1; uni_comp_ref_p2 = comp_ref_p2.
  {
    // above LAST, left ALTREF2.
    const BlockInfo a = Single(L1), l = Single(A2);
    const Neighbors n = N(&a, &l);
    EXPECT_EQ(SingleRefCtx(n, 2), 2);  // BWD+ALT2 = 1 vs ALT = 0
    EXPECT_EQ(SingleRefCtx(n, 3), 2);  // L1+L2 = 1 vs L3+GF = 0
    EXPECT_EQ(SingleRefCtx(n, 4), 2);  // L1 = 1 vs L2 = 0
    EXPECT_EQ(SingleRefCtx(n, 5), 1);  // L3 = 0 vs GF = 0
    EXPECT_EQ(SingleRefCtx(n, 6), 0);  // BWD = 0 vs ALT2 = 1
    EXPECT_EQ(UniCompRefP2Ctx(n), 1);
  }
  {
    // above GOLDEN, left ALTREF.
    const BlockInfo a = Single(GF), l = Single(AF);
    const Neighbors n = N(&a, &l);
    EXPECT_EQ(SingleRefCtx(n, 2), 0);  // 0 vs 1
    EXPECT_EQ(SingleRefCtx(n, 3), 0);  // 0 vs 1
    EXPECT_EQ(SingleRefCtx(n, 4), 1);  // 0 vs 0
    EXPECT_EQ(SingleRefCtx(n, 5), 0);  // L3 = 0 vs GF = 1
    EXPECT_EQ(SingleRefCtx(n, 6), 1);  // 0 vs 0
    EXPECT_EQ(UniCompRefP2Ctx(n), 0);
  }
  {
    // above ( LAST3, BWDREF ), left LAST3: p5 = 2 vs 0, p6 = 1 vs 0.
    const BlockInfo a = Comp(L3, BW), l = Single(L3);
    const Neighbors n = N(&a, &l);
    EXPECT_EQ(SingleRefCtx(n, 5), 2);
    EXPECT_EQ(SingleRefCtx(n, 6), 2);
    EXPECT_EQ(UniCompRefP2Ctx(n), 2);
  }
}

// ----------------------------------------------------------- interp_filter
TEST(InterContexts, InterpFilter) {
  const int single_last[2] = {L1, NONE};
  const int comp_last_alt[2] = {L1, AF};
  const int ii_last[2] = {L1, INTRA_FRAME};

  // No neighbours: leftType = aboveType = 3, equal, ctx += 3.
  // Base ( ( dir & 1 ) * 2 + ( RefFrame[ 1 ] > INTRA_FRAME ) ) * 4.
  EXPECT_EQ(InterpFilterCtx(N(nullptr, nullptr), 0, single_last), 3);
  EXPECT_EQ(InterpFilterCtx(N(nullptr, nullptr), 1, single_last), 8 + 3);
  EXPECT_EQ(InterpFilterCtx(N(nullptr, nullptr), 0, comp_last_alt), 4 + 3);
  EXPECT_EQ(InterpFilterCtx(N(nullptr, nullptr), 1, comp_last_alt), 12 + 3);
  // Inter-intra: RefFrame[ 1 ] = INTRA_FRAME is not > INTRA_FRAME.
  EXPECT_EQ(InterpFilterCtx(N(nullptr, nullptr), 1, ii_last), 8 + 3);

  BlockInfo a = Single(L1);
  a.interp_filter[0] = EIGHTTAP_SMOOTH;
  a.interp_filter[1] = EIGHTTAP_SHARP;
  BlockInfo l = Single(L1);
  l.interp_filter[0] = EIGHTTAP_SHARP;
  l.interp_filter[1] = EIGHTTAP_SHARP;
  // Only above matches: leftType = 3, ctx += aboveType; dir picks the filter.
  EXPECT_EQ(InterpFilterCtx(N(&a, nullptr), 0, single_last), 1);
  EXPECT_EQ(InterpFilterCtx(N(&a, nullptr), 1, single_last), 8 + 2);
  // Only left matches: aboveType = 3, ctx += leftType.
  EXPECT_EQ(InterpFilterCtx(N(nullptr, &l), 0, single_last), 2);
  EXPECT_EQ(InterpFilterCtx(N(nullptr, &l), 0, comp_last_alt), 4 + 2);
  // Both match, different types: ctx += 3.
  EXPECT_EQ(InterpFilterCtx(N(&a, &l), 0, single_last), 3);
  // Both match, same type (dir 1: SHARP, SHARP): ctx += 2.
  EXPECT_EQ(InterpFilterCtx(N(&a, &l), 1, single_last), 8 + 2);

  // Neighbour with a different reference: treated as type 3.
  BlockInfo other = Single(GF);
  other.interp_filter[0] = EIGHTTAP;
  EXPECT_EQ(InterpFilterCtx(N(&other, &l), 0, single_last), 2);  // above 3, left 2
  EXPECT_EQ(InterpFilterCtx(N(&other, nullptr), 0, single_last), 3);
  // Matching through the neighbour's RefFrame[ 1 ]: ( ALTREF, LAST ) vs LAST.
  BlockInfo via1 = Comp(AF, L1);
  via1.interp_filter[0] = EIGHTTAP;
  EXPECT_EQ(InterpFilterCtx(N(&via1, &l), 0, single_last), 3);      // 0 vs 2 differ
  EXPECT_EQ(InterpFilterCtx(N(&via1, nullptr), 0, single_last), 0);  // 0
  // Only RefFrame[ 0 ] of the current block is compared: a neighbour with
  // ALTREF = current RefFrame[ 1 ] does not match.
  BlockInfo alt = Single(AF);
  alt.interp_filter[0] = EIGHTTAP_SMOOTH;
  EXPECT_EQ(InterpFilterCtx(N(&alt, nullptr), 0, comp_last_alt), 4 + 3);
  // Intra neighbours never match ( INTRA_FRAME != LAST ).
  BlockInfo intra = Intra();
  intra.interp_filter[0] = EIGHTTAP;
  EXPECT_EQ(InterpFilterCtx(N(&intra, &intra), 0, single_last), 3);
  // Both match with EIGHTTAP: ctx += 0.
  BlockInfo z = Single(L1);
  EXPECT_EQ(InterpFilterCtx(N(&z, &z), 1, comp_last_alt), 12 + 0);
}

// ---------------------------------------------------------- comp_group_idx
TEST(InterContexts, CompGroupIdx) {
  BlockInfo comp1 = Comp(L1, AF);
  comp1.comp_group_idx = 1;
  BlockInfo comp0 = Comp(L1, AF);  // compound with ALTREF but comp_group_idx 0
  const BlockInfo alt = Single(AF), last = Single(L1), intra = Intra(), ii_alt = InterIntra(AF);
  EXPECT_EQ(CompGroupIdxCtx(N(nullptr, nullptr)), 0);
  EXPECT_EQ(CompGroupIdxCtx(N(&comp1, &comp1)), 2);      // 1 + 1
  EXPECT_EQ(CompGroupIdxCtx(N(&comp0, &comp1)), 1);      // 0 + 1 (ALTREF test only for single)
  EXPECT_EQ(CompGroupIdxCtx(N(&alt, nullptr)), 3);       // single ALTREF: 3
  EXPECT_EQ(CompGroupIdxCtx(N(nullptr, &alt)), 3);
  EXPECT_EQ(CompGroupIdxCtx(N(&alt, &alt)), 5);          // Min( 5, 6 )
  EXPECT_EQ(CompGroupIdxCtx(N(&comp1, &alt)), 4);        // 1 + 3
  EXPECT_EQ(CompGroupIdxCtx(N(&last, &intra)), 0);       // single, not ALTREF
  EXPECT_EQ(CompGroupIdxCtx(N(&ii_alt, &last)), 3);      // inter-intra is single
  EXPECT_EQ(CompGroupIdxCtx(N(&comp1, nullptr)), 1);
}

// ------------------------------------------------------------ compound_idx
TEST(InterContexts, CompoundIdx) {
  SequenceHeader seq;
  seq.enable_order_hint = 1;
  seq.OrderHintBits = 7;
  FrameHeader hdr;
  hdr.OrderHint = 10;
  hdr.OrderHints[LAST_FRAME] = 8;
  hdr.OrderHints[GOLDEN_FRAME] = 4;
  hdr.OrderHints[BWDREF_FRAME] = 14;
  hdr.OrderHints[ALTREF_FRAME] = 12;
  const int last_alt[2] = {L1, AF};  // fwd = |8 - 10| = 2, bck = |12 - 10| = 2: base 3
  const int gold_alt[2] = {GF, AF};  // fwd = 6, bck = 2: base 0
  const int last_bwd[2] = {L1, BW};  // fwd = 2, bck = 4: base 0

  EXPECT_EQ(CompoundIdxCtx(N(nullptr, nullptr), seq, hdr, last_alt), 3);
  EXPECT_EQ(CompoundIdxCtx(N(nullptr, nullptr), seq, hdr, gold_alt), 0);
  EXPECT_EQ(CompoundIdxCtx(N(nullptr, nullptr), seq, hdr, last_bwd), 0);

  BlockInfo comp1 = Comp(L1, AF);
  comp1.compound_idx = 1;
  const BlockInfo comp0 = Comp(L1, AF), alt = Single(AF), last = Single(L1), intra = Intra();
  EXPECT_EQ(CompoundIdxCtx(N(&comp1, nullptr), seq, hdr, gold_alt), 1);   // + CompoundIdxs
  EXPECT_EQ(CompoundIdxCtx(N(&comp0, &comp1), seq, hdr, gold_alt), 1);    // 0 + 1
  EXPECT_EQ(CompoundIdxCtx(N(&alt, nullptr), seq, hdr, gold_alt), 1);     // single ALTREF: ++
  EXPECT_EQ(CompoundIdxCtx(N(nullptr, &alt), seq, hdr, gold_alt), 1);
  EXPECT_EQ(CompoundIdxCtx(N(&last, &intra), seq, hdr, gold_alt), 0);     // single, not ALTREF
  EXPECT_EQ(CompoundIdxCtx(N(&comp1, &alt), seq, hdr, last_alt), 5);      // 3 + 1 + 1
  EXPECT_EQ(CompoundIdxCtx(N(&alt, &alt), seq, hdr, last_alt), 5);        // 3 + 1 + 1

  // get_relative_dist wraps modulo 2^OrderHintBits: with 3 bits, hints
  // 7 and 3 around OrderHint 1: diff( 7, 1 ) = 6 -> (6 & 3) - (6 & 4) = -2,
  // diff( 3, 1 ) = 2: |-2| == |2| so base 3 (a plain difference gives 6 vs 2).
  SequenceHeader seq3 = seq;
  seq3.OrderHintBits = 3;
  FrameHeader wrap;
  wrap.OrderHint = 1;
  wrap.OrderHints[LAST_FRAME] = 7;
  wrap.OrderHints[ALTREF_FRAME] = 3;
  EXPECT_EQ(CompoundIdxCtx(N(nullptr, nullptr), seq3, wrap, last_alt), 3);

  // enable_order_hint = 0: get_relative_dist returns 0, fwd == bck.
  SequenceHeader no_hint;
  no_hint.enable_order_hint = 0;
  EXPECT_EQ(CompoundIdxCtx(N(nullptr, nullptr), no_hint, hdr, gold_alt), 3);
}

}  // namespace
}  // namespace hav1::tile
