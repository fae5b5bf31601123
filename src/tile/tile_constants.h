// Symbols and constant tables of the tile syntax (spec 5.11, 6.10, 9.3,
// section 3 and the tables of section 10).  The section 3 symbols and the
// tables are generated from the spec by tools/spec/gen_tile_tables.py into
// tile_tables.inc; the enumerations below are the spec's value tables of
// 6.10 (block sizes, partition types, intra modes, transform sizes, ...).
#ifndef HAV1_SRC_TILE_TILE_CONSTANTS_H_
#define HAV1_SRC_TILE_TILE_CONSTANTS_H_

#include <cstdint>

namespace hav1::tile {

// 6.10.4 subSize / block sizes.
enum BlockSize : int {
  BLOCK_4X4, BLOCK_4X8, BLOCK_8X4, BLOCK_8X8, BLOCK_8X16, BLOCK_16X8,
  BLOCK_16X16, BLOCK_16X32, BLOCK_32X16, BLOCK_32X32, BLOCK_32X64,
  BLOCK_64X32, BLOCK_64X64, BLOCK_64X128, BLOCK_128X64, BLOCK_128X128,
  BLOCK_4X16, BLOCK_16X4, BLOCK_8X32, BLOCK_32X8, BLOCK_16X64, BLOCK_64X16,
};

// 6.10.4 partition types.
enum Partition : int {
  PARTITION_NONE, PARTITION_HORZ, PARTITION_VERT, PARTITION_SPLIT,
  PARTITION_HORZ_A, PARTITION_HORZ_B, PARTITION_VERT_A, PARTITION_VERT_B,
  PARTITION_HORZ_4, PARTITION_VERT_4,
};

// 6.10.22 intra prediction modes (y_mode, uv_mode).
enum IntraMode : int {
  DC_PRED, V_PRED, H_PRED, D45_PRED, D135_PRED, D113_PRED, D157_PRED,
  D203_PRED, D67_PRED, SMOOTH_PRED, SMOOTH_V_PRED, SMOOTH_H_PRED,
  PAETH_PRED, UV_CFL_PRED,
};
// 6.10.24 filter intra modes.
enum FilterIntraMode : int {
  FILTER_DC_PRED, FILTER_V_PRED, FILTER_H_PRED, FILTER_D157_PRED,
  FILTER_PAETH_PRED,
};

// 6.10.16 transform sizes.
enum TxSize : int {
  TX_4X4, TX_8X8, TX_16X16, TX_32X32, TX_64X64, TX_4X8, TX_8X4, TX_8X16,
  TX_16X8, TX_16X32, TX_32X16, TX_32X64, TX_64X32, TX_4X16, TX_16X4,
  TX_8X32, TX_32X8, TX_16X64, TX_64X16,
};

// 5.11.48 get_tx_set() results.
enum TxSet : int {
  TX_SET_DCTONLY = 0,
  TX_SET_INTRA_1 = 1,
  TX_SET_INTRA_2 = 2,
  TX_SET_INTER_1 = 1,
  TX_SET_INTER_2 = 2,
  TX_SET_INTER_3 = 3,
};

// 6.10.32 read_cfl_alphas signs.
enum CflSign : int { CFL_SIGN_ZERO, CFL_SIGN_NEG, CFL_SIGN_POS };

// 6.10.30 mv_joint.
enum MvJoint : int {
  MV_JOINT_ZERO, MV_JOINT_HNZVZ, MV_JOINT_HZVNZ, MV_JOINT_HNZVNZ,
};
inline constexpr int MV_CLASS_0 = 0;

// YMode values of inter blocks (6.10.23 inter block mode info semantics:
// the intra modes take 0..13, UV_CFL_PRED included, so NEARESTMV is 14),
// the single then the compound inter modes.
enum InterMode : int {
  NEARESTMV = 14, NEARMV, GLOBALMV, NEWMV,
  NEAREST_NEARESTMV, NEAR_NEARMV, NEAREST_NEWMV, NEW_NEARESTMV,
  NEAR_NEWMV, NEW_NEARMV, GLOBAL_GLOBALMV, NEW_NEWMV,
};
// 6.10.28 compound_type.
enum CompoundType : int {
  COMPOUND_WEDGE, COMPOUND_DIFFWTD, COMPOUND_AVERAGE, COMPOUND_INTRA,
  COMPOUND_DISTANCE,
};
// 6.10.27 interintra_mode.
enum InterIntraMode : int { II_DC_PRED, II_V_PRED, II_H_PRED, II_SMOOTH_PRED };
// 6.10.24 comp_ref_type.
enum CompRefType : int { UNIDIR_COMP_REFERENCE, BIDIR_COMP_REFERENCE };
// 6.10.29 mask_type of COMPOUND_DIFFWTD.
enum MaskType : int { UNIFORM_45, UNIFORM_45_INV };

// Reference frame names used by the block grid (section 3 / 6.10.24).
inline constexpr int kRefNone = -1;    // NONE
inline constexpr int kIntraFrame = 0;  // INTRA_FRAME

#include "src/tile/tile_tables.inc"

// Block_Width / Block_Height (section 4.? conventions: 4 * Num_4x4_Blocks_*).
constexpr int Block_Width(int bsize) { return 4 * Num_4x4_Blocks_Wide[bsize]; }
constexpr int Block_Height(int bsize) { return 4 * Num_4x4_Blocks_High[bsize]; }

}  // namespace hav1::tile

#endif  // HAV1_SRC_TILE_TILE_CONSTANTS_H_
