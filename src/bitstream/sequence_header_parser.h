// 5.5 sequence_header_obu() parsing.
#ifndef HAV1_SRC_BITSTREAM_SEQUENCE_HEADER_PARSER_H_
#define HAV1_SRC_BITSTREAM_SEQUENCE_HEADER_PARSER_H_

#include "src/bitstream/bit_reader.h"
#include "src/bitstream/sequence_header.h"
#include "src/common/status.h"

namespace hav1 {

// Parses a sequence header OBU payload (without trailing bits) from r.
// operating_point is the requested operating point (choose_operating_point,
// 7.1); it is clamped to operating_points_cnt_minus_1.
Status ParseSequenceHeader(BitReader& r, int operating_point, SequenceHeader* seq);

}  // namespace hav1

#endif  // HAV1_SRC_BITSTREAM_SEQUENCE_HEADER_PARSER_H_
