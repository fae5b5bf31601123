// Symbols and constants of spec section 3 used by the header syntax.
#ifndef HAV1_SRC_BITSTREAM_CONSTANTS_H_
#define HAV1_SRC_BITSTREAM_CONSTANTS_H_

namespace hav1 {

constexpr int REFS_PER_FRAME = 7;
constexpr int TOTAL_REFS_PER_FRAME = 8;
constexpr int NUM_REF_FRAMES = 8;
constexpr int MAX_SEGMENTS = 8;
constexpr int SEG_LVL_MAX = 8;
constexpr int SEG_LVL_ALT_Q = 0;
constexpr int SEG_LVL_ALT_LF_Y_V = 1;
constexpr int SEG_LVL_REF_FRAME = 5;
constexpr int SEG_LVL_SKIP = 6;
constexpr int SEG_LVL_GLOBALMV = 7;
constexpr int MAX_LOOP_FILTER = 63;
constexpr int MAX_TILE_WIDTH = 4096;
constexpr int MAX_TILE_AREA = 4096 * 2304;
constexpr int MAX_TILE_ROWS = 64;
constexpr int MAX_TILE_COLS = 64;
constexpr int PRIMARY_REF_NONE = 7;
constexpr int SUPERRES_NUM = 8;
constexpr int SUPERRES_DENOM_MIN = 9;
constexpr int SUPERRES_DENOM_BITS = 3;
constexpr int SELECT_SCREEN_CONTENT_TOOLS = 2;
constexpr int SELECT_INTEGER_MV = 2;
constexpr int RESTORATION_TILESIZE_MAX = 256;
constexpr int WARPEDMODEL_PREC_BITS = 16;
constexpr int GM_ABS_TRANS_BITS = 12;
constexpr int GM_ABS_TRANS_ONLY_BITS = 9;
constexpr int GM_ABS_ALPHA_BITS = 12;
constexpr int GM_ALPHA_PREC_BITS = 15;
constexpr int GM_TRANS_PREC_BITS = 6;
constexpr int GM_TRANS_ONLY_PREC_BITS = 3;

// OBU types (6.2.2)
enum ObuType {
  OBU_SEQUENCE_HEADER = 1,
  OBU_TEMPORAL_DELIMITER = 2,
  OBU_FRAME_HEADER = 3,
  OBU_TILE_GROUP = 4,
  OBU_METADATA = 5,
  OBU_FRAME = 6,
  OBU_REDUNDANT_FRAME_HEADER = 7,
  OBU_TILE_LIST = 8,
  OBU_PADDING = 15,
};

// Metadata types (6.7.1)
enum MetadataType {
  METADATA_TYPE_HDR_CLL = 1,
  METADATA_TYPE_HDR_MDCV = 2,
  METADATA_TYPE_SCALABILITY = 3,
  METADATA_TYPE_ITUT_T35 = 4,
  METADATA_TYPE_TIMECODE = 5,
};
constexpr int SCALABILITY_SS = 14;

// Frame types (6.8.2)
enum FrameType { KEY_FRAME = 0, INTER_FRAME = 1, INTRA_ONLY_FRAME = 2, SWITCH_FRAME = 3 };

// Reference frame names (section 3)
enum RefFrameName {
  NONE = -1,
  INTRA_FRAME = 0,
  LAST_FRAME = 1,
  LAST2_FRAME = 2,
  LAST3_FRAME = 3,
  GOLDEN_FRAME = 4,
  BWDREF_FRAME = 5,
  ALTREF2_FRAME = 6,
  ALTREF_FRAME = 7,
};

// Interpolation filters (6.8.9)
enum InterpFilter { EIGHTTAP = 0, EIGHTTAP_SMOOTH = 1, EIGHTTAP_SHARP = 2, BILINEAR = 3, SWITCHABLE = 4 };

// TX modes (6.8.21)
enum TxModeValue { ONLY_4X4 = 0, TX_MODE_LARGEST = 1, TX_MODE_SELECT = 2 };

// Loop restoration types (6.10.15)
enum RestorationType { RESTORE_NONE = 0, RESTORE_WIENER = 1, RESTORE_SGRPROJ = 2, RESTORE_SWITCHABLE = 3 };

// Global motion types (6.8.17)
enum GmTypeValue { IDENTITY = 0, TRANSLATION = 1, ROTZOOM = 2, AFFINE = 3 };

// Color config values (6.4.2)
constexpr int CP_BT_709 = 1;
constexpr int CP_UNSPECIFIED = 2;
constexpr int TC_UNSPECIFIED = 2;
constexpr int TC_SRGB = 13;
constexpr int MC_IDENTITY = 0;
constexpr int MC_UNSPECIFIED = 2;
constexpr int CSP_UNKNOWN = 0;

}  // namespace hav1

#endif  // HAV1_SRC_BITSTREAM_CONSTANTS_H_
